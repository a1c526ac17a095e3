using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Smartskola.Core.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutboxChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "OutboxMails",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "EnrolmentId",
                table: "OutboxMails",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "OutboxMails",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMails_EnrolmentId_CreatedUtc",
                table: "OutboxMails",
                columns: new[] { "EnrolmentId", "CreatedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMails_EnrolmentId_CreatedUtc",
                table: "OutboxMails");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "OutboxMails");

            migrationBuilder.DropColumn(
                name: "EnrolmentId",
                table: "OutboxMails");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "OutboxMails");
        }
    }
}

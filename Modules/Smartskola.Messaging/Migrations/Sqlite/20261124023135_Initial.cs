using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Smartskola.Messaging.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MessagingConversations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CareUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastMessageUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessagingConversations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MessagingMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Author = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    ReferenceKind = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferenceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReferenceTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EditedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReadByRecipientUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessagingMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MessagingReadMarkers",
                columns: table => new
                {
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReadUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessagingReadMarkers", x => new { x.ConversationId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "MessagingReplyTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CareUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessagingReplyTemplates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MessagingConversations_CareUnitId_Kind",
                table: "MessagingConversations",
                columns: new[] { "CareUnitId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_MessagingConversations_EnrolmentId_Kind",
                table: "MessagingConversations",
                columns: new[] { "EnrolmentId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MessagingConversations_PatientId",
                table: "MessagingConversations",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_MessagingMessages_ConversationId_CreatedUtc",
                table: "MessagingMessages",
                columns: new[] { "ConversationId", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MessagingReplyTemplates_CareUnitId",
                table: "MessagingReplyTemplates",
                column: "CareUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MessagingConversations");

            migrationBuilder.DropTable(
                name: "MessagingMessages");

            migrationBuilder.DropTable(
                name: "MessagingReadMarkers");

            migrationBuilder.DropTable(
                name: "MessagingReplyTemplates");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Smartskola.Curriculum.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddSectionFinished : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FinishedUtc",
                table: "CurriculumSectionReads",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CurriculumExercisePlays",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExerciseId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FirstPlayedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastPlayedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Plays = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CurriculumExercisePlays", x => new { x.UserId, x.ExerciseId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CurriculumExercisePlays");

            migrationBuilder.DropColumn(
                name: "FinishedUtc",
                table: "CurriculumSectionReads");
        }
    }
}

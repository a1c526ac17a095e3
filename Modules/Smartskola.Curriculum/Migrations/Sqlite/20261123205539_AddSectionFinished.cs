using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Smartskola.Curriculum.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CurriculumExercisePlays",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExerciseId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FirstPlayedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastPlayedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Plays = table.Column<int>(type: "INTEGER", nullable: false)
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

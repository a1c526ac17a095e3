using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Smartskola.ContentManagement.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPublishedDisplayText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PublishedDisplayText",
                table: "ContentItems",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            // Items published before this column existed: their latest title is the best value there is.
            migrationBuilder.Sql("UPDATE \"ContentItems\" SET \"PublishedDisplayText\" = \"DisplayText\" WHERE \"PublishedVersion\" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PublishedDisplayText",
                table: "ContentItems");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Smartskola.Search.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchDocuments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Scope = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    TitleTerms = table.Column<string>(type: "TEXT", nullable: false),
                    Terms = table.Column<string>(type: "TEXT", nullable: false),
                    IndexedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchDocuments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_ContentItemId_Scope",
                table: "SearchDocuments",
                columns: new[] { "ContentItemId", "Scope" },
                unique: true);

            // FTS5 over the stems SearchIndexer writes; external content, kept in step by triggers.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchFts" USING fts5("TitleTerms", "Terms", content='SearchDocuments', content_rowid='Id', tokenize='unicode61 remove_diacritics 0');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_ai" AFTER INSERT ON "SearchDocuments" BEGIN
                  INSERT INTO "SearchFts"(rowid, "TitleTerms", "Terms") VALUES (new."Id", new."TitleTerms", new."Terms");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_ad" AFTER DELETE ON "SearchDocuments" BEGIN
                  INSERT INTO "SearchFts"("SearchFts", rowid, "TitleTerms", "Terms") VALUES ('delete', old."Id", old."TitleTerms", old."Terms");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_au" AFTER UPDATE ON "SearchDocuments" BEGIN
                  INSERT INTO "SearchFts"("SearchFts", rowid, "TitleTerms", "Terms") VALUES ('delete', old."Id", old."TitleTerms", old."Terms");
                  INSERT INTO "SearchFts"(rowid, "TitleTerms", "Terms") VALUES (new."Id", new."TitleTerms", new."Terms");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchDocuments_au"; DROP TRIGGER IF EXISTS "SearchDocuments_ad"; DROP TRIGGER IF EXISTS "SearchDocuments_ai"; DROP TABLE IF EXISTS "SearchFts";""");

            migrationBuilder.DropTable(
                name: "SearchDocuments");
        }
    }
}

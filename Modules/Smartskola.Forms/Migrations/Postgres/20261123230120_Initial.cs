using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Smartskola.Forms.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FormContactRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    TemplateId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TemplateVersion = table.Column<int>(type: "integer", nullable: false),
                    AnswersJson = table.Column<string>(type: "text", nullable: false),
                    ScoresJson = table.Column<string>(type: "text", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HandledUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HandledBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormContactRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FormDispatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TemplateId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TemplateVersion = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecipientsText = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DueDays = table.Column<int>(type: "integer", nullable: true),
                    Occasions = table.Column<int>(type: "integer", nullable: false),
                    IntervalDays = table.Column<int>(type: "integer", nullable: false),
                    RemindDaysBefore = table.Column<int>(type: "integer", nullable: true),
                    RemindDaysAfter = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormDispatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FormRecipientLists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormRecipientLists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FormTemplates",
                columns: table => new
                {
                    ContentItemId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OwnerUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Scope = table.Column<int>(type: "integer", nullable: false),
                    RetiredUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CopiedFromId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CopiedFromVersion = table.Column<int>(type: "integer", nullable: true),
                    CitizenLinkToken = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormTemplates", x => x.ContentItemId);
                });

            migrationBuilder.CreateTable(
                name: "FormTemplateVersions",
                columns: table => new
                {
                    TemplateId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DefinitionJson = table.Column<string>(type: "text", nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormTemplateVersions", x => new { x.TemplateId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "FormAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DispatchId = table.Column<Guid>(type: "uuid", nullable: true),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    TemplateId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TemplateVersion = table.Column<int>(type: "integer", nullable: false),
                    ModuleItemId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    AvailableOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RemindedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Reminders = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormAssignments_FormDispatches_DispatchId",
                        column: x => x.DispatchId,
                        principalTable: "FormDispatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FormRecipientListMembers",
                columns: table => new
                {
                    ListId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormRecipientListMembers", x => new { x.ListId, x.EnrolmentId });
                    table.ForeignKey(
                        name: "FK_FormRecipientListMembers_FormRecipientLists_ListId",
                        column: x => x.ListId,
                        principalTable: "FormRecipientLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FormSubscriptions",
                columns: table => new
                {
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    TemplateId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormSubscriptions", x => new { x.UnitId, x.TemplateId });
                    table.ForeignKey(
                        name: "FK_FormSubscriptions_FormTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "FormTemplates",
                        principalColumn: "ContentItemId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FormTemplateShares",
                columns: table => new
                {
                    TemplateId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormTemplateShares", x => new { x.TemplateId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_FormTemplateShares_FormTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "FormTemplates",
                        principalColumn: "ContentItemId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FormTextPacks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    TemplateId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TextsJson = table.Column<string>(type: "text", nullable: false),
                    LicenceReference = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ModifiedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormTextPacks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormTextPacks_FormTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "FormTemplates",
                        principalColumn: "ContentItemId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FormResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    TemplateId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TemplateVersion = table.Column<int>(type: "integer", nullable: false),
                    EntryKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EntryDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    AnswersJson = table.Column<string>(type: "text", nullable: false),
                    ScoresJson = table.Column<string>(type: "text", nullable: true),
                    ScoringAlgorithm = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StartedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SavedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormResponses_FormAssignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "FormAssignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FormResponseFeedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SeenUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormResponseFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormResponseFeedback_FormResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "FormResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FormAssignments_DispatchId",
                table: "FormAssignments",
                column: "DispatchId");

            migrationBuilder.CreateIndex(
                name: "IX_FormAssignments_EnrolmentId_Status",
                table: "FormAssignments",
                columns: new[] { "EnrolmentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_FormAssignments_EnrolmentId_TemplateId_ModuleItemId",
                table: "FormAssignments",
                columns: new[] { "EnrolmentId", "TemplateId", "ModuleItemId" },
                unique: true,
                filter: "\"ModuleItemId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FormAssignments_UnitId_Status_DueOn",
                table: "FormAssignments",
                columns: new[] { "UnitId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FormContactRequests_UnitId_HandledUtc",
                table: "FormContactRequests",
                columns: new[] { "UnitId", "HandledUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FormDispatches_TemplateId",
                table: "FormDispatches",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_FormDispatches_UnitId_CreatedUtc",
                table: "FormDispatches",
                columns: new[] { "UnitId", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FormRecipientLists_UnitId_Name",
                table: "FormRecipientLists",
                columns: new[] { "UnitId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FormResponseFeedback_ResponseId",
                table: "FormResponseFeedback",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_FormResponses_AssignmentId_EntryKey",
                table: "FormResponses",
                columns: new[] { "AssignmentId", "EntryKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FormResponses_EnrolmentId_TemplateId",
                table: "FormResponses",
                columns: new[] { "EnrolmentId", "TemplateId" });

            migrationBuilder.CreateIndex(
                name: "IX_FormResponses_TemplateId_TemplateVersion_Status_Id",
                table: "FormResponses",
                columns: new[] { "TemplateId", "TemplateVersion", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_FormSubscriptions_TemplateId",
                table: "FormSubscriptions",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_FormTemplates_CitizenLinkToken",
                table: "FormTemplates",
                column: "CitizenLinkToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FormTemplates_OwnerUnitId",
                table: "FormTemplates",
                column: "OwnerUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_FormTemplateShares_UnitId",
                table: "FormTemplateShares",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_FormTextPacks_TemplateId",
                table: "FormTextPacks",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_FormTextPacks_UnitId_TemplateId",
                table: "FormTextPacks",
                columns: new[] { "UnitId", "TemplateId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FormContactRequests");

            migrationBuilder.DropTable(
                name: "FormRecipientListMembers");

            migrationBuilder.DropTable(
                name: "FormResponseFeedback");

            migrationBuilder.DropTable(
                name: "FormSubscriptions");

            migrationBuilder.DropTable(
                name: "FormTemplateShares");

            migrationBuilder.DropTable(
                name: "FormTemplateVersions");

            migrationBuilder.DropTable(
                name: "FormTextPacks");

            migrationBuilder.DropTable(
                name: "FormRecipientLists");

            migrationBuilder.DropTable(
                name: "FormResponses");

            migrationBuilder.DropTable(
                name: "FormTemplates");

            migrationBuilder.DropTable(
                name: "FormAssignments");

            migrationBuilder.DropTable(
                name: "FormDispatches");
        }
    }
}

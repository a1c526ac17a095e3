using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Smartskola.Enrolment.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EnrolmentPatients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PersonnummerCipher = table.Column<byte[]>(type: "BLOB", nullable: false),
                    PersonnummerHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PersonnummerMasked = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailVerified = table.Column<bool>(type: "INTEGER", nullable: false),
                    Mobile = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    MobileVerified = table.Column<bool>(type: "INTEGER", nullable: false),
                    CareUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PurgedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnrolmentPatients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EnrolmentUnitSettings",
                columns: table => new
                {
                    CareUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InactivityDays = table.Column<int>(type: "INTEGER", nullable: false),
                    RetentionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnrolmentUnitSettings", x => x.CareUnitId);
                });

            migrationBuilder.CreateTable(
                name: "Enrolments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgramId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CareUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClinicianId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlannedEndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WelcomeText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Policy = table.Column<int>(type: "INTEGER", nullable: false),
                    InitialModules = table.Column<int>(type: "INTEGER", nullable: false),
                    IntervalDays = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastActiveUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MaintenanceSinceUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PurgedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enrolments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Enrolments_EnrolmentPatients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "EnrolmentPatients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EnrolmentActivities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurredUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ItemId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ActorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnrolmentActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnrolmentActivities_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EnrolmentInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnrolmentInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnrolmentInvitations_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EnrolmentModules",
                columns: table => new
                {
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModuleId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangedBy = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChangedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstOpenedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnrolmentModules", x => new { x.EnrolmentId, x.ModuleId });
                    table.ForeignKey(
                        name: "FK_EnrolmentModules_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EnrolmentNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClinicianId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DedupeKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnrolmentNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnrolmentNotices_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EnrolmentActivities_EnrolmentId_OccurredUtc",
                table: "EnrolmentActivities",
                columns: new[] { "EnrolmentId", "OccurredUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_EnrolmentInvitations_EnrolmentId",
                table: "EnrolmentInvitations",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_EnrolmentInvitations_PatientId",
                table: "EnrolmentInvitations",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_EnrolmentInvitations_TokenHash",
                table: "EnrolmentInvitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnrolmentNotices_ClinicianId_ReadUtc",
                table: "EnrolmentNotices",
                columns: new[] { "ClinicianId", "ReadUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_EnrolmentNotices_DedupeKey",
                table: "EnrolmentNotices",
                column: "DedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnrolmentNotices_EnrolmentId",
                table: "EnrolmentNotices",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_EnrolmentPatients_PersonnummerHash",
                table: "EnrolmentPatients",
                column: "PersonnummerHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnrolmentPatients_UserId",
                table: "EnrolmentPatients",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_CareUnitId_Status",
                table: "Enrolments",
                columns: new[] { "CareUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_ClinicianId_Status",
                table: "Enrolments",
                columns: new[] { "ClinicianId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_PatientId",
                table: "Enrolments",
                column: "PatientId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EnrolmentActivities");

            migrationBuilder.DropTable(
                name: "EnrolmentInvitations");

            migrationBuilder.DropTable(
                name: "EnrolmentModules");

            migrationBuilder.DropTable(
                name: "EnrolmentNotices");

            migrationBuilder.DropTable(
                name: "EnrolmentUnitSettings");

            migrationBuilder.DropTable(
                name: "Enrolments");

            migrationBuilder.DropTable(
                name: "EnrolmentPatients");
        }
    }
}

using Smartskola.Core.Security;

namespace Smartskola.Messaging;

/// <summary>Reading a patient's conversation also needs access to the enrolment (unit membership, EnrolmentAccessGuard).</summary>
public static class MessagingPermissions
{
    public const string Converse = "Messaging.Converse";
    public const string ManageTemplates = "Messaging.ManageTemplates";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Converse, "Läsa och skriva meddelanden med patienter och i enhetens funktionsbrevlåda (egna vårdenheter)", [Roles.Clinician]),
        new(ManageTemplates, "Hantera svarsmallar för meddelanden (egna vårdenheter)", [Roles.Clinician, Roles.UnitManager]),
    ];
}

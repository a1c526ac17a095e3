namespace Smartskola.Tests.Infrastructure;

/// <summary>The demo accounts the setup recipe creates in development (listed in the README).</summary>
public static class DemoUsers
{
    public const string Admin = "admin@demo.smartskola.se";
    public const string Editor = "redaktor@demo.smartskola.se";
    public const string FormDesigner = "formular@demo.smartskola.se";
    public const string ClinicianNorth = "behandlare.norra@demo.smartskola.se";
    public const string ClinicianEast = "behandlare.ostra@demo.smartskola.se";
    public const string UnitManagerNorth = "enhetschef.norra@demo.smartskola.se";
    public const string Patient = "patient@demo.smartskola.se";

    public const string UnitNorth = "rehab-norra";
    public const string UnitEast = "rehab-ostra";
}

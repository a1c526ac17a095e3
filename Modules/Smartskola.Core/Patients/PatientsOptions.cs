using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Smartskola.Core.Patients;

/// <summary>Bound from the <c>Patients</c> section.</summary>
public sealed class PatientsOptions
{
    /// <summary>Used only when <c>Patients:PersonnummerKey</c> is not configured (development and tests).</summary>
    public const string DevelopmentKey = "c21hcnRza29sYS1kZXZlbG9wbWVudC1wZXJzb25udW1tZXIta2V5LTAx";

    public const int MinimumKeyBytes = 32;

    /// <summary>Base64 of at least 32 random bytes; encrypts and hashes personnummer. Keep it out of the database.</summary>
    public string PersonnummerKey { get; set; } = string.Empty;

    /// <summary>Whether Skatteverket's test personnummer are accepted (default: in Development only).</summary>
    public bool AllowTestNumbers { get; set; }

    /// <summary>
    /// Registers the options and fails the start-up outside development when the key is missing or too short,
    /// like <c>Audit:ChainKey</c>.
    /// </summary>
    public static void Register(IServiceCollection services, IConfiguration configuration, bool isDevelopment)
    {
        var section = configuration.GetSection("Patients");
        var configured = section["PersonnummerKey"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!isDevelopment)
            {
                throw new InvalidOperationException(
                    "Patients:PersonnummerKey must be configured outside development (base64 of at least 32 random bytes, kept out of the database).");
            }
        }
        else if (!HasValidKey(configured))
        {
            throw new InvalidOperationException(
                $"Patients:PersonnummerKey must be base64 of at least {MinimumKeyBytes} random bytes.");
        }

        services.AddOptions<PatientsOptions>()
            .Configure(o => o.AllowTestNumbers = isDevelopment)
            .Bind(section)
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.PersonnummerKey))
                {
                    o.PersonnummerKey = DevelopmentKey;
                }
            });
    }

    public static bool HasValidKey(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var length) && length >= MinimumKeyBytes;
    }
}

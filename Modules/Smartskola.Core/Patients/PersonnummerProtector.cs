using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Smartskola.Core.Patients;

/// <summary>
/// Keeps personnummer unreadable at rest. From <c>Patients:PersonnummerKey</c> it derives (HKDF-SHA256) one key for
/// AES-GCM encryption and one for an HMAC-SHA256 look-up hash, so a number can be stored encrypted and still be
/// found (and kept unique) by its hash. Singleton.
/// </summary>
public sealed class PersonnummerProtector
{
    /// <summary>The first byte of every protected value; a new key would get a new version.</summary>
    public const byte KeyVersion = 1;

    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int DigitCount = 12;

    private readonly byte[] _encryptionKey;
    private readonly byte[] _lookupKey;
    private readonly TimeProvider _clock;

    public PersonnummerProtector(IOptions<PatientsOptions> options, TimeProvider clock)
    {
        var master = Convert.FromBase64String(options.Value.PersonnummerKey.Trim());
        if (master.Length < PatientsOptions.MinimumKeyBytes)
        {
            throw new InvalidOperationException(
                $"Patients:PersonnummerKey must be base64 of at least {PatientsOptions.MinimumKeyBytes} random bytes.");
        }

        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: Encoding.ASCII.GetBytes("smartskola/personnummer/encryption/v1"));
        _lookupKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: Encoding.ASCII.GetBytes("smartskola/personnummer/lookup/v1"));
        AllowTestNumbers = options.Value.AllowTestNumbers;
        _clock = clock;
    }

    /// <summary><c>Patients:AllowTestNumbers</c>.</summary>
    public bool AllowTestNumbers { get; }

    /// <summary>Parses with this site's rule for test numbers and today's date.</summary>
    public bool TryParse(string? input, out Personnummer value, out string error) =>
        Personnummer.TryParse(input, AllowTestNumbers, _clock, out value, out error);

    /// <summary>Version byte, 12-byte random nonce, 16-byte tag, ciphertext of the 12 digits.</summary>
    public byte[] Protect(Personnummer personnummer)
    {
        var plain = Digits(personnummer);
        var result = new byte[1 + NonceSize + TagSize + plain.Length];
        result[0] = KeyVersion;
        var nonce = result.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, plain, result.AsSpan(1 + NonceSize + TagSize), result.AsSpan(1 + NonceSize, TagSize),
            associatedData: result.AsSpan(0, 1));
        return result;
    }

    /// <summary>Throws <see cref="CryptographicException"/> when the value was changed or made with another key.</summary>
    public Personnummer Unprotect(byte[] protectedValue)
    {
        ArgumentNullException.ThrowIfNull(protectedValue);
        if (protectedValue.Length != 1 + NonceSize + TagSize + DigitCount || protectedValue[0] != KeyVersion)
        {
            throw new CryptographicException("Not a protected personnummer of a known key version.");
        }

        var plain = new byte[DigitCount];
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Decrypt(protectedValue.AsSpan(1, NonceSize), protectedValue.AsSpan(1 + NonceSize + TagSize),
            protectedValue.AsSpan(1 + NonceSize, TagSize), plain, associatedData: protectedValue.AsSpan(0, 1));
        return Personnummer.FromNormalized(Encoding.ASCII.GetString(plain));
    }

    /// <summary>Lower-case hex HMAC-SHA256 of the 12 digits: the same number always gives the same hash.</summary>
    public string LookupHash(Personnummer personnummer) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_lookupKey, Digits(personnummer)));

    private static byte[] Digits(Personnummer personnummer) =>
        personnummer.Normalized.Length == DigitCount
            ? Encoding.ASCII.GetBytes(personnummer.Normalized)
            : throw new ArgumentException("An empty personnummer cannot be protected.", nameof(personnummer));
}

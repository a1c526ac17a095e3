using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Smartskola.Core.Patients;

namespace Smartskola.Tests.Unit;

public sealed class PersonnummerTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("19851009-1237", "198510091237")]
    [InlineData("198510091237", "198510091237")]
    [InlineData("851009-1237", "198510091237")]
    [InlineData("8510091237", "198510091237")]
    [InlineData("  19851009-1237 \t", "198510091237")]
    [InlineData("201212-1238", "202012121238")]
    public void Valid_forms_are_normalized_to_twelve_digits(string input, string normalized)
    {
        Assert.True(Personnummer.TryParse(input, false, Today, out var value, out var error), error);
        Assert.Equal(normalized, value.Normalized);
        Assert.Equal($"{normalized[..8]}-{normalized[8..]}", value.ToString());
        Assert.Equal($"{normalized[..8]}-****", value.Masked);
        Assert.Equal(string.Empty, error);
    }

    [Theory]
    [InlineData("", Personnummer.EmptyError)]
    [InlineData("   ", Personnummer.EmptyError)]
    [InlineData(null, Personnummer.EmptyError)]
    [InlineData("851009-123", Personnummer.FormatError)]
    [InlineData("19851009-12377", Personnummer.FormatError)]
    [InlineData("85-1009-1237", Personnummer.FormatError)]
    [InlineData("85100912a7", Personnummer.FormatError)]
    [InlineData("19851009+1237", Personnummer.FormatError)]
    [InlineData("851009 1237", Personnummer.FormatError)]
    [InlineData("19851309-1237", Personnummer.DateError)]
    [InlineData("19851000-1237", Personnummer.DateError)]
    [InlineData("19850931-1237", Personnummer.DateError)]
    [InlineData("19851009-1238", Personnummer.CheckDigitError)]
    [InlineData("8510091230", Personnummer.CheckDigitError)]
    [InlineData("20301212-1236", Personnummer.FutureError)]
    public void Invalid_input_gets_a_Swedish_message(string? input, string message)
    {
        Assert.False(Personnummer.TryParse(input, true, Today, out var value, out var error));
        Assert.Equal(message, error);
        Assert.Equal(default, value);
    }

    [Theory]
    [InlineData("20000229-1235", true)] // divisible by 400: leap year
    [InlineData("20040229-1231", true)]
    [InlineData("20030229-1232", false)]
    [InlineData("000229+1235", false)] // 1900: divisible by 100, not by 400
    [InlineData("000229-1235", true)] // 2000
    public void February_29_exists_only_in_leap_years(string input, bool valid)
    {
        var parsed = Personnummer.TryParse(input, true, Today, out _, out var error);

        Assert.Equal(valid, parsed);
        Assert.Equal(valid ? string.Empty : Personnummer.DateError, error);
    }

    [Theory]
    [InlineData("121212-1212", "2012-12-12")]
    [InlineData("121212+1212", "1912-12-12")]
    [InlineData("261123-1230", "2026-11-23")] // born today
    [InlineData("261124-1239", "1926-11-24")] // tomorrow in this century would lie in the future
    [InlineData("261124+1239", "1826-11-24")]
    [InlineData("991231-9994", "1999-12-31")]
    public void The_century_of_a_ten_digit_number_is_inferred_from_today(string input, string birthDate)
    {
        Assert.True(Personnummer.TryParse(input, true, Today, out var value, out var error), error);
        Assert.Equal(DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture), value.BirthDate);
    }

    [Fact]
    public void A_coordination_number_has_day_plus_60()
    {
        Assert.True(Personnummer.TryParse("851069-1234", false, Today, out var value, out var error), error);
        Assert.True(value.IsCoordinationNumber);
        Assert.Equal(new DateOnly(1985, 10, 9), value.BirthDate);
        Assert.Equal("198510691234", value.Normalized);
        Assert.False(Personnummer.TryParse("19851092-1234", true, Today, out _, out error));
        Assert.Equal(Personnummer.DateError, error);
    }

    [Theory]
    [InlineData("19121212-1212")]
    [InlineData("19900101-9810")]
    [InlineData("19991231-9994")]
    public void Test_numbers_are_accepted_only_when_allowed(string input)
    {
        Assert.True(Personnummer.TryParse(input, true, Today, out var value, out _));
        Assert.True(value.IsTestNumber);

        Assert.False(Personnummer.TryParse(input, false, Today, out value, out var error));
        Assert.Equal(Personnummer.TestNumberError, error);
        Assert.Equal(default, value);
    }

    [Fact]
    public void An_ordinary_number_is_not_a_test_number()
    {
        Assert.True(Personnummer.TryParse("19851009-1237", false, Today, out var value, out _));
        Assert.False(value.IsTestNumber);
        Assert.False(value.IsCoordinationNumber);
    }

    [Fact]
    public void Protecting_round_trips_with_a_fresh_ciphertext_each_time_and_a_stable_hash()
    {
        var protector = Protector(Key(1));
        var number = Parse("19851009-1237");

        var first = protector.Protect(number);
        var second = protector.Protect(number);

        Assert.Equal(PersonnummerProtector.KeyVersion, first[0]);
        Assert.NotEqual(first, second);
        Assert.Equal(number, protector.Unprotect(first));
        Assert.Equal(number, protector.Unprotect(second));
        Assert.Equal(protector.LookupHash(number), protector.LookupHash(Parse("851009-1237")));
        Assert.Matches("^[0-9a-f]{64}$", protector.LookupHash(number));
        Assert.NotEqual(protector.LookupHash(number), protector.LookupHash(Parse("19121212-1212")));
    }

    [Fact]
    public void Another_key_gives_another_hash_and_cannot_decrypt()
    {
        var number = Parse("19851009-1237");
        var one = Protector(Key(1));
        var other = Protector(Key(2));

        Assert.NotEqual(one.LookupHash(number), other.LookupHash(number));
        Assert.ThrowsAny<CryptographicException>(() => other.Unprotect(one.Protect(number)));
    }

    [Fact]
    public void A_tampered_ciphertext_throws()
    {
        var protector = Protector(Key(1));
        var protectedValue = protector.Protect(Parse("19851009-1237"));

        for (var i = 0; i < protectedValue.Length; i++)
        {
            var tampered = (byte[])protectedValue.Clone();
            tampered[i] ^= 0x01;
            Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(tampered));
        }

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(protectedValue[..^1]));
    }

    [Fact]
    public void A_short_key_is_refused()
    {
        Assert.False(PatientsOptions.HasValidKey(Convert.ToBase64String(new byte[31])));
        Assert.False(PatientsOptions.HasValidKey("inte base64!"));
        Assert.True(PatientsOptions.HasValidKey(PatientsOptions.DevelopmentKey));
        Assert.Throws<InvalidOperationException>(() => Protector(Convert.ToBase64String(new byte[16])));
    }

    private static Personnummer Parse(string input) =>
        Personnummer.TryParse(input, true, Today, out var value, out var error) ? value : throw new FormatException(error);

    private static string Key(byte fill) => Convert.ToBase64String(Enumerable.Repeat(fill, 32).ToArray());

    private static PersonnummerProtector Protector(string key) =>
        new(Options.Create(new PatientsOptions { PersonnummerKey = key, AllowTestNumbers = true }), TimeProvider.System);
}

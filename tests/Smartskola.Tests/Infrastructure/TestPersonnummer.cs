namespace Smartskola.Tests.Infrastructure;

/// <summary>Fresh, valid Skatteverket-style test personnummer (födelsenummer 980–999), a different one per call.</summary>
public static class TestPersonnummer
{
    private static int _next = Random.Shared.Next(0, 5000);

    public static string Next()
    {
        var n = Interlocked.Increment(ref _next);
        var birth = new DateOnly(1950, 1, 1).AddDays(n % 18000);
        var serial = 980 + (n / 18000 % 20);
        var nine = $"{birth:yyMMdd}{serial}";
        return $"{birth:yyyyMMdd}-{serial}{Luhn(nine)}";
    }

    public static int Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var value = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += value / 10 + value % 10;
        }

        return (10 - sum % 10) % 10;
    }
}

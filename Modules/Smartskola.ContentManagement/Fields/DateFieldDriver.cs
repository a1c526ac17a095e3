using System.Globalization;
using Smartskola.ContentManagement.Display;

namespace Smartskola.ContentManagement.Fields;

public sealed class DateFieldData
{
    public DateOnly? Value { get; set; }
}

public sealed record DateDisplay(string Label, DateOnly Value, string Text);

/// <summary>A calendar date (no time, no time zone).</summary>
public sealed class DateFieldDriver : ContentElementDriver<DateFieldData>
{
    private static readonly CultureInfo Swedish = new("sv-SE");

    public override string Kind => "DateField";

    public override string DisplayName => "Datum";

    public override IReadOnlyList<SettingDescriptor> Settings =>
    [
        new("Required", "Obligatoriskt", SettingKind.Boolean),
        new("Hint", "Hjälptext", SettingKind.Text),
    ];

    public override Task UpdateAsync(ElementUpdateContext context)
    {
        const string property = nameof(DateFieldData.Value);
        var raw = (context.Value(property) ?? string.Empty).Trim();
        DateOnly? value = null;
        if (raw.Length == 0)
        {
            if (context.Flag("Required"))
            {
                context.AddError(property, $"Fyll i {context.Label.ToLowerInvariant()}.");
            }
        }
        else if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = date;
        }
        else
        {
            context.AddError(property, "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-03-01.", raw);
        }

        Write(context, new DateFieldData { Value = value });
        return Task.CompletedTask;
    }

    public override Task<object?> BuildDisplayAsync(ElementContext context) =>
        Task.FromResult<object?>(Read(context).Value is { } date
            ? new DateDisplay(context.Label, date, date.ToString("d MMMM yyyy", Swedish))
            : null);

    public override string ToText(ElementContext context) => Read(context).Value?.ToString("yyyy-MM-dd") ?? string.Empty;
}

using Microsoft.AspNetCore.Mvc;

namespace Smartskola.Core.Hosting;

/// <summary>Model binding's own messages (a date or number that cannot be read) in Swedish, like every other message.</summary>
public static class SwedishModelBindingMessages
{
    public static void Apply(MvcOptions options)
    {
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"Värdet ”{value}” går inte att tolka. Kontrollera fältet.");
        messages.SetUnknownValueIsInvalidAccessor(_ => "Värdet går inte att tolka. Kontrollera fältet.");
        messages.SetValueIsInvalidAccessor(value => $"Värdet ”{value}” går inte att tolka.");
        messages.SetValueMustBeANumberAccessor(_ => "Skriv ett tal.");
        messages.SetValueMustNotBeNullAccessor(_ => "Fältet måste fyllas i.");
        messages.SetMissingBindRequiredValueAccessor(_ => "Fältet måste fyllas i.");
        messages.SetMissingKeyOrValueAccessor(() => "Ett värde saknas.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Formuläret kom fram tomt. Försök igen.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Värdet ”{value}” går inte att tolka.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Värdet går inte att tolka.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Skriv ett tal.");
    }
}

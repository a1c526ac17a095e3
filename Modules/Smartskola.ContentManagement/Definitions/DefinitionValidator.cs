using Smartskola.ContentManagement.Display;

namespace Smartskola.ContentManagement.Definitions;

/// <summary>Checks a definition before it is stored (from the admin UI or a recipe). Messages are Swedish.</summary>
public static class DefinitionValidator
{
    public static List<string> Validate(ContentTypeDefinition type, ContentDriverRegistry drivers)
    {
        var errors = new List<string>();
        if (!ContentNames.IsValid(type.Name))
        {
            errors.Add($"Typnamnet '{type.Name}' är ogiltigt. {ContentNames.Rule}");
        }

        if (string.IsNullOrWhiteSpace(type.DisplayName))
        {
            errors.Add($"Typen '{type.Name}' saknar visningsnamn.");
        }

        foreach (var duplicate in type.Parts.GroupBy(p => p.Name).Where(g => g.Count() > 1))
        {
            errors.Add($"Delen '{duplicate.Key}' finns flera gånger i typen '{type.Name}'.");
        }

        foreach (var part in type.Parts)
        {
            var where = $"Typen '{type.Name}', delen '{part.Name}'";
            if (!ContentNames.IsValid(part.Name))
            {
                errors.Add($"{where}: ogiltigt namn. {ContentNames.Rule}");
            }

            if (drivers.Part(part.Kind) is not { } driver)
            {
                errors.Add($"{where}: okänd delsort '{part.Kind}'.");
                continue;
            }

            // Reusable parts are found by kind (the title is always in "TitlePart"), so their name is their kind.
            if (!driver.AllowsCustomName && part.Name != part.Kind)
            {
                errors.Add($"{where}: en del av sorten {part.Kind} måste heta {part.Kind}.");
            }

            if (!driver.AllowsCustomName && type.Parts.Count(p => p.Kind == part.Kind) > 1)
            {
                errors.Add($"{where}: sorten {part.Kind} får bara finnas en gång per typ.");
            }

            foreach (var duplicate in part.Fields.GroupBy(f => f.Name).Where(g => g.Count() > 1))
            {
                errors.Add($"{where}: fältet '{duplicate.Key}' finns flera gånger.");
            }

            foreach (var field in part.Fields)
            {
                if (!ContentNames.IsValid(field.Name))
                {
                    errors.Add($"{where}, fältet '{field.Name}': ogiltigt namn. {ContentNames.Rule}");
                }

                if (drivers.Field(field.Kind) is null)
                {
                    errors.Add($"{where}, fältet '{field.Name}': okänd fälttyp '{field.Kind}'.");
                }

                if (string.IsNullOrWhiteSpace(field.DisplayName))
                {
                    errors.Add($"{where}, fältet '{field.Name}': visningsnamn saknas.");
                }
            }
        }

        return errors;
    }
}

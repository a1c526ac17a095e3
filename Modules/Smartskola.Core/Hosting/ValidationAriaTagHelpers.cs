using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Smartskola.Core.Hosting;

/// <summary>
/// Ties a field's error message to the field for assistive technology (WCAG 3.3.1): an invalid field gets
/// <c>aria-invalid="true"</c> and <c>aria-describedby</c> pointing at its message, which gets a matching id.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class ValidationAriaFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    // After the built-in tag helpers, so the id attribute is already there.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(For.Name, out var entry) && entry.Errors.Count > 0)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            output.Attributes.SetAttribute("aria-describedby", ErrorId(For.Name));
        }
    }

    public static string ErrorId(string name) => TagBuilder.CreateSanitizedId(name, "_") + "-error";
}

[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class ValidationAriaMessageTagHelper : TagHelper
{
    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression For { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        output.Attributes.SetAttribute("id", ValidationAriaFieldTagHelper.ErrorId(For.Name));
}

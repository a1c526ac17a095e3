namespace Smartskola.Forms;

/// <summary>The template content type, declared in the default recipe (content types are data).</summary>
public static class FormTypes
{
    public const string Template = "Formularmall";
}

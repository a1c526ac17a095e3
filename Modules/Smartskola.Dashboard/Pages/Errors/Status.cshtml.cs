using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Smartskola.Dashboard.Pages.Errors;

/// <summary>Swedish page for error status codes. Reached by re-execution, so the original status code is kept.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public string Heading => Code switch
    {
        400 => "Felaktig begäran",
        403 => "Du har inte behörighet",
        404 => "Sidan finns inte",
        405 => "Felaktig begäran",
        429 => "För många försök",
        _ => "Något gick fel",
    };

    public string Message => Code switch
    {
        403 => "Du har inte behörighet att se den här sidan. Kontakta din vårdenhet om du tror att det är fel.",
        404 => "Sidan du söker finns inte eller så har du inte tillgång till den.",
        429 => "Vänta en stund och försök igen.",
        400 or 405 => "Begäran kunde inte hanteras. Gå tillbaka och försök igen.",
        _ => "Ett oväntat fel inträffade. Inget av det du redan sparat har gått förlorat. Försök igen om en stund.",
    };

    public IActionResult OnGet(int code) => Render(code);

    public IActionResult OnPost(int code) => Render(code);

    private PageResult Render(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 500;
        return new PageResult { StatusCode = Code };
    }
}

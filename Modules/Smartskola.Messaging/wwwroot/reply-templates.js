// Choosing a reply template fills the reply box at once; without JavaScript the "Använd mallen" button does it (?mall=).
document.querySelectorAll('select[data-template-select]').forEach(function (select) {
  select.addEventListener('change', function () {
    var option = select.options[select.selectedIndex];
    var target = document.getElementById(select.getAttribute('data-target'));
    if (!target || !option || !option.value) { return; }
    if (target.value.trim().length > 0 && target.value !== option.getAttribute('data-body')
        && !window.confirm('Ersätta det du har skrivit med mallen?')) { return; }
    target.value = option.getAttribute('data-body') || '';
    target.focus();
  });
});

// Form logic in the browser: conditional questions (the same rules as FormConditions on the server: an unanswered
// question equals nothing and "not equals" anything; numbers compare as numbers, dates and times as text; a multiple
// choice equals a code when it is among those chosen), steps with progress on long forms, slider values and repeating
// group rows. Hidden questions are hidden AND disabled, so they are neither posted nor saved.
(function () {
  "use strict";
  var NUMBER = /^\s*[+-]?\d+([.,]\d+)?\s*$/;

  function toNumber(text) { return NUMBER.test(text) ? parseFloat(text.replace(",", ".")) : null; }

  // Current answers of the form's top-level items (conditions refer to those), as lists of non-empty values.
  function answers(root) {
    var values = {};
    root.querySelectorAll("input[name], select[name], textarea[name]").forEach(function (el) {
      if (el.disabled || el.name.indexOf("[") >= 0) { return; }
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) { return; }
      if (!el.value || !el.value.trim()) { return; }
      (values[el.name] = values[el.name] || []).push(el.value.trim());
    });
    return values;
  }

  function holdsRule(rule, values) {
    var answer = values[rule.itemId];
    var op = rule.operator || "equals";
    if (!answer || answer.length === 0) { return op === "notEquals"; }
    var expected = (rule.value || "").trim();
    var number = answer.length === 1 ? toNumber(answer[0]) : null;
    var wanted = toNumber(expected);
    function matches() {
      if (number !== null && wanted !== null) { return number === wanted; }
      return answer.some(function (code) { return code.toLowerCase() === expected.toLowerCase(); });
    }
    function compare() {
      if (number !== null && wanted !== null) { return number < wanted ? -1 : number > wanted ? 1 : 0; }
      if (answer.length !== 1) { return null; }
      return answer[0] < expected ? -1 : answer[0] > expected ? 1 : 0;
    }
    switch (op) {
      case "exists": return true;
      case "equals": return matches();
      case "notEquals": return !matches();
      case "greater": return compare() === 1;
      case "less": return compare() === -1;
      default: return false;
    }
  }

  function holds(condition, values) {
    if (!condition || !condition.rules || condition.rules.length === 0) { return true; }
    return condition.match === "any"
      ? condition.rules.some(function (r) { return holdsRule(r, values); })
      : condition.rules.every(function (r) { return holdsRule(r, values); });
  }

  // Re-evaluates until nothing changes: hiding a question can hide the questions that depend on it.
  function apply(root) {
    for (var round = 0; round < 10; round++) {
      var values = answers(root), changed = false;
      root.querySelectorAll("[data-show-when]").forEach(function (el) {
        // Items without a condition may carry an empty attribute: always shown.
        var json = el.getAttribute("data-show-when");
        var show = !json || holds(JSON.parse(json), values);
        if (el.hidden === show) { el.hidden = !show; changed = true; }
      });
      root.querySelectorAll("input, select, textarea").forEach(function (input) {
        if (input.closest("template")) { return; }
        var hidden = !!input.closest("[data-show-when][hidden]");
        if (hidden !== !!input.dataset.hiddenByCondition) {
          input.disabled = hidden;
          if (hidden) { input.dataset.hiddenByCondition = "1"; } else { delete input.dataset.hiddenByCondition; }
        }
      });
      if (!changed) { break; }
    }
    root.dispatchEvent(new CustomEvent("forms:logic"));
  }

  function sliders(root) {
    root.querySelectorAll("[data-slider]").forEach(function (slider) {
      var range = slider.querySelector("input[type=range]");
      var output = slider.querySelector("[data-slider-value]");
      range.addEventListener("input", function () {
        range.name = range.dataset.name;
        output.textContent = range.value;
      });
    });
  }

  function repeats(root) {
    root.querySelectorAll("[data-repeat]").forEach(function (repeat) {
      var rows = repeat.querySelector("[data-repeat-rows]");
      var template = repeat.querySelector("template[data-repeat-template]");
      var add = repeat.querySelector("[data-add-row]");
      var max = parseInt(repeat.dataset.maxRows || "0", 10);
      function count() { return rows.querySelectorAll(":scope > [data-repeat-row]").length; }
      function update() { add.hidden = max > 0 && count() >= max; }
      rows.querySelectorAll("[data-remove-row]").forEach(function (b) { b.hidden = false; });
      add.hidden = false;
      update();
      repeat.addEventListener("click", function (event) {
        var remove = event.target.closest("[data-remove-row]");
        if (remove && repeat.contains(remove)) {
          remove.closest("[data-repeat-row]").remove();
          update(); add.focus();
          root.dispatchEvent(new Event("input", { bubbles: true }));
        }
      });
      add.addEventListener("click", function () {
        var index = repeat.dataset.nextIndex;
        repeat.dataset.nextIndex = String(parseInt(index, 10) + 1);
        var html = template.innerHTML.split("[999999]").join("[" + index + "]").split("-999999-").join("-" + index + "-");
        rows.insertAdjacentHTML("beforeend", html);
        var row = rows.lastElementChild;
        row.querySelector("legend").textContent = "Rad " + count();
        update();
        var first = row.querySelector("input, select, textarea");
        if (first) { first.focus(); }
      });
    });
  }

  // One step per screen with "Steg 2 av 5"; steps whose questions are all hidden are skipped.
  function steps(root, form) {
    var fields = root.querySelector("[data-form-fields][data-paged]");
    if (!fields) { return; }
    var all = Array.prototype.slice.call(fields.querySelectorAll(":scope > [data-form-step]"));
    var submit = form && form.querySelector("[data-submit]");
    var nav = document.createElement("div");
    nav.className = "step-nav";
    nav.innerHTML = '<p class="step-progress" data-step-progress aria-live="polite"></p>' +
      '<button type="button" class="button" data-step-prev>Föregående</button> ' +
      '<button type="button" class="button primary" data-step-next>Nästa</button>';
    fields.after(nav);
    var current = 0;
    function visible() { return all.filter(function (s) { return s.querySelector(".form-item:not([hidden])"); }); }
    function show(index, focus) {
      var list = visible();
      current = Math.max(0, Math.min(index, list.length - 1));
      all.forEach(function (s) { s.classList.toggle("step-hidden", s !== list[current]); });
      nav.querySelector("[data-step-progress]").textContent = "Steg " + (current + 1) + " av " + list.length;
      nav.querySelector("[data-step-prev]").hidden = current === 0;
      nav.querySelector("[data-step-next]").hidden = current === list.length - 1;
      if (submit) { submit.hidden = current !== list.length - 1; }
      if (focus) {
        var heading = list[current].querySelector("legend, label, p");
        if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
      }
    }
    nav.querySelector("[data-step-prev]").addEventListener("click", function () { show(current - 1, true); });
    nav.querySelector("[data-step-next]").addEventListener("click", function () { show(current + 1, true); });
    root.addEventListener("forms:logic", function () { show(current, false); });
    show(0, false);
  }

  window.smartskolaForms = { holds: holds, apply: apply };

  document.querySelectorAll("form").forEach(function (form) {
    if (!form.querySelector("[data-form-fields]")) { return; }
    sliders(form);
    repeats(form);
    steps(form, form);
    apply(form);
    form.addEventListener("input", function () { apply(form); });
    form.addEventListener("change", function () { apply(form); });
  });
})();

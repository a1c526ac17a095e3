// Autosave of the patient's answers: ~800 ms after typing stops the fields are posted as JSON to ?handler=save.
// Until the server confirms, a copy is kept in this browser (keyed by the assignment id only, never names or
// personnummer), so a dropped network or an expired session loses nothing: on reopening, a newer local copy is
// put back and saved. Submitting is an ordinary form post; the button is disabled while it is on its way.
(function () {
  "use strict";
  // One local copy per form (or diary entry), named by ids only.
  function keyOf(el) {
    var entry = el.dataset.entry;
    return "smartskola-form:" + el.dataset.assignment + (entry && entry !== "form" ? ":" + entry : "");
  }
  var receipt = document.querySelector("[data-form-receipt][data-assignment]");
  if (receipt) {
    // Submitted: the server has everything, the local copy is no longer needed.
    try { localStorage.removeItem(keyOf(receipt)); } catch (e) { /* nothing kept */ }
  }
  var form = document.querySelector("form[data-answer-form]");
  if (!form) { return; }
  var status = form.querySelector("[data-save-status]");
  var key = keyOf(form);
  var revision = parseInt(form.dataset.revision || "0", 10);
  // Correcting a saved diary entry: no autosave. Saving as one types would either change a saved entry behind the
  // patient's back or turn it into a draft again; the change is saved only with "Spara ändringar" (one conditional
  // update on this revision). The local copy still protects typed text, and is put back only onto the revision it
  // was typed on: a copy from before a later save is older than the server's entry and is dropped.
  var correcting = form.dataset.correcting === "true";
  var timer = null, saving = false, again = false, retry = null;

  var store = {
    get: function () { try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; } },
    set: function (value) { try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* not kept */ } },
    remove: function () { try { localStorage.removeItem(key); } catch (e) { /* nothing kept */ } }
  };

  function fields() {
    var values = {};
    form.querySelectorAll("input[name], select[name], textarea[name]").forEach(function (el) {
      if (el.disabled || el.name === "__RequestVerificationToken" || el.closest("template")) { return; }
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) { return; }
      (values[el.name] = values[el.name] || []).push(el.value);
    });
    return values;
  }

  function restore(values) {
    form.querySelectorAll("input[name], select[name], textarea[name], input[data-name]").forEach(function (el) {
      var name = el.name || el.dataset.name;
      // The anti-forgery token is never part of the copy: keep the fresh one this page came with.
      if (name === "__RequestVerificationToken" || el.closest("template")) { return; }
      var list = values[name];
      if (el.type === "radio" || el.type === "checkbox") { el.checked = !!list && list.indexOf(el.value) >= 0; return; }
      if (el.type === "range") {
        if (list) { el.name = name; el.value = list[0]; var out = el.closest("[data-slider]").querySelector("output"); if (out) { out.textContent = list[0]; } }
        return;
      }
      el.value = list ? list[0] : "";
    });
    if (window.smartskolaForms) { window.smartskolaForms.apply(form); }
  }

  function say(text) { status.textContent = text; }

  function save() {
    timer = null;
    if (saving) { again = true; return; }
    var values = fields();
    store.set({ revision: revision, fields: values, at: Date.now() });
    var token = form.querySelector("input[name=__RequestVerificationToken]");
    saving = true;
    fetch(form.dataset.saveUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "RequestVerificationToken": token ? token.value : "" },
      body: JSON.stringify({ revision: revision, answers: values })
    }).then(function (response) {
      if (response.status === 401) {
        say("Du har blivit utloggad. Logga in igen – dina svar finns kvar här.");
        return;
      }
      // An error page that is not JSON (a proxy, a refused token) still gets a message, not a silent retry loop.
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.ok) {
          revision = body.revision;
          var kept = store.get();
          // Only drop the local copy when nothing newer was typed meanwhile.
          if (!again && kept && JSON.stringify(kept.fields) === JSON.stringify(values)) { store.remove(); }
          say("Sparat " + body.saved);
        } else if (response.status === 409 && body.submitted) {
          store.remove();
          say(body.message);
          window.location.reload();
        } else if (response.status === 409) {
          // Another tab saved first: show its answers rather than silently overwriting them.
          store.remove();
          say(body.message || "Svaren ändrades i en annan flik.");
          window.location.reload();
        } else {
          say("Inte sparat – " + (body.message || "försök igen."));
        }
      });
    }).catch(function () {
      say("Inte sparat – försöker igen när anslutningen är tillbaka");
      if (!retry) { retry = setTimeout(function () { retry = null; schedule(0); }, 15000); }
    }).then(function () {
      saving = false;
      if (again) { again = false; schedule(0); }
    });
  }

  function schedule(delay) {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(save, delay === undefined ? 800 : delay);
  }

  function keep() { store.set({ revision: revision, fields: fields(), at: Date.now() }); }

  if (correcting) {
    form.addEventListener("input", keep);
    form.addEventListener("change", keep);
  } else {
    form.addEventListener("input", function () { keep(); schedule(); });
    form.addEventListener("change", function () { schedule(); });
    window.addEventListener("online", function () { schedule(0); });
  }

  // Reopened with a copy the server never confirmed (network dropped, logged out, browser closed): put it back.
  var kept = store.get();
  if (kept && kept.fields && correcting && kept.revision !== revision) {
    store.remove();
  } else if (kept && kept.fields && correcting) {
    // After a refused save the page already shows what was typed; only a different copy is news.
    if (JSON.stringify(kept.fields) !== JSON.stringify(fields())) {
      restore(kept.fields);
      say("Dina ändringar från den här enheten är återställda. Tryck på Spara ändringar för att spara dem.");
    }
  } else if (kept && kept.fields) {
    restore(kept.fields);
    say("Dina senaste svar från den här enheten är återställda.");
    schedule(0);
  }

  var submitting = false;
  form.addEventListener("submit", function (event) {
    if (submitting) { event.preventDefault(); return; }
    submitting = true;
    if (timer) { clearTimeout(timer); timer = null; }
    form.querySelector("[data-submit]").setAttribute("aria-disabled", "true");
    // The local copy stays until the receipt page: a submit lost on the way loses nothing.
  });
})();

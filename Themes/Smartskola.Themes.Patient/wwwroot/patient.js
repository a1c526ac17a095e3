// Audio players on patient pages: playback speed, and resuming where the listener stopped (kept in this browser
// only, keyed by the file's address). Reading progress: an exercise's first play on a page, and reaching the end
// of a section, are posted to the program (only where the page asks for it: never in an editor's preview).
(function () {
  "use strict";
  // The anti-forgery token of the page (the sign-out form carries one), sent in the header the site expects.
  function post(url, body) {
    var token = document.querySelector("input[name=__RequestVerificationToken]");
    if (!window.fetch || !token) { return Promise.reject(new Error("cannot post")); }
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "RequestVerificationToken": token.value, "Content-Type": "application/x-www-form-urlencoded" },
      body: body || ""
    }).then(function (response) { if (!response.ok) { throw new Error(String(response.status)); } return response; });
  }
  // Storage may be blocked (private mode, policies): the player then simply does not remember anything.
  var store = {
    get: function (key) { try { return localStorage.getItem(key); } catch (e) { return null; } },
    set: function (key, value) { try { localStorage.setItem(key, value); } catch (e) { /* not remembered */ } },
    remove: function (key) { try { localStorage.removeItem(key); } catch (e) { /* nothing stored */ } }
  };
  function format(seconds) {
    var s = Math.floor(seconds), m = Math.floor(s / 60);
    return m + ":" + String(s % 60).padStart(2, "0");
  }
  document.querySelectorAll("[data-audio-player]").forEach(function (player) {
    var audio = player.querySelector("audio");
    var speed = player.querySelector("[data-audio-speed]");
    var resume = player.querySelector("[data-audio-resume]");
    var resumeText = player.querySelector("[data-audio-resume-text]");
    var restart = player.querySelector("[data-audio-restart]");
    if (!audio) { return; }
    var key = "ss-audio:" + audio.getAttribute("src").replace(/\/_v\/\d+\//, "/");
    var saved = parseFloat(store.get(key) || "0");
    var storedSpeed = store.get("ss-audio-speed");
    if (storedSpeed && speed) { speed.value = storedSpeed; audio.playbackRate = parseFloat(storedSpeed); }
    speed && speed.addEventListener("change", function () {
      audio.playbackRate = parseFloat(speed.value);
      store.set("ss-audio-speed", speed.value);
    });
    function resumeOnce() {
      if (audio.dataset.resumed) { return; }
      audio.dataset.resumed = "true";
      if (saved > 5 && saved < audio.duration - 5) {
        audio.currentTime = saved;
        resumeText.textContent = "Fortsätter där du slutade (" + format(saved) + ").";
        resume.hidden = false;
      }
      audio.playbackRate = speed ? parseFloat(speed.value) : 1;
    }
    // The metadata may already be there when this deferred script runs (a cached file).
    if (audio.readyState >= 1) { resumeOnce(); } else { audio.addEventListener("loadedmetadata", resumeOnce); }
    var last = 0;
    audio.addEventListener("timeupdate", function () {
      if (Math.abs(audio.currentTime - last) >= 2) { last = audio.currentTime; store.set(key, String(audio.currentTime)); }
    });
    audio.addEventListener("ended", function () { store.remove(key); });
    var tracked = player.closest("[data-exercise-played]");
    if (tracked) {
      var reported = false;
      audio.addEventListener("play", function () {
        if (reported) { return; }
        reported = true;
        post(tracked.getAttribute("data-exercise-played")).catch(function () { reported = false; });
      });
    }
    restart && restart.addEventListener("click", function () {
      audio.currentTime = 0; store.remove(key); resume.hidden = true; audio.focus();
    });
  });

  // A section counts as finished when its end has been on screen for a moment (and the page open for a while, so
  // a short text is not finished merely by opening it). The form stays as the way without JavaScript.
  var finish = document.querySelector("form[data-finish-section]");
  var end = document.querySelector("[data-section-end]");
  if (finish && end && "IntersectionObserver" in window) {
    var openedAt = Date.now(), sent = false, timer = null;
    var status = document.querySelector("[data-finish-status]");
    var send = function () {
      if (sent) { return; }
      sent = true;
      post(finish.getAttribute("action"), "auto=1").then(function () {
        observer.disconnect();
        finish.hidden = true;
        if (status) { status.textContent = "Du har läst klart det här avsnittet."; }
      }).catch(function () { sent = false; });
    };
    var observer = new IntersectionObserver(function (entries) {
      clearTimeout(timer);
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        timer = setTimeout(send, Math.max(1500, 8000 - (Date.now() - openedAt)));
      }
    });
    observer.observe(end);
  }
})();

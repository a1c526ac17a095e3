// Audio players on patient pages: playback speed, and resuming where the listener stopped (kept in this browser
// only, keyed by the file's address; nothing about the patient leaves the device).
(function () {
  "use strict";
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
    restart && restart.addEventListener("click", function () {
      audio.currentTime = 0; store.remove(key); resume.hidden = true; audio.focus();
    });
  });
})();

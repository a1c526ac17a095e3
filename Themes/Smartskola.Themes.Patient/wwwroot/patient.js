// Audio players on patient pages: playback speed, and resuming where the listener stopped (kept in this browser
// only, keyed by the file's address; nothing about the patient leaves the device).
(function () {
  "use strict";
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
    var saved = parseFloat(localStorage.getItem(key) || "0");
    var storedSpeed = localStorage.getItem("ss-audio-speed");
    if (storedSpeed && speed) { speed.value = storedSpeed; audio.playbackRate = parseFloat(storedSpeed); }
    speed && speed.addEventListener("change", function () {
      audio.playbackRate = parseFloat(speed.value);
      localStorage.setItem("ss-audio-speed", speed.value);
    });
    audio.addEventListener("loadedmetadata", function () {
      if (saved > 5 && saved < audio.duration - 5) {
        audio.currentTime = saved;
        resumeText.textContent = "Fortsätter där du slutade (" + format(saved) + ").";
        resume.hidden = false;
      }
      audio.playbackRate = speed ? parseFloat(speed.value) : 1;
    });
    var last = 0;
    audio.addEventListener("timeupdate", function () {
      if (Math.abs(audio.currentTime - last) >= 2) { last = audio.currentTime; localStorage.setItem(key, String(audio.currentTime)); }
    });
    audio.addEventListener("ended", function () { localStorage.removeItem(key); });
    restart && restart.addEventListener("click", function () {
      audio.currentTime = 0; localStorage.removeItem(key); resume.hidden = true; audio.focus();
    });
  });
})();

/* "Read aloud": the page read to the child by the browser's own speech (Web Speech API).
   An enhancement only: without JavaScript or speech the button never appears. */
(function () {
  "use strict";
  var main = document.getElementById("main");
  if (!main || !("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") {
    return;
  }
  var voices = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };
  var lang = voices[document.documentElement.lang] || document.documentElement.lang;
  var button = document.createElement("button");
  button.type = "button";
  button.className = "read-aloud";
  button.textContent = main.dataset.readLabel;
  var speaking = false;

  function stop() {
    window.speechSynthesis.cancel();
    speaking = false;
    button.textContent = main.dataset.readLabel;
  }

  button.addEventListener("click", function () {
    if (speaking) {
      stop();
      return;
    }
    var copy = main.cloneNode(true);
    copy.querySelectorAll(".read-aloud, form, script").forEach(function (el) { el.remove(); });
    var utterance = new SpeechSynthesisUtterance(copy.textContent.replace(/\s+/g, " ").trim());
    utterance.lang = lang;
    utterance.rate = 0.9;
    utterance.onend = stop;
    speaking = true;
    button.textContent = main.dataset.stopLabel;
    window.speechSynthesis.speak(utterance);
  });
  main.insertBefore(button, main.firstChild);
})();

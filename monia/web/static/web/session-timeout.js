// Warns five minutes before an idle session ends (web/security.py: SessionTimeoutMiddleware)
// and lets the user stay: a request to /healthz counts as activity and reads no client data.
// Without JavaScript the session simply ends after the idle time.
(function () {
  var box = document.getElementById("session-warning");
  if (!box) { return; }
  var idle = parseInt(box.getAttribute("data-idle"), 10) * 1000;
  var warnBefore = Math.min(5 * 60 * 1000, idle / 2);
  var ended = box.querySelector("[data-ended]");
  var warning = box.querySelector("[data-warning]");
  var button = box.querySelector("button");
  var timers = [];
  function start() {
    timers.forEach(clearTimeout);
    box.hidden = true;
    warning.hidden = false;
    ended.hidden = true;
    button.hidden = false;
    timers = [
      setTimeout(function () { box.hidden = false; button.focus(); }, idle - warnBefore),
      setTimeout(function () { warning.hidden = true; ended.hidden = false; button.hidden = true; }, idle)
    ];
  }
  button.addEventListener("click", function () {
    fetch(box.getAttribute("data-ping"), { credentials: "same-origin", cache: "no-store" }).then(start);
  });
  start();
})();

// Warns five minutes before an idle session ends (web/security.py: SessionTimeoutMiddleware)
// and lets the user stay: a request to /healthz counts as activity and reads no client data.
// Typing on the page counts too (at most one request a minute): a worker writing a long note
// is not idle, and the session must not end under her text. The warning takes the focus
// only from someone who is not typing. Without JavaScript the session simply ends after
// the idle time.
(function () {
  var box = document.getElementById("session-warning");
  if (!box) { return; }
  var idle = parseInt(box.getAttribute("data-idle"), 10) * 1000;
  var warnBefore = Math.min(5 * 60 * 1000, idle / 2);
  var ended = box.querySelector("[data-ended]");
  var warning = box.querySelector("[data-warning]");
  var button = box.querySelector("button");
  var timers = [];
  var lastRequest = Date.now();
  var over = false;
  function typing() {
    var el = document.activeElement;
    return el && el !== box && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }
  function start() {
    timers.forEach(clearTimeout);
    box.hidden = true;
    warning.hidden = false;
    ended.hidden = true;
    button.hidden = false;
    timers = [
      setTimeout(function () {
        box.hidden = false;
        if (!typing()) { button.focus(); }
      }, idle - warnBefore),
      setTimeout(function () {
        over = true;
        warning.hidden = true; ended.hidden = false; button.hidden = true;
      }, idle)
    ];
  }
  // The clocks restart as the request leaves (the server counts it when it arrives); if it
  // cannot be sent, the warning shows again.
  function stay() {
    lastRequest = Date.now();
    start();
    fetch(box.getAttribute("data-ping"), { credentials: "same-origin", cache: "no-store" })
      .catch(function () { box.hidden = false; });
  }
  button.addEventListener("click", stay);
  document.addEventListener("input", function () {
    if (!over && Date.now() - lastRequest > 60 * 1000) { stay(); }
  });
  start();
})();

// While background work is waiting or running (an archive export, a comparison of counties), fetch the page every few seconds
// and put its list in place (a polite live region announces the change). The
// page works without this: its "Update" link loads it again.
(function () {
  "use strict";
  var DELAY = 3000;
  function update() {
    var region = document.getElementById("exports");
    if (!region || region.getAttribute("data-refresh") !== "true") return;
    fetch(window.location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("exports");
        if (!fresh) return;
        region.innerHTML = fresh.innerHTML;
        region.setAttribute("data-refresh", fresh.getAttribute("data-refresh") || "");
        window.setTimeout(update, DELAY);
      })
      .catch(function () { /* the "Update" link still works */ });
  }
  window.setTimeout(update, DELAY);
})();

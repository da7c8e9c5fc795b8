// Nothing typed is lost by leaving the page by mistake: once text has been typed into a
// form that posts (or a posted form came back with errors), leaving the page by a link,
// the header's search or the Back button asks first (the browser's own question, in the
// browser's language). Sending that form asks nothing. Without JavaScript: no question.
(function () {
  var TYPED = "textarea, input:not([type]), input[type=text], input[type=search], " +
    "input[type=email], input[type=tel], input[type=number], input[type=date], input[type=url]";
  var unsaved = null;
  function posts(form) {
    return form && (form.getAttribute("method") || "").toLowerCase() === "post" &&
      !form.hasAttribute("data-leave-freely");
  }
  // A form the server sent back with errors holds what was typed, not yet saved.
  var invalid = document.querySelector("form [aria-invalid=true], form .errorlist");
  if (invalid && posts(invalid.closest("form"))) { unsaved = invalid.closest("form"); }
  document.addEventListener("input", function (event) {
    var field = event.target;
    if (field.matches && field.matches(TYPED) && posts(field.form)) { unsaved = field.form; }
  });
  document.addEventListener("submit", function (event) {
    if (event.target === unsaved) { unsaved = null; }
  }, true);
  window.addEventListener("beforeunload", function (event) {
    if (unsaved) { event.preventDefault(); event.returnValue = ""; }
  });
})();

/* The form's idempotency key survives "Back". Browsers restore, on going back to a form,
   the fields whose value differs from the one written in the page; so on the first load
   the key is kept as the field's value and removed from the HTML. Going back and
   submitting again then repeats the first key, and the server records nothing new.
   An enhancement only: without JavaScript the key still works for double clicks. */
(function () {
  "use strict";
  document.querySelectorAll("input[data-submission-key]").forEach(function (input) {
    if (input.value === input.defaultValue) {  // a first load, not a restored form
      input.value = input.defaultValue;
      input.removeAttribute("value");
    }
  });
})();

// A partner list (network.forms.PartnerChoiceField) shows only the people of the
// organisation chosen above it; without JavaScript it is grouped by organisation and the
// service checks the pair. Moved out of the template: the CSP allows no inline script.
(function () {
  function filter() {
    document.querySelectorAll("select[data-partner-of]").forEach(function (partner) {
      var organisation = partner.form && partner.form.elements[partner.getAttribute("data-partner-of")];
      if (!organisation) { return; }
      var groups = Array.prototype.slice.call(partner.querySelectorAll("optgroup")).map(function (g) { return g.cloneNode(true); });
      function show() {
        var chosen = organisation.value;
        var kept = partner.value;
        partner.querySelectorAll("optgroup").forEach(function (g) { g.remove(); });
        groups.forEach(function (g) {
          var first = g.querySelector("option");
          if (!chosen || (first && first.getAttribute("data-organisation") === chosen)) {
            partner.appendChild(g.cloneNode(true));
          }
        });
        partner.value = kept;
        if (partner.value !== kept) { partner.value = ""; }
      }
      organisation.addEventListener("change", show);
      show();
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", filter);
  } else {
    filter();
  }
})();

/* Sends the candidate on to the university (the form also has a visible Continue button). */
(function () {
  "use strict";
  var form = document.getElementById("emrex-handoff");
  if (form) { window.setTimeout(function () { form.submit(); }, 400); }
})();

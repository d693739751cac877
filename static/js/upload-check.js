/* The apply form's file check before the upload (the server checks again; without JavaScript
   it answers the form with the typed answers kept): a file over the size cap or not a PDF is
   refused at once, with the message next to the field, instead of after a long upload. */
(function () {
  "use strict";
  function problem(input) {
    var file = input.files && input.files[0];
    if (!file) return "";
    var max = parseInt(input.getAttribute("data-max-bytes"), 10);
    if (max && file.size > max) return input.getAttribute("data-too-large");
    var pdf = file.type === "application/pdf" || /\.pdf$/i.test(file.name);
    return pdf ? "" : input.getAttribute("data-not-pdf");
  }
  function show(input, message) {
    var id = input.id + "-check";
    var box = document.getElementById(id);
    if (!message) {
      if (box) box.remove();
      input.removeAttribute("aria-invalid");
      return;
    }
    if (!box) {
      box = document.createElement("p");
      box.id = id;
      box.className = "error";
      box.setAttribute("role", "alert");
      input.insertAdjacentElement("afterend", box);
    }
    box.textContent = message;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", id);
  }
  document.addEventListener("change", function (evt) {
    var input = evt.target;
    if (input.matches && input.matches("input[type=file][data-max-bytes]")) show(input, problem(input));
  });
  document.addEventListener("submit", function (evt) {
    var inputs = evt.target.querySelectorAll("input[type=file][data-max-bytes]");
    for (var i = 0; i < inputs.length; i++) {
      var message = problem(inputs[i]);
      if (message) {
        show(inputs[i], message);
        inputs[i].focus();
        evt.preventDefault();
        return;
      }
    }
  });
})();

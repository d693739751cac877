/* Haku's only script: toasts from HX-Trigger, closing open menus. No inline code (strict CSP). */
(function () {
  "use strict";
  function toast(detail) {
    var box = document.getElementById("toasts");
    if (!box || !detail || !detail.message) return;
    var el = document.createElement("p");
    el.className = "toast toast-" + (detail.level || "info");
    el.setAttribute("role", "status");
    el.textContent = detail.message;
    box.appendChild(el);
    window.setTimeout(function () { el.remove(); }, 4000);
  }
  document.addEventListener("toast", function (evt) { toast(evt.detail); });
  document.addEventListener("click", function (evt) {
    document.querySelectorAll("details.menu[open]").forEach(function (menu) {
      if (!menu.contains(evt.target)) menu.removeAttribute("open");
    });
  });
  document.addEventListener("htmx:responseError", function (evt) {
    var status = evt.detail.xhr ? evt.detail.xhr.status : 0;
    toast({ level: "error", message: status === 403 ? "Not allowed." : status === 404 ? "Not found." : "Something went wrong (" + status + ")." });
  });
})();

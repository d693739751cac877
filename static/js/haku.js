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
  // Copy buttons: <button data-copy="element-id">; the text stays selectable without JavaScript.
  document.addEventListener("click", function (evt) {
    var btn = evt.target.closest ? evt.target.closest("button[data-copy]") : null;
    if (!btn) return;
    var source = document.getElementById(btn.getAttribute("data-copy"));
    if (!source) return;
    var text = source.value !== undefined && source.tagName === "INPUT" ? source.value : source.textContent.trim();
    var done = function () { toast({ level: "success", message: btn.getAttribute("data-copied") || "Copied." }); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () {});
    } else {
      var range = document.createRange();
      range.selectNodeContents(source);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      try { document.execCommand("copy"); done(); } catch (e) { /* selected: the person copies by hand */ }
    }
  });
  // Dialogs: htmx puts a <dialog data-modal> into #modal; it opens as a modal here. Closing it
  // (Cancel, Escape) empties the slot and puts back the stage select that opened it
  // (data-restore: the id of that select), since nothing moved.
  function openDialogs() {
    document.querySelectorAll("#modal dialog[data-modal]:not([open])").forEach(function (dialog) {
      dialog.addEventListener("close", function () {
        var select = document.getElementById(dialog.getAttribute("data-restore") || "");
        if (select) {
          Array.prototype.forEach.call(select.options, function (o) { o.selected = o.defaultSelected; });
        }
        if (dialog.parentNode) dialog.parentNode.removeChild(dialog);
      });
      document.querySelectorAll("details.menu[open]").forEach(function (menu) { menu.removeAttribute("open"); });
      dialog.showModal();
      var first = dialog.querySelector("select, textarea, input:not([type=hidden])");
      if (first) first.focus();
    });
  }
  document.addEventListener("htmx:afterSettle", openDialogs);
  document.addEventListener("click", function (evt) {
    var btn = evt.target.closest ? evt.target.closest("[data-close-dialog]") : null;
    var dialog = btn ? btn.closest("dialog") : null;
    if (dialog) dialog.close();
  });
  document.addEventListener("htmx:responseError", function (evt) {
    var status = evt.detail.xhr ? evt.detail.xhr.status : 0;
    toast({ level: "error", message: status === 403 ? "Not allowed." : status === 404 ? "Not found." : "Something went wrong (" + status + ")." });
  });
})();
/* Bulk selection on the applications list: the header checkbox ticks every row of the page;
   ticking rows picks the "checked rows" scope. Without JavaScript the scope radios do it. */
(function () {
  "use strict";
  document.addEventListener("change", function (evt) {
    var el = evt.target;
    if (!el || !el.form || el.form.id !== "bulk-form") return;
    var form = el.form;
    if (el.id === "bulk-all-page") {
      form.querySelectorAll("input[name=ids]").forEach(function (box) { box.checked = el.checked; });
      var page = form.querySelector("input[name=scope][value=page]");
      if (page && el.checked) page.checked = true;
    } else if (el.name === "ids") {
      var checked = form.querySelector("input[name=scope][value=checked]");
      if (checked) checked.checked = true;
    }
  });
})();

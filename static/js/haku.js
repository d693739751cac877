/* Haku's own script: toasts from HX-Trigger, closing open menus, dialogs, the board's drag-and-drop.
   No inline code (strict CSP). */
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
  // Escape closes an open ⋯ menu and gives the focus back to its summary (keyboard use).
  document.addEventListener("keydown", function (evt) {
    if (evt.key !== "Escape") return;
    var menu = evt.target.closest ? evt.target.closest("details.menu[open]") : null;
    if (!menu) return;
    menu.removeAttribute("open");
    var summary = menu.querySelector("summary");
    if (summary) summary.focus();
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
        putBack();  // a dragged chip whose move this dialog asked about (no-op once moved)
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
  // The board: a chip dragged to another column (SortableJS, loaded by the board page only) sets
  // its stage select and posts the select's form, the same one request as choosing the stage by
  // hand (the answer swaps both columns and the bell out of band). Until the answer comes the
  // chip sits where it was dropped; an error answer, or cancelling the reject dialog a rejected
  // stage opens, puts it back where it came from. The select stays the keyboard way to move.
  var dragged = null;  // {item, from, index}: the last drop, until its columns are swapped
  function putBack() {
    if (!dragged) return;
    var d = dragged;
    dragged = null;
    if (!d.item.isConnected || !d.from.isConnected) return;  // swapped: the move happened
    d.from.insertBefore(d.item, d.from.children[d.index] || null);
    var select = d.item.querySelector("select");
    if (select) Array.prototype.forEach.call(select.options, function (o) { o.selected = o.defaultSelected; });
  }
  function boards(root) {
    if (!window.Sortable || !root.querySelectorAll) return;
    var lists = root.matches && root.matches(".board-list[data-stage-id]") ? [root] : [];
    lists = lists.concat(Array.prototype.slice.call(root.querySelectorAll(".board-list[data-stage-id]")));
    lists.forEach(function (list) {
      if (list.getAttribute("data-dnd")) return;
      list.setAttribute("data-dnd", "1");
      list.closest(".board").classList.add("board-dnd");
      window.Sortable.create(list, {
        group: "board", sort: false, draggable: ".chip", filter: "a, select, option, button, label, input",
        preventOnFilter: false, ghostClass: "chip-ghost", dragClass: "chip-drag", animation: 120,
        delay: 150, delayOnTouchOnly: true,
        onEnd: function (evt) {
          if (evt.from === evt.to) return;
          var select = evt.item.querySelector("select[name=stage_id]");
          if (!select) return;
          dragged = { item: evt.item, from: evt.from, index: evt.oldIndex };
          select.value = evt.to.getAttribute("data-stage-id");
          select.dispatchEvent(new Event("change", { bubbles: true }));
        }
      });
    });
  }
  // A move re-renders its two columns: it tells how many chips the longest column shows, so
  // chips a "Show more" brought in stay (the answer keeps at least that many per column).
  document.addEventListener("htmx:configRequest", function (evt) {
    var board = document.querySelector(".board");
    if (!board || evt.detail.parameters.view !== "board") return;  // a chip's move or the reject dialog it opened
    var shown = 0;
    board.querySelectorAll(".board-list").forEach(function (list) {
      shown = Math.max(shown, list.querySelectorAll(".chip").length);
    });
    evt.detail.parameters.shown = String(shown);
  });
  document.addEventListener("DOMContentLoaded", function () { boards(document); });
  document.addEventListener("htmx:load", function (evt) { boards(evt.target); });
  document.addEventListener("htmx:afterRequest", function (evt) {
    if (dragged && !evt.detail.successful && dragged.item.contains(evt.target)) putBack();
  });
  document.addEventListener("htmx:responseError", function (evt) {
    var status = evt.detail.xhr ? evt.detail.xhr.status : 0;
    toast({ level: "error", message: status === 403 ? "Not allowed." : status === 404 ? "Not found." : "Something went wrong (" + status + ")." });
  });
})();
/* Bulk selection on the applications list: the header checkbox ticks every row of the page;
   ticking rows picks the "checked rows" scope. Without JavaScript the scope radios do it.
   On the board, a column's checkbox ticks its chips (the server takes the whole column, also
   the chips not shown yet); unticking a chip unticks its column. */
(function () {
  "use strict";
  function column(el) { var col = el.closest(".board-col"); return col ? col.querySelector(".col-check") : null; }
  function board(el) {
    var scope = el.form.querySelector("input[name=scope][value=checked]");
    if (scope) scope.checked = true;
    if (el.classList.contains("col-check")) {
      el.closest(".board-col").querySelectorAll(".chip-check").forEach(function (box) { box.checked = el.checked; });
    } else if (!el.checked && column(el)) {
      column(el).checked = false;
    }
    var count = document.querySelectorAll(".chip-check:checked, .col-check:checked").length;
    document.querySelectorAll(".board").forEach(function (b) { b.classList.toggle("board-selecting", count > 0); });
  }
  document.addEventListener("htmx:load", function (evt) {  // "show more" chips of a ticked column
    var el = evt.target;
    if (!el.classList || !el.classList.contains("chip")) return;
    var col = column(el), box = el.querySelector(".chip-check");
    if (col && box && col.checked) box.checked = true;
  });
  // Only the chosen action's fields (without JavaScript every fieldset shows; only the chosen one is used).
  function chosen(select) {
    select.form.querySelectorAll("fieldset[data-bulk-for]").forEach(function (set) {
      set.hidden = set.getAttribute("data-bulk-for") !== select.value;
    });
  }
  function chooser() { document.querySelectorAll("select[name=action]#bulk-action").forEach(chosen); }
  document.addEventListener("DOMContentLoaded", chooser);
  document.addEventListener("htmx:load", chooser);
  document.addEventListener("change", function (evt) {
    var el = evt.target;
    if (el && el.id === "bulk-action" && el.form) chosen(el);
    if (el && el.form && el.form.id === "board-bulk-form" && (el.name === "ids" || el.name === "stages")) {
      board(el);
      return;
    }
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

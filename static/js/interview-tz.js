// The interview scheduling page: when the address does not name a time zone yet, pre-select
// the browser's own (Intl) and show the times in it. Without JS the select keeps the
// company's zone and the candidate can change it.
(function () {
  var select = document.getElementById("tz");
  if (!select || select.dataset.explicit || !window.Intl) { return; }
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone || zone === select.dataset.default) { return; }
  var known = Array.prototype.some.call(select.options, function (o) { return o.value === zone; });
  if (!known) {
    var option = document.createElement("option");
    option.value = zone;
    option.textContent = zone.replace(/_/g, " ");
    select.appendChild(option);
  }
  select.value = zone;
  document.getElementById("interview-zone").submit();
})();

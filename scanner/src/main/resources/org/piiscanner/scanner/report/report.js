(function () {
  "use strict";
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  function key(cell) {
    if (!cell) { return ""; }
    var v = cell.getAttribute("data-v");
    if (v !== null) { var n = Number(v); return isNaN(n) ? v.toLowerCase() : n; }
    return cell.textContent.trim().toLowerCase();
  }
  // Sortable tables: click a heading. In a "grouped" table each location is a tbody (its row and its drill-down).
  each(document.querySelectorAll("table.sortable"), function (table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    var grouped = table.classList.contains("grouped");
    each(heads, function (th, index) {
      var button = th.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        each(heads, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var parent = grouped ? table : table.tBodies[0];
        var items = Array.prototype.slice.call(grouped ? table.tBodies : table.tBodies[0].rows);
        var cellOf = function (item) { return (grouped ? item.rows[0] : item).cells[index]; };
        items.sort(function (a, b) {
          var x = key(cellOf(a)), y = key(cellOf(b));
          var c = (typeof x === "number" && typeof y === "number") ? x - y : String(x).localeCompare(String(y));
          return ascending ? c : -c;
        });
        items.forEach(function (item) { parent.appendChild(item); });
      });
    });
  });
  // The filter above the locations: hides locations (and folders) whose text does not contain it.
  var filter = document.getElementById("filter");
  if (filter) {
    filter.addEventListener("input", function () {
      var q = filter.value.trim().toLowerCase();
      each(document.querySelectorAll("#locations details.group"), function (group) {
        var any = false;
        each(group.querySelectorAll("table.locations > tbody"), function (location) {
          var match = !q || location.textContent.toLowerCase().indexOf(q) >= 0;
          location.hidden = !match;
          any = any || match;
        });
        group.hidden = !any;
        if (q) { group.open = any; }
      });
    });
  }
}());

/* Công Khai progressive enhancement: sortable tables, a diacritic-insensitive filter, print button.
   Everything works without this file; it only adds conveniences. No network requests. */
(function () {
  "use strict";
  /* The one Vietnamese folding of the project (assets/search/fold.js, same rules as the search
     index: no marks, đ → d, ký = kí …). The plain fallback only runs if that file failed to load. */
  function fold(text) {
    if (window.CKFold) { return window.CKFold.fold(text); }
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }
  function cellText(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.trim() : "";
  }
  function makeSortable(table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "ck-sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var order = cellText(a, index).localeCompare(cellText(b, index), "vi", { numeric: true });
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }
  function makeFilter(input) {
    var table = document.getElementById(input.getAttribute("data-ck-filter"));
    if (!table) { return; }
    var box = input.closest(".ck-filter");
    var count = box.querySelector("[data-ck-count]");
    var rows = null;  /* folded lazily, on the first query: a 2,000-row page loads without the work */
    function folded() {
      rows = rows || Array.prototype.map.call(table.tBodies[0].rows, function (row) {
        return { row: row, text: fold(row.cells[0].textContent) };
      });
      return rows;
    }
    function apply() {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      if (!words.length && !rows) { count.textContent = ""; return; }
      folded().forEach(function (item) {
        var match = words.every(function (word) { return item.text.indexOf(word) !== -1; });
        item.row.hidden = !match;
        if (match) { shown += 1; }
      });
      count.textContent = words.length ? "Tìm thấy " + shown + " thủ tục." : "";
    }
    var param = new URLSearchParams(window.location.search).get(input.getAttribute("data-ck-param"));
    if (param) { input.value = param; }
    input.addEventListener("input", apply);
    apply();
  }
  function init() {
    var sortable = document.querySelectorAll("table.ck-table--sortable");
    Array.prototype.forEach.call(sortable, makeSortable);
    var date = new Date();
    var day = ("0" + date.getDate()).slice(-2) + "/" + ("0" + (date.getMonth() + 1)).slice(-2) + "/" + date.getFullYear();
    Array.prototype.forEach.call(document.querySelectorAll("[data-ck-print-date]"), function (slot) {
      slot.textContent = day;  /* the printout says when it was printed */
    });
    Array.prototype.forEach.call(document.querySelectorAll("input[data-ck-filter]"), makeFilter);
    Array.prototype.forEach.call(document.querySelectorAll(".ck-print"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();

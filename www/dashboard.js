// didgah moderator dashboard: keyboard and bulk selection on top of the server-rendered queue.
// Every action is a plain form button, so the page works without this script; here j/k move
// between comments, a approves, r rejects with the chosen reason, x selects, A/R act on the
// selection, and "select all" ticks every checkbox.
(function () {
  "use strict";
  var items = Array.prototype.slice.call(document.querySelectorAll("li.comment"));
  var current = -1;

  function focusItem(i) {
    if (!items.length) return;
    i = Math.max(0, Math.min(items.length - 1, i));
    if (current >= 0 && items[current]) items[current].classList.remove("current");
    current = i;
    var el = items[current];
    el.classList.add("current");
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "nearest" });
  }

  function click(selector) {
    var el = current >= 0 && items[current] ? items[current].querySelector(selector) : null;
    if (el) el.click();
  }

  function bulk(action) {
    var btn = document.querySelector('.bulk button[value="' + action + '"]');
    var any = document.querySelector('li.comment input[name="ids"]:checked');
    if (btn && any) btn.click();
  }

  var all = document.getElementById("select-all");
  if (all) {
    all.addEventListener("change", function () {
      items.forEach(function (li) {
        var box = li.querySelector('input[name="ids"]');
        if (box) box.checked = all.checked;
      });
    });
  }

  items.forEach(function (li, i) {
    li.addEventListener("click", function (e) {
      if (e.target.closest("button, select, input, a")) return;
      focusItem(i);
    });
  });

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var tag = e.target && e.target.tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") {
      if (e.key === "Escape") e.target.blur();
      return;
    }
    var handled = true;
    switch (e.key) {
      case "j": focusItem(current + 1); break;
      case "k": focusItem(current - 1); break;
      case "a": click("button.approve"); break;
      case "r": click("button.reject"); break;
      case "x": {
        var box = current >= 0 ? items[current].querySelector('input[name="ids"]') : null;
        if (box) box.checked = !box.checked;
        break;
      }
      case "A": bulk("approve"); break;
      case "R": bulk("reject"); break;
      default: handled = false;
    }
    if (handled) e.preventDefault();
  });

  if (items.length) focusItem(0);
})();

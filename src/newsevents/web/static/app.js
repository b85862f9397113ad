// Marks every segment of the item named in the URL fragment (#e3 = event 3's sentence, #q0 = quote 0, ...).
(function () {
  "use strict";
  function focus() {
    var key = decodeURIComponent(location.hash.slice(1));
    var first = null;
    document.querySelectorAll(".seg").forEach(function (el) {
      var on = key !== "" && (el.dataset.k || "").split(" ").indexOf(key) >= 0;
      el.classList.toggle("focus", on);
      if (on && first === null) { first = el; }
    });
    document.querySelectorAll(".explain li").forEach(function (li) {
      li.classList.toggle("focus", li.id === "explain-" + key);
    });
    if (first) { first.scrollIntoView({block: "center"}); }
  }
  window.addEventListener("hashchange", focus);
  document.addEventListener("DOMContentLoaded", focus);
  // Goldstein dots: colour from data attribute (CSP forbids inline styles).
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".gdot").forEach(function (el) {
      var g = parseFloat(el.dataset.g);
      el.classList.add(isNaN(g) ? "g0" : g <= -5 ? "gneg2" : g < 0 ? "gneg1" : g === 0 ? "g0" : g < 5 ? "gpos1" : "gpos2");
    });
  });
})();

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
})();

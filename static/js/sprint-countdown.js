// Keeps the sprint's countdown ticking between server renders. The page shows the time
// left and the end without this script; it only counts the seconds down. It looks the
// element up on every tick, so a countdown swapped in by a live refresh keeps going.
(function () {
  "use strict";
  function pad(n) {
    return n < 10 ? "0" + n : String(n);
  }
  function tick() {
    var nodes = document.querySelectorAll("[data-countdown]");
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      var ends = Date.parse(node.getAttribute("data-countdown"));
      if (isNaN(ends)) continue;
      var left = Math.max(0, Math.floor((ends - Date.now()) / 1000));
      var text = Math.floor(left / 3600) + ":" + pad(Math.floor((left % 3600) / 60)) + ":" + pad(left % 60);
      if (node.textContent !== text) node.textContent = text;
    }
  }
  setInterval(tick, 1000);
  document.addEventListener("DOMContentLoaded", tick);
})();

// Keeps the sprint's countdown ticking between server renders. The page shows the time
// left and the end without this script; it only counts the seconds down. It counts from
// the seconds the server said were left (data-seconds), not from the browser's own clock,
// which may be off. It looks the elements up on every tick, so a countdown swapped in by
// a live refresh starts again from the server's fresh figure.
(function () {
  "use strict";
  var deadlines = new WeakMap();
  function pad(n) {
    return n < 10 ? "0" + n : String(n);
  }
  function tick() {
    var now = performance.now();
    var nodes = document.querySelectorAll("[data-countdown][data-seconds]");
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      if (!deadlines.has(node)) {
        var seconds = parseInt(node.getAttribute("data-seconds"), 10);
        if (isNaN(seconds)) continue;
        deadlines.set(node, now + seconds * 1000);
      }
      var left = Math.max(0, Math.floor((deadlines.get(node) - now) / 1000));
      var text = Math.floor(left / 3600) + ":" + pad(Math.floor((left % 3600) / 60)) + ":" + pad(left % 60);
      if (node.textContent !== text) node.textContent = text;
    }
  }
  setInterval(tick, 1000);
  document.addEventListener("DOMContentLoaded", tick);
})();

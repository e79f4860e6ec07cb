// Progressive enhancement only: every page works without this script.
(function () {
  "use strict";

  // Product demo walkthrough: show one step at a time with previous/next buttons.
  document.querySelectorAll("[data-walkthrough]").forEach(function (root) {
    var steps = root.querySelectorAll(".walkthrough-step");
    var controls = root.querySelector(".walkthrough-controls");
    var prev = root.querySelector("[data-walkthrough-prev]");
    var next = root.querySelector("[data-walkthrough-next]");
    var position = root.querySelector("[data-walkthrough-position]");
    var current = 0;
    if (!steps.length) return;
    function show(index) {
      current = Math.max(0, Math.min(index, steps.length - 1));
      steps.forEach(function (step, i) { step.classList.toggle("is-current", i === current); });
      prev.disabled = current === 0;
      next.disabled = current === steps.length - 1;
      position.textContent = (current + 1) + " / " + steps.length;
    }
    root.classList.add("is-interactive");
    controls.hidden = false;
    prev.addEventListener("click", function () { show(current - 1); });
    next.addEventListener("click", function () { show(current + 1); });
    show(0);
  });
})();

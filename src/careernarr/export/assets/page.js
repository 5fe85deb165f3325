// careernarr timeline page: select an event (click, Enter) to see its evidence and source,
// hover for a preview, toggle kinds and subjects. Reads only the page's own DOM; every
// text it shows is copied with textContent, never parsed as HTML.
(function () {
  "use strict";
  var doc = document;
  var tip = doc.getElementById("tip");
  var empty = doc.getElementById("details-empty");

  function all(selector) { return Array.prototype.slice.call(doc.querySelectorAll(selector)); }
  function withId(id) { return all("[data-id]").filter(function (el) { return el.getAttribute("data-id") === id; }); }

  function select(id, from) {
    all(".selected").forEach(function (el) { el.classList.remove("selected"); });
    all("article.detail").forEach(function (el) { el.hidden = el.getAttribute("data-for") !== id; });
    if (empty) { empty.hidden = true; }
    withId(id).forEach(function (el) {
      el.classList.add("selected");
      if (el !== from && el.classList.contains("row") && el.scrollIntoView) {
        el.scrollIntoView({ block: "nearest" });
      }
    });
  }

  function showTip(mark, event) {
    var row = withId(mark.getAttribute("data-id")).filter(function (el) { return el.classList.contains("row"); })[0];
    if (!tip || !row) { return; }
    tip.querySelector(".tip-when").textContent = row.querySelector(".when").textContent;
    tip.querySelector(".tip-text").textContent = row.querySelector(".ev-text").textContent;
    tip.hidden = false;
    var x = Math.min(event.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    var y = event.clientY + 16;
    if (y + tip.offsetHeight > window.innerHeight - 8) { y = event.clientY - tip.offsetHeight - 12; }
    tip.style.left = Math.max(8, x) + "px";
    tip.style.top = Math.max(8, y) + "px";
  }

  all("[data-id]").forEach(function (el) {
    var id = el.getAttribute("data-id");
    el.addEventListener("click", function () { select(id, el); });
    el.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(id, el); }
    });
    if (el.classList.contains("ev")) {
      el.addEventListener("mousemove", function (e) { showTip(el, e); });
      el.addEventListener("mouseleave", function () { if (tip) { tip.hidden = true; } });
      el.addEventListener("focus", function () { select(id, el); });
    }
  });

  var hidden = { kind: {}, subject: {} };
  function applyFilters() {
    all("[data-kind]").forEach(function (el) {
      if (el.tagName === "BUTTON") { return; }
      var off = hidden.kind[el.getAttribute("data-kind")] || hidden.subject[el.getAttribute("data-subject")];
      el.classList.toggle("filtered", !!off);
    });
  }
  all("button.chip").forEach(function (button) {
    button.addEventListener("click", function () {
      var facet = button.getAttribute("data-facet");
      var value = button.getAttribute("data-value");
      var on = button.getAttribute("aria-pressed") !== "false";
      button.setAttribute("aria-pressed", on ? "false" : "true");
      hidden[facet][value] = on;
      applyFilters();
    });
  });
})();

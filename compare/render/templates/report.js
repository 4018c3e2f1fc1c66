"use strict";
// Clicking (or Enter / Space on) a sentence or its mark highlights its group on both
// sides and brings the counterpart into view; hovering previews the same highlight.
(function () {
  var items = document.querySelectorAll("[data-sid]");
  function group(el) {
    var ids = [el.getAttribute("data-sid")];
    var partners = el.getAttribute("data-partners");
    if (partners) { ids = ids.concat(partners.split(" ")); }
    return ids;
  }
  function mark(ids, cls) {
    document.querySelectorAll("." + cls).forEach(function (el) { el.classList.remove(cls); });
    ids.forEach(function (id) {
      document.querySelectorAll('[data-sid="' + id + '"]').forEach(function (el) { el.classList.add(cls); });
      document.querySelectorAll('[data-members~="' + id + '"]').forEach(function (el) { el.classList.add(cls); });
    });
  }
  function activate(el) {
    var ids = group(el);
    mark(ids, "active");
    var status = document.getElementById("selection");
    if (ids.length > 1) {
      var partner = document.getElementById(ids[1]);
      if (partner) { partner.scrollIntoView({ block: "nearest", inline: "nearest" }); }
      status.textContent = "Selected " + ids[0] + ", aligned with " + ids.slice(1).join(", ") + ".";
    } else {
      status.textContent = "Selected " + ids[0] + ": no counterpart in the other source.";
    }
  }
  items.forEach(function (el) {
    el.addEventListener("click", function () { activate(el); });
    el.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); activate(el); }
    });
    el.addEventListener("mouseenter", function () { mark(group(el), "hover"); });
    el.addEventListener("mouseleave", function () { mark([], "hover"); });
  });
})();

"use strict";
// Clicking (or Enter / Space on) a sentence or its mark highlights its group on both
// sides and brings the counterpart into view; hovering previews the same highlight.
(function () {
  var items = document.querySelectorAll("[data-sid]");
  function partners(el) {
    var value = el.getAttribute("data-partners");
    return value ? value.split(" ") : [];
  }
  // The whole aligned group: the sentence, its partners, and the other sentences of its
  // own side (a statement split in two on one side is one group).
  function group(el) {
    var sid = el.getAttribute("data-sid");
    var ids = [sid].concat(partners(el));
    var ribbon = document.querySelector('.ribbon[data-members~="' + sid + '"]');
    if (ribbon) {
      ribbon.getAttribute("data-members").split(" ").forEach(function (id) {
        if (ids.indexOf(id) < 0) { ids.push(id); }
      });
    }
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
    var sid = el.getAttribute("data-sid");
    var others = partners(el);
    mark(group(el), "active");
    var status = document.getElementById("selection");
    if (others.length) {
      var partner = document.getElementById(others[0]);
      if (partner) { partner.scrollIntoView({ block: "nearest", inline: "nearest" }); }
      status.textContent = "Selected " + sid + ", aligned with " + others.join(", ") + ".";
    } else {
      status.textContent = "Selected " + sid + ": no counterpart in the other source.";
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

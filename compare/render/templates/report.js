"use strict";
// Clicking (or Enter / Space on) a sentence or its mark highlights its group on both
// sides and brings the counterpart into view; hovering previews the same highlight.
// Following a reference ("L #3") to a sentence selects it the same way. The links
// themselves are plain in-page links: without this script they still jump.
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
  // Bring a sentence into view inside its article's scroll box, never moving the page;
  // where the articles do not scroll on their own (a phone), move the page only if asked.
  function reveal(el, page) {
    var box = el.closest(".article");
    if (box && box.scrollHeight > box.clientHeight) {
      var offset = el.getBoundingClientRect().top - box.getBoundingClientRect().top;
      if (offset < 0 || offset > box.clientHeight - el.offsetHeight) { box.scrollTop += offset - box.clientHeight / 3; }
    } else if (page) {
      el.scrollIntoView({ block: "nearest", inline: "nearest" });
    }
  }
  function activate(el, page) {
    var sid = el.getAttribute("data-sid");
    var others = partners(el);
    mark(group(el), "active");
    if (el.tagName.toLowerCase() === "rect") { reveal(document.getElementById(sid), page); }
    var status = document.getElementById("selection");
    if (others.length) {
      var partner = document.getElementById(others[0]);
      if (partner) { reveal(partner, page); }
      status.textContent = "Selected " + sid + ", aligned with " + others.join(", ") + ".";
    } else {
      status.textContent = "Selected " + sid + ": no counterpart in the other source.";
    }
  }
  // A reference or the address names a sentence: select it (the browser scrolls to it).
  function follow(id) {
    var target = id && document.getElementById(id);
    if (target && target.classList.contains("s")) { activate(target, false); }
  }
  document.querySelectorAll('a.ref[href^="#"]').forEach(function (link) {
    link.addEventListener("click", function () { follow(link.getAttribute("href").slice(1)); });
  });
  window.addEventListener("hashchange", function () { follow(location.hash.slice(1)); });
  follow(location.hash.slice(1));
  items.forEach(function (el) {
    el.addEventListener("click", function () { activate(el, true); });
    el.addEventListener("keydown", function (event) {
      if (event.target !== el) { return; }  // Enter on the link back inside a sentence follows it
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); activate(el, true); }
    });
    el.addEventListener("mouseenter", function () { mark(group(el), "hover"); });
    el.addEventListener("mouseleave", function () { mark([], "hover"); });
  });
})();

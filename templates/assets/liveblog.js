/* Midad live blog: polls the page's updates JSON (same origin) and offers new updates without a reload.
   Optional and dependency-free: without it the page shows every update it was built with. */
(function () {
  "use strict";
  var section = document.querySelector("[data-live-updates]");
  if (!section || !window.fetch) { return; }
  var list = section.querySelector(".live-entries");
  var notice = section.querySelector(".live-new");
  var button = section.querySelector(".live-new-button");
  var url = section.getAttribute("data-live-updates");
  var waiting = [];
  var timer = null;

  function known(id) { return document.getElementById(id) !== null; }

  function entryNode(u) {
    var li = document.createElement("li");
    li.className = "live-entry" + (u.pinned ? " live-entry--pinned" : "");
    li.id = u.id;
    var meta = document.createElement("p");
    meta.className = "live-entry-meta";
    var link = document.createElement("a");
    link.className = "live-entry-time";
    link.href = "#" + u.id;
    var time = document.createElement("time");
    time.setAttribute("datetime", u.datetime);
    time.textContent = u.time;
    link.appendChild(time);
    meta.appendChild(link);
    if (u.byline) {
      var by = document.createElement("span");
      by.className = "live-entry-author";
      by.textContent = " " + u.byline;
      meta.appendChild(by);
    }
    var body = document.createElement("div");
    body.className = "live-entry-body prose";
    body.innerHTML = u.html; /* sanitised by the build, served from this site */
    li.appendChild(meta);
    li.appendChild(body);
    return li;
  }

  function show() {
    var firstUnpinned = list.querySelector(".live-entry:not(.live-entry--pinned)");
    waiting.sort(function (a, b) { return a.datetime < b.datetime ? -1 : 1; });
    waiting.forEach(function (u) {
      if (!known(u.id)) {
        var node = entryNode(u);
        list.insertBefore(node, firstUnpinned);
        firstUnpinned = node;
      }
    });
    waiting = [];
    notice.hidden = true;
  }

  function poll() {
    fetch(url, { cache: "no-cache", credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        waiting = (data.updates || []).filter(function (u) { return u && typeof u.id === "string" && !known(u.id); });
        notice.hidden = waiting.length === 0;
        if (!data.active && timer) { clearInterval(timer); }
      })
      .catch(function () { /* offline: try again at the next tick */ });
  }

  if (button) { button.addEventListener("click", show); }
  timer = setInterval(function () { if (!document.hidden) { poll(); } }, 60000);
})();

/* Midad breaking news: fills the banner from breaking.json (same origin); items past their expiry are dropped
   here too, so an item vanishes on time even before the next build. Dependency-free. */
(function () {
  "use strict";
  var banner = document.querySelector("[data-breaking]");
  if (!banner || !window.fetch) { return; }
  fetch(banner.getAttribute("data-breaking"), { cache: "no-cache", credentials: "same-origin" })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (data) {
      if (!data || !data.items) { return; }
      var now = Date.now();
      var items = data.items.filter(function (b) {
        var t = Date.parse(b.expires);
        return b && typeof b.text === "string" && !isNaN(t) && t > now;
      });
      if (items.length === 0) { return; }
      var box = document.createElement("div");
      box.className = "container breaking-inner";
      var label = document.createElement("strong");
      label.className = "breaking-label";
      label.textContent = data.label || "";
      box.appendChild(label);
      var list = document.createElement("ul");
      items.forEach(function (b) {
        var li = document.createElement("li");
        var url = typeof b.url === "string" ? b.url : "";
        if (url && (url.charAt(0) === "/" && url.charAt(1) !== "/" || url.indexOf("https://") === 0)) {
          var a = document.createElement("a");
          a.href = url;
          a.textContent = b.text;
          li.appendChild(a);
        } else {
          li.textContent = b.text;
        }
        list.appendChild(li);
      });
      box.appendChild(list);
      banner.appendChild(box);
      banner.setAttribute("role", "region");
      banner.setAttribute("aria-label", data.label || "");
      banner.hidden = false;
    })
    .catch(function () { /* no banner */ });
})();

/* Midad embeds: a post or video is shown from data stored with the site; the platform's player is loaded
   only when the reader asks for it. Optional and dependency-free: without it every embed stays a link to the
   original. The player's address comes from the page (data-embed-src, written by the build only for hosts
   in embed_hosts) and runs in a sandboxed iframe. */
(function () {
  "use strict";
  var figures = document.querySelectorAll("figure.embed[data-embed-src]");

  function load(figure, replaced) {
    var src = figure.getAttribute("data-embed-src");
    if (src.indexOf("https://") !== 0) { return; }
    var frame = document.createElement("iframe");
    frame.className = "embed-frame";
    frame.src = src;
    frame.title = figure.getAttribute("data-embed-title") || "";
    frame.setAttribute("sandbox", figure.getAttribute("data-embed-sandbox") || "allow-scripts allow-same-origin");
    frame.setAttribute("allow", figure.getAttribute("data-embed-allow") || "");
    frame.setAttribute("allowfullscreen", "");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    figure.removeAttribute("data-embed-src");
    figure.classList.add("embed--loaded");
    figure.replaceChild(frame, replaced);
    frame.focus();
  }

  Array.prototype.forEach.call(figures, function (figure) {
    var preview = figure.querySelector(".embed-preview");
    if (preview) {
      preview.addEventListener("click", function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button > 0) { return; } /* a new tab: the original */
        event.preventDefault();
        load(figure, preview);
      });
      return;
    }
    var caption = figure.querySelector("figcaption");
    if (!caption) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "embed-load";
    button.textContent = figure.getAttribute("data-embed-label") || "";
    button.addEventListener("click", function () {
      var quote = figure.querySelector(".embed-quote");
      if (quote) {
        load(figure, quote);
      } else {
        figure.insertBefore(document.createElement("span"), caption);
        load(figure, caption.previousSibling);
      }
      button.remove();
    });
    caption.appendChild(button);
  });
})();

/* Two-click consent for embedded videos: nothing is requested from the provider until the
   visitor presses the button. Included by home/blocks/embed.html, so pages without embeds load
   no script at all. Safe to include several times. */
(function () {
  "use strict";

  function load(root, content) {
    var frame = document.createElement("div");
    frame.className = "block-embed__frame";
    frame.tabIndex = -1;
    frame.appendChild(content.content.cloneNode(true));
    frame.querySelectorAll("iframe").forEach(function (iframe) {
      if (!iframe.title) {
        iframe.title = root.dataset.title || "";
      }
    });
    root.querySelector(".block-embed__notice").replaceWith(frame);
    frame.focus();
  }

  document.querySelectorAll("[data-consent-embed]").forEach(function (root) {
    var button = root.querySelector("[data-consent-embed-load]");
    var content = root.querySelector("template[data-consent-embed-content]");
    if (!button || !content || root.dataset.consentReady) {
      return;
    }
    root.dataset.consentReady = "true";
    button.hidden = false;
    button.addEventListener("click", function () {
      load(root, content);
    });
  });
})();

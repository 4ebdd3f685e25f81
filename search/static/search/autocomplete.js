// Suggestions while typing: fills each search field's <datalist> from the autocomplete API.
// Progressive enhancement: without JavaScript the forms work as before.
(function () {
  "use strict";
  if (!window.fetch) return;

  function enhance(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    var controller = null;
    if (!list) return;

    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { list.replaceChildren(); return; }
      timer = setTimeout(function () {
        if (controller) controller.abort();
        controller = new AbortController();
        var url = input.dataset.autocompleteUrl + "?q=" + encodeURIComponent(q);
        fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { items: [] }; })
          .then(function (data) {
            list.replaceChildren.apply(list, data.items.map(function (item) {
              var option = document.createElement("option");
              option.value = item.title;  // textContent/value: never parsed as HTML
              option.label = item.type_label;
              return option;
            }));
          })
          .catch(function () {});
      }, 200);
    });
  }

  document.querySelectorAll("input[data-autocomplete-url]").forEach(enhance);
})();

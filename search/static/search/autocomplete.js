// Suggestions while typing: fills the search field's <datalist> from the autocomplete API.
// Progressive enhancement: without JavaScript the form works as before.
(function () {
  "use strict";
  var input = document.querySelector("input[data-autocomplete-url]");
  if (!input || !window.fetch) return;
  var list = document.getElementById(input.getAttribute("list"));
  var timer = null;
  var controller = null;

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
})();

// Search enhancements; the search form, results and feedback all work without it.
(function () {
  "use strict";
  var QUERY_KEY = "portal.searchQuery";

  // Autocomplete: suggest titles under the header search box as the user types.
  var input = document.querySelector("input[data-autocomplete]");
  if (input && window.fetch) {
    var endpoint = input.getAttribute("data-autocomplete");
    var list = document.createElement("ul");
    var timer = null;
    var active = -1;
    var lastQuery = "";
    list.className = "autocomplete";
    list.id = input.id + "-suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.parentNode.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");

    var close = function () {
      list.hidden = true;
      list.innerHTML = "";
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    };
    var render = function (results) {
      list.innerHTML = "";
      active = -1;
      results.forEach(function (item, i) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        li.setAttribute("role", "option");
        li.id = list.id + "-" + i;
        a.href = item.url;
        a.textContent = item.title;
        a.tabIndex = -1;
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = results.length === 0;
      input.setAttribute("aria-expanded", results.length ? "true" : "false");
    };
    var highlight = function (index) {
      var items = list.querySelectorAll("li");
      if (!items.length) return;
      active = (index + items.length) % items.length;
      items.forEach(function (li, i) { li.classList.toggle("is-active", i === active); li.setAttribute("aria-selected", i === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", items[active].id);
    };
    input.addEventListener("input", function () {
      var q = input.value.trim();
      clearTimeout(timer);
      if (q.length < 1) { close(); return; }
      timer = setTimeout(function () {
        lastQuery = q;
        var lang = document.documentElement.getAttribute("lang") || "";
        fetch(endpoint + "autocomplete/?q=" + encodeURIComponent(q) + "&language=" + encodeURIComponent(lang), { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : { results: [] }; })
          .then(function (data) { if (lastQuery === q) render(data.results || []); })
          .catch(close);
      }, 120);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = list.querySelectorAll("a")[active].href;
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 200); });
    input.form.addEventListener("submit", function () {
      try { sessionStorage.setItem(QUERY_KEY, input.value.trim()); } catch (e) { /* storage off */ }
    });
  }

  // Remember the query a reader came from, so article feedback can carry it.
  var pageQuery = document.querySelector(".search-page #search-page-q");
  document.querySelectorAll("a[data-search-result]").forEach(function (link) {
    link.addEventListener("click", function () {
      try { sessionStorage.setItem(QUERY_KEY, pageQuery ? pageQuery.value.trim() : ""); } catch (e) { /* storage off */ }
    });
  });

  // “Did this answer your question?”: post in place with a fresh CSRF token,
  // because the article page itself may come from the anonymous page cache.
  document.querySelectorAll("form[data-article-feedback]").forEach(function (form) {
    if (!window.fetch || !window.FormData) return;
    var status = form.querySelector("[data-feedback-status]");
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button) return;
      event.preventDefault();
      var data = new FormData(form);
      data.set("helpful", button.value);
      try { data.set("query", sessionStorage.getItem(QUERY_KEY) || ""); } catch (e) { /* storage off */ }
      var url = form.getAttribute("action");
      fetch(url + "?format=json", { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (token) {
          return fetch(url, {
            method: "POST",
            body: data,
            credentials: "same-origin",
            headers: { "X-CSRFToken": token.csrfToken, Accept: "application/json" }
          });
        })
        .then(function (r) { return r.json(); })
        .then(function (answer) {
          status.textContent = answer.message || answer.error || "";
          if (!answer.saved) return;
          // One answer per reading: show which one was given, and take no other.
          form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
          button.setAttribute("aria-pressed", "true");
        })
        .catch(function () { form.submit(); });
    });
  });
})();

// Deflection while typing a request's subject: suggest knowledge articles from the
// search API; "This solved it" records a self-served attempt. The form works without it.
(function () {
  "use strict";
  var form = document.getElementById("request-form");
  if (!form || !window.fetch) { return; }
  var subject = form.querySelector("input[data-deflect]");
  var box = document.getElementById("deflection");
  var list = document.getElementById("deflection-list");
  var done = document.getElementById("deflection-done");
  var timer = null;
  var lastQuery = "";
  var lang = document.documentElement.lang || "en";
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;

  var solved = function (item) {
    var body = new URLSearchParams();
    body.set("subject", subject.value);
    body.set("article_url", item.url);
    body.set("article_title", item.title);
    body.set("request_type", form.getAttribute("data-request-type"));
    fetch(form.getAttribute("data-self-served-url"), {
      method: "POST",
      headers: { "X-CSRFToken": csrf, "Content-Type": "application/x-www-form-urlencoded" },
      body: body.toString(),
      credentials: "same-origin"
    }).then(function (r) { return r.json(); }).then(function (data) {
      done.textContent = data.message || data.error || "";
      list.innerHTML = "";
    });
  };

  var render = function (results) {
    list.innerHTML = "";
    results.slice(0, 5).forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = item.url;
      a.target = "_blank";
      a.rel = "noopener";
      a.textContent = item.title;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button-small";
      button.textContent = box.getAttribute("data-solved-label") || "This solved it";
      button.addEventListener("click", function () { solved(item); });
      li.appendChild(a);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(button);
      list.appendChild(li);
    });
    box.hidden = results.length === 0;
  };

  subject.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = subject.value.trim();
      if (q.length < 3 || q === lastQuery) { return; }
      lastQuery = q;
      var url = form.getAttribute("data-deflect-url") + "?type=article&limit=5&language=" +
        encodeURIComponent(lang) + "&q=" + encodeURIComponent(q);
      fetch(url, { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) { if (q === lastQuery) { render(data.results || []); } })
        .catch(function () { box.hidden = true; });
    }, 300);
  });
}());

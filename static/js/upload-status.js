// Follows an upload's files on its results page until every one is done: asks the page's JSON twin
// (data-status-url on the table) for news, first every second, then less often, and writes each
// file's state into its row. Text is set with textContent only, never as HTML. Without this
// script the page still works: it offers a link to load it again.
(function () {
  "use strict";
  var table = document.querySelector("table.results[data-status-url]");
  if (!table || !table.hasAttribute("data-waiting")) { return; }
  var url = table.getAttribute("data-status-url");
  var summary = document.getElementById("upload-summary");
  var refresh = document.getElementById("upload-refresh");
  var delay = 1000;
  var failures = 0;
  if (refresh) { refresh.hidden = true; }

  function showRow(file) {
    var row = table.querySelector('tr[data-file="' + file.id + '"]');
    if (!row) { return; }
    row.className = "upload-" + file.status;
    var badge = row.querySelector(".upload-state .badge");
    badge.className = "badge badge-upload-" + file.status;
    badge.textContent = file.label;
    row.querySelector(".upload-message").textContent = file.message;
    var name = row.querySelector("td.filename");
    if (file.document_url && !name.querySelector("a")) {
      var link = document.createElement("a");
      link.href = file.document_url;
      link.textContent = file.filename;
      name.textContent = "";
      name.appendChild(link);
    }
  }

  function ask() {
    var request = new XMLHttpRequest();
    request.open("GET", url);
    request.setRequestHeader("Accept", "application/json");
    request.onload = function () {
      if (request.status !== 200) { return retry(); }
      failures = 0;
      var news = JSON.parse(request.responseText);
      news.files.forEach(showRow);
      if (summary) { summary.textContent = news.summary; }
      if (news.finished) {
        table.removeAttribute("data-waiting");
        return;
      }
      delay = Math.min(delay + 500, 5000);
      window.setTimeout(ask, delay);
    };
    request.onerror = retry;
    request.send();
  }

  function retry() {
    failures += 1;
    if (failures >= 5) {  // the server does not answer: hand back the link, stop asking
      if (refresh) { refresh.hidden = false; }
      return;
    }
    window.setTimeout(ask, 5000);
  }

  window.setTimeout(ask, delay);
})();

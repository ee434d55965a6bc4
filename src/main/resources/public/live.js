// Live blogs (issue 17): polls the page's live answer and, when there are new entries, offers them
// behind a button; they are inserted only when the reader asks, so the page never moves under them.
(function () {
  "use strict";
  var section = document.querySelector("section.live-blog[data-live-poll]");
  if (!section || !window.fetch) return;
  var url = section.getAttribute("data-live-poll");
  var label = section.getAttribute("data-new-updates") || "{count}";
  var list = document.getElementById("live-entries");
  var button = section.querySelector("button.live-new");
  var updated = section.querySelector("time.live-updated");
  var newest = Number(section.getAttribute("data-newest")) || 0;
  var interval = Number(section.getAttribute("data-interval")) || 5000;
  var waiting = [];
  var last = null;

  function schedule() {
    window.setTimeout(poll, interval);
  }

  function poll() {
    // "no-cache": always ask, but with the ETag, so an unchanged answer is a 304 from the page cache.
    fetch(url, { cache: "no-cache", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) return schedule();
        last = data;
        waiting = data.entries.filter(function (e) { return e.thread > newest; });
        if (waiting.length) {
          button.textContent = label.replace("{count}", String(waiting.length));
          button.hidden = false;
        }
        if (data.live) schedule();
      })
      .catch(schedule);
  }

  button.addEventListener("click", function () {
    var first = null;
    // The answer lists newest first: insert oldest first, each on top.
    for (var i = waiting.length - 1; i >= 0; i--) {
      var holder = document.createElement("div");
      holder.innerHTML = waiting[i].html;
      var entry = holder.firstElementChild;
      if (!entry || document.getElementById(entry.id)) continue;
      list.insertBefore(entry, list.firstElementChild);
      first = entry;
      newest = Math.max(newest, waiting[i].thread);
    }
    waiting = [];
    button.hidden = true;
    if (last && updated) {
      updated.textContent = last.lastUpdateText;
      updated.setAttribute("datetime", last.lastUpdate);
    }
    var empty = section.querySelector(".live-empty");
    if (empty && first) empty.remove();
    if (first) {
      first.setAttribute("tabindex", "-1");
      first.focus();
    }
  });

  schedule();
})();

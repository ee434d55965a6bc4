/* Wargeys share bar: enhances plain share links (which work without this script). Copies the link
   to the clipboard, opens the browser's share sheet, and counts shares with a first-party beacon. */
(function () {
  'use strict';
  var bar = document.querySelector('.share-bar');
  if (!bar) return;
  var d = bar.dataset;
  var list = bar.querySelector('.share-list');
  var via = bar.querySelector('.share-via');
  var status = bar.querySelector('.share-status');

  function count(network) {
    if (!navigator.sendBeacon) return;
    navigator.sendBeacon(d.beacon, new URLSearchParams({ article: d.article, network: network, language: d.language }));
  }

  function say(text) {
    status.textContent = '';
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  // For browsers without the Clipboard API (or outside a secure context).
  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'share-offscreen';
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try { copied = document.execCommand('copy'); } catch (e) { copied = false; }
    document.body.removeChild(area);
    if (copied) say(d.copied);
    else window.prompt(d.copyManually, text);
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { say(d.copied); }, function () { fallbackCopy(text); });
    } else {
      fallbackCopy(text);
    }
  }

  if (via && list) {
    via.hidden = false;
    list.hidden = true;
    via.addEventListener('click', function () {
      if (navigator.share) {
        navigator.share({ title: d.title, url: d.url }).then(function () { count('native'); }, function () {});
        return;
      }
      var open = list.hidden;
      list.hidden = !open;
      via.setAttribute('aria-expanded', String(open));
    });
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-network]');
    if (!link) return;
    count(link.dataset.network);
    if (link.dataset.network === 'copy') {
      event.preventDefault();
      copy(d.url);
    }
  });
}());

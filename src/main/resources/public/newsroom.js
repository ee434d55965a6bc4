// Newsroom progressive enhancement: every form works without this file. It adds a warning before
// leaving an editor with unsaved changes, autosave of drafts, and a live preview.
(function () {
  'use strict';
  var form = document.querySelector('form[data-editor]');
  if (!form) return;
  var dirty = false;
  var status = document.querySelector('[data-autosave-status]');
  var previewButton = form.querySelector('[data-preview]');
  var previewTimer = null;
  var saving = false;

  function say(text) {
    if (status) status.textContent = text;
  }

  form.addEventListener('input', function () {
    dirty = true;
    if (previewButton) {
      clearTimeout(previewTimer);
      previewTimer = setTimeout(function () { previewButton.click(); }, 1200);
    }
  });

  form.addEventListener('submit', function (event) {
    // The preview button posts into the preview frame; the page itself stays, changes unsaved.
    if (event.submitter && event.submitter.hasAttribute('formtarget')) return;
    dirty = false;
  });

  window.addEventListener('beforeunload', function (event) {
    if (!dirty) return;
    event.preventDefault();
    event.returnValue = '';
  });

  var autosaveUrl = form.getAttribute('data-autosave-url');
  if (!autosaveUrl) return;
  setInterval(function () {
    if (!dirty || saving) return;
    saving = true;
    var body = new URLSearchParams(new FormData(form));
    fetch(autosaveUrl, {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { 'X-CSRF-Token': form.elements.csrf.value, 'Accept': 'application/json' }
    }).then(function (response) {
      return response.json().then(function (json) { return { ok: response.ok, json: json }; });
    }).then(function (result) {
      if (result.ok) {
        form.elements.revision.value = result.json.revision;
        dirty = false;
      }
      say(result.json.message);
    }).catch(function () {
      say(form.getAttribute('data-autosave-failed'));
    }).finally(function () {
      saving = false;
    });
  }, 15000);
})();

// Newsroom progressive enhancement for pages other than the article editor (which has its own script,
// editor.js). Every form works without this file; it only warns before leaving a form whose fields
// were changed and not sent.
(function () {
  'use strict';
  var changed = null;
  document.addEventListener('input', function (event) {
    if (event.target.form && event.target.form.method === 'post') changed = event.target.form;
  });
  document.addEventListener('submit', function () {
    changed = null;
  });
  window.addEventListener('beforeunload', function (event) {
    if (!changed) return;
    event.preventDefault();
    event.returnValue = '';
  });
})();

// The live composer (issue 17): posts a new entry without leaving the page, then empties the box for
// the next one and lists the entry on top. Without this file the form posts and the page comes back
// with the box empty; on an error the server's page keeps the text as typed. This script keeps it too.
(function () {
  'use strict';
  var form = document.querySelector('form.live-composer[data-new-entry]');
  if (!form || !window.fetch || !window.URLSearchParams) return;
  var box = form.querySelector('textarea[name=text]');
  var status = form.querySelector('.live-composer-status');
  var list = document.querySelector('.live-list');
  var sending = false;

  function clearErrors() {
    form.querySelectorAll('.field-error[data-from-script]').forEach(function (e) { e.remove(); });
    box.removeAttribute('aria-invalid');
  }

  function showErrors(errors) {
    Object.keys(errors).forEach(function (field) {
      var input = form.querySelector('[name=' + field + ']') || box;
      var message = document.createElement('p');
      message.className = 'field-error';
      message.id = field + '-error';
      message.setAttribute('data-from-script', '');
      message.textContent = errors[field];
      input.insertAdjacentElement('afterend', message);
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', message.id);
    });
    status.textContent = Object.keys(errors).map(function (f) { return errors[f]; }).join(' ');
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (sending) return;
    sending = true;
    clearErrors();
    fetch(form.action, {
      method: 'POST',
      headers: { 'Accept': 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(new FormData(form)).toString(),
      credentials: 'same-origin'
    }).then(function (r) {
      var type = r.headers.get('Content-Type') || '';
      if (type.indexOf('application/json') !== 0) {
        // Signed out, refused, or the server down: send the form the plain way, text and all.
        form.submit();
        return null;
      }
      return r.json().then(function (body) { return { ok: r.ok, body: body }; });
    }).then(function (answer) {
      if (!answer) return;
      if (!answer.ok) { showErrors(answer.body.errors || {}); return; }
      var holder = document.createElement('ol');
      holder.innerHTML = answer.body.html;
      if (list && holder.firstElementChild) list.insertBefore(holder.firstElementChild, list.firstElementChild);
      // Cleared by hand: reset() would bring back the text of a page the server answered with an error.
      form.querySelectorAll('textarea, input:not([type=hidden]):not([type=checkbox])').forEach(function (i) { i.value = ''; });
      form.querySelectorAll('input[type=checkbox]').forEach(function (i) { i.checked = false; });
      status.textContent = answer.body.message;
      box.focus();
    }).catch(function () {
      form.submit();
    }).then(function () { sending = false; });
  });
})();

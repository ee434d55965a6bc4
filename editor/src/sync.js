// Never lose a word. Every change is kept on this device at once and saved to the server a few seconds
// later; the status next to the headline says where the text is ("Saved 10:02", "Saving…", "Offline —
// kept on this device"). A new article is created at the first keystroke. An ended session asks to sign
// in again in place, then saves; a save that finds someone else's newer version opens both side by side.
import { t, el, clock, dialog, postForm } from './util.js';

const QUIET_MS = 2000; // saved this long after the last keystroke…
const MAX_WAIT_MS = 8000; // …and at least this often while typing goes on
const STORE = 'wargeys.editor.v1:';

export class Saver {
  constructor(form, hooks) {
    this.form = form;
    this.hooks = hooks; // { collect(), restore(fields), onSaved(json), onConflict(), uiLanguage }
    this.status = document.querySelector('[data-save-status]');
    this.id = form.getAttribute('data-article') || null;
    this.changeSeq = 0;
    this.savedSeq = 0;
    this.saving = null;
    this.blocked = null; // 'signed-out' | 'conflict' | 'read-only'
    this.timer = null;
    this.firstUnsaved = 0;
    this.retryMs = 0;
    this.draft = ['new', 'draft'].includes(form.getAttribute('data-status'));
    window.addEventListener('online', () => this.kick());
    window.addEventListener('beforeunload', (e) => {
      if (!this.dirty()) return;
      e.preventDefault();
      e.returnValue = t('editor.leave');
    });
  }

  dirty() {
    return this.changeSeq > this.savedSeq;
  }

  key() {
    return STORE + (this.id || 'new:' + (this.form.elements.language ? this.form.elements.language.value : ''));
  }

  say(key, values, kind) {
    if (!this.status) return;
    this.status.textContent = t(key, values);
    this.status.setAttribute('data-state', kind || '');
  }

  // Something changed in the form: keep it here at once, save it soon.
  changed() {
    this.changeSeq++;
    if (!this.firstUnsaved) this.firstUnsaved = Date.now();
    this.keepLocally();
    if (this.blocked) return;
    const offline = navigator.onLine === false;
    this.say(offline ? 'editor.status.offline' : 'editor.status.unsaved', null, offline ? 'offline' : 'unsaved');
    this.schedule();
  }

  schedule() {
    // The draft exists from the first keystroke.
    if (!this.id) {
      this.kick();
      return;
    }
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(QUIET_MS, this.firstUnsaved + MAX_WAIT_MS - Date.now()));
    this.timer = setTimeout(() => this.save(), wait);
  }

  kick() {
    clearTimeout(this.timer);
    if (this.dirty() && !this.blocked) this.save();
  }

  keepLocally() {
    try {
      const fields = this.hooks.collect(true);
      localStorage.setItem(this.key(), JSON.stringify({ fields, at: Date.now(), revision: this.form.elements.revision.value }));
    } catch (e) {
      // A full or forbidden storage: the server copy still comes within seconds.
    }
  }

  forgetLocal(key) {
    try {
      localStorage.removeItem(key || this.key());
    } catch (e) {
      /* nothing kept */
    }
  }

  // A copy kept on this device that the server never confirmed: back into the form, and saved.
  restoreLocal(serverFields) {
    let kept = null;
    try {
      kept = JSON.parse(localStorage.getItem(this.key()) || 'null');
    } catch (e) {
      kept = null;
    }
    if (!kept || !kept.fields) return false;
    const same = Object.keys(kept.fields).every((k) => k === 'revision' || (serverFields[k] || '') === (kept.fields[k] || ''));
    if (same) {
      this.forgetLocal();
      return false;
    }
    this.hooks.restore(kept.fields);
    const note = el('p', { class: 'notice warn', role: 'status' }, t('editor.local.restored', { time: clock(new Date(kept.at), this.hooks.uiLanguage) }) + ' ');
    const discard = el('button', { type: 'button', text: t('editor.local.discard') });
    discard.addEventListener('click', () => {
      this.forgetLocal();
      this.savedSeq = this.changeSeq;
      window.location.reload();
    });
    note.appendChild(discard);
    document.querySelector('[data-pending-change]').appendChild(note);
    this.changed();
    return true;
  }

  // Saves now; mode 'save' also puts an article past the draft stage live (the Update button). One save
  // at a time: a save asked for while one runs follows it, with what changed meanwhile.
  save(mode) {
    if (mode === 'save') this.explicit = true;
    if (this.saving) {
      this.again = true;
      return this.saving;
    }
    this.saving = this.run().finally(() => {
      this.saving = null;
      if (this.again) {
        this.again = false;
        if ((this.dirty() || this.explicit) && !this.blocked) this.save();
      }
    });
    return this.saving;
  }

  // Saves until nothing is left to save (before a workflow step): true when all is saved.
  async flush(mode) {
    for (let i = 0; i < 5; i++) {
      if (this.blocked) return false;
      if (!this.saving && !this.dirty() && mode !== 'save') return true;
      await this.save(mode);
      mode = null;
    }
    return !this.dirty() && !this.blocked;
  }

  async run() {
    if (this.blocked) return false;
    clearTimeout(this.timer);
    const mode = this.explicit ? 'save' : 'autosave';
    this.explicit = false;
    const seq = this.changeSeq;
    const data = this.hooks.collect(false);
    const created = !this.id;
    const url = created ? '/admin/articles' : '/admin/articles/' + this.id + '/autosave';
    if (!created) data.set('mode', mode);
    this.say('editor.status.saving', null, 'saving');
    try {
      const answer = await postForm(url, data, this.form.elements.csrf.value);
      return await this.answer(answer, seq, created, mode);
    } catch (e) {
      // No answer at all: offline, or the server is restarting. Kept here; tried again.
      this.say('editor.status.offline', null, 'offline');
      this.retry();
      return false;
    }
  }

  retry() {
    this.retryMs = Math.min(30000, this.retryMs ? this.retryMs * 2 : 3000);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.kick(), this.retryMs);
  }

  async answer(a, seq, created, mode) {
    const j = a.json;
    if (a.ok && j.location) {
      // The change waits for an editor's review: its page says so (the server named it).
      this.savedSeq = Math.max(this.savedSeq, seq);
      this.forgetLocal();
      window.location.assign(j.location);
      return true;
    }
    if (a.ok) {

      this.retryMs = 0;
      if (created) this.becomes(j.id);
      if (j.revision !== undefined && !j.pending) this.form.elements.revision.value = j.revision;
      this.savedSeq = Math.max(this.savedSeq, seq);
      if (!this.dirty()) {
        this.firstUnsaved = 0;
        this.forgetLocal();
      }
      this.hooks.clearErrors();
      if (j.status) {
        this.draft = j.status === 'draft';
        this.form.setAttribute('data-status', j.status);
      }
      if (this.hooks.onSaved) this.hooks.onSaved(j);
      if (this.dirty()) {
        // Typed while this save was on its way: not all saved yet.
        this.say('editor.status.unsaved', null, 'unsaved');
        this.schedule();
      } else {
        this.say(j.pending ? 'editor.status.saved_pending' : 'editor.status.saved', { time: j.time }, 'saved');
      }
      return true;
    }
    if (a.status === 401) {
      this.block('signed-out');
      this.say('editor.status.signed_out', null, 'signed-out');
      this.signIn();
      return false;
    }
    if (a.status === 409 && j.conflict !== false) {
      this.block('conflict');
      this.say('editor.status.conflict', null, 'conflict');
      this.hooks.onConflict();
      return false;
    }
    if (a.status === 403 && (await this.refreshToken())) {
      // A session started again in another tab has another token: take it and go on.
      if (mode === 'save') this.explicit = true;
      this.again = true;
      return false;
    }
    if (a.status === 400 && j.errors) {
      this.hooks.showErrors(j.errors);
      const first = Object.values(j.errors)[0];
      this.say('editor.status.failed', { reason: first || j.message }, 'failed');
      return false;
    }
    this.say('editor.status.failed', { reason: j.message || String(a.status) }, 'failed');
    if (a.status >= 500) this.retry();
    return false;
  }

  // The article now exists on the server: from here on, this page is its editor.
  becomes(id) {
    const oldKey = this.key();
    this.id = String(id);
    this.form.setAttribute('data-article', this.id);
    this.form.setAttribute('action', '/admin/articles/' + this.id);
    this.form.elements.article_id.value = this.id;
    this.form.setAttribute('data-status', 'draft');
    this.forgetLocal(oldKey);
    this.keepLocally();
    if (window.history && history.replaceState) history.replaceState(null, '', '/admin/articles/' + this.id);
    if (this.hooks.onCreated) this.hooks.onCreated(this.id);
  }

  block(why) {
    this.blocked = why;
    clearTimeout(this.timer);
  }

  unblock(why) {
    if (this.blocked === why) this.blocked = null;
    if (!this.blocked && this.dirty()) this.kick();
  }

  async refreshToken() {
    try {
      const r = await fetch('/admin/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!r.ok || !(r.headers.get('Content-Type') || '').includes('json')) return false;
      const j = await r.json();
      if (!j.csrf || j.csrf === this.form.elements.csrf.value) return false;
      this.setToken(j.csrf);
      return true;
    } catch (e) {
      return false;
    }
  }

  setToken(csrf) {
    document.querySelectorAll('input[name=csrf]').forEach((i) => (i.value = csrf));
  }

  // The session ended: sign in again here, without leaving the page, then save what is pending.
  signIn() {
    if (document.querySelector('dialog.sign-in-again')) return;
    const d = dialog(t('editor.signin.title'), this.hooks.uiLanguage, document.documentElement.dir);
    d.classList.add('sign-in-again');
    const email = el('input', { id: 'again-email', type: 'email', autocomplete: 'username', required: true, value: this.form.getAttribute('data-email') || '' });
    const password = el('input', { id: 'again-password', type: 'password', autocomplete: 'current-password', required: true });
    const error = el('p', { class: 'field-error', role: 'alert' });
    const f = el(
      'form',
      { method: 'post', action: '/admin/login' },
      el('p', { text: t('editor.signin.intro') }),
      el('label', { for: 'again-email', text: t('editor.signin.email') }),
      email,
      el('label', { for: 'again-password', text: t('editor.signin.password') }),
      password,
      error,
      el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', text: t('editor.signin.submit') }))
    );
    f.addEventListener('submit', async (e) => {
      e.preventDefault();
      error.textContent = '';
      try {
        const page = await fetch('/admin/login?next=%2Fadmin%2Fsession', { credentials: 'same-origin' });
        if ((page.headers.get('Content-Type') || '').includes('json')) {
          // Still signed in (another tab signed in meanwhile): take that session's token.
          this.setToken((await page.json()).csrf);
        } else {
          const html = new DOMParser().parseFromString(await page.text(), 'text/html');
          const token = html.querySelector('input[name=csrf]');
          const body = new URLSearchParams({ csrf: token ? token.value : '', email: email.value, password: password.value, next: '/admin/session' });
          const r = await fetch('/admin/login', { method: 'POST', body, credentials: 'same-origin' });
          if (r.url.includes('/admin/password')) {
            error.textContent = t('editor.signin.password_change');
            return;
          }
          if (!r.ok || !(r.headers.get('Content-Type') || '').includes('json')) {
            error.textContent = t('editor.signin.refused');
            password.value = '';
            password.focus();
            return;
          }
          this.setToken((await r.json()).csrf);
        }
        d.close();
        this.unblock('signed-out');
        if (this.hooks.onSignedIn) this.hooks.onSignedIn();
        this.save();
      } catch (err) {
        error.textContent = t('editor.status.offline');
      }
    });
    d.appendChild(f);
    d.showModal();
    (email.value ? password : email).focus();
  }
}

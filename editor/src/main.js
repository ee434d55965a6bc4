// The article editor's script: turns the plain form (which works without it) into the editor a
// reporter reaches for. Each part is in its own module; this one puts them together.
import { createBodyEditor, figureView } from './body.js';
import { Saver } from './sync.js';
import { Presence } from './presence.js';
import { resolveConflict } from './conflict.js';
import { Picker } from './pickers.js';
import { chooseImage, featuredImage } from './images.js';
import { meta, preview, textareas } from './meta.js';
import { workspace } from './translation.js';
import { t, el, loadStrings } from './util.js';

const RTL = ['ar', 'fa', 'ur', 'he', 'ps', 'ckb', 'dv', 'yi'];

// Keeps the shape of a browser without the features this script leans on: the plain form stays.
function capable() {
  return 'fetch' in window && 'FormData' in window && typeof HTMLDialogElement === 'function' && 'replaceState' in history;
}

// The rich editor cannot hold tables, code blocks or definition lists: such a body (imported, or
// written in Markdown) stays in the plain text box, so that nothing in it is lost.
function fitsRichEditor(html) {
  const box = document.createElement('div');
  box.innerHTML = html;
  return !box.querySelector('table, pre, dl, sub, sup, code, iframe, video, audio');
}

function start(form) {
  loadStrings(form.getAttribute('data-strings'));
  const f = form.elements;
  const ui = form.getAttribute('data-ui');
  const uiDir = form.getAttribute('data-ui-dir');
  let language = form.getAttribute('data-language');
  const language$ = () => language;
  const dir$ = () => (RTL.includes(language) ? 'rtl' : 'ltr');
  const textarea = f.body;
  const originalBody = textarea.value;
  const originalFormat = f.body_format.value;
  const rich = textarea.getAttribute('data-rich') || '';
  const translating = form.hasAttribute('data-translation');
  let saver = null;
  let editor = null;
  let presence = null;
  let bodyTouched = false;

  // The fields as the server would get them; the body from the editor once it was changed there.
  const syncBody = () => {
    if (editor && bodyTouched) {
      textarea.value = editor.html();
      f.body_format.value = 'html';
    }
  };
  const collect = (forStorage) => {
    syncBody();
    const data = new FormData(form);
    if (forStorage) {
      const fields = {};
      for (const [k, v] of data.entries()) if (k !== 'csrf' && k !== 'carried') fields[k] = String(v);
      return fields;
    }
    if (presence) data.set('tab', presence.tab);
    return data;
  };
  const serverFields = collect(true);

  // ---- The writing surface
  let mounted = false;
  if (fitsRichEditor(rich)) {
    const mount = el('div', { class: 'body-editor-frame' });
    textarea.before(mount);
    textarea.hidden = true;
    const help = document.getElementById('body-help');
    if (help) help.textContent = t('editor.body.help_rich');
    const ctx = {
      mount,
      html: rich,
      language,
      dir: dir$(),
      uiLanguage: ui,
      uiDir,
      labelledBy: 'body-label',
      onChange: () => {
        bodyTouched = true;
        changed();
      },
      onImage: async () => {
        const image = await chooseImage(pickerCtx);
        if (image) editor.insertFigure({ src: image.src, alt: image.alt, caption: image.caption, credit: image.credit, width: image.width, height: image.height });
        else if (!document.activeElement || document.activeElement === document.body) editor.focus();
      },
    };
    if (translating) {
      const ws = workspace(form, figureView(ctx));
      if (ws) Object.assign(ctx, { nodeViews: ws.nodeViews, plugins: ws.plugins, keys: ws.keys, figureHint: ws.figureHint });
      // (Its empty headings are named by the workspace's own views.)
      ctx.emptyHeading = false;
    }
    editor = createBodyEditor(ctx);
    mounted = true;
    // The label's click lands in the editor, as it would in the text box.
    document.getElementById('body-label').addEventListener('click', () => editor.focus());
  }

  // ---- Saving, presence, conflicts
  const clearErrors = () => document.querySelectorAll('[data-live-error]').forEach((n) => n.remove());
  const showErrors = (errors) => {
    clearErrors();
    for (const [field, message] of Object.entries(errors)) {
      const target = document.getElementById(field) || document.getElementById('body-label');
      if (!target) continue;
      const p = el('p', { class: 'field-error', 'data-live-error': true, role: 'alert', text: message });
      (target.closest('.picker, .body-editor-frame') || target).after(p);
    }
  };
  saver = new Saver(form, {
    collect,
    uiLanguage: ui,
    clearErrors,
    showErrors,
    restore(fields) {
      for (const [name, value] of Object.entries(fields)) {
        const field = f[name];
        if (!field || name === 'csrf' || name === 'article_id') continue;
        if (field.type === 'checkbox') field.checked = value === '1' || value === 'on';
        else if (field.value !== undefined) field.value = value;
      }
      if (editor && fields.body !== undefined && fields.body_format === 'html' && fields.body !== originalBody) {
        bodyTouched = true;
        editor.setHtml(fields.body);
      }
      pickers.forEach((p) => p.refresh());
      refreshMeta();
    },
    onSaved(j) {
      if (j.slug && !f.slug.value.trim()) f.slug.placeholder = j.slug;
      refreshMeta();
    },
    onCreated(id) {
      presence.start(id);
      addArticleSections(id);
    },
    onConflict: async () => {
      const merged = await resolveConflict({
        form,
        id: saver.id,
        language,
        dir: dir$(),
        uiLanguage: ui,
        uiDir,
        collect,
        apply(r) {
          if (r.headline !== undefined) f.headline.value = r.headline;
          if (r.standfirst !== undefined) f.standfirst.value = r.standfirst;
          f.revision.value = r.revision;
          if (editor) {
            bodyTouched = true;
            editor.setHtml(r.body);
          } else {
            textarea.value = r.body;
            f.body_format.value = 'html';
          }
        },
      });
      saver.unblock('conflict');
      if (merged) saver.changed();
    },
    onSignedIn: () => presence && presence.id && presence.beat(),
  });
  presence = new Presence(form, {
    setEditable(editable) {
      const main = document.querySelector('.editor-main');
      if (main) main.inert = !editable;
      if (editor) editor.setEditable(editable);
      if (editable) saver.unblock('read-only');
      else saver.block('read-only');
    },
    onSignedOut: () => {
      if (!saver.blocked) {
        saver.block('signed-out');
        saver.signIn();
      }
    },
  });

  const changed = () => {
    saver.changed();
    refreshMeta();
    refreshPreview();
  };

  // ---- Pickers and images
  const pickerCtx = { form, language: language$, dir: dir$, uiLanguage: ui, uiDir, onChange: changed };
  const pickers = [];
  form.querySelectorAll('input[data-picker]').forEach((input) => pickers.push(new Picker(input, input.getAttribute('data-picker'), pickerCtx)));
  const featuredSection = form.querySelector('[data-featured-section]');
  if (featuredSection) featuredImage(featuredSection, pickerCtx);

  // ---- What the article will look like
  const refreshMeta = meta({
    form,
    bodyText: () => (editor ? editor.view.state.doc.textBetween(0, editor.view.state.doc.content.size, ' ', ' ') : textarea.value),
    featuredThumb: () => {
      const img = form.querySelector('[data-featured] img');
      return img ? img.getAttribute('src') : null;
    },
  });
  const refreshPreview = preview(form);
  textareas(form, () => editor && editor.focus());

  // Every other field: typing in it is a change to save.
  form.addEventListener('input', (e) => {
    if (e.target.closest('.picker') || e.target.closest('.ProseMirror') || e.target.type === 'search') return;
    if (e.target.closest('.editor-figure')) return; // the figure's own fields change the document
    changed();
  });
  form.addEventListener('change', (e) => {
    if (e.target.tagName === 'SELECT' || e.target.type === 'checkbox') changed();
  });
  const languageSelect = form.querySelector('[data-language-select]');
  if (languageSelect) {
    languageSelect.addEventListener('change', () => {
      language = languageSelect.value;
      form.setAttribute('data-language', language);
      for (const n of form.querySelectorAll('[lang]')) {
        if (n.closest('.editor-main') && !n.closest('label, .help, .notice')) {
          n.setAttribute('lang', language);
          n.setAttribute('dir', dir$());
        }
      }
    });
  }

  // The buttons: Save or Update saves here, without leaving the page; the preview goes to its frame.
  form.addEventListener('submit', async (e) => {
    const submitter = e.submitter;
    if (submitter && (submitter.hasAttribute('data-preview') || submitter.hasAttribute('formtarget'))) {
      syncBody();
      return;
    }
    if (submitter && submitter.hasAttribute('data-discard-pending')) {
      saver.forgetLocal();
      saver.savedSeq = saver.changeSeq;
      return;
    }
    e.preventDefault();
    syncBody();
    saver.changeSeq++;
    await saver.flush(saver.draft ? null : 'save');
  });
  // A workflow step (submit, publish…) or a new translation starts from the text as it is now.
  const wireSteps = () =>
    document.querySelectorAll('form[data-workflow]:not([data-wired])').forEach((wf) => {
      wf.setAttribute('data-wired', '');
      wf.addEventListener('submit', async (e) => {
        wf.elements.csrf.value = f.csrf.value;
        if (!saver.dirty() && !saver.saving) return;
        e.preventDefault();
        const ok = saver.draft ? await saver.flush() : true;
        if (ok) {
          wf.elements.csrf.value = f.csrf.value;
          saver.savedSeq = saver.changeSeq;
          wf.submit();
        }
      });
    });
  wireSteps();
  // A new article exists from its first keystroke: its steps (submit, publish…), translations and
  // corrections come from its own page, without reloading this one.
  async function addArticleSections(id) {
    try {
      const r = await fetch('/admin/articles/' + id, { credentials: 'same-origin' });
      const page = new DOMParser().parseFromString(await r.text(), 'text/html');
      const main = document.querySelector('main');
      for (const selector of ['section.workflow', 'section.translations', 'section.corrections']) {
        const fresh = page.querySelector(selector);
        const old = document.querySelector(selector);
        if (fresh && old) old.replaceWith(fresh);
        else if (fresh) main.appendChild(fresh);
      }
      const status = page.querySelector('.article-status');
      const title = document.querySelector('.editor-title');
      if (status && title && !document.querySelector('.editor-bar .article-status')) title.after(status);
      wireSteps();
    } catch (e) {
      /* offline: the steps come with the next visit */
    }
  }

  // ---- Begin: a copy kept on this device comes back; someone else editing is shown.
  saver.restoreLocal(serverFields);
  if (saver.id) presence.start(saver.id);
  if (!mounted) textarea.hidden = false;
  if (!f.headline.value.trim() && !saver.id) f.headline.focus();
}

const form = document.querySelector('form[data-editor]');
if (form && capable()) start(form);

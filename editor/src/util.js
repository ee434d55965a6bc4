// Small helpers the editor's parts share: the page's strings, elements, time, dialogs.

let strings = {};

export function loadStrings(json) {
  try {
    strings = JSON.parse(json || '{}');
  } catch (e) {
    strings = {};
  }
}

// A UI string in the staff member's language, with {name} placeholders filled in.
export function t(key, values) {
  let text = strings[key];
  if (text === undefined) text = '[' + key + ']';
  if (values) for (const name of Object.keys(values)) text = text.split('{' + name + '}').join(String(values[name]));
  return text;
}

export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'text') node.textContent = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

// "10:02" in the staff member's language (their browser's clock, as they read it).
export function clock(date, language) {
  try {
    return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(date);
  } catch (e) {
    return date.toTimeString().slice(0, 5);
  }
}

// A modal dialog (native <dialog>: focus is trapped and Escape closes it). Returns the dialog; the
// caller fills it. Closing removes it from the page and gives focus back to where it was.
export function dialog(titleText, language, dir) {
  const back = document.activeElement;
  const id = 'dlg-' + Math.random().toString(36).slice(2, 8);
  const d = el('dialog', { class: 'editor-dialog', 'aria-labelledby': id, lang: language, dir });
  d.appendChild(el('h2', { id, text: titleText }));
  d.addEventListener('close', () => {
    // Focus goes back where it was, unless the writer has already moved on (a click in the text).
    const now = document.activeElement;
    const stray = !now || now === document.body || d.contains(now);
    d.remove();
    if (stray && back && back.focus && document.contains(back)) back.focus();
  });
  document.body.appendChild(d);
  return d;
}

export function debounce(fn, ms) {
  let timer = null;
  const run = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  run.cancel = () => clearTimeout(timer);
  return run;
}

// The server's JSON answer, or a reason; never throws for an HTTP status.
export async function postForm(url, data, csrf, extraHeaders) {
  const headers = Object.assign({ Accept: 'application/json', 'X-CSRF-Token': csrf }, extraHeaders || {});
  const response = await fetch(url, { method: 'POST', body: data, credentials: 'same-origin', headers });
  let json = null;
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      json = await response.json();
    } catch (e) {
      json = null;
    }
  } else {
    try {
      json = { message: (await response.text()).slice(0, 300) };
    } catch (e) {
      json = null;
    }
  }
  return { status: response.status, ok: response.ok, json: json || {} };
}

// Words as a writer counts them, in any of the site's scripts.
export function countWords(text) {
  const words = text.trim().split(/[\s\u00a0]+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.length;
}

// A slug as the server makes one from a headline (Slug.of): folded, lower case, words joined by hyphens.
export function slugOf(text, maxWords) {
  const folded = text.normalize('NFKC').normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  const words = folded.split(/[^\p{Ll}\p{Lo}\p{Nd}]+/u).filter(Boolean);
  let slug = '';
  let taken = 0;
  for (const word of words) {
    if (taken === (maxWords || 8) || slug.length + word.length + 1 > 120) break;
    slug += (slug ? '-' : '') + word;
    taken++;
  }
  return slug;
}

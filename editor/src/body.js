// The writing surface: a ProseMirror view over the body, with a toolbar, Markdown shortcuts, undo and
// redo, pasting cleaned to the schema, images from the library as figures, and the word count.
import { EditorState, Plugin, NodeSelection, TextSelection } from 'prosemirror-state';
import { EditorView, Decoration, DecorationSet } from 'prosemirror-view';
import { DOMParser as PMParser, DOMSerializer } from 'prosemirror-model';
import { history, undo, redo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap, toggleMark, setBlockType, wrapIn, lift, chainCommands, exitCode } from 'prosemirror-commands';
import { wrapInList, splitListItem, liftListItem, sinkListItem } from 'prosemirror-schema-list';
import { inputRules, wrappingInputRule, textblockTypeInputRule, InputRule, undoInputRule } from 'prosemirror-inputrules';
import { dropCursor } from 'prosemirror-dropcursor';
import { gapCursor } from 'prosemirror-gapcursor';
import { schema, safeHref } from './schema.js';
import { cleanPastedHtml } from './paste.js';
import { t, el, dialog, countWords } from './util.js';
import { icon } from './icons.js';

const S = schema.nodes;
const M = schema.marks;

export function parseHtml(html) {
  const box = document.createElement('div');
  box.innerHTML = html || '';
  return PMParser.fromSchema(schema).parse(box);
}

export function serialize(doc) {
  const box = document.createElement('div');
  box.appendChild(DOMSerializer.fromSchema(schema).serializeFragment(doc.content));
  const html = box.innerHTML;
  return html === '<p></p>' ? '' : html;
}

// **bold**, *italic* and _italic_ as they are typed.
function markRule(pattern, markType) {
  return new InputRule(pattern, (state, match, start, end) => {
    const text = match[2];
    const from = start + match[1].length;
    const tr = state.tr.delete(from, end).insertText(text, from);
    tr.addMark(from, from + text.length, markType.create()).removeStoredMark(markType);
    return tr;
  });
}

function rules() {
  return inputRules({
    rules: [
      textblockTypeInputRule(/^(#{1,4})\s$/, S.heading, (m) => ({ level: Math.max(2, Math.min(4, m[1].length)) })),
      wrappingInputRule(/^\s*>\s$/, S.blockquote),
      wrappingInputRule(/^\s*([-+*])\s$/, S.bullet_list),
      wrappingInputRule(/^(\d+)\.\s$/, S.ordered_list, (m) => ({ order: +m[1] })),
      markRule(/(^|[^*])\*\*([^*]+)\*\*$/, M.strong),
      markRule(/(^|[^*\w])\*([^*\s][^*]*)\*$/, M.em),
      markRule(/(^|[^_\w])_([^_\s][^_]*)_$/, M.em),
    ],
  });
}

function markActive(state, type) {
  const { from, $from, to, empty } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks || $from.marks());
  return state.doc.rangeHasMark(from, to, type);
}

function blockActive(state, type, attrs) {
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) {
    const node = $from.node(d);
    if (node.type === type) {
      if (!attrs) return true;
      return Object.keys(attrs).every((k) => node.attrs[k] === attrs[k]);
    }
  }
  return false;
}

// A quote (or pull quote) toggles: inside one of the same kind, the paragraphs come back out.
function quote(shareable) {
  return (state, dispatch) => {
    if (blockActive(state, S.blockquote, { shareable })) return lift(state, dispatch);
    if (blockActive(state, S.blockquote)) {
      // The other kind of quote: change its kind in place.
      const { $from } = state.selection;
      for (let d = $from.depth; d > 0; d--) {
        if ($from.node(d).type === S.blockquote) {
          if (dispatch) dispatch(state.tr.setNodeMarkup($from.before(d), null, { shareable }));
          return true;
        }
      }
    }
    return wrapIn(S.blockquote, { shareable })(state, dispatch);
  };
}

function heading(level) {
  return (state, dispatch) => {
    if (blockActive(state, S.heading, { level })) return setBlockType(S.paragraph)(state, dispatch);
    return setBlockType(S.heading, { level })(state, dispatch);
  };
}

function list(type) {
  return (state, dispatch) => {
    if (blockActive(state, type)) return liftListItem(S.list_item)(state, dispatch);
    return wrapInList(type)(state, dispatch);
  };
}

const hardBreak = chainCommands(exitCode, (state, dispatch) => {
  if (dispatch) dispatch(state.tr.replaceSelectionWith(S.hard_break.create()).scrollIntoView());
  return true;
});

// Asks for a link's address in a small dialog; an empty address removes the link.
function linkCommand(ctx) {
  return (state, dispatch, view) => {
    if (state.selection.empty && !markActive(state, M.link)) return false;
    if (!dispatch) return true;
    const { from, to } = state.selection;
    let current = '';
    state.doc.nodesBetween(from, Math.max(to, from + 1), (node) => {
      const m = M.link.isInSet(node.marks);
      if (m) current = m.attrs.href;
    });
    const d = dialog(t('editor.link.title'), ctx.uiLanguage, ctx.uiDir);
    const input = el('input', { type: 'url', id: 'link-href', value: current, inputmode: 'url', dir: 'ltr', placeholder: 'https://' });
    const error = el('p', { class: 'field-error', role: 'alert', hidden: true });
    const form = el(
      'form',
      { method: 'dialog' },
      el('label', { for: 'link-href', text: t('editor.link.address') }),
      input,
      error,
      el(
        'div',
        { class: 'actions' },
        el('button', { type: 'submit', value: 'ok', text: t('editor.link.apply') }),
        current ? el('button', { type: 'submit', value: 'remove', text: t('editor.link.remove') }) : null,
        el('button', { type: 'submit', value: 'cancel', formnovalidate: true, text: t('editor.cancel') })
      )
    );
    form.addEventListener('submit', (e) => {
      const action = e.submitter ? e.submitter.value : 'ok';
      if (action === 'ok' && input.value.trim() && !safeHref(input.value)) {
        e.preventDefault();
        error.textContent = t('editor.link.invalid');
        error.hidden = false;
        return;
      }
      const s = view.state;
      let tr = null;
      if (action === 'remove' || (action === 'ok' && !input.value.trim())) {
        tr = s.tr.removeMark(from, Math.max(to, from), M.link);
        if (s.selection.empty) {
          // Inside a link with nothing selected: the whole link goes.
          const $pos = s.doc.resolve(from);
          const start = $pos.start();
          const parent = $pos.parent;
          let pos = start;
          parent.forEach((child) => {
            if (M.link.isInSet(child.marks) && pos <= from && from <= pos + child.nodeSize) tr.removeMark(pos, pos + child.nodeSize, M.link);
            pos += child.nodeSize;
          });
        }
      } else if (action === 'ok') {
        tr = s.tr.addMark(from, to, M.link.create({ href: safeHref(input.value) }));
      }
      if (tr) view.dispatch(tr);
      setTimeout(() => view.focus(), 0);
    });
    d.appendChild(form);
    d.showModal();
    input.focus();
    return true;
  };
}

// A figure in the body: the image, and its caption, credit and alt text written for this article.
class FigureView {
  constructor(node, view, getPos, ctx) {
    this.node = node;
    this.view = view;
    this.getPos = getPos;
    this.ctx = ctx;
    const n = ++FigureView.count;
    this.fields = {};
    const field = (name, labelKey, attrs) => {
      const id = 'figure-' + n + '-' + name;
      const input = el('input', Object.assign({ id, type: 'text', value: node.attrs[name] || '', maxlength: 1000, lang: ctx.language, dir: 'auto' }, attrs || {}));
      input.addEventListener('input', () => this.set(name, input.value));
      this.fields[name] = input;
      return el('div', { class: 'figure-field' }, el('label', { for: id, text: t(labelKey) }), input);
    };
    this.img = el('img', { src: node.attrs.src, alt: node.attrs.alt || '', loading: 'lazy' });
    this.altWarning = el('p', { class: 'field-warning', text: t('editor.figure.alt_needed') });
    const remove = el('button', { type: 'button', class: 'figure-remove', text: t('editor.figure.remove') });
    remove.addEventListener('click', () => {
      const pos = this.getPos();
      this.view.dispatch(this.view.state.tr.delete(pos, pos + this.node.nodeSize));
      this.view.focus();
    });
    this.dom = el(
      'figure',
      { class: 'editor-figure' },
      this.img,
      el('div', { class: 'figure-fields' }, field('caption', 'editor.figure.caption'), field('credit', 'editor.figure.credit'), field('alt', 'editor.figure.alt', { 'aria-describedby': 'figure-' + n + '-alt-help' }), this.altWarning, remove)
    );
    this.altWarning.id = 'figure-' + n + '-alt-help';
    if (ctx.figureHint) {
      const $pos = view.state.doc.resolve(getPos());
      if ($pos.depth === 0) {
        const hint = ctx.figureHint(view, $pos.index(0));
        if (hint.alt) this.fields.alt.placeholder = hint.alt;
        if (hint.caption) this.fields.caption.placeholder = hint.caption;
      }
    }
    this.sync();
  }
  set(name, value) {
    const pos = this.getPos();
    if (pos === undefined) return;
    const attrs = Object.assign({}, this.node.attrs, { [name]: value });
    this.view.dispatch(this.view.state.tr.setNodeMarkup(pos, null, attrs));
  }
  sync() {
    this.altWarning.hidden = !!(this.node.attrs.alt || '').trim();
  }
  update(node) {
    if (node.type !== this.node.type) return false;
    this.node = node;
    for (const [name, input] of Object.entries(this.fields)) {
      if (document.activeElement !== input && input.value !== (node.attrs[name] || '')) input.value = node.attrs[name] || '';
    }
    this.img.setAttribute('src', node.attrs.src);
    this.img.setAttribute('alt', node.attrs.alt || '');
    this.sync();
    return true;
  }
  stopEvent(event) {
    return event.target !== this.dom && this.dom.contains(event.target) && /INPUT|BUTTON|LABEL/.test(event.target.nodeName);
  }
  ignoreMutation() {
    return true;
  }
}
FigureView.count = 0;

/** The view of a figure node, for editors that wrap it (the translation workspace). */
export function figureView(ctx) {
  return (node, view, getPos) => new FigureView(node, view, getPos, ctx);
}

// The empty document's invitation to write; and a name for an empty heading (a translation's heading not
// written yet, a heading just made), which screen readers would otherwise announce as nothing.
function placeholder(text, emptyHeading) {
  return new Plugin({
    props: {
      decorations(state) {
        const doc = state.doc;
        const found = [];
        if (doc.childCount === 1 && doc.firstChild.isTextblock && doc.firstChild.content.size === 0) {
          found.push(Decoration.node(0, doc.firstChild.nodeSize, { class: 'is-empty', 'data-placeholder': text }));
        }
        doc.descendants((node, pos) => {
          if (emptyHeading && node.type === S.heading && node.content.size === 0) {
            found.push(Decoration.node(pos, pos + node.nodeSize, { 'aria-label': emptyHeading(node) }));
          }
          return !node.isTextblock;
        });
        return found.length ? DecorationSet.create(doc, found) : null;
      },
    },
  });
}

// A key or a paste that follows a move of the caret made with the keyboard (Shift+Home then Ctrl+K,
// Ctrl+End then Enter or a paste) can arrive before the browser has told the editor about the new
// selection, most on a slow phone: the editor reads the page's selection first, so each acts where
// the writer sees the caret (else a paste could replace the text selected a moment before). Not
// during an IME composition, whose selection the browser owns.
function selectionFirst() {
  const flush = (view) => {
    if (view.domObserver && !view.composing) view.domObserver.flush();
    return false;
  };
  return new Plugin({ props: { handleDOMEvents: { keydown: flush, paste: flush, cut: flush } } });
}


function toolbarButton(key, label, run, shortcut) {
  const b = el('button', { type: 'button', class: 'tb-' + key, 'data-command': key, title: shortcut ? label + ' (' + shortcut + ')' : label, 'aria-label': label, tabindex: '-1' });
  b.appendChild(icon(key));
  b.addEventListener('mousedown', (e) => e.preventDefault()); // keep the selection in the text
  b.addEventListener('click', run);
  return b;
}

/**
 * Mounts the editor over the body textarea.
 * ctx: { mount, language, dir, uiLanguage, uiDir, labelledBy, html, onChange, onImage, figureHint, plugins }
 */
export function createBodyEditor(ctx) {
  const mac = /Mac|iPhone|iPad/.test(navigator.platform || '');
  const mod = mac ? '⌘' : 'Ctrl';
  const commands = {
    undo: undo,
    redo: redo,
    bold: toggleMark(M.strong),
    italic: toggleMark(M.em),
    link: linkCommand(ctx),
    h2: heading(2),
    h3: heading(3),
    bullets: list(S.bullet_list),
    numbers: list(S.ordered_list),
    quote: quote(false),
    pullquote: quote(true),
    image: (state, dispatch) => {
      if (!ctx.onImage) return false;
      if (dispatch) ctx.onImage();
      return true;
    },
  };
  const keys = Object.assign({}, ctx.keys || {}, {
    'Mod-z': undo,
    'Shift-Mod-z': redo,
    'Mod-y': redo,
    'Mod-b': commands.bold,
    'Mod-i': commands.italic,
    'Mod-k': commands.link,
    'Mod-Alt-2': commands.h2,
    'Mod-Alt-3': commands.h3,
    'Mod-Alt-0': setBlockType(S.paragraph),
    'Shift-Enter': hardBreak,
    Enter: splitListItem(S.list_item),
    'Mod-[': liftListItem(S.list_item),
    'Mod-]': sinkListItem(S.list_item),
    Backspace: undoInputRule,
    // Keyboard users reach the toolbar from the text (as in most editors), and Escape comes back.
    'Alt-F10': () => {
      focusToolbar();
      return true;
    },
  });
  if (ctx.keys && ctx.keys.Enter) keys.Enter = chainCommands(splitListItem(S.list_item), ctx.keys.Enter);
  const plugins = [
    selectionFirst(),
    rules(),
    keymap(keys),
    keymap(baseKeymap),
    dropCursor(),
    gapCursor(),
    history(),
    placeholder(
      ctx.placeholder || t('editor.placeholder'),
      ctx.emptyHeading === false ? null : ctx.emptyHeading || ((node) => t(node.attrs.level === 2 ? 'editor.tb.h2' : 'editor.tb.h3'))
    ),
  ].concat(ctx.plugins || []);

  let view = null;
  const toolbar = el('div', { class: 'editor-toolbar', role: 'toolbar', 'aria-label': t('editor.toolbar'), 'aria-controls': 'body-editor' });
  const buttons = {};
  const groups = [
    ['undo', 'redo'],
    ['h2', 'h3'],
    ['bold', 'italic', 'link'],
    ['bullets', 'numbers'],
    ['quote', 'pullquote'],
    ctx.onImage ? ['image'] : [],
  ];
  const shortcuts = { undo: mod + '+Z', redo: mod + '+Y', bold: mod + '+B', italic: mod + '+I', link: mod + '+K', h2: mod + '+Alt+2', h3: mod + '+Alt+3' };
  for (const group of groups) {
    if (!group.length) continue;
    const g = el('span', { class: 'tb-group' });
    for (const key of group) {
      const b = toolbarButton(key, t('editor.tb.' + key), () => {
        commands[key](view.state, view.dispatch, view);
        if (key !== 'link' && key !== 'image') view.focus();
      }, shortcuts[key]);
      buttons[key] = b;
      g.appendChild(b);
    }
    toolbar.appendChild(g);
  }
  const all = () => Array.from(toolbar.querySelectorAll('button'));
  // One tab stop for the whole toolbar; arrow keys move within it (WAI-ARIA toolbar pattern).
  let current = 0;
  function focusToolbar() {
    const list = all();
    const usable = list.filter((b) => !b.disabled);
    (usable.includes(list[current]) ? list[current] : usable[0] || list[0]).focus();
  }
  toolbar.addEventListener('keydown', (e) => {
    // Arrows move between the buttons that can be used now (a disabled one cannot take focus).
    const list = all().filter((b) => !b.disabled || b === document.activeElement);
    const i = list.indexOf(document.activeElement);
    const rtl = getComputedStyle(toolbar).direction === 'rtl';
    let next = null;
    if (e.key === (rtl ? 'ArrowLeft' : 'ArrowRight')) next = (i + 1) % list.length;
    else if (e.key === (rtl ? 'ArrowRight' : 'ArrowLeft')) next = (i - 1 + list.length) % list.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = list.length - 1;
    else if (e.key === 'Escape') {
      e.preventDefault();
      view.focus();
      return;
    }
    if (next !== null) {
      e.preventDefault();
      all().forEach((b) => b.setAttribute('tabindex', '-1'));
      list[next].setAttribute('tabindex', '0');
      current = all().indexOf(list[next]);
      list[next].focus();
    }
  });

  const count = el('p', { class: 'word-count', 'aria-live': 'off' });
  function updateToolbar(state) {
    const pressed = {
      bold: markActive(state, M.strong),
      italic: markActive(state, M.em),
      link: markActive(state, M.link),
      h2: blockActive(state, S.heading, { level: 2 }),
      h3: blockActive(state, S.heading, { level: 3 }),
      bullets: blockActive(state, S.bullet_list),
      numbers: blockActive(state, S.ordered_list),
      quote: blockActive(state, S.blockquote, { shareable: false }),
      pullquote: blockActive(state, S.blockquote, { shareable: true }),
    };
    for (const [key, b] of Object.entries(buttons)) {
      if (key in pressed) b.setAttribute('aria-pressed', pressed[key] ? 'true' : 'false');
      b.disabled = !view || !view.editable || !commands[key](state, null, view);
    }
    // The toolbar's one tab stop is a button that can be used (a disabled one cannot take focus).
    const list = all();
    const stop = list.find((b) => b.getAttribute('tabindex') === '0');
    if (!stop || stop.disabled) {
      const usable = list.find((b) => !b.disabled) || list[0];
      list.forEach((b) => b.setAttribute('tabindex', b === usable ? '0' : '-1'));
    }
  }
  function updateCount(doc) {
    const words = countWords(doc.textBetween(0, doc.content.size, ' ', ' '));
    const minutes = Math.max(1, Math.round(words / 200));
    count.textContent = t('editor.word_count', { words: words.toLocaleString(ctx.uiLanguage), minutes: minutes.toLocaleString(ctx.uiLanguage) });
  }

  const state = EditorState.create({ doc: parseHtml(ctx.html), plugins });
  view = new EditorView(ctx.mount, {
    state,
    attributes: {
      id: 'body-editor',
      class: 'body-editor article-body',
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-labelledby': ctx.labelledBy,
      lang: ctx.language,
      dir: ctx.dir,
      spellcheck: 'true',
    },
    nodeViews: ctx.nodeViews || { figure: figureView(ctx) },
    transformPastedHTML: cleanPastedHtml,
    dispatchTransaction(tr) {
      const next = view.state.apply(tr);
      view.updateState(next);
      updateToolbar(next);
      if (tr.docChanged) {
        updateCount(next.doc);
        if (ctx.onChange) ctx.onChange(tr);
      }
    },
  });
  ctx.mount.before(toolbar);
  ctx.mount.after(count);
  updateToolbar(view.state);
  updateCount(view.state.doc);

  return {
    view,
    toolbar,
    html: () => serialize(view.state.doc),
    setHtml(html) {
      const doc = parseHtml(html);
      const tr = view.state.tr.replaceWith(0, view.state.doc.content.size, doc.content);
      view.dispatch(tr.setMeta('addToHistory', true));
    },
    setEditable(editable) {
      view.setProps({ editable: () => editable });
      toolbar.classList.toggle('is-disabled', !editable);
      updateToolbar(view.state);
    },
    insertFigure(attrs) {
      const node = S.figure.create(attrs);
      const { state } = view;
      let tr = state.tr.replaceSelectionWith(node);
      // Leave the writer a paragraph after the image to go on with.
      const after = tr.selection.$to;
      if (!after.nodeAfter) tr = tr.insert(after.pos, S.paragraph.create());
      view.dispatch(tr.scrollIntoView());
      view.focus();
    },
    focus: () => view.focus(),
  };
}

export { NodeSelection, TextSelection };

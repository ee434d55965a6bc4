// The translation workspace: the translation's body in the rich editor, each of its blocks beside the
// source block it translates (with the words that changed in the source since, and a "carried over"
// mark). The number of blocks follows the source: Enter makes a line break inside a paragraph rather
// than a new one, so every paragraph stays beside its source.
import { Plugin } from 'prosemirror-state';
import { DOMSerializer } from 'prosemirror-model';
import { schema } from './schema.js';
import { t, el } from './util.js';

function sourceCell(row, language, dir) {
  const cell = el('div', { class: 'segment-source', contenteditable: 'false', lang: language, dir });
  if (!row) return cell;
  const source = row.querySelector('.source-block');
  if (source) cell.appendChild(el('div', { class: 'source-block' })).innerHTML = source.innerHTML;
  const state = row.getAttribute('data-state');
  if (state && state !== 'same') {
    cell.classList.add('is-' + state);
    const label = row.querySelector('.row-state');
    const diff = row.querySelector('.diff-words');
    const original = row.querySelector('input[name=carried]');
    if (label) cell.appendChild(label.cloneNode(true));
    if (diff) cell.appendChild(diff.cloneNode(true));
    if (original) {
      // A stand-in for the form's own checkbox, which stays in the list (hidden) and is what is posted.
      const id = 'carried-' + original.value;
      const proxy = el('input', { type: 'checkbox', id, checked: original.checked });
      proxy.addEventListener('change', () => {
        original.checked = proxy.checked;
        original.dispatchEvent(new Event('input', { bubbles: true }));
      });
      const text = original.parentElement ? original.parentElement.textContent.trim() : '';
      cell.appendChild(el('p', { class: 'check', lang: document.documentElement.lang, dir: document.documentElement.dir }, proxy, el('label', { for: id, text })));
    }
  }
  return cell;
}

// A top-level block of the translation, shown beside its source.
class SegmentView {
  constructor(node, view, getPos, ws, inner) {
    this.node = node;
    this.inner = inner;
    const index = view.state.doc.resolve(getPos()).index(0);
    const row = ws.rows[index] || null;
    this.dom = el('div', { class: 'segment' + (row ? '' : ' no-source'), 'data-row': String(index) });
    this.dom.appendChild(sourceCell(row, ws.language, ws.dir));
    const target = el('div', { class: 'segment-target' });
    target.appendChild(inner.dom);
    this.dom.appendChild(target);
    this.contentDOM = inner.contentDOM || null;
    this.name(node);
  }
  // A heading not translated yet is named for screen readers, which would otherwise announce nothing.
  name(node) {
    if (node.type.name !== 'heading' || !this.inner.dom.setAttribute) return;
    if (node.content.size === 0) this.inner.dom.setAttribute('aria-label', t('editor.translation.to_translate'));
    else this.inner.dom.removeAttribute('aria-label');
  }
  update(node) {
    if (node.type !== this.node.type) return false;
    if (this.inner.update) {
      if (!this.inner.update(node)) return false;
    } else if (JSON.stringify(node.attrs) !== JSON.stringify(this.node.attrs)) return false;
    this.node = node;
    this.name(node);
    return true;
  }
  stopEvent(event) {
    if (event.target.closest && event.target.closest('.segment-source')) return true;
    return this.inner.stopEvent ? this.inner.stopEvent(event) : false;
  }
  ignoreMutation(m) {
    if (m.type === 'attributes' && m.attributeName === 'aria-label') return true;
    if (m.target.closest && m.target.closest('.segment-source')) return true;
    if (m.target.nodeType === 3 && m.target.parentElement && m.target.parentElement.closest('.segment-source')) return true;
    if (this.inner.ignoreMutation) return this.inner.ignoreMutation(m);
    return m.type === 'attributes' && !this.contentDOM;
  }
}

/**
 * What the body editor needs for a translation: node views for the top-level blocks and the rules that
 * keep one block per source block. figureView makes the view of a figure (the editor's own).
 */
export function workspace(form, figureView) {
  const list = document.querySelector('[data-rows]');
  if (!list) return null;
  const ws = {
    rows: Array.from(list.querySelectorAll('li[data-row]')),
    language: list.getAttribute('lang'),
    dir: list.getAttribute('dir'),
  };
  // The list stays in the form for its checkboxes; the segments show it.
  list.hidden = true;
  const plain = (node) => DOMSerializer.renderSpec(document, node.type.spec.toDOM(node));
  const nodeViews = {};
  for (const name of ['paragraph', 'heading', 'blockquote', 'bullet_list', 'ordered_list', 'horizontal_rule', 'figure']) {
    nodeViews[name] = (node, view, getPos) => {
      if (view.state.doc.resolve(getPos()).depth !== 0) return name === 'figure' ? figureView(node, view, getPos) : null;
      const inner = name === 'figure' ? figureView(node, view, getPos) : plain(node);
      return new SegmentView(node, view, getPos, ws, inner);
    };
  }
  const keep = new Plugin({
    filterTransaction: (tr, state) => !tr.docChanged || tr.getMeta('workspace') === 'reset' || tr.doc.childCount === state.doc.childCount,
    props: {
      // Pasted paragraphs join the paragraph they land in (a translator pastes from a dictionary or a
      // draft elsewhere); the blocks stay one per source block.
      handlePaste(view, event) {
        const text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
        if (!text || !/\n/.test(text)) return false;
        view.dispatch(view.state.tr.insertText(text.replace(/\s*\n+\s*/g, ' ')).scrollIntoView());
        return true;
      },
    },
  });
  const keys = {
    Enter: (state, dispatch) => {
      const { $from } = state.selection;
      for (let d = $from.depth; d > 0; d--) if ($from.node(d).type === schema.nodes.list_item) return false;
      if (dispatch) dispatch(state.tr.replaceSelectionWith(schema.nodes.hard_break.create()).scrollIntoView());
      return true;
    },
  };
  // A figure's fields show the source's caption and alt text as a hint.
  const figureHint = (view, index) => {
    const row = ws.rows[index];
    const img = row && row.querySelector('.source-block img');
    const cap = row && row.querySelector('.source-block figcaption');
    return { alt: img ? img.getAttribute('alt') || '' : '', caption: cap ? cap.textContent.trim() : '' };
  };
  return { nodeViews, plugins: [keep], keys, figureHint, language: ws.language };
}

export const translatedLabel = () => t('editor.translation.to_translate');

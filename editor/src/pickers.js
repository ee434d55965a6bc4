// Tags and bylines as pickers: chips for what is chosen, and a combobox that suggests names in the
// article's language as one types (WAI-ARIA combobox with a listbox). A name that matches nothing is
// added as a new tag (or proposed, for authors) or a guest byline, as the server says this person may.
// The field posted stays the comma-separated list the plain form uses.
import { t, el, debounce } from './util.js';

let counter = 0;

export class Picker {
  constructor(input, kind, ctx) {
    this.kind = kind; // 'tag' | 'author'
    this.ctx = ctx; // { language, dir, onChange }
    this.field = input;
    let chips = [];
    try {
      chips = JSON.parse(input.getAttribute('data-chips') || '[]');
    } catch (e) {
      chips = [];
    }
    this.chips = chips.map((c) => ({ value: c.value, label: c.label, note: c.note }));
    this.policy = { newTag: 'none', guests: false };
    const id = input.id;
    const n = ++counter;
    // The visible control takes the field's id (its label points at it); the field is posted hidden.
    input.id = id + '-value';
    input.type = 'hidden';
    this.list = el('ul', { class: 'chip-list', 'aria-live': 'polite' });
    this.listbox = el('ul', { class: 'suggestions', role: 'listbox', id: 'sugg-' + n, hidden: true, 'aria-label': t('editor.picker.results', { count: '' }).replace(/[:\s]+$/, '') });
    this.combo = el('input', {
      id,
      type: 'text',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': 'sugg-' + n,
      'aria-describedby': input.getAttribute('aria-describedby'),
      autocomplete: 'off',
      lang: kind === 'tag' ? ctx.language() : null,
      dir: kind === 'tag' ? ctx.dir() : 'auto',
    });
    this.box = el('div', { class: 'picker' }, this.list, el('div', { class: 'combo' }, this.combo, this.listbox));
    input.after(this.box);
    this.options = [];
    this.active = -1;
    this.fetch = debounce(() => this.suggest(), 150);
    this.combo.addEventListener('input', () => {
      if (this.combo.value.includes(',')) {
        this.combo.value.split(',').slice(0, -1).forEach((part) => this.add({ value: part.trim(), label: part.trim(), note: 'new' }));
        this.combo.value = this.combo.value.split(',').pop().trimStart();
      }
      this.fetch();
    });
    this.combo.addEventListener('focus', () => this.fetch());
    this.combo.addEventListener('keydown', (e) => this.key(e));
    this.combo.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    this.render();
  }

  value() {
    return this.chips.map((c) => c.value).join(', ');
  }

  // Chips again from the field (a kept copy was put back into the form).
  refresh() {
    const known = new Map(this.chips.map((c) => [c.value, c]));
    this.chips = this.field.value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean)
      .map((v) => known.get(v) || { value: v, label: v, note: 'new' });
    this.render();
  }

  render() {
    this.list.textContent = '';
    this.chips.forEach((c, i) => {
      const remove = el('button', { type: 'button', class: 'chip-remove', 'aria-label': t('editor.picker.remove', { name: c.label }), text: '×' });
      remove.addEventListener('click', () => {
        this.chips.splice(i, 1);
        this.changed();
        this.combo.focus();
      });
      const note = c.note ? el('small', { text: t(c.note === 'guest' ? 'editor.picker.guest_note' : 'editor.picker.' + c.note) }) : null;
      this.list.appendChild(el('li', { class: 'chip', 'data-value': c.value, lang: this.kind === 'tag' ? this.ctx.language() : null, dir: 'auto' }, c.label, note ? ' ' : null, note, remove));
    });
  }

  changed() {
    this.field.value = this.value();
    this.render();
    this.ctx.onChange();
  }

  add(chip) {
    if (!chip.value || this.chips.some((c) => c.value === chip.value || c.label.toLowerCase() === chip.label.toLowerCase())) return;
    this.chips.push(chip);
    this.changed();
  }

  async suggest() {
    const q = this.combo.value.trim();
    let j;
    try {
      const r = await fetch('/admin/terms?kind=' + this.kind + '&language=' + encodeURIComponent(this.ctx.language()) + '&q=' + encodeURIComponent(q), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!r.ok) return;
      j = await r.json();
    } catch (e) {
      return; // offline: typing a name and a comma still works
    }
    if (q !== this.combo.value.trim()) return;
    this.policy = { newTag: j.newTag, guests: j.guests };
    this.options = j.terms.filter((term) => !this.chips.some((c) => c.value === term.key)).map((term) => ({ value: term.key, label: term.name, note: term.note || null }));
    const exact = q && this.options.some((o) => o.label.toLowerCase() === q.toLowerCase());
    if (q && !exact) {
      if (this.kind === 'tag' && j.newTag !== 'none') this.options.push({ value: q, label: q, note: j.newTag === 'propose' ? 'proposed' : 'new', text: t(j.newTag === 'propose' ? 'editor.picker.propose_tag' : 'editor.picker.new_tag', { name: q }) });
      if (this.kind === 'author' && j.guests) this.options.push({ value: q, label: q, note: 'guest', text: t('editor.picker.guest', { name: q }) });
    }
    this.open();
  }

  open() {
    this.listbox.textContent = '';
    this.active = -1;
    this.combo.removeAttribute('aria-activedescendant');
    if (!this.options.length) {
      this.close();
      return;
    }
    this.options.forEach((o, i) => {
      const li = el('li', { role: 'option', id: this.listbox.id + '-' + i, 'aria-selected': 'false', dir: 'auto' }, o.text || o.label);
      if (!o.text && o.note) li.appendChild(el('small', { text: ' ' + t(o.note === 'guest' ? 'editor.picker.guest_note' : 'editor.picker.' + o.note) }));
      li.addEventListener('mousedown', (e) => {
        e.preventDefault();
        this.pick(i);
      });
      this.listbox.appendChild(li);
    });
    this.listbox.hidden = false;
    this.combo.setAttribute('aria-expanded', 'true');
  }

  close() {
    this.listbox.hidden = true;
    this.combo.setAttribute('aria-expanded', 'false');
    this.combo.removeAttribute('aria-activedescendant');
    this.active = -1;
  }

  move(step) {
    if (this.listbox.hidden || !this.options.length) return;
    const items = this.listbox.children;
    if (this.active >= 0) items[this.active].setAttribute('aria-selected', 'false');
    this.active = (this.active + step + this.options.length) % this.options.length;
    items[this.active].setAttribute('aria-selected', 'true');
    this.combo.setAttribute('aria-activedescendant', items[this.active].id);
    items[this.active].scrollIntoView({ block: 'nearest' });
  }

  pick(i) {
    const o = this.options[i];
    this.add({ value: o.value, label: o.label, note: o.note });
    this.combo.value = '';
    this.close();
  }

  key(e) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (this.listbox.hidden) this.suggest();
      else this.move(1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      this.move(-1);
    } else if (e.key === 'Enter') {
      if (this.active >= 0) {
        e.preventDefault();
        this.pick(this.active);
      } else if (this.combo.value.trim()) {
        e.preventDefault();
        const q = this.combo.value.trim();
        const same = this.options.find((o) => o.label.toLowerCase() === q.toLowerCase());
        if (same) this.add({ value: same.value, label: same.label, note: same.note });
        else this.add({ value: q, label: q, note: this.kind === 'author' ? 'guest' : this.policy.newTag === 'propose' ? 'proposed' : 'new' });
        this.combo.value = '';
        this.close();
      }
    } else if (e.key === 'Escape') {
      if (!this.listbox.hidden) {
        e.preventDefault();
        this.close();
      }
    } else if (e.key === 'Backspace' && !this.combo.value && this.chips.length) {
      this.chips.pop();
      this.changed();
    }
  }
}

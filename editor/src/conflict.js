// Someone (or this writer, in another tab) saved the article since this page last did. Both versions
// side by side, paragraph by paragraph with the words that differ marked; the writer keeps either, or
// both, of each, and the result is saved over the newer revision. Nothing is thrown away unasked.
import { t, el, dialog, postForm } from './util.js';

function block(html, cls) {
  const div = el('div', { class: cls });
  div.innerHTML = html || ''; // sanitized by the server (BodyRenderer) or escaped (WordDiff)
  return div;
}

function choice(name, index, options, checked) {
  const group = el('div', { class: 'conflict-choice', role: 'radiogroup' });
  options.forEach(([value, key]) => {
    const id = 'c-' + name + '-' + index + '-' + value;
    const input = el('input', { type: 'radio', name: name + '-' + index, id, value, checked: value === checked });
    group.appendChild(el('span', { class: 'check' }, input, el('label', { for: id, text: t(key) })));
  });
  return group;
}

/**
 * Opens the dialog. ctx: { form, id, language, dir, uiLanguage, uiDir, collect(), apply({headline,
 * standfirst, body, revision}) }.
 */
export async function resolveConflict(ctx) {
  const answer = await postForm('/admin/articles/' + ctx.id + '/conflict', ctx.collect(false), ctx.form.elements.csrf.value);
  if (!answer.ok) return false;
  const c = answer.json;
  const d = dialog(t('editor.conflict.title'), ctx.uiLanguage, ctx.uiDir);
  d.classList.add('conflict-dialog');
  d.appendChild(el('p', { text: t('editor.conflict.intro', { name: c.by, time: c.time }) }));
  const f = el('form', { method: 'dialog' });
  const head = el('div', { class: 'conflict-columns', 'aria-hidden': 'true' }, el('p', { text: t('editor.conflict.theirs') }), el('p', { text: t('editor.conflict.mine') }));
  f.appendChild(head);
  const fields = {};
  for (const name of ['headline', 'standfirst']) {
    const v = c[name];
    if (!v || v.same) continue;
    const row = el('fieldset', { class: 'conflict-row changed' }, el('legend', { text: t('editor.conflict.' + name) }));
    const pair = el('div', { class: 'conflict-pair', lang: ctx.language, dir: ctx.dir });
    pair.appendChild(el('p', { class: 'theirs', text: v.theirs }));
    pair.appendChild(el('p', { class: 'mine', text: v.mine }));
    row.appendChild(pair);
    row.appendChild(block(v.diff, 'diff-words'));
    row.appendChild(choice(name, 0, [['theirs', 'editor.conflict.keep_theirs'], ['mine', 'editor.conflict.keep_mine']], 'mine'));
    fields[name] = v;
    f.appendChild(row);
  }
  const list = el('ol', { class: 'conflict-rows' });
  c.rows.forEach((r, i) => {
    const li = el('li', { class: 'conflict-row ' + r.state, 'data-state': r.state });
    const pair = el('div', { class: 'conflict-pair', lang: ctx.language, dir: ctx.dir });
    pair.appendChild(block(r.theirs, 'theirs'));
    pair.appendChild(block(r.mine, 'mine'));
    li.appendChild(pair);
    if (r.state === 'changed') {
      li.appendChild(block(r.diff, 'diff-words'));
      li.appendChild(choice('row', i, [['theirs', 'editor.conflict.keep_theirs'], ['mine', 'editor.conflict.keep_mine'], ['both', 'editor.conflict.keep_both']], 'mine'));
    } else if (r.state === 'theirs' || r.state === 'mine') {
      const id = 'c-keep-' + i;
      li.appendChild(el('p', { class: 'check' }, el('input', { type: 'checkbox', id, checked: true, 'data-keep': i }), el('label', { for: id, text: t(r.state === 'theirs' ? 'editor.conflict.only_theirs' : 'editor.conflict.only_mine') })));
    }
    list.appendChild(li);
  });
  f.appendChild(list);
  const apply = el('button', { type: 'submit', class: 'primary', value: 'apply', text: t('editor.conflict.apply') });
  f.appendChild(el('div', { class: 'actions' }, apply));
  d.appendChild(f);
  return new Promise((resolve) => {
    f.addEventListener('submit', (e) => {
      const pick = (name, i) => {
        const chosen = f.querySelector('input[name="' + name + '-' + i + '"]:checked');
        return chosen ? chosen.value : 'mine';
      };
      let body = '';
      c.rows.forEach((r, i) => {
        if (r.state === 'same') body += r.mine;
        else if (r.state === 'changed') {
          const p = pick('row', i);
          if (p === 'theirs' || p === 'both') body += r.theirs;
          if (p === 'mine' || p === 'both') body += r.mine;
        } else {
          const keep = f.querySelector('input[data-keep="' + i + '"]');
          if (keep && keep.checked) body += r.state === 'theirs' ? r.theirs : r.mine;
        }
      });
      const result = { body, revision: c.revision };
      for (const name of Object.keys(fields)) result[name] = pick(name, 0) === 'theirs' ? fields[name].theirs : fields[name].mine;
      ctx.apply(result);
      resolve(true);
    });
    // Closing without choosing keeps the writer's version on screen (and on this device); the next
    // change asks again.
    d.addEventListener('cancel', () => resolve(false));
    d.showModal();
    apply.focus();
  });
}

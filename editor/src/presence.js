// Two people, one article: each open editor says it is here every 15 seconds. One tab holds the
// article; the others read "‹name› is editing since 10:02" and may take over, explicitly. The same
// person in another tab is told so ("you, in another tab").
import { t, el, postForm } from './util.js';

const BEAT_MS = 15000;

function tabName() {
  let name = null;
  try {
    name = sessionStorage.getItem('wargeys.tab');
  } catch (e) {
    name = null;
  }
  if (!name) {
    name = (window.crypto && crypto.randomUUID ? crypto.randomUUID() : Math.random().toString(36).slice(2) + Date.now().toString(36)).slice(0, 36);
    try {
      sessionStorage.setItem('wargeys.tab', name);
    } catch (e) {
      /* one name for this page */
    }
  }
  return name;
}

export class Presence {
  // hooks: { setEditable(boolean), onSignedOut() }
  constructor(form, hooks) {
    this.form = form;
    this.hooks = hooks;
    this.banner = document.querySelector('[data-presence]');
    this.tab = tabName();
    this.holding = null;
    this.timer = null;
  }

  start(id) {
    this.id = id;
    this.beat();
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.beat();
    });
    window.addEventListener('pagehide', () => this.leave());
  }

  async beat(action) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.beat(), BEAT_MS);
    const data = new FormData();
    data.set('tab', this.tab);
    if (action) data.set('action', action);
    let a;
    try {
      a = await postForm('/admin/articles/' + this.id + '/presence', data, this.form.elements.csrf.value);
    } catch (e) {
      return; // offline: the saver says so
    }
    if (a.status === 401) {
      this.hooks.onSignedOut();
      return;
    }
    if (!a.ok) return;
    this.show(a.json);
  }

  show(j) {
    const was = this.holding;
    this.holding = j.holding;
    this.banner.textContent = '';
    if (j.holding) {
      const others = (j.others || []).filter((o) => o);
      this.banner.hidden = true;
      if (was === false) this.hooks.setEditable(true);
      return;
    }
    const h = j.holder;
    if (!h) return;
    let text;
    if (was === true) text = t('editor.presence.taken', { name: h.name, time: h.since });
    else if (h.you) text = t('editor.presence.you_elsewhere', { time: h.since });
    else text = t('editor.presence.editing', { name: h.name, time: h.since });
    const take = el('button', { type: 'button', 'data-take-over': true, text: t('editor.presence.take_over') });
    take.addEventListener('click', () => this.beat('take-over'));
    this.banner.appendChild(el('p', {}, text + ' ', take));
    this.banner.hidden = false;
    if (was !== false) this.hooks.setEditable(false, h.name);
  }

  leave() {
    if (!this.id || !navigator.sendBeacon) return;
    const data = new FormData();
    data.set('csrf', this.form.elements.csrf.value);
    data.set('tab', this.tab);
    data.set('action', 'leave');
    navigator.sendBeacon('/admin/articles/' + this.id + '/presence', data);
  }
}

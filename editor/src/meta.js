// What the article will look like elsewhere, as it is written: the preview through the real article
// template (beside the text on wide screens, phone width on request), the full address the slug makes,
// search-engine fields with their length, and the search result and link card they make.
import { t, el, debounce, slugOf } from './util.js';

function counter(input, help) {
  const max = Number(input.getAttribute('data-count'));
  const original = help.textContent;
  const line = el('span', { class: 'count' });
  help.textContent = original + ' ';
  help.appendChild(line);
  const update = () => {
    const n = [...input.value].length;
    line.textContent = n > max ? t('editor.seo.too_long', { count: n, max }) : t('editor.seo.count', { count: n, max });
    line.classList.toggle('over', n > max);
  };
  input.addEventListener('input', update);
  update();
  return update;
}

function firstWords(text, max) {
  const s = text.replace(/\s+/g, ' ').trim();
  if ([...s].length <= max) return s;
  return [...s].slice(0, max - 1).join('').replace(/\s+\S*$/, '') + '…';
}

/** ctx: { form, bodyText(), featuredThumb() } */
export function meta(ctx) {
  const f = ctx.form.elements;
  const prefix = ctx.form.getAttribute('data-url-prefix');
  const url = document.querySelector('[data-full-url]');
  const update = () => {
    const auto = slugOf(f.headline.value, 8);
    if (!f.slug.value.trim()) f.slug.placeholder = auto;
    if (url) url.textContent = prefix + (f.slug.value.trim() || f.slug.placeholder || auto);
    const title = f.seo_title.value.trim() || f.headline.value.trim();
    const description = f.seo_description.value.trim() || f.standfirst.value.trim() || firstWords(ctx.bodyText(), 200);
    f.seo_title.placeholder = f.headline.value;
    f.seo_description.placeholder = f.standfirst.value;
    const sr = document.querySelector('[data-search-preview]');
    if (sr) {
      sr.hidden = false;
      sr.querySelector('[data-sr-title]').textContent = firstWords(title + ' – ' + ctx.form.getAttribute('data-site'), 60);
      sr.querySelector('[data-sr-description]').textContent = firstWords(description, 160);
    }
    const card = document.querySelector('[data-card-preview]');
    if (card) {
      card.hidden = false;
      card.querySelector('[data-card-title]').textContent = firstWords(title, 90);
      card.querySelector('[data-card-description]').textContent = firstWords(description, 200);
      const box = card.querySelector('[data-card-image]');
      const thumb = ctx.featuredThumb();
      box.textContent = '';
      if (thumb) box.appendChild(el('img', { src: thumb, alt: '' }));
      box.hidden = !thumb;
    }
  };
  const titleHelp = document.getElementById('seo-title-count');
  const descriptionHelp = document.getElementById('seo-description-count');
  if (titleHelp) counter(f.seo_title, titleHelp);
  if (descriptionHelp) counter(f.seo_description, descriptionHelp);
  update();
  return debounce(update, 200);
}

/** The preview frame: refreshed after a pause in typing, while it can be seen; a phone-width switch. */
export function preview(form) {
  const button = form.querySelector('[data-preview]');
  const box = document.querySelector('[data-preview-box]');
  if (!button || !box) return () => {};
  let visible = true;
  if (window.IntersectionObserver) {
    new IntersectionObserver((entries) => {
      visible = entries.some((e) => e.isIntersecting);
      if (visible && stale) refresh();
    }).observe(box);
  }
  let stale = true;
  const refresh = () => {
    stale = false;
    button.click();
  };
  const phone = el('button', { type: 'button', class: 'preview-width', 'aria-pressed': 'false', text: t('editor.preview.phone') });
  phone.addEventListener('click', () => {
    const on = !box.classList.contains('is-phone');
    box.classList.toggle('is-phone', on);
    phone.setAttribute('aria-pressed', on ? 'true' : 'false');
  });
  box.before(el('div', { class: 'preview-tools' }, phone));
  const later = debounce(() => {
    // On a phone on a slow network, the preview is fetched only when someone looks at it.
    if (visible) refresh();
    else stale = true;
  }, 1500);
  if (visible) setTimeout(refresh, 300);
  return later;
}

/** Headline and standfirst grow with their text; Enter in them moves on instead of breaking the line. */
export function textareas(form, next) {
  for (const name of ['headline', 'standfirst', 'seo_description']) {
    const area = form.elements[name];
    if (!area) continue;
    const grow = () => {
      area.style.height = 'auto';
      area.style.height = area.scrollHeight + 2 + 'px';
    };
    area.addEventListener('input', grow);
    area.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && name !== 'seo_description') {
        e.preventDefault();
        if (name === 'headline') form.elements.standfirst.focus();
        else next();
      }
    });
    requestAnimationFrame(grow);
  }
}

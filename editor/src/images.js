// Images: the library as a searchable grid, and uploads in place (a file chosen or dropped, or a photo
// taken with the phone's camera). A large photo is made smaller on the phone before it is sent, so a
// reporter on a slow network waits for a few hundred kilobytes, not ten megabytes.
import { t, el, dialog, debounce } from './util.js';

const MAX_SIDE = 2560;
const KEEP_BELOW = 1500 * 1024;

// A photo too large for a slow network, re-encoded at most MAX_SIDE pixels wide or high (this also
// drops its EXIF data, location included; the server drops it again anyway).
async function smaller(file) {
  if (!/^image\/(jpeg|png|webp)$/.test(file.type) || !window.createImageBitmap) return file;
  let bitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (e) {
    return file;
  }
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  if (scale === 1 && file.size <= KEEP_BELOW) return file;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const type = file.type === 'image/png' ? 'image/png' : 'image/jpeg';
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, type, 0.85));
  if (!blob || blob.size >= file.size) return file;
  return new File([blob], file.name.replace(/\.\w+$/, '') + (type === 'image/png' ? '.png' : '.jpg'), { type });
}

/** Uploads a file to the library; resolves with the image as the pickers use it, or rejects with a reason. */
export async function upload(file, ctx, progress) {
  const ready = await smaller(file);
  return new Promise((resolve, reject) => {
    const data = new FormData();
    data.set('csrf', ctx.form.elements.csrf.value);
    data.set('file', ready, ready.name || 'photo.jpg');
    data.set('language', ctx.language());
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/admin/media');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable && progress) progress(Math.round((e.loaded / e.total) * 100));
    });
    xhr.addEventListener('load', () => {
      let j = {};
      try {
        j = JSON.parse(xhr.responseText);
      } catch (e) {
        j = { message: xhr.statusText };
      }
      if (xhr.status === 201) resolve(j);
      else if (xhr.status === 401) reject(t('editor.status.signed_out'));
      else reject(j.message || String(xhr.status));
    });
    xhr.addEventListener('error', () => reject(t('editor.status.offline')));
    xhr.send(data);
  });
}

function uploadButtons(ctx, onImage, status) {
  const file = el('input', { type: 'file', accept: 'image/jpeg,image/png,image/webp', hidden: true });
  const camera = el('input', { type: 'file', accept: 'image/*', capture: 'environment', hidden: true });
  const send = async (f) => {
    if (!f) return;
    status.textContent = t('editor.image.uploading', { percent: 0 });
    try {
      const image = await upload(f, ctx, (p) => (status.textContent = t('editor.image.uploading', { percent: p })));
      status.textContent = '';
      onImage(image);
    } catch (reason) {
      status.textContent = t('editor.image.failed', { reason });
    }
  };
  file.addEventListener('change', () => send(file.files[0]));
  camera.addEventListener('change', () => send(camera.files[0]));
  const b1 = el('button', { type: 'button', 'data-upload': true, text: t('editor.image.upload') });
  b1.addEventListener('click', () => file.click());
  const parts = [file, b1];
  // The camera on phones and tablets; elsewhere the same as choosing a file.
  if (window.matchMedia && matchMedia('(pointer: coarse)').matches) {
    const b2 = el('button', { type: 'button', 'data-camera': true, text: t('editor.image.camera') });
    b2.addEventListener('click', () => camera.click());
    parts.push(camera, b2);
  }
  return { parts, send };
}

function dropZone(target, send) {
  target.addEventListener('dragover', (e) => {
    if (!e.dataTransfer || !Array.from(e.dataTransfer.types).includes('Files')) return;
    e.preventDefault();
    target.classList.add('is-dropping');
  });
  target.addEventListener('dragleave', () => target.classList.remove('is-dropping'));
  target.addEventListener('drop', (e) => {
    if (!e.dataTransfer || !e.dataTransfer.files.length) return;
    e.preventDefault();
    target.classList.remove('is-dropping');
    send(e.dataTransfer.files[0]);
  });
}

/** The library as a dialog: search, pick one (or upload one); resolves with the image or null. */
export function chooseImage(ctx) {
  return new Promise((resolve) => {
    const d = dialog(t('editor.image.library'), ctx.uiLanguage, ctx.uiDir);
    d.classList.add('library-dialog');
    let chosen = null;
    const finish = (image) => {
      chosen = image;
      d.close();
    };
    d.addEventListener('close', () => resolve(chosen));
    const search = el('input', { type: 'search', id: 'library-search', autocomplete: 'off' });
    const grid = el('ul', { class: 'library-grid', 'aria-live': 'polite' });
    const status = el('p', { class: 'upload-status', role: 'status' });
    const more = el('button', { type: 'button', hidden: true, text: t('editor.image.more') });
    const { parts, send } = uploadButtons(ctx, finish, status);
    const close = el('button', { type: 'button', class: 'dialog-close', text: t('editor.close') });
    close.addEventListener('click', () => d.close());
    d.appendChild(el('div', { class: 'library-tools' }, el('label', { for: 'library-search', text: t('editor.image.search') }), search, el('div', { class: 'actions' }, parts, close)));
    d.appendChild(el('p', { class: 'drop-hint', text: t('editor.image.drop') }));
    d.appendChild(status);
    d.appendChild(grid);
    d.appendChild(more);
    dropZone(d, send);
    let offset = 0;
    const load = async (append) => {
      if (!append) offset = 0;
      let j;
      try {
        const r = await fetch('/admin/media/library?language=' + encodeURIComponent(ctx.language()) + '&offset=' + offset + '&q=' + encodeURIComponent(search.value.trim()), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
        j = await r.json();
      } catch (e) {
        status.textContent = t('editor.status.offline');
        return;
      }
      if (!append) grid.textContent = '';
      j.images.forEach((image) => {
        const label = image.alt || image.caption || image.hint || '#' + image.id;
        const b = el('button', { type: 'button', class: 'library-item', 'data-media': image.id, 'aria-label': t('editor.image.use') + ': ' + label }, el('img', { src: image.thumb, alt: '', loading: 'lazy' }), el('span', { dir: 'auto', text: label }));
        b.addEventListener('click', () => finish(image));
        grid.appendChild(el('li', {}, b));
      });
      if (!grid.children.length) grid.appendChild(el('li', { class: 'empty', text: t('editor.image.none') }));
      offset += j.images.length;
      more.hidden = !j.more;
    };
    more.addEventListener('click', () => load(true));
    search.addEventListener('input', debounce(() => load(false), 250));
    d.showModal();
    search.focus();
    load(false);
  });
}

/**
 * The featured image: its thumbnail, buttons to choose, upload (or photograph) and remove, a drop
 * zone, and its alt text and caption in the article's language. ctx: { form, language(), onChange }.
 */
export function featuredImage(section, ctx) {
  const idField = ctx.form.elements.featured_image;
  const box = section.querySelector('[data-featured]');
  const texts = section.querySelector('[data-featured-texts]');
  // The number field is for forms without script; here the buttons choose.
  idField.type = 'hidden';
  section.querySelectorAll('label[for=featured_image], #featured-help').forEach((n) => (n.hidden = true));
  const status = el('p', { class: 'upload-status', role: 'status' });
  const set = (image) => {
    idField.value = image ? String(image.id) : '';
    box.textContent = '';
    if (image) {
      box.appendChild(el('img', { class: 'featured-thumb', src: image.thumb, alt: '' }));
      const alt = ctx.form.elements.featured_alt;
      const caption = ctx.form.elements.featured_caption;
      if (alt) alt.value = image.alt || '';
      if (caption) caption.value = image.caption || '';
    }
    if (texts) texts.hidden = !image;
    remove.hidden = !image;
    ctx.onChange();
  };
  const choose = el('button', { type: 'button', 'data-choose-featured': true, text: t('editor.image.choose') });
  choose.addEventListener('click', async () => {
    const image = await chooseImage(ctx);
    if (image) set(image);
  });
  const remove = el('button', { type: 'button', hidden: !idField.value, text: t('editor.image.remove') });
  remove.addEventListener('click', () => set(null));
  const { parts, send } = uploadButtons(ctx, set, status);
  box.after(el('div', { class: 'actions featured-actions' }, choose, parts, remove), el('p', { class: 'drop-hint', text: t('editor.image.drop') }), status);
  dropZone(section, send);
  if (texts && !idField.value) texts.hidden = true;
}

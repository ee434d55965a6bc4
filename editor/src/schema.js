// The document the rich editor can hold: exactly what the server's HtmlSanitizer keeps and the public
// article template styles. Anything else pasted in (Word's and Google Docs' styles, fonts, classes,
// scripts, images from other hosts) has no place in this schema and is dropped on the way in, so what
// the writer sees is what readers will get.
import { Schema } from 'prosemirror-model';

// Only the library's own images: the site's pages load images from the site alone (CSP img-src 'self').
export function isLibraryImage(src) {
  return typeof src === 'string' && /^\/media\/\d{1,18}-\d{1,5}\.(jpg|png)$/.test(src);
}

// Links the sanitizer keeps: web, mail and site-relative addresses.
export function safeHref(href) {
  if (typeof href !== 'string') return null;
  const h = href.trim();
  if (/^(https?:|mailto:)/i.test(h) || (h.startsWith('/') && !h.startsWith('//')) || h.startsWith('#')) return h;
  if (/^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(h)) return 'https://' + h; // "example.org/page" as typed
  return null;
}

function headingAttrs(level) {
  return { tag: 'h' + level, attrs: { level: Math.min(4, Math.max(2, level)) } };
}

function figureFrom(dom) {
  const img = dom.nodeName === 'IMG' ? dom : dom.querySelector('img');
  if (!img || !isLibraryImage(img.getAttribute('src'))) return false;
  let caption = '';
  let credit = '';
  const figcaption = dom.nodeName === 'FIGURE' ? dom.querySelector('figcaption') : null;
  if (figcaption) {
    const small = figcaption.querySelector('small');
    credit = small ? small.textContent.trim() : '';
    const copy = figcaption.cloneNode(true);
    copy.querySelectorAll('small').forEach((s) => s.remove());
    caption = copy.textContent.trim();
  }
  return {
    src: img.getAttribute('src'),
    alt: img.getAttribute('alt') || '',
    width: img.getAttribute('width') || null,
    height: img.getAttribute('height') || null,
    caption,
    credit,
  };
}

export const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: {
      content: 'inline*',
      group: 'block',
      parseDOM: [{ tag: 'p' }],
      toDOM: () => ['p', 0],
    },
    heading: {
      attrs: { level: { default: 2 } },
      content: 'inline*',
      group: 'block',
      defining: true,
      // The page's h1 is the headline: a pasted h1 becomes the first level the body may use.
      parseDOM: [1, 2, 3, 4, 5, 6].map(headingAttrs),
      toDOM: (node) => ['h' + node.attrs.level, 0],
    },
    blockquote: {
      // shareable: a pull quote, which the public page offers to share on its own.
      attrs: { shareable: { default: false } },
      content: 'paragraph+',
      group: 'block',
      defining: true,
      parseDOM: [
        {
          tag: 'blockquote',
          getAttrs: (dom) => ({ shareable: /\b(shareable|pull-quote)\b/.test(dom.className || '') }),
        },
      ],
      toDOM: (node) => ['blockquote', node.attrs.shareable ? { class: 'shareable' } : {}, 0],
    },
    horizontal_rule: {
      group: 'block',
      parseDOM: [{ tag: 'hr' }],
      toDOM: () => ['hr'],
    },
    bullet_list: {
      content: 'list_item+',
      group: 'block',
      parseDOM: [{ tag: 'ul' }],
      toDOM: () => ['ul', 0],
    },
    ordered_list: {
      content: 'list_item+',
      group: 'block',
      parseDOM: [{ tag: 'ol' }],
      toDOM: () => ['ol', 0],
    },
    list_item: {
      content: 'paragraph block*',
      defining: true,
      parseDOM: [{ tag: 'li' }],
      toDOM: () => ['li', 0],
    },
    // An image from the library placed in the body, with its caption, credit and alt text written
    // for this article (a translation writes its own).
    figure: {
      attrs: {
        src: {},
        alt: { default: '' },
        caption: { default: '' },
        credit: { default: '' },
        width: { default: null },
        height: { default: null },
      },
      group: 'block',
      atom: true,
      draggable: true,
      selectable: true,
      parseDOM: [
        { tag: 'figure', getAttrs: figureFrom },
        { tag: 'img[src]', getAttrs: figureFrom },
      ],
      toDOM: (node) => {
        const a = node.attrs;
        const img = { src: a.src, alt: a.alt || '' };
        if (a.width) img.width = a.width;
        if (a.height) img.height = a.height;
        const parts = ['figure', ['img', img]];
        if (a.caption || a.credit) {
          const cap = ['figcaption'];
          if (a.caption) cap.push(a.caption);
          if (a.caption && a.credit) cap.push(' ');
          if (a.credit) cap.push(['small', a.credit]);
          parts.push(cap);
        }
        return parts;
      },
    },
    text: { group: 'inline' },
    hard_break: {
      inline: true,
      group: 'inline',
      selectable: false,
      parseDOM: [{ tag: 'br' }],
      toDOM: () => ['br'],
    },
  },
  marks: {
    link: {
      attrs: { href: {} },
      inclusive: false,
      parseDOM: [
        {
          tag: 'a[href]',
          getAttrs: (dom) => {
            const href = safeHref(dom.getAttribute('href'));
            return href ? { href } : false;
          },
        },
      ],
      toDOM: (mark) => ['a', { href: mark.attrs.href }, 0],
    },
    strong: {
      // (Bold written as a style, as Google Docs does, is turned into <strong> on paste: paste.js.)
      parseDOM: [{ tag: 'strong' }, { tag: 'b' }],
      toDOM: () => ['strong', 0],
    },
    em: {
      parseDOM: [{ tag: 'em' }, { tag: 'i' }],
      toDOM: () => ['em', 0],
    },
  },
});

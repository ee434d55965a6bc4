// Paste from Word and Google Docs. The schema already drops every style, class and element the
// sanitizer would; what needs help is structure that Word writes as styled paragraphs: its lists are
// <p class="MsoListParagraph…"> with the bullet or number as text in a hidden span. Those become real
// lists here, before the schema reads the HTML.

const WORD_LIST = /mso-list:\s*l\d/i;
const WORD_IGNORE = /mso-list:\s*ignore/i;

function isWordListItem(el) {
  return el.nodeName === 'P' && /MsoListParagraph/i.test(el.className || '');
}

// Bold and italic that other programs write as styles become <strong> and <em>; then every style
// attribute goes (the page's CSP would refuse them, and the schema keeps none). Read from the attribute's
// text: a parsed document of this kind applies no CSS.
function stylesToMarks(doc) {
  doc.body.querySelectorAll('[data-style]').forEach((node) => {
    const style = (node.getAttribute('data-style') || '').toLowerCase();
    node.removeAttribute('data-style');
    const normal = /font-weight\s*:\s*(normal|[1-4]00)/.test(style);
    if (normal && (node.nodeName === 'B' || node.nodeName === 'STRONG')) {
      const span = doc.createElement('span');
      while (node.firstChild) span.appendChild(node.firstChild);
      node.replaceWith(span);
      node = span;
    }
    const wrap = (tag) => {
      const mark = doc.createElement(tag);
      while (node.firstChild) mark.appendChild(node.firstChild);
      node.appendChild(mark);
    };
    if (/font-weight\s*:\s*(bold|bolder|[6-9]00)/.test(style) && !/^(B|STRONG|H\d)$/.test(node.nodeName)) wrap('strong');
    if (/font-style\s*:\s*italic/.test(style) && !/^(I|EM)$/.test(node.nodeName)) wrap('em');
  });
}

export function cleanPastedHtml(html) {
  if (!/style=|mso-|urn:schemas-microsoft-com|docs-internal-guid/i.test(html)) return html;
  // Style attributes renamed before anything parses them: the page's CSP (style-src 'self') refuses
  // them, noisily, even in a document that is never shown.
  html = html.replace(/(<[^>]*?\s)style\s*=/gi, '$1data-style=');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const body = doc.body;
  // Word's list paragraphs are found by their styles, before the styles go.
  body.querySelectorAll('p').forEach((p) => {
    if (WORD_LIST.test(p.getAttribute('data-style') || '')) p.classList.add('MsoListParagraph');
  });
  body.querySelectorAll('span[data-style]').forEach((span) => {
    if (WORD_IGNORE.test(span.getAttribute('data-style') || '')) span.setAttribute('data-word-ignore', '');
  });
  stylesToMarks(doc);
  // Word's "supportLists" markers and its <o:p> paragraphs carry nothing readers need.
  body.querySelectorAll('o\\:p').forEach((el) => el.remove());
  const children = Array.from(body.children);
  let list = null;
  for (const el of children) {
    if (!isWordListItem(el)) {
      list = null;
      continue;
    }
    let ordered = false;
    el.querySelectorAll('span[data-word-ignore]').forEach((span) => {
      ordered = ordered || /^\s*[\dA-Za-z]{1,3}[.)]/.test(span.textContent);
      span.remove();
    });
    const tag = ordered ? 'OL' : 'UL';
    if (!list || list.nodeName !== tag) {
      list = doc.createElement(tag);
      el.before(list);
    }
    const item = doc.createElement('li');
    const p = doc.createElement('p');
    while (el.firstChild) p.appendChild(el.firstChild);
    item.appendChild(p);
    list.appendChild(item);
    el.remove();
  }
  // Word's bullets that survived as text ("·", "o", "§" in Symbol font) at the start of an item.
  body.querySelectorAll('li > p').forEach((p) => {
    const first = p.firstChild;
    if (first && first.nodeType === 3) first.textContent = first.textContent.replace(/^[\s\u00a0·•o§-]{1,3}\s+/, '');
  });
  return body.innerHTML;
}

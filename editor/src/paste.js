// Paste from Word and Google Docs. The schema already drops every style, class and element the
// sanitizer would; what needs help is structure that Word writes as styled paragraphs: its lists are
// <p class="MsoListParagraph…"> with the bullet or number as text in a hidden span. Those become real
// lists here, before the schema reads the HTML.

const WORD_LIST = /mso-list:\s*l\d/i;
const WORD_IGNORE = /mso-list:\s*ignore/i;

function isWordListItem(el) {
  return (
    el.nodeName === 'P' &&
    (/MsoListParagraph/i.test(el.className || '') || WORD_LIST.test(el.getAttribute('style') || ''))
  );
}

export function cleanPastedHtml(html) {
  if (!/mso-|urn:schemas-microsoft-com|docs-internal-guid/i.test(html)) return html;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const body = doc.body;
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
    el.querySelectorAll('span').forEach((span) => {
      if (WORD_IGNORE.test(span.getAttribute('style') || '')) {
        ordered = ordered || /^\s*[\dA-Za-z]{1,3}[.)]/.test(span.textContent);
        span.remove();
      }
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

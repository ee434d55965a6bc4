// Toolbar icons (24×24 outlines, drawn with the text colour). Buttons carry their name as aria-label.
const PATHS = {
  undo: 'M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11',
  redo: 'm15 14 5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13',
  bold: 'M7 5h6a3.5 3.5 0 0 1 0 7H7zM7 12h7a3.5 3.5 0 0 1 0 7H7z',
  italic: 'M19 4h-9M14 20H5M15 4 9 20',
  link: 'M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7',
  bullets: 'M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01',
  numbers: 'M10 6h10M10 12h10M10 18h10M4 5h1v4M4 9h2M4 14.5a1 1 0 0 1 2 .5c0 1-2 2-2 3h2',
  quote: 'M3 21c3 0 7-1 7-8V5H3v7h4c0 4-1 5-4 5zM14 21c3 0 7-1 7-8V5h-7v7h4c0 4-1 5-4 5z',
  pullquote: 'M4 4h16v12H8l-4 4zM8 9h8M8 12h5',
  image: 'M3 5h18v14H3zM3 16l5-5 4 4 3-3 6 6M15.5 9.5h.01',
};
const LABELS = { h2: 'H2', h3: 'H3' };

export function icon(key) {
  if (LABELS[key]) {
    const s = document.createElement('span');
    s.className = 'tb-text';
    s.setAttribute('aria-hidden', 'true');
    s.textContent = LABELS[key];
    return s;
  }
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', PATHS[key] || '');
  svg.appendChild(path);
  return svg;
}

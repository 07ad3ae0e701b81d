// The layout check of the e2e overflow test: run in the page (page.evaluate(layoutProblems, …)), it
// lists the text a person cannot read whole on screen:
//   - clipped: text running past the edge of a box that hides overflow, or of the window, unless
//     it is a name truncated with an ellipsis (text-overflow or line-clamp) whose full text is
//     reachable (a title or an accessible name holding it) and that still shows 6 em of itself;
//     the app's own words (labels, buttons, headings, messages) are never truncated;
//   - truncated alike: two different names truncated to the same visible start;
//   - sideways: text that only a horizontal scrollbar reaches;
//   - overlap: the text of two elements drawn over each other (in a scrolling box, below its fold
//     too: it is seen once scrolled to);
//   - cut control: a <select> whose chosen option, or an empty field whose placeholder, is wider
//     than the control.
// Each problem names its kind, the element (a CSS path), its text and the box that cut it.

/**
 * layoutProblems checks the text under the open modal dialog (when one is open) or the whole page.
 * uiWords is the list of the catalogue's messages in the language on screen (without
 * placeholders): truncated text equal to one is the app's own words, never a name.
 */
export function layoutProblems({ uiWords = [], pseudo = false } = {}) {
  const ui = new Set(uiWords);
  const problems = [];
  const modal = [...document.querySelectorAll('[role=dialog],[role=alertdialog]')]
    .filter((d) => d.checkVisibility())
    .at(-1);
  const root = modal ?? document.body;
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;

  const path = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      const cls = [...e.classList].filter((c) => !c.startsWith('svelte-')).slice(0, 2).map((c) => `.${c}`).join('');
      const role = e.getAttribute('role');
      parts.unshift(`${e.localName}${e.id ? `#${e.id}` : ''}${cls}${role ? `[role=${role}]` : ''}`);
      if (e.id) break;
    }
    return parts.join(' > ') || el.localName;
  };
  const short = (s) => (s.length > 70 ? `${s.slice(0, 67)}…` : s);
  const textOf = (el) => [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.data).join('').replace(/\s+/g, ' ').trim();
  // The app's words: a catalogue message, or (under the pseudo-locale) anything accented the way
  // the pseudo-locale accents (the test's file names avoid those letters).
  const isUI = (text) => ui.has(text) || (pseudo && /[ăĕĭŏŭƀçđƒĝĥĵķļɱñŕšţṽŵẋýž]/i.test(text));
  // Is the full text of el reachable: in a title or an accessible name of el or an ancestor nearby,
  // or in the accessible name of a control in its row (a row's checkbox, "Select <name>")?
  const holds = (e, text) => ['title', 'aria-label'].some((a) => (e.getAttribute(a) ?? '').includes(text));
  const reachable = (el, text) => {
    for (let e = el, i = 0; e && i < 4; e = e.parentElement, i++) if (holds(e, text)) return true;
    const row = el.closest('[role=row],li');
    return !!row && [...row.querySelectorAll('[aria-label]')].some((c) => c.matches('input,button,a,[role]') && holds(c, text));
  };
  // Out of sight on purpose: not rendered, transparent, or clipped away (the visually-hidden
  // pattern, clip-path: inset(50%), which keeps text for screen readers only).
  const hidden = (el) => {
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return true;
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.clipPath !== 'none' || s.clip !== 'auto') return true;
    }
    return false;
  };

  // Every element with text of its own, with the rectangles of its lines as drawn.
  const items = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const byElement = new Map();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.data.trim() || !n.parentElement) continue;
    const el = n.parentElement;
    if (['SCRIPT', 'STYLE', 'TEXTAREA', 'OPTION', 'TITLE'].includes(el.tagName)) continue;
    if (!byElement.has(el)) byElement.set(el, []);
    byElement.get(el).push(n);
  }
  const range = document.createRange();
  for (const [el, nodes] of byElement) {
    if (hidden(el)) continue;
    const rects = [];
    for (const n of nodes) {
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) if (r.width > 0.5 && r.height > 0.5) rects.push(r);
    }
    if (rects.length) items.push({ el, text: textOf(el), rects });
  }

  const style = (el) => getComputedStyle(el);
  // shownText is the start of el's text that fits left of x (what an ellipsis leaves of a name).
  const shownText = (el, x) => {
    const node = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.data.trim());
    if (!node) return '';
    let [lo, hi] = [0, node.data.length];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      range.setStart(node, 0);
      range.setEnd(node, mid);
      if (range.getBoundingClientRect().right <= x) lo = mid;
      else hi = mid - 1;
    }
    return node.data.slice(0, lo).trim();
  };
  const cut = (r, c) => ({ left: Math.max(r.left, c.left), right: Math.min(r.right, c.right), top: Math.max(r.top, c.top), bottom: Math.min(r.bottom, c.bottom) });
  const empty = (r) => r.left >= r.right || r.top >= r.bottom;
  for (const item of items) {
    const { el, text } = item;
    const box = {
      left: Math.min(...item.rects.map((r) => r.left)), right: Math.max(...item.rects.map((r) => r.right)),
      top: Math.min(...item.rects.map((r) => r.top)), bottom: Math.max(...item.rects.map((r) => r.bottom)),
    };
    // reach: what of the text a person can bring into sight (by scrolling vertically); seen: what
    // is in sight now. scroller: the nearest ancestor that scrolls vertically.
    let reach = { ...box };
    let seen = { ...box };
    let scroller = null;
    let all = null; // reach, without the scroller's vertical bounds
    let problem = null;
    // Walk the boxes that clip el: its ancestors (skipping those an absolute or fixed box escapes),
    // then the window.
    let containing = null; // for a positioned element, the ancestor whose overflow applies next
    for (let a = el; a && a !== document.documentElement; a = a.parentElement) {
      const s = style(a);
      if (containing && a !== containing) {
        if (s.position === 'fixed') break;
        continue;
      }
      containing = null;
      const clipsX = s.overflowX !== 'visible';
      const clipsY = s.overflowY !== 'visible';
      if (clipsX || clipsY) {
        const r = a.getBoundingClientRect();
        const left = r.left + a.clientLeft;
        const top = r.top + a.clientTop;
        const right = left + a.clientWidth;
        const bottom = top + a.clientHeight;
        const scrolls = (o) => o === 'auto' || o === 'scroll';
        // Truncation with an ellipsis (one line, or the last of -webkit-line-clamp lines): allowed
        // for a name whose full text is reachable and of which enough shows.
        const truncated = (shows) => {
          if (isUI(text)) return { kind: 'clipped UI words', by: a };
          if (!reachable(el, text)) return { kind: 'truncated without its full text (title or accessible name)', by: a };
          if (shows < Math.min(box.right - box.left, 6 * parseFloat(style(el).fontSize))) return { kind: `truncated to ${Math.round(shows)} px`, by: a };
          item.shown = shownText(el, right);
          return null;
        };
        if (clipsX && (reach.right > right + 1 || reach.left < left - 1)) {
          if (scrolls(s.overflowX)) problem = { kind: 'sideways', by: a };
          else if (s.textOverflow === 'ellipsis') problem = truncated(right - Math.max(left, box.left));
          else problem = { kind: 'clipped', by: a };
        }
        // A line box's glyph area may overhang its box a little (line-height < 1.2) with no ink cut.
        const slack = 0.25 * parseFloat(style(el).fontSize);
        if (!problem && clipsY && !scrolls(s.overflowY) && (reach.bottom > bottom + slack || reach.top < top - slack)) {
          problem = s.webkitLineClamp !== 'none' ? truncated(right - left) : { kind: 'clipped at the bottom', by: a };
        }
        const inX = { left, right, top: -Infinity, bottom: Infinity };
        const inXY = { left, right, top, bottom };
        seen = cut(seen, clipsY ? inXY : inX);
        if (clipsY && scrolls(s.overflowY) && !scroller) {
          // Text below the fold is reached by scrolling; the boxes further out clip the scroller.
          scroller = a;
          all = cut(reach, inX);
        }
        reach = cut(reach, clipsY ? inXY : inX);
        if (problem || empty(reach)) break; // or scrolled out of sight
      }
      if (s.position === 'fixed') break;
      if (s.position === 'absolute') containing = a.offsetParent;
    }
    if (!problem && !empty(reach)) {
      if (reach.right > vw + 1 || reach.left < -1) problem = { kind: 'cut at the window edge', by: null };
      else if (!scroller && reach.bottom > vh + 1) problem = { kind: 'cut at the window bottom', by: null };
    }
    Object.assign(item, { reach: all ?? reach, seen: cut(seen, { left: 0, right: vw, top: 0, bottom: vh }), scroller });
    if (problem) problems.push({ kind: problem.kind, element: path(el), text: short(text), by: problem.by ? path(problem.by) : 'the window' });
  }

  // Names truncated alike: two different names of which the same start shows cannot be told apart
  // (addresses, a camera's file names).
  const shown = items.filter((i) => i.shown);
  for (let x = 0; x < shown.length; x++) {
    const twin = shown.slice(x + 1).find((o) => o.text !== shown[x].text && o.shown.slice(0, -2) === shown[x].shown.slice(0, -2));
    if (twin) problems.push({ kind: 'truncated alike', element: path(shown[x].el), text: short(shown[x].text), by: `${path(twin.el)} "${short(twin.text)}": both show "${short(shown[x].shown)}…"` });
  }

  // Overlaps: line rectangles of two elements, neither inside the other, sharing more than a
  // sliver. In the same scrolling box, all of their text (scrolled into sight or not); else what
  // is in sight.
  const lines = (i, c) => i.rects.map((r) => cut(r, c)).filter((r) => r.right - r.left > 1 && r.bottom - r.top > 1);
  for (const i of items) {
    i.reachLines = lines(i, i.reach);
    i.seenLines = lines(i, i.seen);
  }
  for (let x = 0; x < items.length; x++) {
    for (let y = x + 1; y < items.length; y++) {
      const [a, b] = [items[x], items[y]];
      if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const same = a.scroller && a.scroller === b.scroller;
      const [la, lb] = same ? [a.reachLines, b.reachLines] : [a.seenLines, b.seenLines];
      const hit = la.some((r) => lb.some((s) => {
        const c = cut(r, s);
        return c.right - c.left > 2 && c.bottom - c.top > 2;
      }));
      if (hit) problems.push({ kind: 'overlap', element: path(a.el), text: short(a.text), by: `${path(b.el)} "${short(b.text)}"` });
    }
  }

  // Controls that draw their own text: a select's chosen option, an empty field's placeholder.
  const ctx = document.createElement('canvas').getContext('2d');
  for (const c of root.querySelectorAll('select, input:not([type=checkbox]):not([type=radio]):not([type=range]):not([type=file])')) {
    if (hidden(c)) continue;
    const s = style(c);
    const text = c.localName === 'select' ? (c.selectedOptions[0]?.text ?? '') : c.value ? '' : c.placeholder;
    if (!text) continue;
    ctx.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    const room = c.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
    const need = ctx.measureText(text).width;
    if (need > room + 1) {
      problems.push({ kind: c.localName === 'select' ? 'cut choice' : 'cut placeholder', element: path(c), text: short(text), by: `${Math.round(need)} px of text in ${Math.round(room)} px` });
    }
  }
  return { checked: items.length, problems };
}

import { describe, expect, it } from 'vitest';
import { wrapTab } from './focusTrap';

const tab = (shiftKey = false) => new KeyboardEvent('keydown', { key: 'Tab', shiftKey, cancelable: true });

describe('wrapTab', () => {
  it('sends Tab from the last control to the first and Shift+Tab back, so focus never leaves the page', () => {
    document.body.innerHTML = `<nav><button id="a">Upload</button></nav>
      <main><button id="b">Choose files…</button><svg><a href="#x"></a></svg><button id="c" disabled>Off</button></main>`;
    const [a, b] = ['a', 'b'].map((id) => document.getElementById(id)!);
    b.focus();
    let e = tab();
    wrapTab(document.body, e);
    expect(e.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(a);
    e = tab(true);
    wrapTab(document.body, e);
    expect(document.activeElement).toBe(b); // the SVG link and the disabled button are no stops
  });

  it('leaves Tab alone between the first and the last control', () => {
    document.body.innerHTML = `<button id="a">A</button><button id="b">B</button><button id="c">C</button>`;
    document.getElementById('b')!.focus();
    const e = tab();
    wrapTab(document.body, e);
    expect(e.defaultPrevented).toBe(false);
  });
});

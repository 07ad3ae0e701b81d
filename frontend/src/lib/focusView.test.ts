import { describe, expect, it } from 'vitest';
import { focusView } from './focusView';

describe('focusView', () => {
  it('moves the focus from the sidebar to the view’s heading, which Tab then leaves into the view', () => {
    document.body.innerHTML = `<nav><button id="side">Import</button></nav>
      <main><section><h1>Settings</h1><button id="first">Save key</button></section></main>`;
    document.getElementById('side')!.focus();
    expect(focusView()).toBe(true);
    const h1 = document.querySelector('h1')!;
    expect(document.activeElement).toBe(h1);
    expect(h1.tabIndex).toBe(-1); // focusable by script, not an extra Tab stop
  });

  it('leaves the focus alone when no view heading is shown', () => {
    document.body.innerHTML = `<nav><button id="side">Import</button></nav><main></main>`;
    document.getElementById('side')!.focus();
    expect(focusView()).toBe(false);
    expect(document.activeElement).toBe(document.getElementById('side'));
  });
});

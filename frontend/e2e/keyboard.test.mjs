import assert from 'node:assert/strict';
import { appTest } from './harness.mjs';

/** focused describes the focused element: its accessible text, whether it sits in <main>, its box. */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  const r = el.getBoundingClientRect();
  const visible = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
    r.top < innerHeight && r.left < innerWidth && getComputedStyle(el).visibility !== 'hidden';
  return { tag: el.tagName, text: (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40),
    inMain: !!el.closest('main'), visible };
});

appTest('keyboard: every Tab press lands on a visible stop, wrapping at the end; a view shortcut moves the focus into the view', async (h) => {
  const { page } = h;
  await page.getByRole('heading', { name: 'Upload', level: 1 }).waitFor();
  // Twelve presses: past the last control (Choose folder…) Tab comes back to the first, never
  // to the bare window.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    assert.ok(f.visible && f.text, `Tab ${i + 1} landed on an invisible or nameless stop: ${JSON.stringify(f)}`);
  }

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Import' }).click();
  await page.keyboard.press('Control+6');
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  let f = await focused(page);
  assert.deepEqual([f.tag, f.text, f.inMain], ['H1', 'Settings', true], 'after Ctrl+6 the focus stays outside the view');
  await page.getByLabel('API key').waitFor(); // the form comes with the settings, a moment later
  await page.keyboard.press('Tab');
  f = await focused(page);
  assert.ok(f.inMain && f.visible, `Tab after Ctrl+6 left the view: ${JSON.stringify(f)}`);

  await page.keyboard.press('Control+3');
  await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
  f = await focused(page);
  assert.deepEqual([f.tag, f.text], ['H1', 'Library']);
});

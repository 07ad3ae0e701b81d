import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { keepSource, otherVideo, playEvent, start, tinyVideo, until } from './harness.mjs';

// axe-core on every view and every dialog, in the light and the dark theme (the OS preference,
// which the app follows by default): no serious or critical violation of WCAG 2.2 A/AA (colour
// contrast included). In each of them, both themes: every tab stop shows a 2 px focus ring at 3:1
// or more against what is around it, and nothing moves under reduced motion. Every dialog takes
// the focus, keeps Tab and Shift+Tab inside, closes on Escape and gives the focus back.
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * ringsAndMotion runs in the page. It focuses every shown tab stop (of the open modal dialog when
 * there is one) as the keyboard would, and lists those without a focus ring: an outline of 2 px
 * or more on the element or on the label or box drawn around it (a hidden radio's label, the
 * tag box), at 3:1 or more against the first opaque background behind it. It also lists what
 * animates or transitions. The focus goes back where it was.
 */
function ringsAndMotion() {
  const channels = (c) => c.match(/[\d.]+/g).map(Number);
  const lum = (c) => {
    const [r, g, b] = channels(c).slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const opaque = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if ((channels(c)[3] ?? 1) === 1) return c;
    }
    return getComputedStyle(document.documentElement).backgroundColor;
  };
  const ringOf = (el) => {
    for (let e = el, i = 0; e && i < 3; e = e.parentElement, i++) {
      const s = getComputedStyle(e);
      if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) return { holder: e, color: s.outlineColor };
    }
    return null;
  };
  const name = (el) => `<${el.tagName.toLowerCase()}${el.type ? ` type=${el.type}` : ''}> "${(el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || '').trim().slice(0, 40)}"`;
  const modal = document.querySelector('[aria-modal="true"]');
  const stops = (modal ?? document).querySelectorAll('button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])');
  const before = document.activeElement;
  const rings = [];
  let checked = 0;
  for (const el of stops) {
    if (!el.checkVisibility() || el.closest('[inert]') || (!modal && el.closest('[aria-modal]'))) continue;
    el.focus();
    if (document.activeElement !== el) continue;
    checked++;
    const ring = ringOf(el);
    if (!ring) {
      rings.push(`${name(el)}: no focus ring (outline ${getComputedStyle(el).outline})`);
      continue;
    }
    const bg = opaque(ring.holder.parentElement ?? ring.holder);
    if (ratio(ring.color, bg) < 3) rings.push(`${name(el)}: ring ${ring.color} on ${bg} is ${ratio(ring.color, bg).toFixed(2)}:1`);
  }
  if (before instanceof HTMLElement) before.focus();
  const moving = [...document.querySelectorAll('*')].filter((e) => {
    const s = getComputedStyle(e);
    return s.animationName !== 'none' || s.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
  }).map(name).slice(0, 5);
  return { checked, rings, moving };
}

test('a11y: axe finds no serious or critical violation in any view or dialog, light or dark', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'memories-e2e-a11y-'));
  const out = mkdtempSync(join(tmpdir(), 'memories-e2e-a11y-out-'));
  const [a, b, cut, notes] = ['keepsake.mp4', 'second-beach.mp4', 'interrupted.mp4', 'notes.mp4'].map((n) => join(dir, n)); // 'beach': the sandbox answers the search below from the words in a name
  copyFileSync(tinyVideo, a);
  copyFileSync(otherVideo, b);
  copyFileSync(tinyVideo, cut);
  writeFileSync(notes, 'not a video'); // named like one: pre-flight refuses it, the Upload view lists it as skipped
  const watched = join(dir, 'Clips'); // a watch folder, for the watch dialogs
  mkdirSync(watched);
  copyFileSync(tinyVideo, join(out, 'keepsake.mp4')); // a taken name: the collision prompt

  // An upload cut by a crash, so the restarted app opens with the resume prompt.
  const first = await start();
  await first.upload([a, b]);
  await first.faults({ reply_delay: '60s' });
  await first.call('EnqueueUploads', { files: [{ path: cut }], meta: { tags: [], retainOriginal: true } });
  await until(async () => (await first.call('Jobs', { states: ['running'] })).jobs.length > 0, { what: 'the upload to start' });
  await first.crash();

  const h = await start({ dataDir: first.dataDir, init: keepSource });
  const found = [];
  const audited = [];
  const dialogsChecked = [];
  let stopsChecked = 0;
  const { page } = h;
  async function audit(what) {
    // A key press, so focus() in the page shows the ring as it does for the keyboard (Chromium
    // draws :focus-visible for script focus after a key, not after a click).
    await page.keyboard.press('Shift+Tab');
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      // the theme did change: the page background is the palette's for this scheme
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(bg, colorScheme === 'dark' ? 'rgb(18, 21, 27)' : 'rgb(246, 247, 249)', `${what}: ${colorScheme} background`);
      const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
      for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
        found.push(`${what} (${colorScheme}): ${v.id} [${v.impact}] ${v.help}\n` +
          v.nodes.slice(0, 4).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 300)}`).join('\n'));
      }
      const { checked, rings, moving } = await page.evaluate(ringsAndMotion);
      assert.ok(checked > 0, `${what} (${colorScheme}): no tab stop to check the focus ring on`);
      for (const r of rings) found.push(`${what} (${colorScheme}): focus ring: ${r}`);
      for (const m of moving) found.push(`${what} (${colorScheme}): moves under reduced motion: ${m}`);
      stopsChecked += checked;
    }
    audited.push(what);
  }
  /**
   * keys opens a dialog from the keyboard (Enter on opener, or open(); none when it is open already) and checks it: the
   * focus moves in, Tab and Shift+Tab past every stop stay inside, the axe audit passes, Escape
   * closes it and the focus is back where it was.
   */
  async function keys(what, dlg, { opener, open = () => page.keyboard.press('Enter') } = {}) {
    if (opener) await opener.focus();
    if (open) {
      await page.evaluate(() => document.activeElement.setAttribute('data-e2e-before', ''));
      await open();
    } else {
      await page.evaluate(() => document.body.setAttribute('data-e2e-before', '')); // open from the start: the page had the focus
    }
    await dlg.waitFor();
    const inside = () => dlg.evaluate((d) => d.contains(document.activeElement));
    await until(inside, { timeout: 5000, what: `${what}: the focus to move into the dialog` });
    const n = await dlg.evaluate((d) => d.querySelectorAll('button, [href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])').length);
    for (const key of [...Array(n + 1).fill('Tab'), 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      assert.ok(await inside(), `${what}: ${key} took the focus out of the dialog`);
    }
    await audit(what);
    await page.keyboard.press('Escape');
    await dlg.waitFor({ state: 'detached' });
    const back = await page.evaluate(() => {
      const el = document.activeElement;
      const ok = el?.hasAttribute('data-e2e-before');
      document.querySelector('[data-e2e-before]')?.removeAttribute('data-e2e-before');
      return ok || `${el?.tagName} ${el?.textContent?.trim().slice(0, 40)}`;
    });
    assert.equal(back, true, `${what}: after Escape the focus is not back where it was`);
    dialogsChecked.push(what);
  }
  const dialog = (name) => page.getByRole('dialog', { name });
  const go = async (name) => {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
  };
  try {
    await keys('resume prompt', dialog('1 transfer did not finish last time'), { open: null });

    await page.getByRole('heading', { name: 'Upload', level: 1 }).waitFor();
    await audit('Upload, empty');
    // Reduced motion: the drop zone's highlight changes at once instead of fading.
    const fade = () => page.getByTestId('drop-zone').evaluate((el) => getComputedStyle(el).transitionDuration);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    assert.notEqual(await fade(), '0s', 'the drop zone fades without reduced motion');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    assert.equal(await fade(), '0s', 'the drop zone still fades under reduced motion');
    await h.drop([a, notes]);
    await page.getByRole('heading', { name: /^Ready to upload/ }).waitFor();
    await page.getByText('Skipped (1)').waitFor();
    await audit('Upload, a file staged and one skipped');
    await keys('file details dialog', dialog('Details for keepsake.mp4'), { opener: page.getByRole('button', { name: 'Edit details for keepsake.mp4' }) });
    await keys('player dialog', dialog('Playing keepsake.mp4'), { opener: page.getByRole('button', { name: 'Play keepsake.mp4' }) });

    await go('Import');
    await audit('Import');
    const tabs = page.getByRole('tablist');
    await tabs.getByRole('tab', { selected: false }).click();
    await audit('Import, the other tab');

    await go('Library');
    await page.getByRole('checkbox', { name: 'Select keepsake.mp4' }).waitFor();
    await audit('Library');
    await page.getByRole('grid', { name: 'Videos' }).getByText('second-beach.mp4').click();
    await page.getByRole('button', { name: 'Close details' }).waitFor();
    await audit('Library, details drawer');
    await page.getByRole('button', { name: 'Close details' }).click();
    await page.getByRole('checkbox', { name: 'Select keepsake.mp4' }).check();
    await page.getByRole('checkbox', { name: 'Select second-beach.mp4' }).check();
    await keys('delete dialog', dialog('Delete 2 videos?'), { opener: page.getByRole('button', { name: 'Delete…' }) });
    await h.dialogs({ folder: out });
    await keys('collision prompt', dialog('“keepsake.mp4” already exists'), { opener: page.getByRole('button', { name: 'Download…' }) });
    await keys('asset dialog', dialog('Download an asset'), { opener: page.getByRole('button', { name: 'Download asset…' }) });

    await go('Search');
    await page.getByRole('searchbox', { name: 'Search the library' }).fill('a dog running on the beach');
    await page.getByRole('searchbox', { name: 'Search the library' }).press('Enter');
    const moment = page.getByRole('grid', { name: 'Moments' }).getByRole('button').first();
    await moment.waitFor();
    await audit('Search, moments found');
    await moment.click();
    await page.getByRole('button', { name: 'Show in Library' }).waitFor(); // the moment's pane
    await audit('Search, a moment opened');

    await go('Transfers');
    await audit('Transfers');
    await go('History');
    await audit('History');
    await go('Settings');
    await page.getByLabel('API key').waitFor();
    await audit('Settings');
    await h.dialogs({ folder: watched });
    await page.getByRole('button', { name: 'Add folder…' }).click();
    await page.getByRole('listitem', { name: 'Watch Clips' }).getByText('Watching', { exact: true }).waitFor();
    await audit('Settings, a watch folder');
    await keys('watch edit dialog', dialog('Watch ‘Clips’'), { opener: page.getByRole('button', { name: 'Edit watch Clips' }) });
    await keys('watch remove alert', page.getByRole('alertdialog', { name: 'Remove the watch ‘Clips’?' }), { opener: page.getByRole('button', { name: 'Remove watch Clips' }) });
    // The language picker: Settings in German, then back to the system's language.
    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('heading', { name: 'Einstellungen', level: 1 }).waitFor();
    await audit('Settings in German (the language picker)');
    await page.getByLabel('Sprache').selectOption('');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();

    await keys('keyboard shortcuts sheet', dialog('Keyboard shortcuts'), { open: () => page.keyboard.press('F1') });
    await keys('quit dialog', page.getByRole('alertdialog', { name: '2 transfers are running' }), {
      open: () => playEvent(page, 'quit:requested', 2),
    });

    // A theme pinned in Settings (data-theme) wins over the system's preference, either way.
    for (const [colorScheme, theme, bg] of [['light', 'dark', 'rgb(18, 21, 27)'], ['dark', 'light', 'rgb(246, 247, 249)']]) {
      await page.emulateMedia({ colorScheme });
      const got = await page.evaluate((t) => {
        document.documentElement.dataset.theme = t;
        const c = getComputedStyle(document.body).backgroundColor;
        delete document.documentElement.dataset.theme;
        return c;
      }, theme);
      assert.equal(got, bg, `${theme} pinned under a ${colorScheme} system`);
    }

    assert.deepEqual(found, [], `axe found ${found.length} serious or critical violations:\n${found.join('\n')}`);
    assert.deepEqual(dialogsChecked, ['resume prompt', 'file details dialog', 'player dialog', 'delete dialog', 'collision prompt',
      'asset dialog', 'watch edit dialog', 'watch remove alert', 'keyboard shortcuts sheet', 'quit dialog']);
    assert.equal(audited.length, 23);
    console.log(`a11y: ${audited.length} views and dialogs audited in both themes, ${stopsChecked} focus rings checked`);
    assert.ok(stopsChecked > 400, `only ${stopsChecked} focus rings checked`);
  } finally {
    await h.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { otherVideo, start, tinyVideo, until } from './harness.mjs';

// axe-core on every view and every dialog, in the light and the dark theme (the OS preference,
// which the app follows by default): no serious or critical violation of WCAG 2.2 A/AA.
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** keepSource lets the test play a backend event: it keeps the page's event stream reachable. */
const keepSource = () => {
  const Native = window.EventSource;
  window.EventSource = class extends Native {
    constructor(...args) {
      super(...args);
      window.__e2eSource = this;
    }
  };
};

/** contrast is the WCAG contrast ratio of two "rgb(r, g, b)" colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, b] = c.match(/\d+(\.\d+)?/g).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test('a11y: axe finds no serious or critical violation in any view or dialog, light or dark', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'memories-e2e-a11y-'));
  const out = mkdtempSync(join(tmpdir(), 'memories-e2e-a11y-out-'));
  const [a, b, cut] = ['keepsake.mp4', 'second-beach.mp4', 'interrupted.mp4'].map((n) => join(dir, n)); // 'beach': the sandbox answers the search below from the words in a name
  copyFileSync(tinyVideo, a);
  copyFileSync(otherVideo, b);
  copyFileSync(tinyVideo, cut);
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
  const { page } = h;
  async function audit(what) {
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
    }
    audited.push(what);
  }
  const dialog = (name) => page.getByRole('dialog', { name });
  const go = async (name) => {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
  };
  try {
    const resume = dialog('1 transfer did not finish last time');
    await resume.waitFor();
    await audit('resume prompt');
    await resume.getByRole('button', { name: 'Later' }).click();
    await resume.waitFor({ state: 'detached' });

    await page.getByRole('heading', { name: 'Upload', level: 1 }).waitFor();
    await audit('Upload, empty');
    // Reduced motion: the drop zone's highlight changes at once instead of fading.
    const fade = () => page.getByTestId('drop-zone').evaluate((el) => getComputedStyle(el).transitionDuration);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    assert.notEqual(await fade(), '0s', 'the drop zone fades without reduced motion');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    assert.equal(await fade(), '0s', 'the drop zone still fades under reduced motion');
    // The focus ring: a 2 px outline at 3:1 or more against the page, in both themes (WCAG 2.4.11).
    await page.keyboard.press('Tab');
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      const ring = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement);
        return { style: s.outlineStyle, width: s.outlineWidth, color: s.outlineColor, page: getComputedStyle(document.body).backgroundColor };
      });
      assert.deepEqual([ring.style, ring.width], ['solid', '2px'], `${colorScheme}: no focus ring: ${JSON.stringify(ring)}`);
      assert.ok(contrast(ring.color, ring.page) >= 3, `${colorScheme}: focus ring ${ring.color} on ${ring.page}: ${contrast(ring.color, ring.page).toFixed(2)}:1`);
    }
    await h.drop([a]);
    await page.getByRole('heading', { name: /^Ready to upload/ }).waitFor();
    await audit('Upload, a file staged');
    await page.getByRole('button', { name: 'Edit details for keepsake.mp4' }).click();
    await dialog('Details for keepsake.mp4').waitFor();
    await audit('file details dialog');
    await page.keyboard.press('Escape');
    await dialog('Details for keepsake.mp4').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Play keepsake.mp4' }).click();
    await dialog('Playing keepsake.mp4').waitFor();
    await audit('player dialog');
    await page.keyboard.press('Escape');
    await dialog('Playing keepsake.mp4').waitFor({ state: 'detached' });

    await go('Import');
    await audit('Import');

    await go('Library');
    await page.getByRole('checkbox', { name: 'Select keepsake.mp4' }).waitFor();
    await audit('Library');
    await page.getByRole('grid', { name: 'Videos' }).getByText('second-beach.mp4').click();
    await page.getByRole('button', { name: 'Close details' }).waitFor();
    await audit('Library, details drawer');
    await page.getByRole('button', { name: 'Close details' }).click();
    await page.getByRole('checkbox', { name: 'Select keepsake.mp4' }).check();
    await page.getByRole('checkbox', { name: 'Select second-beach.mp4' }).check();
    await page.getByRole('button', { name: 'Delete…' }).click();
    await dialog('Delete 2 videos?').waitFor();
    await audit('delete dialog');
    await dialog('Delete 2 videos?').getByRole('button', { name: 'Cancel' }).click();
    await h.dialogs({ folder: out });
    await page.getByRole('button', { name: 'Download…' }).click();
    await dialog('“keepsake.mp4” already exists').waitFor();
    await audit('collision prompt');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Download asset…' }).click();
    await dialog('Download an asset').waitFor();
    await audit('asset dialog');
    await page.keyboard.press('Escape');

    await go('Search');
    await page.getByRole('searchbox', { name: 'Search the library' }).fill('a dog running on the beach');
    await page.getByRole('searchbox', { name: 'Search the library' }).press('Enter');
    await page.getByRole('grid', { name: 'Moments' }).getByRole('button').first().waitFor();
    await audit('Search, moments found');

    await go('Transfers');
    await audit('Transfers');
    await go('History');
    await audit('History');
    await go('Settings');
    await page.getByLabel('API key').waitFor();
    await audit('Settings');

    await page.keyboard.press('F1');
    await dialog('Keyboard shortcuts').waitFor();
    await audit('keyboard shortcuts sheet');
    await page.keyboard.press('Escape');

    await page.evaluate(() => window.__e2eSource.onmessage({ data: JSON.stringify({ name: 'quit:requested', data: 2 }) }));
    await page.getByRole('alertdialog', { name: '2 transfers are running' }).waitFor();
    await audit('quit dialog');
    await page.keyboard.press('Escape');

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
    assert.equal(audited.length, 17);
  } finally {
    await h.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
});

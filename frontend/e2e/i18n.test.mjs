// Every view under the pseudo-locale (LANG=en_XA): no English word from the catalogue is left on
// screen or in what a screen reader hears (aria-label, placeholder, title, alt), and switching
// the language in Settings re-renders the app at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, tinyVideo } from './harness.mjs';

const catalogue = (tag) => JSON.parse(readFileSync(new URL(`../src/lib/i18n/locales/${tag}.json`, import.meta.url), 'utf8'));
const en = catalogue('en');
// English words of three letters or more that the app says; data (names, numbers, URLs) is not words.
const vocabulary = new Set(
  Object.values(en).flatMap((m) => m.replace(/\{[^{}]*\}/g, ' ').toLowerCase().match(/[a-z]{3,}/g) ?? []),
);
// Words that are data here, not the app's sentences: the sandbox scope and the test video's name.
const data = new Set(['default', 'tiny', 'mp4', 'mov', 'webm', 'mkv', 'avi', 'aac', 'memories', 'desktop']); // desktop: memories-desktop.desktop, the login entry's file

const views = [['1', 'upload'], ['2', 'import'], ['3', 'library'], ['7', 'search'], ['4', 'transfers'], ['5', 'history'], ['6', 'settings']];

/** english lists the catalogue's English words the page shows or speaks. */
async function english(page) {
  const text = await page.evaluate(() => {
    const spoken = [...document.querySelectorAll('[aria-label],[placeholder],[title],[alt]')].flatMap((el) =>
      ['aria-label', 'placeholder', 'title', 'alt'].map((a) => el.getAttribute(a) ?? ''));
    return [document.body.innerText, ...spoken].join('\n');
  });
  // URLs, environment variables (MEMORIES_SANDBOX=1) and paths (/home/…: "Home" is a key's name in
  // the shortcuts sheet) are data, not words
  const words = text.replace(/https?:\/\/\S+|\b[A-Z][A-Z_]+=\S*|(?<![\w.])~?\/\S*\/\S*/g, ' ').match(/[A-Za-z]{3,}/g) ?? [];
  return [...new Set(words.filter((w) => vocabulary.has(w.toLowerCase()) && !data.has(w.toLowerCase())))];
}

test('i18n: every view under the pseudo-locale shows no English', async () => {
  const h = await start({ lang: 'en_XA.UTF-8' });
  try {
    const { page } = h;
    await h.upload([tinyVideo]); // rows in Library, Transfers and History
    const left = {};
    for (const [key, view] of views) {
      await page.keyboard.press(`Control+${key}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      const words = await english(page);
      if (words.length) left[view] = words;
    }
    assert.deepEqual(left, {}, 'English words on screen under the pseudo-locale');
  } finally {
    await h.stop();
  }
});

test('i18n: the system language is followed, and Settings switches it live', async () => {
  const h = await start({ lang: 'de_DE.UTF-8' });
  try {
    const { page } = h;
    await page.getByRole('button', { name: 'Hochladen' }).waitFor();
    // A failed job's message is worded by Go: German while the app speaks German…
    await h.faults({ no_credits: true });
    await h.call('EnqueueUploads', { files: [{ path: tinyVideo }], meta: { tags: [] } });
    await page.keyboard.press('Control+4');
    await page.getByText('Das memories.ai-Konto hat kein Guthaben mehr.', { exact: false }).first().waitFor();
    await page.keyboard.press('Control+6');
    const picker = page.getByLabel('Sprache');
    assert.equal(await picker.inputValue(), '', 'follows the system by default');
    await picker.selectOption('zh-Hans');
    await page.getByRole('button', { name: '媒体库' }).waitFor(); // the sidebar, without a reload
    await page.getByRole('heading', { name: '设置' }).waitFor();
    // …and Chinese after the switch, in Transfers and History, with no reload.
    for (const key of ['4', '5']) {
      await page.keyboard.press(`Control+${key}`);
      await page.getByText('memories.ai 账户的额度已用完。', { exact: false }).first().waitFor();
      // nor anywhere else: the failure's toast, raised in German, is worded again too
      const left = await page.locator('body').getByText('Guthaben', { exact: false }).count();
      assert.equal(left, 0, `German left in view ${key}`);
    }
    await page.reload();
    await page.getByRole('button', { name: '媒体库' }).waitFor(); // saved: still Chinese after a restart of the page
    assert.equal((await h.call('GetSettings')).settings.language, 'zh-Hans');
  } finally {
    await h.stop();
  }
});

// LANG=es_ES.UTF-8 and LANG=de_DE.UTF-8 start the app in Spanish and German: the views' names
// (the catalogue's own words, so rewording one does not break this), the page's lang, and a
// size written with the language's decimal comma.
for (const [lang, tag] of [['es_ES.UTF-8', 'es'], ['de_DE.UTF-8', 'de']]) {
  test(`i18n: LANG=${lang} starts the app in ${tag}`, async () => {
    const h = await start({ lang });
    try {
      const { page } = h;
      const words = catalogue(tag);
      const nav = page.getByRole('navigation', { name: words['nav.views'] });
      for (const key of ['nav.upload', 'nav.library', 'nav.settings']) await nav.getByRole('button', { name: words[key] }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), tag);
      await h.upload([tinyVideo]);
      await page.keyboard.press('Control+3');
      await page.getByRole('heading', { name: words['library.title'], level: 1 }).waitFor();
      // 6,814 bytes: "6,7 kB" here, "6.7 kB" in English
      await page.getByRole('gridcell').filter({ hasText: /^6,7\s?kB$/ }).first().waitFor({ timeout: 10000 });
    } finally {
      await h.stop();
    }
  });
}

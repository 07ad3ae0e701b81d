// No clipped or overlapping text (issue 21): every view, with real data in it (staged files with
// long names, library rows and the details drawer, search results, running, failed and finished
// transfers, history, watch folders), and the main dialogs, at 860 and 1600 px wide, in the
// pseudo-locale (the longest text), German (the longest real language), Simplified Chinese and
// English. What counts as a problem is in overflow.mjs. OVERFLOW_SHOTS=DIR saves a screenshot of
// each screen measured, to look at what a problem report names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keepSource, otherVideo, playEvent, start, tinyVideo, until } from './harness.mjs';
import { layoutProblems } from './overflow.mjs';

const widths = [860, 1600];
const height = 900;
const languages = ['en-XA', 'de', 'zh-Hans', 'en'];
const catalogue = (tag) => JSON.parse(readFileSync(new URL(`../src/lib/i18n/locales/${tag}.json`, import.meta.url), 'utf8'));
/** The catalogue's messages without placeholders: truncated text equal to one is the app's words. */
const uiWords = (tag) => (tag === 'en-XA' ? [] : Object.values(catalogue(tag)).filter((m) => !m.includes('{')));

// Names as people have them: long with spaces, long without, short (the sandbox finds "beach").
const names = {
  long: 'Sommerurlaub an der Ostsee mit der ganzen Familie, Tag 3 – Strand und Sonnenuntergang bei Warnemünde.mp4',
  solid: 'GX010457_2025-08-14_drone-flight-over-the-beach-at-golden-hour_final-export-v3.mp4',
  short: 'beach.mp4',
  failed: 'Geburtstagsfeier-von-Oma-Hildegard-im-Garten-mit-allen-Enkelkindern.mp4',
  watched: 'Hochzeit von Lena und Jonas – Trauung, Sektempfang und die ersten Tänze am Abend.mp4',
};
const watchFolder = 'Kamera-Uploads von der Familienreise an die Ostsee';
const tiktok = 'https://www.tiktok.com/@travelbyte/video/730123456789012345';
const mediaURL = 'https://media.example.com/family/summer-2025/';

test('overflow: no clipped or overlapping text in any view or dialog, at 860 and 1600 px, in every language', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'memories-e2e-overflow-'));
  const out = join(dir, 'out');
  mkdirSync(out);
  const file = Object.fromEntries(Object.entries(names).map(([k, n]) => [k, join(dir, n)]));
  for (const k of ['long', 'failed']) copyFileSync(tinyVideo, file[k]);
  copyFileSync(otherVideo, file.solid);
  copyFileSync(otherVideo, file.short);
  copyFileSync(tinyVideo, join(out, names.long)); // a taken name: the collision prompt
  mkdirSync(join(dir, watchFolder));

  const h = await start({ init: keepSource });
  const { page } = h;
  const found = [];
  let checks = 0;
  let elements = 0;
  let lang = '';
  /** check measures what is on screen (the open dialog, else the page) at each width. */
  async function check(what) {
    for (const width of widths) {
      await page.setViewportSize({ width, height });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const { checked, problems } = await page.evaluate(layoutProblems, { uiWords: uiWords(lang), pseudo: lang === 'en-XA' });
      assert.ok(checked >= 3, `${lang} ${width} px ${what}: only ${checked} text elements found: the check saw nothing`);
      elements += checked;
      if (process.env.OVERFLOW_SHOTS) await page.screenshot({ path: `${process.env.OVERFLOW_SHOTS}/${lang}-${width}-${what.replace(/[^a-z0-9]+/gi, '_')}.png` });
      checks++;
      for (const p of problems) found.push(`${lang} ${width}px ${what}: ${p.kind}: ${p.element} "${p.text}" (by ${p.by})`);
    }
  }
  const dialog = () => page.locator('[role=dialog],[role=alertdialog]').last();
  const closeDialog = async () => {
    await page.keyboard.press('Escape');
    await page.locator('[role=dialog],[role=alertdialog]').waitFor({ state: 'detached' });
  };
  const view = async (key) => {
    await page.keyboard.press(`Control+${key}`);
    await page.locator('main h1').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  };

  try {
    // A watch folder, and an upload of its own (first: a watch skips bytes uploaded before): a Transfers row that says where it came from.
    const watch = await h.call('AddWatchFolder', join(dir, watchFolder));
    await h.call('UpdateWatch', { ...watch, settleMs: 200 }, '');
    copyFileSync(tinyVideo, join(dir, watchFolder, names.watched));
    await until(async () => (await h.call('Jobs', { states: ['done'] })).jobs.some((j) => j.watch), { what: 'the watched file uploaded' });
    // Finished uploads (Library, History, Transfers), one failed, one download running.
    const done = await h.upload([file.long, file.solid, file.short]);
    const longNo = done.find((j) => j.name === names.long).result.videoNos[0];
    await h.faults({ no_credits: true });
    await h.call('EnqueueUploads', { files: [{ path: file.failed }], meta: { tags: [], retainOriginal: true } });
    await until(async () => (await h.call('Jobs', { states: ['failed'] })).jobs.length > 0, { what: 'the upload to fail' });
    // One transfer at a time: a slow download runs, and what comes after it waits for the slot
    // (the widest stages: "Waiting for slot › Then indexing", with Pause and Cancel).
    await h.call('SaveSettings', { ...(await h.call('GetSettings')).settings, concurrency: 1 });
    await h.faults({ download_rate: 10 });
    await h.dialogs({ save: join(out, `Kopie von ${names.long}`) });
    await h.call('DownloadVideos', [longNo]);
    await until(async () => (await h.call('Jobs', { states: ['running'] })).jobs.length > 0, { what: 'the download to start' });
    // Work named by an address (two alike but for their ends), and an import task of two links.
    for (const end of ['beach-day.mp4', 'birthday-cake.mp4']) await h.call('EnqueueURL', `${mediaURL}${end}`, { tags: [], retainOriginal: true });
    await h.call('EnqueueImport', { text: `${tiktok}1\n${tiktok}2`, quality: '720', callback: '' });
    // Search needs the videos indexed: waited for only where it searches, the rest runs meanwhile.
    const indexed = until(async () => {
      const videos = await h.serverVideos();
      return videos.filter((v) => v.status === 'PARSE').length >= 4; // the four uploads; links come later
    }, { what: 'the uploads indexed (for search)' });
    indexed.catch(() => {}); // awaited below; a failure there, not an unhandled rejection here
    const settings = (await h.call('GetSettings')).settings;

    for (lang of languages) {
      await h.call('SaveSettings', { ...settings, language: lang });
      await page.reload();
      await page.evaluate(() => window.__e2eConnected);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);

      await view(1);
      await h.drop([file.long, file.solid, file.short]);
      await page.locator('main li.row').nth(2).waitFor();
      await check('Upload, 3 files staged');
      await page.locator('main li.row').first().locator('button:not(.remove)').last().click();
      await dialog().waitFor();
      await check('file details dialog');
      await closeDialog();

      await view(2);
      await page.locator('#import-links').fill(`${tiktok}6\nhttps://youtu.be/jNQXAC9IVRw\nsee you at the beach`);
      await page.locator('main table').waitFor();
      await check('Import, a plan');

      await view(3);
      await page.locator('[role=gridcell].name').nth(2).waitFor();
      await check('Library');
      await page.locator('[role=gridcell].name .title').first().click();
      await page.locator('aside.drawer dl').waitFor();
      await check('Library, details drawer');
      await page.locator('aside.drawer button.close').click();
      await page.locator('[role=gridcell] input[type=checkbox]').nth(0).check();
      await page.locator('[role=gridcell] input[type=checkbox]').nth(1).check();
      await page.locator('.selection button.danger').click();
      await dialog().waitFor();
      await check('delete dialog');
      await closeDialog();
      await page.locator('.selection button').last().click(); // clear the selection
      for (const n of [names.long, names.short]) await page.locator('[role=row]', { hasText: n }).locator('input[type=checkbox]').check();
      await h.dialogs({ folder: out });
      await page.locator('.selection button').first().click(); // two downloads, to a folder holding one's name
      await dialog().waitFor();
      await check('collision prompt');
      await closeDialog();
      await page.locator('main header .tools button').last().click();
      await dialog().waitFor();
      await check('asset dialog');
      await closeDialog();

      await view(7);
      await indexed;
      await page.locator('#search-box').fill('a dog running on the beach');
      await page.locator('#search-box').press('Enter');
      await page.locator('[role=grid] button').first().waitFor();
      await check('Search, moments found');

      await view(4);
      await page.locator('[data-testid=stage-badge]').nth(8).waitFor();
      await check('Transfers, running, waiting, failed, done');
      await view(5);
      await check('History');
      await view(6);
      await page.locator('li.watch').waitFor();
      await check('Settings, a watch folder');
      await page.locator('li.watch .actions button').nth(1).click();
      await dialog().waitFor();
      await check('watch edit dialog');
      await closeDialog();

      await page.keyboard.press('F1');
      await dialog().waitFor();
      await check('keyboard shortcuts sheet');
      await closeDialog();
      await playEvent(page, 'quit:requested', 2);
      await dialog().waitFor();
      await check('quit dialog');
      await closeDialog();
    }
    console.log(`overflow: ${checks} screens, ${elements} text elements checked, ${found.length} problems`);
    assert.deepEqual(found, [], `${found.length} clipped or overlapping texts:\n${found.join('\n')}`);
  } finally {
    await h.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('overflow: the check finds clipped, cut, truncated and overlapping text', async () => {
  const h = await start();
  try {
    const { page } = h;
    await page.locator('main h1').first().waitFor();
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.id = 'planted';
      box.innerHTML = `
        <div style="width:60px;overflow:hidden;white-space:nowrap"><span>Clipped without an ellipsis</span></div>
        <div style="width:60px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis"><button>Truncated button words</button></div>
        <div style="width:60px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis">no-title-somewhere-long-name.mp4</div>
        <div style="width:30px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis" title="squeezed-to-nothing-long-name.mp4">squeezed-to-nothing-long-name.mp4</div>
        <div style="width:200px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis" title="fine-with-title-a-long-long-long-long-name.mp4">fine-with-title-a-long-long-long-long-name.mp4</div>
        <div style="position:relative;height:20px"><span>First label</span><span style="position:absolute;left:10px">Second label</span></div>
        <div style="position:fixed;left:calc(100vw - 40px);top:0;white-space:nowrap">Cut at the edge</div>
        <select style="width:60px"><option>A long choice that does not fit</option></select>
        <div style="height:40px;overflow:auto"><div style="height:400px"></div>
          <div style="width:60px;overflow:hidden;white-space:nowrap">Below the fold and clipped</div></div>
        <div style="width:90px;overflow:hidden;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2">a clamped name without a title, on more lines than two.mp4</div>
        <div style="width:140px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis" title="https://media.example.com/a.mp4">https://media.example.com/a.mp4</div>
        <div style="width:140px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis" title="https://media.example.com/b.mp4">https://media.example.com/b.mp4</div>`;
      document.querySelector('main').prepend(box);
    });
    const { problems } = await page.evaluate(layoutProblems, { uiWords: ['Truncated button words'] });
    const kinds = problems.filter((p) => p.element.includes('#planted')).map((p) => `${p.kind}: ${p.text}`);
    for (const want of [
      'clipped: Clipped without an ellipsis',
      'clipped UI words: Truncated button words',
      'truncated without its full text (title or accessible name): no-title-somewhere-long-name.mp4',
      'truncated to 30 px: squeezed-to-nothing-long-name.mp4',
      'overlap: First label',
      'cut at the window edge: Cut at the edge',
      'cut choice: A long choice that does not fit',
      'clipped: Below the fold and clipped',
      'truncated alike: https://media.example.com/a.mp4',
      'truncated without its full text (title or accessible name): a clamped name without a title, on more lines than two.mp4',
    ]) assert.ok(kinds.includes(want), `not found: ${want}; found:\n${kinds.join('\n')}`);
    assert.ok(!kinds.some((k) => k.includes('fine-with-title')), 'a truncated name with its title and room is allowed');
  } finally {
    await h.stop();
  }
});

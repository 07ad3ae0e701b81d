import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { appTest, tinyVideo, until } from './harness.mjs';

const root = new URL('../..', import.meta.url).pathname;

// A job record the database can no longer read is left out of History, and the view says so
// with the repair, as `memories history` does.
appTest('history: a damaged job record is reported with the repair command', async (first, { restart }) => {
  await first.upload([tinyVideo]);
  await first.crash();
  const dbs = readdirSync(first.dataDir, { recursive: true }).filter((f) => f.endsWith('memories.db'));
  // The upload's job is in the active profile's database; the others hold no job to break.
  const broken = dbs.filter((db) => {
    try {
      execFileSync('go', ['run', './scripts/breakjob', join(first.dataDir, db)], { cwd: root, stdio: 'pipe' });
      return true;
    } catch (e) {
      if (!String(e.stderr).includes('no job record')) throw e;
      return false;
    }
  });
  assert.equal(broken.length, 1, `job records broken in ${broken.join(', ')}`);
  const second = await restart();
  await second.page.getByRole('button', { name: 'History' }).click();
  const alert = second.page.getByRole('alert');
  await alert.waitFor();
  const text = await alert.innerText();
  assert.match(text, /1 record could not be read and is left out of this list/);
  assert.match(text, /memories doctor --repair/);
});

/** rowTops reads where each History row starts on screen, by its accessible name. */
const rowTops = (page) => page.getByRole('list', { name: 'Operations, newest first' }).getByRole('listitem')
  .evaluateAll((rows) => rows.map((r) => [r.getAttribute('aria-label'), Math.round(r.getBoundingClientRect().top)]));

// Rows must not move under the pointer while their jobs run and end (a click would hit another
// row): each row keeps its height from queued to done, also in a narrow window where the outcome
// takes a line of its own.
appTest('history: rows stay put while their uploads run and finish', async (h, { folder }) => {
  const { page } = h;
  await page.setViewportSize({ width: 860, height: 700 });
  const paths = ['one.mp4', 'two.mp4', 'three.mp4'].map((n) => {
    copyFileSync(tinyVideo, join(folder, n));
    return join(folder, n);
  });
  await h.upload([paths[0]]);
  // Each answer waits 3 s (under the e2e runs' 5 s response timeout), so the rows are measured
  // while the uploads still run, even on a busy machine.
  await h.faults({ latency: '3s' });
  await h.call('EnqueueUploads', { files: paths.slice(1).map((path) => ({ path })), meta: { tags: [], retainOriginal: true } });
  await page.keyboard.press('Control+5');
  const list = page.getByRole('list', { name: 'Operations, newest first' });
  await until(async () => (await list.getByRole('listitem').count()) === 3, { what: 'three History rows' });
  const before = await rowTops(page);
  const states = async () => (await h.call('Jobs', { kinds: ['upload_file'], limit: 10 })).jobs.map((j) => j.state);
  assert.ok((await states()).some((s) => s !== 'done'), 'the uploads ended before the rows were measured');
  await until(async () => (await states()).every((s) => s === 'done'), { what: 'the uploads done', timeout: 30000 });
  await list.getByText('Done').nth(2).waitFor();
  assert.deepEqual(await rowTops(page), before, 'History rows moved while their jobs ran');
});

// The SHA-256 of a download is shown whole (64 characters on screen, none cut), at 1280 and 860 px.
appTest('history: a download\'s SHA-256 shows all 64 characters', async (h, { folder }) => {
  const { page } = h;
  copyFileSync(tinyVideo, join(folder, 'clip.mp4'));
  const [up] = await h.upload([join(folder, 'clip.mp4')]);
  await h.dialogs({ save: join(folder, 'saved.mp4') });
  const { jobs: [dl] } = await h.call('DownloadVideos', [up.result.videoNos[0]]);
  await until(async () => (await h.call('Jobs', { kinds: ['download'], limit: 5 })).jobs
    .some((j) => j.id === dl.id && j.state === 'done'), { what: 'the download done' });
  await page.keyboard.press('Control+5');
  const row = page.getByRole('listitem', { name: 'Download saved.mp4' });
  await row.getByRole('button', { name: 'SHA-256' }).click();
  const field = row.getByLabel('SHA-256 of saved.mp4');
  await field.waitFor();
  for (const width of [1280, 860]) {
    await page.setViewportSize({ width, height: 760 });
    const sum = await field.inputValue();
    assert.match(sum, /^[0-9a-f]{64}$/);
    const fits = await field.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1);
    assert.ok(fits, `${width} px: the SHA-256 field cuts the sum`);
  }
});

import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { appTest, tinyVideo, until } from './harness.mjs';

/** subfolder makes the folder name in folder and returns its path. */
function subfolder(folder, name) {
  mkdirSync(join(folder, name));
  return join(folder, name);
}

/** uploadCopy uploads a copy of the test video named name through the app; returns its video number. */
async function uploadCopy(h, dir, name) {
  copyFileSync(tinyVideo, join(dir, name));
  const [job] = await h.upload([join(dir, name)]);
  return job.result.videoNos[0];
}

/**
 * slowDownload uploads a copy of the test video named name from folder/src, then downloads it to
 * folder/out/saveAs with the sandbox sending 400 B/s (about 17 s for the 6.8 KB file), and opens
 * Transfers; it returns the job, the out folder and the destination.
 */
async function slowDownload(h, folder, name, saveAs) {
  const out = subfolder(folder, 'out');
  const dest = join(out, saveAs);
  const videoNo = await uploadCopy(h, subfolder(folder, 'src'), name);
  await h.faults({ download_rate: 400 });
  await h.dialogs({ save: dest });
  const { jobs: [queued] } = await h.call('DownloadVideos', [videoNo]);
  await h.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Transfers' }).click();
  return { queued, out, dest };
}

/**
 * partOf is the path of the job's own partial file for dest (dest's name, the job id and a random
 * token: "slow.mp4.3-a1b2c3.part"), or null while there is none.
 */
function partOf(dest) {
  const dir = dirname(dest);
  const prefix = `${basename(dest)}.`;
  const parts = readdirSync(dir).filter((n) => n.startsWith(prefix) && n.endsWith('.part'));
  return parts.length === 1 ? join(dir, parts[0]) : null;
}

/** jobRow is the Transfers row of the job named name, within scope (the page or one section). */
function jobRow(scope, name) {
  const page = typeof scope.page === 'function' ? scope.page() : scope;
  return scope.getByRole('listitem').filter({ has: page.getByTestId('stage-badge') }).filter({ hasText: name });
}

appTest('download: one library video is saved to exactly the path chosen in the save dialog', async (h, { folder }) => {
  const src = subfolder(folder, 'src');
  const out = subfolder(folder, 'out');
  const chosen = join(out, 'chosen.mp4');
  const { page } = h;
  await uploadCopy(h, src, 'keepsake.mp4');
  await h.dialogs({ save: chosen }); // what the Go-side save dialog answers

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Library' }).click();
  await page.getByRole('checkbox', { name: 'Select keepsake.mp4' }).check();
  await page.getByText('1 video selected').waitFor();
  await page.getByRole('button', { name: 'Download…' }).click();
  await page.getByRole('status').filter({ hasText: '1 download queued.' }).waitFor();
  // The Go-side save dialog was asked once, offering the name the video was uploaded under.
  assert.deepEqual(await h.asked(), ['save:keepsake.mp4']);

  await page.getByRole('button', { name: 'Open Transfers' }).click();
  const row = jobRow(page, 'chosen.mp4');
  await row.filter({ hasText: 'Transfer: Downloaded' }).waitFor();
  await row.getByRole('button', { name: 'Show in folder: chosen.mp4' }).waitFor();

  assert.deepEqual(readdirSync(out), ['chosen.mp4'], 'the file alone, no .part left behind');
  assert.ok(readFileSync(chosen).equals(readFileSync(tinyVideo)), 'the downloaded bytes are the uploaded ones');
});

appTest('transfers: a running download is canceled (no partial file left), then retried to completion', async (h, { folder }) => {
  let part = null;
  const { page } = h;
  const { queued, out, dest } = await slowDownload(h, folder, 'long-way.mp4', 'slow.mp4');
  const active = page.getByRole('region', { name: /^In progress/ });
  const row = jobRow(active, 'slow.mp4');
  await row.filter({ hasText: 'Transfer: Downloading' }).waitFor();
  await until(() => (part = partOf(dest)) && statSync(part).size > 0, { what: 'the first bytes in the partial file' });

  // Cancel of a started job asks first; the partial file stays until the answer is yes.
  await row.getByRole('button', { name: 'Cancel slow.mp4' }).click();
  await row.getByText('Cancel and discard progress?').waitFor();
  assert.ok(existsSync(part), 'asking discards nothing');
  await row.getByRole('button', { name: 'Yes, cancel slow.mp4' }).click();
  const finished = page.getByRole('region', { name: /^Finished recently/ });
  const canceled = jobRow(finished, 'slow.mp4').filter({ hasText: 'Transfer: Canceled' });
  await canceled.waitFor();
  await page.getByText('Nothing in progress').waitFor();
  assert.equal((await h.call('Jobs', { states: ['canceled'] })).jobs.map((j) => j.id).join(), String(queued.id));
  await until(() => !existsSync(part), { what: 'the partial file to be removed' });
  assert.ok(!existsSync(dest), 'no file at the destination');

  await h.faults({}); // full speed for the retry
  await canceled.getByRole('button', { name: 'Retry slow.mp4' }).click();
  await jobRow(finished, 'slow.mp4').filter({ hasText: 'Transfer: Downloaded' }).waitFor();
  assert.equal(await jobRow(page, 'slow.mp4').count(), 1, 'the same job, retried, not a second one');
  assert.deepEqual(readdirSync(out), ['slow.mp4']);
  assert.ok(readFileSync(dest).equals(readFileSync(tinyVideo)));
  const [job] = (await h.call('Jobs', { kinds: ['download'] })).jobs;
  assert.equal(job.id, queued.id);
  assert.equal(job.state, 'done');
});

appTest('transfers: a paused download keeps its partial file and resumes from there, not from zero', async (h, { folder }) => {
  let part = null;
  const { page } = h;
  const { out, dest } = await slowDownload(h, folder, 'pause-me.mp4', 'paused.mp4');
  const row = jobRow(page, 'paused.mp4');
  await until(() => (part = partOf(dest)) && statSync(part).size >= 800, { what: 'some bytes in the partial file' });
  await row.getByRole('button', { name: 'Pause paused.mp4' }).click();
  await row.filter({ hasText: 'Transfer: Paused' }).waitFor();
  const kept = statSync(part).size;
  assert.ok(kept > 0, 'the partial file stays while paused');

  await h.faults({}); // full speed again
  await row.getByRole('button', { name: 'Resume paused.mp4' }).click();
  await jobRow(page, 'paused.mp4').filter({ hasText: 'Transfer: Downloaded' }).waitFor();
  assert.deepEqual(readdirSync(out), ['paused.mp4']);
  assert.ok(readFileSync(dest).equals(readFileSync(tinyVideo)), 'the resumed file is whole and exact');
  // The resumed request asked for the rest only: the server answered it 206 to a Range.
  const stats = await h.sandbox('/_sandbox/stats').then((r) => r.json());
  assert.equal(stats.downloads, 2, 'the first request and the resumed one');
  assert.equal(stats.partial_downloads, 1, 'the resumed request was a Range request');
});

import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appTest, otherVideo, tinyVideo, until } from './harness.mjs';

appTest('upload: a dropped folder is checked, tagged and uploaded once per video', async (h, { folder }) => {
  copyFileSync(tinyVideo, join(folder, 'clip-a.mp4'));
  copyFileSync(otherVideo, join(folder, 'clip-b.mp4'));
  copyFileSync(tinyVideo, join(folder, 'copy of a.mp4')); // the same bytes as clip-a.mp4
  writeFileSync(join(folder, 'notes.txt'), 'not a video\n');
  const { page } = h;
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Upload' }).click();
  // The drop zone names the formats and the limit the Go backend enforces (backend/formats).
  await page.getByTestId('drop-zone').getByText('Supported: .mp4 .mov .avi .mkv, up to 3 GB each.').waitFor();
  await h.drop([folder]); // the app's real OnFileDrop handler, with a real folder path

  // The three videos passed the checks; the copy is flagged as the same bytes as clip-a.mp4,
  // which would upload it twice, and is left out in one click.
  await page.getByRole('heading', { name: /^Ready to upload — 3 videos/ }).waitFor();
  await page.getByRole('status').filter({ hasText: '1 video listed twice' }).waitFor();
  const copy = page.getByRole('list', { name: 'Files to upload' }).getByRole('listitem').filter({ hasText: 'copy of a.mp4' });
  await copy.filter({ hasText: /Same bytes as clip-a\.mp4 above/ }).waitFor();
  await page.getByRole('button', { name: 'Leave it out' }).click();

  // The two videos are left; the text file is skipped with the backend's reason.
  await page.getByRole('heading', { name: /^Ready to upload — 2 videos/ }).waitFor();
  const files = page.getByRole('list', { name: 'Files to upload' }).getByRole('listitem');
  assert.equal(await files.count(), 2);
  for (const name of ['clip-a.mp4', 'clip-b.mp4']) {
    const row = files.filter({ hasText: name });
    assert.equal(await row.count(), 1, `${name} is listed once`);
    assert.match(await row.innerText(), /Ready to upload/);
  }
  await page.getByText('Skipped (1)').click(); // expand the collapsed list
  const skipped = page.getByRole('list', { name: 'Skipped files' }).getByRole('listitem');
  // The row is laid out in the first frame after the list opens; until then its innerText is
  // empty (as in media.test.mjs), so wait for the row's text on screen.
  const reason = await until(async () => (await skipped.count()) === 1 && (await skipped.innerText()), {
    what: 'the skipped row shown in the opened list',
  });
  assert.match(reason, /notes\.txt/);
  assert.match(reason, /"\.txt" files cannot be uploaded; use \.mp4/);
  assert.doesNotMatch(reason, /unsupported_ext/); // the reason in words; the code stays internal
  assert.match(reason, /Dismiss/);

  // A tag for the whole batch, then send it.
  const tags = page.getByLabel('Tags', { exact: true });
  await tags.fill('e2e-beach');
  await tags.press('Enter');
  await page.getByRole('list', { name: 'Tags added' }).getByText('e2e-beach').waitFor();
  await page.getByRole('button', { name: 'Upload 2 videos' }).click();
  await page.getByRole('status').filter({ hasText: '2 videos queued — they upload' }).waitFor();
  assert.equal(await page.getByRole('list', { name: 'Files to upload' }).count(), 0, 'the batch is cleared');

  // Transfers shows both sent, each now followed through the server's indexing.
  await page.getByRole('button', { name: 'Open Transfers' }).click();
  await page.getByRole('heading', { name: 'Transfers' }).waitFor();
  const jobs = page.getByRole('listitem').filter({ has: page.getByTestId('stage-badge') });
  for (const name of ['clip-a.mp4', 'clip-b.mp4']) {
    await jobs.filter({ hasText: name }).filter({ hasText: 'Transfer: Uploaded' }).waitFor();
  }
  assert.equal(await jobs.count(), 2, 'one job per video');

  // The server holds exactly two videos, both with the tag (shown once indexed): nothing was
  // sent twice.
  const tagged = await until(async () => {
    const vs = await h.serverVideos({ tag: 'e2e-beach' });
    return vs.length >= 2 && vs;
  }, { what: 'two indexed videos tagged e2e-beach on the server' });
  const all = await h.serverVideos();
  assert.equal(all.length, 2, `server videos: ${all.map((v) => v.video_no)}`);
  assert.deepEqual(tagged.map((v) => v.video_no).sort(), all.map((v) => v.video_no).sort());
  // And the app's library agrees after a refresh: the user's tag kept, the app's marker tag
  // hidden (the service adds its own "api" tag to uploads).
  await h.call('RefreshLibrary');
  const cached = await h.call('Library', { tag: 'e2e-beach' });
  assert.equal(cached.videos.length, 2);
  for (const v of cached.videos) {
    assert.ok(v.tags.includes('e2e-beach'), `tags of ${v.videoNo}: ${v.tags}`);
    assert.ok(!v.tags.some((t) => t.startsWith('md-')), `marker tag leaked: ${v.tags}`);
  }

  // Dropped again, all three files are recognised by their bytes as already uploaded, before
  // any upload is spent, and can be left out in one click.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Upload' }).click();
  await h.drop([folder]);
  await page.getByRole('status').filter({ hasText: '3 videos already uploaded' }).waitFor();
  const again = page.getByRole('list', { name: 'Files to upload' }).getByRole('listitem');
  for (const name of ['clip-a.mp4', 'clip-b.mp4', 'copy of a.mp4']) {
    // Waited for, not read once: the summary can be told a frame before each row is redrawn.
    await again.filter({ hasText: name }).filter({ hasText: /Already uploaded as VI\d+ on / }).waitFor();
  }
  await page.getByRole('button', { name: 'Leave them out' }).click();
  assert.equal(await page.getByRole('list', { name: 'Files to upload' }).count(), 0);
});

import assert from 'node:assert/strict';
import { appTest, until } from './harness.mjs';

// A paste as people make them: tracking parameters, a short link, a stray sentence, and the same
// YouTube video twice in different spellings.
const paste = [
  'https://www.tiktok.com/@travelbyte/video/7301234567890123456',
  'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s',
  'https://youtu.be/jNQXAC9IVRw?si=Xy12AbCdEfGh&feature=shared',
  'https://www.instagram.com/reel/C1a2b3c4d5E/?igsh=MWd4c2lwZ3Bq',
  'see you at the beach',
  'https://youtu.be/dQw4w9WgXcQ?si=trackingToken123',
].join('\n');

appTest('import: a mixed paste is planned per platform, imported and followed to its videos', async (h) => {
  const { page } = h;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.url });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Import' }).click();
  await page.getByRole('tab', { name: 'Platform links', selected: true }).waitFor();

  // Paste for real: the text goes through the system clipboard and Ctrl+V into the link box.
  const box = page.getByLabel('Links, one per line');
  await page.evaluate((t) => navigator.clipboard.writeText(t), paste);
  await box.focus();
  await page.keyboard.press('Control+V');
  assert.equal(await box.inputValue(), paste);

  // The plan: the stray line by its number, duplicates removed, one task per platform.
  await page.getByRole('status').filter({
    hasText: '6 lines: 4 links (TikTok 1, YouTube 2, Instagram 1) in 3 tasks; 1 duplicate; 1 invalid',
  }).waitFor();
  const problems = page.getByRole('list', { name: 'Problems' }).getByRole('listitem');
  assert.equal(await problems.count(), 1);
  assert.match(await problems.innerText(), /^Line 5\s+see you at the beach\s+— no link found on this line$/);
  const plan = page.getByRole('table', { name: /The plan: 3 tasks/ });
  const rows = plan.getByRole('row');
  assert.equal(await rows.count(), 4); // header + one per task
  assert.deepEqual(await rows.evaluateAll((trs) => trs.slice(1).map((tr) => tr.innerText.split('\t'))), [
    ['1', 'TikTok', '1 link'], ['2', 'YouTube', '2 links'], ['3', 'Instagram', '1 link'],
  ]);
  await page.getByRole('list', { name: 'Warnings' }).getByText('1 duplicate link will be imported once.').waitFor();

  // A quality (only YouTube honours it), then import.
  await page.getByLabel('Quality').selectOption('480');
  await page.getByRole('button', { name: 'Import 4 links in 3 tasks (skipping 1 invalid line)' }).click();
  await page.getByText('3 import tasks queued').waitFor();
  assert.equal(await box.inputValue(), '', 'the box is emptied once queued');

  // Each task appears and is followed until its videos exist and are indexed.
  const tasks = page.getByRole('list', { name: 'Imported tasks' }).getByRole('listitem')
    .filter({ has: page.getByRole('list', { name: 'Server progress' }) });
  assert.equal(await tasks.count(), 3);
  const expected = { 'TikTok · 1 link': 1, 'YouTube · 2 links': 2, 'Instagram · 1 link': 1 };
  for (const [title, videos] of Object.entries(expected)) {
    const task = tasks.filter({ hasText: title });
    await task.getByText('Indexed — in your library').waitFor({ timeout: 30000 });
    await task.getByText(`${videos} video${videos > 1 ? 's' : ''}`, { exact: true }).waitFor();
  }

  // The server made exactly the four posts' videos; YouTube's at the chosen quality.
  const vids = await h.serverVideos();
  assert.deepEqual(vids.map((v) => v.video_name).sort(), [
    'instagram_C1a2b3c4d5E', 'tiktok_7301234567890123456', 'youtube_dQw4w9WgXcQ', 'youtube_jNQXAC9IVRw',
  ]);
  for (const v of vids.filter((v) => v.video_name.startsWith('youtube_'))) assert.equal(v.height, 480);
  assert.equal((await (await h.sandbox('/_sandbox/stats')).json()).imports, 3);
});

appTest('import: a direct video URL is refused with bad coordinates, then sent with its details', async (h) => {
  const { page } = h;
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Import' }).click();
  await page.getByRole('tab', { name: 'Direct URL' }).click();
  const url = page.getByLabel('Video URL');
  await url.fill('ftp://example.com/clip.mp4');
  await page.getByText('Use an http:// or https:// address.').waitFor();
  const send = page.getByRole('button', { name: 'Upload from URL' });
  assert.equal(await send.isDisabled(), true, 'nothing is sent for a non-http URL');

  await url.fill('https://media.example.com/trips/harbour.mp4');
  const tags = page.getByLabel('Tags', { exact: true });
  await tags.fill('e2e-harbour');
  await tags.press('Enter');
  await page.getByLabel('GPS latitude').fill('123');
  await page.getByLabel('GPS longitude').fill('10');
  await send.click();
  // The backend's check, shown beside the field; nothing queued.
  const lat = page.getByLabel('GPS latitude');
  await until(async () => (await lat.getAttribute('aria-invalid')) === 'true', { what: 'latitude marked invalid' });
  assert.equal((await h.call('Jobs', {})).jobs.length, 0);

  await lat.fill('43.2965');
  await page.getByRole('button', { name: 'Upload from URL' }).click();
  await page.getByRole('status').filter({ hasText: 'Queued' }).waitFor();
  const done = await until(async () => {
    const { jobs } = await h.call('Jobs', { kinds: ['upload_url'] });
    return jobs.length === 1 && jobs[0].state === 'done' && jobs[0];
  }, { what: 'the URL upload to finish' });
  const [video] = await until(async () => {
    const vs = await h.serverVideos({ tag: 'e2e-harbour' });
    return vs.length === 1 && vs;
  }, { what: 'the indexed video with its tag' });
  assert.deepEqual([video.video_no], done.result.videoNos);
});

import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { appTest, until } from './harness.mjs';

const media = new URL('../../backend/media/testdata/', import.meta.url).pathname;

/** localInput writes a UTC instant as a datetime-local value in this computer's zone, as the backend does. */
function localInput(iso) {
  const d = new Date(iso);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

appTest('upload form shows the file\'s capture time, marked from file', async (h, { folder }) => {
  for (const name of ['hevc-tags.mov', 'mpeg4.avi', 'text.mp4']) copyFileSync(join(media, name), join(folder, name));
  const { page } = h;
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Upload' }).click();
  await h.drop([folder]);
  await page.getByRole('heading', { name: /^Ready to upload — 1 video/ }).waitFor();

  // The one video: what its container holds, and its capture details filled in, marked.
  const row = page.getByRole('list', { name: 'Files to upload' }).getByRole('listitem');
  // Rows (content-visibility: auto) show their text from the first frame they are laid out in.
  const rowText = await until(async () => {
    const text = await row.innerText();
    return text.includes('hevc-tags.mov') && text;
  }, { what: 'the video\'s row on screen' });
  assert.match(rowText, /H\.265\/HEVC · 64×36 · 25 fps/);
  const taken = page.getByLabel('Capture time', { exact: true });
  assert.equal(await taken.inputValue(), localInput('2024-06-01T09:15:30Z'));
  await page.locator('#batch-takenAt-source').filter({ hasText: 'From file' }).waitFor();
  assert.equal(await page.getByLabel('Camera model', { exact: true }).inputValue(), 'Apple iPhone 15 Pro');
  assert.equal(await page.getByLabel('GPS latitude').inputValue(), '48.8584');
  await page.locator('#batch-gps-source').waitFor();

  // The preview is served by opaque id, with Range, and nothing else is.
  const src = await row.locator('video').getAttribute('src');
  assert.match(src, /^\/preview\/[0-9a-f]{32}\/video\.mov#t=0\.1$/);
  const ranged = await page.evaluate(async (u) => {
    const r = await fetch(u.split('#')[0], { headers: { Range: 'bytes=0-7' } });
    return { status: r.status, bytes: new Uint8Array(await r.arrayBuffer()).length };
  }, src);
  assert.deepEqual(ranged, { status: 206, bytes: 8 });
  const stranger = await page.evaluate(async (p) => (await fetch(`/preview/${p}`)).status, join(folder, 'text.mp4'));
  assert.equal(stranger, 404);

  // The others are refused with the reason, the codec named.
  await page.getByText('Skipped (2)').click();
  // Likewise the skipped rows are laid out in the first frame after the list opens; until then
  // the open list's innerText is empty, so wait for both rows to be on screen.
  const list = page.getByRole('list', { name: 'Skipped files' });
  const skipped = await until(async () => {
    const text = await list.innerText();
    return text.includes('mpeg4.avi') && text.includes('text.mp4') && text;
  }, { what: 'both skipped files shown in the opened list' });
  assert.match(skipped, /mpeg4\.avi[\s\S]*its video is MPEG-4 Part 2, which the service cannot index/);
  assert.match(skipped, /text\.mp4[\s\S]*it is not a video/);

  // Overriding one field keeps the others from the file; the upload carries them.
  const camera = page.getByLabel('Camera model', { exact: true });
  await camera.fill('Field camera');
  assert.equal(await page.locator('#batch-camera-source').count(), 0, 'a changed value is no longer marked');
  await page.getByRole('button', { name: 'Upload 1 video' }).click();
  await page.getByRole('status').filter({ hasText: '1 video queued' }).waitFor();
  const [video] = await until(async () => {
    const vs = await h.serverVideos();
    return vs.length === 1 && vs[0].camera_model && vs;
  }, { what: 'the uploaded video with its details on the server' });
  assert.equal(video.camera_model, 'Field camera');
  assert.equal(video.latitude, 48.8584);
});

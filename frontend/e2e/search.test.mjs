import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, tinyVideo, until } from './harness.mjs';

/** uploadBeach uploads the tiny video as beach.mp4 (the sandbox's beach vocabulary) and waits until it is indexed. */
async function uploadBeach(h, folder) {
  const path = join(folder, 'beach.mp4');
  copyFileSync(tinyVideo, path);
  const [job] = await h.upload([path], { tags: ['beach'] });
  const no = job.result.videoNos[0];
  await until(async () => (await h.serverVideos()).some((v) => v.video_no === no && v.status === 'PARSE'), { what: 'beach.mp4 indexed' });
  return { path, no };
}

// Ctrl+K from the Library, a search in the sandbox, moments with their keyframes, and a moment of
// a video uploaded from this computer playing from its own file at the matched time.
test('search: Ctrl+K, moments with keyframes, a moment plays the local copy at its time', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'memories-e2e-search-'));
  const h = await start();
  try {
    const { page } = h;
    const { no } = await uploadBeach(h, folder);
    await page.keyboard.press('Control+3');
    await page.getByRole('heading', { name: 'Library' }).waitFor();
    await page.keyboard.press('Control+k');
    const box = page.getByRole('searchbox', { name: 'Search the library' });
    await box.waitFor();
    assert.equal(await box.evaluate((el) => el === document.activeElement), true, 'Ctrl+K did not focus the search box');
    await box.fill('a dog running on the beach');
    await box.press('Enter');
    const list = page.getByRole('list', { name: 'Moments' });
    const first = list.getByRole('button').first();
    await first.waitFor();
    const label = await first.getAttribute('aria-label');
    assert.match(label, /^beach\.mp4, \d+:\d\d(–\d+:\d\d)?$/, 'a moment names the local file and its span');
    await list.locator('[data-keyframe="shown"] img').first().waitFor();
    const natural = await list.locator('img').first().evaluate((img) => img.naturalWidth);
    assert.ok(natural > 0, 'the keyframe picture did not load');
    const answer = await h.call('Find', { mode: 'seen', text: 'a dog running on the beach' });
    const m = answer.moments.find((x) => x.video_no === no);
    assert.ok(answer.cached, 'the same search again was not answered from the kept answer');
    await first.click();
    const video = page.locator('video[aria-label="Playing beach.mp4"]');
    await video.waitFor();
    const src = await video.getAttribute('src');
    assert.ok(src.endsWith(`#t=${answer.moments[0].start}`), `the player starts at the moment (${src})`);
    assert.ok(m, 'the search answer holds the uploaded video');
    // What's said: the spoken words that matched are marked (the sandbox's beach lines).
    await page.getByText("What's said").click();
    await box.fill('look waves love water dog');
    await box.press('Enter');
    await list.locator('mark').first().waitFor();
    const marked = await list.locator('mark').allInnerTexts();
    assert.ok(marked.every((w) => /^(look|waves|love|water|dog)$/i.test(w)), `marked ${marked.join(', ')}`);
    // The recent searches list both, newest first.
    const recent = await h.call('RecentSearches');
    assert.deepEqual(recent.map((r) => r.text), ['look waves love water dog', 'a dog running on the beach']);
  } finally {
    await h.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

// Out of credits: the view says 0402 and what to do, and keeps what was typed.
test('search: out of credits (0402) says what to do', async () => {
  const h = await start();
  try {
    const { page } = h;
    await h.faults({ no_credits: true });
    await page.keyboard.press('Control+k');
    const box = page.getByRole('searchbox', { name: 'Search the library' });
    await box.fill('birthday cake');
    await box.press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    assert.match(text, /out of credits \(0402\)/);
    assert.match(text, /add credits/);
    assert.equal(await box.inputValue(), 'birthday cake');
  } finally {
    await h.faults({}).catch(() => {});
    await h.stop();
  }
});

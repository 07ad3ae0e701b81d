import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { appTest, tinyVideo, until } from './harness.mjs';

appTest('resume: after a crash mid-upload the app offers to resume, and the upload finishes once', async (first, { folder, restart }) => {
  const file = join(folder, 'interrupted.mp4');
  copyFileSync(tinyVideo, file);
  // The sandbox holds its reply for a minute: the upload is in flight when the app dies.
  await first.faults({ reply_delay: '60s' });
  const [job] = await first.call('EnqueueUploads', { files: [{ path: file }], meta: { tags: [], retainOriginal: true } });
  await until(async () => (await first.call('Jobs', { states: ['running'] })).jobs.some((j) => j.id === job.id),
    { what: 'the upload to start' });
  await new Promise((r) => setTimeout(r, 500)); // the bytes are on their way
  await first.crash();

  // The restarted app (same data folder; a fresh sandbox, which never answered) asks first.
  const second = await restart();
  const { page } = second;
  const prompt = page.getByRole('dialog', { name: '1 transfer did not finish last time' });
  await prompt.waitFor();
  assert.match(await prompt.innerText(), /interrupted\.mp4/);
  await prompt.getByRole('button', { name: 'Resume all' }).click();
  await prompt.waitFor({ state: 'detached' });

  // Reconciled with the server (nothing arrived there), sent again, done: one video, one job.
  const done = await until(async () => {
    const { jobs } = await second.call('Jobs', { kinds: ['upload_file'] });
    return jobs.length === 1 && jobs[0].state === 'done' && jobs[0];
  }, { what: 'the resumed upload to finish' });
  assert.equal(done.id, job.id, 'the same job, resumed');
  const onServer = await second.serverVideos();
  assert.deepEqual(onServer.map((v) => v.video_no), done.result.videoNos);
});

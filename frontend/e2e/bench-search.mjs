// Search benchmark in Chromium (scripts/bench-search.sh runs it): the real Go App in sandbox mode
// behind the e2e harness, one indexed video and the sandbox answering every search with 1,000
// moments. For RUNS different queries it times the answer's render and the scroll to the end,
// and counts the keyframes asked against the rows on screen; then it repeats the last search and
// checks the service saw no request. Prints one JSON object on stdout.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, tinyVideo, until } from './harness.mjs';
import { onScreen, scrollToEnd, watchAnswers } from './searchprobe.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const words = ['beach', 'dog', 'waves', 'sand', 'boat', 'sunset', 'ocean', 'people', 'red', 'walking'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const folder = mkdtempSync(join(tmpdir(), 'memories-bench-search-'));
const h = await start();
try {
  const { page } = h;
  const path = join(folder, 'beach.mp4');
  copyFileSync(tinyVideo, path);
  const [job] = await h.upload([path], { tags: ['beach'] });
  const no = job.result.videoNos[0];
  await until(async () => (await h.serverVideos()).some((v) => v.video_no === no && v.status === 'PARSE'), { what: 'indexed' });
  await h.faults({ search_items: 1000 });
  const stats = async () => (await h.sandbox('/_sandbox/stats')).json();
  await page.keyboard.press('Control+k');
  const box = page.getByRole('searchbox', { name: 'Search the library' });
  const render = [], scroll = [], asked = [], shown = [];
  // search types a query, waits for its rows and keyframes on screen; returns the render time.
  const search = async (text) => {
    await page.evaluate(watchAnswers);
    await box.fill(text);
    await box.press('Enter');
    const r = await page.evaluate(() => window.__rendered);
    if (r.moments !== 1000) throw new Error(`${r.moments} moments, not 1,000`);
    return r.ms;
  };
  const keyframesShown = (rows) => until(() => page.evaluate((ids) => ids.every((i) =>
    document.querySelector(`#moment-row-${i} [data-keyframe="shown"] img`)?.complete), rows), { what: 'keyframes on screen' });
  for (let i = 0; i < runs; i++) {
    render.push(await search(`a ${words[i % words.length]} on the beach ${i}`));
    const top = await page.evaluate(onScreen);
    await keyframesShown(top);
    scroll.push(await page.evaluate(scrollToEnd, 999));
    const bottom = await page.evaluate(onScreen);
    await keyframesShown(bottom);
    asked.push((await page.evaluate(() => window.__keyframes)).length);
    shown.push(top.length + bottom.length);
  }
  // The last search again: answered from the kept answer, no request to the service.
  const before = await stats();
  const t0 = Date.now();
  const cachedRender = await search(`a ${words[(runs - 1) % words.length]} on the beach ${runs - 1}`);
  const cachedWall = Date.now() - t0;
  const after = await stats();
  const cached = await page.getByText(/kept answer from/).count();
  process.stdout.write(JSON.stringify({
    runs, render_ms: render, scroll_ms: scroll, render_median_ms: median(render), scroll_median_ms: median(scroll),
    keyframes_asked: asked, rows_on_screen: shown,
    repeat: { render_ms: cachedRender, wall_ms: cachedWall, searches_sent: after.searches - before.searches,
      calls_sent: after.calls - before.calls, said_kept: cached > 0 },
    chromium: await page.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? ''),
  }) + '\n');
} finally {
  await h.faults({}).catch(() => {});
  await h.stop();
  rmSync(folder, { recursive: true, force: true });
}

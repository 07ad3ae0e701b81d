import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { appTest, tinyVideo, until } from './harness.mjs';

/** videoIn returns a function that puts a named copy of the test video in folder and returns its path. */
function videoIn(folder) {
  return (name) => {
    copyFileSync(tinyVideo, join(folder, name));
    return join(folder, name);
  };
}

/** rowsOf reads the library grid's data rows as { name, no, status } (header row left out). */
async function rowsOf(grid) {
  return grid.getByRole('row').filter({ has: grid.page().getByRole('gridcell') }).evaluateAll((rows) => rows.map((r) => {
    const cells = [...r.querySelectorAll('[role=gridcell]')];
    // The name cell starts with the video's preview; its last two texts are the title and number.
    const [title, no] = [...cells[1].querySelectorAll('span')].slice(-2).map((s) => s.textContent.trim());
    return { name: title, no, status: cells[2].textContent.trim() };
  }));
}

/**
 * waitRows waits until the grid's data rows, as [name or number, status] pairs sorted by name,
 * equal `want` (the list updates after a debounce, so the earlier rows linger for a moment).
 */
async function waitRows(grid, want, what) {
  let last = [];
  const key = (r) => r.name;
  await until(async () => {
    last = (await rowsOf(grid)).sort((a, b) => key(a).localeCompare(key(b)));
    return JSON.stringify(last.map((r) => [r.name, r.status])) === JSON.stringify(want);
  }, { timeout: 10000, what: `${what}: ${JSON.stringify(want)}; showing ${JSON.stringify(last)}` });
  return last;
}

appTest('library: refresh shows the server\'s videos with their status; search and status filter narrow the rows', async (h, { folder }) => {
  const file = videoIn(folder);
  const { page } = h;
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Library' }).click();
  await page.getByText('No videos in this scope yet').waitFor(); // the first visit's refresh found nothing
  const grid = page.getByRole('grid', { name: 'Videos' });

  // Three uploads through the app: one the server fails to index, two it indexes.
  await h.faults({ fail_parse: true });
  await h.upload([file('city-walk.mp4')]);
  await h.faults({});
  await h.upload([file('harbour-sunset.mp4'), file('harbour-morning.mp4')], { tags: ['coast'] });
  // The app lists its own uploads at once (from its cache, without a refresh).
  await waitRows(grid, [['city-walk.mp4', 'Indexing'], ['harbour-morning.mp4', 'Indexing'],
    ['harbour-sunset.mp4', 'Indexing']], 'the app\'s own uploads');
  // Let the server finish indexing those three, then a fourth video arrives from elsewhere.
  await until(async () => {
    const vs = await h.serverVideos();
    return vs.length === 3 && vs.every((v) => v.status !== 'UNPARSE');
  }, { what: 'the server to index the three uploads' });
  // Held in processing: it reads "Indexing" however long the steps below take on a busy machine
  // (otherwise the app's next status poll, 10 s on, may find it ready).
  await h.faults({ hold_parse: true });
  const other = await h.uploadElsewhere(tinyVideo, 'phone-clip.mp4');
  // The server's stored name of a video this app did not upload is all the app knows it by.
  const otherRow = [other.videoName, 'Indexing'];

  // Only a refresh from the server brings the other device's video and the final statuses.
  assert.ok(!(await rowsOf(grid)).some((r) => r.no === other.videoNo), 'listed before any refresh');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.getByRole('status').filter({ hasText: 'Synced with the server' }).waitFor();
  const all = [['city-walk.mp4', 'Failed'], ['harbour-morning.mp4', 'Ready'], ['harbour-sunset.mp4', 'Ready'], otherRow]
    .sort((a, b) => a[0].localeCompare(b[0]));
  const rows = await waitRows(grid, all, 'after Refresh');
  assert.equal(rows.find((r) => r.name === other.videoName).no, other.videoNo);
  await page.getByText('4 videos', { exact: true }).waitFor();

  // Search by name narrows the rows as the user types.
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill('harbour');
  await waitRows(grid, [['harbour-morning.mp4', 'Ready'], ['harbour-sunset.mp4', 'Ready']], 'search "harbour"');
  await page.getByText('2 videos match', { exact: true }).waitFor();
  await search.fill('MORNING');
  await waitRows(grid, [['harbour-morning.mp4', 'Ready']], 'search "MORNING"');
  await search.fill(other.videoNo); // the video number works too
  await waitRows(grid, [otherRow], 'search by number');
  await search.fill('');
  await waitRows(grid, all, 'search cleared');

  // The status filter.
  const status = page.getByRole('search', { name: 'Filter videos' }).getByRole('combobox', { name: 'Status' });
  await status.selectOption({ label: 'Ready' });
  await waitRows(grid, [['harbour-morning.mp4', 'Ready'], ['harbour-sunset.mp4', 'Ready']], 'Ready');
  await status.selectOption({ label: 'Failed' });
  await waitRows(grid, [['city-walk.mp4', 'Failed']], 'Failed');
  await status.selectOption({ label: 'Indexing' });
  await waitRows(grid, [otherRow], 'Indexing');
  // Filters combine: indexing videos named "harbour" — none, and the view says so.
  await search.fill('harbour');
  await page.getByText('No videos match these filters').waitFor();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await waitRows(grid, all, 'filters cleared');
  assert.equal(await status.inputValue(), '');
  assert.equal(await search.inputValue(), '');
});

appTest('library: deleting two selected videos asks with the real count, then removes them from the server', async (h, { folder }) => {
  const file = videoIn(folder);
  const { page } = h;
  await h.faults({ hold_parse: true }); // they stay "Indexing" however slow the steps below
  await h.upload([file('keep.mp4'), file('drop-one.mp4'), file('drop-two.mp4')]);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Library' }).click();
  const grid = page.getByRole('grid', { name: 'Videos' });
  await waitRows(grid, [['drop-one.mp4', 'Indexing'], ['drop-two.mp4', 'Indexing'], ['keep.mp4', 'Indexing']], 'three uploads');

  await page.getByLabel('Select drop-one.mp4').check();
  await page.getByLabel('Select drop-two.mp4').check();
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('dialog', { name: 'Delete 2 videos?' });
  await dialog.waitFor();
  const listed = await dialog.getByRole('listitem').allInnerTexts();
  assert.deepEqual(listed.sort(), ['drop-one.mp4', 'drop-two.mp4']);
  // Cancel deletes nothing.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.equal((await h.serverVideos()).length, 3);

  await page.keyboard.press('Delete');
  await dialog.getByRole('button', { name: 'Delete 2 videos' }).click();
  await dialog.waitFor({ state: 'detached' });
  await waitRows(grid, [['keep.mp4', 'Indexing']], 'after the delete');
  const left = await until(async () => {
    const vs = await h.serverVideos();
    return vs.length === 1 && vs;
  }, { what: 'one video left on the server' });
  const kept = (await h.call('Library', {})).videos;
  assert.deepEqual(kept.map((v) => v.videoNo), left.map((v) => v.video_no));
});

// The drawer must show what the server answered: the bound VideoDetails goes through the same
// JSON as in the real window (unknown coordinates and all), so a value the page cannot render
// fails here (harness.mjs turns page errors into failures).
appTest('library: a click on a row opens the drawer with the video number and status; its player is shown full size', async (h, { folder }) => {
  const file = videoIn(folder);
  const { page } = h;
  await h.faults({ hold_parse: true }); // it stays "Indexing" however slow the steps below
  const [job] = await h.upload([file('harbour.mp4')]);
  const no = job.result.videoNos[0];
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Library' }).click();
  const grid = page.getByRole('grid', { name: 'Videos' });
  await waitRows(grid, [['harbour.mp4', 'Indexing']], 'the upload');

  await grid.getByText(no).click();
  const drawer = page.getByRole('complementary', { name: 'harbour.mp4' });
  await drawer.getByText('Video number').waitFor({ timeout: 5000 });
  assert.equal(await drawer.locator('code').first().innerText(), no);
  assert.match(await drawer.innerText(), /Status\s+(Indexing|Ready)/);
  assert.equal(await drawer.getByText('Loading details…').count(), 0);

  // The row's own player opens above everything, not inside the 44 px row, full size even
  // before the video's metadata comes in (held back here, as a loaded machine may).
  await page.route(/\/preview\//, () => {});
  await grid.getByRole('button', { name: 'Play harbour.mp4' }).click();
  const player = page.getByRole('dialog', { name: 'Playing harbour.mp4' });
  await player.waitFor();
  const box = await player.boundingBox();
  assert.ok(box && box.width >= 600 && box.height >= 300, `the player is ${JSON.stringify(box)}`);
  const onTop = await player.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
  });
  assert.ok(onTop, 'the player is covered by something else');
});

/** cutCells lists the Library cells whose text does not fit (cut by an ellipsis or a clamp). */
const cutCells = (grid) => grid.locator('.title, .date').evaluateAll((els) => els
  .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
  .map((el) => el.textContent.trim()));

appTest('library: at 860 px, and at 1180 px with the drawer open, the sidebar is icons and names and dates are whole', async (h, { folder }) => {
  const file = videoIn(folder);
  const { page } = h;
  await h.faults({ hold_parse: true }); // they stay "Indexing" through both widths, however slow
  await h.upload([file('harbour-sunset.mp4'), file('noaudio-beach.mp4')]);
  for (const [width, drawer] of [[860, false], [1180, true]]) {
    await page.setViewportSize({ width, height: 760 });
    await page.keyboard.press('Control+3');
    const grid = page.getByRole('grid', { name: 'Videos' });
    await waitRows(grid, [['harbour-sunset.mp4', 'Indexing'], ['noaudio-beach.mp4', 'Indexing']], `${width} px`);
    const nav = page.getByRole('navigation', { name: 'Views' });
    if (drawer) {
      // At the default size the names show until the drawer takes their width.
      // The sidebar follows the width on the next frame (a media query's change event).
      await until(async () => (await nav.boundingBox()).width > 200,
        { what: `${width} px: the sidebar to show its names before the drawer opens` });
      await grid.getByText('noaudio-beach.mp4').click();
      await page.getByRole('complementary', { name: 'noaudio-beach.mp4' }).getByText('Video number').waitFor();
    }
    await until(async () => (await nav.boundingBox()).width <= 64, { what: `${width} px: the sidebar to be icons only` });
    assert.equal(await nav.getByRole('button', { name: 'Library' }).getAttribute('title'), 'Library (Ctrl+3)');
    assert.deepEqual(await cutCells(grid), [], `${width} px: cut off`);
  }
});

appTest('library: the date filters read and write days as German does, in a German app', async (h, { folder }) => {
  const { page } = h;
  await page.getByRole('navigation', { name: 'Ansichten' }).getByRole('button', { name: 'Mediathek' }).click();
  await h.upload([videoIn(folder)('harbour-sunset.mp4')]);
  const grid = page.getByRole('grid', { name: 'Videos' });
  const names = (want, what) => until(async () => JSON.stringify((await rowsOf(grid)).map((r) => r.name)) === JSON.stringify(want),
    { timeout: 10000, what });
  await names(['harbour-sunset.mp4'], 'the upload listed');
  const from = page.getByRole('textbox', { name: 'Von', exact: true });
  assert.equal(await from.getAttribute('placeholder'), 'TT.MM.JJJJ');
  const day = (d) => [d.getDate(), d.getMonth() + 1, d.getFullYear()].map((n) => String(n).padStart(2, '0')).join('.');
  const tomorrow = new Date(Date.now() + 86_400_000);
  // A day typed the German way, confirmed with Enter, filters; the field shows it as German writes it.
  await from.fill(day(tomorrow).replace(/^0/, ''));
  await from.press('Enter');
  await names([], 'no video from tomorrow on');
  assert.equal(await from.inputValue(), day(tomorrow));
  // What is no day is marked and keeps the filter; today's date brings the video back.
  await from.fill('31.02.2026');
  await from.press('Enter');
  assert.equal(await from.getAttribute('aria-invalid'), 'true');
  await from.fill(day(new Date()));
  await from.press('Enter');
  await names(['harbour-sunset.mp4'], 'the video from today on');
  await page.getByRole('button', { name: 'Von: im Kalender wählen' }).waitFor();
}, { lang: 'de_DE.UTF-8' });

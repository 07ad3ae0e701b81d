import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { start, tinyVideo } from './harness.mjs';

const root = new URL('../..', import.meta.url).pathname;

// A job record the database can no longer read is left out of History, and the view says so
// with the repair, as `memories history` does.
test('history: a damaged job record is reported with the repair command', async () => {
  const first = await start();
  let second;
  try {
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
    second = await start({ dataDir: first.dataDir });
    await second.page.getByRole('button', { name: 'History' }).click();
    const alert = second.page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    assert.match(text, /1 record could not be read and is left out of this list/);
    assert.match(text, /memories doctor --repair/);
  } finally {
    await (second ?? first).stop();
  }
});

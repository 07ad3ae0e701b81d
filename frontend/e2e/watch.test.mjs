import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { otherVideo, start } from './harness.mjs';

// Settings → Watch folders against the real backend: the folder chosen in the (stubbed) folder
// dialog is watched at once; the edit dialog's settle time is saved; a video copied in is uploaded
// by the app on its own, counted in the row (the real JSON of Watches) and named in Transfers.
test('watch folders: add, edit, a copied video is uploaded and named in Transfers', async () => {
  const h = await start();
  const folder = join(mkdtempSync(join(tmpdir(), 'memories-e2e-watch-')), 'Clips');
  mkdirSync(folder);
  try {
    const { page } = h;
    await h.dialogs({ folder });
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Add folder…' }).click();
    const row = page.getByRole('listitem', { name: 'Watch Clips' });
    await row.getByText('Watching', { exact: true }).waitFor();
    assert.deepEqual(await h.asked(), ['folder']);

    await page.getByRole('button', { name: 'Edit watch Clips' }).click();
    const dialog = page.getByRole('dialog', { name: 'Watch ‘Clips’' });
    await dialog.getByLabel('Settle time (seconds)').fill('0.5');
    await dialog.getByLabel('Tags of the uploads').fill('cam');
    await dialog.getByLabel('Tags of the uploads').press('Enter');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await row.getByText('settles 0.5 s').waitFor();
    await row.getByText('tags cam').waitFor();

    copyFileSync(otherVideo, join(folder, 'take.mp4'));
    await row.getByText(/1 seen · 1 uploaded · 0 waiting/).waitFor({ timeout: 20000 });
    const saved = (await h.call('Watches'))[0];
    assert.equal(saved.config.settleMs, 500);
    assert.deepEqual(saved.config.tags, ['cam']);

    await page.getByRole('button', { name: 'Transfers' }).click();
    await page.getByText('from watch ‘Clips’').waitFor();
  } finally {
    await h.stop();
  }
});

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appTest } from './harness.mjs';

// A drop with nothing the app can use leaves the user where they were and says why: a .pdf on
// Transfers (it used to jump to Upload with "No new videos to add"), a .txt without links on
// Upload (it used to switch to Import and add "notes" as an invalid link).
appTest('drops: a .pdf on Transfers and a .txt without links on Upload stay put and say why', async (h, { folder }) => {
  const { page } = h;
  const pdf = join(folder, 'notes.pdf');
  const txt = join(folder, 'notes.txt');
  writeFileSync(pdf, '%PDF-1.4\n');
  writeFileSync(txt, 'notes\nbring towels\n');
  const toasts = page.getByRole('region', { name: 'Notifications' });

  await page.keyboard.press('Control+4');
  await page.getByRole('heading', { name: 'Transfers', level: 1 }).waitFor();
  await h.drop([pdf]);
  await toasts.getByText(/^No video added — notes\.pdf: ".pdf" files cannot be uploaded/).waitFor();
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Transfers');

  await page.keyboard.press('Control+1');
  await page.getByRole('heading', { name: 'Upload', level: 1 }).waitFor();
  await h.drop([txt]);
  await toasts.getByText(/^notes\.txt not added — it has no web links/).waitFor();
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Upload');
  await page.keyboard.press('Control+2');
  assert.equal(await page.getByRole('textbox', { name: /links/i }).first().inputValue(), '');
});

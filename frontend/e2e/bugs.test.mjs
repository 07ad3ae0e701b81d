import assert from 'node:assert/strict';
import { appTest } from './harness.mjs';

// A bound method that panics (here: every backend call, once the harness breaks the backend)
// still answers the page: the view shows that an internal error stopped it and to report it
// with the log, instead of waiting forever.
appTest('bugs: a panicking bound call shows an internal error with the way to report it', async (h) => {
  const res = await fetch(`${h.url}/_e2e/break-backend`, { method: 'POST' });
  assert.equal(res.status, 204);
  await h.page.getByRole('button', { name: 'History' }).click();
  const notice = h.page.getByText('Could not read the history').locator('..');
  await notice.waitFor();
  const text = await h.page.locator('main').innerText();
  assert.match(text, /ran into an internal error and stopped this action/);
  assert.match(text, /report it with the log/);
});

import assert from 'node:assert/strict';
import { appTest } from './harness.mjs';

appTest('settings: invalid scope is refused beside the field, a valid one is saved', async (h) => {
  const { page } = h;
  await page.getByRole('button', { name: 'Settings' }).click();
  const scope = page.getByLabel('Scope (unique_id)');
  await scope.fill('my scope');
  await scope.press('Tab'); // committing the field saves it
  await page.getByText('Scope may not contain spaces').waitFor();
  assert.equal(await scope.getAttribute('aria-invalid'), 'true');
  assert.equal((await h.call('Status')).scope, 'default', 'the refused scope was not saved');
  await scope.fill('holiday_2025');
  await scope.press('Tab');
  await page.getByText('Saved.', { exact: true }).waitFor();
  assert.equal((await h.call('Status')).scope, 'holiday_2025');
  await page.getByText('Scope: holiday_2025').waitFor(); // the status bar follows the event
});

appTest('settings: sandbox connection test reports success', async (h) => {
  await h.page.getByRole('button', { name: 'Settings' }).click();
  await h.page.getByRole('button', { name: 'Test connection' }).click();
  const result = h.page.getByRole('status').filter({ hasText: 'Connected' });
  await result.waitFor();
  assert.match(await result.innerText(), /Tested: the local sandbox/);
  assert.doesNotMatch(await result.innerText(), /key works|accepted the key/);
});

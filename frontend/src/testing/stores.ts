// What every view test starts from: mocks cleared and the app-wide stores a view leans on empty.
import { vi } from 'vitest';
import { jobs } from '../lib/stores/jobs.svelte';
import { toasts } from '../lib/stores/toasts.svelte';

/** freshStores clears every mock and empties the jobs and toasts stores. */
export function freshStores() {
  vi.resetAllMocks();
  jobs.byId = {};
  jobs.progress = {};
  jobs.batchIds = [];
  toasts.items = [];
}

import { render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Announcer from '../components/Announcer.svelte';
import JobRow from '../../views/transfers/JobRow.svelte';
import QueueSummary from '../../views/transfers/QueueSummary.svelte';
import { announcer, progressEvery } from './announcer.svelte';
import { jobs } from './jobs.svelte';
import { JobState } from '../bridge/contract';
import type { contract } from '../../../wailsjs/go/models';

const job = (over: Partial<contract.JobView> = {}) =>
  ({ id: 7, kind: 'upload_file', name: 'beach.mp4', state: JobState.Running, updated: 1, created: 1, ...over }) as contract.JobView;

describe('announcer', () => {
  afterEach(() => vi.useRealTimers());

  it('reads transfer progress out at most once per interval, though it moves 4 times a second', () => {
    vi.useFakeTimers();
    render(Announcer);
    const region = screen.getByRole('status');
    jobs.apply(job(), false);
    const before = announcer.count;
    for (let tick = 0; tick < 4 * 25; tick++) { // 25 s of progress batches
      jobs.applyProgress([{ id: 7, done: tick, total: 100, speed: 1, eta: 1, percent: tick }]);
      vi.advanceTimersByTime(250);
    }
    // 0 s, 10 s and 20 s: three lines in 25 s, not a hundred
    expect(announcer.count - before).toBe(Math.ceil((25_000) / progressEvery));
    flushSync();
    expect(region).toHaveTextContent('beach.mp4: 80%');
  });

  it('reads a retry once when it starts, not its countdown', () => {
    render(Announcer);
    const before = announcer.count;
    const retry = { at: Date.now() + 8000, cause: 'connection refused', failures: 1, of: 5, rateLimited: false };
    jobs.apply(job({ id: 8, updated: 2, retry } as Partial<contract.JobView>), true);
    jobs.apply(job({ id: 8, updated: 3, retry } as Partial<contract.JobView>), true); // the same wait, again
    expect(announcer.count - before).toBe(1);
    flushSync();
    expect(screen.getByRole('status')).toHaveTextContent(/^beach\.mp4: Retrying in \d+ sec \(connection refused\) · try 2 of 5$/);
  });

  it('reads a repeated line again, as a new node', () => {
    render(Announcer);
    announcer.say('Same');
    flushSync();
    const first = screen.getByText('Same');
    announcer.say('Same');
    flushSync();
    expect(screen.getByText('Same')).not.toBe(first);
  });

  it('leaves what ticks (the queue summary, a retry countdown) out of live regions', () => {
    const retry = { at: Date.now() + 8000, cause: 'connection refused', failures: 1, of: 5, rateLimited: false };
    const j = job({ id: 9, updated: 4, retry } as Partial<contract.JobView>);
    jobs.apply(j, true);
    jobs.applyProgress([{ id: 9, done: 10, total: 100, speed: 1, eta: 1, percent: 10 }]);
    render(QueueSummary);
    render(JobRow, { job: j, progress: jobs.progress[9] });
    flushSync();
    const ticking = [...document.body.querySelectorAll('*')].filter((el) =>
      el.children.length === 0 && /Retrying in|done ·/.test(el.textContent ?? ''));
    expect(ticking.length).toBeGreaterThanOrEqual(2);
    for (const el of ticking) expect(live(el), el.textContent!).toBe('off');
  });
});

/** live is the politeness a screen reader gives changes of el: its nearest live region's, else off. */
function live(el: Element | null): string {
  for (; el; el = el.parentElement) {
    const set = el.getAttribute('aria-live');
    if (set) return set;
    if (['status', 'log'].includes(el.getAttribute('role') ?? '')) return 'polite';
    if (el.getAttribute('role') === 'alert') return 'assertive';
  }
  return 'off';
}

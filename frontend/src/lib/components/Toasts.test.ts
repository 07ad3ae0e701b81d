import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Toasts from './Toasts.svelte';
import { toasts } from '../stores/toasts.svelte';

beforeEach(() => {
  vi.useFakeTimers();
  toasts.items = [];
});
afterEach(() => vi.useRealTimers());

/** showToasts draws the toasts after push adds some. */
function showToasts(push: () => void) {
  render(Toasts);
  push();
  flushSync();
}

/** after lets ms pass on the fake clock and draws what changed. */
function after(ms: number) {
  vi.advanceTimersByTime(ms);
  flushSync();
}

describe('Toasts', () => {
  it('a failure dismisses itself after a while, still read out as an alert meanwhile', () => {
    showToasts(() => toasts.push('error', '1 upload failed', 'clip.mp4: Could not reach 127.0.0.1:9.'));
    expect(screen.getByRole('alert')).toHaveTextContent('1 upload failed');
    after(19_000);
    expect(screen.queryByRole('alert')).not.toBeNull();
    after(1_000);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('stays while the pointer is on it, and counts again from when it leaves', () => {
    showToasts(() => toasts.push('success', '3 downloads finished'));
    const toast = screen.getByRole('status');
    fireEvent.pointerEnter(toast);
    after(60_000);
    expect(screen.getByRole('status')).toHaveTextContent('3 downloads finished');
    fireEvent.pointerLeave(toast);
    after(5_900);
    expect(screen.queryByRole('status')).not.toBeNull();
    after(200);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows at most three at once, the newest', () => {
    showToasts(() => {
      for (let i = 1; i <= 5; i++) toasts.push('error', `failure ${i}`);
    });
    expect(screen.getAllByRole('alert').map((t) => t.textContent?.trim().split('×')[0].trim())).toEqual(['failure 3', 'failure 4', 'failure 5']);
  });
});

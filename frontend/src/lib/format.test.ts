import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatEta, formatWait } from './format';

describe('format', () => {
  it('renders sizes 1024-based and survives odd input', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB');
    expect(formatBytes(NaN)).toBe('0 B');
    expect(formatBytes(-5)).toBe('0 B');
  });
  it('renders durations, ETAs and waits', () => {
    expect(formatDuration(65)).toBe('1:05');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatEta(-1)).toBe('—');
    expect(formatWait(43_000)).toBe('0:43');
    expect(formatWait(1)).toBe('0:01');
  });
});

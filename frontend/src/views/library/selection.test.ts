import { describe, expect, it } from 'vitest';
import { Selection } from './selection.svelte';

const order = ['a', 'b', 'c', 'd', 'e', 'f'];

describe('Selection', () => {
  it('toggles rows and extends a Shift range from the last clicked row, both directions', () => {
    const s = new Selection();
    s.pick(order, 1, false);
    s.pick(order, 4, true);
    expect(s.list(order)).toEqual(['b', 'c', 'd', 'e']);
    s.pick(order, 5, false);
    s.pick(order, 5, false);
    expect(s.has('f')).toBe(false);
    s.pick(order, 0, true);
    expect(s.list(order)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('starts a Shift range at the clicked row when nothing was clicked before', () => {
    const s = new Selection();
    s.pick(order, 3, true);
    expect(s.list(order)).toEqual(['d']);
  });

  it('selects all, clears, and forgets rows that disappeared', () => {
    const s = new Selection();
    s.all(order);
    expect(s.size).toBe(6);
    s.retain(['a', 'c', 'z']);
    expect(s.list(order)).toEqual(['a', 'c']);
    s.clear();
    expect(s.size).toBe(0);
  });
});

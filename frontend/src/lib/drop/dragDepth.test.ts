import { describe, expect, it } from 'vitest';
import { dragDepth } from './dragDepth';

describe('dragDepth', () => {
  it('is over from the first enter until as many leaves, or the end of the drag', () => {
    const seen: boolean[] = [];
    const d = dragDepth((over) => seen.push(over));
    d.enter(); // the element
    d.enter(); // a child
    d.leave(); // out of the child, still over the element
    expect(seen).toEqual([true]);
    d.leave();
    expect(seen).toEqual([true, false]);
    d.leave(); // a stray leave does not go below zero: the next enter is over at once
    d.enter();
    expect(seen).toEqual([true, false, true]);
    d.enter();
    d.end();
    d.end();
    expect(seen).toEqual([true, false, true, false]);
  });
});

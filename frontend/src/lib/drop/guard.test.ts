import { fireEvent } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Dropped } from './classify';
import { dragOver, guardWindow } from './guard.svelte';

function transfer(entries: Record<string, string>) {
  return { types: Object.keys(entries), getData: (t: string) => entries[t] ?? '', dropEffect: 'none' };
}

describe('window drop guard', () => {
  let remove = () => {};
  afterEach(() => {
    remove();
    document.body.innerHTML = '';
    vi.useRealTimers();
  });

  it('claims a drop on a text box, so nothing navigates and the browser types nothing in', async () => {
    const got: Dropped[] = [];
    remove = guardWindow(window, (d) => got.push(d));
    document.body.innerHTML = '<textarea></textarea>';
    const box = document.querySelector('textarea')!;
    const data = transfer({ 'text/uri-list': 'https://youtu.be/x\r\n', 'text/plain': 'https://youtu.be/x' });
    expect(await fireEvent.dragOver(box, { dataTransfer: data })).toBe(false); // false: default prevented
    expect(data.dropEffect).toBe('copy');
    expect(await fireEvent.drop(box, { dataTransfer: data })).toBe(false);
    expect(got).toEqual([{ kind: 'text', text: 'https://youtu.be/x' }]);
    expect(box.value).toBe('');
  });

  it('shows the overlay while drags go on and hides it when they stop or drop', async () => {
    vi.useFakeTimers();
    remove = guardWindow(window, () => {});
    const data = transfer({ 'text/uri-list': 'file:///v/a.mov' });
    await fireEvent.dragEnter(document.body, { dataTransfer: data });
    expect(dragOver.active).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(dragOver.active).toBe(false); // the drag left the window
    await fireEvent.dragOver(document.body, { dataTransfer: data });
    await fireEvent.drop(document.body, { dataTransfer: data });
    expect(dragOver.active).toBe(false);
  });

  it('stops guarding once removed', async () => {
    guardWindow(window, () => {})();
    expect(await fireEvent.dragOver(document.body, { dataTransfer: transfer({ 'text/plain': 'x' }) })).toBe(true);
  });
});

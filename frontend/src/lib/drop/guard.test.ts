import { fireEvent } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
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

  it('shows the overlay from the first enter until the drag leaves the window or drops', async () => {
    remove = guardWindow(window, () => {});
    document.body.innerHTML = '<main><p>text</p></main>';
    const [main, p] = [document.querySelector('main')!, document.querySelector('p')!];
    const data = transfer({ 'text/uri-list': '', 'text/html': '' });
    await fireEvent.dragEnter(main, { dataTransfer: data });
    await fireEvent.dragEnter(p, { dataTransfer: data }); // into a child: still over the window
    await fireEvent.dragLeave(main, { dataTransfer: data });
    expect(dragOver.active).toBe(true);
    await fireEvent.dragLeave(p, { dataTransfer: data }); // out of the window
    expect(dragOver.active).toBe(false);
    await fireEvent.dragEnter(main, { dataTransfer: data });
    await fireEvent.drop(main, { dataTransfer: data });
    expect(dragOver.active).toBe(false);
    await fireEvent.dragEnter(main, { dataTransfer: data });
    await fireEvent.mouseMove(main); // a drag cancelled outside: the next pointer move ends it
    expect(dragOver.active).toBe(false);
  });

  it('stops guarding once removed', async () => {
    guardWindow(window, () => {})();
    expect(await fireEvent.dragOver(document.body, { dataTransfer: transfer({ 'text/plain': 'x' }) })).toBe(true);
  });
});

import { fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import VirtualList, { visibleRange } from './VirtualList.svelte';

interface Item {
  name: string;
}

const items: Item[] = Array.from({ length: 20_000 }, (_, i) => ({ name: `Item ${i}` }));
const row = createRawSnippet((item: () => Item) => ({ render: () => `<div role="gridcell">${item().name}</div>` }));
const placeholder = createRawSnippet(() => ({ render: () => `<div role="gridcell">Loading…</div>` }));

function setup(props: Record<string, unknown> = {}) {
  const utils = render(VirtualList<Item>, { items, rowHeight: 40, label: 'Things', columns: '1fr', row, ...props });
  const grid = screen.getByRole('grid', { name: 'Things' });
  const scroller = grid.querySelector<HTMLElement>('.scroller')!;
  return { ...utils, grid, scroller };
}

const renderedNames = () => screen.getAllByRole('gridcell').map((c) => c.textContent);

function scrollTo(scroller: HTMLElement, top: number) {
  scroller.scrollTop = top;
  return fireEvent.scroll(scroller);
}

describe('visibleRange', () => {
  it('covers the viewport plus overscan, clamped to the list', () => {
    expect(visibleRange(0, 400, 40, 20_000, 5)).toEqual({ start: 0, end: 15 });
    expect(visibleRange(4000, 400, 40, 20_000, 5)).toEqual({ start: 95, end: 115 });
    expect(visibleRange(1e9, 400, 40, 100, 5)).toEqual({ start: 95, end: 100 });
    expect(visibleRange(0, 400, 40, 0, 5)).toEqual({ start: 0, end: 0 });
  });
});

describe('VirtualList', () => {
  it('opens a row on one click; a double or Shift press on it selects no cell text', async () => {
    const onrowclick = vi.fn();
    const { grid } = setup({ onrowclick });
    const cell = screen.getByText('Item 3');
    expect(await fireEvent.mouseDown(cell, { detail: 1 })).toBe(true); // a drag can still select text
    await fireEvent.click(cell, { detail: 1 });
    expect(onrowclick).toHaveBeenCalledWith(3, expect.anything());
    expect(await fireEvent.mouseDown(cell, { detail: 2 })).toBe(false); // default (text selection) prevented
    expect(await fireEvent.mouseDown(cell, { detail: 1, shiftKey: true })).toBe(false);
    expect(grid).toHaveFocus();
    expect(grid).toHaveClass('clickable');
  });

  it('renders only a window of rows for 20,000 items and reports the full count', () => {
    const { grid } = setup();
    const rows = screen.getAllByRole('row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(grid).toHaveAttribute('aria-rowcount', '20000');
    expect(renderedNames()).toContain('Item 0');
    expect(renderedNames()).not.toContain('Item 100');
  });

  it('renders a different slice after scrolling, positioned by row index', async () => {
    const { scroller } = setup();
    await scrollTo(scroller, 10_000 * 40);
    const names = renderedNames();
    expect(names).toContain('Item 10000');
    expect(names).not.toContain('Item 0');
    expect(names.length).toBeLessThan(60);
    const row = screen.getByText('Item 10000').closest('[role="row"]')!;
    expect(row).toHaveAttribute('aria-rowindex', '10001');
    const first = Number(screen.getAllByRole('row')[0].getAttribute('data-index'));
    expect((row.parentElement as HTMLElement).style.transform).toBe(`translateY(${first * 40}px)`);
    expect(row.previousElementSibling?.getAttribute('data-index')).toBe('9999'); // rows in index order
  });

  it('keeps at least one viewport of rows rendered either side of the view', async () => {
    const { scroller } = setup();
    await scrollTo(scroller, 10_000 * 40);
    const indices = screen.getAllByRole('row').map((r) => Number(r.getAttribute('data-index')));
    expect(Math.min(...indices)).toBeLessThanOrEqual(10_000 - 15); // jsdom's assumed 600 px = 15 rows
    expect(Math.max(...indices)).toBeGreaterThanOrEqual(10_000 + 15 + 15 - 1);
  });

  it('moves the active row with arrows, Home and End, keeping it rendered', async () => {
    const onactivate = vi.fn();
    const { grid } = setup({ onactivate });
    grid.focus();
    await fireEvent.keyDown(grid, { key: 'ArrowDown' });
    await fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(grid).toHaveAttribute('aria-activedescendant', 'vl-row-2');
    await fireEvent.keyDown(grid, { key: 'End' });
    expect(grid).toHaveAttribute('aria-activedescendant', 'vl-row-19999');
    expect(screen.getByText('Item 19999')).toBeInTheDocument();
    await fireEvent.keyDown(grid, { key: 'ArrowUp' });
    await fireEvent.keyDown(grid, { key: 'Enter' });
    expect(onactivate).toHaveBeenCalledWith(19998);
    await fireEvent.keyDown(grid, { key: 'Home' });
    expect(grid).toHaveAttribute('aria-activedescendant', 'vl-row-0');
    expect(screen.getByText('Item 0')).toBeInTheDocument();
  });

  it('lets the owner handle a key first', async () => {
    const onkey = vi.fn((e: KeyboardEvent) => e.preventDefault());
    const { grid } = setup({ onkey });
    await fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(onkey).toHaveBeenCalledWith(expect.any(KeyboardEvent), 0);
    expect(grid).toHaveAttribute('aria-activedescendant', 'vl-row-0');
  });

  it('reports row clicks with their index', async () => {
    const onrowclick = vi.fn();
    const { grid } = setup({ onrowclick });
    await fireEvent.click(screen.getByText('Item 3'));
    expect(onrowclick).toHaveBeenCalledWith(3, expect.any(MouseEvent));
    expect(grid).toHaveAttribute('aria-activedescendant', 'vl-row-3');
  });

  it('asks for rows past the loaded ones and shows placeholders meanwhile', async () => {
    const onneed = vi.fn();
    const { scroller } = setup({ items: items.slice(0, 1000), count: 20_000, onneed, placeholder });
    expect(onneed).not.toHaveBeenCalled();
    await scrollTo(scroller, 990 * 40);
    expect(onneed).toHaveBeenCalled();
    expect(onneed.mock.lastCall![0]).toBeGreaterThanOrEqual(1000);
    expect(renderedNames()).toContain('Item 999');
    expect(renderedNames()).toContain('Loading…');
  });
});

import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { nav } from '../stores/nav.svelte';
import Sidebar from './Sidebar.svelte';

/** windowWidth makes matchMedia answer as a window of the given width would. */
function windowWidth(width: number) {
  vi.stubGlobal('matchMedia', (q: string) => ({
    matches: Number(/max-width: (\d+)px/.exec(q)?.[1] ?? 0) >= width,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
}

describe('Sidebar', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    nav.panelOpen = false;
  });

  it('collapses to icons in a narrow window, each button keeping its name and a tooltip', () => {
    windowWidth(860);
    render(Sidebar);
    const nav = screen.getByRole('navigation', { name: 'Views' });
    expect(nav).toHaveClass('compact');
    const library = screen.getByRole('button', { name: 'Library' });
    expect(library).toHaveAttribute('title', 'Library (Ctrl+3)');
  });

  it('keeps the names at the default 1180 px, and gives their width up while the drawer is open', () => {
    windowWidth(1180);
    render(Sidebar);
    const bar = screen.getByRole('navigation', { name: 'Views' });
    expect(bar).not.toHaveClass('compact');
    nav.panelOpen = true;
    flushSync();
    expect(bar).toHaveClass('compact');
    expect(nav.sidebarCompact).toBe(true);
  });

  it('shows the names, without tooltips, in a wide window', () => {
    windowWidth(1280);
    render(Sidebar);
    expect(screen.getByRole('navigation', { name: 'Views' })).not.toHaveClass('compact');
    expect(screen.getByRole('button', { name: 'Library' })).not.toHaveAttribute('title');
  });
});

import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
  afterEach(() => vi.unstubAllGlobals());

  it('collapses to icons in a narrow window, each button keeping its name and a tooltip', () => {
    windowWidth(860);
    render(Sidebar);
    const nav = screen.getByRole('navigation', { name: 'Views' });
    expect(nav).toHaveClass('compact');
    const library = screen.getByRole('button', { name: 'Library' });
    expect(library).toHaveAttribute('title', 'Library (Ctrl+3)');
  });

  it('shows the names, without tooltips, in a wide window', () => {
    windowWidth(1280);
    render(Sidebar);
    expect(screen.getByRole('navigation', { name: 'Views' })).not.toHaveClass('compact');
    expect(screen.getByRole('button', { name: 'Library' })).not.toHaveAttribute('title');
  });
});

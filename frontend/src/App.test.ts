import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

// The whole shell with a bridge that never answers (every call pending, every event silent): what
// is tested here is the keyboard, which needs no data.
vi.mock('./lib/bridge', async (orig) => ({
  ...(await orig<typeof import('./lib/bridge')>()),
  bridge: new Proxy({}, {
    get: (_, name: string) => (name.startsWith('on') ? () => () => {} : name === 'setTitle' ? () => {} : () => new Promise(() => {})),
  }),
}));
const { default: App } = await import('./App.svelte');
const { shortcutGroups } = await import('./lib/shortcuts');
const { t } = await import('./lib/i18n/i18n.svelte');
const { nav } = await import('./lib/stores/nav.svelte');

const sheet = () => screen.queryByRole('dialog', { name: 'Keyboard shortcuts' });

describe('keyboard shortcuts sheet', () => {
  it('opens with F1 or Ctrl+/, traps Tab, closes with Escape and gives the focus back to the opener', async () => {
    const user = userEvent.setup();
    render(App);
    const opener = within(screen.getByRole('navigation', { name: 'Views' })).getByRole('button', { name: 'Library' });
    opener.focus();
    await user.keyboard('{F1}');
    const dialog = await waitFor(() => sheet()!);
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    // Tab and Shift+Tab never leave the sheet
    for (let i = 0; i < 3; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    await user.tab({ shift: true });
    expect(dialog.contains(document.activeElement)).toBe(true);
    // a view shortcut waits while the sheet is open
    const before = nav.current;
    await user.keyboard('{Control>}3{/Control}');
    expect(nav.current).toBe(before);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(sheet()).toBeNull());
    expect(opener).toHaveFocus();

    await user.keyboard('{Control>}/{/Control}');
    await waitFor(() => expect(sheet()).not.toBeNull());
    await user.click(within(sheet()!).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(sheet()).toBeNull());

    // and from the status bar, by its button
    const button = screen.getByRole('button', { name: 'Keyboard shortcuts' });
    button.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(sheet()).not.toBeNull());
    await user.keyboard('{Escape}');
    await waitFor(() => expect(button).toHaveFocus());
  });

  it('lists every view shortcut, and each one opens its view with the focus on its heading', async () => {
    const user = userEvent.setup();
    render(App);
    await user.keyboard('{F1}');
    const dialog = await waitFor(() => sheet()!);
    const listed = shortcutGroups[0].items.filter((i) => /^Ctrl\+\d$/.test(i.keys[0]));
    expect(listed.map((i) => i.keys[0]).sort()).toEqual(['1', '2', '3', '4', '5', '6', '7'].map((d) => `Ctrl+${d}`));
    for (const item of listed) expect(within(dialog).getByText(t(item.what, { view: t(item.view!) }))).toBeInTheDocument();
    await user.keyboard('{Escape}');
    for (const item of listed) {
      await user.keyboard(`{Control>}${item.keys[0].slice(-1)}{/Control}`);
      const name = t(item.view!);
      await waitFor(() => expect(screen.getByRole('heading', { level: 1, name })).toHaveFocus());
    }
  });

  it('keeps the views\' own shortcuts (Ctrl+F in Library and History) away while the sheet is open', async () => {
    const user = userEvent.setup();
    render(App);
    for (const key of ['3', '5']) {
      await user.keyboard(`{Control>}${key}{/Control}`);
      await user.keyboard('{F1}');
      const dialog = await waitFor(() => sheet()!);
      await user.keyboard('{Control>}f{/Control}');
      expect(dialog.contains(document.activeElement)).toBe(true);
      await user.keyboard('{Escape}');
      await waitFor(() => expect(sheet()).toBeNull());
    }
  });
});

import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import NeedsKey from './NeedsKey.svelte';
import { Mode } from '../bridge/contract';

vi.mock('../bridge', (orig) => import('../../testing/bridge').then((b) => b.fakeBridge(orig, [
  'getSettings', 'saveSettings', 'status', 'onStatus',
])));
const { bridge } = await import('../bridge');
const { nav } = await import('../stores/nav.svelte');
const { status } = await import('../stores/status.svelte');

describe('NeedsKey', () => {
  it('turns sandbox mode on in one click and shows it at once', async () => {
    const settings = { scope: 'default', sandbox: false };
    vi.mocked(bridge.getSettings).mockResolvedValue({ settings } as never);
    vi.mocked(bridge.saveSettings).mockImplementation(async (s) => s);
    vi.mocked(bridge.status).mockResolvedValue({ mode: Mode.Sandbox, profile: 'sandbox' } as never);
    render(NeedsKey, { action: 'Uploading' });
    expect(screen.getByRole('note')).toHaveTextContent('Uploading needs one');
    await userEvent.click(screen.getByRole('button', { name: 'Use the sandbox' }));
    expect(bridge.saveSettings).toHaveBeenCalledWith(expect.objectContaining({ sandbox: true, scope: 'default' }));
    expect(status.value?.mode).toBe('sandbox');
  });

  it('opens Settings to add a key', async () => {
    render(NeedsKey, { action: 'Importing' });
    await userEvent.click(screen.getByRole('button', { name: 'Add a key…' }));
    expect(nav.current).toBe('settings');
  });
});

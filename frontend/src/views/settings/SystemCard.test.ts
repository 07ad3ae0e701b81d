import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import SystemCard from './SystemCard.svelte';
import { ErrorCode } from '../../lib/bridge/contract';

vi.mock('../../lib/bridge', (orig) => import('../../testing/bridge').then((b) => b.fakeBridge(orig, [
  'getSystem', 'setNotifications', 'setStartAtLogin',
])));
const { bridge } = await import('../../lib/bridge');

const entry = '/home/u/.config/autostart/memories-desktop.desktop';
const state = (over = {}) => ({ notifications: true, startAtLogin: false, canStart: true, loginEntry: entry, ...over });

describe('SystemCard', () => {
  beforeEach(() => vi.resetAllMocks());

  it('shows both switches as the backend has them and saves each change at once', async () => {
    vi.mocked(bridge.getSystem).mockResolvedValue(state() as never);
    vi.mocked(bridge.setStartAtLogin).mockResolvedValue(state({ startAtLogin: true }) as never);
    vi.mocked(bridge.setNotifications).mockResolvedValue(state({ startAtLogin: true, notifications: false }) as never);
    render(SystemCard);
    const notify = await screen.findByRole('checkbox', { name: /Notify when watched uploads finish/ });
    const login = screen.getByRole('checkbox', { name: /Start Memories Desktop when I log in/ });
    expect(notify).toBeChecked();
    expect(login).not.toBeChecked();
    expect(screen.getByText((_, el) => el?.localName === 'code' && el.textContent === entry)).toBeInTheDocument();
    await userEvent.click(login);
    expect(bridge.setStartAtLogin).toHaveBeenCalledWith(true);
    await vi.waitFor(() => expect(login).toBeChecked());
    await userEvent.click(notify);
    expect(bridge.setNotifications).toHaveBeenCalledWith(false);
    await vi.waitFor(() => expect(notify).not.toBeChecked());
  });

  it('flips back and says why when the entry cannot be written', async () => {
    vi.mocked(bridge.getSystem).mockResolvedValue(state() as never);
    vi.mocked(bridge.setStartAtLogin).mockRejectedValue({ code: ErrorCode.Internal, message: 'permission denied' });
    render(SystemCard);
    const login = await screen.findByRole('checkbox', { name: /Start Memories Desktop when I log in/ });
    await userEvent.click(login);
    expect(await screen.findByRole('alert')).toHaveTextContent('permission denied');
    await vi.waitFor(() => expect(login).not.toBeChecked());
  });

  it('says start at login is not available where there is no login entry', async () => {
    vi.mocked(bridge.getSystem).mockResolvedValue(state({ canStart: false, loginEntry: '',
      note: 'start at login is not available on this system' }) as never);
    render(SystemCard);
    const login = await screen.findByRole('checkbox', { name: /Start Memories Desktop when I log in/ });
    expect(login).toBeDisabled();
    expect(screen.getByText(/not available on this system/)).toBeInTheDocument();
  });
});

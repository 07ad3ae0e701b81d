import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import SettingsView from './SettingsView.svelte';
import { ErrorCode } from '../../lib/bridge/contract';

const state = {
  settings: { scope: 'default', baseUrl: 'https://api.memories.ai', assetBaseUrl: 'https://mavi-backend.memories.ai',
    downloadDir: '/home/me/Downloads', sandbox: false, theme: 'system', concurrency: 2, pacing: true, historyDays: 180 },
  key: { set: true, masked: 'sk-m••••••••3456', storage: 'file' },
  dataDir: '/home/me/.config/memories-desktop',
  version: '1.4.2',
  logFile: '/home/me/.config/memories-desktop/logs/memories-desktop.log',
};

vi.mock('../../lib/bridge', (orig) => import('../../testing/bridge').then((b) => b.fakeBridge(orig, [
  'getSettings', 'saveSettings', 'setAPIKey', 'clearAPIKey', 'chooseFolder', 'openLogFolder', 'getSystem',
], { watches: async () => [], onWatchChanged: () => () => {} })));
const { bridge } = await import('../../lib/bridge');
const mocked = vi.mocked(bridge);

describe('SettingsView', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    mocked.getSettings.mockResolvedValue(structuredClone(state) as never);
    mocked.getSystem.mockResolvedValue({ notifications: true, startAtLogin: false, canStart: true, loginEntry: '/e' } as never);
  });

  it('shows the version and the log file, and opens the log folder', async () => {
    render(SettingsView);
    expect(await screen.findByTestId('app-version')).toHaveTextContent('Version 1.4.2');
    expect(screen.getByText((_, el) => el?.localName === 'code' && el.textContent === state.logFile)).toBeInTheDocument();
    mocked.openLogFolder.mockRejectedValue({ code: ErrorCode.Internal, message: 'No file manager answered.' });
    await userEvent.click(screen.getByRole('button', { name: 'Open log folder' }));
    expect(mocked.openLogFolder).toHaveBeenCalled();
    expect(await screen.findByRole('alert')).toHaveTextContent('No file manager answered.');
  });

  it('shows the masked key and where it is stored, never the key itself', async () => {
    render(SettingsView);
    expect(await screen.findByLabelText('masked key')).toHaveTextContent('sk-m••••••••3456');
    expect(screen.getByText(/file only your user can read/)).toBeInTheDocument();
  });

  it('puts a field error from the backend beside that field', async () => {
    mocked.saveSettings.mockRejectedValue({ code: ErrorCode.InvalidField, field: 'scope', message: 'Scope may not contain spaces.' });
    render(SettingsView);
    const scope = await screen.findByLabelText('Scope (unique_id)');
    await userEvent.clear(scope);
    await userEvent.type(scope, 'my scope');
    await userEvent.tab(); // committing the field saves it
    expect(await screen.findByRole('alert')).toHaveTextContent('Scope may not contain spaces.');
    expect(scope).toHaveAttribute('aria-invalid', 'true');
    expect(mocked.saveSettings).toHaveBeenCalledWith(expect.objectContaining({ scope: 'my scope' }));
  });

  it('turns request pacing off and sets how long history is kept', async () => {
    mocked.saveSettings.mockImplementation(async (s) => s);
    render(SettingsView);
    const pacing = await screen.findByRole('checkbox', { name: /Pace requests/ });
    expect(pacing).toBeChecked();
    await userEvent.click(pacing);
    const days = screen.getByLabelText('Keep history (days)');
    await userEvent.clear(days);
    await userEvent.type(days, '30');
    await userEvent.tab();
    expect(mocked.saveSettings).toHaveBeenNthCalledWith(1, expect.objectContaining({ pacing: false }));
    await waitFor(() => expect(mocked.saveSettings).toHaveBeenLastCalledWith(expect.objectContaining({ pacing: false, historyDays: 30 })));
  });

  it('applies the sandbox switch at once, with no save button to forget', async () => {
    mocked.saveSettings.mockImplementation(async (s) => s);
    render(SettingsView);
    await userEvent.click(await screen.findByRole('checkbox', { name: /Sandbox mode/ }));
    expect(mocked.saveSettings).toHaveBeenCalledWith(expect.objectContaining({ sandbox: true }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Save settings/ })).toBeNull();
  });

  it('stores a new key and clears the input', async () => {
    mocked.setAPIKey.mockResolvedValue({ set: true, masked: 'sk-n••••••••9999', storage: 'keychain' } as never);
    render(SettingsView);
    const input = await screen.findByLabelText('Replace key');
    await userEvent.type(input, 'sk-new-key-9999');
    await userEvent.click(screen.getByRole('button', { name: 'Save key' }));
    await waitFor(() => expect(screen.getByLabelText('masked key')).toHaveTextContent('sk-n••••••••9999'));
    expect(mocked.setAPIKey).toHaveBeenCalledWith('sk-new-key-9999');
    expect(input).toHaveValue('');
    expect(screen.getByText(/operating system’s keychain/)).toBeInTheDocument();
  });
});

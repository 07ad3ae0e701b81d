import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import ConnectionTest from './ConnectionTest.svelte';
import { ErrorCode, Mode } from '../../lib/bridge/contract';

vi.mock('../../lib/bridge', () => ({ bridge: { testConnection: vi.fn() } }));
const { bridge } = await import('../../lib/bridge');

const onScreen = { scope: 'default', baseUrl: 'http://127.0.0.1:9', assetBaseUrl: 'http://127.0.0.1:9', downloadDir: '/d',
  sandbox: false, theme: 'system', concurrency: 2, pacing: true, historyDays: 0 };

describe('ConnectionTest', () => {
  it('explains a failure with its next step and hides details behind a toggle', async () => {
    vi.mocked(bridge.testConnection).mockResolvedValue({
      ok: false, mode: Mode.Live, message: 'memories.ai did not accept the API key.', scopes: [],
      error: { code: ErrorCode.Unauthorized, message: 'memories.ai did not accept the API key.', next: 'Open Settings and paste a valid key.', detail: 'code 0401' },
    } as never);
    render(ConnectionTest, { settings: () => onScreen as never });
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Not connected');
    expect(status).toHaveTextContent('Open Settings and paste a valid key.');
    expect(screen.getByText('code 0401')).not.toBeVisible();
  });

  it('reports success', async () => {
    vi.mocked(bridge.testConnection).mockResolvedValue({ ok: true, mode: Mode.Sandbox, tested: 'the local sandbox (no key is used in sandbox mode)',
      message: 'The local sandbox answers (1 scope in it).', scopes: ['default'] } as never);
    render(ConnectionTest, { settings: () => ({ ...onScreen, sandbox: true }) as never });
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Connected — The local sandbox answers');
    expect(status).toHaveTextContent('Tested: the local sandbox');
    expect(bridge.testConnection).toHaveBeenLastCalledWith(expect.objectContaining({ sandbox: true }));
  });
});

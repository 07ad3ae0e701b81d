import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import ConnectionTest from './ConnectionTest.svelte';

vi.mock('../../lib/bridge', () => ({ bridge: { testConnection: vi.fn() } }));
const { bridge } = await import('../../lib/bridge');

describe('ConnectionTest', () => {
  it('explains a failure with its next step and hides details behind a toggle', async () => {
    vi.mocked(bridge.testConnection).mockResolvedValue({
      ok: false, mode: 'live', message: 'memories.ai did not accept the API key.', scopes: [],
      error: { code: 'unauthorized', message: 'memories.ai did not accept the API key.', next: 'Open Settings and paste a valid key.', detail: 'code 0401' },
    } as never);
    render(ConnectionTest);
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Not connected');
    expect(status).toHaveTextContent('Open Settings and paste a valid key.');
    expect(screen.getByText('code 0401')).not.toBeVisible();
  });

  it('reports success', async () => {
    vi.mocked(bridge.testConnection).mockResolvedValue({ ok: true, mode: 'sandbox', message: 'Connected to the local sandbox.', scopes: ['default'] } as never);
    render(ConnectionTest);
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Connected — Connected to the local sandbox.');
  });
});

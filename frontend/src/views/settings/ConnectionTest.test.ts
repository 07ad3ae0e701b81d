import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import ConnectionTest from './ConnectionTest.svelte';
import { ErrorCode, Mode } from '../../lib/bridge/contract';
import { language } from '../../lib/i18n/i18n.svelte';

vi.mock('../../lib/bridge', (orig) => import('../../testing/bridge').then((b) => b.fakeBridge(orig, [
  'testConnection',
])));
const { bridge } = await import('../../lib/bridge');

const onScreen = { scope: 'default', baseUrl: 'http://127.0.0.1:9', assetBaseUrl: 'http://127.0.0.1:9', downloadDir: '/d',
  sandbox: false, theme: 'system', concurrency: 2, pacing: true, historyDays: 0 };

describe('ConnectionTest', () => {
  it('explains a failure with its next step and hides details behind a toggle', async () => {
    vi.mocked(bridge.testConnection).mockResolvedValue({
      ok: false, mode: Mode.Live, headline: 'Key rejected', message: 'memories.ai did not accept the API key.',
      error: { code: ErrorCode.Unauthorized, message: 'memories.ai did not accept the API key.', next: 'Open Settings and paste a valid key.', detail: 'code 0401' },
    } as never);
    render(ConnectionTest, { settings: () => onScreen as never });
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Key rejected — memories.ai did not accept the API key.');
    expect(status).toHaveTextContent('Open Settings and paste a valid key.');
    expect(screen.getByText('code 0401')).not.toBeVisible();
  });

  it('reports success', async () => {
    vi.mocked(bridge.testConnection).mockResolvedValue({ ok: true, mode: Mode.Sandbox, tested: 'the local sandbox (no key is used in sandbox mode)',
      headline: 'Connected', message: 'The local sandbox answers; the scope default holds 3 videos.' } as never);
    render(ConnectionTest, { settings: () => ({ ...onScreen, sandbox: true }) as never });
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Connected — The local sandbox answers');
    expect(status).toHaveTextContent('Tested: the local sandbox');
    expect(bridge.testConnection).toHaveBeenLastCalledWith(expect.objectContaining({ sandbox: true }));
  });

  it('says until when a rate limit holds', async () => {
    const retryAt = new Date(2026, 11, 4, 21, 43).getTime();
    vi.mocked(bridge.testConnection).mockResolvedValue({ ok: false, mode: Mode.Live, headline: 'Rate-limited', retryAt,
      message: 'memories.ai answered and took the key, but is limiting this account\'s requests for now.' } as never);
    language.systemLocale = 'en-GB'; // a 24-hour clock
    render(ConnectionTest, { settings: () => onScreen as never });
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByRole('status')).toHaveTextContent(/Rate-limited until 21.43 — memories\.ai answered/);
  });
});

import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { language } from '../i18n/i18n.svelte';
import { emit } from '../../testing/bridge';
import StatusBar from './StatusBar.svelte';
import { Mode, ConnState } from '../bridge/contract';

vi.mock('../bridge', (orig) => import('../../testing/bridge').then((b) => b.fakeBridge(orig, [
  'status',
], {
  onStatus: b.listener('onStatus'),
})));
const { bridge } = await import('../bridge');
const { status } = await import('../stores/status.svelte');

const live = { mode: Mode.Live, scope: 'default', baseUrl: 'https://api.memories.ai', dataDir: '/d', sandboxForced: false,
  connection: ConnState.Checking, connectionDetail: '', lastOk: 0, retryAt: 0 };

describe('StatusBar', () => {
  it('follows request outcomes, not the stored key', async () => {
    vi.mocked(bridge.status).mockResolvedValue(live as never);
    language.systemLocale = 'en-GB'; // a British system: English words, a 24-hour clock
    render(StatusBar);
    await status.start();
    const bar = await screen.findByRole('contentinfo', { name: 'Connection' });
    expect(bar).toHaveTextContent('Checking the connection…');
    expect(bar).not.toHaveTextContent('Connected');

    emit('onStatus', { ...live, connection: ConnState.Rejected, connectionDetail: 'memories.ai did not accept the API key.' });
    await vi.waitFor(() => expect(bar).toHaveTextContent('API key rejected'));
    expect(bar.querySelector('[title]')).toHaveAttribute('title', 'memories.ai did not accept the API key.');

    const at = new Date(2026, 10, 30, 14, 7).getTime();
    emit('onStatus', { ...live, connection: ConnState.Connected, lastOk: at });
    await vi.waitFor(() => expect(bar).toHaveTextContent(/Connected to memories\.ai · last request .*14.07/));

    emit('onStatus', { ...live, baseUrl: 'http://127.0.0.1:8089', connection: ConnState.Connected, lastOk: at });
    await vi.waitFor(() => expect(bar).toHaveTextContent(/Connected to 127\.0\.0\.1:8089 · last request/));

    emit('onStatus', { ...live, connection: ConnState.RateLimited, retryAt: new Date(2026, 10, 30, 14, 9).getTime() });
    await vi.waitFor(() => expect(bar).toHaveTextContent(/Rate-limited until .*14.09/));

    emit('onStatus', { ...live, connection: ConnState.Unreachable });
    await vi.waitFor(() => expect(bar).toHaveTextContent('Service unreachable'));
    status.stop();
  });

  it('says sandbox and no key whatever requests did', async () => {
    vi.mocked(bridge.status).mockResolvedValue({ ...live, mode: Mode.Sandbox, connection: ConnState.Connected } as never);
    render(StatusBar);
    await status.start();
    expect(await screen.findByRole('contentinfo', { name: 'Connection' })).toHaveTextContent('Sandbox mode');
    emit('onStatus', { ...live, mode: Mode.NoKey, connection: '' });
    await vi.waitFor(() => expect(screen.getByRole('contentinfo', { name: 'Connection' })).toHaveTextContent('No API key'));
    status.stop();
  });
});

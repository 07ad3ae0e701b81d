import type { contract } from '../../../wailsjs/go/models';
import { ConnState, Mode } from '../bridge/contract';
import { formatClock as clock } from '../format';
import { t } from '../i18n/i18n.svelte';

/** What the status bar says about the connection: a tone for the dot, a label, and why. */
export interface ConnectionView {
  tone: 'ok' | 'warn' | 'bad' | 'idle';
  label: string;
  detail: string;
}

/**
 * serviceName is "memories.ai" for the service's own hosts, else the host (and port) of the
 * configured endpoint, so a custom endpoint is never taken for the service.
 */
export function serviceName(baseUrl: string | undefined): string {
  let host: string;
  try {
    host = new URL(baseUrl ?? '').host;
  } catch {
    return 'memories.ai';
  }
  const name = host.replace(/:\d+$/, '').toLowerCase();
  return !host || name === 'memories.ai' || name.endsWith('.memories.ai') ? 'memories.ai' : host;
}

/**
 * connectionView derives the label from what requests actually did (the backend's `connection`
 * state), never from a key merely being stored.
 */
export function connectionView(s: contract.Status | null): ConnectionView {
  if (!s) return { tone: 'idle', label: t('conn.starting'), detail: '' };
  if (s.mode === Mode.Sandbox) return { tone: 'warn', label: t('conn.sandbox'), detail: '' };
  if (s.mode === Mode.NoKey) return { tone: 'bad', label: t('conn.noKey'), detail: '' };
  const detail = s.connectionDetail ?? '';
  switch (s.connection) {
    case ConnState.Connected:
      return { tone: 'ok', label: t('conn.connected', { service: serviceName(s.baseUrl), time: clock(s.lastOk) }), detail };
    case ConnState.Rejected:
      return { tone: 'bad', label: t('conn.rejected'), detail };
    case ConnState.Unreachable:
      return { tone: 'bad', label: t('conn.unreachable'), detail };
    case ConnState.RateLimited:
      return { tone: 'warn', label: t('conn.rateLimited', { time: clock(s.retryAt) }), detail };
  }
  return { tone: 'idle', label: t('conn.checking'), detail };
}

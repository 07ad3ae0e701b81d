// How the Transfers view reports a call the backend refused: the readable message and its next
// step in a toast, the technical detail behind the toast's Details toggle.
import { toErrorInfo } from '../../lib/bridge';
import { toasts } from '../../lib/stores/toasts.svelte';

export function toastFailure(e: unknown) {
  const info = toErrorInfo(e);
  toasts.push('error', info.next ? `${info.message} ${info.next}` : info.message, info.detail);
}

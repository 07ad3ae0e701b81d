import { bridge, type Status } from '../bridge';

// The connection mode and scope shown in the status bar, kept fresh by backend events.
class StatusStore {
  value = $state<Status | null>(null);
  #off: (() => void) | null = null;

  async start() {
    this.#off ??= bridge.onStatus((s) => (this.value = s));
    this.value = await bridge.status();
  }

  stop() {
    this.#off?.();
    this.#off = null;
  }
}

export const status = new StatusStore();

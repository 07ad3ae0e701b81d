import { bridge, type Status } from '../bridge';
import { jobs } from './jobs.svelte';

// The connection mode and scope shown in the status bar, kept fresh by backend events. Each
// profile (sandbox, or one API endpoint) has its own queue, so a profile switch reloads it.
class StatusStore {
  value = $state<Status | null>(null);
  #off: (() => void) | null = null;

  async start() {
    this.#off ??= bridge.onStatus((s) => this.set(s));
    this.set(await bridge.status());
  }

  set(s: Status) {
    const switched = this.value !== null && this.value.profile !== s.profile;
    this.value = s;
    if (switched) jobs.reload().catch(() => {});
  }

  stop() {
    this.#off?.();
    this.#off = null;
  }
}

export const status = new StatusStore();

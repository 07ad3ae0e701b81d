import { bridge } from '../bridge';
import type { contract } from '../../../wailsjs/go/models';
import { jobs } from './jobs.svelte';

// The connection mode and scope shown in the status bar, kept fresh by backend events. Each
// profile (sandbox, or one API endpoint) has its own queue, so a profile switch reloads it, and
// tells the views' stores that subscribed (the library) to forget what the old profile showed.
class StatusStore {
  value = $state<contract.Status | null>(null);
  #off: (() => void) | null = null;
  #switchers: Array<() => void> = [];

  /** onProfileSwitch calls cb after every switch of profile (sandbox on/off, another endpoint). */
  onProfileSwitch(cb: () => void) {
    this.#switchers.push(cb);
  }

  async start() {
    this.#off ??= bridge.onStatus((s) => this.set(s));
    this.set(await bridge.status());
  }

  set(s: contract.Status) {
    const switched = this.value !== null && this.value.profile !== s.profile;
    this.value = s;
    if (!switched) return;
    jobs.reload().catch(() => {});
    for (const cb of this.#switchers) cb();
  }

  stop() {
    this.#off?.();
    this.#off = null;
  }
}

export const status = new StatusStore();

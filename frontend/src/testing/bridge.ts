// The one way a Vitest test stands in for the Go side: lib/bridge as it is, with its `bridge`
// object replaced by mocks of the methods the test names.
import { vi } from 'vitest';
import type { bridge } from '../lib/bridge';

export type BridgeMethod = keyof typeof bridge;
type Impl = (...args: never[]) => unknown;

/**
 * fakeBridge is what a vi.mock factory for lib/bridge returns: the real module (orig is the
 * factory's importOriginal) with `bridge` holding a vi.fn() for each method named; a method in
 * impls gets that implementation, which vi.resetAllMocks keeps. vi.mock is hoisted above the
 * imports, so the factory imports this module itself:
 *   vi.mock('../lib/bridge', async (orig) => (await import('../testing/bridge')).fakeBridge(orig, ['status']));
 */
export async function fakeBridge(orig: () => Promise<unknown>, methods: BridgeMethod[], impls: Partial<Record<BridgeMethod, Impl>> = {}) {
  const fns: Record<string, unknown> = {};
  for (const m of methods) fns[m] = vi.fn();
  for (const [m, impl] of Object.entries(impls)) fns[m] = vi.fn(impl);
  return { ...((await orig()) as object), bridge: fns };
}

const listeners = new Map<BridgeMethod, (...args: never[]) => void>();

/** listener is the implementation of an event method (onStatus, …): it keeps the callback for emit and returns an unsubscribe that does nothing. */
export const listener = (on: BridgeMethod) => (cb: (...args: never[]) => void) => {
  listeners.set(on, cb);
  return () => {};
};

/** emit calls the callback last handed to the event method on, as the Go side's event would; nothing when none was. */
export function emit(on: BridgeMethod, ...args: unknown[]) {
  listeners.get(on)?.(...(args as never[]));
}

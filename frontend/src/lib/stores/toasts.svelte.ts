export type ToastKind = 'success' | 'error' | 'info';

/** A toast's words: what it says, and behind "details" more. */
export interface ToastWords {
  text: string;
  detail?: string;
}

export interface Toast extends ToastWords {
  id: number;
  kind: ToastKind;
  /** reword words the toast again in the language on screen; a toast without it keeps its words. */
  reword?: () => ToastWords;
}

/** How long a toast stays: failures longer, as they say what to do; the Transfers and History rows keep every failure. */
export const toastMs: Record<ToastKind, number> = { success: 6000, info: 6000, error: 20000 };

/** At most this many toasts show at once; an older one gives way to a new one. */
export const maxToasts = 3;

// Short-lived notices for finished work. Every toast dismisses itself after toastMs, counted
// again from the start while the pointer or the keyboard focus is on it (someone is reading).
class Toasts {
  items = $state<Toast[]>([]);
  #next = 1;
  #timers = new Map<number, ReturnType<typeof setTimeout>>();

  push(kind: ToastKind, text: string, detail?: string, reword?: () => ToastWords) {
    const id = this.#next++;
    for (const old of this.items.slice(0, Math.max(0, this.items.length - maxToasts + 1))) this.#clear(old.id);
    this.items = [...this.items.slice(-(maxToasts - 1)), { id, kind, text, detail, ...(reword && { reword }) }];
    this.release(id);
  }

  /** hold keeps toast id while someone reads it. */
  hold(id: number) {
    this.#clear(id);
  }

  /** release starts toast id's time again. */
  release(id: number) {
    const t = this.items.find((x) => x.id === id);
    if (!t) return;
    this.#clear(id);
    this.#timers.set(id, setTimeout(() => this.dismiss(id), toastMs[t.kind]));
  }

  dismiss(id: number) {
    this.#clear(id);
    this.items = this.items.filter((t) => t.id !== id);
  }

  #clear(id: number) {
    clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
  }
}

export const toasts = new Toasts();

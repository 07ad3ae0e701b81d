export type ToastKind = 'success' | 'error' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
  detail?: string;
}

// Short-lived notices for finished work. Errors stay until dismissed; others fade after 6 s.
class Toasts {
  items = $state<Toast[]>([]);
  #next = 1;

  push(kind: ToastKind, text: string, detail?: string) {
    const id = this.#next++;
    this.items = [...this.items.slice(-4), { id, kind, text, detail }];
    if (kind !== 'error') setTimeout(() => this.dismiss(id), 6000);
  }

  dismiss(id: number) {
    this.items = this.items.filter((t) => t.id !== id);
  }
}

export const toasts = new Toasts();

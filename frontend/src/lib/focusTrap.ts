// A Svelte action for modal dialogs: focuses the element marked data-autofocus (or the first
// control), keeps Tab and Shift+Tab inside the dialog, calls onEscape for Escape, and gives focus
// back to where it was when the dialog closes. wrapTab does the same Tab wrapping for the whole
// page, so focus never leaves for an invisible stop past the last control.
const focusable = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** tabbable lists the shown controls inside node, in document order (no SVG links, nothing hidden). */
function tabbable(node: HTMLElement): HTMLElement[] {
  return Array.from(node.querySelectorAll<HTMLElement>(focusable)).filter(
    (el) => el instanceof HTMLElement && (el.checkVisibility?.() ?? true));
}

/** wrapTab moves Tab past the last control of node to its first, and Shift+Tab back. */
export function wrapTab(node: HTMLElement, e: KeyboardEvent) {
  const list = tabbable(node);
  if (list.length === 0) return e.preventDefault();
  const first = list[0];
  const last = list[list.length - 1];
  const inside = node.contains(document.activeElement);
  if (e.shiftKey && (document.activeElement === first || !inside)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (document.activeElement === last || !inside)) {
    e.preventDefault();
    first.focus();
  }
}

export function trapFocus(node: HTMLElement, options: { onEscape: () => void }) {
  let onEscape = options.onEscape;
  const previous = document.activeElement as HTMLElement | null;
  (node.querySelector<HTMLElement>('[data-autofocus]') ?? tabbable(node)[0] ?? node).focus();

  function keydown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation(); // Escape belongs to the dialog, not to the view behind it
      onEscape();
    } else if (e.key === 'Tab') {
      wrapTab(node, e);
    }
  }

  document.addEventListener('keydown', keydown, true);
  return {
    update(next: { onEscape: () => void }) {
      onEscape = next.onEscape;
    },
    destroy() {
      document.removeEventListener('keydown', keydown, true);
      if (previous?.isConnected) previous.focus();
    },
  };
}

/** modalOpen tells whether a modal dialog is showing, so shortcuts stay out of its way. */
export function modalOpen(): boolean {
  return !!document.querySelector('[aria-modal="true"], dialog[open]');
}

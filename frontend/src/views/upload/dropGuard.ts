import type { Attachment } from 'svelte/attachments';

/**
 * dropGuard makes an element a well-behaved target for native file drags: dragover and drop call
 * preventDefault (so WebKitGTK never navigates to a dropped file; Wails delivers the paths
 * natively) and `onover` reports whether a drag is over the element, for a highlighted state.
 * Enter/leave fire for every child crossed, so a depth counter decides when the drag has left.
 */
export function dropGuard(onover: (over: boolean) => void): Attachment<HTMLElement> {
  return (el) => {
    let depth = 0;
    const handlers: Record<string, (e: DragEvent) => void> = {
      dragenter: (e) => {
        e.preventDefault();
        depth++;
        onover(true);
      },
      dragover: (e) => {
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      },
      dragleave: () => {
        depth = Math.max(0, depth - 1);
        if (depth === 0) onover(false);
      },
      drop: (e) => {
        e.preventDefault();
        depth = 0;
        onover(false);
      },
    };
    for (const [name, fn] of Object.entries(handlers)) el.addEventListener(name, fn as EventListener);
    return () => {
      for (const [name, fn] of Object.entries(handlers)) el.removeEventListener(name, fn as EventListener);
    };
  };
}

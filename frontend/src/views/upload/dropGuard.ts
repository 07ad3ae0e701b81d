import type { Attachment } from 'svelte/attachments';
import { dragDepth } from '../../lib/drop/dragDepth';

/**
 * dropGuard makes an element a well-behaved target for native file drags: dragover and drop call
 * preventDefault (so WebKitGTK never navigates to a dropped file; Wails delivers the paths
 * natively) and `onover` reports whether a drag is over the element, for a highlighted state.
 * (lib/drop/dragDepth decides when the drag has left).
 */
export function dropGuard(onover: (over: boolean) => void): Attachment<HTMLElement> {
  return (el) => {
    const depth = dragDepth(onover);
    const handlers: Record<string, (e: DragEvent) => void> = {
      dragenter: (e) => {
        e.preventDefault();
        depth.enter();
      },
      dragover: (e) => {
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      },
      dragleave: () => depth.leave(),
      drop: (e) => {
        e.preventDefault();
        depth.end();
      },
    };
    for (const [name, fn] of Object.entries(handlers)) el.addEventListener(name, fn as EventListener);
    return () => {
      for (const [name, fn] of Object.entries(handlers)) el.removeEventListener(name, fn as EventListener);
    };
  };
}

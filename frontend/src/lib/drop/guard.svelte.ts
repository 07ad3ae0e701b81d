import { carriesContent, readDrop, type Dropped } from './classify';
import { dragDepth } from './dragDepth';

// The window-level drop guard. Every dragover and drop anywhere in the window is claimed
// (preventDefault in the capture phase, before any element sees it), so WebKit never navigates to
// a dropped file or link and never types a dropped path into a text box; the app decides instead.

/** While something is dragged over the window: shows the full-window overlay. */
class DragOver {
  active = $state(false);
  #depth = dragDepth((over) => (this.active = over));
  enter = () => this.#depth.enter();
  leave = () => this.#depth.leave();
  end = () => this.#depth.end();
}

export const dragOver = new DragOver();

/** guardWindow installs the guard on win and hands every finished drop to ondrop; returns the remover. */
export function guardWindow(win: Window, ondrop: (d: Dropped) => void): () => void {
  const claim = (e: DragEvent) => {
    e.preventDefault();
    const takes = !!e.dataTransfer && carriesContent(e.dataTransfer.types);
    if (takes) e.dataTransfer!.dropEffect = 'copy';
    return takes;
  };
  const handlers: Record<string, (e: DragEvent) => void> = {
    dragenter: (e) => claim(e) && dragOver.enter(),
    dragover: (e) => void claim(e),
    dragleave: () => dragOver.leave(),
    drop: (e) => {
      e.preventDefault();
      dragOver.end();
      ondrop(readDrop(e.dataTransfer));
    },
    mousemove: () => dragOver.end(), // no pointer events during a drag: it is over
  };
  const opts = { capture: true };
  for (const [name, fn] of Object.entries(handlers)) win.addEventListener(name, fn as EventListener, opts);
  return () => {
    for (const [name, fn] of Object.entries(handlers)) win.removeEventListener(name, fn as EventListener, opts);
  };
}

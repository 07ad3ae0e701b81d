import { carriesContent, readDrop, type Dropped } from './classify';

// The window-level drop guard. Every dragover and drop anywhere in the window is claimed
// (preventDefault in the capture phase, before any element sees it), so WebKit never navigates to
// a dropped file or link and never types a dropped path into a text box; the app decides instead.

/**
 * While something is dragged over the window: shows the full-window overlay. Enter and leave
 * fire for every element crossed, so a depth count says when the drag has left the window.
 * (WebKitGTK repeats no dragover while the pointer rests, so no timer can stand in for this.)
 */
class DragOver {
  active = $state(false);
  #depth = 0;

  enter() {
    this.#depth++;
    this.active = true;
  }

  leave() {
    this.#depth = Math.max(0, this.#depth - 1);
    if (this.#depth === 0) this.active = false;
  }

  end() {
    this.#depth = 0;
    this.active = false;
  }
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

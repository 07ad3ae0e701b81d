import { carriesContent, readDrop, type Dropped } from './classify';

// The window-level drop guard. Every dragover and drop anywhere in the window is claimed
// (preventDefault in the capture phase, before any element sees it), so WebKit never navigates to
// a dropped file or link and never types a dropped path into a text box; the app decides instead.

/** While something is dragged over the window: shows the full-window overlay. */
class DragOver {
  active = $state(false);
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** seen is called for every dragover; the overlay goes when they stop (the drag left or ended). */
  seen() {
    this.active = true;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (this.active = false), 250);
  }

  end() {
    clearTimeout(this.#timer);
    this.active = false;
  }
}

export const dragOver = new DragOver();

/** guardWindow installs the guard on win and hands every finished drop to ondrop; returns the remover. */
export function guardWindow(win: Window, ondrop: (d: Dropped) => void): () => void {
  const over = (e: DragEvent) => {
    e.preventDefault();
    if (!e.dataTransfer || !carriesContent(e.dataTransfer.types)) return;
    e.dataTransfer.dropEffect = 'copy';
    dragOver.seen();
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    dragOver.end();
    ondrop(readDrop(e.dataTransfer));
  };
  const opts = { capture: true };
  win.addEventListener('dragenter', over, opts);
  win.addEventListener('dragover', over, opts);
  win.addEventListener('drop', drop, opts);
  return () => {
    win.removeEventListener('dragenter', over, opts);
    win.removeEventListener('dragover', over, opts);
    win.removeEventListener('drop', drop, opts);
  };
}

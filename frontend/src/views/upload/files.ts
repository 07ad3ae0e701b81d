import type { Verdict } from '../../lib/bridge';

/** folderOf returns the folder part of a verdict's path ("/a/b/c.mp4" → "/a/b"), on any OS. */
export function folderOf(v: Pick<Verdict, 'path' | 'name'>): string {
  const cut = Math.max(v.path.lastIndexOf('/'), v.path.lastIndexOf('\\'));
  return cut > 0 ? v.path.slice(0, cut) : cut === 0 ? v.path[0] : '';
}

/** totalSize sums the sizes of the listed files. */
export function totalSize(files: Verdict[]): number {
  return files.reduce((sum, f) => sum + (f.size || 0), 0);
}

/** modalOpen tells whether a modal dialog is showing, so view shortcuts stay out of its way. */
export function modalOpen(): boolean {
  return !!document.querySelector('[aria-modal="true"], dialog[open]');
}

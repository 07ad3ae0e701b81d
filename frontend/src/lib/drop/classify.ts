// What a drag carries, decided from the DOM. WebKitGTK reports a file manager's drag as
// ["text/uri-list", "text/html"] (never "Files"), and a link dragged from a browser looks much
// the same until the drop: only then can its uri-list be read and told apart.

/** True when a drag may carry something the app takes: files, links or text. */
export function carriesContent(types: readonly string[]): boolean {
  return types.some((t) => t === 'Files' || t === 'text/uri-list' || t === 'text/plain');
}

const linkList = /\.(txt|csv)$/i;

/** splitPaths separates link lists (.txt/.csv, read into Import) from what goes to Upload. */
export function splitPaths(paths: readonly string[]): { lists: string[]; uploads: string[] } {
  const real = paths.filter((p) => p.trim() !== '');
  return { lists: real.filter((p) => linkList.test(p)), uploads: real.filter((p) => !linkList.test(p)) };
}

/** What a finished drop holds: files (their paths come from Wails, natively), or text and links. */
export type Dropped = { kind: 'native' } | { kind: 'text'; text: string } | { kind: 'none' };

/**
 * readDrop reads a drop's data. Local files never show their paths to the page: WebKitGTK lists
 * a text/uri-list it will not read out, other engines list "Files"; Wails hands over the paths.
 * A web link or text from a browser is readable, as text/uri-list and text/plain.
 */
export function readDrop(data: Pick<DataTransfer, 'types' | 'getData'> | null): Dropped {
  if (!data) return { kind: 'none' };
  const uris = data.getData('text/uri-list');
  const text = (uris || data.getData('text/plain')).trim();
  if (data.types.includes('Files') || /^file:/im.test(uris)) return { kind: 'native' };
  if (data.types.includes('text/uri-list') && text === '') return { kind: 'native' };
  return text ? { kind: 'text', text: linesOf(text) } : { kind: 'none' };
}

/** linesOf drops uri-list comments, so a dragged link arrives as just the link. */
function linesOf(text: string): string {
  return text.split(/\r?\n/).filter((l) => !l.startsWith('#')).join('\n');
}

/** linkCount is how many non-empty lines the link box holds. */
export function linkCount(text: string): number {
  return text.split('\n').filter((l) => l.trim() !== '').length;
}

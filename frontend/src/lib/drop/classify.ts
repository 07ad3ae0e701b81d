// What a drag carries, decided from the DOM alone. WebKitGTK reports a file manager's drag as
// ["text/uri-list", "text/html"] (never "Files"), and a link dragged from a browser looks the
// same until the drop: only then can the uri-list be read and told apart.

/** True when a drag may carry something the app takes: files, links or text. */
export function carriesContent(types: readonly string[]): boolean {
  return types.some((t) => t === 'Files' || t === 'text/uri-list' || t === 'text/plain');
}

/** uriListPaths turns the file:// entries of a text/uri-list into local paths; other lines are ignored. */
export function uriListPaths(list: string): string[] {
  const paths: string[] = [];
  for (const line of list.split(/\r?\n/)) {
    const uri = line.trim();
    if (uri.startsWith('#') || !/^file:\/\//i.test(uri)) continue;
    try {
      const url = new URL(uri);
      if (url.host === '' || url.host === 'localhost') paths.push(decodeURIComponent(url.pathname));
    } catch {
      // not a URI: ignore it like any other stray line
    }
  }
  return paths;
}

const linkList = /\.(txt|csv)$/i;

/** splitPaths separates link lists (.txt/.csv, read into Import) from what goes to Upload. */
export function splitPaths(paths: readonly string[]): { lists: string[]; uploads: string[] } {
  const real = paths.filter((p) => p.trim() !== '');
  return { lists: real.filter((p) => linkList.test(p)), uploads: real.filter((p) => !linkList.test(p)) };
}

/** What a finished drop holds: local paths (from a file manager), or text and links (from a browser). */
export type Dropped =
  | { kind: 'paths'; paths: string[] }
  | { kind: 'text'; text: string }
  | { kind: 'native' } // files whose paths Wails delivers natively (Windows, macOS)
  | { kind: 'none' };

/** readDrop reads a drop's data; native paths on Windows and macOS arrive separately, as "Files". */
export function readDrop(data: Pick<DataTransfer, 'types' | 'getData'> | null): Dropped {
  if (!data) return { kind: 'none' };
  const paths = uriListPaths(data.getData('text/uri-list'));
  if (paths.length) return { kind: 'paths', paths };
  if (data.types.includes('Files')) return { kind: 'native' };
  const text = (data.getData('text/uri-list') || data.getData('text/plain')).trim();
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

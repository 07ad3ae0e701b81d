import { toErrorInfo } from '../bridge';
import type { contract } from '../../../wailsjs/go/models';
import { plural } from '../format';
import { links } from '../stores/links.svelte';
import { nav } from '../stores/nav.svelte';
import { toasts } from '../stores/toasts.svelte';
import { uploads } from '../stores/uploads.svelte';
import { splitPaths } from './classify';
import { search } from '../../views/search/search.svelte';
import { isPicture } from '../../views/search/search';

// Where dropped or opened things go, whatever view is showing: videos and folders are staged in
// Upload (added to what is there), link lists and links go to Import. The app never loses what
// was staged before. A drop with nothing usable leaves the user where they are, saying why.

/** overlayText says what dropping here will do; the drop's content is unknown until the drop. */
export function overlayText(): { title: string; hint: string } {
  if (nav.current === 'settings' && folderDrop.take) {
    return { title: 'Drop a folder on Watch folders to watch it', hint: 'Elsewhere, videos and folders go to Upload and links to Import.' };
  }
  if (nav.current === 'search') return { title: 'Drop a picture to search by it', hint: 'Moments that look like it are found (jpg, png, gif, bmp, webp).' };
  return nav.current === 'import'
    ? { title: 'Drop to add links', hint: 'Link lists (.txt, .csv) and links go to Import; videos and folders to Upload.' }
    : { title: 'Drop to add to Upload', hint: 'Videos and folders are checked and added to the batch; links and link lists go to Import.' };
}

/**
 * folderDrop is where a view that takes dropped folders itself registers while it is shown: a
 * drop that lands inside an element marked data-folder-drop goes to it instead of Upload (Settings
 * → Watch folders watches a folder dropped on its list).
 */
export const folderDrop: { take: ((paths: string[]) => Promise<void>) | null } = { take: null };

/** dropZoneAt says whether the window point at is inside a folder drop zone. */
function dropZoneAt(at?: { x: number; y: number }): boolean {
  if (!at || typeof document.elementFromPoint !== 'function') return false;
  return !!document.elementFromPoint(at.x, at.y)?.closest('[data-folder-drop]');
}

/** takePaths stages videos and folders in Upload and reads link lists into Import. */
export async function takePaths(paths: string[], at?: { x: number; y: number }) {
  if (folderDrop.take && dropZoneAt(at)) {
    await folderDrop.take(paths);
    return;
  }
  // On the Search view, one picture is a search by picture.
  if (nav.current === 'search' && paths.length === 1 && isPicture(paths[0])) {
    await search.byPicture(paths[0]);
    return;
  }
  const { lists, uploads: files } = splitPaths(paths);
  try {
    if (lists.length) await takeLists(lists, files.length === 0);
    if (files.length) await stage(files);
  } catch (e) {
    toasts.push('error', 'Could not add what was dropped', toErrorInfo(e).message);
  }
}

/** takeLists reads .txt/.csv files into Import, but only those with a link in them. */
async function takeLists(lists: string[], show: boolean) {
  const { added, without } = await links.appendFiles(lists);
  if (added > 0) {
    links.tab = 'links';
    if (show) nav.go('import');
    toasts.push('info', `Added the links from ${plural(added, 'list')} to Import`);
  }
  if (without.length > 0) {
    // The reason in the headline: toast details sit behind a "Details" fold.
    const one = without.length === 1;
    toasts.push('info', `${names(without)} not added — ${one ? 'it has' : 'they have'} no web links; text files are ` +
      'read as lists of links for Import, and only videos go to Upload.');
  }
}

/** stage adds videos and folders to Upload and shows it; when nothing could be added, it stays. */
async function stage(paths: string[]) {
  const before = uploads.files.length;
  const scan = await uploads.addPaths(paths);
  if (uploads.files.length > before) nav.go('upload');
  else toasts.push('info', `No video added — ${whyNothing(scan)}`);
}

/** whyNothing says why a drop added no video: what was skipped and why, or already listed. */
function whyNothing(scan: contract.Scan | undefined): string {
  const skipped = scan?.skipped ?? [];
  const listed = scan?.files ?? [];
  if (skipped.length === 1) return `${skipped[0].name}: ${skipped[0].reason || 'it cannot be uploaded.'}`;
  if (skipped.length > 1) {
    const reasons = [...new Set(skipped.map((v) => v.reason).filter(Boolean))];
    return `${names(skipped.map((v) => v.name))}: ${reasons.length === 1 ? reasons[0] : 'none is a supported video'} (listed under Skipped in Upload).`;
  }
  if (listed.length > 0) return `${names(listed.map((v) => v.name))} ${listed.length === 1 ? 'is' : 'are'} already in the Upload list.`;
  return 'No video was found in what was dropped.';
}

/** names lists up to three names: "a.pdf", "a.pdf and b.txt", "a.pdf, b.txt and 3 more". */
function names(all: string[]): string {
  if (all.length <= 2) return all.join(' and ');
  return `${all.slice(0, 2).join(', ')} and ${all.length === 3 ? all[2] : `${all.length - 2} more`}`;
}


/** takeText puts dropped text or links in Import's link box. */
export function takeText(text: string) {
  links.appendText(text);
  links.tab = 'links';
  nav.go('import');
}

/** nothingToTake explains a drop the app cannot use. */
export function nothingToTake() {
  toasts.push('info', 'Nothing to add', 'Drop video files, folders, link lists (.txt, .csv) or links.');
}

import { toErrorInfo } from '../bridge';
import type { contract } from '../../../wailsjs/go/models';
import { formatList } from '../format';
import { t } from '../i18n/i18n.svelte';
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
    return { title: t('drop.watchTitle'), hint: t('drop.watchHint') };
  }
  if (nav.current === 'search') return { title: t('drop.pictureTitle'), hint: t('drop.pictureHint') };
  return nav.current === 'import'
    ? { title: t('drop.linksTitle'), hint: t('drop.linksHint') }
    : { title: t('drop.uploadTitle'), hint: t('drop.uploadHint') };
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
    toasts.push('error', t('drop.failed'), toErrorInfo(e).message);
  }
}

/** takeLists reads .txt/.csv files into Import, but only those with a link in them. */
async function takeLists(lists: string[], show: boolean) {
  const { added, without } = await links.appendFiles(lists);
  if (added > 0) {
    links.tab = 'links';
    if (show) nav.go('import');
    toasts.push('info', t('drop.listsAdded', { count: added }));
  }
  if (without.length > 0) {
    // The reason in the headline: toast details sit behind a "Details" fold.
    toasts.push('info', t('drop.noLinks', { names: names(without), count: without.length }));
  }
}

/** stage adds videos and folders to Upload and shows it; when nothing could be added, it stays. */
async function stage(paths: string[]) {
  const before = uploads.files.length;
  const scan = await uploads.addPaths(paths);
  if (uploads.files.length > before) nav.go('upload');
  else toasts.push('info', t('drop.noVideo', { why: whyNothing(scan) }));
}

/** whyNothing says why a drop added no video: what was skipped and why, or already listed. */
function whyNothing(scan: contract.Scan | undefined): string {
  const skipped = scan?.skipped ?? [];
  const listed = scan?.files ?? [];
  if (skipped.length === 1) return t('drop.skippedOne', { name: skipped[0].name, reason: skipped[0].reason || t('drop.cannotUpload') });
  if (skipped.length > 1) {
    const reasons = [...new Set(skipped.map((v) => v.reason).filter(Boolean))];
    return t('drop.skippedMany', { names: names(skipped.map((v) => v.name)), reason: reasons.length === 1 ? (reasons[0] ?? '') : t('drop.noneSupported') });
  }
  if (listed.length > 0) return t('drop.alreadyListed', { names: names(listed.map((v) => v.name)), count: listed.length });
  return t('drop.nothingFound');
}

/** names lists up to three names: "a.pdf", "a.pdf and b.txt", "a.pdf, b.txt and 3 more". */
function names(all: string[]): string {
  if (all.length <= 3) return formatList(all);
  return formatList([...all.slice(0, 2), t('drop.andMore', { count: all.length - 2 })]);
}


/** takeText puts dropped text or links in Import's link box. */
export function takeText(text: string) {
  links.appendText(text);
  links.tab = 'links';
  nav.go('import');
}

/** nothingToTake explains a drop the app cannot use. */
export function nothingToTake() {
  toasts.push('info', t('drop.nothingTitle'), t('drop.nothingHint'));
}

import { toErrorInfo } from '../bridge';
import { plural } from '../format';
import { links } from '../stores/links.svelte';
import { nav } from '../stores/nav.svelte';
import { toasts } from '../stores/toasts.svelte';
import { uploads } from '../stores/uploads.svelte';
import { splitPaths } from './classify';

// Where dropped or opened things go, whatever view is showing: videos and folders are staged in
// Upload (added to what is there), link lists and links go to Import. The app never loses what
// was staged before.

/** overlayText says what dropping here will do; the drop's content is unknown until the drop. */
export function overlayText(): { title: string; hint: string } {
  return nav.current === 'import'
    ? { title: 'Drop to add links', hint: 'Link lists (.txt, .csv) and links go to Import; videos and folders to Upload.' }
    : { title: 'Drop to add to Upload', hint: 'Videos and folders are checked and added to the batch; links and link lists go to Import.' };
}

/** takePaths stages videos and folders in Upload and reads link lists into Import. */
export async function takePaths(paths: string[]) {
  const { lists, uploads: files } = splitPaths(paths);
  try {
    if (lists.length) await takeLists(lists, files.length === 0);
    if (files.length) await stage(files);
  } catch (e) {
    toasts.push('error', 'Could not add what was dropped', toErrorInfo(e).message);
  }
}

async function takeLists(lists: string[], show: boolean) {
  await links.appendFiles(lists);
  links.tab = 'links';
  if (show) nav.go('import');
  toasts.push('info', `Added the links from ${plural(lists.length, 'list')} to Import`);
}

async function stage(paths: string[]) {
  nav.go('upload');
  const before = uploads.files.length;
  await uploads.addPaths(paths);
  const added = uploads.files.length - before;
  if (added === 0) toasts.push('info', 'No new videos to add', 'Nothing dropped was a supported video that is not already listed (see Skipped).');
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

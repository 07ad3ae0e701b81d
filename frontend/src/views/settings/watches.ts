// Words for Settings → Watch folders: a watch's state, its figures and the pacer's honest ETA.
import type { main } from '../../../wailsjs/go/models';
import { formatCount, plural } from '../../lib/format';

/** stateText is what a watch is doing, in a word or two. */
export function stateText(w: main.WatchView): string {
  switch (w.state) {
    case 'running': return w.problem ? 'Running, with a problem' : 'Watching';
    case 'starting': return 'Catching up…';
    case 'paused': return 'Paused';
    case 'error': return 'Not running';
    default: return 'Stopped';
  }
}

/** paceText is "1 upload a minute" for the pacer's spacing in milliseconds. */
export function paceText(everyMs: number): string {
  if (everyMs === 60_000) return '1 upload a minute';
  if (everyMs % 60_000 === 0) return `1 upload every ${everyMs / 60_000} minutes`;
  return `1 upload every ${Math.round(everyMs / 1000)} s`;
}

/** aboutText rounds a duration for an estimate: "about 8 h", "about 25 min", "under a minute". */
export function aboutText(ms: number): string {
  const min = ms / 60_000;
  if (min < 1) return 'under a minute';
  if (min < 60) return `about ${Math.round(min)} min`;
  const h = min / 60;
  return `about ${h < 10 ? Math.round(h * 10) / 10 : Math.round(h)} h`;
}

/** waitingText is "480 waiting — about 8 h at 1 upload a minute" (no estimate without pacing). */
export function waitingText(w: main.WatchView): string {
  const n = w.stats.waiting;
  const base = `${formatCount(n)} waiting`;
  if (n === 0 || w.uploadEveryMs <= 0) return base;
  return `${base} — ${aboutText(w.etaMs)} at ${paceText(w.uploadEveryMs)}`;
}

/** figuresText is the watch's counts in one line. */
export function figuresText(w: main.WatchView): string {
  const s = w.stats;
  const parts = [`${formatCount(s.seen)} seen`, `${formatCount(s.uploaded)} uploaded`];
  if (s.duplicates) parts.push(`${formatCount(s.duplicates)} already in the library`);
  parts.push(waitingText(w), `${formatCount(s.skipped)} skipped`);
  if (s.failed) parts.push(`${formatCount(s.failed)} failed`);
  return parts.join(' · ');
}

/** foldersText says how many folders are watched live and what happens at the system's limit. */
export function foldersText(w: main.WatchView): string {
  if (w.limit) return w.limit;
  if (w.state !== 'running') return '';
  return `${plural(w.folders, 'folder')} watched live. Past the system's limit of watched folders ` +
    '(fs.inotify.max_user_watches) the rest would be scanned every minute instead, and this says so.';
}

/** patternsText and patternList convert the patterns between the list and one text box. */
export const patternsText = (list: string[] | undefined): string => (list ?? []).join(' ');
export const patternList = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean);

const afterWords: Record<string, string> = { keep: 'keeps each file', move: 'moves each file into Uploaded', delete: 'deletes each file' };

/** settingsText sums up a watch's settings: "This folder only · settles 10 s · after upload keeps each file". */
export function settingsText(w: main.WatchView): string {
  const c = w.config;
  const parts = [c.recursive ? 'With subfolders' : 'This folder only', `settles ${(c.settleMs || 10_000) / 1000} s`,
    `after upload ${afterWords[c.after] ?? afterWords.keep}`];
  if (c.tags?.length) parts.push(`tags ${c.tags.join(', ')}`);
  if (c.scope) parts.push(`scope ${c.scope}`);
  return parts.join(' · ');
}

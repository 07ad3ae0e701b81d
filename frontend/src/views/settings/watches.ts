// Words for Settings → Watch folders: a watch's state, its figures and the pacer's honest ETA.
import type { main } from '../../../wailsjs/go/models';
import { formatCount, formatDecimal, formatList } from '../../lib/format';
import { t } from '../../lib/i18n/i18n.svelte';

/** stateText is what a watch is doing, in a word or two. */
export function stateText(w: main.WatchView): string {
  switch (w.state) {
    case 'running': return t(w.problem ? 'watch.runningProblem' : 'watch.watching');
    case 'starting': return t('watch.catchingUp');
    case 'paused': return t('state.paused');
    case 'error': return t('watch.notRunning');
    default: return t('watch.stopped');
  }
}

/** paceText is "1 upload a minute" for the pacer's spacing in milliseconds. */
export function paceText(everyMs: number): string {
  if (everyMs % 60_000 === 0) return t('watch.paceMinutes', { count: everyMs / 60_000 });
  return t('watch.paceSeconds', { count: Math.round(everyMs / 1000) });
}

/** aboutText rounds a duration for an estimate: "about 8 h", "about 25 min", "under a minute". */
export function aboutText(ms: number): string {
  const min = ms / 60_000;
  if (min < 1) return t('watch.underMinute');
  if (min < 60) return t('watch.aboutMin', { n: formatCount(min) });
  const h = min / 60;
  return t('watch.aboutHours', { n: formatDecimal(h < 10 ? Math.round(h * 10) / 10 : Math.round(h)) });
}

/** waitingText is "480 waiting — about 8 h at 1 upload a minute" (no estimate without pacing). */
export function waitingText(w: main.WatchView): string {
  const n = w.stats.waiting;
  const base = t('watch.waiting', { n: formatCount(n) });
  if (n === 0 || w.uploadEveryMs <= 0) return base;
  return t('watch.waitingEta', { base, about: aboutText(w.etaMs), pace: paceText(w.uploadEveryMs) });
}

/** figuresText is the watch's counts in one line. */
export function figuresText(w: main.WatchView): string {
  const s = w.stats;
  const parts = [t('watch.seen', { n: formatCount(s.seen) }), t('watch.uploaded', { n: formatCount(s.uploaded) })];
  if (s.duplicates) parts.push(t('watch.duplicates', { n: formatCount(s.duplicates) }));
  parts.push(waitingText(w), t('watch.skipped', { n: formatCount(s.skipped) }));
  if (s.failed) parts.push(t('watch.failed', { n: formatCount(s.failed) }));
  return parts.join(' · ');
}

/** foldersText says how many folders are watched live and what happens at the system's limit. */
export function foldersText(w: main.WatchView): string {
  if (w.limit) return w.limit;
  if (w.state !== 'running') return '';
  return t('watch.live', { count: w.folders, setting: 'fs.inotify.max_user_watches' });
}

/** patternsText and patternList convert the patterns between the list and one text box. */
export const patternsText = (list: string[] | undefined): string => (list ?? []).join(' ');
export const patternList = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean);

const afterWords = { keep: 'watch.afterKeep', move: 'watch.afterMove', delete: 'watch.afterDelete' } as const;

/** settingsText sums up a watch's settings: "This folder only · settles 10 s · after upload keeps each file". */
export function settingsText(w: main.WatchView): string {
  const c = w.config;
  const after = afterWords[c.after as keyof typeof afterWords] ?? afterWords.keep;
  const parts = [t(c.recursive ? 'watch.withSubfolders' : 'watch.thisFolder'), t('watch.settles', { n: formatDecimal((c.settleMs || 10_000) / 1000) }),
    t(after)];
  if (c.tags?.length) parts.push(t('watch.tags', { tags: formatList(c.tags, 'plain') }));
  if (c.scope) parts.push(t('watch.scope', { scope: c.scope }));
  return parts.join(' · ');
}

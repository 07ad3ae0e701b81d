import { ErrorCode } from '../../lib/bridge/contract';
import type { contract } from '../../../wailsjs/go/models';
import { formatAgo, formatClock, formatDuration } from '../../lib/format';
import { t, type MessageKey } from '../../lib/i18n/i18n.svelte';

// The Search view's logic without the page: modes, how a moment reads, and what to say when a
// search found little or failed.

export const modes = [
  { id: 'seen', label: 'search.modeSeen' },
  { id: 'said', label: 'search.modeSaid' },
  { id: 'exact', label: 'search.modeExact' },
  { id: 'picture', label: 'search.modePicture' },
] as const satisfies readonly { id: string; label: MessageKey }[];
export type ModeId = (typeof modes)[number]['id'];

export const levels = [
  { id: 'low', label: 'search.levelLow' },
  { id: 'medium', label: 'search.levelMedium' },
  { id: 'high', label: 'search.levelHigh' },
] as const satisfies readonly { id: string; label: MessageKey }[];

/** clock formats seconds as m:ss, or h:mm:ss from an hour on, in the locale's digits (whole
 * seconds passed, so a moment at 12.7 s reads 0:12 as the player shows it). */
export function clock(sec: number): string {
  return formatDuration(Math.floor(Number.isFinite(sec) ? sec : 0));
}

/** timeRange is a moment's span, "0:13–0:18", or one time when it has no end. */
export function timeRange(start: number, end: number): string {
  return end > start ? t('format.timeRange', { from: clock(start), to: clock(end) }) : clock(start);
}

/** scorePercent puts a score on a 0–100 bar; scores above 1 are taken as percent already. */
export function scorePercent(score: number): number {
  if (!Number.isFinite(score) || score <= 0) return 0;
  return Math.round(Math.min(score > 1 ? score : score * 100, 100));
}

/** highlight splits text into parts, marking those that are words of the query (any case). */
export function highlight(text: string, query: string): { text: string; hit: boolean }[] {
  const words = [...new Set(query.toLowerCase().split(/[^\p{L}\p{N}']+/u).filter((w) => w.length > 1))];
  if (!text || !words.length) return text ? [{ text, hit: false }] : [];
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length);
  const re = new RegExp(`(${escaped.join('|')})`, 'giu');
  return text.split(re).filter((p) => p !== '').map((p) => ({ text: p, hit: words.includes(p.toLowerCase()) }));
}

/** age says how old a kept answer is: "just now", "5 minutes ago", "2 hours ago", "3 days ago". */
export function age(at: number, now: number): string {
  return formatAgo(at, now);
}

/** hhmm is a local time of day, 14:05 (2:05 PM where that is the custom). */
export function hhmm(ms: number): string {
  return formatClock(ms);
}

/** unindexedText says how many videos a search could not look at yet; '' for none. */
export function unindexedText(n: number): string {
  return n <= 0 ? '' : t('search.unindexed', { count: n });
}

/** failureText turns a failed search into what the person reads and can do. */
export function failureText(e: contract.ErrorInfo): { title: string; next: string } {
  switch (e.code) {
    case ErrorCode.RateLimited:
      return {
        title: e.retryAt ? t('search.limitedUntil', { time: hhmm(e.retryAt) }) : t('search.limited'),
        next: t('search.limitedNext'),
      };
    case ErrorCode.NoCredits:
      return {
        title: t('search.noCredits'),
        next: t('search.noCreditsNext'),
      };
    default:
      return { title: e.message, next: e.next ?? '' };
  }
}

/** isPicture tells a file a search by picture accepts, by its name. */
export function isPicture(path: string): boolean {
  return /\.(jpe?g|png|gif|bmp|webp)$/i.test(path);
}

/** baseName is a path's last part, for either separator. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

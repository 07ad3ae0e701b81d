import { intlLocale, t } from './i18n/i18n.svelte';
import { platformTitle } from '../views/import/platform';

// Formatting shared by the views, in the language on screen (Intl). Every function accepts odd
// input (NaN, negative, undefined) and still returns something readable.

const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

function number(n: number, opts: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(intlLocale(), opts).format(n);
}

/** formatBytes renders 1536 as "1.5 kB" (1024-based, as the service's limits are). */
export function formatBytes(n: number | undefined): string {
  if (!n || !Number.isFinite(n) || n < 0) n = 0;
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  const digits = i === 0 ? 0 : n < 10 ? 1 : 0;
  if (i === 0) return t('format.bytes', { n: number(n) });
  return number(n, { style: 'unit', unit: units[i], minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** formatSpeed renders bytes per second. */
export function formatSpeed(bps: number | undefined): string {
  return t('format.speed', { size: formatBytes(bps) });
}

/** formatDuration renders seconds as a clock, "1:05" or "1:02:03", in the locale's digits. */
export function formatDuration(sec: number | undefined): string {
  if (!sec || !Number.isFinite(sec) || sec < 0) sec = 0;
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const two = (x: number) => number(x, { minimumIntegerDigits: 2, useGrouping: false });
  return h > 0 ? t('format.clockHours', { h: number(h), m: two(m), s: two(s % 60) }) : t('format.clock', { m: number(m), s: two(s % 60) });
}

/** formatEta renders an ETA in seconds; negative means unknown. */
export function formatEta(sec: number | undefined): string {
  return sec === undefined || sec < 0 || !Number.isFinite(sec) ? '—' : formatDuration(sec);
}

/** formatWait renders milliseconds until a slot as "0:43". */
export function formatWait(ms: number | undefined): string {
  return formatDuration(Math.ceil((ms ?? 0) / 1000));
}

/** formatIn renders a wait as "8 sec" under a minute, else as "1:05". */
export function formatIn(ms: number): string {
  const sec = Math.max(0, Math.ceil(ms / 1000));
  return sec < 60 ? number(sec, { style: 'unit', unit: 'second', unitDisplay: 'short' }) : formatWait(ms);
}

/** formatClock renders unix milliseconds as a local time of day, "21:43" (or "9:43 PM" where that is the custom). */
export function formatClock(ms: number): string {
  return new Date(ms).toLocaleTimeString(intlLocale(), { hour: '2-digit', minute: '2-digit' });
}

/** formatDate renders unix milliseconds as a local date and time. */
export function formatDate(ms: number | undefined): string {
  if (!ms || !Number.isFinite(ms)) return '—';
  return new Date(ms).toLocaleString(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' });
}

/** formatDay renders unix milliseconds as a local date alone. */
export function formatDay(ms: number | undefined): string {
  if (!ms || !Number.isFinite(ms)) return '—';
  return new Date(ms).toLocaleDateString(intlLocale(), { dateStyle: 'medium' });
}

/** formatDecimal renders 48.8584 as "48.8584" ("48,8584" in German). */
export function formatDecimal(n: number): string {
  return number(n, { maximumFractionDigits: 6 });
}

/** formatFixed renders n with exactly digits decimals, as coordinates are shown. */
export function formatFixed(n: number, digits: number): string {
  return number(n, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** formatAgo says how long ago at was: "just now", "5 minutes ago", "2 hours ago", "3 days ago". */
export function formatAgo(at: number, now: number): string {
  const min = Math.floor((now - at) / 60000);
  const rtf = new Intl.RelativeTimeFormat(intlLocale(), { numeric: 'auto' });
  if (min < 1) return t('format.justNow');
  if (min < 60) return rtf.format(-min, 'minute');
  const h = Math.floor(min / 60);
  return h < 24 ? rtf.format(-h, 'hour') : rtf.format(-Math.floor(h / 24), 'day');
}

/** formatCount renders 1234 as "1,234" ("1.234" in German). */
export function formatCount(n: number | undefined): string {
  return number(n && Number.isFinite(n) ? Math.round(n) : 0);
}

/** formatPercent renders 0.42 as "42 %" in the locale's way. */
export function formatPercent(fraction: number): string {
  return number(Number.isFinite(fraction) ? fraction : 0, { style: 'percent', maximumFractionDigits: 0 });
}

/** formatList renders ["a", "b", "c"] as "a, b and c" in the language on screen. */
export function formatList(items: string[], type: 'conjunction' | 'disjunction' | 'unit' = 'conjunction'): string {
  return new Intl.ListFormat(intlLocale(), { type }).format(items);
}

/** displayName turns a job or video name that is a URL into its last path segment ("beach.mp4"). */
export function displayName(name: string): string {
  if (!/^https?:\/\//i.test(name)) return name;
  try {
    const seg = new URL(name).pathname.split('/').filter(Boolean).pop();
    return seg ? decodeURIComponent(seg) : name;
  } catch {
    return name;
  }
}

/** jobName is what a person knows a job by, in the language on screen: an import is worded from its
 * platform and link count ("TikTok · 3 links"; the name Go stores is English data), any other job
 * by its name (a file, URL or id). */
export function jobName(j: { name: string; platform?: string; links?: number }): string {
  if (j.platform && j.links) return t('task.heading', { platform: platformTitle(j.platform), count: j.links });
  return j.name;
}

/** videoTitle is what a person knows a video by: the file or URL it was uploaded from when this app
 * uploaded it, else the server's stored name, else its number. */
export function videoTitle(v: { title?: string; name?: string; videoNo: string }): string {
  return (v.title && displayName(v.title)) || v.name || v.videoNo;
}

/**
 * splitPath cuts a path before its last separator, so a view can shorten the folders and keep
 * the file name: "/home/me/Videos/sunset.mov" is ["/home/me/Videos", "/sunset.mov"].
 */
export function splitPath(path: string): [string, string] {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut <= 0 ? ['', path] : [path.slice(0, cut), path.slice(cut)];
}

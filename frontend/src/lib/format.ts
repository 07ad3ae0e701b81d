// Formatting shared by the views. Every function accepts odd input (NaN, negative, undefined)
// and still returns something readable.

const units = ['B', 'KB', 'MB', 'GB', 'TB'];

/** formatBytes renders 1536 as "1.5 KB" (1024-based, as the service's limits are). */
export function formatBytes(n: number | undefined): string {
  if (!n || !Number.isFinite(n) || n < 0) return '0 B';
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${i === 0 ? n : n.toFixed(n < 10 ? 1 : 0)} ${units[i]}`;
}

/** formatSpeed renders bytes per second. */
export function formatSpeed(bps: number | undefined): string {
  return `${formatBytes(bps)}/s`;
}

/** formatDuration renders seconds as "1:05" or "1:02:03". */
export function formatDuration(sec: number | undefined): string {
  if (!sec || !Number.isFinite(sec) || sec < 0) return '0:00';
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** formatEta renders an ETA in seconds; negative means unknown. */
export function formatEta(sec: number | undefined): string {
  return sec === undefined || sec < 0 || !Number.isFinite(sec) ? '—' : formatDuration(sec);
}

/** formatWait renders milliseconds until a slot as "0:43". */
export function formatWait(ms: number | undefined): string {
  return formatDuration(Math.ceil((ms ?? 0) / 1000));
}

/** formatIn renders a wait as "8 s" under a minute, else as "1:05". */
export function formatIn(ms: number): string {
  const sec = Math.max(0, Math.ceil(ms / 1000));
  return sec < 60 ? `${sec} s` : formatWait(ms);
}

/** formatClock renders unix milliseconds as a 24-hour local time, "21:43". */
export function formatClock(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** formatDate renders unix milliseconds as a local date and time. */
export function formatDate(ms: number | undefined): string {
  if (!ms || !Number.isFinite(ms)) return '—';
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** formatCount renders 1234 as "1,234" (the UI is English, so the grouping is too). */
export function formatCount(n: number | undefined): string {
  return (n && Number.isFinite(n) ? Math.round(n) : 0).toLocaleString('en-US');
}

/** plural renders a counted noun: plural(1, 'video') is "1 video", plural(1234, 'video') "1,234 videos". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
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

import type { contract } from '../../../wailsjs/go/models';
import { formatList } from '../../lib/format';
import { t } from '../../lib/i18n/i18n.svelte';

/** folderOf returns the folder part of a verdict's path ("/a/b/c.mp4" → "/a/b"), on any OS. */
export function folderOf(v: Pick<contract.Verdict, 'path' | 'name'>): string {
  const cut = Math.max(v.path.lastIndexOf('/'), v.path.lastIndexOf('\\'));
  return cut > 0 ? v.path.slice(0, cut) : cut === 0 ? v.path[0] : '';
}

/** totalSize sums the sizes of the listed files. */
export function totalSize(files: contract.Verdict[]): number {
  return files.reduce((sum, f) => sum + (f.size || 0), 0);
}

const dupKeys = { uploaded: 'dup.uploaded', queued: 'dup.queued', batch: 'dup.batch' } as const;

/** duplicateSummary is "2 videos already uploaded, 1 video already in the queue, 1 video listed twice". */
export function duplicateSummary(flags: Record<string, { kind: string }>): string {
  const counts = new Map<string, number>();
  for (const f of Object.values(flags)) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  const kinds = Object.keys(dupKeys).filter((k) => counts.has(k)) as (keyof typeof dupKeys)[];
  return formatList(kinds.map((k) => t(dupKeys[k], { count: counts.get(k)! })), 'plain');
}

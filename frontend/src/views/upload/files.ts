import type { contract } from '../../../wailsjs/go/models';
import { plural } from '../../lib/format';

/** folderOf returns the folder part of a verdict's path ("/a/b/c.mp4" → "/a/b"), on any OS. */
export function folderOf(v: Pick<contract.Verdict, 'path' | 'name'>): string {
  const cut = Math.max(v.path.lastIndexOf('/'), v.path.lastIndexOf('\\'));
  return cut > 0 ? v.path.slice(0, cut) : cut === 0 ? v.path[0] : '';
}

/** totalSize sums the sizes of the listed files. */
export function totalSize(files: contract.Verdict[]): number {
  return files.reduce((sum, f) => sum + (f.size || 0), 0);
}

const dupWords: Record<string, string> = { uploaded: 'already uploaded', queued: 'already in the queue', batch: 'listed twice' };

/** duplicateSummary is "2 videos already uploaded, 1 already in the queue, 1 listed twice". */
export function duplicateSummary(flags: Record<string, { kind: string }>): string {
  const counts = new Map<string, number>();
  for (const f of Object.values(flags)) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  const parts = Object.keys(dupWords).filter((k) => counts.has(k))
    .map((k, i) => `${i === 0 ? plural(counts.get(k)!, 'video') : counts.get(k)} ${dupWords[k]}`);
  return parts.join(', ');
}

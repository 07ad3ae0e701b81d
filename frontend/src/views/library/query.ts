import type { contract } from '../../../wailsjs/go/models';

// What the Library toolbar filters by, and how that becomes a backend query.

export type Sort = 'created_desc' | 'created_asc' | 'name' | 'size_desc';

export interface Filters {
  text: string;
  status: '' | 'UNPARSE' | 'PARSE' | 'FAILED';
  tag: string;
  /** from and to are date-input values (YYYY-MM-DD, local time); "" leaves that side open. */
  from: string;
  to: string;
  sort: Sort;
}

export const pageSize = 1000;

export function emptyFilters(): Filters {
  return { text: '', status: '', tag: '', from: '', to: '', sort: 'created_desc' };
}

/** filtersActive reports whether anything narrows the list (the sort order does not). */
export function filtersActive(f: Filters): boolean {
  return !!(f.text.trim() || f.status || f.tag.trim() || f.from || f.to);
}

/** dayStart returns local midnight of a YYYY-MM-DD date in unix ms, or 0 for "" or junk. */
export function dayStart(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return 0;
  const ms = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
  return Number.isFinite(ms) ? ms : 0;
}

/** dayEnd returns local midnight after a date: the exclusive upper bound that includes the whole day. */
export function dayEnd(date: string): number {
  const start = dayStart(date);
  if (!start) return 0;
  const d = new Date(start);
  d.setDate(d.getDate() + 1);
  return d.getTime();
}

/** buildQuery turns the toolbar's filters into one page request. */
export function buildQuery(f: Filters, cursor = ''): contract.LibraryQuery {
  return {
    status: f.status,
    tag: f.tag.trim(),
    text: f.text.trim(),
    after: dayStart(f.from),
    before: dayEnd(f.to),
    sort: f.sort,
    cursor,
    limit: pageSize,
  };
}

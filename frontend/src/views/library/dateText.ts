import { t } from '../../lib/i18n/i18n.svelte';
import { numericDays as numeric } from '../../lib/format';

// A calendar day (ISO yyyy-mm-dd, as the filters keep it) written and read the way the language
// on screen writes dates ("05.12.2026", "12/05/2026", "2026/12/05"). WebKitGTK's own date input
// formats by the process's locale, never the page's language, so the Library's date fields are
// text fields that use these.

type Part = 'year' | 'month' | 'day';
const isPart = (type: string): type is Part => type === 'year' || type === 'month' || type === 'day';

/** showDate writes an ISO day the locale's way; '' when there is none. */
export function showDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? numeric().format(Date.UTC(+m[1], +m[2] - 1, +m[3])) : '';
}

/** datePattern is what the field expects, in the language's letters ("TT.MM.JJJJ", "DD/MM/AAAA"). */
export function datePattern(): string {
  const letters: Record<Part, string> = { year: t('dateField.year'), month: t('dateField.month'), day: t('dateField.day') };
  return numeric().formatToParts(Date.UTC(2026, 11, 31)).map((p) => (isPart(p.type) ? letters[p.type] : p.value)).join('');
}

/**
 * readDate reads what a person typed: three numbers in the locale's order, any separators
 * ("5.12.26", "05/12/2026"), a two-digit year in this century. null when it is no real day.
 */
export function readDate(text: string): string | null {
  const numbers = text.match(/\d+/g);
  if (!numbers || numbers.length !== 3) return null;
  const order = numeric().formatToParts(Date.UTC(2026, 11, 31)).map((p) => p.type).filter(isPart);
  const v = { year: 0, month: 0, day: 0 };
  order.forEach((part, i) => (v[part] = Number(numbers[i])));
  if (numbers[order.indexOf('year')].length <= 2) v.year += 2000;
  const d = new Date(Date.UTC(v.year, v.month - 1, v.day));
  if (v.year < 1000 || d.getUTCFullYear() !== v.year || d.getUTCMonth() !== v.month - 1 || d.getUTCDate() !== v.day) return null;
  return d.toISOString().slice(0, 10);
}

// The app's words. Every sentence a person reads comes from a catalogue in ./locales (ICU
// MessageFormat: placeholders and plurals, never concatenation), formatted by intl-messageformat.
// The language is reactive state: t() reads it, so switching language re-renders every view live.
import { IntlMessageFormat } from 'intl-messageformat';
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import en from './locales/en.json';
import de from './locales/de.json';
import es from './locales/es.json';
import zhHans from './locales/zh-Hans.json';
import { pseudoMessage } from './pseudo';

export type MessageKey = keyof typeof en;
export type Values = Record<string, string | number | Date>;

/** The languages the app ships, in the picker's order; each is named in its own language. */
export const languages = [
  { tag: 'en', name: 'English' },
  { tag: 'de', name: 'Deutsch' },
  { tag: 'es', name: 'Español' },
  { tag: 'zh-Hans', name: '简体中文' },
] as const;

/** The pseudo-locale for tests (LANG=en_XA): not in the picker's list, shown there by this name
 * only while it is the language chosen or the system's. */
export const pseudoTag = 'en-XA';
export const pseudoName = 'Pseudo (en-XA)'; // no catalogue word: the pseudo-locale's real-window check reads none

export type LanguageTag = (typeof languages)[number]['tag'] | typeof pseudoTag;

const catalogues: Record<Exclude<LanguageTag, typeof pseudoTag>, Partial<Record<MessageKey, string>>> = {
  en,
  de,
  es,
  'zh-Hans': zhHans,
};

/**
 * matchLanguage picks the shipped language for a BCP 47 or POSIX locale ("de_AT.UTF-8", "zh-CN",
 * "es-419"); English when none fits. Traditional Chinese (Hant, TW, HK, MO) gets English rather
 * than Simplified script.
 */
export function matchLanguage(locale: string | undefined | null): LanguageTag {
  const tag = (locale ?? '').split(/[.@]/)[0].replace(/_/g, '-');
  const lower = tag.toLowerCase();
  if (lower === 'en-xa' || lower === 'pseudo' || lower === 'x-pseudo') return pseudoTag; // the Go side calls it pseudo
  const [lang] = lower.split('-');
  if (lang === 'zh') return /-(hant|tw|hk|mo)\b/.test(lower) ? 'en' : 'zh-Hans';
  return languages.find((l) => l.tag === lang)?.tag ?? 'en';
}

class Language {
  /** The language on screen. */
  tag = $state<LanguageTag>('en');
  /** The system's language, what the "System" choice follows. */
  system = $state<LanguageTag>('en');
  /** The system's full locale ("en-GB", "de-AT"): its region's customs (24-hour clock, date order)
   * apply while the language on screen is the system's own. */
  systemLocale = $state('');
  /** worded counts the Go side's language switches (the bound SetLanguage): what Go words — a
   * failed job's message, an import plan's summary and warnings — is read again when it moves. */
  worded = $state(0);

  /** use switches the language on screen; '' (or anything unknown) follows the system. */
  use(choice: string) {
    this.tag = choice ? matchLanguage(choice) : this.system;
    if (typeof document !== 'undefined') document.documentElement.lang = this.tag;
  }
}

export const language = new Language();

/** intlLocale is the locale Intl formats with: the system's locale when it speaks the language on
 * screen (so en-GB keeps its 24-hour clock), else the language itself; the pseudo-locale formats as English. */
export function intlLocale(): string {
  const tag = language.tag === pseudoTag ? 'en' : language.tag;
  const sys = language.systemLocale;
  if (sys && sys.split('-')[0].toLowerCase() === tag.split('-')[0]) {
    try {
      return Intl.getCanonicalLocales(sys)[0];
    } catch {
      // a malformed system locale: the language alone
    }
  }
  return tag;
}

const formats = new Map<string, IntlMessageFormat>();

// A plain placeholder ({n}) reads its value under this suffix, where shown() has put the value as
// a person reads it: intl-messageformat would write a number there with String() ("0.5" in German
// too, "1234" in English), where ICU formats it for the locale as it does `#` and {n, number}.
const shownSuffix = '\u0000shown';

/** readShown points every plain placeholder of a message at its shown value. */
function readShown(els: MessageFormatElement[]): MessageFormatElement[] {
  return els.map((el) => {
    if (el.type === TYPE.argument) return { ...el, value: el.value + shownSuffix };
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options = Object.fromEntries(Object.entries(el.options).map(([k, o]) => [k, { ...o, value: readShown(o.value) }]));
      return { ...el, options } as MessageFormatElement;
    }
    if (el.type === TYPE.tag) return { ...el, children: readShown(el.children) };
    return el;
  });
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** shown adds to values each one as a person reads it: numbers and dates in the locale's way.
 * Identifiers that are numbers (a job id, 1080p) are passed as strings, so they stay ungrouped. */
function shown<V>(values: Record<string, V> | undefined): Record<string, V | string> {
  const out: Record<string, V | string> = { ...values };
  const locale = intlLocale();
  for (const [k, v] of Object.entries(values ?? {})) {
    let s: V | string = v;
    if (typeof v === 'number') {
      let nf = numberFormats.get(locale);
      if (!nf) numberFormats.set(locale, (nf = new Intl.NumberFormat(locale)));
      s = nf.format(v);
    } else if (v instanceof Date) {
      s = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(v);
    }
    out[k + shownSuffix] = s;
  }
  return out;
}

function formatter(tag: LanguageTag, key: MessageKey): IntlMessageFormat {
  const id = `${tag}\u0000${key}`;
  let f = formats.get(id);
  if (!f) {
    const locale = tag === pseudoTag ? 'en' : tag;
    const source: string | MessageFormatElement[] =
      tag === pseudoTag ? pseudoMessage(en[key]) : (catalogues[tag][key] ?? en[key]);
    f = new IntlMessageFormat(readShown(new IntlMessageFormat(source, locale).getAst()), locale);
    formats.set(id, f);
  }
  return f;
}

/** t renders message key in the language on screen (English where a catalogue lacks it). */
export function t(key: MessageKey, values?: Values): string {
  return String(formatter(language.tag, key).format(shown(values)));
}

/** hasMessage tells whether key is a message (for codes that come from the backend). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** catalogueOf exposes a shipped catalogue to the tests that compare them. */
export function catalogueOf(tag: Exclude<LanguageTag, typeof pseudoTag>): Partial<Record<MessageKey, string>> {
  return catalogues[tag];
}

/** The markup a message may carry: <b>, <code>, <nobr> (a strong figure kept on one line) and <em>; values never share these names. */
export const richTags = ['b', 'code', 'nobr', 'em'] as const;
export type RichPart = { tag: '' | (typeof richTags)[number]; text: string };

/** tParts renders a message with markup into parts a component wraps in elements (see Rich.svelte). */
export function tParts(key: MessageKey, values: Values = {}): RichPart[] {
  const tags = Object.fromEntries(richTags.map((tag) => [tag, (chunks: unknown[]) => ({ tag, text: chunks.join('') })]));
  const out = formatter(language.tag, key).format<RichPart>({ ...shown(values), ...tags } as Record<string, never>);
  const parts = Array.isArray(out) ? out : [out];
  return parts.map((p) => (typeof p === 'object' && p !== null ? (p as RichPart) : { tag: '', text: String(p) }));
}

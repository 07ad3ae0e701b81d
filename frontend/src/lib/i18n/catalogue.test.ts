// Every catalogue says everything English says, with the same placeholders, in valid ICU.
import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { catalogueOf, languages } from './i18n.svelte';
import { pseudoMessage } from './pseudo';

function argNames(els: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of els) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) argNames(o.value, into);
    if (el.type === TYPE.tag) argNames(el.children, into);
  }
  return into;
}

const en = catalogueOf('en') as Record<string, string>;

describe.each(languages.filter((l) => l.tag !== 'en').map((l) => l.tag))('catalogue %s', (tag) => {
  const cat = catalogueOf(tag) as Record<string, string>;
  it('has every key English has, and no other', () => {
    expect(Object.keys(en).filter((k) => !(k in cat))).toEqual([]);
    expect(Object.keys(cat).filter((k) => !(k in en))).toEqual([]);
  });
  it('uses the placeholders English uses, in valid ICU', () => {
    const wrong = Object.keys(en).filter((k) => {
      if (!(k in cat)) return false;
      // a language without plural forms (Chinese) may leave out a count English only inflects by
      const want = [...argNames(parse(en[k]))].filter((a) => a !== 'count').sort().join();
      const got = argNames(parse(cat[k]));
      if (got.has('count') && !argNames(parse(en[k])).has('count')) return true;
      got.delete('count');
      return [...got].sort().join() !== want;
    });
    expect(wrong).toEqual([]);
  });
  it('is translated, not copied (the app\'s name, short words and symbols aside)', () => {
    const copied = Object.keys(en).filter((k) => !k.startsWith('app.') && cat[k] === en[k] && /[a-z]{4,}\s+[a-z]{3,}/i.test(en[k]));
    expect(copied).toEqual([]);
  });
});

describe('pseudo-locale', () => {
  it('accents, lengthens by about 40 % and brackets every message, placeholders intact', () => {
    const els = pseudoMessage('Upload {count, plural, one {# video} other {# videos}} to {scope}');
    const text = JSON.stringify(els);
    expect(els[0]).toEqual({ type: TYPE.literal, value: '[' });
    expect(text).toContain('"value":"scope"');
    expect(text).not.toMatch(/"value":"[^"]*\b(Upload|video|to)\b/);
    const lit = (s: string) => (pseudoMessage(s)[1] as { value: string }).value;
    const sample = 'Choose the folder where downloaded videos are saved';
    expect(lit(sample).length / sample.length).toBeGreaterThan(1.3);
  });
});

// The pseudo-locale (en-XA): every English message accented, about 40 % longer and wrapped in
// [brackets], generated from the English catalogue so it never falls behind. Under it, any plain
// English on screen is text that bypassed the catalogue, and any cut-off bracket is clipping.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

const accents: Record<string, string> = {
  a: 'ă', b: 'ƀ', c: 'ç', d: 'đ', e: 'ĕ', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'ĭ', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ŏ', p: 'ƥ', q: 'ʠ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ŭ', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Ă', B: 'Ɓ', C: 'Ç', D: 'Đ', E: 'Ĕ', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Ĭ', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ŏ', P: 'Ƥ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Ŭ', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

/** pseudoText accents every letter and doubles every vowel, which makes English text ~40 % longer. */
export function pseudoText(s: string): string {
  let out = '';
  for (const ch of s) {
    const a = accents[ch] ?? ch;
    out += /[aeiouyAEIOUY]/.test(ch) ? a + a : a;
  }
  return out;
}

function walk(els: MessageFormatElement[]): MessageFormatElement[] {
  return els.map((el) => {
    if (el.type === TYPE.literal) return { ...el, value: pseudoText(el.value) };
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options = Object.fromEntries(
        Object.entries(el.options).map(([k, o]) => [k, { ...o, value: walk(o.value) }]),
      );
      return { ...el, options } as MessageFormatElement;
    }
    if (el.type === TYPE.tag) return { ...el, children: walk(el.children) };
    return el;
  });
}

/** pseudoMessage turns one ICU message into its pseudo form, placeholders and plurals untouched. */
export function pseudoMessage(message: string): MessageFormatElement[] {
  const lit = (value: string): MessageFormatElement => ({ type: TYPE.literal, value });
  return [lit('['), ...walk(parse(message)), lit(']')];
}

// No component says anything a person reads except through the catalogue: this parses every
// .svelte file with the Svelte compiler and fails on text nodes with letters, on letters in
// attributes a person sees or hears (placeholder, title, aria-*, alt, label), and on string
// literals that a template expression renders or a toast shows. Symbols and punctuation (·, —,
// ×) pass; names such as "Memories Desktop" live in the catalogue too.
import { describe, expect, it } from 'vitest';
import { parse } from 'svelte/compiler';
import { lintFormats, lintSvelte } from './lint';

// every component's source, keyed by its path under src/
const sources = Object.fromEntries(
  Object.entries(import.meta.glob('/src/**/*.svelte', { query: '?raw', import: 'default', eager: true }))
    .map(([path, src]) => [path.replace(/^\/src\//, ''), src as string]),
);

/** Components whose words are not in the catalogue yet (empty when issue 21 is done). */
const pending = new Set<string>([
]);

describe('components say nothing outside the catalogue', () => {
  const files = Object.keys(sources).sort();
  it('finds the components', () => expect(files.length).toBeGreaterThan(50));
  it.each(files)('%s', (file) => {
    const found = lintSvelte(sources[file], parse);
    // a file still on the to-do list must still need it, so the list only shrinks
    if (pending.has(file)) expect(found).not.toEqual([]);
    else expect(found).toEqual([]);
  });
  it('lists no component that is gone', () => expect([...pending].filter((f) => !(f in sources))).toEqual([]));
});

describe('the lint itself', () => {
  const bad = (src: string) => lintSvelte(src, parse).length;
  it('catches text, attributes, rendered literals and toasts', () => {
    expect(bad('<p>Hello</p>')).toBe(1);
    expect(bad('<input placeholder="Search videos" />')).toBe(1);
    expect(bad('<button aria-label="Close {name}">×</button>')).toBe(1);
    expect(bad('<p>{busy ? "Saving…" : t("save")}</p>')).toBe(1);
    expect(bad('<p title={`Open ${x}`}></p>')).toBe(1);
    expect(bad('<script>toasts.push("error", "It failed");</script>')).toBe(1);
  });
  it('lets catalogue text, symbols and code through', () => {
    expect(bad('<p>{t("hello")} · —</p>')).toBe(0);
    expect(bad('<div class="row wide" id="files" role="list"></div>')).toBe(0);
    expect(bad('<div style:transform={`translateY(${y}px)`} class:on={x}></div>')).toBe(0);
    expect(bad('<p>{ok ? t("a") : t("b")}</p><input placeholder={t("x")} />')).toBe(0);
    expect(bad('<script>toasts.push("error", t("failed"));</script><style>p { color: red; }</style>')).toBe(0);
  });
});

// No date, time, number, size, duration, plural or list is formatted by hand: lib/format.ts (Intl
// in the app's locale) and the catalogue's plurals do it. Every .ts and .svelte file but those two
// homes of formatting (and the tests) is read.
describe('no hand-written formats', () => {
  const code = Object.fromEntries(
    Object.entries(import.meta.glob(['/src/**/*.ts', '/src/**/*.svelte', '!/src/**/*.test.ts'], { query: '?raw', import: 'default', eager: true }))
      .map(([path, src]) => [path.replace(/^\/src\//, ''), src as string])
      .filter(([path]) => path !== 'lib/format.ts' && !path.startsWith('lib/i18n/')),
  );
  const files = Object.keys(code).sort();
  it('finds the sources', () => expect(files.length).toBeGreaterThan(100));
  it.each(files)('%s', (file) => expect(lintFormats(code[file])).toEqual([]));

  it('catches each kind, and lets Intl, catalogue calls and comments through', () => {
    const bad = (src: string) => lintFormats(src).length;
    expect(bad('const s = (n / 1e6).toFixed(1);')).toBe(1);
    expect(bad('d.toLocaleDateString()')).toBe(1);
    expect(bad("new Intl.NumberFormat('en')")).toBe(1);
    expect(bad("String(s).padStart(2, '0')")).toBe(1);
    expect(bad('`${d.getHours()}:${m}`')).toBe(1);
    expect(bad("<span title={tags.join(', ')}>")).toBe(1);
    expect(bad("n + ' video' + (n === 1 ? '' : 's')")).toBe(1);
    expect(bad('`${n} videos`.replace(1, `${n}s`)')).toBe(1);
    expect(bad("return size + ' MB';")).toBe(1);
    expect(bad('`${mins} min ago`')).toBe(2);
    expect(bad("formatBytes(n) + formatList(tags, 'plain') + t('x', { count: n })")).toBe(0);
    expect(bad("// 1.2 GB of 4.0 GB, 5 minutes ago, .toFixed(1)\nconst x = 1; /* padStart */")).toBe(0);
    expect(bad("parts.join(' · '); path.join('/'); ids.join(','); url = 'https://x'")).toBe(0);
    expect(bad('<input type="number" min="0.1" step="0.1" />; Math.min(a, b)')).toBe(0);
  });
});

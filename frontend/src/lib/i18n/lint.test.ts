// No component says anything a person reads except through the catalogue: this parses every
// .svelte file with the Svelte compiler and fails on text nodes with letters, on letters in
// attributes a person sees or hears (placeholder, title, aria-*, alt, label), and on string
// literals that a template expression renders or a toast shows. Symbols and punctuation (·, —,
// ×) pass; names such as "Memories Desktop" live in the catalogue too.
import { describe, expect, it } from 'vitest';
import { parse } from 'svelte/compiler';
import { lintSvelte } from './lint';

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

// The walk behind lint.test.ts: where a component puts text a person reads without t().
import type { parse as svelteParse } from 'svelte/compiler';

/** Attributes whose values are shown or spoken. */
const spoken = new Set(['placeholder', 'title', 'alt', 'label', 'aria-label', 'aria-description',
  'aria-placeholder', 'aria-roledescription', 'aria-valuetext']);

const letters = /\p{L}/u;

type Node = { type: string; [k: string]: unknown };

/**
 * rendered collects the string literals an expression can evaluate to (a ternary's branches,
 * a || fallback, a template's fixed parts), not literals handed to functions or compared.
 */
function rendered(e: Node | null | undefined, out: string[]) {
  if (!e) return;
  switch (e.type) {
    case 'Literal':
      if (typeof e.value === 'string') out.push(e.value);
      break;
    case 'TemplateLiteral':
      for (const q of e.quasis as { value: { cooked: string } }[]) out.push(q.value.cooked);
      for (const x of e.expressions as Node[]) rendered(x, out);
      break;
    case 'ConditionalExpression':
      rendered(e.consequent as Node, out);
      rendered(e.alternate as Node, out);
      break;
    case 'LogicalExpression':
      rendered(e.right as Node, out);
      rendered(e.left as Node, out);
      break;
    case 'BinaryExpression':
      if (e.operator === '+') {
        rendered(e.left as Node, out);
        rendered(e.right as Node, out);
      }
      break;
  }
}

/** walk visits every node; attr is the attribute a node sits in ('' in the markup). */
function walk(n: unknown, visit: (n: Node, attr: string) => void, attr = '') {
  if (!n || typeof n !== 'object') return;
  if (Array.isArray(n)) return n.forEach((x) => walk(x, visit, attr));
  const node = n as Node;
  if (typeof node.type === 'string') visit(node, attr);
  const inner =
    node.type === 'Attribute' ? String(node.name).toLowerCase() : /Directive$|^SpreadAttribute$/.test(node.type) ? '#directive' : attr;
  for (const [k, v] of Object.entries(node)) if (k !== 'parent' && k !== 'metadata') walk(v, visit, inner);
}

/** lintSvelte lists the user-visible English (or any language) in a component's source. */
export function lintSvelte(source: string, parse: typeof svelteParse): string[] {
  const ast = parse(source, { modern: true });
  const found: string[] = [];
  const flag = (s: string) => letters.test(s) && found.push(s.trim());
  walk(ast.fragment, (n, attr) => {
    const seen = attr === '' || spoken.has(attr);
    if (n.type === 'Text' && seen) flag(String(n.data));
    if (n.type === 'ExpressionTag' && seen) {
      const lits: string[] = [];
      rendered(n.expression as Node, lits);
      lits.forEach(flag);
    }
  });
  walk(ast.instance, (n) => {
    const callee = n.callee as Node | undefined;
    const prop = callee?.property as Node | undefined;
    const obj = callee?.object as Node | undefined;
    if (n.type === 'CallExpression' && obj?.name === 'toasts' && prop?.name === 'push') {
      const lits: string[] = [];
      for (const arg of (n.arguments as Node[]).slice(1)) rendered(arg, lits);
      lits.forEach(flag);
    }
  });
  return found;
}

/** Hand-written formats that Intl (lib/format.ts) or the catalogue does for the language on screen. */
const handFormats: [RegExp, string][] = [
  [/\.toFixed\(/, 'toFixed: a number with a fixed "." — use formatFixed/formatDecimal'],
  [/\.toLocale\w*String\(/, 'toLocale…String: a date or number formatted outside lib/format.ts'],
  [/\bnew Intl\.\w+/, 'new Intl.…: a formatter outside lib/format.ts, which knows the app\'s locale'],
  [/\.padStart\(/, 'padStart: a hand-built clock or date — use formatDuration/formatClock/formatDate'],
  [/\.get(Hours|Minutes|Seconds|FullYear|Month|Day)\(\)/, 'Date getters: a hand-built date or time — use formatDate/formatClock'],
  [/\.join\(\s*(['"`])[,;]\s+\1\s*\)/, "join(', '): a list — use formatList"],
  [/[+:]\s*(['"`])s\1|\}s`/, "+ 's': an English plural — use {count, plural, …} in the catalogue"],
  [/(\d|\}|['"`] ?)\s?(B|KB|kB|MB|GB|TB|KiB|MiB|GiB|fps|sec|min|ms)\b(?![=(])/, 'a unit written by hand — use formatBytes/formatIn or the catalogue'],
  [/(['"`])[^'"`\n]*\bago\b[^'"`\n]*\1/, '"ago": a relative time written by hand — use formatAgo'],
];

/** code drops comments (and, in a component, its styles), so only what runs is linted. */
function code(source: string): string {
  return source
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1');
}

/** lintFormats lists the lines of a .ts or .svelte source that format a date, time, number, size,
 * duration, plural or list by hand, each with why. */
export function lintFormats(source: string): string[] {
  const found: string[] = [];
  for (const line of code(source).split('\n')) {
    for (const [re, why] of handFormats) if (re.test(line)) found.push(`${why}: ${line.trim().slice(0, 120)}`);
  }
  return found;
}

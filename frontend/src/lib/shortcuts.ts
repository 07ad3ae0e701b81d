import { views } from './stores/nav.svelte';
import { t, type MessageKey } from './i18n/i18n.svelte';

// Every keyboard shortcut of the app, listed once for the "Keyboard shortcuts" sheet (Ctrl+/ or
// F1). The handlers live with their views; a test presses each shortcut listed here.
// The words are catalogue keys (what, title; view names the view for "Open {view}").
export type Shortcut = { keys: string[]; what: MessageKey; view?: MessageKey };
export type ShortcutGroup = { title: MessageKey; items: Shortcut[] };

const byKey = [...views].sort((a, b) => a.key.localeCompare(b.key));

export const shortcutGroups: ShortcutGroup[] = [
  {
    title: 'sc.anywhere',
    items: [
      ...byKey.map((v) => ({ keys: [`Ctrl+${v.key}`], what: 'sc.open' as MessageKey, view: v.label })),
      { keys: ['Ctrl+K'], what: 'sc.searchTheLibrary' },
      { keys: ['Ctrl+/', 'F1'], what: 'sc.showTheKeyboardShortcuts' },
      { keys: ['Tab', 'Shift+Tab'], what: 'sc.nextOrPreviousControl' },
      { keys: ['Escape'], what: 'sc.closeADialogOr' },
    ],
  },
  {
    title: 'sc.upload',
    items: [
      { keys: ['Ctrl+O'], what: 'sc.chooseFiles' },
      { keys: ['Enter', ','], what: 'sc.addTheTypedTag' },
      { keys: ['Backspace'], what: 'sc.removeTheLastTag' },
    ],
  },
  {
    title: 'sc.import',
    items: [{ keys: ['←', '→', 'Home', 'End'], what: 'sc.switchBetweenTheTabs' }],
  },
  {
    title: 'sc.libraryHistory',
    items: [{ keys: ['Ctrl+F'], what: 'sc.filterTheList' }],
  },
  {
    title: 'sc.library',
    items: [
      { keys: ['↑', '↓', 'Page Up', 'Page Down', 'Home', 'End'], what: 'sc.moveThroughTheVideos' },
      { keys: ['Enter'], what: 'sc.openTheDetails' },
      { keys: ['Space'], what: 'sc.selectOrUnselectThe' },
      { keys: ['Ctrl+A'], what: 'sc.selectEveryMatchingVideo' },
      { keys: ['Ctrl+S'], what: 'sc.downloadTheSelectedVideos' },
      { keys: ['Delete'], what: 'sc.deleteTheSelectedVideos' },
    ],
  },
];

// The keys named on key caps in words, by their catalogue message ("Strg" on a German keyboard);
// arrows, letters, digits, F1 and punctuation read the same everywhere.
const keyNames: Record<string, MessageKey> = {
  Ctrl: 'kbd.ctrl', Shift: 'kbd.shift', Tab: 'kbd.tab', Escape: 'kbd.escape', Enter: 'kbd.enter',
  Backspace: 'kbd.backspace', Space: 'kbd.space', Delete: 'kbd.delete', 'Page Up': 'kbd.pageUp',
  'Page Down': 'kbd.pageDown', Home: 'kbd.home', End: 'kbd.end',
};

/** keyLabel words a listed key or combination ("Ctrl+S") as the user's keyboard names it. */
export function keyLabel(keys: string): string {
  return keys.split('+').map((k) => (keyNames[k] ? t(keyNames[k]) : k)).join('+');
}

/** isShortcutsKey tells Ctrl/Cmd+/ and F1, which open the sheet. */
export function isShortcutsKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  const mod = e.ctrlKey || e.metaKey;
  if (e.altKey) return false;
  return (e.key === 'F1' && !mod && !e.shiftKey) || (mod && e.key === '/');
}

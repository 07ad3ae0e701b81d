import { views } from './stores/nav.svelte';

// Every keyboard shortcut of the app, listed once for the "Keyboard shortcuts" sheet (Ctrl+/ or
// F1). The handlers live with their views; a test presses each shortcut listed here.
export type Shortcut = { keys: string[]; what: string };
export type ShortcutGroup = { title: string; items: Shortcut[] };

const byKey = [...views].sort((a, b) => a.key.localeCompare(b.key));

export const shortcutGroups: ShortcutGroup[] = [
  {
    title: 'Anywhere',
    items: [
      ...byKey.map((v) => ({ keys: [`Ctrl+${v.key}`], what: `Open ${v.label}` })),
      { keys: ['Ctrl+K'], what: 'Search the library' },
      { keys: ['Ctrl+/', 'F1'], what: 'Show the keyboard shortcuts' },
      { keys: ['Tab', 'Shift+Tab'], what: 'Next or previous control' },
      { keys: ['Escape'], what: 'Close a dialog or the details' },
    ],
  },
  {
    title: 'Upload',
    items: [
      { keys: ['Ctrl+O'], what: 'Choose files' },
      { keys: ['Enter', ','], what: 'Add the typed tag' },
      { keys: ['Backspace'], what: 'Remove the last tag (in an empty tag box)' },
    ],
  },
  {
    title: 'Import',
    items: [{ keys: ['←', '→', 'Home', 'End'], what: 'Switch between the tabs' }],
  },
  {
    title: 'Library and History',
    items: [{ keys: ['Ctrl+F'], what: 'Filter the list' }],
  },
  {
    title: 'Library',
    items: [
      { keys: ['↑', '↓', 'Page Up', 'Page Down', 'Home', 'End'], what: 'Move through the videos' },
      { keys: ['Enter'], what: 'Open the details' },
      { keys: ['Space'], what: 'Select or unselect the video' },
      { keys: ['Ctrl+A'], what: 'Select every matching video' },
      { keys: ['Ctrl+S'], what: 'Download the selected videos' },
      { keys: ['Delete'], what: 'Delete the selected videos' },
    ],
  },
];

/** isShortcutsKey tells Ctrl/Cmd+/ and F1, which open the sheet. */
export function isShortcutsKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  const mod = e.ctrlKey || e.metaKey;
  if (e.altKey) return false;
  return (e.key === 'F1' && !mod && !e.shiftKey) || (mod && e.key === '/');
}

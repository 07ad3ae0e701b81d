// Which view the shell shows. Views are listed once here so the sidebar and the router agree.
// Each keeps its own shortcut digit (Ctrl/Cmd+digit), so Search could join the list beside the
// Library without moving the shortcuts people know.
/** Each view's name is a catalogue key (t(view.label)). */
export const views = [
  { id: 'upload', label: 'nav.upload', key: '1' },
  { id: 'import', label: 'nav.import', key: '2' },
  { id: 'library', label: 'nav.library', key: '3' },
  { id: 'search', label: 'nav.search', key: '7' },
  { id: 'transfers', label: 'nav.transfers', key: '4' },
  { id: 'history', label: 'nav.history', key: '5' },
  { id: 'settings', label: 'nav.settings', key: '6' },
] as const;

export type ViewId = (typeof views)[number]['id'];

class Nav {
  current = $state<ViewId>('upload');
  /** A side panel of the view (the Library's details drawer) wants the sidebar's width. */
  panelOpen = $state(false);
  /** The sidebar shows icons only (Sidebar sets it), so nothing else may sit over its width. */
  sidebarCompact = $state(false);
  go(id: ViewId) {
    this.current = id;
  }
}

export const nav = new Nav();

/** viewForShortcut maps Ctrl/Cmd+digit to its view. */
export function viewForShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): ViewId | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  return views.find((v) => v.key === e.key)?.id ?? null;
}

/** isSearchShortcut tells Ctrl/Cmd+K, which focuses the search box from anywhere. */
export function isSearchShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k';
}

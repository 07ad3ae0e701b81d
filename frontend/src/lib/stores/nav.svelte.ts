// Which view the shell shows. Views are listed once here so the sidebar and the router agree.
export const views = [
  { id: 'upload', label: 'Upload' },
  { id: 'import', label: 'Import' },
  { id: 'library', label: 'Library' },
  { id: 'transfers', label: 'Transfers' },
  { id: 'history', label: 'History' },
  { id: 'settings', label: 'Settings' },
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

/** viewForShortcut maps Ctrl/Cmd+1…6 to the views in sidebar order. */
export function viewForShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): ViewId | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const index = Number(e.key) - 1;
  return Number.isInteger(index) && index >= 0 && index < views.length ? views[index].id : null;
}

export type Theme = 'system' | 'light' | 'dark';

/** applyTheme sets the page theme; "system" leaves it to the OS via prefers-color-scheme. */
export function applyTheme(theme: string, root: HTMLElement = document.documentElement) {
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  else delete root.dataset.theme;
}

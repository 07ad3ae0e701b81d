/** Whether the "Keyboard shortcuts" sheet is shown (opened by Ctrl+/, F1 or the status bar). */
export const shortcutsSheet = $state({ open: false });

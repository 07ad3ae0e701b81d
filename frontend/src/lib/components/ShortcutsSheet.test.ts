// The Keyboard shortcuts sheet names the keys as the user's keyboard does: "Strg", "Entf" and
// "Esc" on a German one, "Mayús" and "Supr" on a Spanish one (the German shots once read "Ctrl+1").
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import ShortcutsSheet from './ShortcutsSheet.svelte';
import { shortcutsSheet } from '../stores/sheet.svelte';
import { language } from '../i18n/i18n.svelte';

afterEach(() => {
  shortcutsSheet.open = false;
  language.use('en');
});

async function keysIn(tag: string): Promise<string[]> {
  language.use(tag);
  shortcutsSheet.open = true;
  render(ShortcutsSheet);
  await tick();
  const sheet = screen.getByRole('dialog');
  return [...sheet.querySelectorAll('kbd')].map((k) => k.textContent ?? '');
}

describe('ShortcutsSheet', () => {
  it('names the keys in English as they are listed', async () => {
    const keys = await keysIn('en');
    expect(keys).toEqual(expect.arrayContaining(['Ctrl+1', 'Ctrl+/', 'F1', 'Shift+Tab', 'Escape', 'Page Up', 'Delete']));
  });

  it('names the keys as a German keyboard does, with no English key name left', async () => {
    const keys = await keysIn('de');
    expect(keys).toEqual(expect.arrayContaining(['Strg+1', 'Strg+/', 'F1', 'Umschalt+Tab', 'Esc', 'Bild auf', 'Entf', 'Leertaste']));
    expect(keys.filter((k) => /Ctrl|Shift|Escape|Delete|Backspace|Space|Page|Home|End\b|Enter/.test(k))).toEqual([]);
  });

  it('names the keys as a Spanish keyboard does', async () => {
    const keys = await keysIn('es');
    expect(keys).toEqual(expect.arrayContaining(['Ctrl+S', 'Mayús+Tab', 'Supr', 'Retroceso', 'Inicio', 'Fin']));
  });
});

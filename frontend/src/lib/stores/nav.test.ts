import { describe, expect, it } from 'vitest';
import { viewForShortcut } from './nav.svelte';

const key = (k: string, mods: Partial<KeyboardEvent> = { ctrlKey: true }) =>
  viewForShortcut({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('viewForShortcut', () => {
  it('maps Ctrl or Cmd + digit to views in sidebar order', () => {
    expect(key('1')).toBe('upload');
    expect(key('6')).toBe('settings');
    expect(key('3', { metaKey: true })).toBe('library');
  });
  it('ignores plain digits, Alt chords and digits past the list', () => {
    expect(key('1', {})).toBeNull();
    expect(key('2', { ctrlKey: true, altKey: true })).toBeNull();
    expect(key('7')).toBeNull();
    expect(key('0')).toBeNull();
  });
});

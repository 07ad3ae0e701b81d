import { describe, expect, it } from 'vitest';
import { isSearchShortcut, viewForShortcut } from './nav.svelte';

const key = (k: string, mods: Partial<KeyboardEvent> = { ctrlKey: true }) =>
  viewForShortcut({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('viewForShortcut', () => {
  it('maps Ctrl or Cmd + digit to its view; Search, added later, took 7 and moved no other', () => {
    expect(key('1')).toBe('upload');
    expect(key('4')).toBe('transfers');
    expect(key('6')).toBe('settings');
    expect(key('7')).toBe('search');
    expect(key('3', { metaKey: true })).toBe('library');
  });
  it('ignores plain digits, Alt chords and digits past the list', () => {
    expect(key('1', {})).toBeNull();
    expect(key('2', { ctrlKey: true, altKey: true })).toBeNull();
    expect(key('8')).toBeNull();
    expect(key('0')).toBeNull();
  });
});

describe('isSearchShortcut', () => {
  const k = (key: string, mods: Partial<KeyboardEvent>) =>
    isSearchShortcut({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
  it('is Ctrl+K or Cmd+K, either case, and nothing else', () => {
    expect(k('k', { ctrlKey: true })).toBe(true);
    expect(k('K', { metaKey: true })).toBe(true);
    expect(k('k', {})).toBe(false);
    expect(k('k', { ctrlKey: true, altKey: true })).toBe(false);
    expect(k('k', { ctrlKey: true, shiftKey: true })).toBe(false);
    expect(k('j', { ctrlKey: true })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { carriesContent, linkCount, readDrop, splitPaths } from './classify';

function transfer(entries: Record<string, string>, extra: string[] = []) {
  return { types: [...Object.keys(entries), ...extra], getData: (t: string) => entries[t] ?? '' };
}

describe('drop classification', () => {
  it('takes WebKitGTK file drags, which never say Files', () => {
    expect(carriesContent(['text/uri-list', 'text/html'])).toBe(true);
    expect(carriesContent(['Files'])).toBe(true);
    expect(carriesContent(['application/x-moz-internal'])).toBe(false);
  });

  it('sends link lists to Import and everything else to Upload', () => {
    expect(splitPaths(['/a/links.TXT', '/a/clip.mov', '/a/folder', '', '/b/l.csv'])).toEqual({
      lists: ['/a/links.TXT', '/b/l.csv'], uploads: ['/a/clip.mov', '/a/folder'] });
  });

  it('tells files (delivered natively), links and text apart at the drop', () => {
    // WebKitGTK: a file manager's drag lists a uri-list it does not read out (seen in the real window)
    expect(readDrop(transfer({ 'text/uri-list': '', 'text/html': '<a>file:///v/a.mov</a>' }))).toEqual({ kind: 'native' });
    expect(readDrop(transfer({ 'text/uri-list': 'file:///v/a.mov\r\n' }))).toEqual({ kind: 'native' });
    expect(readDrop(transfer({ 'text/uri-list': '#t\nhttps://youtu.be/x', 'text/plain': 'https://youtu.be/x' })))
      .toEqual({ kind: 'text', text: 'https://youtu.be/x' });
    expect(readDrop(transfer({ 'text/plain': ' two\nlines ' }))).toEqual({ kind: 'text', text: 'two\nlines' });
    expect(readDrop(transfer({}, ['Files']))).toEqual({ kind: 'native' });
    expect(readDrop(null)).toEqual({ kind: 'none' });
  });

  it('counts the lines in the link box, not the blank ones', () => {
    expect(linkCount('a\n\n  \nb\n')).toBe(2);
    expect(linkCount('')).toBe(0);
  });
});

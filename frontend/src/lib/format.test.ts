import { afterEach, describe, expect, it } from 'vitest';
import { displayName, formatBytes, formatDuration, formatEta, formatWait, jobName, splitPath, videoTitle } from './format';
import { language } from './i18n/i18n.svelte';

describe('format', () => {
  it('renders sizes 1024-based and survives odd input', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 kB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB');
    expect(formatBytes(NaN)).toBe('0 B');
    expect(formatBytes(-5)).toBe('0 B');
  });
  it('renders durations, ETAs and waits', () => {
    expect(formatDuration(65)).toBe('1:05');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatEta(-1)).toBe('—');
    expect(formatWait(43_000)).toBe('0:43');
    expect(formatWait(1)).toBe('0:01');
  });
  it('names URL uploads by their file and prefers the title the user knows', () => {
    expect(displayName('https://media.example.com/trips/alps%20hike.mp4?sig=1')).toBe('alps hike.mp4');
    expect(displayName('https://example.com/')).toBe('https://example.com/');
    expect(displayName('clip.mov')).toBe('clip.mov');
    expect(videoTitle({ title: 'https://x.io/a/b.mp4', name: '1be6a69f', videoNo: 'VI1' })).toBe('b.mp4');
    expect(videoTitle({ name: '1be6a69f', videoNo: 'VI1' })).toBe('1be6a69f');
    expect(videoTitle({ videoNo: 'VI1' })).toBe('VI1');
  });
});

describe('jobName', () => {
  afterEach(() => language.use('en'));
  it('words an import from its platform and link count in the language on screen, not its stored English name', () => {
    const job = { name: '3 TikTok links', platform: 'tiktok', links: 3 };
    for (const tag of ['es', 'zh-Hans'] as const) {
      language.use(tag);
      expect(jobName(job)).toMatch(/TikTok.*3/);
      expect(jobName(job)).not.toMatch(/links/i); // a catalogue's wording, not the stored English
    }
    language.use('en');
    expect(jobName({ name: 'clip.mp4' })).toBe('clip.mp4');
  });
});

describe('splitPath', () => {
  it('keeps the file name whole and the leading slash in front', () => {
    expect(splitPath('/home/me/Videos/sunset.mov')).toEqual(['/home/me/Videos', '/sunset.mov']);
    expect(splitPath('C:\\Users\\me\\clip.mp4')).toEqual(['C:\\Users\\me', '\\clip.mp4']);
    expect(splitPath('/clip.mp4')).toEqual(['', '/clip.mp4']);
    expect(splitPath('clip.mp4')).toEqual(['', 'clip.mp4']);
  });
});

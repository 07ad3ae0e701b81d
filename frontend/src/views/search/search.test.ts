import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../lib/bridge/contract';
import { language } from '../../lib/i18n/i18n.svelte';
import { age, clock, failureText, highlight, hhmm, isPicture, scorePercent, timeRange, unindexedText } from './search';
import { parsePlace } from './search.svelte';

describe('search view logic', () => {
  it('writes a moment span as m:ss–m:ss, h:mm:ss past an hour, one time without an end', () => {
    expect(timeRange(13, 18)).toBe('0:13–0:18');
    expect(timeRange(13.9, 18.2)).toBe('0:13–0:18');
    expect(timeRange(3725, 3730)).toBe('1:02:05–1:02:10');
    expect(timeRange(42, 42)).toBe('0:42');
    expect(clock(NaN)).toBe('0:00');
    expect(clock(12.7)).toBe('0:12'); // whole seconds, as the player shows them
    expect(clock(-3)).toBe('0:00');
  });
  it('puts scores on a 0–100 bar, whichever scale the service used', () => {
    expect(scorePercent(0.87)).toBe(87);
    expect(scorePercent(87)).toBe(87);
    expect(scorePercent(250)).toBe(100);
    expect(scorePercent(-1)).toBe(0);
    expect(scorePercent(NaN)).toBe(0);
  });
  it('marks the words of the query in the matched text, in any case, and nothing else', () => {
    const parts = highlight('The Dog ran to the dogs on the beach.', 'dog beach');
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['Dog', 'dog', 'beach']);
    expect(parts.map((p) => p.text).join('')).toBe('The Dog ran to the dogs on the beach.');
    expect(highlight('a (bb) c.*', '(bb .*')).toEqual([{ text: 'a (', hit: false }, { text: 'bb', hit: true }, { text: ') c.*', hit: false }]);
    expect(highlight('', 'x')).toEqual([]);
  });
  it('says how old a kept answer is', () => {
    const now = 10 * 86400000;
    expect(age(now - 20000, now)).toBe('just now');
    expect(age(now - 5 * 60000, now)).toBe('5 minutes ago');
    expect(age(now - 60 * 60000, now)).toBe('1 hour ago');
    expect(age(now - 3 * 86400000, now)).toBe('3 days ago');
  });
  it('counts the videos not searchable yet', () => {
    expect(unindexedText(0)).toBe('');
    expect(unindexedText(1)).toBe('1 video is still being indexed and is not searchable yet.');
    expect(unindexedText(3)).toBe('3 videos are still being indexed and are not searchable yet.');
  });
  it('explains a rate limit with the time it frees up, and 0402 with what to do', () => {
    const at = new Date(2026, 0, 2, 14, 5).getTime();
    language.systemLocale = 'en-GB'; // a 24-hour clock
    expect(hhmm(at)).toBe('14:05');
    expect(failureText({ code: ErrorCode.RateLimited, message: 'x', retryAt: at }).title).toBe('Searching is rate-limited until 14:05.');
    expect(failureText({ code: ErrorCode.RateLimited, message: 'x' }).title).toMatch(/rate-limited for a moment/);
    const credits = failureText({ code: ErrorCode.NoCredits, message: 'x' });
    expect(credits.title).toMatch(/out of credits \(0402\)/);
    expect(credits.next).toMatch(/add credits/);
    expect(failureText({ code: ErrorCode.Unreachable, message: 'No answer', next: 'Check the network' }))
      .toEqual({ title: 'No answer', next: 'Check the network' });
  });
  it('takes pictures by name and a place as two numbers in range', () => {
    expect(isPicture('/a/b/Photo.JPEG')).toBe(true);
    expect(isPicture('/a/b/clip.mp4')).toBe(false);
    expect(parsePlace('48.85, 2.35')).toEqual([48.85, 2.35]);
    expect(parsePlace('-33.9 151.2')).toEqual([-33.9, 151.2]);
    expect(parsePlace('95, 2')).toBeNull();
    expect(parsePlace('paris')).toBeNull();
  });
});

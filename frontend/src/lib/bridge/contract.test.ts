import { describe, expect, it } from 'vitest';
import { ConnState, ErrorCode, EventName, JobKind, JobState, Mode, isDownload } from './contract';

// Every source file of the app (tests aside), as text.
const sources = import.meta.glob(['/src/**/*.ts', '/src/**/*.svelte', '!/src/**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

// The generated values no English word or view id can be mistaken for ('status:changed',
// 'upload_file', 'no-key'…): written as a literal anywhere, they are a hand-kept copy.
const distinctive = [EventName, ErrorCode, JobKind, JobState, Mode, ConnState]
  .flatMap((e) => Object.values(e) as string[])
  .filter((v) => /[_:-]/.test(v));

describe('the generated contract', () => {
  it('is what the frontend uses: no source spells a generated name by hand', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    const copies = Object.entries(sources).flatMap(([file, text]) =>
      distinctive.filter((v) => new RegExp(`['"\`]${v}['"\`]`).test(text)).map((v) => `${file}: '${v}'`),
    );
    expect(copies).toEqual([]);
  });

  it('carries the values Go sends', () => {
    expect(EventName.TransferJob).toBe('transfer:job');
    expect(ErrorCode.Exists).toBe('exists');
    expect(Object.values(JobState)).toContain('interrupted');
  });

  it('tells downloads from uploads and imports', () => {
    expect(Object.values(JobKind).filter(isDownload)).toEqual([JobKind.Download, JobKind.DownloadAsset]);
  });
});

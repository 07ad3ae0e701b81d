import { describe, expect, it } from 'vitest';
import { makeJob, makeProgress } from './fixtures';
import { actionsFor, barValue, bytesText, lineText, matchesFilter, orderActive, recentFinished, serverStage,
  transferStage, waitLeft } from './stages';
import { JobKind, JobState } from '../../lib/bridge/contract';

describe('transferStage', () => {
  it.each([
    [JobKind.UploadFile, JobState.Queued, 0, 'Queued', 'neutral'],
    [JobKind.UploadFile, JobState.Queued, 43_000, 'Waiting for slot', 'warn'],
    [JobKind.UploadFile, JobState.Running, 5_000, 'Waiting for slot', 'warn'],
    [JobKind.UploadFile, JobState.Running, 0, 'Uploading', 'accent'],
    [JobKind.UploadURL, JobState.Running, 0, 'Sending URL', 'accent'],
    [JobKind.Import, JobState.Running, 0, 'Sending links', 'accent'],
    [JobKind.Download, JobState.Running, 0, 'Downloading', 'accent'],
    [JobKind.UploadFile, JobState.Paused, 43_000, 'Paused', 'muted'],
    [JobKind.Download, JobState.Interrupted, 0, 'Interrupted', 'warn'],
    [JobKind.UploadFile, JobState.Done, 0, 'Uploaded', 'ok'],
    [JobKind.Import, JobState.Done, 0, 'Sent', 'ok'],
    [JobKind.DownloadAsset, JobState.Done, 0, 'Downloaded', 'ok'],
    [JobKind.UploadFile, JobState.Failed, 0, 'Failed', 'danger'],
    [JobKind.Download, JobState.Canceled, 0, 'Canceled', 'muted'],
  ])('%s %s (wait %i ms) is %s', (kind, state, wait, label, tone) => {
    expect(transferStage(makeJob({ kind, state }), wait)).toEqual({ label, tone });
  });
});

describe('serverStage', () => {
  it.each([
    [JobKind.UploadFile, JobState.Done, 'UNPARSE', 'Indexing'],
    [JobKind.UploadFile, JobState.Done, 'PARSE', 'Ready'],
    [JobKind.UploadFile, JobState.Done, 'FAILED', 'Failed'],
    [JobKind.UploadFile, JobState.Done, 'parse_error', 'Failed'],
    [JobKind.UploadURL, JobState.Done, 'unparse', 'Indexing'],
    [JobKind.Import, JobState.Done, 'PENDING', 'Waiting for platform'],
    [JobKind.Import, JobState.Done, 'PARSE', 'Ready'],
    [JobKind.UploadFile, JobState.Done, '', 'Waiting for server'],
    [JobKind.UploadFile, JobState.Queued, '', 'Then indexing'],
    [JobKind.Import, JobState.Running, '', 'Then indexing'],
    [JobKind.UploadFile, JobState.Done, 'SOMETHING_NEW', 'SOMETHING_NEW'],
  ])('%s %s with status %j shows %s', (kind, state, status, label) => {
    expect(serverStage(makeJob({ kind, state, result: { status } }))?.label).toBe(label);
  });

  it('has no server stage for downloads or for uploads that never reached the server', () => {
    expect(serverStage(makeJob({ kind: JobKind.Download, state: JobState.Done, result: { path: '/x.mp4' } }))).toBeNull();
    expect(serverStage(makeJob({ kind: JobKind.DownloadAsset, state: JobState.Running }))).toBeNull();
    expect(serverStage(makeJob({ kind: JobKind.UploadFile, state: JobState.Failed }))).toBeNull();
    expect(serverStage(makeJob({ kind: JobKind.Import, state: JobState.Canceled }))).toBeNull();
  });
});

describe('actionsFor', () => {
  it.each([
    [JobState.Queued, JobKind.UploadFile, ['pause', 'cancel']],
    [JobState.Running, JobKind.Download, ['pause', 'cancel']],
    [JobState.Paused, JobKind.UploadFile, ['resume', 'cancel']],
    [JobState.Interrupted, JobKind.Import, ['resume', 'cancel']],
    [JobState.Failed, JobKind.UploadFile, ['retry']],
    [JobState.Canceled, JobKind.Download, ['retry']],
    [JobState.Done, JobKind.UploadFile, []],
  ])('%s %s offers %j', (state, kind, actions) => {
    expect(actionsFor(makeJob({ state, kind }))).toEqual(actions);
  });

  it('offers Show in folder only for finished downloads with a path', () => {
    expect(actionsFor(makeJob({ state: JobState.Done, kind: JobKind.Download, result: { path: '/d/a.mp4' } }))).toEqual(['reveal']);
    expect(actionsFor(makeJob({ state: JobState.Done, kind: JobKind.DownloadAsset, result: { path: '/d/b.bin' } }))).toEqual(['reveal']);
    expect(actionsFor(makeJob({ state: JobState.Done, kind: JobKind.Download, result: {} }))).toEqual([]);
  });
});

describe('progress numbers', () => {
  it('is determinate with a known total, indeterminate while running without one, full when done', () => {
    expect(barValue(makeJob({ state: JobState.Running }), makeProgress(1, { total: 100, done: 42, percent: 42.4 }))).toBe(42);
    expect(barValue(makeJob({ state: JobState.Running }), makeProgress(1, { total: -1, done: 42 }))).toBeNull();
    expect(barValue(makeJob({ state: JobState.Queued }), undefined)).toBe(0);
    expect(barValue(makeJob({ state: JobState.Running, place: 2 }), undefined)).toBe(0);
    expect(barValue(makeJob({ state: JobState.Done }), undefined)).toBe(100);
    expect(barValue(makeJob({ state: JobState.Paused }), makeProgress(1, { total: 10, percent: 250 }))).toBe(100);
  });

  it('renders bytes done of total, done alone, or the finished size', () => {
    const mb = 1024 * 1024;
    expect(bytesText(makeJob(), makeProgress(1, { done: 5 * mb, total: 10 * mb }))).toBe('5.0 MB of 10 MB');
    expect(bytesText(makeJob(), makeProgress(1, { done: 3 * mb, total: -1 }))).toBe('3.0 MB');
    expect(bytesText(makeJob({ state: JobState.Done, result: { bytes: 2048 } }), undefined)).toBe('2.0 kB');
    expect(bytesText(makeJob(), undefined)).toBe('');
  });

  it('says the place in line and when the pacer starts the job', () => {
    expect(lineText(makeJob({ place: 3 }), 160_000)).toBe('3rd in line, starts in about 2:40');
    expect(lineText(makeJob({ place: 1 }), 500)).toBe('Next in line, starts in about 0:01');
    expect(lineText(makeJob({ place: 12 }), 0)).toBe('12th in line');
    expect([2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map((place) => lineText(makeJob({ place }), 0))).toEqual(
      ['2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th'].map((o) => `${o} in line`));
  });

  it('counts the wait from the absolute start, so a later view shows the same time', () => {
    const job = makeJob({ place: 2, startsAt: 1_000_000 });
    expect(waitLeft(job, 900_000)).toBe(100_000);
    expect(waitLeft(job, 1_200_000)).toBe(0);
    expect(waitLeft(makeJob({ place: 2, startsAt: 1_000_000, state: JobState.Paused }), 0)).toBe(0);
    expect(waitLeft(makeJob({ place: 0, startsAt: 0 }), 0)).toBe(0);
  });
});

describe('sections', () => {
  it('filters by kind group', () => {
    expect(matchesFilter('all', 'download')).toBe(true);
    expect(matchesFilter('uploads', 'upload_url')).toBe(true);
    expect(matchesFilter('uploads', 'download')).toBe(false);
    expect(matchesFilter('downloads', 'download_asset')).toBe(true);
    expect(matchesFilter('imports', 'import')).toBe(true);
    expect(matchesFilter('imports', 'upload_file')).toBe(false);
  });

  it('keeps the order in which jobs were queued, whatever their state', () => {
    const list = [
      makeJob({ id: 5, state: JobState.Interrupted }), makeJob({ id: 4, state: JobState.Queued }), makeJob({ id: 3, state: JobState.Running }),
      makeJob({ id: 2, state: JobState.Paused }), makeJob({ id: 1, state: JobState.Queued, created: 1_700_000_000_009 }),
    ];
    expect(orderActive(list).map((j) => j.id)).toEqual([2, 3, 4, 5, 1]);
  });

  it('keeps the most recently finished first, up to the limit', () => {
    const list = [
      makeJob({ id: 1, state: JobState.Done, updated: 300 }), makeJob({ id: 2, state: JobState.Failed, updated: 100 }),
      makeJob({ id: 3, state: JobState.Running, updated: 999 }), makeJob({ id: 4, state: JobState.Canceled, updated: 200 }),
      makeJob({ id: 5, state: JobState.Done, kind: JobKind.Download, updated: 400 }),
    ];
    expect(recentFinished(list, 'all').map((j) => j.id)).toEqual([5, 1, 4, 2]);
    expect(recentFinished(list, 'uploads', 2).map((j) => j.id)).toEqual([1, 4]);
  });
});

import { describe, expect, it } from 'vitest';
import { makeJob, makeProgress } from './fixtures';
import { actionsFor, barValue, bytesText, lineText, matchesFilter, orderActive, ordinal, recentFinished, serverStage,
  transferStage, waitLeft } from './stages';

describe('transferStage', () => {
  it.each([
    ['upload_file', 'queued', 0, 'Queued', 'neutral'],
    ['upload_file', 'queued', 43_000, 'Waiting for slot', 'warn'],
    ['upload_file', 'running', 5_000, 'Waiting for slot', 'warn'],
    ['upload_file', 'running', 0, 'Uploading', 'accent'],
    ['upload_url', 'running', 0, 'Sending URL', 'accent'],
    ['import', 'running', 0, 'Sending links', 'accent'],
    ['download', 'running', 0, 'Downloading', 'accent'],
    ['upload_file', 'paused', 43_000, 'Paused', 'muted'],
    ['download', 'interrupted', 0, 'Interrupted', 'warn'],
    ['upload_file', 'done', 0, 'Uploaded', 'ok'],
    ['import', 'done', 0, 'Sent', 'ok'],
    ['download_asset', 'done', 0, 'Downloaded', 'ok'],
    ['upload_file', 'failed', 0, 'Failed', 'danger'],
    ['download', 'canceled', 0, 'Canceled', 'muted'],
  ])('%s %s (wait %i ms) is %s', (kind, state, wait, label, tone) => {
    expect(transferStage(makeJob({ kind, state }), wait)).toEqual({ label, tone });
  });
});

describe('serverStage', () => {
  it.each([
    ['upload_file', 'done', 'UNPARSE', 'Indexing'],
    ['upload_file', 'done', 'PARSE', 'Ready'],
    ['upload_file', 'done', 'FAILED', 'Failed'],
    ['upload_file', 'done', 'parse_error', 'Failed'],
    ['upload_url', 'done', 'unparse', 'Indexing'],
    ['import', 'done', 'PENDING', 'Waiting for platform'],
    ['import', 'done', 'PARSE', 'Ready'],
    ['upload_file', 'done', '', 'Waiting for server'],
    ['upload_file', 'queued', '', 'Then indexing'],
    ['import', 'running', '', 'Then indexing'],
    ['upload_file', 'done', 'SOMETHING_NEW', 'SOMETHING_NEW'],
  ])('%s %s with status %j shows %s', (kind, state, status, label) => {
    expect(serverStage(makeJob({ kind, state, result: { status } }))?.label).toBe(label);
  });

  it('has no server stage for downloads or for uploads that never reached the server', () => {
    expect(serverStage(makeJob({ kind: 'download', state: 'done', result: { path: '/x.mp4' } }))).toBeNull();
    expect(serverStage(makeJob({ kind: 'download_asset', state: 'running' }))).toBeNull();
    expect(serverStage(makeJob({ kind: 'upload_file', state: 'failed' }))).toBeNull();
    expect(serverStage(makeJob({ kind: 'import', state: 'canceled' }))).toBeNull();
  });
});

describe('actionsFor', () => {
  it.each([
    ['queued', 'upload_file', ['pause', 'cancel']],
    ['running', 'download', ['pause', 'cancel']],
    ['paused', 'upload_file', ['resume', 'cancel']],
    ['interrupted', 'import', ['resume', 'cancel']],
    ['failed', 'upload_file', ['retry']],
    ['canceled', 'download', ['retry']],
    ['done', 'upload_file', []],
  ])('%s %s offers %j', (state, kind, actions) => {
    expect(actionsFor(makeJob({ state, kind }))).toEqual(actions);
  });

  it('offers Show in folder only for finished downloads with a path', () => {
    expect(actionsFor(makeJob({ state: 'done', kind: 'download', result: { path: '/d/a.mp4' } }))).toEqual(['reveal']);
    expect(actionsFor(makeJob({ state: 'done', kind: 'download_asset', result: { path: '/d/b.bin' } }))).toEqual(['reveal']);
    expect(actionsFor(makeJob({ state: 'done', kind: 'download', result: {} }))).toEqual([]);
  });
});

describe('progress numbers', () => {
  it('is determinate with a known total, indeterminate while running without one, full when done', () => {
    expect(barValue(makeJob({ state: 'running' }), makeProgress(1, { total: 100, done: 42, percent: 42.4 }))).toBe(42);
    expect(barValue(makeJob({ state: 'running' }), makeProgress(1, { total: -1, done: 42 }))).toBeNull();
    expect(barValue(makeJob({ state: 'queued' }), undefined)).toBe(0);
    expect(barValue(makeJob({ state: 'done' }), undefined)).toBe(100);
    expect(barValue(makeJob({ state: 'paused' }), makeProgress(1, { total: 10, percent: 250 }))).toBe(100);
  });

  it('renders bytes done of total, done alone, or the finished size', () => {
    const mb = 1024 * 1024;
    expect(bytesText(makeJob(), makeProgress(1, { done: 5 * mb, total: 10 * mb }))).toBe('5.0 MB of 10 MB');
    expect(bytesText(makeJob(), makeProgress(1, { done: 3 * mb, total: -1 }))).toBe('3.0 MB');
    expect(bytesText(makeJob({ state: 'done', result: { bytes: 2048 } }), undefined)).toBe('2.0 KB');
    expect(bytesText(makeJob(), undefined)).toBe('');
  });

  it('says the place in line and when the pacer starts the job', () => {
    expect(lineText(makeJob({ place: 3 }), 160_000)).toBe('3rd in line, starts in about 2:40');
    expect(lineText(makeJob({ place: 1 }), 500)).toBe('Next in line, starts in about 0:01');
    expect(lineText(makeJob({ place: 12 }), 0)).toBe('12th in line');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual(
      ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th']);
  });

  it('counts the wait from the absolute start, so a later view shows the same time', () => {
    const job = makeJob({ place: 2, startsAt: 1_000_000 });
    expect(waitLeft(job, 900_000)).toBe(100_000);
    expect(waitLeft(job, 1_200_000)).toBe(0);
    expect(waitLeft(makeJob({ place: 2, startsAt: 1_000_000, state: 'paused' }), 0)).toBe(0);
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
      makeJob({ id: 5, state: 'interrupted' }), makeJob({ id: 4, state: 'queued' }), makeJob({ id: 3, state: 'running' }),
      makeJob({ id: 2, state: 'paused' }), makeJob({ id: 1, state: 'queued', created: 1_700_000_000_009 }),
    ];
    expect(orderActive(list).map((j) => j.id)).toEqual([2, 3, 4, 5, 1]);
  });

  it('keeps the most recently finished first, up to the limit', () => {
    const list = [
      makeJob({ id: 1, state: 'done', updated: 300 }), makeJob({ id: 2, state: 'failed', updated: 100 }),
      makeJob({ id: 3, state: 'running', updated: 999 }), makeJob({ id: 4, state: 'canceled', updated: 200 }),
      makeJob({ id: 5, state: 'done', kind: 'download', updated: 400 }),
    ];
    expect(recentFinished(list, 'all').map((j) => j.id)).toEqual([5, 1, 4, 2]);
    expect(recentFinished(list, 'uploads', 2).map((j) => j.id)).toEqual([1, 4]);
  });
});

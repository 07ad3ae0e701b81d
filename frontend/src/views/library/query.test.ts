import { describe, expect, it } from 'vitest';
import { buildQuery, dayEnd, dayStart, emptyFilters, filtersActive } from './query';

describe('library query', () => {
  it('asks for the first 1000 newest videos when nothing is filtered', () => {
    expect(buildQuery(emptyFilters())).toEqual({
      status: '', tag: '', text: '', after: 0, before: 0, sort: 'created_desc', cursor: '', limit: 1000,
    });
  });

  it('turns every filter into its query field, the "to" day included whole', () => {
    const q = buildQuery(
      { text: '  beach ', status: 'FAILED', tag: ' trip ', from: '2024-03-01', to: '2024-03-31', sort: 'size_desc' },
      'CURSOR',
    );
    expect(q).toEqual({
      status: 'FAILED', tag: 'trip', text: 'beach', sort: 'size_desc', cursor: 'CURSOR', limit: 1000,
      after: new Date(2024, 2, 1).getTime(), before: new Date(2024, 3, 1).getTime(),
    });
  });

  it('reads dates as local days and ignores junk', () => {
    expect(dayStart('2024-12-31')).toBe(new Date(2024, 11, 31).getTime());
    expect(dayEnd('2024-12-31')).toBe(new Date(2025, 0, 1).getTime());
    expect(dayStart('')).toBe(0);
    expect(dayEnd('not a date')).toBe(0);
  });

  it('counts filters but not the sort order as narrowing the list', () => {
    expect(filtersActive({ ...emptyFilters(), sort: 'name' })).toBe(false);
    expect(filtersActive({ ...emptyFilters(), text: '   ' })).toBe(false);
    expect(filtersActive({ ...emptyFilters(), status: 'PARSE' })).toBe(true);
    expect(filtersActive({ ...emptyFilters(), to: '2024-01-01' })).toBe(true);
  });
});

// The Library's date filters write and read days the way the language on screen does (WebKitGTK's
// <input type=date> showed 12/05/2026 in every language, by the process's locale).
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import DateField from './DateField.svelte';
import { language } from '../../lib/i18n/i18n.svelte';
import { datePattern, readDate, showDate } from './dateText';

afterEach(() => language.use('en'));

function field(tag: string, value = '') {
  language.use(tag);
  const changes: string[] = [];
  render(DateField, { value, label: 'From', onchange: (v: string) => changes.push(v) });
  return { input: screen.getByRole('textbox') as HTMLInputElement, changes };
}

describe('dateText', () => {
  it('writes, reads and names the pattern in each language', () => {
    const cases: [string, string, string, string][] = [
      ['de', '05.12.2026', 'TT.MM.JJJJ', '5.12.26'],
      ['es', '05/12/2026', 'DD/MM/AAAA', '5-12-2026'],
      ['en', '12/05/2026', 'MM/DD/YYYY', '12.5.2026'],
      ['zh-Hans', '2026/12/05', '年/月/日', '2026 12 5'],
    ];
    for (const [tag, shown, pattern, loose] of cases) {
      language.use(tag);
      expect(showDate('2026-12-05')).toBe(shown);
      expect(datePattern()).toBe(pattern);
      expect(readDate(shown)).toBe('2026-12-05');
      expect(readDate(loose)).toBe('2026-12-05');
    }
  });

  it('reads no day from what is not one', () => {
    language.use('de');
    for (const text of ['31.02.2026', '05.12', 'morgen', '05.13.2026', '1.1.1.2026']) expect(readDate(text)).toBeNull();
  });
});

describe('DateField', () => {
  it('shows the day as German writes it and takes a German day typed', async () => {
    const { input, changes } = field('de', '2026-12-05');
    expect(input.value).toBe('05.12.2026');
    expect(input.placeholder).toBe('TT.MM.JJJJ');
    await fireEvent.input(input, { target: { value: '24.12.2026' } });
    await fireEvent.change(input);
    expect(changes).toEqual(['2026-12-24']);
    expect(input.value).toBe('24.12.2026');
  });

  it('marks what is no day invalid and keeps the filter; an emptied field clears it', async () => {
    const { input, changes } = field('es', '2026-12-05');
    await fireEvent.input(input, { target: { value: '31/02/2026' } });
    await fireEvent.change(input);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(changes).toEqual([]);
    await fireEvent.input(input, { target: { value: '' } });
    await fireEvent.change(input);
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(changes).toEqual(['']);
  });

  it('names its calendar button after the field', () => {
    field('de');
    expect(screen.getByRole('button', { name: 'From: im Kalender wählen' })).toBeTruthy();
  });
});

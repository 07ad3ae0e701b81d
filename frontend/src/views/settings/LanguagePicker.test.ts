// The language picker shows the language saved even when its list lacks it (the pseudo-locale,
// a tag saved by another version): a select whose value matches no option shows blank.
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import LanguagePicker from './LanguagePicker.svelte';
import { language } from '../../lib/i18n/i18n.svelte';

afterEach(() => language.use('en'));

function shown(value: string | undefined): { value: string; text: string } {
  render(LanguagePicker, { value });
  const select = screen.getByRole('combobox') as HTMLSelectElement;
  return { value: select.value, text: select.selectedOptions[0]?.textContent ?? '' };
}

describe('LanguagePicker', () => {
  it('shows the pseudo-locale by name when it is the saved language', () => {
    expect(shown('en-XA')).toEqual({ value: 'en-XA', text: 'Pseudo (en-XA)' });
  });

  it('shows a saved language it does not ship as its tag', () => {
    expect(shown('fr')).toEqual({ value: 'fr', text: 'fr' });
  });

  it('lists only the shipped languages and System otherwise', () => {
    expect(shown('de')).toEqual({ value: 'de', text: 'Deutsch' });
    expect(screen.getAllByRole('option').map((o) => o.getAttribute('value'))).toEqual(['', 'en', 'de', 'es', 'zh-Hans']);
  });
});

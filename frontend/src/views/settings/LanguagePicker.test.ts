import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { language } from '../../lib/i18n/i18n.svelte';
import LanguagePicker from './LanguagePicker.svelte';

vi.mock('../../lib/bridge', (orig) => import('../../testing/bridge').then((b) => b.fakeBridge(orig, ['setLanguage'])));
const { bridge } = await import('../../lib/bridge');

describe('LanguagePicker', () => {
  afterEach(() => language.use('en'));

  it('switches the Go side at once, then has the views read its words again', async () => {
    let answer: (tag: string) => void = () => {};
    vi.mocked(bridge.setLanguage).mockReturnValue(new Promise((resolve) => (answer = resolve)));
    render(LanguagePicker, { value: '' });
    const before = language.worded;
    await fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'de' } });
    expect(bridge.setLanguage).toHaveBeenCalledWith('de');
    expect(language.tag).toBe('de');
    expect(language.worded).toBe(before); // Go has not switched yet: nothing to read again
    answer('de');
    await vi.waitFor(() => expect(language.worded).toBe(before + 1));
  });

  // The saved language is shown even when the list lacks it (the pseudo-locale, a tag saved by
  // another version): a select whose value matches no option shows blank.
  function shown(value: string | undefined): { value: string; text: string } {
    render(LanguagePicker, { value });
    const select = screen.getByRole('combobox') as HTMLSelectElement;
    return { value: select.value, text: select.selectedOptions[0]?.textContent ?? '' };
  }

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

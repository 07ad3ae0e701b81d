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
});

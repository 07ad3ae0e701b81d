// Switching language applies at once, to what is already on screen, with no remount.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import Sidebar from '../components/Sidebar.svelte';
import LanguagePicker from '../../views/settings/LanguagePicker.svelte';
import { language, matchLanguage, t } from './i18n.svelte';
import { formatBytes, formatCount } from '../format';

// The picker also switches the Go side (LanguagePicker.test.ts checks how); no Go side here.
vi.mock('../bridge', (orig) => import('../../testing/bridge').then((b) => b.fakeBridge(orig, [], { setLanguage: async (tag) => tag })));

afterEach(() => language.use('en'));

describe('language', () => {
  it('re-renders the views on screen when the language changes, and follows the system for ""', async () => {
    render(Sidebar);
    const nav = screen.getByRole('navigation');
    expect(nav).toHaveTextContent('Library');
    language.system = 'zh-Hans';
    language.use('de');
    await tick();
    expect(nav).toHaveTextContent('Mediathek');
    expect(nav).not.toHaveTextContent('Library');
    expect(document.documentElement.lang).toBe('de');
    language.use('');
    await tick();
    expect(nav).toHaveTextContent('媒体库');
  });

  it('switches live from the Settings picker, naming the system language in it', async () => {
    render(Sidebar);
    language.system = 'es';
    render(LanguagePicker, { value: '' });
    const picker = screen.getByRole('combobox');
    expect(picker).toHaveDisplayValue('System (Español)');
    await fireEvent.change(picker, { target: { value: 'zh-Hans' } });
    expect(screen.getByRole('navigation')).toHaveTextContent('上传');
    expect(screen.getByRole('combobox')).toHaveDisplayValue('简体中文');
  });

  it('formats plurals, numbers and sizes in the language on screen', () => {
    language.use('de');
    expect(t('upload.send', { count: 1 })).toBe('1 Video hochladen');
    expect(t('upload.send', { count: 1234 })).toBe('1.234 Videos hochladen');
    expect(formatCount(1234567)).toBe('1.234.567');
    expect(formatBytes(1536)).toBe('1,5 kB');
    language.use('en-XA');
    expect(t('nav.library')).toMatch(/^\[Ļĭĭƀŕăăŕýý\]$/);
  });

  it('formats numbers in plain placeholders for the language, as # is; identifiers passed as text stay as they are', () => {
    language.use('de');
    expect(t('batch.done', { done: 1234, total: 5000 })).toBe('1.234 von 5.000 fertig');
    expect(t('details.fps', { fps: 29.97 })).toBe('29,97 fps');
    expect(t('job.fallbackName', { id: String(12345) })).toBe('Auftrag 12345');
    language.use('en');
    expect(t('batch.done', { done: 1234, total: 5000 })).toBe('1,234 of 5,000 done');
    expect(t('upload.send', { count: 1234 })).toBe('Upload 1,234 videos'); // plurals still choose by the number
    language.use('en-XA');
    expect(t('batch.done', { done: 1234, total: 5000 })).toContain('1,234');
  });

  it('matches system locales to the languages shipped', () => {
    expect(matchLanguage('zh_CN.UTF-8')).toBe('zh-Hans');
    expect(matchLanguage('zh-TW')).toBe('en');
    expect(matchLanguage('de_AT.UTF-8')).toBe('de');
    expect(matchLanguage('es-419')).toBe('es');
    expect(matchLanguage('fr_FR')).toBe('en');
    expect(matchLanguage('en_XA')).toBe('en-XA');
    expect(matchLanguage(undefined)).toBe('en');
  });
});

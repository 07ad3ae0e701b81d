import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { contract } from '../../../wailsjs/go/models';
import { jobs } from '../../lib/stores/jobs.svelte';
import { links } from '../../lib/stores/links.svelte';
import { newMeta } from '../../lib/stores/uploads.svelte';
import ImportView from './ImportView.svelte';
import { ErrorCode, JobKind, JobState } from '../../lib/bridge/contract';
import { language } from '../../lib/i18n/i18n.svelte';

vi.mock('../../lib/bridge', (orig) => import('../../testing/bridge').then((b) => b.fakeBridge(orig, [
  'getSettings', 'planLinks', 'enqueueImport', 'enqueueURL', 'chooseLinksFile', 'validateMeta',
])));
const { bridge } = await import('../../lib/bridge');
const mocked = vi.mocked(bridge);

const yt = (n: number) => `https://www.youtube.com/watch?v=${n}`;
const text = [yt(1), 'not a link', yt(2), 'https://www.tiktok.com/@a/video/7', yt(1)].join('\n');
const plan = {
  lines: 5,
  links: [{ line: 1 }, { line: 3 }, { line: 4 }],
  duplicates: [{ line: 5 }],
  problems: [{ line: 2, raw: 'not a link', reason: 'not a TikTok, YouTube or Instagram post link' }],
  tasks: [{ platform: 'youtube', links: [yt(1), yt(2)] }, { platform: 'tiktok', links: ['https://www.tiktok.com/@a/video/7'] }],
  summary: '5 lines: 3 links (TikTok 1, YouTube 2) in 2 tasks; 1 duplicate; 1 invalid',
  warnings: ['YouTube imports cost credits and may come back at a lower quality than requested.', '1 duplicate link(s) will be imported once.'],
};
const view = (over: Partial<contract.JobView>) =>
  ({ id: 7, kind: JobKind.Import, state: JobState.Queued, name: '2 youtube link(s)', nextSlotMs: 0, result: {}, tags: [], ...over }) as never;

function paste(value: string) {
  return fireEvent.input(screen.getByLabelText('Links, one per line'), { target: { value } });
}

describe('ImportView', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    links.reset();
    jobs.byId = {};
    mocked.getSettings.mockResolvedValue({ settings: { scope: 'default' } } as never);
    mocked.validateMeta.mockResolvedValue();
    mocked.planLinks.mockResolvedValue(structuredClone(plan) as never);
  });

  it('focuses the link box when the tab opens, so Ctrl+V pastes at once', () => {
    render(ImportView);
    expect(screen.getByLabelText('Links, one per line')).toHaveFocus();
    expect(screen.getByText(/Drop \.txt or \.csv files or links on the window/)).toBeInTheDocument();
  });

  it('shows the plan: summary, each problem line, duplicates, tasks and warnings', async () => {
    render(ImportView);
    await paste(text);
    expect(await screen.findByText(plan.summary)).toBeInTheDocument();
    expect(mocked.planLinks).toHaveBeenLastCalledWith(text);
    const problems = screen.getByRole('list', { name: 'Problems' });
    expect(problems).toHaveTextContent('Line 2 not a link — not a TikTok, YouTube or Instagram post link');
    expect(screen.getByText('Duplicates').nextElementSibling).toHaveTextContent('1');
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['1YouTube2 links', '2TikTok1 link']);
    expect(screen.getByRole('list', { name: 'Warnings' })).toHaveTextContent('YouTube imports cost credits');
    expect(screen.getByRole('button', { name: 'Import 3 links in 2 tasks (skipping 1 invalid line)' })).toBeEnabled();
  });

  it('reads the plan again once the Go side speaks another language, so its warnings follow', async () => {
    render(ImportView);
    await paste(text);
    expect(await screen.findByText(plan.summary)).toBeInTheDocument();
    const calls = mocked.planLinks.mock.calls.length;
    const german = 'YouTube-Importe kosten Guthaben und kommen eventuell in geringerer Qualität als gewünscht zurück.';
    mocked.planLinks.mockResolvedValue({ ...structuredClone(plan), summary: '5 Zeilen', warnings: [german] } as never);
    language.worded++;
    expect(await screen.findByText('5 Zeilen')).toBeInTheDocument();
    expect(mocked.planLinks.mock.calls.length).toBe(calls + 1);
    expect(screen.getByRole('list', { name: 'Warnings' })).toHaveTextContent(german);
    expect(screen.getByRole('list', { name: 'Warnings' })).not.toHaveTextContent('YouTube imports cost credits');
  });

  it('sends the chosen quality and follows the created tasks to their videos', async () => {
    mocked.enqueueImport.mockResolvedValue([view({ id: 7 }), view({ id: 8, name: '1 tiktok link(s)' })] as never);
    render(ImportView);
    await paste(text);
    await userEvent.selectOptions(screen.getByLabelText('Quality'), '1080');
    await userEvent.click(await screen.findByRole('button', { name: /^Import 3 links in 2 tasks/ }));
    expect(mocked.enqueueImport).toHaveBeenCalledWith({ text, quality: '1080', callback: '' });

    const tasks = await screen.findByRole('list', { name: 'Imported tasks' });
    expect(tasks).toHaveTextContent('YouTube · 2 links');
    expect(tasks).toHaveTextContent('TikTok · 1 link');
    expect(screen.getByLabelText('Links, one per line')).toHaveValue('');

    jobs.apply(view({ id: 7, state: JobState.Done, result: { taskId: 'task-9', status: 'UNPARSE', videoNos: ['VI1', 'VI2'] } as never }), false);
    await waitFor(() => expect(tasks).toHaveTextContent('Videos fetched — being indexed'));
    expect(tasks).toHaveTextContent('task-9');
    expect(tasks).toHaveTextContent('2 videos');
  });

  it('keeps the default quality of 720 and notes it only affects YouTube', async () => {
    mocked.enqueueImport.mockResolvedValue([view({})] as never);
    render(ImportView);
    expect(screen.getByLabelText('Quality')).toHaveValue('720');
    expect(screen.getByText(/Only affects YouTube/)).toBeInTheDocument();
    await paste(text);
    await userEvent.click(await screen.findByRole('button', { name: /^Import 3 links/ }));
    expect(mocked.enqueueImport).toHaveBeenCalledWith(expect.objectContaining({ quality: '720' }));
  });

  it('checks the callback URL beside its field and holds the import until it is fixed', async () => {
    mocked.validateMeta.mockRejectedValue({ code: ErrorCode.InvalidInput, field: 'callback', message: 'callback: use an http or https URL' });
    render(ImportView);
    await paste(text);
    await userEvent.type(screen.getByLabelText('Callback URL'), 'mailto:me');
    expect(await screen.findByText('callback: use an http or https URL')).toHaveAttribute('id', 'import-callback-error');
    expect(mocked.validateMeta).toHaveBeenLastCalledWith(expect.objectContaining({ callback: 'mailto:me' }));
    expect(screen.getByRole('button', { name: /^Import 3 links/ })).toBeDisabled();
  });

  it('appends an opened list of links to the box', async () => {
    links.text = yt(1);
    mocked.chooseLinksFile.mockResolvedValue(`${yt(2)}\n${yt(3)}`);
    render(ImportView);
    await userEvent.click(screen.getByRole('button', { name: 'Open .txt/.csv…' }));
    expect(screen.getByLabelText('Links, one per line')).toHaveValue(`${yt(1)}\n${yt(2)}\n${yt(3)}`);
  });

  it('moves between tabs with the arrow keys, Home and End', async () => {
    render(ImportView);
    const [linksTab, urlTab] = screen.getAllByRole('tab');
    expect(linksTab).toHaveAttribute('aria-selected', 'true');
    expect(urlTab).toHaveAttribute('tabindex', '-1');
    linksTab.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(urlTab).toHaveFocus();
    expect(urlTab).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Direct URL' })).toBeVisible();
    expect(screen.getByLabelText('Video URL')).toBeInTheDocument();
    await userEvent.keyboard('{ArrowRight}');
    expect(linksTab).toHaveFocus();
    expect(linksTab).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{End}');
    expect(urlTab).toHaveFocus();
    await userEvent.keyboard('{Home}');
    expect(linksTab).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}');
    expect(urlTab).toHaveFocus();
    expect(linksTab).toHaveAttribute('tabindex', '-1');
  });

  it('uploads a direct URL with its details and shows a URL error beside the field', async () => {
    links.tab = 'url';
    mocked.enqueueURL.mockRejectedValueOnce({ code: ErrorCode.InvalidInput, field: 'url', message: 'the URL did not answer' });
    mocked.enqueueURL.mockResolvedValueOnce(view({ kind: JobKind.UploadURL, name: 'https://cdn.example.com/v.mp4' }));
    render(ImportView);
    const url = screen.getByLabelText('Video URL');
    await userEvent.type(url, 'https://cdn.example.com/v.mp4');
    await userEvent.type(screen.getByLabelText('Tags'), 'cdn{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Upload from URL' }));
    expect(mocked.enqueueURL).toHaveBeenCalledWith('https://cdn.example.com/v.mp4',
      { ...newMeta('default'), tags: ['cdn'] });
    expect(await screen.findByText('the URL did not answer')).toHaveAttribute('id', 'import-url-error');
    expect(url).toHaveAttribute('aria-invalid', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'Upload from URL' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Queued https://cdn.example.com/v.mp4');
  });

  it('rejects a URL that is not http or https before sending', async () => {
    links.tab = 'url';
    render(ImportView);
    await userEvent.type(screen.getByLabelText('Video URL'), 'ftp://x/v.mp4');
    expect(screen.getByText('Use an http:// or https:// address.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Upload from URL' })).toBeDisabled();
  });
});

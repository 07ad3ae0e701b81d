import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import TagInput from './TagInput.svelte';

const chips = () => screen.queryAllByRole('listitem').map((li) => li.querySelector('span')?.textContent);

describe('TagInput', () => {
  it('adds chips with Enter or comma, ignores blanks and repeats, and Backspace removes the last', async () => {
    render(TagInput, { tags: [], id: 't' });
    const input = screen.getByRole('textbox');
    await userEvent.type(input, 'trip{Enter}beach,  ,trip,{Enter}');
    expect(chips()).toEqual(['trip', 'beach']);
    await userEvent.type(input, '{Backspace}');
    expect(chips()).toEqual(['trip']);
    expect(input).toHaveValue('');
  });

  it('removes one chip with its own button', async () => {
    render(TagInput, { tags: ['a', 'b', 'c'], id: 't' });
    await userEvent.click(screen.getByRole('button', { name: 'Remove tag b' }));
    expect(chips()).toEqual(['a', 'c']);
  });

  it('stops at 19 tags because the app reserves one of the 20', async () => {
    render(TagInput, { tags: Array.from({ length: 18 }, (_, i) => `t${i}`), id: 't' });
    const input = screen.getByRole('textbox');
    await userEvent.type(input, 'nineteen,twenty{Enter}');
    expect(chips()).toHaveLength(19);
    expect(chips()).toContain('nineteen');
    expect(chips()).not.toContain('twenty');
    expect(screen.getByText('19 of 19 tags — the most allowed')).toBeInTheDocument();
    await userEvent.type(input, 'more{Enter}');
    expect(chips()).toHaveLength(19);
  });
});

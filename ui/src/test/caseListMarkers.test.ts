// The case list for a practice (issue 13, point 4): what Rust's `cases_list` says of each case beyond its
// name — the discreet red-flag marker, the next evaluation date and the notes' tags — shown on the row,
// with a filter by red flag and by tag and an order by next evaluation. The fake replays rows Rust made.
import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { PRACTICE } from '../lib/ipc/fake';
import { formatDate } from '../lib/format';
import { createCase, renderUnlocked } from './helpers';

const labels = () => screen.getAllByTestId('case-row').map((r) => within(r).getByTestId('case-open').querySelector('.label')?.textContent);
const rowOf = (label: string) => screen.getAllByTestId('case-row').find((r) => r.textContent?.includes(label))!;
const PRACTICE_LABEL = 'Gezin Jansen-de Vries';

async function practiceAndTwoEmpty() {
  const app = await renderUnlocked();
  await createCase(app.user, 'Gezin Appel');
  await createCase(app.user, 'Gezin Berk');
  const id = await app.fake.practiceCaseCreate();
  // Back on the list after the practice family was stored (the list refreshes from the backend).
  await createCase(app.user, 'Gezin Citroen');
  return { ...app, practiceId: id };
}

describe('case list: red flag, next evaluation and tags from Rust', () => {
  it('shows the marker Rust computed on the practice family only, and filters by it', async () => {
    const { user } = await practiceAndTwoEmpty();
    expect(PRACTICE.summary.red_flag).toBe(true);
    const practice = rowOf(PRACTICE_LABEL);
    expect(within(practice).getByTestId('case-red-flag')).toHaveTextContent('Rode vlag');
    expect(within(practice).getByTestId('case-red-flag')).toHaveTextContent('mogelijk acute onveiligheid');
    expect(within(rowOf('Gezin Appel')).queryByTestId('case-red-flag')).toBeNull();

    await user.click(screen.getByLabelText('Alleen casussen met een rode vlag'));
    await waitFor(() => expect(screen.getAllByTestId('case-row')).toHaveLength(1));
    expect(screen.getByTestId('case-row')).toHaveTextContent(PRACTICE_LABEL);
    await user.click(screen.getByLabelText('Alleen casussen met een rode vlag'));
    await waitFor(() => expect(screen.getAllByTestId('case-row')).toHaveLength(4));
  });

  it('shows the notes’ tags Rust listed and filters by a tag; no match says so and offers all cases again', async () => {
    const { user } = await practiceAndTwoEmpty();
    const tags = PRACTICE.summary.tags;
    expect(tags.length).toBeGreaterThan(0);
    const row = rowOf(PRACTICE_LABEL);
    for (const tag of tags) expect(within(row).getByTestId('case-tags')).toHaveTextContent(tag);
    expect(within(rowOf('Gezin Berk')).queryByTestId('case-tags')).toBeNull();

    await user.selectOptions(screen.getByLabelText('Tag van notities'), tags[0]!);
    await waitFor(() => expect(screen.getAllByTestId('case-row')).toHaveLength(1));
    await user.type(screen.getByLabelText('Casus zoeken op naam'), 'Appel');
    expect(screen.queryAllByTestId('case-row')).toHaveLength(0);
    await user.clear(screen.getByLabelText('Casus zoeken op naam'));
    await user.click(screen.getByLabelText('Alleen casussen met een rode vlag'));
    await user.selectOptions(screen.getByLabelText('Tag van notities'), tags[0]!);
    expect(screen.getAllByTestId('case-row')).toHaveLength(1);
  });

  it('says when no case fits the filters and shows all cases again', async () => {
    const { user } = await practiceAndTwoEmpty();
    await user.click(screen.getByLabelText('Alleen casussen met een rode vlag'));
    await waitFor(() => expect(screen.getAllByTestId('case-row')).toHaveLength(1));
    // The one case with a red flag goes into the archive: nothing fits the filter any more.
    await user.click(within(rowOf(PRACTICE_LABEL)).getByTestId('case-archive'));
    const empty = await screen.findByTestId('case-filter-empty');
    expect(empty).toHaveTextContent('Geen casus past bij deze keuze.');
    await user.click(within(empty).getByRole('button', { name: 'Alle casussen tonen' }));
    await waitFor(() => expect(screen.getAllByTestId('case-row')).toHaveLength(3));
  });

  it('orders by the next evaluation Rust gave, the cases without one after it', async () => {
    const { user, fake, practiceId } = await practiceAndTwoEmpty();
    const next = PRACTICE.summaryEvaluated.next_evaluation;
    expect(next).not.toBeNull();
    fake.setCaseMarker(practiceId, PRACTICE.summaryEvaluated);
    await createCase(user, 'Gezin Eik');
    expect(within(rowOf(PRACTICE_LABEL)).getByTestId('case-next-evaluation')).toHaveTextContent(`evaluatie ${formatDate(next!, 'nl')}`);
    expect(labels()[0]).not.toBe(PRACTICE_LABEL);
    await user.selectOptions(screen.getByLabelText('Volgorde'), 'evaluation');
    expect(labels()[0]).toBe(PRACTICE_LABEL);
    expect(labels().slice(1)).toEqual(['Gezin Eik', 'Gezin Citroen', 'Gezin Berk', 'Gezin Appel']);
  });
});

// Inzage (issue 14, point 4): per person of the practice family, the review shows what Rust put in the
// access request and how much Rust left out (counts for the professional only), and saving goes
// through a warning first. The UI decides nothing: every number comes from the fixture Rust wrote.
import { screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { PRACTICE } from '../lib/ipc/fake';
import { catalogueFor, t, type MessageKey } from '../lib/i18n/index.svelte';
import { renderUnlocked } from './helpers';

async function openInzage() {
  const app = await renderUnlocked();
  await app.user.click(screen.getByTestId('practice-case'));
  await screen.findByRole('heading', { level: 1, name: /Jansen-de Vries/ });
  await app.user.click(screen.getByTestId('tab-inzage'));
  return { app, tab: await screen.findByTestId('inzage-tab') };
}

const persons = PRACTICE.household.persons;
const makeFor = (name: string) => new RegExp(`^Inzage-export maken\\s*: ${name}$`);

describe('inzage tab', () => {
  it('lists every person with a button and shows nothing of the file until one is opened', async () => {
    const { app, tab } = await openInzage();
    const rows = within(tab).getAllByTestId('inzage-person');
    expect(rows).toHaveLength(persons.length);
    for (const p of persons) {
      expect(within(tab).getByRole('button', { name: makeFor(p.name) })).toBeInTheDocument();
    }
    expect(within(tab).queryByTestId('inzage-holds')).toBeNull();
    expect(app.fake.calls).not.toContain('inzage_preview');
  });

  it("shows one person's review as Rust made it: what is in it and how much was left out", async () => {
    const { app, tab } = await openInzage();
    for (const p of persons) {
      const review = PRACTICE.inzage[p.id]!;
      await app.user.click(within(tab).getByRole('button', { name: makeFor(p.name) }));
      expect(await within(tab).findByTestId('inzage-review-title')).toHaveTextContent(`Inzage voor ${p.name}`);
      await within(tab).findByTestId('inzage-page');
      const holds = within(tab).getByTestId('inzage-holds');
      expect(holds).toHaveTextContent(t('inzage.count.answers', { n: review.view.answers.length }));
      expect(holds).toHaveTextContent(t('inzage.count.records', { n: review.view.records.length }));
      if (review.withheld.length === 0) {
        expect(within(tab).getByTestId('inzage-left-out-none')).toBeInTheDocument();
      } else {
        const items = within(within(tab).getByTestId('inzage-left-out')).getAllByRole('listitem');
        expect(items.map((li) => li.textContent)).toEqual(
          review.withheld.map((w) => t(`inzage.kind.${w.kind}` as MessageKey, { n: w.count })),
        );
      }
      expect(within(tab).queryByTestId('inzage-young-child') !== null).toBe(review.view.for_parents_of_young_child);
      await app.user.click(within(tab).getByTestId('inzage-back'));
      // Focus goes back to the person's button.
      expect(document.activeElement).toHaveAccessibleName(makeFor(p.name));
    }
  });

  it('the practice family shows something left out for the adult in the plegerpositie and the young child is for her parents', () => {
    const mark = persons.find((p) => p.name === 'Mark')!;
    const lotte = persons.find((p) => p.name === 'Lotte')!;
    expect(PRACTICE.inzage[mark.id]!.withheld.length).toBeGreaterThan(0);
    expect(PRACTICE.inzage[lotte.id]!.view.for_parents_of_young_child).toBe(true);
    // The export never holds the counts.
    for (const review of Object.values(PRACTICE.inzage)) expect(JSON.stringify(review.view)).not.toContain('"count"');
  });

  it('has words for every kind of left-out item Rust can name, in both languages', () => {
    for (const lang of ['nl', 'en'] as const) {
      const catalogue = catalogueFor(lang) as Record<string, string>;
      for (const review of Object.values(PRACTICE.inzage)) {
        for (const kind of [...review.view.withheld_grounds, ...review.withheld.map((w) => w.kind)]) {
          expect(catalogue[`inzage.kind.${kind}`], `${lang}: ${kind}`).toBeTruthy();
        }
      }
    }
  });

  it('saves only after the warning, and says so', async () => {
    const { app, tab } = await openInzage();
    const sanne = persons.find((p) => p.name === 'Sanne')!;
    await app.user.click(within(tab).getByRole('button', { name: makeFor(sanne.name) }));
    await within(tab).findByTestId('inzage-page');
    await app.user.click(within(tab).getByTestId('inzage-save'));
    const dialog = await screen.findByTestId('inzage-save-dialog');
    expect(dialog).toHaveTextContent(t('inzage.confirmTitle'));
    expect(app.fake.calls).not.toContain('inzage_export');
    await app.user.click(within(dialog).getByRole('button', { name: t('common.cancel') }));
    expect(app.fake.calls).not.toContain('inzage_export');
    await app.user.click(within(tab).getByTestId('inzage-save'));
    await app.user.click(await screen.findByTestId('inzage-save-confirm'));
    expect(await within(tab).findByText(t('inzage.saved'))).toBeInTheDocument();
    expect(app.fake.calls.filter((c) => c === 'inzage_export')).toHaveLength(1);
  });
});

// The timeline: the events Rust put on it (the practice family's, from the fixture) are drawn on one
// axis and listed in words with dd-mm-jjjj dates; filters by person, kind and period change both alike.
import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { PRACTICE } from '../lib/ipc/fake';
import { createCase, JANSEN, openCase, renderUnlocked } from './helpers';

const EVENTS = PRACTICE.timeline.events;
const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

async function openTimeline(setup?: (app: Awaited<ReturnType<typeof renderUnlocked>>) => void) {
  const app = await renderUnlocked();
  setup?.(app);
  await app.user.click(screen.getByTestId('practice-case'));
  await screen.findByTestId('start-section');
  await app.user.click(screen.getByTestId('tab-wiedoetwat'));
  await app.user.click(await screen.findByTestId('view-timeline'));
  await screen.findByTestId('timeline-svg');
  return app;
}

describe('timeline', () => {
  it('draws and lists every event of the practice family, in order, with Dutch dates', async () => {
    await openTimeline();
    expect(EVENTS.length).toBeGreaterThan(5);
    expect(EVENTS.some((e) => e.lane === 'behaviour') && EVENTS.some((e) => e.lane === 'conversation')).toBe(true);
    const markers = screen.getAllByTestId('timeline-marker');
    const items = screen.getAllByTestId('timeline-item');
    expect(markers).toHaveLength(EVENTS.length);
    expect(items).toHaveLength(EVENTS.length);
    EVENTS.forEach((e, i) => {
      expect(items[i]).toHaveTextContent(ddmmyyyy(e.date));
      expect(markers[i]!.getAttribute('aria-label')).toContain(ddmmyyyy(e.date));
    });
    // Markers and list say the same thing.
    expect(markers[0]!.getAttribute('aria-label')).toContain(items[0]!.querySelector('span:last-child')!.textContent!);
    const svg = screen.getByTestId('timeline-svg');
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 800 \d+/);
    expect(svg).toHaveAccessibleName(/^Tijdlijn van \d\d-\d\d-\d{4} tot \d\d-\d\d-\d{4}$/);
    const list = screen.getByTestId('timeline-list');
    expect(within(list).getAllByText(/^Gesprek met (Sanne|Mark|Daan)$/)).toHaveLength(3);
    // Sanne's pushing of Mark has no date: it is listed apart, not placed on the axis.
    expect(screen.getByTestId('timeline-undated')).toHaveTextContent(/Zonder datum: \d+ gedragingen/);
  });

  it('filters by person and by kind', async () => {
    const { user } = await openTimeline();
    await user.selectOptions(screen.getByTestId('timeline-person'), JANSEN.DAAN);
    const aboutDaan = EVENTS.filter((e) => e.persons.includes(JANSEN.DAAN));
    expect(aboutDaan.length).toBeGreaterThan(0);
    expect(aboutDaan.length).toBeLessThan(EVENTS.length);
    expect(screen.getAllByTestId('timeline-marker')).toHaveLength(aboutDaan.length);
    expect(screen.getAllByTestId('timeline-item')).toHaveLength(aboutDaan.length);

    await user.selectOptions(screen.getByTestId('timeline-person'), '');
    await user.click(screen.getByTestId('timeline-lane-conversation'));
    const behaviours = EVENTS.filter((e) => e.lane !== 'conversation');
    expect(screen.getAllByTestId('timeline-item')).toHaveLength(behaviours.length);
    expect(screen.getByTestId('timeline-list')).not.toHaveTextContent('Gesprek met');
  });

  it('shows the live notes in their own lane; a confidential note by its title only', async () => {
    const { user } = await openTimeline();
    const notes = EVENTS.filter((e) => e.lane === 'note');
    // The practice family has three notes, one in the trash: Rust put the two live ones on the timeline.
    expect(notes).toHaveLength(2);
    expect(PRACTICE.timeline.lanes).toContain('note');
    const list = screen.getByTestId('timeline-list');
    const noteItems = within(list).getAllByText(/^(Vertrouwelijke notitie|Notitie): /);
    expect(noteItems.map((n) => n.textContent)).toEqual(['Notitie: Huisbezoek', 'Vertrouwelijke notitie: Daan']);
    // The excerpt Rust gave, under the open note only; the confidential text is nowhere on screen.
    const open = notes.find((e) => e.what.kind === 'note' && !e.what.confidential)!;
    const excerpt = open.what.kind === 'note' ? open.what.excerpt : null;
    expect(excerpt).toMatch(/Mark schreeuwde/);
    expect(screen.getAllByTestId('timeline-excerpt').map((x) => x.textContent)).toEqual([excerpt]);
    expect(document.body).not.toHaveTextContent('nachtmerries');
    expect(document.body).not.toHaveTextContent('vuurwerk');
    const markers = screen.getAllByTestId('timeline-marker').filter((m) => m.classList.contains('note'));
    expect(markers.map((m) => m.getAttribute('aria-label'))).toEqual([
      `10-03-2026: Notitie: Huisbezoek — ${excerpt}`,
      '12-03-2026: Vertrouwelijke notitie: Daan',
    ]);

    // About Daan: his note is there, Sanne's is not.
    await user.selectOptions(screen.getByTestId('timeline-person'), JANSEN.DAAN);
    expect(within(screen.getByTestId('timeline-list')).getAllByText(/^(Vertrouwelijke notitie|Notitie): /).map((n) => n.textContent)).toEqual([
      'Vertrouwelijke notitie: Daan',
    ]);
    // The Notities lane can be switched off like any other.
    await user.selectOptions(screen.getByTestId('timeline-person'), '');
    await user.click(screen.getByLabelText('Notities'));
    expect(screen.getByTestId('timeline-list')).not.toHaveTextContent(/notitie/i);
    expect(screen.getAllByTestId('timeline-item')).toHaveLength(EVENTS.length - notes.length);
  });

  it('shows the plan’s evaluation dates, the one ahead as planned', async () => {
    const evaluated = PRACTICE.timelineEvaluated;
    const dates = evaluated.events.filter((e) => e.lane === 'evaluation');
    expect(dates.map((e) => e.what.kind === 'evaluation' && e.what.planned)).toEqual([false, true]);
    await openTimeline((app) => app.fake.setTimeline(JANSEN.CASE, evaluated));
    // The whole period runs on to the planned evaluation, after today.
    expect(evaluated.zooms[0]!.to > evaluated.today).toBe(true);
    const items = screen.getAllByTestId('timeline-item').filter((i) => i.classList.contains('evaluation'));
    expect(items.map((i) => i.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      `${ddmmyyyy(dates[0]!.date)} Evaluaties Evaluatie van het veiligheidsplan`,
      `${ddmmyyyy(dates[1]!.date)} Evaluaties Evaluatie van het veiligheidsplan gepland`,
    ]);
    expect(screen.getByTestId('timeline-lane-evaluation')).toBeChecked();
  });

  it('zooms to the last three months', async () => {
    const { user } = await openTimeline();
    const zoom = PRACTICE.timeline.zooms.find((z) => z.kind === 'last_three_months')!;
    const inside = EVENTS.filter((e) => e.date >= zoom.from && e.date <= zoom.to);
    await user.click(screen.getByTestId('timeline-zoom-last_three_months'));
    expect(screen.getByTestId('timeline-zoom-last_three_months')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getAllByTestId('timeline-marker')).toHaveLength(inside.length);
    expect(inside.length).toBeLessThan(EVENTS.length);
  });

  it('says so when a new case has nothing with a date yet', async () => {
    const { user } = await renderUnlocked();
    await createCase(user, 'Gezin T.');
    await openCase(user, 'Gezin T.');
    await user.click(screen.getByTestId('tab-wiedoetwat'));
    await user.click(await screen.findByTestId('view-timeline'));
    await waitFor(() => expect(screen.getByTestId('timeline')).toHaveTextContent('Nog niets met een datum'));
  });
});

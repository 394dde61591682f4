// The timeline: the events Rust put on it (the practice family's, from the fixture) are drawn on one
// axis and listed in words with dd-mm-jjjj dates; filters by person, kind and period change both alike.
import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { PRACTICE } from '../lib/ipc/fake';
import { createCase, JANSEN, openCase, renderUnlocked } from './helpers';

const EVENTS = PRACTICE.timeline.events;
const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

async function openTimeline() {
  const app = await renderUnlocked();
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

// Logboek (issue 14, point 3): the access log of a case as Rust gave it, in words, with the check of
// the whole log; a log that does not check out is said plainly. On the fake backend.
import { screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import caseLog from '../lib/ipc/fixtures/caseLog.json';
import { catalogueFor } from '../lib/i18n/index.svelte';
import { dutchDateTime } from '../lib/format';
import { renderUnlocked } from './helpers';

async function openLog(breakIt = false) {
  const app = await renderUnlocked();
  if (breakIt) app.fake.breakAccessLog();
  await app.user.click(screen.getByTestId('practice-case'));
  await screen.findByRole('heading', { level: 1, name: /Jansen-de Vries/ });
  await app.user.click(screen.getByTestId('tab-logboek'));
  return { app, tab: await screen.findByTestId('log-tab') };
}

describe('access log tab', () => {
  it('lists what Rust logged, oldest first, in words and in Dutch time', async () => {
    const { tab } = await openLog();
    expect(await within(tab).findByTestId('log-ok')).toHaveTextContent(`(${caseLog.log.auditRows} regels in de hele kluis gecontroleerd)`);
    const rows = within(tab).getAllByTestId('log-row');
    expect(rows).toHaveLength(caseLog.log.entries.length);
    expect(rows[0]).toHaveTextContent('Casus aangemaakt');
    expect(rows[0]).toHaveTextContent(dutchDateTime(caseLog.log.entries[0]?.at ?? ""));
    expect(dutchDateTime('2026-03-15T10:00:00Z')).toBe('15-03-2026 11:00');
  });

  it('has words for every action in the log, in both languages', () => {
    for (const lang of ['nl', 'en'] as const) {
      const catalogue = catalogueFor(lang) as Record<string, string>;
      for (const e of caseLog.log.entries) expect(catalogue[`log.action.${e.action}`], `${lang}: ${e.action}`).toBeTruthy();
    }
  });

  it('says plainly when the log does not check out, and still shows the rows', async () => {
    const { tab } = await openLog(true);
    expect(await within(tab).findByTestId('log-problem')).toHaveTextContent(/Let op: het logboek klopt niet\./);
    expect(within(tab).queryByTestId('log-ok')).toBeNull();
    expect(within(tab).getAllByTestId('log-row')).toHaveLength(caseLog.log.entries.length);
  });

  it('prints only the log (or saves it as a PDF through the print dialog)', async () => {
    const { app, tab } = await openLog();
    await within(tab).findAllByTestId('log-row');
    const button = within(tab).getByRole('button', { name: 'Afdrukken of opslaan als PDF' });
    expect(button).toHaveAccessibleDescription(/Afdrukken naar bestand/);
    await app.user.click(button);
    expect(app.fake.calls).toContain('print_page');
  });
});

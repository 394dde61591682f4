// Retention in the real app (issue 14, point 1, end-to-end acceptance): a case's retention date is set in
// the past (with a reason) on its Logboek tab, the case then stands on the Bewaartermijnen screen, it is
// deleted there after the confirmation that says it is permanent, and afterwards none of its words is
// found — not by the app's own search, not in any file below the app's folders.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { HOME, all, byId, click, invoke, keepEvidence, newVaultWithCase, scanForCanaries, screenshot, sleep, type, waitSaved } from '../lib.mjs';

const PASSPHRASE = 'acht reigers in de uiterwaarden';
const LABEL = 'Gezin Bewaar Qxvw';
const WORD = 'Zandloperqx';
const NOTE = `Moeder vertelt over de ${WORD.toLowerCase()} en de afspraken met school.`;
const REASON = 'Verzoek tot vernietiging van beide ouders Qxvw.';

const vaultDir = path.join(HOME, 'vaults', 'retention');
let browser;
after(async () => {
  await browser?.deleteSession().catch(() => {});
});

test('a case whose date passed is listed, deleted after confirmation, and its words are gone', () =>
  keepEvidence(() => browser, 'retention', async () => {
    browser = await newVaultWithCase(vaultDir, {
      passphrase: PASSPHRASE,
      label: LABEL,
      persons: [['parent', 'Rina Qxvw', 1986], ['parent', 'Joost Qxvw', 1984]],
      windowSize: [1366, 768],
    });
    // A note with the case's own word.
    await click(browser, 'tab-notities');
    await click(browser, 'note-new');
    await byId(browser, 'note-editor');
    await type(browser, 'note-title', 'Schoolafspraken');
    await type(browser, 'note-text-input', NOTE);
    await browser.keys('Tab');
    await waitSaved(browser, 'note-save-status');
    const before = await invoke(browser, 'search', { query: WORD.toLowerCase(), case_id: null });
    assert.equal(before.hits.length, 1, 'the note is found before the delete (so the check below can fail)');

    // The retention date, set in the past with a reason.
    await click(browser, 'tab-logboek');
    await byId(browser, 'case-retention');
    await click(browser, 'case-retention-change');
    await type(browser, 'case-retention-date', '01-01-2020');
    await type(browser, 'case-retention-reason', REASON);
    await click(browser, 'case-retention-save');
    await browser.waitUntil(async () => (await (await byId(browser, 'case-retention-until')).getText()).includes('01-01-2020'), {
      timeout: 15000,
      timeoutMsg: 'the new date is not shown on the case',
    });
    assert.ok((await (await byId(browser, 'case-retention-history')).getText()).includes(REASON), 'the reason is shown with the change');
    await screenshot(browser, '80-bewaartermijn-casus');

    // The Bewaartermijnen screen lists it as passed.
    await click(browser, 'case-back');
    await click(browser, 'retention-open');
    await byId(browser, 'retention-table');
    const rows = await all(browser, 'retention-row');
    assert.equal(rows.length, 1);
    const row = await rows[0].getText();
    assert.ok(row.includes(LABEL) && row.includes('01-01-2020') && row.includes('Verstreken'), `the row: ${row}`);
    await screenshot(browser, '81-bewaartermijnen');

    // Delete: the dialog says it is permanent; confirm.
    await click(browser, 'retention-delete');
    const dialog = await byId(browser, 'retention-delete-dialog');
    assert.ok((await dialog.getText()).includes('niet ongedaan'), 'the dialog says it cannot be undone');
    await screenshot(browser, '82-bewaartermijn-verwijderen');
    await click(browser, 'retention-delete-confirm');
    await byId(browser, 'retention-none');
    await screenshot(browser, '83-bewaartermijnen-leeg');

    // Gone: not in the case list, not found by search, no retention row left, only `case_deleted` logged.
    assert.deepEqual(await invoke(browser, 'cases_list'), []);
    const found = await invoke(browser, 'search', { query: WORD.toLowerCase(), case_id: null });
    assert.equal(found.hits.length, 0, 'search finds nothing of the deleted case');
    assert.equal((await invoke(browser, 'retention_overview')).due.length, 0);
    await click(browser, 'retention-back');
    await byId(browser, 'case-list');
    await sleep(300);

    // None of its words in any file below the app's folders (vault, data, cache, config, temp).
    const { hits, scanned } = scanForCanaries([HOME], [WORD, 'Qxvw', 'Schoolafspraken']);
    assert.ok(scanned >= 2, `the app's files were read (${scanned})`);
    assert.deepEqual(hits, [], 'words of the deleted case in a file');
  }));

// Notes and search in the real app (issue 13): two notes written in a case's Notities tab (autosaved),
// found from the case list with Ctrl+K — by a word's prefix and by another form of a strong verb — and the
// hit opens the note in its case. The note's words are in no file outside the encrypted vault.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { HOME, all, byId, click, keepEvidence, newVaultWithCase, scanForCanaries, screenshot, sleep, type, waitSaved } from '../lib.mjs';

const PASSPHRASE = 'zeven meeuwen boven het IJsselmeer';
const LABEL = 'Gezin Notitie Qvzk';
const WORD = 'Wolkbreukxq';
const FIRST = `Moeder vertelt dat het ${WORD.toLowerCase()}-gesprek met school goed ging.`;
const SECOND = 'Vader zegt dat hij haar nooit heeft geslagen; de buren hoorden wel geschreeuw.';

const vaultDir = path.join(HOME, 'vaults', 'notes');
let browser;
after(async () => {
  await browser?.deleteSession().catch(() => {});
});

async function writeNote(title, text) {
  await click(browser, 'note-new');
  await byId(browser, 'note-editor');
  await type(browser, 'note-title', title);
  await type(browser, 'note-text-input', text);
  await browser.keys('Tab');
  await waitSaved(browser, 'note-save-status');
}

async function searchFor(query) {
  await browser.keys(['Control', 'k']);
  await byId(browser, 'search-input');
  await type(browser, 'search-input', query);
  await browser.waitUntil(async () => (await all(browser, 'search-hit')).length > 0, {
    timeout: 15000,
    timeoutMsg: `no hit for "${query}"`,
  });
  return (await byId(browser, 'search-results')).getText();
}

test('two notes, found with Ctrl+K from the case list, the hit opens the note', () =>
  keepEvidence(() => browser, 'notes', async () => {
    browser = await newVaultWithCase(vaultDir, {
      passphrase: PASSPHRASE,
      label: LABEL,
      persons: [['parent', 'Mira Qvzk', 1987], ['parent', 'Tom Qvzk', 1985]],
      windowSize: [1366, 768],
    });
    await click(browser, 'tab-notities');
    await byId(browser, 'notes-tab');
    await writeNote('Schoolgesprek', FIRST);
    await writeNote('Huisbezoek', SECOND);
    assert.equal((await all(browser, 'note-item')).length, 2, 'two notes in the list');
    await screenshot(browser, '70-notities-1366');

    // From the case list: a prefix of the word, the case label and a highlighted snippet.
    await click(browser, 'case-back');
    await byId(browser, 'case-list');
    const found = await searchFor(WORD.slice(0, 6).toLowerCase());
    assert.ok(found.includes(LABEL), `the hit names its case: ${found}`);
    const marks = await browser.execute(() => [...document.querySelectorAll('[data-testid="search-snippet"] mark')].map((m) => m.textContent));
    assert.ok(marks.some((m) => m.toLowerCase().startsWith(WORD.slice(0, 6).toLowerCase())), `the word is marked: ${marks}`);
    await screenshot(browser, '71-zoeken-1366');
    // Enter opens the first hit: its case, on the Notities tab, with that note in the editor.
    await browser.keys('Enter');
    await byId(browser, 'note-editor');
    assert.equal(await (await byId(browser, 'note-title')).getValue(), 'Schoolgesprek');

    // Another form of a strong verb: "slaan" finds "geslagen".
    await click(browser, 'case-back');
    await byId(browser, 'case-list');
    const verb = await searchFor('slaan');
    assert.ok(verb.includes('geslagen') || verb.includes('Huisbezoek'), `"slaan" finds the note with "geslagen": ${verb}`);
    await browser.keys('Escape');
    await sleep(300);

    // The note's words are nowhere in plain text in the vault folder.
    const { hits, scanned } = scanForCanaries([vaultDir], [WORD, 'Schoolgesprek', 'geschreeuw']);
    assert.ok(scanned >= 2, `the vault's files were read (${scanned})`);
    assert.deepEqual(hits, [], 'note text in plain in the vault folder');
  }));

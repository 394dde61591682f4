// Notes, search and the timeline in the real app (issue 13): two notes written in a case's Notities tab
// (autosaved, one with tags), both on the case's timeline; the case list shows the note's tag and filters
// by it; found from the case list with Ctrl+K — by a word's prefix and by another form of a strong verb —
// and the hit opens the note in its case. The note's words are in no file outside the encrypted vault.
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

async function writeNote(title, text, tags = '') {
  await click(browser, 'note-new');
  await byId(browser, 'note-editor');
  await type(browser, 'note-title', title);
  await type(browser, 'note-text-input', text);
  if (tags) await type(browser, 'note-tags', tags);
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
    await writeNote('Huisbezoek', SECOND, 'huisbezoek, buren');
    assert.equal((await all(browser, 'note-item')).length, 2, 'two notes in the list');
    await screenshot(browser, '70-notities-1366');

    // The timeline shows both notes in their own lane (the list beside the drawing, for screen readers).
    await click(browser, 'tab-wiedoetwat');
    await click(browser, 'view-timeline');
    await byId(browser, 'timeline-list');
    const items = await browser.execute(() =>
      [...document.querySelectorAll('[data-testid="timeline-item"]')].map((li) => li.textContent ?? ''),
    );
    for (const title of ['Schoolgesprek', 'Huisbezoek']) {
      assert.ok(items.some((x) => x.includes(title)), `the timeline lists the note "${title}": ${items.join(' | ')}`);
    }
    const lanes = await browser.execute(() => document.querySelectorAll('[data-testid="timeline-svg"] g.marker.note').length);
    assert.equal(lanes, 2, 'the drawing marks both notes in the notes lane');
    await screenshot(browser, '72-tijdlijn-notities-1366');

    // The case list: the note's tags on the case's row, and the filter by tag.
    await click(browser, 'case-back');
    await byId(browser, 'case-list');
    await browser.waitUntil(async () => (await (await byId(browser, 'case-list')).getText()).includes('huisbezoek'), {
      timeout: 10000,
      timeoutMsg: 'the case row shows the tag of its note',
    });
    const chooseTag = (value) =>
      browser.execute((v) => {
        const select = document.querySelector('[data-testid="case-tag"]');
        select.value = v;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }, value);
    // A second case without notes: the filter by the tag leaves only the first.
    await type(browser, 'case-create-label', 'Gezin Zonder Tag');
    await click(browser, 'case-create-submit');
    await byId(browser, 'case-back');
    await click(browser, 'case-back');
    await browser.waitUntil(async () => (await all(browser, 'case-row')).length === 2, { timeout: 10000, timeoutMsg: 'two cases listed' });
    await byId(browser, 'case-tag');
    await chooseTag('buren');
    await browser.waitUntil(async () => (await all(browser, 'case-row')).length === 1, { timeout: 5000, timeoutMsg: 'the tag filter leaves one case' });
    assert.ok((await (await byId(browser, 'case-list')).getText()).includes(LABEL), 'the case with the tag is the one listed');
    await screenshot(browser, '73-casussen-tag-1366');
    await chooseTag('');
    await browser.waitUntil(async () => (await all(browser, 'case-row')).length === 2, { timeout: 5000, timeoutMsg: 'both cases again' });

    // From the case list: a prefix of the word, the case label and a highlighted snippet.
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

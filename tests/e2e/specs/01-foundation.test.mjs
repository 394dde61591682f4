// Foundation, end to end in the real app: create a vault, a case with two adults and a child, lock,
// unlock, find everything back, quick hide (Shift three times) — and afterwards no case text anywhere:
// not in the DOM, not in any file the app or its WebView wrote (canary scan).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  HOME, addPerson, addRelation, all, createVault, keepEvidence, assertNoneIn, byId, click, dom, scanForCanaries, screenshot, sleep, startApp, type,
} from '../lib.mjs';

const PASSPHRASE = 'lantaarn boven de dijk in Kampen';
// Unique markers: if one of them shows up in a file, case text leaked.
const LABEL = 'Gezin Vqzrtylm';
const ADULT_A = 'Ylvanqa Brzetik';
const ADULT_B = 'Oxwtremo Fjälkøp';
const CHILD = 'Kwizbel Tuqrë';
const MARKERS = [LABEL, ADULT_A, ADULT_B, CHILD];

const vaultDir = path.join(HOME, 'vaults', 'foundation');
let browser;

after(async () => {
  await browser?.deleteSession().catch(() => {});
});

test('vault, case, lock, unlock, quick hide — and no case text left behind', () => keepEvidence(() => browser, 'foundation', async () => {
  browser = await startApp(vaultDir);

  // First start: create the vault.
  await byId(browser, 'create-passphrase', 30000);
  await screenshot(browser, '01-eerste-start');

  // About, before any vault: version, licence, and the folder the vault will be in.
  await click(browser, 'btn-about');
  assert.equal(await (await byId(browser, 'about-folder')).getText(), vaultDir);
  assert.match(await (await byId(browser, 'about-licence')).getText(), /EUPL-1\.2/);
  assert.match(await (await byId(browser, 'about-version')).getText(), /^\d+\.\d+\.\d+/);
  // An installed package names its licence file; a build from source says it has none.
  const licences = '/usr/share/doc/samen-kijken/THIRD-PARTY-LICENSES.txt';
  const thirdParty = await (await byId(browser, 'about-third-party')).getText();
  if (fs.existsSync(licences)) assert.ok(thirdParty.includes('THIRD-PARTY-LICENSES.txt'), thirdParty);
  else assert.match(thirdParty, /zelf gebouwd/);
  await screenshot(browser, '01-over');
  await browser.keys('Escape');
  await browser.waitUntil(async () => !(await browser.$('[data-testid="about-dialog"]').isExisting()), { timeout: 5000 });
  const key = await createVault(browser, PASSPHRASE, { screenshotKeyAs: '02-herstelsleutel' });
  assert.match(key.trim(), /^[A-Z0-9]{5}(-[A-Z0-9]{5}){7}$/, 'recovery key in groups');

  // A case with two adults and a child.
  await byId(browser, 'case-list');
  await type(browser, 'case-create-label', LABEL);
  await click(browser, 'case-create-submit');
  // A new case opens at once.
  await byId(browser, 'case-view');
  await addPerson(browser, 'parent', ADULT_A, 1987);
  await addPerson(browser, 'partner', ADULT_B, 1984);
  await addPerson(browser, 'child', CHILD, 2016);
  await addRelation(browser, ADULT_A, 'partner_of', ADULT_B);
  await addRelation(browser, ADULT_A, 'parent_of', CHILD);
  await browser.waitUntil(async () => (await all(browser, 'relation-row')).length === 2, {
    timeout: 10000,
    timeoutMsg: 'two relations expected',
  });
  await screenshot(browser, '03-casus');

  // Lock: the unlock screen, and no case text in the DOM.
  await click(browser, 'btn-lock');
  await byId(browser, 'unlock-screen');
  assertNoneIn(await dom(browser), MARKERS, 'the DOM after locking');
  await screenshot(browser, '04-ontgrendelen');

  // A wrong passphrase is refused with a clear message.
  await type(browser, 'unlock-passphrase', 'niet de goede wachtwoordzin');
  await click(browser, 'unlock-submit');
  await browser.waitUntil(async () => (await dom(browser)).includes('opent de kluis niet'), {
    timeout: 15000,
    timeoutMsg: 'no wrong-passphrase message',
  });

  // Unlock: the case and its persons are there.
  await type(browser, 'unlock-passphrase', PASSPHRASE);
  await click(browser, 'unlock-submit');
  await byId(browser, 'case-list', 30000);
  assert.ok((await dom(browser)).includes(LABEL), 'case label after unlock');
  await click(browser, 'case-open');
  await byId(browser, 'case-view');
  const persons = await all(browser, 'person-row');
  assert.equal(persons.length, 3);
  const html = await dom(browser);
  for (const name of [ADULT_A, ADULT_B, CHILD]) assert.ok(html.includes(name), `${name} after unlock`);
  await screenshot(browser, '05-casus-na-ontgrendelen');

  // Quick hide with the keyboard gesture: Shift three times.
  await (await byId(browser, 'case-view')).click();
  for (let i = 0; i < 3; i += 1) {
    await browser.keys('Shift');
    await sleep(60);
  }
  await byId(browser, 'neutral-screen', 2000);
  assertNoneIn(await dom(browser), MARKERS, 'the DOM after quick hide');
  await screenshot(browser, '06-verborgen');

  // The window title never holds case text.
  assertNoneIn(await browser.getTitle(), MARKERS, 'the window title');

  await browser.deleteSession();
  browser = undefined;
  await sleep(500);

  // Canary scan: vault folder (db, -wal, -shm, key file), WebView data and cache, config, temp files.
  const { hits, scanned } = scanForCanaries([HOME], MARKERS);
  assert.ok(scanned > 0, 'the scan must read files');
  assert.deepEqual(hits, [], `case text found in files:\n${hits.join('\n')}`);
}));

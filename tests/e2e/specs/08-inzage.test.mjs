// The access request (inzage, issue 14 point 4), end to end, for the family of 02-casework and the plan of
// 03-plan (same vault): the professional opens Sanne's review on the Inzage tab, saves it through the
// system's save dialog (driven with xdotool) and gets a PDF with a JSON file beside it; then Mark's.
// Sanne's PDF holds what she said and her escape step; Mark's holds what he said and neither of those.
// Saving is in the case's log. Screenshots and the pages under target/e2e/.
import { test, after } from 'node:test';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { HOME, OUT, all, byId, click, keepEvidence, scanForCanaries, screenshot, sleep, startApp, type } from '../lib.mjs';

const PASSPHRASE = 'zeven meeuwen boven het IJsselmeer';
// Written by 02-casework and 03-plan.
const SANNE = 'Sanne Qvleerd';
const MARK = 'Mark Qzorbist';
const SANNE_SAID = 'Sanne-zegt-Xqvplomk';
const MARK_SAID = 'Mark-zegt-Zrptwyvh';
const ESCAPE = 'VluchtadresQxzvbnmw';
const vaultDir = path.join(HOME, 'vaults', 'casework');
let browser;
after(async () => {
  await browser?.deleteSession().catch(() => {});
});

/** Opens the review of the person whose button names `name`, and waits for its pages. */
async function openReview(name) {
  const buttons = await all(browser, 'inzage-open');
  let found = null;
  for (const b of buttons) {
    const text = await browser.execute((el) => el.textContent, b);
    if (text.includes(name)) found = b;
  }
  assert.ok(found, `an Inzage-export button for ${name}`);
  await found.click();
  await browser.waitUntil(async () => (await all(browser, 'inzage-page')).length > 0, {
    timeout: 30000,
    timeoutMsg: `no review pages for ${name}`,
  });
  await sleep(300);
}

/** Saves the open review through the save dialog as `file` (.pdf); returns the PDF's text. */
async function save(file) {
  await click(browser, 'inzage-save');
  await click(browser, 'inzage-save-confirm');
  execFileSync('xdotool', ['search', '--sync', '--onlyvisible', '--name', 'Inzage opslaan als PDF', 'windowfocus', '--sync'], {
    timeout: 20000,
  });
  await sleep(500);
  execFileSync('xdotool', ['key', '--clearmodifiers', 'ctrl+a']);
  execFileSync('xdotool', ['type', '--delay', '5', file]);
  execFileSync('xdotool', ['key', 'Return']);
  const json = file.replace(/\.pdf$/, '.json');
  await browser.waitUntil(async () => fs.existsSync(json) && fs.statSync(file).size > 1000, {
    timeout: 20000,
    timeoutMsg: `${file} and its JSON were not written`,
  });
  await sleep(300);
  assert.equal(fs.readFileSync(file).subarray(0, 5).toString(), '%PDF-');
  execFileSync('pdftoppm', ['-png', '-r', '50', file, path.join(OUT, `inzage-${path.basename(file, '.pdf')}`)]);
  return {
    text: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString().replace(/[\s\u00ad-]/g, ''),
    json: JSON.parse(fs.readFileSync(json, 'utf8')),
  };
}

const squeeze = (s) => s.replace(/[\s\u00ad-]/g, '');

test('inzage: a review on screen, then a PDF and its JSON per adult, each without what the other confided', () =>
  keepEvidence(() => browser, 'inzage', async () => {
    assert.ok(fs.existsSync(vaultDir), '02-casework must have made the vault');
    browser = await startApp(vaultDir);
    await type(browser, 'unlock-passphrase', PASSPHRASE);
    await click(browser, 'unlock-submit');
    await byId(browser, 'case-list', 30000);
    await click(browser, 'case-open');
    await click(browser, 'tab-inzage');
    await byId(browser, 'inzage-tab', 30000);
    await screenshot(browser, '30-inzage-lijst');

    const exports = path.join(OUT, 'inzage');
    fs.mkdirSync(exports, { recursive: true });

    await openReview(SANNE);
    await screenshot(browser, '31-inzage-sanne');
    const sanne = await save(path.join(exports, 'sanne.pdf'));
    await byId(browser, 'inzage-status');
    assert.equal(sanne.json.schema, 'samen-kijken/inzage');
    assert.equal(sanne.json.person.name, SANNE);
    for (const m of [SANNE_SAID, ESCAPE]) assert.ok(sanne.text.includes(squeeze(m)), `Sanne's PDF holds ${m}`);
    assert.ok(!sanne.text.includes(squeeze(MARK_SAID)), "Sanne's PDF holds nothing Mark said");
    await click(browser, 'inzage-back');

    await openReview(MARK);
    const mark = await save(path.join(exports, 'mark.pdf'));
    assert.equal(mark.json.person.name, MARK);
    assert.ok(mark.text.includes(squeeze(MARK_SAID)), "Mark's PDF holds what he said");
    for (const m of [SANNE_SAID, ESCAPE]) {
      assert.ok(!mark.text.includes(squeeze(m)), `Mark's PDF does not hold ${m}`);
      assert.ok(!JSON.stringify(mark.json).includes(m), `Mark's JSON does not hold ${m}`);
    }

    // Saving is in the case's log, twice; the reviews are not.
    await click(browser, 'tab-logboek');
    await byId(browser, 'log-table', 30000);
    const rows = await all(browser, 'log-row');
    let saved = 0;
    for (const row of rows) if ((await row.getText()).includes('Inzage van een persoon opgeslagen')) saved += 1;
    assert.equal(saved, 2, 'two inzage exports in the log');
    await screenshot(browser, '32-inzage-logboek');

    await browser.deleteSession();
    browser = undefined;
    await sleep(500);
    const { hits } = scanForCanaries([HOME], [SANNE_SAID, MARK_SAID]);
    assert.deepEqual(hits, [], `case text found in files:\n${hits.join('\n')}`);
  }));

// The handover file (overdrachtsbestand, issue 15 point 2) in the real app: a case is handed over from one
// vault as an encrypted file through the system's save dialog (driven with xdotool), the file holds none of
// the case's words in plain text, and a fresh vault opens it through the file dialog, shows what it holds,
// imports it as a new case and opens it. Screenshots under target/e2e/.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { HOME, dialogOpen, byId, click, createVault, dom, keepEvidence, newVaultWithCase, scanForCanaries, screenshot, sleep, startApp, type } from '../lib.mjs';

const SENDER = 'twaalf witte zwanen op de Amstel';
const RECEIVER = 'drie groene bussen naar Zwolle';
const FILE_PASSPHRASE = 'zeven blauwe fietsen langs de haven';
const LABEL = 'Gezin Overdracht Qzvblrn';
const ANNA = 'Anna Kwpfdrex';
const NOTE = 'Notitie-Hvqzplwt';

const senderDir = path.join(HOME, 'vaults', 'handover-sender');
const receiverDir = path.join(HOME, 'vaults', 'handover-receiver');
const out = path.join(HOME, 'handover-usb');
const file = path.join(out, 'overdracht-e2e.age');
let browser;
after(async () => {
  await browser?.deleteSession().catch(() => {});
});

/** Answers the GTK file dialog with this title with a full path (a typed "/" opens the location entry). */
async function answerFileDialog(title, target, { replaceName = false } = {}) {
  execFileSync('xdotool', ['search', '--sync', '--onlyvisible', '--name', title, 'windowfocus', '--sync'], { timeout: 20000 });
  await sleep(500);
  if (replaceName) {
    // The save dialog's name field has the focus: replace the suggested name by the full path.
    execFileSync('xdotool', ['key', '--clearmodifiers', 'ctrl+a']);
    execFileSync('xdotool', ['type', '--delay', '10', target]);
  } else {
    execFileSync('xdotool', ['type', '/']);
    await sleep(800);
    execFileSync('xdotool', ['type', '--delay', '30', target.replace(/^\//, '')]);
  }
  await sleep(500);
  execFileSync('xdotool', ['key', 'Return']);
  await sleep(1000);
  for (const key of ['Return', 'alt+o']) {
    if (!dialogOpen(title)) return;
    execFileSync('xdotool', ['search', '--onlyvisible', '--name', title, 'windowfocus', '--sync'], { timeout: 5000 });
    execFileSync('xdotool', ['key', '--clearmodifiers', key]);
    await sleep(800);
  }
  assert.ok(!dialogOpen(title), `the file dialog "${title}" did not take ${target}`);
}

test('hand a case over as a file, import it in a fresh vault, open it', () =>
  keepEvidence(() => browser, 'handover', async () => {
    for (const d of [senderDir, receiverDir, out]) fs.rmSync(d, { recursive: true, force: true });
    fs.mkdirSync(out, { recursive: true });
    browser = await newVaultWithCase(senderDir, {
      passphrase: SENDER,
      label: LABEL,
      persons: [
        ['parent', ANNA, 1986, { notes: NOTE }],
        ['child', 'Tim Kwpfdrex', 2015],
      ],
      windowSize: [1366, 768],
    });

    // Overdragen: what goes along, the passphrase twice, the save dialog.
    await click(browser, 'handover-export-open');
    await byId(browser, 'handover-export-dialog');
    await click(browser, 'handover-part-plan');
    await byId(browser, 'handover-plan-warning');
    await screenshot(browser, '100-overdragen-1366');
    await click(browser, 'handover-part-plan');
    await type(browser, 'handover-passphrase', FILE_PASSPHRASE);
    await type(browser, 'handover-repeat', FILE_PASSPHRASE);
    await click(browser, 'handover-save');
    await answerFileDialog('Overdrachtsbestand opslaan', file, { replaceName: true });
    await browser.waitUntil(() => fs.existsSync(file) && fs.statSync(file).size > 100, { timeout: 30000, timeoutMsg: `${file} was not written` });
    const result = await (await byId(browser, 'handover-result', 30000)).getText();
    assert.match(result, /opgeslagen/);
    await screenshot(browser, '101-overdragen-opgeslagen-1366');
    assert.equal(fs.readFileSync(file).subarray(0, 21).toString(), 'age-encryption.org/v1', 'an age file');
    const { hits, scanned } = scanForCanaries([out], [LABEL, ANNA, NOTE, 'Tim Kwpfdrex']);
    assert.ok(scanned >= 1, 'the handover file was read');
    assert.deepEqual(hits, [], 'case text in plain in the handover file');
    await browser.deleteSession();
    browser = undefined;
    await sleep(1500);

    // A fresh vault on "another laptop": open the file, see what it holds, import, open the case.
    browser = await startApp(receiverDir);
    await browser.setWindowSize(1366, 768);
    await createVault(browser, RECEIVER);
    await byId(browser, 'case-list', 30000);
    await click(browser, 'handover-import-open');
    await byId(browser, 'handover-import-dialog');
    await click(browser, 'handover-choose');
    await answerFileDialog('Overdrachtsbestand openen', file);
    await browser.waitUntil(async () => (await (await byId(browser, 'handover-file')).getText()).includes('overdracht-e2e.age'), {
      timeout: 20000,
      timeoutMsg: 'the chosen file is not shown',
    });
    // A wrong passphrase first: a clear error, nothing imported.
    await type(browser, 'handover-import-passphrase', 'zeven blauwe fietsen langs de rivier');
    await click(browser, 'handover-preview');
    assert.match(await (await byId(browser, 'handover-error', 60000)).getText(), /wachtwoordzin opent het overdrachtsbestand niet/);
    await type(browser, 'handover-import-passphrase', FILE_PASSPHRASE);
    await click(browser, 'handover-preview');
    const preview = await (await byId(browser, 'handover-preview-result', 60000)).getText();
    assert.ok(preview.includes(LABEL), `the preview names the case: ${preview}`);
    assert.match(preview, /Personen: 2/);
    await screenshot(browser, '102-overdrachtsbestand-bekijken-1366');
    await click(browser, 'handover-import');
    await byId(browser, 'handover-imported', 60000);
    await screenshot(browser, '103-overdrachtsbestand-geimporteerd-1366');
    await click(browser, 'handover-open-case');
    const title = await (await byId(browser, 'case-view', 30000)).$('#case-title');
    await browser.waitUntil(async () => (await title.getText()) === LABEL, { timeout: 20000, timeoutMsg: 'the imported case did not open' });
    await browser.waitUntil(async () => (await dom(browser)).includes(ANNA), { timeout: 20000, timeoutMsg: 'the persons are not there' });
    await screenshot(browser, '104-casus-uit-overdracht-1366');
  }));

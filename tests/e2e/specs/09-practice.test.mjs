// Practice mode in the real app (issue 12, points 2 and 5): on the very first start, "Probeer het met een
// oefengezin" opens the practice vault with a fictional family; OEFENMODUS is on the screen and in the window
// title; the practice vault is a folder of its own and no real vault is made; leaving practice mode returns to
// the first-start screen with nothing of the family on it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { HOME, byId, click, dom, keepEvidence, screenshot, startApp } from '../lib.mjs';

const vaultDir = path.join(HOME, 'vaults', 'practice');
const practiceDir = `${vaultDir}-oefenkluis`;
const FAMILY = 'Gezin Meidoorn (fictief)';
let browser;

/** The native window titles on the Xvfb display (WebDriver's getTitle gives the page's <title>). */
function windowTitles() {
  let ids = '';
  try {
    ids = execFileSync('xdotool', ['search', '--name', 'Samen Kijken'], { encoding: 'utf8' });
  } catch {
    return [];
  }
  return ids
    .split('\n')
    .filter(Boolean)
    .map((id) => execFileSync('xdotool', ['getwindowname', id], { encoding: 'utf8' }).trim());
}

after(async () => {
  await browser?.deleteSession().catch(() => {});
});

test('first start: practise with a fictional family, marked OEFENMODUS, never in the real vault', () =>
  keepEvidence(() => browser, 'practice', async () => {
    browser = await startApp(vaultDir);
    await byId(browser, 'create-passphrase', 30000);
    assert.ok(!windowTitles().some((t) => t.includes('OEFENMODUS')), `no OEFENMODUS before: ${windowTitles()}`);

    await click(browser, 'practice-open');
    const banner = await byId(browser, 'practice-banner', 30000);
    assert.match(await banner.getText(), /OEFENMODUS/);
    await browser.waitUntil(async () => windowTitles().some((t) => t.includes('OEFENMODUS')), {
      timeout: 10000,
      timeoutMsg: 'the window title says OEFENMODUS',
    });
    // The family opens at once, on its neutral Gezin page.
    await byId(browser, 'start-section', 20000);
    assert.ok((await dom(browser)).includes(FAMILY), 'the practice family is open');
    await screenshot(browser, '90-oefenmodus-gezin-1366');
    await click(browser, 'case-back');
    await byId(browser, 'case-list');
    assert.match(await (await byId(browser, 'practice-banner')).getText(), /OEFENMODUS/);
    await screenshot(browser, '91-oefenmodus-casussen-1366');

    // Its own folder, marked; no real vault was made.
    assert.ok(fs.existsSync(path.join(practiceDir, 'OEFENKLUIS.txt')), 'the practice folder is marked');
    assert.ok(!fs.existsSync(path.join(vaultDir, 'vault.db')), 'no real vault exists');

    await click(browser, 'practice-close');
    await byId(browser, 'create-passphrase', 20000);
    await browser.waitUntil(async () => !windowTitles().some((t) => t.includes('OEFENMODUS')), {
      timeout: 10000,
      timeoutMsg: 'the window title no longer says OEFENMODUS',
    });
    assert.ok(windowTitles().includes('Samen Kijken'), `the window title: ${windowTitles()}`);
    assert.ok(!(await dom(browser)).includes(FAMILY), 'nothing of the practice family on the first-start screen');
    await screenshot(browser, '92-oefenmodus-verlaten-1366');
  }));

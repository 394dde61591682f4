// The safety plan, end to end, for the family of 02-casework (same vault): the plan opens prefilled from
// the analysis, an escape-plan step is added for Sanne, each reader's version is previewed (pages made
// in memory by the app) and exported as PDF through the system's save dialog (driven with xdotool, as
// WebDriver cannot reach native dialogs). Each PDF's text is checked — the escape step is in Sanne's and
// the professional's copy and in no other — and its pages are rendered to PNG under target/e2e/. Then
// the canary scan: no plan text in any file the app or its WebView wrote, and nothing in the temp folder.
import { test, after } from 'node:test';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  HOME, OUT, all, byId, choose, click, keepEvidence, scanForCanaries, screenshot, sleep, startApp, type,
} from '../lib.mjs';

const PASSPHRASE = 'zeven meeuwen boven het IJsselmeer';
const ESCAPE = 'VluchtadresQxzvbnmw';
const vaultDir = path.join(HOME, 'vaults', 'casework');
let browser;
after(async () => {
  await browser?.deleteSession().catch(() => {});
});

test('plan: prefilled, escape step for the protected person, a preview per reader, no plaintext left behind', () =>
  keepEvidence(() => browser, 'plan', async () => {
    assert.ok(fs.existsSync(vaultDir), '02-casework must have made the vault');
    browser = await startApp(vaultDir);
    await type(browser, 'unlock-passphrase', PASSPHRASE);
    await click(browser, 'unlock-submit');
    await byId(browser, 'case-list', 30000);
    await click(browser, 'case-open');
    await click(browser, 'tab-veiligheidsplan');
    await byId(browser, 'plan-editor', 30000);

    // Prefilled from the analysis: worries from the recorded behaviours.
    const worries = await byId(browser, 'plan-section-worries');
    const worryText = await browser.execute(
      (section) => section.textContent + [...section.querySelectorAll('input, textarea')].map((i) => i.value).join(' '),
      worries,
    );
    assert.match(worryText, /wurg/i, 'the strangling is among the worries');
    await screenshot(browser, '20-plan-editor');

    // An escape-plan step; by default only the protected person and the professional may read it.
    const escape = await byId(browser, 'plan-section-escape_plan');
    await browser.execute((e) => e.scrollIntoView({ block: 'center' }), escape);
    await click(browser, 'plan-add-escape_plan');
    // The new item comes back from Rust (plan_item_add): wait for it, looking the section up afresh.
    const escapeItems = '[data-testid="plan-section-escape_plan"] [data-testid="plan-item-text"]';
    await browser.waitUntil(async () => (await browser.$$(escapeItems)).length > 0, {
      timeout: 15000,
      timeoutMsg: 'no escape-plan item to fill in',
    });
    const inputs = await browser.$$(escapeItems);
    await inputs[inputs.length - 1].setValue(ESCAPE);
    await browser.keys('Tab');
    await browser.waitUntil(async () => (await (await byId(browser, 'plan-save-status')).getText()).includes('Opgeslagen'), {
      timeout: 15000,
      timeoutMsg: 'the plan was not saved',
    });

    // A preview for each reader; pages are PNG data made by the app in memory.
    const reader = await byId(browser, 'plan-reader');
    const options = await browser.execute((s) => [...s.options].map((o) => [o.value, o.textContent.trim()]), reader);
    assert.ok(options.length >= 6, 'professional, two adults, two children and the network');
    assert.ok(options.some(([, l]) => l.includes('Oma')), 'a network version');
    for (const [value, label] of options) {
      await choose(browser, 'plan-reader', { value });
      await browser.waitUntil(async () => (await all(browser, 'plan-page')).length > 0, {
        timeout: 30000,
        timeoutMsg: `no preview pages for ${label}`,
      });
      await sleep(300);
      const pages = await all(browser, 'plan-page');
      const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/(^-|-$)/g, '');
      for (const [i, page] of pages.entries()) {
        const src = await page.getAttribute('src');
        assert.match(src, /^data:image\/png;base64,/, 'pages come from memory, not from a file');
        fs.writeFileSync(path.join(OUT, `plan-${slug}-p${i + 1}.png`), Buffer.from(src.split(',')[1], 'base64'));
      }
    }
    await screenshot(browser, '21-plan-voorbeeld');

    // Export every reader's PDF to a folder of our choosing, through the save dialog.
    const exports = path.join(OUT, 'pdf');
    fs.mkdirSync(exports, { recursive: true });
    const pdfText = {};
    for (const [value, label] of options) {
      const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/(^-|-$)/g, '');
      const file = path.join(exports, `${slug}.pdf`);
      await choose(browser, 'plan-reader', { value });
      await click(browser, 'plan-export');
      await click(browser, 'plan-export-confirm');
      execFileSync('xdotool', ['search', '--sync', '--onlyvisible', '--name', 'Veiligheidsplan opslaan als PDF', 'windowfocus', '--sync'], {
        timeout: 20000,
      });
      await sleep(500);
      execFileSync('xdotool', ['key', '--clearmodifiers', 'ctrl+a']);
      execFileSync('xdotool', ['type', '--delay', '5', file]);
      execFileSync('xdotool', ['key', 'Return']);
      await browser.waitUntil(async () => fs.existsSync(file) && fs.statSync(file).size > 1000, {
        timeout: 20000,
        timeoutMsg: `${file} was not written`,
      });
      await sleep(300);
      assert.equal(fs.readFileSync(file).subarray(0, 5).toString(), '%PDF-');
      // Text as a reader would copy it; whitespace and hyphenation removed before comparing.
      pdfText[label] = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString().replace(/[\s\u00ad-]/g, '');
      execFileSync('pdftoppm', ['-png', '-r', '50', file, path.join(OUT, `pdf-${slug}`)]);
    }
    // Printing: the system print dialog opens over the page images (made in memory); cancel it.
    await click(browser, 'plan-print');
    execFileSync('xdotool', ['search', '--sync', '--onlyvisible', '--name', '^(Print|Afdrukken)$', 'windowfocus', '--sync'], {
      timeout: 20000,
    });
    await screenshot(browser, '22-plan-afdrukken');
    execFileSync('xdotool', ['key', 'Escape']);
    await sleep(500);

    for (const [label, text] of Object.entries(pdfText)) {
      const mayRead = /professional/i.test(label) || label.includes('Sanne');
      assert.equal(text.includes(ESCAPE), mayRead, `escape step in the PDF for ${label}: expected ${mayRead}`);
    }

    await browser.deleteSession();
    browser = undefined;
    await sleep(500);
    const { hits } = scanForCanaries([HOME], [ESCAPE]);
    assert.deepEqual(hits, [], `plan text found in files:\n${hits.join('\n')}`);
    const tmp = fs.readdirSync(path.join(HOME, 'tmp'));
    assert.deepEqual(tmp.filter((f) => !f.startsWith('.')), [], 'no temp files during preview');
  }));

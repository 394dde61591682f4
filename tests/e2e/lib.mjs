// Shared helpers for the end-to-end specs: start the real app through tauri-driver, find elements by
// their data-testid, keep screenshots, and scan files for canary strings.
import { remote } from 'webdriverio';
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';

export const OUT = process.env.E2E_OUT ?? path.resolve('../../target/e2e');
export const HOME = process.env.E2E_HOME ?? path.join(OUT, 'home');
const APP = process.env.APP_PATH;
const DRIVER = new URL(process.env.DRIVER_URL ?? 'http://127.0.0.1:4444');

/** Starts the app with its own vault folder; returns the WebdriverIO browser. */
export async function startApp(vaultDir) {
  assert.ok(APP && fs.existsSync(APP), `app binary missing: ${APP}`);
  fs.mkdirSync(vaultDir, { recursive: true });
  const browser = await remote({
    hostname: DRIVER.hostname,
    port: Number(DRIVER.port),
    logLevel: 'warn',
    connectionRetryCount: 1,
    capabilities: {
      'wdio:enforceWebDriverClassic': true,
      'tauri:options': { application: APP, args: ['--vault-dir', vaultDir] },
    },
  });
  await browser.setTimeout({ implicit: 0, pageLoad: 30000, script: 30000 });
  return browser;
}

/** Waits for the single visible element with this data-testid. */
export async function byId(browser, id, timeout = 15000) {
  const el = await browser.$(`[data-testid="${id}"]`);
  await el.waitForDisplayed({ timeout, timeoutMsg: `element [data-testid="${id}"] did not appear` });
  return el;
}

export async function all(browser, id) {
  return browser.$$(`[data-testid="${id}"]`);
}

export async function type(browser, id, text) {
  const el = await byId(browser, id);
  await el.clearValue();
  await el.setValue(text);
}

export async function click(browser, id) {
  const el = await byId(browser, id);
  await browser.execute((e) => e.scrollIntoView({ block: 'center' }), el);
  await el.waitForEnabled({ timeout: 10000, timeoutMsg: `[data-testid="${id}"] stayed disabled` });
  await el.click();
}

export async function screenshot(browser, name) {
  fs.mkdirSync(OUT, { recursive: true });
  await browser.saveScreenshot(path.join(OUT, `${name}.png`));
}

/** The whole DOM as HTML (including hidden elements and attribute values). */
export async function dom(browser) {
  return browser.execute(() => document.documentElement.outerHTML);
}

export function assertNoneIn(haystack, markers, where) {
  for (const m of markers) {
    assert.ok(!haystack.includes(m), `"${m}" found in ${where}`);
  }
}

function* filesBelow(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesBelow(p);
    else if (entry.isFile()) yield p;
  }
}

/** Every file below the folders that holds one of the markers (UTF-8 or UTF-16LE), with the marker. */
export function scanForCanaries(dirs, markers) {
  const needles = markers.flatMap((m) => [
    [m, Buffer.from(m, 'utf8')],
    [m, Buffer.from(m, 'utf16le')],
  ]);
  const hits = [];
  let scanned = 0;
  for (const dir of dirs) {
    for (const file of filesBelow(dir)) {
      const bytes = fs.readFileSync(file);
      scanned += 1;
      for (const [m, needle] of needles) {
        if (bytes.indexOf(needle) !== -1) hits.push(`${file}: ${m}`);
      }
    }
  }
  return { hits, scanned };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs a test body; on failure keeps a screenshot and the DOM of the moment, then fails. */
export async function keepEvidence(getBrowser, name, body) {
  try {
    await body();
  } catch (e) {
    const b = getBrowser();
    if (b) {
      await screenshot(b, `FOUT-${name}`).catch(() => {});
      const html = await dom(b).catch(() => '');
      fs.writeFileSync(path.join(OUT, `FOUT-${name}.html`), html);
    }
    throw e;
  }
}

/** Chooses an option of a <select> by value or by visible text, as a user would (input + change events). */
export async function choose(browser, id, { value, text }) {
  const el = await byId(browser, id);
  const ok = await browser.execute(
    (sel, v, t) => {
      const opt = [...sel.options].find((o) => (v != null ? o.value === v : o.textContent.trim() === t));
      if (!opt) return false;
      sel.value = opt.value;
      sel.dispatchEvent(new Event('input', { bubbles: true }));
      sel.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    },
    el,
    value ?? null,
    text ?? null,
  );
  assert.ok(ok, `no option ${value ?? text} in [data-testid="${id}"]`);
}

/** First start: creates the vault with this passphrase and confirms the recovery key; returns the key. */
export async function createVault(browser, passphrase, { screenshotKeyAs } = {}) {
  await byId(browser, 'create-passphrase', 30000);
  await type(browser, 'create-passphrase', passphrase);
  await type(browser, 'create-passphrase-repeat', passphrase);
  await click(browser, 'create-submit');
  const key = await (await byId(browser, 'recovery-key', 30000)).getText();
  if (screenshotKeyAs) await screenshot(browser, screenshotKeyAs);
  await click(browser, 'recovery-confirm');
  await click(browser, 'recovery-continue');
  return key;
}

/** Adds a person on the open case's Overzicht and waits until the name is listed. */
export async function addPerson(browser, role, name, year) {
  await click(browser, 'person-add');
  await choose(browser, 'person-role', { value: role });
  await type(browser, 'person-name', name);
  await type(browser, 'person-year', String(year));
  await click(browser, 'person-save');
  await browser.waitUntil(async () => (await dom(browser)).includes(name), {
    timeout: 10000,
    timeoutMsg: `person ${name} was not added`,
  });
}

/** Adds a relation between two listed persons (by name) on the open case's Overzicht. */
export async function addRelation(browser, from, kind, to) {
  await click(browser, 'relation-add');
  await choose(browser, 'relation-from', { text: from });
  await choose(browser, 'relation-kind', { value: kind });
  await choose(browser, 'relation-to', { text: to });
  await click(browser, 'relation-save');
}

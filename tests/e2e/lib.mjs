// Shared helpers for the end-to-end specs: start the real app through tauri-driver, find elements by
// their data-testid, keep screenshots, and scan files for canary strings.
import { remote } from 'webdriverio';
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

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

/**
 * Types into the field with this data-testid, replacing what is there. A field that is re-rendered or
 * still scrolling into place when the keys arrive (e.g. the answer field, re-made when the chosen question
 * changes) is found again and typed into again, up to three times; the field must hold the text after.
 */
export async function type(browser, id, text) {
  let last;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const el = await byId(browser, id);
      await browser.execute((e) => e.scrollIntoView({ block: 'center' }), el);
      await el.waitForEnabled({ timeout: 10000, timeoutMsg: `[data-testid="${id}"] stayed disabled` });
      if (attempt === 0) {
        await el.clearValue();
        await el.setValue(text);
      } else {
        // As a keyboard user does: focus the field, select what is there, type over it. WebKit's
        // driver misjudges whether a field can be reached while the page is zoomed (200%).
        await browser.execute((e) => e.focus(), el);
        await browser.keys(['Control', 'a']);
        await browser.keys('Backspace');
        await browser.keys(String(text).split(''));
      }
      if ((await el.getValue()) === String(text)) return;
      last = new Error(`[data-testid="${id}"] does not hold the typed text`);
    } catch (e) {
      last = e;
    }
    await sleep(500);
  }
  throw last;
}

export async function click(browser, id) {
  const el = await byId(browser, id);
  await browser.execute((e) => e.scrollIntoView({ block: 'center' }), el);
  await el.waitForEnabled({ timeout: 10000, timeoutMsg: `[data-testid="${id}"] stayed disabled` });
  await el.click();
}

/**
 * Keeps the page painting while WebKit takes a screenshot. The app draws without GPU compositing on Linux
 * (`src-tauri/src/lib.rs`), and WebKitGTK's driver then answers a screenshot only after the next paint:
 * on a page at rest none comes and the request hangs. A 1-pixel, nearly transparent square at the top left
 * changes its shade every 16 ms until the screenshot is taken, then goes.
 */
export async function screenshot(browser, name) {
  fs.mkdirSync(OUT, { recursive: true });
  await browser.execute(() => {
    const dot = document.createElement('div');
    dot.dataset.e2ePaint = '';
    dot.setAttribute('aria-hidden', 'true');
    dot.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none;z-index:2147483647';
    document.body.append(dot);
    let odd = false;
    window.__e2ePaint = setInterval(() => {
      odd = !odd;
      dot.style.background = odd ? 'rgba(128,128,128,0.02)' : 'rgba(128,128,128,0.04)';
    }, 16);
  });
  try {
    await browser.saveScreenshot(path.join(OUT, `${name}.png`));
  } finally {
    await browser.execute(() => {
      clearInterval(window.__e2ePaint);
      document.querySelectorAll('[data-e2e-paint]').forEach((dot) => dot.remove());
    });
  }
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

/** Every regular file below `dir` (symlinks are not followed; sockets and FIFOs are not files). */
export function* filesBelow(dir) {
  let entries;
  try {
    if (fs.lstatSync(dir).isFile()) {
      yield dir;
      return;
    }
  } catch {
    return;
  }
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // missing, or gone while scanning
  }
  for (const entry of entries) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesBelow(p);
    else if (entry.isFile()) yield p;
  }
}

/** ASCII letters to lower case, in place; other bytes stay (UTF-8 and UTF-16LE alike). */
function asciiLower(bytes) {
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i];
    if (b >= 0x41 && b <= 0x5a) bytes[i] = b + 32;
  }
  return bytes;
}
const lowerAscii = (s) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Base64 of `text` as it appears inside any base64 of a longer text holding it, whatever its alignment. */
function base64Forms(text) {
  const bytes = Buffer.from(text, 'utf8');
  const forms = [];
  for (let j = 0; j < 3; j += 1) {
    const sub = bytes.subarray(j, j + Math.floor((bytes.length - j) / 3) * 3);
    if (sub.length >= 6) forms.push(Buffer.from(sub.toString('base64'), 'latin1'));
  }
  return forms;
}

function allIndexes(bytes, needle) {
  const at = [];
  for (let i = bytes.indexOf(needle); i !== -1; i = bytes.indexOf(needle, i + 1)) at.push(i);
  return at;
}

/**
 * The files below `roots` that hold case text, and how. Each needle `{ label, text }` is searched in
 * UTF-8 and UTF-16LE, ignoring the case of ASCII letters (a search index or a cache may fold it). With
 * `anchor` (a prefix every needle's full text starts with, e.g. "KANARIE-"), every occurrence of the
 * anchor that belongs to no needle and whose text matches `fragment` is reported as a fragment, and base64 of the anchor (any alignment)
 * leads to a search for each needle's base64. A root is a folder or file, or `{ root, since }` to read
 * only what changed since that time (ms). `exclude`: files and folders not to read (e.g. the test run's
 * own output); `extraFiles`: more files to read (e.g. open unlinked files). Returns the hits, the files
 * and bytes read per root, and what was excluded.
 */
export function scanFiles(roots, needles, { anchor, fragment = /^/, exclude = [], extraFiles = [] } = {}) {
  const enc = needles.flatMap(({ label, text }) => [
    { label, how: 'UTF-8', bytes: Buffer.from(lowerAscii(text), 'utf8') },
    { label, how: 'UTF-16LE', bytes: Buffer.from(lowerAscii(text), 'utf16le') },
  ]);
  const anchors = anchor
    ? [
        { how: 'UTF-8', bytes: Buffer.from(lowerAscii(anchor), 'utf8') },
        { how: 'UTF-16LE', bytes: Buffer.from(lowerAscii(anchor), 'utf16le') },
      ]
    : [];
  const b64Anchor = anchor ? base64Forms(anchor) : [];
  const skip = exclude.map((f) => path.resolve(f));
  const skipped = (file) => skip.some((x) => file === x || file.startsWith(`${x}/`));
  const hits = [];
  const perRoot = [];
  const seen = new Set();

  const scanOne = (file, where) => {
    let original;
    try {
      original = fs.readFileSync(file);
    } catch {
      return false; // gone while scanning
    }
    where.files += 1;
    where.bytes += original.length;
    const bytes = asciiLower(Buffer.from(original));
    const found = new Set();
    for (const n of enc) {
      const at = bytes.indexOf(n.bytes);
      // One hit per file, label and encoding (a needle's parts may be searched too).
      if (at !== -1 && !found.has(`${n.label}\0${n.how}`)) {
        hits.push({ file, label: n.label, how: n.how, offset: at });
        found.add(`${n.label}\0${n.how}`);
      }
    }
    // Fragments: the anchor where no whole needle starts (a truncated or split copy of case text).
    for (const a of anchors) {
      for (const at of allIndexes(bytes, a.bytes)) {
        const whole = enc.some((n) => n.how === a.how && bytes.subarray(at, at + n.bytes.length).equals(n.bytes));
        const tail = a.how === 'UTF-8' ? original.subarray(at, at + 40).toString('utf8') : original.subarray(at, at + 80).toString('utf16le');
        if (!whole && fragment.test(tail)) {
          hits.push({ file, label: `fragment "${tail.replace(/[^\x20-\x7e]/g, '.')}"`, how: a.how, offset: at });
        }
      }
    }
    if (b64Anchor.some((f) => original.indexOf(f) !== -1)) {
      let named = false;
      for (const { label, text } of needles) {
        const at = base64Forms(text).map((f) => original.indexOf(f)).find((i) => i !== -1);
        if (at !== undefined) {
          hits.push({ file, label, how: 'base64', offset: at });
          named = true;
        }
      }
      if (!named) hits.push({ file, label: `fragment (base64 of "${anchor}")`, how: 'base64', offset: -1 });
    }
    return true;
  };

  for (const entry of roots) {
    const { root, since } = typeof entry === 'string' ? { root: entry } : entry;
    const where = { root, files: 0, bytes: 0 };
    perRoot.push(where);
    for (const file of filesBelow(root)) {
      const full = path.resolve(file);
      if (skipped(full) || seen.has(full)) continue;
      if (since !== undefined) {
        try {
          const st = fs.statSync(full);
          if (Math.max(st.mtimeMs, st.ctimeMs) < since) continue;
        } catch {
          continue;
        }
      }
      seen.add(full);
      scanOne(full, where);
    }
  }
  if (extraFiles.length > 0) {
    const where = { root: 'open files', files: 0, bytes: 0 };
    perRoot.push(where);
    for (const file of extraFiles) scanOne(file, where);
  }
  const scanned = perRoot.reduce((n, r) => n + r.files, 0);
  return { hits, scanned, perRoot, excluded: skip };
}

/** Every file below the folders that holds one of the markers (UTF-8 or UTF-16LE), with the marker. */
export function scanForCanaries(dirs, markers) {
  const { hits, scanned } = scanFiles(
    dirs,
    markers.map((m) => ({ label: m, text: m })),
  );
  return { hits: hits.map((h) => `${h.file}: ${h.label} (${h.how})`), scanned };
}

/** The process ids of the app started with this vault folder (by tauri-driver), read from /proc. */
export function appPids(vaultDir) {
  const pids = [];
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let argv;
    try {
      argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    const i = argv.indexOf('--vault-dir');
    if (i !== -1 && argv[i + 1] === vaultDir && path.basename(argv[0]) === path.basename(APP ?? 'samen-kijken')) pids.push(Number(pid));
  }
  return pids;
}

/** The processes below `pid` (WebKit's web and network processes below the app). */
export function descendants(pid) {
  const children = new Map();
  for (const p of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(p));
    } catch {
      // gone
    }
  }
  const out = [];
  const walk = (p) => {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

/**
 * Files the processes hold open that are no longer in any folder (unlinked temp files): a scan of the
 * folders cannot see them, /proc/<pid>/fd can. Memory-only files (memfd, /dev/shm) are not disk files.
 */
export function deletedOpenFiles(pids) {
  const files = [];
  for (const pid of pids) {
    let fds = [];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (target.startsWith('/') && target.endsWith(' (deleted)') && !target.startsWith('/memfd:') && !target.startsWith('/dev/')) {
          if (fs.statSync(`/proc/${pid}/fd/${fd}`).isFile()) files.push(`/proc/${pid}/fd/${fd}`);
        }
      } catch {
        // closed meanwhile
      }
    }
  }
  return files;
}

/**
 * Kills the app of this vault folder hard (SIGKILL, by its process id), as a crash or a power cut would
 * end it; returns the ids killed. The WebDriver session dies with it.
 */
export function killApp(vaultDir) {
  const pids = appPids(vaultDir);
  assert.ok(pids.length > 0, `no app process with --vault-dir ${vaultDir}`);
  for (const pid of pids) process.kill(pid, 'SIGKILL');
  return pids;
}

/** The files the test run itself writes to (stdout and stderr of this process and its parents). */
export function ownOutputFiles() {
  const files = new Set();
  let pid = process.pid;
  for (let depth = 0; pid > 1 && depth < 12; depth += 1) {
    for (const fd of [1, 2]) {
      try {
        const target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (target.startsWith('/') && fs.statSync(target).isFile()) files.add(target);
      } catch {
        // a pipe or a terminal
      }
    }
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      break;
    }
  }
  return [...files];
}

/**
 * Sends one command to the app the way the UI does (`invoke(command, { request })`, see
 * ui/src/lib/ipc/tauri.ts) from inside the WebView; returns the response or throws the error code.
 */
export async function invoke(browser, command, request = {}) {
  const r = await browser.execute(
    async (c, req) => {
      try {
        const ok = await window.__TAURI_INTERNALS__.invoke(c, { request: req });
        return { ok: ok ?? null };
      } catch (e) {
        return { err: e ?? 'error' };
      }
    },
    command,
    request,
  );
  if (!r || typeof r !== 'object' || !('ok' in r || 'err' in r)) throw new Error(`${command}: no answer from the WebView (${JSON.stringify(r)})`);
  if ('err' in r) throw new Error(`${command} refused: ${JSON.stringify(r.err)}`);
  return r.ok;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Whether a native window with this title is on screen (xdotool; WebDriver cannot see native dialogs). */
export function dialogOpen(title) {
  try {
    execFileSync('xdotool', ['search', '--onlyvisible', '--name', title], { timeout: 2000 });
    return true;
  } catch {
    return false;
  }
}

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

/** Adds a person on the open case's Gezin tab (with notes, if given) and waits until the name is listed. */
export async function addPerson(browser, role, name, year, { notes } = {}) {
  await click(browser, 'person-add');
  await choose(browser, 'person-role', { value: role });
  await type(browser, 'person-name', name);
  await type(browser, 'person-year', String(year));
  if (notes) await type(browser, 'person-notes', notes);
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

/**
 * A spec's first start with a vault of its own: starts the app, creates the vault and one case with these
 * persons (`[role, name, year]`) and relations (`[from, kind, to]`, by name); the case stays open on its
 * Gezin tab. `windowSize: [w, h]` sets the window first. Returns the browser.
 */
export async function newVaultWithCase(vaultDir, { passphrase, label, persons = [], relations = [], windowSize }) {
  const browser = await startApp(vaultDir);
  if (windowSize) await browser.setWindowSize(...windowSize);
  await createVault(browser, passphrase);
  // A new case opens at once; the household is entered on its first screen.
  await type(browser, 'case-create-label', label);
  await click(browser, 'case-create-submit');
  await byId(browser, 'case-view');
  for (const [role, name, year, extra] of persons) await addPerson(browser, role, name, year, extra);
  for (const [from, kind, to] of relations) await addRelation(browser, from, kind, to);
  return browser;
}

/** Unlocks with the passphrase and opens the (first) case. */
export async function unlockAndOpenCase(browser, passphrase) {
  await type(browser, 'unlock-passphrase', passphrase);
  await click(browser, 'unlock-submit');
  await byId(browser, 'case-list', 30000);
  await click(browser, 'case-open');
  await byId(browser, 'case-view');
}

/** Starts a conversation with the household's person at this index from the Gesprekken tab. */
export async function startConversationWith(browser, index) {
  await click(browser, 'tab-gesprekken');
  await click(browser, 'conversation-new');
  await (await byId(browser, `conversation-person-${index}`)).click();
  await click(browser, 'conversation-start');
}

/** Waits until the conversation's autosave says "Opgeslagen". */
export async function waitSaved(browser, id = 'save-status') {
  await browser.waitUntil(async () => (await (await byId(browser, id)).getText()).includes('Opgeslagen'), {
    timeout: 15000,
    timeoutMsg: `autosave did not report "Opgeslagen" (${id})`,
  });
}

/** In conversation mode: answers a text question; leaving the field saves at once, and the status says so. */
export async function answer(browser, questionId, text) {
  await click(browser, `question-${questionId}`);
  await type(browser, 'answer-text', text);
  await browser.keys('Tab');
  await waitSaved(browser);
}

/**
 * Records a behaviour, in conversation mode (its own button) or on Wie doet wat: search, actor, target,
 * stance, frequency, and the impact in the person's words if given.
 */
export async function recordBehaviour(browser, { search, actor, target, stance, frequency, impactText }) {
  const inMode = (await all(browser, 'conversation-mode')).length > 0;
  if (inMode) await (await browser.$('#record-behaviour')).click();
  else await click(browser, 'behaviour-add');
  await type(browser, 'behaviour-search', search);
  const option = await byId(browser, 'behaviour-option');
  await option.click();
  await choose(browser, 'behaviour-actor', { text: actor });
  await choose(browser, 'behaviour-target', { text: target });
  await choose(browser, 'behaviour-stance', { value: stance });
  if (frequency) await choose(browser, 'behaviour-frequency', { value: frequency });
  if (impactText) await (await browser.$('[data-testid="behaviour-form"] textarea[id^="beh-imptext-"]')).setValue(impactText);
  await click(browser, 'behaviour-save');
  await browser.waitUntil(async () => (await all(browser, 'behaviour-form')).length === 0, {
    timeout: 10000,
    timeoutMsg: `behaviour "${search}" was not saved`,
  });
}

/** Ends the open conversation (with notes, if given) and waits until conversation mode is gone. */
export async function endConversation(browser, { notes } = {}) {
  await click(browser, 'conversation-end');
  if (notes) {
    const field = await browser.$('#conversation-notes');
    await field.waitForDisplayed({ timeout: 10000 });
    await field.setValue(notes);
  }
  await click(browser, 'conversation-end-confirm');
  await browser.waitUntil(async () => (await all(browser, 'conversation-mode')).length === 0, { timeout: 10000 });
}

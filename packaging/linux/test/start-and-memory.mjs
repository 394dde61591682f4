// Start time and memory of the installed app (run by `cargo xtask package-test`, after the foundation
// spec, with the same Xvfb and tauri-driver; the binary comes from APP_PATH as for every spec).
//
// 1. A vault with CASES cases is made through the app's own commands (fictional labels).
// 2. The app is started STARTS times on that vault. For each start: the time from the app process's
//    start (/proc/PID/stat) to the first paint of the page (Paint Timing, first-contentful-paint), and,
//    as a cross-check, to the moment WebDriver first finds the unlock screen displayed (laid out; the
//    paint can follow a little later).
// 3. On the last start the vault is unlocked, the case list counts all cases (and shows its first rows),
//    and the proportional set size (PSS, /proc/PID/smaps_rollup) of the app and every process below it
//    (WebKit's web and network processes) is summed; the largest mappings of each process are printed,
//    and each process's /proc/PID/smaps is copied next to FIGURES_OUT (smaps-NAME.txt).
// 4. Then two answers of the interface are timed inside the page: a search over all cases, opening a case.
// 5. And the heavier screens of one case with RECORDS behaviour records (default 300; 0 skips it).
// The figures go to FIGURES_OUT as JSON; xtask prints them.
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { HOME, byId, click, createVault, sleep, startApp, type } from '../../../tests/e2e/lib.mjs';

const APP = fs.realpathSync(process.env.APP_PATH);
const STARTS = Number(process.env.STARTS ?? 5);
const CASES = Number(process.env.CASES ?? 1000);
const FIGURES_OUT = process.env.FIGURES_OUT ?? path.join(HOME, '..', 'figures.json');
const PASSPHRASE = 'meetlat langs de gracht van Zwolle';
// Linux reports process times in clock ticks of 1/100 s (USER_HZ).
const TICKS_PER_SECOND = 100;

const uptime = () => Number(fs.readFileSync('/proc/uptime', 'utf8').split(' ')[0]);

function stat(pid) {
  const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3 (state)
  return { ppid: Number(fields[1]), startedAt: Number(fields[19]) / TICKS_PER_SECOND };
}

function pids() {
  return fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
}

function appPids() {
  return pids().filter((pid) => {
    try {
      return fs.readlinkSync(`/proc/${pid}/exe`) === APP;
    } catch {
      return false;
    }
  });
}

function descendants(root) {
  const parent = new Map();
  for (const pid of pids()) {
    try {
      parent.set(pid, stat(pid).ppid);
    } catch {
      // gone meanwhile
    }
  }
  const out = [];
  let frontier = [root];
  while (frontier.length) {
    const next = [...parent].filter(([, pp]) => frontier.includes(pp)).map(([p]) => p);
    out.push(...next);
    frontier = next;
  }
  return out;
}

function rollup(pid) {
  const text = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
  return { name: fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim(), pssKiB: kb('Pss'), rssKiB: kb('Rss') };
}

/** PSS per mapping (library, heap, anonymous memory…) of a process, largest first, in KiB. */
function largestMappings(pid, count = 10) {
  const sums = new Map();
  let name = null;
  for (const line of fs.readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      const where = head[1].trim();
      name = where === '' ? '[anonymous]' : path.basename(where.replace(/ \(deleted\)$/, ''));
      continue;
    }
    const pss = /^Pss:\s+(\d+) kB/.exec(line);
    if (pss && name) sums.set(name, (sums.get(name) ?? 0) + Number(pss[1]));
  }
  return [...sums].sort((a, b) => b[1] - a[1]).slice(0, count).map(([mapping, pssKiB]) => ({ mapping, pssKiB }));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Starts the app and returns its pid and the two start times in ms. */
async function timedStart(vaultDir) {
  const before = new Set(appPids());
  const requested = uptime();
  const browser = await startApp(vaultDir);
  const pid = appPids().find((p) => !before.has(p));
  assert.ok(pid, `no new process runs ${APP}`);
  const startedAt = stat(pid).startedAt;
  // Realtime and boot-time clocks differ by a constant: read it once to place the page's clock.
  const bootInEpochMs = Date.now() - uptime() * 1000;

  const deadline = Date.now() + 30000;
  let seenAt;
  while (Date.now() < deadline) {
    if (await (await browser.$('[data-testid="unlock-screen"]')).isDisplayed().catch(() => false)) {
      seenAt = uptime();
      break;
    }
  }
  assert.ok(seenAt, 'the unlock screen did not appear');
  // The paint entry can be reported a moment after the screen is up.
  let paint = null;
  for (let i = 0; i < 20 && paint == null; i += 1) {
    paint = await browser.execute(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      if (!fcp) return null;
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        at: performance.timeOrigin + fcp.startTime,
        timeOrigin: performance.timeOrigin,
        // Within the page, from its navigation start (ms): the document received, its scripts run, painted.
        documentMs: nav ? nav.responseEnd : null,
        scriptsRunMs: nav ? nav.domContentLoadedEventEnd : null,
        paintMs: fcp.startTime,
      };
    });
    if (paint == null) await sleep(100);
  }
  const sinceStart = (epochMs) => Math.round(epochMs - bootInEpochMs - startedAt * 1000);
  return {
    browser,
    pid,
    toFirstPaintMs: paint == null ? null : sinceStart(paint.at),
    // Where the time goes: the process start until the page begins to load (GTK, WebKit's processes,
    // EGL), then inside the page.
    toPageStartMs: paint == null ? null : sinceStart(paint.timeOrigin),
    pageMs: paint == null ? null : { document: paint.documentMs, scriptsRun: paint.scriptsRunMs, paint: paint.paintMs },
    toUnlockScreenSeenMs: Math.round((seenAt - startedAt) * 1000),
    requestToUnlockScreenSeenMs: Math.round((seenAt - requested) * 1000),
  };
}

const vaultDir = path.join(HOME, 'vaults', 'metingen');

// 1. The vault with CASES cases, made through the app's own command.
{
  const browser = await startApp(vaultDir);
  await createVault(browser, PASSPHRASE);
  await byId(browser, 'case-list', 30000);
  await browser.setTimeout({ script: 300000 });
  const made = await browser.executeAsync((n, done) => {
    (async () => {
      for (let i = 1; i <= n; i += 1) {
        await window.__TAURI_INTERNALS__.invoke('case_create', { request: { label: `Meetgezin ${i}` } });
      }
      return n;
    })().then(done, (e) => done(`error: ${JSON.stringify(e)}`));
  }, CASES);
  assert.equal(made, CASES, `cases made: ${made}`);
  await browser.deleteSession();
  await sleep(1000);
}

// 2. STARTS starts on the vault.
const starts = [];
let last;
for (let i = 0; i < STARTS; i += 1) {
  const s = await timedStart(vaultDir);
  starts.push({
    toFirstPaintMs: s.toFirstPaintMs,
    toUnlockScreenSeenMs: s.toUnlockScreenSeenMs,
    requestToUnlockScreenSeenMs: s.requestToUnlockScreenSeenMs,
    toPageStartMs: s.toPageStartMs,
    pageMs: s.pageMs,
  });
  const page = s.pageMs ? `; the page began to load at ${s.toPageStartMs} ms, and from there: document ${Math.round(s.pageMs.document)} ms, scripts run ${Math.round(s.pageMs.scriptsRun)} ms, first paint ${Math.round(s.pageMs.paint)} ms` : '';
  console.log(`start ${i + 1}: first paint ${s.toFirstPaintMs?.toFixed(0)} ms, unlock screen seen ${s.toUnlockScreenSeenMs.toFixed(0)} ms after the process started${page}`);
  if (i < STARTS - 1) {
    await s.browser.deleteSession();
    await sleep(1000);
  } else {
    last = s;
  }
}

// 3. Unlock, list every case, let it settle, sum PSS.
const { browser, pid } = last;
await type(browser, 'unlock-passphrase', PASSPHRASE);
await click(browser, 'unlock-submit');
await byId(browser, 'case-list', 30000);
// The list shows its first rows and says how many cases it holds (CaseList.svelte): wait until it
// counts all CASES, then note how many rows are in the page (a build whose list has no count, from
// before paging, is measured with all its rows).
const listed = () =>
  browser.execute(() => {
    const rows = document.querySelectorAll('[data-testid="case-row"]').length;
    const count = document.querySelector('[data-testid="case-list-count"]');
    return { total: count ? Number(count.getAttribute('data-total')) : rows, rows };
  });
await browser.waitUntil(async () => (await listed()).total === CASES, {
  timeout: 60000,
  timeoutMsg: `the case list did not count ${CASES} cases`,
});
await sleep(3000);
const { rows } = await listed();
const processes = [pid, ...descendants(pid)].map((p) => ({ pid: p, ...rollup(p), largest: largestMappings(p) }));
for (const p of processes) {
  // The whole map, for a closer look (which segment of which file holds the memory): paths only.
  // (/proc files report size 0, so copyFileSync would copy nothing.)
  fs.writeFileSync(path.join(path.dirname(FIGURES_OUT), `smaps-${p.name}.txt`), fs.readFileSync(`/proc/${p.pid}/smaps`, 'utf8'));
  const parts = p.largest.map((m) => `${m.mapping} ${(m.pssKiB / 1024).toFixed(1)}`).join(', ');
  console.log(`${p.name} (${(p.pssKiB / 1024).toFixed(0)} MiB PSS), largest mappings in MiB: ${parts}`);
}

// 4. How the interface answers, timed inside the page (no WebDriver round trips), after the memory was
//    read: searching the 1,000 cases (the list filters and sorts in the page), and opening a case (its
//    screen's code is loaded on first use). To compare builds and settings, e.g. JavaScriptCore without JIT.
const SEARCH = 'Meetgezin 77';
const searchHits = [...Array(CASES).keys()].map((i) => `Meetgezin ${i + 1}`).filter((l) => l.includes(SEARCH)).length;
const searchMs = await browser.executeAsync((term, hits, done) => {
  const field = document.querySelector('[data-testid="case-search"]');
  const t0 = performance.now();
  field.value = term;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  const check = () => {
    if (document.querySelectorAll('[data-testid="case-row"]').length === hits) done(Math.round(performance.now() - t0));
    else if (performance.now() - t0 > 20000) done(null);
    else requestAnimationFrame(check);
  };
  check();
}, SEARCH, searchHits);
/** Clicks the first element matching `clickSel` in the page and returns the ms until at least `count`
 *  elements match `waitSel` (null after 30 s). */
const timed = (clickSel, waitSel, count = 1) =>
  browser.executeAsync((c, w, k, done) => {
    const t0 = performance.now();
    document.querySelector(c).click();
    const check = () => {
      if (document.querySelectorAll(w).length >= k) done(Math.round(performance.now() - t0));
      else if (performance.now() - t0 > 30000) done(null);
      else requestAnimationFrame(check);
    };
    check();
  }, clickSel, waitSel, count);
const openCaseMs = await timed('[data-testid="case-open"]', '[data-testid="case-view"]');
console.log(`search over ${CASES} cases: ${searchMs} ms; opening a case: ${openCaseMs} ms`);

// 5. The heavier screens: one case with four persons and RECORDS behaviour records (fictional, made through
//    the app's own commands), opened on "Wie doet wat", then its timeline, matrix and family picture, each
//    timed inside the page from the click until the view is drawn.
const RECORDS = Number(process.env.RECORDS ?? 300);
const heavy = {};
if (RECORDS > 0) {
  await browser.setTimeout({ script: 600000 });
  const made = await browser.executeAsync((n, done) => {
    (async () => {
      const call = (c, request) => window.__TAURI_INTERNALS__.invoke(c, { request });
      const created = await call('case_create', { label: 'Meetgezin met veel gedrag' });
      const person = (role, name, year, gender) =>
        call('person_add', {
          case_id: created.id,
          input: { role, name, year_of_birth: year, gender, lives_in_household: true, notes: '', language: 'nl' },
        });
      const a = await person('parent', 'Meetouder Een', 1985, 'female');
      const b = await person('partner', 'Meetouder Twee', 1983, 'male');
      const c = await person('child', 'Meetkind Een', 2014, 'female');
      const d = await person('child', 'Meetkind Twee', 2018, 'male');
      const behaviours = ['fys.duwen', 'fys.schoppen', 'fys.gooien', 'fys.haren_trekken', 'psy.schreeuwen', 'fys.slaan_vlakke_hand'];
      const pairs = [[b, a], [a, b], [b, c], [a, d], [b, d]];
      const frequencies = ['once', 'twice', 'three_to_five', 'six_to_ten'];
      for (let i = 0; i < n; i += 1) {
        const [actor, target] = pairs[i % pairs.length];
        const day = new Date(Date.UTC(2024, 0, 1) + ((i * 37) % 700) * 86400000).toISOString().slice(0, 10);
        await call('behaviour_save', {
          record: {
            id: '00000000-0000-0000-0000-000000000000', case_id: created.id, actors: [actor.id], targets: [target.id],
            behaviour_id: behaviours[i % behaviours.length],
            stance: { stance: 'reported', frequency: frequencies[i % frequencies.length] },
            first_occurrence: null, last_occurrence: day, context: [], impact: [], impact_text: '',
            children_exposed: [], source_person: target.id, conversation_id: null, question_id: null,
            confidential: { kind: 'everyone' }, updated_at: '2026-01-01T00:00:00Z',
          },
        });
      }
      return created;
    })().then(done, (e) => done(`error: ${JSON.stringify(e)}`));
  }, RECORDS);
  assert.equal(made?.label, 'Meetgezin met veel gedrag', `the case with many records: ${JSON.stringify(made)}`);
  // Back to the list (it now holds the new case), find the case, open it.
  await click(browser, 'case-back');
  await type(browser, 'case-search', 'veel gedrag');
  await click(browser, 'case-open');
  await byId(browser, 'case-view');
  heavy.records = RECORDS;
  heavy.whoDoesWhatMs = await timed('[data-testid="tab-wiedoetwat"]', '[data-testid="behaviour-row"]', 1);
  heavy.timelineMs = await timed('[data-testid="view-timeline"]', '[data-testid="timeline-item"]', 1);
  heavy.matrixMs = await timed('[data-testid="view-matrix"]', '[data-testid="matrix-cell"]', 16);
  heavy.pictureMs = await timed('[data-testid="view-picture"]', '[data-testid="picture-words"]', 1);
  // The backend's part of the timeline: the command alone, as the view asks it.
  heavy.timelineCommandMs = await browser.executeAsync((id, done) => {
    const t0 = performance.now();
    window.__TAURI_INTERNALS__
      .invoke('timeline_get', { request: { case_id: id } })
      .then(() => done(Math.round(performance.now() - t0)), () => done(null));
  }, made.id);
  console.log(`a case with ${RECORDS} records: Wie doet wat ${heavy.whoDoesWhatMs} ms, timeline ${heavy.timelineMs} ms, matrix ${heavy.matrixMs} ms, family picture ${heavy.pictureMs} ms; the timeline command alone ${heavy.timelineCommandMs} ms`);
}
await browser.deleteSession();

const figures = {
  cases: CASES,
  rowsInPage: rows,
  starts,
  medianToFirstPaintMs: starts.every((s) => s.toFirstPaintMs != null) ? median(starts.map((s) => s.toFirstPaintMs)) : null,
  medianToUnlockScreenSeenMs: median(starts.map((s) => s.toUnlockScreenSeenMs)),
  medianRequestToUnlockScreenSeenMs: median(starts.map((s) => s.requestToUnlockScreenSeenMs)),
  processes,
  pssSumKiB: processes.reduce((a, p) => a + p.pssKiB, 0),
  rssSumKiB: processes.reduce((a, p) => a + p.rssKiB, 0),
  searchMs,
  openCaseMs,
  heavy,
};
fs.writeFileSync(FIGURES_OUT, JSON.stringify(figures, null, 2));
console.log(`figures: ${FIGURES_OUT}`);

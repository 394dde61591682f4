// Accessibility check and keyboard-only walk of the browser demo (`npm run build:fake` → dist-fake/).
//
//   npm run a11y            (builds nothing: run `npm run build:fake` first, or use `npm run a11y:full`)
//
// 1. Serves dist-fake/ on 127.0.0.1 with a tiny static server.
// 2. Starts Debian's chromium (headless, fresh profile) through playwright-core.
// 3. Keyboard-only walk (Tab, Enter, Space, arrow keys and typing — no clicks): first start, create a
//    case, add two persons, start a conversation, answer a question, record a behaviour (Alt+G), end
//    the conversation and find the behaviour in the who → whom matrix.
// 4. Runs axe-core on every main screen of the practice case (Oefencasus, Notities, Zoeken, Inzage and the handover dialogs included) at 1366×768, at 200% zoom of
//    that window (683×384 CSS px) and at 320 px wide, fails on any violation, and checks that no text
//    screen scrolls sideways (WCAG 1.4.10). Screenshots go to a11y-screens/ (git-ignored).
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dist = join(root, 'dist-fake');
const shots = join(root, 'a11y-screens');
const PASS = 'paarse olifant danst op het dak';
const PRACTICE = JSON.parse(readFileSync(join(root, 'src/lib/ipc/fixtures/practice.json'), 'utf8'));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

if (!existsSync(join(dist, 'index.html'))) {
  process.stderr.write('dist-fake/ is missing: run `npm run build:fake` first.\n');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(/^(\.\.[/\\])+/, '');
  const file = join(dist, path === '/' ? 'index.html' : path);
  if (!file.startsWith(dist) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = server.address().port;

const profile = mkdtempSync(join(tmpdir(), 'sk-a11y-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
  viewport: { width: 1280, height: 900 },
});
const page = context.pages()[0] ?? (await context.newPage());
const axeSource = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

const failures = [];
const report = [];
let shot = 0;

function log(line) {
  process.stdout.write(`${line}\n`);
}

async function axe(name) {
  await page.waitForTimeout(150);
  const has = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!has) await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  shot += 1;
  await page.screenshot({ path: join(shots, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
  const serious = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  report.push({ name, violations: result.length, serious: serious.length });
  log(`axe ${name}: ${result.length} violation(s), ${serious.length} serious/critical`);
  for (const v of result) log(`   - [${v.impact}] ${v.id}: ${v.help} @ ${v.nodes.join(' | ')}`);
  if (result.length > 0) failures.push(`${name}: ${result.map((v) => `${v.id} (${v.impact})`).join(', ')}`);
}

// ---------- keyboard helpers (no clicks) ----------

async function activeMatches(selector) {
  return page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
}

/** Presses Tab (or Shift+Tab) until the focused element matches; fails after `max` presses. */
async function tabTo(selector, { max = 80, back = false } = {}) {
  for (let i = 0; i < max; i += 1) {
    if (await activeMatches(selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  if (await activeMatches(selector)) return;
  throw new Error(`keyboard: could not reach ${selector} with Tab`);
}

const tid = (id) => `[data-testid="${id}"]`;

/** Changes a focused <select> with the arrow keys until its value is `value`. */
async function selectByArrows(selector, value, { back = false } = {}) {
  await tabTo(selector, { back });
  for (let i = 0; i < 30; i += 1) {
    if ((await page.$eval(selector, (el) => el.value)) === value) return;
    await page.keyboard.press('ArrowDown');
  }
  for (let i = 0; i < 30; i += 1) {
    if ((await page.$eval(selector, (el) => el.value)) === value) return;
    await page.keyboard.press('ArrowUp');
  }
  throw new Error(`keyboard: could not choose ${value} in ${selector}`);
}

async function optionValue(selector, text) {
  return page.$eval(
    selector,
    (el, t) => Array.from(el.options).find((o) => o.textContent.trim() === t)?.value ?? '',
    text,
  );
}

async function waitText(selector, text, timeout = 5000) {
  await page.waitForFunction(
    ([s, t]) => document.querySelector(s)?.textContent?.includes(t) ?? false,
    [selector, text],
    { timeout },
  );
}

async function addPersonByKeyboard(role, name, year) {
  await tabTo(tid('person-add'));
  await page.keyboard.press('Enter');
  await page.waitForSelector(tid('person-name'));
  await selectByArrows(tid('person-role'), role);
  await tabTo(tid('person-name'));
  await page.keyboard.type(name);
  await tabTo(tid('person-year'));
  await page.keyboard.type(year);
  await tabTo(tid('person-save'));
  await page.keyboard.press('Enter');
  await waitText(tid('person-list'), name);
}


const SIZES = [
  { name: '1366x768', width: 1366, height: 768 },
  { name: 'zoom200', width: 683, height: 384 },
  // WCAG 1.4.10 names 320 CSS px: the narrowest window text screens must fit.
  { name: 'w320', width: 320, height: 640 },
];

/** WCAG 1.4.10: a text screen fits the window's width; nothing but a data table may scroll sideways. */
async function reflow(name) {
  const over = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 1) continue;
      if (el.closest('.scroll, table, svg, [data-reflow-exempt]')) continue;
      wide.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.dataset.testid ? '[' + el.dataset.testid + ']' : ''} (${Math.round(r.right)}px)`);
      if (wide.length >= 5) break;
    }
    return { scroll: document.documentElement.scrollWidth - width, wide };
  });
  if (over.scroll > 1 || over.wide.length > 0) {
    failures.push(`${name}: wider than the window by ${over.scroll}px: ${over.wide.join(', ')}`);
    log(`reflow ${name}: FAILS — ${over.wide.join(', ')}`);
  }
}

// ---------- the practice case's main screens, at one window size ----------

/** Visits every main screen of the practice case; axe on each, and where `reflow` is set, no sideways scroll. */
async function practiceTour(size) {
  const name = (n) => `${n}@${size}`;
  await page.click(tid('case-back'));
  await page.waitForSelector(tid('practice-case'));
  await axe(name('case-list'));
  await reflow(name('case-list'));
  // The backup dialog (make, reminder, check, restore), from the top bar.
  await page.click(tid('btn-backup'));
  await page.waitForSelector(tid('backup-dialog'));
  await axe(name('backup-dialog'));
  await reflow(name('backup-dialog'));
  await page.keyboard.press('Escape');
  await page.waitForSelector(tid('backup-dialog'), { state: 'detached' });
  // About: version, licence, where the data lives.
  await page.click(tid('btn-about'));
  await page.waitForSelector(tid('about-folder'));
  await axe(name('about-dialog'));
  await reflow(name('about-dialog'));
  await page.keyboard.press('Escape');
  await page.waitForSelector(tid('about-dialog'), { state: 'detached' });
  // Overdrachtsbestand openen (issue 15, point 2): the file the fake's dialog answers, then what Rust
  // said the practice family's handover file holds (not imported: the tour goes on with the same list).
  await page.click(tid('handover-import-open'));
  await page.waitForSelector(tid('handover-import-dialog'));
  await axe(name('handover-import'));
  await reflow(name('handover-import'));
  await page.click(tid('handover-choose'));
  await page.fill(tid('handover-import-passphrase'), 'zeven blauwe fietsen langs de haven');
  await page.click(tid('handover-preview'));
  await page.waitForSelector(tid('handover-preview-result'));
  await axe(name('handover-preview'));
  await reflow(name('handover-preview'));
  await page.keyboard.press('Escape');
  await page.waitForSelector(tid('handover-import-dialog'), { state: 'detached' });
  await page.click(tid('practice-case'));
  await page.waitForSelector(tid('start-section'));
  await page.waitForSelector(tid('acute-marker'));
  await axe(name('household-practice'));
  await reflow(name('household-practice'));
  // Overdragen: what goes along (the plan with its escape plan warned about), the passphrase twice.
  await page.click(tid('handover-export-open'));
  await page.waitForSelector(tid('handover-export-dialog'));
  await page.click(tid('handover-part-plan'));
  await page.waitForSelector(tid('handover-plan-warning'));
  await axe(name('handover-export'));
  await reflow(name('handover-export'));
  await page.keyboard.press('Escape');
  await page.waitForSelector(tid('handover-export-dialog'), { state: 'detached' });
  await page.click(tid('acute-marker'));
  await page.waitForSelector(tid('acute-banner'));
  await axe(name('overview-practice'));
  await reflow(name('overview-practice'));
  await page.click(tid('tab-gesprekken'));
  await page.waitForSelector(tid('conversation-new'));
  await axe(name('conversations'));
  await reflow(name('conversations'));
  await page.click(tid('conversation-new'));
  await page.click(tid('conversation-person-0'));
  await page.click(tid('conversation-person-1'));
  await page.waitForSelector(tid('joint-warning'));
  await axe(name('conversation-new-joint'));
  await reflow(name('conversation-new-joint'));
  await page.click(tid('conversation-person-1'));
  await page.click(tid('conversation-person-0'));
  await page.click(tid('conversation-person-2'));
  await page.click(tid('conversation-start'));
  await page.waitForSelector(tid('precheck-form'));
  await axe(name('child-precheck'));
  await reflow(name('child-precheck'));
  await page.click('text=Annuleren');
  await page.click('text=Annuleren');
  await page.click(tid('conversation-open'));
  await page.waitForSelector(tid('conversation-mode') + ' h1[tabindex]');
  await axe(name('conversation-mode'));
  await reflow(name('conversation-mode'));
  await page.click(tid('question-vol.angst.levensgevaar'));
  await axe(name('conversation-mode-yesno'));
  await reflow(name('conversation-mode-yesno'));
  await page.keyboard.press('Alt+g');
  await page.waitForSelector(tid('behaviour-search'));
  await page.keyboard.type('dreig');
  await axe(name('conversation-mode-behaviour-form'));
  await reflow(name('conversation-mode-behaviour-form'));
  await page.click('text=Annuleren');
  await page.click(tid('conversation-end'));
  await page.click(tid('conversation-end-confirm'));
  await page.waitForSelector(tid('conversation-new'));
  // The guide for 12–17 (Daan) has the 0–10 scale.
  await page.locator(tid('conversation-row'), { hasText: 'Daan' }).locator(tid('conversation-open')).click();
  await page.waitForSelector(tid('conversation-mode') + ' h1[tabindex]');
  await page.click(tid('question-k12.veilig.cijfer'));
  await page.waitForSelector(tid('answer-scale'));
  await axe(name('conversation-mode-scale'));
  await reflow(name('conversation-mode-scale'));
  await page.click(tid('conversation-end'));
  await page.click(tid('conversation-end-confirm'));
  await page.waitForSelector(tid('conversation-new'));
  await page.click(tid('tab-wiedoetwat'));
  await page.waitForSelector(tid('behaviour-add'));
  await axe(name('who-does-what-list'));
  await reflow(name('who-does-what-list'));
  await page.click(tid('behaviour-add'));
  await axe(name('who-does-what-form'));
  await reflow(name('who-does-what-form'));
  await page.click('text=Annuleren');
  // A person's correction beside a record (issue 14, point 5).
  await page.locator(tid('correction-add')).first().click();
  await page.waitForSelector(tid('correction-dialog'));
  await axe(name('correction-dialog'));
  await reflow(name('correction-dialog'));
  await page.keyboard.press('Escape');
  await page.waitForSelector(tid('correction-dialog'), { state: 'detached' });
  for (const view of ['picture', 'matrix', 'perspectives', 'timeline', 'severity']) {
    await page.click(tid(`view-${view}`));
    await axe(name(`who-does-what-${view}`));
    await reflow(name(`who-does-what-${view}`));
  }
  await page.click(tid('tab-meldcode'));
  await page.waitForSelector(tid('meldcode'));
  await axe(name('meldcode'));
  await reflow(name('meldcode'));
  await page.click('button:has-text("Vastleggen")');
  await axe(name('meldcode-form'));
  await reflow(name('meldcode-form'));
  // Melding aan Veilig Thuis: the intro (nothing of the case on it), then the draft with every statement.
  await page.click(tid('tab-melding'));
  await page.waitForSelector(tid('melding-open'));
  await axe(name('melding-intro'));
  await reflow(name('melding-intro'));
  await page.click(tid('melding-open'));
  await page.waitForSelector(tid('melding-statement'));
  await axe(name('melding-draft'));
  await reflow(name('melding-draft'));
  // Veiligheidsplan: editor with hints, the preview, presentation view and the export warning.
  await page.click(tid('tab-veiligheidsplan'));
  await page.waitForSelector(tid('plan-editor'));
  await page.click(tid('plan-add-agreements'));
  // The agreement whose checks Rust wrote into the fixture (victim-blaming wording, art. 31).
  await page.locator(`${tid('plan-section-agreements')} ${tid('plan-item-text')}`).first().fill(PRACTICE.checksExample.text);
  await page.waitForSelector(tid('plan-hint'));
  await page.waitForSelector(tid('plan-page'));
  await axe(name('plan-editor'));
  await reflow(name('plan-editor'));
  await page.click(tid('plan-export'));
  await page.waitForSelector(tid('plan-export-confirm'));
  await axe(name('plan-export-warning'));
  await reflow(name('plan-export-warning'));
  await page.keyboard.press('Escape');
  await page.click('text=Presentatieweergave');
  await page.waitForSelector(tid('plan-page'));
  await axe(name('plan-presentation'));
  await reflow(name('plan-presentation'));
  await page.keyboard.press('Escape').catch(() => {});
  // Notities: the list, a note in the editor with its earlier versions, and the trash.
  await page.click(tid('tab-notities'));
  await page.waitForSelector(tid('note-list'));
  await page.locator(tid('note-item')).last().click();
  await page.waitForSelector(tid('note-editor'));
  await page.click(tid('note-versions-toggle'));
  await page.waitForSelector(tid('note-versions'));
  await axe(name('notes'));
  await reflow(name('notes'));
  // Zoeken (Ctrl+K) with results Rust recorded for the fake.
  await page.keyboard.press('Control+k');
  await page.waitForSelector(tid('search-input'));
  await page.keyboard.type('schreeuw');
  await page.waitForSelector(tid('search-hit'));
  await axe(name('search'));
  await reflow(name('search'));
  await page.keyboard.press('Escape');
  // Inzage: the list of persons, one person's review (what is in it, what was left out, the pages) and
  // the warning before saving.
  await page.click(tid('tab-inzage'));
  await page.waitForSelector(tid('inzage-open'));
  await axe(name('inzage-list'));
  await reflow(name('inzage-list'));
  await page.locator(tid('inzage-open')).first().click();
  await page.waitForSelector(tid('inzage-page'));
  await axe(name('inzage-review'));
  await reflow(name('inzage-review'));
  await page.click(tid('inzage-save'));
  await page.waitForSelector(tid('inzage-save-confirm'));
  await axe(name('inzage-save-warning'));
  await reflow(name('inzage-save-warning'));
  await page.keyboard.press('Escape');
  await page.click(tid('inzage-back'));
  // Logboek: the access log with the check of the whole log.
  await page.click(tid('tab-logboek'));
  await page.waitForSelector(tid('log-table'));
  await axe(name('access-log'));
  await reflow(name('access-log'));
  // Bewaartermijn (issue 14, point 1): a date in the past (a request Rust answered for the fake), then
  // the retention screen with the case on it, and its two dialogs (closed again: the case stays).
  await page.click(tid('case-retention-change'));
  await page.fill(tid('case-retention-date'), '01-01-2026');
  await page.fill('#case-retention-reason', 'Verzoek tot vernietiging van beide ouders.');
  await axe(name('case-retention-form'));
  await reflow(name('case-retention-form'));
  await page.click(tid('case-retention-save'));
  await page.waitForSelector(tid('case-retention-history'));
  await page.click(tid('case-back'));
  await page.click(tid('retention-open'));
  await page.waitForSelector(tid('retention-row'));
  await axe(name('retention'));
  await reflow(name('retention'));
  await page.click(tid('retention-extend'));
  await page.waitForSelector(tid('retention-extend-dialog'));
  await axe(name('retention-extend'));
  await reflow(name('retention-extend'));
  await page.keyboard.press('Escape');
  await page.waitForSelector(tid('retention-extend-dialog'), { state: 'detached' });
  await page.click(tid('retention-delete'));
  await page.waitForSelector(tid('retention-delete-dialog'));
  await axe(name('retention-delete'));
  await reflow(name('retention-delete'));
  await page.keyboard.press('Escape');
  await page.waitForSelector(tid('retention-delete-dialog'), { state: 'detached' });
  await page.click(tid('retention-back'));
  await page.click(tid('practice-case'));
  await page.waitForSelector(tid('start-section'));
  await page.click(tid('tab-gezin'));
}

/** Practice mode from the unlock screen: the OEFENMODUS banner on the practice family and the case list,
 * then back to the real vault (unlocked again, and into a case as the next tour expects). */
async function practiceModeTour(size) {
  const name = (n) => `${n}@${size}`;
  await page.click(tid('btn-lock'));
  await page.waitForSelector(tid('unlock-screen'));
  await axe(name('unlock-with-practice'));
  await page.click(tid('practice-open'));
  await page.waitForSelector(tid('practice-banner'));
  await page.waitForSelector(tid('start-section'));
  await axe(name('practice-mode-household'));
  await reflow(name('practice-mode-household'));
  await page.click(tid('case-back'));
  await page.waitForSelector(tid('case-list'));
  await axe(name('practice-mode-cases'));
  await reflow(name('practice-mode-cases'));
  // The trainer's screen: empty, with three groups' work beside the reference, with refused files, and
  // in the presentation view.
  await page.click(tid('trainer-open'));
  await page.waitForSelector(tid('trainer-empty'));
  await axe(name('trainer-empty'));
  await page.click(tid('trainer-import'));
  await page.waitForSelector(tid('trainer-records'));
  await axe(name('trainer-compared'));
  await reflow(name('trainer-compared'));
  await page.click(tid('trainer-import'));
  await page.waitForSelector(tid('trainer-refused'));
  await axe(name('trainer-refused'));
  await page.click(tid('trainer-present'));
  await axe(name('trainer-presentation'));
  await page.click(tid('trainer-back'));
  await page.waitForSelector(tid('case-list'));
  await page.click(tid('practice-close'));
  await page.waitForSelector(tid('unlock-screen'));
  await page.fill(tid('unlock-passphrase'), PASS);
  await page.click(tid('unlock-submit'));
  await page.waitForSelector(tid('case-open'));
  await page.click(tid('case-open'));
  await page.waitForSelector(tid('case-back'));
}

let exitCode = 0;
try {
  await page.goto(`http://127.0.0.1:${port}/index.html`);
  await page.waitForSelector(tid('create-passphrase'));
  // Sanity: axe must see a planted critical violation (a button without a name), or this check proves nothing.
  await page.addScriptTag({ content: axeSource });
  const planted = await page.evaluate(async () => {
    const b = document.createElement('button');
    b.id = 'planted-violation';
    document.body.appendChild(b);
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    b.remove();
    return r.violations.some((v) => v.id === 'button-name' && v.impact === 'critical');
  });
  if (!planted) throw new Error('axe did not report a planted critical violation');
  log('axe sanity: a planted nameless button is reported as critical');
  await axe('first-start');
  // Restoring a backup on a new laptop, from the first screen; an empty passphrase shows its error.
  await page.click(tid('wizard-restore'));
  await page.waitForSelector(tid('restore-screen'));
  await axe('restore-screen');
  await page.click(tid('restore-submit'));
  await page.waitForSelector(tid('restore-error'));
  await axe('restore-screen-error');
  await page.click(`${tid('restore-screen')} button:has-text("${'Terug'}")`);
  await page.waitForSelector(tid('create-passphrase'));

  // ---------- keyboard-only walk ----------
  log('keyboard walk: first start');
  await tabTo(tid('create-passphrase'));
  await page.keyboard.type(PASS);
  await tabTo(tid('create-passphrase-repeat'));
  await page.keyboard.type(PASS);
  await tabTo(tid('create-submit'));
  await page.keyboard.press('Enter');
  await page.waitForSelector(tid('recovery-key'));
  await axe('recovery-key');
  await tabTo(tid('recovery-confirm'));
  await page.keyboard.press('Space');
  await tabTo(tid('recovery-continue'));
  await page.keyboard.press('Enter');
  await page.waitForSelector(tid('case-create-label'));
  await axe('case-list-empty');

  log('keyboard walk: create a case and add persons');
  await tabTo(tid('case-create-label'));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Gezin K. (toets)');
  await page.keyboard.press('Enter');
  // A new case opens at once, on its Gezin page.
  await page.waitForSelector(tid('person-add'));
  await addPersonByKeyboard('parent', 'Ouder Een', '1984');
  await addPersonByKeyboard('parent', 'Ouder Twee', '1986');

  log('keyboard walk: start a conversation from the neutral Gezin page');
  await page.waitForSelector(tid('start-conversation'));
  await tabTo(tid('start-conversation'));
  await page.keyboard.press('Enter');
  await page.waitForSelector(tid('conversation-mode') + ' h1[tabindex]');

  log('keyboard walk: answer a question');
  await tabTo(tid('question-vol.start.aanleiding'));
  await page.keyboard.press('Enter');
  await tabTo(tid('answer-text'));
  await page.keyboard.type('Het gaat wisselend thuis.');
  // Enter is a new line in the person's words; Ctrl+Enter saves at once.
  await page.keyboard.press('Control+Enter');
  await waitText(tid('save-status'), 'Opgeslagen');

  log('keyboard walk: record a behaviour (Alt+G)');
  await page.keyboard.press('Alt+g');
  await page.waitForSelector(tid('behaviour-search'));
  if (!(await activeMatches(tid('behaviour-search')))) throw new Error('behaviour search has no focus after Alt+G');
  await page.keyboard.type('duwen');
  await page.keyboard.press('Enter');
  // Choosing moves on to how often; who did what to whom are above it (Shift+Tab).
  if (!(await activeMatches(tid('behaviour-frequency')))) throw new Error('choosing a behaviour did not move on to the frequency');
  await page.keyboard.press('3');
  await selectByArrows(tid('behaviour-target'), await optionValue(tid('behaviour-target'), 'Ouder Een'), { back: true });
  await selectByArrows(tid('behaviour-actor'), await optionValue(tid('behaviour-actor'), 'Ouder Twee'), { back: true });
  await page.keyboard.press('Control+Enter');
  await waitText(tid('conversation-mode'), 'Ouder Twee → Ouder Een: duwen');

  log('keyboard walk: end the conversation');
  // Forward: the focus is back on "Gedrag vastleggen" and "Gesprek afronden" comes next.
  await tabTo(tid('conversation-end'));
  await page.keyboard.press('Enter');
  await page.waitForSelector(tid('conversation-end-confirm'));
  await tabTo(tid('conversation-end-confirm'));
  await page.keyboard.press('Enter');
  await page.waitForSelector(tid('conversation-new'));

  log('keyboard walk: the behaviour is in the matrix');
  await tabTo('[role="tab"][aria-selected="true"]');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector(tid('view-matrix'));
  await tabTo(tid('view-matrix'));
  await page.keyboard.press('Enter');
  await page.waitForSelector(tid('matrix'));
  const cell = await page.$$eval(tid('matrix-cell'), (cells) => cells.map((c) => c.textContent ?? ''));
  if (!cell.some((c) => c.includes('duwen') && c.includes('4× per jaar'))) {
    throw new Error('keyboard walk: the recorded behaviour is not in the matrix');
  }
  await axe('own-case-matrix');
  log('keyboard walk: done — case, persons, conversation, answer, behaviour, matrix (keyboard only)');

  // ---------- axe on every main screen of the practice case, at both window sizes ----------
  // 1366×768, and the same window at 200% zoom (683×384 CSS px at device scale 2): the layout reflows
  // to one column there, and every text screen must fit without sideways scrolling.
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    log(`practice tour at ${size.name}`);
    await practiceTour(size.name);
    await practiceModeTour(size.name);
  }
} catch (error) {
  failures.push(`run: ${error instanceof Error ? error.message : String(error)}`);
  await page.screenshot({ path: join(shots, 'failure.png'), fullPage: true }).catch(() => {});
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}

log('\nsummary:');
for (const r of report) log(`  ${r.name.padEnd(36)} ${r.violations} violation(s), ${r.serious} serious/critical`);
if (failures.length > 0) {
  log('\nFAILED:');
  for (const f of failures) log(`  ${f}`);
  exitCode = 1;
} else {
  log('\nOK: no axe violations, no sideways scrolling; keyboard walk passed.');
}
process.exit(exitCode);

// The 100-canary pass (issue 11, point 10): 100 unique markers ("KANARIE-<n>-<random>", every third with
// accented letters) go through every feature that stores case text — through the UI where a user would
// type them (case label, names, a person's notes, answers and the words beside one in conversation mode,
// a behaviour's impact, the conversation's notes, a judgement, the acute decision, a Meldcode entry, plan
// items), the rest through the same IPC commands the UI sends (`__TAURI_INTERNALS__.invoke`): answers and
// words in a second conversation, a joint conversation's reason and justification, behaviour records (one
// in the trash), a judgement for every conclusion (one "changed to"), Meldcode entries with who was
// consulted, one item in every plan section, a frozen plan version and every reader's preview, a second
// case renamed, a third case deleted, a person's notes replaced, notes (one changed, one in the trash, one
// deleted for good with the trash emptied). Then every file the app and its WebView wrote is read — the
// private HOME (vault folder, XDG data/cache/config with WebKit's storage, runtime dir, TMPDIR), /tmp,
// /var/tmp, /dev/shm, what changed in the real home's .cache/.config/.local, and unlinked files the app's
// processes still hold open — for each marker in UTF-8 and UTF-16LE (ASCII case ignored), for fragments
// of "KANARIE-<digits>", and for base64 of them; a control marker planted first proves the scan finds
// each form. Four scans: with the app running; right after the app is killed (SIGKILL) while three chains
// of writes are under way, in the middle of a commit (its rollback journal exists); after the restart and
// unlock; after a clean exit. After the restart every marker that was acknowledged is in the app again,
// the overwritten and deleted ones are not; the window title, the page's storage and the DOM after
// locking never hold one.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  HOME, all, answer, appPids, byId, choose, click, deletedOpenFiles, descendants, dom, endConversation, invoke, keepEvidence,
  killApp, newVaultWithCase, ownOutputFiles, recordBehaviour, scanFiles, screenshot, sleep, startApp, startConversationWith, type,
  waitSaved,
} from '../lib.mjs';

const PASSPHRASE = 'kanaries zingen diep in de mijn bij Kerkrade';
const vaultDir = path.join(HOME, 'vaults', 'canary');
const TOTAL = 100;
const CRASH = 10;
const NIL = '00000000-0000-0000-0000-000000000000';
const STARTED = Date.now();

// --- The markers ------------------------------------------------------------------------------------

const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const ACCENTS = 'éëïöüàçñøåßœ';
const pick = (chars, n) => [...crypto.randomBytes(n)].map((b) => chars[b % chars.length]).join('');

/** Every marker handed out: its text, its ASCII core, the feature and path it went through, what to expect. */
const markers = [];

/**
 * A new marker for one feature. `expect`: "present" (readable in the app after the restart), "gone"
 * (overwritten or deleted: in no file and no longer in the app), "crash" (written while the app was
 * killed: present if it was acknowledged).
 */
function marker(feature, via, expect = 'present') {
  const n = markers.length + 1;
  const core = `KANARIE-${String(n).padStart(3, '0')}-${pick(ALPHABET, 12)}`;
  const text = n % 3 === 0 ? `${core}-${pick(ACCENTS, 3)}` : core;
  markers.push({ n, core, text, feature, via, expect });
  return text;
}
const byText = (text) => markers.find((m) => m.text === text);

/** What the scan looks for: each core, and its random part alone (a tokenizer may split at '-'). */
const needles = () =>
  markers.flatMap((m) => {
    const label = `${m.core} [${m.feature}, ${m.via}]`;
    return [
      { label, text: m.core },
      { label, text: m.core.split('-')[2] },
    ];
  });

// --- Scans ------------------------------------------------------------------------------------------

/** Folders and files the app or its WebView may write to. */
function scanRoots() {
  const real = os.userInfo().homedir;
  const roots = [HOME, '/tmp', '/var/tmp', '/dev/shm'];
  // The app runs with a private HOME; anything new in the real one would come from a library ignoring it.
  for (const d of ['.cache', '.config', '.local']) roots.push({ root: path.join(real, d), since: STARTED - 2000 });
  return roots;
}

/** Not the app's: the test run's own output and the machinery that runs this session's shell commands. */
function excluded() {
  const machinery = fs
    .readdirSync('/tmp')
    .filter((f) => /^bash_(jobs|tool)[._]/.test(f))
    .map((f) => path.join('/tmp', f));
  return [...ownOutputFiles(), ...machinery, ...checkout()];
}

/**
 * The project's own files, when the checkout lies below a scanned folder (a clone in /tmp): its
 * sources hold "KANARIE-" in this spec, and its build output is the test run's, not the app's. The
 * app's private HOME below `target/e2e` stays scanned.
 */
function checkout() {
  const repo = path.resolve(new URL('../../..', import.meta.url).pathname);
  const below = (dir, keep) => fs.readdirSync(dir).filter((f) => f !== keep).map((f) => path.join(dir, f));
  const e2eOut = path.join(repo, 'target', 'e2e');
  return [
    ...below(repo, 'target'),
    ...(fs.existsSync(path.join(repo, 'target')) ? below(path.join(repo, 'target'), 'e2e') : []),
    // In target/e2e: the screenshots and dumps of this run, beside the app's HOME.
    ...(fs.existsSync(e2eOut) ? below(e2eOut, path.basename(HOME)).filter((f) => path.resolve(f) !== path.resolve(HOME)) : []),
  ];
}

const findings = [];
// A fragment is a marker cut short: "KANARIE-" and digits (the word alone in a document is no marker).
const FRAGMENT = /^KANARIE-\d/i;

function scan(moment, { pids = [] } = {}) {
  const open = deletedOpenFiles(pids.flatMap((p) => [p, ...descendants(p)]));
  const result = scanFiles(scanRoots(), needles(), { anchor: 'KANARIE-', fragment: FRAGMENT, exclude: excluded(), extraFiles: open });
  const summary = result.perRoot.map((r) => `${r.root}: ${r.files} files, ${r.bytes} bytes`);
  console.log(`scan ${moment}: ${result.scanned} files\n  ${summary.join('\n  ')}`);
  const home = result.perRoot.find((r) => r.root === HOME);
  assert.ok(home && home.files > 0, `scan ${moment}: nothing read below ${HOME}`);
  for (const h of result.hits) findings.push(`${moment}: ${h.file} @${h.offset} ${h.how}: ${h.label}`);
  return result;
}

/** The folders below HOME that hold files (WebKit's storage among them), for the log. */
function homeFolders() {
  const out = new Map();
  const walk = (dir, depth) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (depth < 3) walk(p, depth + 1);
        else out.set(path.relative(HOME, p), true);
      } else if (e.isFile()) out.set(path.relative(HOME, dir) || '.', true);
    }
  };
  walk(HOME, 0);
  return [...out.keys()].sort();
}

// --- The app ----------------------------------------------------------------------------------------

let browser;
after(async () => {
  await browser?.deleteSession().catch(() => {});
});

/** The window title (the page's and the native window's) holds no marker. */
async function assertTitleClean(where) {
  const title = await browser.getTitle();
  assert.ok(!/kanarie/i.test(title), `the page title ${where} holds a marker: ${title}`);
  let windows = '';
  try {
    windows = execFileSync('xdotool', ['search', '--name', 'KANARIE'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    windows = ''; // exit status 1: no window has it in its name
  }
  assert.equal(windows.trim(), '', `a window's name ${where} holds a marker`);
}

/** What the page's own storage holds (the UI uses no storage API; a UI test checks the sources). */
async function webStorage() {
  return browser.execute(async () => {
    const out = [];
    const tryIt = async (what, f) => {
      try {
        out.push(...(await f()));
      } catch (e) {
        out.push(`${what}: ${e?.name ?? e}`);
      }
    };
    const kv = (s) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`);
    await tryIt('localStorage', () => kv(localStorage));
    await tryIt('sessionStorage', () => kv(sessionStorage));
    await tryIt('cookie', () => [document.cookie]);
    // Not indexedDB.databases() or caches.keys(): asking creates WebKit's per-origin folders. What IndexedDB
    // and CacheStorage hold is on disk, below the data folder the scan reads.
    return out.filter(Boolean);
  });
}

/** Everything of every case the app serves, as one text: the read side of every storage path. */
async function everythingInTheApp() {
  const parts = [];
  const cases = await invoke(browser, 'cases_list');
  parts.push(cases);
  for (const { id } of cases) {
    const c = { case_id: id };
    parts.push(await invoke(browser, 'household_get', c));
    const conversations = await invoke(browser, 'conversations_list', c);
    parts.push(conversations);
    for (const conv of conversations) parts.push(await invoke(browser, 'conversation_open', { ...c, conversation_id: conv.id }));
    for (const command of ['behaviours_list', 'behaviours_trash_list', 'analysis_get', 'meldcode_list', 'plan_get', 'plan_versions']) {
      parts.push(await invoke(browser, command, c));
    }
    const notes = await invoke(browser, 'notes_list', c);
    parts.push(notes);
    for (const note of [...notes.notes, ...notes.trash]) parts.push(await invoke(browser, 'note_versions', { ...c, note_id: note.id }));
  }
  return JSON.stringify(parts);
}

async function planSaved() {
  await waitSaved(browser, 'plan-save-status');
}

test('100 markers through every feature: none in any file the app or its WebView wrote, also after a kill; all back after the restart', () =>
  keepEvidence(() => browser, 'canary', async () => {
    // ---- Through the UI -------------------------------------------------------------------------------
    const LABEL = marker('case label', 'UI');
    const A = marker('person name', 'UI');
    const B = marker('person name', 'UI');
    const CHILD = marker('person name', 'UI');
    const NET = marker('person name', 'UI');
    const A_NOTES = marker('person notes', 'UI');
    browser = await newVaultWithCase(vaultDir, {
      passphrase: PASSPHRASE,
      label: LABEL,
      persons: [['parent', A, 1988, { notes: A_NOTES }], ['parent', B, 1985], ['child', CHILD, 2014], ['network', NET, 1958]],
      relations: [[A, 'partner_of', B], [A, 'parent_of', CHILD], [B, 'parent_of', CHILD]],
    });
    // The spec takes longer than the default 5 minutes without a click at times.
    const settings = await invoke(browser, 'settings_get');
    await invoke(browser, 'settings_set', { settings: { ...settings, autoLockMinutes: 30 } });
    await assertTitleClean('on the case');

    // A's conversation: three answers, words beside a yes/no answer, a behaviour with its impact, notes.
    await startConversationWith(browser, 0);
    await byId(browser, 'conversation-mode');
    for (const q of ['vol.start.aanleiding', 'vol.relatie.spanning_verloop', 'vol.relatie.beslissingen']) {
      await answer(browser, q, marker('answer text', 'UI'));
    }
    await click(browser, 'question-vol.relatie.escaleert_snel');
    await (await browser.$('#yn-vol\\.relatie\\.escaleert_snel-yes')).click();
    await type(browser, 'answer-words', marker('answer words', 'UI'));
    await browser.keys(['Control', 'Enter']);
    await waitSaved(browser);
    await recordBehaviour(browser, {
      search: 'wurgen', actor: B, target: A, stance: 'reported', frequency: 'once', impactText: marker('behaviour impact', 'UI'),
    });
    await assertTitleClean('in conversation mode');
    await screenshot(browser, '50-kanarie-gesprek');
    await endConversation(browser, { notes: marker('conversation notes', 'UI') });

    // A judgement of the severity.
    await click(browser, 'tab-wiedoetwat');
    await click(browser, 'view-severity');
    await click(browser, 'judge-severity-confirmed');
    const JUDGED = marker('judgement reason', 'UI');
    await type(browser, 'judge-severity-reason', JUDGED);
    await click(browser, 'judge-severity-save');
    await browser.waitUntil(async () => (await dom(browser)).includes(JUDGED), { timeout: 15000, timeoutMsg: 'the judgement was not shown' });

    // The acute decision (the strangling is a current red flag).
    await click(browser, 'tab-overzicht');
    await byId(browser, 'acute-banner');
    await type(browser, 'acute-decision', marker('acute decision', 'UI'));
    await type(browser, 'acute-rationale', marker('acute rationale', 'UI'));
    await click(browser, 'acute-save');
    await browser.waitUntil(async () => (await (await byId(browser, 'acute-banner')).getAttribute('data-state')) === 'decided', {
      timeout: 15000,
      timeoutMsg: 'the acute decision was not recorded',
    });

    // A Meldcode entry: rationale and who was consulted.
    await click(browser, 'tab-meldcode');
    await click(browser, 'meldcode-record-afweging.3');
    await choose(browser, 'meldcode-answer', { value: 'no' });
    await type(browser, 'meldcode-rationale', marker('meldcode rationale', 'UI'));
    await (await browser.$('input[id$="-who"]')).setValue(marker('meldcode consulted who', 'UI'));
    await (await browser.$('input[id$="-org"]')).setValue(marker('meldcode consulted organisation', 'UI'));
    await click(browser, 'meldcode-save');
    await byId(browser, 'meldcode-norm');

    // Plan items: a safety condition, a signal, an escape-plan step.
    await click(browser, 'tab-veiligheidsplan');
    await byId(browser, 'plan-editor', 30000);
    for (const section of ['conditions', 'signals', 'escape_plan']) {
      const box = await byId(browser, `plan-section-${section}`);
      await browser.execute((e) => e.scrollIntoView({ block: 'center' }), box);
      await click(browser, `plan-add-${section}`);
      await browser.waitUntil(async () => (await box.$$('[data-testid="plan-item-text"]')).length > 0, { timeout: 10000 });
      const inputs = await box.$$('[data-testid="plan-item-text"]');
      await inputs[inputs.length - 1].setValue(marker(`plan ${section}`, 'UI'));
      await browser.keys('Tab');
      await planSaved();
    }
    await screenshot(browser, '51-kanarie-plan');
    // Off the plan tab before the plan changes through IPC, so the editor holds no older copy to save.
    await click(browser, 'tab-gezin');
    await sleep(500);

    const viaUi = markers.length;
    const caseId = (await invoke(browser, 'cases_list')).find((c) => c.label === LABEL).id;
    const c = { case_id: caseId };
    // Everything typed in the UI is stored (the plan's autosave may lag behind its status line).
    await browser.waitUntil(async () => {
      const text = await everythingInTheApp();
      return markers.every((m) => text.includes(m.text));
    }, { timeout: 20000, timeoutMsg: 'not every marker typed in the UI reached the vault' });

    // ---- Through the IPC commands the UI uses -------------------------------------------------------
    const household = await invoke(browser, 'household_get', c);
    const idOf = (name) => household.persons.find((p) => p.name === name).id;
    const guideOf = (name) => household.guidance.find((g) => g.person === idOf(name)).guide_id;
    const content = await invoke(browser, 'content_get');
    const questions = content.guides.find((g) => g.id === guideOf(B)).sections.flatMap((s) => s.questions);

    // B's conversation: answers (filled up to 90 at the end), an answer overwritten, notes.
    const convB = await invoke(browser, 'conversation_start', {
      ...c, participants: [idOf(B)], guide_id: guideOf(B), joint_reason: null, safety_justification: null,
    });
    const inB = { ...c, conversation_id: convB.id, confidential: { kind: 'professional_only' } };
    const freeQuestions = [...questions];
    const nextQuestion = () => freeQuestions.shift();
    const over = nextQuestion();
    await invoke(browser, 'answer_save', { ...inB, question_id: over.id, value: null, words: marker('answer words, overwritten', 'IPC', 'gone') });
    await invoke(browser, 'answer_save', { ...inB, question_id: over.id, value: null, words: marker('answer words (replacing)', 'IPC') });

    // A joint conversation: its reason and the justification the guard-rail asks for.
    const joint = await invoke(browser, 'conversation_start', {
      ...c,
      participants: [idOf(A), idOf(B)],
      guide_id: guideOf(A),
      joint_reason: marker('joint conversation reason', 'IPC'),
      safety_justification: marker('joint conversation justification', 'IPC'),
    });
    await invoke(browser, 'conversation_end', { ...c, conversation_id: joint.id, notes: marker('joint conversation notes', 'IPC') });

    // Behaviour records, the impact in the person's words; one goes to the trash.
    const [uiRecord] = await invoke(browser, 'behaviours_list', c);
    const record = (impact) => ({
      ...uiRecord, id: NIL, impact_text: impact, source_person: idOf(B), conversation_id: convB.id, question_id: null,
    });
    for (let i = 0; i < 6; i += 1) await invoke(browser, 'behaviour_save', { record: record(marker('behaviour impact', 'IPC')) });
    const trashed = await invoke(browser, 'behaviour_save', { record: record(marker('behaviour impact, in the trash', 'IPC')) });
    await invoke(browser, 'behaviour_trash', { ...c, record_id: trashed.id });

    // A judgement of every other conclusion; the first one "changed to".
    const analysis = await invoke(browser, 'analysis_get', c);
    const reviews = analysis.reviews.filter((r) => r.key !== 'severity').slice(0, 6);
    assert.ok(reviews.length >= 2, `conclusions to judge: ${analysis.reviews.map((r) => r.key).join(', ')}`);
    for (const [i, review] of reviews.entries()) {
      const verdict = i === 0 ? { verdict: 'changed', to: marker('judgement "changed to"', 'IPC') } : { verdict: 'confirmed' };
      await invoke(browser, 'judgement_save', {
        ...c,
        judgement: {
          id: NIL, case_id: caseId, conclusion_key: review.key, verdict, reason: marker('judgement reason', 'IPC'),
          hypothesis_at_decision: review.hypothesis, decided_at: new Date().toISOString(),
        },
      });
    }

    // Meldcode entries with their rationale and who was consulted.
    const [uiEntry] = await invoke(browser, 'meldcode_list', c);
    for (let i = 0; i < 4; i += 1) {
      await invoke(browser, 'meldcode_save', {
        entry: {
          ...uiEntry, id: NIL, rationale: marker('meldcode rationale', 'IPC'),
          consulted: [{ who: marker('meldcode consulted who', 'IPC'), organisation: 'Veilig Thuis' }],
        },
      });
    }

    // One item in every plan section, every text field a marker; then a frozen version.
    const FIELDS = {
      worries: ['situation', 'impact'], conditions: ['text'], acute_actions: ['what'], agreements: ['what', 'if_broken'],
      problems: ['problem', 'help'], recovery: ['need', 'help'], support: ['need', 'help'], network: ['task'],
      professionals: ['name', 'organisation', 'role', 'contact'], measures: ['details'], signals: ['signal', 'action'],
      escape_plan: ['text'],
    };
    let editor = await invoke(browser, 'plan_get', c);
    for (const [section, fields] of Object.entries(FIELDS)) {
      if (!editor.addable.includes(section)) continue;
      editor = await invoke(browser, 'plan_item_add', { plan: editor.plan, section });
      const item = editor.plan[section][editor.plan[section].length - 1];
      for (const f of fields) item.content[f] = marker(`plan ${section}.${f}`, 'IPC');
    }
    const saved = await invoke(browser, 'plan_save', { plan: editor.plan });
    await invoke(browser, 'plan_freeze', c);
    // Every reader's preview: Typst renders the pages in memory (the scans below find no temp file of it).
    for (const audience of [{ kind: 'professional' }, ...household.guidance.map((g) => g.reader)]) {
      const preview = await invoke(browser, 'plan_preview', { ...c, audience });
      assert.ok(preview.pages.length > 0 && preview.pages.every((p) => p.startsWith('data:image/png;base64,')), `preview for ${audience.kind}`);
    }

    // Cases: a second one renamed (its first label overwritten), a third one deleted with its person.
    const second = await invoke(browser, 'case_create', { label: marker('case label, renamed away', 'IPC', 'gone') });
    await invoke(browser, 'case_rename', { case_id: second.id, label: marker('case label (renamed)', 'IPC') });
    const person = (name, notes, role = 'parent') => ({ role, name, year_of_birth: 1990, gender: null, lives_in_household: true, notes });
    await invoke(browser, 'person_add', { case_id: second.id, input: person(marker('person name', 'IPC'), marker('person notes', 'IPC')) });
    const third = await invoke(browser, 'case_create', { label: marker('case label, deleted', 'IPC', 'gone') });
    await invoke(browser, 'person_add', { case_id: third.id, input: person(marker('person name, deleted', 'IPC', 'gone'), '') });
    await invoke(browser, 'case_delete', { case_id: third.id });
    // A person of the family through IPC; the notes replaced.
    const added = await invoke(browser, 'person_add', { ...c, input: person(marker('person name', 'IPC'), marker('person notes, replaced', 'IPC', 'gone'), 'network') });
    await invoke(browser, 'person_update', { ...c, person_id: added.id, input: person(added.name, marker('person notes (replacing)', 'IPC'), 'network') });

    // Notes: titles and texts, a note changed twice (its earlier versions are kept, so the replaced
    // text stays in the app), one in the trash (kept), one deleted for good (the trash emptied).
    const today = new Date().toISOString().slice(0, 10);
    const note = (title, text, confidential = false) => ({ person_id: null, conversation_id: null, date: today, title, text, tags: [], confidential });
    await invoke(browser, 'note_create', { ...c, input: note(marker('note title', 'IPC'), marker('note text', 'IPC')) });
    await invoke(browser, 'note_create', { ...c, input: note('Vertrouwelijk', marker('note text, confidential', 'IPC'), true) });
    const changed = await invoke(browser, 'note_create', { ...c, input: note('Na het gesprek', marker('note text, kept as a version', 'IPC')) });
    await invoke(browser, 'note_save', { ...c, note_id: changed.id, input: note('Na het gesprek', marker('note text (replacing)', 'IPC')) });
    const binned = await invoke(browser, 'note_create', { ...c, input: note('Prullenbak', marker('note text, in the trash', 'IPC')) });
    await invoke(browser, 'note_trash', { ...c, note_id: binned.id });
    const gone = await invoke(browser, 'note_create', { case_id: second.id, input: note('Weg', marker('note text, deleted for good', 'IPC', 'gone')) });
    await invoke(browser, 'note_trash', { case_id: second.id, note_id: gone.id });
    assert.equal(await invoke(browser, 'notes_trash_empty', { case_id: second.id }), 1, 'one note deleted for good');

    // The rest as answers in B's conversation: a text answer where the question takes text, else words.
    const crashQuestions = [];
    for (let i = 0; i < CRASH; i += 1) crashQuestions.push(freeQuestions.pop());
    while (markers.length < TOTAL - CRASH - 1) {
      const q = nextQuestion();
      assert.ok(q, 'enough questions in the guide');
      const value = q.answer.type === 'text' ? { type: 'text', text: marker('answer text', 'IPC') } : null;
      await invoke(browser, 'answer_save', { ...inB, question_id: q.id, value, words: value ? null : marker('answer words', 'IPC') });
    }
    await invoke(browser, 'conversation_end', { ...c, conversation_id: convB.id, notes: marker('conversation notes', 'IPC') });
    assert.equal(markers.length, TOTAL - CRASH);
    const viaIpc = markers.length - viaUi;
    console.log(`markers: ${viaUi} through the UI, ${viaIpc} through IPC, ${CRASH} during the kill`);
    const perFeature = new Map();
    for (const m of markers) perFeature.set(`${m.feature} (${m.via})`, (perFeature.get(`${m.feature} (${m.via})`) ?? 0) + 1);
    console.log(`per feature:\n  ${[...perFeature].map(([f, n]) => `${n} × ${f}`).join('\n  ')}`);

    const before = await everythingInTheApp();
    for (const m of markers) assert.equal(before.includes(m.text), m.expect === 'present', `${m.core} (${m.feature}) in the app before the kill`);
    assert.ok(saved.plan.escape_plan.length >= 2, 'two escape-plan steps');
    const versions = await invoke(browser, 'plan_versions', c);
    assert.equal(versions.length, 1, 'one frozen plan version');
    assert.deepEqual((await webStorage()).filter((s) => /kanarie/i.test(s)), [], 'WebView storage (localStorage, sessionStorage, cookies)');
    await assertTitleClean('after every write');

    // ---- The scan can fail: a control marker planted in the roots is found in every encoding -------------
    const control = `KANARIE-000-${pick(ALPHABET, 12)}`;
    const planted = [
      [path.join(HOME, 'data', 'controle-utf8'), Buffer.from(`x ${control.toLowerCase()} x`, 'utf8'), 'UTF-8'],
      [path.join(HOME, 'cache', 'controle-utf16'), Buffer.from(`x ${control} x`, 'utf16le'), 'UTF-16LE'],
      [path.join('/tmp', `sk-controle-${process.pid}`), Buffer.from(Buffer.from(`xy ${control} x`).toString('base64')), 'base64'],
      [path.join(HOME, 'tmp', 'controle-stuk'), Buffer.from(`${control.slice(0, 14)}`), 'UTF-8'],
    ];
    for (const [file, bytes] of planted) fs.writeFileSync(file, bytes);
    const check = scanFiles(scanRoots(), [{ label: 'control', text: control }], { anchor: 'KANARIE-', fragment: FRAGMENT, exclude: excluded() });
    for (const [file] of planted) fs.rmSync(file);
    assert.deepEqual(
      check.hits.map((h) => [h.file, h.how, h.label.startsWith('fragment') ? 'fragment' : h.label]).sort(),
      planted.map(([file, , how]) => [file, how, file.endsWith('stuk') ? 'fragment' : 'control']).sort(),
      'the scan finds a planted marker in UTF-8 (case folded), UTF-16LE and base64, and a fragment',
    );

    // ---- Scan 1: the app running, unlocked -------------------------------------------------------------
    scan('while running', { pids: appPids(vaultDir) });

    // ---- The kill, in the middle of writing -------------------------------------------------------------
    const conv = await invoke(browser, 'conversation_start', {
      ...c, participants: [idOf(A)], guide_id: guideOf(A), joint_reason: null, safety_justification: null,
    });
    const jobs = crashQuestions.map((q) => ({ q: q.id, text: marker('answer words, written during the kill', 'IPC', 'crash') }));
    const plan = (await invoke(browser, 'plan_get', c)).plan;
    await browser.execute(
      (request, jobs, plan) => {
        const inv = (command, r) => window.__TAURI_INTERNALS__.invoke(command, { request: r });
        const state = (window.__kanarie = { acks: {}, errors: [], plans: 0 });
        const chain = async (list) => {
          for (let round = 1; round < 100000; round += 1) {
            for (const { q, text } of list) {
              try {
                await inv('answer_save', { ...request, question_id: q, value: null, words: `${text} (r${round})` });
                state.acks[text] = round;
              } catch (e) {
                state.errors.push(String(e?.code ?? e));
                return;
              }
            }
          }
        };
        void chain(jobs.slice(0, 5));
        void chain(jobs.slice(5));
        void (async () => {
          for (;;) {
            try {
              await inv('plan_save', { plan });
              state.plans += 1;
            } catch (e) {
              state.errors.push(String(e?.code ?? e));
              return;
            }
          }
        })();
        return true;
      },
      { case_id: caseId, conversation_id: conv.id, confidential: { kind: 'professional_only' } },
      jobs,
      plan,
    );
    let acked = {};
    await browser.waitUntil(
      async () => {
        const state = await browser.execute(() => window.__kanarie);
        assert.deepEqual(state.errors, [], 'writes refused before the kill');
        acked = state.acks;
        return jobs.every((j) => (acked[j.text] ?? 0) >= 2) && state.plans >= 2;
      },
      { timeout: 60000, interval: 100, timeoutMsg: 'the writes did not get going' },
    );
    const appPid = appPids(vaultDir)[0];
    const webkit = descendants(appPid);
    const open = deletedOpenFiles([appPid, ...webkit]);
    // Kill in the middle of a commit: while SQLite's rollback journal exists (a tight loop on purpose).
    const journalFile = path.join(vaultDir, 'vault.db-journal');
    const until = Date.now() + 10000;
    while (!fs.existsSync(journalFile) && Date.now() < until) {
      // spin
    }
    const midCommit = fs.existsSync(journalFile);
    killApp(vaultDir);
    assert.ok(midCommit, 'a commit was under way when the app was killed (its journal existed)');
    const left = fs.readdirSync(vaultDir).sort().join(', ');
    console.log(`killed the app (pid ${appPid}) during writes; vault folder: ${left}; ${open.length} unlinked open files before`);
    await browser.deleteSession().catch(() => {});
    browser = undefined;
    await sleep(1000);
    scan('after the kill');

    // ---- Restart, unlock: the data survived -----------------------------------------------------------
    browser = await startApp(vaultDir);
    await byId(browser, 'unlock-screen', 30000);
    await assertTitleClean('on the unlock screen after the kill');
    await type(browser, 'unlock-passphrase', PASSPHRASE);
    await click(browser, 'unlock-submit');
    await byId(browser, 'case-list', 30000);
    const afterText = await everythingInTheApp();
    for (const m of markers) {
      if (m.expect === 'present') assert.ok(afterText.includes(m.text), `${m.core} (${m.feature}, ${m.via}) is back after the kill`);
      if (m.expect === 'gone') assert.ok(!afterText.includes(m.text), `${m.core} (${m.feature}) stays gone`);
    }
    const survived = [];
    for (const { text } of jobs) {
      // What was acknowledged before the kill is there, or something written later.
      const rounds = [...afterText.matchAll(new RegExp(`${text} \\(r(\\d+)\\)`, 'g'))].map((x) => Number(x[1]));
      assert.ok(rounds.length > 0 && Math.max(...rounds) >= acked[text], `${byText(text).core}: acknowledged round ${acked[text]}, found ${rounds}`);
      survived.push(`${acked[text]}→${Math.max(...rounds)}`);
    }
    console.log(`after the restart: ${markers.filter((m) => m.expect === 'present').length} markers back, ${markers.filter((m) => m.expect === 'gone').length} overwritten or deleted ones gone; the kill's answers (round acknowledged → round found): ${survived.join(' ')}`);
    // And in the UI: the case, the names, an answer in its conversation.
    assert.ok((await dom(browser)).includes(LABEL), 'the case label in the case list');
    const caseRows = await all(browser, 'case-row');
    let opened = false;
    for (const row of caseRows) {
      if ((await row.getText()).includes(LABEL)) {
        await (await row.$('[data-testid="case-open"]')).click();
        opened = true;
        break;
      }
    }
    assert.ok(opened, 'the case in the case list');
    await byId(browser, 'case-view');
    const family = await dom(browser);
    for (const name of [A, B, CHILD, NET]) assert.ok(family.includes(name), `${byText(name).core} on the Gezin tab`);
    await click(browser, 'tab-gesprekken');
    const rows = await all(browser, 'conversation-row');
    assert.ok(rows.length >= 4, 'four conversations');
    await (await rows[0].$('[data-testid="conversation-open"]')).click();
    await byId(browser, 'conversation-mode');
    await click(browser, 'question-vol.start.aanleiding');
    const first = markers.find((m) => m.feature === 'answer text' && m.via === 'UI');
    assert.equal(await (await byId(browser, 'answer-text')).getValue(), first.text, 'the first answer typed in the UI');
    await assertTitleClean('after the restart, in conversation mode');
    await screenshot(browser, '52-kanarie-na-kill');
    await endConversation(browser);
    assert.deepEqual((await webStorage()).filter((s) => /kanarie/i.test(s)), [], 'WebView storage after the restart');

    // Lock: nothing left in the DOM; then a clean exit and the last scan.
    scan('after the restart, unlocked', { pids: appPids(vaultDir) });
    await click(browser, 'btn-lock');
    await byId(browser, 'unlock-screen');
    assert.ok(!/kanarie/i.test(await dom(browser)), 'no marker in the DOM after locking');
    await browser.deleteSession();
    browser = undefined;
    await sleep(1000);
    scan('after a clean exit');
    console.log(`folders with files below ${HOME}:\n  ${homeFolders().join('\n  ')}`);

    assert.deepEqual(findings, [], `case text found in files (${findings.length}):\n${findings.join('\n')}`);
  }));

// Training in the real app (issue 12, point 4): a participant opens the practice vault, talks with Esra of
// the Meidoorn family (a fictional family), records what she tells, puts a worry in the plan's top 3 and
// saves the work as a file through the save dialog; the trainer then opens that file and two fixture files
// (groups B and C, made by Rust from the reference with known differences: B missed the first reference
// record and rejected the first red flag, C answered weighing question 2 the other way) through the file
// dialog, and the comparison shows exactly those differences. A truncated file is refused with its own
// words and leaves the screen as it was. Native dialogs are driven with xdotool.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { HOME, OUT, all, byId, click, keepEvidence, recordBehaviour, screenshot, sleep, startApp, endConversation } from '../lib.mjs';

const vaultDir = path.join(HOME, 'vaults', 'training');
const files = path.join(OUT, 'oefenwerk');
const FIXTURES = path.resolve('fixtures/training');
const WORRY = 'Tom controleert elke dag de telefoon van Esra en houdt haar weg bij haar familie.';
let browser;

after(async () => {
  await browser?.deleteSession().catch(() => {});
});

/** Types a path into the GTK file dialog with this title: "/" opens its location entry, Return opens or saves. */
function answerDialog(title, file, { save = false } = {}) {
  execFileSync('xdotool', ['search', '--sync', '--onlyvisible', '--name', title, 'windowfocus', '--sync'], { timeout: 20000 });
  execFileSync('sleep', ['0.7']);
  if (save) {
    execFileSync('xdotool', ['key', '--clearmodifiers', 'ctrl+a']);
    execFileSync('xdotool', ['type', '--delay', '5', file]);
  } else {
    execFileSync('xdotool', ['type', '/']);
    execFileSync('sleep', ['0.5']);
    execFileSync('xdotool', ['type', '--delay', '20', file.replace(/^\//, '')]);
  }
  execFileSync('sleep', ['0.3']);
  execFileSync('xdotool', ['key', 'Return']);
}

async function groups() {
  return browser.execute(() => [...document.querySelectorAll('[data-testid="trainer-group"] strong')].map((s) => s.textContent.trim()));
}

/** Per group, the cells of one row of a comparison table: the given data attribute of each group's cell. */
async function row(selector, attribute) {
  return browser.execute(
    (sel, attr) => [...(document.querySelector(sel)?.querySelectorAll(`td[${attr}]`) ?? [])].map((td) => td.getAttribute(attr)),
    selector,
    attribute,
  );
}

async function importFile(file) {
  await click(browser, 'trainer-import');
  answerDialog('Oefenwerk van deelnemers openen', file);
}

test('a participant exports their work; the trainer compares three groups with the reference', () =>
  keepEvidence(() => browser, 'training', async () => {
    fs.rmSync(files, { recursive: true, force: true });
    fs.mkdirSync(files, { recursive: true });
    browser = await startApp(vaultDir);
    await click(browser, 'practice-open');
    await byId(browser, 'start-section', 30000);

    // A conversation with Esra alone: what she tells is recorded.
    await click(browser, 'tab-gesprekken');
    await click(browser, 'conversation-new');
    await byId(browser, 'conversation-person');
    const esra = await browser.execute(
      () => [...document.querySelectorAll('label[for^="conversation-person-"]')].find((l) => l.textContent.includes('Esra'))?.htmlFor ?? '',
    );
    assert.ok(esra, 'Esra can be chosen for a conversation');
    await (await byId(browser, esra)).click();
    await click(browser, 'conversation-start');
    await byId(browser, 'conversation-mode', 20000);
    await recordBehaviour(browser, {
      search: 'telefoon',
      actor: 'Tom Meidoorn',
      target: 'Esra Meidoorn',
      stance: 'reported',
      frequency: 'more_than_twenty',
    });
    await endConversation(browser);

    // The plan's first worry in the participant's own words (the top 3).
    await click(browser, 'tab-veiligheidsplan');
    await byId(browser, 'plan-editor', 30000);
    const worries = '[data-testid="plan-section-worries"] [data-testid="plan-item-text"]';
    if ((await browser.$$(worries)).length === 0) await click(browser, 'plan-add-worries');
    await browser.waitUntil(async () => (await browser.$$(worries)).length > 0, { timeout: 15000, timeoutMsg: 'no worry to fill in' });
    await (await browser.$$(worries))[0].setValue(WORRY);
    await browser.keys('Tab');
    await browser.waitUntil(async () => (await (await byId(browser, 'plan-save-status')).getText()).includes('Opgeslagen'), {
      timeout: 15000,
      timeoutMsg: 'the plan was not saved',
    });

    // The work, saved as a file for the trainer.
    await click(browser, 'tab-gezin');
    const group = await byId(browser, 'work-group');
    await browser.execute((e) => e.scrollIntoView({ block: 'center' }), group);
    await group.setValue('Groep A');
    await screenshot(browser, '110-oefenwerk-inleveren');
    const own = path.join(files, 'oefenwerk-meidoorn-groep-a.json');
    await click(browser, 'work-export-save');
    answerDialog('Oefenwerk opslaan voor de trainer', own, { save: true });
    await browser.waitUntil(async () => fs.existsSync(own) && fs.statSync(own).size > 100, { timeout: 20000, timeoutMsg: 'the work was not saved' });
    await sleep(300);
    const work = JSON.parse(fs.readFileSync(own, 'utf8'));
    assert.equal(work.format, 'samen-kijken/oefenwerk');
    assert.equal(work.group, 'Groep A');
    assert.equal(work.practice_case_id, 'oefen.meidoorn');
    assert.deepEqual(
      work.records.map((r) => [r.actor, r.target, r.behaviour, r.source]),
      [['tom', 'esra', 'dwang.telefoon_controleren', 'esra']],
    );
    assert.equal(work.top3[0].situation, WORRY);

    // The trainer's screen: the spec's own file, then groups B and C.
    await click(browser, 'case-back');
    await click(browser, 'trainer-open');
    await byId(browser, 'trainer-empty', 20000);
    await importFile(own);
    await byId(browser, 'trainer-records', 20000);
    for (const name of ['oefenwerk-meidoorn-groep-b.json', 'oefenwerk-meidoorn-groep-c.json']) {
      const before = (await groups()).length;
      await importFile(path.join(FIXTURES, name));
      await browser.waitUntil(async () => (await groups()).length === before + 1, { timeout: 20000, timeoutMsg: `${name} was not opened` });
    }
    assert.deepEqual(await groups(), ['Groep A', 'Groep B', 'Groep C']);

    // What each group found of the reference's records: B missed the first one, the spec recorded the phone check only.
    assert.deepEqual(await row('[data-record="r.esra.isoleren"]', 'data-found'), ['false', 'false', 'true']);
    assert.deepEqual(await row('[data-record="r.esra.telefoon"]', 'data-found'), ['true', 'true', 'true']);
    // B rejected the first red flag; A recorded too little to see it; C saw it.
    const flag = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'oefenwerk-meidoorn-groep-b.json'), 'utf8')).red_flags.find(
      (f) => f.verdict.verdict === 'rejected',
    ).flag;
    assert.deepEqual(await row(`[data-flag="${flag}"]`, 'data-spotted'), ['false', 'false', 'true']);
    // C answered weighing question 2 the other way; B as the reference; A did not answer.
    assert.deepEqual(await row('[data-testid="trainer-meldcode-row"][data-question="2"]', 'data-agrees'), ['false', 'true', 'false']);
    // The top 3: the spec's own worry in its column.
    assert.ok((await (await byId(browser, 'trainer-top3')).getText()).includes(WORRY.slice(0, 40)));
    const agreement = await browser.execute(() =>
      [...document.querySelectorAll('[data-testid="trainer-group"]')].map((g) => g.textContent.match(/(\d+)%/)?.[1]),
    );
    assert.ok(Number(agreement[0]) < Number(agreement[1]) && Number(agreement[1]) < 100 && Number(agreement[2]) < 100, `agreement ${agreement}`);
    await screenshot(browser, '111-trainer-vergelijking');

    // A truncated file: refused with its own words; the screen as it was.
    const broken = path.join(files, 'afgebroken.json');
    fs.writeFileSync(broken, fs.readFileSync(own).subarray(0, 200));
    const before = await browser.execute(() => document.querySelector('[data-testid="trainer-records"]').textContent);
    await importFile(broken);
    const refused = await byId(browser, 'trainer-refused', 20000);
    assert.match(await refused.getText(), /afgebroken\.json: Dit bestand is niet compleet/);
    assert.deepEqual(await groups(), ['Groep A', 'Groep B', 'Groep C']);
    assert.equal(await browser.execute(() => document.querySelector('[data-testid="trainer-records"]').textContent), before);
    await screenshot(browser, '112-trainer-geweigerd');

    // The presentation view: large type, groups by number until the trainer shows the names.
    await click(browser, 'trainer-present');
    assert.deepEqual(await groups(), ['Groep 1', 'Groep 2', 'Groep 3']);
    await screenshot(browser, '113-trainer-presentatie');
    assert.equal((await all(browser, 'trainer-names')).length, 1);
  }));

// A home visit, end to end in the real app: a family with two partners, two children and a grandmother
// in the network, a separate
// conversation with each adult and with one child alone, behaviours recorded from three sources (one of
// them disputed), then the matrix, the perspectives, the severity and the pattern. While one partner's
// conversation is open, nothing the other partner said is in the DOM. Killing the app right after
// "Opgeslagen" loses nothing.
//
// Expected analysis, worked out by hand from domain.md §5–§6 for what this spec records:
// - Mark → Sanne: duwen (Sanne: 3–5 times = 4/yr; Mark: once) and wurgen (Sanne: once; Mark: denies).
//   Each (actor, target, behaviour) counts once at its highest reported frequency: P = 4 + 1 = 5, and
//   wurgen is `ernstig` → "Veelvuldig of ernstig geweld"; wurgen is a red flag → acute banner.
// - Mark → Daan: psychological aggression towards the child (Daan's own account).
// - Pattern: Mark is violent, Sanne is not; nobody was asked the control questions yet → "Nog onvoldoende
//   informatie" (the app lists what to ask), never a premature label.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  HOME, all, answer as answerIn, assertNoneIn, byId, choose, click, dom, endConversation as endIn, keepEvidence, killApp,
  newVaultWithCase, recordBehaviour as recordIn, screenshot, sleep, startApp, startConversationWith as startWith, type,
  unlockAndOpenCase as unlockIn,
} from '../lib.mjs';

const PASSPHRASE = 'zeven meeuwen boven het IJsselmeer';
const LABEL = 'Gezin Wqrvtnd';
const SANNE = 'Sanne Qvleerd';
const MARK = 'Mark Qzorbist';
const LOTTE = 'Lotte Qvleerd';
const DAAN = 'Daan Qvleerd';
const OMA = 'Oma Qvleerd';
const SANNE_SAID = 'Sanne-zegt-Xqvplomk';
const MARK_SAID = 'Mark-zegt-Zrptwyvh';
const MARK_LATE = 'Mark-later-Kwbqzunm';

const vaultDir = path.join(HOME, 'vaults', 'casework');
let browser;
after(async () => {
  await browser?.deleteSession().catch(() => {});
});

const html = () => dom(browser);
const startConversationWith = (index) => startWith(browser, index);
const answer = (questionId, text) => answerIn(browser, questionId, text);
const recordBehaviour = (what) => recordIn(browser, what);
const endConversation = () => endIn(browser);
const unlockAndOpenCase = () => unlockIn(browser, PASSPHRASE);

test('separate conversations, behaviours from three sources, the analysis — and autosave survives a kill', () =>
  keepEvidence(() => browser, 'casework', async () => {
    browser = await newVaultWithCase(vaultDir, {
      passphrase: PASSPHRASE,
      label: LABEL,
      persons: [['parent', SANNE, 1990], ['parent', MARK, 1987], ['child', LOTTE, 2020], ['child', DAAN, 2013], ['network', OMA, 1956]],
      relations: [[SANNE, 'partner_of', MARK], [SANNE, 'parent_of', LOTTE], [SANNE, 'parent_of', DAAN]],
    });

    // Sanne, alone.
    await startConversationWith(0);
    await byId(browser, 'conversation-mode');
    await answer('vol.start.aanleiding', SANNE_SAID);
    await recordBehaviour({ search: 'duwen', actor: MARK, target: SANNE, stance: 'reported', frequency: 'three_to_five' });
    await recordBehaviour({ search: 'wurgen', actor: MARK, target: SANNE, stance: 'reported', frequency: 'once' });
    await screenshot(browser, '10-gesprek-sanne');
    await endConversation();

    // Mark, alone: nothing Sanne said may be in the DOM.
    await startConversationWith(1);
    await byId(browser, 'conversation-mode');
    assertNoneIn(await html(), [SANNE_SAID], "the DOM during Mark's conversation");
    await answer('vol.start.aanleiding', MARK_SAID);
    await recordBehaviour({ search: 'duwen', actor: MARK, target: SANNE, stance: 'reported', frequency: 'once' });
    await recordBehaviour({ search: 'wurgen', actor: MARK, target: SANNE, stance: 'denied' });
    assertNoneIn(await html(), [SANNE_SAID], "the DOM during Mark's conversation");
    await screenshot(browser, '11-gesprek-mark');

    // Autosave: answer, see "Opgeslagen", kill the app at once (SIGKILL), start again: the answer is there.
    await answer('vol.relatie.spanning_verloop', MARK_LATE);
    killApp(vaultDir);
    await browser.deleteSession().catch(() => {});
    await sleep(500);
    browser = await startApp(vaultDir);
    await byId(browser, 'unlock-screen', 30000);
    await unlockAndOpenCase();
    // A case opens on the neutral Gezin page: names and roles, nothing anyone said, no red-flag details.
    await byId(browser, 'start-section');
    await byId(browser, 'acute-marker');
    assertNoneIn(await html(), [SANNE_SAID, MARK_SAID, MARK_LATE, 'wurgen', 'handel binnen 24 uur'], "the case's first screen");
    await screenshot(browser, '12-casus-openen-neutraal');
    await click(browser, 'tab-gesprekken');
    const rows = await all(browser, 'conversation-row');
    assert.equal(rows.length, 2, 'two conversations after the restart');
    await (await rows[1].$('[data-testid="conversation-open"]')).click();
    await byId(browser, 'conversation-mode');
    await click(browser, 'question-vol.relatie.spanning_verloop');
    assert.equal(await (await byId(browser, 'answer-text')).getValue(), MARK_LATE, 'the answer saved before the kill');
    assertNoneIn(await html(), [SANNE_SAID], "the DOM during Mark's conversation");
    await endConversation();

    // Daan (13), alone, after the child pre-check: from 12 to 16 the child and the parents consent.
    await startConversationWith(3);
    await byId(browser, 'precheck-form');
    await (await browser.$('#precheck-consent-child_and_parental_consent')).click();
    await (await browser.$('input[id^="precheck-by-"]')).click();
    await screenshot(browser, '12-kind-vooraf');
    await click(browser, 'precheck-save');
    await byId(browser, 'conversation-mode');
    await recordBehaviour({ search: 'het kind kleineren', actor: MARK, target: DAAN, stance: 'reported', frequency: 'six_to_ten' });
    await screenshot(browser, '13-gesprek-daan');
    await endConversation();

    // Wie doet wat: matrix, perspectives, severity.
    await click(browser, 'tab-wiedoetwat');
    await click(browser, 'view-matrix');
    const matrix = await byId(browser, 'matrix');
    const matrixText = await matrix.getText();
    for (const expected of ['duwen', 'wurgen', 'het kind kleineren']) assert.ok(matrixText.includes(expected), `matrix shows ${expected}`);
    await screenshot(browser, '14-matrix');

    await click(browser, 'view-perspectives');
    const perspectives = await all(browser, 'perspective-row');
    const texts = [];
    for (const row of perspectives) texts.push(await row.getText());
    const strangling = texts.find((t) => t.includes('wurgen'));
    assert.ok(strangling, 'a perspective row for wurgen');
    assert.ok(strangling.includes(SANNE) && strangling.includes(MARK), 'both sources side by side');
    assert.match(strangling, /ontkent|ontkend/i, "Mark's denial is shown, not subtracted");
    await screenshot(browser, '15-perspectieven');

    await click(browser, 'view-severity');
    assert.equal((await (await byId(browser, 'severity-category')).getText()).trim(), 'Veelvuldig of ernstig geweld');
    await screenshot(browser, '16-ernst');

    // Overview: red flag → acute banner; the pattern stays open until the control questions are asked.
    await click(browser, 'tab-overzicht');
    const banner = await byId(browser, 'acute-banner');
    assert.match(await banner.getText(), /Mogelijk acute onveiligheid/);
    const pattern = await byId(browser, 'pattern');
    assert.match(await pattern.getText(), /Nog onvoldoende informatie/);
    // Structural unsafety is suggested apart from the acute banner: severe violence in the last year.
    const structural = await byId(browser, 'structural-unsafety');
    assert.match(await structural.getText(), /Mogelijk structurele onveiligheid/);
    assert.match(await structural.getText(), /veelvuldig of ernstig/i);
    await screenshot(browser, '17-overzicht');

    // Meldcode: a "nee" on weighing question 3 means the reporting norm points to Veilig Thuis, and the
    // professional is asked to record the decision.
    await click(browser, 'tab-meldcode');
    await click(browser, 'meldcode-record-afweging.3');
    await choose(browser, 'meldcode-answer', { value: 'no' });
    await type(browser, 'meldcode-rationale', 'geen hulp die het gevaar kan afwenden');
    await click(browser, 'meldcode-save');
    const norm = await byId(browser, 'meldcode-norm');
    assert.match(await norm.getText(), /De meldnorm wijst op melden bij Veilig Thuis/);
    await byId(browser, 'meldcode-decision-required');
    await screenshot(browser, '18-meldcode-norm');

    // Melding aan Veilig Thuis: nothing of the case until the draft is opened; then every statement with
    // its source, Daan's account listed but not ticked (a child's confidence); with the request written
    // and kept, it is recorded as reported, and the Meldcode log holds the decision to report.
    await click(browser, 'tab-melding');
    await byId(browser, 'melding-open');
    assert.equal((await all(browser, 'melding-statement')).length, 0, 'no statement before the draft is opened');
    await click(browser, 'melding-open');
    await byId(browser, 'melding-status');
    const statements = [];
    for (const el of await all(browser, 'melding-statement')) statements.push({ el, text: await el.getText() });
    assert.ok(statements.length > 5, 'the draft lists the statements');
    const daansAccount = statements.find((s) => s.text.includes('het kind kleineren') && s.text.includes(`${DAAN} (kind), gesprek van`));
    assert.ok(daansAccount, "Daan's account, with its source");
    assert.match(daansAccount.text, /verteld door een kind in vertrouwen/);
    assert.equal(await (await daansAccount.el.$('[data-testid="melding-include"]')).isSelected(), false, 'not ticked by default');
    const sannesAccount = statements.find((s) => s.text.includes('wurgen') && s.text.includes(`${SANNE} (ouder), gesprek van`));
    assert.ok(sannesAccount, "Sanne's account of the strangling, with its source");
    assert.equal(await (await sannesAccount.el.$('[data-testid="melding-include"]')).isSelected(), true);
    await screenshot(browser, '19-melding-concept');
    await type(browser, 'melding-request', 'Graag onderzoek naar de veiligheid van Sanne, Lotte en Daan.');
    await click(browser, 'melding-save');
    await browser.waitUntil(async () => (await (await byId(browser, 'melding-notice')).getText()).includes('bewaard'), { timeout: 10000 });
    await click(browser, 'melding-report');
    await click(browser, 'melding-report-confirm');
    await browser.waitUntil(async () => (await all(browser, 'melding-version')).length === 1, { timeout: 10000, timeoutMsg: 'no version after reporting' });
    assert.match(await (await byId(browser, 'melding-status')).getText(), /laatst gemeld op .* \(versie 1\)/);
    await screenshot(browser, '20-melding-gemeld');
    await click(browser, 'tab-meldcode');
    assert.equal((await all(browser, 'meldcode-decision-required')).length, 0, 'the decision to report is recorded');
  }));

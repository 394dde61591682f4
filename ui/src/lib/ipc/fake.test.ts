import { describe, expect, it } from 'vitest';
import { BackendError, createFakeBackend, isBackendError, type PersonInput } from './index';
import { fakeStrength } from './fake';

const STRONG = 'paarse olifant danst op het dak';

function person(name: string, role: PersonInput['role'] = 'parent'): PersonInput {
  return { role, name, year_of_birth: 1985, gender: null, lives_in_household: true, notes: '' };
}

async function rejection(promise: Promise<unknown>): Promise<BackendError> {
  try {
    await promise;
  } catch (error) {
    if (isBackendError(error)) return error;
    throw new Error(`not a BackendError: ${String(error)}`);
  }
  throw new Error('expected the call to fail');
}

describe('fake backend: vault', () => {
  it('starts missing, creates an unlocked vault and returns a recovery key', async () => {
    const fake = createFakeBackend();
    expect(await fake.vaultStatus()).toEqual({ state: 'missing', autoLockMinutes: 5 });
    const { recoveryKey } = await fake.vaultCreate(STRONG);
    expect(recoveryKey).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){5}$/);
    expect((await fake.vaultStatus()).state).toBe('unlocked');
  });

  it('refuses a weak passphrase and a second vault', async () => {
    const fake = createFakeBackend();
    expect((await rejection(fake.vaultCreate('kort'))).code).toBe('weak_passphrase');
    await fake.vaultCreate(STRONG);
    expect((await rejection(fake.vaultCreate(STRONG))).code).toBe('vault_exists');
  });

  it('reports strength like the backend: level, hints, acceptable', async () => {
    const fake = createFakeBackend();
    const weak = await fake.passphraseStrength('wachtwoord');
    expect(weak.acceptable).toBe(false);
    expect(weak.hints).toEqual(expect.arrayContaining(['too_short', 'common_word']));
    const strong = await fake.passphraseStrength(STRONG);
    expect(strong.acceptable).toBe(true);
    expect(['fair', 'strong']).toContain(strong.level);
    expect(fakeStrength('aaaaaaaaaaaaaaaa').hints).toContain('repeated_characters');
  });

  it('unlock: wrong passphrase, missing and damaged vaults give their own codes', async () => {
    const locked = createFakeBackend({ state: 'locked', passphrase: STRONG });
    expect((await rejection(locked.vaultUnlock('fout'))).code).toBe('wrong_passphrase');
    expect((await locked.vaultStatus()).state).toBe('locked');
    await locked.vaultUnlock(STRONG);
    expect((await locked.vaultStatus()).state).toBe('unlocked');

    const missing = createFakeBackend();
    expect((await rejection(missing.vaultUnlock(STRONG))).code).toBe('vault_missing');

    const damaged = createFakeBackend({ state: 'locked', passphrase: STRONG, damaged: true });
    const error = await rejection(damaged.vaultUnlock(STRONG));
    expect(error.code).toBe('vault_damaged');
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('recovers with the recovery key and sets the new passphrase', async () => {
    const fake = createFakeBackend();
    const { recoveryKey } = await fake.vaultCreate(STRONG);
    await fake.vaultLock();
    expect((await rejection(fake.vaultRecover('AAAA-BBBB', 'nieuwe lange zin met veel woorden'))).code).toBe(
      'wrong_recovery_key',
    );
    await fake.vaultRecover(recoveryKey.toLowerCase().replace(/-/g, ' '), 'nieuwe lange zin met veel woorden');
    expect((await fake.vaultStatus()).state).toBe('unlocked');
    await fake.vaultLock();
    expect((await rejection(fake.vaultUnlock(STRONG))).code).toBe('wrong_passphrase');
    await fake.vaultUnlock('nieuwe lange zin met veel woorden');
  });

  it('changes the passphrase only with the right old one', async () => {
    const fake = createFakeBackend({ state: 'unlocked', passphrase: STRONG });
    expect((await rejection(fake.vaultChangePassphrase('fout', 'een andere lange zin van woorden'))).code).toBe(
      'wrong_passphrase',
    );
    await fake.vaultChangePassphrase(STRONG, 'een andere lange zin van woorden');
    await fake.vaultLock();
    await fake.vaultUnlock('een andere lange zin van woorden');
  });

  it('emits vault-locked on lock and on a simulated idle lock, until unsubscribed', async () => {
    const fake = createFakeBackend({ state: 'unlocked', passphrase: STRONG });
    const reasons: string[] = [];
    const unsubscribe = await fake.onVaultLocked((payload) => reasons.push(payload.reason));
    await fake.vaultLock();
    await fake.vaultUnlock(STRONG);
    fake.simulateLock('idle');
    unsubscribe();
    await fake.vaultUnlock(STRONG);
    await fake.vaultLock();
    expect(reasons).toEqual(['manual', 'idle']);
  });

  it('validates settings', async () => {
    const fake = createFakeBackend();
    expect(await fake.settingsSet({ autoLockMinutes: 10, language: 'en' })).toEqual({
      autoLockMinutes: 10,
      language: 'en',
    });
    expect((await rejection(fake.settingsSet({ autoLockMinutes: 31, language: 'nl' }))).code).toBe('invalid_input');
    expect((await fake.vaultStatus()).autoLockMinutes).toBe(10);
  });
});

describe('fake backend: cases and household', () => {
  it('refuses case commands while locked', async () => {
    const fake = createFakeBackend({ state: 'locked', passphrase: STRONG });
    expect((await rejection(fake.casesList())).code).toBe('vault_locked');
    expect((await rejection(fake.caseCreate('Gezin A.'))).code).toBe('vault_locked');
  });

  it('creates, renames, lists and deletes cases', async () => {
    const fake = createFakeBackend({ state: 'unlocked', passphrase: STRONG });
    expect((await rejection(fake.caseCreate('   '))).code).toBe('invalid_input');
    const a = await fake.caseCreate('  Gezin A. ');
    expect(a.label).toBe('Gezin A.');
    expect(a.status).toBe('open');
    const renamed = await fake.caseRename(a.id, 'Gezin B.');
    expect(renamed.label).toBe('Gezin B.');
    await fake.personAdd(a.id, person('Anna'));
    const list = await fake.casesList();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ label: 'Gezin B.', person_count: 1 });
    await fake.caseDelete(a.id);
    expect(await fake.casesList()).toEqual([]);
    expect((await rejection(fake.householdGet(a.id))).code).toBe('not_found');
  });

  it('adds, updates and deletes persons, with validation', async () => {
    const fake = createFakeBackend({ state: 'unlocked', passphrase: STRONG });
    const c = await fake.caseCreate('Gezin A.');
    expect((await rejection(fake.personAdd(c.id, person(' ')))).code).toBe('invalid_input');
    expect((await rejection(fake.personAdd(c.id, { ...person('X'), year_of_birth: 1800 }))).code).toBe(
      'invalid_input',
    );
    const anna = await fake.personAdd(c.id, person('Anna'));
    const updated = await fake.personUpdate(anna.id, { ...person('Anna'), role: 'ex_partner', lives_in_household: false });
    expect(updated).toMatchObject({ id: anna.id, case_id: c.id, role: 'ex_partner', lives_in_household: false });
    await fake.personDelete(anna.id);
    expect((await fake.householdGet(c.id)).persons).toEqual([]);
  });

  it('adds relations between two persons of the case and removes them with the person', async () => {
    const fake = createFakeBackend({ state: 'unlocked', passphrase: STRONG });
    const c = await fake.caseCreate('Gezin A.');
    const other = await fake.caseCreate('Gezin B.');
    const anna = await fake.personAdd(c.id, person('Anna'));
    const bram = await fake.personAdd(c.id, person('Bram', 'ex_partner'));
    const kim = await fake.personAdd(c.id, person('Kim', 'child'));
    const stranger = await fake.personAdd(other.id, person('Els'));

    expect((await rejection(fake.relationAdd(c.id, { from: anna.id, to: anna.id, kind: { kind: 'partner_of' } }))).code).toBe(
      'invalid_input',
    );
    expect(
      (await rejection(fake.relationAdd(c.id, { from: anna.id, to: stranger.id, kind: { kind: 'partner_of' } }))).code,
    ).toBe('invalid_input');

    const ex = await fake.relationAdd(c.id, {
      from: anna.id,
      to: bram.id,
      kind: { kind: 'ex_partner_of', separation_date: '2023-03-01' },
    });
    await fake.relationAdd(c.id, { from: anna.id, to: kim.id, kind: { kind: 'parent_of', step: false } });
    await fake.relationAdd(c.id, { from: bram.id, to: kim.id, kind: { kind: 'parent_of', step: true } });
    expect(
      (await rejection(fake.relationAdd(c.id, { from: anna.id, to: kim.id, kind: { kind: 'parent_of', step: false } })))
        .code,
    ).toBe('invalid_input');

    let household = await fake.householdGet(c.id);
    expect(household.relations).toHaveLength(3);
    expect(household.relations.find((r) => r.id === ex.id)?.kind).toEqual({
      kind: 'ex_partner_of',
      separation_date: '2023-03-01',
    });

    await fake.relationDelete(ex.id);
    await fake.personDelete(kim.id);
    household = await fake.householdGet(c.id);
    expect(household.relations).toEqual([]);
    expect(household.persons.map((p) => p.name)).toEqual(['Anna', 'Bram']);
  });

  it('hands out copies: changing a returned object does not change the store', async () => {
    const fake = createFakeBackend({ state: 'unlocked', passphrase: STRONG });
    const c = await fake.caseCreate('Gezin A.');
    const household = await fake.householdGet(c.id);
    household.case.label = 'veranderd';
    expect((await fake.householdGet(c.id)).case.label).toBe('Gezin A.');
  });

  it('locks by itself after the idle time when the idle timer is on', async () => {
    const fake = createFakeBackend({ state: 'missing', idleTimer: true, settings: { autoLockMinutes: 1 } });
    const { vi } = await import('vitest');
    vi.useFakeTimers();
    try {
      await fake.vaultCreate(STRONG);
      const reasons: string[] = [];
      await fake.onVaultLocked((p) => reasons.push(p.reason));
      vi.advanceTimersByTime(50_000);
      await fake.activity();
      vi.advanceTimersByTime(50_000);
      expect(reasons).toEqual([]);
      vi.advanceTimersByTime(11_000);
      expect(reasons).toEqual(['idle']);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('fake conversations and behaviour records', () => {
  async function setup() {
    const fake = createFakeBackend({ state: 'unlocked', passphrase: STRONG });
    const c = await fake.caseCreate('Gezin T.');
    const a = await fake.personAdd(c.id, person('A'));
    const b = await fake.personAdd(c.id, person('B'));
    return { fake, caseId: c.id, a: a.id, b: b.id };
  }

  it('upserts answers per conversation and question; conversation_open returns only its own', async () => {
    const { fake, caseId, a, b } = await setup();
    const ca = await fake.conversationStart(caseId, [a], 'gids.volwassene', null, null);
    const cb = await fake.conversationStart(caseId, [b], 'gids.volwassene', null, null);
    await fake.answerSave(ca.id, 'vol.start.situatie', { type: 'text', text: 'een' }, { kind: 'everyone' });
    const second = await fake.answerSave(ca.id, 'vol.start.situatie', { type: 'text', text: 'twee' }, { kind: 'everyone' });
    await fake.answerSave(cb.id, 'vol.start.situatie', { type: 'text', text: 'van B' }, { kind: 'everyone' });
    const detail = await fake.conversationOpen(ca.id);
    expect(detail.answers).toHaveLength(1);
    expect(detail.answers[0]).toMatchObject({ id: second.id, source_person: a, value: { type: 'text', text: 'twee' } });
    expect(JSON.stringify(detail)).not.toContain('van B');
  });

  it('assigns an id to a new record, trashes and restores it', async () => {
    const { fake, caseId, a, b } = await setup();
    const saved = await fake.behaviourSave({
      id: '00000000-0000-0000-0000-000000000000',
      case_id: caseId,
      actors: [a],
      targets: [b],
      behaviour_id: 'fys.duwen',
      stance: { stance: 'reported', frequency: 'once' },
      first_occurrence: null,
      last_occurrence: null,
      context: [],
      impact: [],
      impact_text: '',
      children_exposed: [],
      source_person: b,
      conversation_id: null,
      question_id: null,
      confidential: { kind: 'everyone' },
      updated_at: '',
    });
    expect(saved.id).not.toBe('00000000-0000-0000-0000-000000000000');
    await fake.behaviourTrash(saved.id);
    expect(await fake.behavioursList(caseId)).toHaveLength(0);
    expect(await fake.behavioursTrashList(caseId)).toHaveLength(1);
    await fake.behaviourRestore(saved.id);
    expect(await fake.behavioursList(caseId)).toHaveLength(1);
    expect((await rejection(fake.behaviourRestore(saved.id))).code).toBe('not_found');
  });

  it('refuses a joint conversation without a reason', async () => {
    const { fake, caseId, a, b } = await setup();
    expect((await rejection(fake.conversationStart(caseId, [a, b], 'gids.volwassene', ' ', null))).code).toBe(
      'joint_reason_required',
    );
    expect(await fake.jointCheck(caseId, [a, b])).toBeNull();
  });
});

describe('fake safety plan', () => {
  it('prefills the practice plan, stores saves, refuses an escape plan for everyone, numbers versions', async () => {
    const fake = createFakeBackend({ state: 'unlocked', passphrase: 'x' });
    const caseId = await fake.practiceCaseCreate();
    const plan = await fake.planGet(caseId);
    expect(plan.worries).toHaveLength(3);
    expect(plan.worries.every((w) => w.visibility.kind === 'professional_only')).toBe(true);
    plan.signals.push({
      id: 's1',
      visibility: { kind: 'everyone' },
      about: null,
      origin: { kind: 'professional' },
      content: { signal: 'Mark drinkt', action: 'Sanne lokt het uit niet' },
    });
    const saved = await fake.planSave(plan);
    expect(saved.checks.blaming.map((b) => [b.item, b.field])).toEqual([['s1', 'action']]);
    expect((await fake.planGet(caseId)).signals).toHaveLength(1);
    const bad = structuredClone(plan);
    bad.escape_plan[0]!.visibility = { kind: 'everyone' };
    expect((await rejection(fake.planSave(bad))).code).toBe('invalid_input');
    expect((await fake.planPreview(caseId, { kind: 'professional' })).pages[0]).toMatch(/^data:image\//);
    expect((await fake.planFreeze(caseId)).number).toBe(1);
    expect(await fake.planExportPdf(caseId, { kind: 'professional' })).toEqual({ saved: true, version: 2 });
    expect((await fake.planVersions(caseId)).map((v) => v.number)).toEqual([1, 2]);
  });
});

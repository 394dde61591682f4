// The fake backend only stores and replays: these tests check the storing, the replay of the
// Rust-made fixtures, and that it refuses exactly the requests of the Rust error table with the code
// Rust gives (the same table `crates/app/tests/error_table.rs` runs against the real commands).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './generated/client';
import { ERROR_TABLE, PRACTICE, createFakeBackend, type ErrorRow } from './fake';
import { BackendError } from './errors';
import type { Commands } from './generated/client';

const PASS = 'paarse olifant danst op het dak';

async function fakeIn(row: ErrorRow) {
  const fake = createFakeBackend({ state: row.state, passphrase: PASS });
  if (row.state !== 'missing') {
    const unlocked = row.state === 'unlocked';
    if (!unlocked) await fake.vaultUnlock({ passphrase: PASS });
    await fake.practiceCaseCreate();
    if (!unlocked) await fake.vaultLock();
  }
  return fake;
}

describe('fake backend: the Rust error table', () => {
  it('has rows, and every code in it is a real ErrorCode', () => {
    expect(ERROR_TABLE.length).toBeGreaterThan(100);
    for (const row of ERROR_TABLE) expect(ERROR_CODES).toContain(row.code);
  });

  // Setting aside a healthy vault is refused after Rust opened it with its own test passphrase; the fake
  // has another, so that one row is proven in crates/app/tests/backup.rs only.
  const replayable = ERROR_TABLE.filter((r) => !(r.command === 'vault_set_aside' && r.kind === 'not_damaged'));
  it.each(replayable.map((r) => [`${r.command} / ${r.kind}`, r] as const))('%s gives the Rust code', async (_name, row) => {
    const fake = await fakeIn(row);
    const send = (fake as unknown as Record<string, (r: unknown) => Promise<unknown>>)[
      row.command.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
    ]!;
    const error = await send(row.request as Commands[typeof row.command]['request']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ code: row.code });
  });
});

describe('fake backend: stores and replays', () => {
  it('creates a vault, locks, unlocks with the passphrase only', async () => {
    const fake = createFakeBackend();
    expect((await fake.vaultStatus()).state).toBe('missing');
    const created = await fake.vaultCreate({ passphrase: PASS });
    expect(created.recoveryKey.length).toBeGreaterThan(20);
    await fake.vaultLock();
    await expect(fake.vaultUnlock({ passphrase: 'een andere zin' })).rejects.toMatchObject({ code: 'wrong_passphrase' });
    await fake.vaultUnlock({ passphrase: PASS });
    expect((await fake.vaultStatus()).state).toBe('unlocked');
  });

  it('replays the strength Rust computed, and refuses what Rust does not accept', async () => {
    const fake = createFakeBackend();
    expect((await fake.passphraseStrength({ passphrase: 'welkom12' })).acceptable).toBe(false);
    expect((await fake.passphraseStrength({ passphrase: PASS })).acceptable).toBe(true);
    await expect(fake.vaultCreate({ passphrase: 'welkom12' })).rejects.toMatchObject({ code: 'passphrase_too_weak' });
  });

  it('a new case starts in the phase Rust gives a new case', async () => {
    const fake = createFakeBackend({ state: 'unlocked', passphrase: PASS });
    const c = await fake.caseCreate({ label: 'Gezin A.' });
    const empty = (await import('./fixtures/emptyCase.json')).default;
    expect(c.phase).toBe(empty.case.phase);
    expect((await fake.casesList()).map((x) => x.label)).toEqual(['Gezin A.']);
  });

  it('replays the practice family: analysis, plan draft, guidance per person', async () => {
    const fake = createFakeBackend({ state: 'unlocked', passphrase: PASS });
    const caseId = await fake.practiceCaseCreate();
    expect(await fake.analysisGet({ case_id: caseId })).toEqual(PRACTICE.analysis);
    expect((await fake.planGet({ case_id: caseId })).plan).toEqual(PRACTICE.plan.plan);
    const hh = await fake.householdGet({ case_id: caseId });
    expect(hh.guidance.map((g) => g.guide_id)).toEqual(PRACTICE.household.guidance.map((g) => g.guide_id));
  });

  it('hands out copies: changing a returned object does not change the store', async () => {
    const fake = createFakeBackend({ state: 'unlocked', passphrase: PASS });
    const c = await fake.caseCreate({ label: 'Gezin A.' });
    c.label = 'changed';
    expect((await fake.casesList())[0]!.label).toBe('Gezin A.');
  });

  it('emits vault-locked on lock and on a simulated idle lock, until unsubscribed', async () => {
    const fake = createFakeBackend({ state: 'unlocked', passphrase: PASS });
    const seen: string[] = [];
    const off = await fake.onVaultLocked((p) => seen.push(p.reason));
    await fake.vaultLock();
    await fake.vaultUnlock({ passphrase: PASS });
    fake.simulateLock('idle');
    off();
    await fake.vaultUnlock({ passphrase: PASS });
    await fake.vaultLock();
    expect(seen).toEqual(['manual', 'idle']);
    await expect(fake.casesList()).rejects.toMatchObject({ code: 'locked' });
  });
});

// The fake holds no rule: what it answers comes from the fixture. Each test changes the fixture in
// memory and expects the fake to follow the change; a fake that worked the answer out itself would not.
describe('fake backend: looks up, does not compute', () => {
  const VISIBLE = { kind: 'named_persons' as const };

  async function caseWith(persons: { name: string; role: 'parent' | 'child' }[]) {
    const fake = createFakeBackend({ state: 'unlocked', passphrase: PASS });
    const c = await fake.caseCreate({ label: 'Gezin L.' });
    const ids: string[] = [];
    for (const p of persons) {
      const input = { role: p.role, name: p.name, year_of_birth: p.role === 'child' ? 2016 : 1988, gender: null, lives_in_household: true, notes: '', language: 'nl' as const };
      ids.push((await fake.personAdd({ case_id: c.id, input })).id);
    }
    return { fake, caseId: c.id, ids };
  }

  it('leaves a proposal out only after the recorded relations the fixture names', async () => {
    const table = (await import('./fixtures/proposals.json')).default.relations as unknown as Record<string, { left_out_by: string[]; reason: string }[]>;
    const key = 'parent:1|partner:|ex_partner:|child:1';
    const saved = structuredClone(table[key]!);
    try {
      expect(saved).toHaveLength(1);
      expect(saved[0]!.left_out_by).toEqual(['0>1:parent_of']);
      table[key]![0]!.left_out_by = ['1>0:sibling_of'];
      table[key]![0]!.reason = 'other_parent';
      const { fake, caseId, ids } = await caseWith([
        { name: 'Sanne', role: 'parent' },
        { name: 'Lotte', role: 'child' },
      ]);
      const [sanne, lotte] = ids as [string, string];
      expect((await fake.householdGet({ case_id: caseId })).proposals).toEqual([
        { relation: { from: sanne, to: lotte, kind: { kind: 'parent_of', step: false } }, reason: 'other_parent' },
      ]);
      // Recording the proposed relation itself leaves it in, because the changed fixture says so.
      await fake.relationAdd({ case_id: caseId, input: { from: sanne, to: lotte, kind: { kind: 'parent_of', step: false } } });
      expect((await fake.householdGet({ case_id: caseId })).proposals).toHaveLength(1);
      await fake.relationAdd({ case_id: caseId, input: { from: lotte, to: sanne, kind: { kind: 'sibling_of' } } });
      expect((await fake.householdGet({ case_id: caseId })).proposals).toEqual([]);
    } finally {
      table[key] = saved;
    }
  });

  it("gives a conversation the default visibility the fixture holds for its participants' roles", async () => {
    const byRoles = (await import('./fixtures/visibility.json')).default.byRoles as unknown as Record<string, unknown>;
    const { fake, caseId, ids } = await caseWith([
      { name: 'Sanne', role: 'parent' },
      { name: 'Mark', role: 'parent' },
      { name: 'Lotte', role: 'child' },
    ]);
    const [sanne, mark, lotte] = ids as [string, string, string];
    const open = async (participants: string[]) => {
      const c = await fake.conversationStart({ case_id: caseId, participants, guide_id: 'gids.volwassene', joint_reason: 'samen', safety_justification: null });
      return (await fake.conversationOpen({ case_id: caseId, conversation_id: c.id })).default_confidentiality;
    };
    // As Rust answered: two adults together, the two of them; with a child, the professional only.
    expect(await open([mark, sanne])).toEqual({ ...VISIBLE, persons: [mark, sanne] });
    expect(await open([sanne, lotte])).toEqual({ kind: 'professional_only' });

    const saved = structuredClone({ two: byRoles['2,0,0,0,0,0'], withChild: byRoles['1,0,0,1,0,0'] });
    try {
      byRoles['2,0,0,0,0,0'] = { kind: 'professional_only' };
      byRoles['1,0,0,1,0,0'] = { ...VISIBLE, persons: [1] };
      expect(await open([mark, sanne])).toEqual({ kind: 'professional_only' });
      expect(await open([sanne, lotte])).toEqual({ ...VISIBLE, persons: [lotte] });
    } finally {
      byRoles['2,0,0,0,0,0'] = saved.two;
      byRoles['1,0,0,1,0,0'] = saved.withChild;
    }
  });

  it('has no rule of its own for relations or visibility in its source', () => {
    const source = readFileSync(path.resolve(__dirname, 'fake.ts'), 'utf8');
    // The relation families and the roles that decide the default visibility are Rust's to know.
    for (const rule of ["'partner_of'", "'ex_partner_of'", "=== 'parent_of'", "role === 'child'", "'professional_only'"]) {
      expect(source, rule).not.toContain(rule);
    }
  });
});

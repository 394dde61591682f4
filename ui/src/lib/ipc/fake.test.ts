// The fake backend only stores and replays: these tests check the storing, the replay of the
// Rust-made fixtures, and that it refuses exactly the requests of the Rust error table with the code
// Rust gives (the same table `crates/app/tests/error_table.rs` runs against the real commands).
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

  it.each(ERROR_TABLE.map((r) => [`${r.command} / ${r.kind}`, r] as const))('%s gives the Rust code', async (_name, row) => {
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

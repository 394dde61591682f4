// An in-memory Backend that behaves like the Rust side (errors included), for
// Vitest and for the browser demo (`npm run build:fake`). Nothing is persisted:
// no storage API is touched, data lives only in this object.
import type { Backend, Unsubscribe } from './backend';
import type { Case } from './bindings/Case';
import type { CaseSummary } from './bindings/CaseSummary';
import type { Household } from './bindings/Household';
import type { Person } from './bindings/Person';
import type { PersonInput } from './bindings/PersonInput';
import type { Relation } from './bindings/Relation';
import type { RelationInput } from './bindings/RelationInput';
import type { Role } from './bindings/Role';
import type { Strength } from './bindings/Strength';
import type { StrengthHint } from './bindings/StrengthHint';
import type { StrengthLevel } from './bindings/StrengthLevel';
import { BackendError } from './errors';
import type { LockReason, Settings, VaultLockedPayload, VaultState, VaultStatus } from './types';

export type FakeOptions = {
  /** Starting state; 'locked' and 'unlocked' need `passphrase`. Default 'missing'. */
  state?: VaultState;
  passphrase?: string;
  recoveryKey?: string;
  /** Make `vault_unlock` fail with `vault_damaged`. */
  damaged?: boolean;
  /** Lock by itself after `autoLockMinutes` without `activity` (off in tests). */
  idleTimer?: boolean;
  /** Artificial delay per call in ms (default 0). */
  latencyMs?: number;
  settings?: Partial<Settings>;
};

export interface FakeBackend extends Backend {
  readonly kind: 'fake';
  /** Test hook: lock as the Rust side would (idle timer, suspend) and emit `vault-locked`. */
  simulateLock(reason: LockReason): void;
  /** Test hook: how often `activity` was called. */
  readonly activityCount: number;
  /** Test hook: every command called, in order (names only, never arguments). */
  readonly calls: readonly string[];
}

const ROLES: readonly Role[] = ['parent', 'partner', 'ex_partner', 'child', 'other_family', 'network'];
const COMMON_WORDS = ['wachtwoord', 'password', 'welkom', 'geheim', 'qwerty', '123456', 'admin', 'letmein', 'samenkijken'];

/** A rough stand-in for the Rust estimator: same shape of answer, similar verdicts. */
export function fakeStrength(passphrase: string): Strength {
  const hints: StrengthHint[] = [];
  const lower = passphrase.toLowerCase();
  const words = passphrase.trim().split(/[\s\-_.]+/).filter((w) => w.length > 0);
  let bits = Math.round(passphrase.length * 3.2 + Math.max(0, words.length - 1) * 6);
  if (passphrase.length < 12) hints.push('too_short');
  if (COMMON_WORDS.some((w) => lower.includes(w))) {
    hints.push('common_word');
    bits = Math.round(bits / 2);
  }
  if (/(.)\1\1/.test(passphrase)) {
    hints.push('repeated_characters');
    bits = Math.round(bits * 0.7);
  }
  if (words.length < 3) hints.push('use_more_words');
  let level: StrengthLevel;
  if (passphrase.length < 12 || bits < 40) level = 'too_weak';
  else if (bits < 55) level = 'weak';
  else if (bits < 75) level = 'fair';
  else level = 'strong';
  return { level, bits, hints, acceptable: level === 'fair' || level === 'strong' };
}

function randomId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function randomRecoveryKey(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function fail(code: string, message: string): never {
  throw new BackendError(code, message);
}

export function createFakeBackend(options: FakeOptions = {}): FakeBackend {
  let state: VaultState = options.state ?? 'missing';
  let passphrase = options.passphrase ?? (state === 'missing' ? '' : 'fake wachtwoordzin die lang genoeg is');
  let recoveryKey = options.recoveryKey ?? (state === 'missing' ? '' : randomRecoveryKey());
  let settings: Settings = { autoLockMinutes: 5, language: 'nl', ...options.settings };
  const cases = new Map<string, Case>();
  const persons = new Map<string, Person>();
  const relations = new Map<string, Relation>();
  const listeners = new Set<(payload: VaultLockedPayload) => void>();
  const calls: string[] = [];
  let activityCount = 0;
  let idleHandle: ReturnType<typeof setTimeout> | undefined;

  async function op<T>(name: string, body: () => T): Promise<T> {
    calls.push(name);
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    else await Promise.resolve();
    return body();
  }

  function requireUnlocked(): void {
    if (state !== 'unlocked') fail('vault_locked', 'De kluis is vergrendeld. Ontgrendel de kluis eerst.');
  }

  function requireAcceptable(candidate: string): void {
    if (!fakeStrength(candidate).acceptable) {
      fail('weak_passphrase', 'Deze wachtwoordzin is te zwak. Kies een langere zin van meerdere woorden.');
    }
  }

  function requireCase(caseId: string): Case {
    const found = cases.get(caseId);
    if (!found) fail('not_found', 'Deze casus bestaat niet (meer).');
    return found;
  }

  function requirePerson(personId: string): Person {
    const found = persons.get(personId);
    if (!found) fail('not_found', 'Deze persoon bestaat niet (meer).');
    return found;
  }

  function checkLabel(label: string): string {
    const trimmed = label.trim();
    if (trimmed.length === 0) fail('invalid_input', 'Geef de casus een naam.');
    if (trimmed.length > 80) fail('invalid_input', 'De naam van de casus is te lang (hoogstens 80 tekens).');
    return trimmed;
  }

  function checkPerson(input: PersonInput): PersonInput {
    const name = input.name.trim();
    if (name.length === 0) fail('invalid_input', 'Vul een naam of alias in.');
    if (!ROLES.includes(input.role)) fail('invalid_input', 'Kies een rol.');
    const year = input.year_of_birth;
    const thisYear = new Date().getFullYear();
    if (year !== null && (!Number.isInteger(year) || year < 1900 || year > thisYear)) {
      fail('invalid_input', `Het geboortejaar moet tussen 1900 en ${thisYear} liggen.`);
    }
    return { ...input, name };
  }

  function touch(caseId: string): void {
    const c = cases.get(caseId);
    if (c) c.updated_at = new Date().toISOString();
  }

  function armIdleTimer(): void {
    if (!options.idleTimer) return;
    if (idleHandle !== undefined) clearTimeout(idleHandle);
    idleHandle = setTimeout(() => lockNow('idle'), settings.autoLockMinutes * 60_000);
  }

  function lockNow(reason: LockReason): void {
    if (idleHandle !== undefined) clearTimeout(idleHandle);
    idleHandle = undefined;
    const wasUnlocked = state === 'unlocked';
    if (state !== 'missing') state = 'locked';
    if (wasUnlocked) for (const listener of [...listeners]) listener({ reason });
  }

  function unlockNow(): void {
    state = 'unlocked';
    armIdleTimer();
  }

  const fake: FakeBackend = {
    kind: 'fake',
    get activityCount() {
      return activityCount;
    },
    get calls() {
      return calls;
    },
    simulateLock: (reason) => lockNow(reason),

    vaultStatus: () =>
      op('vault_status', (): VaultStatus => ({ state, autoLockMinutes: settings.autoLockMinutes })),
    passphraseStrength: (candidate) => op('passphrase_strength', () => fakeStrength(candidate)),
    vaultCreate: (newPassphrase) =>
      op('vault_create', () => {
        if (state !== 'missing') fail('vault_exists', 'Er is al een kluis op deze computer.');
        requireAcceptable(newPassphrase);
        passphrase = newPassphrase;
        recoveryKey = randomRecoveryKey();
        unlockNow();
        return { recoveryKey };
      }),
    vaultUnlock: (candidate) =>
      op('vault_unlock', () => {
        if (state === 'missing') fail('vault_missing', 'Er is nog geen kluis op deze computer.');
        if (options.damaged) {
          fail('vault_damaged', 'Het kluisbestand is beschadigd. Er is niets veranderd; zet een back-up terug.');
        }
        if (candidate !== passphrase) {
          fail('wrong_passphrase', 'De wachtwoordzin klopt niet. Let op hoofdletters en spaties.');
        }
        unlockNow();
      }),
    vaultRecover: (key, newPassphrase) =>
      op('vault_recover', () => {
        if (state === 'missing') fail('vault_missing', 'Er is nog geen kluis op deze computer.');
        const normalise = (k: string) => k.replace(/[\s-]/g, '').toUpperCase();
        if (normalise(key) !== normalise(recoveryKey)) {
          fail('wrong_recovery_key', 'De herstelsleutel klopt niet. Controleer de tekens en probeer het opnieuw.');
        }
        requireAcceptable(newPassphrase);
        passphrase = newPassphrase;
        unlockNow();
      }),
    vaultLock: () => op('vault_lock', () => lockNow('manual')),
    vaultChangePassphrase: (oldPassphrase, newPassphrase) =>
      op('vault_change_passphrase', () => {
        requireUnlocked();
        if (oldPassphrase !== passphrase) {
          fail('wrong_passphrase', 'De huidige wachtwoordzin klopt niet.');
        }
        requireAcceptable(newPassphrase);
        passphrase = newPassphrase;
      }),
    activity: () =>
      op('activity', () => {
        activityCount += 1;
        if (state === 'unlocked') armIdleTimer();
      }),

    settingsGet: () => op('settings_get', () => clone(settings)),
    settingsSet: (next) =>
      op('settings_set', () => {
        if (!Number.isInteger(next.autoLockMinutes) || next.autoLockMinutes < 1 || next.autoLockMinutes > 30) {
          fail('invalid_input', 'Automatisch vergrendelen kan na 1 tot 30 minuten.');
        }
        if (next.language !== 'nl' && next.language !== 'en') fail('invalid_input', 'Onbekende taal.');
        settings = { autoLockMinutes: next.autoLockMinutes, language: next.language };
        if (state === 'unlocked') armIdleTimer();
        return clone(settings);
      }),

    casesList: () =>
      op('cases_list', () => {
        requireUnlocked();
        return [...cases.values()]
          .map(
            (c): CaseSummary => ({
              id: c.id,
              label: c.label,
              status: c.status,
              phase: c.phase,
              updated_at: c.updated_at,
              person_count: [...persons.values()].filter((p) => p.case_id === c.id).length,
            }),
          )
          .sort((a, b) => b.updated_at.localeCompare(a.updated_at) || a.label.localeCompare(b.label));
      }),
    caseCreate: (label) =>
      op('case_create', () => {
        requireUnlocked();
        const now = new Date().toISOString();
        const created: Case = {
          id: randomId(),
          label: checkLabel(label),
          status: 'open',
          phase: 'acute',
          created_at: now,
          updated_at: now,
          retention_until: null,
        };
        cases.set(created.id, created);
        return clone(created);
      }),
    caseRename: (caseId, label) =>
      op('case_rename', () => {
        requireUnlocked();
        const found = requireCase(caseId);
        found.label = checkLabel(label);
        touch(caseId);
        return clone(found);
      }),
    caseDelete: (caseId) =>
      op('case_delete', () => {
        requireUnlocked();
        requireCase(caseId);
        cases.delete(caseId);
        for (const [id, p] of persons) if (p.case_id === caseId) persons.delete(id);
        for (const [id, r] of relations) if (r.case_id === caseId) relations.delete(id);
      }),

    householdGet: (caseId) =>
      op('household_get', (): Household => {
        requireUnlocked();
        const found = requireCase(caseId);
        return clone({
          case: found,
          persons: [...persons.values()].filter((p) => p.case_id === caseId),
          relations: [...relations.values()].filter((r) => r.case_id === caseId),
        });
      }),
    personAdd: (caseId, input) =>
      op('person_add', () => {
        requireUnlocked();
        requireCase(caseId);
        const checked = checkPerson(input);
        const person: Person = { id: randomId(), case_id: caseId, ...checked };
        persons.set(person.id, person);
        touch(caseId);
        return clone(person);
      }),
    personUpdate: (personId, input) =>
      op('person_update', () => {
        requireUnlocked();
        const found = requirePerson(personId);
        const updated: Person = { ...found, ...checkPerson(input) };
        persons.set(personId, updated);
        touch(found.case_id);
        return clone(updated);
      }),
    personDelete: (personId) =>
      op('person_delete', () => {
        requireUnlocked();
        const found = requirePerson(personId);
        persons.delete(personId);
        for (const [id, r] of relations) if (r.from === personId || r.to === personId) relations.delete(id);
        touch(found.case_id);
      }),
    relationAdd: (caseId, input) =>
      op('relation_add', () => {
        requireUnlocked();
        requireCase(caseId);
        const from = persons.get(input.from);
        const to = persons.get(input.to);
        if (!from || !to || from.case_id !== caseId || to.case_id !== caseId) {
          fail('invalid_input', 'Kies twee personen uit deze casus.');
        }
        if (input.from === input.to) fail('invalid_input', 'Een relatie gaat over twee verschillende personen.');
        const duplicate = [...relations.values()].some(
          (r) => r.from === input.from && r.to === input.to && r.kind.kind === input.kind.kind,
        );
        if (duplicate) fail('invalid_input', 'Deze relatie staat er al.');
        const relation: Relation = { id: randomId(), case_id: caseId, ...clone(input) };
        relations.set(relation.id, relation);
        touch(caseId);
        return clone(relation);
      }),
    relationDelete: (relationId) =>
      op('relation_delete', () => {
        requireUnlocked();
        const found = relations.get(relationId);
        if (!found) fail('not_found', 'Deze relatie bestaat niet (meer).');
        relations.delete(relationId);
        touch(found.case_id);
      }),

    async onVaultLocked(handler): Promise<Unsubscribe> {
      listeners.add(handler);
      return () => {
        listeners.delete(handler);
      };
    },
  };

  if (state === 'unlocked') armIdleTimer();
  return fake;
}

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
import type { AcuteDecision } from './bindings/AcuteDecision';
import type { Analysis } from './bindings/Analysis';
import type { Answer } from './bindings/Answer';
import type { BehaviourRecord } from './bindings/BehaviourRecord';
import type { ChildPrecheck } from './bindings/ChildPrecheck';
import type { Conversation } from './bindings/Conversation';
import type { GuardRail } from './bindings/GuardRail';
import type { Judgement } from './bindings/Judgement';
import type { MeldcodeEntry } from './bindings/MeldcodeEntry';
import type { MeldcodeStatus } from './bindings/MeldcodeStatus';
import type { MeldcodeAnswer } from './bindings/MeldcodeAnswer';
import type { NormFinding } from './bindings/NormFinding';
import type { ReportingNorm } from './bindings/ReportingNorm';
import type { ReviewStatus } from './bindings/ReviewStatus';
import type { PlanVersion } from './bindings/PlanVersion';
import type { SafetyPlan } from './bindings/SafetyPlan';
import { emptyPlan, fakeChecks, fakePages, jansenPlan } from '../plan/fakePlan';
import { BackendError } from './errors';
import { DEMO_CONTENT } from './demo/content';
import { JANSEN, jansenFamily } from './demo/jansen';
import {
  NIL_UUID,
  type ContentBundle,
  type LockReason,
  type Settings,
  type VaultLockedPayload,
  type VaultState,
  type VaultStatus,
} from './types';

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
  /**
   * Creates the fictional practice case "Gezin Jansen-de Vries" (Oefencasus) with its conversations,
   * answers, records and precomputed analysis. Returns the case id. Demo and tests only.
   */
  practiceCaseCreate(): Promise<string>;
  /** Test hook: the analysis `analysis_get` returns for a case (the fake computes none itself). */
  setAnalysis(caseId: string, analysis: Analysis): void;
  /** Test hook: make the next `answer_save` calls fail (autosave error state). */
  failAnswerSaves: boolean;
}

/** The analysis of a case the fake has no stored analysis for: nothing found, only the persons listed. */
export function emptyAnalysis(caseId: string, persons: Person[], conversations: Conversation[]): Analysis {
  const none = { records: [], answers: [], relations: [], sources: [] };
  return {
    case_id: caseId,
    today: new Date().toISOString().slice(0, 10),
    catalogue_version: DEMO_CONTENT.catalogue.version,
    severity: {
      category: 'geen_of_incidenteel_licht',
      p: 0,
      reasons: ['incidental'],
      partner_behaviours: [],
      child_licht_incidents: 0,
      child_ernstig_incidents: 0,
      child_behaviours: [],
      evidence: none,
    },
    children: [],
    patterns: [],
    profiles: [],
    red_flags: [],
    acute: { possibly_acute: false, flags: [], risk_factors: [], dates_to_ask: [], decision: null, flags_not_decided: [], decision_required: false },
    structural: { suggested: false, reasons: [], evidence: none },
    meldcode_unsafety: { acute: false, structural: false, evidence: [] },
    coverage: {
      persons: persons.map((p) => {
        const separate = conversations.filter((c) => c.participants.length === 1 && c.participants[0] === p.id).length;
        const joint = conversations.filter((c) => c.participants.length > 1 && c.participants.includes(p.id)).length;
        const child = p.role === 'child';
        return {
          person: p.id,
          role: p.role,
          separate_conversations: separate,
          joint_conversations: joint,
          heard_alone: separate > 0,
          own_safety_recorded: child ? false : null,
          precheck_done: child ? false : null,
          too_young_for_conversation: false,
          observed: null,
        };
      }),
      open: [],
    },
    perspectives: [],
    guard_rails: [],
    reviews: [],
    picture: { nodes: [], couples: [], parent_links: [], siblings: [], arrows: [] },
    unknown_behaviours: [],
  };
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
  const conversations = new Map<string, Conversation>();
  const answers = new Map<string, Answer>();
  const records = new Map<string, BehaviourRecord>();
  const trashed = new Set<string>();
  const prechecks = new Map<string, ChildPrecheck>();
  const analyses = new Map<string, Analysis>();
  const meldcode = new Map<string, MeldcodeEntry>();
  const plans = new Map<string, SafetyPlan>();
  const planVersions = new Map<string, PlanVersion[]>();
  const content: ContentBundle = DEMO_CONTENT;
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

  function requireConversation(conversationId: string): Conversation {
    const found = conversations.get(conversationId);
    if (!found) fail('not_found', 'Dit gesprek bestaat niet (meer).');
    return found;
  }

  function caseRecords(caseId: string, inTrash: boolean): BehaviourRecord[] {
    return [...records.values()].filter((r) => r.case_id === caseId && trashed.has(r.id) === inTrash);
  }

  function analysisOf(caseId: string): Analysis {
    const stored = analyses.get(caseId);
    if (stored) return stored;
    return emptyAnalysis(
      caseId,
      [...persons.values()].filter((p) => p.case_id === caseId),
      [...conversations.values()].filter((c) => c.case_id === caseId),
    );
  }

  function jointGuardRail(caseId: string, participants: string[]): GuardRail | null {
    if (participants.length < 2) return null;
    const control = new Set(content.catalogue.items.filter((i) => i.category === 'coercive_control').map((i) => i.id));
    const evidence = caseRecords(caseId, false).filter(
      (r) =>
        control.has(r.behaviour_id) &&
        r.stance.stance === 'reported' &&
        [...r.actors, ...r.targets].some((p) => participants.includes(p)),
    );
    if (evidence.length === 0) return null;
    return {
      kind: 'joint_with_coercive_control',
      article: null,
      reasons: ['coercive_control'],
      persons: [...participants],
      conversation_id: null,
      evidence: {
        records: evidence.map((r) => r.id).sort(),
        answers: [],
        relations: [],
        sources: [...new Set(evidence.map((r) => r.source_person))].sort(),
      },
      requires_justification: true,
      justification: null,
      satisfied: false,
    };
  }

  /** The stored plan, or the prefill (the practice family) / an empty plan, not stored. */
  function planOf(caseId: string): SafetyPlan {
    const stored = plans.get(caseId);
    if (stored) return stored;
    return caseId === JANSEN.CASE ? jansenPlan() : emptyPlan(caseId, randomId());
  }

  function planChecksOf(plan: SafetyPlan) {
    const category = (id: string) => content.catalogue.items.find((i) => i.id === id)?.category;
    return fakeChecks(
      plan,
      content.blamingPhrases,
      [...persons.values()].filter((p) => p.case_id === plan.case_id),
      [...relations.values()].filter((r) => r.case_id === plan.case_id),
      caseRecords(plan.case_id, false),
      category,
    );
  }

  function freezePlan(caseId: string): PlanVersion {
    const list = planVersions.get(caseId) ?? [];
    const version: PlanVersion = {
      number: list.reduce((m, v) => Math.max(m, v.number), 0) + 1,
      frozen_at: new Date().toISOString(),
      plan: clone(planOf(caseId)),
    };
    planVersions.set(caseId, [...list, version]);
    return version;
  }

  function meldcodeStatusOf(caseId: string): MeldcodeStatus {
    const log = [...meldcode.values()].filter((e) => e.case_id === caseId);
    const latest = (list: MeldcodeEntry[]) =>
      list.reduce<MeldcodeEntry | null>(
        (best, e) => (!best || `${e.date}${e.recorded_at}` > `${best.date}${best.recorded_at}` ? e : best),
        null,
      );
    const steps = content.meldcode.steps.map((s) => ({
      number: s.number,
      latest: latest(log.filter((e) => e.step === s.number && e.question_id === null)),
    }));
    const questions = content.meldcode.questions.map((q) => ({
      question_id: q.id,
      latest: latest(log.filter((e) => e.question_id === q.id)),
    }));
    // The same reporting norms as `domain::meldcode_status` (a stand-in until fixtures come from Rust).
    const answerOf = (id: string) => questions.find((q) => q.question_id === id)?.latest ?? null;
    const rules: [string, MeldcodeAnswer, ReportingNorm][] = [
      ['afweging.2', 'yes', 'report_unsafety'],
      ['afweging.3', 'no', 'report_no_help'],
      ['afweging.4', 'no', 'report_not_accepted'],
      ['afweging.5', 'no', 'report_again'],
      ['afweging.5', 'yes', 'close_with_monitoring'],
    ];
    const norms: NormFinding[] = [];
    for (const [q, answer, norm] of rules) {
      const e = answerOf(q);
      if (e && e.answer === answer) norms.push({ norm, question_id: q, entry: e.id, date: e.date });
    }
    const reporting = norms.filter((n) => n.norm !== 'close_with_monitoring');
    const noHelp = norms.some((n) => n.norm === 'report_no_help' || n.norm === 'report_not_accepted');
    const decisionEntry = answerOf('besluit.melden');
    const decision = decisionEntry && (decisionEntry.answer === 'yes' || decisionEntry.answer === 'no') ? decisionEntry : null;
    const newest = reporting.map((n) => n.date).sort().at(-1) ?? null;
    return clone({
      steps,
      questions,
      norms,
      report_required: reporting.length > 0,
      close_with_monitoring: norms.some((n) => n.norm === 'close_with_monitoring') && !noHelp,
      decision,
      decision_required: newest !== null && (decision === null || decision.date < newest),
      unanswered: questions
        .filter((q) => q.question_id !== 'besluit.melden')
        .filter((q) => !q.latest || q.latest.answer === 'not_yet')
        .map((q) => q.question_id),
    });
  }

  const fake: FakeBackend = {
    kind: 'fake',
    failAnswerSaves: false,
    setAnalysis(caseId, analysis) {
      analyses.set(caseId, clone(analysis));
    },
    practiceCaseCreate: () =>
      op('practice_case_create', () => {
        requireUnlocked();
        const family = jansenFamily();
        if (!cases.has(family.case.id)) {
          cases.set(family.case.id, clone(family.case));
          for (const p of family.persons) persons.set(p.id, clone(p));
          for (const r of family.relations) relations.set(r.id, clone(r));
          for (const c of family.conversations) conversations.set(c.id, clone(c));
          for (const a of family.answers) answers.set(a.id, clone(a));
          for (const r of family.records) records.set(r.id, clone(r));
          analyses.set(family.case.id, clone(family.analysis));
        }
        return family.case.id;
      }),
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
        for (const [id, c] of conversations) if (c.case_id === caseId) conversations.delete(id);
        for (const [id, r] of records) if (r.case_id === caseId) records.delete(id);
        analyses.delete(caseId);
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

    contentGet: () =>
      op('content_get', () => {
        requireUnlocked();
        return clone(content);
      }),
    caseSetPhase: (caseId, phase) =>
      op('case_set_phase', () => {
        requireUnlocked();
        const found = requireCase(caseId);
        found.phase = phase;
        touch(caseId);
        return clone(found);
      }),

    conversationsList: (caseId) =>
      op('conversations_list', () => {
        requireUnlocked();
        requireCase(caseId);
        return clone(
          [...conversations.values()]
            .filter((c) => c.case_id === caseId)
            .sort((a, b) => a.started_at.localeCompare(b.started_at)),
        );
      }),
    conversationStart: (caseId, participants, guideId, jointReason, safetyJustification) =>
      op('conversation_start', () => {
        requireUnlocked();
        requireCase(caseId);
        if (participants.length === 0) fail('invalid_input', 'Kies met wie je het gesprek voert.');
        for (const p of participants) {
          if (persons.get(p)?.case_id !== caseId) fail('invalid_input', 'Kies personen uit deze casus.');
        }
        const guide = content.guides.find((g) => g.id === guideId);
        if (!guide) fail('invalid_input', 'Kies een gespreksleidraad.');
        const joint = participants.length > 1;
        if (joint && !jointReason?.trim()) {
          fail('joint_reason_required', 'Geef aan waarom je dit gesprek samen voert.');
        }
        if (joint && jointGuardRail(caseId, participants) && !safetyJustification?.trim()) {
          fail(
            'joint_justification_required',
            'Er zijn aanwijzingen voor dwingende controle. Leg vast waarom een gezamenlijk gesprek toch verantwoord is.',
          );
        }
        const conversation: Conversation = {
          id: randomId(),
          case_id: caseId,
          participants: [...participants],
          joint_reason: joint ? jointReason!.trim() : null,
          safety_justification: joint && safetyJustification?.trim() ? safetyJustification.trim() : null,
          guide_id: guide.id,
          guide_version: guide.version,
          started_at: new Date().toISOString(),
          ended_at: null,
          notes: '',
        };
        conversations.set(conversation.id, conversation);
        touch(caseId);
        return clone(conversation);
      }),
    jointCheck: (caseId, participants) =>
      op('joint_check', () => {
        requireUnlocked();
        requireCase(caseId);
        return jointGuardRail(caseId, participants);
      }),
    conversationOpen: (conversationId) =>
      op('conversation_open', () => {
        requireUnlocked();
        const conversation = requireConversation(conversationId);
        const child = conversation.participants.find((p) => persons.get(p)?.role === 'child');
        return clone({
          conversation,
          answers: [...answers.values()].filter((a) => a.conversation_id === conversationId),
          records: [...records.values()].filter((r) => r.conversation_id === conversationId && !trashed.has(r.id)),
          precheck: child ? (prechecks.get(child) ?? null) : null,
        });
      }),
    conversationEnd: (conversationId, notes) =>
      op('conversation_end', () => {
        requireUnlocked();
        const conversation = requireConversation(conversationId);
        conversation.ended_at = new Date().toISOString();
        conversation.notes = notes;
        return clone(conversation);
      }),
    answerSave: (conversationId, questionId, value, confidential) =>
      op('answer_save', () => {
        requireUnlocked();
        if (fake.failAnswerSaves) fail('internal', 'Er ging iets mis in de app. Probeer het opnieuw.');
        const conversation = requireConversation(conversationId);
        const existing = [...answers.values()].find(
          (a) => a.conversation_id === conversationId && a.question_id === questionId,
        );
        const answer: Answer = {
          id: existing?.id ?? randomId(),
          conversation_id: conversationId,
          question_id: questionId,
          source_person: conversation.participants[0]!,
          value: clone(value),
          confidential: clone(confidential),
          updated_at: new Date().toISOString(),
        };
        answers.set(answer.id, answer);
        return clone(answer);
      }),
    precheckSave: (precheck) =>
      op('precheck_save', () => {
        requireUnlocked();
        const child = requirePerson(precheck.child_id);
        if (child.role !== 'child') fail('invalid_input', 'Een voorcheck is voor een kind.');
        if (precheck.consent.kind === 'exception' && !precheck.consent.reason.trim()) {
          fail('invalid_input', 'Geef de reden voor de uitzondering op toestemming.');
        }
        const saved = { ...clone(precheck), checked_at: new Date().toISOString() };
        prechecks.set(precheck.child_id, saved);
        return clone(saved);
      }),

    behavioursList: (caseId) =>
      op('behaviours_list', () => {
        requireUnlocked();
        requireCase(caseId);
        return clone(caseRecords(caseId, false));
      }),
    behaviourSave: (record) =>
      op('behaviour_save', () => {
        requireUnlocked();
        requireCase(record.case_id);
        if (!content.catalogue.items.some((i) => i.id === record.behaviour_id)) {
          fail('invalid_input', 'Kies een gedraging uit de lijst.');
        }
        if (record.actors.length === 0 || record.targets.length === 0) {
          fail('invalid_input', 'Kies wie het deed en tegen wie.');
        }
        if (record.actors.some((a) => record.targets.includes(a))) {
          fail('invalid_input', 'Iemand kan niet dader en doelwit tegelijk zijn bij dezelfde gedraging.');
        }
        if (persons.get(record.source_person)?.case_id !== record.case_id) {
          fail('invalid_input', 'Kies wie dit vertelde.');
        }
        if (record.id !== NIL_UUID && !records.has(record.id)) fail('not_found', 'Deze gedraging bestaat niet (meer).');
        const saved: BehaviourRecord = {
          ...clone(record),
          id: record.id === NIL_UUID ? randomId() : record.id,
          updated_at: new Date().toISOString(),
        };
        records.set(saved.id, saved);
        touch(record.case_id);
        return clone(saved);
      }),
    behaviourTrash: (recordId) =>
      op('behaviour_trash', () => {
        requireUnlocked();
        if (!records.has(recordId) || trashed.has(recordId)) fail('not_found', 'Deze gedraging bestaat niet (meer).');
        trashed.add(recordId);
      }),
    behaviourRestore: (recordId) =>
      op('behaviour_restore', () => {
        requireUnlocked();
        if (!trashed.has(recordId)) fail('not_found', 'Deze gedraging staat niet in de prullenbak.');
        trashed.delete(recordId);
      }),
    behavioursTrashList: (caseId) =>
      op('behaviours_trash_list', () => {
        requireUnlocked();
        requireCase(caseId);
        return clone(caseRecords(caseId, true));
      }),

    analysisGet: (caseId) =>
      op('analysis_get', () => {
        requireUnlocked();
        requireCase(caseId);
        return clone(analysisOf(caseId));
      }),
    judgementSave: (caseId, judgement: Judgement) =>
      op('judgement_save', () => {
        requireUnlocked();
        requireCase(caseId);
        if (!judgement.reason.trim()) fail('invalid_input', 'Geef een reden voor je oordeel.');
        if (judgement.verdict.verdict === 'changed' && !judgement.verdict.to.trim()) {
          fail('invalid_input', 'Geef aan waarin je de hypothese aanpast.');
        }
        const analysis = analysisOf(caseId);
        const saved: Judgement = {
          ...clone(judgement),
          id: judgement.id === NIL_UUID ? randomId() : judgement.id,
          case_id: caseId,
          decided_at: new Date().toISOString(),
        };
        const review = analysis.reviews.find((r) => r.key === saved.conclusion_key);
        const status: ReviewStatus =
          review && review.hypothesis !== saved.hypothesis_at_decision
            ? 'hypothesis_changed'
            : saved.verdict.verdict;
        if (review) {
          review.judgement = saved;
          review.status = status;
          review.judgements_count += 1;
        } else {
          analysis.reviews.push({
            key: saved.conclusion_key,
            hypothesis: saved.hypothesis_at_decision,
            judgement: saved,
            status,
            judgements_count: 1,
          });
        }
        analyses.set(caseId, analysis);
        return clone(analysis);
      }),
    acuteDecisionSave: (caseId, decision: AcuteDecision) =>
      op('acute_decision_save', () => {
        requireUnlocked();
        requireCase(caseId);
        if (!decision.decision.trim()) fail('invalid_input', 'Vul in wat je hebt besloten.');
        if (!decision.rationale.trim()) fail('invalid_input', 'Vul in waarom je dit hebt besloten.');
        const analysis = analysisOf(caseId);
        const saved: AcuteDecision = {
          ...clone(decision),
          id: decision.id === NIL_UUID ? randomId() : decision.id,
          case_id: caseId,
          decided_at: new Date().toISOString(),
        };
        analysis.acute.decision = saved;
        analysis.acute.flags_not_decided = analysis.acute.flags.filter((f) => !saved.flags_seen.includes(f));
        analysis.acute.decision_required = analysis.acute.flags_not_decided.length > 0;
        analyses.set(caseId, analysis);
        return clone(analysis);
      }),

    meldcodeList: (caseId) =>
      op('meldcode_list', () => {
        requireUnlocked();
        requireCase(caseId);
        return clone([...meldcode.values()].filter((e) => e.case_id === caseId));
      }),
    meldcodeSave: (entry) =>
      op('meldcode_save', () => {
        requireUnlocked();
        requireCase(entry.case_id);
        if (!content.meldcode.steps.some((s) => s.number === entry.step)) fail('invalid_input', 'Onbekende stap.');
        if (entry.question_id !== null && !content.meldcode.questions.some((q) => q.id === entry.question_id)) {
          fail('invalid_input', 'Onbekende afwegingsvraag.');
        }
        if (!entry.rationale.trim()) fail('invalid_input', 'Vul de onderbouwing in.');
        if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.date)) fail('invalid_input', 'Vul een datum in.');
        const saved: MeldcodeEntry = {
          ...clone(entry),
          id: entry.id === NIL_UUID ? randomId() : entry.id,
          recorded_at: new Date().toISOString(),
        };
        meldcode.set(saved.id, saved);
        return clone(saved);
      }),
    meldcodeStatus: (caseId) =>
      op('meldcode_status', () => {
        requireUnlocked();
        requireCase(caseId);
        return meldcodeStatusOf(caseId);
      }),

    planGet: (caseId) =>
      op('plan_get', () => {
        requireUnlocked();
        requireCase(caseId);
        return clone(planOf(caseId));
      }),
    planSave: (plan) =>
      op('plan_save', () => {
        requireUnlocked();
        requireCase(plan.case_id);
        if (plan.worries.length > 3) fail('invalid_input', 'Een plan noemt hoogstens drie zorgen.');
        if (plan.escape_plan.some((i) => i.visibility.kind === 'everyone' || i.about === null)) {
          fail('invalid_input', 'Het vluchtplan is alleen voor de beschermde persoon en de professional.');
        }
        const saved: SafetyPlan = { ...clone(plan), updated_at: new Date().toISOString() };
        plans.set(plan.case_id, saved);
        touch(plan.case_id);
        return { plan: clone(saved), checks: planChecksOf(saved) };
      }),
    planCheck: (plan) =>
      op('plan_check', () => {
        requireUnlocked();
        requireCase(plan.case_id);
        return planChecksOf(plan);
      }),
    planPreview: (caseId, audience) =>
      op('plan_preview', () => {
        requireUnlocked();
        requireCase(caseId);
        if (audience.kind !== 'professional') requirePerson(audience.person);
        return { pages: fakePages(audience.kind, audience.kind === 'professional' ? 3 : 2) };
      }),
    planExportPdf: (caseId, audience) =>
      op('plan_export_pdf', () => {
        requireUnlocked();
        requireCase(caseId);
        if (audience.kind !== 'professional') requirePerson(audience.person);
        return { saved: true, version: freezePlan(caseId).number };
      }),
    // In a browser the page's own print dialog is the system one.
    printPage: () => op('print_page', () => window.print()),
    planFreeze: (caseId) =>
      op('plan_freeze', () => {
        requireUnlocked();
        requireCase(caseId);
        return clone(freezePlan(caseId));
      }),
    planVersions: (caseId) =>
      op('plan_versions', () => {
        requireUnlocked();
        requireCase(caseId);
        return clone(planVersions.get(caseId) ?? []);
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

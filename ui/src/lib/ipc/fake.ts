// An in-memory Backend for Vitest and the browser demo (`npm run build:fake`). It holds no rules: it
// stores what it is sent and replays what the real Rust commands answered, from fixtures a Rust test
// writes (`ui/src/lib/ipc/fixtures/`, made by `cargo xtask bindings` and checked like the bindings):
// the content, the practice family with its analysis, plan draft and checks, what fits each person,
// passphrase strengths, and the error table — a request in it is refused with the code Rust gives.
// Notes are stored as sent (with their earlier versions and trash). Search is never done here: the
// fake answers the queries Rust answered (`search.json`, `codegen::SEARCH_QUERIES`, on the practice
// family with its notes) and finds nothing for any other query.
// Nothing is persisted: no storage API is touched. Not part of the production bundle.
import type { Backend, Unsubscribe } from './backend';
import type { About } from './bindings/About';
import type { Analysis } from './bindings/Analysis';
import type { Answer } from './bindings/Answer';
import type { BackupMade } from './bindings/BackupMade';
import type { BackupProgress } from './bindings/BackupProgress';
import type { BackupRestored } from './bindings/BackupRestored';
import type { BehaviourRecord } from './bindings/BehaviourRecord';
import type { Case } from './bindings/Case';
import type { CaseLog } from './bindings/CaseLog';
import type { CaseSummary } from './bindings/CaseSummary';
import type { PracticeOpened } from './bindings/PracticeOpened';
import type { PracticeCaseSummary } from './bindings/PracticeCaseSummary';
import type { CaseSnapshot } from './bindings/CaseSnapshot';
import type { ChildPrecheck } from './bindings/ChildPrecheck';
import type { Confidentiality } from './bindings/Confidentiality';
import type { PrecheckReview } from './bindings/PrecheckReview';
import type { BehaviourPrefill } from './bindings/BehaviourPrefill';
import type { ProposalReason } from './bindings/ProposalReason';
import type { RelationKind } from './bindings/RelationKind';
import type { RelationProposal } from './bindings/RelationProposal';
import type { ContentBundle } from './bindings/ContentBundle';
import type { DisplayView } from './bindings/DisplayView';
import type { Conversation } from './bindings/Conversation';
import type { ConversationDetail } from './bindings/ConversationDetail';
import type { ErrorCode } from './bindings/ErrorCode';
import type { GuardRail } from './bindings/GuardRail';
import type { HouseholdView } from './bindings/HouseholdView';
import type { InzageReview } from './bindings/InzageReview';
import type { ItemReaders } from './bindings/ItemReaders';
import type { LockReason } from './bindings/LockReason';
import type { MeldcodeEntry } from './bindings/MeldcodeEntry';
import type { MeldcodeOverview } from './bindings/MeldcodeOverview';
import type { MeldingDraft } from './bindings/MeldingDraft';
import type { MeldingScreen } from './bindings/MeldingScreen';
import type { Person } from './bindings/Person';
import type { PersonGuidance } from './bindings/PersonGuidance';
import type { PlanChecks } from './bindings/PlanChecks';
import type { PlanEditor } from './bindings/PlanEditor';
import type { PlanVersion } from './bindings/PlanVersion';
import type { Relation } from './bindings/Relation';
import type { ReviewStatus } from './bindings/ReviewStatus';
import type { Role } from './bindings/Role';
import type { SafetyPlan } from './bindings/SafetyPlan';
import type { Timeline } from './bindings/Timeline';
import type { Section } from './bindings/Section';
import type { CaseNote as Note } from './bindings/CaseNote';
import type { NotesView } from './bindings/NotesView';
import type { NoteVersion } from './bindings/NoteVersion';
import type { SearchResults } from './bindings/SearchResults';
import type { Settings } from './bindings/Settings';
import type { CaseRetention } from './bindings/CaseRetention';
import type { Correction } from './bindings/Correction';
import type { RetentionOverview } from './bindings/RetentionOverview';
import type { Strength } from './bindings/Strength';
import type { VaultCheck } from './bindings/VaultCheck';
import type { HandoverChosen } from './bindings/HandoverChosen';
import type { HandoverExported } from './bindings/HandoverExported';
import type { HandoverImported } from './bindings/HandoverImported';
import type { HandoverPreview } from './bindings/HandoverPreview';
import type { VaultHealth } from './bindings/VaultHealth';
import type { VaultLocked } from './bindings/VaultLocked';
import type { VaultState } from './bindings/VaultState';
import { BackendError } from './errors';
import { createClient, type CommandName, type Commands } from './generated/client';
import { ERROR_MESSAGES } from './generated/errors';
import aboutJson from './fixtures/about.json';
import backupJson from './fixtures/backup.json';
import handoverJson from './fixtures/handover.json';
import meldingJson from './fixtures/melding.json';
import caseLogJson from './fixtures/caseLog.json';
import commandsJson from './fixtures/commands.json';
import contentJson from './fixtures/content.json';
import displayJson from './fixtures/display.json';
import emptyJson from './fixtures/emptyCase.json';
import errorTableJson from './fixtures/errorTable.json';
import guidanceJson from './fixtures/guidance.json';
import practiceJson from './fixtures/practice.json';
import proposalsJson from './fixtures/proposals.json';
import searchJson from './fixtures/search.json';
import retentionJson from './fixtures/retention.json';
import practiceModeJson from './fixtures/practiceMode.json';
import trainingJson from './fixtures/training.json';
import type { TrainingImported } from './bindings/TrainingImported';
import type { Comparison } from './bindings/Comparison';
import strengthsJson from './fixtures/strengths.json';
import visibilityJson from './fixtures/visibility.json';

/** What the Rust commands answered for the practice family ("Gezin Jansen-de Vries", fictional). */
export type PracticeFixture = {
  today: string;
  snapshot: CaseSnapshot;
  household: HouseholdView;
  analysis: Analysis;
  /** What `timeline_get` answered for the family as stored. */
  timeline: Timeline;
  /** The same once the plan has an evaluation date behind it and one ahead. */
  timelineEvaluated: Timeline;
  /** The family's row of `cases_list` (red-flag marker, next evaluation, the notes' tags). */
  summary: CaseSummary;
  /** The same row once the plan has an evaluation date behind it and one ahead. */
  summaryEvaluated: CaseSummary;
  plan: PlanEditor;
  checks: PlanChecks;
  meldcode: MeldcodeOverview;
  /** The status after one answer to one weighing question, keyed "question=answer". */
  meldcodeAfter: Record<string, MeldcodeOverview>;
  conversations: Record<string, ConversationDetail>;
  newItems: Record<Section, PlanEditor>;
  /** Keyed by the sorted person ids joined with ",". */
  jointCheck: Record<string, GuardRail | null>;
  judged: Record<string, Record<string, ReviewStatus>>;
  acuteDecided: Analysis['acute'];
  checksExample: { item: string; text: string; checks: PlanChecks };
  /** Rust's review of every pre-check shape, keyed by `precheckShape` (a Rust test proves the shape decides). */
  precheckReviews: Record<string, PrecheckReview>;
  /** The practice plan with an escape step and Daan's disclosed need (tests start from it). */
  workedPlan: PlanEditor;
  /** The practice family's notes (one in the trash), and the earlier versions of a note by its id. */
  notes: NotesView;
  noteVersions: Record<string, NoteVersion[]>;
  /** Whether a note save keeps the state before it as a version, keyed by `noteSaveShape` (Rust's answer). */
  noteKeepsVersion: Record<string, boolean>;
  /** Each practice person's access request as Rust reviewed it, keyed by person id (pages left out). */
  inzage: Record<string, InzageReview>;
};

/** The key Rust's `codegen::precheck_shape` gives a pre-check: the fake only looks up, it does not judge. */
function precheckShape(p: ChildPrecheck): string {
  const c = p.consent as { kind: string; by?: string[]; reason?: string };
  return [p.age, c.kind, (c.by ?? []).length > 0, (c.reason ?? '').trim() !== '', p.warning_signs.length > 0, p.expert_consulted].join('|');
}

/** The key Rust's `codegen::note_save_shape` gives a save: the fake only looks up, it does not judge. */
function noteSaveShape(oldTitle: string, oldText: string, newTitle: string, newText: string): string {
  return [oldTitle === newTitle, oldText === newText, oldTitle.trim() === '', oldText.trim() === ''].join('|');
}

function reviewOf(p: ChildPrecheck): PrecheckReview {
  const review = PRACTICE.precheckReviews[precheckShape(p)];
  if (!review) throw new Error(`the fake has no Rust review for pre-check shape ${precheckShape(p)}`);
  return clone(review);
}

/** One row of the Rust error table. */
export type ErrorRow = { command: CommandName; kind: string; state: VaultState; request: unknown; code: ErrorCode; stateful: boolean };

export const PRACTICE = practiceJson as unknown as PracticeFixture;
/** What `case_log` answered for the practice case, and the problem it reported once a row was changed. */
const CASE_LOG = caseLogJson as unknown as { log: CaseLog; brokenProblem: CaseLog['problem'] };
/** What Rust's retention commands answered for the practice family (`codegen::retention_fixture`): the
 * start, the answers to `codegen::RETENTION_REQUESTS` keyed "<command>|<date>" with the overview after
 * each, and the overview after the case was deleted from the retention screen. */
export const RETENTION = retentionJson as unknown as {
  overview: RetentionOverview;
  practice: CaseRetention;
  /** A new case's (no date yet). */
  empty: CaseRetention;
  answers: Record<string, { answer: CaseRetention; overview: RetentionOverview }>;
  afterDelete: RetentionOverview;
};
export const ERROR_TABLE = errorTableJson as unknown as ErrorRow[];
const CONTENT = contentJson as unknown as ContentBundle;
const EMPTY = emptyJson as unknown as {
  case: Case;
  analysis: Analysis;
  plan: PlanEditor;
  meldcode: MeldcodeOverview;
  timeline: Timeline;
  summary: CaseSummary;
  melding: MeldingScreen;
};
const GUIDANCE = guidanceJson as unknown as { role: Role; year_of_birth: number | null; guidance: PersonGuidance }[];
const STRENGTHS = strengthsJson as unknown as { passphrase: string; strength: Strength }[];
const WITHOUT_VAULT = commandsJson.withoutVault as readonly string[];
/** Rust's display settings on a new machine, and its next zoom level from each level ("200|in"). */
const DISPLAY = displayJson as unknown as { initial: DisplayView; zoom: Record<string, number> };
const NIL = '00000000-0000-0000-0000-000000000000';
/** What Rust answered in practice mode (`codegen::practice_mode_fixture`): the first-run family and the
 * commands practice mode refuses. */
const PRACTICE_MODE = practiceModeJson as unknown as {
  opened: PracticeOpened;
  household: HouseholdView;
  cases: CaseSummary[];
  refused: string[];
  /** The practice families as Rust lists them, and each one's household once added to the practice vault. */
  families: PracticeCaseSummary[];
  added: Record<string, HouseholdView>;
};
/** What Rust answered to the training commands (`codegen::training_fixture`). */
const TRAINING = trainingJson as unknown as {
  exported: Record<string, { saved: true } | { error: ErrorCode }>;
  imported: TrainingImported; again: TrainingImported; refused: TrainingImported; comparedTwo: Comparison };
/** What Rust answered to the backup commands for the practice family (`codegen::backup_fixture`). */
const BACKUP = backupJson as unknown as {
  before: VaultHealth;
  made: BackupMade;
  progress: BackupProgress[];
  check: VaultCheck;
  restored: BackupRestored;
};

/** What Rust answered when the practice family was handed over to a second vault (`codegen::handover_fixture`). */
export const HANDOVER = handoverJson as unknown as {
  passphrase: string;
  exported: HandoverExported;
  chosen: HandoverChosen;
  preview: HandoverPreview;
  imported: HandoverImported;
};

/** What Rust answered for the practice family's report to Veilig Thuis (`codegen::melding_fixture`):
 * the draft as it opens, after the editor saved `draft`, and after it was reported. The fake composes
 * nothing: it answers only that draft. */
export const MELDING = meldingJson as unknown as {
  draft: MeldingDraft;
  initial: MeldingScreen;
  saved: MeldingScreen;
  reported: MeldingScreen;
  /** What Rust refused `melding_report` with before the draft was kept, and for a new, empty case. */
  refused: ErrorCode;
  refusedEmpty: ErrorCode;
};

/** Rust's relation proposals per household shape (`codegen::proposal_shape`), each with the recorded
 * relations after which Rust leaves it out (`codegen::relation_key`), and who a behaviour record starts
 * with in a conversation alone with each practice person. */
const PROPOSALS = proposalsJson as unknown as {
  relations: Record<string, { from: number; to: number; kind: RelationKind; reason: ProposalReason; left_out_by: string[] }[]>;
  behaviourPrefills: Record<string, BehaviourPrefill>;
};
const PROPOSAL_ROLES: Role[] = ['parent', 'partner', 'ex_partner', 'child'];

/** What Rust's `search` answered, keyed "<case id or *>|<query>" (`codegen::search_key`). */
export const SEARCHES = searchJson as unknown as Record<string, SearchResults>;

/** Rust's `codegen::proposals_by_shape`: the fake looks up, maps positions to its persons and leaves out
 * a proposal when a recorded relation has one of its `left_out_by` keys (a Rust test proves this gives
 * what `propose_relations` gives). */
function proposalsOf(list: Person[], recorded: Relation[]): RelationProposal[] {
  const order: string[] = [];
  const key = PROPOSAL_ROLES.map((role) => {
    const ofRole = list.filter((p) => p.role === role);
    order.push(...ofRole.map((p) => p.id));
    return `${role}:${ofRole.map((p) => (p.lives_in_household ? '1' : '0')).join('')}`;
  }).join('|');
  const keys = new Set(recorded.map((r) => `${order.indexOf(r.from)}>${order.indexOf(r.to)}:${r.kind.kind}`));
  // Larger households than the table holds get no proposals in the fake.
  return (PROPOSALS.relations[key] ?? [])
    .filter((p) => !p.left_out_by.some((k) => keys.has(k)))
    .map((p) => ({ relation: { from: order[p.from]!, to: order[p.to]!, kind: clone(p.kind) }, reason: p.reason }));
}

/** Rust's default visibility of a conversation by how many of each role take part
 * (`codegen::visibility_key`), with the persons it names as positions in that key's order. */
const VISIBILITY = visibilityJson as unknown as {
  roles: Role[];
  byRoles: Record<string, { kind: string; persons?: number[] }>;
};

/** Rust's `codegen::default_visibility_by_roles`: looked up, positions mapped to the participants, named
 * in the order they take part (a Rust test proves this gives what `conversation_open` gives). */
function defaultVisibilityOf(who: Person[]): Confidentiality {
  const order = VISIBILITY.roles.flatMap((role) => who.filter((p) => p.role === role));
  const key = VISIBILITY.roles.map((role) => who.filter((p) => p.role === role).length).join(',');
  const row = VISIBILITY.byRoles[key];
  if (!row) throw new Error(`the fake has no Rust default visibility for participants ${key}`);
  if (!row.persons) return clone(row) as Confidentiality;
  const named = row.persons.map((i) => order[i]!.id);
  return { ...clone(row), persons: who.map((p) => p.id).filter((id) => named.includes(id)) } as Confidentiality;
}

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
  /** What the folder dialog answers: a folder (default) or cancel. */
  folderDialog?: 'choose' | 'cancel';
  /** What the save and open-file dialogs answer: a file (default) or cancel. */
  fileDialog?: 'choose' | 'cancel';
};

export interface FakeBackend extends Backend {
  readonly kind: 'fake';
  /** Test hook: lock as the Rust side would (idle timer, suspend) and emit `vault-locked`. */
  simulateLock(reason: LockReason): void;
  /** Test hook: how often `activity` was called. */
  readonly activityCount: number;
  /** Test hook: every command called, in order (names only, never arguments). */
  readonly calls: readonly string[];
  /** Stores the practice family (Oefencasus) as the Rust fixture has it. Returns the case id. */
  practiceCaseCreate(): Promise<string>;
  /** Test hook: the analysis `analysis_get` returns for a case. */
  setAnalysis(caseId: string, analysis: Analysis): void;
  /** Test hook: the timeline `timeline_get` returns for a case (e.g. `PRACTICE.timelineEvaluated`). */
  setTimeline(caseId: string, timeline: Timeline): void;
  /** Test hook: what `cases_list` shows of a case beyond its name (a row Rust produced, e.g. `PRACTICE.summaryEvaluated`). */
  setCaseMarker(caseId: string, row: CaseSummary): void;
  /** Test hook: the checks `plan_check` and `plan_save` return for a case. */
  setPlanChecks(caseId: string, checks: PlanChecks): void;
  /** Test hook: `case_log` reports the problem Rust found in a changed log. */
  breakAccessLog(): void;
  /** Test hook: store a plan editor Rust produced (e.g. `PRACTICE.workedPlan`) as the case's plan. */
  storePlan(editor: PlanEditor): void;
  /** Test hook: make the next `answer_save` calls fail (autosave error state). */
  failAnswerSaves: boolean;
  /** Test hook: what the folder dialog answers from now on. */
  folderDialog: 'choose' | 'cancel';
  /** Test hook: what the next participant-file import finds (Rust's answers in `training.json`): the
   * three groups' files, a truncated file, or a cancelled picker. */
  nextImport: 'good' | 'refused' | 'cancel';
  /** Test hook: files "dropped" on the window (the next import from a drop reads the good ones). */
  simulateDrop(): void;
  /** Test hook: what the save and open-file dialogs answer from now on. */
  fileDialog: 'choose' | 'cancel';
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function randomId(): string {
  const b = new Uint8Array(16);
  globalThis.crypto.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function randomRecoveryKey(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTVWXYZ0123456789';
  const bytes = new Uint8Array(40);
  globalThis.crypto.getRandomValues(bytes);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{5}/g)!.join('-');
}

function fail(code: ErrorCode): never {
  throw new BackendError(code, ERROR_MESSAGES.nl[code]);
}

function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sorted(x)]));
  }
  return v;
}

/** A copy of `value` with every occurrence of the id `from` replaced by `to`. */
function withId<T>(value: T, from: string, to: string): T {
  return JSON.parse(JSON.stringify(value).split(from).join(to)) as T;
}

const NOW = `${PRACTICE.today}T10:00:00Z`;

/** The error table by command and state, each request in one canonical text (built once). */
const REFUSALS = new Map<string, Map<string, ErrorCode>>();
for (const row of ERROR_TABLE) {
  // A refusal that depends on stored data (no pre-check yet) is the fake's own store check.
  if (row.stateful) continue;
  const key = `${row.command}|${row.state}`;
  if (!REFUSALS.has(key)) REFUSALS.set(key, new Map());
  REFUSALS.get(key)!.set(JSON.stringify(sorted(row.request)), row.code);
}

export function createFakeBackend(options: FakeOptions = {}): FakeBackend {
  let state: VaultState = options.state ?? 'missing';
  let passphrase = options.passphrase ?? (state === 'missing' ? '' : 'paarse olifant danst op het dak');
  let recoveryKey = options.recoveryKey ?? (state === 'missing' ? '' : randomRecoveryKey());
  let settings: Settings = { autoLockMinutes: 5, language: 'nl', ...options.settings };
  let display: DisplayView = clone(DISPLAY.initial);
  const cases = new Map<string, Case>();
  const persons = new Map<string, Person>();
  const relations = new Map<string, Relation>();
  const conversations = new Map<string, Conversation>();
  const answers = new Map<string, Answer>();
  const records = new Map<string, BehaviourRecord>();
  const trashed = new Set<string>();
  const prechecks = new Map<string, ChildPrecheck>();
  const analyses = new Map<string, Analysis>();
  const timelines = new Map<string, Timeline>();
  const markers = new Map<string, Pick<CaseSummary, 'red_flag' | 'next_evaluation' | 'tags'>>();
  const checks = new Map<string, PlanChecks>();
  const meldcode = new Map<string, MeldcodeEntry>();
  const plans = new Map<string, SafetyPlan>();
  /** Per case: the translation languages of the plan editor Rust produced (`storePlan`). */
  const planLanguages = new Map<string, PlanEditor['languages']>();
  const readers = new Map<string, ItemReaders>();
  const versions = new Map<string, PlanVersion[]>();
  const notes = new Map<string, Note>();
  const noteVersions = new Map<string, NoteVersion[]>();
  const corrections = new Map<string, Correction>();
  const retentions = new Map<string, CaseRetention>();
  let retentionOverview: RetentionOverview = clone(RETENTION.overview);
  const listeners = new Set<(payload: VaultLocked) => void>();
  const dropListeners = new Set<() => void>();
  let droppedFiles = false;
  const progressListeners = new Set<(payload: BackupProgress) => void>();
  let damaged = options.damaged ?? false;
  let health: VaultHealth = clone(BACKUP.before);
  /** The stores as they were at the last backup (the fake's "USB disk"), and its passphrase. */
  let backupCopy: { stores: unknown[]; passphrase: string } | null = null;
  const stores = (): Map<string, unknown>[] =>
    [cases, persons, relations, conversations, answers, records, prechecks, meldcode, plans, versions, notes, noteVersions, corrections, retentions] as Map<string, unknown>[];
  /** Practice mode: the real vault's stores and state, kept aside while the practice vault is open. */
  let practice = false;
  let realVault: { stores: unknown[]; state: VaultState } | null = null;
  const calls: string[] = [];
  let activityCount = 0;
  let logBroken = false;
  let idleHandle: ReturnType<typeof setTimeout> | undefined;
  for (const r of [...PRACTICE.plan.readers, ...Object.values(PRACTICE.newItems).flatMap((e) => e.readers)]) readers.set(r.item, r);

  const isPractice = (caseId: string) => caseId === PRACTICE.snapshot.household.case.id;
  const markerOf = (caseId: string): Pick<CaseSummary, 'red_flag' | 'next_evaluation' | 'tags'> => {
    const row = markers.get(caseId) ?? (isPractice(caseId) ? PRACTICE.summary : EMPTY.summary);
    return { red_flag: row.red_flag, next_evaluation: row.next_evaluation, tags: clone(row.tags) };
  };

  function deleteCase(caseId: string): void {
    found(cases, caseId);
    cases.delete(caseId);
    retentions.delete(caseId);
    for (const map of [persons, relations, conversations, records, meldcode, corrections] as Map<string, { case_id: string }>[]) {
      for (const [id, v] of map) if (v.case_id === caseId) map.delete(id);
    }
  }

  /** A case's date as Rust gave it; a case the fake made gets what Rust answered for a new case. */
  function retentionOf(caseId: string): CaseRetention {
    const c = found(cases, caseId);
    const stored = retentions.get(caseId);
    if (stored) return clone(stored);
    if (isPractice(caseId)) return clone(RETENTION.practice);
    const empty = withId(clone(RETENTION.empty), RETENTION.empty.case.caseId, caseId);
    return { ...empty, case: { ...empty.case, label: c.label, status: c.status } };
  }

  /** Rust's answer to a retention request it was asked in `codegen::retention_fixture`; no other. */
  function retentionAnswer(command: 'retention_set' | 'retention_extend', caseId: string, until: string): CaseRetention {
    found(cases, caseId);
    const known = isPractice(caseId) ? RETENTION.answers[`${command}|${until}`] : undefined;
    if (!known) throw new Error(`the fake has no Rust answer for ${command} to ${until}`);
    retentions.set(caseId, clone(known.answer));
    retentionOverview = clone(known.overview);
    const c = cases.get(caseId)!;
    c.retention_until = known.answer.case.retentionUntil;
    return clone(known.answer);
  }

  function armIdleTimer(): void {
    if (!options.idleTimer) return;
    if (idleHandle !== undefined) clearTimeout(idleHandle);
    idleHandle = setTimeout(() => lockNow('idle'), settings.autoLockMinutes * 60_000);
  }

  /** Back from the practice vault to the real one's stores (as Rust: every lock ends practice mode). */
  function leavePractice(): void {
    if (!practice || !realVault) return;
    stores().forEach((m, i) => {
      m.clear();
      for (const [k, v] of realVault!.stores[i] as [string, unknown][]) m.set(k, v);
    });
    trashed.clear();
    state = realVault.state === 'missing' ? 'missing' : 'unlocked';
    practice = false;
    realVault = null;
  }

  function lockNow(reason: LockReason): void {
    if (idleHandle !== undefined) clearTimeout(idleHandle);
    idleHandle = undefined;
    const wasUnlocked = state === 'unlocked';
    leavePractice();
    if (state !== 'missing') state = 'locked';
    if (wasUnlocked) for (const listener of [...listeners]) listener({ reason });
  }

  function unlockNow(): void {
    state = 'unlocked';
    armIdleTimer();
  }

  function strengthOf(candidate: string): Strength {
    return (STRENGTHS.find((s) => s.passphrase === candidate) ?? STRENGTHS.find((s) => s.passphrase === ''))!.strength;
  }

  function requireAccepted(candidate: string): void {
    if (!strengthOf(candidate).acceptable) fail('passphrase_too_weak');
  }

  function found<T>(map: Map<string, T>, id: string): T {
    const value = map.get(id);
    if (value === undefined) fail('not_found');
    return value;
  }

  function inCase<T extends { case_id: string }>(map: Map<string, T>, id: string, caseId: string): T {
    const value = found(map, id);
    if (value.case_id !== caseId) fail('not_in_case');
    return value;
  }

  function touch(caseId: string): void {
    const c = cases.get(caseId);
    if (c) c.updated_at = new Date().toISOString();
  }

  /** A stored pre-check that Rust's review passes. */
  function passedCheck(childId: string): boolean {
    const stored = prechecks.get(childId);
    return stored !== undefined && reviewOf(stored).passed;
  }

  function guidanceOf(p: Person): PersonGuidance {
    const row =
      GUIDANCE.find((g) => g.role === p.role && g.year_of_birth === p.year_of_birth) ??
      GUIDANCE.find((g) => g.role === p.role && g.year_of_birth === null)!;
    // Rust computed the row for a person with the nil id (the reader, who may see what they say).
    const guidance = withId(row.guidance, NIL, p.id);
    return { ...guidance, person: p.id, precheck_passed: row.guidance.precheck_required && passedCheck(p.id) };
  }

  function householdOf(caseId: string): HouseholdView {
    const list = [...persons.values()].filter((p) => p.case_id === caseId);
    const recorded = [...relations.values()].filter((r) => r.case_id === caseId);
    return clone({
      case: found(cases, caseId),
      persons: list,
      relations: recorded,
      guidance: list.map(guidanceOf),
      proposals: proposalsOf(list, recorded),
      today: PRACTICE.today,
    });
  }

  function analysisOf(caseId: string): Analysis {
    const stored = analyses.get(caseId);
    if (stored) return stored;
    return isPractice(caseId) ? clone(PRACTICE.analysis) : withId(EMPTY.analysis, NIL, caseId);
  }

  function editorOf(plan: SafetyPlan): PlanEditor {
    const metas = (Object.entries(plan) as [string, unknown][])
      .filter(([, v]) => Array.isArray(v))
      .flatMap(([, v]) => (v as { id?: string }[]).map((i) => i.id).filter((id): id is string => typeof id === 'string'));
    const limit = PRACTICE.plan.plan.worries.length;
    const full = plan.worries.length >= limit ? PRACTICE.plan.addable : EMPTY.plan.addable;
    // The translation languages are Rust's answer: for a stored editor (`storePlan`) its own, else the
    // practice family's (its persons read Dutch).
    return clone({
      plan,
      readers: metas.map((id) => readers.get(id)).filter((r): r is ItemReaders => r !== undefined),
      addable: full,
      languages: planLanguages.get(plan.case_id) ?? PRACTICE.plan.languages,
    });
  }

  function planOf(caseId: string): SafetyPlan {
    const stored = plans.get(caseId);
    if (stored) return clone(stored);
    return isPractice(caseId) ? clone(PRACTICE.plan.plan) : withId(EMPTY.plan.plan, NIL, caseId);
  }

  /** Rust's checks of the example agreement (PRACTICE.checksExample) when the plan holds it, else as stored. */
  function checksFor(plan: SafetyPlan): PlanChecks {
    const example = PRACTICE.checksExample;
    const holds = plan.agreements.some((i) => i.id === example.item && i.content.what === example.text);
    return isPractice(plan.case_id) && holds && !checks.has(plan.case_id) ? clone(example.checks) : checksOf(plan.case_id);
  }

  function checksOf(caseId: string): PlanChecks {
    return clone(checks.get(caseId) ?? (isPractice(caseId) ? PRACTICE.checks : EMPTY_CHECKS));
  }

  function freeze(caseId: string): PlanVersion {
    const list = versions.get(caseId) ?? [];
    const version: PlanVersion = { number: list.length + 1, frozen_at: new Date().toISOString(), plan: planOf(caseId) };
    versions.set(caseId, [...list, version]);
    return version;
  }

  function meldcodeOf(caseId: string): MeldcodeOverview {
    if (!isPractice(caseId)) return clone(EMPTY.meldcode);
    // Replays what Rust answered after the same single answer; the stored entry takes the place of
    // the generator's own. With no answer (or one Rust was not asked about) the base status.
    const newest = [...meldcode.values()].filter((e) => e.case_id === caseId && e.question_id !== null).at(-1);
    const after = newest ? PRACTICE.meldcodeAfter[`${newest.question_id}=${newest.answer}`] : undefined;
    if (!newest || !after) return clone(PRACTICE.meldcode);
    const overview = clone(after);
    for (const q of overview.questions) if (q.question_id === newest.question_id) q.latest = clone(newest);
    return overview;
  }

  let handoverChosen = false;
  let handoverImported = false;
  /** How far the practice family's report got: as it opens, saved, reported. */
  let meldingStage: 'initial' | 'saved' | 'reported' = 'initial';
  function meldingOf(caseId: string): MeldingScreen {
    found(cases, caseId);
    return isPractice(caseId) ? clone(MELDING[meldingStage]) : withId(EMPTY.melding, NIL, caseId);
  }
  /** The fixture's draft, whatever ids and times the editor's copy carries (keys compared in order:
   * the fixture file has them sorted). */
  function isFixtureDraft(d: MeldingDraft): boolean {
    const sorted = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sorted)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sorted(x)]))
          : v;
    const strip = (x: MeldingDraft) => JSON.stringify(sorted([x.choices, x.own.map((o) => ({ ...o, id: '' })), x.request]));
    return strip(d) === strip(MELDING.draft);
  }
  type Handlers = { [C in CommandName]: (request: Commands[C]['request']) => Commands[C]['response'] };

  const handlers: Handlers = {
    vault_status: () => ({ state, autoLockMinutes: settings.autoLockMinutes, practice }),
    // Practice mode: the real stores are kept aside, the practice vault holds the first-run family Rust
    // stored; locking or leaving puts the real stores back.
    practice_open: () => {
      if (!practice) {
        realVault = { stores: stores().map((m) => [...m.entries()]), state };
        stores().forEach((m) => m.clear());
        trashed.clear();
        const h = PRACTICE_MODE.household;
        cases.set(h.case.id, clone(h.case));
        for (const p of h.persons) persons.set(p.id, clone(p));
        for (const r of h.relations) relations.set(r.id, clone(r));
        practice = true;
        unlockNow();
        return clone(PRACTICE_MODE.opened);
      }
      return { caseId: null };
    },
    practice_close: () => {
      if (practice) lockNow('manual');
    },
    practice_cases_list: () => clone(PRACTICE_MODE.families),
    // As in Rust: only in practice mode; the household Rust stored for that family, under fresh ids.
    practice_case_add: (r) => {
      if (!practice) fail('practice_only');
      const h = PRACTICE_MODE.added[r.practice_case_id];
      if (!h) fail('not_found');
      const ids = new Map<string, string>();
      const fresh = (id: string) => ids.get(id) ?? (ids.set(id, randomId()), ids.get(id)!);
      const c = { ...clone(h.case), id: fresh(h.case.id) };
      cases.set(c.id, c);
      for (const p of h.persons) persons.set(fresh(p.id), { ...clone(p), id: fresh(p.id), case_id: c.id });
      for (const x of h.relations) relations.set(fresh(x.id), { ...clone(x), id: fresh(x.id), case_id: c.id, from: fresh(x.from), to: fresh(x.to) });
      return clone(c);
    },
    // Training: Rust's answers for the first-run family's work ("Groep A") with groups B and C
    // (`codegen::training_fixture`). A participant file is saved as Rust would; the trainer's import
    // finds the three files, a truncated one, or nothing, as the test hook says.
    practice_work_export: (r) => {
      if (!cases.has(r.case_id)) fail('not_found');
      if (!practice) fail('practice_only');
      // What Rust answered for this group name (`codegen::TRAINING_GROUPS`); the fake knows no others.
      const answer = TRAINING.exported[r.group];
      if (!answer) fail('internal');
      if ('error' in answer) fail(answer.error);
      return { saved: true };
    },
    training_import: (r) => {
      if (!practice) fail('practice_only');
      const from = r.from === 'dropped' && !droppedFiles ? 'cancel' : fake.nextImport;
      droppedFiles = false;
      fake.nextImport = 'good';
      // The three files again on top of them: Rust refuses each as a group already on the screen.
      if (from === 'good' && r.works.length > 0) return clone({ ...TRAINING.again, works: r.works });
      if (from === 'refused') return clone({ ...TRAINING.refused, works: r.works, comparison: r.works.length ? TRAINING.refused.comparison : null });
      if (from === 'cancel') return { works: clone(r.works), comparison: r.works.length ? clone(TRAINING.imported.comparison) : null, refused: [], cancelled: true };
      return clone(TRAINING.imported);
    },
    training_compare: (r) => {
      if (!practice) fail('practice_only');
      if (r.works.length === 0) return null;
      return clone(r.works.length === 2 ? TRAINING.comparedTwo : TRAINING.imported.comparison);
    },
    role_cards_export: (r) => {
      if (!PRACTICE_MODE.families.some((f) => f.id === r.practice_case_id)) fail('not_found');
      return { saved: true };
    },
    passphrase_strength: (r) => clone(strengthOf(r.passphrase)),
    vault_create: (r) => {
      if (state !== 'missing') fail('vault_exists');
      requireAccepted(r.passphrase);
      passphrase = r.passphrase;
      recoveryKey = randomRecoveryKey();
      unlockNow();
      return { recoveryKey };
    },
    vault_unlock: (r) => {
      if (state === 'missing') fail('vault_missing');
      if (damaged) fail('vault_damaged');
      if (r.passphrase !== passphrase) fail('wrong_passphrase');
      if (state !== 'unlocked') unlockNow();
    },
    vault_recover: (r) => {
      if (state === 'missing') fail('vault_missing');
      requireAccepted(r.new_passphrase);
      if (r.recovery_key.replace(/[\s-]/g, '').toUpperCase() !== recoveryKey.replace(/-/g, '')) fail('wrong_recovery_key');
      passphrase = r.new_passphrase;
      unlockNow();
    },
    vault_lock: () => lockNow('manual'),
    vault_change_passphrase: (r) => {
      if (r.old_passphrase !== passphrase) fail('wrong_passphrase');
      requireAccepted(r.new_passphrase);
      passphrase = r.new_passphrase;
    },
    activity: () => {
      activityCount += 1;
      armIdleTimer();
    },
    // What Rust answered for a vault on a Linux install; whether the vault is there is the fake's own state.
    about_get: () => ({ ...clone(aboutJson as About), vaultExists: state !== 'missing' }),
    display_get: () => clone(display),
    display_set: (r) => {
      display = { ...clone(display), display: clone(r.display) };
      return clone(display);
    },
    display_zoom: (r) => {
      const next = DISPLAY.zoom[`${display.display.zoomPercent}|${r.step}`];
      if (next === undefined) fail('out_of_range');
      display = { ...clone(display), display: { ...display.display, zoomPercent: next } };
      return clone(display);
    },
    vault_health: () => clone(health),
    backup_reminder_set: (r) => {
      health = { ...health, reminderDays: r.days };
      return clone(health);
    },
    backup_make: () => {
      if (fake.folderDialog === 'cancel') return { made: false, folderName: null, location: null, health: clone(health) };
      for (const p of BACKUP.progress) for (const l of progressListeners) l(clone(p));
      backupCopy = { stores: stores().map((m) => clone([...m.entries()])), passphrase };
      health = { ...clone(BACKUP.made.health), reminderDays: health.reminderDays, warnings: health.warnings };
      return { ...clone(BACKUP.made), health: clone(health) };
    },
    backup_cancel: () => {},
    backup_restore: (r) => {
      if (fake.folderDialog === 'cancel') return { restored: false, setAside: null };
      if (!backupCopy) fail('backup_not_found');
      if (r.passphrase !== backupCopy.passphrase) fail('wrong_passphrase');
      // As in Rust: an open vault is closed without a lock event; the restored one takes its place.
      const hadVault = state !== 'missing';
      stores().forEach((m, i) => {
        m.clear();
        for (const [k, v] of clone(backupCopy!.stores[i] as [string, unknown][])) m.set(k, v);
      });
      trashed.clear();
      passphrase = backupCopy.passphrase;
      damaged = false;
      unlockNow();
      return { restored: true, setAside: hadVault ? BACKUP.restored.setAside : null };
    },
    vault_check: () => clone(BACKUP.check),
    vault_set_aside: (r) => {
      if (state === 'unlocked') fail('vault_not_damaged');
      if (state === 'missing') fail('vault_missing');
      if (r.passphrase !== passphrase) fail('wrong_passphrase');
      if (!damaged) fail('vault_not_damaged');
      state = 'missing';
      damaged = false;
      return { folder: BACKUP.restored.setAside! };
    },
    settings_get: () => clone(settings),
    settings_set: (r) => {
      settings = clone(r.settings);
      armIdleTimer();
      return clone(settings);
    },

    cases_list: () =>
      [...cases.values()].map((c) => ({
        id: c.id,
        label: c.label,
        status: c.status,
        phase: c.phase,
        updated_at: c.updated_at,
        person_count: [...persons.values()].filter((p) => p.case_id === c.id).length,
        // Like the analysis: the practice family's marker as Rust computed it, Rust's empty-case marker
        // for a case the fake made, whatever is added to it.
        ...markerOf(c.id),
      })),
    case_create: (r) => {
      const now = new Date().toISOString();
      const c: Case = { ...clone(EMPTY.case), id: randomId(), label: r.label.trim(), created_at: now, updated_at: now };
      cases.set(c.id, c);
      return clone(c);
    },
    case_rename: (r) => {
      const c = found(cases, r.case_id);
      c.label = r.label.trim();
      touch(c.id);
      return clone(c);
    },
    case_delete: (r) => deleteCase(r.case_id),
    case_set_phase: (r) => {
      const c = found(cases, r.case_id);
      c.phase = r.phase;
      touch(c.id);
      return clone(c);
    },
    // Stores the status the command sets; `closed` is the archived status.
    case_set_archived: (r) => {
      const c = found(cases, r.case_id);
      c.status = r.archived ? 'closed' : 'open';
      touch(c.id);
      return clone(c);
    },
    case_open: (r) => householdOf(r.case_id),
    household_get: (r) => householdOf(r.case_id),
    person_add: (r) => {
      found(cases, r.case_id);
      const p: Person = { id: randomId(), case_id: r.case_id, ...clone(r.input), name: r.input.name.trim() };
      persons.set(p.id, p);
      touch(r.case_id);
      return clone(p);
    },
    person_update: (r) => {
      const old = inCase(persons, r.person_id, r.case_id);
      const p: Person = { ...old, ...clone(r.input), name: r.input.name.trim() };
      persons.set(p.id, p);
      touch(r.case_id);
      return clone(p);
    },
    person_delete: (r) => {
      inCase(persons, r.person_id, r.case_id);
      persons.delete(r.person_id);
      for (const [id, rel] of relations) if (rel.from === r.person_id || rel.to === r.person_id) relations.delete(id);
      touch(r.case_id);
    },
    relation_add: (r) => {
      inCase(persons, r.input.from, r.case_id);
      inCase(persons, r.input.to, r.case_id);
      const rel: Relation = { id: randomId(), case_id: r.case_id, ...clone(r.input) };
      relations.set(rel.id, rel);
      touch(r.case_id);
      return clone(rel);
    },
    relation_delete: (r) => {
      inCase(relations, r.relation_id, r.case_id);
      relations.delete(r.relation_id);
      touch(r.case_id);
    },
    content_get: () => clone(CONTENT),

    conversations_list: (r) => {
      found(cases, r.case_id);
      return clone([...conversations.values()].filter((c) => c.case_id === r.case_id).sort((a, b) => a.started_at.localeCompare(b.started_at)));
    },
    joint_check: (r) => {
      // What Rust answered for this group of practice persons (no guard rail outside the practice case).
      if (!isPractice(r.case_id)) return null;
      const key = [...new Set(r.participants)].sort().join(',');
      return clone(PRACTICE.jointCheck[key] ?? null);
    },
    conversation_start: (r) => {
      found(cases, r.case_id);
      for (const p of r.participants) inCase(persons, p, r.case_id);
      const guide = CONTENT.guides.find((g) => g.id === r.guide_id);
      if (!guide) fail('unknown_guide');
      const joint = r.participants.length > 1;
      if (joint && !r.joint_reason?.trim()) fail('joint_reason_required');
      if (joint && handlers.joint_check({ case_id: r.case_id, participants: r.participants }) && !r.safety_justification?.trim()) {
        fail('joint_justification_required');
      }
      const only = r.participants.length === 1 ? persons.get(r.participants[0]!) : undefined;
      if (only && guidanceOf(only).precheck_required && !passedCheck(only.id)) fail('precheck_required');
      const c: Conversation = {
        id: randomId(),
        case_id: r.case_id,
        participants: [...r.participants],
        joint_reason: r.joint_reason?.trim() || null,
        safety_justification: r.safety_justification?.trim() || null,
        guide_id: guide.id,
        guide_version: guide.version,
        started_at: new Date().toISOString(),
        ended_at: null,
        notes: '',
      };
      conversations.set(c.id, c);
      touch(r.case_id);
      return clone(c);
    },
    conversation_open: (r) => {
      const c = inCase(conversations, r.conversation_id, r.case_id);
      const who = c.participants.map((p) => persons.get(p)).filter((p): p is Person => p !== undefined);
      const fixture = PRACTICE.conversations[c.id];
      const only = c.participants.length === 1 ? c.participants[0] : undefined;
      return clone({
        conversation: c,
        answers: [...answers.values()].filter((a) => a.conversation_id === c.id),
        records: [...records.values()].filter((x) => x.conversation_id === c.id && !trashed.has(x.id)),
        precheck: only ? (prechecks.get(only) ?? null) : null,
        // What Rust answered for this practice conversation; else what Rust gives these participants.
        default_confidentiality: fixture?.default_confidentiality ?? defaultVisibilityOf(who),
        // What Rust answered for this practice person alone; for the fake's own cases what it answers
        // without recorded couples: the speaker as source, nobody guessed.
        behaviour_prefill:
          fixture?.behaviour_prefill ??
          (only && isPractice(r.case_id) ? PROPOSALS.behaviourPrefills[only] : undefined) ?? { actors: [], targets: [], source: only ?? null },
        // Which statements belong in the room is Rust's rule (its participants' own, on this
        // conversation's items); the fake shows none here.
        corrections: [],
      });
    },
    conversation_end: (r) => {
      const c = inCase(conversations, r.conversation_id, r.case_id);
      c.notes = r.notes;
      c.ended_at = new Date().toISOString();
      return clone(c);
    },
    answer_save: (r) => {
      if (fake.failAnswerSaves) fail('internal');
      const c = inCase(conversations, r.conversation_id, r.case_id);
      if (c.participants.length !== 1) fail('joint_answer_source');
      const existing = [...answers.values()].find((a) => a.conversation_id === c.id && a.question_id === r.question_id);
      const a: Answer = {
        id: existing?.id ?? randomId(),
        conversation_id: c.id,
        question_id: r.question_id,
        source_person: c.participants[0]!,
        // As Rust's answer_save: no value keeps the saved one (none yet: words only); no words keep the saved words.
        value: clone(r.value ?? existing?.value ?? { type: 'unanswered' }),
        words: r.words ?? existing?.words ?? '',
        confidential: clone(r.confidential),
        updated_at: new Date().toISOString(),
      };
      answers.set(a.id, a);
      return clone(a);
    },
    precheck_review: (r) => {
      const child = inCase(persons, r.precheck.child_id, r.case_id);
      if (child.role !== 'child') fail('precheck_not_for_child');
      return reviewOf(r.precheck);
    },
    precheck_save: (r) => {
      inCase(persons, r.precheck.child_id, r.case_id);
      const saved = { ...clone(r.precheck), checked_at: new Date().toISOString() };
      prechecks.set(saved.child_id, saved);
      return clone(saved);
    },

    behaviours_list: (r) => clone([...records.values()].filter((x) => x.case_id === r.case_id && !trashed.has(x.id))),
    behaviours_trash_list: (r) => clone([...records.values()].filter((x) => x.case_id === r.case_id && trashed.has(x.id))),
    behaviour_save: (r) => {
      found(cases, r.record.case_id);
      if (r.record.id !== NIL) inCase(records, r.record.id, r.record.case_id);
      const saved: BehaviourRecord = { ...clone(r.record), id: r.record.id === NIL ? randomId() : r.record.id, updated_at: new Date().toISOString() };
      records.set(saved.id, saved);
      touch(saved.case_id);
      return clone(saved);
    },
    behaviour_trash: (r) => {
      inCase(records, r.record_id, r.case_id);
      trashed.add(r.record_id);
    },
    behaviour_restore: (r) => {
      inCase(records, r.record_id, r.case_id);
      trashed.delete(r.record_id);
    },

    analysis_get: (r) => {
      found(cases, r.case_id);
      return analysisOf(r.case_id);
    },
    judgement_save: (r) => {
      const analysis = analysisOf(r.case_id);
      const saved = { ...clone(r.judgement), id: r.judgement.id === NIL ? randomId() : r.judgement.id, case_id: r.case_id, decided_at: NOW };
      const review = analysis.reviews.find((x) => x.key === saved.conclusion_key);
      if (review) {
        review.judgement = saved;
        review.status = PRACTICE.judged[saved.conclusion_key]?.[saved.verdict.verdict] ?? saved.verdict.verdict;
        review.judgements_count += 1;
      }
      analyses.set(r.case_id, analysis);
      return clone(analysis);
    },
    acute_decision_save: (r) => {
      const analysis = analysisOf(r.case_id);
      const saved = { ...clone(r.decision), id: r.decision.id === NIL ? randomId() : r.decision.id, case_id: r.case_id, decided_at: NOW };
      analysis.acute = { ...clone(isPractice(r.case_id) ? PRACTICE.acuteDecided : analysis.acute), decision: saved };
      analyses.set(r.case_id, analysis);
      return clone(analysis);
    },

    // Like the analysis: the practice family's timeline as Rust drew it; a case the fake made gets
    // Rust's empty timeline, whatever is added to it.
    timeline_get: (r) => {
      found(cases, r.case_id);
      const set = timelines.get(r.case_id);
      if (set) return clone(set);
      return isPractice(r.case_id) ? clone(PRACTICE.timeline) : withId(EMPTY.timeline, NIL, r.case_id);
    },

    notes_list: (r) => {
      found(cases, r.case_id);
      const of = [...notes.values()].filter((n) => n.case_id === r.case_id);
      const newest = (a: Note, b: Note) => b.date.localeCompare(a.date) || b.created_at.localeCompare(a.created_at);
      return clone({ notes: of.filter((n) => !n.deleted_at).sort(newest), trash: of.filter((n) => n.deleted_at).sort(newest) });
    },
    note_create: (r) => {
      found(cases, r.case_id);
      if (r.input.person_id) inCase(persons, r.input.person_id, r.case_id);
      if (r.input.conversation_id) inCase(conversations, r.input.conversation_id, r.case_id);
      const now = new Date().toISOString();
      const note: Note = { ...clone(r.input), id: randomId(), case_id: r.case_id, created_at: now, updated_at: now, deleted_at: null };
      notes.set(note.id, note);
      touch(r.case_id);
      return clone(note);
    },
    note_save: (r) => {
      const old = inCase(notes, r.note_id, r.case_id);
      if (old.deleted_at) fail('not_found');
      if (r.input.person_id) inCase(persons, r.input.person_id, r.case_id);
      if (r.input.conversation_id) inCase(conversations, r.input.conversation_id, r.case_id);
      // Whether the state before the save is kept as a version is Rust's answer for the save's shape.
      const shape = noteSaveShape(old.title, old.text, r.input.title, r.input.text);
      const keeps = PRACTICE.noteKeepsVersion[shape];
      if (keeps === undefined) throw new Error(`the fake has no Rust answer for note-save shape ${shape}`);
      if (keeps) {
        const list = noteVersions.get(old.id) ?? [];
        list.push({ note_id: old.id, number: list.length + 1, title: old.title, text: old.text, saved_at: old.updated_at });
        noteVersions.set(old.id, list);
      }
      const saved: Note = { ...old, ...clone(r.input), updated_at: new Date().toISOString() };
      notes.set(saved.id, saved);
      touch(r.case_id);
      return clone(saved);
    },
    note_trash: (r) => {
      const note = inCase(notes, r.note_id, r.case_id);
      if (note.deleted_at) fail('not_found');
      note.deleted_at = new Date().toISOString();
    },
    note_restore: (r) => {
      const note = inCase(notes, r.note_id, r.case_id);
      if (!note.deleted_at) fail('not_found');
      note.deleted_at = null;
    },
    notes_trash_empty: (r) => {
      found(cases, r.case_id);
      const gone = [...notes.values()].filter((n) => n.case_id === r.case_id && n.deleted_at);
      for (const n of gone) {
        notes.delete(n.id);
        noteVersions.delete(n.id);
      }
      return gone.length;
    },
    note_versions: (r) => {
      inCase(notes, r.note_id, r.case_id);
      return clone([...(noteVersions.get(r.note_id) ?? [])].reverse());
    },
    // The practice case's log as Rust gave it; a case made in the fake has no rows recorded by Rust.
    case_log: (r) => {
      found(cases, r.case_id);
      const entries = r.case_id === PRACTICE.snapshot.household.case.id ? clone(CASE_LOG.log.entries) : [];
      return logBroken
        ? { entries, auditRows: null, problem: CASE_LOG.brokenProblem }
        : { entries, auditRows: CASE_LOG.log.auditRows, problem: null };
    },
    retention_overview: () => clone(retentionOverview),
    retention_years_set: (r) => {
      retentionOverview.years = r.years;
      return clone(retentionOverview);
    },
    retention_get: (r) => retentionOf(r.case_id),
    retention_set: (r) => retentionAnswer('retention_set', r.case_id, r.until),
    retention_extend: (r) => retentionAnswer('retention_extend', r.case_id, r.until),
    // Only a case Rust listed as due; the fake keeps the overview Rust gave after the last change.
    retention_delete: (r) => {
      found(cases, r.case_id);
      if (!retentionOverview.due.some((c) => c.caseId === r.case_id)) fail('retention_not_due');
      deleteCase(r.case_id);
      retentionOverview = isPractice(r.case_id)
        ? clone(RETENTION.afterDelete)
        : { ...retentionOverview, due: retentionOverview.due.filter((c) => c.caseId !== r.case_id) };
      return clone(retentionOverview);
    },
    corrections_list: (r) => {
      found(cases, r.case_id);
      return clone([...corrections.values()].filter((c) => c.case_id === r.case_id));
    },
    // Stored as sent (Rust checks the person, the item and the date; the error table is replayed above).
    correction_add: (r) => {
      found(cases, r.case_id);
      const c: Correction = { ...clone(r.input), id: randomId(), case_id: r.case_id, created_at: new Date().toISOString() };
      corrections.set(c.id, c);
      return clone(c);
    },
    search: (r) => {
      if (r.case_id) found(cases, r.case_id);
      return clone(SEARCHES[`${r.case_id ?? '*'}|${r.query}`] ?? { hits: [], more: false });
    },

    meldcode_list: (r) => clone([...meldcode.values()].filter((e) => e.case_id === r.case_id)),
    meldcode_save: (r) => {
      found(cases, r.entry.case_id);
      const saved = { ...clone(r.entry), id: r.entry.id === NIL ? randomId() : r.entry.id, recorded_at: new Date().toISOString() };
      meldcode.set(saved.id, saved);
      return clone(saved);
    },
    meldcode_status: (r) => {
      found(cases, r.case_id);
      return meldcodeOf(r.case_id);
    },

    plan_get: (r) => {
      found(cases, r.case_id);
      return editorOf(planOf(r.case_id));
    },
    plan_item_add: (r) => {
      const template = PRACTICE.newItems[r.section];
      const items = template.plan[r.section] as { id: string }[];
      const item = clone(items[items.length - 1]!);
      // The first new item of a section keeps the id Rust gave it (fixtures about it then apply).
      const taken = (r.plan[r.section] as { id: string }[]).some((i) => i.id === item.id);
      const id = taken ? randomId() : item.id;
      const tReaders = readers.get(item.id);
      if (tReaders) readers.set(id, { ...tReaders, item: id });
      const plan = clone(r.plan);
      (plan[r.section] as { id: string }[]).push({ ...item, id });
      return editorOf(plan);
    },
    plan_save: (r) => {
      found(cases, r.plan.case_id);
      const saved = { ...clone(r.plan), updated_at: new Date().toISOString() };
      plans.set(saved.case_id, saved);
      touch(saved.case_id);
      return { ...editorOf(clone(saved)), checks: checksFor(saved) };
    },
    plan_check: (r) => checksFor(r.plan),
    plan_preview: (r) => {
      found(cases, r.case_id);
      return { pages: [placeholderPage(r.audience.kind)] };
    },
    plan_freeze: (r) => clone(freeze(r.case_id)),
    plan_versions: (r) => clone(versions.get(r.case_id) ?? []),
    plan_export_pdf: (r) => {
      found(cases, r.case_id);
      return { saved: true, version: freeze(r.case_id).number };
    },
    // In a browser the page's own print dialog is the system one.
    print_page: () => window.print(),

    // The practice persons' access requests as Rust made them; another person has none in the fake.
    inzage_preview: (r) => {
      found(cases, r.case_id);
      const review = PRACTICE.inzage[r.person_id];
      if (!review) fail('not_found');
      return { review: clone(review), pages: [placeholderPage(review.view.person.name, 'Inzage')] };
    },
    inzage_export: (r) => {
      found(cases, r.case_id);
      if (!PRACTICE.inzage[r.person_id]) fail('not_found');
      return { saved: true };
    },

    // The report to Veilig Thuis: what Rust answered for the practice family (see MELDING).
    melding_get: (r) => meldingOf(r.case_id),
    melding_save: (r) => {
      meldingOf(r.draft.case_id);
      if (!isPractice(r.draft.case_id) || !isFixtureDraft(r.draft)) fail('internal');
      if (meldingStage === 'initial') meldingStage = 'saved';
      return meldingOf(r.draft.case_id);
    },
    melding_report: (r) => {
      meldingOf(r.case_id);
      if (!isPractice(r.case_id)) fail(MELDING.refusedEmpty);
      if (meldingStage === 'initial') fail(MELDING.refused);
      meldingStage = 'reported';
      return meldingOf(r.case_id);
    },
    melding_export: (r) => {
      const screen = meldingOf(r.case_id);
      if (r.version !== null && !screen.versions.some((v) => v.number === r.version)) fail('not_found');
      return { saved: fake.fileDialog !== 'cancel' };
    },

    // The handover file: what Rust answered for the practice family (the fake encrypts nothing and
    // keeps no file; a wrong passphrase is refused as Rust refuses it).
    handover_export: (r) => {
      found(cases, r.case_id);
      return { ...clone(HANDOVER.exported), saved: fake.fileDialog !== 'cancel' };
    },
    handover_choose: () => {
      handoverChosen = fake.fileDialog !== 'cancel';
      return handoverChosen ? clone(HANDOVER.chosen) : { chosen: false, file_name: null };
    },
    handover_preview: (r) => {
      if (!handoverChosen) fail('not_found');
      if (r.passphrase !== HANDOVER.passphrase) fail('handover_wrong_passphrase');
      if (handoverImported) fail('handover_already_imported');
      return clone(HANDOVER.preview);
    },
    handover_import: (r) => {
      if (!handoverChosen) fail('not_found');
      if (r.passphrase !== HANDOVER.passphrase) fail('handover_wrong_passphrase');
      if (handoverImported) fail('handover_already_imported');
      const now = new Date().toISOString();
      const c: Case = { ...clone(HANDOVER.imported.case), id: randomId(), created_at: now, updated_at: now };
      cases.set(c.id, c);
      handoverImported = true;
      handoverChosen = false;
      return { case: clone(c), counts: clone(HANDOVER.imported.counts) };
    },
  };

  async function send<C extends CommandName>(command: C, request: Commands[C]['request']): Promise<Commands[C]['response']> {
    calls.push(command);
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    else await Promise.resolve();
    const refusals = REFUSALS.get(`${command}|${state}`);
    const code = refusals?.get(JSON.stringify(sorted(request)));
    if (code) fail(code);
    if (state !== 'unlocked' && !WITHOUT_VAULT.includes(command)) fail('locked');
    if (practice && PRACTICE_MODE.refused.includes(command)) fail('practice_mode');
    return handlers[command](request);
  }

  const fake: FakeBackend = {
    ...createClient(send),
    kind: 'fake',
    failAnswerSaves: false,
    nextImport: 'good',
    folderDialog: options.folderDialog ?? 'choose',
    fileDialog: options.fileDialog ?? 'choose',
    get activityCount() {
      return activityCount;
    },
    get calls() {
      return calls;
    },
    simulateLock: (reason) => lockNow(reason),
    setCaseMarker(caseId, row) {
      markers.set(caseId, { red_flag: row.red_flag, next_evaluation: row.next_evaluation, tags: clone(row.tags) });
    },
    setTimeline(caseId, timeline) {
      timelines.set(caseId, clone(timeline));
    },
    setAnalysis(caseId, analysis) {
      analyses.set(caseId, clone(analysis));
    },
    setPlanChecks(caseId, value) {
      checks.set(caseId, clone(value));
    },
    breakAccessLog() {
      logBroken = true;
    },
    storePlan(editor) {
      for (const r of editor.readers) readers.set(r.item, clone(r));
      plans.set(editor.plan.case_id, clone(editor.plan));
      planLanguages.set(editor.plan.case_id, clone(editor.languages));
    },
    async practiceCaseCreate() {
      calls.push('practice_case_create');
      await Promise.resolve();
      if (state !== 'unlocked') fail('locked');
      const s = PRACTICE.snapshot;
      const id = s.household.case.id;
      if (!cases.has(id)) {
        cases.set(id, clone(s.household.case));
        for (const p of s.household.persons) persons.set(p.id, clone(p));
        for (const r of s.household.relations) relations.set(r.id, clone(r));
        for (const c of s.conversations) conversations.set(c.id, clone(c));
        for (const a of s.answers) answers.set(a.id, clone(a));
        for (const r of s.records) records.set(r.id, clone(r));
        for (const p of s.prechecks) prechecks.set(p.child_id, clone(p));
        for (const n of [...PRACTICE.notes.notes, ...PRACTICE.notes.trash]) notes.set(n.id, clone(n));
        for (const [id, list] of Object.entries(PRACTICE.noteVersions)) noteVersions.set(id, clone([...list].reverse()));
      }
      return id;
    },
    async onVaultLocked(handler): Promise<Unsubscribe> {
      listeners.add(handler);
      return () => {
        listeners.delete(handler);
      };
    },
    async onBackupProgress(handler): Promise<Unsubscribe> {
      progressListeners.add(handler);
      return () => {
        progressListeners.delete(handler);
      };
    },
    async onFilesDropped(handler): Promise<Unsubscribe> {
      dropListeners.add(handler);
      return () => {
        dropListeners.delete(handler);
      };
    },
    simulateDrop(): void {
      droppedFiles = true;
      for (const listener of [...dropListeners]) listener();
    },
  };

  if (state === 'unlocked') armIdleTimer();
  return fake;
}

const EMPTY_CHECKS: PlanChecks = { blaming: [], contact: [], mediation: [] };

/** A placeholder page, clearly drawn as a practice preview (the real backend renders the PDF pages). */
function placeholderPage(reader: string, what = 'Veiligheidsplan'): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="595" height="842" viewBox="0 0 595 842">` +
    `<rect width="595" height="842" fill="#fff" stroke="#888"/>` +
    `<text x="40" y="70" font-family="sans-serif" font-size="26">Voorbeeld (oefenversie)</text>` +
    `<text x="40" y="110" font-family="sans-serif" font-size="16">${what} — ${reader}</text></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

// The app's one piece of shared state: which screen is shown, the vault state,
// settings, and the case data currently held in memory.
//
// Invariant: case data (case list, household, anything derived) lives only here
// and in components below the case screens, and `clearCaseData()` drops all of it.
// Lock and quick hide clear first, flush the DOM synchronously, and only then
// ask the backend to lock: nothing of a case stays on screen while we wait.
// Results of calls that were started before a lock are thrown away (`epoch`).
import { flushSync, getContext, setContext } from 'svelte';
import type { AcuteDecision } from '../ipc/bindings/AcuteDecision';
import type { Analysis } from '../ipc/bindings/Analysis';
import type { AnswerValue } from '../ipc/bindings/AnswerValue';
import type { BehaviourRecord } from '../ipc/bindings/BehaviourRecord';
import type { ChildPrecheck } from '../ipc/bindings/ChildPrecheck';
import type { PrecheckReview } from '../ipc/bindings/PrecheckReview';
import type { Confidentiality } from '../ipc/bindings/Confidentiality';
import type { Conversation } from '../ipc/bindings/Conversation';
import type { GuardRail } from '../ipc/bindings/GuardRail';
import type { Judgement } from '../ipc/bindings/Judgement';
import type { MeldcodeEntry } from '../ipc/bindings/MeldcodeEntry';
import type { Phase } from '../ipc/bindings/Phase';
import type { Answer } from '../ipc/bindings/Answer';
import type { DisplayView } from '../ipc/bindings/DisplayView';
import type { ZoomStep } from '../ipc/bindings/ZoomStep';
import type { Audience } from '../ipc/bindings/Audience';
import type { PlanChecks } from '../ipc/bindings/PlanChecks';
import type { PlanVersion } from '../ipc/bindings/PlanVersion';
import type { SafetyPlan } from '../ipc/bindings/SafetyPlan';
import type { ItemReaders } from '../ipc/bindings/ItemReaders';
import type { MeldcodeOverview } from '../ipc/bindings/MeldcodeOverview';
import type { Section } from '../ipc/bindings/Section';
import type { PlanLanguage } from '../ipc/bindings/PlanLanguage';
import type { CaseNote as Note } from '../ipc/bindings/CaseNote';
import type { NoteInput } from '../ipc/bindings/NoteInput';
import type { NoteVersion } from '../ipc/bindings/NoteVersion';
import type { SearchResults } from '../ipc/bindings/SearchResults';
import type { CaseLog } from '../ipc/bindings/CaseLog';
import type { InzagePreview } from '../ipc/bindings/InzagePreview';
import type { InzageExported } from '../ipc/bindings/InzageExported';
import type { MeldingDraft } from '../ipc/bindings/MeldingDraft';
import type { MeldingExported } from '../ipc/bindings/MeldingExported';
import type { MeldingFormat } from '../ipc/bindings/MeldingFormat';
import type { MeldingScreen } from '../ipc/bindings/MeldingScreen';
import type { SearchHit } from '../ipc/bindings/SearchHit';
import type { Correction } from '../ipc/bindings/Correction';
import type { CorrectionInput } from '../ipc/bindings/CorrectionInput';
import type { RetentionOverview } from '../ipc/bindings/RetentionOverview';
import type { CaseRetention } from '../ipc/bindings/CaseRetention';
import type { ImportFrom } from '../ipc/bindings/ImportFrom';
import type { ParticipantWork } from '../ipc/bindings/ParticipantWork';
import type { TrainingImported } from '../ipc/bindings/TrainingImported';
import type { Comparison } from '../ipc/bindings/Comparison';
import type {
  Backend,
  Case,
  CaseSummary,
  ContentBundle,
  ConversationDetail,
  HouseholdView,
  Language,
  LockReason,
  Person,
  PersonInput,
  PlanExported,
  Relation,
  RelationInput,
  Settings,
  Unsubscribe,
  VaultHealth,
  VaultState,
} from '../ipc';
import { toBackendError } from '../ipc/errors';
import { setLanguage, t, type MessageKey } from '../i18n/index.svelte';
import { createThrottle } from './throttle';

export type View =
  | { name: 'loading' }
  | { name: 'startError' }
  | { name: 'setup' }
  | { name: 'unlock' }
  | { name: 'recover' }
  /** Restore a backup (from the unlock screen or the setup wizard); `damaged`: the vault would not open. */
  | { name: 'restore'; damaged: boolean }
  | { name: 'cases' }
  /** Bewaartermijnen: the cases whose retention date has passed or comes soon (Rust decides which). */
  | { name: 'retention' }
  /** Practice mode: the trainer's comparison of participants' work with a practice family's reference. */
  | { name: 'trainer' }
  | { name: 'case'; caseId: string }
  /** Conversation mode: full window, only this conversation's answers and records in memory. */
  | { name: 'conversation'; caseId: string; conversationId: string }
  | { name: 'hidden' };

export type Theme = 'system' | 'light' | 'dark' | 'contrast';

/** Thrown instead of returning data that arrived after a lock or hide. */
export class StaleResultError extends Error {
  constructor() {
    super('stale');
    this.name = 'StaleResultError';
  }
}

export function isStale(error: unknown): error is StaleResultError {
  return error instanceof StaleResultError;
}

export const ACTIVITY_INTERVAL_MS = 20_000;

export class Session {
  view = $state<View>({ name: 'loading' });
  vault = $state<VaultState>('missing');
  /** Practice mode (`OEFENMODUS`): the open vault is the practice vault with fictional families (Rust says so). */
  practice = $state(false);
  settings = $state<Settings>({ autoLockMinutes: 5, language: 'nl' });
  theme = $state<Theme>('system');
  settingsOpen = $state(false);
  backupOpen = $state(false);
  aboutOpen = $state(false);
  /** What the unlock found and whether a backup is due (holds nothing of a case). */
  health = $state<VaultHealth | null>(null);
  /** Text of the aria-live status line. Never holds case text. */
  status = $state('');
  /** Why the vault was locked, shown once on the unlock screen. */
  lockNotice = $state('');

  // --- case data: cleared on every lock and hide ---
  /** Replaced whole at every change, never edited in place: raw state, so a 1,000-case list costs no
   *  proxy and signal per case and field. */
  cases = $state.raw<CaseSummary[]>([]);
  household = $state<HouseholdView | null>(null);
  conversations = $state.raw<Conversation[]>([]);
  /** Raw as well: the records and the analysis are replaced whole by each answer of the backend, and a
   *  deep proxy over hundreds of records slowed every view that reads them. */
  records = $state.raw<BehaviourRecord[]>([]);
  trash = $state.raw<BehaviourRecord[]>([]);
  analysis = $state.raw<Analysis | null>(null);
  meldcodeEntries = $state<MeldcodeEntry[]>([]);
  meldcodeStatus = $state<MeldcodeOverview | null>(null);
  /** The safety plan being edited (stored or freshly prefilled), its checks, versions and preview pages. */
  plan = $state<SafetyPlan | null>(null);
  planChecks = $state<PlanChecks | null>(null);
  /** Per plan item: the persons its visibility may name and whether "everyone" may be chosen (from Rust). */
  planReaders = $state<ItemReaders[]>([]);
  /** Sections that take another item. */
  planAddable = $state<Section[]>([]);
  /** The languages an item's translation may be entered in (Rust: the readers' languages besides Dutch). */
  planLanguages = $state<PlanLanguage[]>([]);
  planVersions = $state<PlanVersion[]>([]);
  planPages = $state<string[]>([]);
  /** The notes of the open case, and its note trash (newest date first, as Rust orders them). */
  notes = $state.raw<Note[]>([]);
  notesTrash = $state.raw<Note[]>([]);
  /** Persons' corrections and objections in the open case (shown beside the record or note). */
  corrections = $state.raw<Correction[]>([]);
  /** The note to select when the Notities tab opens (a search hit); an id only. */
  noteToOpen = $state<string | null>(null);
  /** The search dialog (Ctrl+K) is open. Its query and results live in the dialog and go with it. */
  searchOpen = $state(false);
  /** The open conversation (conversation mode only). */
  conversation = $state<ConversationDetail | null>(null);
  /** The selected tab of the open case. A case opens on the neutral Gezin tab. */
  caseTab = $state('household');
  /**
   * The conversation that was open when the vault locked by itself (idle, suspend): ids only, never
   * text. Unlocking goes straight back to it; quick hide and a manual lock forget it.
   */
  /** Where the focus goes when a case screen has loaded. */
  focusOnOpen: 'heading' | 'start' = 'heading';
  private resumeConversation: { caseId: string; conversationId: string } | null = null;

  /** Static content (guides, catalogue, cards, Meldcode model): no case data, loaded once, never edited
   *  (raw: no proxy over the whole catalogue for every lookup). */
  content = $state.raw<ContentBundle | null>(null);

  readonly backend: Backend;
  private epoch = 0;
  private unsubscribe: Unsubscribe | null = null;
  private readonly activityThrottle = createThrottle(() => {
    this.backend.activity().catch(() => {
      // Activity is best effort; the backend's idle timer decides.
    });
  }, ACTIVITY_INTERVAL_MS);

  constructor(backend: Backend) {
    this.backend = backend;
  }

  // ---------- life cycle ----------

  async start(): Promise<void> {
    this.unsubscribe = await this.backend.onVaultLocked(({ reason }) => this.onLocked(reason));
    await this.loadDisplay();
    await this.loadSettings();
    await this.refreshVault();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  async refreshVault(): Promise<void> {
    try {
      const status = await this.backend.vaultStatus();
      this.vault = status.state;
      this.practice = status.practice;
      this.settings.autoLockMinutes = status.autoLockMinutes;
      if (status.state === 'missing') this.view = { name: 'setup' };
      else if (status.state === 'locked') this.view = { name: 'unlock' };
      else {
        await this.loadHealth();
        await this.enterCases();
      }
    } catch {
      this.view = { name: 'startError' };
    }
  }

  /** How large the app is drawn (zoom and text size); kept outside the vault, so also while locked. */
  display = $state<DisplayView | null>(null);

  private async loadDisplay(): Promise<void> {
    try {
      this.applyDisplay(await this.backend.displayGet());
    } catch {
      // Without the saved choice the app is drawn at its normal size.
    }
  }

  private applyDisplay(view: DisplayView): void {
    this.display = view;
    const scale = view.display.textPercent / 100;
    if (scale === 1) document.documentElement.style.removeProperty('--text-scale');
    else document.documentElement.style.setProperty('--text-scale', String(scale));
  }

  /** Ctrl +, Ctrl − and Ctrl 0: the backend chooses the next level, draws the window and keeps it. */
  async zoom(step: ZoomStep): Promise<void> {
    try {
      const view = await this.backend.displayZoom({ step });
      this.applyDisplay(view);
      this.status = t('status.zoom', { percent: view.display.zoomPercent });
    } catch {
      this.status = t('status.zoomFailed');
    }
  }

  /** The text size from the settings, kept with the zoom. */
  async setTextSize(percent: number): Promise<void> {
    const current = this.display?.display ?? { zoomPercent: 100, textPercent: 100 };
    this.applyDisplay(await this.backend.displaySet({ display: { ...current, textPercent: percent } }));
  }

  async loadHealth(): Promise<void> {
    try {
      this.health = await this.guarded(() => this.backend.vaultHealth());
    } catch {
      this.health = null;
    }
  }

  /** A backup took the place of the vault: forget everything shown and start from the restored vault. */
  async restored(): Promise<void> {
    this.resumeConversation = null;
    this.clearCaseData();
    await this.unlocked();
  }

  private async loadSettings(): Promise<void> {
    try {
      this.applySettings(await this.backend.settingsGet());
    } catch {
      // Settings may need an open vault; keep the defaults until unlock.
    }
  }

  private applySettings(settings: Settings): void {
    this.settings = settings;
    setLanguage(settings.language);
  }

  // ---------- status line ----------

  announce(key: MessageKey): void {
    this.status = t(key);
  }

  // ---------- lock, hide, unlock ----------

  /** Drops every piece of case data held by the UI. */
  clearCaseData(): void {
    this.epoch += 1;
    this.cases = [];
    this.household = null;
    this.dropCaseDetails();
    this.conversation = null;
    this.settingsOpen = false;
    this.backupOpen = false;
    this.aboutOpen = false;
    this.searchOpen = false;
    this.health = null;
    this.status = '';
  }

  /** Drops what was said and concluded in a case (records, analysis, log); keeps the household. */
  private dropCaseDetails(): void {
    this.conversations = [];
    this.records = [];
    this.trash = [];
    this.analysis = null;
    this.meldcodeEntries = [];
    this.meldcodeStatus = null;
    this.plan = null;
    this.planChecks = null;
    this.planReaders = [];
    this.planAddable = [];
    this.planLanguages = [];
    this.planVersions = [];
    this.planPages = [];
    this.notes = [];
    this.notesTrash = [];
    this.corrections = [];
    this.noteToOpen = null;
  }

  /** Quick hide: neutral screen first (synchronously), then lock. */
  hide(): void {
    this.resumeConversation = null;
    this.clearCaseData();
    this.lockNotice = '';
    this.view = { name: 'hidden' };
    flushSync();
    this.lockBackend();
  }

  /**
   * Practice mode: Rust closes the open vault and opens the practice vault (made the first time, with one
   * practice family, which opens at once). Nothing of the real vault stays on screen.
   */
  async openPractice(): Promise<void> {
    this.resumeConversation = null;
    this.clearCaseData();
    try {
      const opened = await this.backend.practiceOpen();
      this.epoch += 1;
      this.practice = true;
      this.vault = 'unlocked';
      this.lockNotice = '';
      await this.loadSettings();
      await this.enterCases();
      if (opened.caseId) this.openCase(opened.caseId);
      this.announce('status.practiceOpened');
    } catch (error) {
      this.status = toBackendError(error).message;
      await this.refreshVault();
    }
  }

  /** Adds a practice family to the practice vault (Rust refuses it anywhere else) and shows it in the list. */
  async addPracticeFamily(id: string): Promise<void> {
    await this.guarded(() => this.backend.practiceCaseAdd({ practice_case_id: id }));
    await this.refreshCases();
    this.announce('status.practiceFamilyAdded');
  }

  /** Saves a participant's work on a practice family as one file for the trainer (Rust refuses it outside
   * practice mode, and for a case not made from a practice family). */
  async exportPracticeWork(caseId: string, group: string): Promise<boolean> {
    const done = await this.guarded(() => this.backend.practiceWorkExport({ case_id: caseId, group }));
    this.announce(done.saved ? 'status.workSaved' : 'status.workCancelled');
    return done.saved;
  }

  /** Shows the trainer's screen (practice mode): participants' files beside a family's reference. */
  enterTrainer(): void {
    this.household = null;
    this.dropCaseDetails();
    this.conversation = null;
    this.view = { name: 'trainer' };
  }

  /** The trainer imports participant files (picker or dropped on the window) beside `works`. */
  async trainingImport(from: ImportFrom, works: ParticipantWork[]): Promise<TrainingImported> {
    return this.guarded(() => this.backend.trainingImport({ from, works }));
  }

  /** The comparison of the works left on the trainer's screen. */
  async trainingCompare(works: ParticipantWork[]): Promise<Comparison | null> {
    return this.guarded(() => this.backend.trainingCompare({ works }));
  }

  /** Saves a practice family's role cards as a PDF where the user chooses (fictional text only). */
  async saveRoleCards(id: string): Promise<void> {
    const done = await this.guarded(() => this.backend.roleCardsExport({ practice_case_id: id }));
    this.announce(done.saved ? 'status.roleCardsSaved' : 'status.roleCardsCancelled');
  }

  /** Leaves practice mode: the practice vault closes and the real vault's first screen follows. */
  async closePractice(): Promise<void> {
    this.resumeConversation = null;
    this.clearCaseData();
    try {
      await this.backend.practiceClose();
    } finally {
      await this.refreshVault();
      this.announce('status.practiceClosed');
    }
  }

  /** Lock: unlock screen first (synchronously), then lock. */
  lock(): void {
    this.resumeConversation = null;
    this.clearCaseData();
    this.lockNotice = '';
    if (this.vault === 'unlocked') this.vault = 'locked';
    this.view = { name: this.vault === 'missing' ? 'setup' : 'unlock' };
    flushSync();
    this.announce('status.locked');
    if (this.practice) {
      // Locking ends practice mode: the real vault's screen (unlock, or set-up when there is none) follows.
      this.practice = false;
      void this.backend.vaultLock().finally(() => this.refreshVault());
      return;
    }
    this.lockBackend();
  }

  private lockBackend(): void {
    this.backend.vaultLock().catch(() => {
      // Leaving the neutral or unlock screen checks the state and locks again.
    });
  }

  /** The backend locked by itself (idle, suspend) or confirms our lock. */
  onLocked(reason: LockReason): void {
    if (this.practice) {
      // Every lock ends practice mode; nothing of the practice vault is resumed in the real one.
      this.practice = false;
      this.resumeConversation = null;
      this.clearCaseData();
      if (this.view.name !== 'hidden') void this.refreshVault();
      return;
    }
    if ((reason === 'idle' || reason === 'suspend') && this.view.name === 'conversation') {
      this.resumeConversation = { caseId: this.view.caseId, conversationId: this.view.conversationId };
    }
    this.clearCaseData();
    if (this.vault === 'unlocked') this.vault = 'locked';
    if (this.view.name === 'hidden') {
      flushSync();
      return;
    }
    if (this.view.name !== 'recover') this.view = { name: 'unlock' };
    this.lockNotice =
      reason === 'idle' ? t('status.lockedIdle') : reason === 'suspend' ? t('status.lockedSuspend') : '';
    flushSync();
    this.announce('status.locked');
  }

  /** From the neutral screen back to the unlock screen; makes sure the vault is locked. */
  async leaveHidden(): Promise<void> {
    try {
      let status = await this.backend.vaultStatus();
      if (status.state === 'unlocked') {
        await this.backend.vaultLock();
        status = await this.backend.vaultStatus();
      }
      if (status.state === 'unlocked') return; // could not lock: stay neutral
      this.vault = status.state;
      this.view = { name: status.state === 'missing' ? 'setup' : 'unlock' };
    } catch {
      // Stay on the neutral screen; the user can try again.
    }
  }

  /** Called after a successful unlock, recovery or vault creation. */
  async unlocked(options: { stayInSetup?: boolean } = {}): Promise<void> {
    this.vault = 'unlocked';
    this.lockNotice = '';
    await this.loadSettings();
    await this.loadHealth();
    if (options.stayInSetup) return;
    const resume = this.resumeConversation;
    this.resumeConversation = null;
    if (resume && (await this.resume(resume))) {
      this.announce('status.resumed');
      return;
    }
    await this.enterCases();
    this.announce('status.unlocked');
  }

  /** Back into the conversation that was open at an automatic lock; false when that is not possible. */
  private async resume(target: { caseId: string; conversationId: string }): Promise<boolean> {
    try {
      const household = await this.guarded(() => this.backend.householdGet({ case_id: target.caseId }));
      this.openCase(target.caseId);
      this.household = household;
      await this.openConversation(target.conversationId);
      return this.view.name === 'conversation';
    } catch {
      return false;
    }
  }

  noteActivity(): void {
    if (this.vault === 'unlocked' && this.view.name !== 'hidden') this.activityThrottle.trigger();
  }

  // ---------- settings ----------

  async saveSettings(next: Settings): Promise<void> {
    const saved = await this.backend.settingsSet({ settings: next });
    this.applySettings(saved);
    this.announce('status.settingsSaved');
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    if (typeof document === 'undefined') return;
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }

  setLanguage(lang: Language): void {
    setLanguage(lang);
  }

  // ---------- guarded calls ----------

  /** Runs a backend call; its result is dropped if a lock or hide happened meanwhile. */
  private async guarded<T>(call: () => Promise<T>): Promise<T> {
    const epoch = this.epoch;
    try {
      const result = await call();
      if (epoch !== this.epoch) throw new StaleResultError();
      return result;
    } catch (error) {
      if (error instanceof StaleResultError || epoch !== this.epoch) throw new StaleResultError();
      throw toBackendError(error);
    }
  }

  // ---------- cases ----------

  /** Shows the case list, with the cases loaded first so the screen never flashes empty. */
  async enterCases(): Promise<void> {
    this.household = null;
    this.dropCaseDetails();
    this.conversation = null;
    const epoch = this.epoch;
    await this.refreshCases();
    if (epoch === this.epoch && this.vault === 'unlocked') this.view = { name: 'cases' };
  }

  async refreshCases(): Promise<void> {
    try {
      this.cases = await this.guarded(() => this.backend.casesList());
    } catch (error) {
      if (!isStale(error)) this.status = toBackendError(error).message;
    }
  }

  async createCase(label: string): Promise<Case> {
    const created = await this.guarded(() => this.backend.caseCreate({ label }));
    await this.refreshCases();
    this.announce('status.caseCreated');
    return created;
  }

  async renameCase(caseId: string, label: string): Promise<Case> {
    const renamed = await this.guarded(() => this.backend.caseRename({ case_id: caseId, label }));
    if (this.household?.case.id === caseId) this.household.case = renamed;
    await this.refreshCases();
    this.announce('status.caseRenamed');
    return renamed;
  }

  /** Archives a case (or takes it out of the archive); it stays in the vault. */
  async setArchived(caseId: string, archived: boolean): Promise<void> {
    await this.guarded(() => this.backend.caseSetArchived({ case_id: caseId, archived }));
    await this.refreshCases();
    this.announce(archived ? 'status.caseArchived' : 'status.caseUnarchived');
  }

  async deleteCase(caseId: string): Promise<void> {
    await this.guarded(() => this.backend.caseDelete({ case_id: caseId }));
    await this.refreshCases();
    this.announce('status.caseDeleted');
  }

  // ---------- retention ----------

  /** Shows the Bewaartermijnen screen; it loads its overview itself. */
  enterRetention(): void {
    this.household = null;
    this.dropCaseDetails();
    this.conversation = null;
    this.view = { name: 'retention' };
  }

  async retentionOverview(): Promise<RetentionOverview> {
    return this.guarded(() => this.backend.retentionOverview());
  }

  async setRetentionYears(years: number): Promise<RetentionOverview> {
    const overview = await this.guarded(() => this.backend.retentionYearsSet({ years }));
    this.announce('retention.yearsSaved');
    return overview;
  }

  /** Deletes a due case for good, after the professional confirmed it; the overview as it is now. */
  async retentionDelete(caseId: string): Promise<RetentionOverview> {
    const overview = await this.guarded(() => this.backend.retentionDelete({ case_id: caseId }));
    await this.refreshCases();
    this.announce('retention.deleted');
    return overview;
  }

  async retentionExtend(caseId: string, until: string, reason: string): Promise<CaseRetention> {
    const r = await this.guarded(() => this.backend.retentionExtend({ case_id: caseId, until, reason }));
    this.announce('retention.extended');
    return r;
  }

  async retentionGet(caseId: string): Promise<CaseRetention> {
    return this.guarded(() => this.backend.retentionGet({ case_id: caseId }));
  }

  async retentionSet(caseId: string, until: string, reason: string): Promise<CaseRetention> {
    const r = await this.guarded(() => this.backend.retentionSet({ case_id: caseId, until, reason }));
    if (this.household?.case.id === caseId) this.household.case.retention_until = r.case.retentionUntil;
    this.announce('retention.saved');
    return r;
  }

  // ---------- corrections ----------

  /** Keeps a person's correction or objection beside an item; the item itself does not change. */
  async addCorrection(caseId: string, input: CorrectionInput): Promise<Correction> {
    const added = await this.guarded(() => this.backend.correctionAdd({ case_id: caseId, input }));
    const open = this.conversation;
    if (this.view.name === 'conversation' && open) {
      // In conversation mode only what Rust gives this conversation (its participants' statements).
      const fresh = await this.guarded(() =>
        this.backend.conversationOpen({ case_id: caseId, conversation_id: open.conversation.id }),
      );
      if (this.conversation?.conversation.id === open.conversation.id) this.conversation.corrections = fresh.corrections;
    } else {
      const list = await this.guarded(() => this.backend.correctionsList({ case_id: caseId }));
      if (this.household?.case.id === caseId) this.corrections = list;
    }
    this.announce('corrections.saved');
    return added;
  }

  openCase(caseId: string, options: { focus?: 'heading' | 'start' } = {}): void {
    this.focusOnOpen = options.focus ?? 'heading';
    this.household = null;
    this.dropCaseDetails();
    this.conversation = null;
    this.caseTab = 'household';
    this.view = { name: 'case', caseId };
  }

  // ---------- notes ----------

  async loadNotes(caseId: string): Promise<void> {
    const view = await this.guarded(() => this.backend.notesList({ case_id: caseId }));
    if (this.household?.case.id !== caseId) return;
    this.notes = view.notes;
    this.notesTrash = view.trash;
  }

  async createNote(caseId: string, input: NoteInput): Promise<Note> {
    const note = await this.guarded(() => this.backend.noteCreate({ case_id: caseId, input }));
    await this.loadNotes(caseId);
    return note;
  }

  /** The autosave of the note editor. The list is updated in place, so the editor keeps its state. */
  async saveNote(caseId: string, noteId: string, input: NoteInput): Promise<Note> {
    const saved = await this.guarded(() => this.backend.noteSave({ case_id: caseId, note_id: noteId, input }));
    if (this.household?.case.id === caseId) this.notes = this.notes.map((n) => (n.id === noteId ? saved : n));
    return saved;
  }

  async trashNote(caseId: string, noteId: string): Promise<void> {
    await this.guarded(() => this.backend.noteTrash({ case_id: caseId, note_id: noteId }));
    await this.loadNotes(caseId);
    this.announce('notes.trashed');
  }

  async restoreNote(caseId: string, noteId: string): Promise<void> {
    await this.guarded(() => this.backend.noteRestore({ case_id: caseId, note_id: noteId }));
    await this.loadNotes(caseId);
    this.announce('notes.restored');
  }

  async emptyNotesTrash(caseId: string): Promise<number> {
    const deleted = await this.guarded(() => this.backend.notesTrashEmpty({ case_id: caseId }));
    await this.loadNotes(caseId);
    this.status = t('notes.trashEmptied', { count: deleted });
    return deleted;
  }

  async noteVersions(caseId: string, noteId: string): Promise<NoteVersion[]> {
    return this.guarded(() => this.backend.noteVersions({ case_id: caseId, note_id: noteId }));
  }

  // ---------- search ----------

  /** Search is offered on the case list and in a case, never in conversation mode (there nothing
   * another person said may come on screen). */
  get canSearch(): boolean {
    return this.vault === 'unlocked' && (this.view.name === 'cases' || this.view.name === 'case');
  }

  openSearch(): void {
    if (this.canSearch) this.searchOpen = true;
  }

  /** The access log of a case, checked whole by Rust. */
  async caseLog(caseId: string): Promise<CaseLog> {
    return this.guarded(() => this.backend.caseLog({ case_id: caseId }));
  }

  /** One person's access request for review on screen: nothing leaves the vault, nothing is logged. */
  async inzagePreview(caseId: string, personId: string): Promise<InzagePreview> {
    return this.guarded(() => this.backend.inzagePreview({ case_id: caseId, person_id: personId }));
  }

  /** Saves the access request as PDF and JSON where the user chooses (logged when saved). */
  async inzageExport(caseId: string, personId: string): Promise<InzageExported> {
    return this.guarded(() => this.backend.inzageExport({ case_id: caseId, person_id: personId }));
  }

  /** The report to Veilig Thuis as Rust composed it from the case and the stored draft. */
  async meldingGet(caseId: string): Promise<MeldingScreen> {
    return this.guarded(() => this.backend.meldingGet({ case_id: caseId }));
  }

  /** Keeps the professional's choices; Rust checks them and answers with the report recomposed. */
  async meldingSave(draft: MeldingDraft): Promise<MeldingScreen> {
    return this.guarded(() => this.backend.meldingSave({ draft: $state.snapshot(draft) as MeldingDraft }));
  }

  /** Records the report as made on `reportedOn` (frozen as a version; Meldcode step 5 in the log). */
  async meldingReport(caseId: string, reportedOn: string): Promise<MeldingScreen> {
    const screen = await this.guarded(() => this.backend.meldingReport({ case_id: caseId, reported_on: reportedOn }));
    // The Meldcode tab shows the decision to report that Rust recorded with it.
    const [entries, status] = await this.guarded(() =>
      Promise.all([this.backend.meldcodeList({ case_id: caseId }), this.backend.meldcodeStatus({ case_id: caseId })]),
    );
    if (this.view.name === 'case' && this.view.caseId === caseId) {
      this.meldcodeEntries = entries;
      this.meldcodeStatus = status;
    }
    return screen;
  }

  /** Saves the draft (what is included) or a version as PDF or text where the user chooses. */
  async meldingExport(caseId: string, version: number | null, format: MeldingFormat): Promise<MeldingExported> {
    return this.guarded(() => this.backend.meldingExport({ case_id: caseId, version, format }));
  }

  async search(query: string, caseId: string | null): Promise<SearchResults> {
    return this.guarded(() => this.backend.search({ query, case_id: caseId }));
  }

  /** Opens what a search hit points at: the case, on the tab that shows it (a note is selected). */
  openHit(hit: SearchHit): void {
    this.searchOpen = false;
    const tab: Record<SearchHit['kind'], string> = {
      note: 'notes',
      answer: 'conversations',
      behaviour_record: 'whodoeswhat',
      plan_item: 'plan',
      case: 'household',
    };
    // The same case stays loaded; another case opens anew.
    const here = this.view.name === 'case' && this.view.caseId === hit.case_id && this.household?.case.id === hit.case_id;
    if (!here) this.openCase(hit.case_id);
    this.caseTab = tab[hit.kind];
    this.noteToOpen = hit.kind === 'note' ? hit.item_id : null;
  }

  async ensureContent(): Promise<ContentBundle> {
    if (this.content) return this.content;
    const content = await this.guarded(() => this.backend.contentGet());
    this.content = content;
    return content;
  }

  /** Everything shown in the case tabs besides the household. */
  async loadCaseDetails(caseId: string): Promise<void> {
    const [conversations, records, trash, analysis, entries, status, corrections] = await this.guarded(() =>
      Promise.all([
        this.backend.conversationsList({ case_id: caseId }),
        this.backend.behavioursList({ case_id: caseId }),
        this.backend.behavioursTrashList({ case_id: caseId }),
        this.backend.analysisGet({ case_id: caseId }),
        this.backend.meldcodeList({ case_id: caseId }),
        this.backend.meldcodeStatus({ case_id: caseId }),
        this.backend.correctionsList({ case_id: caseId }),
      ]),
    );
    if (this.view.name !== 'case' || this.view.caseId !== caseId) return;
    this.corrections = corrections;
    this.conversations = conversations;
    this.records = records;
    this.trash = trash;
    this.analysis = analysis;
    this.meldcodeEntries = entries;
    this.meldcodeStatus = status;
  }

  async setPhase(phase: Phase): Promise<void> {
    const caseId = this.currentCaseId();
    const updated = await this.guarded(() => this.backend.caseSetPhase({ case_id: caseId, phase }));
    if (this.household?.case.id === caseId) this.household.case = updated;
    await this.refreshCases();
    this.announce('status.phaseSaved');
  }

  // ---------- conversations ----------

  async jointCheck(participants: string[]): Promise<GuardRail | null> {
    const caseId = this.currentCaseId();
    return this.guarded(() => this.backend.jointCheck({ case_id: caseId, participants: [...participants] }));
  }

  /** What the pre-check as filled in still lacks (Rust's rule); nothing is stored. */
  async reviewPrecheck(precheck: ChildPrecheck): Promise<PrecheckReview> {
    const caseId = this.currentCaseId();
    return this.guarded(() => this.backend.precheckReview({ case_id: caseId, precheck: $state.snapshot(precheck) }));
  }

  async savePrecheck(precheck: ChildPrecheck): Promise<ChildPrecheck> {
    const caseId = this.currentCaseId();
    const saved = await this.guarded(() => this.backend.precheckSave({ case_id: caseId, precheck: $state.snapshot(precheck) }));
    await this.loadHousehold(caseId);
    return saved;
  }

  async startConversation(
    participants: string[],
    guideId: string,
    jointReason: string | null,
    safetyJustification: string | null,
  ): Promise<Conversation> {
    const caseId = this.currentCaseId();
    const conversation = await this.guarded(() =>
      this.backend.conversationStart({
        case_id: caseId,
        participants: [...participants],
        guide_id: guideId,
        joint_reason: jointReason,
        safety_justification: safetyJustification,
      }),
    );
    return conversation;
  }

  /**
   * Enters conversation mode. Before anything of the conversation arrives, every other person's
   * records, the analysis and the log are dropped from memory (and so from the DOM).
   */
  async openConversation(conversationId: string): Promise<void> {
    const caseId = this.currentCaseId();
    this.dropCaseDetails();
    this.conversation = null;
    this.view = { name: 'conversation', caseId, conversationId };
    try {
      const detail = await this.guarded(() => this.backend.conversationOpen({ case_id: caseId, conversation_id: conversationId }));
      if (this.view.name === 'conversation' && this.view.conversationId === conversationId) {
        this.conversation = detail;
      }
    } catch (error) {
      if (isStale(error)) throw error;
      this.leaveConversation();
      this.status = toBackendError(error).message;
    }
  }

  /** Ends the conversation and goes back to the case (Gesprekken), reloading the case data. */
  async endConversation(notes: string): Promise<void> {
    if (this.view.name !== 'conversation') return;
    const { caseId, conversationId } = this.view;
    await this.guarded(() => this.backend.conversationEnd({ case_id: caseId, conversation_id: conversationId, notes }));
    this.leaveConversation();
    this.announce('status.conversationEnded');
  }

  /** Back to the case without ending (e.g. the conversation could not be opened). */
  leaveConversation(): void {
    if (this.view.name !== 'conversation') return;
    const caseId = this.view.caseId;
    this.conversation = null;
    this.caseTab = 'conversations';
    this.view = { name: 'case', caseId };
  }

  /**
   * Saves one answer. `value` null: only the person's words changed (the backend keeps the saved value);
   * `words` null: keep the saved words.
   */
  async saveAnswer(questionId: string, value: AnswerValue | null, words: string | null, confidential: Confidentiality): Promise<Answer> {
    if (this.view.name !== 'conversation') throw new StaleResultError();
    const { caseId, conversationId } = this.view;
    const saved = await this.guarded(() =>
      this.backend.answerSave({
        case_id: caseId,
        conversation_id: conversationId,
        question_id: questionId,
        value: value === null ? null : $state.snapshot(value),
        words,
        confidential: $state.snapshot(confidential),
      }),
    );
    const detail = this.conversation;
    if (detail && detail.conversation.id === conversationId) {
      const index = detail.answers.findIndex((a) => a.question_id === questionId);
      if (index >= 0) detail.answers[index] = saved;
      else detail.answers.push(saved);
    }
    return saved;
  }

  // ---------- behaviour records ----------

  private caseIdOfView(): string {
    if (this.view.name === 'case' || this.view.name === 'conversation') return this.view.caseId;
    throw new StaleResultError();
  }

  async saveBehaviour(record: BehaviourRecord): Promise<BehaviourRecord> {
    const caseId = this.caseIdOfView();
    const saved = await this.guarded(() => this.backend.behaviourSave({ record: $state.snapshot(record) }));
    if (this.view.name === 'conversation') {
      const detail = this.conversation;
      if (detail) {
        const index = detail.records.findIndex((r) => r.id === saved.id);
        if (index >= 0) detail.records[index] = saved;
        else detail.records.push(saved);
      }
    } else {
      await this.reloadRecords(caseId);
    }
    this.announce('status.behaviourSaved');
    return saved;
  }

  private async reloadRecords(caseId: string): Promise<void> {
    const [records, trash, analysis] = await this.guarded(() =>
      Promise.all([
        this.backend.behavioursList({ case_id: caseId }),
        this.backend.behavioursTrashList({ case_id: caseId }),
        this.backend.analysisGet({ case_id: caseId }),
      ]),
    );
    if (this.view.name !== 'case') return;
    this.records = records;
    this.trash = trash;
    this.analysis = analysis;
  }

  async trashBehaviour(recordId: string): Promise<void> {
    const caseId = this.caseIdOfView();
    await this.guarded(() => this.backend.behaviourTrash({ case_id: caseId, record_id: recordId }));
    if (this.view.name === 'conversation') {
      if (this.conversation) this.conversation.records = this.conversation.records.filter((r) => r.id !== recordId);
    } else {
      await this.reloadRecords(caseId);
    }
    this.announce('status.behaviourTrashed');
  }

  async restoreBehaviour(recordId: string): Promise<void> {
    const caseId = this.currentCaseId();
    await this.guarded(() => this.backend.behaviourRestore({ case_id: caseId, record_id: recordId }));
    await this.reloadRecords(caseId);
    this.announce('status.behaviourRestored');
  }

  // ---------- analysis ----------

  async saveJudgement(judgement: Judgement): Promise<void> {
    const caseId = this.currentCaseId();
    this.analysis = await this.guarded(() => this.backend.judgementSave({ case_id: caseId, judgement: $state.snapshot(judgement) }));
    this.announce('status.judgementSaved');
  }

  async saveAcuteDecision(decision: AcuteDecision): Promise<void> {
    const caseId = this.currentCaseId();
    this.analysis = await this.guarded(() => this.backend.acuteDecisionSave({ case_id: caseId, decision: $state.snapshot(decision) }));
    this.announce('status.acuteSaved');
  }

  // ---------- Meldcode ----------

  async saveMeldcode(entry: MeldcodeEntry): Promise<void> {
    const caseId = this.currentCaseId();
    await this.guarded(() => this.backend.meldcodeSave({ entry: $state.snapshot(entry) }));
    const [entries, status] = await this.guarded(() =>
      Promise.all([this.backend.meldcodeList({ case_id: caseId }), this.backend.meldcodeStatus({ case_id: caseId })]),
    );
    this.meldcodeEntries = entries;
    this.meldcodeStatus = status;
    this.announce('status.meldcodeSaved');
  }

  // ---------- safety plan ----------

  async loadPlan(caseId: string): Promise<void> {
    const [editor, versions] = await this.guarded(() =>
      Promise.all([this.backend.planGet({ case_id: caseId }), this.backend.planVersions({ case_id: caseId })]),
    );
    this.plan = editor.plan;
    this.planReaders = editor.readers;
    this.planAddable = editor.addable;
    this.planLanguages = editor.languages;
    this.planVersions = versions;
    this.planChecks = await this.guarded(() => this.backend.planCheck({ plan: editor.plan }));
  }

  /** Saves the plan as it is now. The edited plan stays in place (no jump while typing); checks update. */
  async savePlan(): Promise<void> {
    if (!this.plan) return;
    const plan = $state.snapshot(this.plan) as SafetyPlan;
    const saved = await this.guarded(() => this.backend.planSave({ plan }));
    this.planChecks = saved.checks;
    this.planReaders = saved.readers;
    this.planAddable = saved.addable;
    this.planLanguages = saved.languages;
  }

  async previewPlan(caseId: string, audience: Audience): Promise<void> {
    this.planPages = [];
    const preview = await this.guarded(() => this.backend.planPreview({ case_id: caseId, audience }));
    this.planPages = preview.pages;
  }

  async freezePlan(caseId: string): Promise<PlanVersion> {
    const version = await this.guarded(() => this.backend.planFreeze({ case_id: caseId }));
    this.planVersions = await this.guarded(() => this.backend.planVersions({ case_id: caseId }));
    return version;
  }

  /** Adds a new item to a section: Rust decides its first readers and whom it protects. */
  async addPlanItem(section: Section): Promise<void> {
    if (!this.plan) return;
    const plan = $state.snapshot(this.plan) as SafetyPlan;
    const editor = await this.guarded(() => this.backend.planItemAdd({ plan, section }));
    this.plan = editor.plan;
    this.planReaders = editor.readers;
    this.planAddable = editor.addable;
    this.planLanguages = editor.languages;
  }

  /** WebKitGTK ignores `window.print()` inside the app; the shell opens the print dialog instead. */
  async printPage(): Promise<void> {
    await this.guarded(() => this.backend.printPage());
  }

  async exportPlan(caseId: string, audience: Audience): Promise<PlanExported> {
    const result = await this.guarded(() => this.backend.planExportPdf({ case_id: caseId, audience }));
    this.planVersions = await this.guarded(() => this.backend.planVersions({ case_id: caseId }));
    return result;
  }

  /** Opens a case to work in it (Rust logs the opening once); refreshes use `loadHousehold`. */
  async openHousehold(caseId: string): Promise<void> {
    this.household = await this.guarded(() => this.backend.caseOpen({ case_id: caseId }));
  }

  async loadHousehold(caseId: string): Promise<void> {
    this.household = await this.guarded(() => this.backend.householdGet({ case_id: caseId }));
  }

  // ---------- household ----------

  private currentCaseId(): string {
    if (this.view.name !== 'case') throw new StaleResultError();
    return this.view.caseId;
  }

  async addPerson(input: PersonInput): Promise<Person> {
    const caseId = this.currentCaseId();
    const person = await this.guarded(() => this.backend.personAdd({ case_id: caseId, input }));
    await this.loadHousehold(caseId);
    await this.loadCaseDetails(caseId);
    this.announce('status.personAdded');
    return person;
  }

  async updatePerson(personId: string, input: PersonInput): Promise<Person> {
    const caseId = this.currentCaseId();
    const person = await this.guarded(() => this.backend.personUpdate({ case_id: caseId, person_id: personId, input }));
    await this.loadHousehold(caseId);
    await this.loadCaseDetails(caseId);
    this.announce('status.personUpdated');
    return person;
  }

  async deletePerson(personId: string): Promise<void> {
    const caseId = this.currentCaseId();
    await this.guarded(() => this.backend.personDelete({ case_id: caseId, person_id: personId }));
    await this.loadHousehold(caseId);
    await this.loadCaseDetails(caseId);
    this.announce('status.personDeleted');
  }

  async addRelation(input: RelationInput): Promise<Relation> {
    const caseId = this.currentCaseId();
    const relation = await this.guarded(() => this.backend.relationAdd({ case_id: caseId, input }));
    await this.loadHousehold(caseId);
    this.announce('status.relationAdded');
    return relation;
  }

  async deleteRelation(relationId: string): Promise<void> {
    const caseId = this.currentCaseId();
    await this.guarded(() => this.backend.relationDelete({ case_id: caseId, relation_id: relationId }));
    await this.loadHousehold(caseId);
    this.announce('status.relationDeleted');
  }
}

const KEY = Symbol('session');

export function setSession(session: Session): void {
  setContext(KEY, session);
}

export function getSession(): Session {
  const session = getContext<Session | undefined>(KEY);
  if (!session) throw new Error('Session context missing');
  return session;
}

//! The shapes commands answer with, where they are not a domain type as is. Each carries what the UI
//! needs to show, so the UI does not decide it (which guide fits a person, whether the pre-check comes
//! first, who may read a plan item, what is confidential by default).

use chrono::NaiveDate;
use domain::plan::checks::PlanChecks;
use domain::plan::editor::ItemReaders;
use domain::plan::{Audience, SafetyPlan, Section};
use domain::{
    Answer, BehaviourRecord, BlamingPhrase, Catalogue, ChildPrecheck, Conversation, Frequency, Guide, Household,
    IndicatorDef, MeldcodeModel, MeldcodeStatus, ProfileCard, RedFlagSet, Visibility,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VaultState {
    Missing,
    Locked,
    Unlocked,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VaultStatus {
    pub state: VaultState,
    pub auto_lock_minutes: u32,
    /// Practice mode (`OEFENMODUS`): the vault is the practice vault with fictional families.
    pub practice: bool,
}

/// Role cards were saved (`false`: the user cancelled the save dialog).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RoleCardsExported {
    pub saved: bool,
}

/// A participant's work was saved as a file (`false`: the user cancelled the save dialog).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WorkExported {
    pub saved: bool,
}

/// The event the window sends when files were dropped on it (no payload: the paths stay in Rust).
pub const FILES_DROPPED_EVENT: &str = "files-dropped";

/// Where the trainer's participant files come from: the file picker, or the files dropped on the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportFrom {
    Picker,
    Dropped,
}

/// A participant file the trainer's import refused, by its file name, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RefusedFile {
    pub file: String,
    pub problem: domain::exercise::ImportProblem,
}

/// What the trainer's screen holds after an import: the works (the new ones added, or, when any file was
/// refused or the picker cancelled, the works as they were) and their comparison with the reference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TrainingImported {
    pub works: Vec<domain::exercise::ParticipantWork>,
    pub comparison: Option<domain::exercise::Comparison>,
    pub refused: Vec<RefusedFile>,
    /// The picker was cancelled, or nothing had been dropped.
    pub cancelled: bool,
}

/// The practice vault is open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PracticeOpened {
    /// The practice family a new practice vault was given (to open it at once); `None` when the practice
    /// vault already held cases.
    pub case_id: Option<uuid::Uuid>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CreatedVault {
    /// Shown once; never stored by the app in plain text.
    pub recovery_key: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    Nl,
    En,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// Minutes of inactivity before the vault locks (1–30).
    pub auto_lock_minutes: u32,
    pub language: Language,
}

/// How large the app is drawn; kept outside the vault (it is needed before unlocking and holds
/// nothing of a case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Display {
    /// The zoom of the whole window, in percent (Ctrl +, Ctrl −, Ctrl 0).
    pub zoom_percent: u16,
    /// The size of the text, in percent of the normal size.
    pub text_percent: u16,
}

/// The display settings with the values the app offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DisplayView {
    pub display: Display,
    /// The zoom levels Ctrl + and Ctrl − step through, in percent.
    pub zoom_levels: Vec<u16>,
    /// The text sizes to choose from, in percent.
    pub text_sizes: Vec<u16>,
}

/// One press of Ctrl +, Ctrl − or Ctrl 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ZoomStep {
    In,
    Out,
    Reset,
}

/// Why the vault was locked; sent with the `vault-locked` event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LockReason {
    Idle,
    Manual,
    Hidden,
    Suspend,
}

/// The payload of the `vault-locked` event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VaultLocked {
    pub reason: LockReason,
}

/// Name of the event the UI listens to.
pub const LOCKED_EVENT: &str = "vault-locked";

/// The payload of the `backup-progress` event: pages of the database copied so far, of all pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupProgress {
    pub pages_done: u32,
    pub pages_total: u32,
}

/// Name of the event a running backup sends.
pub const BACKUP_PROGRESS_EVENT: &str = "backup-progress";

/// A frequency category and its yearly estimate (the midpoint the analysis counts with, §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FrequencyDef {
    pub frequency: Frequency,
    pub per_year: u32,
}

/// Static content for the UI, loaded once after unlock.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ContentBundle {
    pub guides: Vec<Guide>,
    pub catalogue: Catalogue,
    pub profile_cards: Vec<ProfileCard>,
    pub red_flags: RedFlagSet,
    pub indicators: Vec<IndicatorDef>,
    pub meldcode: MeldcodeModel,
    pub blaming_phrases: Vec<BlamingPhrase>,
    /// Every frequency category in the order to offer them, with its yearly estimate.
    pub frequencies: Vec<FrequencyDef>,
}

/// What fits one person: the guide, whether the child pre-check comes first, the default
/// confidentiality of what they tell, and the version of the plan they read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PersonGuidance {
    pub person: Uuid,
    /// The guide for a separate conversation; `None`: no guide fits (a child under 4 or without a year of birth).
    pub guide_id: Option<String>,
    /// A conversation alone with this person needs the child pre-check first.
    pub precheck_required: bool,
    /// A saved pre-check lets the conversation start.
    pub precheck_passed: bool,
    pub default_confidentiality: Visibility,
    pub reader: Audience,
}

/// What still stands in the way of a child's conversation, for a pre-check as the form holds it now
/// (nothing is stored). The form shows each issue; `passed` says whether the conversation may start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PrecheckReview {
    /// In a stable order; every issue blocks the start, `consult_expert_first` too (until the
    /// professional records that an expert was consulted).
    pub issues: Vec<domain::PrecheckIssue>,
    pub passed: bool,
}

/// A household with what fits each person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HouseholdView {
    #[serde(flatten)]
    pub household: Household,
    pub guidance: Vec<PersonGuidance>,
    /// The relations the roles suggest and that are not recorded yet (`domain::proposals`), each with
    /// its reason; nothing of it is stored until the professional accepts it (`relation_add`).
    pub proposals: Vec<domain::proposals::RelationProposal>,
    /// Today in the Netherlands (defaults for dates).
    pub today: NaiveDate,
}

/// Everything of one conversation, and nothing of any other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ConversationDetail {
    pub conversation: Conversation,
    pub answers: Vec<Answer>,
    pub records: Vec<BehaviourRecord>,
    pub precheck: Option<ChildPrecheck>,
    /// Who may see what is said here unless the professional chooses otherwise.
    pub default_confidentiality: Visibility,
    /// Who a new behaviour record starts with: the speaker as source and, with one adult, the other
    /// partner as actor and the speaker as target (`domain::proposals::behaviour_prefill`).
    pub behaviour_prefill: domain::proposals::BehaviourPrefill,
    /// Corrections and objections to this conversation's answers and records, by its participants only
    /// (what someone else said about them stays out of the room).
    pub corrections: Vec<domain::corrections::Correction>,
}

/// The plan to edit, with the readers' choices per item and the sections that take another item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanEditor {
    pub plan: SafetyPlan,
    pub readers: Vec<ItemReaders>,
    /// Sections where another item may be added.
    pub addable: Vec<Section>,
    /// The languages an item's translation may be entered in (`editor::translation_languages`): the
    /// readers' preferred languages other than Dutch, and those the plan already has translations in.
    pub languages: Vec<domain::PlanLanguage>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct PlanSaved {
    #[serde(flatten)]
    pub editor: PlanEditor,
    pub checks: PlanChecks,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlanPreview {
    /// `data:image/png;base64,…` per page; never written to disk.
    pub pages: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlanExported {
    /// False when the user cancelled the save dialog.
    pub saved: bool,
    pub version: Option<u32>,
}

/// One person's access request (`inzage`) for the professional's review before it is saved: what it
/// holds, how much was left out and of which kind (`review.withheld`, never part of the export), and the
/// PDF's pages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct InzagePreview {
    pub review: domain::inzage::InzageReview,
    /// `data:image/png;base64,…` per page; never written to disk.
    pub pages: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InzageExported {
    /// False when the user cancelled the save dialog.
    pub saved: bool,
}

/// The report to Veilig Thuis as it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MeldingScreen {
    /// Every statement the case gives, with whether it is included (what a child told in confidence is
    /// listed but left out until the professional includes it), and the professional's own statements.
    pub document: domain::melding::MeldingDocument,
    pub draft: domain::melding::MeldingDraft,
    /// What still stands in the way of reporting (empty: the report can be made).
    pub problems: Vec<domain::melding::MeldingProblem>,
    /// The reports made, oldest first, each as it was reported.
    pub versions: Vec<domain::melding::MeldingVersion>,
    /// The default day of a report made.
    pub today: NaiveDate,
}

/// How a report is saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MeldingFormat {
    Pdf,
    /// Plain text, to read out on the phone.
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MeldingExported {
    /// False when the user cancelled the save dialog.
    pub saved: bool,
}

/// The Meldcode status with today's date (the default date of a new entry).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MeldcodeOverview {
    #[serde(flatten)]
    pub status: MeldcodeStatus,
    pub today: NaiveDate,
}

/// Where the vault stands beyond locked/unlocked: what the unlock found (never a lock-out) and whether
/// a backup is due. Holds nothing of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VaultHealth {
    /// What the checks at unlock found: `audit_chain_broken`, `audit_log_cut`, `audit_log_rolled_back`,
    /// `audit_anchor_invalid`, `recovery_slot_damaged`, `disk_full`. Empty: nothing to look at.
    pub warnings: Vec<crate::ErrorCode>,
    /// When the last backup was made (from the access log).
    pub last_backup_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Whole days since the last backup, `None` when there was none.
    pub days_since_backup: Option<u32>,
    /// Remind: no backup yet, or the last one is older than `reminder_days`.
    pub backup_due: bool,
    /// After how many days the app reminds (1–90).
    pub reminder_days: u32,
    pub reminder_days_min: u32,
    pub reminder_days_max: u32,
}

/// A backup that was made, or not (the folder dialog was cancelled).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupMade {
    pub made: bool,
    /// The new folder's name inside the chosen folder (no case data: "Samen Kijken back-up …").
    pub folder_name: Option<String>,
    /// The chosen folder with the new one in it, to tell the user where it is.
    pub location: Option<String>,
    pub health: VaultHealth,
}

/// A backup that was restored, or not (the folder dialog was cancelled).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupRestored {
    pub restored: bool,
    /// Where the vault that was here before was put (renamed, never deleted), if there was one.
    pub set_aside: Option<String>,
}

/// The access log of one case: what was done when (ids and action names; never case text), and
/// whether the whole log checks out (its keyed chain and its head).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CaseLog {
    /// Oldest first.
    pub entries: Vec<CaseLogEntry>,
    /// The log is whole: its rows, or `None` with `problem`.
    pub audit_rows: Option<u32>,
    pub problem: Option<crate::ErrorCode>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CaseLogEntry {
    pub seq: i64,
    pub at: chrono::DateTime<chrono::Utc>,
    /// The action's name (`case_opened`, `answer_saved`, …); the UI words it.
    pub action: String,
    /// The row it was about (a person, an answer, a plan version), if any.
    pub subject_id: Option<uuid::Uuid>,
}

/// What the About dialog shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct About {
    /// The app's version (`0.1.0`).
    pub version: String,
    /// The app's licence, as an SPDX id (`EUPL-1.2`).
    pub licence: String,
    /// The folder that holds the vault on this laptop (whether or not a vault is there yet).
    pub vault_folder: String,
    pub vault_exists: bool,
    /// The file with the licences of the software the app is built from, where the installed package
    /// put it; `None` in a build from source.
    pub third_party_licences: Option<String>,
}

/// The checks on demand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VaultCheck {
    /// Every page's authentication code and SQLite's own integrity check are clean.
    pub integrity_ok: bool,
    /// The access log is whole: its rows, or `None` with `audit_problem`.
    pub audit_rows: Option<u32>,
    pub audit_problem: Option<crate::ErrorCode>,
}

/// A vault that could not be opened, moved aside.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetAside {
    /// The folder the vault's files are in now.
    pub folder: String,
}

/// The notes of a case: the live ones and the trash, newest date first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NotesView {
    pub notes: Vec<domain::notes::Note>,
    pub trash: Vec<domain::notes::Note>,
}

/// What a search found, best first; `more` when there were more than were returned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SearchResults {
    pub hits: Vec<domain::search::SearchHit>,
    pub more: bool,
}

/// One case on the retention screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RetentionCase {
    pub case_id: Uuid,
    pub label: String,
    pub status: domain::CaseStatus,
    pub retention_until: Option<NaiveDate>,
    /// Where the case stands today (`domain::retention::state`).
    pub state: domain::retention::RetentionState,
    /// Days from today to the date, negative once it passed; `None` without a date.
    pub days_left: Option<i32>,
}

/// The retention screen ("Bewaartermijnen"): the cases whose date has passed or passes within
/// `dueWithinDays`, earliest first, and the setting for new dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RetentionOverview {
    pub due: Vec<RetentionCase>,
    /// Years after closing that a case is kept by default (the setting).
    pub years: u32,
    pub min_years: u32,
    pub max_years: u32,
    pub due_within_days: u32,
    /// Open cases that have no date yet (they get one when closed).
    pub without_date: u32,
    pub today: NaiveDate,
}

/// One case's retention date with the changes made to it (newest first) and their reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CaseRetention {
    pub case: RetentionCase,
    pub history: Vec<domain::retention::RetentionChange>,
    /// The date closing today would give (if the case has none yet).
    pub default_if_closed_today: NaiveDate,
    pub today: NaiveDate,
}

/// A handover file was made (or the save dialog was cancelled).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HandoverExported {
    /// False when the user cancelled the save dialog: nothing was written and nothing logged.
    pub saved: bool,
    /// The name suggested in the save dialog (no case label, no names).
    pub file_name: String,
    pub parts: Vec<domain::handover::HandoverPart>,
    pub counts: domain::handover::HandoverCounts,
}

/// The handover file the user chose in the file dialog (kept by the host until the next choice or
/// import; the request never names a path).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HandoverChosen {
    /// False when the user cancelled the file dialog.
    pub chosen: bool,
    pub file_name: Option<String>,
}

/// What a handover file holds, read and checked in memory; nothing was written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HandoverPreview {
    pub export_id: Uuid,
    pub case_label: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub app_version: String,
    pub format_version: u32,
    pub schema_version: u32,
    pub parts: Vec<domain::handover::HandoverPart>,
    pub counts: domain::handover::HandoverCounts,
}

/// The new case a handover file became.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HandoverImported {
    pub case: domain::Case,
    pub counts: domain::handover::HandoverCounts,
}

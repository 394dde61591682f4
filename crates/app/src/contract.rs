//! The contract between the Rust side and the UI, declared once: every command with its request fields
//! and its response type. From this one list come
//! - the request types and one checked entry point per command ([`call`]),
//! - the JSON [`dispatch`] the test host and the error table use,
//! - the Tauri handlers in `src-tauri` (`app::with_contract!(…)` there),
//! - and, written by `contract-gen` (see [`crate::codegen`]): the TypeScript types and typed client in
//!   `ui/src/lib/ipc/`, and the permission set in `src-tauri/permissions/app-commands.toml` (from which
//!   `src-tauri/build.rs` takes its command list).
//!
//! Adding a command: one line here, and its function in [`crate::commands`].

use std::path::PathBuf;

use ts_rs::{Config, TS, TypeVisitor};

/// Calls `$then! { … }` with the list of commands. Types are written with `$crate::` paths so the list
/// expands anywhere.
#[macro_export]
macro_rules! with_contract {
    ($then:ident) => {
        $then! {
            // The vault: status, create, unlock, lock, passphrase.
            vault_status(VaultStatusRequest {}) -> $crate::views::VaultStatus;
            passphrase_strength(PassphraseStrengthRequest { passphrase: $crate::Secret }) -> $crate::domain::passphrase::Strength;
            vault_create(VaultCreateRequest { passphrase: $crate::Secret }) -> $crate::views::CreatedVault;
            vault_unlock(VaultUnlockRequest { passphrase: $crate::Secret }) -> ();
            vault_recover(VaultRecoverRequest { recovery_key: $crate::Secret, new_passphrase: $crate::Secret }) -> ();
            vault_lock(VaultLockRequest {}) -> ();
            // Practice mode: the practice vault (`oefenkluis`, fictional families only) instead of the real one.
            practice_open(PracticeOpenRequest {}) -> $crate::views::PracticeOpened;
            practice_close(PracticeCloseRequest {}) -> ();
            // The practice families: the list, one added to the practice vault, its role cards as a PDF.
            practice_cases_list(PracticeCasesListRequest {}) -> Vec<$crate::domain::training::PracticeCaseSummary>;
            practice_case_add(PracticeCaseAddRequest { practice_case_id: String }) -> $crate::domain::Case;
            role_cards_export(RoleCardsExportRequest { practice_case_id: String }) -> $crate::views::RoleCardsExported;
            // Training: a participant's work on a practice family as a file for the trainer; the trainer
            // imports the files and compares them with the family's reference.
            practice_work_export(PracticeWorkExportRequest { case_id: $crate::Uuid, group: String }) -> $crate::views::WorkExported;
            training_import(TrainingImportRequest { from: $crate::views::ImportFrom, works: Vec<$crate::domain::exercise::ParticipantWork> }) -> $crate::views::TrainingImported;
            training_compare(TrainingCompareRequest { works: Vec<$crate::domain::exercise::ParticipantWork> }) -> Option<$crate::domain::exercise::Comparison>;
            vault_change_passphrase(VaultChangePassphraseRequest { old_passphrase: $crate::Secret, new_passphrase: $crate::Secret }) -> ();
            activity(ActivityRequest {}) -> ();
            settings_get(SettingsGetRequest {}) -> $crate::views::Settings;
            settings_set(SettingsSetRequest { settings: $crate::views::Settings }) -> $crate::views::Settings;
            // Backups, the checks on demand, and a damaged vault set aside. Folders come from the folder
            // dialog, never from a request.
            vault_health(VaultHealthRequest {}) -> $crate::views::VaultHealth;
            backup_reminder_set(BackupReminderSetRequest { days: u32 }) -> $crate::views::VaultHealth;
            backup_make(BackupMakeRequest {}) -> $crate::views::BackupMade;
            backup_cancel(BackupCancelRequest {}) -> ();
            backup_restore(BackupRestoreRequest { passphrase: $crate::Secret }) -> $crate::views::BackupRestored;
            vault_check(VaultCheckRequest {}) -> $crate::views::VaultCheck;
            vault_set_aside(VaultSetAsideRequest { passphrase: $crate::Secret }) -> $crate::views::SetAside;
            // The About dialog: version, licence, where the data lives (in every state).
            about_get(AboutGetRequest {}) -> $crate::views::About;
            // How large the app is drawn (also while locked).
            display_get(DisplayGetRequest {}) -> $crate::views::DisplayView;
            display_set(DisplaySetRequest { display: $crate::views::Display }) -> $crate::views::DisplayView;
            display_zoom(DisplayZoomRequest { step: $crate::views::ZoomStep }) -> $crate::views::DisplayView;
            // Cases and households.
            cases_list(CasesListRequest {}) -> Vec<$crate::domain::CaseSummary>;
            case_create(CaseCreateRequest { label: String }) -> $crate::domain::Case;
            case_rename(CaseRenameRequest { case_id: $crate::Uuid, label: String }) -> $crate::domain::Case;
            case_delete(CaseDeleteRequest { case_id: $crate::Uuid }) -> ();
            case_set_phase(CaseSetPhaseRequest { case_id: $crate::Uuid, phase: $crate::domain::Phase }) -> $crate::domain::Case;
            // The access log of one case, with the check of the whole log.
            case_log(CaseLogRequest { case_id: $crate::Uuid }) -> $crate::views::CaseLog;
            case_set_archived(CaseSetArchivedRequest { case_id: $crate::Uuid, archived: bool }) -> $crate::domain::Case;
            // Opening a case to work in it: the household, and one `case_opened` row in the access log.
            case_open(CaseOpenRequest { case_id: $crate::Uuid }) -> $crate::views::HouseholdView;
            household_get(HouseholdGetRequest { case_id: $crate::Uuid }) -> $crate::views::HouseholdView;
            person_add(PersonAddRequest { case_id: $crate::Uuid, input: $crate::domain::PersonInput }) -> $crate::domain::Person;
            person_update(PersonUpdateRequest { case_id: $crate::Uuid, person_id: $crate::Uuid, input: $crate::domain::PersonInput }) -> $crate::domain::Person;
            person_delete(PersonDeleteRequest { case_id: $crate::Uuid, person_id: $crate::Uuid }) -> ();
            relation_add(RelationAddRequest { case_id: $crate::Uuid, input: $crate::domain::RelationInput }) -> $crate::domain::Relation;
            relation_delete(RelationDeleteRequest { case_id: $crate::Uuid, relation_id: $crate::Uuid }) -> ();
            content_get(ContentGetRequest {}) -> $crate::views::ContentBundle;
            // Conversations and answers.
            conversations_list(ConversationsListRequest { case_id: $crate::Uuid }) -> Vec<$crate::domain::Conversation>;
            joint_check(JointCheckRequest { case_id: $crate::Uuid, participants: Vec<$crate::Uuid> }) -> Option<$crate::domain::guardrails::GuardRail>;
            conversation_start(ConversationStartRequest {
                case_id: $crate::Uuid,
                participants: Vec<$crate::Uuid>,
                guide_id: String,
                joint_reason: Option<String>,
                safety_justification: Option<String>,
            }) -> $crate::domain::Conversation;
            conversation_open(ConversationOpenRequest { case_id: $crate::Uuid, conversation_id: $crate::Uuid }) -> $crate::views::ConversationDetail;
            conversation_end(ConversationEndRequest { case_id: $crate::Uuid, conversation_id: $crate::Uuid, notes: String }) -> $crate::domain::Conversation;
            answer_save(AnswerSaveRequest {
                case_id: $crate::Uuid,
                conversation_id: $crate::Uuid,
                question_id: String,
                // `null`: keep the saved value (only the words changed); none saved yet: `unanswered`.
                value: Option<$crate::domain::AnswerValue>,
                // The person's own words; `null` keeps the saved words.
                words: Option<String>,
                confidential: $crate::domain::Visibility,
            }) -> $crate::domain::Answer;
            precheck_save(PrecheckSaveRequest { case_id: $crate::Uuid, precheck: $crate::domain::ChildPrecheck }) -> $crate::domain::ChildPrecheck;
            precheck_review(PrecheckReviewRequest { case_id: $crate::Uuid, precheck: $crate::domain::ChildPrecheck }) -> $crate::views::PrecheckReview;
            // Behaviour records.
            behaviours_list(BehavioursListRequest { case_id: $crate::Uuid }) -> Vec<$crate::domain::BehaviourRecord>;
            behaviours_trash_list(BehavioursTrashListRequest { case_id: $crate::Uuid }) -> Vec<$crate::domain::BehaviourRecord>;
            behaviour_save(BehaviourSaveRequest { record: $crate::domain::BehaviourRecord }) -> $crate::domain::BehaviourRecord;
            behaviour_trash(BehaviourTrashRequest { case_id: $crate::Uuid, record_id: $crate::Uuid }) -> ();
            behaviour_restore(BehaviourRestoreRequest { case_id: $crate::Uuid, record_id: $crate::Uuid }) -> ();
            // The analysis and the professional's judgements.
            analysis_get(AnalysisGetRequest { case_id: $crate::Uuid }) -> $crate::domain::Analysis;
            judgement_save(JudgementSaveRequest { case_id: $crate::Uuid, judgement: $crate::domain::analysis::Judgement }) -> $crate::domain::Analysis;
            acute_decision_save(AcuteDecisionSaveRequest { case_id: $crate::Uuid, decision: $crate::domain::analysis::AcuteDecision }) -> $crate::domain::Analysis;
            // The case on one time axis.
            timeline_get(TimelineGetRequest { case_id: $crate::Uuid }) -> $crate::domain::timeline::Timeline;
            // The Meldcode log.
            meldcode_list(MeldcodeListRequest { case_id: $crate::Uuid }) -> Vec<$crate::domain::MeldcodeEntry>;
            meldcode_save(MeldcodeSaveRequest { entry: $crate::domain::MeldcodeEntry }) -> $crate::domain::MeldcodeEntry;
            meldcode_status(MeldcodeStatusRequest { case_id: $crate::Uuid }) -> $crate::views::MeldcodeOverview;
            // The safety plan.
            plan_get(PlanGetRequest { case_id: $crate::Uuid }) -> $crate::views::PlanEditor;
            plan_item_add(PlanItemAddRequest { plan: $crate::domain::plan::SafetyPlan, section: $crate::domain::plan::Section }) -> $crate::views::PlanEditor;
            plan_save(PlanSaveRequest { plan: $crate::domain::plan::SafetyPlan }) -> $crate::views::PlanSaved;
            plan_check(PlanCheckRequest { plan: $crate::domain::plan::SafetyPlan }) -> $crate::domain::plan::checks::PlanChecks;
            plan_preview(PlanPreviewRequest { case_id: $crate::Uuid, audience: $crate::domain::plan::Audience }) -> $crate::views::PlanPreview;
            plan_freeze(PlanFreezeRequest { case_id: $crate::Uuid }) -> $crate::domain::plan::PlanVersion;
            plan_versions(PlanVersionsRequest { case_id: $crate::Uuid }) -> Vec<$crate::domain::plan::PlanVersion>;
            plan_export_pdf(PlanExportPdfRequest { case_id: $crate::Uuid, audience: $crate::domain::plan::Audience }) -> $crate::views::PlanExported;
            print_page(PrintPageRequest {}) -> ();
            // One person's access request (inzage): reviewed on screen, then saved as PDF and JSON.
            inzage_preview(InzagePreviewRequest { case_id: $crate::Uuid, person_id: $crate::Uuid }) -> $crate::views::InzagePreview;
            inzage_export(InzageExportRequest { case_id: $crate::Uuid, person_id: $crate::Uuid }) -> $crate::views::InzageExported;
            // The report to Veilig Thuis: the draft with every statement and its source, the professional's
            // choices, a report made (frozen, Meldcode step 5 recorded), and the report as PDF or text.
            melding_get(MeldingGetRequest { case_id: $crate::Uuid }) -> $crate::views::MeldingScreen;
            melding_save(MeldingSaveRequest { draft: $crate::domain::melding::MeldingDraft }) -> $crate::views::MeldingScreen;
            melding_report(MeldingReportRequest { case_id: $crate::Uuid, reported_on: $crate::NaiveDate }) -> $crate::views::MeldingScreen;
            melding_export(MeldingExportRequest { case_id: $crate::Uuid, version: Option<u32>, format: $crate::views::MeldingFormat }) -> $crate::views::MeldingExported;
            // The professional's notes, with a trash and earlier versions.
            notes_list(NotesListRequest { case_id: $crate::Uuid }) -> $crate::views::NotesView;
            note_create(NoteCreateRequest { case_id: $crate::Uuid, input: $crate::domain::notes::NoteInput }) -> $crate::domain::notes::Note;
            note_save(NoteSaveRequest { case_id: $crate::Uuid, note_id: $crate::Uuid, input: $crate::domain::notes::NoteInput }) -> $crate::domain::notes::Note;
            note_trash(NoteTrashRequest { case_id: $crate::Uuid, note_id: $crate::Uuid }) -> ();
            note_restore(NoteRestoreRequest { case_id: $crate::Uuid, note_id: $crate::Uuid }) -> ();
            notes_trash_empty(NotesTrashEmptyRequest { case_id: $crate::Uuid }) -> u32;
            note_versions(NoteVersionsRequest { case_id: $crate::Uuid, note_id: $crate::Uuid }) -> Vec<$crate::domain::notes::NoteVersion>;
            // Retention (issue 14): the cases that are due, a case's date with its changes, setting and
            // extending it with a reason, the setting for new dates, deleting a due case.
            retention_overview(RetentionOverviewRequest {}) -> $crate::views::RetentionOverview;
            retention_years_set(RetentionYearsSetRequest { years: u32 }) -> $crate::views::RetentionOverview;
            retention_get(RetentionGetRequest { case_id: $crate::Uuid }) -> $crate::views::CaseRetention;
            retention_set(RetentionSetRequest { case_id: $crate::Uuid, until: $crate::NaiveDate, reason: String }) -> $crate::views::CaseRetention;
            retention_extend(RetentionExtendRequest { case_id: $crate::Uuid, until: $crate::NaiveDate, reason: String }) -> $crate::views::CaseRetention;
            retention_delete(RetentionDeleteRequest { case_id: $crate::Uuid }) -> $crate::views::RetentionOverview;
            // A person's correction or objection to an answer, record or note (the original stays).
            corrections_list(CorrectionsListRequest { case_id: $crate::Uuid }) -> Vec<$crate::domain::corrections::Correction>;
            correction_add(CorrectionAddRequest { case_id: $crate::Uuid, input: $crate::domain::corrections::CorrectionInput }) -> $crate::domain::corrections::Correction;
            // The handover file (overdrachtsbestand): a case or chosen parts, encrypted for the practitioner
            // who takes over; imported as a new case after a preview. Files come from the dialogs only.
            handover_export(HandoverExportRequest { case_id: $crate::Uuid, parts: Vec<$crate::domain::handover::HandoverPart>, passphrase: $crate::Secret }) -> $crate::views::HandoverExported;
            handover_choose(HandoverChooseRequest {}) -> $crate::views::HandoverChosen;
            handover_preview(HandoverPreviewRequest { passphrase: $crate::Secret }) -> $crate::views::HandoverPreview;
            handover_import(HandoverImportRequest { passphrase: $crate::Secret, export_id: $crate::Uuid }) -> $crate::views::HandoverImported;
            // Full-text search in every case (`case_id` null) or in one.
            search(SearchRequest { query: String, case_id: Option<$crate::Uuid> }) -> $crate::views::SearchResults;
        }
    };
}

/// What the generator needs to know of one command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandInfo {
    pub name: &'static str,
    /// The request's field names (empty: the command takes nothing).
    pub fields: &'static [&'static str],
}

/// The TypeScript names of one command's request and response, and the binding files they need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub name: &'static str,
    pub request: String,
    pub response: String,
    pub empty_request: bool,
    /// (type name, file below the bindings folder) for the client's imports.
    pub imports: Vec<(String, PathBuf)>,
}

fn imports_of<T: TS + ?Sized + 'static>(cfg: &Config) -> Vec<(String, PathBuf)> {
    match T::output_path() {
        Some(path) => vec![(T::ident(cfg), path)],
        None => {
            // `Vec<T>` and `Option<T>` name `T` as a generic.
            struct Generics<'a>(&'a Config, Vec<(String, PathBuf)>);
            impl TypeVisitor for Generics<'_> {
                fn visit<U: TS + 'static + ?Sized>(&mut self) {
                    if let Some(d) = ts_rs::Dependency::from_ty::<U>(self.0) {
                        self.1.push((d.ts_name, d.output_path));
                    }
                }
            }
            let mut g = Generics(cfg, T::dependencies(cfg).into_iter().map(|d| (d.ts_name, d.output_path)).collect());
            T::visit_generics(&mut g);
            g.1
        }
    }
}

impl Signature {
    pub fn of<Req: TS + 'static, Resp: TS + 'static>(name: &'static str, cfg: &Config, fields: &[&str]) -> Signature {
        let mut imports = imports_of::<Req>(cfg);
        imports.extend(imports_of::<Resp>(cfg));
        Signature { name, request: Req::ident(cfg), response: Resp::name(cfg), empty_request: fields.is_empty(), imports }
    }
}

/// Exports `T` and everything it uses, also when `T` itself is a `Vec`, an `Option` or `()`.
pub fn export_tree<T: TS + ?Sized + 'static>(cfg: &Config) -> Result<(), ts_rs::ExportError> {
    struct Visit<'a>(&'a Config, Result<(), ts_rs::ExportError>);
    impl TypeVisitor for Visit<'_> {
        fn visit<U: TS + 'static + ?Sized>(&mut self) {
            if self.1.is_ok() {
                self.1 = export_tree::<U>(self.0);
            }
        }
    }
    if T::output_path().is_some() {
        return T::export_all(cfg);
    }
    // A `Vec<T>` or `Option<T>` names `T` as a generic, not as a dependency.
    let mut visit = Visit(cfg, Ok(()));
    T::visit_dependencies(&mut visit);
    T::visit_generics(&mut visit);
    visit.1
}

macro_rules! declare {
    ($( $name:ident ( $Req:ident { $( $field:ident : $fty:ty ),* $(,)? } ) -> $Resp:ty ; )*) => {
        $(
            #[doc = concat!("The request of `", stringify!($name), "`.")]
            #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
            #[serde(deny_unknown_fields)]
            pub struct $Req { $( pub $field: $fty, )* }
        )*

        /// One entry point per command: the checks every request gets (text and list limits), then the
        /// command. The Tauri shell and the test host call these, nothing else.
        pub mod call {
            use super::*;
            $(
                pub fn $name(env: &mut $crate::Env<'_>, request: $Req) -> $crate::AppResult<$Resp> {
                    $crate::limits::check_texts(&request)?;
                    $crate::commands::$name(env, request)
                }
            )*
        }

        /// Every command, in the contract's order.
        pub const COMMANDS: &[CommandInfo] = &[ $( CommandInfo { name: stringify!($name), fields: &[ $( stringify!($field) ),* ] } ),* ];

        /// Runs a command from its name and its JSON request, as the UI would send it.
        pub fn dispatch(
            env: &mut $crate::Env<'_>,
            name: &str,
            request: serde_json::Value,
        ) -> Result<serde_json::Value, $crate::ErrorCode> {
            match name {
                $( stringify!($name) => {
                    let request: $Req = serde_json::from_value(request).map_err(|_| $crate::ErrorCode::Invalid)?;
                    let response = call::$name(env, request).map_err(|e| e.code())?;
                    serde_json::to_value(response).map_err(|_| $crate::ErrorCode::Internal)
                } )*
                _ => Err($crate::ErrorCode::Invalid),
            }
        }

        /// The TypeScript signature of every command.
        pub fn signatures(cfg: &Config) -> Vec<Signature> {
            vec![ $( Signature::of::<$Req, $Resp>(stringify!($name), cfg, &[ $( stringify!($field) ),* ]) ),* ]
        }

        /// Exports every request and response type, with all they use, into `cfg`'s folder.
        pub fn export_types(cfg: &Config) -> Result<(), ts_rs::ExportError> {
            $( export_tree::<$Req>(cfg)?; export_tree::<$Resp>(cfg)?; )*
            Ok(())
        }
    };
}

crate::with_contract!(declare);

/// The permission identifier of a command, as `src-tauri/permissions/app-commands.toml` lists it.
pub fn permission(name: &str) -> String {
    format!("allow-{}", name.replace('_', "-"))
}

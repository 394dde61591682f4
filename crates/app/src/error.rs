//! The one error code of the app. Every refusal of every command is one of these codes; the UI shows
//! the text for the code from `assets/i18n/errors.json` (Dutch and English, checked by a test) and tests
//! assert the code. Messages never hold case data.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

macro_rules! error_codes {
    ($( $(#[doc = $doc:literal])* $variant:ident = $code:literal, )*) => {
        /// Why a command refused. Serialised as its snake_case code (`wrong_passphrase`, …).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        #[serde(rename_all = "snake_case")]
        pub enum ErrorCode {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl ErrorCode {
            /// Every code, in declaration order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant),*];

            /// The stable text of the code, as it crosses IPC.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( ErrorCode::$variant => $code, )*
                }
            }
        }
    };
}

error_codes! {
    /// The passphrase does not open the vault. No file was touched.
    WrongPassphrase = "wrong_passphrase",
    WrongRecoveryKey = "wrong_recovery_key",
    /// The vault (database or key file) cannot be read; nothing is rewritten.
    VaultDamaged = "vault_damaged",
    VaultMissing = "vault_missing",
    VaultExists = "vault_exists",
    KeyFileParamsTooWeak = "key_file_params_too_weak",
    KeyFileUnsupported = "key_file_unsupported",
    VaultTooNew = "vault_too_new",
    DiskFull = "disk_full",
    /// No such record (or it was deleted).
    NotFound = "not_found",
    /// An id that exists but belongs to another case than the one the command works in.
    NotInCase = "not_in_case",
    Locked = "locked",
    PassphraseTooWeak = "passphrase_too_weak",
    FieldEmpty = "field_empty",
    /// A text longer than its limit (every text field has one).
    FieldTooLong = "field_too_long",
    YearOfBirth = "year_of_birth",
    /// A date or number outside the range it may have (in the future, before 1900, a scale above 10…).
    OutOfRange = "out_of_range",
    RelationSelf = "relation_self",
    RelationRoles = "relation_roles",
    /// Any other input a rule refuses (malformed request, unknown enum value, a value of the wrong type).
    Invalid = "invalid",
    Io = "io",
    Db = "db",
    Internal = "internal",
    EscapeReaderUnsafe = "escape_reader_unsafe",
    JointReasonRequired = "joint_reason_required",
    JointJustificationRequired = "joint_justification_required",
    JointAnswerSource = "joint_answer_source",
    UnknownGuide = "unknown_guide",
    /// A guide question that is not in the conversation's guide.
    UnknownQuestion = "unknown_question",
    UnknownBehaviour = "unknown_behaviour",
    ReasonRequired = "reason_required",
    /// A child pre-check for someone who is not a child of this case.
    PrecheckNotForChild = "precheck_not_for_child",
    /// A conversation alone with a child of 4–17 needs a pre-check without open issues first.
    PrecheckRequired = "precheck_required",
    /// The plan already lists the most items this section may have.
    SectionFull = "section_full",
    PlanTemplateMismatch = "plan_template_mismatch",
    PlanLayout = "plan_layout",
    PlanPdf = "plan_pdf",
    PlanImage = "plan_image",
    PlanScale = "plan_scale",
    PrintFailed = "print_failed",
    /// The user cancelled a backup; nothing half-written was left behind.
    BackupCancelled = "backup_cancelled",
    /// The chosen folder holds no backup of this app.
    BackupNotFound = "backup_not_found",
    /// Not in practice mode: this works on the real vault only (backups, passphrase, unlocking it).
    PracticeMode = "practice_mode",
    /// Only in practice mode: a practice family is added to the practice vault, never to a real one.
    PracticeOnly = "practice_only",
    /// A practice vault where the real one belongs, or the other way round (copied or restored by hand).
    PracticeVaultMismatch = "practice_vault_mismatch",
    /// The case was not made from a practice family (a participant file needs one to compare with).
    NotAPracticeFamily = "not_a_practice_family",
    /// No name or group label, or one that is too long, for a participant file.
    GroupLabelInvalid = "group_label_invalid",
    /// Setting aside was refused: the vault opens with this passphrase, so nothing is damaged.
    VaultNotDamaged = "vault_not_damaged",
    /// Warnings after an unlock that worked (the vault is open; these say what to look at).
    RecoverySlotDamaged = "recovery_slot_damaged",
    AuditChainBroken = "audit_chain_broken",
    AuditLogCut = "audit_log_cut",
    AuditLogRolledBack = "audit_log_rolled_back",
    AuditAnchorInvalid = "audit_anchor_invalid",
    /// An extension of a retention date must end later than the current date and than today.
    RetentionNotLater = "retention_not_later",
    /// Deleting from the retention screen is only for a case whose date has passed or passes soon.
    RetentionNotDue = "retention_not_due",
    HandoverPartsIncomplete = "handover_parts_incomplete",
    HandoverTooLarge = "handover_too_large",
    HandoverDamaged = "handover_damaged",
    HandoverWrongPassphrase = "handover_wrong_passphrase",
    HandoverTooCostly = "handover_too_costly",
    HandoverFutureVersion = "handover_future_version",
    HandoverPracticeMismatch = "handover_practice_mismatch",
    HandoverAlreadyImported = "handover_already_imported",
    HandoverChanged = "handover_changed",
    /// A quote is the person's own words: it can be left out of a report, not reworded.
    MeldingQuoteFixed = "melding_quote_fixed",
    /// A signal the professional adds to a report needs its source.
    MeldingSourceMissing = "melding_source_missing",
    /// An own statement of a report is empty, or in a section that takes none.
    MeldingOwnInvalid = "melding_own_invalid",
    /// A report needs the question to Veilig Thuis before it is made.
    MeldingRequestMissing = "melding_request_missing",
    /// A report needs at least one signal before it is made.
    MeldingNoSignals = "melding_no_signals",
}

impl ErrorCode {
    /// The code for a text code from another crate (`VaultError::code`, `DomainError::code`,
    /// `PlanError::code`). Unknown texts are a programming error and map to `internal` (a test checks
    /// that every code the crates can send is known).
    pub fn from_text(code: &str) -> ErrorCode {
        ErrorCode::ALL.iter().copied().find(|c| c.as_str() == code).unwrap_or(ErrorCode::Internal)
    }

    /// The user's text for this code in `lang` ("nl" or "en"); Dutch when the language is unknown.
    pub fn message(self, lang: &str) -> &'static str {
        let table = MESSAGES.get(lang).or_else(|| MESSAGES.get("nl"));
        table.and_then(|t| t.get(self.as_str())).map(String::as_str).unwrap_or_default()
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

type Messages = BTreeMap<String, BTreeMap<String, String>>;

/// The error texts, by language and code, exactly as in `assets/i18n/errors.json`.
pub static MESSAGES: LazyLock<Messages> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../../assets/i18n/errors.json")).expect("errors.json is checked by a test")
});

/// A refused command: the code, nothing else (no case data, no internal detail).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppError(pub ErrorCode);

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn code(self) -> ErrorCode {
        self.0
    }
}

impl From<ErrorCode> for AppError {
    fn from(code: ErrorCode) -> Self {
        AppError(code)
    }
}

impl From<vault::VaultError> for AppError {
    fn from(e: vault::VaultError) -> Self {
        AppError(ErrorCode::from_text(e.code()))
    }
}

impl From<std::io::Error> for AppError {
    fn from(e: std::io::Error) -> Self {
        vault::VaultError::from(e).into()
    }
}

impl From<domain::DomainError> for AppError {
    fn from(e: domain::DomainError) -> Self {
        AppError(ErrorCode::from_text(e.code()))
    }
}

impl From<plan::PlanError> for AppError {
    fn from(e: plan::PlanError) -> Self {
        AppError(ErrorCode::from_text(e.code()))
    }
}

/// How an error crosses IPC: the code, and the Dutch text for logs and as a fallback. The UI shows the
/// text for the code in its own language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct IpcError {
    pub code: ErrorCode,
    pub message: String,
}

impl From<AppError> for IpcError {
    fn from(e: AppError) -> Self {
        IpcError { code: e.0, message: e.0.message("nl").to_owned() }
    }
}

impl From<ErrorCode> for IpcError {
    fn from(code: ErrorCode) -> Self {
        AppError(code).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_dutch_and_an_english_text_and_nothing_else_is_there() {
        let codes: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        for lang in ["nl", "en"] {
            let table = &MESSAGES[lang];
            for code in &codes {
                let text = table.get(*code).unwrap_or_else(|| panic!("no {lang} text for {code}"));
                assert!(!text.trim().is_empty(), "empty {lang} text for {code}");
            }
            let mut keys: Vec<&str> = table.keys().map(String::as_str).collect();
            keys.sort();
            let mut expected = codes.clone();
            expected.sort();
            assert_eq!(keys, expected, "errors.json {lang} has texts for codes that do not exist");
        }
        assert_eq!(MESSAGES.len(), 2, "errors.json has exactly nl and en");
    }

    #[test]
    fn the_serialised_code_is_the_text_code() {
        for code in ErrorCode::ALL {
            assert_eq!(serde_json::to_value(code).unwrap(), serde_json::Value::String(code.as_str().into()));
        }
    }

    #[test]
    fn every_code_the_crates_send_is_known() {
        use domain::DomainError as D;
        use vault::VaultError as V;
        let texts = [
            V::WrongPassphrase.code(),
            V::WrongRecoveryKey.code(),
            V::Damaged("x").code(),
            V::Missing.code(),
            V::Exists.code(),
            V::KeyFileParamsTooWeak.code(),
            V::KeyFileUnsupported.code(),
            V::DiskFull.code(),
            V::Cancelled.code(),
            V::TooNew.code(),
            V::NotFound("x").code(),
            V::Io(std::io::ErrorKind::Other).code(),
            V::Db(String::new()).code(),
            D::Empty("x").code(),
            D::TooLong("x").code(),
            D::YearOfBirth.code(),
            D::SelfRelation.code(),
            D::RelationRoles.code(),
            D::Invalid("x").code(),
            plan::PlanError::TemplateMismatch.code(),
            plan::PlanError::Image.code(),
            plan::PlanError::Scale.code(),
        ];
        use vault::{AuditProblem as A, UnlockWarning as W};
        let warnings = [
            W::RecoverySlotDamaged.code(),
            W::DiskFull.code(),
            W::Audit(A::ChainBroken).code(),
            W::Audit(A::LogCut).code(),
            W::Audit(A::RolledBack).code(),
            W::Audit(A::AnchorInvalid).code(),
        ];
        for text in texts.into_iter().chain(warnings) {
            assert_eq!(ErrorCode::from_text(text).as_str(), text, "{text} has no ErrorCode");
        }
    }
}

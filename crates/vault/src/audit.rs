//! The access log (domain.md §12): who opened or changed what, hash-chained so that editing or removing
//! a row in the middle is detected by [`crate::Vault::verify_audit_chain`].
//!
//! Rows hold ids and an action name only — never a label, a name or any text of a case.
//! `hash = sha256(prev_hash ‖ "\n" ‖ seq ‖ "\n" ‖ at ‖ "\n" ‖ action ‖ "\n" ‖ case_id ‖ "\n" ‖ subject_id)`,
//! hex encoded; the first row's `prev_hash` is 64 zeros. (Cutting rows off the end is not detectable
//! from inside the file; backups keep older chain heads.)

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::error::{Result, VaultError};
use crate::repo::{parse_time, parse_uuid, time_text};

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What happened. Stored as its snake_case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    VaultCreated,
    Unlocked,
    UnlockedWithRecoveryKey,
    PassphraseChanged,
    SettingChanged,
    BackupMade,
    RestoredFromBackup,
    CaseCreated,
    CaseOpened,
    CaseRenamed,
    CaseUpdated,
    CaseDeleted,
    PersonAdded,
    PersonUpdated,
    PersonDeleted,
    RelationAdded,
    RelationDeleted,
    ConversationSaved,
    ConversationDeleted,
    AnswerSaved,
    AnswerDeleted,
    BehaviourRecordSaved,
    BehaviourRecordTrashed,
    BehaviourRecordRestored,
    BehaviourRecordDeleted,
    JudgementSaved,
    JudgementDeleted,
    AcuteDecisionSaved,
    AcuteDecisionDeleted,
    ChildPrecheckSaved,
    ChildPrecheckDeleted,
    MeldcodeEntrySaved,
    MeldcodeEntryDeleted,
    SafetyPlanSaved,
    SafetyPlanDeleted,
    PlanVersionFrozen,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        use AuditAction::*;
        match self {
            VaultCreated => "vault_created",
            Unlocked => "unlocked",
            UnlockedWithRecoveryKey => "unlocked_with_recovery_key",
            PassphraseChanged => "passphrase_changed",
            SettingChanged => "setting_changed",
            BackupMade => "backup_made",
            RestoredFromBackup => "restored_from_backup",
            CaseCreated => "case_created",
            CaseOpened => "case_opened",
            CaseRenamed => "case_renamed",
            CaseUpdated => "case_updated",
            CaseDeleted => "case_deleted",
            PersonAdded => "person_added",
            PersonUpdated => "person_updated",
            PersonDeleted => "person_deleted",
            RelationAdded => "relation_added",
            RelationDeleted => "relation_deleted",
            ConversationSaved => "conversation_saved",
            ConversationDeleted => "conversation_deleted",
            AnswerSaved => "answer_saved",
            AnswerDeleted => "answer_deleted",
            BehaviourRecordSaved => "behaviour_record_saved",
            BehaviourRecordTrashed => "behaviour_record_trashed",
            BehaviourRecordRestored => "behaviour_record_restored",
            BehaviourRecordDeleted => "behaviour_record_deleted",
            JudgementSaved => "judgement_saved",
            JudgementDeleted => "judgement_deleted",
            AcuteDecisionSaved => "acute_decision_saved",
            AcuteDecisionDeleted => "acute_decision_deleted",
            ChildPrecheckSaved => "child_precheck_saved",
            ChildPrecheckDeleted => "child_precheck_deleted",
            MeldcodeEntrySaved => "meldcode_entry_saved",
            MeldcodeEntryDeleted => "meldcode_entry_deleted",
            SafetyPlanSaved => "safety_plan_saved",
            SafetyPlanDeleted => "safety_plan_deleted",
            PlanVersionFrozen => "plan_version_frozen",
        }
    }
}

/// One row of the access log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: DateTime<Utc>,
    /// The action's snake_case name (kept as text so rows written by newer apps still read).
    pub action: String,
    pub case_id: Option<Uuid>,
    pub subject_id: Option<Uuid>,
    pub hash: String,
}

fn entry_hash(prev: &str, seq: i64, at: &str, action: &str, case_id: Option<&str>, subject: Option<&str>) -> String {
    let mut h = Sha256::new();
    for part in [prev, &seq.to_string(), at, action, case_id.unwrap_or(""), subject.unwrap_or("")] {
        h.update(part.as_bytes());
        h.update(b"\n");
    }
    hex::encode(h.finalize())
}

/// Appends a row. Call inside the transaction of the change it records.
pub(crate) fn append(conn: &Connection, action: AuditAction, case_id: Option<Uuid>, subject: Option<Uuid>) -> Result<()> {
    let last: Option<(i64, String)> = conn
        .query_row("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (seq, prev) = match last {
        Some((s, h)) => (s + 1, h),
        None => (1, GENESIS.to_owned()),
    };
    let at = time_text(Utc::now());
    let case_id = case_id.map(|u| u.to_string());
    let subject = subject.map(|u| u.to_string());
    let hash = entry_hash(&prev, seq, &at, action.as_str(), case_id.as_deref(), subject.as_deref());
    conn.execute(
        "INSERT INTO audit_log (seq, at, action, case_id, subject_id, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![seq, at, action.as_str(), case_id, subject, prev, hash],
    )?;
    Ok(())
}

/// The whole log, oldest first.
pub(crate) fn read(conn: &Connection) -> Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare("SELECT seq, at, action, case_id, subject_id, hash FROM audit_log ORDER BY seq")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, String>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (seq, at, action, case_id, subject_id, hash) = row?;
        out.push(AuditEntry {
            seq,
            at: parse_time(&at)?,
            action,
            case_id: case_id.as_deref().map(parse_uuid).transpose()?,
            subject_id: subject_id.as_deref().map(parse_uuid).transpose()?,
            hash,
        });
    }
    Ok(out)
}

/// Recomputes every hash. `Ok(n)` = n rows, all linked; `vault_damaged` when a row was edited, removed
/// or inserted.
pub(crate) fn verify_chain(conn: &Connection) -> Result<usize> {
    let mut stmt =
        conn.prepare("SELECT seq, at, action, case_id, subject_id, prev_hash, hash FROM audit_log ORDER BY seq")?;
    let mut rows = stmt.query([])?;
    let (mut prev, mut expected_seq, mut n) = (GENESIS.to_owned(), 1i64, 0usize);
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        let at: String = r.get(1)?;
        let action: String = r.get(2)?;
        let case_id: Option<String> = r.get(3)?;
        let subject: Option<String> = r.get(4)?;
        let prev_hash: String = r.get(5)?;
        let hash: String = r.get(6)?;
        let recomputed = entry_hash(&prev, seq, &at, &action, case_id.as_deref(), subject.as_deref());
        if seq != expected_seq || prev_hash != prev || hash != recomputed {
            return Err(VaultError::Damaged("audit chain broken"));
        }
        prev = hash;
        expected_seq += 1;
        n += 1;
    }
    Ok(n)
}

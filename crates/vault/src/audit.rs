//! The access log (domain.md §12): who opened or changed what, in a keyed, anchored chain.
//!
//! Rows hold ids and an action name only — never a label, a name or any text of a case.
//!
//! - **Keyed** (schema 3 on): `hash = HMAC-SHA256(K, "audit v2" ‖ prev_hash ‖ seq ‖ at ‖ action ‖
//!   case_id ‖ subject_id)` (fields separated by `\n`), with `K = HKDF-SHA256(DEK, "samen-kijken audit
//!   chain v1")`. The key exists only inside the open connection, as the SQL function `audit_mac`
//!   (registered at unlock, gone when the connection closes). Rows written before schema 3 keep their
//!   plain `sha256` link (`keyed = 0`); they must all come before the first keyed row.
//! - **Anchored twice.** `audit_head` (one row, MAC'd) holds the count and last MAC and is updated in
//!   the same transaction as every row, so deleting rows — the last ones, or all — with SQL is seen.
//!   The key file ([`crate::keyfile`]) holds the head as of the last unlock/lock, so a `vault.db` put
//!   back from an older copy (head and rows rolled back together) is seen too. Someone who has the
//!   passphrase can rewrite everything; what this proves is that the vault, as the app wrote it, was
//!   not changed behind its back.
//! - Checked at every unlock (a warning, [`crate::UnlockWarning`], not a lock-out) and on demand.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::error::{Result, VaultError};
use crate::repo::{parse_time, parse_uuid, time_text};

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Name of the connection-bound MAC function.
const MAC_FN: &str = "audit_mac";

/// What the access-log check found wrong. Never a reason to refuse the unlock: the app shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditProblem {
    /// A row was edited, removed or inserted in the middle, or its MAC does not match.
    ChainBroken,
    /// Rows were cut off the end or all deleted (the head row does not match the log).
    LogCut,
    /// The database holds less of the log than the key file vouches for (an older copy put back).
    RolledBack,
    /// The key file's anchor does not verify.
    AnchorInvalid,
}

impl AuditProblem {
    pub fn code(self) -> &'static str {
        match self {
            AuditProblem::ChainBroken => "audit_chain_broken",
            AuditProblem::LogCut => "audit_log_cut",
            AuditProblem::RolledBack => "audit_log_rolled_back",
            AuditProblem::AnchorInvalid => "audit_anchor_invalid",
        }
    }
}

/// Registers `audit_mac(text) -> hex` on `conn`, keyed from the DEK, and the in-memory table of rows
/// waiting for disk space. The key lives in the function's closure and is wiped when the connection
/// closes.
pub(crate) fn register(conn: &Connection, dek: &crate::keyfile::Dek) -> Result<()> {
    use rusqlite::functions::FunctionFlags;
    let key = crate::keyfile::derive_from_dek(dek, b"samen-kijken audit chain v1");
    conn.create_scalar_function(MAC_FN, 1, FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC, move |ctx| {
        let msg = ctx.get_raw(0).as_str().map_err(|e| rusqlite::Error::UserFunctionError(Box::new(e)))?;
        Ok(hex::encode(crate::keyfile::mac(&key, msg.as_bytes())))
    })?;
    // temp_store = MEMORY: this table is never on disk, so it can be written when the disk is full.
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS pending_audit (
            n INTEGER PRIMARY KEY, at TEXT NOT NULL, action TEXT NOT NULL, case_id TEXT, subject_id TEXT)",
    )?;
    Ok(())
}

fn keyed_mac(conn: &Connection, msg: &str) -> Result<String> {
    Ok(conn.query_row(&format!("SELECT {MAC_FN}(?1)"), [msg], |r| r.get(0))?)
}

fn keyed_text(prev: &str, seq: i64, at: &str, action: &str, case_id: Option<&str>, subject: Option<&str>) -> String {
    let mut t = String::from("audit v2\n");
    for part in [prev, &seq.to_string(), at, action, case_id.unwrap_or(""), subject.unwrap_or("")] {
        t.push_str(part);
        t.push('\n');
    }
    t
}

fn head_text(count: i64, last: &str) -> String {
    format!("audit head v1\n{count}\n{last}")
}

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
    CaseArchived,
    CaseUnarchived,
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
    /// A reader's version of the plan was saved as a PDF outside the vault.
    PlanExported,
    /// One person's access request (`inzage`) was saved as PDF and JSON outside the vault; the
    /// subject is the person.
    InzageExported,
    RecoveryKeyReplaced,
    NoteCreated,
    NoteSaved,
    NoteTrashed,
    NoteRestored,
    NoteDeleted,
    /// A case's retention date was filled in from the setting when it was closed.
    RetentionDefaulted,
    /// A case's retention date was set by the professional (its reason is in `retention_changes`).
    RetentionSet,
    /// A case's retention date was extended (its reason is in `retention_changes`).
    RetentionExtended,
    /// A person's correction or objection was attached to an answer, record or note.
    CorrectionAdded,
    /// A case (or chosen parts of it) left the vault as an encrypted handover file; the subject is the
    /// file's export id.
    HandoverExported,
    /// A case was made from a handover file; the subject is the file's export id.
    HandoverImported,
    /// The draft of a report to Veilig Thuis was saved.
    MeldingDraftSaved,
    /// A report to Veilig Thuis was made and frozen; the subject is the Meldcode entry (step 5) kept with
    /// it.
    MeldingReported,
    /// A report to Veilig Thuis was saved outside the vault as PDF or text.
    MeldingExported,
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
            CaseArchived => "case_archived",
            CaseUnarchived => "case_unarchived",
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
            PlanExported => "plan_exported",
            InzageExported => "inzage_exported",
            RecoveryKeyReplaced => "recovery_key_replaced",
            NoteCreated => "note_created",
            NoteSaved => "note_saved",
            NoteTrashed => "note_trashed",
            NoteRestored => "note_restored",
            NoteDeleted => "note_deleted",
            RetentionDefaulted => "retention_defaulted",
            RetentionSet => "retention_set",
            RetentionExtended => "retention_extended",
            CorrectionAdded => "correction_added",
            HandoverExported => "handover_exported",
            HandoverImported => "handover_imported",
            MeldingDraftSaved => "melding_draft_saved",
            MeldingReported => "melding_reported",
            MeldingExported => "melding_exported",
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

/// Appends a row (after any rows that waited for disk space). Call inside the transaction of the
/// change it records.
pub(crate) fn append(conn: &Connection, action: AuditAction, case_id: Option<Uuid>, subject: Option<Uuid>) -> Result<()> {
    flush_pending(conn)?;
    let case_id = case_id.map(|u| u.to_string());
    let subject = subject.map(|u| u.to_string());
    append_at(conn, &time_text(Utc::now()), action.as_str(), case_id.as_deref(), subject.as_deref())
}

/// Whether the schema has the keyed log (version 3 on). Only fixture generation writes older ones.
fn keyed_schema(conn: &Connection) -> Result<bool> {
    Ok(crate::migrations::user_version(conn)? >= KEYED_SINCE)
}

const KEYED_SINCE: u32 = 3;

fn append_at(conn: &Connection, at: &str, action: &str, case_id: Option<&str>, subject: Option<&str>) -> Result<()> {
    let last: Option<(i64, String)> = conn
        .query_row("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (seq, prev) = match last {
        Some((s, h)) => (s + 1, h),
        None => (1, GENESIS.to_owned()),
    };
    if !keyed_schema(conn)? {
        let hash = entry_hash(&prev, seq, at, action, case_id, subject);
        conn.execute(
            "INSERT INTO audit_log (seq, at, action, case_id, subject_id, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![seq, at, action, case_id, subject, prev, hash],
        )?;
        return Ok(());
    }
    let hash = keyed_mac(conn, &keyed_text(&prev, seq, at, action, case_id, subject))?;
    conn.execute(
        "INSERT INTO audit_log (seq, at, action, case_id, subject_id, prev_hash, hash, keyed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)",
        params![seq, at, action, case_id, subject, prev, hash],
    )?;
    let tag = keyed_mac(conn, &head_text(seq, &hash))?;
    conn.execute(
        "INSERT INTO audit_head (id, count, last_mac, tag) VALUES (1, ?1, ?2, ?3)
         ON CONFLICT(id) DO UPDATE SET count = excluded.count, last_mac = excluded.last_mac, tag = excluded.tag",
        params![seq, hash, tag],
    )?;
    Ok(())
}

/// Keeps a row in memory when the disk is full (e.g. the `unlocked` row of an unlock on a full disk);
/// the next write that succeeds puts it in the log first, with its original time.
pub(crate) fn defer(conn: &Connection, action: AuditAction) -> Result<()> {
    conn.execute("INSERT INTO temp.pending_audit (at, action) VALUES (?1, ?2)", params![time_text(Utc::now()), action.as_str()])?;
    Ok(())
}

/// How many rows wait for disk space.
pub(crate) fn pending(conn: &Connection) -> Result<usize> {
    Ok(conn.query_row("SELECT count(*) FROM temp.pending_audit", [], |r| r.get::<_, i64>(0))? as usize)
}

pub(crate) fn flush_pending(conn: &Connection) -> Result<()> {
    let rows: Vec<(i64, String, String, Option<String>, Option<String>)> = {
        let mut stmt = conn.prepare("SELECT n, at, action, case_id, subject_id FROM temp.pending_audit ORDER BY n")?;
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?.collect::<rusqlite::Result<_>>()?
    };
    for (n, at, action, case_id, subject) in rows {
        append_at(conn, &at, &action, case_id.as_deref(), subject.as_deref())?;
        // Inside the caller's transaction: rolled back together if the write fails.
        conn.execute("DELETE FROM temp.pending_audit WHERE n = ?1", [n])?;
    }
    Ok(())
}

/// The head `(count, last MAC)` of the log as stored (the last row's seq and hash), if any.
pub(crate) fn head(conn: &Connection) -> Result<Option<(u64, String)>> {
    Ok(conn
        .query_row("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", [], |r| Ok((r.get::<_, i64>(0)? as u64, r.get(1)?)))
        .optional()?)
}

/// The whole log, oldest first.
pub(crate) fn read(conn: &Connection) -> Result<Vec<AuditEntry>> {
    read_where(conn, None)
}

/// The rows about one case, oldest first.
pub(crate) fn read_case(conn: &Connection, case_id: Uuid) -> Result<Vec<AuditEntry>> {
    read_where(conn, Some(case_id))
}

fn read_where(conn: &Connection, case_id: Option<Uuid>) -> Result<Vec<AuditEntry>> {
    let sql = match case_id {
        None => "SELECT seq, at, action, case_id, subject_id, hash FROM audit_log ORDER BY seq",
        Some(_) => "SELECT seq, at, action, case_id, subject_id, hash FROM audit_log WHERE case_id = ?1 ORDER BY seq",
    };
    let mut stmt = conn.prepare(sql)?;
    let params: Vec<String> = case_id.map(|c| c.to_string()).into_iter().collect();
    let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), |r| {
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
/// or inserted, or rows were cut off.
pub(crate) fn verify_chain(conn: &Connection) -> Result<usize> {
    verify(conn, None).map_err(|_| VaultError::Damaged("audit chain broken"))
}

/// The full check: every row's link and MAC, the head row, and the key file's anchor if given.
pub(crate) fn verify(conn: &Connection, anchor: Option<&(u64, String)>) -> std::result::Result<usize, AuditProblem> {
    let broken = |_| AuditProblem::ChainBroken;
    let keyed_schema = keyed_schema(conn).map_err(|_| AuditProblem::ChainBroken)?;
    let sql = if keyed_schema {
        "SELECT seq, at, action, case_id, subject_id, prev_hash, hash, keyed FROM audit_log ORDER BY seq"
    } else {
        "SELECT seq, at, action, case_id, subject_id, prev_hash, hash, 0 FROM audit_log ORDER BY seq"
    };
    let mut stmt = conn.prepare(sql).map_err(broken)?;
    let mut rows = stmt.query([]).map_err(broken)?;
    let (mut prev, mut expected_seq, mut n, mut seen_keyed) = (GENESIS.to_owned(), 1i64, 0usize, false);
    let mut anchor_seen = anchor.is_none_or(|(count, _)| *count == 0);
    while let Some(r) = rows.next().map_err(broken)? {
        let get = |i| r.get::<_, Option<String>>(i).map_err(broken);
        let seq: i64 = r.get(0).map_err(broken)?;
        let (at, action) = (get(1)?.unwrap_or_default(), get(2)?.unwrap_or_default());
        let (case_id, subject) = (get(3)?, get(4)?);
        let (prev_hash, hash) = (get(5)?.unwrap_or_default(), get(6)?.unwrap_or_default());
        let keyed: i64 = r.get(7).map_err(broken)?;
        let recomputed = if keyed == 1 {
            seen_keyed = true;
            keyed_mac(conn, &keyed_text(&prev, seq, &at, &action, case_id.as_deref(), subject.as_deref())).map_err(|_| AuditProblem::ChainBroken)?
        } else if seen_keyed {
            // A plain row after the first keyed one: inserted by someone without the key.
            return Err(AuditProblem::ChainBroken);
        } else {
            entry_hash(&prev, seq, &at, &action, case_id.as_deref(), subject.as_deref())
        };
        if seq != expected_seq || prev_hash != prev || hash != recomputed {
            return Err(AuditProblem::ChainBroken);
        }
        if let Some((count, mac)) = anchor {
            if seq as u64 == *count {
                if hash != *mac {
                    return Err(AuditProblem::RolledBack);
                }
                anchor_seen = true;
            }
        }
        prev = hash;
        expected_seq += 1;
        n += 1;
    }
    drop(rows);
    drop(stmt);
    if !keyed_schema {
        return if n == 0 { Err(AuditProblem::LogCut) } else { Ok(n) };
    }
    let head: Option<(i64, String, String)> = conn
        .query_row("SELECT count, last_mac, tag FROM audit_head WHERE id = 1", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()
        .map_err(|_| AuditProblem::LogCut)?;
    match head {
        Some((count, last, tag)) => {
            let expected = keyed_mac(conn, &head_text(count, &last)).map_err(|_| AuditProblem::LogCut)?;
            if expected != tag || count != n as i64 || last != prev {
                return Err(AuditProblem::LogCut);
            }
        }
        // A vault always has rows; keyed rows always come with a head.
        None if n == 0 || seen_keyed => return Err(AuditProblem::LogCut),
        None => {}
    }
    if !anchor_seen {
        return Err(AuditProblem::RolledBack);
    }
    Ok(n)
}

//! Retention dates (schema 6): every change of a case's date, with its reason, in `retention_changes`;
//! the date itself in `cases.retention_until`. The access log gets the action and the ids, never the
//! reason. The rules (default date, due, what an extension needs) are `domain::retention`'s; the
//! command layer checks them before calling here.

use chrono::{NaiveDate, Utc};
use domain::retention::{RetentionChange, RetentionChangeKind};
use domain::CaseStatus;
use rusqlite::{Connection, params};
use uuid::Uuid;

use super::cases::get_case;
use super::{enum_text, parse_date, parse_enum, parse_uuid, read, time_text, write};
use crate::audit::{self, AuditAction};
use crate::error::Result;

/// Retention repository; get it with [`crate::Vault::retention`].
pub struct Retention<'v> {
    pub(crate) conn: &'v Connection,
}

/// A case with its retention date, for the overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseDate {
    pub case_id: Uuid,
    pub label: String,
    pub status: CaseStatus,
    pub retention_until: Option<NaiveDate>,
}

fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Sets a case's date and keeps the change, in the caller's transaction.
pub(crate) fn change_in(
    tx: &Connection,
    case_id: Uuid,
    kind: RetentionChangeKind,
    until: NaiveDate,
    reason: &str,
    changed_on: NaiveDate,
) -> Result<RetentionChange> {
    let previous = get_case(tx, case_id)?.retention_until;
    let change = RetentionChange { id: Uuid::now_v7(), case_id, kind, previous, until, reason: reason.trim().to_owned(), changed_on };
    let now = time_text(Utc::now());
    tx.execute(
        "UPDATE cases SET retention_until = ?2, updated_at = ?3 WHERE id = ?1",
        params![case_id.to_string(), date_text(until), now],
    )?;
    tx.execute(
        "INSERT INTO retention_changes (id, case_id, kind, previous, until, reason, changed_on, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            change.id.to_string(),
            case_id.to_string(),
            enum_text(&kind),
            previous.map(date_text),
            date_text(until),
            change.reason,
            date_text(changed_on),
            now
        ],
    )?;
    let action = match kind {
        RetentionChangeKind::Default => AuditAction::RetentionDefaulted,
        RetentionChangeKind::Set => AuditAction::RetentionSet,
        RetentionChangeKind::Extended => AuditAction::RetentionExtended,
    };
    audit::append(tx, action, Some(case_id), Some(change.id))?;
    Ok(change)
}

impl Retention<'_> {
    /// Sets a case's retention date (`not_found` for an unknown case), keeping the change and its reason.
    pub fn change(&self, case_id: Uuid, kind: RetentionChangeKind, until: NaiveDate, reason: &str, changed_on: NaiveDate) -> Result<RetentionChange> {
        write(self.conn, |tx| change_in(tx, case_id, kind, until, reason, changed_on))
    }

    /// The changes of one case's date, newest first.
    pub fn history(&self, case_id: Uuid) -> Result<Vec<RetentionChange>> {
        read(self.conn, |tx| {
            let mut stmt = tx.prepare_cached(
                "SELECT id, kind, previous, until, reason, changed_on FROM retention_changes
                 WHERE case_id = ?1 ORDER BY created_at DESC, id DESC",
            )?;
            let rows = stmt.query_map([case_id.to_string()], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?, r.get::<_, String>(3)?, r.get::<_, String>(4)?, r.get::<_, String>(5)?))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (id, kind, previous, until, reason, changed_on) = row?;
                out.push(RetentionChange {
                    id: parse_uuid(&id)?,
                    case_id,
                    kind: parse_enum(&kind)?,
                    previous: previous.as_deref().map(parse_date).transpose()?,
                    until: parse_date(&until)?,
                    reason,
                    changed_on: parse_date(&changed_on)?,
                });
            }
            Ok(out)
        })
    }

    /// Every case with its date, earliest date first (cases without one last, by label).
    pub fn dates(&self) -> Result<Vec<CaseDate>> {
        read(self.conn, |tx| {
            let mut stmt = tx.prepare_cached(
                "SELECT id, label, status, retention_until FROM cases
                 ORDER BY retention_until IS NULL, retention_until, label, id",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, Option<String>>(3)?)))?;
            let mut out = Vec::new();
            for row in rows {
                let (id, label, status, until) = row?;
                out.push(CaseDate {
                    case_id: parse_uuid(&id)?,
                    label,
                    status: parse_enum(&status)?,
                    retention_until: until.as_deref().map(parse_date).transpose()?,
                });
            }
            Ok(out)
        })
    }
}

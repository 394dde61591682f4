//! Cases (`casussen`).

use chrono::{NaiveDate, Utc};
use domain::caselist::CaseMarker;
use domain::{Case, CaseStatus, CaseSummary, Household, Phase, validate_label};
use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::household::household;
use super::{enum_text, expect_changed, parse_date, parse_enum, parse_time, parse_uuid, read, time_text, write};
use crate::audit::{self, AuditAction};
use crate::error::{Result, VaultError};

/// The phase a new case starts in.
pub const NEW_CASE_PHASE: Phase = Phase::DirecteVeiligheid;

/// Case repository; get it with [`crate::Vault::cases`].
pub struct Cases<'v> {
    pub(crate) conn: &'v Connection,
}

/// The changeable fields of a case other than its label.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CaseUpdate {
    pub status: CaseStatus,
    pub phase: Phase,
    pub retention_until: Option<NaiveDate>,
}

/// The retention date a case gets when it is closed without one, and the day of closing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionDefault {
    pub until: NaiveDate,
    pub today: NaiveDate,
}

const CASE_COLUMNS: &str = "id, label, status, phase, created_at, updated_at, retention_until";

fn case_from_row(r: &Row<'_>) -> rusqlite::Result<[Option<String>; 7]> {
    Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?])
}

fn case_from_cols(c: [Option<String>; 7]) -> Result<Case> {
    let [id, label, status, phase, created, updated, retention] = c;
    let req = |v: Option<String>| v.ok_or(VaultError::Damaged("missing column"));
    Ok(Case {
        id: parse_uuid(&req(id)?)?,
        label: req(label)?,
        status: parse_enum(&req(status)?)?,
        phase: parse_enum(&req(phase)?)?,
        created_at: parse_time(&req(created)?)?,
        updated_at: parse_time(&req(updated)?)?,
        retention_until: retention.as_deref().map(parse_date).transpose()?,
    })
}

pub(crate) fn get_case(conn: &Connection, id: Uuid) -> Result<Case> {
    let cols = conn
        .query_row(&format!("SELECT {CASE_COLUMNS} FROM cases WHERE id = ?1"), [id.to_string()], case_from_row)
        .optional()?
        .ok_or(VaultError::NotFound("case"))?;
    case_from_cols(cols)
}

impl Cases<'_> {
    /// All cases, most recently changed first, with their number of persons and their stored list marker
    /// ([`Self::markers_to_refresh`] says which markers are out of date; a case without a current marker
    /// shows none).
    pub fn list(&self) -> Result<Vec<CaseSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT c.id, c.label, c.status, c.phase, c.updated_at,
                    (SELECT count(*) FROM persons p WHERE p.case_id = c.id),
                    m.red_flag, m.next_evaluation, m.tags
             FROM cases c LEFT JOIN case_markers m ON m.case_id = c.id AND m.stamp = c.updated_at
             ORDER BY c.updated_at DESC, c.id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                (
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, u32>(5)?,
                ),
                (r.get::<_, Option<bool>>(6)?, r.get::<_, Option<String>>(7)?, r.get::<_, Option<String>>(8)?),
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let ((id, label, status, phase, updated, person_count), (red_flag, next_evaluation, tags)) = row?;
            out.push(CaseSummary {
                id: parse_uuid(&id)?,
                label,
                status: parse_enum(&status)?,
                phase: parse_enum(&phase)?,
                updated_at: parse_time(&updated)?,
                person_count,
                red_flag: red_flag.unwrap_or(false),
                next_evaluation: next_evaluation.as_deref().map(super::parse_date).transpose()?,
                tags: tags.as_deref().map(super::parse_json).transpose()?.unwrap_or_default(),
            });
        }
        Ok(out)
    }

    /// The cases whose list marker must be computed (again) on `today`: none stored, the case changed
    /// since, other rules (`rules`: the app and catalogue version), or its recheck day has come.
    pub fn markers_to_refresh(&self, today: NaiveDate, rules: &str) -> Result<Vec<Uuid>> {
        let mut stmt = self.conn.prepare(
            "SELECT c.id FROM cases c LEFT JOIN case_markers m ON m.case_id = c.id
             WHERE m.case_id IS NULL OR m.stamp <> c.updated_at OR m.rules <> ?1
                OR (m.recheck_on IS NOT NULL AND m.recheck_on <= ?2)
             ORDER BY c.id",
        )?;
        let rows = stmt.query_map(params![rules, today.format("%Y-%m-%d").to_string()], |r| r.get::<_, String>(0))?;
        rows.map(|id| parse_uuid(&id?)).collect()
    }

    /// Stores a case's list marker, stamped with the case's current `updated_at`. A derived cache: it
    /// changes nothing of the case (not its `updated_at`) and writes no access-log row.
    pub fn marker_put(&self, case_id: Uuid, marker: &CaseMarker, rules: &str) -> Result<()> {
        let day = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
        write(self.conn, |tx| {
            let n = tx.execute(
                "INSERT INTO case_markers (case_id, stamp, rules, recheck_on, red_flag, next_evaluation, tags)
                 SELECT id, updated_at, ?2, ?3, ?4, ?5, ?6 FROM cases WHERE id = ?1
                 ON CONFLICT (case_id) DO UPDATE SET stamp = excluded.stamp, rules = excluded.rules,
                    recheck_on = excluded.recheck_on, red_flag = excluded.red_flag,
                    next_evaluation = excluded.next_evaluation, tags = excluded.tags",
                params![
                    case_id.to_string(),
                    rules,
                    day(marker.recheck_on),
                    marker.red_flag,
                    day(marker.next_evaluation),
                    super::to_json(&marker.tags)
                ],
            )?;
            expect_changed(n, "case")
        })
    }

    pub fn get(&self, id: Uuid) -> Result<Case> {
        get_case(self.conn, id)
    }

    /// Creates an open case in phase [`NEW_CASE_PHASE`] with a checked label.
    pub fn create(&self, label: &str) -> Result<Case> {
        let label = validate_label(label)?;
        let now = Utc::now();
        let case = Case {
            id: Uuid::now_v7(),
            label,
            status: CaseStatus::Open,
            phase: NEW_CASE_PHASE,
            created_at: now,
            updated_at: now,
            retention_until: None,
        };
        write(self.conn, |tx| {
            tx.execute(
                &format!("INSERT INTO cases ({CASE_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL)"),
                params![
                    case.id.to_string(),
                    case.label,
                    enum_text(&case.status),
                    enum_text(&case.phase),
                    time_text(now),
                    time_text(now)
                ],
            )?;
            super::search::replace(tx, case.id, case.id, &super::search::case_entries(case.id, &case.label, now))?;
            audit::append(tx, AuditAction::CaseCreated, Some(case.id), None)
        })?;
        // Read back so the value returned is exactly what is stored (timestamp precision).
        self.get(case.id)
    }

    pub fn rename(&self, id: Uuid, label: &str) -> Result<Case> {
        let label = validate_label(label)?;
        write(self.conn, |tx| {
            let n = tx.execute(
                "UPDATE cases SET label = ?2, updated_at = ?3 WHERE id = ?1",
                params![id.to_string(), label, time_text(Utc::now())],
            )?;
            expect_changed(n, "case")?;
            let created = get_case(tx, id)?.created_at;
            super::search::replace(tx, id, id, &super::search::case_entries(id, &label, created))?;
            audit::append(tx, AuditAction::CaseRenamed, Some(id), None)
        })?;
        self.get(id)
    }

    /// Changes status, phase and retention date.
    pub fn update(&self, id: Uuid, update: &CaseUpdate) -> Result<Case> {
        write(self.conn, |tx| {
            let n = tx.execute(
                "UPDATE cases SET status = ?2, phase = ?3, retention_until = ?4, updated_at = ?5 WHERE id = ?1",
                params![
                    id.to_string(),
                    enum_text(&update.status),
                    enum_text(&update.phase),
                    update.retention_until.map(|d| d.format("%Y-%m-%d").to_string()),
                    time_text(Utc::now())
                ],
            )?;
            expect_changed(n, "case")?;
            audit::append(tx, AuditAction::CaseUpdated, Some(id), None)
        })?;
        self.get(id)
    }

    /// Archives a case (status `closed`, shown as "gearchiveerd") or takes it out of the archive (`open`).
    /// One audit row with the case id only. Archiving is closing: a case without a retention date
    /// gets `retention.until` (the default the command layer worked out), kept as a `default` change
    /// in the same transaction; a date that is there stays.
    pub fn set_archived(&self, id: Uuid, archived: bool, retention: Option<RetentionDefault>) -> Result<Case> {
        let (status, action) =
            if archived { (CaseStatus::Closed, AuditAction::CaseArchived) } else { (CaseStatus::Open, AuditAction::CaseUnarchived) };
        write(self.conn, |tx| {
            let n = tx.execute(
                "UPDATE cases SET status = ?2, updated_at = ?3 WHERE id = ?1",
                params![id.to_string(), enum_text(&status), time_text(Utc::now())],
            )?;
            expect_changed(n, "case")?;
            audit::append(tx, action, Some(id), None)?;
            if let (true, Some(d)) = (archived, retention) {
                if get_case(tx, id)?.retention_until.is_none() {
                    super::retention::change_in(tx, id, domain::retention::RetentionChangeKind::Default, d.until, "", d.today)?;
                }
            }
            Ok(())
        })?;
        self.get(id)
    }

    /// Deletes a case with everything of it (persons, relations, and all later per-case tables cascade).
    /// `secure_delete` overwrites the freed content.
    pub fn delete(&self, id: Uuid) -> Result<()> {
        write(self.conn, |tx| {
            let n = tx.execute("DELETE FROM cases WHERE id = ?1", [id.to_string()])?;
            expect_changed(n, "case")?;
            // A practice case's origin (settings, not a table with the case's id as key).
            tx.execute(
                "DELETE FROM settings WHERE key = ?1",
                [format!("{}{id}", super::settings::PRACTICE_ORIGIN_PREFIX)],
            )?;
            audit::append(tx, AuditAction::CaseDeleted, Some(id), None)
        })
    }

    /// The whole household of a case, read in one transaction (no audit row; see [`Self::open`]).
    pub fn household(&self, id: Uuid) -> Result<Household> {
        read(self.conn, |tx| household(tx, id))
    }

    /// The household, for showing it to the professional: reads it and logs `case_opened`.
    pub fn open(&self, id: Uuid) -> Result<Household> {
        write(self.conn, |tx| {
            let h = household(tx, id)?;
            audit::append(tx, AuditAction::CaseOpened, Some(id), None)?;
            Ok(h)
        })
    }
}

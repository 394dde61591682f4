//! Corrections and objections (schema 6): a person's "dit klopt niet", in their own words, kept beside
//! the answer, behaviour record or note it is about — which itself is never changed. The command layer
//! checks that the item and the person belong to the case; here the foreign keys only make sure the
//! case and the person exist. A correction goes with its case (cascade) and with its person.

use chrono::Utc;
use domain::corrections::{Correction, CorrectionInput};
use rusqlite::{Connection, Row, params};
use uuid::Uuid;

use super::{enum_text, parse_date, parse_enum, parse_time, parse_uuid, read, time_text, touch_case, write};
use crate::audit::{self, AuditAction};
use crate::error::Result;

/// Correction repository; get it with [`crate::Vault::corrections`].
pub struct Corrections<'v> {
    pub(crate) conn: &'v Connection,
}

const COLUMNS: &str = "id, case_id, item_kind, item_id, person_id, date, text, created_at";

type Cols = (String, String, String, String, String, String, String, String);

fn cols(r: &Row<'_>) -> rusqlite::Result<Cols> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?))
}

fn from_cols(c: Cols) -> Result<Correction> {
    let (id, case_id, kind, item, person, date, text, created) = c;
    Ok(Correction {
        id: parse_uuid(&id)?,
        case_id: parse_uuid(&case_id)?,
        item_kind: parse_enum(&kind)?,
        item_id: parse_uuid(&item)?,
        person_id: parse_uuid(&person)?,
        date: parse_date(&date)?,
        text,
        created_at: parse_time(&created)?,
    })
}

fn list_where(conn: &Connection, filter: &str, key: Uuid) -> Result<Vec<Correction>> {
    read(conn, |tx| {
        let mut stmt = tx.prepare_cached(&format!("SELECT {COLUMNS} FROM corrections WHERE {filter} = ?1 ORDER BY date, created_at, id"))?;
        let rows = stmt.query_map([key.to_string()], cols)?;
        rows.map(|c| from_cols(c?)).collect()
    })
}

impl Corrections<'_> {
    /// Keeps a statement (its words trimmed, as [`CorrectionInput::checked`] gives them).
    pub fn add(&self, case_id: Uuid, input: &CorrectionInput) -> Result<Correction> {
        let input = input.clone().checked()?;
        let now = Utc::now();
        let c = Correction {
            id: Uuid::now_v7(),
            case_id,
            item_kind: input.item_kind,
            item_id: input.item_id,
            person_id: input.person_id,
            date: input.date,
            text: input.text,
            created_at: now,
        };
        write(self.conn, |tx| {
            tx.execute(
                &format!("INSERT INTO corrections ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
                params![
                    c.id.to_string(),
                    case_id.to_string(),
                    enum_text(&c.item_kind),
                    c.item_id.to_string(),
                    c.person_id.to_string(),
                    c.date.format("%Y-%m-%d").to_string(),
                    c.text,
                    time_text(now)
                ],
            )?;
            touch_case(tx, case_id)?;
            audit::append(tx, AuditAction::CorrectionAdded, Some(case_id), Some(c.id))
        })?;
        Ok(c)
    }

    /// The statements of one case, oldest first.
    pub fn list(&self, case_id: Uuid) -> Result<Vec<Correction>> {
        list_where(self.conn, "case_id", case_id)
    }

    /// What one person said is not correct, oldest first — for that person's access-request export.
    pub fn corrections_for_person(&self, person_id: Uuid) -> Result<Vec<Correction>> {
        list_where(self.conn, "person_id", person_id)
    }
}

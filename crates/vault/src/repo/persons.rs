//! Persons of a case.

use chrono::{Datelike, Utc};
use domain::{Person, PersonInput, ValidPerson};
use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::{enum_text, expect_changed, parse_enum, parse_uuid, write};
use crate::audit::{self, AuditAction};
use crate::error::{Result, VaultError};

/// Person repository; get it with [`crate::Vault::persons`].
pub struct Persons<'v> {
    pub(crate) conn: &'v Connection,
}

const COLUMNS: &str = "id, case_id, role, name, year_of_birth, gender, lives_in_household, notes, language";

type RawPerson = (String, String, String, String, Option<i32>, Option<String>, bool, String, String);

fn raw(r: &Row<'_>) -> rusqlite::Result<RawPerson> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?))
}

fn person(raw: RawPerson) -> Result<Person> {
    let (id, case_id, role, name, year_of_birth, gender, lives_in_household, notes, language) = raw;
    Ok(Person {
        id: parse_uuid(&id)?,
        case_id: parse_uuid(&case_id)?,
        role: parse_enum(&role)?,
        name,
        year_of_birth,
        gender: gender.as_deref().map(parse_enum).transpose()?,
        lives_in_household,
        notes,
        language: parse_enum(&language)?,
    })
}

pub(crate) fn get(conn: &Connection, id: Uuid) -> Result<Person> {
    let raw = conn
        .query_row(&format!("SELECT {COLUMNS} FROM persons WHERE id = ?1"), [id.to_string()], raw)
        .optional()?
        .ok_or(VaultError::NotFound("person"))?;
    person(raw)
}

pub(crate) fn list(conn: &Connection, case_id: Uuid) -> Result<Vec<Person>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM persons WHERE case_id = ?1 ORDER BY id"))?;
    let rows = stmt.query_map([case_id.to_string()], raw)?;
    rows.map(|r| person(r?)).collect()
}

fn current_year() -> i32 {
    Utc::now().year()
}

impl Persons<'_> {
    /// Checks the input with this computer's clock, then [`Self::add_valid`]. The app checks with its
    /// own (Dutch) clock and calls `add_valid`.
    pub fn add(&self, case_id: Uuid, input: PersonInput) -> Result<Person> {
        self.add_valid(case_id, ValidPerson::new(input, current_year())?)
    }

    /// Adds a person whose input was checked already.
    pub fn add_valid(&self, case_id: Uuid, input: ValidPerson) -> Result<Person> {
        let input = input.into_inner();
        let p = Person {
            id: Uuid::now_v7(),
            case_id,
            role: input.role,
            name: input.name,
            year_of_birth: input.year_of_birth,
            gender: input.gender,
            lives_in_household: input.lives_in_household,
            notes: input.notes,
            language: input.language,
        };
        write(self.conn, |tx| {
            super::touch_case(tx, case_id)?;
            tx.execute(
                &format!("INSERT INTO persons ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
                params![
                    p.id.to_string(),
                    case_id.to_string(),
                    enum_text(&p.role),
                    p.name,
                    p.year_of_birth,
                    p.gender.as_ref().map(enum_text),
                    p.lives_in_household,
                    p.notes,
                    enum_text(&p.language)
                ],
            )?;
            audit::append(tx, AuditAction::PersonAdded, Some(case_id), Some(p.id))
        })?;
        Ok(p)
    }

    /// Checks the input with this computer's clock, then [`Self::update_valid`].
    pub fn update(&self, id: Uuid, input: PersonInput) -> Result<Person> {
        self.update_valid(id, ValidPerson::new(input, current_year())?)
    }

    /// Changes a person with input that was checked already.
    pub fn update_valid(&self, id: Uuid, input: ValidPerson) -> Result<Person> {
        let input = input.into_inner();
        write(self.conn, |tx| {
            let old = get(tx, id)?;
            tx.execute(
                "UPDATE persons SET role = ?2, name = ?3, year_of_birth = ?4, gender = ?5,
                        lives_in_household = ?6, notes = ?7, language = ?8 WHERE id = ?1",
                params![
                    id.to_string(),
                    enum_text(&input.role),
                    input.name,
                    input.year_of_birth,
                    input.gender.as_ref().map(enum_text),
                    input.lives_in_household,
                    input.notes,
                    enum_text(&input.language)
                ],
            )?;
            super::touch_case(tx, old.case_id)?;
            audit::append(tx, AuditAction::PersonUpdated, Some(old.case_id), Some(id))?;
            get(tx, id)
        })
    }

    /// Deletes a person and the relations they are part of.
    pub fn delete(&self, id: Uuid) -> Result<()> {
        write(self.conn, |tx| {
            let old = get(tx, id)?;
            let n = tx.execute("DELETE FROM persons WHERE id = ?1", [id.to_string()])?;
            expect_changed(n, "person")?;
            super::touch_case(tx, old.case_id)?;
            audit::append(tx, AuditAction::PersonDeleted, Some(old.case_id), Some(id))
        })
    }

    pub fn get(&self, id: Uuid) -> Result<Person> {
        get(self.conn, id)
    }

    /// The persons of a case in the order they were added.
    pub fn list_for_case(&self, case_id: Uuid) -> Result<Vec<Person>> {
        list(self.conn, case_id)
    }
}

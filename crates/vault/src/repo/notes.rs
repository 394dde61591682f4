//! The professional's notes (schema 4): a trash, a real delete ("prullenbak legen"), and the earlier
//! versions of each note. Every write indexes the note for search in the same transaction.
//!
//! The checks that need the case (a linked person or conversation belongs to the note's case, dates,
//! lengths) are the command layer's; here the foreign keys only make sure linked rows exist.

use chrono::Utc;
use domain::notes::{Note, NoteInput, NoteVersion, keeps_previous_version};
use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::{expect_changed, parse_date, parse_time, parse_uuid, read, search, time_text, touch_case, write};
use crate::audit::{self, AuditAction};
use crate::error::{Result, VaultError};

/// Note repository; get it with [`crate::Vault::notes`].
pub struct Notes<'v> {
    pub(crate) conn: &'v Connection,
}

const COLUMNS: &str = "id, case_id, person_id, conversation_id, date, title, text, tags, confidential, created_at, updated_at, deleted_at";

type Cols = (
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
    String,
    String,
    bool,
    String,
    String,
    Option<String>,
);

fn cols(r: &Row<'_>) -> rusqlite::Result<Cols> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
        r.get(10)?,
        r.get(11)?,
    ))
}

fn note_from(c: Cols) -> Result<Note> {
    let (id, case_id, person, conversation, date, title, text, tags, confidential, created, updated, deleted) = c;
    Ok(Note {
        id: parse_uuid(&id)?,
        case_id: parse_uuid(&case_id)?,
        person_id: person.as_deref().map(parse_uuid).transpose()?,
        conversation_id: conversation.as_deref().map(parse_uuid).transpose()?,
        date: parse_date(&date)?,
        title,
        text,
        tags: super::parse_json(&tags)?,
        confidential,
        created_at: parse_time(&created)?,
        updated_at: parse_time(&updated)?,
        deleted_at: deleted.as_deref().map(parse_time).transpose()?,
    })
}

fn get(conn: &Connection, id: Uuid) -> Result<Note> {
    let c = conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM notes WHERE id = ?1"))?
        .query_row([id.to_string()], cols)
        .optional()?
        .ok_or(VaultError::NotFound("note"))?;
    note_from(c)
}

fn list_where(conn: &Connection, case_id: Uuid, trashed: bool) -> Result<Vec<Note>> {
    let filter = if trashed { "deleted_at IS NOT NULL" } else { "deleted_at IS NULL" };
    let sql = format!(
        "SELECT {COLUMNS} FROM notes WHERE case_id = ?1 AND {filter} ORDER BY date DESC, created_at DESC, id DESC"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([case_id.to_string()], cols)?;
    rows.map(|c| note_from(c?)).collect()
}

fn insert(conn: &Connection, case_id: Uuid, input: &NoteInput) -> Result<Note> {
    let now = Utc::now();
    let input = input.clone().normalised();
    let note = Note {
        id: Uuid::now_v7(),
        case_id,
        person_id: input.person_id,
        conversation_id: input.conversation_id,
        date: input.date,
        title: input.title,
        text: input.text,
        tags: input.tags,
        confidential: input.confidential,
        created_at: now,
        updated_at: now,
        deleted_at: None,
    };
    conn.prepare_cached(&format!(
        "INSERT INTO notes ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, NULL)"
    ))?
    .execute(params![
        note.id.to_string(),
        case_id.to_string(),
        note.person_id.map(|p| p.to_string()),
        note.conversation_id.map(|c| c.to_string()),
        note.date.format("%Y-%m-%d").to_string(),
        note.title,
        note.text,
        super::to_json(&note.tags),
        note.confidential,
        time_text(now),
        time_text(now),
    ])?;
    search::replace(conn, note.id, case_id, &search::note_entries(&note))?;
    audit::append(conn, AuditAction::NoteCreated, Some(case_id), Some(note.id))?;
    // Read back so the value returned is exactly what is stored (timestamp precision).
    get(conn, note.id)
}

impl Notes<'_> {
    /// A new note in a case, indexed for search, with an audit row.
    pub fn create(&self, case_id: Uuid, input: &NoteInput) -> Result<Note> {
        write(self.conn, |tx| {
            touch_case(tx, case_id)?;
            insert(tx, case_id, input)
        })
    }

    /// Many new notes in one transaction (an import; the tests' generated vaults).
    pub fn create_many(&self, notes: &[(Uuid, NoteInput)]) -> Result<Vec<Note>> {
        write(self.conn, |tx| {
            let mut out = Vec::with_capacity(notes.len());
            for (case_id, input) in notes {
                touch_case(tx, *case_id)?;
                out.push(insert(tx, *case_id, input)?);
            }
            Ok(out)
        })
    }

    /// Saves what the note now says (autosave). When the title or the text changed, the state before
    /// is kept as the next [`NoteVersion`] (see [`keeps_previous_version`]). A note in the trash is
    /// not changed (`not_found`).
    pub fn update(&self, id: Uuid, input: &NoteInput) -> Result<Note> {
        write(self.conn, |tx| {
            let old = get(tx, id)?;
            if old.deleted_at.is_some() {
                return Err(VaultError::NotFound("note"));
            }
            let input = input.clone().normalised();
            if keeps_previous_version(&old.title, &old.text, &input.title, &input.text) {
                let last: Option<u32> =
                    tx.query_row("SELECT max(number) FROM note_versions WHERE note_id = ?1", [id.to_string()], |r| {
                        r.get(0)
                    })?;
                tx.execute(
                    "INSERT INTO note_versions (note_id, number, case_id, title, text, saved_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![id.to_string(), last.unwrap_or(0) + 1, old.case_id.to_string(), old.title, old.text, time_text(old.updated_at)],
                )?;
            }
            let n = tx.execute(
                "UPDATE notes SET person_id = ?2, conversation_id = ?3, date = ?4, title = ?5, text = ?6, tags = ?7,
                        confidential = ?8, updated_at = ?9
                 WHERE id = ?1",
                params![
                    id.to_string(),
                    input.person_id.map(|p| p.to_string()),
                    input.conversation_id.map(|c| c.to_string()),
                    input.date.format("%Y-%m-%d").to_string(),
                    input.title,
                    input.text,
                    super::to_json(&input.tags),
                    input.confidential,
                    time_text(Utc::now()),
                ],
            )?;
            expect_changed(n, "note")?;
            touch_case(tx, old.case_id)?;
            let note = get(tx, id)?;
            search::replace(tx, id, old.case_id, &search::note_entries(&note))?;
            audit::append(tx, AuditAction::NoteSaved, Some(old.case_id), Some(id))?;
            Ok(note)
        })
    }

    pub fn get(&self, id: Uuid) -> Result<Note> {
        get(self.conn, id)
    }

    /// The live notes of a case, newest date first.
    pub fn list(&self, case_id: Uuid) -> Result<Vec<Note>> {
        read(self.conn, |tx| list_where(tx, case_id, false))
    }

    /// The tags of each live note of a case (for the case list's marker; no note text is read).
    pub fn live_tags(&self, case_id: Uuid) -> Result<Vec<Vec<String>>> {
        let mut stmt =
            self.conn.prepare_cached("SELECT tags FROM notes WHERE case_id = ?1 AND deleted_at IS NULL ORDER BY id")?;
        let rows = stmt.query_map([case_id.to_string()], |r| r.get::<_, String>(0))?;
        rows.map(|t| super::parse_json(&t?)).collect()
    }

    /// The notes of a case in the trash, newest date first.
    pub fn list_trash(&self, case_id: Uuid) -> Result<Vec<Note>> {
        read(self.conn, |tx| list_where(tx, case_id, true))
    }

    fn set_deleted(&self, id: Uuid, deleted: bool) -> Result<()> {
        write(self.conn, |tx| {
            let note = get(tx, id)?;
            let (n, action) = if deleted {
                let sql = "UPDATE notes SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL";
                (tx.execute(sql, params![id.to_string(), time_text(Utc::now())])?, AuditAction::NoteTrashed)
            } else {
                let sql = "UPDATE notes SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL";
                (tx.execute(sql, [id.to_string()])?, AuditAction::NoteRestored)
            };
            expect_changed(n, "note")?;
            search::set_trashed(tx, id, deleted)?;
            touch_case(tx, note.case_id)?;
            audit::append(tx, action, Some(note.case_id), Some(id))
        })
    }

    /// Moves a note to the trash: it leaves the list and search, and can be restored.
    pub fn trash(&self, id: Uuid) -> Result<()> {
        self.set_deleted(id, true)
    }

    /// Takes a note out of the trash.
    pub fn restore(&self, id: Uuid) -> Result<()> {
        self.set_deleted(id, false)
    }

    /// Deletes the notes of a case that are in the trash for good, with their versions and index rows
    /// (one audit row per note). Returns how many were deleted.
    pub fn empty_trash(&self, case_id: Uuid) -> Result<usize> {
        write(self.conn, |tx| {
            let ids: Vec<String> = tx
                .prepare("SELECT id FROM notes WHERE case_id = ?1 AND deleted_at IS NOT NULL ORDER BY id")?
                .query_map([case_id.to_string()], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for id in &ids {
                tx.execute("DELETE FROM notes WHERE id = ?1", [id])?;
                audit::append(tx, AuditAction::NoteDeleted, Some(case_id), Some(parse_uuid(id)?))?;
            }
            if !ids.is_empty() {
                touch_case(tx, case_id)?;
            }
            Ok(ids.len())
        })
    }

    /// The earlier versions of a note, oldest first.
    pub fn versions(&self, id: Uuid) -> Result<Vec<NoteVersion>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT number, title, text, saved_at FROM note_versions WHERE note_id = ?1 ORDER BY number",
        )?;
        let rows = stmt.query_map([id.to_string()], |r| {
            Ok((r.get::<_, u32>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
        })?;
        rows.map(|row| {
            let (number, title, text, saved) = row?;
            Ok(NoteVersion { note_id: id, number, title, text, saved_at: parse_time(&saved)? })
        })
        .collect()
    }
}

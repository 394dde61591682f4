//! The professional's notes and full-text search (issue 13).
//!
//! Checked here, because they need the vault: the note, the linked person and the linked conversation
//! belong to the case of the request (`not_in_case`), the note's date is not in the future, and the
//! lengths of title, tags and query (`app::limits`).

use domain::notes::{Note, NoteInput, NoteVersion};
use uuid::Uuid;
use vault::Vault;

use super::{conversation_of, household, past_date, person_of, same_case};
use crate::contract::*;
use crate::env::Env;
use crate::error::AppResult;
use crate::limits;
use crate::views::{NotesView, SearchResults};

/// The most results one search returns, best first.
pub const SEARCH_LIMIT: u32 = 50;

/// A note of this case (also when it is in the trash).
fn note_of(v: &Vault, case_id: Uuid, id: Uuid) -> AppResult<Note> {
    v.cases().get(case_id)?;
    let note = v.notes().get(id)?;
    same_case(note.case_id, case_id)?;
    Ok(note)
}

/// What a note may say and link to in this case.
fn checked_input(env: &Env<'_>, v: &Vault, case_id: Uuid, input: &NoteInput) -> AppResult<()> {
    limits::check_note(input)?;
    past_date(input.date, env.clock.today)?;
    let hh = household(v, case_id)?;
    if let Some(p) = input.person_id {
        person_of(v, &hh, p)?;
    }
    if let Some(c) = input.conversation_id {
        conversation_of(v, case_id, c)?;
    }
    Ok(())
}

pub fn notes_list(env: &mut Env<'_>, r: NotesListRequest) -> AppResult<NotesView> {
    env.vault(|v| {
        v.cases().get(r.case_id)?;
        Ok(NotesView { notes: v.notes().list(r.case_id)?, trash: v.notes().list_trash(r.case_id)? })
    })
}

pub fn note_create(env: &mut Env<'_>, r: NoteCreateRequest) -> AppResult<Note> {
    env.vault(|v| {
        checked_input(env, v, r.case_id, &r.input)?;
        Ok(v.notes().create(r.case_id, &r.input)?)
    })
}

/// Saves what the note says now (autosave); the vault keeps the earlier text as a version.
pub fn note_save(env: &mut Env<'_>, r: NoteSaveRequest) -> AppResult<Note> {
    env.vault(|v| {
        note_of(v, r.case_id, r.note_id)?;
        checked_input(env, v, r.case_id, &r.input)?;
        Ok(v.notes().update(r.note_id, &r.input)?)
    })
}

pub fn note_trash(env: &mut Env<'_>, r: NoteTrashRequest) -> AppResult<()> {
    env.vault(|v| {
        note_of(v, r.case_id, r.note_id)?;
        Ok(v.notes().trash(r.note_id)?)
    })
}

pub fn note_restore(env: &mut Env<'_>, r: NoteRestoreRequest) -> AppResult<()> {
    env.vault(|v| {
        note_of(v, r.case_id, r.note_id)?;
        Ok(v.notes().restore(r.note_id)?)
    })
}

/// Deletes the notes in the case's trash for good; returns how many.
pub fn notes_trash_empty(env: &mut Env<'_>, r: NotesTrashEmptyRequest) -> AppResult<u32> {
    env.vault(|v| {
        v.cases().get(r.case_id)?;
        Ok(u32::try_from(v.empty_note_trash(r.case_id)?).unwrap_or(u32::MAX))
    })
}

/// The earlier versions of a note, newest first (as "Eerdere versies" lists them).
pub fn note_versions(env: &mut Env<'_>, r: NoteVersionsRequest) -> AppResult<Vec<NoteVersion>> {
    env.vault(|v| {
        note_of(v, r.case_id, r.note_id)?;
        let mut versions = v.notes().versions(r.note_id)?;
        versions.reverse();
        Ok(versions)
    })
}

/// Searches every case, or the one given. A query with nothing to search for (only spaces or
/// punctuation) finds nothing; the query language is `domain::search::parse_query`.
pub fn search(env: &mut Env<'_>, r: SearchRequest) -> AppResult<SearchResults> {
    limits::check_query(&r.query)?;
    env.vault(|v| {
        if let Some(case_id) = r.case_id {
            v.cases().get(case_id)?;
        }
        let Some(query) = domain::search::parse_query(&r.query) else {
            return Ok(SearchResults { hits: Vec::new(), more: false });
        };
        let mut hits = v.search(&query, r.case_id, SEARCH_LIMIT + 1)?;
        let more = hits.len() > SEARCH_LIMIT as usize;
        hits.truncate(SEARCH_LIMIT as usize);
        Ok(SearchResults { hits, more })
    })
}

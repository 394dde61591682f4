//! The full-text index (schema 4), inside the encrypted database like everything else.
//!
//! `search_docs` has one row per indexed text; `search_fts` (FTS5, tokenizer `unicode61
//! remove_diacritics 2`, external content) indexes its `title`, `text` and `scope` (one token naming
//! the case), kept in step by triggers on `search_docs`. What is in the trash waits in `search_trash`,
//! outside the index. The repositories call [`replace`] / [`set_trashed`] in the transaction of the
//! write they index; deleting a source row (also by a cascade) or a case removes its rows by trigger.
//!
//! A search is decided inside the index (the typed words only in `title` and `text`, the case by its
//! scope token), ranked by bm25 (a title counts double) and cut to the limit there; only the rows
//! returned are joined with their case, so a word in half of 50,000 notes costs no 25,000 lookups.
//! FTS5's `secure-delete` is on, so a deleted row's words leave the index b-tree at once rather than at
//! the next merge; SQLite's `secure_delete` zeroes the freed cells, and a VACUUM drops the free pages.
//!
//! Queries come from [`domain::search::Query::match_expression`], never from user text.

use chrono::{DateTime, NaiveDate, Utc};
use domain::notes::Note;
use domain::search::{Query, SearchHit, SearchKind, index_text, snippet_parts};
use domain::{Answer, BehaviourRecord};
use rusqlite::{Connection, params};
use uuid::Uuid;

use super::{enum_text, parse_date, parse_enum, parse_json, parse_uuid};
use crate::error::Result;

/// The schema version from which the index exists. Writes to a vault made at an older version (only
/// the migration tests do that) are indexed by the migration instead.
const INDEX_SINCE: u32 = 4;

/// One text to index.
#[derive(Debug, Clone, PartialEq)]
#[doc(hidden)]
pub struct Entry {
    pub kind: SearchKind,
    pub item_id: Uuid,
    pub conversation_id: Option<Uuid>,
    pub reference: Option<String>,
    pub date: NaiveDate,
    pub confidential: bool,
    pub trashed: bool,
    pub title: String,
    pub text: String,
}

fn has_index(conn: &Connection) -> Result<bool> {
    Ok(crate::migrations::user_version(conn)? >= INDEX_SINCE)
}

/// The token that names a case in the `scope` column.
fn scope(case_id: Uuid) -> String {
    format!("c{}", case_id.simple())
}

fn day(t: DateTime<Utc>) -> NaiveDate {
    t.date_naive()
}

/// Replaces the index rows of `owner` (a note, an answer, a record, a plan, a case) with `entries`
/// (those marked `trashed` go to the trash table, outside the index).
pub(crate) fn replace(conn: &Connection, owner: Uuid, case_id: Uuid, entries: &[Entry]) -> Result<()> {
    if !has_index(conn)? {
        return Ok(());
    }
    for table in ["search_docs", "search_trash"] {
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE owner_id = ?1"))?.execute([owner.to_string()])?;
    }
    for e in entries {
        if e.title.trim().is_empty() && e.text.trim().is_empty() {
            continue;
        }
        let table = if e.trashed { "search_trash" } else { "search_docs" };
        let mut insert = conn.prepare_cached(&format!(
            "INSERT INTO {table} (kind, owner_id, item_id, case_id, conversation_id, reference, date, confidential, title, text, scope)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
        ))?;
        insert.execute(params![
            enum_text(&e.kind),
            owner.to_string(),
            e.item_id.to_string(),
            case_id.to_string(),
            e.conversation_id.map(|c| c.to_string()),
            e.reference,
            e.date.format("%Y-%m-%d").to_string(),
            e.confidential,
            index_text(&e.title),
            index_text(&e.text),
            scope(case_id),
        ])?;
    }
    Ok(())
}

/// Moves the rows of `owner` out of the index into the trash table, or back.
pub(crate) fn set_trashed(conn: &Connection, owner: Uuid, trashed: bool) -> Result<()> {
    if !has_index(conn)? {
        return Ok(());
    }
    let (from, to) = if trashed { ("search_docs", "search_trash") } else { ("search_trash", "search_docs") };
    // Without `n`: a row coming back gets a new one (its old one may have been given out meanwhile).
    let columns =
        "kind, owner_id, item_id, case_id, conversation_id, reference, date, confidential, title, text, scope";
    conn.prepare_cached(&format!("INSERT INTO {to} ({columns}) SELECT {columns} FROM {from} WHERE owner_id = ?1"))?
        .execute([owner.to_string()])?;
    conn.prepare_cached(&format!("DELETE FROM {from} WHERE owner_id = ?1"))?.execute([owner.to_string()])?;
    Ok(())
}

pub(crate) fn note_entries(note: &Note) -> Vec<Entry> {
    vec![Entry {
        kind: SearchKind::Note,
        item_id: note.id,
        conversation_id: note.conversation_id,
        reference: None,
        date: note.date,
        confidential: note.confidential,
        trashed: note.deleted_at.is_some(),
        title: note.title.clone(),
        text: domain::search::note_plain_text(&note.text),
    }]
}

pub(crate) fn answer_entries(answer: &Answer) -> Vec<Entry> {
    vec![Entry {
        kind: SearchKind::Answer,
        item_id: answer.id,
        conversation_id: Some(answer.conversation_id),
        reference: Some(answer.question_id.clone()),
        date: day(answer.updated_at),
        confidential: answer.confidential != domain::Visibility::Everyone,
        trashed: false,
        title: String::new(),
        text: domain::search::answer_text(answer),
    }]
}

pub(crate) fn record_entries(record: &BehaviourRecord, trashed: bool) -> Vec<Entry> {
    vec![Entry {
        kind: SearchKind::BehaviourRecord,
        item_id: record.id,
        conversation_id: record.conversation_id,
        reference: Some(record.behaviour_id.clone()),
        date: record.last_occurrence.or(record.first_occurrence).unwrap_or_else(|| day(record.updated_at)),
        confidential: record.confidential != domain::Visibility::Everyone,
        trashed,
        title: String::new(),
        text: record.impact_text.clone(),
    }]
}

pub(crate) fn plan_entries(plan: &domain::plan::SafetyPlan) -> Vec<Entry> {
    domain::search::plan_item_texts(plan)
        .into_iter()
        .map(|(item_id, section, restricted, text)| Entry {
            kind: SearchKind::PlanItem,
            item_id,
            conversation_id: None,
            reference: Some(enum_text(&section)),
            date: day(plan.updated_at),
            confidential: restricted,
            trashed: false,
            title: String::new(),
            text,
        })
        .collect()
}

pub(crate) fn case_entries(case_id: Uuid, label: &str, created_at: DateTime<Utc>) -> Vec<Entry> {
    vec![Entry {
        kind: SearchKind::Case,
        item_id: case_id,
        conversation_id: None,
        reference: None,
        date: day(created_at),
        confidential: false,
        trashed: false,
        title: label.to_owned(),
        text: String::new(),
    }]
}

/// Indexes everything stored before the index existed (the step to schema 4).
pub(crate) fn reindex_all(conn: &Connection) -> Result<()> {
    conn.execute_batch("DELETE FROM search_docs; DELETE FROM search_trash;")?;
    let cases: Vec<(String, String, String)> = conn
        .prepare("SELECT id, label, created_at FROM cases")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, label, created) in cases {
        let id = parse_uuid(&id)?;
        replace(conn, id, id, &case_entries(id, &label, super::parse_time(&created)?))?;
    }
    let bodies = |sql: &str| -> Result<Vec<(String, String, Option<String>)>> {
        Ok(conn
            .prepare(sql)?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?)
    };
    for (case_id, body, _) in bodies("SELECT case_id, body, NULL FROM answers")? {
        let a: Answer = parse_json(&body)?;
        replace(conn, a.id, parse_uuid(&case_id)?, &answer_entries(&a))?;
    }
    for (case_id, body, deleted) in bodies("SELECT case_id, body, deleted_at FROM behaviour_records")? {
        let r: BehaviourRecord = parse_json(&body)?;
        replace(conn, r.id, parse_uuid(&case_id)?, &record_entries(&r, deleted.is_some()))?;
    }
    for (case_id, body, _) in bodies("SELECT case_id, body, NULL FROM safety_plans")? {
        let p: domain::plan::SafetyPlan = parse_json(&body)?;
        replace(conn, p.id, parse_uuid(&case_id)?, &plan_entries(&p))?;
    }
    Ok(())
}

/// The best `limit` matches of `query`, in all cases or in one (nothing in the trash is indexed).
pub(crate) fn search(conn: &Connection, query: &Query, case_id: Option<Uuid>, limit: u32) -> Result<Vec<SearchHit>> {
    // Only our own syntax around the quoted words of `match_expression`.
    let mut expression = format!("{{title text}} : ({})", query.match_expression());
    if let Some(case_id) = case_id {
        expression.push_str(&format!(" AND scope : \"{}\"", scope(case_id)));
    }
    let sql =
        "SELECT d.kind, d.case_id, c.label, d.item_id, d.conversation_id, d.reference, d.date, d.title, d.confidential,
                      f.title_snippet, f.text_snippet
               FROM (SELECT rowid AS n, rank AS r,
                            snippet(search_fts, 0, char(2), char(3), '…', 16) AS title_snippet,
                            snippet(search_fts, 1, char(2), char(3), '…', 16) AS text_snippet
                     FROM search_fts WHERE search_fts MATCH ?1 ORDER BY rank LIMIT ?2) f
               JOIN search_docs d ON d.n = f.n
               JOIN cases c ON c.id = d.case_id
               ORDER BY f.r, f.n";
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params![expression, limit], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, Option<String>>(5)?,
            r.get::<_, String>(6)?,
            r.get::<_, String>(7)?,
            r.get::<_, bool>(8)?,
            r.get::<_, String>(9)?,
            r.get::<_, String>(10)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (kind, case, label, item, conversation, reference, date, title, confidential, in_title, in_text) = row?;
        // The text's snippet where the words are found there; else the title's (a case label, a title).
        let snippet =
            if in_text.contains(domain::search::MARK_START) || in_title.trim().is_empty() { in_text } else { in_title };
        out.push(SearchHit {
            kind: parse_enum(&kind)?,
            case_id: parse_uuid(&case)?,
            case_label: label,
            item_id: parse_uuid(&item)?,
            conversation_id: conversation.as_deref().map(parse_uuid).transpose()?,
            reference,
            date: parse_date(&date)?,
            title,
            snippet: snippet_parts(&snippet),
            confidential,
        });
    }
    Ok(out)
}

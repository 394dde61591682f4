//! Repositories of the case's records that are stored as JSON documents (schema 2): conversations,
//! answers, behaviour records (with a trash), judgements, acute decisions, child pre-checks, Meldcode
//! entries and safety plans. One generic implementation, [`Docs`], with a [`Doc`] impl per type that
//! names its table, its lookup columns and its domain checks.

use std::marker::PhantomData;

use chrono::Utc;
use domain::analysis::{AcuteDecision, Judgement};
use domain::plan::{PlanVersion, SafetyPlan};
use domain::{Answer, BehaviourRecord, CaseSnapshot, ChildPrecheck, Conversation, MeldcodeEntry};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::{expect_changed, parse_json, parse_uuid, read, search, time_text, to_json, write};
use crate::audit::{self, AuditAction};
use crate::error::{Result, VaultError};

/// A record kept as a JSON document in its own table.
pub trait Doc: Serialize + DeserializeOwned {
    #[doc(hidden)]
    const TABLE: &'static str;
    #[doc(hidden)]
    const WHAT: &'static str;
    #[doc(hidden)]
    const SAVED: AuditAction;
    #[doc(hidden)]
    const DELETED: AuditAction;
    /// Column the lists are ordered by (then by id).
    #[doc(hidden)]
    const ORDER_BY: &'static str;
    #[doc(hidden)]
    fn id(&self) -> Uuid;
    /// The case the record belongs to; looked up for types that do not carry it.
    #[doc(hidden)]
    fn case_id(&self, conn: &Connection) -> Result<Uuid>;
    /// Domain checks before saving.
    #[doc(hidden)]
    fn check(&self, _conn: &Connection, _case_id: Uuid) -> Result<()> {
        Ok(())
    }
    /// The lookup columns besides `id`, `case_id` and `body`.
    #[doc(hidden)]
    fn columns(&self) -> Vec<(&'static str, Value)>;
    /// What of the record is found by search (`None`: the kind is not indexed).
    #[doc(hidden)]
    fn search_entries(&self) -> Option<Vec<search::Entry>> {
        None
    }
}

fn text(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

fn opt_text(s: Option<impl Into<String>>) -> Value {
    s.map_or(Value::Null, |s| Value::Text(s.into()))
}

fn case_of_person(conn: &Connection, person: Uuid) -> Result<Uuid> {
    Ok(super::persons::get(conn, person)?.case_id)
}

impl Doc for Conversation {
    const TABLE: &'static str = "conversations";
    const WHAT: &'static str = "conversation";
    const SAVED: AuditAction = AuditAction::ConversationSaved;
    const DELETED: AuditAction = AuditAction::ConversationDeleted;
    const ORDER_BY: &'static str = "started_at";
    fn id(&self) -> Uuid {
        self.id
    }
    fn case_id(&self, _: &Connection) -> Result<Uuid> {
        Ok(self.case_id)
    }
    fn check(&self, conn: &Connection, case_id: Uuid) -> Result<()> {
        self.validate()?;
        for p in &self.participants {
            if case_of_person(conn, *p)? != case_id {
                return Err(VaultError::NotFound("person"));
            }
        }
        Ok(())
    }
    fn columns(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("guide_id", text(&self.guide_id)),
            ("guide_version", Value::Integer(self.guide_version.into())),
            ("started_at", text(time_text(self.started_at))),
        ]
    }
}

impl Doc for Answer {
    const TABLE: &'static str = "answers";
    const WHAT: &'static str = "answer";
    const SAVED: AuditAction = AuditAction::AnswerSaved;
    const DELETED: AuditAction = AuditAction::AnswerDeleted;
    const ORDER_BY: &'static str = "updated_at";
    fn id(&self) -> Uuid {
        self.id
    }
    fn case_id(&self, conn: &Connection) -> Result<Uuid> {
        let c: Option<String> = conn
            .query_row("SELECT case_id FROM conversations WHERE id = ?1", [self.conversation_id.to_string()], |r| r.get(0))
            .optional()?;
        parse_uuid(&c.ok_or(VaultError::NotFound("conversation"))?)
    }
    fn check(&self, conn: &Connection, case_id: Uuid) -> Result<()> {
        self.value.validate()?;
        if case_of_person(conn, self.source_person)? != case_id {
            return Err(VaultError::NotFound("person"));
        }
        Ok(())
    }
    fn columns(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("conversation_id", text(self.conversation_id.to_string())),
            ("question_id", text(&self.question_id)),
            ("source_person", text(self.source_person.to_string())),
            ("updated_at", text(time_text(self.updated_at))),
        ]
    }
    fn search_entries(&self) -> Option<Vec<search::Entry>> {
        Some(search::answer_entries(self))
    }
}

impl Doc for BehaviourRecord {
    const TABLE: &'static str = "behaviour_records";
    const WHAT: &'static str = "behaviour record";
    const SAVED: AuditAction = AuditAction::BehaviourRecordSaved;
    const DELETED: AuditAction = AuditAction::BehaviourRecordDeleted;
    const ORDER_BY: &'static str = "updated_at";
    fn id(&self) -> Uuid {
        self.id
    }
    fn case_id(&self, _: &Connection) -> Result<Uuid> {
        Ok(self.case_id)
    }
    fn check(&self, conn: &Connection, case_id: Uuid) -> Result<()> {
        self.validate()?;
        for p in self.actors.iter().chain(&self.targets).chain([&self.source_person]) {
            if case_of_person(conn, *p)? != case_id {
                return Err(VaultError::NotFound("person"));
            }
        }
        Ok(())
    }
    fn columns(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("behaviour_id", text(&self.behaviour_id)),
            ("source_person", text(self.source_person.to_string())),
            ("conversation_id", opt_text(self.conversation_id.map(|c| c.to_string()))),
            ("updated_at", text(time_text(self.updated_at))),
        ]
    }
    fn search_entries(&self) -> Option<Vec<search::Entry>> {
        // Saving keeps a record's place (in the trash or not); `Docs::save` sets the flag from the row.
        Some(search::record_entries(self, false))
    }
}

impl Doc for Judgement {
    const TABLE: &'static str = "judgements";
    const WHAT: &'static str = "judgement";
    const SAVED: AuditAction = AuditAction::JudgementSaved;
    const DELETED: AuditAction = AuditAction::JudgementDeleted;
    const ORDER_BY: &'static str = "decided_at";
    fn id(&self) -> Uuid {
        self.id
    }
    fn case_id(&self, _: &Connection) -> Result<Uuid> {
        Ok(self.case_id)
    }
    fn check(&self, _: &Connection, _: Uuid) -> Result<()> {
        if self.conclusion_key.trim().is_empty() {
            return Err(domain::DomainError::Empty("conclusion_key").into());
        }
        Ok(())
    }
    fn columns(&self) -> Vec<(&'static str, Value)> {
        vec![("conclusion_key", text(&self.conclusion_key)), ("decided_at", text(time_text(self.decided_at)))]
    }
}

impl Doc for AcuteDecision {
    const TABLE: &'static str = "acute_decisions";
    const WHAT: &'static str = "acute decision";
    const SAVED: AuditAction = AuditAction::AcuteDecisionSaved;
    const DELETED: AuditAction = AuditAction::AcuteDecisionDeleted;
    const ORDER_BY: &'static str = "decided_at";
    fn id(&self) -> Uuid {
        self.id
    }
    fn case_id(&self, _: &Connection) -> Result<Uuid> {
        Ok(self.case_id)
    }
    fn columns(&self) -> Vec<(&'static str, Value)> {
        vec![("decided_at", text(time_text(self.decided_at)))]
    }
}

/// One pre-check per child (its id is the child's id); saving again replaces it.
impl Doc for ChildPrecheck {
    const TABLE: &'static str = "child_prechecks";
    const WHAT: &'static str = "child pre-check";
    const SAVED: AuditAction = AuditAction::ChildPrecheckSaved;
    const DELETED: AuditAction = AuditAction::ChildPrecheckDeleted;
    const ORDER_BY: &'static str = "checked_at";
    fn id(&self) -> Uuid {
        self.child_id
    }
    fn case_id(&self, conn: &Connection) -> Result<Uuid> {
        case_of_person(conn, self.child_id)
    }
    fn columns(&self) -> Vec<(&'static str, Value)> {
        vec![("checked_at", text(time_text(self.checked_at)))]
    }
}

impl Doc for MeldcodeEntry {
    const TABLE: &'static str = "meldcode_entries";
    const WHAT: &'static str = "Meldcode entry";
    const SAVED: AuditAction = AuditAction::MeldcodeEntrySaved;
    const DELETED: AuditAction = AuditAction::MeldcodeEntryDeleted;
    const ORDER_BY: &'static str = "recorded_at";
    fn id(&self) -> Uuid {
        self.id
    }
    fn case_id(&self, _: &Connection) -> Result<Uuid> {
        Ok(self.case_id)
    }
    fn check(&self, _: &Connection, _: Uuid) -> Result<()> {
        // The step/question check needs the Meldcode model from content: the caller runs
        // `MeldcodeEntry::validate(&model)`; here only what needs no content.
        if !(1..=5).contains(&self.step) {
            return Err(domain::DomainError::Invalid("unknown Meldcode step").into());
        }
        Ok(())
    }
    fn columns(&self) -> Vec<(&'static str, Value)> {
        vec![("step", Value::Integer(self.step.into())), ("recorded_at", text(time_text(self.recorded_at)))]
    }
}

impl Doc for SafetyPlan {
    const TABLE: &'static str = "safety_plans";
    const WHAT: &'static str = "safety plan";
    const SAVED: AuditAction = AuditAction::SafetyPlanSaved;
    const DELETED: AuditAction = AuditAction::SafetyPlanDeleted;
    const ORDER_BY: &'static str = "updated_at";
    fn id(&self) -> Uuid {
        self.id
    }
    fn case_id(&self, _: &Connection) -> Result<Uuid> {
        Ok(self.case_id)
    }
    fn check(&self, conn: &Connection, case_id: Uuid) -> Result<()> {
        Ok(self.validate(&super::household::household(conn, case_id)?)?)
    }
    fn columns(&self) -> Vec<(&'static str, Value)> {
        vec![("updated_at", text(time_text(self.updated_at)))]
    }
    fn search_entries(&self) -> Option<Vec<search::Entry>> {
        Some(search::plan_entries(self))
    }
}

/// The repository of one kind of record; get it with e.g. [`crate::Vault::conversations`].
pub struct Docs<'v, T> {
    pub(crate) conn: &'v Connection,
    pub(crate) _t: PhantomData<T>,
}

/// Whether the table has a trash (`deleted_at`).
fn has_trash<T: Doc>() -> bool {
    T::TABLE == BehaviourRecord::TABLE
}

fn live_filter<T: Doc>() -> &'static str {
    if has_trash::<T>() { " AND deleted_at IS NULL" } else { "" }
}

pub(crate) fn list_docs<T: Doc>(conn: &Connection, case_id: Uuid) -> Result<Vec<T>> {
    let sql = format!(
        "SELECT body FROM {} WHERE case_id = ?1{} ORDER BY {}, id",
        T::TABLE,
        live_filter::<T>(),
        T::ORDER_BY
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([case_id.to_string()], |r| r.get::<_, String>(0))?;
    rows.map(|b| parse_json(&b?)).collect()
}

fn get_doc<T: Doc>(conn: &Connection, id: Uuid) -> Result<T> {
    let body: Option<String> = conn
        .query_row(&format!("SELECT body FROM {} WHERE id = ?1", T::TABLE), [id.to_string()], |r| r.get(0))
        .optional()?;
    parse_json(&body.ok_or(VaultError::NotFound(T::WHAT))?)
}

fn stored_case<T: Doc>(conn: &Connection, id: Uuid) -> Result<Option<Uuid>> {
    let c: Option<String> = conn
        .query_row(&format!("SELECT case_id FROM {} WHERE id = ?1", T::TABLE), [id.to_string()], |r| r.get(0))
        .optional()?;
    c.as_deref().map(parse_uuid).transpose()
}

impl<T: Doc> Docs<'_, T> {
    /// Inserts or replaces the record (by id), in one transaction with the case's `updated_at` and an
    /// audit row. A record cannot move to another case.
    pub fn save(&self, doc: &T) -> Result<()> {
        write(self.conn, |tx| {
            let case_id = doc.case_id(tx)?;
            if stored_case::<T>(tx, doc.id())?.is_some_and(|c| c != case_id) {
                return Err(domain::DomainError::Invalid("record of another case").into());
            }
            super::touch_case(tx, case_id)?;
            doc.check(tx, case_id)?;
            let cols = doc.columns();
            let names: Vec<&str> = cols.iter().map(|(n, _)| *n).collect();
            let placeholders: Vec<String> = (0..cols.len() + 3).map(|i| format!("?{}", i + 1)).collect();
            let updates: Vec<String> =
                names.iter().chain(&["body"]).map(|n| format!("{n} = excluded.{n}")).collect();
            let sql = format!(
                "INSERT INTO {} (id, case_id, {}, body) VALUES ({}) ON CONFLICT(id) DO UPDATE SET {}",
                T::TABLE,
                names.join(", "),
                placeholders.join(", "),
                updates.join(", ")
            );
            let mut values = vec![text(doc.id().to_string()), text(case_id.to_string())];
            values.extend(cols.into_iter().map(|(_, v)| v));
            values.push(text(to_json(doc)));
            tx.prepare_cached(&sql)?.execute(params_from_iter(values))?;
            if let Some(mut entries) = doc.search_entries() {
                if has_trash::<T>() {
                    let trashed: bool = tx.query_row(
                        &format!("SELECT deleted_at IS NOT NULL FROM {} WHERE id = ?1", T::TABLE),
                        [doc.id().to_string()],
                        |r| r.get(0),
                    )?;
                    entries.iter_mut().for_each(|e| e.trashed = trashed);
                }
                search::replace(tx, doc.id(), case_id, &entries)?;
            }
            audit::append(tx, T::SAVED, Some(case_id), Some(doc.id()))
        })
    }

    pub fn get(&self, id: Uuid) -> Result<T> {
        get_doc(self.conn, id)
    }

    /// The records of a case (for behaviour records: not the ones in the trash), oldest first.
    pub fn list(&self, case_id: Uuid) -> Result<Vec<T>> {
        list_docs(self.conn, case_id)
    }

    /// Deletes the record for good.
    pub fn delete(&self, id: Uuid) -> Result<()> {
        write(self.conn, |tx| {
            let case_id = stored_case::<T>(tx, id)?.ok_or(VaultError::NotFound(T::WHAT))?;
            let n = tx.execute(&format!("DELETE FROM {} WHERE id = ?1", T::TABLE), [id.to_string()])?;
            expect_changed(n, T::WHAT)?;
            super::touch_case(tx, case_id)?;
            audit::append(tx, T::DELETED, Some(case_id), Some(id))
        })
    }
}

impl Docs<'_, Answer> {
    /// The answers given in one conversation.
    pub fn list_for_conversation(&self, conversation_id: Uuid) -> Result<Vec<Answer>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT body FROM answers WHERE conversation_id = ?1 ORDER BY updated_at, id")?;
        let rows = stmt.query_map([conversation_id.to_string()], |r| r.get::<_, String>(0))?;
        rows.map(|b| parse_json(&b?)).collect()
    }
}

impl Docs<'_, BehaviourRecord> {
    fn set_deleted(&self, id: Uuid, deleted: bool) -> Result<()> {
        write(self.conn, |tx| {
            let case_id = stored_case::<BehaviourRecord>(tx, id)?.ok_or(VaultError::NotFound("behaviour record"))?;
            let now = time_text(Utc::now());
            let (n, action) = if deleted {
                let sql = "UPDATE behaviour_records SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL";
                (tx.execute(sql, params![id.to_string(), now])?, AuditAction::BehaviourRecordTrashed)
            } else {
                let sql = "UPDATE behaviour_records SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL";
                (tx.execute(sql, params![id.to_string()])?, AuditAction::BehaviourRecordRestored)
            };
            expect_changed(n, "behaviour record")?;
            search::set_trashed(tx, id, deleted)?;
            super::touch_case(tx, case_id)?;
            audit::append(tx, action, Some(case_id), Some(id))
        })
    }

    /// Moves a record to the trash: it leaves lists and the analysis, but can be restored.
    pub fn trash(&self, id: Uuid) -> Result<()> {
        self.set_deleted(id, true)
    }

    /// Takes a record out of the trash.
    pub fn restore(&self, id: Uuid) -> Result<()> {
        self.set_deleted(id, false)
    }

    /// The records of a case in the trash.
    pub fn list_trash(&self, case_id: Uuid) -> Result<Vec<BehaviourRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT body FROM behaviour_records WHERE case_id = ?1 AND deleted_at IS NOT NULL ORDER BY deleted_at, id",
        )?;
        let rows = stmt.query_map([case_id.to_string()], |r| r.get::<_, String>(0))?;
        rows.map(|b| parse_json(&b?)).collect()
    }
}

impl Docs<'_, SafetyPlan> {
    /// Freezes the current state of a plan as the next numbered version (printing/exporting does this).
    pub fn freeze(&self, plan_id: Uuid) -> Result<PlanVersion> {
        write(self.conn, |tx| {
            let plan: SafetyPlan = get_doc(tx, plan_id)?;
            let last: Option<u32> =
                tx.query_row("SELECT max(number) FROM plan_versions WHERE plan_id = ?1", [plan_id.to_string()], |r| r.get(0))?;
            let version = domain::plan::freeze(&plan, last.unwrap_or(0) + 1, Utc::now());
            tx.execute(
                "INSERT INTO plan_versions (plan_id, number, case_id, frozen_at, body) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![plan_id.to_string(), version.number, plan.case_id.to_string(), time_text(version.frozen_at), to_json(&version)],
            )?;
            audit::append(tx, AuditAction::PlanVersionFrozen, Some(plan.case_id), Some(plan_id))?;
            Ok(version)
        })
    }

    /// The frozen versions of a plan, oldest first.
    pub fn versions(&self, plan_id: Uuid) -> Result<Vec<PlanVersion>> {
        let mut stmt = self.conn.prepare_cached("SELECT body FROM plan_versions WHERE plan_id = ?1 ORDER BY number")?;
        let rows = stmt.query_map([plan_id.to_string()], |r| r.get::<_, String>(0))?;
        rows.map(|b| parse_json(&b?)).collect()
    }
}

/// Everything the analysis needs of one case, read in one transaction.
pub(crate) fn snapshot(conn: &Connection, case_id: Uuid) -> Result<CaseSnapshot> {
    read(conn, |tx| {
        Ok(CaseSnapshot {
            household: super::household::household(tx, case_id)?,
            conversations: list_docs(tx, case_id)?,
            answers: list_docs(tx, case_id)?,
            records: list_docs(tx, case_id)?,
            judgements: list_docs(tx, case_id)?,
            acute_decisions: list_docs(tx, case_id)?,
            prechecks: list_docs(tx, case_id)?,
        })
    })
}

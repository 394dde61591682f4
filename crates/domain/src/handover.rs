//! The handover file (`overdrachtsbestand`, issue 15 point 2): one case, or chosen parts of it, for
//! another practitioner's vault. This module holds what is in the file and its rules, without IO or
//! cryptography (the command layer encrypts it with the age format and writes it):
//!
//! - the [`Manifest`]: format name and version, the vault's schema version, the sender's app version,
//!   the day it was made, a unique export id, practice or real, the parts and their counts, and a
//!   SHA-256 checksum per part;
//! - the parts ([`HandoverPart`]) and what each needs ([`parts_checked`]): the persons always go along
//!   (nothing else makes sense without them), the records (behaviour records, judgements, acute
//!   decisions, Meldcode entries) only with the conversations they were told in (their evidence points
//!   at answers), the plan with the persons it names;
//! - the ids ([`declared_ids`], [`remap_ids`]): an import gives every id a new value, and refuses a file
//!   that refers to an id it does not itself declare — so nothing imported can point into another case
//!   of the receiving vault.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;
use uuid::Uuid;

use crate::analysis::{AcuteDecision, Judgement};
use crate::error::DomainError;
use crate::plan::SafetyPlan;
use crate::{Answer, BehaviourRecord, ChildPrecheck, Conversation, MeldcodeEntry, Person, Phase, Relation};

/// The format name in every manifest.
pub const FORMAT: &str = "samen-kijken-overdracht";
/// The version of the format this build writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// A part of a case that can be handed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum HandoverPart {
    /// The persons and their relations, and the case's label and phase. Always included.
    Persons,
    /// The conversations with their answers and the children's pre-checks.
    Conversations,
    /// Behaviour records (not the trash), judgements, acute decisions and the Meldcode log.
    Records,
    /// The safety plan as saved, escape plan included.
    Plan,
}

impl HandoverPart {
    pub const ALL: [HandoverPart; 4] = [HandoverPart::Persons, HandoverPart::Conversations, HandoverPart::Records, HandoverPart::Plan];

    /// The parts this part needs to make sense in the receiving vault.
    pub fn needs(self) -> &'static [HandoverPart] {
        match self {
            HandoverPart::Persons => &[],
            HandoverPart::Conversations | HandoverPart::Plan => &[HandoverPart::Persons],
            HandoverPart::Records => &[HandoverPart::Persons, HandoverPart::Conversations],
        }
    }
}

/// The parts asked for, sorted and without repeats, when each part's needs are among them;
/// `Invalid` otherwise (the persons missing, or records without the conversations).
pub fn parts_checked(asked: &[HandoverPart]) -> Result<Vec<HandoverPart>, DomainError> {
    let set: BTreeSet<HandoverPart> = asked.iter().copied().collect();
    if !set.contains(&HandoverPart::Persons) {
        return Err(DomainError::Invalid("the persons always go along"));
    }
    if set.iter().any(|p| p.needs().iter().any(|n| !set.contains(n))) {
        return Err(DomainError::Invalid("a part without what it needs"));
    }
    Ok(set.into_iter().collect())
}

/// How much of each kind the file holds (shown before import, and in the manifest).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HandoverCounts {
    pub persons: u32,
    pub relations: u32,
    pub conversations: u32,
    pub answers: u32,
    pub prechecks: u32,
    pub records: u32,
    pub judgements: u32,
    pub acute_decisions: u32,
    pub meldcode_entries: u32,
    pub plan_items: u32,
    /// Items of the plan's escape plan (the most sensitive part: the receiver sees that it is there).
    pub escape_plan_items: u32,
}

/// What the file says about itself. Inside the encryption, like everything else.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    /// The vault schema the parts were written with.
    pub schema_version: u32,
    pub app_version: String,
    pub created_at: DateTime<Utc>,
    /// Unique per file: the receiving vault remembers it, so one file never becomes two cases.
    pub export_id: Uuid,
    /// Made in a practice vault (fictional families): only a practice vault takes it in.
    pub practice: bool,
    pub parts: Vec<HandoverPart>,
    pub counts: HandoverCounts,
    /// SHA-256 (lower-case hex) of each part's JSON text as stored in the file.
    pub checksums: BTreeMap<HandoverPart, String>,
}

/// The persons part: the case's label and phase, its old id (every record refers to it), the persons
/// and their relations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonsPart {
    pub case_id: Uuid,
    pub case_label: String,
    pub phase: Phase,
    pub persons: Vec<Person>,
    pub relations: Vec<Relation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConversationsPart {
    pub conversations: Vec<Conversation>,
    pub answers: Vec<Answer>,
    pub prechecks: Vec<ChildPrecheck>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordsPart {
    pub records: Vec<BehaviourRecord>,
    pub judgements: Vec<Judgement>,
    pub acute_decisions: Vec<AcuteDecision>,
    pub meldcode_entries: Vec<MeldcodeEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanPart {
    pub plan: SafetyPlan,
}

/// Everything a handover file carries, as values.
#[derive(Debug, Clone, PartialEq)]
pub struct HandoverContent {
    pub persons: PersonsPart,
    pub conversations: Option<ConversationsPart>,
    pub records: Option<RecordsPart>,
    pub plan: Option<PlanPart>,
}

fn n(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

impl HandoverContent {
    /// The parts present, sorted.
    pub fn parts(&self) -> Vec<HandoverPart> {
        let mut parts = vec![HandoverPart::Persons];
        if self.conversations.is_some() {
            parts.push(HandoverPart::Conversations);
        }
        if self.records.is_some() {
            parts.push(HandoverPart::Records);
        }
        if self.plan.is_some() {
            parts.push(HandoverPart::Plan);
        }
        parts
    }

    pub fn counts(&self) -> HandoverCounts {
        let mut c = HandoverCounts { persons: n(self.persons.persons.len()), relations: n(self.persons.relations.len()), ..HandoverCounts::default() };
        if let Some(p) = &self.conversations {
            c.conversations = n(p.conversations.len());
            c.answers = n(p.answers.len());
            c.prechecks = n(p.prechecks.len());
        }
        if let Some(p) = &self.records {
            c.records = n(p.records.len());
            c.judgements = n(p.judgements.len());
            c.acute_decisions = n(p.acute_decisions.len());
            c.meldcode_entries = n(p.meldcode_entries.len());
        }
        if let Some(p) = &self.plan {
            let plan = &p.plan;
            c.escape_plan_items = n(plan.escape_plan.len());
            c.plan_items = n(plan.worries.len()
                + plan.conditions.len()
                + plan.acute_actions.len()
                + plan.agreements.len()
                + plan.problems.len()
                + plan.recovery.len()
                + plan.support.len()
                + plan.network.len()
                + plan.professionals.len()
                + plan.measures.len()
                + plan.signals.len()
                + plan.escape_plan.len());
        }
        c
    }
}

/// Every UUID written in `s` (hyphenated, either case), with its byte offset.
pub fn uuids_in(s: &str) -> Vec<(usize, Uuid)> {
    const LEN: usize = 36;
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + LEN <= b.len() {
        let w = &b[i..i + LEN];
        let shaped = w.iter().enumerate().all(|(k, c)| if matches!(k, 8 | 13 | 18 | 23) { *c == b'-' } else { c.is_ascii_hexdigit() });
        if shaped {
            if let Ok(id) = Uuid::parse_str(&s[i..i + LEN]) {
                out.push((i, id));
                i += LEN;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The ids a part declares: the `"id"` of each record in the part's lists (persons, relations,
/// conversations, answers, records, judgements, decisions, entries) and of an object the part holds (the
/// plan) with each record in its lists (the plan's items). Deeper `"id"`s are references (a Meldcode
/// entry's evidence). `Invalid` when one is declared twice (two records with one id would become one).
pub fn declared_ids(parts: &[&Value], into: &mut BTreeSet<Uuid>) -> Result<(), DomainError> {
    fn declare(v: &Value, into: &mut BTreeSet<Uuid>) -> Result<(), DomainError> {
        let id = v.get("id").and_then(Value::as_str).and_then(|s| Uuid::parse_str(s).ok());
        match id {
            Some(id) if !into.insert(id) => Err(DomainError::Invalid("an id declared twice")),
            _ => Ok(()),
        }
    }
    fn lists(v: &Value, into: &mut BTreeSet<Uuid>, nested: bool) -> Result<(), DomainError> {
        let Value::Object(fields) = v else { return Ok(()) };
        for v in fields.values() {
            match v {
                Value::Array(items) => items.iter().try_for_each(|item| declare(item, into))?,
                Value::Object(_) if nested => {
                    declare(v, into)?;
                    lists(v, into, false)?;
                }
                _ => {}
            }
        }
        Ok(())
    }
    parts.iter().try_for_each(|v| lists(v, into, true))
}

/// Replaces every id written in `v` (in values and in object keys, also inside longer texts such as a
/// judgement's conclusion key `pattern:<id>:<id>`) by its new value. `Invalid` when `v` names an id
/// that is not in `map`: a reference to something the file does not hold.
pub fn remap_ids(v: &mut Value, map: &BTreeMap<Uuid, Uuid>) -> Result<(), DomainError> {
    fn text(s: &str, map: &BTreeMap<Uuid, Uuid>) -> Result<Option<String>, DomainError> {
        let found = uuids_in(s);
        if found.is_empty() {
            return Ok(None);
        }
        let mut out = String::with_capacity(s.len());
        let mut at = 0;
        for (i, id) in found {
            let new = map.get(&id).ok_or(DomainError::Invalid("a reference to an id the file does not hold"))?;
            out.push_str(&s[at..i]);
            out.push_str(&new.to_string());
            at = i + 36;
        }
        out.push_str(&s[at..]);
        Ok(Some(out))
    }
    match v {
        Value::String(s) => {
            if let Some(new) = text(s, map)? {
                *s = new;
            }
            Ok(())
        }
        Value::Array(items) => items.iter_mut().try_for_each(|v| remap_ids(v, map)),
        Value::Object(obj) => {
            let old = std::mem::take(obj);
            for (k, mut v) in old {
                remap_ids(&mut v, map)?;
                let k = text(&k, map)?.unwrap_or(k);
                obj.insert(k, v);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// For the sender: drops references to ids outside `known` (to a part that stays behind, or to
/// something deleted long ago) — an element of a list is left out, a field becomes `null` — so the
/// file refers only to what it holds. Ids inside longer texts are left as they are.
pub fn drop_unknown_ids(v: &mut Value, known: &BTreeSet<Uuid>) {
    let unknown = |v: &Value| matches!(v, Value::String(s) if s.len() == 36 && Uuid::parse_str(s).is_ok_and(|id| !known.contains(&id)));
    match v {
        Value::Array(items) => {
            items.retain(|v| !unknown(v));
            items.iter_mut().for_each(|v| drop_unknown_ids(v, known));
        }
        Value::Object(obj) => {
            for (_, v) in obj.iter_mut() {
                if unknown(v) {
                    *v = Value::Null;
                } else {
                    drop_unknown_ids(v, known);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use HandoverPart::*;

    #[test]
    fn parts_need_the_persons_and_records_need_the_conversations() {
        let table: &[(&[HandoverPart], Option<&[HandoverPart]>)] = &[
            (&[Persons], Some(&[Persons])),
            (&[Plan, Persons], Some(&[Persons, Plan])),
            (&[Persons, Conversations, Records], Some(&[Persons, Conversations, Records])),
            (&[Persons, Persons, Plan, Records, Conversations], Some(&[Persons, Conversations, Records, Plan])),
            (&[], None),
            (&[Conversations], None),
            (&[Persons, Records], None),
            (&[Persons, Records, Plan], None),
        ];
        for (asked, expected) in table {
            let got = parts_checked(asked).ok();
            assert_eq!(got.as_deref(), *expected, "{asked:?}");
        }
    }

    const A: &str = "0190a000-0000-7000-8000-000000000001";
    const B: &str = "0190a000-0000-7000-8000-000000000002";
    const NEW_A: &str = "0190b000-0000-7000-8000-000000000001";
    const NEW_B: &str = "0190b000-0000-7000-8000-000000000002";

    fn map() -> BTreeMap<Uuid, Uuid> {
        [(A, NEW_A), (B, NEW_B)].iter().map(|(o, n)| (Uuid::parse_str(o).unwrap(), Uuid::parse_str(n).unwrap())).collect()
    }

    #[test]
    fn every_id_is_replaced_in_values_keys_and_longer_texts() {
        let mut v = json!({ "id": A, "list": [B, "gewone tekst"], A: 1, "key": format!("pattern:{A}:{}", B.to_uppercase()) });
        remap_ids(&mut v, &map()).unwrap();
        assert_eq!(v, json!({ "id": NEW_A, "list": [NEW_B, "gewone tekst"], NEW_A: 1, "key": format!("pattern:{NEW_A}:{NEW_B}") }));
    }

    #[test]
    fn an_id_the_file_does_not_hold_is_refused() {
        let other = "0190c000-0000-7000-8000-000000000009";
        for mut v in [json!({ "person": other }), json!([other]), json!({ other: 1 }), json!({ "k": format!("x:{other}") })] {
            assert_eq!(remap_ids(&mut v, &map()), Err(DomainError::Invalid("a reference to an id the file does not hold")));
        }
    }

    #[test]
    fn declared_ids_are_the_records_of_a_part_and_each_once_only() {
        let other = "0190c000-0000-7000-8000-000000000009";
        let v = json!({ "plan": { "id": A, "items": [{ "id": B, "about": A }] }, "entries": [{ "id": other, "evidence": [{ "id": B }] }] });
        let mut ids = BTreeSet::new();
        declared_ids(&[&v], &mut ids).unwrap();
        assert_eq!(ids.len(), 3, "the evidence's id is a reference, not a declaration");
        let twice = json!({ "persons": [{ "id": A }, { "id": A }] });
        assert!(declared_ids(&[&twice], &mut BTreeSet::new()).is_err());
    }

    #[test]
    fn the_sender_drops_references_to_what_stays_behind() {
        let known: BTreeSet<Uuid> = [Uuid::parse_str(A).unwrap()].into();
        let mut v = json!({ "conversation_id": B, "actors": [A, B], "id": A });
        drop_unknown_ids(&mut v, &known);
        assert_eq!(v, json!({ "conversation_id": null, "actors": [A], "id": A }));
    }
}

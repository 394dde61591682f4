//! The access request (`inzage`, domain.md §12): what the file holds about one person, and what they
//! said, leaving out what is confidential to someone else.
//!
//! [`inzage_for`] takes what is stored of a case (the household, conversations, answers, behaviour
//! records, the professional's notes and the safety plan) and returns the [`InzageReview`]: the
//! [`InzageView`] that goes out (as PDF and as JSON, the same data) and, for the professional's review
//! only, how many items were left out and of which kind ([`WithheldCount`]).
//!
//! # What is in it
//! - **The person**: their own details, the relations they are part of, the conversations they took
//!   part in.
//! - **What they said**: every answer whose source is the person, also when it is marked confidential
//!   (confidentiality protects the speaker from others, not from themselves). Answers that hold nothing
//!   they said (`niet gevraagd` or nothing chosen, without words) are not statements and are left out.
//! - **What is about them**: behaviour records in which they are actor, target, source or a child who
//!   was exposed — if they may read the record (below); the professional's notes about them (a note
//!   linked to the person, or to a conversation with them alone); the professional's closing notes of
//!   conversations with them alone; the plan items they may read, by the plan's own reader filter
//!   ([`crate::plan::view_for`]) — the same version of the plan they would be given (its words in Dutch,
//!   like the rest of the access request: [`crate::plan::view_in`]).
//!
//! Records and notes in the trash are not read (the vault's snapshot and note list leave them out), and
//! neither is the analysis (its conclusions are drawn from everyone's statements together).
//!
//! # What is left out, and why (the "confidential to someone else" test)
//! Dutch law gives a right of access to the whole file, working notes included (AVG art. 15, WGBO
//! art. 7:456, Jeugdwet art. 7.3.10), but not to what would harm the privacy or safety of someone else
//! (AVG art. 15(4), WGBO art. 7:457, Jeugdwet art. 7.3.11). A statement belongs to the person who made
//! it: **the source's confidentiality wins over the subject's access**. So:
//! - a record someone else told is shown only when its visibility lets this person read it
//!   (`Everyone`, or named), **and** no answer it was recorded under is hidden from this person (a
//!   record made in a confidential answer is as confidential as that answer, whatever its own mark
//!   says). A record in which the person is actor but which another adult told in confidence would
//!   tell the person in the plegerpositie what the person in the slachtofferpositie said: it stays out;
//! - what a child told reaches nobody but that child, whatever its visibility says (as in the plan's
//!   reader filter): a parent, the other child or the network never gets a record a child is the
//!   source of;
//! - another person's answers are never part of someone's inzage (they are that person's statements);
//! - a note marked `vertrouwelijk` stays out: the mark is how the professional says "this holds what
//!   someone else confided, or would harm them". The review screen counts them, so the professional can
//!   reconsider and take the mark off a note that holds nothing of anyone else. Notes without a person,
//!   about the household as a whole, are not about this person alone and are not included either; the
//!   closing notes of a joint conversation (they may hold what the other person said) neither;
//! - plan items the person may not read (an escape plan for someone else, a child's disclosure,
//!   another person's own items) stay out, as in their own copy of the plan.
//!
//! # A child's own inzage
//! From 12 a child exercises the right of access itself; under 12 the parents with authority do so on
//! the child's behalf (WGBO art. 7:465, Jeugdwet art. 7.3.10/7.3.11). So:
//! - a child who is certainly 12 or older (born in a year from which they turn at least 13 this year;
//!   only the year of birth is known, and the doubt goes to the child's safety) gets what they said,
//!   their confidential disclosures included, and what is about them by the rules above;
//! - for a younger child (or one whose year of birth is unknown) the export will be read by a parent,
//!   possibly the one the child told about. It holds only what anyone in the family may read: answers,
//!   records and plan items whose visibility is `Everyone` (and never a disclosure or an escape-plan
//!   item), and no closing notes of the child's conversations. What the child told in confidence is
//!   left out ([`WithheldKind::OwnConfidencesUnder12`]).
//!
//! # What the person is told about what was left out
//! The cover page names, in general terms, every ground on which something *may* have been left out —
//! the same list for every adult, and for every child of the same age group — never which grounds
//! applied or how many items. A count ("one record was left out because a child told it") would tell
//! the person in the plegerpositie that a child or the other adult spoke about them, which is exactly
//! what the leaving out protects. The counts ([`InzageReview::withheld`]) are for the professional's
//! review screen only and never enter the PDF or the JSON.
//!
//! Corrections and objections (issue 14, point 5) are a separate feature; [`InzageView::corrections`]
//! is where they go when it is wired.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::analysis::CaseSnapshot;
use crate::notes::Note;
use crate::plan::{self, Audience, PlanView, SafetyPlan};
use crate::{
    AnswerValue, BehaviourRecord, ContextTag, DomainError, Exposure, Gender, ImpactTag, Person, RelationKind, Role,
    Stance, Visibility,
};

/// The version of the JSON's shape. Raise it when a field changes meaning or is removed; adding a field
/// keeps it.
pub const INZAGE_SCHEMA_VERSION: u32 = 1;
/// The JSON's `schema` value.
pub const INZAGE_SCHEMA: &str = "samen-kijken/inzage";

/// From this age a child requests access itself (below it, the parents with authority do).
pub const OWN_ACCESS_AGE: i32 = 12;

/// Texts the rule needs from the content (question texts, option labels, behaviour labels). Missing
/// ones fall back to the id.
pub trait InzageLabels {
    fn question(&self, question_id: &str) -> Option<String>;
    fn option(&self, question_id: &str, option_id: &str) -> Option<String>;
    fn behaviour(&self, behaviour_id: &str) -> Option<String>;
}

/// No labels: every text is its id (tests).
pub struct IdsOnly;

impl InzageLabels for IdsOnly {
    fn question(&self, _: &str) -> Option<String> {
        None
    }
    fn option(&self, _: &str, _: &str) -> Option<String> {
        None
    }
    fn behaviour(&self, _: &str) -> Option<String> {
        None
    }
}

/// What is stored of a case that an inzage reads.
#[derive(Debug, Clone, Copy)]
pub struct InzageSources<'a> {
    pub snapshot: &'a CaseSnapshot,
    /// Live notes (not in the trash).
    pub notes: &'a [Note],
    /// The current plan, if one was saved (a prefilled draft is not part of the file).
    pub plan: Option<&'a SafetyPlan>,
}

/// Why something may be left out. The PDF and JSON list these as grounds (all that can apply to the
/// reader); the review screen counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum WithheldKind {
    /// What another adult or network person told in confidence (records, and records made in a
    /// confidential answer).
    OthersConfidences,
    /// What a child told.
    ChildDisclosures,
    /// Plan items meant for someone else (an escape plan, another person's own items).
    PlanItemsForOthers,
    /// The professional's notes marked `vertrouwelijk`, and the closing notes of joint conversations.
    ConfidentialNotes,
    /// A child under 12: what the child itself told in confidence (a parent reads this export).
    #[serde(rename = "own_confidences_under_12")]
    OwnConfidencesUnder12,
}

/// How many items of one kind were left out (professional's review only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WithheldCount {
    pub kind: WithheldKind,
    pub count: u32,
}

/// The person the inzage is for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InzagePerson {
    pub id: Uuid,
    pub name: String,
    pub role: Role,
    pub year_of_birth: Option<i32>,
    pub gender: Option<Gender>,
    pub lives_in_household: bool,
    /// The professional's note on the person's details.
    pub notes: String,
}

/// A relation the person is part of, with names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InzageRelation {
    pub id: Uuid,
    pub from: String,
    pub to: String,
    pub kind: RelationKind,
}

/// A conversation the person took part in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InzageConversation {
    pub id: Uuid,
    pub date: NaiveDate,
    /// The others who took part (a joint conversation).
    pub with: Vec<String>,
    pub guide_id: String,
    /// The professional's closing notes (conversations with the person alone; empty otherwise).
    pub notes: String,
}

/// Something the person said: one answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InzageAnswer {
    pub id: Uuid,
    pub conversation_id: Uuid,
    /// The day of the conversation.
    pub date: NaiveDate,
    pub question_id: String,
    /// The question as the guide asks it (the id when the guide is not known).
    pub question: String,
    pub value: AnswerValue,
    /// The chosen option's text, for a choice question.
    pub option: Option<String>,
    /// The person's own words, as written down.
    pub words: String,
    /// Marked confidential: others do not read it.
    pub confidential: bool,
}

/// The person's part in a behaviour record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RecordPart {
    /// In the plegerpositie for this behaviour.
    Actor,
    /// In the slachtofferpositie for this behaviour.
    Target,
    /// Told it.
    Source,
    /// A child who saw, heard or noticed it.
    Exposed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InzageExposure {
    pub child: String,
    pub how: Vec<Exposure>,
}

/// A behaviour record about the person or told by them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InzageRecord {
    pub id: Uuid,
    pub parts: Vec<RecordPart>,
    pub behaviour_id: String,
    pub behaviour: String,
    pub actors: Vec<String>,
    pub targets: Vec<String>,
    pub stance: Stance,
    pub first_occurrence: Option<NaiveDate>,
    pub last_occurrence: Option<NaiveDate>,
    pub context: Vec<ContextTag>,
    pub impact: Vec<ImpactTag>,
    pub impact_text: String,
    pub children_exposed: Vec<InzageExposure>,
    /// Who told it.
    pub source: String,
    /// The day it was recorded (last changed).
    pub recorded: NaiveDate,
}

/// A note of the professional about the person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InzageNote {
    pub id: Uuid,
    pub date: NaiveDate,
    pub title: String,
    pub text: String,
    pub tags: Vec<String>,
}

/// A correction or objection the person attached to an item (issue 14, point 5). Empty until that
/// feature fills it from the vault.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InzageCorrection {
    pub id: Uuid,
    /// The answer, record or note it is about.
    pub item_id: Uuid,
    pub date: NaiveDate,
    pub text: String,
}

/// What goes out: the PDF shows it, the JSON is it. Field names are stable; see
/// [`INZAGE_SCHEMA_VERSION`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InzageView {
    /// Always [`INZAGE_SCHEMA`].
    pub schema: String,
    pub schema_version: u32,
    /// The day the export was made.
    pub date: NaiveDate,
    pub case_label: String,
    pub person: InzagePerson,
    /// The person is a child under 12 (or of unknown age): the export is worded for the parents who
    /// ask on the child's behalf, and holds only what anyone in the family may read.
    pub for_parents_of_young_child: bool,
    pub relations: Vec<InzageRelation>,
    pub conversations: Vec<InzageConversation>,
    pub answers: Vec<InzageAnswer>,
    pub records: Vec<InzageRecord>,
    pub notes: Vec<InzageNote>,
    /// The plan as this person may read it (none: no plan saved).
    pub plan: Option<PlanView>,
    /// Every ground on which something may have been left out for a reader like this one. The same
    /// list for everyone of the same kind: it never says whether anything was left out.
    pub withheld_grounds: Vec<WithheldKind>,
    /// Corrections and objections of the person (issue 14, point 5).
    pub corrections: Vec<InzageCorrection>,
}

/// The view plus what the professional sees before saving it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InzageReview {
    pub view: InzageView,
    /// How many items about the person were left out, per kind (kinds with none are not listed).
    /// Never part of the export.
    pub withheld: Vec<WithheldCount>,
}

/// Whether a child of `year_of_birth` is certainly 12 or older on `date`.
pub fn certainly_own_access(year_of_birth: Option<i32>, date: NaiveDate) -> bool {
    // The youngest the child can be on `date` is one less than the age they reach this year, so that
    // age must reach 13 or more.
    year_of_birth.is_some_and(|y| date.year() - y > OWN_ACCESS_AGE)
}

/// The grounds on the cover page of a reader like `person`.
fn grounds(young_child: bool) -> Vec<WithheldKind> {
    let mut g = vec![
        WithheldKind::OthersConfidences,
        WithheldKind::ChildDisclosures,
        WithheldKind::PlanItemsForOthers,
        WithheldKind::ConfidentialNotes,
    ];
    if young_child {
        g.push(WithheldKind::OwnConfidencesUnder12);
    }
    g
}

/// Who reads the export, for the visibility tests.
#[derive(Clone, Copy)]
struct Reader {
    id: Uuid,
    /// Read by a parent on the child's behalf: only what everyone may read counts.
    young_child: bool,
}

impl Reader {
    /// May the reader read what someone else said, marked `v`?
    fn may_read(&self, v: &Visibility) -> bool {
        if self.young_child { *v == Visibility::Everyone } else { v.visible_to(self.id) }
    }

    /// May the reader read what they said themselves, marked `v`? Always, unless a parent reads it.
    fn may_read_own(&self, v: &Visibility) -> bool {
        !self.young_child || *v == Visibility::Everyone
    }
}

#[derive(Default)]
struct Tally(BTreeMap<WithheldKind, u32>);

impl Tally {
    fn add(&mut self, kind: WithheldKind) {
        *self.0.entry(kind).or_default() += 1;
    }
    fn add_n(&mut self, kind: WithheldKind, n: usize) {
        if n > 0 {
            *self.0.entry(kind).or_default() += u32::try_from(n).unwrap_or(u32::MAX);
        }
    }
    fn counts(self) -> Vec<WithheldCount> {
        self.0.into_iter().map(|(kind, count)| WithheldCount { kind, count }).collect()
    }
}

/// Whether an answer holds something the person said.
fn said_something(value: &AnswerValue, words: &str) -> bool {
    let words = !words.trim().is_empty();
    match value {
        AnswerValue::NotAsked | AnswerValue::Unanswered => words,
        AnswerValue::Text { text } => words || !text.trim().is_empty(),
        _ => true,
    }
}

/// The inzage of `person_id` on `date` (the export's day, Dutch time), with the professional's counts
/// of what was left out. Fails when the person is not of this household.
pub fn inzage_for(
    src: &InzageSources<'_>,
    person_id: Uuid,
    date: NaiveDate,
    labels: &dyn InzageLabels,
    local_date: impl Fn(DateTime<Utc>) -> NaiveDate,
) -> Result<InzageReview, DomainError> {
    let snapshot = src.snapshot;
    let hh = &snapshot.household;
    let person = hh.person(person_id).ok_or(DomainError::Invalid("person not in this case"))?;
    let young_child = person.role == Role::Child && !certainly_own_access(person.year_of_birth, date);
    let reader = Reader { id: person_id, young_child };
    let name = |id: Uuid| hh.person(id).map_or_else(|| "?".to_owned(), |p| p.name.clone());
    let names = |ids: &[Uuid]| ids.iter().map(|id| name(*id)).collect::<Vec<_>>();
    let mut tally = Tally::default();

    let relations = hh
        .relations
        .iter()
        .filter(|r| r.from == person_id || r.to == person_id)
        .map(|r| InzageRelation { id: r.id, from: name(r.from), to: name(r.to), kind: r.kind.clone() })
        .collect();

    let mut conversations: Vec<InzageConversation> = Vec::new();
    for c in snapshot.conversations.iter().filter(|c| c.participants.contains(&person_id)) {
        let alone = c.is_alone_with(person_id);
        let has_notes = !c.notes.trim().is_empty();
        let notes = if alone && !young_child { c.notes.clone() } else { String::new() };
        if has_notes && notes.is_empty() {
            tally.add(if alone { WithheldKind::OwnConfidencesUnder12 } else { WithheldKind::ConfidentialNotes });
        }
        conversations.push(InzageConversation {
            id: c.id,
            date: local_date(c.started_at),
            with: c.participants.iter().filter(|p| **p != person_id).map(|p| name(*p)).collect(),
            guide_id: c.guide_id.clone(),
            notes,
        });
    }
    conversations.sort_by_key(|c| (c.date, c.id));
    let conversation_date = |id: Uuid| snapshot.conversations.iter().find(|c| c.id == id).map(|c| local_date(c.started_at));

    // What the person said.
    let mut answers = Vec::new();
    for a in snapshot.answers.iter().filter(|a| a.source_person == person_id && said_something(&a.value, &a.words)) {
        if !reader.may_read_own(&a.confidential) {
            tally.add(WithheldKind::OwnConfidencesUnder12);
            continue;
        }
        let option = match &a.value {
            AnswerValue::Choice { option } => Some(labels.option(&a.question_id, option).unwrap_or_else(|| option.clone())),
            _ => None,
        };
        answers.push(InzageAnswer {
            id: a.id,
            conversation_id: a.conversation_id,
            date: conversation_date(a.conversation_id).unwrap_or_else(|| local_date(a.updated_at)),
            question_id: a.question_id.clone(),
            question: labels.question(&a.question_id).unwrap_or_else(|| a.question_id.clone()),
            value: a.value.clone(),
            option,
            words: a.words.clone(),
            confidential: a.confidential != Visibility::Everyone,
        });
    }
    answers.sort_by_key(|a| (a.date, a.id));

    // Records about the person or told by them.
    let source_role = |id: Uuid| hh.person(id).map(|p| p.role);
    let mut records = Vec::new();
    for r in &snapshot.records {
        let mut parts = Vec::new();
        if r.actors.contains(&person_id) {
            parts.push(RecordPart::Actor);
        }
        if r.targets.contains(&person_id) {
            parts.push(RecordPart::Target);
        }
        if r.source_person == person_id {
            parts.push(RecordPart::Source);
        }
        if r.children_exposed.iter().any(|e| e.child == person_id) {
            parts.push(RecordPart::Exposed);
        }
        if parts.is_empty() {
            continue;
        }
        if let Some(kind) = record_withheld(snapshot, r, reader, source_role(r.source_person)) {
            tally.add(kind);
            continue;
        }
        records.push(InzageRecord {
            id: r.id,
            parts,
            behaviour_id: r.behaviour_id.clone(),
            behaviour: labels.behaviour(&r.behaviour_id).unwrap_or_else(|| r.behaviour_id.clone()),
            actors: names(&r.actors),
            targets: names(&r.targets),
            stance: r.stance,
            first_occurrence: r.first_occurrence,
            last_occurrence: r.last_occurrence,
            context: r.context.clone(),
            impact: r.impact.clone(),
            impact_text: r.impact_text.clone(),
            children_exposed: r
                .children_exposed
                .iter()
                .map(|e| InzageExposure { child: name(e.child), how: e.how.clone() })
                .collect(),
            source: name(r.source_person),
            recorded: local_date(r.updated_at),
        });
    }
    records.sort_by_key(|r| (r.last_occurrence.or(r.first_occurrence), r.recorded, r.id));
    // An answer names the records made in it: only those shown, so not even an id points at one left out.
    for a in &mut answers {
        if let AnswerValue::BehaviourRecords { records: ids } = &mut a.value {
            ids.retain(|id| records.iter().any(|r| r.id == *id));
        }
    }

    // The professional's notes about the person.
    let alone_with = |conversation: Uuid| {
        snapshot.conversations.iter().any(|c| c.id == conversation && c.is_alone_with(person_id))
    };
    let mut notes = Vec::new();
    for n in src.notes.iter().filter(|n| n.deleted_at.is_none()) {
        let about = match n.person_id {
            Some(p) => p == person_id,
            None => n.conversation_id.is_some_and(alone_with),
        };
        if !about {
            continue;
        }
        if n.confidential {
            tally.add(WithheldKind::ConfidentialNotes);
            continue;
        }
        notes.push(InzageNote { id: n.id, date: n.date, title: n.title.clone(), text: n.text.clone(), tags: n.tags.clone() });
    }
    notes.sort_by_key(|n| (n.date, n.id));

    // The plan as the person may read it.
    let audience = Audience::for_person(person);
    let plan = match src.plan {
        None => None,
        Some(plan) => {
            let full = plan::view_in(plan, hh, &audience, crate::PlanLanguage::Nl)?;
            let view = if young_child {
                let everyone_only = everyone_only(plan);
                let view = plan::view_in(&everyone_only, hh, &audience, crate::PlanLanguage::Nl)?;
                tally.add_n(WithheldKind::OwnConfidencesUnder12, full.item_ids().len() - view.item_ids().len());
                view
            } else {
                full
            };
            let shown = view.item_ids();
            let hidden_about_person = plan
                .item_metas()
                .into_iter()
                .filter(|m| m.about == Some(person_id) && !plan::may_see(&audience, m))
                .filter(|m| !shown.contains(&m.id))
                .count();
            tally.add_n(WithheldKind::PlanItemsForOthers, hidden_about_person);
            Some(view)
        }
    };

    let view = InzageView {
        schema: INZAGE_SCHEMA.to_owned(),
        schema_version: INZAGE_SCHEMA_VERSION,
        date,
        case_label: hh.case.label.clone(),
        person: person_view(person),
        for_parents_of_young_child: young_child,
        relations,
        conversations,
        answers,
        records,
        notes,
        plan,
        withheld_grounds: grounds(young_child),
        corrections: Vec::new(),
    };
    Ok(InzageReview { view, withheld: tally.counts() })
}

fn person_view(p: &Person) -> InzagePerson {
    InzagePerson {
        id: p.id,
        name: p.name.clone(),
        role: p.role,
        year_of_birth: p.year_of_birth,
        gender: p.gender,
        lives_in_household: p.lives_in_household,
        notes: p.notes.clone(),
    }
}

/// Why a record the reader is part of stays out of their inzage, if it does.
fn record_withheld(
    snapshot: &CaseSnapshot,
    r: &BehaviourRecord,
    reader: Reader,
    source_role: Option<Role>,
) -> Option<WithheldKind> {
    if r.source_person == reader.id {
        // Their own statement; a young child's confidential one is read by a parent.
        return (!reader.may_read_own(&r.confidential)).then_some(WithheldKind::OwnConfidencesUnder12);
    }
    let kind = if source_role == Some(Role::Child) { WithheldKind::ChildDisclosures } else { WithheldKind::OthersConfidences };
    // What a child told reaches only that child, whatever the mark says.
    if source_role == Some(Role::Child) || !reader.may_read(&r.confidential) {
        return Some(kind);
    }
    // A record made in an answer is as confidential as that answer.
    let hidden_answer = snapshot.answers.iter().any(|a| {
        matches!(&a.value, AnswerValue::BehaviourRecords { records } if records.contains(&r.id))
            && a.source_person != reader.id
            && !reader.may_read(&a.confidential)
    });
    hidden_answer.then_some(kind)
}

/// The plan with only the items everyone may read (a young child's inzage, read by a parent): no
/// child's disclosure, no escape plan, nothing for named persons only.
fn everyone_only(plan: &SafetyPlan) -> SafetyPlan {
    let mut p = plan.clone();
    fn keep<T>(items: &mut Vec<plan::Item<T>>) {
        items.retain(|i| {
            i.visibility == plan::Visibility::Everyone && !matches!(i.origin, plan::Origin::ChildDisclosure { .. })
        });
    }
    keep(&mut p.worries);
    keep(&mut p.conditions);
    keep(&mut p.acute_actions);
    keep(&mut p.agreements);
    keep(&mut p.problems);
    keep(&mut p.recovery);
    keep(&mut p.support);
    keep(&mut p.network);
    keep(&mut p.professionals);
    keep(&mut p.measures);
    keep(&mut p.signals);
    p.escape_plan.clear();
    p
}

impl InzageView {
    /// Adds the person's corrections and objections (issue 14, point 5): only those attached to an answer,
    /// record or note this view shows, so none points at (or gives away) something left out. Oldest
    /// first, as the person made them.
    pub fn with_corrections(mut self, corrections: &[crate::corrections::Correction]) -> InzageView {
        let shown: std::collections::BTreeSet<Uuid> = self
            .answers
            .iter()
            .map(|a| a.id)
            .chain(self.records.iter().map(|r| r.id))
            .chain(self.notes.iter().map(|n| n.id))
            .collect();
        let mut picked: Vec<&crate::corrections::Correction> =
            corrections.iter().filter(|c| c.person_id == self.person.id && shown.contains(&c.item_id)).collect();
        picked.sort_by_key(|c| (c.date, c.created_at, c.id));
        self.corrections = picked
            .into_iter()
            .map(|c| InzageCorrection { id: c.id, item_id: c.item_id, date: c.date, text: c.text.clone() })
            .collect();
        self
    }
}

#[cfg(test)]
mod tests;

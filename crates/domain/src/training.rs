//! Practice cases for training (domain.md §10): fictional families, each with a separate account per
//! family member (what that person would tell in a conversation of their own), a trainer's reference
//! (the behaviour records, the top 3 most unsafe situations, severity, pattern, profiles, red flags,
//! Meldcode weighing, a plan outline) and discussion points.
//!
//! The cases are data in `assets/training/`, loaded and validated by `content::training`. This module
//! holds their shape and `reference_snapshot`, which turns a case's reference into a `CaseSnapshot` so
//! `analyse` can compute what the rules say about it: a test compares that with the written reference,
//! so content and rules cannot drift apart.
//!
//! Persons, records and answers have short local ids in the file (`esra`, `r.wurgen`); the snapshot
//! gives them fixed UUIDs and keeps the mapping both ways.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use uuid::Uuid;

use crate::analysis::{CaseSnapshot, SeverityCategory};
use crate::{
    AgeBand, Answer, AnswerType, AnswerValue, BehaviourRecord, Case, CaseStatus, ChildExposure, ContextTag,
    Conversation, Exposure, Feed, Frequency, Gender, Guide, GuideAudience, Household, ImpactTag, MeldcodeAnswer,
    Person, Phase, ProfileKind, RedFlag, Relation, RelationKind, Role, Stance, Visibility, YesNoUnknown,
};

/// One fictional practice family.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeCase {
    /// Stable id, `oefen.<name>`; a participant's export names it with the version.
    pub id: String,
    pub version: u32,
    /// The case label, e.g. "Gezin Meidoorn (fictief)".
    pub title: String,
    /// The one thing this case teaches.
    pub teaches: String,
    /// The referral as the participants receive it before the conversations.
    pub referral: String,
    /// The analysis date: the reference holds as if today were this day.
    #[serde(deserialize_with = "date")]
    pub today: NaiveDate,
    pub persons: Vec<PracticePerson>,
    #[serde(default)]
    pub relations: Vec<PracticeRelation>,
    /// One per person: what that person tells in a separate conversation (or, for a child under 4,
    /// what the professional observes).
    pub accounts: Vec<Account>,
    pub reference: Reference,
    pub discussion: Vec<DiscussionPoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticePerson {
    /// Local id, used by relations, accounts and records (e.g. `esra`).
    pub id: String,
    pub name: String,
    pub role: Role,
    pub year_of_birth: i32,
    #[serde(default)]
    pub gender: Option<Gender>,
    #[serde(default = "yes")]
    pub lives_in_household: bool,
    /// Who this is, in a line (age, work, what they are like), for the role-player and the trainer.
    pub about: String,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PracticeRelationKind {
    PartnerOf,
    /// Needs `separation_date`: separation is a risk period.
    ExPartnerOf,
    ParentOf,
    StepParentOf,
    SiblingOf,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeRelation {
    pub from: String,
    pub to: String,
    pub kind: PracticeRelationKind,
    #[serde(default, deserialize_with = "opt_date")]
    pub separation_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    /// What the person tells in a conversation of their own.
    Conversation,
    /// A child under 4 is not talked with but seen: what the professional observes.
    Observation,
}

/// What one family member tells, in their own words, at a level a role-player can use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Account {
    pub person: String,
    pub kind: AccountKind,
    /// How to play this person: mood, what they want from the talk, what they hold back.
    pub role_notes: String,
    /// What the person tells of their own accord (first person), or what is observed.
    pub story: String,
    /// What the person tells only when asked about it concretely.
    #[serde(default)]
    pub when_asked: Vec<AskedAbout>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AskedAbout {
    pub topic: String,
    pub answer: String,
}

/// The trainer's reference: what a careful analysis of all the accounts comes to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// `wie doet wat tegen wie`, one record per source and behaviour, as in the app.
    pub records: Vec<ReferenceRecord>,
    /// What each person answers to the guide questions that mark an indicator (§6.3): `yes` marks it,
    /// `no` means asked and not there. Indicators not listed were not asked.
    pub answers: Vec<ReferenceAnswer>,
    /// The three most unsafe situations, most unsafe first.
    pub top3: Vec<UnsafeSituation>,
    pub severity: SeverityCategory,
    /// P: the estimated partner-violence incidents in the last 12 months (§6.1).
    pub partner_incidents: u32,
    pub severity_why: String,
    /// One per (ex-)couple.
    pub patterns: Vec<ReferencePattern>,
    /// All five profiles, each with its strength.
    pub profiles: Vec<ReferenceProfile>,
    #[serde(default)]
    pub red_flags: Vec<ReferenceRedFlag>,
    /// `Mogelijk acute onveiligheid`: at least one current red flag (§6.4).
    pub acute_unsafety: bool,
    /// Structural unsafety, from the pattern (§6.4).
    pub structural_unsafety: bool,
    pub unsafety_why: String,
    /// The phase to work in now.
    pub phase: Phase,
    pub meldcode: MeldcodeWeighing,
    pub plan: PlanOutline,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordStance {
    #[default]
    Reported,
    Denied,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceRecord {
    pub id: String,
    /// The person in the `plegerpositie` for this behaviour.
    pub actor: String,
    /// The person in the `slachtofferpositie` for this behaviour.
    pub target: String,
    /// Catalogue id, e.g. `fys.duwen`.
    pub behaviour: String,
    /// Who tells it.
    pub source: String,
    #[serde(default)]
    pub stance: RecordStance,
    /// In the last 12 months; required when reported.
    #[serde(default)]
    pub frequency: Option<Frequency>,
    #[serde(default, deserialize_with = "opt_date")]
    pub first: Option<NaiveDate>,
    #[serde(default, deserialize_with = "opt_date")]
    pub last: Option<NaiveDate>,
    #[serde(default)]
    pub context: Vec<ContextTag>,
    #[serde(default)]
    pub impact: Vec<ImpactTag>,
    /// The impact in the source's own words.
    #[serde(default)]
    pub impact_text: String,
    #[serde(default)]
    pub children_exposed: Vec<PracticeExposure>,
    /// Visible to the professional only (a child's disclosure always is).
    #[serde(default)]
    pub confidential: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeExposure {
    pub child: String,
    pub how: Vec<Exposure>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YesNo {
    Yes,
    No,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceAnswer {
    pub person: String,
    /// An answer indicator, e.g. `fear.chronic` or `asked.control`.
    pub indicator: String,
    pub answer: YesNo,
    /// For a scale question (a child's own safety, 0–10).
    #[serde(default)]
    pub scale: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnsafeSituation {
    pub rank: u8,
    /// Who does what to whom, with what impact, in concrete words.
    pub situation: String,
    pub records: Vec<String>,
}

/// The pattern names of domain.md §6.2, as the reference states them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferencePatternKind {
    /// Coercive controlling violence by `by`; `violent_resistance_by` when the other used violence.
    IntiemeTerreur,
    SituationeelPartnergeweld,
    /// One partner violent, nobody controlling, no fear of that partner: less certain.
    SituationeelPartnergeweldEenzijdig,
    WederzijdsGewelddadigeControle,
    GeenPartnergeweldGemeld,
    OnvoldoendeInformatie,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferencePattern {
    pub partners: [String; 2],
    pub pattern: ReferencePatternKind,
    /// Intieme terreur: the controlling partner; eenzijdig: the partner who uses violence.
    #[serde(default)]
    pub by: Option<String>,
    #[serde(default)]
    pub violent_resistance_by: Option<String>,
    pub why: String,
}

/// Profile strength as domain.md §6.3 names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileStrength {
    NogTeWeinigInformatie,
    WeinigAanwijzingen,
    Mogelijk,
    Waarschijnlijk,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceProfile {
    pub profile: ProfileKind,
    pub strength: ProfileStrength,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceRedFlag {
    pub flag: RedFlag,
    /// Happened or said in the last 3 months, or about to happen (§6.4).
    pub current: bool,
    /// The records it rests on (answers are named in `why`).
    #[serde(default)]
    pub records: Vec<String>,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeldcodeWeighing {
    /// The five weighing questions of the afwegingskader, each once.
    pub answers: Vec<WeighingAnswer>,
    /// What the professional decides, and with whom.
    pub decision: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeighingAnswer {
    /// 1–5.
    pub question: u8,
    pub answer: MeldcodeAnswer,
    pub why: String,
}

/// The outline of the safety plan, per phase (§9).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanOutline {
    #[serde(default)]
    pub acute: Vec<String>,
    pub directe_veiligheid: Vec<String>,
    pub duurzame_veiligheid: Vec<String>,
    pub herstel: Vec<String>,
    /// What not to do in this family, and why.
    #[serde(default)]
    pub avoid: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiscussionPoint {
    pub question: String,
    /// What the trainer wants the group to see.
    pub notes: String,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("`{s}` is not a date: write it as \"JJJJ-MM-DD\", e.g. \"2026-01-31\""))
}

fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let s = String::deserialize(d)?;
    parse_date(&s).map_err(serde::de::Error::custom)
}

fn opt_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    let s = Option::<String>::deserialize(d)?;
    s.map(|s| parse_date(&s).map_err(serde::de::Error::custom)).transpose()
}

/// Why a reference cannot be turned into a snapshot. The loader reports it as invalid content.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SnapshotError {
    #[error("`{0}` is not a person of this case")]
    UnknownPerson(String),
    #[error("{person} has answers but no conversation of their own")]
    AnswersWithoutConversation { person: String },
    #[error("no guide fits {person}")]
    NoGuide { person: String },
    #[error("no question in {guide} marks `{indicator}` with a `{answer}` answer")]
    NoQuestion { guide: String, indicator: String, answer: &'static str },
    #[error("{person}: question {question} marks both `{yes}` (yes) and `{no}` (no); one answer cannot say both")]
    Contradiction { person: String, question: String, yes: String, no: String },
    #[error("{person}: question {question} is a scale; give `scale` with the answer for `{indicator}`")]
    ScaleMissing { person: String, question: String, indicator: String },
}

/// A case's reference as the analysis reads it, with the local ids mapped to the UUIDs used.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceSnapshot {
    pub snapshot: CaseSnapshot,
    pub persons: BTreeMap<String, Uuid>,
    pub records: BTreeMap<String, Uuid>,
}

impl ReferenceSnapshot {
    /// The local id of a person's UUID (for messages and comparisons).
    pub fn person_name(&self, id: Uuid) -> Option<&str> {
        self.persons.iter().find(|(_, u)| **u == id).map(|(k, _)| k.as_str())
    }

    pub fn record_name(&self, id: Uuid) -> Option<&str> {
        self.records.iter().find(|(_, u)| **u == id).map(|(k, _)| k.as_str())
    }
}

// Fixed UUIDs per kind of thing, numbered in file order, so every run builds the same snapshot.
const KIND_CASE: u128 = 1;
const KIND_PERSON: u128 = 2;
const KIND_RELATION: u128 = 3;
const KIND_CONVERSATION: u128 = 4;
const KIND_RECORD: u128 = 5;
const KIND_ANSWER: u128 = 6;

fn fixed_id(kind: u128, n: usize) -> Uuid {
    Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0000 | (kind << 32) | n as u128)
}

/// The guide audience for a person at a given date, if any guide is for them.
pub fn audience_for(person: &PracticePerson, today: NaiveDate) -> Option<GuideAudience> {
    match person.role {
        Role::Child => {
            let age = today.year() - person.year_of_birth;
            match AgeBand::for_age(age.clamp(0, 255) as u8)? {
                AgeBand::Young => Some(GuideAudience::Child4To7),
                AgeBand::Middle => Some(GuideAudience::Child8To11),
                AgeBand::Teen => Some(GuideAudience::Child12To17),
            }
        }
        Role::Network => Some(GuideAudience::Network),
        Role::Parent | Role::Partner | Role::ExPartner | Role::OtherFamily => Some(GuideAudience::AdultPartner),
    }
}

impl PracticeCase {
    pub fn person(&self, id: &str) -> Option<&PracticePerson> {
        self.persons.iter().find(|p| p.id == id)
    }

    /// The year of the case's analysis date.
    pub fn year(&self) -> i32 {
        self.today.year()
    }

    /// A person's age in the case's year.
    pub fn age(&self, person: &PracticePerson) -> i32 {
        self.today.year() - person.year_of_birth
    }

    pub fn account(&self, person: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.person == person)
    }

    /// The reference as a case snapshot: persons, relations, one separate conversation per person
    /// with a conversation account, the reference records, and the answers to the questions of each
    /// person's guide that mark (or, asked, do not mark) the listed indicators.
    pub fn reference_snapshot(&self, guides: &[Guide]) -> Result<ReferenceSnapshot, SnapshotError> {
        let case_id = fixed_id(KIND_CASE, 0);
        let at = |h: u32| -> DateTime<Utc> { self.today.and_hms_opt(h, 0, 0).unwrap_or_default().and_utc() };
        let persons: BTreeMap<String, Uuid> =
            self.persons.iter().enumerate().map(|(i, p)| (p.id.clone(), fixed_id(KIND_PERSON, i))).collect();
        let pid = |id: &str| persons.get(id).copied().ok_or_else(|| SnapshotError::UnknownPerson(id.to_owned()));

        let household = Household {
            case: Case {
                id: case_id,
                label: self.title.clone(),
                status: CaseStatus::Open,
                phase: Phase::DirecteVeiligheid,
                created_at: at(8),
                updated_at: at(8),
                retention_until: None,
            },
            persons: self
                .persons
                .iter()
                .map(|p| Person {
                    id: persons[&p.id],
                    case_id,
                    role: p.role,
                    name: p.name.clone(),
                    year_of_birth: Some(p.year_of_birth),
                    gender: p.gender,
                    lives_in_household: p.lives_in_household,
                    notes: String::new(),
                    language: crate::PlanLanguage::Nl,
                })
                .collect(),
            relations: self
                .relations
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let kind = match r.kind {
                        PracticeRelationKind::PartnerOf => RelationKind::PartnerOf,
                        PracticeRelationKind::ExPartnerOf => RelationKind::ExPartnerOf { separation_date: r.separation_date },
                        PracticeRelationKind::ParentOf => RelationKind::ParentOf { step: false },
                        PracticeRelationKind::StepParentOf => RelationKind::ParentOf { step: true },
                        PracticeRelationKind::SiblingOf => RelationKind::SiblingOf,
                    };
                    Ok(Relation { id: fixed_id(KIND_RELATION, i), case_id, from: pid(&r.from)?, to: pid(&r.to)?, kind })
                })
                .collect::<Result<_, SnapshotError>>()?,
        };

        let mut conversations = Vec::new();
        let mut conversation_of: BTreeMap<&str, (Uuid, &Guide)> = BTreeMap::new();
        for a in self.accounts.iter().filter(|a| a.kind == AccountKind::Conversation) {
            let p = self.person(&a.person).ok_or_else(|| SnapshotError::UnknownPerson(a.person.clone()))?;
            let guide = audience_for(p, self.today)
                .and_then(|aud| guides.iter().find(|g| g.audience == aud))
                .ok_or_else(|| SnapshotError::NoGuide { person: p.id.clone() })?;
            let id = fixed_id(KIND_CONVERSATION, conversations.len());
            conversations.push(Conversation {
                id,
                case_id,
                participants: vec![persons[&p.id]],
                joint_reason: None,
                safety_justification: None,
                guide_id: guide.id.clone(),
                guide_version: guide.version,
                started_at: at(9),
                ended_at: Some(at(10)),
                notes: String::new(),
            });
            conversation_of.insert(p.id.as_str(), (id, guide));
        }

        let mut records = Vec::new();
        let mut record_ids = BTreeMap::new();
        for (i, r) in self.reference.records.iter().enumerate() {
            let id = fixed_id(KIND_RECORD, i);
            record_ids.insert(r.id.clone(), id);
            let source = self.person(&r.source).ok_or_else(|| SnapshotError::UnknownPerson(r.source.clone()))?;
            let stance = match (r.stance, r.frequency) {
                (RecordStance::Reported, Some(frequency)) => Stance::Reported { frequency },
                // A report without a frequency is refused by the loader; read it as "once" here.
                (RecordStance::Reported, None) => Stance::Reported { frequency: Frequency::Once },
                (RecordStance::Denied, _) => Stance::Denied,
                (RecordStance::Unknown, _) => Stance::Unknown,
            };
            records.push(BehaviourRecord {
                id,
                case_id,
                actors: vec![pid(&r.actor)?],
                targets: vec![pid(&r.target)?],
                behaviour_id: r.behaviour.clone(),
                stance,
                first_occurrence: r.first,
                last_occurrence: r.last,
                context: r.context.clone(),
                impact: r.impact.clone(),
                impact_text: r.impact_text.clone(),
                children_exposed: r
                    .children_exposed
                    .iter()
                    .map(|e| Ok(ChildExposure { child: pid(&e.child)?, how: e.how.clone() }))
                    .collect::<Result<_, SnapshotError>>()?,
                source_person: persons[&source.id],
                conversation_id: conversation_of.get(source.id.as_str()).map(|(c, _)| *c),
                question_id: None,
                confidential: if r.confidential { Visibility::ProfessionalOnly } else { Visibility::default_for(source.role) },
                updated_at: at(10),
            });
        }

        let mut answers = Vec::new();
        for p in &self.persons {
            let listed: Vec<&ReferenceAnswer> = self.reference.answers.iter().filter(|a| a.person == p.id).collect();
            if listed.is_empty() {
                continue;
            }
            let (conversation, guide) = *conversation_of
                .get(p.id.as_str())
                .ok_or_else(|| SnapshotError::AnswersWithoutConversation { person: p.id.clone() })?;
            let own_records: Vec<Uuid> =
                records.iter().filter(|r| r.source_person == persons[&p.id]).map(|r| r.id).collect();
            let mut used = vec![false; listed.len()];
            for q in guide.questions() {
                let Some(value) = answer_for(p, q, &listed, &mut used, &own_records)? else { continue };
                answers.push(Answer {
                    id: fixed_id(KIND_ANSWER, answers.len()),
                    conversation_id: conversation,
                    question_id: q.id.clone(),
                    source_person: persons[&p.id],
                    value,
                    words: String::new(),
                    confidential: Visibility::default_for(p.role),
                    updated_at: at(10),
                });
            }
            if let Some(i) = used.iter().position(|u| !u) {
                let a = listed[i];
                return Err(SnapshotError::NoQuestion {
                    guide: guide.id.clone(),
                    indicator: a.indicator.clone(),
                    answer: match a.answer {
                        YesNo::Yes => "yes",
                        YesNo::No => "no",
                    },
                });
            }
        }

        Ok(ReferenceSnapshot {
            snapshot: CaseSnapshot {
                household,
                conversations,
                answers,
                records,
                judgements: vec![],
                acute_decisions: vec![],
                prechecks: vec![],
            },
            persons,
            records: record_ids,
        })
    }
}

/// The answer a person gives to one guide question, given the indicators listed for them; `None`
/// when the question touches none of them (not asked).
fn answer_for(
    p: &PracticePerson,
    q: &crate::Question,
    listed: &[&ReferenceAnswer],
    used: &mut [bool],
    own_records: &[Uuid],
) -> Result<Option<AnswerValue>, SnapshotError> {
    let mut yes: Option<&str> = None;
    let mut no: Option<&str> = None;
    let mut scale: Option<(u8, &str)> = None;
    let mut scale_missing: Option<&str> = None;
    let mut touched = false;
    for feed in &q.feeds {
        for (i, a) in listed.iter().enumerate() {
            if a.indicator != feed.indicator() {
                continue;
            }
            let fits = match (feed, &q.answer, a.answer) {
                (Feed::Yes { .. }, AnswerType::YesNoUnknown, YesNo::Yes) => {
                    yes = Some(&a.indicator);
                    true
                }
                (Feed::Yes { .. }, AnswerType::YesNoUnknown, YesNo::No) => {
                    no = Some(&a.indicator);
                    true
                }
                // Asked and answered: any answer marks it. A yes/no question answers "no" unless another
                // of its indicators is listed "yes".
                (
                    Feed::Answered { .. },
                    AnswerType::YesNoUnknown | AnswerType::BehaviourRecord { .. } | AnswerType::Text | AnswerType::Choice { .. },
                    YesNo::Yes,
                ) => true,
                (Feed::Answered { .. }, AnswerType::Scale { .. }, YesNo::Yes) => {
                    match a.scale {
                        Some(v) => scale = Some((v, &a.indicator)),
                        None => scale_missing = Some(&a.indicator),
                    }
                    true
                }
                _ => false,
            };
            if fits {
                used[i] = true;
                touched = true;
            }
        }
    }
    if let Some(indicator) = scale_missing {
        return Err(SnapshotError::ScaleMissing { person: p.id.clone(), question: q.id.clone(), indicator: indicator.to_owned() });
    }
    if let (Some(y), Some(n)) = (yes, no) {
        return Err(SnapshotError::Contradiction { person: p.id.clone(), question: q.id.clone(), yes: y.to_owned(), no: n.to_owned() });
    }
    if !touched {
        return Ok(None);
    }
    Ok(Some(match &q.answer {
        AnswerType::YesNoUnknown => {
            AnswerValue::YesNoUnknown { value: if yes.is_some() { YesNoUnknown::Yes } else { YesNoUnknown::No } }
        }
        AnswerType::BehaviourRecord { .. } => AnswerValue::BehaviourRecords { records: own_records.to_vec() },
        AnswerType::Scale { .. } => AnswerValue::Scale { value: scale.map(|(v, _)| v).unwrap_or_default() },
        // A text or choice question (the faces of the 4–7 guide, an observation): asked and answered,
        // the account itself is in the practice case's own words.
        AnswerType::Text | AnswerType::Choice { .. } => AnswerValue::AskedNothingReported,
    }))
}

/// A practice family as the trainer's list shows it (issue 12): what it teaches, never its reference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct PracticeCaseSummary {
    pub id: String,
    pub version: u32,
    pub title: String,
    pub teaches: String,
    pub persons: u32,
}

/// One role card (issue 12, point 3): the account one family member gives, for the participant who plays
/// that person while another interviews them in conversation mode. Fictional text only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct RoleCard {
    pub name: String,
    pub role: Role,
    /// Age on the case's analysis date.
    pub age: i32,
    /// Who this is, in a line.
    pub about: String,
    /// A child under 4: not talked with but seen; the card says what the participant can observe.
    pub observation: bool,
    /// How to play this person.
    pub role_notes: String,
    /// What the person tells of their own accord (or what is observed).
    pub story: String,
    /// What the person tells only when asked about it concretely.
    pub when_asked: Vec<RoleCardAnswer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct RoleCardAnswer {
    pub topic: String,
    pub answer: String,
}

/// The role cards of one practice family, one per person, in the order of the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct RoleCards {
    pub case_id: String,
    pub version: u32,
    pub title: String,
    pub referral: String,
    pub cards: Vec<RoleCard>,
}

impl PracticeCase {
    pub fn summary(&self) -> PracticeCaseSummary {
        PracticeCaseSummary {
            id: self.id.clone(),
            version: self.version,
            title: self.title.clone(),
            teaches: self.teaches.trim().to_owned(),
            persons: u32::try_from(self.persons.len()).unwrap_or(u32::MAX),
        }
    }

    /// A card per person with an account (every person has one: the content tests check it).
    pub fn role_cards(&self) -> RoleCards {
        let cards = self
            .persons
            .iter()
            .filter_map(|p| {
                let account = self.account(&p.id)?;
                Some(RoleCard {
                    name: p.name.clone(),
                    role: p.role,
                    age: self.age(p),
                    about: p.about.trim().to_owned(),
                    observation: account.kind == AccountKind::Observation,
                    role_notes: account.role_notes.trim().to_owned(),
                    story: account.story.trim().to_owned(),
                    when_asked: account
                        .when_asked
                        .iter()
                        .map(|a| RoleCardAnswer { topic: a.topic.trim().to_owned(), answer: a.answer.trim().to_owned() })
                        .collect(),
                })
            })
            .collect();
        RoleCards {
            case_id: self.id.clone(),
            version: self.version,
            title: self.title.clone(),
            referral: self.referral.trim().to_owned(),
            cards,
        }
    }
}

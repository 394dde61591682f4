//! One pass over the snapshot that every rule reads from: behaviours counted once per
//! (actor, target, behaviour) at the highest reported frequency, the indicators marked by answers, and
//! who is whose partner. Denials and "unknown" are kept for the perspectives, never subtracted.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::{AskedBy, CaseSnapshot, Evidence};
use crate::{
    BehaviourCategory, BehaviourDef, BehaviourRecord, Catalogue, Exposure, Frequency, Role, Stance, Weight,
};

/// One (actor, target, behaviour) as the rules count it: once, at the highest frequency any source
/// reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CountedBehaviour {
    pub actor: Uuid,
    pub target: Uuid,
    pub behaviour_id: String,
    pub category: BehaviourCategory,
    pub weight: Weight,
    pub frequency: Frequency,
    /// Estimate for the last 12 months (category midpoint).
    pub yearly: u32,
    pub first_occurrence: Option<NaiveDate>,
    pub last_occurrence: Option<NaiveDate>,
    /// The records that report it, and their sources.
    pub evidence: Evidence,
}

/// One statement of one source about one (actor, target, behaviour).
#[derive(Debug, Clone)]
pub(crate) struct RawStatement<'a> {
    pub record: &'a BehaviourRecord,
}

/// A child exposed to a behaviour between others.
#[derive(Debug, Clone)]
pub(crate) struct ExposureFact {
    pub child: Uuid,
    pub record: Uuid,
    pub source: Uuid,
    pub how: Vec<Exposure>,
}

pub(crate) struct Facts<'a> {
    pub snapshot: &'a CaseSnapshot,
    pub roles: BTreeMap<Uuid, Role>,
    /// (ex-)couples, each as (lower id, higher id).
    pub couples: Vec<(Uuid, Uuid)>,
    couple_set: BTreeSet<(Uuid, Uuid)>,
    pub defs: BTreeMap<&'a str, &'a BehaviourDef>,
    /// Reported behaviours, each (actor, target, behaviour) once, sorted by that key.
    pub counted: Vec<CountedBehaviour>,
    /// Every statement (reported, denied, unknown) per (actor, target, behaviour).
    pub statements: BTreeMap<(Uuid, Uuid, &'a str), Vec<RawStatement<'a>>>,
    /// Reported records with a known behaviour, with their definition (for context and impact rules).
    pub reported: Vec<(&'a BehaviourRecord, &'a BehaviourDef)>,
    /// Answer indicators that are marked, with the answers that mark them.
    pub indicators: BTreeMap<&'a str, Evidence>,
    /// indicator → source person → the answers of that person that mark it.
    pub person_indicators: BTreeMap<&'a str, BTreeMap<Uuid, Evidence>>,
    /// indicator → the answers that asked about it (marked or not), sorted by (person, answer).
    pub asked: BTreeMap<&'a str, Vec<AskedBy>>,
    /// answer id → the day it was given (for the recency of red flags).
    pub answer_dates: BTreeMap<Uuid, NaiveDate>,
    pub exposures: Vec<ExposureFact>,
    /// Coercive control, stalking or controlling economic behaviour between two persons (either
    /// direction), keyed by (lower id, higher id).
    pub control_between: BTreeMap<(Uuid, Uuid), Evidence>,
    pub unknown_behaviours: Vec<Uuid>,
}

pub(crate) fn ordered(a: Uuid, b: Uuid) -> (Uuid, Uuid) {
    if a < b { (a, b) } else { (b, a) }
}

impl<'a> Facts<'a> {
    pub fn build(snapshot: &'a CaseSnapshot, catalogue: &'a Catalogue) -> Facts<'a> {
        let roles = snapshot.household.persons.iter().map(|p| (p.id, p.role)).collect();
        let couples = snapshot.household.couples();
        let couple_set = couples.iter().copied().collect();
        let defs = catalogue.index();

        let mut statements: BTreeMap<(Uuid, Uuid, &'a str), Vec<RawStatement<'a>>> = BTreeMap::new();
        let mut counted: BTreeMap<(Uuid, Uuid, &'a str), CountedBehaviour> = BTreeMap::new();
        let mut reported = Vec::new();
        let mut exposures = Vec::new();
        let mut control_between: BTreeMap<(Uuid, Uuid), Evidence> = BTreeMap::new();
        let mut unknown_behaviours = Vec::new();

        for record in &snapshot.records {
            let Some(def) = defs.get(record.behaviour_id.as_str()).copied() else {
                unknown_behaviours.push(record.id);
                continue;
            };
            for (actor, target) in record.pairs() {
                statements
                    .entry((actor, target, def.id.as_str()))
                    .or_default()
                    .push(RawStatement { record });
            }
            let Stance::Reported { frequency } = record.stance else { continue };
            reported.push((record, def));
            for (actor, target) in record.pairs() {
                let c = counted.entry((actor, target, def.id.as_str())).or_insert_with(|| CountedBehaviour {
                    actor,
                    target,
                    behaviour_id: def.id.clone(),
                    category: def.category,
                    weight: def.weight,
                    frequency,
                    yearly: frequency.yearly_estimate(),
                    first_occurrence: record.first_occurrence,
                    last_occurrence: record.last_occurrence,
                    evidence: Evidence::default(),
                });
                if frequency > c.frequency {
                    c.frequency = frequency;
                    c.yearly = frequency.yearly_estimate();
                }
                c.first_occurrence = min_opt(c.first_occurrence, record.first_occurrence);
                c.last_occurrence = max_opt(c.last_occurrence, record.last_occurrence);
                c.evidence.add_record(record.id, record.source_person);
                if is_control(def) {
                    control_between.entry(ordered(actor, target)).or_default().add_record(record.id, record.source_person);
                }
            }
            for e in &record.children_exposed {
                if !e.how.is_empty() {
                    exposures.push(ExposureFact { child: e.child, record: record.id, source: record.source_person, how: e.how.clone() });
                }
            }
        }

        let mut indicators: BTreeMap<&'a str, Evidence> = BTreeMap::new();
        let mut person_indicators: BTreeMap<&'a str, BTreeMap<Uuid, Evidence>> = BTreeMap::new();
        let mut asked: BTreeMap<&'a str, Vec<AskedBy>> = BTreeMap::new();
        let mut answer_dates = BTreeMap::new();
        for answer in &snapshot.answers {
            answer_dates.insert(answer.id, answer.updated_at.date_naive());
            let Some(feeds) = catalogue.question_feeds.get(&answer.question_id) else { continue };
            for feed in feeds {
                if answer.value.is_asked() {
                    asked.entry(feed.indicator()).or_default().push(AskedBy {
                        person: answer.source_person,
                        answer: answer.id,
                        date: answer.updated_at.date_naive(),
                    });
                }
                if feed.fires(&answer.value) {
                    indicators.entry(feed.indicator()).or_default().add_answer(answer.id, answer.source_person);
                    person_indicators
                        .entry(feed.indicator())
                        .or_default()
                        .entry(answer.source_person)
                        .or_default()
                        .add_answer(answer.id, answer.source_person);
                }
            }
        }

        for v in asked.values_mut() {
            v.sort_by_key(|a| (a.person, a.answer));
            v.dedup();
        }
        unknown_behaviours.sort();
        exposures.sort_by_key(|e| (e.child, e.record));
        Facts {
            snapshot,
            roles,
            couples,
            couple_set,
            defs,
            counted: counted.into_values().collect(),
            statements,
            reported,
            indicators,
            person_indicators,
            asked,
            answer_dates,
            exposures,
            control_between,
            unknown_behaviours,
        }
    }

    pub fn are_partners(&self, a: Uuid, b: Uuid) -> bool {
        self.couple_set.contains(&ordered(a, b))
    }

    pub fn is_child(&self, p: Uuid) -> bool {
        self.roles.get(&p) == Some(&Role::Child)
    }

    /// Reported behaviours from `actor` towards `target`.
    pub fn between(&self, actor: Uuid, target: Uuid) -> impl Iterator<Item = &CountedBehaviour> {
        self.counted.iter().filter(move |c| c.actor == actor && c.target == target)
    }

    pub fn indicator(&self, id: &str) -> Option<&Evidence> {
        self.indicators.get(id)
    }

    pub fn person_indicator(&self, person: Uuid, id: &str) -> Option<&Evidence> {
        self.person_indicators.get(id).and_then(|m| m.get(&person))
    }

    /// The answers that asked about an answer indicator (whether or not they marked it).
    pub fn asked_about(&self, id: &str) -> &[AskedBy] {
        self.asked.get(id).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Was this answer indicator asked of this person?
    pub fn asked_of(&self, person: Uuid, id: &str) -> bool {
        self.asked_about(id).iter().any(|a| a.person == person)
    }
}

/// Behaviour that controls a life domain: coercive control, stalking, or economic items with a domain.
pub(crate) fn is_control(def: &BehaviourDef) -> bool {
    matches!(def.category, BehaviourCategory::CoerciveControl | BehaviourCategory::Stalking) || def.control_domain.is_some()
}

fn min_opt(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn max_opt(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

//! Behaviour records (`gedragingen`): "wie doet wat tegen wie, met welke impact, in welke context"
//! (domain.md §5).
//!
//! A record is one source's statement about a behaviour: it is reported (with a frequency), denied, or
//! the source does not know. Different sources about the same behaviour make separate records; the
//! analysis puts them side by side (`analysis::perspectives`) and never merges them away.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::{DomainError, Frequency, Visibility};

/// What the source says about the behaviour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "stance", rename_all = "snake_case")]
#[ts(export)]
pub enum Stance {
    Reported { frequency: Frequency },
    /// The source says it did not happen. Shown next to reports, never subtracted from them.
    Denied,
    /// The source does not know.
    Unknown,
}

impl Stance {
    pub fn frequency(self) -> Option<Frequency> {
        match self {
            Stance::Reported { frequency } => Some(frequency),
            _ => None,
        }
    }
}

/// Circumstances around the behaviour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ContextTag {
    AlcoholOrDrugs,
    AroundSeparation,
    InFrontOfChildren,
    AtContactHandover,
    DuringPregnancy,
    OutsideTheHome,
    AfterConflictAboutMoney,
    AfterConflictAboutChildren,
}

/// Impact on the target, as structured tags next to the person's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ImpactTag {
    Fear,
    FearForLife,
    Injury,
    SleepProblems,
    Withdrawal,
    Shame,
    Adapting,
}

/// How a child was exposed to the behaviour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Exposure {
    Saw,
    Heard,
    NoticedAftermath,
    /// Hurt while trying to stop it: a child drawn into the violence.
    HurtIntervening,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChildExposure {
    pub child: Uuid,
    pub how: Vec<Exposure>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BehaviourRecord {
    pub id: Uuid,
    pub case_id: Uuid,
    /// Person(s) in the `plegerpositie` for this behaviour.
    pub actors: Vec<Uuid>,
    /// Person(s) in the `slachtofferpositie` for this behaviour.
    pub targets: Vec<Uuid>,
    /// Catalogue id, e.g. `fys.duwen`.
    pub behaviour_id: String,
    pub stance: Stance,
    pub first_occurrence: Option<NaiveDate>,
    pub last_occurrence: Option<NaiveDate>,
    pub context: Vec<ContextTag>,
    pub impact: Vec<ImpactTag>,
    /// Impact in the person's own words.
    pub impact_text: String,
    pub children_exposed: Vec<ChildExposure>,
    /// Who said so.
    pub source_person: Uuid,
    /// In which conversation (None: e.g. from a report by another professional).
    pub conversation_id: Option<Uuid>,
    /// The guide question this record answers, if any.
    pub question_id: Option<String>,
    pub confidential: Visibility,
    pub updated_at: DateTime<Utc>,
}

impl BehaviourRecord {
    pub fn validate(&self) -> Result<(), DomainError> {
        if self.actors.is_empty() {
            return Err(DomainError::Empty("actors"));
        }
        if self.targets.is_empty() {
            return Err(DomainError::Empty("targets"));
        }
        if self.actors.iter().any(|a| self.targets.contains(a)) {
            return Err(DomainError::Invalid("a person cannot be actor and target of the same record"));
        }
        if self.behaviour_id.trim().is_empty() {
            return Err(DomainError::Empty("behaviour_id"));
        }
        if let (Some(first), Some(last)) = (self.first_occurrence, self.last_occurrence) {
            if first > last {
                return Err(DomainError::Invalid("first occurrence after last occurrence"));
            }
        }
        Ok(())
    }

    /// Each (actor, target) pair the record speaks about.
    pub fn pairs(&self) -> impl Iterator<Item = (Uuid, Uuid)> + '_ {
        self.actors.iter().flat_map(move |a| self.targets.iter().map(move |t| (*a, *t)))
    }
}

//! The analysis (domain.md §6–7): pure functions from a case snapshot to hypotheses with evidence.
//!
//! `analyse` is the single entry point. It is deterministic: every list is sorted by a stable key and
//! only ordered maps are used. Each conclusion names its evidence (record ids, answer ids, sources);
//! the professional's judgements are paired with the recomputed hypotheses in `reviews`, never
//! overwritten by them. There is no clock in here: `today` is passed in.

mod coverage;
mod facts;
mod pattern;
mod perspectives;
mod profiles;
mod redflags;
mod review;
mod severity;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::guardrails::{self, GuardRail};
use crate::{Answer, BehaviourRecord, Catalogue, ChildPrecheck, Conversation, Household};

pub use coverage::{Coverage, OpenWork, PersonCoverage};
pub use facts::CountedBehaviour;
pub use pattern::{
    ALL_CONTROL_DOMAINS, CONTROL_DOMAINS_THRESHOLD, CouplePattern, OpenQuestion, PartnerAssessment, PatternKind,
};
pub use perspectives::{PerspectiveAgreement, Perspective, Statement};
pub use profiles::{IndicatorFinding, IndicatorState, ProfileHypothesis, ProfileStrength};
pub use redflags::{
    AcuteDecision, AcuteUnsafety, FLAG_CURRENT_MONTHS, MeldcodeUnsafety, PERIOD_DAYS, RedFlagFinding,
    StructuralReason, StructuralUnsafety, first_day_not_current, is_current,
};
pub use review::{ACUTE_KEY, Judgement, Review, ReviewStatus, SEVERITY_KEY, STRUCTURAL_KEY, Verdict};
pub use severity::{ChildFinding, Severity, SeverityCategory, SeverityReason};

/// Everything the analysis reads, as loaded from the vault in one go.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CaseSnapshot {
    pub household: Household,
    pub conversations: Vec<Conversation>,
    pub answers: Vec<Answer>,
    pub records: Vec<BehaviourRecord>,
    pub judgements: Vec<Judgement>,
    pub acute_decisions: Vec<AcuteDecision>,
    pub prechecks: Vec<ChildPrecheck>,
}

/// Who was asked about something, in which answer, on which day ("asked and not present" needs this).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AskedBy {
    pub person: Uuid,
    pub answer: Uuid,
    pub date: NaiveDate,
}

/// What a conclusion rests on. All lists sorted and without duplicates.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Evidence {
    pub records: Vec<Uuid>,
    pub answers: Vec<Uuid>,
    pub relations: Vec<Uuid>,
    /// The persons who said so.
    pub sources: Vec<Uuid>,
}

fn insert_sorted(v: &mut Vec<Uuid>, id: Uuid) {
    if let Err(i) = v.binary_search(&id) {
        v.insert(i, id);
    }
}

impl Evidence {
    pub fn is_empty(&self) -> bool {
        self.records.is_empty() && self.answers.is_empty() && self.relations.is_empty()
    }

    pub fn add_record(&mut self, record: Uuid, source: Uuid) {
        insert_sorted(&mut self.records, record);
        insert_sorted(&mut self.sources, source);
    }

    pub fn add_answer(&mut self, answer: Uuid, source: Uuid) {
        insert_sorted(&mut self.answers, answer);
        insert_sorted(&mut self.sources, source);
    }

    pub fn add_relation(&mut self, relation: Uuid) {
        insert_sorted(&mut self.relations, relation);
    }

    pub fn merge(&mut self, other: &Evidence) {
        for r in &other.records {
            insert_sorted(&mut self.records, *r);
        }
        for a in &other.answers {
            insert_sorted(&mut self.answers, *a);
        }
        for r in &other.relations {
            insert_sorted(&mut self.relations, *r);
        }
        for s in &other.sources {
            insert_sorted(&mut self.sources, *s);
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Analysis {
    pub case_id: Uuid,
    pub today: NaiveDate,
    pub catalogue_version: u32,
    pub severity: Severity,
    /// Per child: the abuse and the witnessing recorded, each shown in its own right.
    pub children: Vec<ChildFinding>,
    /// One per (ex-)couple, sorted by the pair's ids.
    pub patterns: Vec<CouplePattern>,
    /// All five profiles, each with its indicators, in `ProfileKind::ALL` order.
    pub profiles: Vec<ProfileHypothesis>,
    /// Present red flags, sorted by flag.
    pub red_flags: Vec<RedFlagFinding>,
    pub acute: AcuteUnsafety,
    /// Structural unsafety, suggested from the pattern (§6.4), apart from acute unsafety.
    pub structural: StructuralUnsafety,
    /// What the analysis brings to Meldcode weighing question 2 (acute or structural unsafety).
    pub meldcode_unsafety: MeldcodeUnsafety,
    pub coverage: Coverage,
    /// Per (actor, target, behaviour): what each source said.
    pub perspectives: Vec<Perspective>,
    pub guard_rails: Vec<GuardRail>,
    /// Each conclusion with the professional's latest judgement.
    pub reviews: Vec<Review>,
    /// The household as a genogram with who→whom arrows (drawn by the UI, printed in the plan).
    pub picture: crate::picture::FamilyPicture,
    /// Records whose behaviour id is not in the catalogue (left out of every rule; shown so they can be
    /// fixed).
    pub unknown_behaviours: Vec<Uuid>,
}

/// Recomputes the whole analysis of one case.
pub fn analyse(input: &CaseSnapshot, catalogue: &Catalogue, today: NaiveDate) -> Analysis {
    let facts = facts::Facts::build(input, catalogue);
    let severity = severity::severity(&facts);
    let children = severity::children(&facts);
    let coverage = coverage::coverage(input, &facts, today);
    let patterns = pattern::patterns(&facts, &coverage);
    let derived = profiles::derived_indicators(&facts, &patterns);
    let profiles = profiles::profiles(&facts, &derived, &patterns);
    let red_flags = redflags::red_flags(&facts, &profiles, today);
    let acute = redflags::acute(&red_flags, input, today);
    let structural = redflags::structural(&facts, &severity, &patterns, &profiles, today);
    let meldcode_unsafety = redflags::meldcode_unsafety(&acute, &structural, &red_flags);
    let perspectives = perspectives::perspectives(&facts);
    let guard_rails = guardrails::joint_conversation_warnings(input, &facts);
    let reviews = review::reviews(&input.judgements, &severity, &patterns, &profiles, &red_flags, &acute, &structural);
    Analysis {
        case_id: input.household.case.id,
        today,
        catalogue_version: catalogue.version,
        severity,
        children,
        patterns,
        profiles,
        red_flags,
        acute,
        structural,
        meldcode_unsafety,
        coverage,
        perspectives,
        guard_rails,
        reviews,
        picture: crate::picture::from_facts(&facts),
        unknown_behaviours: facts.unknown_behaviours.clone(),
    }
}

pub(crate) use facts::Facts;
pub(crate) use facts::is_control as facts_is_control;

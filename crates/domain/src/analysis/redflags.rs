//! Red flags and acute unsafety (domain.md §6.4).
//!
//! Every rule here only looks for something that *is* there (a reported behaviour, an answer, a tag),
//! never for something missing, so removing a source can never raise a flag. Behaviours count whenever
//! they were reported, also before the last 12 months ("strangulation ever"). When any flag is present
//! the case shows "Mogelijk acute onveiligheid — handel binnen 24 uur" and the professional must record
//! what they decided and why.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::facts::{is_control, ordered};
use super::{Evidence, Facts};
use crate::indicators::{ANSWER_RED_FLAGS, SEPARATION_PLANNED_OR_FEARED};
use crate::{BehaviourCategory, ContextTag, Exposure, ImpactTag, RedFlag, RelationKind, Weight};

/// A separation this recent (in days) counts as "recent" for the separation red flag.
pub const RECENT_SEPARATION_DAYS: i64 = 365;
/// An `ernstig` behaviour that first happened this recently, after `licht` behaviour by the same
/// person towards the same person, counts as escalation.
pub const ESCALATION_WINDOW_DAYS: i64 = 365;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RedFlagFinding {
    /// `redflag:<id>`
    pub key: String,
    pub flag: RedFlag,
    pub evidence: Evidence,
}

/// What the professional decided about possible acute unsafety.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AcuteDecision {
    pub id: Uuid,
    pub case_id: Uuid,
    pub decided_at: DateTime<Utc>,
    /// What was decided (e.g. "Veilig Thuis geraadpleegd, melding gedaan").
    pub decision: String,
    pub rationale: String,
    /// Ids of the suggested actions taken (from the red-flag data), e.g. `veilig_thuis`.
    pub actions: Vec<String>,
    /// The flags that were on screen when deciding.
    pub flags_seen: Vec<RedFlag>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AcuteUnsafety {
    /// `Mogelijk acute onveiligheid — handel binnen 24 uur`
    pub possibly_acute: bool,
    pub flags: Vec<RedFlag>,
    /// The latest decision, if any.
    pub decision: Option<AcuteDecision>,
    /// Flags present now that the latest decision did not see.
    pub flags_not_decided: Vec<RedFlag>,
    /// A decision (or a new one) must be recorded.
    pub decision_required: bool,
}

pub(crate) fn red_flags(f: &Facts, today: NaiveDate) -> Vec<RedFlagFinding> {
    let mut out: BTreeMap<RedFlag, Evidence> = BTreeMap::new();
    let mut raise = |flag: RedFlag, e: &Evidence| out.entry(flag).or_default().merge(e);

    // Actors who use coercive control towards anyone (for "the controlling partner threatens suicide").
    let controllers: Vec<uuid::Uuid> = f
        .counted
        .iter()
        .filter(|c| f.defs.get(c.behaviour_id.as_str()).is_some_and(|d| is_control(d)))
        .map(|c| c.actor)
        .collect();

    for c in &f.counted {
        let Some(def) = f.defs.get(c.behaviour_id.as_str()) else { continue };
        for flag in &def.red_flags {
            if *flag == RedFlag::SuicideThreat && !controllers.contains(&c.actor) {
                continue;
            }
            raise(*flag, &c.evidence);
        }
        if c.category == BehaviourCategory::Stalking {
            raise(RedFlag::Stalking, &c.evidence);
        }
        if f.is_child(c.target) && (c.weight == Weight::Ernstig || c.category == BehaviourCategory::Injury) {
            raise(RedFlag::ChildHarmed, &c.evidence);
        }
    }

    for (record, def) in &f.reported {
        let mut e = Evidence::default();
        e.add_record(record.id, record.source_person);
        let towards_partner = record.pairs().any(|(a, t)| f.are_partners(a, t));
        if towards_partner && record.context.contains(&ContextTag::DuringPregnancy) {
            raise(RedFlag::ViolenceDuringPregnancy, &e);
        }
        if record.impact.contains(&ImpactTag::FearForLife) {
            raise(RedFlag::FearForLife, &e);
        }
        if record.children_exposed.iter().any(|x| x.how.contains(&Exposure::HurtIntervening)) {
            raise(RedFlag::ChildHarmed, &e);
        }
        let _ = def;
    }

    for (indicator, flag) in ANSWER_RED_FLAGS {
        if let Some(e) = f.indicator(indicator) {
            raise(*flag, e);
        }
    }

    // Escalation: an `ernstig` behaviour that started recently, after earlier `licht` behaviour
    // between the same two persons.
    for later in f.counted.iter().filter(|c| c.weight == Weight::Ernstig) {
        let Some(start) = later.first_occurrence else { continue };
        if (today - start).num_days() > ESCALATION_WINDOW_DAYS || start > today {
            continue;
        }
        for earlier in f.between(later.actor, later.target) {
            if earlier.weight == Weight::Licht && earlier.first_occurrence.is_some_and(|d| d < start) {
                let mut e = later.evidence.clone();
                e.merge(&earlier.evidence);
                raise(RedFlag::Escalation, &e);
            }
        }
    }

    // Separation (recent, planned or feared) together with coercive control in that couple.
    for &(a, b) in &f.couples {
        let Some(control) = f.control_between.get(&ordered(a, b)) else { continue };
        let mut separation = Evidence::default();
        for r in &f.snapshot.household.relations {
            if ordered(r.from, r.to) != (a, b) {
                continue;
            }
            if let RelationKind::ExPartnerOf { separation_date } = r.kind {
                // Unknown date: treat as possibly recent; the professional can reject the flag.
                let recent = separation_date.is_none_or(|d| (today - d).num_days() <= RECENT_SEPARATION_DAYS);
                if recent {
                    separation.add_relation(r.id);
                }
            }
        }
        for p in [a, b] {
            if let Some(e) = f.person_indicator(p, SEPARATION_PLANNED_OR_FEARED) {
                separation.merge(e);
            }
        }
        for (record, _) in &f.reported {
            if record.context.contains(&ContextTag::AroundSeparation)
                && record.pairs().any(|(x, y)| ordered(x, y) == (a, b))
            {
                separation.add_record(record.id, record.source_person);
            }
        }
        if !separation.is_empty() {
            separation.merge(control);
            raise(RedFlag::SeparationWithControl, &separation);
        }
    }

    out.into_iter()
        .map(|(flag, evidence)| RedFlagFinding { key: format!("redflag:{}", flag.id()), flag, evidence })
        .collect()
}

pub(crate) fn acute(flags: &[RedFlagFinding], decisions: &[AcuteDecision]) -> AcuteUnsafety {
    let present: Vec<RedFlag> = flags.iter().map(|f| f.flag).collect();
    let decision = decisions.iter().max_by_key(|d| (d.decided_at, d.id)).cloned();
    let flags_not_decided: Vec<RedFlag> = match &decision {
        Some(d) => present.iter().copied().filter(|f| !d.flags_seen.contains(f)).collect(),
        None => present.clone(),
    };
    AcuteUnsafety {
        possibly_acute: !present.is_empty(),
        decision_required: !flags_not_decided.is_empty(),
        flags: present,
        decision,
        flags_not_decided,
    }
}

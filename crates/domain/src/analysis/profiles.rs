//! The five family profiles (domain.md §6.3, Lünnemann et al. 2023), not mutually exclusive.
//!
//! Each profile is shown with all its indicators and a strength: `waarschijnlijk`, `mogelijk`, `weinig
//! aanwijzingen`, or `nog te weinig informatie` when most of its indicators were not asked yet. Every
//! indicator has three states (§6): present (with evidence), asked and not present (who was asked,
//! when), not yet asked. Not asked is never read as absent: an empty case shows "nog te weinig
//! informatie" with what to ask. The strength rules per profile are in `strength`; the professional
//! judges the rest. For `kindgedrag`, `langdurige zorg` and `complexe scheiding` the violence between
//! the parents must be looked at too: `look_at_partner_violence` says so.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{AskedBy, CouplePattern, Evidence, Facts, PatternKind};
use crate::indicators::*;
use crate::{BehaviourCategory, ContextTag, ControlDomain, RelationKind, Weight};

/// The three states of an indicator (§6: not asked is not absent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum IndicatorState {
    /// There, with evidence.
    Present,
    /// Asked and not there: `asked` says who was asked and when.
    AskedAbsent,
    /// `nog niet gevraagd`.
    NotAsked,
}

/// How strongly the facts point to a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProfileStrength {
    /// `nog te weinig informatie`: most indicators not asked yet, and nothing that points to the profile.
    TeWeinigInformatie,
    /// `weinig aanwijzingen`: asked, and little points to it.
    WeinigAanwijzingen,
    /// `mogelijk`
    Mogelijk,
    /// `waarschijnlijk`
    Waarschijnlijk,
}

impl ProfileStrength {
    /// The stable text the professional's judgement is compared with.
    pub fn id(self) -> &'static str {
        match self {
            ProfileStrength::TeWeinigInformatie => "te_weinig_informatie",
            ProfileStrength::WeinigAanwijzingen => "weinig_aanwijzingen",
            ProfileStrength::Mogelijk => "mogelijk",
            ProfileStrength::Waarschijnlijk => "waarschijnlijk",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IndicatorFinding {
    pub indicator: String,
    pub source: IndicatorSource,
    pub expect: Expect,
    pub state: IndicatorState,
    /// `state == Present`.
    pub present: bool,
    /// Present when expected present, or asked-and-absent when expected absent (an indicator that
    /// was not asked never fits an "absent" expectation).
    pub fits: bool,
    pub evidence: Evidence,
    /// The answers that asked about it (answer indicators and the `asked.*` answers behind derived
    /// ones), sorted by person.
    pub asked: Vec<AskedBy>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProfileHypothesis {
    /// `profile:<id>`
    pub key: String,
    pub profile: ProfileKind,
    pub strength: ProfileStrength,
    /// `strength == Waarschijnlijk`.
    pub likely: bool,
    pub indicators: Vec<IndicatorFinding>,
    /// The indicators not asked yet, in the profile's order: what to ask next.
    pub to_ask: Vec<String>,
    /// A reminder: look at the violence between the parents as well, not only at the child or the
    /// parent's problems.
    pub look_at_partner_violence: bool,
    pub evidence: Evidence,
}

/// Derived indicators that are present, with their evidence.
pub(crate) fn derived_indicators(f: &Facts, patterns: &[CouplePattern]) -> BTreeMap<&'static str, Evidence> {
    let mut out: BTreeMap<&'static str, Evidence> = BTreeMap::new();
    for p in patterns {
        if matches!(p.kind, PatternKind::IntiemeTerreur { .. }) {
            out.entry(PATTERN_INTIMATE_TERROR).or_default().merge(&p.evidence);
        }
        for side in [&p.a, &p.b] {
            if side.controlling {
                out.entry(RECORDS_CONTROL_MANY_DOMAINS).or_default().merge(&side.control_evidence);
            }
        }
        let a_to_b = f.between(p.a.person, p.b.person).any(|c| c.category.counts_as_partner_violence());
        let b_to_a = f.between(p.b.person, p.a.person).any(|c| c.category.counts_as_partner_violence());
        if a_to_b && b_to_a {
            let e = out.entry(RECORDS_VIOLENCE_BOTH_DIRECTIONS).or_default();
            for c in f.between(p.a.person, p.b.person).chain(f.between(p.b.person, p.a.person)) {
                if c.category.counts_as_partner_violence() {
                    e.merge(&c.evidence);
                }
            }
        }
    }
    for c in &f.counted {
        let partners = f.are_partners(c.actor, c.target);
        let child = f.is_child(c.target);
        let def = f.defs.get(c.behaviour_id.as_str());
        let mut mark = |id: &'static str| out.entry(id).or_default().merge(&c.evidence);
        if partners && c.category.counts_as_partner_violence() {
            mark(RECORDS_PARTNER_VIOLENCE);
            if c.weight == Weight::Ernstig {
                mark(RECORDS_SEVERE_PARTNER_VIOLENCE);
            }
            if c.category == BehaviourCategory::Sexual {
                mark(RECORDS_SEXUAL_VIOLENCE);
            }
        }
        if partners && def.is_some_and(|d| super::facts::is_control(d)) {
            mark(RECORDS_COERCIVE_CONTROL);
            if def.is_some_and(|d| d.control_domain == Some(ControlDomain::Isolation)) {
                mark(RECORDS_ISOLATION);
            }
        }
        if c.category == BehaviourCategory::Stalking {
            mark(RECORDS_STALKING);
        }
        if child && c.category == BehaviourCategory::ChildNeglect {
            mark(RECORDS_CHILD_NEGLECT);
        }
        if child && c.category == BehaviourCategory::ChildWitnessing {
            mark(RECORDS_CHILD_WITNESSING);
        }
    }
    for e in f.exposures.iter().filter(|e| f.is_child(e.child)) {
        out.entry(RECORDS_CHILD_WITNESSING).or_default().add_record(e.record, e.source);
    }
    for r in &f.snapshot.household.relations {
        if let RelationKind::ExPartnerOf { separation_date } = r.kind {
            out.entry(HOUSEHOLD_SEPARATED).or_default().add_relation(r.id);
            // Control or stalking between the two after (or around) the separation.
            let mut after = Evidence::default();
            for (record, def) in &f.reported {
                let between = record.pairs().any(|(x, y)| (x, y) == (r.from, r.to) || (x, y) == (r.to, r.from));
                if !between || !super::facts::is_control(def) {
                    continue;
                }
                let dated_after = separation_date
                    .is_some_and(|d| record.last_occurrence.or(record.first_occurrence).is_some_and(|o| o >= d));
                let around = record.context.iter().any(|c| matches!(c, ContextTag::AroundSeparation | ContextTag::AtContactHandover));
                if dated_after || around || def.category == BehaviourCategory::Stalking {
                    after.add_record(record.id, record.source_person);
                }
            }
            if !after.is_empty() {
                after.add_relation(r.id);
                out.entry(RECORDS_CONTROL_AFTER_SEPARATION).or_default().merge(&after);
            }
        }
    }
    out
}

/// Every partner of a couple in the household.
fn partners(f: &Facts) -> Vec<uuid::Uuid> {
    let mut v: Vec<uuid::Uuid> = f.couples.iter().flat_map(|&(a, b)| [a, b]).collect();
    v.sort();
    v.dedup();
    v
}

fn state_of(
    f: &Facts,
    derived: &BTreeMap<&'static str, Evidence>,
    patterns: &[CouplePattern],
    id: &str,
) -> (IndicatorState, Evidence, Vec<AskedBy>) {
    let source = indicator_source(id).unwrap_or(IndicatorSource::Answer);
    let present = match source {
        IndicatorSource::Derived => derived.get(id),
        IndicatorSource::Answer => f.indicator(id),
    };
    let asked: Vec<AskedBy> = match source {
        IndicatorSource::Answer => f.asked_about(id).to_vec(),
        IndicatorSource::Derived => {
            let mut v: Vec<AskedBy> = asked_via(id).iter().flat_map(|a| f.asked_about(a).iter().copied()).collect();
            v.sort();
            v.dedup();
            v
        }
    };
    if let Some(e) = present {
        return (IndicatorState::Present, e.clone(), asked);
    }
    let asked_enough = match id {
        // The pattern is concluded for every couple (not "onvoldoende informatie").
        PATTERN_INTIMATE_TERROR => {
            !patterns.is_empty() && patterns.iter().all(|p| p.kind != PatternKind::OnvoldoendeInformatie)
        }
        // The household says who is together: with a couple that is not separated, "not separated" is known.
        HOUSEHOLD_SEPARATED => !f.couples.is_empty(),
        // Fear of the partner is absent only when every partner was asked.
        FEAR_CHRONIC => {
            let ps = partners(f);
            !ps.is_empty() && ps.iter().all(|p| f.asked_of(*p, FEAR_CHRONIC))
        }
        _ => match source {
            IndicatorSource::Answer => !asked.is_empty(),
            // What records would show counts as asked and absent only when every partner was asked
            // (most of these questions are asked from the side of the person it happens to: when only
            // the partner in the plegerpositie was heard, nothing is known yet). Without a couple, anyone.
            IndicatorSource::Derived => {
                let via = asked_via(id);
                let ps = partners(f);
                !via.is_empty()
                    && via.iter().all(|a| {
                        if ps.is_empty() { !f.asked_about(a).is_empty() } else { ps.iter().all(|p| f.asked_of(*p, a)) }
                    })
            }
        },
    };
    let state = if asked_enough { IndicatorState::AskedAbsent } else { IndicatorState::NotAsked };
    (state, Evidence::default(), asked)
}

/// Some partner controls in at least the threshold of domains and the other lives in chronic fear, is
/// isolated or stalked by them (§6.3: likely even without physical violence).
fn control_with_fear_isolation_or_stalking(f: &Facts, patterns: &[CouplePattern]) -> bool {
    patterns.iter().any(|p| {
        [(&p.a, &p.b), (&p.b, &p.a)].iter().any(|(x, y)| {
            x.controlling
                && (y.person != x.person)
                // Ongoing fear or fear for one's life (the pattern's chronic fear: either answer).
                && (x.other_chronic_fear
                    || x.control_domains.contains(&ControlDomain::Isolation)
                    || f.between(x.person, y.person).any(|c| c.category == BehaviourCategory::Stalking))
        })
    })
}

/// Control was asked about every domain of both partners of every couple, and nobody meets the
/// threshold: only then can `gezin in de stress` be more than `mogelijk` (§6.3).
pub(crate) fn control_cleared(f: &Facts, patterns: &[CouplePattern]) -> bool {
    !patterns.is_empty()
        && patterns.iter().all(|p| {
            !p.a.controlling
                && !p.b.controlling
                && super::pattern::domains_not_asked(f, p.a.person).is_empty()
                && super::pattern::domains_not_asked(f, p.b.person).is_empty()
        })
}

fn strength(
    profile: ProfileKind,
    f: &Facts,
    patterns: &[CouplePattern],
    indicators: &[IndicatorFinding],
) -> ProfileStrength {
    let present = |id: &str| indicators.iter().any(|i| i.indicator == id && i.state == IndicatorState::Present);
    let state = |id: &str| indicators.iter().find(|i| i.indicator == id).map(|i| i.state);
    let fitting_present =
        indicators.iter().filter(|i| i.expect == Expect::Present && i.state == IndicatorState::Present).count();
    let stressors = STRESSORS.iter().filter(|s| present(s)).count();
    let (likely, possible) = match profile {
        ProfileKind::IntiemeTerreur => (
            present(PATTERN_INTIMATE_TERROR) || control_with_fear_isolation_or_stalking(f, patterns),
            present(RECORDS_CONTROL_MANY_DOMAINS) || present(FEAR_CHRONIC) || present(RECORDS_STALKING),
        ),
        ProfileKind::GezinInDeStress => (
            stressors >= STRESSOR_ACCUMULATION_THRESHOLD
                && present(RECORDS_PARTNER_VIOLENCE)
                && state(FEAR_CHRONIC) == Some(IndicatorState::AskedAbsent)
                // No partner fears for their life either (a "no" to ongoing fear with a "yes" to this
                // is not a family in stress).
                && f.indicator(FEAR_FOR_LIFE).is_none()
                && patterns.iter().all(|p| !p.a.other_chronic_fear && !p.b.other_chronic_fear)
                && control_cleared(f, patterns),
            stressors >= STRESSOR_ACCUMULATION_THRESHOLD
                || (stressors >= 1 && present(RECORDS_PARTNER_VIOLENCE))
                || (present(CONFLICT_ESCALATES_FAST) && present(RECORDS_PARTNER_VIOLENCE)),
        ),
        ProfileKind::KindgedragEnOpvoedstress => (
            present(CHILD_BEHAVIOUR_PROBLEMS) && (present(PARENTING_STRESS) || present(PARENTING_DISAGREEMENT)),
            present(CHILD_BEHAVIOUR_PROBLEMS),
        ),
        ProfileKind::LangdurigeZorg => (
            present(PARENT_INTELLECTUAL_DISABILITY) || present(PARENT_PSYCHIATRIC) || present(PARENT_ADDICTION),
            present(RECORDS_CHILD_NEGLECT) || present(CARE_UNPREDICTABLE_PARENTING) || present(CHILD_WITNESSES_SELF_HARM),
        ),
        ProfileKind::ComplexeScheiding => {
            let separated = present(HOUSEHOLD_SEPARATED);
            let separating = present(SEPARATION_PLANNED_OR_FEARED);
            let conflict = present(SEPARATION_ONGOING_CONFLICT) || present(SEPARATION_LEGAL_PROCEEDINGS);
            (
                (separated && (conflict || present(RECORDS_STALKING) || present(RECORDS_CONTROL_AFTER_SEPARATION)))
                    // Separating: conflict about the arrangements, proceedings or stalking. Control alone
                    // before the separation is the red flag "separation with control" (§6.4) and the
                    // intieme-terreur profile, not yet a complex separation.
                    || (separating && (conflict || present(RECORDS_STALKING))),
                separated || separating || present(CHILD_LOYALTY_CONFLICT),
            )
        }
    };
    let not_asked = indicators.iter().filter(|i| i.state == IndicatorState::NotAsked).count();
    if likely {
        ProfileStrength::Waarschijnlijk
    } else if possible || fitting_present >= 2 {
        ProfileStrength::Mogelijk
    } else if not_asked * 2 > indicators.len() {
        ProfileStrength::TeWeinigInformatie
    } else {
        ProfileStrength::WeinigAanwijzingen
    }
}

pub(crate) fn profiles(
    f: &Facts,
    derived: &BTreeMap<&'static str, Evidence>,
    patterns: &[CouplePattern],
) -> Vec<ProfileHypothesis> {
    ProfileKind::ALL
        .into_iter()
        .map(|profile| {
            let mut evidence = Evidence::default();
            let indicators: Vec<IndicatorFinding> = profile
                .indicators()
                .iter()
                .map(|&(id, expect)| {
                    let (state, e, asked) = state_of(f, derived, patterns, id);
                    let fits = match expect {
                        Expect::Present => state == IndicatorState::Present,
                        Expect::Absent => state == IndicatorState::AskedAbsent,
                    };
                    if fits && state == IndicatorState::Present {
                        evidence.merge(&e);
                    }
                    IndicatorFinding {
                        indicator: id.to_owned(),
                        source: indicator_source(id).unwrap_or(IndicatorSource::Answer),
                        expect,
                        state,
                        present: state == IndicatorState::Present,
                        fits,
                        evidence: e,
                        asked,
                    }
                })
                .collect();
            let strength = strength(profile, f, patterns, &indicators);
            let to_ask = indicators.iter().filter(|i| i.state == IndicatorState::NotAsked).map(|i| i.indicator.clone()).collect();
            ProfileHypothesis {
                key: format!("profile:{}", profile.id()),
                profile,
                strength,
                likely: strength == ProfileStrength::Waarschijnlijk,
                indicators,
                to_ask,
                look_at_partner_violence: matches!(
                    profile,
                    ProfileKind::KindgedragEnOpvoedstress | ProfileKind::LangdurigeZorg | ProfileKind::ComplexeScheiding
                ),
                evidence,
            }
        })
        .collect()
}

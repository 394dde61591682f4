//! The five family profiles (domain.md §6.3, Lünnemann et al. 2023), not mutually exclusive.
//!
//! Each profile is shown with all its indicators, present or not, and the evidence of each. Whether a
//! profile is `likely` follows a small rule per profile, written out in `likely`; the professional
//! judges the rest. For `kindgedrag`, `langdurige zorg` and `complexe scheiding` the violence between
//! the parents must be looked at too: `look_at_partner_violence` says so.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{CouplePattern, Evidence, Facts, PatternKind};
use crate::indicators::*;
use crate::{BehaviourCategory, ControlDomain, RelationKind, Weight};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IndicatorFinding {
    pub indicator: String,
    pub source: IndicatorSource,
    pub expect: Expect,
    pub present: bool,
    /// Present when expected present, or absent when expected absent.
    pub fits: bool,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProfileHypothesis {
    /// `profile:<id>`
    pub key: String,
    pub profile: ProfileKind,
    pub likely: bool,
    pub indicators: Vec<IndicatorFinding>,
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
        if matches!(r.kind, RelationKind::ExPartnerOf { .. }) {
            out.entry(HOUSEHOLD_SEPARATED).or_default().add_relation(r.id);
        }
    }
    out
}

pub(crate) fn profiles(f: &Facts, derived: &BTreeMap<&'static str, Evidence>) -> Vec<ProfileHypothesis> {
    let lookup = |id: &str| -> Option<&Evidence> {
        match indicator_source(id) {
            Some(IndicatorSource::Derived) => derived.get(id),
            _ => f.indicator(id),
        }
    };
    let present = |id: &str| lookup(id).is_some();
    ProfileKind::ALL
        .into_iter()
        .map(|profile| {
            let mut evidence = Evidence::default();
            let indicators: Vec<IndicatorFinding> = profile
                .indicators()
                .iter()
                .map(|&(id, expect)| {
                    let e = lookup(id).cloned().unwrap_or_default();
                    let is_present = lookup(id).is_some();
                    let fits = is_present == (expect == Expect::Present);
                    if fits && is_present {
                        evidence.merge(&e);
                    }
                    IndicatorFinding {
                        indicator: id.to_owned(),
                        source: indicator_source(id).unwrap_or(IndicatorSource::Answer),
                        expect,
                        present: is_present,
                        fits,
                        evidence: e,
                    }
                })
                .collect();
            let likely = match profile {
                ProfileKind::IntiemeTerreur => present(PATTERN_INTIMATE_TERROR),
                ProfileKind::GezinInDeStress => {
                    STRESSORS.iter().filter(|s| present(s)).count() >= STRESSOR_ACCUMULATION_THRESHOLD
                        && present(RECORDS_PARTNER_VIOLENCE)
                        && !present(FEAR_CHRONIC)
                }
                ProfileKind::KindgedragEnOpvoedstress => {
                    present(CHILD_BEHAVIOUR_PROBLEMS) && (present(PARENTING_STRESS) || present(PARENTING_DISAGREEMENT))
                }
                ProfileKind::LangdurigeZorg => {
                    present(PARENT_INTELLECTUAL_DISABILITY) || present(PARENT_PSYCHIATRIC) || present(PARENT_ADDICTION)
                }
                ProfileKind::ComplexeScheiding => present(HOUSEHOLD_SEPARATED) && present(SEPARATION_ONGOING_CONFLICT),
            };
            ProfileHypothesis {
                key: format!("profile:{}", profile.id()),
                profile,
                likely,
                indicators,
                look_at_partner_violence: matches!(
                    profile,
                    ProfileKind::KindgedragEnOpvoedstress | ProfileKind::LangdurigeZorg | ProfileKind::ComplexeScheiding
                ),
                evidence,
            }
        })
        .collect()
}

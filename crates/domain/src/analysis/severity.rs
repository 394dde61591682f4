//! Severity of violence in the family over the last 12 months (domain.md §6.1, Steketee et al. 2020).
//!
//! P is the yearly estimate of partner violence: psychological, physical and sexual behaviours between
//! (ex-)partners, each (actor, target, behaviour) once at its highest reported frequency. Child-abuse
//! incidents are counted apart, split by weight. Witnessing is shown per child as abuse in its own
//! right but is not counted, following the research measure. Injuries are consequences of incidents
//! already counted, so they add no incidents between partners; an `ernstig` injury does make the
//! violence `ernstig`. An injury to a child counts as a physical child-abuse incident.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::{CountedBehaviour, Evidence, Facts};
use crate::{BehaviourCategory, ChildAbuseKind, Exposure, Weight};

/// P at or above this: `veelvuldig`.
pub const P_FREQUENT: u32 = 22;
/// P at or above this (and below `P_FREQUENT`): `licht geweld`.
pub const P_LICHT: u32 = 4;
/// This many `licht` child-abuse incidents or more: `veelvuldig`.
pub const CHILD_LICHT_FREQUENT: u32 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SeverityCategory {
    /// `geen of incidenteel licht geweld`
    GeenOfIncidenteelLicht,
    /// `licht geweld`
    Licht,
    /// `veelvuldig of ernstig geweld`
    VeelvuldigOfErnstig,
}

impl SeverityCategory {
    pub fn id(self) -> &'static str {
        match self {
            SeverityCategory::GeenOfIncidenteelLicht => "geen_of_incidenteel_licht",
            SeverityCategory::Licht => "licht",
            SeverityCategory::VeelvuldigOfErnstig => "veelvuldig_of_ernstig",
        }
    }
}

/// Why the category is what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SeverityReason {
    /// P ≥ 22.
    PartnerFrequent,
    /// At least one `ernstig` partner behaviour in the last 12 months.
    PartnerErnstig,
    /// An `ernstig` injury between partners in the last 12 months.
    PartnerInjuryErnstig,
    /// ≥ 3 `licht` child-abuse incidents.
    ChildLichtFrequent,
    /// ≥ 1 `ernstig` child-abuse incident.
    ChildErnstig,
    /// 4 ≤ P ≤ 21.
    PartnerLicht,
    /// 1–2 `licht` child-abuse incidents.
    ChildLicht,
    /// P ≤ 3, all `licht`, no child abuse.
    Incidental,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Severity {
    pub category: SeverityCategory,
    /// Estimated partner-violence incidents in the last 12 months.
    pub p: u32,
    pub reasons: Vec<SeverityReason>,
    /// The partner behaviours in P (including those that only happened before the last 12 months,
    /// with yearly = 0, for history).
    pub partner_behaviours: Vec<CountedBehaviour>,
    pub child_licht_incidents: u32,
    pub child_ernstig_incidents: u32,
    /// The child-abuse behaviours in the counts.
    pub child_behaviours: Vec<CountedBehaviour>,
    pub evidence: Evidence,
}

fn is_partner_violence(f: &Facts, c: &CountedBehaviour) -> bool {
    c.category.counts_as_partner_violence() && f.are_partners(c.actor, c.target)
}

fn is_child_abuse(f: &Facts, c: &CountedBehaviour) -> bool {
    f.is_child(c.target) && (c.category.counts_as_child_abuse() || c.category == BehaviourCategory::Injury)
}

pub(crate) fn severity(f: &Facts) -> Severity {
    let partner: Vec<CountedBehaviour> = f.counted.iter().filter(|c| is_partner_violence(f, c)).cloned().collect();
    let child: Vec<CountedBehaviour> = f.counted.iter().filter(|c| is_child_abuse(f, c)).cloned().collect();
    let partner_injury_ernstig: Vec<&CountedBehaviour> = f
        .counted
        .iter()
        .filter(|c| {
            c.category == BehaviourCategory::Injury && f.are_partners(c.actor, c.target) && c.weight == Weight::Ernstig && c.yearly > 0
        })
        .collect();

    let p: u32 = partner.iter().map(|c| c.yearly).sum();
    let partner_ernstig = partner.iter().any(|c| c.weight == Weight::Ernstig && c.yearly > 0);
    let child_licht: u32 = child.iter().filter(|c| c.weight == Weight::Licht).map(|c| c.yearly).sum();
    let child_ernstig: u32 = child.iter().filter(|c| c.weight == Weight::Ernstig).map(|c| c.yearly).sum();

    let mut reasons = Vec::new();
    if p >= P_FREQUENT {
        reasons.push(SeverityReason::PartnerFrequent);
    }
    if partner_ernstig {
        reasons.push(SeverityReason::PartnerErnstig);
    }
    if !partner_injury_ernstig.is_empty() {
        reasons.push(SeverityReason::PartnerInjuryErnstig);
    }
    if child_licht >= CHILD_LICHT_FREQUENT {
        reasons.push(SeverityReason::ChildLichtFrequent);
    }
    if child_ernstig >= 1 {
        reasons.push(SeverityReason::ChildErnstig);
    }
    let category = if !reasons.is_empty() {
        SeverityCategory::VeelvuldigOfErnstig
    } else {
        if p >= P_LICHT {
            reasons.push(SeverityReason::PartnerLicht);
        }
        if child_licht >= 1 {
            reasons.push(SeverityReason::ChildLicht);
        }
        if reasons.is_empty() {
            reasons.push(SeverityReason::Incidental);
            SeverityCategory::GeenOfIncidenteelLicht
        } else {
            SeverityCategory::Licht
        }
    };

    let mut evidence = Evidence::default();
    for c in partner.iter().chain(child.iter()).chain(partner_injury_ernstig.iter().copied()).filter(|c| c.yearly > 0) {
        evidence.merge(&c.evidence);
    }
    Severity {
        category,
        p,
        reasons,
        partner_behaviours: partner,
        child_licht_incidents: child_licht,
        child_ernstig_incidents: child_ernstig,
        child_behaviours: child,
        evidence,
    }
}

/// A child's exposure to violence between others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Witnessed {
    /// The record of the violence the child was exposed to.
    pub record: Uuid,
    pub how: Vec<Exposure>,
}

/// Everything recorded about violence reaching one child.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChildFinding {
    pub child: Uuid,
    /// Sorted, without duplicates; includes `witnessing` whenever the child saw, heard or noticed
    /// violence between others.
    pub kinds: Vec<ChildAbuseKind>,
    pub behaviours: Vec<CountedBehaviour>,
    pub witnessed: Vec<Witnessed>,
    pub evidence: Evidence,
}

fn finding(out: &mut BTreeMap<Uuid, ChildFinding>, child: Uuid) -> &mut ChildFinding {
    out.entry(child)
        .or_insert_with(|| ChildFinding { child, kinds: vec![], behaviours: vec![], witnessed: vec![], evidence: Evidence::default() })
}

pub(crate) fn children(f: &Facts) -> Vec<ChildFinding> {
    let mut out: BTreeMap<Uuid, ChildFinding> = BTreeMap::new();
    for c in f.counted.iter().filter(|c| f.is_child(c.target)) {
        let Some(kind) = ChildAbuseKind::of(c.category) else { continue };
        let fd = finding(&mut out, c.target);
        fd.kinds.push(kind);
        fd.behaviours.push(c.clone());
        fd.evidence.merge(&c.evidence);
    }
    for e in f.exposures.iter().filter(|e| f.is_child(e.child)) {
        let fd = finding(&mut out, e.child);
        fd.kinds.push(ChildAbuseKind::Witnessing);
        fd.witnessed.push(Witnessed { record: e.record, how: e.how.clone() });
        fd.evidence.add_record(e.record, e.source);
    }
    out.into_values()
        .map(|mut c| {
            c.kinds.sort();
            c.kinds.dedup();
            c
        })
        .collect()
}

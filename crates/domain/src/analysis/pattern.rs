//! Violence pattern per (ex-)couple, after Johnson's typology (domain.md §6.2).
//!
//! Per partner: violent (any physical or sexual behaviour, or `ernstig` psychological behaviour,
//! towards the other) and controlling (control in at least `CONTROL_DOMAINS_THRESHOLD` life domains).
//! The other partner's fear is supporting evidence. Because calling a pattern "situational" when control
//! was never asked about is exactly the mistake that endangers victims, a pattern without a controlling
//! partner is only concluded when both partners were heard alone and were asked about every control
//! domain, about fear and about the behaviour between them; otherwise the result is `onvoldoende
//! informatie` with the questions still to ask. One-sided violence is never "situational" by default:
//! only with no control at all and no fear of the violent partner, and then marked less certain; with
//! control in one or two domains, or fear, the app asks for more (control in the other domains, fear).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::{Coverage, Evidence, Facts};
use crate::indicators::{ASKED_FEAR, ASKED_PARTNER_BEHAVIOUR, FEAR_CHRONIC, FEAR_FOR_LIFE, asked_control_domain};
use crate::{BehaviourCategory, ControlDomain, ImpactTag, Weight};

/// Control in this many life domains or more makes a partner "controlling".
pub const CONTROL_DOMAINS_THRESHOLD: usize = 3;

/// Every life domain the guide asks about (§5).
pub const ALL_CONTROL_DOMAINS: [ControlDomain; 8] = [
    ControlDomain::Isolation,
    ControlDomain::Monitoring,
    ControlDomain::Money,
    ControlDomain::Jealousy,
    ControlDomain::Movement,
    ControlDomain::Decisions,
    ControlDomain::Degrading,
    ControlDomain::Children,
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum PatternKind {
    /// Coercive controlling violence by `by`; `violent_resistance_by` is the other partner when they
    /// used violence too (possible `gewelddadig verzet`).
    IntiemeTerreur { by: Uuid, violent_resistance_by: Option<Uuid> },
    SituationeelPartnergeweld,
    /// Only `by` used violence, with no control at all and no fear of them recorded, everything asked:
    /// `situationeel partnergeweld (eenzijdig)`, less certain than the two-sided form.
    SituationeelPartnergeweldEenzijdig { by: Uuid },
    WederzijdsGewelddadigeControle,
    /// Both heard and asked; no partner violence or control recorded.
    GeenPartnergeweldGemeld,
    OnvoldoendeInformatie,
}

impl PatternKind {
    /// A stable text for comparing with what the professional judged.
    pub fn summary(&self) -> String {
        match self {
            PatternKind::IntiemeTerreur { by, violent_resistance_by: None } => format!("intieme_terreur:{by}"),
            PatternKind::IntiemeTerreur { by, violent_resistance_by: Some(r) } => {
                format!("intieme_terreur:{by}:gewelddadig_verzet:{r}")
            }
            PatternKind::SituationeelPartnergeweld => "situationeel_partnergeweld".into(),
            PatternKind::SituationeelPartnergeweldEenzijdig { by } => format!("situationeel_partnergeweld_eenzijdig:{by}"),
            PatternKind::WederzijdsGewelddadigeControle => "wederzijds_gewelddadige_controle".into(),
            PatternKind::GeenPartnergeweldGemeld => "geen_partnergeweld_gemeld".into(),
            PatternKind::OnvoldoendeInformatie => "onvoldoende_informatie".into(),
        }
    }
}

/// A concrete question still to ask before the pattern can be judged.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum OpenQuestion {
    /// No account heard from this partner in a conversation of their own.
    NotHeardAlone { person: Uuid },
    /// None of the control questions (one per life domain) was answered by this partner.
    ControlNotAsked { person: Uuid },
    /// Some control questions were answered by this partner, these domains not yet.
    ControlDomainsNotAsked { person: Uuid, domains: Vec<ControlDomain> },
    /// The questions about behaviour between the partners were not answered by this partner.
    PartnerBehaviourNotAsked { person: Uuid },
    /// This partner was not asked about fear.
    FearNotAsked { person: Uuid },
    /// Control is recorded but no violence: ask about threats, physical and sexual violence.
    AskAboutViolence { person: Uuid },
    /// Ask `person` whether `about` also controls them in these other life domains.
    AskAboutOtherControlDomains { person: Uuid, about: Uuid, domains: Vec<ControlDomain> },
    /// Ask `person` about their fear of `about`: how often, since when, what they fear.
    AskAboutFear { person: Uuid, about: Uuid },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PartnerAssessment {
    pub person: Uuid,
    pub violent: bool,
    pub violence_evidence: Evidence,
    /// Life domains this partner controls, sorted.
    pub control_domains: Vec<ControlDomain>,
    pub controlling: bool,
    pub control_evidence: Evidence,
    /// The *other* partner is afraid of this one (supporting evidence only).
    pub other_afraid: bool,
    /// The other partner's fear is chronic or for their life (answers), not only a fear impact.
    pub other_chronic_fear: bool,
    pub fear_evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CouplePattern {
    /// `pattern:<a>:<b>` with a < b.
    pub key: String,
    pub a: PartnerAssessment,
    pub b: PartnerAssessment,
    pub kind: PatternKind,
    /// The conclusion rests on little (one-sided situational violence): shown as less certain.
    pub less_certain: bool,
    pub questions_to_ask: Vec<OpenQuestion>,
    pub evidence: Evidence,
}

fn assess(f: &Facts, person: Uuid, other: Uuid) -> PartnerAssessment {
    let mut violence_evidence = Evidence::default();
    let mut control_evidence = Evidence::default();
    let mut fear_evidence = Evidence::default();
    let mut domains = BTreeSet::new();
    for c in f.between(person, other) {
        // An injury the partner caused is violence too, even when the act itself was not recorded.
        let violent = matches!(c.category, BehaviourCategory::Physical | BehaviourCategory::Sexual | BehaviourCategory::Injury)
            || (c.category == BehaviourCategory::Psychological && c.weight == Weight::Ernstig);
        if violent {
            violence_evidence.merge(&c.evidence);
        }
        if let Some(def) = f.defs.get(c.behaviour_id.as_str()) {
            if let Some(d) = def.control_domain {
                domains.insert(d);
                control_evidence.merge(&c.evidence);
            } else if def.category == BehaviourCategory::CoerciveControl {
                control_evidence.merge(&c.evidence);
            }
        }
    }
    for (record, _) in &f.reported {
        if record.actors.contains(&person)
            && record.targets.contains(&other)
            && record.impact.iter().any(|i| matches!(i, ImpactTag::Fear | ImpactTag::FearForLife))
        {
            fear_evidence.add_record(record.id, record.source_person);
        }
    }
    let mut chronic = false;
    for ind in [FEAR_CHRONIC, FEAR_FOR_LIFE] {
        if let Some(e) = f.person_indicator(other, ind) {
            fear_evidence.merge(e);
            chronic = true;
        }
    }
    PartnerAssessment {
        person,
        violent: !violence_evidence.records.is_empty(),
        violence_evidence,
        controlling: domains.len() >= CONTROL_DOMAINS_THRESHOLD,
        control_domains: domains.into_iter().collect(),
        control_evidence,
        other_afraid: !fear_evidence.is_empty(),
        other_chronic_fear: chronic,
        fear_evidence,
    }
}

/// The control domains not yet asked of this person, in domain order.
pub(crate) fn domains_not_asked(f: &Facts, person: Uuid) -> Vec<ControlDomain> {
    ALL_CONTROL_DOMAINS.into_iter().filter(|d| !f.asked_of(person, asked_control_domain(*d))).collect()
}

pub(crate) fn patterns(f: &Facts, coverage: &Coverage) -> Vec<CouplePattern> {
    f.couples
        .iter()
        .map(|&(a, b)| {
            let pa = assess(f, a, b);
            let pb = assess(f, b, a);
            let mut questions = Vec::new();
            let mut complete = true;
            for p in [a, b] {
                if !coverage.heard_alone(p) {
                    questions.push(OpenQuestion::NotHeardAlone { person: p });
                    complete = false;
                }
                let missing = domains_not_asked(f, p);
                if missing.len() == ALL_CONTROL_DOMAINS.len() {
                    questions.push(OpenQuestion::ControlNotAsked { person: p });
                } else if !missing.is_empty() {
                    questions.push(OpenQuestion::ControlDomainsNotAsked { person: p, domains: missing.clone() });
                }
                if !missing.is_empty() {
                    complete = false;
                }
                if !f.asked_of(p, ASKED_PARTNER_BEHAVIOUR) {
                    questions.push(OpenQuestion::PartnerBehaviourNotAsked { person: p });
                    complete = false;
                }
                if !f.asked_of(p, ASKED_FEAR) {
                    questions.push(OpenQuestion::FearNotAsked { person: p });
                    complete = false;
                }
            }
            for (x, y) in [(&pa, &pb), (&pb, &pa)] {
                if (!x.control_domains.is_empty() || x.other_afraid) && !x.violent {
                    // Control or fear without recorded violence: ask the other partner, who would be the
                    // one to tell about it.
                    questions.push(OpenQuestion::AskAboutViolence { person: y.person });
                }
            }
            // Anything recorded between the two (also shouting or swearing, which is not "violent" in
            // the typology's sense but counts for severity).
            let anything_between = f.between(a, b).next().is_some() || f.between(b, a).next().is_some();

            let kind = classify(&pa, &pb, complete, anything_between);
            if kind == PatternKind::OnvoldoendeInformatie && !pa.violent && !pb.violent {
                // Something between them but no violence recorded: ask the one it was directed at about
                // threats, physical and sexual violence.
                for (x, y) in [(&pa, &pb), (&pb, &pa)] {
                    if f.between(x.person, y.person).next().is_some() {
                        questions.push(OpenQuestion::AskAboutViolence { person: y.person });
                    }
                }
            }
            if kind == PatternKind::OnvoldoendeInformatie {
                // One-sided violence with some control or fear, or two-sided with chronic fear: ask about
                // control in the other domains and about the fear, never conclude "situational".
                for (x, y) in [(&pa, &pb), (&pb, &pa)] {
                    if x.violent && !x.controlling && (!x.control_domains.is_empty() || x.other_afraid) {
                        let other: Vec<ControlDomain> =
                            ALL_CONTROL_DOMAINS.into_iter().filter(|d| !x.control_domains.contains(d)).collect();
                        questions.push(OpenQuestion::AskAboutOtherControlDomains { person: y.person, about: x.person, domains: other });
                        questions.push(OpenQuestion::AskAboutFear { person: y.person, about: x.person });
                    }
                }
            }
            questions.sort();
            questions.dedup();
            let mut evidence = Evidence::default();
            for p in [&pa, &pb] {
                evidence.merge(&p.violence_evidence);
                evidence.merge(&p.control_evidence);
                evidence.merge(&p.fear_evidence);
            }
            let less_certain = matches!(kind, PatternKind::SituationeelPartnergeweldEenzijdig { .. });
            CouplePattern { key: format!("pattern:{a}:{b}"), a: pa, b: pb, kind, less_certain, questions_to_ask: questions, evidence }
        })
        .collect()
}

fn classify(a: &PartnerAssessment, b: &PartnerAssessment, complete: bool, anything_between: bool) -> PatternKind {
    let terror = |x: &PartnerAssessment, y: &PartnerAssessment| PatternKind::IntiemeTerreur {
        by: x.person,
        violent_resistance_by: y.violent.then_some(y.person),
    };
    let (av, ac, bv, bc) = (a.violent, a.controlling, b.violent, b.controlling);
    match (av && ac, bv && bc) {
        (true, true) => PatternKind::WederzijdsGewelddadigeControle,
        (true, false) if !bc => terror(a, b),
        (false, true) if !ac => terror(b, a),
        // Violent and controlling on one side, controlling without violence on the other: not a
        // pattern the typology names; gather more before concluding.
        (true, false) | (false, true) => PatternKind::OnvoldoendeInformatie,
        (false, false) => {
            if ac || bc || !complete {
                // Control at the threshold without violence: ask about violence first.
                return PatternKind::OnvoldoendeInformatie;
            }
            match (av, bv) {
                (true, true) if a.other_chronic_fear || b.other_chronic_fear => PatternKind::OnvoldoendeInformatie,
                (true, true) => PatternKind::SituationeelPartnergeweld,
                (true, false) | (false, true) => {
                    let v = if av { a } else { b };
                    if v.control_domains.is_empty() && !v.other_afraid {
                        PatternKind::SituationeelPartnergeweldEenzijdig { by: v.person }
                    } else {
                        PatternKind::OnvoldoendeInformatie
                    }
                }
                // "No partner violence reported" only when nothing points to it: no behaviour between
                // them at all, no control in any domain, no fear. Otherwise too little is known, and the
                // questions say what to ask (never a calm conclusion by default, §6.2).
                (false, false)
                    if !anything_between
                        && a.control_domains.is_empty()
                        && b.control_domains.is_empty()
                        && !a.other_afraid
                        && !b.other_afraid =>
                {
                    PatternKind::GeenPartnergeweldGemeld
                }
                (false, false) => PatternKind::OnvoldoendeInformatie,
            }
        }
    }
}

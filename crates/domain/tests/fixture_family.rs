//! The example family "Gezin Jansen-de Vries" and its analysis, worked out by hand.
//!
//! Partner behaviours, each (actor, target, behaviour) once at the highest reported frequency:
//!   Mark → Sanne  fys.duwen     Sanne says 3–5 (4), Mark says once (1)  → 4
//!   Mark → Sanne  fys.wurgen    Sanne says once (1), Mark denies         → 1 (ernstig)
//!   Mark → Sanne  psy.schelden  6–10                                     → 8
//!   Sanne → Mark  psy.schelden  3–5                                      → 4
//!   Sanne → Mark  fys.duwen     once                                     → 1
//!   P = 4 + 1 + 8 + 4 + 1 = 18. Strangling is `ernstig` → `veelvuldig of ernstig`.
//! Child abuse: Mark → Daan psy.schreeuwen twice → 2 licht incidents; Daan heard the pushing →
//!   witnessing.
//! Pattern: Mark controls isolation, monitoring and money (3 domains ≥ threshold) and is violent;
//!   Sanne is not controlling and pushed once → intieme terreur by Mark, possible gewelddadig verzet
//!   by Sanne. Both were heard alone and asked about control, behaviour and fear: no open questions.
//! Profiles: intieme terreur likely; one stressor (debts) is no accumulation, so not gezin in de
//!   stress; the other three have no indicators.
//! Red flags: strangulation; fear for life (impact of the strangling); escalation (strangling in
//!   January 2026 after pushing since June 2024); separation planned together with control.
//!   All four are current (January 2026 and a planned separation, today 15 March 2026): acute.
//! Structural unsafety: severity `veelvuldig of ernstig`, intieme terreur, and pushing since June 2024
//!   (more than one period).
//! Complexe scheiding: Sanne is thinking of leaving, no conflict or stalking recorded → mogelijk.
//! Coverage: Lotte (6) not heard alone and her own safety not recorded.

use domain::analysis::*;
use domain::fixture::{self, ids::*};
use domain::{ChildAbuseKind, ControlDomain, Frequency, RedFlag, Stance};

#[test]
fn gezin_jansen_expected_analysis() {
    let a = analyse(&fixture::gezin_jansen(), &fixture::catalogue(), fixture::today());

    assert_eq!(a.severity.p, 18);
    assert_eq!(a.severity.category, SeverityCategory::VeelvuldigOfErnstig);
    assert_eq!(a.severity.reasons, vec![SeverityReason::PartnerErnstig]);
    assert_eq!(a.severity.child_licht_incidents, 2);
    assert_eq!(a.severity.child_ernstig_incidents, 0);
    assert!(a.severity.evidence.records.contains(&R_STRANGLE));

    let daan = a.children.iter().find(|c| c.child == DAAN).expect("Daan");
    assert_eq!(daan.kinds, vec![ChildAbuseKind::Psychological, ChildAbuseKind::Witnessing]);
    assert!(a.children.iter().all(|c| c.child != LOTTE));

    assert_eq!(a.patterns.len(), 1);
    let p = &a.patterns[0];
    assert_eq!(p.kind, PatternKind::IntiemeTerreur { by: MARK, violent_resistance_by: Some(SANNE) });
    let mark = if p.a.person == MARK { &p.a } else { &p.b };
    assert_eq!(mark.control_domains, vec![ControlDomain::Isolation, ControlDomain::Monitoring, ControlDomain::Money]);
    assert!(mark.other_afraid);
    assert!(p.questions_to_ask.is_empty(), "{:?}", p.questions_to_ask);

    let likely: Vec<_> = a.profiles.iter().filter(|p| p.likely).map(|p| p.profile).collect();
    assert_eq!(likely, vec![domain::ProfileKind::IntiemeTerreur]);

    let flags: Vec<RedFlag> = a.red_flags.iter().map(|f| f.flag).collect();
    assert_eq!(flags, vec![RedFlag::Strangulation, RedFlag::SeparationWithControl, RedFlag::Escalation, RedFlag::FearForLife]);
    assert!(a.acute.possibly_acute && a.acute.decision_required);
    assert!(a.red_flags.iter().all(|f| f.current));
    assert!(a.acute.risk_factors.is_empty());
    assert_eq!(
        a.structural.reasons,
        vec![StructuralReason::SevereOrFrequentViolence, StructuralReason::IntiemeTerreur, StructuralReason::ViolenceInMoreThanOnePeriod]
    );
    assert!(a.meldcode_unsafety.acute && a.meldcode_unsafety.structural);
    let strength = |k| a.profiles.iter().find(|p| p.profile == k).unwrap().strength;
    assert_eq!(strength(domain::ProfileKind::IntiemeTerreur), ProfileStrength::Waarschijnlijk);
    assert_eq!(strength(domain::ProfileKind::ComplexeScheiding), ProfileStrength::Mogelijk);

    assert_eq!(a.coverage.open, vec![OpenWork::ChildNotHeardAlone { child: LOTTE }, OpenWork::ChildSafetyNotRecorded { child: LOTTE }]);

    let strangling = a.perspectives.iter().find(|p| p.behaviour_id == "fys.wurgen").expect("perspective");
    assert_eq!(strangling.agreement, PerspectiveAgreement::Disagree);
    assert_eq!(strangling.counted_frequency, Some(Frequency::Once));
    let stances: Vec<(uuid::Uuid, Stance)> = strangling.statements.iter().map(|s| (s.source_person, s.stance)).collect();
    assert!(stances.contains(&(SANNE, Stance::Reported { frequency: Frequency::Once })));
    assert!(stances.contains(&(MARK, Stance::Denied)));
    let push = a.perspectives.iter().find(|p| p.behaviour_id == "fys.duwen" && p.actor == MARK).expect("push");
    assert_eq!(push.agreement, PerspectiveAgreement::DifferentFrequency);
    assert_eq!(push.counted_frequency, Some(Frequency::ThreeToFive));

    assert!(a.guard_rails.is_empty());
    assert!(a.unknown_behaviours.is_empty());
    assert!(a.reviews.iter().all(|r| r.status == ReviewStatus::Open));
}

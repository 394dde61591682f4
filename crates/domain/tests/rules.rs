//! Table-driven tests for every rule of domain.md §6–7, including the boundaries.

use chrono::NaiveDate;
use domain::analysis::*;
use domain::fixture::{self, Builder};
use domain::guardrails::{self, GuardRailKind, GuardRailReason, JointSetting};
use domain::indicators::CHILD_DRAWN_IN;
use domain::*;
use uuid::Uuid;

fn today() -> NaiveDate {
    fixture::today()
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn run(b: &Builder) -> Analysis {
    analyse(&b.build(), &fixture::catalogue(), today())
}

use Frequency::*;

// ---------- §6.1 severity ----------

#[test]
fn severity_partner_boundaries_3_4_21_22() {
    // (frequencies of licht partner behaviours A→B, expected P, expected category)
    let table: &[(&[Frequency], u32, SeverityCategory)] = &[
        (&[], 0, SeverityCategory::GeenOfIncidenteelLicht),
        (&[Once, Twice], 3, SeverityCategory::GeenOfIncidenteelLicht),
        (&[ThreeToFive], 4, SeverityCategory::Licht),
        (&[ElevenToTwenty, ThreeToFive, Twice], 21, SeverityCategory::Licht),
        (&[ElevenToTwenty, ThreeToFive, Twice, Once], 22, SeverityCategory::VeelvuldigOfErnstig),
        (&[MoreThanTwenty], 25, SeverityCategory::VeelvuldigOfErnstig),
        (&[NotLastYearButBefore], 0, SeverityCategory::GeenOfIncidenteelLicht),
    ];
    let behaviours = ["psy.schelden", "fys.duwen", "psy.schreeuwen", "fys.slaan_vlakke_hand"];
    for (freqs, p, cat) in table {
        let mut b = Builder::new();
        let (x, y) = b.couple();
        for (f, beh) in freqs.iter().zip(behaviours) {
            b.reported(x, y, beh, *f, y);
        }
        let a = run(&b);
        assert_eq!((a.severity.p, a.severity.category), (*p, *cat), "{freqs:?}");
    }
}

#[test]
fn severity_counts_each_behaviour_once_at_the_highest_frequency() {
    let mut b = Builder::new();
    let (x, y) = b.couple();
    b.reported(x, y, "psy.schelden", Twice, x);
    b.reported(x, y, "psy.schelden", SixToTen, y);
    b.record(x, y, "psy.schelden", Stance::Denied, x);
    let a = run(&b);
    assert_eq!(a.severity.p, 8);
    assert_eq!(a.severity.partner_behaviours.len(), 1);
    assert_eq!(a.severity.partner_behaviours[0].evidence.records.len(), 2);
}

#[test]
fn severity_child_abuse_2_versus_3_licht_and_single_ernstig() {
    // (child behaviours, category, licht count, ernstig count)
    let table: &[(&[(&str, Frequency)], SeverityCategory, u32, u32)] = &[
        (&[("psy.schreeuwen", Once)], SeverityCategory::Licht, 1, 0),
        (&[("psy.schreeuwen", Twice)], SeverityCategory::Licht, 2, 0),
        (&[("psy.schreeuwen", Twice), ("fys.duwen", Once)], SeverityCategory::VeelvuldigOfErnstig, 3, 0),
        (&[("fys.slaan_vlakke_hand", ThreeToFive)], SeverityCategory::VeelvuldigOfErnstig, 4, 0),
        (&[("fys.stompen", Once)], SeverityCategory::VeelvuldigOfErnstig, 0, 1),
        (&[("kind.verwaarlozing_fysiek", Once)], SeverityCategory::VeelvuldigOfErnstig, 0, 1),
        (&[("fys.stompen", NotLastYearButBefore)], SeverityCategory::GeenOfIncidenteelLicht, 0, 0),
    ];
    for (items, cat, licht, ernstig) in table {
        let mut b = Builder::new();
        let (x, _) = b.couple();
        let child = b.person(Role::Child, "K", Some(2016));
        for (beh, f) in items.iter() {
            b.reported(x, child, beh, *f, child);
        }
        let a = run(&b);
        assert_eq!(
            (a.severity.category, a.severity.child_licht_incidents, a.severity.child_ernstig_incidents),
            (*cat, *licht, *ernstig),
            "{items:?}"
        );
    }
}

#[test]
fn severity_single_ernstig_partner_item_and_what_is_not_in_p() {
    let table: &[(&str, Frequency, u32, SeverityCategory)] = &[
        ("fys.stompen", Once, 1, SeverityCategory::VeelvuldigOfErnstig),
        ("psy.dreigen_slaan", Once, 1, SeverityCategory::VeelvuldigOfErnstig),
        ("fys.wurgen", NotLastYearButBefore, 0, SeverityCategory::GeenOfIncidenteelLicht),
        // Coercive control, stalking and economic abuse feed pattern and flags, not P.
        ("dwang.isoleren", MoreThanTwenty, 0, SeverityCategory::GeenOfIncidenteelLicht),
        ("bel.volgen", MoreThanTwenty, 0, SeverityCategory::GeenOfIncidenteelLicht),
        ("eco.geld_afpakken", MoreThanTwenty, 0, SeverityCategory::GeenOfIncidenteelLicht),
        // An ernstig injury makes it ernstig without adding incidents.
        ("let.medische_zorg", Once, 0, SeverityCategory::VeelvuldigOfErnstig),
    ];
    for (beh, f, p, cat) in table {
        let mut b = Builder::new();
        let (x, y) = b.couple();
        b.reported(x, y, beh, *f, y);
        let a = run(&b);
        assert_eq!((a.severity.p, a.severity.category), (*p, *cat), "{beh}");
    }
}

#[test]
fn witnessing_is_child_abuse_in_its_own_right_but_not_counted() {
    let mut b = Builder::new();
    let (x, y) = b.couple();
    let child = b.person(Role::Child, "K", Some(2016));
    b.record_with(x, y, "fys.duwen", Stance::Reported { frequency: Once }, y, |r| {
        r.children_exposed = vec![ChildExposure { child, how: vec![Exposure::Saw] }];
    });
    b.reported(x, child, "kind.getuige", Once, child);
    let a = run(&b);
    assert_eq!(a.severity.child_licht_incidents, 0);
    assert_eq!(a.severity.category, SeverityCategory::GeenOfIncidenteelLicht);
    assert_eq!(a.children.len(), 1);
    assert_eq!(a.children[0].kinds, vec![ChildAbuseKind::Witnessing]);
    assert_eq!(a.children[0].witnessed.len(), 1);
}

#[test]
fn behaviour_between_non_partners_is_not_partner_violence() {
    let mut b = Builder::new();
    let x = b.person(Role::Parent, "A", Some(1980));
    let n = b.person(Role::Network, "Buur", Some(1970));
    b.reported(x, n, "fys.stompen", MoreThanTwenty, n);
    let a = run(&b);
    assert_eq!(a.severity.p, 0);
    assert_eq!(a.severity.category, SeverityCategory::GeenOfIncidenteelLicht);
}

// ---------- §6.2 pattern ----------

/// A couple, both heard alone and asked all questions; `setup` adds behaviours.
fn heard_couple(setup: impl FnOnce(&mut Builder, Uuid, Uuid)) -> (Analysis, Uuid, Uuid) {
    let mut b = Builder::new();
    let (x, y) = b.couple();
    for p in [x, y] {
        b.conversation(&[p]);
        b.asked_all_control(p);
        b.answer(p, "vol.gedrag.overzicht", AnswerValue::BehaviourRecords { records: vec![] });
        b.answer(p, "vol.angst.bang_voor_partner", AnswerValue::YesNoUnknown { value: YesNoUnknown::No });
    }
    setup(&mut b, x, y);
    (run(&b), x, y)
}

fn control3(b: &mut Builder, actor: Uuid, target: Uuid) {
    for beh in ["dwang.isoleren", "dwang.telefoon_controleren", "dwang.geld_controleren"] {
        b.reported(actor, target, beh, SixToTen, target);
    }
}

#[test]
fn johnson_patterns() {
    // intieme terreur, no resistance
    let (a, x, _) = heard_couple(|b, x, y| {
        control3(b, x, y);
        b.reported(x, y, "fys.duwen", Twice, y);
    });
    assert_eq!(a.patterns[0].kind, PatternKind::IntiemeTerreur { by: x, violent_resistance_by: None });
    assert!(a.patterns[0].questions_to_ask.is_empty());

    // intieme terreur with gewelddadig verzet
    let (a, x, y) = heard_couple(|b, x, y| {
        control3(b, x, y);
        b.reported(x, y, "fys.stompen", Twice, y);
        b.reported(y, x, "fys.duwen", Once, x);
    });
    assert_eq!(a.patterns[0].kind, PatternKind::IntiemeTerreur { by: x, violent_resistance_by: Some(y) });

    // situationeel partnergeweld
    let (a, _, _) = heard_couple(|b, x, y| {
        b.reported(x, y, "fys.duwen", Twice, y);
        b.reported(y, x, "fys.slaan_vlakke_hand", Once, x);
        b.reported(x, y, "dwang.jaloezie", Once, y); // one domain is below the threshold
    });
    assert_eq!(a.patterns[0].kind, PatternKind::SituationeelPartnergeweld);

    // wederzijds gewelddadige controle
    let (a, _, _) = heard_couple(|b, x, y| {
        control3(b, x, y);
        control3(b, y, x);
        b.reported(x, y, "fys.duwen", Twice, y);
        b.reported(y, x, "psy.dreigen_slaan", Once, x);
    });
    assert_eq!(a.patterns[0].kind, PatternKind::WederzijdsGewelddadigeControle);

    // nothing recorded, everything asked
    let (a, _, _) = heard_couple(|_, _, _| {});
    assert_eq!(a.patterns[0].kind, PatternKind::GeenPartnergeweldGemeld);
}

#[test]
fn control_threshold_is_three_domains() {
    assert_eq!(CONTROL_DOMAINS_THRESHOLD, 3);
    let (a, _, _) = heard_couple(|b, x, y| {
        b.reported(x, y, "dwang.isoleren", SixToTen, y);
        b.reported(x, y, "dwang.telefoon_controleren", SixToTen, y);
        b.reported(x, y, "fys.duwen", Once, y);
    });
    // Two domains and one-sided violence: below the threshold, but never "situational" by default.
    assert_eq!(a.patterns[0].kind, PatternKind::OnvoldoendeInformatie);
    let (a, x, _) = heard_couple(|b, x, y| {
        b.reported(x, y, "dwang.isoleren", SixToTen, y);
        b.reported(x, y, "dwang.telefoon_controleren", SixToTen, y);
        b.reported(x, y, "eco.geld_afpakken", SixToTen, y); // economic items without a domain do not count
        b.reported(x, y, "fys.duwen", Once, y);
    });
    let side = if a.patterns[0].a.person == x { &a.patterns[0].a } else { &a.patterns[0].b };
    assert_eq!(side.control_domains.len(), 2);
    assert!(!side.controlling);
    let (a, x, _) = heard_couple(|b, x, y| {
        control3(b, x, y);
        b.reported(x, y, "fys.duwen", Once, y);
    });
    assert!(matches!(a.patterns[0].kind, PatternKind::IntiemeTerreur { by, .. } if by == x));
}

#[test]
fn onvoldoende_informatie_lists_the_questions_still_to_ask() {
    let mut b = Builder::new();
    let (x, y) = b.couple();
    b.conversation(&[x]);
    b.answer(x, "vol.gedrag.overzicht", AnswerValue::BehaviourRecords { records: vec![] });
    b.reported(y, x, "fys.duwen", Twice, x);
    let a = run(&b);
    let p = &a.patterns[0];
    assert_eq!(p.kind, PatternKind::OnvoldoendeInformatie);
    let mut expected = vec![
        OpenQuestion::NotHeardAlone { person: y },
        OpenQuestion::ControlNotAsked { person: x },
        OpenQuestion::ControlNotAsked { person: y },
        OpenQuestion::PartnerBehaviourNotAsked { person: y },
        OpenQuestion::FearNotAsked { person: x },
        OpenQuestion::FearNotAsked { person: y },
    ];
    expected.sort();
    assert_eq!(p.questions_to_ask, expected);

    // Control without recorded violence: ask the other partner about violence and threats.
    let (a, x, y) = heard_couple(|b, x, y| control3(b, x, y));
    assert_eq!(a.patterns[0].kind, PatternKind::OnvoldoendeInformatie);
    assert_eq!(a.patterns[0].questions_to_ask, vec![OpenQuestion::AskAboutViolence { person: y }]);
    let _ = x;
}

#[test]
fn fear_is_supporting_evidence_only() {
    let (a, x, y) = heard_couple(|b, x, y| {
        b.reported(x, y, "fys.duwen", Twice, y);
        b.yes(y, "vol.angst.bang_voor_partner");
    });
    let p = &a.patterns[0];
    let side = if p.a.person == x { &p.a } else { &p.b };
    assert!(side.other_afraid);
    assert!(!side.fear_evidence.answers.is_empty());
    // One-sided violence with fear of that partner: too little information, ask about the fear and
    // the other control domains.
    assert_eq!(p.kind, PatternKind::OnvoldoendeInformatie);
    assert!(p.questions_to_ask.contains(&OpenQuestion::AskAboutFear { person: y, about: x }));
    assert!(p.questions_to_ask.contains(&OpenQuestion::AskAboutOtherControlDomains {
        person: y,
        about: x,
        domains: ALL_CONTROL_DOMAINS.to_vec()
    }));
}

#[test]
fn one_sided_violence_pattern_cases() {
    use ControlDomain::*;
    // (name, setup, expected kind (None = situational one-sided by x), less certain)
    type Setup = fn(&mut Builder, Uuid, Uuid);
    let rows: &[(&str, Setup, Option<PatternKind>)] = &[
        ("one-sided, no control, no fear, all asked", |b, x, y| {
            b.reported(x, y, "fys.duwen", Twice, y);
        }, None),
        ("one-sided with control in one domain", |b, x, y| {
            b.reported(x, y, "fys.duwen", Twice, y);
            b.reported(x, y, "dwang.jaloezie", Once, y);
        }, Some(PatternKind::OnvoldoendeInformatie)),
        ("one-sided with a fear impact on the record", |b, x, y| {
            b.record_with(x, y, "fys.duwen", Stance::Reported { frequency: Twice }, y, |r| r.impact = vec![ImpactTag::Fear]);
        }, Some(PatternKind::OnvoldoendeInformatie)),
        ("one-sided with chronic fear", |b, x, y| {
            b.reported(x, y, "fys.duwen", Twice, y);
            b.yes(y, "vol.angst.bang_voor_partner");
        }, Some(PatternKind::OnvoldoendeInformatie)),
        ("both violent, chronic fear of one", |b, x, y| {
            b.reported(x, y, "fys.duwen", Twice, y);
            b.reported(y, x, "fys.duwen", Once, x);
            b.yes(y, "vol.angst.bang_voor_partner");
        }, Some(PatternKind::OnvoldoendeInformatie)),
        ("both violent, no fear", |b, x, y| {
            b.reported(x, y, "fys.duwen", Twice, y);
            b.reported(y, x, "fys.duwen", Once, x);
        }, Some(PatternKind::SituationeelPartnergeweld)),
    ];
    for (name, setup, expected) in rows {
        let (a, x, y) = heard_couple(|b, x, y| setup(b, x, y));
        let p = &a.patterns[0];
        let expected = expected.clone().unwrap_or(PatternKind::SituationeelPartnergeweldEenzijdig { by: x });
        assert_eq!(p.kind, expected, "{name}");
        assert_eq!(p.less_certain, matches!(expected, PatternKind::SituationeelPartnergeweldEenzijdig { .. }), "{name}");
        if *name == "one-sided with control in one domain" {
            let others: Vec<ControlDomain> = ALL_CONTROL_DOMAINS.into_iter().filter(|d| *d != Jealousy).collect();
            assert!(p.questions_to_ask.contains(&OpenQuestion::AskAboutOtherControlDomains { person: y, about: x, domains: others }), "{name}");
        }
    }

    // Not everything asked: one-sided violence without control stays "too little information".
    let mut b = Builder::new();
    let (x, y) = b.couple();
    for p in [x, y] {
        b.conversation(&[p]);
        b.answer(p, "vol.controle.contacten", AnswerValue::BehaviourRecords { records: vec![] });
        b.answer(p, "vol.gedrag.overzicht", AnswerValue::BehaviourRecords { records: vec![] });
        b.no(p, "vol.angst.bang_voor_partner");
    }
    b.reported(x, y, "fys.duwen", Twice, y);
    let a = run(&b);
    assert_eq!(a.patterns[0].kind, PatternKind::OnvoldoendeInformatie);
    let missing: Vec<ControlDomain> = ALL_CONTROL_DOMAINS.into_iter().filter(|d| *d != Isolation).collect();
    assert!(a.patterns[0].questions_to_ask.contains(&OpenQuestion::ControlDomainsNotAsked { person: x, domains: missing }));
}

// ---------- §6.3 profiles ----------

fn profile(a: &Analysis, k: ProfileKind) -> &ProfileHypothesis {
    a.profiles.iter().find(|p| p.profile == k).expect("profile")
}

fn present(p: &ProfileHypothesis, id: &str) -> bool {
    p.indicators.iter().any(|i| i.indicator == id && i.present)
}

#[test]
fn profile_intieme_terreur_indicators() {
    let (a, _, _) = heard_couple(|b, x, y| {
        control3(b, x, y);
        b.reported(x, y, "sek.dwingen", Once, y);
        b.reported(x, y, "bel.volgen", Once, y);
        b.yes(y, "vol.angst.bang_voor_partner");
    });
    let p = profile(&a, ProfileKind::IntiemeTerreur);
    assert!(p.likely);
    for id in ["pattern.intimate_terror", "fear.chronic", "records.isolation", "records.control_many_domains", "records.severe_partner_violence", "records.sexual_violence", "records.stalking"] {
        assert!(present(p, id), "{id}");
    }
    assert!(!present(p, "separation.planned_or_feared"));
    assert!(!p.look_at_partner_violence);
}

#[test]
fn profile_gezin_in_de_stress_needs_accumulation_and_no_chronic_fear() {
    let build = |stressors: &[&str], fear: bool| {
        heard_couple(|b, x, y| {
            b.reported(x, y, "fys.duwen", Twice, y);
            b.reported(y, x, "fys.duwen", Once, x);
            for q in stressors {
                b.yes(x, q);
            }
            b.yes(x, "vol.relatie.goede_momenten");
            if fear {
                b.yes(y, "vol.angst.bang_voor_partner");
            }
        })
        .0
    };
    let table: &[(&[&str], bool, bool)] = &[
        (&["vol.stress.schulden"], false, false),
        (&["vol.stress.schulden", "vol.stress.werk"], false, true),
        (&["vol.stress.schulden", "vol.stress.werk", "vol.stress.middelen"], false, true),
        (&["vol.stress.schulden", "vol.stress.werk"], true, false),
    ];
    for (stressors, fear, likely) in table {
        let a = build(stressors, *fear);
        let p = profile(&a, ProfileKind::GezinInDeStress);
        assert_eq!(p.likely, *likely, "{stressors:?} fear={fear}");
        assert!(present(p, "records.violence_both_directions"));
        assert!(present(p, "relationship.good_moments"));
        let fear_ind = p.indicators.iter().find(|i| i.indicator == "fear.chronic").unwrap();
        assert_eq!(fear_ind.expect, Expect::Absent);
        assert_eq!(fear_ind.fits, !fear);
    }
}

#[test]
fn profile_kindgedrag_langdurige_zorg_complexe_scheiding() {
    // (answers by parent, separated?, profile, likely)
    let table: &[(&[&str], bool, ProfileKind, bool)] = &[
        (&["vol.kinderen.gedragsproblemen"], false, ProfileKind::KindgedragEnOpvoedstress, false),
        (&["vol.kinderen.gedragsproblemen", "vol.kinderen.opvoedstress"], false, ProfileKind::KindgedragEnOpvoedstress, true),
        (&["vol.kinderen.gedragsproblemen", "vol.kinderen.oneens_opvoeding"], false, ProfileKind::KindgedragEnOpvoedstress, true),
        (&["vol.kinderen.opvoedstress"], false, ProfileKind::KindgedragEnOpvoedstress, false),
        (&["vol.eigen.psychiatrie"], false, ProfileKind::LangdurigeZorg, true),
        (&["vol.eigen.verslaving"], false, ProfileKind::LangdurigeZorg, true),
        (&["vol.eigen.beperking"], false, ProfileKind::LangdurigeZorg, true),
        (&[], false, ProfileKind::LangdurigeZorg, false),
        (&["vol.scheiding.conflict"], true, ProfileKind::ComplexeScheiding, true),
        (&["vol.scheiding.conflict"], false, ProfileKind::ComplexeScheiding, false),
        (&[], true, ProfileKind::ComplexeScheiding, false),
    ];
    for (answers, separated, kind, likely) in table {
        let mut b = Builder::new();
        let x = b.person(Role::Parent, "A", Some(1985));
        let y = b.person(Role::ExPartner, "B", Some(1985));
        let kind_rel = if *separated { RelationKind::ExPartnerOf { separation_date: NaiveDate::from_ymd_opt(2020, 1, 1) } } else { RelationKind::PartnerOf };
        b.relate(x, y, kind_rel);
        for q in answers.iter() {
            b.yes(x, q);
        }
        let a = run(&b);
        let p = profile(&a, *kind);
        assert_eq!(p.likely, *likely, "{answers:?} separated={separated} {kind:?}");
        assert!(p.look_at_partner_violence);
        assert_eq!(present(p, "household.separated"), *separated && *kind == ProfileKind::ComplexeScheiding);
    }
    // Neglect records are an indicator of langdurige zorg.
    let mut b = Builder::new();
    let (x, _) = b.couple();
    let c = b.person(Role::Child, "K", Some(2018));
    b.reported(x, c, "kind.verwaarlozing_fysiek", SixToTen, c);
    let a = run(&b);
    assert!(present(profile(&a, ProfileKind::LangdurigeZorg), "records.child_neglect"));
}

// ---------- §6.4 red flags ----------

#[test]
fn every_red_flag_with_its_evidence() {
    type Setup = fn(&mut Builder, Uuid, Uuid, Uuid) -> Uuid;
    let table: &[(RedFlag, Setup)] = &[
        (RedFlag::Strangulation, |b, x, y, _| b.reported(x, y, "fys.wurgen", NotLastYearButBefore, y)),
        (RedFlag::ThreatToKill, |b, x, y, _| b.reported(x, y, "psy.dreigen_doden", Once, y)),
        (RedFlag::Weapon, |b, x, y, _| b.reported(x, y, "fys.wapen", Once, y)),
        (RedFlag::Weapon, |b, _, y, _| b.yes(y, "vol.veilig.wapen_in_huis")),
        (RedFlag::SeparationWithControl, |b, x, y, _| {
            b.reported(x, y, "dwang.jaloezie", SixToTen, y);
            b.yes(y, "vol.veilig.scheiding_plannen")
        }),
        (RedFlag::SeparationWithControl, |b, x, y, _| {
            b.record_with(x, y, "dwang.telefoon_controleren", Stance::Reported { frequency: Twice }, y, |r| {
                r.context = vec![ContextTag::AroundSeparation]
            })
        }),
        (RedFlag::Stalking, |b, x, y, _| b.reported(x, y, "bel.volgen", Once, y)),
        (RedFlag::Escalation, |b, _, y, _| b.yes(y, "vol.veilig.erger_geworden")),
        (RedFlag::Escalation, |b, x, y, _| {
            b.record_with(x, y, "fys.duwen", Stance::Reported { frequency: SixToTen }, y, |r| {
                r.first_occurrence = NaiveDate::from_ymd_opt(2024, 1, 1)
            });
            b.record_with(x, y, "fys.stompen", Stance::Reported { frequency: Once }, y, |r| {
                r.first_occurrence = NaiveDate::from_ymd_opt(2026, 2, 1)
            })
        }),
        (RedFlag::FearForLife, |b, _, y, _| b.yes(y, "vol.angst.levensgevaar")),
        (RedFlag::FearForLife, |b, x, y, _| {
            b.record_with(x, y, "psy.dreigen_slaan", Stance::Reported { frequency: Once }, y, |r| r.impact = vec![ImpactTag::FearForLife])
        }),
        (RedFlag::ForcedSex, |b, x, y, _| b.reported(x, y, "sek.dwingen", NotLastYearButBefore, y)),
        (RedFlag::ViolenceDuringPregnancy, |b, x, y, _| {
            b.record_with(x, y, "fys.duwen", Stance::Reported { frequency: Once }, y, |r| r.context = vec![ContextTag::DuringPregnancy])
        }),
        (RedFlag::ViolenceDuringPregnancy, |b, _, y, _| b.yes(y, "vol.veilig.zwangerschap")),
        (RedFlag::ChildHarmed, |b, x, _, c| b.reported(x, c, "psy.dreigen_slaan", Once, c)),
        (RedFlag::ChildHarmed, |b, x, _, c| b.reported(x, c, "let.blauwe_plek", Once, c)),
        (RedFlag::ChildHarmed, |b, x, y, c| {
            b.record_with(x, y, "fys.duwen", Stance::Reported { frequency: Once }, y, |r| {
                r.children_exposed = vec![ChildExposure { child: c, how: vec![Exposure::HurtIntervening] }]
            })
        }),
        (RedFlag::ChildHarmed, |b, _, y, _| b.yes(y, "vol.kinderen.betrokken_geraakt")),
        (RedFlag::SuicideThreat, |b, x, y, _| {
            b.reported(x, y, "dwang.isoleren", Once, y);
            b.reported(x, y, "psy.dreigen_zelfdoding", Once, y)
        }),
        (RedFlag::SuicideThreat, |b, _, y, _| b.yes(y, "vol.veilig.zelfdoding_partner")),
        (RedFlag::HonourRelatedThreat, |b, x, y, _| b.reported(x, y, "psy.eer_dreigen", Once, y)),
        (RedFlag::HonourRelatedThreat, |b, _, y, _| b.yes(y, "vol.veilig.eer")),
        (RedFlag::IntimateTerrorAndSeparation, |b, x, y, _| {
            // Separated, and the controlling partner stalks: both profiles likely.
            b.snapshot.household.relations[0].kind = RelationKind::ExPartnerOf { separation_date: NaiveDate::from_ymd_opt(2025, 6, 1) };
            control3(b, x, y);
            b.reported(x, y, "bel.volgen", SixToTen, y)
        }),
    ];
    let mut covered = std::collections::BTreeSet::new();
    for (flag, setup) in table {
        let mut b = Builder::new();
        let (x, y) = b.couple();
        let c = b.person(Role::Child, "K", Some(2016));
        let last = setup(&mut b, x, y, c);
        let a = run(&b);
        let found = a.red_flags.iter().find(|f| f.flag == *flag);
        let found = found.unwrap_or_else(|| panic!("{flag:?} not raised: {:?}", a.red_flags));
        assert!(found.evidence.records.contains(&last) || found.evidence.answers.contains(&last), "{flag:?} evidence");
        assert_eq!(found.key, format!("redflag:{}", flag.id()));
        // Acute only when the flag is current (undated records and "now" answers count as current).
        assert_eq!(a.acute.possibly_acute, a.red_flags.iter().any(|f| f.current), "{flag:?}");
        covered.insert(*flag);
    }
    assert_eq!(covered.len(), RedFlag::ALL.len(), "every flag has a row");
}

#[test]
fn red_flags_that_must_not_fire() {
    type Setup = fn(&mut Builder, Uuid, Uuid);
    let table: &[(&str, Setup)] = &[
        ("nothing", |_, _, _| {}),
        ("licht only", |b, x, y| {
            b.reported(x, y, "fys.duwen", ThreeToFive, y);
        }),
        ("denied strangulation", |b, x, y| {
            b.record(x, y, "fys.wurgen", Stance::Denied, x);
        }),
        ("suicide threat without control", |b, x, y| {
            b.reported(x, y, "psy.dreigen_zelfdoding", Once, y);
        }),
        ("separation feared without control", |b, _, y| {
            b.yes(y, "vol.veilig.scheiding_plannen");
        }),
        ("escalation older than a year", |b, x, y| {
            b.record_with(x, y, "fys.duwen", Stance::Reported { frequency: Once }, y, |r| r.first_occurrence = NaiveDate::from_ymd_opt(2020, 1, 1));
            b.record_with(x, y, "fys.stompen", Stance::Reported { frequency: NotLastYearButBefore }, y, |r| r.first_occurrence = NaiveDate::from_ymd_opt(2022, 1, 1));
        }),
    ];
    for (name, setup) in table {
        let mut b = Builder::new();
        let (x, y) = b.couple();
        setup(&mut b, x, y);
        let a = run(&b);
        assert!(a.red_flags.is_empty(), "{name}: {:?}", a.red_flags);
        assert!(!a.acute.possibly_acute && !a.acute.decision_required);
    }
}

#[test]
fn separation_flag_uses_the_separation_date() {
    for (date, flagged) in [(Some((2025, 3, 15)), true), (Some((2025, 3, 14)), false), (None, true)] {
        let mut b = Builder::new();
        let x = b.person(Role::Parent, "A", Some(1985));
        let y = b.person(Role::ExPartner, "B", Some(1985));
        let d = date.map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap());
        b.relate(x, y, RelationKind::ExPartnerOf { separation_date: d });
        b.reported(x, y, "dwang.telefoon_controleren", Twice, y);
        let a = run(&b);
        assert_eq!(a.red_flags.iter().any(|f| f.flag == RedFlag::SeparationWithControl), flagged, "{date:?}");
    }
}

#[test]
fn acute_decision_is_recorded_and_new_flags_ask_again() {
    let mut b = Builder::new();
    let (x, y) = b.couple();
    b.reported(x, y, "fys.wurgen", Once, y);
    b.snapshot.acute_decisions.push(AcuteDecision {
        id: Uuid::from_u128(9),
        case_id: Uuid::from_u128(1),
        // After the records were saved (2026-02-01): a decision covers only what was known when it was made.
        decided_at: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap().and_hms_opt(10, 0, 0).unwrap().and_utc(),
        decision: "Veilig Thuis geraadpleegd; melding gedaan".into(),
        rationale: "wurging kort geleden, angst voor haar leven".into(),
        actions: vec!["veilig_thuis".into()],
        flags_seen: vec![RedFlag::Strangulation],
    });
    let a = run(&b);
    assert!(a.acute.possibly_acute);
    assert!(!a.acute.decision_required);
    b.reported(x, y, "psy.dreigen_doden", Once, y);
    let a = run(&b);
    assert!(a.acute.decision_required);
    assert_eq!(a.acute.flags_not_decided, vec![RedFlag::ThreatToKill]);
}

// ---------- §6.5 coverage ----------

#[test]
fn coverage_child_not_yet_heard_alone() {
    let mut b = Builder::new();
    let (x, y) = b.couple();
    let older = b.person(Role::Child, "Oud", Some(2013));
    let young = b.person(Role::Child, "Jong", Some(2019));
    let baby = b.person(Role::Child, "Baby", Some(2024));
    let gran = b.person(Role::Network, "Oma", Some(1955));
    b.conversation(&[x]);
    b.conversation(&[young, y]); // a child seen with a parent is not heard alone
    b.conversation(&[older]);
    b.answer(older, "k12.veilig.cijfer", AnswerValue::Scale { value: 6 });
    let a = run(&b);
    let mut expected = vec![
        OpenWork::NotHeardSeparately { person: y },
        OpenWork::ChildNotHeardAlone { child: young },
        OpenWork::ChildSafetyNotRecorded { child: young },
        OpenWork::ChildNotObserved { child: baby },
    ];
    expected.sort();
    assert_eq!(a.coverage.open, expected);
    assert_eq!(a.coverage.persons.iter().find(|c| c.person == baby).unwrap().observed, Some(false));
    // An observation counts for a child under 4 (the child is the subject of the observation answers).
    b.answer(baby, "obs.kind.hoe_gaat_het", AnswerValue::Text { text: "speelt, zoekt troost bij moeder".into() });
    let a2 = run(&b);
    assert!(!a2.coverage.open.contains(&OpenWork::ChildNotObserved { child: baby }));
    assert_eq!(a2.coverage.persons.iter().find(|c| c.person == baby).unwrap().observed, Some(true));
    // "Niet gevraagd" is not an observation.
    let mut b3 = b.clone();
    b3.snapshot.answers.last_mut().unwrap().value = AnswerValue::NotAsked;
    assert!(run(&b3).coverage.open.contains(&OpenWork::ChildNotObserved { child: baby }));
    let c = |p| a.coverage.persons.iter().find(|c| c.person == p).unwrap();
    assert_eq!(c(older).own_safety_recorded, Some(true));
    assert_eq!(c(young).joint_conversations, 1);
    assert!(c(baby).too_young_for_conversation);
    assert_eq!(c(gran).own_safety_recorded, None);
}

// ---------- perspectives ----------

#[test]
fn two_sources_disagreeing_are_kept_side_by_side() {
    let mut b = Builder::new();
    let (x, y) = b.couple();
    let r1 = b.reported(x, y, "fys.slaan_vlakke_hand", SixToTen, y);
    let r2 = b.record(x, y, "fys.slaan_vlakke_hand", Stance::Denied, x);
    let a = run(&b);
    assert_eq!(a.perspectives.len(), 1);
    let p = &a.perspectives[0];
    assert_eq!(p.agreement, PerspectiveAgreement::Disagree);
    assert_eq!(p.statements.len(), 2);
    assert!(p.statements.iter().any(|s| s.record == r1 && s.source_person == y));
    assert!(p.statements.iter().any(|s| s.record == r2 && s.stance == Stance::Denied));
    assert_eq!(p.counted_frequency, Some(SixToTen));
    // The denial is shown, never subtracted.
    assert_eq!(a.severity.p, 8);

    let table = [
        (vec![Stance::Reported { frequency: Once }], PerspectiveAgreement::SingleSource),
        (vec![Stance::Reported { frequency: Once }, Stance::Reported { frequency: Once }], PerspectiveAgreement::Agree),
        (vec![Stance::Reported { frequency: Once }, Stance::Reported { frequency: Twice }], PerspectiveAgreement::DifferentFrequency),
        (vec![Stance::Reported { frequency: Once }, Stance::Unknown], PerspectiveAgreement::Disagree),
    ];
    for (stances, agreement) in table {
        let mut b = Builder::new();
        let (x, y) = b.couple();
        let k = b.person(Role::Child, "K", Some(2012));
        for (s, src) in stances.iter().zip([y, k]) {
            b.record(x, y, "psy.schelden", *s, src);
        }
        assert_eq!(run(&b).perspectives[0].agreement, agreement, "{stances:?}");
    }
}

#[test]
fn records_with_unknown_behaviours_are_listed_not_counted() {
    let mut b = Builder::new();
    let (x, y) = b.couple();
    let r = b.reported(x, y, "fys.bestaat_niet", MoreThanTwenty, y);
    let a = run(&b);
    assert_eq!(a.unknown_behaviours, vec![r]);
    assert_eq!(a.severity.p, 0);
}

// ---------- judgements ----------

#[test]
fn judgements_are_kept_next_to_the_recomputed_hypothesis() {
    let mut b = Builder::new();
    let (x, y) = b.couple();
    b.reported(x, y, "fys.duwen", ThreeToFive, y);
    b.judge("severity", Verdict::Confirmed, "licht", 1);
    b.judge("profile:gezin_in_de_stress", Verdict::Changed { to: "waarschijnlijk".into() }, "te_weinig_informatie", 2);
    b.judge("redflag:strangulation", Verdict::Rejected, "present", 3);
    let a = run(&b);
    let r = |k: &str| a.reviews.iter().find(|r| r.key == k).unwrap();
    assert_eq!(r("severity").status, ReviewStatus::Confirmed);
    assert_eq!(r("profile:gezin_in_de_stress").status, ReviewStatus::Changed);
    // The flag is gone; the old judgement is still shown, against "absent".
    assert_eq!(r("redflag:strangulation").hypothesis, "absent");
    assert_eq!(r("redflag:strangulation").status, ReviewStatus::HypothesisChanged);
    assert_eq!(r("acute").status, ReviewStatus::Open);

    // New facts change the hypothesis: the confirmation is kept, and the review says to look again.
    b.reported(x, y, "fys.stompen", Once, y);
    let a = run(&b);
    let sev = a.reviews.iter().find(|r| r.key == "severity").unwrap();
    assert_eq!(sev.hypothesis, "veelvuldig_of_ernstig");
    assert_eq!(sev.status, ReviewStatus::HypothesisChanged);
    assert_eq!(sev.judgement.as_ref().unwrap().verdict, Verdict::Confirmed);

    // The latest judgement wins; the count keeps the history visible.
    b.judge("severity", Verdict::Confirmed, "veelvuldig_of_ernstig", 5);
    let a = run(&b);
    let sev = a.reviews.iter().find(|r| r.key == "severity").unwrap();
    assert_eq!((sev.status, sev.judgements_count), (ReviewStatus::Confirmed, 2));
}

// ---------- §7 guard-rails ----------

#[test]
fn joint_conversation_with_coercive_control_needs_justification() {
    let mut b = Builder::new();
    let (x, y) = b.couple();
    let conv = b.conversation(&[x, y]);
    let a = run(&b);
    assert!(a.guard_rails.is_empty());

    b.reported(x, y, "dwang.isoleren", SixToTen, y);
    let a = run(&b);
    assert_eq!(a.guard_rails.len(), 1);
    let g = &a.guard_rails[0];
    assert_eq!((g.kind, g.article.as_deref(), g.conversation_id), (GuardRailKind::JointWithCoerciveControl, None, Some(conv)));
    assert!(g.requires_justification && !g.satisfied);

    b.snapshot.conversations[0].safety_justification = Some("alleen overdracht, met twee begeleiders".into());
    assert!(run(&b).guard_rails[0].satisfied);

    let s = b.build();
    let cat = fixture::catalogue();
    for setting in [JointSetting::JointConversation, JointSetting::Mediation, JointSetting::CoupleTherapy] {
        let g = guardrails::check_joint_setting(&s, &cat, &[x, y], setting, None).expect("warning");
        assert!(!g.satisfied);
        assert!(guardrails::check_joint_setting(&s, &cat, &[x, y], setting, Some("  ")).is_some_and(|g| !g.satisfied));
        assert!(guardrails::check_joint_setting(&s, &cat, &[x, y], setting, Some("reden")).is_some_and(|g| g.satisfied));
    }
}

#[test]
fn contact_arrangement_prompts_when_violence_towards_the_other_parent_is_recorded() {
    let mut b = Builder::new();
    let (x, y) = b.couple();
    let cat = fixture::catalogue();
    assert!(guardrails::check_contact_arrangement(&b.build(), &cat, x).is_none());
    b.record(x, y, "fys.duwen", Stance::Denied, x);
    assert!(guardrails::check_contact_arrangement(&b.build(), &cat, x).is_none(), "a denial alone is no record of violence");
    let r = b.reported(x, y, "fys.duwen", Once, y);
    let g = guardrails::check_contact_arrangement(&b.build(), &cat, x).expect("prompt");
    assert_eq!((g.kind, g.article.as_deref()), (GuardRailKind::ContactWithPartnerViolence, Some("art. 31")));
    assert_eq!(g.evidence.records, vec![r]);
    // An arrangement naming the other parent (the one the violence was against) is weighed as well.
    let g = guardrails::check_contact_arrangement(&b.build(), &cat, y).expect("prompt for the other parent too");
    assert_eq!(g.evidence.records, vec![r]);
    // A third adult with no partner violence recorded gets no prompt.
    let z = b.person(Role::OtherFamily, "Oom", Some(1970));
    assert!(guardrails::check_contact_arrangement(&b.build(), &cat, z).is_none());
}

// ---------- §6.4 recency: acute only when a flag is current ----------

#[test]
fn flag_recency_three_months_plus_minus_one_day() {
    // today = 2026-03-15; three months back = 2025-12-15.
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
    // (last occurrence, frequency, current?)
    let table: &[(Option<NaiveDate>, Frequency, bool)] = &[
        (d(2025, 12, 14), Once, false),
        (d(2025, 12, 15), Once, true),
        (d(2025, 12, 16), Once, true),
        (d(2026, 3, 15), Once, true),
        (d(2026, 4, 1), Once, true), // about to happen / planned
        (d(2019, 5, 1), NotLastYearButBefore, false),
        (None, NotLastYearButBefore, false), // known to be older than a year
        (None, Once, true),                  // date unknown: current, and the app asks for it
    ];
    for (date, freq, current) in table {
        let mut b = Builder::new();
        let (x, y) = b.couple();
        let r = b.record_with(x, y, "fys.wurgen", Stance::Reported { frequency: *freq }, y, |r| r.last_occurrence = *date);
        let a = run(&b);
        let f = a.red_flags.iter().find(|f| f.flag == RedFlag::Strangulation).expect("strangulation is a flag, however old");
        assert_eq!(f.current, *current, "{date:?} {freq:?}");
        assert_eq!(f.last_date, *date, "{date:?}");
        assert_eq!(a.acute.possibly_acute, *current, "{date:?} {freq:?}");
        assert_eq!(a.acute.flags.contains(&RedFlag::Strangulation), *current);
        assert_eq!(a.acute.risk_factors.contains(&RedFlag::Strangulation), !*current, "an old flag is a risk factor");
        let undated = date.is_none() && *freq != NotLastYearButBefore;
        assert_eq!(f.undated_records, if undated { vec![r] } else { vec![] });
        assert_eq!(a.acute.dates_to_ask.contains(&RedFlag::Strangulation), undated);
        assert_eq!(a.acute.decision_required, *current);
    }
    // The most recent occurrence counts: an old and a recent record of the same flag.
    let mut b = Builder::new();
    let (x, y) = b.couple();
    b.record_with(x, y, "psy.dreigen_doden", Stance::Reported { frequency: Once }, y, |r| r.last_occurrence = d(2024, 1, 1));
    b.record_with(x, y, "psy.dreigen_doden", Stance::Reported { frequency: Once }, x, |r| r.last_occurrence = d(2026, 1, 1));
    let f = run(&b).red_flags.into_iter().find(|f| f.flag == RedFlag::ThreatToKill).unwrap();
    assert_eq!((f.last_date, f.current), (d(2026, 1, 1), true));
}

#[test]
fn answer_flags_are_as_recent_as_the_answer_or_ask_for_a_date() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let yes = AnswerValue::YesNoUnknown { value: YesNoUnknown::Yes };
    // (question, answered on, current?, date asked for?)
    let table: &[(&str, NaiveDate, bool, bool)] = &[
        ("vol.angst.levensgevaar", d(2025, 12, 14), false, false),
        ("vol.angst.levensgevaar", d(2025, 12, 15), true, false),
        ("vol.veilig.wapen_in_huis", d(2026, 3, 1), true, false),
        // "Was a child ever hit or threatened": when is unknown, so current and the app asks.
        ("vol.kinderen.betrokken_geraakt", d(2024, 1, 1), true, true),
        ("vol.veilig.zwangerschap", d(2024, 1, 1), true, true),
    ];
    for (q, day, current, ask) in table {
        let mut b = Builder::new();
        let (_, y) = b.couple();
        let ans = b.answer_on(y, q, yes.clone(), *day);
        let a = run(&b);
        assert_eq!(a.red_flags.len(), 1, "{q}");
        let f = &a.red_flags[0];
        assert_eq!((f.current, !f.undated_answers.is_empty()), (*current, *ask), "{q} {day}");
        assert!(f.evidence.answers.contains(&ans));
        assert_eq!(a.acute.possibly_acute, *current);
    }
    // Pregnant now: violence during the pregnancy is current at the day it was said.
    let mut b = Builder::new();
    let (_, y) = b.couple();
    b.answer_on(y, "vol.veilig.zwangerschap", yes.clone(), d(2026, 3, 1));
    b.answer_on(y, "vol.veilig.zwanger_nu", yes, d(2026, 3, 1));
    let f = run(&b).red_flags.into_iter().find(|f| f.flag == RedFlag::ViolenceDuringPregnancy).unwrap();
    assert_eq!((f.current, f.last_date, f.undated_answers.len()), (true, Some(d(2026, 3, 1)), 0));
    let _ = CHILD_DRAWN_IN;
}

#[test]
fn a_planned_separation_with_control_is_about_to_happen() {
    let mut b = Builder::new();
    let (x, y) = b.couple();
    b.record_with(x, y, "dwang.jaloezie", Stance::Reported { frequency: Once }, y, |r| r.last_occurrence = NaiveDate::from_ymd_opt(2025, 1, 1));
    b.yes(y, "vol.veilig.scheiding_plannen");
    let a = run(&b);
    let f = a.red_flags.iter().find(|f| f.flag == RedFlag::SeparationWithControl).unwrap();
    assert!(f.imminent && f.current);
    assert!(a.acute.possibly_acute);
}

#[test]
fn child_harmed_flag_is_not_raised_by_neglect() {
    // (behaviour towards the child, flag?)
    let table: &[(&str, bool)] = &[
        ("kind.verwaarlozing_fysiek", false),
        ("kind.getuige", false),
        ("psy.schreeuwen", false),
        ("fys.duwen", false),
        ("psy.dreigen_slaan", true),
        ("fys.stompen", true),
        ("let.blauwe_plek", true),
    ];
    for (beh, flag) in table {
        let mut b = Builder::new();
        let (x, _) = b.couple();
        let c = b.person(Role::Child, "K", Some(2016));
        b.reported(x, c, beh, Once, c);
        let a = run(&b);
        assert_eq!(a.red_flags.iter().any(|f| f.flag == RedFlag::ChildHarmed), *flag, "{beh}");
    }
}

// ---------- §6.4 structural unsafety ----------

#[test]
fn structural_unsafety_is_suggested_from_the_pattern_apart_from_acute() {
    use StructuralReason::*;
    type Setup = fn(&mut Builder, Uuid, Uuid);
    // (name, setup, reasons, acute?)
    let table: &[(&str, Setup, &[StructuralReason], bool)] = &[
        ("nothing", |_, _, _| {}, &[], false),
        ("licht, once, recent", |b, x, y| {
            b.reported(x, y, "fys.duwen", Once, y);
        }, &[], false),
        ("ernstig in the last year", |b, x, y| {
            b.record_with(x, y, "fys.stompen", Stance::Reported { frequency: Once }, y, |r| r.last_occurrence = day(2025, 10, 1));
        }, &[SevereOrFrequentViolence], false),
        ("old strangulation only: a risk factor, not acute, not structural", |b, x, y| {
            b.record_with(x, y, "fys.wurgen", Stance::Reported { frequency: NotLastYearButBefore }, y, |r| r.last_occurrence = day(2020, 1, 1));
        }, &[], false),
        ("old strangulation and a recent push: two periods", |b, x, y| {
            b.record_with(x, y, "fys.wurgen", Stance::Reported { frequency: NotLastYearButBefore }, y, |r| r.last_occurrence = day(2020, 1, 1));
            b.record_with(x, y, "fys.duwen", Stance::Reported { frequency: Once }, y, |r| r.last_occurrence = day(2025, 11, 1));
        }, &[ViolenceInMoreThanOnePeriod], false),
        ("one record spanning more than a year", |b, x, y| {
            b.record_with(x, y, "fys.duwen", Stance::Reported { frequency: ThreeToFive }, y, |r| {
                r.first_occurrence = day(2023, 1, 1);
                r.last_occurrence = day(2025, 11, 1);
            });
        }, &[ViolenceInMoreThanOnePeriod], false),
        ("coercive control with isolation, no physical violence", |b, x, y| {
            for beh in ["dwang.isoleren", "dwang.telefoon_controleren", "dwang.geld_controleren"] {
                b.record_with(x, y, beh, Stance::Reported { frequency: MoreThanTwenty }, y, |r| r.last_occurrence = day(2025, 9, 1));
            }
        }, &[IntiemeTerreur], false),
        ("violence went on after help", |b, x, y| {
            b.record_with(x, y, "fys.duwen", Stance::Reported { frequency: Once }, y, |r| r.last_occurrence = day(2025, 9, 1));
            b.yes(y, "vol.hulp.geweld_na_hulp");
        }, &[ViolenceAfterHelp], false),
    ];
    for (name, setup, reasons, acute) in table {
        let mut b = Builder::new();
        let (x, y) = b.couple();
        setup(&mut b, x, y);
        let a = run(&b);
        assert_eq!(a.structural.reasons, reasons.to_vec(), "{name}");
        assert_eq!(a.structural.suggested, !reasons.is_empty(), "{name}");
        assert_eq!(a.acute.possibly_acute, *acute, "{name}");
        assert_eq!(a.meldcode_unsafety.structural, !reasons.is_empty(), "{name}");
        let has_link = a.meldcode_unsafety.evidence.contains(&EvidenceLink::Conclusion { key: "structural".into() });
        assert_eq!(has_link, !reasons.is_empty(), "{name}");
        let review = a.reviews.iter().find(|r| r.key == "structural").expect("structural review");
        assert_eq!(review.hypothesis, if reasons.is_empty() { "not_indicated" } else { "suggested" });
    }
    // Both feed question 2: a current flag brings the acute conclusion and the flag.
    let mut b = Builder::new();
    let (x, y) = b.couple();
    b.record_with(x, y, "fys.wurgen", Stance::Reported { frequency: Once }, y, |r| r.last_occurrence = day(2026, 3, 1));
    let a = run(&b);
    assert!(a.meldcode_unsafety.acute && a.meldcode_unsafety.structural);
    for key in ["acute", "redflag:strangulation", "structural"] {
        assert!(a.meldcode_unsafety.evidence.contains(&EvidenceLink::Conclusion { key: key.into() }), "{key}");
    }
}

// ---------- §6.3 profile strength and three indicator states ----------

fn strength(a: &Analysis, k: ProfileKind) -> ProfileStrength {
    profile(a, k).strength
}

#[test]
fn an_empty_case_says_too_little_information_with_what_to_ask() {
    let mut b = Builder::new();
    b.couple();
    b.person(Role::Child, "K", Some(2016));
    let a = run(&b);
    for p in &a.profiles {
        assert_eq!(p.strength, ProfileStrength::TeWeinigInformatie, "{:?}", p.profile);
        assert!(!p.likely);
        assert!(!p.to_ask.is_empty(), "{:?} lists what to ask", p.profile);
        assert!(p.indicators.iter().all(|i| i.state != IndicatorState::Present));
    }
    assert_eq!(a.patterns[0].kind, PatternKind::OnvoldoendeInformatie);
    // Nothing in the reviews says "not likely".
    assert!(a.reviews.iter().filter(|r| r.key.starts_with("profile:")).all(|r| r.hypothesis == "te_weinig_informatie"));
}

#[test]
fn indicators_have_three_states() {
    let mut b = Builder::new();
    let (x, y) = b.couple();
    let asked = b.no(x, "vol.stress.schulden");
    b.answer(y, "vol.stress.werk", AnswerValue::NotAsked);
    b.answer(y, "vol.stress.wonen", AnswerValue::YesNoUnknown { value: YesNoUnknown::Unknown });
    let present = b.yes(y, "vol.stress.middelen");
    let a = run(&b);
    let p = profile(&a, ProfileKind::GezinInDeStress);
    let ind = |id: &str| p.indicators.iter().find(|i| i.indicator == id).unwrap();
    assert_eq!(ind("stressor.debts").state, IndicatorState::AskedAbsent);
    assert_eq!(ind("stressor.debts").asked.len(), 1);
    assert_eq!((ind("stressor.debts").asked[0].person, ind("stressor.debts").asked[0].answer), (x, asked));
    assert_eq!(ind("stressor.work_loss").state, IndicatorState::NotAsked, "niet gevraagd");
    assert_eq!(ind("stressor.housing").state, IndicatorState::NotAsked, "unknown is not absent");
    assert_eq!(ind("stressor.substance_use").state, IndicatorState::Present);
    assert!(ind("stressor.substance_use").evidence.answers.contains(&present));
    assert_eq!(ind("stressor.illness_or_loss").state, IndicatorState::NotAsked);
    assert!(p.to_ask.contains(&"stressor.work_loss".to_string()));
    // An "absent" expectation only fits when it was asked.
    assert!(!ind("fear.chronic").fits);
    // Derived indicators: asked through the behaviour questions.
    let mut b = Builder::new();
    let (x, y) = b.couple();
    b.answer(x, "vol.gedrag.overzicht", AnswerValue::AskedNothingReported);
    b.answer(y, "vol.gedrag.overzicht", AnswerValue::BehaviourRecords { records: vec![] });
    let a = run(&b);
    let p = profile(&a, ProfileKind::KindgedragEnOpvoedstress);
    let pv = p.indicators.iter().find(|i| i.indicator == "records.partner_violence").unwrap();
    assert_eq!(pv.state, IndicatorState::AskedAbsent);
    assert_eq!(pv.asked.len(), 2);
}

#[test]
fn intieme_terreur_strength_rules() {
    type Setup = fn(&mut Builder, Uuid, Uuid);
    let table: &[(&str, Setup, ProfileStrength)] = &[
        ("3 domains with isolation, no physical violence", |b, x, y| control3(b, x, y), ProfileStrength::Waarschijnlijk),
        ("3 domains without isolation, chronic fear", |b, x, y| {
            for beh in ["dwang.telefoon_controleren", "dwang.geld_controleren", "dwang.jaloezie"] {
                b.reported(x, y, beh, SixToTen, y);
            }
            b.yes(y, "vol.angst.bang_voor_partner");
        }, ProfileStrength::Waarschijnlijk),
        ("3 domains without isolation, stalking", |b, x, y| {
            for beh in ["dwang.telefoon_controleren", "dwang.geld_controleren", "dwang.jaloezie"] {
                b.reported(x, y, beh, SixToTen, y);
            }
            b.reported(x, y, "bel.volgen", Once, y);
        }, ProfileStrength::Waarschijnlijk),
        ("3 domains without isolation, fear or stalking", |b, x, y| {
            for beh in ["dwang.telefoon_controleren", "dwang.geld_controleren", "dwang.jaloezie"] {
                b.reported(x, y, beh, SixToTen, y);
            }
        }, ProfileStrength::Mogelijk),
        ("2 domains with isolation and chronic fear", |b, x, y| {
            b.reported(x, y, "dwang.isoleren", SixToTen, y);
            b.reported(x, y, "dwang.geld_controleren", SixToTen, y);
            b.yes(y, "vol.angst.bang_voor_partner");
        }, ProfileStrength::Mogelijk),
        ("the pattern", |b, x, y| {
            for beh in ["dwang.telefoon_controleren", "dwang.geld_controleren", "dwang.jaloezie"] {
                b.reported(x, y, beh, SixToTen, y);
            }
            b.reported(x, y, "fys.duwen", Once, y);
        }, ProfileStrength::Waarschijnlijk),
        ("asked, nothing of it", |_, _, _| {}, ProfileStrength::WeinigAanwijzingen),
    ];
    for (name, setup, expected) in table {
        let (a, _, _) = heard_couple(|b, x, y| setup(b, x, y));
        assert_eq!(strength(&a, ProfileKind::IntiemeTerreur), *expected, "{name}");
    }
}

#[test]
fn complexe_scheiding_strength_rules() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
    type Setup = fn(&mut Builder, Uuid, Uuid);
    // (name, separated?, setup, strength, both-profiles red flag?)
    let table: &[(&str, bool, Setup, ProfileStrength, bool)] = &[
        ("separated only", true, |_, _, _| {}, ProfileStrength::Mogelijk, false),
        ("separated, ongoing conflict", true, |b, x, _| {
            b.yes(x, "vol.scheiding.conflict");
        }, ProfileStrength::Waarschijnlijk, false),
        ("separated, legal proceedings", true, |b, x, _| {
            b.yes(x, "vol.scheiding.procedures");
        }, ProfileStrength::Waarschijnlijk, false),
        ("separated, stalking", true, |b, x, y| {
            b.reported(x, y, "bel.volgen", Once, y);
        }, ProfileStrength::Waarschijnlijk, false),
        ("separated, control dated after the separation", true, |b, x, y| {
            b.record_with(x, y, "dwang.telefoon_controleren", Stance::Reported { frequency: Twice }, y, |r| r.last_occurrence = NaiveDate::from_ymd_opt(2025, 10, 1));
        }, ProfileStrength::Waarschijnlijk, false),
        ("separated, control only before the separation", true, |b, x, y| {
            b.record_with(x, y, "dwang.telefoon_controleren", Stance::Reported { frequency: NotLastYearButBefore }, y, |r| r.last_occurrence = NaiveDate::from_ymd_opt(2024, 1, 1));
        }, ProfileStrength::Mogelijk, false),
        ("separating, ongoing conflict", false, |b, x, _| {
            b.yes(x, "vol.veilig.scheiding_plannen");
            b.yes(x, "vol.scheiding.conflict");
        }, ProfileStrength::Waarschijnlijk, false),
        ("together, conflict answer only", false, |b, x, _| {
            b.yes(x, "vol.scheiding.conflict");
        }, ProfileStrength::TeWeinigInformatie, false),
        ("separated from a controlling partner who stalks", true, |b, x, y| {
            control3(b, x, y);
            b.reported(x, y, "bel.volgen", Once, y);
        }, ProfileStrength::Waarschijnlijk, true),
    ];
    for (name, separated, setup, expected, flag) in table {
        let mut b = Builder::new();
        let (x, y) = b.couple();
        if *separated {
            b.snapshot.household.relations[0].kind = RelationKind::ExPartnerOf { separation_date: d(2025, 6, 1) };
        }
        setup(&mut b, x, y);
        let a = run(&b);
        assert_eq!(strength(&a, ProfileKind::ComplexeScheiding), *expected, "{name}");
        assert_eq!(a.red_flags.iter().any(|f| f.flag == RedFlag::IntimateTerrorAndSeparation), *flag, "{name}");
        if *flag {
            assert!(profile(&a, ProfileKind::IntiemeTerreur).likely, "{name}");
        }
    }
}

#[test]
fn gezin_in_de_stress_is_capped_until_control_was_asked_of_both() {
    let base = |b: &mut Builder, x: Uuid, y: Uuid| {
        b.reported(x, y, "fys.duwen", Twice, y);
        b.reported(y, x, "fys.duwen", Once, x);
        b.yes(x, "vol.stress.schulden");
        b.yes(x, "vol.stress.werk");
    };
    // Everything asked of both, nobody controlling: likely.
    let (a, _, _) = heard_couple(|b, x, y| base(b, x, y));
    assert_eq!(strength(&a, ProfileKind::GezinInDeStress), ProfileStrength::Waarschijnlijk);
    // One partner controls at the threshold: at most possible.
    let (a, _, _) = heard_couple(|b, x, y| {
        base(b, x, y);
        control3(b, x, y);
    });
    assert_eq!(strength(&a, ProfileKind::GezinInDeStress), ProfileStrength::Mogelijk);
    // Control asked of only one partner: at most possible.
    let mut b = Builder::new();
    let (x, y) = b.couple();
    for p in [x, y] {
        b.conversation(&[p]);
        b.answer(p, "vol.gedrag.overzicht", AnswerValue::BehaviourRecords { records: vec![] });
        b.no(p, "vol.angst.bang_voor_partner");
    }
    b.asked_all_control(x);
    base(&mut b, x, y);
    assert_eq!(strength(&run(&b), ProfileKind::GezinInDeStress), ProfileStrength::Mogelijk);
    b.asked_all_control(y);
    assert_eq!(strength(&run(&b), ProfileKind::GezinInDeStress), ProfileStrength::Waarschijnlijk);
    // Fear not asked of one partner: "no chronic fear" is not known, so at most possible.
    b.snapshot.answers.retain(|a| !(a.source_person == y && a.question_id == "vol.angst.bang_voor_partner"));
    assert_eq!(strength(&run(&b), ProfileKind::GezinInDeStress), ProfileStrength::Mogelijk);
}

#[test]
fn other_profiles_strength_rules() {
    // (answers by one parent, profile, strength)
    let table: &[(&[(&str, bool)], ProfileKind, ProfileStrength)] = &[
        (&[("vol.kinderen.gedragsproblemen", true)], ProfileKind::KindgedragEnOpvoedstress, ProfileStrength::Mogelijk),
        (&[("vol.kinderen.gedragsproblemen", true), ("vol.kinderen.opvoedstress", true)], ProfileKind::KindgedragEnOpvoedstress, ProfileStrength::Waarschijnlijk),
        (&[("vol.kinderen.gedragsproblemen", false), ("vol.kinderen.opvoedstress", false), ("vol.kinderen.oneens_opvoeding", false), ("vol.gedrag.overzicht", false)], ProfileKind::KindgedragEnOpvoedstress, ProfileStrength::WeinigAanwijzingen),
        (&[("vol.eigen.verslaving", true)], ProfileKind::LangdurigeZorg, ProfileStrength::Waarschijnlijk),
        (&[("vol.kinderen.onvoorspelbaar", true)], ProfileKind::LangdurigeZorg, ProfileStrength::Mogelijk),
        (&[("vol.eigen.verslaving", false)], ProfileKind::LangdurigeZorg, ProfileStrength::TeWeinigInformatie),
    ];
    for (answers, kind, expected) in table {
        let mut b = Builder::new();
        let (x, _) = b.couple();
        for (q, yes) in answers.iter() {
            if *q == "vol.gedrag.overzicht" {
                b.answer(x, q, AnswerValue::AskedNothingReported);
            } else if *yes {
                b.yes(x, q);
            } else {
                b.no(x, q);
            }
        }
        assert_eq!(strength(&run(&b), *kind), *expected, "{answers:?}");
    }
}

// ---------- §7 joint conversations: fear and strangulation too ----------

#[test]
fn joint_setting_warns_on_control_fear_and_strangulation() {
    use GuardRailReason::*;
    type Setup = fn(&mut Builder, Uuid, Uuid);
    let table: &[(&str, Setup, &[GuardRailReason])] = &[
        ("nothing", |_, _, _| {}, &[]),
        ("licht violence only", |b, x, y| {
            b.reported(x, y, "fys.duwen", Once, y);
        }, &[]),
        ("control", |b, x, y| {
            b.reported(x, y, "dwang.isoleren", Once, y);
        }, &[CoerciveControl]),
        ("chronic fear", |b, _, y| {
            b.yes(y, "vol.angst.bang_voor_partner");
        }, &[ChronicFear]),
        ("fear for life (answer)", |b, _, y| {
            b.yes(y, "vol.angst.levensgevaar");
        }, &[FearForLife]),
        ("fear for life (impact)", |b, x, y| {
            b.record_with(x, y, "psy.dreigen_slaan", Stance::Reported { frequency: Once }, y, |r| r.impact = vec![ImpactTag::FearForLife]);
        }, &[FearForLife]),
        ("strangulation, long ago", |b, x, y| {
            b.reported(x, y, "fys.wurgen", NotLastYearButBefore, y);
        }, &[Strangulation]),
        ("denied strangulation", |b, x, y| {
            b.record(x, y, "fys.wurgen", Stance::Denied, x);
        }, &[]),
    ];
    let cat = fixture::catalogue();
    for (name, setup, reasons) in table {
        let mut b = Builder::new();
        let (x, y) = b.couple();
        setup(&mut b, x, y);
        let s = b.build();
        for setting in [JointSetting::JointConversation, JointSetting::Mediation, JointSetting::CoupleTherapy] {
            let g = guardrails::check_joint_setting(&s, &cat, &[x, y], setting, None);
            assert_eq!(g.as_ref().map(|g| g.reasons.clone()).unwrap_or_default(), reasons.to_vec(), "{name}");
            // This warning never names art. 48: that article is about imposed mediation.
            assert!(g.is_none_or(|g| g.article.is_none()), "{name}");
        }
    }
    // Imposed mediation: art. 48 for any form of the violence.
    let mut b = Builder::new();
    let (x, y) = b.couple();
    // Before anything is recorded the warning is there too (art. 48 holds for every form), without evidence.
    let g = guardrails::check_imposed_mediation(&b.build(), &cat, &[x, y]).expect("warning without records");
    assert_eq!((g.kind, g.article.as_deref(), g.reasons.is_empty(), g.evidence.is_empty()), (GuardRailKind::ImposedMediation, Some("art. 48"), true, true));
    b.reported(x, y, "psy.schelden", Once, y);
    let g = guardrails::check_imposed_mediation(&b.build(), &cat, &[x, y]).expect("warning");
    assert_eq!((g.kind, g.article.as_deref()), (GuardRailKind::ImposedMediation, Some("art. 48")));
    assert_eq!(g.reasons, vec![GuardRailReason::Violence]);
}

// ---------- not asked is not absent: who was asked ----------

#[test]
fn what_records_would_show_is_absent_only_when_every_partner_was_asked() {
    // (who answered the isolation and stalking questions, expected state of records.isolation)
    type Setup = fn(&mut Builder, Uuid, Uuid);
    let table: &[(&str, Setup, IndicatorState)] = &[
        ("nobody asked", |_, _, _| {}, IndicatorState::NotAsked),
        (
            "only one partner asked (the one it would not happen to)",
            |b, x, _| b.asked_all_control(x),
            IndicatorState::NotAsked,
        ),
        ("both partners asked, nothing reported", |b, x, y| {
            b.asked_all_control(x);
            b.asked_all_control(y);
        }, IndicatorState::AskedAbsent),
        ("one asked, isolation reported by the other", |b, x, y| {
            b.asked_all_control(x);
            b.reported(x, y, "dwang.isoleren", SixToTen, y);
        }, IndicatorState::Present),
    ];
    for (name, setup, expected) in table {
        let mut b = Builder::new();
        let (x, y) = b.couple();
        setup(&mut b, x, y);
        let a = run(&b);
        let p = profile(&a, ProfileKind::IntiemeTerreur);
        let isolation = p.indicators.iter().find(|i| i.indicator == "records.isolation").unwrap();
        assert_eq!(isolation.state, *expected, "{name}");
    }
}

#[test]
fn sexual_violence_and_strangling_count_as_asked_only_through_their_own_questions() {
    let state = |b: &Builder, id: &str| {
        let a = run(b);
        profile(&a, ProfileKind::IntiemeTerreur).indicators.iter().find(|i| i.indicator == id).unwrap().state
    };
    let mut b = Builder::new();
    let (x, y) = b.couple();
    for p in [x, y] {
        b.answer(p, "vol.gedrag.overzicht", AnswerValue::BehaviourRecords { records: vec![] });
    }
    // The overview question asks about psychological and physical behaviour, not about sex or strangling.
    assert_eq!(state(&b, "records.sexual_violence"), IndicatorState::NotAsked);
    assert_eq!(state(&b, "records.severe_partner_violence"), IndicatorState::NotAsked);
    for p in [x, y] {
        b.answer(p, "vol.gedrag.seks", AnswerValue::BehaviourRecords { records: vec![] });
    }
    assert_eq!(state(&b, "records.sexual_violence"), IndicatorState::AskedAbsent);
    assert_eq!(state(&b, "records.severe_partner_violence"), IndicatorState::NotAsked);
    for p in [x, y] {
        b.answer(p, "vol.gedrag.wurgen", AnswerValue::BehaviourRecords { records: vec![] });
    }
    assert_eq!(state(&b, "records.severe_partner_violence"), IndicatorState::AskedAbsent);
}

#[test]
fn no_partner_violence_is_concluded_only_when_nothing_points_to_it() {
    type Setup = fn(&mut Builder, Uuid, Uuid);
    let table: &[(&str, Setup, PatternKind)] = &[
        ("everything asked, nothing recorded", |_, _, _| {}, PatternKind::GeenPartnergeweldGemeld),
        ("control in one domain", |b, x, y| {
            b.reported(x, y, "dwang.telefoon_controleren", SixToTen, y);
        }, PatternKind::OnvoldoendeInformatie),
        ("fear for one's life, no violence recorded", |b, _, y| {
            b.yes(y, "vol.angst.levensgevaar");
        }, PatternKind::OnvoldoendeInformatie),
        ("frequent shouting only (counts for severity)", |b, x, y| {
            b.reported(x, y, "psy.schreeuwen", MoreThanTwenty, y);
        }, PatternKind::OnvoldoendeInformatie),
        ("an injury only (the act not recorded): violence by one side", |b, x, y| {
            b.reported(x, y, "let.blauwe_plek", Once, y);
        }, PatternKind::SituationeelPartnergeweldEenzijdig { by: Uuid::nil() }),
    ];
    for (name, setup, expected) in table {
        let (a, x, y) = heard_couple(*setup);
        let kind = &a.patterns[0].kind;
        match expected {
            PatternKind::SituationeelPartnergeweldEenzijdig { .. } => {
                assert_eq!(*kind, PatternKind::SituationeelPartnergeweldEenzijdig { by: x }, "{name}");
            }
            _ => assert_eq!(kind, expected, "{name}"),
        }
        if *expected == PatternKind::OnvoldoendeInformatie {
            assert!(!a.patterns[0].questions_to_ask.is_empty(), "{name}: says what to ask");
        }
        let _ = y;
    }
}

#[test]
fn fear_for_ones_life_counts_as_chronic_fear_in_the_profiles() {
    // Control in three domains without isolation; the other says no to ongoing fear but yes to fearing
    // for their life: intieme terreur is likely.
    let (a, _, _) = heard_couple(|b, x, y| {
        for beh in ["dwang.telefoon_controleren", "dwang.geld_controleren", "dwang.jaloezie"] {
            b.reported(x, y, beh, SixToTen, y);
        }
        b.yes(y, "vol.angst.levensgevaar");
    });
    assert_eq!(profile(&a, ProfileKind::IntiemeTerreur).strength, ProfileStrength::Waarschijnlijk);
    // Stress, violence both ways, control asked and cleared, no ongoing fear — but fear for one's life:
    // never a likely family in stress.
    let (a, _, _) = heard_couple(|b, x, y| {
        for q in ["vol.stress.schulden", "vol.stress.werk", "vol.stress.middelen"] {
            b.yes(x, q);
        }
        b.reported(x, y, "fys.duwen", Twice, y);
        b.reported(y, x, "fys.duwen", Twice, x);
        b.yes(y, "vol.angst.levensgevaar");
    });
    assert_ne!(profile(&a, ProfileKind::GezinInDeStress).strength, ProfileStrength::Waarschijnlijk);
}

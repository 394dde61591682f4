//! A fictional family for the plan tests and the benchmark. Every item holds a unique marker without
//! spaces, so a test can look for it in the text extracted from a PDF.
#![allow(dead_code)]

use chrono::{NaiveDate, TimeZone, Utc};
use domain::plan::*;
use domain::{Case, CaseStatus, Household, Person, Phase, Role};
use plan::{Renderer, Template};
use uuid::Uuid;

// ---- what a test looks for in a PDF -------------------------------------------------------------

pub const SHARED: &[&str] = &["ZQSHAREDWORRY", "ZQSHAREDCONDITION", "ZQSHAREDAGREEMENT", "ZQSHAREDSIGNAL", "ZQKEESTASK", "ZQMEASURE"];
pub const PRO_ONLY: &[&str] = &["ZQACUTEPRO", "ZQPROONLY", "ZQCHILDSECRET"];
pub const ANNA_ONLY: &[&str] = &["ZQESCAPEADDRESS", "ZQESCAPETAKE", "ZQESCAPECALL", "ZQANNACONFIDENTIAL", "ZQSHELTERWORKER"];
pub const ALL: &[&[&str]] = &[
    SHARED,
    PRO_ONLY,
    ANNA_ONLY,
    &["ZQBRAMPROBLEM", "ZQELSTASK", "ZQCHILDMISTAKE", "ZQSEMSUPPORT", "ZQWIJKTEAMCONTACT"],
];

pub fn pdf_for(renderer: &Renderer, f: &Family, audience: Audience) -> Vec<u8> {
    let view = view_for(&f.plan, &f.hh, &audience).expect("view");
    renderer.pdf(&view, Template::for_audience(view.audience)).expect("pdf")
}

/// All text of a PDF, with whitespace removed so a marker split across text runs is still found.
pub fn text_of(pdf: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(pdf).expect("text extraction");
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

pub fn check(name: &str, text: &str, must: &[&str], must_not: &[&str]) {
    for m in must {
        assert!(text.contains(m), "{name}: missing {m}");
    }
    for m in must_not {
        assert!(!text.contains(m), "{name}: leaked {m}");
    }
}

pub struct Family {
    pub hh: Household,
    pub plan: SafetyPlan,
    /// Protected adult, has an escape plan.
    pub anna: Uuid,
    /// Adult in the plegerpositie.
    pub bram: Uuid,
    /// Child who disclosed something.
    pub noor: Uuid,
    pub sem: Uuid,
    /// Network: grandfather with a task.
    pub kees: Uuid,
    /// Network: neighbour with a task shared only with her and Anna.
    pub els: Uuid,
}

fn person(case_id: Uuid, role: Role, name: &str, year: i32) -> Person {
    Person {
        id: Uuid::now_v7(),
        case_id,
        role,
        name: name.into(),
        year_of_birth: Some(year),
        gender: None,
        lives_in_household: !matches!(role, Role::Network),
        notes: String::new(),
        language: Default::default(),
    }
}

pub fn family() -> Family {
    let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
    let case = Case {
        id: Uuid::now_v7(),
        label: "Gezin A.".into(),
        status: CaseStatus::Open,
        phase: Phase::DirecteVeiligheid,
        created_at: at,
        updated_at: at,
        retention_until: None,
    };
    let persons = vec![
        person(case.id, Role::Parent, "Anna", 1990),
        person(case.id, Role::Parent, "Bram", 1988),
        person(case.id, Role::Child, "Noor", 2015),
        person(case.id, Role::Child, "Sem", 2018),
        person(case.id, Role::Network, "Opa Kees", 1955),
        person(case.id, Role::Network, "Buurvrouw Els", 1970),
    ];
    let [anna, bram, noor, sem, kees, els] = [0, 1, 2, 3, 4, 5].map(|i| persons[i].id);
    let hh = Household { case, persons, relations: Vec::new() };
    let mut plan = SafetyPlan::new(hh.case.id, at);
    let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    let me = |id| Party::Person { id };

    let wijkteam = Item::new(Professional {
        name: "Sanne ZQWIJKTEAMCONTACT".into(),
        organisation: "Wijkteam Noord".into(),
        role: "gezinscoach".into(),
        contact: "020-1234567".into(),
    });
    let shelter = Item::new(Professional {
        name: "Mira ZQSHELTERWORKER".into(),
        organisation: "Opvang".into(),
        role: "ambulant hulpverlener".into(),
        contact: "06-11112222".into(),
    })
    .visible_to(Visibility::Persons(vec![anna]));
    let (wijkteam_id, shelter_id) = (wijkteam.id, shelter.id);
    plan.professionals = vec![wijkteam, shelter];

    plan.made_with = vec![me(anna), me(bram), me(kees), Party::Professional { id: wijkteam_id }];
    plan.evaluation_dates = vec![d(4, 1), d(6, 1)];
    plan.worries.push(
        Item::new(Worry {
            situation: "Bram schreeuwt en gooit met spullen als hij gedronken heeft ZQSHAREDWORRY".into(),
            impact: "Anna en de kinderen zijn bang".into(),
        })
        .about(anna),
    );
    plan.conditions.push(Item::new(Note { text: "Er wordt niemand geslagen of bedreigd ZQSHAREDCONDITION".into() }));
    plan.acute_actions.push(Item::new(AcuteAction {
        what: "Overleg met Veilig Thuis ZQACUTEPRO".into(),
        who: vec![Party::Professional { id: wijkteam_id }],
        before: Some(Utc.with_ymd_and_hms(2026, 3, 3, 9, 0, 0).unwrap()),
    }).visible_to(Visibility::ProfessionalOnly));
    plan.agreements.push(Item::new(Agreement {
        who: vec![me(bram)],
        what: "Bram komt niet thuis na drinken en slaapt dan bij zijn broer ZQSHAREDAGREEMENT".into(),
        from: Some(d(3, 2)),
        checked_by: vec![me(kees), Party::Professional { id: shelter_id }],
        if_broken: "Anna belt de politie en het wijkteam".into(),
    }));
    plan.problems.push(Item::personal(
        Problem {
            person: bram,
            priority: 1,
            problem: "Alcohol ZQBRAMPROBLEM".into(),
            help: "Verslavingszorg".into(),
        },
        bram,
    ));
    plan.recovery.push(Item::personal(
        PersonNeed { person: anna, need: "Traumabehandeling ZQANNACONFIDENTIAL".into(), help: "GGZ".into() },
        anna,
    ));
    plan.support.push(Item::child_disclosure(
        PersonNeed { person: noor, need: "Noor vertelde over de nacht van het mes ZQCHILDSECRET".into(), help: String::new() },
        noor,
    ));
    // A disclosure set to everyone by mistake: the filter must still keep it from the parents.
    plan.support.push(
        Item::child_disclosure(
            PersonNeed { person: noor, need: "Noor is bang voor papa ZQCHILDMISTAKE".into(), help: "Praten met Sanne".into() },
            noor,
        )
        .visible_to(Visibility::Everyone),
    );
    plan.support.push(Item::new(PersonNeed {
        person: sem,
        need: "Sem mag elke week bij opa logeren ZQSEMSUPPORT".into(),
        help: String::new(),
    }).about(sem));
    plan.network.push(Item::new(NetworkTask { member: kees, task: "Opa brengt de kinderen naar school ZQKEESTASK".into() }));
    plan.network.push(
        Item::new(NetworkTask { member: els, task: "Els houdt een sleutel en een tas klaar ZQELSTASK".into() })
            .visible_to(Visibility::Persons(vec![els, anna])),
    );
    plan.measures.push(Item::new(Measure {
        kind: MeasureKind::TijdelijkHuisverbod,
        status: MeasureStatus::InPlace,
        details: "Opgelegd door de burgemeester ZQMEASURE".into(),
        until: Some(d(3, 12)),
    }));
    plan.signals.push(Item::new(Signal {
        signal: "Bram begint te drinken ZQSHAREDSIGNAL".into(),
        action: "Bram gaat naar zijn broer".into(),
    }));
    plan.signals.push(
        Item::new(Signal { signal: "Inschatting: risico stijgt rond de scheiding ZQPROONLY".into(), action: "Herbeoordelen".into() })
            .visible_to(Visibility::ProfessionalOnly),
    );
    plan.escape_plan.push(Item::escape(anna, EscapeKind::WhereToGo, "Naar het adres van Els ZQESCAPEADDRESS"));
    plan.escape_plan.push(Item::escape(anna, EscapeKind::WhatToTake, "Paspoorten en medicijnen ZQESCAPETAKE"));
    plan.escape_plan.push(Item::escape(anna, EscapeKind::WhoToCall, "Mira ZQESCAPECALL"));
    plan.signatories = vec![
        Signatory { party: me(anna) },
        Signatory { party: me(bram) },
        Signatory { party: Party::Professional { id: wijkteam_id } },
    ];
    Family { hh, plan, anna, bram, noor, sem, kees, els }
}

/// The family's plan grown with `extra` agreements and signals, for a long document.
pub fn long_family(extra: usize) -> Family {
    let mut f = family();
    for i in 0..extra {
        f.plan.agreements.push(Item::new(Agreement {
            who: vec![Party::Person { id: f.bram }],
            what: format!(
                "Afspraak {i}: Bram belt eerst met zijn broer als hij merkt dat hij boos wordt, en gaat een \
                 eind lopen voordat hij iets zegt of doet waar Anna of de kinderen bang van worden."
            ),
            from: NaiveDate::from_ymd_opt(2026, 3, 2),
            checked_by: vec![Party::Person { id: f.kees }],
            if_broken: "Het wijkteam bespreekt het dezelfde week met Bram en Anna apart.".into(),
        }));
        f.plan.signals.push(Item::new(Signal {
            signal: format!("Signaal {i}: Bram praat harder en loopt heen en weer"),
            action: "Anna gaat met de kinderen naar boven en belt zo nodig Opa Kees.".into(),
        }));
    }
    f
}

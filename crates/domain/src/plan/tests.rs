use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use uuid::Uuid;

use super::*;
use crate::{Case, CaseStatus, Person, Role};

fn person(case_id: Uuid, role: Role, name: &str) -> Person {
    Person {
        id: Uuid::now_v7(),
        case_id,
        role,
        name: name.into(),
        year_of_birth: None,
        gender: None,
        lives_in_household: role != Role::Network,
        notes: String::new(),
        language: Default::default(),
    }
}

fn household(roles: &[Role]) -> Household {
    let now = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap();
    let case = Case {
        id: Uuid::now_v7(),
        label: "Gezin A.".into(),
        status: CaseStatus::Open,
        phase: Phase::DirecteVeiligheid,
        created_at: now,
        updated_at: now,
        retention_until: None,
    };
    let persons = roles.iter().enumerate().map(|(i, r)| person(case.id, *r, &format!("P{i}"))).collect();
    Household { case, persons, relations: Vec::new() }
}

struct Fixture {
    hh: Household,
    plan: SafetyPlan,
    mother: Uuid,
    father: Uuid,
    child: Uuid,
    sibling: Uuid,
    grandpa: Uuid,
}

/// Mother (protected), father (plegerpositie), two children, grandpa in the network.
fn fixture() -> Fixture {
    let hh = household(&[Role::Parent, Role::Parent, Role::Child, Role::Child, Role::Network]);
    let [mother, father, child, sibling, grandpa] = [0, 1, 2, 3, 4].map(|i| hh.persons[i].id);
    let mut plan = SafetyPlan::new(hh.case.id, Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap());
    plan.worries.push(Item::new(Worry { situation: "shared worry".into(), impact: "x".into() }));
    plan.conditions.push(Item::new(Note { text: "no violence".into() }));
    plan.escape_plan.push(Item::escape(mother, EscapeKind::WhereToGo, "address"));
    plan.support.push(Item::child_disclosure(
        PersonNeed { person: child, need: "what the child told".into(), help: String::new() },
        child,
    ));
    plan.network.push(Item::new(NetworkTask { member: grandpa, task: "school run".into() }));
    plan.problems.push(Item::personal(
        Problem { person: father, priority: 1, problem: "drinking".into(), help: "clinic".into() },
        father,
    ));
    plan.recovery.push(Item::new(PersonNeed { person: mother, need: "rest".into(), help: "x".into() }));
    plan.measures.push(Item::new(Measure {
        kind: MeasureKind::ContactBan,
        status: MeasureStatus::InPlace,
        details: String::new(),
        until: None,
    }));
    plan.signals.push(Item::new(Signal { signal: "shouting".into(), action: "call".into() }).visible_to(Visibility::ProfessionalOnly));
    Fixture { hh, plan, mother, father, child, sibling, grandpa }
}

fn ids(view: &PlanView) -> Vec<Uuid> {
    view.item_ids()
}

#[test]
fn professional_sees_everything() {
    let f = fixture();
    let view = view_for(&f.plan, &f.hh, &Audience::Professional).unwrap();
    let all: Vec<Uuid> = f.plan.item_metas().iter().map(|m| m.id).collect();
    assert_eq!(ids(&view).len(), all.len());
    assert!(view.support[0].child_disclosure);
    assert_eq!(view.escape_plan[0].visibility, Some(VisibilityView::Persons(vec!["P0".into()])));
}

#[test]
fn escape_plan_reaches_only_the_protected_person() {
    let f = fixture();
    let esc = f.plan.escape_plan[0].id;
    for (audience, expected) in [
        (Audience::Adult(f.mother), true),
        (Audience::Adult(f.father), false),
        (Audience::Child(f.child), false),
        (Audience::Network(f.grandpa), false),
    ] {
        let view = view_for(&f.plan, &f.hh, &audience).unwrap();
        assert_eq!(ids(&view).contains(&esc), expected, "{audience:?}");
    }
}

#[test]
fn escape_plan_marked_everyone_is_refused_and_still_filtered() {
    let mut f = fixture();
    f.plan.escape_plan[0].visibility = Visibility::Everyone;
    assert_eq!(f.plan.validate(&f.hh), Err(DomainError::Invalid("escape plan item visible to everyone")));
    let esc = f.plan.escape_plan[0].id;
    assert!(!ids(&view_for(&f.plan, &f.hh, &Audience::Adult(f.father)).unwrap()).contains(&esc));
    assert!(ids(&view_for(&f.plan, &f.hh, &Audience::Adult(f.mother)).unwrap()).contains(&esc));
}

/// Whoever the visibility names, an escape step reaches only the person it protects (and the
/// professional), in every version path: the draft, a frozen version, and the filter itself.
#[test]
fn escape_plan_reaches_only_the_protected_person_whoever_is_named() {
    let f = fixture();
    let (m, fa, c, s, g) = (f.mother, f.father, f.child, f.sibling, f.grandpa);
    let audiences =
        [Audience::Adult(m), Audience::Adult(fa), Audience::Child(c), Audience::Child(s), Audience::Network(g)];
    let persons = |ids: &[Uuid]| Visibility::Persons(ids.to_vec());
    // (about, visibility, the readers who may see it besides the professional)
    let table: Vec<(Option<Uuid>, Visibility, Vec<Uuid>)> = vec![
        (Some(m), persons(&[m]), vec![m]),
        (Some(m), persons(&[m, fa]), vec![m]),
        (Some(m), persons(&[fa]), vec![]),
        (Some(m), persons(&[m, c, s, g]), vec![m]),
        (Some(m), persons(&[g]), vec![]),
        (Some(m), persons(&[]), vec![]),
        (Some(m), Visibility::Everyone, vec![m]),
        (Some(m), Visibility::ProfessionalOnly, vec![]),
        (None, persons(&[m, fa]), vec![]),
        (None, Visibility::Everyone, vec![]),
        (Some(c), persons(&[c, m]), vec![c]),
    ];
    for (about, visibility, expected) in table {
        let mut plan = f.plan.clone();
        plan.escape_plan[0].about = about;
        plan.escape_plan[0].visibility = visibility.clone();
        let esc = plan.escape_plan[0].id;
        let frozen = freeze(&plan, 1, Utc.with_ymd_and_hms(2026, 3, 3, 9, 0, 0).unwrap());
        for audience in audiences {
            let want = expected.contains(&audience.reader().unwrap());
            let meta = plan.item_metas().into_iter().find(|x| x.id == esc).unwrap();
            assert_eq!(may_see(&audience, &meta), want, "{about:?} {visibility:?} {audience:?}");
            assert_eq!(ids(&view_for(&plan, &f.hh, &audience).unwrap()).contains(&esc), want, "{audience:?}");
            assert_eq!(ids(&view_of_version(&frozen, &f.hh, &audience).unwrap()).contains(&esc), want, "{audience:?}");
        }
        assert!(ids(&view_for(&plan, &f.hh, &Audience::Professional).unwrap()).contains(&esc));
    }
}

/// Validation refuses an escape step that names any reader besides the person it protects.
#[test]
fn validation_refuses_other_readers_of_an_escape_step() {
    let f = fixture();
    let (m, fa, c, g) = (f.mother, f.father, f.child, f.grandpa);
    let other = Err(DomainError::Invalid("escape plan item readable by someone other than the person it protects"));
    let persons = |ids: &[Uuid]| Visibility::Persons(ids.to_vec());
    // (about, visibility, expected)
    let table: Vec<(Option<Uuid>, Visibility, Result<(), DomainError>)> = vec![
        (Some(m), persons(&[m]), Ok(())),
        (Some(m), persons(&[]), Ok(())),
        (Some(m), Visibility::ProfessionalOnly, Ok(())),
        (Some(c), persons(&[c]), Ok(())),
        (Some(m), persons(&[m, fa]), other.clone()),
        (Some(m), persons(&[fa]), other.clone()),
        (Some(m), persons(&[g]), other.clone()),
        (Some(m), persons(&[m, c]), other.clone()),
        (Some(m), Visibility::Everyone, Err(DomainError::Invalid("escape plan item visible to everyone"))),
        (None, persons(&[m]), Err(DomainError::Invalid("escape plan item without the person it protects"))),
    ];
    for (about, visibility, expected) in table {
        let mut plan = f.plan.clone();
        plan.escape_plan[0].about = about;
        plan.escape_plan[0].visibility = visibility.clone();
        assert_eq!(plan.validate(&f.hh), expected, "{about:?} {visibility:?}");
    }
}

#[test]
fn child_disclosure_never_reaches_parents_even_when_shared_by_mistake() {
    let mut f = fixture();
    f.plan.support[0].visibility = Visibility::Everyone;
    let disclosure = f.plan.support[0].id;
    for audience in [Audience::Adult(f.mother), Audience::Adult(f.father), Audience::Child(f.sibling), Audience::Network(f.grandpa)] {
        assert!(!ids(&view_for(&f.plan, &f.hh, &audience).unwrap()).contains(&disclosure), "{audience:?}");
    }
    f.plan.support[0].visibility = Visibility::Persons(vec![f.mother, f.child]);
    assert!(!ids(&view_for(&f.plan, &f.hh, &Audience::Adult(f.mother)).unwrap()).contains(&disclosure));
    assert!(ids(&view_for(&f.plan, &f.hh, &Audience::Child(f.child)).unwrap()).contains(&disclosure));
}

#[test]
fn personal_items_stay_with_their_person() {
    let f = fixture();
    let problem = f.plan.problems[0].id;
    assert!(ids(&view_for(&f.plan, &f.hh, &Audience::Adult(f.father)).unwrap()).contains(&problem));
    assert!(!ids(&view_for(&f.plan, &f.hh, &Audience::Adult(f.mother)).unwrap()).contains(&problem));
}

#[test]
fn network_gets_its_task_and_shared_items_only() {
    let f = fixture();
    let view = view_for(&f.plan, &f.hh, &Audience::Network(f.grandpa)).unwrap();
    assert_eq!(view.network.len(), 1);
    assert!(view.network[0].content.mine);
    assert_eq!(view.conditions.len(), 1);
    // Everyone-items outside the network's sections stay out: worries, recovery, measures.
    assert!(view.worries.is_empty() && view.recovery.is_empty() && view.measures.is_empty());
    assert!(view.signals.is_empty(), "professional-only signal");
    // Unless the professional names the network person.
    let mut f = f;
    f.plan.measures[0].visibility = Visibility::Persons(vec![f.grandpa]);
    assert_eq!(view_for(&f.plan, &f.hh, &Audience::Network(f.grandpa)).unwrap().measures.len(), 1);
}

/// The network version holds the reader's own tasks, not another member's (domain.md §9, "their tasks
/// only"), unless the item names the reader; the adults' and children's versions are unchanged.
#[test]
fn a_network_person_reads_their_own_tasks_not_another_members() {
    let hh = household(&[Role::Parent, Role::Parent, Role::Child, Role::Network, Role::Network]);
    let [mother, father, child, kees, els] = [0, 1, 2, 3, 4].map(|i| hh.persons[i].id);
    let audiences = [
        Audience::Adult(mother),
        Audience::Adult(father),
        Audience::Child(child),
        Audience::Network(kees),
        Audience::Network(els),
    ];
    let persons = |ids: &[Uuid]| Visibility::Persons(ids.to_vec());
    // (member of the task, visibility, readers who see it)
    let table: Vec<(Uuid, Visibility, Vec<Uuid>)> = vec![
        (kees, Visibility::Everyone, vec![mother, father, child, kees]),
        (els, Visibility::Everyone, vec![mother, father, child, els]),
        (kees, persons(&[kees, els]), vec![kees, els]),
        (kees, persons(&[els, mother]), vec![els, mother]),
        (kees, persons(&[mother]), vec![mother]),
        (kees, Visibility::ProfessionalOnly, vec![]),
    ];
    for (member, visibility, expected) in table {
        let mut plan = SafetyPlan::new(hh.case.id, Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap());
        plan.network.push(Item::new(NetworkTask { member, task: "school run".into() }).visible_to(visibility.clone()));
        let task = plan.network[0].id;
        for audience in audiences {
            let want = expected.contains(&audience.reader().unwrap());
            let view = view_for(&plan, &hh, &audience).unwrap();
            assert_eq!(ids(&view).contains(&task), want, "{member:?} {visibility:?} {audience:?}");
        }
    }
    // The shared sections still reach every network person.
    let mut plan = SafetyPlan::new(hh.case.id, Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap());
    plan.conditions.push(Item::new(Note { text: "no violence".into() }));
    for reader in [kees, els] {
        assert_eq!(view_for(&plan, &hh, &Audience::Network(reader)).unwrap().conditions.len(), 1);
    }
}

#[test]
fn audience_must_fit_the_reader() {
    let f = fixture();
    let bad = Err(DomainError::Invalid("version does not fit the reader's role"));
    assert_eq!(view_for(&f.plan, &f.hh, &Audience::Adult(f.child)).map(|_| ()), bad);
    assert_eq!(view_for(&f.plan, &f.hh, &Audience::Child(f.mother)).map(|_| ()), bad);
    assert_eq!(view_for(&f.plan, &f.hh, &Audience::Adult(f.grandpa)).map(|_| ()), bad);
    assert_eq!(
        view_for(&f.plan, &f.hh, &Audience::Adult(Uuid::now_v7())).map(|_| ()),
        Err(DomainError::Invalid("reader not in this case"))
    );
    assert_eq!(Audience::for_person(&f.hh.persons[4]), Audience::Network(f.grandpa));
}

#[test]
fn hidden_professional_is_not_named_in_a_visible_agreement() {
    let mut f = fixture();
    let shelter = Item::new(Professional {
        name: "ShelterWorker".into(),
        organisation: "Opvang".into(),
        role: "x".into(),
        contact: "x".into(),
    })
    .visible_to(Visibility::Persons(vec![f.mother]));
    let shelter_id = shelter.id;
    f.plan.professionals.push(shelter);
    f.plan.agreements.push(Item::new(Agreement {
        who: vec![Party::Person { id: f.father }],
        what: "stays away".into(),
        from: None,
        checked_by: vec![Party::Professional { id: shelter_id }],
        if_broken: "police".into(),
    }));
    assert_eq!(f.plan.validate(&f.hh), Ok(()));
    let father = view_for(&f.plan, &f.hh, &Audience::Adult(f.father)).unwrap();
    assert!(father.agreements[0].content.checked_by.is_empty());
    assert!(father.agreements[0].content.mine);
    let mother = view_for(&f.plan, &f.hh, &Audience::Adult(f.mother)).unwrap();
    assert_eq!(mother.agreements[0].content.checked_by, vec!["ShelterWorker".to_owned()]);
}

#[test]
fn validation_catches_bad_plans() {
    let f = fixture();
    assert_eq!(f.plan.validate(&f.hh), Ok(()));
    let mut p = f.plan.clone();
    for _ in 0..3 {
        p.worries.push(Item::new(Worry { situation: "w".into(), impact: "i".into() }));
    }
    assert_eq!(p.validate(&f.hh), Err(DomainError::Invalid("more than three worries")));
    let mut p = f.plan.clone();
    p.conditions[0].visibility = Visibility::Persons(vec![Uuid::now_v7()]);
    assert_eq!(p.validate(&f.hh), Err(DomainError::Invalid("visibility names an unknown person")));
    let mut p = f.plan.clone();
    p.conditions[0].origin = Origin::ChildDisclosure { child: f.mother };
    assert_eq!(p.validate(&f.hh), Err(DomainError::Invalid("child disclosure of someone who is not a child")));
    let mut p = f.plan.clone();
    p.escape_plan[0].about = None;
    assert_eq!(p.validate(&f.hh), Err(DomainError::Invalid("escape plan item without the person it protects")));
    let mut p = f.plan.clone();
    p.conditions[0].content.text = "x".repeat(MAX_PLAN_TEXT_CHARS + 1);
    assert_eq!(p.validate(&f.hh), Err(DomainError::TooLong("plan text")));
    let mut p = f.plan.clone();
    p.signatories.push(Signatory { party: Party::Professional { id: Uuid::now_v7() } });
    assert_eq!(p.validate(&f.hh), Err(DomainError::Invalid("unknown person or professional")));
}

#[test]
fn versions_are_numbered_and_frozen() {
    let f = fixture();
    let at = Utc.with_ymd_and_hms(2026, 4, 1, 12, 0, 0).unwrap();
    let v1 = freeze(&f.plan, next_version_number(&[]), at);
    assert_eq!(v1.number, 1);
    let mut changed = f.plan.clone();
    changed.conditions.clear();
    let v2 = freeze(&changed, next_version_number(&[v1.clone()]), at);
    assert_eq!(v2.number, 2);
    assert_eq!(v1.plan, f.plan, "a later edit does not touch a frozen version");
    let view = view_of_version(&v2, &f.hh, &Audience::Professional).unwrap();
    assert_eq!((view.version, view.date), (Some(2), NaiveDate::from_ymd_opt(2026, 4, 1).unwrap()));
    let json = serde_json::to_string(&v2).unwrap();
    assert_eq!(serde_json::from_str::<PlanVersion>(&json).unwrap(), v2);
}

#[test]
fn next_evaluation_is_the_first_date_not_past() {
    let mut f = fixture();
    let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    f.plan.evaluation_dates = vec![d(5, 1), d(3, 1), d(4, 1)];
    assert_eq!(f.plan.next_evaluation(d(3, 2)), Some(d(4, 1)));
    assert_eq!(f.plan.next_evaluation(d(4, 1)), Some(d(4, 1)));
    assert_eq!(f.plan.next_evaluation(d(5, 2)), None);
    let view = view_for(&f.plan, &f.hh, &Audience::Professional).unwrap();
    assert_eq!(view.evaluation_dates, vec![d(3, 1), d(4, 1), d(5, 1)]);
}

#[test]
fn visibility_serialises_with_a_kind_tag() {
    let v = Visibility::Persons(vec![Uuid::nil()]);
    let json = serde_json::to_value(&v).unwrap();
    assert_eq!(json["kind"], "persons");
    assert_eq!(serde_json::to_value(Visibility::Everyone).unwrap(), serde_json::json!({"kind": "everyone"}));
}

// ---- property test ------------------------------------------------------------------------------

#[derive(Debug, Clone)]
enum VisSpec {
    Everyone,
    ProfessionalOnly,
    Persons(Vec<usize>),
}

#[derive(Debug, Clone)]
struct ItemSpec {
    section: usize,
    vis: VisSpec,
    about: Option<usize>,
    child_disclosure: Option<usize>,
}

fn item_spec(n: usize) -> impl Strategy<Value = ItemSpec> {
    let vis = prop_oneof![
        Just(VisSpec::Everyone),
        Just(VisSpec::ProfessionalOnly),
        prop::collection::vec(0..n, 0..4).prop_map(VisSpec::Persons),
    ];
    (0..12usize, vis, prop::option::of(0..n), prop::option::of(0..n)).prop_map(|(section, vis, about, cd)| ItemSpec {
        section,
        vis,
        about,
        child_disclosure: cd,
    })
}

fn random_case() -> impl Strategy<Value = (Vec<Role>, Vec<ItemSpec>)> {
    let role = prop::sample::select(vec![
        Role::Parent,
        Role::Partner,
        Role::ExPartner,
        Role::Child,
        Role::OtherFamily,
        Role::Network,
    ]);
    prop::collection::vec(role, 1..7)
        .prop_flat_map(|roles| {
            let n = roles.len();
            (Just(roles), prop::collection::vec(item_spec(n), 0..40))
        })
}

fn build_plan(hh: &Household, specs: &[ItemSpec]) -> SafetyPlan {
    let id = |i: usize| hh.persons[i].id;
    let mut plan = SafetyPlan::new(hh.case.id, Utc::now());
    for s in specs {
        let visibility = match &s.vis {
            VisSpec::Everyone => Visibility::Everyone,
            VisSpec::ProfessionalOnly => Visibility::ProfessionalOnly,
            VisSpec::Persons(ix) => Visibility::Persons(ix.iter().map(|i| id(*i)).collect()),
        };
        let about = s.about.map(id);
        // Only real children can disclose; the generator may point at an adult, then it is no disclosure.
        let origin = match s.child_disclosure {
            Some(i) if hh.persons[i].role == Role::Child => Origin::ChildDisclosure { child: id(i) },
            _ => Origin::Professional,
        };
        let p = about.unwrap_or(id(0));
        macro_rules! add {
            ($field:ident, $content:expr) => {
                plan.$field.push(Item { id: Uuid::now_v7(), visibility, about, origin, content: $content, translations: Vec::new() })
            };
        }
        match s.section {
            0 => add!(worries, Worry { situation: "s".into(), impact: "i".into() }),
            1 => add!(conditions, Note { text: "c".into() }),
            2 => add!(acute_actions, AcuteAction { what: "a".into(), who: vec![], before: None }),
            3 => add!(
                agreements,
                Agreement { who: vec![], what: "w".into(), from: None, checked_by: vec![], if_broken: "b".into() }
            ),
            4 => add!(problems, Problem { person: p, priority: 1, problem: "p".into(), help: "h".into() }),
            5 => add!(recovery, PersonNeed { person: p, need: "n".into(), help: "h".into() }),
            6 => add!(support, PersonNeed { person: p, need: "n".into(), help: "h".into() }),
            7 => add!(network, NetworkTask { member: p, task: "t".into() }),
            8 => add!(
                professionals,
                Professional { name: "n".into(), organisation: "o".into(), role: "r".into(), contact: "c".into() }
            ),
            9 => add!(
                measures,
                Measure { kind: MeasureKind::Ots, status: MeasureStatus::Considered, details: "d".into(), until: None }
            ),
            10 => add!(signals, Signal { signal: "s".into(), action: "a".into() }),
            _ => add!(escape_plan, EscapeStep { kind: EscapeKind::WhoToCall, text: "e".into() }),
        }
    }
    plan
}

proptest! {
    #[test]
    fn filter_never_leaks((roles, specs) in random_case()) {
        let hh = household(&roles);
        let plan = build_plan(&hh, &specs);
        let metas = plan.item_metas();
        let mut all: Vec<Uuid> = metas.iter().map(|m| m.id).collect();
        all.sort();

        let mut pro = view_for(&plan, &hh, &Audience::Professional).unwrap().item_ids();
        pro.sort();
        prop_assert_eq!(pro, all);

        for person in &hh.persons {
            let audience = Audience::for_person(person);
            let view = view_for(&plan, &hh, &audience).unwrap();
            let shown = view.item_ids();
            // The reader's language changes words, never what they may read (issue 15.3).
            for language in crate::PlanLanguage::ALL {
                let mut in_language = hh.clone();
                in_language.persons.iter_mut().for_each(|p| p.language = language);
                let other = view_for(&plan, &in_language, &audience).unwrap();
                prop_assert_eq!(other.language, language);
                prop_assert_eq!(other.item_ids(), shown.clone(), "{:?} in {:?}", audience, language);
            }
            for m in &metas {
                let visible = shown.contains(&m.id);
                let listed = matches!(m.visibility, Visibility::Persons(l) if l.contains(&person.id));
                if *m.visibility == Visibility::ProfessionalOnly {
                    prop_assert!(!visible, "professional-only item reached {:?}", audience);
                }
                if m.section == Section::EscapePlan && visible {
                    // Only the protected person, and only if the visibility names them or says everyone.
                    prop_assert_eq!(m.about, Some(person.id), "escape plan reached {:?}", audience);
                    prop_assert!(listed || *m.visibility == Visibility::Everyone, "escape plan reached {:?}", audience);
                }
                if m.section == Section::Network && matches!(audience, Audience::Network(_)) && visible {
                    prop_assert!(listed || m.member == Some(person.id), "another member's task reached {:?}", audience);
                }
                if let Origin::ChildDisclosure { child } = m.origin {
                    if visible {
                        prop_assert_eq!(audience, Audience::Child(child), "child disclosure leaked");
                    }
                }
                // And the filter is not simply empty: a listed reader gets the item unless a hard rule says no.
                let blocked = matches!(m.origin, Origin::ChildDisclosure { child } if child != person.id)
                    || (m.section == Section::EscapePlan && m.about != Some(person.id));
                if listed && !blocked {
                    prop_assert!(visible, "listed reader {:?} missed an item", audience);
                }
            }
        }
    }
}

#[test]
fn only_the_professional_version_carries_the_family_picture() {
    let f = fixture();
    let picture = crate::picture::FamilyPicture {
        nodes: vec![crate::picture::PictureNode {
            person: f.mother,
            role: Role::Parent,
            row: crate::picture::PictureRow::Adults,
            lives_in_household: true,
            year_of_birth: None,
        }],
        couples: vec![],
        parent_links: vec![],
        siblings: vec![],
        arrows: vec![],
    };
    let drawn = PictureView::new(&picture, &f.hh, |b| b.to_owned());
    assert_eq!(drawn.persons[0].symbol, "unknown");
    for (audience, expected) in [
        (Audience::Professional, true),
        (Audience::Adult(f.mother), false),
        (Audience::Adult(f.father), false),
        (Audience::Child(f.child), false),
        (Audience::Network(f.grandpa), false),
    ] {
        let view = view_for(&f.plan, &f.hh, &audience).unwrap().with_picture(drawn.clone());
        assert_eq!(view.picture.is_some(), expected, "{audience:?}");
    }
}

// ---- the reader's language (issue 15.3) ---------------------------------------------------------

fn with_language(mut hh: Household, person: Uuid, language: crate::PlanLanguage) -> Household {
    hh.persons.iter_mut().filter(|p| p.id == person).for_each(|p| p.language = language);
    hh
}

#[test]
fn a_version_is_in_its_readers_language_and_the_professionals_in_dutch() {
    let f = fixture();
    let hh = with_language(with_language(f.hh.clone(), f.mother, crate::PlanLanguage::Ar), f.child, crate::PlanLanguage::Uk);
    assert_eq!(view_for(&f.plan, &hh, &Audience::Adult(f.mother)).unwrap().language, crate::PlanLanguage::Ar);
    assert_eq!(view_for(&f.plan, &hh, &Audience::Child(f.child)).unwrap().language, crate::PlanLanguage::Uk);
    assert_eq!(view_for(&f.plan, &hh, &Audience::Adult(f.father)).unwrap().language, crate::PlanLanguage::Nl);
    assert_eq!(view_for(&f.plan, &hh, &Audience::Professional).unwrap().language, crate::PlanLanguage::Nl);
}

#[test]
fn free_text_is_translated_where_a_translation_was_entered_and_marked_elsewhere() {
    let mut f = fixture();
    f.plan.worries[0] = f.plan.worries[0].clone().translated(crate::PlanLanguage::Tr, "ortak endişe");
    f.plan.conditions[0] = f.plan.conditions[0].clone().translated(crate::PlanLanguage::Tr, "   ");
    let view = |language| {
        let hh = with_language(f.hh.clone(), f.mother, language);
        view_for(&f.plan, &hh, &Audience::Adult(f.mother)).unwrap()
    };
    let tr = view(crate::PlanLanguage::Tr);
    assert_eq!(tr.worries[0].text, ItemText::Translated);
    assert_eq!((tr.worries[0].content.situation.as_str(), tr.worries[0].content.impact.as_str()), ("ortak endişe", ""));
    // A blank translation counts as none: the text as written, marked.
    assert_eq!(tr.conditions[0].text, ItemText::Untranslated);
    assert_eq!(tr.conditions[0].content.text, "no violence");
    // Another language: the worry as written, marked; an item without free text is not marked.
    let pl = view(crate::PlanLanguage::Pl);
    assert_eq!(pl.worries[0].text, ItemText::Untranslated);
    assert_eq!(pl.worries[0].content.situation, "shared worry");
    let measure = pl.measures.iter().find(|m| m.content.details.is_empty()).unwrap();
    assert_eq!(measure.text, ItemText::Source);
    // Dutch: the source, whatever translations there are.
    let nl = view(crate::PlanLanguage::Nl);
    assert_eq!(nl.worries[0].text, ItemText::Source);
    assert_eq!(nl.worries[0].content.situation, "shared worry");
    // The professional's version stays Dutch and as written.
    let pro = view_for(&f.plan, &f.hh, &Audience::Professional).unwrap();
    assert_eq!(pro.worries[0].content.situation, "shared worry");
}

#[test]
fn translations_are_checked() {
    let f = fixture();
    let check = |t: Vec<ItemTranslation>| {
        let mut plan = f.plan.clone();
        plan.conditions[0].translations = t;
        plan.validate(&f.hh)
    };
    let t = |language, text: &str| ItemTranslation { language, text: text.into() };
    assert!(check(vec![t(crate::PlanLanguage::En, "no violence"), t(crate::PlanLanguage::Ar, "لا عنف")]).is_ok());
    assert!(check(vec![t(crate::PlanLanguage::En, "")]).is_ok(), "an emptied field is no translation");
    assert!(check(vec![t(crate::PlanLanguage::Nl, "geen geweld")]).is_err(), "Dutch is the source");
    assert!(check(vec![t(crate::PlanLanguage::En, "a"), t(crate::PlanLanguage::En, "b")]).is_err());
    assert!(check(vec![t(crate::PlanLanguage::Pl, &"x".repeat(MAX_TRANSLATION_CHARS + 1))]).is_err());
}

/// Whatever the languages, the escape plan never reaches the person in plegerpositie and a child's
/// disclosure never reaches a parent — also when the hidden items carry a translation into their language.
#[test]
fn redaction_holds_in_every_language() {
    let mut f = fixture();
    for language in [crate::PlanLanguage::En, crate::PlanLanguage::Tr, crate::PlanLanguage::Ar, crate::PlanLanguage::Pl, crate::PlanLanguage::Uk] {
        f.plan.escape_plan[0] = f.plan.escape_plan[0].clone().translated(language, "adres vertaald");
        f.plan.support[0] = f.plan.support[0].clone().translated(language, "wat het kind vertelde, vertaald");
    }
    for language in crate::PlanLanguage::ALL {
        let mut hh = f.hh.clone();
        hh.persons.iter_mut().for_each(|p| p.language = language);
        let father = view_for(&f.plan, &hh, &Audience::Adult(f.father)).unwrap();
        assert!(father.escape_plan.is_empty(), "{language:?}");
        for parent in [f.mother, f.father] {
            let v = view_for(&f.plan, &hh, &Audience::Adult(parent)).unwrap();
            assert!(!v.item_ids().contains(&f.plan.support[0].id), "{language:?}");
        }
        let sibling = view_for(&f.plan, &hh, &Audience::Child(f.sibling)).unwrap();
        assert!(!sibling.item_ids().contains(&f.plan.support[0].id), "{language:?}");
        let mother = view_for(&f.plan, &hh, &Audience::Adult(f.mother)).unwrap();
        assert_eq!(mother.escape_plan.len(), 1, "{language:?}");
    }
}

/// Handover files and stored plans written before issue 15.3 have no language and no translations: they
/// read as Dutch and untranslated.
#[test]
fn older_json_without_language_or_translations_still_reads() {
    let f = fixture();
    let mut person = serde_json::to_value(&f.hh.persons[0]).unwrap();
    person.as_object_mut().unwrap().remove("language");
    let person: Person = serde_json::from_value(person).unwrap();
    assert_eq!(person.language, crate::PlanLanguage::Nl);
    let mut item = serde_json::to_value(&f.plan.conditions[0]).unwrap();
    item.as_object_mut().unwrap().remove("translations");
    let item: Item<Note> = serde_json::from_value(item).unwrap();
    assert!(item.translations.is_empty());
}

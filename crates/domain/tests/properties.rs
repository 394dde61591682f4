//! Property tests: safety-first monotonicity and determinism of the analysis.

use chrono::NaiveDate;
use domain::analysis::*;
use domain::fixture::{self, Builder};
use domain::*;
use proptest::prelude::*;
use uuid::Uuid;

#[derive(Debug, Clone)]
struct RecordSpec {
    actor: usize,
    target: usize,
    behaviour: usize,
    stance: u8,
    freq: usize,
    source: usize,
    first_day: Option<u16>,
    tags: u8,
}

fn record_spec() -> impl Strategy<Value = RecordSpec> {
    (0..5usize, 0..5usize, 0..64usize, 0..4u8, 0..7usize, 0..5usize, proptest::option::of(0..1500u16), any::<u8>())
        .prop_map(|(actor, target, behaviour, stance, freq, source, first_day, tags)| RecordSpec { actor, target, behaviour, stance, freq, source, first_day, tags })
}

fn answer_spec() -> impl Strategy<Value = (usize, usize, bool)> {
    (0..5usize, 0..64usize, any::<bool>())
}

/// Persons: 0 and 1 partners, 2 and 3 children, 4 a grandparent.
fn build(records: &[RecordSpec], answers: &[(usize, usize, bool)], separated: bool) -> (Builder, Vec<Uuid>) {
    let cat = fixture::catalogue();
    let mut b = Builder::new();
    let a = b.person(Role::Parent, "A", Some(1985));
    let p = b.person(if separated { Role::ExPartner } else { Role::Parent }, "B", Some(1986));
    let kind = if separated { RelationKind::ExPartnerOf { separation_date: NaiveDate::from_ymd_opt(2025, 12, 1) } } else { RelationKind::PartnerOf };
    b.relate(a, p, kind);
    let c1 = b.person(Role::Child, "C", Some(2014));
    let c2 = b.person(Role::Child, "D", Some(2019));
    let g = b.person(Role::Network, "Oma", Some(1955));
    let persons = vec![a, p, c1, c2, g];
    for pp in &persons[..4] {
        b.conversation(&[*pp]);
    }
    let questions: Vec<String> = cat.question_feeds.keys().cloned().collect();
    for r in records {
        if r.actor == r.target {
            continue;
        }
        let def = &cat.items[r.behaviour % cat.items.len()];
        let stance = match r.stance {
            0 => Stance::Denied,
            1 => Stance::Unknown,
            _ => Stance::Reported { frequency: Frequency::ALL[r.freq] },
        };
        let tags = r.tags;
        let first = r.first_day.map(|d| NaiveDate::from_ymd_opt(2022, 1, 1).unwrap() + chrono::Days::new(d as u64));
        let child = persons[2 + (tags as usize % 2)];
        b.record_with(persons[r.actor], persons[r.target], &def.id, stance, persons[r.source], |rec| {
            rec.first_occurrence = first;
            if tags & 4 != 0 {
                rec.context.push(ContextTag::DuringPregnancy);
            }
            if tags & 8 != 0 {
                rec.context.push(ContextTag::AroundSeparation);
            }
            if tags & 16 != 0 {
                rec.impact.push(ImpactTag::FearForLife);
            }
            if tags & 32 != 0 {
                rec.impact.push(ImpactTag::Fear);
            }
            if tags & 64 != 0 {
                rec.children_exposed.push(ChildExposure { child, how: vec![Exposure::Heard] });
            }
            if tags & 128 != 0 {
                rec.children_exposed.push(ChildExposure { child, how: vec![Exposure::HurtIntervening] });
            }
        });
    }
    for (who, q, yes) in answers {
        let v = if *yes { YesNoUnknown::Yes } else { YesNoUnknown::No };
        b.answer(persons[*who], &questions[q % questions.len()], AnswerValue::YesNoUnknown { value: v });
    }
    (b, persons)
}

fn today() -> NaiveDate {
    fixture::today()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn adding_an_ernstig_record_never_lowers_severity(
        records in proptest::collection::vec(record_spec(), 0..25),
        answers in proptest::collection::vec(answer_spec(), 0..10),
        separated in any::<bool>(),
        extra in (0..5usize, 0..5usize, 0..7usize, 0..5usize),
    ) {
        let cat = fixture::catalogue();
        let (mut b, persons) = build(&records, &answers, separated);
        let before = analyse(&b.build(), &cat, today());
        let ernstig: Vec<&BehaviourDef> = cat.items.iter().filter(|d| d.weight == Weight::Ernstig).collect();
        let (actor, target, freq, beh) = extra;
        prop_assume!(actor != target);
        let def = ernstig[beh % ernstig.len()];
        b.reported(persons[actor], persons[target], &def.id, Frequency::ALL[freq], persons[target]);
        let after = analyse(&b.build(), &cat, today());
        prop_assert!(after.severity.category >= before.severity.category);
        prop_assert!(after.severity.p >= before.severity.p);
    }

    #[test]
    fn removing_a_source_never_adds_a_red_flag(
        records in proptest::collection::vec(record_spec(), 0..25),
        answers in proptest::collection::vec(answer_spec(), 0..10),
        separated in any::<bool>(),
        removed in 0..5usize,
    ) {
        let cat = fixture::catalogue();
        let (b, persons) = build(&records, &answers, separated);
        let full = b.build();
        let before: Vec<RedFlag> = analyse(&full, &cat, today()).red_flags.iter().map(|f| f.flag).collect();
        let mut less = full.clone();
        less.records.retain(|r| r.source_person != persons[removed]);
        less.answers.retain(|a| a.source_person != persons[removed]);
        let after: Vec<RedFlag> = analyse(&less, &cat, today()).red_flags.iter().map(|f| f.flag).collect();
        for f in &after {
            prop_assert!(before.contains(f), "{f:?} appeared after removing a source");
        }
    }

    #[test]
    fn the_analysis_is_deterministic_and_order_independent(
        records in proptest::collection::vec(record_spec(), 0..25),
        answers in proptest::collection::vec(answer_spec(), 0..10),
        separated in any::<bool>(),
    ) {
        let cat = fixture::catalogue();
        let (b, _) = build(&records, &answers, separated);
        let s = b.build();
        let first = analyse(&s, &cat, today());
        prop_assert_eq!(&first, &analyse(&s, &cat, today()));
        let mut reversed = s.clone();
        reversed.records.reverse();
        reversed.answers.reverse();
        reversed.conversations.reverse();
        reversed.household.persons.reverse();
        prop_assert_eq!(&first, &analyse(&reversed, &cat, today()));
    }
}

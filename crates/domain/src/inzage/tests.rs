use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::fixture::ids::*;
use crate::fixture::inzage_markers as M;
use crate::fixture::{self, Builder, InzageFamily, gezin_jansen_inzage};
use crate::{Frequency, Visibility as V};

fn local(t: DateTime<Utc>) -> NaiveDate {
    t.date_naive()
}

fn review(f: &InzageFamily, person: Uuid) -> InzageReview {
    let src = InzageSources { snapshot: &f.snapshot, notes: &f.notes, plan: Some(&f.plan) };
    inzage_for(&src, person, fixture::today(), &IdsOnly, local).expect("inzage")
}

fn check(name: &str, view: &InzageView, must: &[&[&str]], must_not: &[&[&str]]) {
    let text = serde_json::to_string(view).expect("serialises");
    for m in must.concat() {
        assert!(text.contains(m), "{name}: missing {m}");
    }
    for m in must_not.concat() {
        assert!(!text.contains(m), "{name}: leaked {m}");
    }
}

fn counts(r: &InzageReview) -> Vec<(WithheldKind, u32)> {
    r.withheld.iter().map(|c| (c.kind, c.count)).collect()
}

#[test]
fn each_person_gets_what_they_said_and_what_is_about_them_and_nothing_confidential_to_others() {
    let f = gezin_jansen_inzage();
    let nobody = M::NOBODY;
    check("mark", &review(&f, MARK).view, &[M::MARK, M::SHARED], &[M::SANNE, M::DAAN, M::LOTTE_OPEN, M::LOTTE_CONFIDENTIAL, nobody]);
    check("sanne", &review(&f, SANNE).view, &[M::SANNE, M::SHARED], &[M::MARK, M::DAAN, M::LOTTE_OPEN, M::LOTTE_CONFIDENTIAL, nobody]);
    // Daan (13) asks himself: his own disclosures are his.
    check("daan", &review(&f, DAAN).view, &[M::DAAN, M::SHARED], &[M::MARK, M::SANNE, M::LOTTE_OPEN, M::LOTTE_CONFIDENTIAL, nobody]);
    // Lotte (6): a parent reads it; only what anyone may read, and she was not there when it was pushed.
    check(
        "lotte",
        &review(&f, LOTTE).view,
        &[M::LOTTE_OPEN, &["ZQPLANSHARED"]],
        &[M::LOTTE_CONFIDENTIAL, M::MARK, M::SANNE, M::DAAN, nobody, &["ZQPUSHSHARED"]],
    );
}

#[test]
fn the_professional_sees_how_much_was_left_out_and_of_which_kind() {
    use WithheldKind::*;
    let f = gezin_jansen_inzage();
    // Mark: the strangling and the isolation (told in confidence, the second in a confidential answer),
    // two of Daan's accounts, a confidential note, a professional-only worry about him.
    assert_eq!(counts(&review(&f, MARK)), vec![(OthersConfidences, 2), (ChildDisclosures, 2), (PlanItemsForOthers, 1), (ConfidentialNotes, 1)]);
    // Sanne: Mark's confidential account of her insulting him; Daan's account of the pushing.
    assert_eq!(counts(&review(&f, SANNE)), vec![(OthersConfidences, 1), (ChildDisclosures, 1)]);
    assert_eq!(counts(&review(&f, DAAN)), vec![(ConfidentialNotes, 1)]);
    // Lotte: her confidential answer, her conversation's closing notes, her own plan item.
    assert_eq!(counts(&review(&f, LOTTE)), vec![(OwnConfidencesUnder12, 3)]);
}

#[test]
fn the_grounds_on_the_cover_never_depend_on_what_was_left_out() {
    let f = gezin_jansen_inzage();
    let mut empty = f.clone();
    empty.snapshot.records.clear();
    empty.snapshot.answers.clear();
    empty.notes.clear();
    let adult = review(&f, MARK).view.withheld_grounds;
    assert_eq!(adult, review(&f, SANNE).view.withheld_grounds);
    assert_eq!(adult, review(&empty, MARK).view.withheld_grounds, "nothing left out, the same words");
    assert_eq!(adult, review(&f, DAAN).view.withheld_grounds, "a child of 12 or older as an adult");
    let young = review(&f, LOTTE).view;
    assert!(young.for_parents_of_young_child);
    assert_eq!(young.withheld_grounds.last(), Some(&WithheldKind::OwnConfidencesUnder12));
    assert_eq!(young.withheld_grounds, review(&empty, LOTTE).view.withheld_grounds);
    assert!(!review(&f, DAAN).view.for_parents_of_young_child);
}

/// The record rule, one case per row: who reads, who told it, its mark, the mark of the answer it was
/// made in → in the inzage, or the kind it is counted as.
#[test]
fn record_rule_table() {
    #[derive(Clone, Copy, Debug)]
    enum Who {
        ReaderAdult,
        OtherAdult,
        Teen,
        YoungChild,
    }
    use WithheldKind::*;
    use Who::*;
    // (reader, reader's part, source, record mark, answer mark (None: not made in an answer), expected)
    type Row = (Who, RecordPart, Who, fn(&[Uuid; 4]) -> V, Option<fn(&[Uuid; 4]) -> V>, Option<WithheldKind>);
    let everyone: fn(&[Uuid; 4]) -> V = |_| V::Everyone;
    let pro: fn(&[Uuid; 4]) -> V = |_| V::ProfessionalOnly;
    let named_reader_adult: fn(&[Uuid; 4]) -> V = |p| V::NamedPersons { persons: vec![p[0]] };
    let named_other_adult: fn(&[Uuid; 4]) -> V = |p| V::NamedPersons { persons: vec![p[1]] };
    let named_young: fn(&[Uuid; 4]) -> V = |p| V::NamedPersons { persons: vec![p[3]] };
    let rows: Vec<Row> = vec![
        // Their own statement, whatever its mark.
        (ReaderAdult, RecordPart::Source, ReaderAdult, pro, None, None),
        (ReaderAdult, RecordPart::Source, ReaderAdult, pro, Some(pro), None),
        (Teen, RecordPart::Source, Teen, pro, None, None),
        // Another adult's statement: its mark decides, and the answer it was made in.
        (ReaderAdult, RecordPart::Actor, OtherAdult, everyone, None, None),
        (ReaderAdult, RecordPart::Actor, OtherAdult, pro, None, Some(OthersConfidences)),
        (ReaderAdult, RecordPart::Actor, OtherAdult, named_other_adult, None, Some(OthersConfidences)),
        (ReaderAdult, RecordPart::Actor, OtherAdult, named_reader_adult, None, None),
        (ReaderAdult, RecordPart::Target, OtherAdult, everyone, Some(everyone), None),
        (ReaderAdult, RecordPart::Target, OtherAdult, everyone, Some(named_other_adult), Some(OthersConfidences)),
        (ReaderAdult, RecordPart::Actor, OtherAdult, everyone, Some(pro), Some(OthersConfidences)),
        // A child's statement reaches nobody else, whatever its mark.
        (ReaderAdult, RecordPart::Actor, Teen, everyone, None, Some(ChildDisclosures)),
        (ReaderAdult, RecordPart::Target, YoungChild, everyone, Some(everyone), Some(ChildDisclosures)),
        (Teen, RecordPart::Exposed, YoungChild, everyone, None, Some(ChildDisclosures)),
        // A young child's export is read by a parent: only what everyone may read.
        (YoungChild, RecordPart::Exposed, OtherAdult, everyone, None, None),
        (YoungChild, RecordPart::Exposed, OtherAdult, named_young, None, Some(OthersConfidences)),
        (YoungChild, RecordPart::Source, YoungChild, pro, None, Some(OwnConfidencesUnder12)),
        (YoungChild, RecordPart::Source, YoungChild, pro, Some(everyone), Some(OwnConfidencesUnder12)),
        (YoungChild, RecordPart::Source, YoungChild, named_young, None, Some(OwnConfidencesUnder12)),
        (YoungChild, RecordPart::Source, YoungChild, everyone, None, None),
        (Teen, RecordPart::Target, OtherAdult, pro, None, Some(OthersConfidences)),
    ];
    for (i, (reader, part, source, mark, answer_mark, expected)) in rows.into_iter().enumerate() {
        let mut b = Builder::new();
        let (a, o) = b.couple();
        let teen = b.person(Role::Child, "T", Some(2010));
        let young = b.person(Role::Child, "Y", Some(2020));
        let ids = [a, o, teen, young];
        let id = |w: Who| match w {
            ReaderAdult => a,
            OtherAdult => o,
            Teen => teen,
            YoungChild => young,
        };
        let (reader, source) = (id(reader), id(source));
        b.conversation(&[source]);
        // Actor and target: the reader where the part says so, else two others of the family.
        let others: Vec<Uuid> = ids.iter().copied().filter(|p| *p != reader).collect();
        let (actor, target) = match part {
            RecordPart::Actor => (reader, others[0]),
            RecordPart::Target => (others[0], reader),
            RecordPart::Source | RecordPart::Exposed => (others[0], others[1]),
        };
        let record = b.record_with(actor, target, "fys.duwen", Stance::Reported { frequency: Frequency::Once }, source, |r| {
            r.confidential = mark(&ids);
            if part == RecordPart::Exposed {
                r.children_exposed = vec![crate::ChildExposure { child: reader, how: vec![Exposure::Saw] }];
            }
        });
        if let Some(answer_mark) = answer_mark {
            b.answer(source, "vol.gedrag.overzicht", AnswerValue::BehaviourRecords { records: vec![record] });
            b.snapshot.answers.last_mut().expect("answer").confidential = answer_mark(&ids);
        }
        let snapshot = b.build();
        let r = inzage_for(&InzageSources { snapshot: &snapshot, notes: &[], plan: None }, reader, fixture::today(), &IdsOnly, local)
            .expect("inzage");
        let shown = r.view.records.iter().any(|x| x.id == record);
        let counted: Vec<WithheldKind> = r.withheld.iter().filter(|c| c.count > 0).map(|c| c.kind).collect();
        match expected {
            None => assert!(shown && counted.is_empty(), "row {i}: expected shown, got {counted:?}"),
            Some(kind) => assert!(!shown && counted == vec![kind], "row {i}: expected {kind:?}, shown {shown}, counted {counted:?}"),
        }
        // An answer names only records that are shown.
        for a in &r.view.answers {
            if let AnswerValue::BehaviourRecords { records } = &a.value {
                assert!(records.iter().all(|id| r.view.records.iter().any(|x| x.id == *id)), "row {i}: answer names a record left out");
            }
        }
        if shown {
            let parts = &r.view.records[0].parts;
            assert!(parts.contains(&part), "row {i}: {parts:?}");
        }
    }
}

#[test]
fn a_child_asks_itself_from_the_year_it_is_certainly_twelve() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
    let table = [
        (None, d(2026, 6, 1), false),
        (Some(2014), d(2026, 12, 31), false),
        (Some(2013), d(2026, 1, 1), true),
        (Some(2015), d(2026, 6, 1), false),
        (Some(2000), d(2026, 6, 1), true),
    ];
    for (yob, date, own) in table {
        assert_eq!(certainly_own_access(yob, date), own, "{yob:?} on {date}");
    }
}

#[test]
fn answers_that_hold_nothing_said_are_not_statements() {
    let words = |w: &str| w.to_owned();
    let table = [
        (AnswerValue::NotAsked, words(""), false),
        (AnswerValue::NotAsked, words("Wil er nu niet over praten"), true),
        (AnswerValue::Unanswered, words(" "), false),
        (AnswerValue::Unanswered, words("Soms"), true),
        (AnswerValue::Text { text: " ".into() }, words(""), false),
        (AnswerValue::Text { text: "Ja".into() }, words(""), true),
        (AnswerValue::AskedNothingReported, words(""), true),
        (AnswerValue::YesNoUnknown { value: crate::YesNoUnknown::Unknown }, words(""), true),
        (AnswerValue::Scale { value: 3 }, words(""), true),
    ];
    for (value, words, said) in table {
        assert_eq!(said_something(&value, &words), said, "{value:?} {words:?}");
    }
}

#[test]
fn notes_about_the_person_and_joint_conversations() {
    let mut b = Builder::new();
    let (a, o) = b.couple();
    let alone = b.conversation(&[a]);
    let joint = b.conversation(&[a, o]);
    for c in &mut b.snapshot.conversations {
        c.notes = if c.id == alone { "alleen ZQALONE".into() } else { "samen ZQJOINT".into() };
    }
    let snapshot = b.build();
    let note = |n: u128, person: Option<Uuid>, conversation: Option<Uuid>, confidential: bool, trashed: bool| crate::notes::Note {
        id: Uuid::from_u128(n),
        case_id: snapshot.household.case.id,
        person_id: person,
        conversation_id: conversation,
        date: fixture::today(),
        title: format!("ZQTITLE{n}"),
        text: format!("ZQTEXT{n}"),
        tags: vec![],
        confidential,
        created_at: DateTime::UNIX_EPOCH,
        updated_at: DateTime::UNIX_EPOCH,
        deleted_at: trashed.then_some(DateTime::UNIX_EPOCH),
    };
    // (note, in a's inzage)
    let table = [
        (note(1, Some(a), None, false, false), true),
        (note(2, Some(a), None, true, false), false),
        (note(3, Some(a), None, false, true), false),
        (note(4, Some(o), None, false, false), false),
        (note(5, None, Some(alone), false, false), true),
        (note(6, None, Some(joint), false, false), false),
        (note(7, Some(a), Some(joint), false, false), true),
        (note(8, None, None, false, false), false),
    ];
    let notes: Vec<_> = table.iter().map(|(n, _)| n.clone()).collect();
    let r = inzage_for(&InzageSources { snapshot: &snapshot, notes: &notes, plan: None }, a, fixture::today(), &IdsOnly, local)
        .expect("inzage");
    for (n, shown) in &table {
        assert_eq!(r.view.notes.iter().any(|x| x.id == n.id), *shown, "note {}", n.id);
    }
    let text = serde_json::to_string(&r.view).expect("json");
    assert!(text.contains("ZQALONE") && !text.contains("ZQJOINT"), "closing notes: alone yes, joint no");
    // The confidential note and the joint conversation's closing notes.
    assert_eq!(counts(&r), vec![(WithheldKind::ConfidentialNotes, 2)]);
}

#[test]
fn without_a_saved_plan_there_is_no_plan_part() {
    let f = gezin_jansen_inzage();
    let src = InzageSources { snapshot: &f.snapshot, notes: &f.notes, plan: None };
    let r = inzage_for(&src, MARK, fixture::today(), &IdsOnly, local).expect("inzage");
    assert!(r.view.plan.is_none());
    assert!(!counts(&r).iter().any(|(k, _)| *k == WithheldKind::PlanItemsForOthers));
}

#[test]
fn a_person_of_another_case_has_no_inzage_here() {
    let f = gezin_jansen_inzage();
    let src = InzageSources { snapshot: &f.snapshot, notes: &f.notes, plan: Some(&f.plan) };
    assert!(inzage_for(&src, Uuid::from_u128(42), fixture::today(), &IdsOnly, local).is_err());
}

/// The JSON is read by other software: its top-level field names and schema are fixed.
#[test]
fn the_json_has_stable_field_names_and_a_schema_version() {
    let f = gezin_jansen_inzage();
    let view = review(&f, SANNE).view;
    let json = serde_json::to_value(&view).expect("json");
    let keys: Vec<&str> = json.as_object().expect("object").keys().map(String::as_str).collect();
    let mut expected = vec![
        "schema", "schema_version", "date", "case_label", "person", "for_parents_of_young_child", "relations",
        "conversations", "answers", "records", "notes", "plan", "withheld_grounds", "corrections",
    ];
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    expected.sort_unstable();
    assert_eq!(sorted, expected);
    assert_eq!(json["schema"], INZAGE_SCHEMA);
    assert_eq!(json["schema_version"], INZAGE_SCHEMA_VERSION);
    assert_eq!(json["corrections"], serde_json::json!([]));
    // The professional's counts are not part of it.
    assert!(!serde_json::to_string(&view).expect("json").contains("\"count\""));
    let back: InzageView = serde_json::from_value(json).expect("reads back");
    assert_eq!(back, view);
    // The grounds' names, as other software reads them.
    let grounds = serde_json::to_value(review(&f, LOTTE).view.withheld_grounds).expect("json");
    assert_eq!(
        grounds,
        serde_json::json!(["others_confidences", "child_disclosures", "plan_items_for_others", "confidential_notes", "own_confidences_under_12"])
    );
}

/// A network person reads the plan as the network version has it, and nothing anyone told.
#[test]
fn a_network_person_gets_the_network_version_of_the_plan_and_no_statements_of_others() {
    let mut f = gezin_jansen_inzage();
    let oma = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0109);
    let mut person = f.snapshot.household.persons[0].clone();
    person.id = oma;
    person.role = Role::Network;
    person.name = "Oma".into();
    person.notes = String::new();
    f.snapshot.household.persons.push(person);
    let r = review(&f, oma);
    assert_eq!(r.view.plan.as_ref().map(|p| p.audience), Some(crate::plan::AudienceKind::Network));
    check("oma", &r.view, &[&["ZQPLANSHARED"]], &[M::MARK, M::SANNE, M::DAAN, M::LOTTE_OPEN, M::LOTTE_CONFIDENTIAL, M::NOBODY]);
    assert!(r.withheld.is_empty());
    assert!(r.view.answers.is_empty() && r.view.records.is_empty() && r.view.notes.is_empty());
}

//! A participant's work and the trainer's comparison (issue 12, point 4), against the shipped practice
//! cases: a work made from a case's own reference agrees with it on every item; works that differ in
//! known ways show exactly those differences; and every kind of broken or foreign file is refused with
//! its own problem.

use content::Content;
use content::training::practice_cases;
use domain::exercise::{
    self, ImportProblem, ParticipantWork, WorkRecord, WorkStance, WorkVerdict, check_batch, compare, read_work,
};
use domain::training::PracticeCase;
use domain::{Frequency, MeldcodeAnswer, RedFlag};

/// What a participant who saw everything the reference sees would export.
fn perfect_work(case: &PracticeCase, group: &str) -> ParticipantWork {
    let content = Content::embedded();
    exercise::reference_work(case, &content.guides, &content.catalogue(), &content.meldcode, group).expect("valid case")
}

fn meidoorn() -> PracticeCase {
    practice_cases().into_iter().find(|c| c.id == "oefen.meidoorn").expect("shipped")
}

#[test]
fn a_work_made_from_the_reference_agrees_with_it_on_every_item() {
    let content = Content::embedded();
    for case in practice_cases() {
        let w = perfect_work(&case, "Groep 1");
        let c = compare(&case, &[w], &content.catalogue());
        assert_eq!(c.agreement.percent, 100, "{}: {:#?}", case.id, c);
        assert_eq!(c.groups[0].extra_records, 0, "{}", case.id);
        assert!(c.records.iter().all(|r| r.found == [true]), "{}", case.id);
        assert!(c.red_flags.iter().all(|f| f.in_reference && f.spotted == [true]), "{}", case.id);
        assert_eq!(c.records.len(), case.reference.records.len());
        assert_eq!(c.meldcode.len(), 5, "{}: five weighing questions", case.id);
        assert_eq!(c.top3.reference.len(), 3);
    }
}

#[test]
fn the_comparison_shows_each_groups_differences_from_the_reference() {
    let content = Content::embedded();
    let case = meidoorn();
    let good = perfect_work(&case, "Groep A");
    assert!(!case.reference.red_flags.is_empty(), "the meidoorn case has red flags");

    // B: missed the first reference record, rejected the first red flag, changed the severity.
    let mut b = perfect_work(&case, "Groep B");
    let first = &case.reference.records[0];
    b.records.retain(|r| !(r.actor == first.actor && r.target == first.target && r.behaviour == first.behaviour && r.source == first.source));
    let flag = case.reference.red_flags[0].flag;
    b.red_flags.iter_mut().filter(|f| f.flag == flag).for_each(|f| f.verdict = WorkVerdict::Rejected);
    b.severity.verdict = WorkVerdict::Changed { to: "licht, het was maar een keer".into() };

    // C: an extra record, another answer to weighing question 2, no Meldcode answer 5.
    let mut c = perfect_work(&case, "Groep C");
    c.records.push(WorkRecord {
        actor: first.target.clone(),
        target: first.actor.clone(),
        behaviour: "fys.duwen".into(),
        source: first.actor.clone(),
        stance: WorkStance::Reported,
        frequency: Some(Frequency::Once),
    });
    let q2 = case.reference.meldcode.answers.iter().find(|a| a.question == 2).unwrap().answer;
    let other = if q2 == MeldcodeAnswer::Yes { MeldcodeAnswer::No } else { MeldcodeAnswer::Yes };
    c.meldcode.iter_mut().filter(|m| m.question == 2).for_each(|m| m.answer = other);
    c.meldcode.retain(|m| m.question != 5);

    assert!(check_batch(&[], &[good.clone(), b.clone(), c.clone()]).is_empty());
    let cmp = compare(&case, &[good, b, c], &content.catalogue());
    let groups: Vec<&str> = cmp.groups.iter().map(|g| g.group.as_str()).collect();
    assert_eq!(groups, ["Groep A", "Groep B", "Groep C"]);

    let row = cmp.records.iter().find(|r| r.id == first.id).unwrap();
    assert_eq!(row.found, [true, false, true]);
    assert_eq!((row.agreement.agreed, row.agreement.of, row.agreement.percent), (2, 3, 67));
    let flag_row = cmp.red_flags.iter().find(|f| f.flag == flag).unwrap();
    assert_eq!(flag_row.spotted, [true, false, true]);
    assert_eq!(cmp.severity.choices.iter().map(|x| x.agrees).collect::<Vec<_>>(), [true, false, true]);
    assert_eq!(cmp.severity.choices[1].value, None, "a changed severity shows the group's own words");
    assert!(matches!(&cmp.severity.choices[1].verdict, WorkVerdict::Changed { to } if to.starts_with("licht")));
    let q2_row = cmp.meldcode.iter().find(|m| m.question == 2).unwrap();
    assert_eq!(q2_row.answers, [Some(q2), Some(q2), Some(other)]);
    assert_eq!(q2_row.agrees, [true, true, false]);
    let q5_row = cmp.meldcode.iter().find(|m| m.question == 5).unwrap();
    assert_eq!(q5_row.answers[2], None);
    assert_eq!(cmp.groups.iter().map(|g| g.extra_records).collect::<Vec<_>>(), [0, 0, 1]);

    // A agrees on everything; B and C each fewer, by exactly their differences.
    let total = cmp.groups[0].agreement.of;
    assert_eq!(cmp.groups[0].agreement.agreed, total);
    assert_eq!(cmp.groups[1].agreement.agreed, total - 3, "a record, a red flag and the severity");
    assert_eq!(cmp.groups[2].agreement.agreed, total - 2, "two Meldcode answers");
}

fn bytes(w: &ParticipantWork) -> Vec<u8> {
    serde_json::to_vec_pretty(w).unwrap()
}

fn edited(w: &ParticipantWork, edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut v = serde_json::to_value(w).unwrap();
    edit(&mut v);
    serde_json::to_vec(&v).unwrap()
}

#[test]
fn a_participant_file_reads_back_as_it_was_written() {
    let content = Content::embedded();
    for case in practice_cases() {
        let w = perfect_work(&case, "  Groep 4  ");
        let back = read_work(&bytes(&w), &practice_cases(), &content.catalogue()).expect("reads");
        assert_eq!(back.group, "Groep 4");
        assert_eq!(ParticipantWork { group: w.group.trim().to_owned(), ..w }, back);
    }
}

#[test]
fn every_broken_or_foreign_file_is_refused_with_its_own_problem() {
    let content = Content::embedded();
    let cases = practice_cases();
    let w = perfect_work(&meidoorn(), "Groep 1");
    let good = bytes(&w);
    let mut large = good.clone();
    large.resize(exercise::MAX_FILE_BYTES as usize + 1, b' ');
    let table: Vec<(&str, Vec<u8>, ImportProblem)> = vec![
        ("truncated", good[..good.len() / 2].to_vec(), ImportProblem::Truncated),
        ("a PDF", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj".to_vec(), ImportProblem::Unreadable),
        ("empty", Vec::new(), ImportProblem::Truncated),
        ("too large", large, ImportProblem::TooLarge),
        ("another app's JSON", br#"{"name": "iets anders", "version": 1}"#.to_vec(), ImportProblem::Foreign),
        ("a JSON list", b"[1, 2, 3]".to_vec(), ImportProblem::Foreign),
        ("newer format", edited(&w, |v| v["format_version"] = 2.into()), ImportProblem::NewerFormat),
        ("unknown case", edited(&w, |v| v["practice_case_id"] = "oefen.bestaat_niet".into()), ImportProblem::UnknownCase),
        ("other case version", edited(&w, |v| v["practice_case_version"] = 99.into()), ImportProblem::CaseVersion),
        ("unknown behaviour", edited(&w, |v| v["records"][0]["behaviour"] = "fys.bestaat_niet".into()), ImportProblem::Invalid),
        ("unknown person", edited(&w, |v| v["records"][0]["actor"] = "niemand".into()), ImportProblem::Invalid),
        ("an extra field", edited(&w, |v| v["geheim"] = "x".into()), ImportProblem::Invalid),
        ("four worries", edited(&w, |v| v["top3"] = serde_json::json!([{"situation":"a","impact":""},{"situation":"b","impact":""},{"situation":"c","impact":""},{"situation":"d","impact":""}])), ImportProblem::Invalid),
        ("weighing question 6", edited(&w, |v| v["meldcode"][0]["question"] = 6.into()), ImportProblem::Invalid),
        ("no group", edited(&w, |v| v["group"] = "   ".into()), ImportProblem::GroupMissing),
        ("group too long", edited(&w, |v| v["group"] = "g".repeat(61).into()), ImportProblem::Invalid),
    ];
    for (what, file, want) in table {
        assert_eq!(read_work(&file, &cases, &content.catalogue()).map(|_| ()), Err(want), "{what}");
    }
    assert!(read_work(&good, &cases, &content.catalogue()).is_ok());
}

#[test]
fn a_batch_is_refused_for_a_repeated_group_or_another_case() {
    let cases = practice_cases();
    let other = cases.iter().find(|c| c.id != "oefen.meidoorn").unwrap();
    let a = perfect_work(&meidoorn(), "Groep 1");
    let again = perfect_work(&meidoorn(), "groep 1");
    let b = perfect_work(&meidoorn(), "Groep 2");
    let elsewhere = perfect_work(other, "Groep 3");
    assert_eq!(check_batch(&[a.clone()], &[again.clone()]), [(0, ImportProblem::DuplicateGroup)]);
    assert_eq!(check_batch(&[], &[b.clone(), again.clone(), a.clone()]), [(2, ImportProblem::DuplicateGroup)]);
    assert_eq!(check_batch(&[a.clone()], &[b.clone(), elsewhere.clone()]), [(1, ImportProblem::OtherCase)]);
    assert_eq!(check_batch(&[], &[elsewhere, b]), [(1, ImportProblem::OtherCase)]);
    assert!(check_batch(&[a], &[]).is_empty());
}

#[test]
fn a_rejected_or_missing_red_flag_is_missed_and_an_extra_one_is_shown_apart() {
    let content = Content::embedded();
    let case = meidoorn();
    let mut w = perfect_work(&case, "Groep 1");
    let extra = RedFlag::ALL.into_iter().find(|f| case.reference.red_flags.iter().all(|r| r.flag != *f)).unwrap();
    w.red_flags.push(exercise::WorkRedFlag { flag: extra, current: true, verdict: WorkVerdict::Confirmed });
    let c = compare(&case, &[w], &content.catalogue());
    let row = c.red_flags.iter().find(|f| f.flag == extra).unwrap();
    assert!(!row.in_reference);
    assert_eq!(row.spotted, [true]);
    assert_eq!(row.agreement.agreed, 0);
    assert!(c.red_flags.iter().position(|f| f.flag == extra).unwrap() >= case.reference.red_flags.len(), "reference flags first");
}

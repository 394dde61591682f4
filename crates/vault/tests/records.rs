//! Schema 2: conversations, answers, behaviour records (trash), judgements, acute decisions, child
//! pre-checks, Meldcode entries, safety plans, and the case snapshot.

mod common;

use chrono::{NaiveDate, Utc};
use common::*;
use domain::analysis::{AcuteDecision, Judgement, Verdict};
use domain::plan::{Agreement, Item, SafetyPlan};
use domain::{
    Answer, AnswerValue, BehaviourRecord, ChildPrecheck, ConsentStatus, Conversation, Frequency, MeldcodeAnswer,
    MeldcodeEntry, RedFlag, Role, Stance, Visibility,
};
use uuid::Uuid;
use vault::Vault;

struct Family {
    case_id: Uuid,
    mother: Uuid,
    father: Uuid,
    child: Uuid,
}

fn family(v: &Vault) -> Family {
    let c = v.cases().create("Gezin R.").unwrap();
    Family {
        case_id: c.id,
        mother: v.persons().add(c.id, person(Role::Parent, "Rita")).unwrap().id,
        father: v.persons().add(c.id, person(Role::Parent, "Rob")).unwrap().id,
        child: v.persons().add(c.id, person(Role::Child, "Roos")).unwrap().id,
    }
}

fn conversation(f: &Family, with: Uuid) -> Conversation {
    Conversation {
        id: Uuid::now_v7(),
        case_id: f.case_id,
        participants: vec![with],
        joint_reason: None,
        safety_justification: None,
        guide_id: "volwassene".into(),
        guide_version: 3,
        started_at: Utc::now(),
        ended_at: None,
        notes: String::new(),
    }
}

fn answer(conv: &Conversation, q: &str, text: &str) -> Answer {
    Answer {
        id: Uuid::now_v7(),
        conversation_id: conv.id,
        question_id: q.into(),
        source_person: conv.participants[0],
        value: AnswerValue::Text { text: text.into() },
        words: String::new(),
        confidential: Visibility::Everyone,
        updated_at: Utc::now(),
    }
}

fn record(f: &Family, conv: &Conversation, behaviour: &str) -> BehaviourRecord {
    BehaviourRecord {
        id: Uuid::now_v7(),
        case_id: f.case_id,
        actors: vec![f.father],
        targets: vec![f.mother],
        behaviour_id: behaviour.into(),
        stance: Stance::Reported { frequency: Frequency::ThreeToFive },
        first_occurrence: NaiveDate::from_ymd_opt(2025, 1, 1),
        last_occurrence: NaiveDate::from_ymd_opt(2025, 6, 1),
        context: vec![],
        impact: vec![],
        impact_text: "bang".into(),
        children_exposed: vec![],
        source_person: f.mother,
        conversation_id: Some(conv.id),
        question_id: None,
        confidential: Visibility::ProfessionalOnly,
        updated_at: Utc::now(),
    }
}

fn judgement(f: &Family, key: &str, verdict: Verdict) -> Judgement {
    Judgement {
        id: Uuid::now_v7(),
        case_id: f.case_id,
        conclusion_key: key.into(),
        verdict,
        reason: "eigen afweging van de professional".into(),
        hypothesis_at_decision: "veelvuldig_of_ernstig".into(),
        decided_at: Utc::now(),
    }
}

#[test]
fn conversations_and_answers_round_trip_with_guide_version() {
    let dir = tempfile::tempdir().unwrap();
    let (v, _) = new_vault(dir.path());
    let f = family(&v);
    let conv = conversation(&f, f.mother);
    v.conversations().save(&conv).unwrap();
    let mut a = answer(&conv, "vol.stress.schulden", "eerste versie");
    v.answers().save(&a).unwrap();
    // Autosave: the same answer saved again replaces it.
    a.value = AnswerValue::Text { text: "tweede versie".into() };
    v.answers().save(&a).unwrap();
    let b = Answer { value: AnswerValue::Scale { value: 7 }, ..answer(&conv, "kind.veilig", "") };
    v.answers().save(&b).unwrap();
    let bad = Answer { value: AnswerValue::Scale { value: 11 }, ..answer(&conv, "kind.veilig", "") };
    assert_eq!(v.answers().save(&bad).unwrap_err().code(), "invalid");
    let orphan = Answer { conversation_id: Uuid::now_v7(), ..answer(&conv, "x", "y") };
    assert_eq!(v.answers().save(&orphan).unwrap_err().code(), "not_found");
    // A participant of another case is refused; an empty participant list too (domain rule).
    let other = v.cases().create("Ander gezin").unwrap();
    let stranger = v.persons().add(other.id, person(Role::Parent, "Vreemd")).unwrap();
    assert_eq!(v.conversations().save(&conversation(&f, stranger.id)).unwrap_err().code(), "not_found");
    let empty = Conversation { participants: vec![], ..conversation(&f, f.mother) };
    assert_eq!(v.conversations().save(&empty).unwrap_err().code(), "field_empty");
    drop(v);

    let v = Vault::open(dir.path(), &pass()).unwrap();
    let convs = v.conversations().list(f.case_id).unwrap();
    assert_eq!(convs, vec![conv.clone()]);
    assert_eq!((convs[0].guide_id.as_str(), convs[0].guide_version), ("volwassene", 3));
    assert_eq!(v.answers().list_for_conversation(conv.id).unwrap(), vec![a.clone(), b.clone()]);
    assert_eq!(v.answers().get(a.id).unwrap(), a);
    // Deleting the conversation deletes its answers.
    v.conversations().delete(conv.id).unwrap();
    assert!(v.answers().list(f.case_id).unwrap().is_empty());
    assert_eq!(v.conversations().get(conv.id).unwrap_err().code(), "not_found");
    assert_eq!(v.conversations().delete(conv.id).unwrap_err().code(), "not_found");
}

#[test]
fn behaviour_records_go_to_the_trash_and_come_back() {
    let dir = tempfile::tempdir().unwrap();
    let (v, _) = new_vault(dir.path());
    let f = family(&v);
    let conv = conversation(&f, f.mother);
    v.conversations().save(&conv).unwrap();
    let r1 = record(&f, &conv, "fys.duwen");
    let r2 = record(&f, &conv, "psy.dreigen_doden");
    v.behaviour_records().save(&r1).unwrap();
    v.behaviour_records().save(&r2).unwrap();
    let same_person = BehaviourRecord { targets: vec![f.father], ..record(&f, &conv, "x") };
    assert_eq!(v.behaviour_records().save(&same_person).unwrap_err().code(), "invalid");

    v.behaviour_records().trash(r1.id).unwrap();
    assert_eq!(v.behaviour_records().trash(r1.id).unwrap_err().code(), "not_found", "already in the trash");
    assert_eq!(v.behaviour_records().list(f.case_id).unwrap(), vec![r2.clone()]);
    assert_eq!(v.behaviour_records().list_trash(f.case_id).unwrap(), vec![r1.clone()]);
    assert_eq!(v.snapshot(f.case_id).unwrap().records, vec![r2.clone()], "the trash is not analysed");
    drop(v);

    let v = Vault::open(dir.path(), &pass()).unwrap();
    v.behaviour_records().restore(r1.id).unwrap();
    assert_eq!(v.behaviour_records().restore(r1.id).unwrap_err().code(), "not_found", "not in the trash");
    assert_eq!(v.behaviour_records().list(f.case_id).unwrap(), vec![r1.clone(), r2.clone()]);
    assert!(v.behaviour_records().list_trash(f.case_id).unwrap().is_empty());
    v.behaviour_records().delete(r2.id).unwrap();
    assert_eq!(v.behaviour_records().get(r2.id).unwrap_err().code(), "not_found");
    let actions: Vec<String> = v.audit_log().unwrap().into_iter().map(|e| e.action).collect();
    for a in ["behaviour_record_trashed", "behaviour_record_restored", "behaviour_record_deleted"] {
        assert!(actions.iter().any(|x| x == a), "{a} logged");
    }
    v.verify_audit_chain().unwrap();
}

#[test]
fn judgement_survives_reopen_and_snapshot_has_everything() {
    let dir = tempfile::tempdir().unwrap();
    let (v, _) = new_vault(dir.path());
    let f = family(&v);
    let conv = conversation(&f, f.mother);
    v.conversations().save(&conv).unwrap();
    let a = answer(&conv, "vol.angst", "soms");
    v.answers().save(&a).unwrap();
    let r = record(&f, &conv, "fys.duwen");
    v.behaviour_records().save(&r).unwrap();
    let j1 = judgement(&f, "severity", Verdict::Confirmed);
    let j2 = judgement(&f, "pattern:a:b", Verdict::Changed { to: "situationeel".into() });
    v.judgements().save(&j1).unwrap();
    v.judgements().save(&j2).unwrap();
    let acute = AcuteDecision {
        id: Uuid::now_v7(),
        case_id: f.case_id,
        decided_at: Utc::now(),
        decision: "Veilig Thuis geraadpleegd".into(),
        rationale: "dreiging".into(),
        actions: vec!["veilig_thuis".into()],
        flags_seen: vec![RedFlag::ThreatToKill],
    };
    v.acute_decisions().save(&acute).unwrap();
    let pre = ChildPrecheck {
        child_id: f.child,
        age: 9,
        consent: ConsentStatus::ParentalConsent { by: vec![f.mother] },
        warning_signs: vec![],
        expert_consulted: false,
        checked_at: Utc::now(),
    };
    v.child_prechecks().save(&pre).unwrap();
    let pre2 = ChildPrecheck { expert_consulted: true, ..pre.clone() };
    v.child_prechecks().save(&pre2).unwrap();
    let entry = MeldcodeEntry {
        id: Uuid::now_v7(),
        case_id: f.case_id,
        step: 2,
        question_id: None,
        date: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        answer: MeldcodeAnswer::Done,
        rationale: "collega geraadpleegd".into(),
        consulted: vec![],
        evidence: vec![],
        recorded_at: Utc::now(),
    };
    v.meldcode_entries().save(&entry).unwrap();
    assert_eq!(v.meldcode_entries().save(&MeldcodeEntry { step: 6, id: Uuid::now_v7(), ..entry.clone() }).unwrap_err().code(), "invalid");
    drop(v);

    let v = Vault::open(dir.path(), &pass()).unwrap();
    assert_eq!(v.judgements().list(f.case_id).unwrap(), vec![j1.clone(), j2.clone()]);
    assert_eq!(v.judgements().get(j2.id).unwrap().verdict, Verdict::Changed { to: "situationeel".into() });
    let s = v.snapshot(f.case_id).unwrap();
    assert_eq!(s.household, v.household(f.case_id).unwrap());
    assert_eq!(s.conversations, vec![conv]);
    assert_eq!(s.answers, vec![a]);
    assert_eq!(s.records, vec![r]);
    assert_eq!(s.judgements, vec![j1, j2]);
    assert_eq!(s.acute_decisions, vec![acute]);
    assert_eq!(s.prechecks, vec![pre2], "one pre-check per child, the latest");
    assert_eq!(v.meldcode_entries().list(f.case_id).unwrap(), vec![entry]);
    // A record saved under one case cannot be moved to another by saving it again.
    let other = v.cases().create("Ander gezin").unwrap();
    let mut moved = v.judgements().list(f.case_id).unwrap()[0].clone();
    moved.case_id = other.id;
    assert_eq!(v.judgements().save(&moved).unwrap_err().code(), "invalid");
    // Deleting the child removes their pre-check; deleting the case removes everything.
    v.persons().delete(f.child).unwrap();
    assert!(v.child_prechecks().list(f.case_id).unwrap().is_empty());
    v.cases().delete(f.case_id).unwrap();
    for table in ["conversations", "answers", "behaviour_records", "judgements", "acute_decisions", "meldcode_entries"] {
        let n: i64 = v.connection().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap();
        assert_eq!(n, 0, "{table} cascades");
    }
    assert_eq!(v.snapshot(f.case_id).unwrap_err().code(), "not_found");
}

#[test]
fn safety_plan_round_trip_and_frozen_versions() {
    let dir = tempfile::tempdir().unwrap();
    let (v, _) = new_vault(dir.path());
    let f = family(&v);
    let mut plan = SafetyPlan::new(f.case_id, Utc::now());
    plan.agreements.push(Item::new(Agreement {
        who: vec![],
        what: "komt niet thuis na drinken".into(),
        from: None,
        checked_by: vec![],
        if_broken: "buurvrouw belt".into(),
    }));
    v.safety_plans().save(&plan).unwrap();
    let v1 = v.safety_plans().freeze(plan.id).unwrap();
    plan.agreements[0].content.what = "gewijzigd".into();
    v.safety_plans().save(&plan).unwrap();
    let v2 = v.safety_plans().freeze(plan.id).unwrap();
    assert_eq!((v1.number, v2.number), (1, 2));
    drop(v);
    let v = Vault::open(dir.path(), &pass()).unwrap();
    assert_eq!(v.safety_plans().get(plan.id).unwrap(), plan);
    let versions = v.safety_plans().versions(plan.id).unwrap();
    assert_eq!(versions, vec![v1.clone(), v2]);
    assert_eq!(versions[0].plan.agreements[0].content.what, "komt niet thuis na drinken");
    let wrong_case = SafetyPlan::new(Uuid::now_v7(), Utc::now());
    assert_eq!(v.safety_plans().save(&wrong_case).unwrap_err().code(), "not_found");
}

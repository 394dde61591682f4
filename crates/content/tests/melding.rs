//! The report to Veilig Thuis (issue 15, point 1) for the example family, with the shipped texts: every
//! statement carries its source; facts and the professional's judgement are apart; what a child told in
//! confidence is in it only when the professional includes it; the escape plan never is, unless the
//! professional writes it in. Every text in the family holds a unique marker (`ZQ…`), so a test can look
//! for each in the report.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};
use content::Content;
use domain::analysis::{Judgement, Verdict};
use domain::fixture::{gezin_jansen_inzage, ids, inzage_ids, today};
use domain::melding::{
    MeldingContent, MeldingDocument, MeldingDraft, MeldingProblem, MeldingSection, MeldingSources, OwnStatement,
    StatementChoice, compose, report_problems,
};
use domain::{Consulted, MeldcodeAnswer, MeldcodeEntry, analyse};
use uuid::Uuid;

fn at(d: u32) -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap().and_hms_opt(10, 0, 0).unwrap().and_utc()
}

struct Family {
    content: Content,
    fam: domain::fixture::InzageFamily,
    meldcode: Vec<MeldcodeEntry>,
}

fn family() -> Family {
    let content = Content::embedded();
    let mut fam = gezin_jansen_inzage();
    let analysis = analyse(&fam.snapshot, &content.catalogue(), today());
    let hypothesis = |key: &str| analysis.reviews.iter().find(|r| r.key == key).map(|r| r.hypothesis.clone()).unwrap();
    let judge = |n: u128, key: &str, verdict: Verdict, reason: &str| Judgement {
        id: Uuid::from_u128(0x0900 + n),
        case_id: ids::CASE,
        conclusion_key: key.into(),
        verdict,
        reason: reason.into(),
        hypothesis_at_decision: hypothesis(key),
        decided_at: at(11),
    };
    fam.snapshot.judgements = vec![
        judge(1, "severity", Verdict::Confirmed, "Wurgen en duwen, herhaald ZQJUDGESEVERITY"),
        judge(2, "redflag:strangulation", Verdict::Confirmed, "Sanne vertelde het zelf ZQJUDGEFLAG"),
        judge(3, "acute", Verdict::Rejected, "Mark woont nu bij zijn broer ZQJUDGEREJECTED"),
    ];
    let entry = |n: u128, step: u8, q: Option<&str>, answer, rationale: &str| MeldcodeEntry {
        id: Uuid::from_u128(0x0a00 + n),
        case_id: ids::CASE,
        step,
        question_id: q.map(Into::into),
        date: NaiveDate::from_ymd_opt(2026, 3, 10 + n as u32).unwrap(),
        answer,
        rationale: rationale.into(),
        consulted: vec![Consulted { who: "aandachtsfunctionaris".into(), organisation: "Wijkteam ZQCONSULTED".into() }],
        evidence: vec![],
        recorded_at: at(12),
    };
    let meldcode = vec![
        entry(1, 2, None, MeldcodeAnswer::Done, "Collega geraadpleegd ZQSTEP2"),
        entry(2, 4, Some("afweging.2"), MeldcodeAnswer::Yes, "Wurging in januari ZQQUESTION2"),
    ];
    fam.snapshot.acute_decisions = vec![domain::analysis::AcuteDecision {
        id: Uuid::from_u128(0x0c01),
        case_id: ids::CASE,
        decided_at: at(9),
        decision: "Veilig Thuis geraadpleegd ZQACUTE".into(),
        rationale: "Wurging in januari, Mark woont thuis".into(),
        actions: vec!["veilig_thuis".into()],
        flags_seen: vec![],
    }];
    Family { content, fam, meldcode }
}

fn doc(f: &Family, draft: &MeldingDraft) -> Result<MeldingDocument, MeldingProblem> {
    let analysis = analyse(&f.fam.snapshot, &f.content.catalogue(), today());
    let catalogue = f.content.catalogue();
    let guides = f.content.guides.clone();
    let question = move |id: &str| guides.iter().find_map(|g| g.question(id)).map(|q| q.text.clone());
    let observation_guides = vec!["gids.observatie_0_3".to_owned()];
    let content = MeldingContent {
        texts: &f.content.melding,
        catalogue: &catalogue,
        red_flags: &f.content.red_flags,
        profiles: &f.content.profiles,
        meldcode: &f.content.meldcode,
        question: &question,
        observation_guides: &observation_guides,
    };
    let local = |t: DateTime<Utc>| t.date_naive();
    let src = MeldingSources {
        snapshot: &f.fam.snapshot,
        analysis: &analysis,
        meldcode: &f.meldcode,
        plan: Some(&f.fam.plan),
        local: &local,
    };
    compose(&src, &content, draft, today(), None)
}

fn draft() -> MeldingDraft {
    MeldingDraft::empty(ids::CASE, at(13))
}

/// The text that goes out.
fn out(d: &MeldingDocument) -> String {
    d.plain_text()
}

fn statement<'a>(d: &'a MeldingDocument, key: &str) -> &'a domain::melding::MeldingStatement {
    d.statements().find(|s| s.key == key).unwrap_or_else(|| panic!("no statement {key}"))
}

#[test]
fn every_statement_carries_its_source_and_a_signal_names_who_said_it_and_when() {
    let f = family();
    let d = doc(&f, &draft()).unwrap();
    assert!(d.statements().count() > 20, "the family gives many statements");
    for s in d.statements() {
        assert!(!s.source.trim().is_empty(), "{} has no source", s.key);
        assert!(!s.text.trim().is_empty(), "{} has no text", s.key);
    }
    // Sanne's account of the pushing: her name, her role and the day of her conversation (3 Feb).
    let push = statement(&d, &format!("record:{}", ids::R_PUSH_BY_SANNE));
    assert_eq!(push.section, MeldingSection::Signals);
    assert_eq!(push.source, "Sanne (ouder), gesprek van 03-02-2026");
    for part in ["Mark tegen Sanne", "duwen", "3–5 keer", "Laatste keer: 20-01-2026", "alcohol", "Daan hoorde het"] {
        assert!(push.text.to_lowercase().contains(&part.to_lowercase()), "{part:?} in {:?}", push.text);
    }
    // Mark's denial stands next to Sanne's report, as its own statement with his source.
    let denied = statement(&d, &format!("record:{}", ids::R_STRANGLE_DENIED));
    assert!(denied.text.starts_with("Mark ontkent"), "{}", denied.text);
    assert_eq!(denied.source, "Mark (ouder), gesprek van 05-02-2026");
    assert!(statement(&d, &format!("record:{}", ids::R_STRANGLE)).included);
    // The same sources in the plain text, once per statement.
    let text = out(&d);
    assert_eq!(text.matches("Bron: ").count(), d.statements().filter(|s| s.included).count());
}

#[test]
fn quotes_are_marked_as_quotes_and_cannot_be_rewritten() {
    let f = family();
    let d = doc(&f, &draft()).unwrap();
    let q = statement(&d, &format!("quote:record:{}", ids::R_PUSH_BY_SANNE));
    assert!(q.quote && !q.editable);
    assert_eq!(q.section, MeldingSection::Quotes);
    assert!(q.text.contains("ZQPUSHSHARED"));
    assert!(q.source.starts_with("Sanne (ouder), gesprek van 03-02-2026"), "{}", q.source);
    assert!(out(&d).contains("\u{201e}Ik durf niks meer te zeggen als hij gedronken heeft. ZQPUSHSHARED\u{201d}"));
    // Rewriting a quote is refused; rewriting a signal is taken, with the original kept beside it.
    let mut changed = draft();
    changed.choices.push(StatementChoice { key: q.key.clone(), included: true, text: Some("Iets anders".into()) });
    assert_eq!(doc(&f, &changed).unwrap_err(), MeldingProblem::QuoteFixed { key: q.key.clone() });
    let key = format!("record:{}", ids::R_MONEY);
    let mut reworded = draft();
    reworded.choices.push(StatementChoice { key: key.clone(), included: true, text: Some("Mark beheert al het geld ZQREWORDED".into()) });
    let d = doc(&f, &reworded).unwrap();
    let s = statement(&d, &key);
    assert_eq!(s.text, "Mark beheert al het geld ZQREWORDED");
    assert!(s.original.as_deref().is_some_and(|o| o.contains("Mark tegen Sanne")));
    assert_eq!(s.source, "Sanne (ouder), gesprek van 03-02-2026", "the source stays with the statement");
}

#[test]
fn a_childs_confidential_words_are_in_the_report_only_as_the_professional_chose() {
    let f = family();
    let d = doc(&f, &draft()).unwrap();
    let text = out(&d);
    // Daan's and Lotte's confidences: listed for the professional, not in what goes out.
    for marker in ["ZQDAANDISCLOSURE", "ZQDAANSAFETY", "ZQLOTTECONF", "ZQPLANDAANDISCLOSURE"] {
        assert!(!text.contains(marker), "{marker} went out by default");
        let listed = d.statements().find(|s| s.text.contains(marker)).unwrap_or_else(|| panic!("{marker} not listed"));
        assert!(listed.child_confidence && !listed.included, "{marker}: {listed:?}");
    }
    // Daan's own record about the shouting is a signal that stays out too, and so do the positions it
    // would show: Daan is not "in de slachtofferpositie" of shouting in the report.
    let shout = statement(&d, &format!("record:{}", ids::R_SHOUT_DAAN));
    assert!(!shout.included);
    let daan = statement(&d, &format!("person:{}", ids::DAAN));
    assert!(!daan.text.contains("schreeuwen"), "{}", daan.text);
    // What a child said for everyone (widened by the professional) is in it.
    assert!(text.contains("ZQDAANWIDENED"));
    assert!(text.contains("ZQLOTTEOPEN"));
    // The professional includes Daan's words: now they go out, still marked as told in confidence.
    let key = format!("quote:record:{}", ids::R_SHOUT_DAAN);
    let mut chosen = draft();
    chosen.choices.push(StatementChoice { key: key.clone(), included: true, text: None });
    chosen.choices.push(StatementChoice { key: format!("record:{}", ids::R_SHOUT_DAAN), included: true, text: None });
    let d = doc(&f, &chosen).unwrap();
    let text = out(&d);
    assert!(text.contains("ZQDAANDISCLOSURE"));
    assert!(statement(&d, &key).confidential);
    assert!(statement(&d, &format!("person:{}", ids::DAAN)).text.contains("schreeuwen"));
    // …and nothing else of the children came along with it.
    for marker in ["ZQDAANSAFETY", "ZQLOTTECONF", "ZQPLANDAANDISCLOSURE"] {
        assert!(!text.contains(marker), "{marker}");
    }
}

#[test]
fn an_adults_confidence_goes_out_marked_so_the_source_is_protected() {
    let f = family();
    let d = doc(&f, &draft()).unwrap();
    let q = statement(&d, &format!("quote:record:{}", ids::R_STRANGLE));
    assert!(q.included && q.confidential && !q.child_confidence);
    let line = out(&d).lines().skip_while(|l| !l.contains("ZQSTRANGLECONF")).nth(1).unwrap().to_owned();
    assert!(line.contains("vertrouwelijk verteld"), "{line}");
    // The professional can still leave it out.
    let mut left = draft();
    left.choices.push(StatementChoice { key: q.key.clone(), included: false, text: None });
    assert!(!out(&doc(&f, &left).unwrap()).contains("ZQSTRANGLECONF"));
}

#[test]
fn the_escape_plan_is_never_in_it_unless_the_professional_writes_it_in() {
    let f = family();
    let d = doc(&f, &draft()).unwrap();
    assert!(!format!("{d:?}").contains("ZQESCAPESANNE"), "not even listed");
    // The rest of the plan is the help in place.
    let help: Vec<_> = d.statements().filter(|s| s.section == MeldingSection::Help).map(|s| s.text.clone()).collect();
    assert!(help.iter().any(|t| t.contains("ZQPLANSHARED")), "{help:?}");
    assert!(help.iter().any(|t| t.contains("ZQPLANMARK") && t.contains("Verslavingszorg")), "{help:?}");
    // Written in by the professional, it goes out as theirs.
    let mut own = draft();
    own.own.push(OwnStatement {
        id: Uuid::from_u128(0x0b01),
        section: MeldingSection::Help,
        text: "Sanne kan bij haar zus terecht ZQOWNESCAPE".into(),
        source: String::new(),
        included: true,
    });
    let d = doc(&f, &own).unwrap();
    let s = statement(&d, "own:00000000-0000-0000-0000-000000000b01");
    assert_eq!(s.source, "De professional");
    assert!(out(&d).contains("ZQOWNESCAPE"));
}

#[test]
fn facts_and_the_professionals_judgement_are_apart_and_only_judged_conclusions_are_in_it() {
    let f = family();
    let d = doc(&f, &draft()).unwrap();
    let sections: Vec<_> = d.parts.iter().map(|p| (p.section, p.fact)).collect();
    assert_eq!(
        sections,
        vec![
            (MeldingSection::Involved, true),
            (MeldingSection::Signals, true),
            (MeldingSection::Quotes, true),
            (MeldingSection::Observed, true),
            (MeldingSection::Judgement, false),
            (MeldingSection::Meldcode, false),
            (MeldingSection::Help, false),
            (MeldingSection::Request, false),
        ]
    );
    let judged: Vec<_> = d.statements().filter(|s| s.section == MeldingSection::Judgement).collect();
    assert_eq!(judged.len(), 2, "{judged:#?}");
    let severity = statement(&d, "judgement:severity");
    assert!(severity.text.starts_with("Ernst van het geweld in het gezin: veelvuldig of ernstig geweld."), "{}", severity.text);
    assert!(severity.text.contains("ZQJUDGESEVERITY"));
    assert_eq!(severity.source, "Oordeel van de professional, 11-03-2026");
    assert!(statement(&d, "judgement:redflag:strangulation").text.contains("ZQJUDGEFLAG"));
    // A rejected conclusion and the conclusions not yet judged are not the professional's judgement.
    let text = out(&d);
    assert!(!text.contains("ZQJUDGEREJECTED"));
    assert!(!text.contains("Gezinsprofiel"), "profiles were not judged");
    // No judgement words among the facts: the signals say what happened, not what it means.
    for s in d.statements().filter(|s| s.section.is_fact()) {
        for word in ["intieme terreur", "Ernst van het geweld", "Risicofactor", "dader"] {
            assert!(!s.text.contains(word), "{word:?} in fact {}", s.text);
        }
    }
}

#[test]
fn positions_not_labels_for_who_is_involved() {
    let f = family();
    let d = doc(&f, &draft()).unwrap();
    let mark = statement(&d, &format!("person:{}", ids::MARK));
    assert!(mark.text.starts_with("Mark (ouder, geboren in 1985, woont in het gezin)."), "{}", mark.text);
    assert!(mark.text.contains("In de plegerpositie bij:") && mark.text.contains("wurgen, de keel dichtknijpen of smoren (tegen Sanne)"), "{}", mark.text);
    let sanne = statement(&d, &format!("person:{}", ids::SANNE));
    // Sanne pushed Mark once by his account: she is in both positions, each for its behaviour.
    assert!(sanne.text.contains("In de plegerpositie bij:") && sanne.text.contains("In de slachtofferpositie bij:"), "{}", sanne.text);
    let daan = statement(&d, &format!("person:{}", ids::DAAN));
    assert!(daan.text.contains("Als kind blootgesteld aan: duwen"), "{}", daan.text);
}

#[test]
fn the_meldcode_steps_with_their_dates_and_who_was_consulted() {
    let f = family();
    let d = doc(&f, &draft()).unwrap();
    let steps: Vec<_> = d.statements().filter(|s| s.section == MeldingSection::Meldcode).collect();
    assert_eq!(steps.len(), 3);
    // What was decided when acute unsafety was possible, with its date and the action's own words.
    let acute = statement(&d, "acute:00000000-0000-0000-0000-000000000c01");
    assert!(acute.text.starts_with("Besluit bij mogelijke acute onveiligheid op 09-03-2026: Veilig Thuis geraadpleegd ZQACUTE."), "{}", acute.text);
    assert!(acute.text.contains("Gedaan: "), "{}", acute.text);
    assert_eq!(acute.source, "Besluit van de professional bij mogelijke acute onveiligheid, 09-03-2026");
    assert!(steps[0].text.starts_with("Stap 2 ("), "{}", steps[0].text);
    assert!(steps[0].text.contains("11-03-2026") && steps[0].text.contains("ZQSTEP2") && steps[0].text.contains("aandachtsfunctionaris"));
    assert!(steps[1].text.starts_with("Vraag 2 (") && steps[1].text.contains(": ja.") && steps[1].text.contains("ZQQUESTION2"), "{}", steps[1].text);
    assert_eq!(steps[1].source, "Meldcodelogboek, 12-03-2026");
}

#[test]
fn reporting_needs_a_request_and_a_signal_and_own_signals_need_a_source() {
    let f = family();
    let d = doc(&f, &draft()).unwrap();
    assert_eq!(report_problems(&d), vec![MeldingProblem::RequestMissing]);
    let mut asked = draft();
    asked.request = "Graag onderzoek naar de veiligheid van Daan en Lotte ZQREQUEST".into();
    let d = doc(&f, &asked).unwrap();
    assert!(report_problems(&d).is_empty());
    assert!(out(&d).contains("ZQREQUEST"));
    // Every signal left out: nothing to report.
    let mut none = asked.clone();
    for r in &f.fam.snapshot.records {
        none.choices.push(StatementChoice { key: format!("record:{}", r.id), included: false, text: None });
    }
    assert_eq!(report_problems(&doc(&f, &none).unwrap()), vec![MeldingProblem::NoSignals]);
    // A signal of one's own without a source is refused; with one it is taken.
    let own = |source: &str| OwnStatement {
        id: Uuid::from_u128(0x0b02),
        section: MeldingSection::Signals,
        text: "School meldt blauwe plekken bij Daan ZQSCHOOL".into(),
        source: source.into(),
        included: true,
    };
    let mut d1 = asked.clone();
    d1.own.push(own(" "));
    assert_eq!(doc(&f, &d1).unwrap_err(), MeldingProblem::SourceMissing { id: Uuid::from_u128(0x0b02) });
    let mut d2 = asked.clone();
    d2.own.push(own("Mentor van Daan, telefoon 09-03-2026"));
    let d = doc(&f, &d2).unwrap();
    assert_eq!(statement(&d, "own:00000000-0000-0000-0000-000000000b02").source, "Mentor van Daan, telefoon 09-03-2026");
    // An own statement in a section that takes none, or a key chosen twice, is refused.
    let mut d3 = asked.clone();
    d3.own.push(OwnStatement { section: MeldingSection::Quotes, ..own("x") });
    assert!(matches!(doc(&f, &d3), Err(MeldingProblem::OwnInvalid { .. })));
    let mut d4 = asked;
    let c = StatementChoice { key: "record:x".into(), included: false, text: None };
    d4.choices = vec![c.clone(), c];
    assert!(matches!(doc(&f, &d4), Err(MeldingProblem::Duplicate { .. })));
}

#[test]
fn a_version_holds_only_what_was_included() {
    let f = family();
    let d = doc(&f, &draft()).unwrap();
    let v = d.included_only();
    assert!(v.statements().all(|s| s.included));
    let keys: BTreeSet<_> = v.statements().map(|s| s.key.clone()).collect();
    assert!(!keys.contains(&format!("quote:record:{}", ids::R_SHOUT_DAAN)));
    assert!(!format!("{v:?}").contains("ZQLOTTECONF"));
    assert_eq!(v.plain_text(), d.plain_text(), "the text was already only what is included");
    let _ = inzage_ids::CONV_LOTTE;
}

#[test]
fn the_shipped_texts_have_every_key() {
    assert_eq!(Content::embedded().melding.missing(), Vec::<String>::new());
}

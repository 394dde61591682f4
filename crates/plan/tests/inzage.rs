//! inzage_redaction (issue 14, point 4): for every person of the example family (`domain::fixture`,
//! "Gezin Jansen-de Vries", the family the app's tests and UI fixtures use), the text extracted from
//! their access-request PDF holds what they said and what is about them, and none of the other adult's
//! confidential items, a child's disclosures, or an escape plan meant for someone else. The cover page
//! names its grounds without saying whether any applied. The PDF is tagged, titled and in Dutch.

use chrono::{DateTime, NaiveDate, Utc};
use domain::fixture::ids::{DAAN, LOTTE, MARK, SANNE};
use domain::fixture::inzage_markers as M;
use domain::fixture::{InzageFamily, gezin_jansen_inzage, today};
use domain::inzage::{IdsOnly, InzageSources, InzageView, inzage_for};
use plan::Renderer;
use uuid::Uuid;

fn local(t: DateTime<Utc>) -> NaiveDate {
    t.date_naive()
}

fn view(f: &InzageFamily, person: Uuid) -> InzageView {
    let src = InzageSources { snapshot: &f.snapshot, notes: &f.notes, plan: Some(&f.plan) };
    inzage_for(&src, person, today(), &IdsOnly, local).expect("inzage").view
}

/// All text of a PDF, with whitespace removed so a marker split across text runs is still found.
fn text_of(pdf: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(pdf).expect("text extraction");
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn pdf_text(r: &Renderer, f: &InzageFamily, person: Uuid) -> String {
    text_of(&r.inzage_pdf(&view(f, person)).expect("pdf"))
}

fn check(name: &str, text: &str, must: &[&[&str]], must_not: &[&[&str]]) {
    for m in must.concat() {
        assert!(text.contains(m), "{name}: missing {m}");
    }
    for m in must_not.concat() {
        assert!(!text.contains(m), "{name}: leaked {m}");
    }
}

#[test]
fn the_adult_in_the_plegerpositie_gets_his_own_words_and_nothing_the_others_confided() {
    let (r, f) = (Renderer::new(), gezin_jansen_inzage());
    let text = pdf_text(&r, &f, MARK);
    check(
        "mark",
        &text,
        &[M::MARK, M::SHARED],
        // Sanne's confidences (her fear, her plan to leave, the strangling, the isolation told in a
        // confidential answer), her escape plan, Daan's disclosures (also the one set to "everyone").
        &[M::SANNE, M::DAAN, M::LOTTE_OPEN, M::LOTTE_CONFIDENTIAL, M::NOBODY],
    );
    assert!(!text.contains("Noodplan"), "no escape-plan section at all");
    assert!(!text.contains("Vooreenkindonderde12"), "the young child's ground is for a young child's export only");
}

#[test]
fn the_adult_in_the_slachtofferpositie_gets_her_words_and_escape_plan_and_nothing_the_other_confided() {
    let (r, f) = (Renderer::new(), gezin_jansen_inzage());
    let text = pdf_text(&r, &f, SANNE);
    check("sanne", &text, &[M::SANNE, M::SHARED, &["Noodplan"]], &[M::MARK, M::DAAN, M::LOTTE_OPEN, M::LOTTE_CONFIDENTIAL, M::NOBODY]);
}

#[test]
fn a_child_of_twelve_or_older_gets_its_own_disclosures_and_nothing_of_the_parents_confidences() {
    let (r, f) = (Renderer::new(), gezin_jansen_inzage());
    let text = pdf_text(&r, &f, DAAN);
    check("daan", &text, &[M::DAAN, M::SHARED], &[M::MARK, M::SANNE, M::LOTTE_OPEN, M::LOTTE_CONFIDENTIAL, M::NOBODY]);
    // Spoken to as "je".
    assert!(text.contains("Inzageinjedossier"), "{text}");
}

#[test]
fn a_young_childs_inzage_is_read_by_a_parent_and_holds_none_of_her_confidences() {
    let (r, f) = (Renderer::new(), gezin_jansen_inzage());
    let text = pdf_text(&r, &f, LOTTE);
    check(
        "lotte",
        &text,
        // The cover page says why her own confidences are not in it.
        &[M::LOTTE_OPEN, &["ZQPLANSHARED", "InzageinhetdossiervanLotte", "Vooreenkindonderde12vragendeouders"]],
        &[M::LOTTE_CONFIDENTIAL, M::MARK, M::SANNE, M::DAAN, M::NOBODY, &["ZQPUSHSHARED"]],
    );
}

/// The cover page's words about what is left out are the same whether or not anything was: they name
/// the grounds, never a count or which applied.
#[test]
fn the_cover_page_says_the_same_about_what_was_left_out_whatever_was_left_out() {
    let (r, f) = (Renderer::new(), gezin_jansen_inzage());
    let mut empty = f.clone();
    empty.snapshot.records.clear();
    empty.snapshot.answers.clear();
    empty.notes.clear();
    let cover = |text: &str| {
        let start = text.find("Waternooitinstaat").expect("section on what is left out");
        let end = text.find("Klopterietsniet").expect("section on corrections");
        text[start..end].to_owned()
    };
    let full = cover(&pdf_text(&r, &f, MARK));
    assert_eq!(full, cover(&pdf_text(&r, &empty, MARK)));
    assert_eq!(full, cover(&pdf_text(&r, &f, SANNE)));
    for ground in ["invertrouwen", "eenkindheeftverteld", "noodplan", "vertrouwelijk", "AVGartikel15lid4"] {
        assert!(full.contains(ground), "cover names {ground}: {full}");
    }
}

#[test]
fn the_inzage_pdf_is_tagged_titled_and_dutch() {
    let (r, f) = (Renderer::new(), gezin_jansen_inzage());
    let pdf = r.inzage_pdf(&view(&f, SANNE)).expect("pdf");
    let doc = lopdf::Document::load_mem(&pdf).expect("valid PDF");
    let catalog = doc.catalog().expect("catalog");
    assert!(catalog.get(b"StructTreeRoot").is_ok(), "tagged PDF has a structure tree");
    let lang = catalog.get(b"Lang").and_then(|l| l.as_str()).expect("document language");
    assert!(lang.starts_with(b"nl"), "{lang:?}");
    let pages = r.inzage_pngs(&view(&f, SANNE), 0.5).expect("pages");
    assert!(pages.len() >= 2, "a cover page and the file");
    assert!(pages.iter().all(|p| p.starts_with(b"\x89PNG\r\n\x1a\n")));
}

/// Every person of the family, with the JSON next to the PDF: the same view, so the same markers.
#[test]
fn the_json_holds_what_the_pdf_holds() {
    let (r, f) = (Renderer::new(), gezin_jansen_inzage());
    let all = [M::MARK, M::SANNE, M::DAAN, M::LOTTE_OPEN, M::LOTTE_CONFIDENTIAL, M::SHARED, M::NOBODY].concat();
    for person in [MARK, SANNE, DAAN, LOTTE] {
        let v = view(&f, person);
        let json = serde_json::to_string(&v).expect("json");
        let pdf = text_of(&r.inzage_pdf(&v).expect("pdf"));
        for m in &all {
            assert_eq!(json.contains(m), pdf.contains(m), "{}: {m}", v.person.name);
        }
    }
}

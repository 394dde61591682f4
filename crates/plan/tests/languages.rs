//! A reader's version in the reader's language (issue 15.3): for each of the six languages, the PDF's
//! text holds that language's headings (text extraction also for Arabic, whose letters are joined and
//! run right to left), the PDF says its language, the professional's free text is marked "not
//! translated" unless a translation was entered, and what a reader may see is the same in every
//! language. The adult's and the child's version of each language are written as PNG pages to
//! `target/e2e/plan-<language>-<reader>-<page>.png`, to look at.

mod fixture;

use std::path::PathBuf;

use domain::PlanLanguage;
use domain::plan::{Audience, view_for};
use fixture::{ANNA_ONLY, Family, PRO_ONLY, SHARED, check, family, pdf_for, text_of};
use plan::{Renderer, Template};

/// The family with every person's preferred language set to `language`.
fn family_in(language: PlanLanguage) -> Family {
    let mut f = family();
    f.hh.persons.iter_mut().for_each(|p| p.language = language);
    f
}

/// A fixed text of `language`, without whitespace (as `text_of` gives the PDF's text).
fn tekst(language: PlanLanguage, key: &str) -> String {
    let file = plan::i18n::file(language).expect("language file");
    let text = file.text.get(key).unwrap_or_else(|| panic!("{key}"));
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The extracted text holds `expected`. Arabic comes out of the PDF in visual order (right to left
/// reversed, as the glyphs stand on the line), with each lam-alef ligature and each shadda as one glyph
/// that maps to its letters in reading order; so for right-to-left text, the reversed text is compared
/// without the letters of that ligature (alef forms, lam) and without vowel marks.
fn holds(text: &str, expected: &str) -> bool {
    fn skeleton(s: impl Iterator<Item = char>) -> String {
        s.filter(|c| !matches!(c, 'ا' | 'أ' | 'إ' | 'آ' | 'ل' | '\u{064B}'..='\u{065F}' | '\u{0670}')).collect()
    }
    text.contains(expected) || skeleton(text.chars().rev()).contains(&skeleton(expected.chars()))
}

fn assert_headings(name: &str, text: &str, language: PlanLanguage, keys: &[&str]) {
    for key in keys {
        let expected = tekst(language, key);
        assert!(holds(text, &expected), "{name} ({}): heading {key} = {expected:?} not in {text}", language.code());
    }
}

#[test]
fn every_language_prints_its_own_headings_for_each_reader() {
    let r = Renderer::new();
    for language in PlanLanguage::ALL {
        let f = family_in(language);
        let anna = text_of(&pdf_for(&r, &f, Audience::Adult(f.anna)));
        assert_headings("anna", &anna, language, &["plan_title", "h_worries", "h_escape", "h_signatures", "label_family"]);
        let noor = text_of(&pdf_for(&r, &f, Audience::Child(f.noor)));
        assert_headings("noor", &noor, language, &["child_title", "child_h_call", "child_h_happen"]);
        let kees = text_of(&pdf_for(&r, &f, Audience::Network(f.kees)));
        assert_headings("kees", &kees, language, &["network_title", "network_asked", "network_call"]);
        // The helpline numbers are the same in every language.
        check(language.code(), &anna, &["112", "0800-2000"], &[]);
        check(language.code(), &noor, &["112", "0800-0432"], &[]);
        // No Dutch heading is left in another language's version.
        if language != PlanLanguage::Nl {
            for (name, text) in [("anna", &anna), ("kees", &kees)] {
                assert!(!text.contains("Noodplan") && !text.contains("Handtekeningen"), "{name} ({}): Dutch heading", language.code());
            }
            assert!(!noor.contains("Wiekanikbellen"), "noor ({}): Dutch heading", language.code());
        }
    }
}

#[test]
fn the_professionals_version_stays_dutch_whatever_the_readers_languages() {
    let r = Renderer::new();
    let f = family_in(PlanLanguage::Ar);
    let text = text_of(&pdf_for(&r, &f, Audience::Professional));
    assert!(text.contains("Noodplan:alsikwegmoet") && text.contains("Waarweonszorgenovermaken"), "{text}");
    assert!(!text.contains(&tekst(PlanLanguage::Nl, "not_translated")), "the professional's free text is the source");
}

#[test]
fn the_pdf_says_its_language() {
    let r = Renderer::new();
    for language in PlanLanguage::ALL {
        let f = family_in(language);
        let pdf = pdf_for(&r, &f, Audience::Adult(f.anna));
        let doc = lopdf::Document::load_mem(&pdf).expect("valid PDF");
        let lang = doc.catalog().unwrap().get(b"Lang").and_then(|l| l.as_str()).expect("document language").to_vec();
        assert!(lang.starts_with(language.code().as_bytes()), "{}: {:?}", language.code(), String::from_utf8_lossy(&lang));
    }
}

/// The Arabic version's text extracts as text: no bidi control characters standing in for spaces (the
/// PDF stays readable for screen readers and copying), the phone numbers as written.
#[test]
fn the_arabic_pdf_text_is_clean() {
    let r = Renderer::new();
    let f = family_in(PlanLanguage::Ar);
    let raw = pdf_extract::extract_text_from_mem(&pdf_for(&r, &f, Audience::Adult(f.anna))).unwrap();
    assert!(!raw.contains(['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}']), "bidi controls in {raw}");
    for number in ["020-1234567", "06-11112222", "0800-2000", "112"] {
        assert!(raw.contains(number), "{number} in {raw}");
    }
}

/// What each reader may see does not depend on the language: the escape plan never reaches Bram (in
/// plegerpositie), a child's disclosure never a parent, also when those items carry a translation.
#[test]
fn redaction_holds_in_every_language() {
    let r = Renderer::new();
    for language in PlanLanguage::ALL {
        let mut f = family_in(language);
        if language != PlanLanguage::Nl {
            for item in &mut f.plan.escape_plan {
                *item = item.clone().translated(language, format!("ZQESCAPETRANSLATED {}", item.content.text));
            }
            for item in &mut f.plan.support {
                *item = item.clone().translated(language, format!("ZQSUPPORTTRANSLATED {}", item.content.need));
            }
        }
        let name = |who: &str| format!("{who} ({})", language.code());
        let anna = text_of(&pdf_for(&r, &f, Audience::Adult(f.anna)));
        check(&name("anna"), &anna, &[SHARED, &["ZQELSTASK"]].concat(), &[PRO_ONLY, &["ZQBRAMPROBLEM", "ZQCHILDMISTAKE"]].concat());
        let bram = text_of(&pdf_for(&r, &f, Audience::Adult(f.bram)));
        check(
            &name("bram"),
            &bram,
            &[SHARED, &["ZQBRAMPROBLEM"]].concat(),
            &[PRO_ONLY, ANNA_ONLY, &["ZQESCAPETRANSLATED", "ZQELSTASK", "ZQCHILDMISTAKE", "ZQCHILDSECRET"]].concat(),
        );
        assert!(!holds(&bram, &tekst(language, "h_escape")), "{}: escape heading for Bram", name("bram"));
        for parent in [&anna, &bram] {
            check(&name("parent"), parent, &[], &["ZQCHILDSECRET", "ZQCHILDMISTAKE"]);
        }
        let sem = text_of(&pdf_for(&r, &f, Audience::Child(f.sem)));
        check(&name("sem"), &sem, &[], &[PRO_ONLY, ANNA_ONLY, &["ZQCHILDMISTAKE", "ZQESCAPETRANSLATED"]].concat());
        let kees = text_of(&pdf_for(&r, &f, Audience::Network(f.kees)));
        check(&name("kees"), &kees, &["ZQKEESTASK"], &[PRO_ONLY, ANNA_ONLY, &["ZQESCAPETRANSLATED", "ZQCHILDMISTAKE"]].concat());
    }
}

/// In a non-Dutch version, the professional's free text is shown as written and marked "not translated"
/// in the reader's language — unless a translation into that language was entered beside it, which then
/// replaces it.
#[test]
fn free_text_is_marked_untranslated_unless_a_translation_was_entered() {
    let r = Renderer::new();
    for language in PlanLanguage::ALL {
        let mut f = family_in(language);
        let marker = format!("ZQTRANSLATED{}", language.code().to_uppercase());
        if language != PlanLanguage::Nl {
            f.plan.conditions[0] = f.plan.conditions[0].clone().translated(language, marker.clone());
        }
        let text = text_of(&pdf_for(&r, &f, Audience::Adult(f.anna)));
        let mark = tekst(language, "not_translated");
        if language == PlanLanguage::Nl {
            assert!(!text.contains(&mark), "a Dutch version marks nothing");
            continue;
        }
        assert!(holds(&text, &mark), "{}: no mark {mark:?} in {text}", language.code());
        // The untranslated agreement stays as written; the translated condition replaces the Dutch one.
        check(language.code(), &text, &["ZQSHAREDAGREEMENT", &marker], &["ZQSHAREDCONDITION"]);
    }
    // A translation into another language does not count.
    let mut f = family_in(PlanLanguage::Pl);
    f.plan.conditions[0] = f.plan.conditions[0].clone().translated(PlanLanguage::Uk, "ZQTRANSLATEDUK");
    let text = text_of(&pdf_for(&r, &f, Audience::Adult(f.anna)));
    check("pl", &text, &["ZQSHAREDCONDITION"], &["ZQTRANSLATEDUK"]);
}

/// The adult's (Anna, with her escape plan) and a child's (Noor) version in each language, as PNG pages
/// under `target/e2e/`, for a person to look at (the Arabic one: right to left, joined letters).
#[test]
fn write_each_languages_pages_as_png() {
    let r = Renderer::new();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e");
    std::fs::create_dir_all(&dir).unwrap();
    for language in PlanLanguage::ALL {
        let f = family_in(language);
        let readers: [(&str, Audience); 2] = [("adult", Audience::Adult(f.anna)), ("child", Audience::Child(f.noor))];
        for (reader, audience) in readers {
            let view = view_for(&f.plan, &f.hh, &audience).unwrap();
            assert_eq!(view.language, language);
            let pages = r.pngs(&view, Template::for_audience(view.audience), 1.5).unwrap();
            assert!(!pages.is_empty());
            for (i, png) in pages.iter().enumerate() {
                assert!(png.starts_with(b"\x89PNG"));
                std::fs::write(dir.join(format!("plan-{}-{reader}-{}.png", language.code(), i + 1)), png).unwrap();
            }
        }
    }
}

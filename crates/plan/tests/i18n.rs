//! The plan's translations (issue 15.3) as data: every language file has exactly the Dutch source's
//! keys, no empty text, a review status that says whether a native speaker reviewed it, and every key
//! is used by a template.

use std::collections::BTreeSet;

use domain::PlanLanguage;
use plan::i18n::{FILES, file};

const TEMPLATES: &[&str] = &[
    include_str!("../../../assets/templates/common.typ"),
    include_str!("../../../assets/templates/adult.typ"),
    include_str!("../../../assets/templates/child.typ"),
    include_str!("../../../assets/templates/network.typ"),
    include_str!("../../../assets/templates/professional.typ"),
];

#[test]
fn every_language_has_a_file() {
    let listed: Vec<PlanLanguage> = FILES.iter().map(|(l, _)| *l).collect();
    assert_eq!(listed, PlanLanguage::ALL);
}

#[test]
fn every_language_has_exactly_every_key_and_no_empty_text() {
    let source = file(PlanLanguage::Nl).expect("nl.toml parses");
    let keys: BTreeSet<&String> = source.text.keys().collect();
    for language in PlanLanguage::ALL {
        let f = file(language).unwrap_or_else(|e| panic!("{}.toml: {e}", language.code()));
        let own: BTreeSet<&String> = f.text.keys().collect();
        let missing: Vec<_> = keys.difference(&own).collect();
        let extra: Vec<_> = own.difference(&keys).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{}: missing {missing:?}, extra {extra:?}", language.code());
        for (key, text) in &f.text {
            assert!(!text.trim().is_empty(), "{}: {key} is empty", language.code());
            assert_eq!(text.trim(), text, "{}: {key} has spaces around it", language.code());
        }
    }
}

/// Dutch is the source. Every other file says whether a native speaker reviewed it; one that says so
/// names who (a role or initials). Texts that no native speaker reviewed say `reviewed = false`.
#[test]
fn every_language_says_whether_a_native_speaker_reviewed_it() {
    for language in PlanLanguage::ALL {
        let review = file(language).unwrap().review;
        assert_eq!(review.language, language.code(), "the file's [review] language");
        if review.reviewed {
            assert!(!review.reviewed_by.trim().is_empty(), "{}: reviewed, but by whom?", language.code());
        } else {
            assert!(review.reviewed_by.trim().is_empty(), "{}: not reviewed, yet a reviewer", language.code());
        }
    }
    assert!(file(PlanLanguage::Nl).unwrap().review.reviewed, "Dutch is the reviewed source");
}

/// No key is dead: each is read by a template, as `tekst.<key>` or through its prefix (`"measure_" + kind`,
/// `naar-band("child_intro")` for `child_intro_young` / `_middle` / `_teen`).
#[test]
fn every_key_is_used_by_a_template() {
    let templates = TEMPLATES.concat();
    for key in file(PlanLanguage::Nl).unwrap().text.keys() {
        let direct = templates.contains(&format!("tekst.{key}"));
        let by_prefix = key.match_indices('_').any(|(i, _)| templates.contains(&format!("\"{}\"", &key[..=i])));
        let by_band = ["_young", "_middle", "_teen"]
            .iter()
            .any(|band| key.strip_suffix(band).is_some_and(|stem| templates.contains(&format!("naar-band(\"{stem}\")"))));
        assert!(direct || by_prefix || by_band, "{key} is not used by any template");
    }
}

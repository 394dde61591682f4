//! Every content file parses and validates; broken fixtures fail with the specific error.

use std::path::Path;

use content::{BEHAVIOURS, Content, ContentError, GUIDES, Sources, embedded_sources, load_all};
use domain::fixture;

fn assets() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets"))
}

fn with(file: &str, fixture_name: &str) -> Sources {
    let mut s = embedded_sources();
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(fixture_name)).unwrap();
    s.insert(file.into(), text);
    s
}

#[test]
fn shipped_content_is_valid_and_the_same_on_disk_and_embedded() {
    let disk = load_all(assets()).expect("valid content");
    assert_eq!(disk, Content::embedded());
    let adult = disk.guide("gids.volwassene").unwrap();
    let n = adult.questions().count();
    assert!((40..=70).contains(&n), "adult guide has {n} questions");
    for g in ["gids.kind_4_7", "gids.kind_8_11", "gids.kind_12_17"] {
        let g = disk.guide(g).unwrap();
        assert!(g.requires_precheck && g.reminders.len() >= 5);
        assert!(g.questions().count() >= 10);
    }
    assert_eq!(disk.meldcode.steps.len(), 5);
}

#[test]
fn the_example_family_uses_only_shipped_ids_and_analyses_the_same() {
    let content = Content::embedded();
    let real = content.catalogue();
    let small = fixture::catalogue();
    for item in &small.items {
        let shipped = real.item(&item.id).unwrap_or_else(|| panic!("{} not shipped", item.id));
        assert_eq!((shipped.category, shipped.weight, &shipped.red_flags), (item.category, item.weight, &item.red_flags), "{}", item.id);
    }
    for (q, feeds) in &small.question_feeds {
        let shipped = real.question_feeds.get(q).unwrap_or_else(|| panic!("{q} not shipped"));
        for f in feeds {
            assert!(shipped.contains(f), "{q}: {f:?}");
        }
    }
    let a = domain::analyse(&fixture::gezin_jansen(), &real, fixture::today());
    let b = domain::analyse(&fixture::gezin_jansen(), &small, fixture::today());
    assert_eq!((a.severity, a.patterns, a.red_flags, a.coverage), (b.severity, b.patterns, b.red_flags, b.coverage));
}

#[test]
fn a_duplicated_id_fails() {
    let err = Content::parse(&with(BEHAVIOURS, "duplicate_behaviour_id.toml")).unwrap_err();
    assert_eq!(err, ContentError::DuplicateId { file: BEHAVIOURS.into(), id: "fys.duwen".into() });
    assert_eq!(err.code(), "content_duplicate_id");
}

#[test]
fn a_broken_reference_fails() {
    let err = Content::parse(&with(GUIDES[4], "broken_feed_reference.toml")).unwrap_err();
    assert_eq!(
        err,
        ContentError::BrokenReference { file: "guides/gids.netwerk".into(), from: "net.zorgen.schulden".into(), to: "stressor.bestaat_niet".into() }
    );
    assert_eq!(err.code(), "content_broken_reference");
}

#[test]
fn an_empty_required_text_fails() {
    let err = Content::parse(&with(BEHAVIOURS, "missing_label.toml")).unwrap_err();
    assert_eq!(err, ContentError::MissingField { file: BEHAVIOURS.into(), id: "fys.duwen".into(), field: "label".into() });
}

#[test]
fn a_question_id_used_in_two_guides_fails() {
    let mut s = embedded_sources();
    let net = s[GUIDES[4]].replace("net.taak.bereikbaar", "vol.stress.schulden");
    s.insert(GUIDES[4].into(), net);
    assert_eq!(Content::parse(&s).unwrap_err(), ContentError::DuplicateId { file: "guides".into(), id: "vol.stress.schulden".into() });
}

#[test]
fn victim_blaming_hints_use_the_shipped_phrases() {
    let hints = content::victim_blaming_hints("Afspraak: moeder zal vader niet uitlokken en moet rustig blijven.");
    let ids: Vec<&str> = hints.iter().map(|h| h.phrase_id.as_str()).collect();
    assert_eq!(ids, vec!["uitlokken", "rustig_blijven"]);
    assert!(content::victim_blaming_hints("Vader verlaat het huis als hij boos wordt en belt zijn broer.").is_empty());
}

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
    assert_eq!(ids, vec!["uitlokken", "kalm_blijven"]);
    assert!(content::victim_blaming_hints("Vader verlaat het huis als hij boos wordt en belt zijn broer.").is_empty());
}

/// The shipped victim-blaming phrases on plan texts, when the case is not known: (text, the phrase ids
/// that must be found). Word stems, whole patterns and who the sentence is about all count.
#[test]
fn victim_blaming_table_with_the_shipped_phrases() {
    let table: &[(&str, &[&str])] = &[
        // must trigger
        ("Moeder mag hem niet uitlokken.", &["uitlokken"]),
        ("Het geweld werd uitgelokt door haar opmerking.", &["uitlokken"]),
        ("Ze lokt het zelf uit.", &["lokt_uit"]),
        ("Zij provoceert hem als hij gedronken heeft.", &["provoceren"]),
        ("Moeder moet stoppen met provoceren.", &["provoceren"]),
        ("Hij voelde zich geprovoceerd.", &["provoceren"]),
        ("Moeder moet kalm blijven als vader boos wordt.", &["kalm_blijven"]),
        ("Zij moet rustig blijven en niets terugzeggen.", &["kalm_blijven"]),
        ("Moeder blijft rustig als de spanning oploopt.", &["blijft_kalm"]),
        ("Moeder moet de kinderen beschermen.", &["kinderen_beschermen"]),
        ("Zij moet de kinderen weghouden als hij drinkt.", &["kinderen_beschermen"]),
        ("Moeder moet ervoor zorgen dat de kinderen veilig zijn.", &["zorgen_kinderen_veilig"]),
        ("Ze moet hem niet boos maken.", &["niet_boos_maken"]),
        ("Zij moet geen aanleiding geven.", &["geen_aanleiding"]),
        ("Er zijn relatieproblemen.", &["relatieproblemen"]),
        ("De ouders hebben relatieproblemen die escaleren.", &["relatieproblemen"]),
        ("Ze zijn allebei schuld.", &["beiden_schuld"]),
        ("Beide ouders zijn schuldig aan de situatie.", &["beiden_schuld"]),
        ("De schuld ligt bij beiden.", &["schuld_bij_beiden"]),
        ("Het is haar eigen schuld.", &["eigen_schuld"]),
        ("Waar twee vechten hebben twee schuld.", &["twee_vechten"]),
        ("De ouders hebben vaak ruzie.", &["ruzie"]),
        ("Bij ruzies gaat vader naar buiten.", &["ruzie"]),
        // must not trigger
        ("Vader stopt met slaan en belt zijn coach.", &[]),
        ("Opa brengt de kinderen naar school.", &[]),
        ("Niemand lokt geweld uit; hij is verantwoordelijk voor zijn gedrag.", &[]),
        ("Niemand heeft het uitgelokt.", &[]),
        ("Mark blijft kalm en gaat naar buiten als hij boos wordt.", &[]),
        ("Sanne beschermt de kinderen al: ze gaat met hen naar boven.", &[]),
        ("Hulp bij schulden voor beide ouders.", &[]),
        ("Beide ouders krijgen hulp bij de opvoeding.", &[]),
        ("Mark komt niet thuis na het drinken.", &[]),
        ("De relatie is voorbij; de omgang loopt via oma.", &[]),
        ("De buurvrouw houdt de sleutel.", &[]),
        ("Mark moet zorgen dat de kinderen veilig naar school gaan.", &[]),
    ];
    assert!(table.len() >= 30);
    for (text, expected) in table {
        let got: Vec<String> = content::victim_blaming_hints(text).into_iter().map(|h| h.phrase_id).collect();
        assert_eq!(got, expected.to_vec(), "{text}");
    }
}

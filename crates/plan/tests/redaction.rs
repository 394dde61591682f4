//! plan_redaction (security.md): for every reader, the text extracted from their PDF holds what it must
//! and never what it must not. Also: the PDFs are tagged, titled, in Dutch, with embedded fonts, and
//! rendering leaves nothing in the temp directory.

mod fixture;

use domain::plan::{Audience, view_for};
use fixture::{ALL, ANNA_ONLY, Family, PRO_ONLY, SHARED, check, family, pdf_for, text_of};
use plan::{PlanError, Renderer, Template};

#[test]
fn professional_version_holds_everything() {
    let (r, f) = (Renderer::new(), family());
    let text = text_of(&pdf_for(&r, &f, Audience::Professional));
    check("professional", &text, &ALL.concat(), &[]);
    // Ordinary words survive extraction too (the font's ToUnicode map works).
    assert!(text.contains("Veiligheidsplan") && text.contains("Noodplan"), "{text}");
}

#[test]
fn protected_adult_gets_her_escape_plan_and_nothing_confidential_of_others() {
    let (r, f) = (Renderer::new(), family());
    let text = text_of(&pdf_for(&r, &f, Audience::Adult(f.anna)));
    check("anna", &text, &[SHARED, ANNA_ONLY, &["ZQELSTASK"]].concat(), &[PRO_ONLY, &["ZQBRAMPROBLEM", "ZQCHILDMISTAKE"]].concat());
}

#[test]
fn other_adult_gets_no_escape_plan_and_no_confidential_items_of_the_protected_person() {
    let (r, f) = (Renderer::new(), family());
    let text = text_of(&pdf_for(&r, &f, Audience::Adult(f.bram)));
    check(
        "bram",
        &text,
        &[SHARED, &["ZQBRAMPROBLEM"]].concat(),
        &[PRO_ONLY, ANNA_ONLY, &["ZQELSTASK", "ZQCHILDMISTAKE", "Noodplan"]].concat(),
    );
}

#[test]
fn no_parent_version_holds_a_childs_disclosures() {
    let (r, f) = (Renderer::new(), family());
    for parent in [f.anna, f.bram] {
        let text = text_of(&pdf_for(&r, &f, Audience::Adult(parent)));
        check("parent", &text, &[], &["ZQCHILDSECRET", "ZQCHILDMISTAKE"]);
    }
}

#[test]
fn child_versions_hold_what_the_grown_ups_promised_and_only_their_own_disclosures() {
    let (r, f) = (Renderer::new(), family());
    let noor = text_of(&pdf_for(&r, &f, Audience::Child(f.noor)));
    check(
        "noor",
        &noor,
        &["ZQSHAREDAGREEMENT", "ZQSHAREDCONDITION", "ZQKEESTASK", "ZQWIJKTEAMCONTACT", "ZQCHILDMISTAKE", "112", "0800-0432"],
        &[PRO_ONLY, ANNA_ONLY, &["ZQBRAMPROBLEM", "ZQELSTASK", "ZQSEMSUPPORT"]].concat(),
    );
    let sem = text_of(&pdf_for(&r, &f, Audience::Child(f.sem)));
    check(
        "sem",
        &sem,
        &["ZQSHAREDAGREEMENT", "ZQSEMSUPPORT"],
        &[PRO_ONLY, ANNA_ONLY, &["ZQBRAMPROBLEM", "ZQELSTASK", "ZQCHILDMISTAKE"]].concat(),
    );
}

#[test]
fn network_versions_hold_only_their_tasks_and_shared_items() {
    let (r, f) = (Renderer::new(), family());
    let not_for_network = [
        PRO_ONLY,
        ANNA_ONLY,
        &["ZQSHAREDWORRY", "ZQMEASURE", "ZQBRAMPROBLEM", "ZQCHILDMISTAKE", "ZQSEMSUPPORT"],
    ]
    .concat();
    let kees = text_of(&pdf_for(&r, &f, Audience::Network(f.kees)));
    check(
        "kees",
        &kees,
        &["ZQKEESTASK", "ZQSHAREDAGREEMENT", "ZQSHAREDCONDITION", "ZQSHAREDSIGNAL", "ZQWIJKTEAMCONTACT"],
        &[not_for_network.as_slice(), &["ZQELSTASK"]].concat(),
    );
    let els = text_of(&pdf_for(&r, &f, Audience::Network(f.els)));
    check("els", &els, &["ZQELSTASK", "ZQSHAREDAGREEMENT"], &not_for_network);
}

#[test]
fn a_template_refuses_a_view_for_another_reader() {
    let (r, f) = (Renderer::new(), family());
    let view = view_for(&f.plan, &f.hh, &Audience::Professional).unwrap();
    assert_eq!(r.pdf(&view, Template::Child).unwrap_err(), PlanError::TemplateMismatch);
    assert_eq!(r.pngs(&view, Template::Adult, 1.0).unwrap_err().code(), "plan_template_mismatch");
    assert_eq!(r.pngs(&view, Template::Professional, 0.0).unwrap_err(), PlanError::Scale);
}

#[test]
fn pdf_is_tagged_titled_dutch_with_embedded_fonts() {
    let (r, f) = (Renderer::new(), family());
    let pdf = pdf_for(&r, &f, Audience::Adult(f.anna));
    let doc = lopdf::Document::load_mem(&pdf).expect("valid PDF");
    let catalog = doc.catalog().expect("catalog");
    assert!(catalog.get(b"StructTreeRoot").is_ok(), "tagged PDF has a structure tree");
    let lang = catalog.get(b"Lang").and_then(|l| l.as_str()).expect("document language");
    assert!(lang.starts_with(b"nl"), "{lang:?}");
    let marked = catalog.get(b"MarkInfo").and_then(|m| doc.dereference(m)).and_then(|(_, m)| m.as_dict().cloned());
    assert!(marked.is_ok_and(|m| m.get(b"Marked").and_then(|b| b.as_bool()).unwrap_or(false)));
    let title = doc.trailer.get(b"Info").and_then(|i| doc.dereference(i)).and_then(|(_, i)| i.as_dict().cloned())
        .and_then(|i| i.get(b"Title").and_then(|t| t.as_str()).map(|t| t.to_vec()));
    let title = title.expect("document title");
    let title = match title.strip_prefix(b"\xfe\xff") {
        Some(utf16) => String::from_utf16_lossy(&utf16.chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect::<Vec<_>>()),
        None => String::from_utf8_lossy(&title).into_owned(),
    };
    assert!(title.contains("Veiligheidsplan") && title.contains("Anna"), "{title}");
    let fonts_embedded = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Type").and_then(|t| t.as_name()).is_ok_and(|n| n == b"FontDescriptor"))
        .map(|d| d.has(b"FontFile2") || d.has(b"FontFile3"))
        .collect::<Vec<_>>();
    assert!(!fonts_embedded.is_empty() && fonts_embedded.iter().all(|e| *e), "{fonts_embedded:?}");
}

#[test]
fn preview_pages_are_png_images() {
    let (r, f) = (Renderer::new(), family());
    let view = view_for(&f.plan, &f.hh, &Audience::Child(f.noor)).unwrap();
    let pages = r.pngs(&view, Template::Child, 1.0).unwrap();
    assert!(!pages.is_empty());
    for png in &pages {
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        // A4 at 1 pixel per point: 595 x 842.
        let (w, h) = (u32::from_be_bytes(png[16..20].try_into().unwrap()), u32::from_be_bytes(png[20..24].try_into().unwrap()));
        assert_eq!((w, h), (595, 842));
    }
}

/// No plaintext temp files: after rendering every version, no file in the temp directory that changed
/// during the test holds a marker. (The crate has no file IO at all; this proves it from the outside.)
#[test]
fn rendering_leaves_nothing_in_the_temp_dir() {
    let start = std::time::SystemTime::now() - std::time::Duration::from_secs(1);
    let (r, f) = (Renderer::new(), family());
    for audience in [Audience::Professional, Audience::Adult(f.anna), Audience::Child(f.noor), Audience::Network(f.kees)] {
        let view = view_for(&f.plan, &f.hh, &audience).unwrap();
        let template = Template::for_audience(view.audience);
        r.pdf(&view, template).unwrap();
        r.pngs(&view, template, 0.5).unwrap();
    }
    let mut stack = vec![std::env::temp_dir()];
    let mut offenders = Vec::new();
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                stack.push(path);
            } else if meta.modified().is_ok_and(|m| m >= start) && meta.len() < 64 << 20 {
                if let Ok(bytes) = std::fs::read(&path) {
                    if bytes.windows(10).any(|w| w == b"ZQESCAPEAD" || w == b"ZQSHAREDCO") {
                        offenders.push(path);
                    }
                }
            }
        }
    }
    assert!(offenders.is_empty(), "{offenders:?}");
}

/// The family picture, with one arrow whose behaviour carries a marker, as the professional's version gets it.
fn picture_of(f: &Family) -> domain::plan::PictureView {
    use domain::picture::{FamilyPicture, PictureArrow, PictureCouple, PictureNode, PictureParentLink, PictureRow};
    let node = |person, role, row| PictureNode { person, role, row, lives_in_household: true, year_of_birth: None };
    let picture = FamilyPicture {
        nodes: vec![
            node(f.anna, domain::Role::Parent, PictureRow::Adults),
            node(f.bram, domain::Role::Parent, PictureRow::Adults),
            node(f.noor, domain::Role::Child, PictureRow::Children),
            node(f.kees, domain::Role::Network, PictureRow::Network),
        ],
        couples: vec![PictureCouple { a: f.anna, b: f.bram, separated: true, separation_date: None }],
        parent_links: vec![
            PictureParentLink { parent: f.anna, child: f.noor, step: false },
            PictureParentLink { parent: f.bram, child: f.noor, step: true },
        ],
        siblings: vec![],
        arrows: vec![PictureArrow {
            actor: f.bram,
            target: f.anna,
            weight: domain::Weight::Ernstig,
            yearly: 15,
            categories: vec![domain::BehaviourCategory::Physical],
            behaviours: vec!["zq.picture".into()],
            witnessed_by: vec![f.noor],
            evidence: Default::default(),
        }],
    };
    domain::plan::PictureView::new(&picture, &f.hh, |id| if id == "zq.picture" { "ZQPICTUREBEHAVIOUR".into() } else { id.into() })
}

#[test]
fn only_the_professional_pdf_holds_the_family_picture() {
    let (r, f) = (Renderer::new(), family());
    let drawn = picture_of(&f);
    for (audience, expected) in [
        (Audience::Professional, true),
        (Audience::Adult(f.anna), false),
        (Audience::Adult(f.bram), false),
        (Audience::Child(f.noor), false),
        (Audience::Network(f.kees), false),
    ] {
        let view = view_for(&f.plan, &f.hh, &audience).unwrap().with_picture(drawn.clone());
        assert_eq!(view.picture.is_some(), expected, "{audience:?}");
        let text = text_of(&r.pdf(&view, Template::for_audience(view.audience)).expect("pdf"));
        for marker in ["Hetgezininbeeld", "ZQPICTUREBEHAVIOUR", "~15×/jaar", "erbij:Noor"] {
            assert_eq!(text.contains(marker), expected, "{audience:?}: {marker}");
        }
    }
}

/// A child's PDF for Noor aged `age` this year (`None`: year of birth unknown), with its band and text.
fn child_version(age: Option<i32>) -> (Option<domain::AgeBand>, String) {
    use chrono::Datelike;
    let (r, mut f) = (Renderer::new(), family());
    let year = view_for(&f.plan, &f.hh, &Audience::Child(f.noor)).expect("view").date.year();
    let noor = f.noor;
    f.hh.persons.iter_mut().find(|p| p.id == noor).expect("Noor").year_of_birth = age.map(|a| year - a);
    let view = view_for(&f.plan, &f.hh, &Audience::Child(noor)).expect("view");
    let text = text_of(&r.pdf(&view, Template::for_audience(view.audience)).expect("pdf"));
    (view.child_band, text)
}

/// A child's version fits the child's age band (domain.md §4: the three bands really differ). Each band
/// has its own heading for the agreements and its own closing words; none carries another band's.
const BAND_WORDS: [(domain::AgeBand, &str, &str); 3] = [
    (domain::AgeBand::Young, "Watdegrotemensenbeloven", "Hetisnooitjouwschuldalsgrotemensenboos"),
    (domain::AgeBand::Middle, "Watdevolwassenenbeloven", "Jemaghetaltijdvertellenaaniemanddiejevertrouwt"),
    (domain::AgeBand::Teen, "Watdevolwassenenafspreken", "Jemageraltijdmetiemandoverpraten"),
];

fn assert_band(name: &str, age: Option<i32>, band: domain::AgeBand) {
    let (got, text) = child_version(age);
    assert_eq!(got, Some(band), "{name}: band");
    for (b, heading, closing) in BAND_WORDS {
        let own = b == band;
        assert_eq!(text.contains(heading), own, "{name}: heading {heading}");
        assert_eq!(text.contains(closing), own, "{name}: closing words {closing}");
    }
}

#[test]
fn a_young_childs_version_has_the_simplest_words() {
    assert_band("6 years", Some(6), domain::AgeBand::Young);
    assert!(child_version(Some(6)).1.contains("Ditisjouwplan.Hierstaatwiejehelpt."));
}

#[test]
fn a_child_of_8_to_11_reads_plain_short_sentences() {
    assert_band("9 years", Some(9), domain::AgeBand::Middle);
    // Without a year of birth: the same plain words, neither childish nor for an almost-adult.
    assert_band("age unknown", None, domain::AgeBand::Middle);
    let text = child_version(Some(9)).1;
    assert!(!text.contains("grotemensen"), "8–11: no 'grote mensen'");
}

#[test]
fn a_teenagers_version_speaks_to_an_almost_adult() {
    assert_band("14 years", Some(14), domain::AgeBand::Teen);
    // 18 this year, perhaps still 17: still the teenager's words.
    assert_band("18 this year", Some(18), domain::AgeBand::Teen);
    assert!(!child_version(Some(14)).1.contains("grotemensen"), "teenager: no 'grote mensen'");
}

#[test]
fn only_a_childs_version_carries_a_band() {
    let f = family();
    for audience in [Audience::Professional, Audience::Adult(f.anna)] {
        assert_eq!(view_for(&f.plan, &f.hh, &audience).expect("view").child_band, None, "{audience:?}");
    }
}

/// Practice mode (issue 12): a plan made in the practice vault says `OEFENMODUS` on every page, for every
/// reader; a real plan never does.
#[test]
fn a_practice_plan_says_oefenmodus_on_every_page_and_a_real_plan_never() {
    let r = Renderer::new();
    let f = fixture::long_family(30);
    for audience in [Audience::Professional, Audience::Adult(f.anna), Audience::Child(f.noor), Audience::Network(f.kees)] {
        let mut view = view_for(&f.plan, &f.hh, &audience).expect("view");
        let template = Template::for_audience(view.audience);
        let real = text_of(&r.pdf(&view, template).expect("pdf"));
        assert!(!real.contains("OEFENMODUS"), "{audience:?}: a real plan says OEFENMODUS");
        view.practice = true;
        let pages = r.page_count(&view, template).expect("pages");
        let practice = text_of(&r.pdf(&view, template).expect("pdf"));
        assert_eq!(practice.matches("OEFENMODUS").count(), pages, "{audience:?}: OEFENMODUS once on each of {pages} pages");
    }
    // The long family's professional version runs over several pages, so "every page" is tested.
    let view = view_for(&f.plan, &f.hh, &Audience::Professional).unwrap();
    assert!(r.page_count(&view, Template::Professional).unwrap() > 1);
}

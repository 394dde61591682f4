//! Content lint over every shipped file: the rules of domain.md §2.3, §4 and the style guide that a
//! reviewer would otherwise have to check by hand.

use std::path::{Path, PathBuf};

use content::Content;
use domain::indicators::ANSWER_RED_FLAGS;
use domain::{Guide, GuideAudience};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every shipped text file under `assets/` (not the fonts), plus the UI's Dutch catalogue.
fn shipped_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).expect("readable assets") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                if p.file_name().is_some_and(|n| n != "fonts") {
                    walk(&p, out);
                }
            } else if p.extension().is_some_and(|x| x == "toml" || x == "json" || x == "typ") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join("assets"), &mut out);
    out.push(root().join("ui/src/lib/i18n/nl.ts"));
    out.sort();
    out
}

fn words(text: &str) -> Vec<String> {
    text.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// Persons are never labelled "dader", "pleger" or "slachtoffer": only positions (`plegerpositie`).
#[test]
fn no_person_is_labelled_with_a_forbidden_noun() {
    const FORBIDDEN: [&str; 6] = ["dader", "daders", "pleger", "plegers", "slachtoffer", "slachtoffers"];
    let files = shipped_files();
    assert!(files.len() >= 15, "found {} files", files.len());
    let mut hits = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("text file");
        // The English errors in errors.json are checked below with their own list.
        for (n, line) in text.lines().enumerate() {
            for w in words(line) {
                if FORBIDDEN.contains(&w.as_str()) {
                    hits.push(format!("{}:{}: {w}", f.display(), n + 1));
                }
            }
        }
    }
    let en = std::fs::read_to_string(root().join("ui/src/lib/i18n/en.ts")).unwrap()
        + &std::fs::read_to_string(root().join("assets/i18n/errors.json")).unwrap();
    let ws = words(&en);
    for (i, w) in ws.iter().enumerate() {
        let noun = matches!(w.as_str(), "perpetrator" | "perpetrators" | "abuser" | "abusers" | "victim" | "victims");
        if noun && ws.get(i + 1).map(String::as_str) != Some("position") {
            hits.push(format!("en: {w} {}", ws.get(i + 1).map(String::as_str).unwrap_or("")));
        }
    }
    assert!(hits.is_empty(), "forbidden labels:\n{}", hits.join("\n"));
}

fn guides() -> Vec<Guide> {
    Content::embedded().guides
}

fn child_guides() -> Vec<Guide> {
    guides()
        .into_iter()
        .filter(|g| matches!(g.audience, GuideAudience::Child4To7 | GuideAudience::Child8To11 | GuideAudience::Child12To17))
        .collect()
}

/// Every text of a guide: intro, reminders, sections, questions, help, options, scale anchors.
fn all_texts(g: &Guide) -> Vec<String> {
    let mut out = vec![g.title.clone(), g.intro.clone()];
    out.extend(g.reminders.iter().cloned());
    for s in &g.sections {
        out.push(s.title.clone());
        out.push(s.intro.clone());
        for q in &s.questions {
            out.push(q.text.clone());
            out.push(q.help.clone());
            match &q.answer {
                domain::AnswerType::Choice { options } => out.extend(options.iter().map(|o| o.label.clone())),
                domain::AnswerType::Scale { low, high } => out.extend([low.clone(), high.clone()]),
                _ => {}
            }
        }
    }
    out
}

#[test]
fn child_guides_never_say_ruzie_papa_en_mama_or_toveren() {
    let guides = child_guides();
    assert_eq!(guides.len(), 3);
    for g in &guides {
        for t in all_texts(g) {
            let lower = t.to_lowercase();
            for bad in ["ruzie", "papa en mama", "mama en papa", "toveren", "meningsverschil"] {
                assert!(!lower.contains(bad), "{}: '{bad}' in: {t}", g.id);
            }
        }
    }
    // The adult guide does not frame violence as "ruzie" or "meningsverschil" either.
    let adult = Content::embedded().guide("gids.volwassene").unwrap().clone();
    for t in all_texts(&adult) {
        let lower = t.to_lowercase();
        assert!(!lower.contains("ruzie") && !lower.contains("meningsverschil"), "adult guide: {t}");
    }
}

/// A question whose answer raises a red flag asks exactly one thing, so the flag means exactly that.
#[test]
fn every_red_flag_question_asks_one_thing() {
    let flag_indicators: Vec<&str> = ANSWER_RED_FLAGS.iter().map(|(i, _, _)| *i).collect();
    let mut checked = 0;
    for g in guides() {
        for q in g.questions() {
            if !q.feeds.iter().any(|f| flag_indicators.contains(&f.indicator())) {
                continue;
            }
            checked += 1;
            assert_eq!(q.text.matches('?').count(), 1, "{}: one question mark: {}", q.id, q.text);
            let lower = q.text.to_lowercase();
            for joint in [", of ", "? of ", " of bent ", " of heeft ", " of is ", " of wordt ", " en bent ", " en heeft "] {
                assert!(!lower.contains(joint), "{}: asks two things ('{joint}'): {}", q.id, q.text);
            }
            assert!(q.text.split_whitespace().count() <= 20, "{}: keep it short (B1): {}", q.id, q.text);
        }
    }
    assert!(checked >= ANSWER_RED_FLAGS.len(), "every red-flag indicator has its question ({checked})");
}

/// The three age bands really differ: at most half of one guide's questions return in another.
#[test]
fn the_three_child_guides_differ_in_at_least_half_their_questions() {
    let guides = child_guides();
    let norm = |t: &str| words(t).join(" ");
    for a in &guides {
        for b in &guides {
            if a.id == b.id {
                continue;
            }
            let theirs: Vec<String> = b.questions().map(|q| norm(&q.text)).collect();
            let total = a.questions().count();
            let same = a.questions().filter(|q| theirs.contains(&norm(&q.text))).count();
            assert!(same * 2 <= total, "{} shares {same} of {total} questions with {}", a.id, b.id);
        }
    }
    // 4–7 uses faces, not 0–10; 8–11 and 12–17 use a 0–10 scale with anchors.
    let by = |aud| guides.iter().find(|g| g.audience == aud).unwrap();
    let scales = |g: &Guide| g.questions().filter(|q| matches!(q.answer, domain::AnswerType::Scale { .. })).count();
    assert_eq!(scales(by(GuideAudience::Child4To7)), 0);
    assert!(scales(by(GuideAudience::Child8To11)) >= 1);
    assert!(scales(by(GuideAudience::Child12To17)) >= 1);
    // 12–17 asks about own relationships, online control, own aggression, contact and where to live.
    let teen = all_texts(by(GuideAudience::Child12To17)).join(" ").to_lowercase();
    for topic in ["relatie", "telefoon", "boos", "contact", "wonen"] {
        assert!(teen.contains(topic), "12–17 guide asks about '{topic}'");
    }
    // Very short questions for the youngest.
    for q in by(GuideAudience::Child4To7).questions() {
        assert!(q.text.split_whitespace().count() <= 14, "{}: too long for a young child: {}", q.id, q.text);
    }
}

#[test]
fn child_guides_have_ground_rules_practice_literal_words_and_stop_on_disclosure() {
    for g in child_guides() {
        let reminders = g.reminders.join(" ").to_lowercase();
        for must in ["weet ik niet", "verbeter", "oefen", "letterlijke woorden", "stop met doorvragen", "meldcode", "geheimhouding"] {
            assert!(reminders.contains(must), "{}: reminders mention '{must}'", g.id);
        }
    }
}

fn has_any(text: &str, list: &[&str]) -> Option<String> {
    words(text).into_iter().find(|w| list.contains(&w.as_str()))
}

/// One form of address per audience: adults and network persons are "u", children "je"; what the
/// guides and the Meldcode say to the professional is "u" too.
#[test]
fn each_audience_uses_one_form_of_address() {
    const JE: [&str; 4] = ["je", "jij", "jou", "jouw"];
    const U: [&str; 2] = ["u", "uw"];
    for g in guides() {
        let child = matches!(g.audience, GuideAudience::Child4To7 | GuideAudience::Child8To11 | GuideAudience::Child12To17);
        for q in g.questions() {
            let wrong = if child { has_any(&q.text, &U) } else { has_any(&q.text, &JE) };
            assert!(wrong.is_none(), "{}: '{}' in: {}", q.id, wrong.unwrap_or_default(), q.text);
            assert!(has_any(&q.help, &JE).is_none(), "{}: help for the professional uses 'u': {}", q.id, q.help);
        }
        for t in g.reminders.iter().chain([&g.intro]) {
            assert!(has_any(t, &JE).is_none(), "{}: {t}", g.id);
        }
    }
    let m = Content::embedded().meldcode;
    for t in m.steps.iter().map(|s| &s.description).chain(m.questions.iter().flat_map(|q| [&q.text, &q.help])) {
        assert!(has_any(t, &JE).is_none(), "meldcode: {t}");
    }
}

/// Every adult is asked about their own behaviour, motivation and the help they accept, about the
/// protective efforts for the children, and about every control domain.
#[test]
fn the_adult_guide_covers_what_every_adult_is_asked() {
    let c = Content::embedded();
    let adult = c.guide("gids.volwassene").unwrap();
    for id in [
        "vol.eigen_gedrag.wat_doet_u",
        "vol.eigen_gedrag.veranderen",
        "vol.eigen_gedrag.motivatie",
        "vol.eigen_gedrag.hulp",
        "vol.kinderen.beschermen",
        "vol.macht.inkomen",
        "vol.macht.zorg",
        "vol.macht.sociaal",
        "vol.relatie.beslissingen",
    ] {
        assert!(adult.question(id).is_some(), "{id}");
    }
    for d in domain::analysis::ALL_CONTROL_DOMAINS {
        let ind = domain::indicators::asked_control_domain(d);
        let n = adult.questions().filter(|q| q.feeds.iter().any(|f| f.indicator() == ind)).count();
        assert_eq!(n, 1, "exactly one question asks about {d:?}");
    }
}

/// Cards teach: focus, help, what to avoid, partners, needs; complexe scheiding names what to avoid
/// with coercive control; intieme terreur offers help to the person in the plegerpositie; `opvang` for
/// women and men; current terms.
#[test]
fn cards_are_rich_and_use_current_terms() {
    let c = Content::embedded();
    let card = |p| c.profiles.iter().find(|x| x.profile == p).unwrap();
    let it = card(domain::ProfileKind::IntiemeTerreur);
    let it_text = format!("{:?}", it.arrangement).to_lowercase();
    assert!(it_text.contains("hulp voor de persoon in de plegerpositie"), "{it_text}");
    assert!(it_text.contains("opvang voor vrouwen of voor mannen"));
    let cs = card(domain::ProfileKind::ComplexeScheiding);
    let avoid = cs.arrangement.avoid.join(" ").to_lowercase();
    for must in ["mediation", "ouderschapscursus", "druk", "rechtszaken"] {
        assert!(avoid.contains(must), "complexe scheiding avoids: {must}");
    }
    for f in ["cards/profielen.toml", "redflags/rode_vlaggen.toml", "meldcode/meldcode.toml", "plan_i18n/nl.toml"] {
        let t = std::fs::read_to_string(root().join("assets").join(f)).unwrap().to_lowercase();
        assert!(!t.contains("gezinsvoogd") && !t.contains("vrouwenopvang"), "{f}: use jeugdbeschermer and opvang");
    }
    let flags = std::fs::read_to_string(root().join("assets/redflags/rode_vlaggen.toml")).unwrap();
    assert!(flags.contains("opvang voor vrouwen en voor mannen"));
    let forced = c.behaviours.iter().find(|b| b.id == "sek.dwingen").unwrap();
    assert_eq!(forced.weight, domain::Weight::Ernstig);
    assert!(forced.red_flags.contains(&domain::RedFlag::ForcedSex));
    assert!(forced.label.contains("tegen de wil"));
}

/// Art. 48 is named only where mediation is imposed, nowhere for joint conversations.
#[test]
fn art_48_is_named_only_for_imposed_mediation() {
    let mut hits = Vec::new();
    for f in shipped_files().into_iter().chain([root().join("ui/src/lib/i18n/en.ts")]) {
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let lower = line.to_lowercase();
            if lower.contains("art. 48") || lower.contains("artikel 48") {
                if !(lower.contains("mediation") || lower.contains("bemiddel")) {
                    hits.push(format!("{}:{}: {line}", f.display(), n + 1));
                }
            }
        }
    }
    assert!(hits.is_empty(), "art. 48 outside imposed mediation:\n{}", hits.join("\n"));
}

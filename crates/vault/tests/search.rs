//! Notes and full-text search (issue 13) on real SQLCipher files: the Dutch query table on a generated
//! vault of 50,000 notes in 1,000 cases, the index kept in step with every indexed write, the canary
//! scan (the index is encrypted with the rest), and a really deleted note gone from search and, after
//! a VACUUM, from the database's content.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use common::{files_under, new_vault, person};
use domain::notes::NoteInput;
use domain::search::{SearchHit, SearchKind, parse_query};
use domain::{Answer, AnswerValue, BehaviourRecord, Conversation, Role, Stance, Visibility};
use uuid::Uuid;
use vault::Vault;

fn input(title: &str, text: &str) -> NoteInput {
    NoteInput {
        person_id: None,
        conversation_id: None,
        date: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        title: title.into(),
        text: text.into(),
        tags: vec![],
        confidential: false,
    }
}

fn search(v: &Vault, query: &str, case: Option<Uuid>) -> Vec<SearchHit> {
    v.search(&parse_query(query).expect("a query"), case, 100).unwrap()
}

fn found(v: &Vault, query: &str) -> BTreeSet<Uuid> {
    search(v, query, None).iter().map(|h| h.item_id).collect()
}

/// Words of the generated notes. None of them starts with a word of the query table, so what the
/// table expects is exactly the planted notes.
const FILLER: &[&str] = &[
    "afspraak",
    "school",
    "moeder",
    "vader",
    "week",
    "rustig",
    "thuis",
    "werk",
    "oma",
    "buurvrouw",
    "fiets",
    "eten",
    "boodschappen",
    "huiswerk",
    "voetbal",
    "regen",
    "morgen",
    "tandarts",
    "verjaardag",
    "trein",
    "bibliotheek",
    "zwemles",
    "koffie",
    "tuin",
    "hond",
    "muziek",
    "vakantie",
    "gemeente",
    "formulier",
    "telefoon",
    "de",
    "het",
    "een",
    "en",
    "met",
];

fn filler(i: usize) -> (String, String) {
    let word = |k: usize| FILLER[(i * 7 + k * 13 + i / 31) % FILLER.len()];
    let title = format!("{} {}", word(1), word(2));
    let text = (0..18).map(word).collect::<Vec<_>>().join(" ");
    (title, text)
}

#[test]
fn dutch_queries_on_a_generated_vault_of_50000_notes_find_exactly_the_expected_notes() {
    let dir = tempfile::tempdir().unwrap();
    let (v, _) = new_vault(dir.path());
    // Generation speed only: the commits of the 1,000 cases without fsync (every write still goes
    // through the repositories and the index).
    v.connection().execute_batch("PRAGMA synchronous = OFF").unwrap();
    let cases: Vec<Uuid> = (0..1000).map(|i| v.cases().create(&format!("Casus {i:04}")).unwrap().id).collect();
    let mut batch: Vec<(Uuid, NoteInput)> = Vec::with_capacity(50_000);
    // The planted notes: (name, case index, title, text, confidential).
    let planted: &[(&str, usize, &str, &str, bool)] = &[
        ("schreeuwde", 3, "Huisbezoek", "Vader schreeuwde tegen de kinderen toen de deur dicht ging.", false),
        ("schreeuwen", 410, "Het schreeuwen hield aan", "Twee avonden achter elkaar.", false),
        ("geschreeuw", 411, "Gang", "Er was geschreeuw in de gang.", false),
        ("café", 12, "Afspraak in het café", "Moeder wil liever niet thuis praten.", false),
        ("cafe", 999, "Cafe", "Bij het station, om tien uur.", false),
        ("phrase", 20, "Avond", "Toen het kind huilde ging de buurvrouw kijken.", false),
        ("phrase_apart", 21, "Ochtend", "Het kind at niet en huilde later.", false),
        ("phrase_caps", 22, "Het Kind Huilde", "Aan het begin van het gesprek.", false),
        ("sloeg", 30, "Incident", "Hij sloeg haar in de keuken.", false),
        ("geslagen", 31, "Verslag", "Ze is eerder geslagen, zegt de oudste.", false),
        ("slaan", 32, "Dreiging", "Hij dreigde te slaan als ze wegging.", false),
        ("slang", 33, "Dieren", "De slang van de buren.", false),
        (
            "confidential",
            40,
            "Vertrouwelijk",
            "Daan vertelt over nachtmerries en wil niet dat zijn vader het weet.",
            true,
        ),
        ("trashed", 41, "Oud", "Over het vuurwerk met oud en nieuw.", false),
        ("school", 50, "Kind en school", "Het kind wil niet meer naar school.", false),
    ];
    for i in 0..50_000 - planted.len() {
        let (title, text) = filler(i);
        batch.push((cases[i % cases.len()], input(&title, &text)));
    }
    for (_, case, title, text, confidential) in planted {
        batch.push((cases[*case], NoteInput { confidential: *confidential, ..input(title, text) }));
    }
    let notes = v.notes().create_many(&batch).unwrap();
    assert_eq!(notes.len(), 50_000);
    let id = |name: &str| notes[50_000 - planted.len() + planted.iter().position(|p| p.0 == name).unwrap()].id;
    v.notes().trash(id("trashed")).unwrap();

    let table: &[(&str, &[&str])] = &[
        // Prefix: the start of a word, never the middle.
        ("schreeuw", &["schreeuwde", "schreeuwen"]),
        ("SCHREEUWDE", &["schreeuwde"]),
        // Diacritics and case folded both ways.
        ("café", &["café", "cafe"]),
        ("cafe", &["café", "cafe"]),
        ("CAFÉ", &["café", "cafe"]),
        // A phrase: the words next to each other, any case.
        ("\"het kind huilde\"", &["phrase", "phrase_caps"]),
        ("kind huilde", &["phrase", "phrase_apart", "phrase_caps"]),
        // A strong verb finds its other forms; no prefix of another word.
        ("slaan", &["sloeg", "geslagen", "slaan"]),
        ("sloeg", &["sloeg", "geslagen", "slaan"]),
        // A word in a confidential note is found (the search is the professional's).
        ("nachtmerrie", &["confidential"]),
        // Nothing in the trash.
        ("vuurwerk", &[]),
        // Every word must be there.
        ("kind school", &["school"]),
        ("zwemles tandarts vuurwerk", &[]),
    ];
    let mut wrong = Vec::new();
    for (query, expected) in table {
        let expected: BTreeSet<Uuid> = expected.iter().map(|n| id(n)).collect();
        let got = found(&v, query);
        if got != expected {
            wrong.push(format!("{query:?}: expected {} notes, got {}", expected.len(), got.len()));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));

    let hit = search(&v, "nachtmerrie", None).remove(0);
    assert!(hit.confidential && hit.kind == SearchKind::Note);
    assert_eq!(hit.case_label, "Casus 0040");
    assert_eq!(hit.date, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
    let marked: Vec<&str> = hit.snippet.iter().filter(|p| p.mark).map(|p| p.text.as_str()).collect();
    assert_eq!(marked, ["nachtmerries"]);
    // Within one case.
    let in_case: Vec<Uuid> = search(&v, "schreeuw", Some(cases[410])).iter().map(|h| h.item_id).collect();
    assert_eq!(in_case, [id("schreeuwen")]);
    // A filler word is in thousands of notes: the best 100 are returned.
    assert_eq!(search(&v, "zwemles", None).len(), 100);
}

#[test]
fn notes_keep_their_versions_trash_restore_and_empty_the_trash() {
    let dir = tempfile::tempdir().unwrap();
    let (v, _) = new_vault(dir.path());
    let case = v.cases().create("Gezin K.").unwrap();
    let note = v.notes().create(case.id, &input("", "")).unwrap();
    let saved = |title: &str, text: &str| {
        v.notes()
            .update(note.id, &NoteInput { tags: vec!["#School".into(), "school".into()], ..input(title, text) })
            .unwrap()
    };
    saved("Huisbezoek", "");
    saved("Huisbezoek", "Eerste zin.");
    let last = saved("Huisbezoek", "Eerste zin. Tweede zin.");
    assert_eq!(last.tags, ["school"]);
    saved("Huisbezoek", "Eerste zin. Tweede zin.");
    let versions = v.notes().versions(note.id).unwrap();
    let texts: Vec<(u32, &str, &str)> =
        versions.iter().map(|x| (x.number, x.title.as_str(), x.text.as_str())).collect();
    // The empty start is not a version; an unchanged save adds none.
    assert_eq!(texts, [(1, "Huisbezoek", ""), (2, "Huisbezoek", "Eerste zin.")]);
    assert!(versions[0].saved_at <= versions[1].saved_at && versions[1].saved_at <= last.updated_at);
    assert_eq!(found(&v, "tweede"), BTreeSet::from([note.id]));

    v.notes().trash(note.id).unwrap();
    // The index agrees with its content table while a note waits in the trash.
    v.connection().execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)", []).unwrap();
    assert!(v.notes().list(case.id).unwrap().is_empty());
    assert_eq!(v.notes().list_trash(case.id).unwrap().len(), 1);
    assert!(found(&v, "tweede").is_empty(), "a note in the trash is not found");
    assert!(
        matches!(v.notes().update(note.id, &input("x", "y")), Err(vault::VaultError::NotFound(_))),
        "a note in the trash is not changed"
    );
    assert!(v.notes().trash(note.id).is_err(), "twice in the trash");
    v.notes().restore(note.id).unwrap();
    assert_eq!(found(&v, "tweede"), BTreeSet::from([note.id]));
    v.notes().trash(note.id).unwrap();
    let other = v.notes().create(case.id, &input("Blijft", "Dit blijft staan.")).unwrap();
    assert_eq!(v.notes().empty_trash(case.id).unwrap(), 1);
    assert!(matches!(v.notes().get(note.id), Err(vault::VaultError::NotFound(_))));
    assert!(v.notes().versions(note.id).unwrap().is_empty());
    assert_eq!(v.notes().list(case.id).unwrap().iter().map(|n| n.id).collect::<Vec<_>>(), [other.id]);
    // The access log has ids and action names, never what was written.
    let actions: Vec<String> =
        v.audit_log().unwrap().into_iter().filter(|e| e.subject_id == Some(note.id)).map(|e| e.action).collect();
    assert_eq!(
        actions,
        [
            "note_created",
            "note_saved",
            "note_saved",
            "note_saved",
            "note_saved",
            "note_trashed",
            "note_restored",
            "note_trashed",
            "note_deleted"
        ]
    );
    let log = serde_json::to_string(&v.audit_log().unwrap()).unwrap();
    assert!(!log.contains("zin") && !log.contains("Huisbezoek"));
}

#[test]
fn the_index_follows_answers_records_plans_and_cases_and_forgets_what_is_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let (v, _) = new_vault(dir.path());
    let case = v.cases().create("Familie Ruïnekasteel").unwrap();
    let mother = v.persons().add(case.id, person(Role::Parent, "Sanne")).unwrap();
    let father = v.persons().add(case.id, person(Role::Partner, "Mark")).unwrap();
    let now = chrono::Utc::now();
    let conversation = Conversation {
        id: Uuid::now_v7(),
        case_id: case.id,
        participants: vec![mother.id],
        joint_reason: None,
        safety_justification: None,
        guide_id: "gids.volwassene".into(),
        guide_version: 1,
        started_at: now,
        ended_at: None,
        notes: String::new(),
    };
    v.conversations().save(&conversation).unwrap();
    let mut answer = Answer {
        id: Uuid::now_v7(),
        conversation_id: conversation.id,
        question_id: "vol.open".into(),
        source_person: mother.id,
        value: AnswerValue::Text { text: "Hij controleert mijn telefoon".into() },
        words: "elke avond".into(),
        confidential: Visibility::Everyone,
        updated_at: now,
    };
    v.answers().save(&answer).unwrap();
    // The token that names the case inside the index is not found by typing it.
    assert!(found(&v, &format!("c{}", case.id.simple())).is_empty());
    // Case labels, with diacritics folded.
    let label = search(&v, "ruinekasteel", None);
    assert_eq!((label.len(), label[0].kind, label[0].item_id), (1, SearchKind::Case, case.id));
    let hit = search(&v, "telefoon", None);
    assert_eq!((hit.len(), hit[0].kind, hit[0].conversation_id), (1, SearchKind::Answer, Some(conversation.id)));
    assert_eq!(hit[0].reference.as_deref(), Some("vol.open"));
    assert_eq!(found(&v, "avond"), BTreeSet::from([answer.id]), "the person's own words");
    // A changed answer is found by what it says now, not by what it said.
    answer.value = AnswerValue::Text { text: "Hij leest mijn berichten".into() };
    v.answers().save(&answer).unwrap();
    assert!(found(&v, "telefoon").is_empty());
    assert_eq!(found(&v, "berichten"), BTreeSet::from([answer.id]));

    let record = BehaviourRecord {
        id: Uuid::now_v7(),
        case_id: case.id,
        actors: vec![father.id],
        targets: vec![mother.id],
        behaviour_id: "psy.schreeuwen".into(),
        stance: Stance::Reported { frequency: domain::Frequency::Twice },
        first_occurrence: None,
        last_occurrence: NaiveDate::from_ymd_opt(2026, 2, 1),
        context: vec![],
        impact: vec![],
        impact_text: "Ik durf niet meer te slapen".into(),
        children_exposed: vec![],
        source_person: mother.id,
        conversation_id: Some(conversation.id),
        question_id: None,
        confidential: Visibility::ProfessionalOnly,
        updated_at: now,
    };
    v.behaviour_records().save(&record).unwrap();
    let hit = search(&v, "durf", None);
    assert_eq!(
        (hit[0].kind, hit[0].confidential, hit[0].date),
        (SearchKind::BehaviourRecord, true, NaiveDate::from_ymd_opt(2026, 2, 1).unwrap())
    );
    // "sliep" is a form of "slapen".
    assert_eq!(found(&v, "sliep"), BTreeSet::from([record.id]));
    v.behaviour_records().trash(record.id).unwrap();
    assert!(found(&v, "durf").is_empty(), "a record in the trash is not found");
    // Saving a record in the trash keeps it out of search.
    v.behaviour_records().save(&record).unwrap();
    assert!(found(&v, "durf").is_empty());
    v.behaviour_records().restore(record.id).unwrap();
    assert_eq!(found(&v, "durf"), BTreeSet::from([record.id]));

    let mut plan = domain::plan::SafetyPlan::new(case.id, now);
    let step = domain::plan::Item::escape(mother.id, domain::plan::EscapeKind::WhereToGo, "Naar de zus in Zwolle");
    let signal = domain::plan::Item::new(domain::plan::Signal {
        signal: "Hij gaat drinken".into(),
        action: "Oma bellen".into(),
    });
    plan.escape_plan.push(step.clone());
    plan.signals.push(signal.clone());
    v.safety_plans().save(&plan).unwrap();
    let hit = search(&v, "zwolle", None);
    assert_eq!((hit[0].kind, hit[0].item_id, hit[0].confidential), (SearchKind::PlanItem, step.id, true));
    assert_eq!(hit[0].reference.as_deref(), Some("escape_plan"));
    let hit = search(&v, "oma", None);
    assert_eq!((hit[0].item_id, hit[0].confidential, hit[0].reference.as_deref()), (signal.id, false, Some("signals")));
    plan.escape_plan.clear();
    v.safety_plans().save(&plan).unwrap();
    assert!(found(&v, "zwolle").is_empty(), "a removed plan item is not found");

    // Deleting a conversation takes its answers out of the index (through the cascade).
    v.conversations().delete(conversation.id).unwrap();
    assert!(found(&v, "berichten").is_empty());
    let note = v.notes().create(case.id, &input("Laatste", "Een woord: zonnewijzer")).unwrap();
    assert_eq!(found(&v, "zonnewijzer"), BTreeSet::from([note.id]));
    // Deleting the case leaves nothing of it in the index.
    v.cases().delete(case.id).unwrap();
    let rows: i64 = v
        .connection()
        .query_row("SELECT (SELECT count(*) FROM search_docs) + (SELECT count(*) FROM search_trash)", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 0);
    for word in ["zonnewijzer", "ruinekasteel", "durf", "oma"] {
        assert!(found(&v, word).is_empty(), "{word}");
    }
    // The index is consistent with its content table.
    v.connection().execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)", []).unwrap();
    v.check_integrity().unwrap();
}

fn contains(bytes: &[u8], needle: &[u8]) -> bool {
    bytes.windows(needle.len()).any(|w| w == needle)
}

/// The spellings of a word that would give it away in a file: as typed, lower and upper case (the
/// index stores folded words), and UTF-16.
fn spellings(word: &str) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for w in [word.to_owned(), word.to_lowercase(), word.to_uppercase()] {
        out.push(w.as_bytes().to_vec());
        out.push(w.encode_utf16().flat_map(|u| u.to_le_bytes()).collect());
    }
    out
}

fn files_with(dir: &Path, word: &str) -> Vec<String> {
    let needles = spellings(word);
    files_under(dir)
        .into_iter()
        .filter(|f| {
            let bytes = fs::read(f).unwrap();
            needles.iter().any(|n| contains(&bytes, n))
        })
        .map(|f| f.display().to_string())
        .collect()
}

#[test]
fn a_word_in_a_note_is_found_by_search_and_is_in_no_file_of_the_vault_folder() {
    let dir = tempfile::tempdir().unwrap();
    let word = "Kwikstaartkanarie";
    // The scan can find the word: a plain file with it is caught.
    let probe = tempfile::tempdir().unwrap();
    fs::write(probe.path().join("plain.txt"), format!("x {} y", word.to_lowercase())).unwrap();
    assert_eq!(files_with(probe.path(), word).len(), 1);

    let (v, _) = new_vault(dir.path());
    let case = v.cases().create("Gezin W.").unwrap();
    for i in 0..200 {
        v.notes().create(case.id, &input(&format!("Notitie {i}"), "Een gewone dag.")).unwrap();
    }
    let note = v.notes().create(case.id, &input("Bijzonder", &format!("Ze noemde de vogel {word}."))).unwrap();
    assert_eq!(found(&v, "kwikstaartkanarie"), BTreeSet::from([note.id]));
    assert_eq!(found(&v, "kwikstaart"), BTreeSet::from([note.id]), "found by its prefix");
    assert!(files_with(dir.path(), word).is_empty(), "while open");
    drop(v);
    assert!(files_with(dir.path(), word).is_empty(), "after lock");
    let v = Vault::open(dir.path(), &common::pass()).unwrap();
    assert_eq!(found(&v, "KWIKSTAART"), BTreeSet::from([note.id]), "the index is in the vault");
}

/// A plain copy of the database's content (`sqlcipher_export`): every table and the FTS index's
/// segments, as they are stored, with the encryption taken off.
fn plain_copy(v: &Vault, to: &Path) -> Vec<u8> {
    let path = to.to_str().unwrap().replace('\'', "''");
    v.connection()
        .execute_batch(&format!(
            "ATTACH DATABASE '{path}' AS plain KEY ''; SELECT sqlcipher_export('plain'); DETACH DATABASE plain;"
        ))
        .unwrap();
    fs::read(to).unwrap()
}

#[test]
fn a_note_deleted_from_the_trash_leaves_search_and_after_vacuum_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let word = "zwavelzuurspecht";
    let (v, _) = new_vault(dir.path());
    let case = v.cases().create("Gezin V.").unwrap();
    for i in 0..50 {
        v.notes().create(case.id, &input(&format!("Notitie {i}"), "Zwemles en zomer, een zaterdag.")).unwrap();
    }
    let note = v.notes().create(case.id, &input("Weg ermee", &format!("Alleen hier: {word}."))).unwrap();
    v.notes().update(note.id, &input("Weg ermee", &format!("Alleen hier: {word}, en nog iets."))).unwrap();
    assert_eq!(found(&v, word), BTreeSet::from([note.id]));
    // The check can fail: before the delete the plain copy holds the word (note, version, index).
    assert!(contains(&plain_copy(&v, &out.path().join("before.db")), word.as_bytes()));

    v.notes().trash(note.id).unwrap();
    assert_eq!(v.notes().empty_trash(case.id).unwrap(), 1);
    assert!(found(&v, word).is_empty());
    // The index holds no entry of the word (FTS5's own vocabulary view of its b-tree).
    v.connection()
        .execute_batch("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, search_fts, 'instance')")
        .unwrap();
    let left: i64 = v
        .connection()
        .query_row("SELECT count(*) FROM temp.vocab WHERE term LIKE 'zwavel%'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
    v.vacuum().unwrap();
    let plain = plain_copy(&v, &out.path().join("after.db"));
    assert!(contains(&plain, b"Zwemles en zomer"), "the copy has the other notes");
    // Also its tail: the index stores a word after the prefix it shares with the word before it.
    for needle in [word, "zuurspecht", "specht"] {
        assert!(!contains(&plain, needle.as_bytes()), "{needle:?} is still in the database");
    }
    assert!(files_with(dir.path(), word).is_empty());
}

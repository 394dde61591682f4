//! Search and notes figures (issue 13): full-text search over 50,000 notes in 1,000 cases (p95 of a
//! mixed set of Dutch queries, target < 50 ms) and opening a case with 500 notes (the notes list,
//! target < 100 ms). The p95 is measured over many runs of the query set after the criterion run and
//! written to `target/criterion/search_50000_notes/p95_ns`, which `cargo xtask bench` prints.
//!
//! Run: `cargo bench -p vault --bench search` (fictional data, made in the setup with the fast test KDF).

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use domain::notes::NoteInput;
use domain::search::parse_query;
use vault::{KdfParams, Passphrase, Vault};

const WORDS: &[&str] = &[
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
    "schreeuwde",
    "boos",
    "bang",
    "sloeg",
    "huilde",
    "deur",
    "avond",
    "kinderen",
    "slapen",
    "ruzie",
    "geld",
    "schulden",
    "politie",
    "café",
    "één",
    "de",
    "het",
    "een",
    "en",
    "met",
    "over",
    "niet",
    "toen",
    "hij",
    "zij",
];

/// A note text of about 40 words, varied by `i` (a cheap deterministic mix, no extra crate).
fn text(i: usize) -> String {
    let mut x = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..40)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            WORDS[(x % WORDS.len() as u64) as usize]
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn input(i: usize) -> NoteInput {
    NoteInput {
        person_id: None,
        conversation_id: None,
        date: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Days::new((i % 400) as u64),
        title: format!("Gesprek {}", i % 97),
        text: text(i),
        tags: vec!["gesprek".into()],
        confidential: i % 10 == 3,
    }
}

const QUERIES: &[&str] = &[
    "schreeuw",
    "sloeg",
    "slaan",
    "\"hij sloeg\"",
    "café",
    "kind",
    "bang avond",
    "politie schulden",
    "zwemles",
    "één",
];

fn search(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (v, _) = Vault::create(
        dir.path(),
        &Passphrase::new("bench wachtwoord lang genoeg"),
        KdfParams::insecure_fast_for_tests(),
    )
    .unwrap();
    // Setup speed only: no fsync for the generated data.
    v.connection().execute_batch("PRAGMA synchronous = OFF").unwrap();
    let setup = Instant::now();
    let cases: Vec<uuid::Uuid> = (0..1000).map(|i| v.cases().create(&format!("Oefengezin {i}")).unwrap().id).collect();
    let batch: Vec<(uuid::Uuid, NoteInput)> = (0..50_000).map(|i| (cases[i % 1000], input(i))).collect();
    v.notes().create_many(&batch).unwrap();
    // One case with 500 notes (the 50 it has, and 450 more).
    let big = cases[7];
    let more: Vec<(uuid::Uuid, NoteInput)> = (0..450).map(|i| (big, input(100_000 + i))).collect();
    v.notes().create_many(&more).unwrap();
    v.connection().execute_batch("PRAGMA synchronous = FULL").unwrap();
    let size = std::fs::metadata(dir.path().join("vault.db")).unwrap().len();
    eprintln!("setup: 50,500 notes in 1,000 cases in {:?}, db {} MiB", setup.elapsed(), size / (1024 * 1024));
    drop(v);
    let v = Vault::open(dir.path(), &Passphrase::new("bench wachtwoord lang genoeg")).unwrap();

    let queries: Vec<_> = QUERIES.iter().map(|q| parse_query(q).unwrap()).collect();
    let mut g = c.benchmark_group("search_50000_notes");
    g.sample_size(30).measurement_time(Duration::from_secs(10));
    g.bench_function("mixed_queries_all_cases", |b| {
        b.iter(|| {
            for q in &queries {
                black_box(v.search(q, None, 51).unwrap());
            }
        })
    });
    g.bench_function("one_query_in_one_case", |b| b.iter(|| black_box(v.search(&queries[0], Some(big), 51).unwrap())));
    g.finish();

    let mut g = c.benchmark_group("open_case_500_notes");
    g.sample_size(30);
    g.bench_function("notes_list", |b| {
        b.iter(|| {
            let notes = v.notes().list(big).unwrap();
            assert_eq!(notes.len(), 500);
            black_box(notes);
        })
    });
    g.finish();

    // p95 of one search, over 30 rounds of the query set.
    let mut times: Vec<Duration> = Vec::new();
    for _ in 0..30 {
        for q in &queries {
            let t = Instant::now();
            black_box(v.search(q, None, 51).unwrap());
            times.push(t.elapsed());
        }
    }
    times.sort();
    let at = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    eprintln!(
        "search over 50,000 notes: p50 {:?}, p95 {:?}, max {:?} ({} searches)",
        at(0.5),
        at(0.95),
        at(1.0),
        times.len()
    );
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/criterion/search_50000_notes");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("p95_ns"), at(0.95).as_nanos().to_string()).unwrap();
}

criterion_group!(benches, search);
criterion_main!(benches);

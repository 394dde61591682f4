//! Unlock and autosave figures (performance.md):
//! - key derivation with the DEFAULT Argon2id parameters (target 0.3–1 s by design);
//! - everything after key derivation on a vault with 1,000 cases: open with the raw key, pragmas,
//!   the open-time check, migrations check, list cases (target < 100 ms); both check levels;
//! - SQLCipher cost: open + check + list on the same 1,000-case database, encrypted vs plain;
//! - autosave of one answer with `synchronous = FULL`: p50/p99 over 10,000 commits (p50 < 5 ms,
//!   p99 < 20 ms) in the vault's journal mode (`delete`), and over 2,000 in `truncate`, `persist` and
//!   the former `wal`, printed after the criterion run.
//!
//! Run: `cargo bench -p vault` (fictional data, made in the setup with the fast test KDF).

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::Utc;
use criterion::{Criterion, criterion_group, criterion_main};
use domain::{Answer, AnswerValue, Conversation, Gender, PersonInput, Role, Visibility};
use uuid::Uuid;
use vault::keyfile::derive_passphrase_key;
use vault::{KdfParams, OpenCheck, Passphrase, Vault, VaultPaths};

fn pass() -> Passphrase {
    Passphrase::new("bench wachtwoord lang genoeg")
}

fn person(role: Role, name: &str) -> PersonInput {
    PersonInput {
        role,
        name: name.into(),
        year_of_birth: Some(1988),
        gender: Some(Gender::Other),
        lives_in_household: true,
        notes: "fictieve notitie voor de benchmark".into(),
        language: Default::default(),
    }
}

/// A vault with `n` fictional cases of three persons each.
fn big_vault(dir: &std::path::Path, n: usize) {
    let (v, _) = Vault::create(dir, &pass(), KdfParams::insecure_fast_for_tests()).unwrap();
    for i in 0..n {
        let c = v.cases().create(&format!("Oefengezin {i}")).unwrap();
        v.persons().add(c.id, person(Role::Parent, "Ouder A")).unwrap();
        v.persons().add(c.id, person(Role::Parent, "Ouder B")).unwrap();
        v.persons().add(c.id, person(Role::Child, "Kind")).unwrap();
    }
}

fn unlock(c: &mut Criterion) {
    let mut g = c.benchmark_group("unlock");
    g.sample_size(10).measurement_time(Duration::from_secs(15));
    let params = KdfParams::default();
    let salt = [7u8; 16];
    g.bench_function("key_derivation_default_params", |b| {
        b.iter(|| derive_passphrase_key(black_box(&pass()), &salt, params).unwrap())
    });
    g.finish();

    let dir = tempfile::tempdir().unwrap();
    let setup = Instant::now();
    big_vault(dir.path(), 1000);
    let db_size = std::fs::metadata(dir.path().join("vault.db")).unwrap().len();
    eprintln!("setup: 1,000-case vault in {:?}, db {} KiB", setup.elapsed(), db_size / 1024);
    let paths = VaultPaths::in_dir(dir.path());
    let dek = Vault::unwrap_dek(&paths, &pass()).unwrap();

    let mut g = c.benchmark_group("unlock_after_kdf_1000_cases");
    g.sample_size(30);
    for (name, check) in [("quick_check", OpenCheck::Quick), ("full_check", OpenCheck::Full)] {
        g.bench_function(name, |b| {
            b.iter(|| {
                let v = Vault::open_unwrapped(paths.clone(), dek.clone(), check).unwrap();
                let cases = v.cases().list().unwrap();
                assert_eq!(cases.len(), 1000);
                v.lock();
            })
        });
    }
    g.finish();

    // SQLCipher cost: the same database as plain SQLite (exported with an empty key), same workload:
    // open, pragmas, quick_check, read the case list with person counts. (The encrypted side also
    // checks the schema version and looks for stale temp key files: a few microseconds.)
    let plain_path = dir.path().join("plain-copy.sqlite");
    {
        let v = Vault::open_unwrapped(paths.clone(), dek.clone(), OpenCheck::Quick).unwrap();
        // The vault connection cannot create files: make the empty file first. The temp path has no quotes.
        std::fs::File::create(&plain_path).unwrap();
        let attach = format!("ATTACH DATABASE '{}' AS plain KEY ''", plain_path.to_str().unwrap());
        v.connection().execute_batch(&attach).unwrap();
        v.connection().query_row("SELECT sqlcipher_export('plain')", [], |_| Ok(())).unwrap();
        v.connection().execute_batch("DETACH DATABASE plain").unwrap();
    }
    let list_sql = "SELECT c.id, c.label, c.status, c.phase, c.updated_at,
                           (SELECT count(*) FROM persons p WHERE p.case_id = c.id)
                    FROM cases c ORDER BY c.updated_at DESC, c.id DESC";
    let mut g = c.benchmark_group("sqlcipher_cost_open_and_list_1000_cases");
    g.sample_size(30);
    g.bench_function("encrypted", |b| {
        b.iter(|| {
            let v = Vault::open_unwrapped(paths.clone(), dek.clone(), OpenCheck::Quick).unwrap();
            let n = v.connection().prepare(list_sql).unwrap().query_map([], |_| Ok(())).unwrap().count();
            assert_eq!(n, 1000);
        })
    });
    g.bench_function("plain", |b| {
        b.iter(|| {
            let conn = rusqlite::Connection::open(&plain_path).unwrap();
            conn.execute_batch(
                "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; PRAGMA secure_delete = ON;",
            )
            .unwrap();
            let ok: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0)).unwrap();
            assert_eq!(ok, "ok");
            conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(())).unwrap();
            conn.execute_batch("PRAGMA synchronous = FULL;").unwrap();
            let n = conn.prepare(list_sql).unwrap().query_map([], |_| Ok(())).unwrap().count();
            assert_eq!(n, 1000);
        })
    });
    g.finish();
}

fn autosave(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (v, _) = Vault::create(dir.path(), &pass(), KdfParams::insecure_fast_for_tests()).unwrap();
    let case = v.cases().create("Oefengezin autosave").unwrap();
    let p = v.persons().add(case.id, person(Role::Parent, "Ouder")).unwrap();
    let conv = Conversation {
        id: Uuid::now_v7(),
        case_id: case.id,
        participants: vec![p.id],
        joint_reason: None,
        safety_justification: None,
        guide_id: "volwassene".into(),
        guide_version: 1,
        started_at: Utc::now(),
        ended_at: None,
        notes: String::new(),
    };
    v.conversations().save(&conv).unwrap();
    let mut answer = Answer {
        id: Uuid::now_v7(),
        conversation_id: conv.id,
        question_id: "vol.relatie.ruzie".into(),
        source_person: p.id,
        value: AnswerValue::Text { text: String::new() },
        words: String::new(),
        confidential: Visibility::Everyone,
        updated_at: Utc::now(),
    };
    let mut i = 0u64;
    c.bench_function("autosave_one_answer_sync_full", |b| {
        b.iter(|| {
            i += 1;
            answer.value = AnswerValue::Text { text: format!("antwoord in wording, versie {i}") };
            v.answers().save(&answer).unwrap();
        })
    });

    // Percentiles over 10,000 separate commits in the journal mode the vault uses, then 2,000 in each
    // alternative (issue 11, point 2: the write-ahead log was dropped for the rollback journal).
    let mut percentiles = |mode: &str, n: usize| {
        let set: String = v.connection().query_row(&format!("PRAGMA journal_mode = {mode}"), [], |r| r.get(0)).unwrap();
        assert_eq!(set, mode);
        let mut times: Vec<Duration> = (0..n)
            .map(|k| {
                answer.value = AnswerValue::Text { text: format!("antwoord {k}") };
                let t = Instant::now();
                v.answers().save(&answer).unwrap();
                t.elapsed()
            })
            .collect();
        times.sort();
        let pct = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
        println!(
            "autosave (synchronous=FULL, journal_mode={mode}), {n} commits: p50 {:?}, p95 {:?}, p99 {:?}, max {:?}",
            pct(0.50),
            pct(0.95),
            pct(0.99),
            times[times.len() - 1]
        );
    };
    percentiles("delete", 10_000);
    for mode in ["truncate", "persist", "wal"] {
        percentiles(mode, 2_000);
    }
}

criterion_group!(benches, unlock, autosave);
criterion_main!(benches);

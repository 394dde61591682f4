//! The case list of a practice with 1,000 cases (issue 13, point 4; performance.md "unlock … list cases
//! < 100 ms"): `cases_list` with every marker stored (the usual look at the list), after one case changed
//! (one marker computed again), and after every case changed (every marker computed: the first look after
//! an app update). Fictional data, made in the setup with the fast test KDF.
//!
//! Run: `cargo bench -p app` (also in `cargo xtask bench`'s table).

use std::time::{Duration, Instant};

use app::host::TestHost;
use criterion::{Criterion, criterion_group, criterion_main};
use domain::fixture::Builder;
use domain::{Frequency, RelationKind, Stance};
use serde_json::json;

const CASES: usize = 1000;

/// A small fictional family: a couple, a child, and two dated behaviour records (one a red flag).
fn family() -> domain::CaseSnapshot {
    let mut b = Builder::new();
    let (a, v) = b.couple();
    let child = b.person(domain::Role::Child, "Kind", Some(2017));
    b.relate(a, child, RelationKind::ParentOf { step: false });
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 1);
    for behaviour in ["fys.duwen", "fys.wurgen"] {
        b.record_with(a, v, behaviour, Stance::Reported { frequency: Frequency::Once }, v, |r| {
            r.first_occurrence = day;
            r.last_occurrence = day;
        });
    }
    b.build()
}

fn case_list(c: &mut Criterion) {
    let mut host = TestHost::unlocked();
    let snapshot = family();
    let setup = Instant::now();
    let ids: Vec<serde_json::Value> = (0..CASES)
        .map(|_| {
            // Records keep their ids when stored: each case gets its own.
            let mut s = snapshot.clone();
            for r in &mut s.records {
                r.id = uuid::Uuid::now_v7();
            }
            json!(host.store(&s).get(s.household.case.id))
        })
        .collect();
    eprintln!("setup: {CASES} cases in {:.1} s", setup.elapsed().as_secs_f64());
    let list = |host: &mut TestHost| {
        let rows = host.dispatch("cases_list", json!({})).expect("cases_list");
        assert_eq!(rows.as_array().map(Vec::len), Some(CASES));
    };
    list(&mut host);

    let mut g = c.benchmark_group("case_list_1000_cases");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("markers_stored", |b| b.iter(|| list(&mut host)));
    let mut n = 0usize;
    g.bench_function("one_case_changed", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                n += 1;
                host.dispatch("case_rename", json!({ "case_id": ids[n % CASES], "label": format!("Gezin {n}") })).expect("rename");
                let t = Instant::now();
                list(&mut host);
                spent += t.elapsed();
            }
            spent
        })
    });
    g.bench_function("every_case_changed", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                for id in &ids {
                    n += 1;
                    host.dispatch("case_rename", json!({ "case_id": id, "label": format!("Gezin {n}") })).expect("rename");
                }
                let t = Instant::now();
                list(&mut host);
                spent += t.elapsed();
            }
            spent
        })
    });
    g.finish();
}

criterion_group!(benches, case_list);
criterion_main!(benches);

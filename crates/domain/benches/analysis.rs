//! Benchmark: the analysis of one case with 1,000 behaviour records (target < 5 ms, performance.md).

use criterion::{Criterion, criterion_group, criterion_main};
use domain::fixture::{self, Builder};
use domain::{AnswerValue, ChildExposure, Exposure, Frequency, Role, Stance, YesNoUnknown, analyse};
use std::hint::black_box;

fn case_with_records(n: usize) -> domain::CaseSnapshot {
    let cat = fixture::catalogue();
    let mut b = Builder::new();
    let (x, y) = b.couple();
    let kids = [b.person(Role::Child, "K1", Some(2012)), b.person(Role::Child, "K2", Some(2016)), b.person(Role::Child, "K3", Some(2019))];
    let people = [x, y, kids[0], kids[1], kids[2]];
    for p in people {
        b.conversation(&[p]);
    }
    for (i, q) in cat.question_feeds.keys().enumerate() {
        let v = if i % 2 == 0 { YesNoUnknown::Yes } else { YesNoUnknown::No };
        b.answer(people[i % 2], q, AnswerValue::YesNoUnknown { value: v });
    }
    for i in 0..n {
        let def = &cat.items[i % cat.items.len()];
        let (actor, target) = match i % 4 {
            0 => (x, y),
            1 => (y, x),
            2 => (x, kids[i % 3]),
            _ => (y, kids[(i + 1) % 3]),
        };
        let stance = if i % 7 == 0 { Stance::Denied } else { Stance::Reported { frequency: Frequency::ALL[i % 7] } };
        let source = people[i % 5];
        b.record_with(actor, target, &def.id, stance, source, |r| {
            r.first_occurrence = chrono::NaiveDate::from_ymd_opt(2024, 1 + (i % 12) as u32, 1);
            if i % 5 == 0 {
                r.children_exposed = vec![ChildExposure { child: kids[i % 3], how: vec![Exposure::Saw] }];
            }
        });
    }
    b.build()
}

fn bench(c: &mut Criterion) {
    let cat = fixture::catalogue();
    let snapshot = case_with_records(1000);
    let today = fixture::today();
    c.bench_function("analyse_1000_records", |bench| bench.iter(|| analyse(black_box(&snapshot), black_box(&cat), today)));
}

criterion_group!(benches, bench);
criterion_main!(benches);

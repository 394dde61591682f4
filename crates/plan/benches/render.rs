//! Safety plan PDF rendering (performance.md: 10 pages < 300 ms warm, < 1 s first).
//!
//! `first_render` builds a new `Renderer` and renders once, with Typst's caches cleared, each
//! iteration; `warm_pdf` renders with a `Renderer` that has already rendered the plan, after a change
//! to one item so layout really runs again. The page count is printed and asserted.

#[path = "../tests/fixture.rs"]
mod fixture;

use criterion::{Criterion, criterion_group, criterion_main};
use domain::plan::{Audience, view_for};
use plan::{Renderer, Template};

/// Agreements + signals added to the example family so the professional's version is about 10 pages.
const EXTRA_ITEMS: usize = 30;

fn bench(c: &mut Criterion) {
    let f = fixture::long_family(EXTRA_ITEMS);
    let view = view_for(&f.plan, &f.hh, &Audience::Professional).unwrap();
    let renderer = Renderer::new();
    let pages = renderer.page_count(&view, Template::Professional).unwrap();
    println!("professional version of the benchmark plan: {pages} pages");
    assert!((9..=11).contains(&pages), "benchmark plan should be about 10 pages, is {pages}");

    let mut group = c.benchmark_group("plan_pdf_10_pages");
    group.sample_size(20);
    group.bench_function("first_render", |b| {
        b.iter(|| {
            typst::comemo::evict(0);
            Renderer::new().pdf(&view, Template::Professional).unwrap()
        })
    });
    let mut edited = view.clone();
    let mut n = 0u32;
    group.bench_function("warm_pdf", |b| {
        b.iter(|| {
            n += 1;
            edited.conditions[0].content.text = format!("Er wordt niemand geslagen of bedreigd ({n})");
            renderer.pdf(&edited, Template::Professional).unwrap()
        })
    });
    group.bench_function("warm_pdf_unchanged", |b| b.iter(|| renderer.pdf(&view, Template::Professional).unwrap()));
    group.bench_function("warm_preview_png_1x", |b| b.iter(|| renderer.pngs(&view, Template::Professional, 1.0).unwrap()));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

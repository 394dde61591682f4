//! `cargo xtask bench`: runs the benchmarks and prints one table (figure, target, measured).
//! Criterion writes its estimates under target/criterion; medians are read from there.

use std::path::Path;

use crate::util::{cargo, root, step, Result};

/// (criterion benchmark id, figure, target)
const FIGURES: &[(&str, &str, &str)] = &[
    ("unlock/key_derivation_default_params", "unlock: key derivation (Argon2id 64 MiB, 3 passes)", "0.3–1 s"),
    ("unlock_after_kdf_1000_cases/quick_check", "unlock: everything after key derivation, 1,000 cases", "< 100 ms"),
    ("unlock_after_kdf_1000_cases/full_check", "  same, with full integrity checks", "-"),
    ("sqlcipher_cost_open_and_list_1000_cases/encrypted", "SQLCipher cost: open + list, encrypted", "ratio"),
    ("sqlcipher_cost_open_and_list_1000_cases/plain", "SQLCipher cost: open + list, plain SQLite", "ratio"),
    ("autosave_one_answer_sync_full", "autosave of one answer (synchronous=FULL), mean", "p50 < 5 ms"),
    ("analyse_1000_records", "analysis of a case with 1,000 behaviour records", "< 5 ms"),
    ("plan_pdf_10_pages/first_render", "safety plan PDF, 10 pages, first render", "< 1 s"),
    ("plan_pdf_10_pages/warm_pdf", "safety plan PDF, 10 pages, warm (after an edit)", "< 300 ms"),
    ("plan_pdf_10_pages/warm_preview_png_1x", "safety plan preview, 10 PNG pages", "-"),
    ("search_50000_notes/mixed_queries_all_cases", "search: 10 Dutch queries over 50,000 notes, all cases", "-"),
    ("search_50000_notes/one_query_in_one_case", "search: one query within one case", "-"),
    ("open_case_500_notes/notes_list", "open a case with 500 notes (notes list)", "< 100 ms"),
    ("case_list_1000_cases/markers_stored", "case list, 1,000 cases, markers stored", "< 100 ms"),
    ("case_list_1000_cases/one_case_changed", "  same, one case changed since (its marker computed)", "< 100 ms"),
    ("case_list_1000_cases/every_case_changed", "  same, every case changed (after an app update)", "-"),
];

/// Figures a bench measures itself (a percentile, not criterion's median): (file below
/// target/criterion with the value in ns, figure, target).
const PERCENTILES: &[(&str, &str, &str)] =
    &[("search_50000_notes/p95_ns", "search over 50,000 notes, one query, p95", "< 50 ms")];

fn median_ns(id: &str) -> Option<f64> {
    let path = root().join("target/criterion").join(id).join("new/estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    // {"mean":{...},"median":{"confidence_interval":{...},"point_estimate":123.4,...}
    let median = &text[text.find("\"median\"")?..];
    let pe = &median[median.find("\"point_estimate\":")? + 17..];
    pe[..pe.find(',')?].trim().parse().ok()
}

fn human(ns: f64) -> String {
    match ns {
        n if n >= 1e9 => format!("{:.2} s", n / 1e9),
        n if n >= 1e6 => format!("{:.2} ms", n / 1e6),
        n if n >= 1e3 => format!("{:.1} µs", n / 1e3),
        n => format!("{n:.0} ns"),
    }
}

pub fn run() -> Result<()> {
    // The autosave percentiles (p50/p95/p99) are printed by the vault bench itself, above the table.
    for package in ["vault", "domain", "plan", "app"] {
        if Path::new(&root().join("crates").join(package).join("benches")).is_dir() {
            step(&format!("benchmarks: {package}"));
            cargo(&["bench", "--package", package])?;
        }
    }
    println!("\n{:<62} {:<12} {}", "figure", "target", "measured (median unless named)");
    for (id, figure, target) in FIGURES {
        let measured = median_ns(id).map(human).unwrap_or_else(|| "not measured".into());
        println!("{figure:<62} {target:<12} {measured}");
    }
    for (file, figure, target) in PERCENTILES {
        let path = root().join("target/criterion").join(file);
        let measured = std::fs::read_to_string(path).ok().and_then(|t| t.trim().parse::<f64>().ok()).map(human);
        println!("{figure:<62} {target:<12} {}", measured.unwrap_or_else(|| "not measured".into()));
    }
    if let (Some(enc), Some(plain)) = (
        median_ns("sqlcipher_cost_open_and_list_1000_cases/encrypted"),
        median_ns("sqlcipher_cost_open_and_list_1000_cases/plain"),
    ) {
        println!("{:<62} {:<12} {:.1}×", "SQLCipher cost: encrypted / plain, same run", "report", enc / plain);
    }
    Ok(())
}

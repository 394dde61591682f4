//! `cargo xtask bench`: runs the benchmarks and prints one table (figure, target, measured).
//! Criterion writes its estimates under target/criterion; medians are read from there.

use std::path::Path;

use crate::util::{cargo, root, step, Result};

/// (criterion benchmark id, figure, target)
const FIGURES: &[(&str, &str, &str)] = &[
    ("unlock/key_derivation_default", "ontgrendelen: sleutelafleiding (Argon2id 64 MiB, 3 passes)", "0.3–1 s"),
    ("unlock/after_key_derivation_1000_cases", "ontgrendelen: de rest, kluis met 1.000 casussen", "< 100 ms"),
];

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
    for package in ["vault"] {
        if Path::new(&root().join("crates").join(package).join("benches")).is_dir() {
            step(&format!("benchmarks: {package}"));
            cargo(&["bench", "--package", package])?;
        }
    }
    println!("\n{:<62} {:<12} {}", "figure", "target", "measured (median)");
    for (id, figure, target) in FIGURES {
        let measured = median_ns(id).map(human).unwrap_or_else(|| "not measured".into());
        println!("{figure:<62} {target:<12} {measured}");
    }
    Ok(())
}

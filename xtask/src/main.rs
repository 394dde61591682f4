//! `cargo xtask <command>`: the one entry point for people and CI.
//!
//! - `run`   installs what is missing (Debian packages, npm dependencies, tauri-driver), builds the UI and
//!           starts the app.
//! - `test`  the same installs, then every test: Rust (all crates), generated-types check, UI (svelte-check,
//!           Vitest, accessibility), and end-to-end in the real app under Xvfb. Non-zero exit on any failure.
//! - `e2e`   only the end-to-end suite (after the installs).
//! - `check-bindings` regenerates everything generated from the contract (TypeScript types and client,
//!           permission set, UI fixtures) into a temporary folder and fails when a checked-in file differs.
//! - `bindings` the same, and copies the fresh files over the checked-in ones.
//! - `bench` benchmarks, printed as a table: figure, target, measured.
//! - `bundle` the installers for this system (Linux: .deb and .rpm), with their sizes.
//! - `package-test` installs the fresh .deb, runs the foundation spec against the installed app, measures
//!           start and memory, uninstalls and checks the vault stays. Not part of `test` (release build).
//! - `measure [BINARY] [NAME=VALUE …]` start and memory of a built binary (default the release build)
//!           without installing it, e.g. to compare a WebKit setting.
//!
//! Only the standard library and serde_json (cargo metadata, package-lock.json) are used here, so that
//! `cargo xtask` starts in seconds on a fresh machine.

mod bench;
mod bundle;
mod e2e;
mod licences;
mod package_test;
mod setup;
mod util;

use std::process::ExitCode;

use util::{cargo, npm, root, step, Result};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run(),
        Some("test") => test(),
        Some("e2e") => setup::all().and_then(|_| build_ui()).and_then(|_| e2e::run()),
        Some("check-bindings") => check_bindings(),
        Some("bindings") => write_bindings(),
        Some("bench") => bench::run(),
        Some("bundle") => bundle::run(&args[1..]),
        Some("package-test") => package_test::run(&args[1..]),
        Some("measure") => package_test::measure(&args[1..]),
        Some("setup") => setup::all(),
        _ => {
            eprintln!("usage: cargo xtask <run|test|check-bindings|bindings|e2e|bench|bundle|package-test|measure|setup>");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn build_ui() -> Result<()> {
    step("UI bouwen (ui/dist)");
    npm(&["run", "build"], &root().join("ui"))
}

fn run() -> Result<()> {
    setup::all()?;
    build_ui()?;
    step("Samen Kijken starten");
    cargo(&["run", "--package", "samen-kijken"])
}

fn test() -> Result<()> {
    // Installing and building the UI write nothing generated; the test build behind the bindings check
    // needs `ui/dist` (Tauri embeds it). Then the check, before anything could rewrite a generated file.
    setup::all()?;
    build_ui()?;
    check_bindings()?;
    step("Het productiepakket bevat de nep-backend niet");
    util::fake_not_in_bundle(&root().join("ui/dist"))?;

    step("Rust: alle crates");
    cargo(&["test", "--workspace", "--all-targets"])?;

    step("UI: typecheck en Vitest");
    let ui = root().join("ui");
    npm(&["run", "check"], &ui)?;
    npm(&["test"], &ui)?;

    step("UI: toegankelijkheid (axe-core in Chromium) en de hoofdroute met alleen het toetsenbord");
    npm(&["run", "a11y:full"], &ui)?;

    e2e::run()
}

/// Folders and files below the repository root that hold only generated files.
const GENERATED: &[&str] =
    &["ui/src/lib/ipc/bindings", "ui/src/lib/ipc/generated", "ui/src/lib/ipc/fixtures", "src-tauri/permissions/app-commands.toml", "tests/e2e/fixtures/training"];

/// Writes everything generated from the contract into a fresh temporary folder (nothing checked in is touched).
fn generate_fresh() -> Result<std::path::PathBuf> {
    if !root().join("ui/dist/index.html").exists() {
        // A fresh clone: the shell's build embeds the built UI, so build it first (it writes no generated file).
        setup::all()?;
        build_ui()?;
    }
    let fresh = std::env::temp_dir().join(format!("sk-contract-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&fresh);
    std::fs::create_dir_all(&fresh)?;
    // Built as part of the whole workspace's test build (the same features as `cargo test`, so nothing
    // is compiled twice); building it alone would resolve other features and rebuild half the tree.
    cargo(&["test", "--workspace", "--all-targets", "--no-run", "--quiet"])?;
    // The target folder may be shared (`CARGO_TARGET_DIR`).
    let generator = bundle::target_dir().join("debug/contract-gen");
    util::run_in(&generator.to_string_lossy(), &[&fresh.to_string_lossy()], &root(), &[])?;
    Ok(fresh)
}

/// Regenerates into a temporary folder and compares with the checked-in files.
fn check_bindings() -> Result<()> {
    step("Gegenereerde typen, client, rechten en fixtures zijn actueel");
    let fresh = generate_fresh()?;
    let result = util::generated_diff(&fresh, &root(), GENERATED);
    let _ = std::fs::remove_dir_all(&fresh);
    let diff = result?;
    if diff.is_empty() {
        Ok(())
    } else {
        Err(format!("generated files are stale ({}). Run `cargo xtask bindings` and commit the result.", diff.join(", ")).into())
    }
}

/// Regenerates and replaces the checked-in generated files.
fn write_bindings() -> Result<()> {
    step("Gegenereerde bestanden bijwerken");
    let fresh = generate_fresh()?;
    util::replace_generated(&fresh, &root(), GENERATED)?;
    let _ = std::fs::remove_dir_all(&fresh);
    Ok(())
}

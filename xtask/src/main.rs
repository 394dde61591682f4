//! `cargo xtask <command>`: the one entry point for people and CI.
//!
//! - `run`   installs what is missing (Debian packages, npm dependencies, tauri-driver), builds the UI and
//!           starts the app.
//! - `test`  the same installs, then every test: Rust (all crates), generated-types check, UI (svelte-check,
//!           Vitest, accessibility), and end-to-end in the real app under Xvfb. Non-zero exit on any failure.
//! - `e2e`   only the end-to-end suite (after the installs).
//! - `bench` benchmarks, printed as a table: figure, target, measured.
//! - `bundle` the installers for this system (Linux: .deb and .rpm), with their sizes.
//! - `package-test` installs the fresh .deb, runs the foundation spec against the installed app, measures
//!           start and memory, uninstalls and checks the vault stays. Not part of `test` (release build).
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
        Some("bench") => bench::run(),
        Some("bundle") => bundle::run(&args[1..]),
        Some("package-test") => package_test::run(&args[1..]),
        Some("setup") => setup::all(),
        _ => {
            eprintln!("usage: cargo xtask <run|test|e2e|bench|bundle|package-test|setup>");
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
    setup::all()?;
    build_ui()?;

    step("Rust: alle crates");
    cargo(&["test", "--workspace", "--all-targets"])?;

    step("Gegenereerde TypeScript-typen zijn actueel");
    check_bindings()?;

    step("UI: typecheck en Vitest");
    let ui = root().join("ui");
    npm(&["run", "check"], &ui)?;
    npm(&["test"], &ui)?;

    step("UI: toegankelijkheid (axe-core in Chromium) en de hoofdroute met alleen het toetsenbord");
    npm(&["run", "a11y:full"], &ui)?;

    e2e::run()
}

/// Regenerates the ts-rs bindings into a temporary folder and compares them with the checked-in ones.
fn check_bindings() -> Result<()> {
    let fresh = std::env::temp_dir().join(format!("sk-bindings-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&fresh);
    std::fs::create_dir_all(&fresh)?;
    util::cargo_env(&["test", "--workspace", "--lib", "export_bindings"], &[("TS_RS_EXPORT_DIR", fresh.as_os_str())])?;
    let checked_in = root().join("ui/src/lib/ipc/bindings");
    let diff = util::dir_diff(&fresh, &checked_in)?;
    let _ = std::fs::remove_dir_all(&fresh);
    if diff.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the generated TypeScript types differ from ui/src/lib/ipc/bindings ({}). Run `cargo test --workspace --lib export_bindings` and commit the result.",
            diff.join(", ")
        )
        .into())
    }
}

//! The CI workflows in `packaging/ci/` are valid YAML (YAML 1.2, duplicate keys refused) and say what
//! they must: a job per operating system, each building the installers through `cargo xtask bundle` with
//! actions pinned to a release, and the Linux job testing the installed package.

use std::path::{Path, PathBuf};

use yaml_rust2::{Yaml, YamlLoader};

fn ci_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../packaging/ci")
}

fn workflows() -> Vec<(PathBuf, Yaml)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(ci_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yml" || e == "yaml") {
            let text = std::fs::read_to_string(&path).unwrap();
            let docs = YamlLoader::load_from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert_eq!(docs.len(), 1, "{}: one document", path.display());
            out.push((path, docs.into_iter().next().unwrap()));
        }
    }
    assert!(!out.is_empty(), "no workflow in packaging/ci");
    out
}

/// Problems of one workflow, as sentences; empty when it is right.
fn problems(w: &Yaml) -> Vec<String> {
    let mut p = Vec::new();
    for key in ["name", "on", "jobs"] {
        if w[key].is_badvalue() {
            p.push(format!("no top-level `{key}`"));
        }
    }
    let Some(jobs) = w["jobs"].as_hash() else {
        p.push("`jobs` is not a mapping".into());
        return p;
    };
    let mut systems = Vec::new();
    for (id, job) in jobs {
        let id = id.as_str().unwrap_or("?");
        let runs_on = job["runs-on"].as_str().unwrap_or_default();
        if runs_on.is_empty() {
            p.push(format!("job {id}: no `runs-on`"));
        }
        systems.extend(["ubuntu", "windows", "macos"].into_iter().filter(|s| runs_on.starts_with(s)));
        match job["timeout-minutes"].as_i64() {
            Some(1..=90) => {}
            _ => p.push(format!("job {id}: `timeout-minutes` must be set, at most 90")),
        }
        let Some(steps) = job["steps"].as_vec() else {
            p.push(format!("job {id}: no `steps` list"));
            continue;
        };
        let mut runs = Vec::new();
        for (i, step) in steps.iter().enumerate() {
            let (uses, run) = (step["uses"].as_str(), step["run"].as_str());
            match (uses, run) {
                (Some(u), None) => {
                    let pinned = u.rsplit_once('@').is_some_and(|(_, v)| !v.is_empty() && v != "main" && v != "master");
                    if !pinned {
                        p.push(format!("job {id} step {i}: `{u}` is not pinned to a release"));
                    }
                }
                (None, Some(r)) => runs.push(r.to_owned()),
                _ => p.push(format!("job {id} step {i}: needs exactly one of `uses` and `run`")),
            }
        }
        let script = runs.join("\n");
        if !script.contains("cargo xtask bundle") {
            p.push(format!("job {id}: does not build with `cargo xtask bundle`"));
        }
        if script.contains("cargo install tauri-cli") || script.contains("npm install -g") {
            p.push(format!("job {id}: installs a Tauri CLI of its own instead of the pinned one"));
        }
        if runs_on.starts_with("ubuntu") && !script.contains("cargo xtask package-test") {
            p.push(format!("job {id}: the Linux job must test the installed package"));
        }
    }
    for s in ["ubuntu", "windows", "macos"] {
        if !systems.contains(&s) {
            p.push(format!("no job runs on {s}"));
        }
    }
    p
}

#[test]
fn every_workflow_is_valid_and_builds_installers_on_three_systems() {
    for (path, w) in workflows() {
        let p = problems(&w);
        assert!(p.is_empty(), "{}:\n{}", path.display(), p.join("\n"));
    }
}

#[test]
fn a_duplicate_key_is_a_yaml_error() {
    let err = YamlLoader::load_from_str("jobs:\n  linux: {}\n  linux: {}\n").unwrap_err();
    assert!(err.to_string().contains("duplicated key"), "{err}");
}

#[test]
fn the_checks_catch_a_missing_system_an_unpinned_action_and_a_step_with_both_keys() {
    let text = std::fs::read_to_string(ci_dir().join("installers.yml")).unwrap();
    let broken = text
        .replace("runs-on: macos-14", "runs-on: ubuntu-24.04-arm")
        .replace("actions/checkout@v4", "actions/checkout@main")
        .replace("      - name: Build the NSIS installer\n        run: cargo xtask bundle", "      - uses: actions/cache@v4\n        run: cargo xtask bundle");
    let w = YamlLoader::load_from_str(&broken).unwrap().remove(0);
    let p = problems(&w).join("\n");
    assert!(p.contains("no job runs on macos"), "{p}");
    assert!(p.contains("`actions/checkout@main` is not pinned"), "{p}");
    assert!(p.contains("needs exactly one of `uses` and `run`"), "{p}");
    assert!(p.contains("job windows: does not build with `cargo xtask bundle`"), "{p}");
}

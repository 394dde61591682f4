//! The third-party licence file shipped in every package (`THIRD-PARTY-LICENSES.txt`).
//!
//! Generated at bundle time from what is on disk: the Rust crates come from `cargo metadata --offline
//! --locked` (the normal dependencies of the app binary for this platform, not build or dev dependencies),
//! their licence texts from the crate sources, which `cargo fetch --locked` first downloads from the
//! package registry when this machine has not built the app yet (a fresh clone on a new machine); the
//! npm packages from `ui/package-lock.json`, starting at the packages the UI's own code imports and
//! following their dependencies (an upper bound of what the bundled JavaScript contains), with texts
//! from `ui/node_modules`; the fonts from `assets/fonts`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::util::{root, Result};

/// The app's package in the workspace: its dependency tree is what ships.
const APP_PACKAGE: &str = "samen-kijken";

/// One third-party component and the licence texts found with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Component {
    pub name: String,
    pub version: String,
    /// SPDX expression as the package declares it ("MIT OR Apache-2.0"), or what its files say.
    pub license: String,
    pub repository: Option<String>,
    pub texts: Vec<String>,
}

/// Writes the licence file and returns its path.
pub fn write(out_dir: &Path) -> Result<PathBuf> {
    let rust = rust_components()?;
    let npm = npm_components(&root().join("ui"))?;
    let fonts = font_components(&root().join("assets/fonts"))?;
    let text = render(&rust, &npm, &fonts);
    std::fs::create_dir_all(out_dir)?;
    let path = out_dir.join("THIRD-PARTY-LICENSES.txt");
    // Unchanged content keeps its mtime: the file is a bundle resource, and a newer one makes cargo
    // re-run the app's build script and re-link the release binary.
    crate::bundle::write_if_changed(&path, text.as_bytes())?;
    println!(
        "licences: {} Rust crates, {} npm packages, {} font families -> {}",
        rust.len(),
        npm.len(),
        fonts.len(),
        path.display()
    );
    Ok(path)
}

fn host_triple() -> Result<String> {
    let out = Command::new("rustc").arg("-vV").output()?;
    let text = String::from_utf8(out.stdout)?;
    text.lines()
        .find_map(|l| l.strip_prefix("host: "))
        .map(str::to_owned)
        .ok_or_else(|| "rustc -vV printed no host triple".into())
}

fn rust_components() -> Result<Vec<Component>> {
    // The sources must be on disk for their licence texts; on a new machine the bundle step comes before
    // any build has downloaded them. Only the package registry is asked (the lock file's versions).
    let host = host_triple()?;
    let fetch = Command::new("cargo").args(["fetch", "--locked", "--target", &host]).current_dir(root()).status()?;
    if !fetch.success() {
        return Err(format!("cargo fetch --locked failed ({fetch})").into());
    }
    let out = Command::new("cargo")
        .args(["metadata", "--format-version", "1", "--locked", "--offline", "--filter-platform"])
        .arg(&host)
        .current_dir(root())
        .output()?;
    if !out.status.success() {
        return Err(format!("cargo metadata failed: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    let metadata: Value = serde_json::from_slice(&out.stdout)?;
    let mut components = Vec::new();
    for (mut c, folder) in shipped_crates(&metadata, APP_PACKAGE)? {
        c.texts = licence_texts(&folder)?;
        components.push(c);
    }
    Ok(components)
}

/// The crates a normal (non-build, non-dev) dependency path leads to from `app`, workspace members
/// left out; each with its source folder (where its licence files are).
pub fn shipped_crates(metadata: &Value, app: &str) -> Result<Vec<(Component, PathBuf)>> {
    let packages: BTreeMap<&str, &Value> = metadata["packages"]
        .as_array()
        .ok_or("cargo metadata: no packages")?
        .iter()
        .filter_map(|p| Some((p["id"].as_str()?, p)))
        .collect();
    let nodes: BTreeMap<&str, &Value> = metadata["resolve"]["nodes"]
        .as_array()
        .ok_or("cargo metadata: no resolve graph")?
        .iter()
        .filter_map(|n| Some((n["id"].as_str()?, n)))
        .collect();
    let start = packages
        .iter()
        .find(|(_, p)| p["name"] == app && p["source"].is_null())
        .map(|(id, _)| *id)
        .ok_or_else(|| format!("package {app} not in cargo metadata"))?;

    let mut seen = BTreeSet::from([start]);
    let mut stack = vec![start];
    while let Some(id) = stack.pop() {
        let Some(node) = nodes.get(id) else { continue };
        for dep in node["deps"].as_array().into_iter().flatten() {
            let normal = dep["dep_kinds"].as_array().into_iter().flatten().any(|k| k["kind"].is_null());
            if let (true, Some(pkg)) = (normal, dep["pkg"].as_str()) {
                if seen.insert(pkg) {
                    stack.push(pkg);
                }
            }
        }
    }

    let mut out: Vec<(Component, PathBuf)> = seen
        .into_iter()
        .filter_map(|id| packages.get(id))
        .filter(|p| !p["source"].is_null()) // workspace members are the project itself
        .map(|p| {
            let folder = Path::new(p["manifest_path"].as_str().unwrap_or_default())
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default();
            let c = Component {
                name: p["name"].as_str().unwrap_or_default().to_owned(),
                version: p["version"].as_str().unwrap_or_default().to_owned(),
                license: p["license"]
                    .as_str()
                    .map(str::to_owned)
                    .or_else(|| p["license_file"].as_str().map(|f| format!("see {f}")))
                    .unwrap_or_else(|| "not declared".into()),
                repository: p["repository"].as_str().map(str::to_owned),
                texts: Vec::new(),
            };
            (c, folder)
        })
        .collect();
    out.sort_by(|a, b| (&a.0.name, &a.0.version).cmp(&(&b.0.name, &b.0.version)));
    Ok(out)
}

/// LICENSE*, LICENCE*, COPYING*, NOTICE* and COPYRIGHT* files at the top of a package folder.
fn licence_texts(dir: &Path) -> Result<Vec<String>> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(Vec::new()) };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_ascii_uppercase();
            ["LICENSE", "LICENCE", "COPYING", "NOTICE", "COPYRIGHT", "UNLICENSE"].iter().any(|k| name.starts_with(k))
        })
        .collect();
    files.sort();
    let mut texts = Vec::new();
    for f in files {
        if let Ok(t) = std::fs::read_to_string(&f) {
            texts.push(t.trim().replace("\r\n", "\n"));
        }
    }
    Ok(texts)
}

/// Bare package names imported by the UI's shipped sources (tests and test setup left out).
pub fn ui_imports(src: &Path) -> Result<BTreeSet<String>> {
    let mut names = BTreeSet::new();
    let mut stack = vec![src.to_path_buf()];
    let mut any_svelte = false;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
            if path.is_dir() {
                if name != "test" {
                    stack.push(path);
                }
                continue;
            }
            let shipped = [".ts", ".js", ".svelte", ".mjs"].iter().any(|e| name.ends_with(e))
                && !name.contains(".test.")
                && !name.ends_with(".d.ts");
            if !shipped {
                continue;
            }
            any_svelte |= name.ends_with(".svelte");
            let text = std::fs::read_to_string(&path)?;
            names.extend(import_specifiers(&text).into_iter().filter_map(|s| package_of(&s)));
        }
    }
    // Compiled components import Svelte's runtime even where the source names no import.
    if any_svelte {
        names.insert("svelte".into());
    }
    Ok(names)
}

/// The string after `from` / `import` in import statements (and `import('…')`).
fn import_specifiers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for keyword in ["from", "import"] {
        let mut rest = text;
        while let Some(i) = rest.find(keyword) {
            let before_ok = i == 0 || !rest.as_bytes()[i - 1].is_ascii_alphanumeric();
            let after = rest[i + keyword.len()..].trim_start_matches([' ', '(', '\t']);
            rest = &rest[i + keyword.len()..];
            if !before_ok {
                continue;
            }
            if let Some(q) = after.chars().next().filter(|c| *c == '\'' || *c == '"') {
                if let Some(end) = after[1..].find(q) {
                    out.push(after[1..1 + end].to_owned());
                }
            }
        }
    }
    out
}

/// `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; relative paths, aliases and builtins → None.
fn package_of(spec: &str) -> Option<String> {
    if spec.is_empty() || spec.starts_with(['.', '/', '$', '#']) || spec.contains(':') {
        return None;
    }
    let mut parts = spec.split('/');
    let first = parts.next()?;
    if first.starts_with('@') {
        Some(format!("{first}/{}", parts.next()?))
    } else {
        Some(first.to_owned())
    }
}

/// npm packages reachable from the UI's imports through `package-lock.json` (lockfile v2/v3).
pub fn npm_closure(lock: &Value, roots: &BTreeSet<String>) -> Vec<(String, Value)> {
    let packages = lock["packages"].as_object().cloned().unwrap_or_default();
    let mut seen = BTreeSet::new();
    let mut stack: Vec<String> = roots.iter().map(|r| format!("node_modules/{r}")).collect();
    let mut out = Vec::new();
    while let Some(key) = stack.pop() {
        if !seen.insert(key.clone()) {
            continue;
        }
        let Some(entry) = packages.get(&key) else { continue };
        for dep in entry["dependencies"].as_object().into_iter().flatten().map(|(k, _)| k) {
            // Node's lookup: a nested copy first, then the hoisted one.
            let nested = format!("{key}/node_modules/{dep}");
            stack.push(if packages.contains_key(&nested) { nested } else { format!("node_modules/{dep}") });
        }
        out.push((key, entry.clone()));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn npm_components(ui: &Path) -> Result<Vec<Component>> {
    let lock: Value = serde_json::from_str(&std::fs::read_to_string(ui.join("package-lock.json"))?)?;
    let roots = ui_imports(&ui.join("src"))?;
    let mut out = Vec::new();
    for (key, entry) in npm_closure(&lock, &roots) {
        let name = key.rsplit("node_modules/").next().unwrap_or(&key).to_owned();
        let folder = ui.join(&key);
        let manifest: Value = std::fs::read_to_string(folder.join("package.json"))
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(Value::Null);
        let license = entry["license"]
            .as_str()
            .or_else(|| manifest["license"].as_str())
            .unwrap_or("not declared")
            .to_owned();
        let repository = match &manifest["repository"] {
            Value::String(s) => Some(s.clone()),
            Value::Object(o) => o.get("url").and_then(Value::as_str).map(str::to_owned),
            _ => None,
        };
        out.push(Component {
            name,
            version: entry["version"].as_str().unwrap_or_default().to_owned(),
            license,
            repository,
            texts: licence_texts(&folder)?,
        });
    }
    out.sort_by(|a, b| (&a.name, &a.version).cmp(&(&b.name, &b.version)));
    out.dedup();
    Ok(out)
}

fn font_components(dir: &Path) -> Result<Vec<Component>> {
    let mut fonts: BTreeSet<String> = BTreeSet::new();
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        if name.ends_with(".ttf") || name.ends_with(".otf") {
            fonts.insert(name.split(['-', '.']).next().unwrap_or_default().to_owned());
        } else if name.to_ascii_uppercase().starts_with("LICEN") {
            texts.push(std::fs::read_to_string(&path)?.trim().to_owned());
        }
    }
    Ok(fonts
        .into_iter()
        .map(|family| Component {
            license: format!("the {family} fonts licence"),
            name: family,
            version: String::new(),
            repository: None,
            texts: texts.clone(),
        })
        .collect())
}

/// The file: one line per component, then each distinct licence text once with who uses it.
pub fn render(rust: &[Component], npm: &[Component], fonts: &[Component]) -> String {
    let mut text_ids: BTreeMap<&str, usize> = BTreeMap::new();
    let mut texts_in_order: Vec<(&str, Vec<String>)> = Vec::new();
    let mut s = String::new();
    s.push_str("Samen Kijken: third-party software\n");
    s.push_str("==================================\n\n");
    s.push_str("Samen Kijken itself is licensed under the EUPL-1.2. It contains the software listed below,\n");
    s.push_str("each under its own licence. This file is generated by `cargo xtask bundle` from the dependency\n");
    s.push_str("tree (Cargo.lock through `cargo metadata`, ui/package-lock.json) and the licence files the\n");
    s.push_str("packages ship. npm packages: those the user interface imports and everything they depend on.\n");
    for (title, list) in [("Rust crates", rust), ("npm packages (user interface)", npm), ("Fonts", fonts)] {
        s.push_str(&format!("\n{title} ({})\n{}\n", list.len(), "-".repeat(title.len() + 4 + list.len().to_string().len())));
        for c in list {
            let refs: Vec<String> = c
                .texts
                .iter()
                .map(|t| {
                    let next = texts_in_order.len() + 1;
                    let id = *text_ids.entry(t.as_str()).or_insert_with(|| {
                        texts_in_order.push((t.as_str(), Vec::new()));
                        next
                    });
                    texts_in_order[id - 1].1.push(format!("{} {}", c.name, c.version).trim().to_owned());
                    format!("[{id}]")
                })
                .collect();
            let version = if c.version.is_empty() { String::new() } else { format!(" {}", c.version) };
            let repo = c.repository.as_deref().map(|r| format!(" <{r}>")).unwrap_or_default();
            let refs = if refs.is_empty() { String::new() } else { format!(" text {}", refs.join(" ")) };
            s.push_str(&format!("{}{version}: {}{repo}{refs}\n", c.name, c.license));
        }
    }
    s.push_str("\n\nLicence texts\n-------------\n");
    for (i, (text, users)) in texts_in_order.iter().enumerate() {
        s.push_str(&format!("\n[{}] used by: {}\n\n{}\n", i + 1, users.join(", "), text));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn pkg(id: &str, name: &str, source: Option<&str>, license: &str) -> Value {
        json!({"id": id, "name": name, "version": "1.0.0", "source": source, "license": license,
               "manifest_path": format!("/src/{name}/Cargo.toml"), "repository": null})
    }

    fn dep(pkg: &str, kind: Option<&str>) -> Value {
        json!({"pkg": pkg, "dep_kinds": [{"kind": kind, "target": null}]})
    }

    #[test]
    fn only_normal_dependencies_of_the_app_ship_and_workspace_crates_are_left_out() {
        let reg = Some("registry+https://example.invalid/index");
        let metadata = json!({
            "packages": [
                pkg("app", "samen-kijken", None, "EUPL-1.2"),
                pkg("domain", "domain", None, "EUPL-1.2"),
                pkg("serde", "serde", reg, "MIT OR Apache-2.0"),
                pkg("itoa", "itoa", reg, "MIT OR Apache-2.0"),
                pkg("cc", "cc", reg, "MIT OR Apache-2.0"),
                pkg("proptest", "proptest", reg, "MIT OR Apache-2.0"),
                pkg("xtask-only", "xtask-only", reg, "MIT"),
            ],
            "resolve": {"nodes": [
                {"id": "app", "deps": [dep("domain", None), dep("cc", Some("build")), dep("proptest", Some("dev"))]},
                {"id": "domain", "deps": [dep("serde", None)]},
                {"id": "serde", "deps": [dep("itoa", None)]},
                {"id": "itoa", "deps": []},
                {"id": "cc", "deps": []},
                {"id": "proptest", "deps": []},
                {"id": "xtask-only", "deps": []},
            ]}
        });
        let names: Vec<String> = shipped_crates(&metadata, "samen-kijken").unwrap().into_iter().map(|(c, _)| c.name).collect();
        assert_eq!(names, ["itoa", "serde"]);
    }

    #[test]
    fn ui_imports_are_package_names_without_tests_relative_paths_or_builtins() {
        let dir = tempdir();
        std::fs::create_dir_all(dir.join("lib/ipc")).unwrap();
        std::fs::create_dir_all(dir.join("test")).unwrap();
        std::fs::write(dir.join("main.ts"), "import { mount } from 'svelte';\nimport App from './App.svelte';\n").unwrap();
        std::fs::write(dir.join("App.svelte"), "<script>import { t } from '$lib/i18n';</script>").unwrap();
        std::fs::write(dir.join("lib/ipc/tauri.ts"), "import { invoke } from \"@tauri-apps/api/core\";\nimport fs from 'node:fs';").unwrap();
        std::fs::write(dir.join("lib/a.test.ts"), "import { it } from 'vitest';").unwrap();
        std::fs::write(dir.join("test/setup.ts"), "import '@testing-library/jest-dom/vitest';").unwrap();
        let names: Vec<String> = ui_imports(&dir).unwrap().into_iter().collect();
        assert_eq!(names, ["@tauri-apps/api", "svelte"]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn npm_closure_follows_dependencies_and_prefers_nested_copies() {
        let lock = json!({"packages": {
            "": {"dependencies": {"a": "^1"}},
            "node_modules/a": {"version": "1.0.0", "license": "MIT", "dependencies": {"b": "^1", "c": "^2"}},
            "node_modules/b": {"version": "1.0.0", "license": "ISC"},
            "node_modules/c": {"version": "1.0.0", "license": "MIT"},
            "node_modules/a/node_modules/c": {"version": "2.0.0", "license": "MIT"},
            "node_modules/vitest": {"version": "3.0.0", "license": "MIT", "dev": true},
        }});
        let keys: Vec<String> =
            npm_closure(&lock, &BTreeSet::from(["a".to_owned()])).into_iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["node_modules/a", "node_modules/a/node_modules/c", "node_modules/b"]);
    }

    #[test]
    fn each_licence_text_is_printed_once_with_everyone_who_uses_it() {
        let mit = "MIT License\n\nPermission is hereby granted".to_owned();
        let c = |name: &str, texts: Vec<String>| Component {
            name: name.into(),
            version: "1.0.0".into(),
            license: "MIT".into(),
            repository: None,
            texts,
        };
        let out = render(&[c("itoa", vec![mit.clone()]), c("ryu", vec![mit.clone()])], &[c("svelte", vec![mit])], &[]);
        assert_eq!(out.matches("Permission is hereby granted").count(), 1);
        assert!(out.contains("[1] used by: itoa 1.0.0, ryu 1.0.0, svelte 1.0.0"), "{out}");
        assert!(out.contains("itoa 1.0.0: MIT text [1]"));
        assert!(out.contains("Rust crates (2)") && out.contains("npm packages (user interface) (1)"));
    }

    #[test]
    fn the_real_licence_file_covers_the_app_tree_and_not_the_test_tools() {
        let dir = tempdir();
        let text = std::fs::read_to_string(write(&dir).unwrap()).unwrap();
        for shipped in ["\ntauri ", "\nrusqlite ", "\ntypst ", "\nsvelte ", "\n@tauri-apps/api ", "\nDejaVuSans"] {
            assert!(text.contains(shipped), "{shipped:?} missing");
        }
        // Dev and build-only dependencies, the test runners and the xtask's own crates do not ship.
        for not_shipped in ["\nproptest ", "\ncriterion ", "\nvitest ", "\nwebdriverio ", "\nyaml-rust2 ", "\ntauri-build "] {
            assert!(!text.contains(not_shipped), "{not_shipped:?} listed");
        }
        assert!(text.contains("Permission is hereby granted"), "the MIT text is included");
        let _ = std::fs::remove_dir_all(&dir);
    }

    fn tempdir() -> PathBuf {
        let d = std::env::temp_dir().join(format!("sk-licences-{}-{:?}", std::process::id(), std::thread::current().id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }
}

//! `cargo xtask bundle`: the installers for this operating system, built with the Tauri CLI.
//!
//! The CLI is the npm package `@tauri-apps/cli` (prebuilt, pinned in `packaging/package.json`), installed
//! under `packaging/node_modules`; nothing else is downloaded. Linux: .deb and .rpm (no AppImage: its
//! tools are a separate download). Windows: the NSIS installer. macOS: the .app and the .dmg.
//!
//! Two files are made per build under `<target>/packaging/` and wired in with `--config`, so that a plain
//! debug build never depends on them: the third-party licence file (from the dependency tree, see
//! `licences.rs`) and the AppStream metainfo (screenshots only when their web address is known).

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde_json::json;

use crate::util::{npm, root, run_in, step, Result};
use crate::{licences, setup};

/// .deb size budget (`shared/design/performance.md`).
pub const DEB_BUDGET_BYTES: u64 = 40_000_000;

/// Where the AppStream screenshots are published: the metainfo lists them only when this is set, because
/// AppStream accepts only web addresses for images.
const SCREENSHOT_URL_ENV: &str = "SAMEN_KIJKEN_SCREENSHOT_URL";

pub const METAINFO_NAME: &str = "nl.samenkijken.desktop.metainfo.xml";

/// The packages one build made.
pub struct Bundles {
    pub files: Vec<PathBuf>,
}

impl Bundles {
    pub fn one(&self, ext: &str) -> Result<&Path> {
        let mut it = self.files.iter().filter(|f| f.extension().is_some_and(|e| e == ext));
        match (it.next(), it.next()) {
            (Some(f), None) => Ok(f),
            (None, _) => Err(format!("the build made no .{ext}").into()),
            (Some(_), Some(_)) => Err(format!("the build made more than one .{ext}").into()),
        }
    }
}

/// `extra`: more `tauri build` arguments, e.g. `--config packaging/windows/webview2-offline.json`.
pub fn run(extra: &[String]) -> Result<()> {
    let bundles = build(extra)?;
    step("Pakketten");
    for f in &bundles.files {
        println!("{}  {}", f.display(), mb(std::fs::metadata(f)?.len()));
    }
    if let Ok(deb) = bundles.one("deb") {
        let size = std::fs::metadata(deb)?.len();
        if size >= DEB_BUDGET_BYTES {
            return Err(format!(".deb is {} (budget < {})", mb(size), mb(DEB_BUDGET_BYTES)).into());
        }
    }
    Ok(())
}

pub fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root().join("target"))
}

/// The bundle types for this operating system.
fn bundle_types() -> &'static str {
    match std::env::consts::OS {
        "windows" => "nsis",
        "macos" => "app,dmg",
        _ => "deb,rpm",
    }
}

pub fn build(extra: &[String]) -> Result<Bundles> {
    if cfg!(target_os = "linux") {
        // Debian packages, npm dependencies of ui/ and tests/e2e, tauri-driver.
        setup::all()?;
    } else {
        npm_ci_if_stale(&root().join("ui"))?;
    }
    npm_ci_if_stale(&root().join("packaging"))?;

    // A rebuilt ui/dist has new mtimes, which makes cargo recompile and re-link the release binary
    // (minutes): build the UI only when a source is newer than the last build.
    let ui = root().join("ui");
    if newest_mtime(&ui, &["dist", "dist-fake", "node_modules"])? > newest_mtime(&ui.join("dist"), &[])? {
        step("UI bouwen (ui/dist)");
        npm_any_os(&["run", "build"], &ui)?;
    }

    step("Licenties van derden en AppStream-gegevens");
    let generated = target_dir().join("packaging");
    let licence = licences::write(&generated)?;
    let metainfo = generated.join(METAINFO_NAME);
    let source = std::fs::read_to_string(root().join("packaging/linux").join(METAINFO_NAME))?;
    write_if_changed(&metainfo, render_metainfo(&source, std::env::var(SCREENSHOT_URL_ENV).ok().as_deref()).as_bytes())?;
    let overlay = generated.join("tauri.bundle.json");
    write_if_changed(&overlay, serde_json::to_string_pretty(&overlay_config(&licence, &metainfo))?.as_bytes())?;

    step(&format!("Installatiepakketten bouwen ({})", bundle_types()));
    let started = SystemTime::now();
    let cli = root().join("packaging/node_modules/@tauri-apps/cli/tauri.js");
    let (cli, overlay) = (cli.to_string_lossy().into_owned(), overlay.to_string_lossy().into_owned());
    let mut args = vec![cli.as_str(), "build", "--ci", "--bundles", bundle_types(), "--config", &overlay];
    // The CLI runs in src-tauri/: a file named relative to the project root is passed as an absolute path.
    let extra: Vec<String> = extra
        .iter()
        .map(|a| match root().join(a) {
            p if !Path::new(a).is_absolute() && p.is_file() => p.to_string_lossy().into_owned(),
            _ => a.clone(),
        })
        .collect();
    args.extend(extra.iter().map(String::as_str));
    run_in("node", &args, &root().join("src-tauri"), &[])?;

    // `--debug` (a quick check of the packaging; figures of such a build mean little) bundles target/debug.
    let profile = if extra.iter().any(|a| a == "--debug") { "debug" } else { "release" };
    let out = target_dir().join(profile).join("bundle");
    let mut files = Vec::new();
    for sub in ["deb", "rpm", "nsis", "dmg"] {
        let Ok(entries) = std::fs::read_dir(out.join(sub)) else { continue };
        for entry in entries {
            let path = entry?.path();
            if path.is_file() && std::fs::metadata(&path)?.modified()? >= started {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(Bundles { files })
}

/// The generated files, added to `tauri.conf.json`'s bundle section: the licence file next to the
/// binary on every system (Linux: /usr/lib/Samen Kijken/, Windows: the install folder, macOS:
/// Contents/Resources) and, in the Linux packages, in the documentation folder, with the metainfo.
pub fn overlay_config(licence: &Path, metainfo: &Path) -> serde_json::Value {
    let linux_files = json!({
        "/usr/share/doc/samen-kijken/THIRD-PARTY-LICENSES.txt": licence,
        format!("/usr/share/metainfo/{METAINFO_NAME}"): metainfo,
    });
    json!({
        "bundle": {
            "resources": { licence.to_string_lossy(): "THIRD-PARTY-LICENSES.txt" },
            "linux": { "deb": { "files": linux_files }, "rpm": { "files": linux_files } }
        }
    })
}

/// Fills in the screenshots' web address, or drops the screenshots when there is none: AppStream
/// refuses an image that is not a web address, and a made-up address would be worse.
pub fn render_metainfo(source: &str, screenshot_url: Option<&str>) -> String {
    match screenshot_url {
        Some(url) => source.replace("@SCREENSHOT_URL@", url.trim_end_matches('/')),
        None => match (source.find("  <screenshots>"), source.find("</screenshots>\n")) {
            (Some(a), Some(b)) => format!("{}{}", &source[..a], &source[b + "</screenshots>\n".len()..]),
            _ => source.to_owned(),
        },
    }
}

pub fn write_if_changed(path: &Path, bytes: &[u8]) -> Result<()> {
    if std::fs::read(path).ok().as_deref() != Some(bytes) {
        std::fs::write(path, bytes)?;
    }
    Ok(())
}

/// The newest modification time of the files below `dir`, leaving out the named top-level folders;
/// the epoch for a folder that does not exist.
fn newest_mtime(dir: &Path, skip: &[&str]) -> Result<SystemTime> {
    let mut newest = SystemTime::UNIX_EPOCH;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for entry in entries {
            let path = entry?.path();
            let top = d == dir && path.file_name().and_then(|n| n.to_str()).is_some_and(|n| skip.contains(&n));
            if top {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                newest = newest.max(std::fs::metadata(&path)?.modified()?);
            }
        }
    }
    Ok(newest)
}

fn npm_ci_if_stale(dir: &Path) -> Result<()> {
    let lock = std::fs::metadata(dir.join("package-lock.json"))?.modified()?;
    let fresh = std::fs::metadata(dir.join("node_modules/.package-lock.json")).and_then(|m| m.modified()).is_ok_and(|m| m >= lock);
    if !fresh {
        step(&format!("npm-afhankelijkheden installeren in {}", dir.display()));
        npm_any_os(&["ci", "--no-audit", "--no-fund"], dir)?;
    }
    Ok(())
}

/// npm is a `.cmd` script on Windows, which a process cannot be started from directly.
fn npm_any_os(args: &[&str], dir: &Path) -> Result<()> {
    if cfg!(windows) {
        let mut with = vec!["/C", "npm"];
        with.extend(args);
        run_in("cmd", &with, dir, &[])
    } else {
        npm(args, dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metainfo() -> String {
        std::fs::read_to_string(root().join("packaging/linux").join(METAINFO_NAME)).unwrap()
    }

    #[test]
    fn metainfo_without_a_screenshot_address_has_no_screenshots_and_keeps_the_rest() {
        let out = render_metainfo(&metainfo(), None);
        assert!(!out.contains("<screenshot"), "{out}");
        assert!(!out.contains('@'), "a placeholder is left: {out}");
        assert!(out.contains("<launchable type=\"desktop-id\">") && out.ends_with("</component>\n"));
    }

    #[test]
    fn metainfo_with_a_screenshot_address_lists_every_captioned_screenshot_there() {
        let out = render_metainfo(&metainfo(), Some("https://example.org/shots/"));
        assert_eq!(out.matches("<screenshot").count() - out.matches("<screenshots>").count(), 3);
        assert_eq!(out.matches("<image type=\"source\"").count(), 3);
        assert!(out.contains(">https://example.org/shots/01-eerste-start.png</image>"), "{out}");
        // Every screenshot has a caption in English (the default) and in Dutch.
        assert_eq!(out.matches("<caption>").count(), 3);
        assert_eq!(out.matches("<caption xml:lang=\"nl\">").count(), 3);
    }

    #[test]
    fn the_overlay_puts_licences_and_metainfo_into_both_linux_packages() {
        let v = overlay_config(Path::new("/t/THIRD-PARTY-LICENSES.txt"), Path::new("/t/m.xml"));
        for kind in ["deb", "rpm"] {
            let files = &v["bundle"]["linux"][kind]["files"];
            assert_eq!(files["/usr/share/doc/samen-kijken/THIRD-PARTY-LICENSES.txt"], "/t/THIRD-PARTY-LICENSES.txt");
            assert_eq!(files[format!("/usr/share/metainfo/{METAINFO_NAME}")], "/t/m.xml");
        }
        assert_eq!(v["bundle"]["resources"]["/t/THIRD-PARTY-LICENSES.txt"], "THIRD-PARTY-LICENSES.txt");
    }
}

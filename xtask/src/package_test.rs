//! `cargo xtask package-test`: the freshly built .deb installed on this machine and used as a person would.
//!
//! It builds the packages (`bundle::build`), checks the .rpm's file list and dependencies with `rpm -qp`
//! and the .deb's with `dpkg-deb`, installs the .deb with apt (which pulls in its dependencies), checks
//! the desktop entry, icons, AppStream metainfo and licence file on disk, runs the foundation spec
//! (`tests/e2e/specs/01-foundation.test.mjs`) against the **installed** `/usr/bin/samen-kijken`, measures
//! start and memory (`packaging/linux/test/start-and-memory.mjs`), purges the package and checks that
//! every vault file is still there, byte for byte. Linux only; needs root or sudo for apt.
//!
//! Separate from `cargo xtask test` because the release build alone takes 15–25 minutes on two cores.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::bundle::{self, mb, DEB_BUDGET_BYTES, METAINFO_NAME};
use crate::e2e::{self, NodeRun};
use crate::util::{root, run_in, step, Result};

const PACKAGE: &str = "samen-kijken";
const INSTALLED_BINARY: &str = "/usr/bin/samen-kijken";
const DESKTOP_FILE: &str = "/usr/share/applications/Samen Kijken.desktop";
/// The hicolor sizes a desktop asks for (packaging/linux/icons).
pub const ICON_SIZES: &[u32] = &[16, 24, 32, 48, 64, 128, 256, 512];
/// Budgets from shared/design/performance.md (reported; the .deb size also fails the run).
const START_BUDGET_MS: f64 = 500.0;
const PSS_BUDGET_MB: f64 = 250.0;
/// Debian packages this command uses to inspect packages.
const TOOLS: &[(&str, &str)] = &[("rpm", "rpm"), ("appstreamcli", "appstream"), ("desktop-file-validate", "desktop-file-utils")];

/// `args`: `--debug` packages the debug build: a quick check of the whole flow (its figures are not the
/// release build's).
pub fn run(args: &[String]) -> Result<()> {
    let extra: Vec<String> = args.iter().filter(|a| *a == "--debug").cloned().collect();
    if extra.len() != args.len() {
        return Err(format!("package-test takes only --debug, not {args:?}").into());
    }
    if !cfg!(target_os = "linux") {
        return Err("package-test installs the .deb: it runs on Debian or Ubuntu only".into());
    }
    install_tools()?;
    let bundles = bundle::build(&extra)?;
    let deb = bundles.one("deb")?.to_path_buf();
    let rpm = bundles.one("rpm")?.to_path_buf();

    step("Het .rpm-pakket: bestanden en afhankelijkheden (rpm -qp)");
    let rpm_files = output("rpm", &["-qp", "--list", path_str(&rpm)?])?;
    let rpm_requires = output("rpm", &["-qp", "--requires", path_str(&rpm)?])?;
    check_files(&rpm_files, "the .rpm")?;
    check_all_in(&rpm_requires, &["webkit2gtk4.1", "gtk3", "openssl-libs"], "the .rpm's requirements")?;
    println!("{} files; requires: {}", rpm_files.lines().count(), rpm_requires.lines().collect::<Vec<_>>().join(", "));

    step("Het .deb-pakket: bestanden en afhankelijkheden (dpkg-deb)");
    let deb_files: String = deb_listing(&deb)?;
    check_files(&deb_files, "the .deb")?;
    let depends = output("dpkg-deb", &["--field", path_str(&deb)?, "Depends"])?;
    check_all_in(&depends, &["libwebkit2gtk-4.1-0", "libgtk-3-0", "libssl3"], "the .deb's Depends")?;
    println!("Depends: {}", depends.trim());

    step("Installeren met apt");
    if installed() {
        apt(&["purge", "-y", PACKAGE])?;
    }
    apt(&["install", "-y", "--no-install-recommends", path_str(&deb)?])?;
    if !installed() {
        return Err("apt finished, but dpkg does not list samen-kijken as installed".into());
    }
    let installed_kib: u64 = output("dpkg-query", &["-W", "-f=${Installed-Size}", PACKAGE])?.trim().parse()?;
    check_installed_files()?;

    let out = bundle::target_dir().join("package-test");
    let figures_path = out.join("figures.json");
    let home = out.join("home");
    let result = (|| -> Result<BTreeMap<PathBuf, Vec<u8>>> {
        step("De geïnstalleerde app: foundation-spec, starttijd en geheugen onder Xvfb");
        e2e::require_tools()?;
        let runs = [
            NodeRun::Tests(root().join("tests/e2e/specs/01-foundation.test.mjs")),
            NodeRun::Script(root().join("packaging/linux/test/start-and-memory.mjs")),
        ];
        // The script writes its figures next to the private home (figures_path).
        let status = e2e::run_in_xvfb(Path::new(INSTALLED_BINARY), &out, &runs, &[])?;
        if !status.success() {
            return Err(format!("the installed app failed its end-to-end run ({status}); evidence in {}", out.display()).into());
        }
        vault_files(&home.join("vaults"))
    })();

    step("Verwijderen (apt purge); de kluis moet blijven");
    apt(&["purge", "-y", PACKAGE])?;
    let before = result?;
    if installed() || Path::new(INSTALLED_BINARY).exists() || Path::new(DESKTOP_FILE).exists() {
        return Err("after apt purge the app is still installed".into());
    }
    let after = vault_files(&home.join("vaults"))?;
    if before.is_empty() || before != after {
        return Err(format!("the uninstall changed the vault folders: {} files before, {} after", before.len(), after.len()).into());
    }
    println!("{} vault files under {} unchanged after apt purge", after.len(), home.join("vaults").display());

    let figures: Value = serde_json::from_str(&std::fs::read_to_string(&figures_path)?)?;
    let deb_size = std::fs::metadata(&deb)?.len();
    step("Cijfers van het geïnstalleerde pakket");
    print_package_figures(deb_size, installed_kib);
    print_run_figures(&figures);
    if deb_size >= DEB_BUDGET_BYTES {
        return Err(format!(".deb is {} (budget < {})", mb(deb_size), mb(DEB_BUDGET_BYTES)).into());
    }
    Ok(())
}

/// `cargo xtask measure [BINARY] [NAME=VALUE …]`: start and memory of a built binary (default
/// `target/release/samen-kijken`) without installing it, by the same script as package-test, in the same
/// Xvfb and private-home environment; `NAME=VALUE` pairs are added to the app's environment, to compare
/// WebKit or JavaScriptCore settings (e.g. `JSC_useJIT=0`). `STARTS` and `CASES` as for the script.
pub fn measure(args: &[String]) -> Result<()> {
    if !cfg!(target_os = "linux") {
        return Err("measure reads /proc: it runs on Linux only".into());
    }
    let (pairs, paths): (Vec<&String>, Vec<&String>) = args.iter().partition(|a| a.contains('='));
    let binary = match paths.as_slice() {
        [] => bundle::target_dir().join("release/samen-kijken"),
        [one] => PathBuf::from(one),
        _ => return Err(format!("measure takes one binary, not {paths:?}").into()),
    };
    if !binary.is_file() {
        return Err(format!("{} does not exist: build it first (e.g. `cargo xtask bundle`)", binary.display()).into());
    }
    let binary = std::fs::canonicalize(&binary)?;
    let extra_env: Vec<(String, String)> = pairs
        .iter()
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or_default();
            (k.to_string(), v.to_string())
        })
        .collect();
    e2e::require_tools()?;
    let out = bundle::target_dir().join("measure");
    step(&format!("Starttijd en geheugen van {} onder Xvfb", binary.display()));
    for (k, v) in &extra_env {
        println!("app environment: {k}={v}");
    }
    let runs = [NodeRun::Script(root().join("packaging/linux/test/start-and-memory.mjs"))];
    let status = e2e::run_in_xvfb(&binary, &out, &runs, &extra_env)?;
    if !status.success() {
        return Err(format!("the measurement failed ({status}); evidence in {}", out.display()).into());
    }
    let figures: Value = serde_json::from_str(&std::fs::read_to_string(out.join("figures.json"))?)?;
    println!("{:<64} {:<10} {}", "figure", "budget", "measured");
    print_run_figures(&figures);
    Ok(())
}

fn print_package_figures(deb_size: u64, installed_kib: u64) {
    let verdict = |ok: bool| if ok { "within budget" } else { "OVER BUDGET" };
    println!("{:<64} {:<10} {}", "figure", "budget", "measured");
    println!("{:<64} {:<10} {} ({})", ".deb size", "< 40 MB", mb(deb_size), verdict(deb_size < DEB_BUDGET_BYTES));
    println!("{:<64} {:<10} {}", "installed size (dpkg Installed-Size)", "-", mb(installed_kib * 1024));
}

fn print_run_figures(f: &Value) {
    let ms = |v: &Value| v.as_f64().map(|x| format!("{x:.0} ms")).unwrap_or_else(|| "not measured".into());
    let verdict = |ok: bool| if ok { "within budget" } else { "OVER BUDGET" };
    let start = f["medianToFirstPaintMs"].as_f64().or_else(|| f["medianToUnlockScreenSeenMs"].as_f64()).unwrap_or(f64::MAX);
    let pss_mb = f["pssSumKiB"].as_f64().unwrap_or(f64::MAX) * 1024.0 / 1e6;
    let rss_mb = f["rssSumKiB"].as_f64().unwrap_or(0.0) * 1024.0 / 1e6;
    let n = f["starts"].as_array().map(Vec::len).unwrap_or(0);
    println!(
        "{:<64} {:<10} {} ({})",
        format!("start: process start → first paint, median of {n}"),
        "< 500 ms",
        ms(&f["medianToFirstPaintMs"]),
        verdict(start < START_BUDGET_MS)
    );
    println!("{:<64} {:<10} {}", "  process start → unlock screen laid out (WebDriver), median", "-", ms(&f["medianToUnlockScreenSeenMs"]));
    println!("{:<64} {:<10} {}", "  WebDriver session request → unlock screen laid out, median", "-", ms(&f["medianRequestToUnlockScreenSeenMs"]));
    println!(
        "{:<64} {:<10} {:.0} MB ({})",
        format!("PSS sum, app + WebKit processes, after unlocking {} cases ({} rows shown)", f["cases"], f["rowsInPage"]),
        "< 250 MB",
        pss_mb,
        verdict(pss_mb < PSS_BUDGET_MB)
    );
    for p in f["processes"].as_array().into_iter().flatten() {
        println!("    {:<60} {:.0} MB", format!("{} (pid {})", p["name"].as_str().unwrap_or("?"), p["pid"]), p["pssKiB"].as_f64().unwrap_or(0.0) * 1024.0 / 1e6);
    }
    println!("{:<64} {:<10} {:.0} MB", "  RSS sum, same processes", "-", rss_mb);
    println!("{:<64} {:<10} {}", "search over all cases, typed → list shown (in the page)", "-", ms(&f["searchMs"]));
    println!("{:<64} {:<10} {}", "open a case, click → case screen (in the page)", "-", ms(&f["openCaseMs"]));
    let heavy = &f["heavy"];
    if heavy["records"].is_number() {
        for (what, key) in [("Wie doet wat", "whoDoesWhatMs"), ("timeline", "timelineMs"), ("matrix", "matrixMs"), ("family picture", "pictureMs"), ("the timeline command alone", "timelineCommandMs")] {
            println!("{:<64} {:<10} {}", format!("case with {} records: {what}, click → drawn", heavy["records"]), "-", ms(&heavy[key]));
        }
    }
}

/// Paths both packages must hold.
fn expected_files() -> Vec<String> {
    let mut files = vec![
        INSTALLED_BINARY.to_owned(),
        DESKTOP_FILE.to_owned(),
        format!("/usr/share/metainfo/{METAINFO_NAME}"),
        "/usr/share/doc/samen-kijken/THIRD-PARTY-LICENSES.txt".to_owned(),
        "/usr/lib/Samen Kijken/THIRD-PARTY-LICENSES.txt".to_owned(),
    ];
    files.extend(ICON_SIZES.iter().map(|s| format!("/usr/share/icons/hicolor/{s}x{s}/apps/samen-kijken.png")));
    files
}

fn check_files(listing: &str, what: &str) -> Result<()> {
    let have: Vec<&str> = listing.lines().map(str::trim).collect();
    let missing: Vec<String> = expected_files().into_iter().filter(|f| !have.contains(&f.as_str())).collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!("{what} lacks {}", missing.join(", ")).into())
    }
}

fn check_all_in(text: &str, needles: &[&str], what: &str) -> Result<()> {
    let missing: Vec<&&str> = needles.iter().filter(|n| !text.split([',', '\n', ' ', '|']).any(|w| w.trim() == **n)).collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!("{what} lack {missing:?}: {text}").into())
    }
}

/// On disk after the install: the files, a valid desktop entry that starts the installed binary with
/// the installed icon, valid AppStream metainfo, a licence file that names the crates and npm packages.
fn check_installed_files() -> Result<()> {
    for f in expected_files() {
        if !Path::new(&f).is_file() {
            return Err(format!("{f} is not installed").into());
        }
    }
    run_in("desktop-file-validate", &[DESKTOP_FILE], &root(), &[])?;
    let entry = std::fs::read_to_string(DESKTOP_FILE)?;
    let key = |k: &str| entry.lines().find_map(|l| l.strip_prefix(k).map(str::trim)).unwrap_or_default().to_owned();
    let exec = key("Exec=");
    let on_path = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()).any(|d| d.join(&exec) == Path::new(INSTALLED_BINARY));
    if exec != INSTALLED_BINARY && !on_path {
        return Err(format!("the desktop entry starts `{exec}`, not {INSTALLED_BINARY}").into());
    }
    if key("Icon=") != PACKAGE {
        return Err(format!("the desktop entry's icon is `{}`, not {PACKAGE}", key("Icon=")).into());
    }
    run_in("appstreamcli", &["validate", "--no-net", &format!("/usr/share/metainfo/{METAINFO_NAME}")], &root(), &[])?;
    let licences = std::fs::read_to_string("/usr/share/doc/samen-kijken/THIRD-PARTY-LICENSES.txt")?;
    check_all_in(&licences.replace(':', " "), &["tauri", "rusqlite", "typst", "svelte", "@tauri-apps/api", "DejaVuSans"], "the licence file")?;
    println!("desktop entry, {} icons, metainfo and licence file installed and valid", ICON_SIZES.len());
    Ok(())
}

/// Every file below the vault folders with its bytes.
fn vault_files(dir: &Path) -> Result<BTreeMap<PathBuf, Vec<u8>>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.insert(path.clone(), std::fs::read(&path)?);
            }
        }
    }
    Ok(out)
}

/// The paths in the .deb's data archive, as absolute paths (`./usr/bin/x` → `/usr/bin/x`).
fn deb_listing(deb: &Path) -> Result<String> {
    let tar = Command::new("dpkg-deb").arg("--fsys-tarfile").arg(deb).output()?;
    if !tar.status.success() {
        return Err(format!("dpkg-deb --fsys-tarfile failed: {}", String::from_utf8_lossy(&tar.stderr)).into());
    }
    let mut child = Command::new("tar").arg("-t").stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).spawn()?;
    let mut stdin = child.stdin.take().ok_or("tar has no stdin")?;
    let feeder = std::thread::spawn(move || std::io::Write::write_all(&mut stdin, &tar.stdout));
    let out = child.wait_with_output()?;
    feeder.join().map_err(|_| "writing to tar failed")??;
    Ok(String::from_utf8(out.stdout)?
        .lines()
        .map(|l| format!("/{}", l.trim_start_matches("./").trim_start_matches('/')))
        .collect::<Vec<_>>()
        .join("\n"))
}

fn installed() -> bool {
    output("dpkg-query", &["-W", "-f=${Status}", PACKAGE]).is_ok_and(|s| s.contains("install ok installed"))
}

fn is_root() -> bool {
    output("id", &["-u"]).is_ok_and(|s| s.trim() == "0")
}

fn apt(args: &[&str]) -> Result<()> {
    let env = [("DEBIAN_FRONTEND", std::ffi::OsStr::new("noninteractive"))];
    if is_root() {
        run_in("apt-get", args, &root(), &env)
    } else {
        let mut with = vec!["apt-get"];
        with.extend(args);
        run_in("sudo", &with, &root(), &env)
    }
}

fn install_tools() -> Result<()> {
    let missing: Vec<&str> = TOOLS.iter().filter(|(tool, _)| !crate::util::have(tool)).map(|(_, pkg)| *pkg).collect();
    if missing.is_empty() {
        return Ok(());
    }
    step(&format!("Systeempakketten installeren: {}", missing.join(" ")));
    apt(&["update", "-qq"])?;
    let mut args = vec!["install", "-y", "-qq", "--no-install-recommends"];
    args.extend(&missing);
    apt(&args)
}

fn output(program: &str, args: &[&str]) -> Result<String> {
    let out = Command::new(program).args(args).output().map_err(|e| format!("could not start `{program}`: {e}"))?;
    if !out.status.success() {
        return Err(format!("`{program} {}` failed: {}", args.join(" "), String::from_utf8_lossy(&out.stderr)).into());
    }
    Ok(String::from_utf8(out.stdout)?)
}

fn path_str(p: &Path) -> Result<&str> {
    p.to_str().ok_or_else(|| format!("not UTF-8: {}", p.display()).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_without_an_icon_size_is_refused_and_a_complete_one_passes() {
        let complete = expected_files().join("\n");
        assert!(check_files(&complete, "x").is_ok());
        let without = complete.replace("/usr/share/icons/hicolor/48x48/apps/samen-kijken.png\n", "");
        let err = check_files(&without, "the .deb").unwrap_err().to_string();
        assert!(err.contains("48x48"), "{err}");
    }

    #[test]
    fn dependencies_match_whole_names_only() {
        let deps = "libwebkit2gtk-4.1-0 (>= 2.40), libgtk-3-0, libssl3";
        assert!(check_all_in(deps, &["libwebkit2gtk-4.1-0", "libgtk-3-0", "libssl3"], "d").is_ok());
        assert!(check_all_in("libssl3-dev", &["libssl3"], "d").is_err());
    }

    #[test]
    fn every_icon_in_packaging_has_the_size_its_name_says() {
        for s in ICON_SIZES {
            let bytes = std::fs::read(root().join(format!("packaging/linux/icons/{s}x{s}.png"))).unwrap();
            assert_eq!(&bytes[1..4], b"PNG");
            // IHDR: width and height as big-endian u32 at bytes 16..24.
            let w = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
            let h = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
            assert_eq!((w, h), (*s, *s), "{s}x{s}.png");
        }
    }

    #[test]
    fn tauri_conf_lists_every_packaged_icon_and_the_windows_and_macos_ones() {
        let conf: Value = serde_json::from_str(&std::fs::read_to_string(root().join("src-tauri/tauri.conf.json")).unwrap()).unwrap();
        let icons: Vec<&str> = conf["bundle"]["icon"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
        for s in ICON_SIZES {
            assert!(icons.contains(&format!("../packaging/linux/icons/{s}x{s}.png").as_str()), "{s}");
        }
        assert!(icons.contains(&"../packaging/windows/icon.ico") && icons.contains(&"../packaging/macos/icon.icns"));
        for icon in icons {
            assert!(root().join("src-tauri").join(icon).is_file(), "{icon} is missing");
        }
        assert_eq!(conf["bundle"]["windows"]["nsis"]["installMode"], "currentUser");
    }
}

//! Installs what a fresh Debian/Ubuntu machine lacks: OS packages (apt), npm dependencies, tauri-driver.
//! Each step checks first and does nothing when the thing is already there.

use std::process::Command;

use crate::util::{have, npm, root, run_in, step, Result};

/// Debian packages: Tauri's build and runtime libraries, and the end-to-end tools.
const APT_PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "libwebkit2gtk-4.1-dev",
    "libssl-dev",
    "librsvg2-dev",
    "libayatana-appindicator3-dev",
    "xvfb",
    "webkit2gtk-driver",
    "chromium",
    "poppler-utils",
    "xdotool",
    "xauth",
];

pub fn all() -> Result<()> {
    apt()?;
    npm_deps()?;
    tauri_driver()
}

fn installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
        .unwrap_or(false)
}

fn apt() -> Result<()> {
    let missing: Vec<&str> = APT_PACKAGES.iter().copied().filter(|p| !installed(p)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    step(&format!("Systeempakketten installeren: {}", missing.join(" ")));
    // As root (CI) apt runs directly; otherwise through sudo, which asks for the password once.
    let is_root = Command::new("id").arg("-u").output().map(|o| o.stdout == b"0\n").unwrap_or(false);
    let (program, prefix): (&str, Vec<&str>) = if is_root { ("apt-get", vec![]) } else { ("sudo", vec!["apt-get"]) };
    let env = [("DEBIAN_FRONTEND", std::ffi::OsStr::new("noninteractive"))];
    let mut update = prefix.clone();
    update.extend(["update", "-qq"]);
    run_in(program, &update, &root(), &env)?;
    let mut install = prefix;
    install.extend(["install", "-y", "-qq", "--no-install-recommends"]);
    install.extend(&missing);
    run_in(program, &install, &root(), &env)
}

fn npm_deps() -> Result<()> {
    for dir in ["ui", "tests/e2e"] {
        let dir = root().join(dir);
        if !dir.join("package.json").is_file() {
            continue;
        }
        let lock = dir.join("package-lock.json");
        let marker = dir.join("node_modules/.package-lock.json");
        let fresh = match (std::fs::metadata(&lock), std::fs::metadata(&marker)) {
            (Ok(l), Ok(m)) => m.modified()? >= l.modified()?,
            _ => false,
        };
        if !fresh {
            step(&format!("npm-afhankelijkheden installeren in {}", dir.display()));
            npm(&["ci", "--no-audit", "--no-fund"], &dir)?;
        }
    }
    Ok(())
}

fn tauri_driver() -> Result<()> {
    if have("tauri-driver") {
        return Ok(());
    }
    step("tauri-driver installeren (end-to-end tests)");
    run_in("cargo", &["install", "tauri-driver", "--locked", "--version", "^2"], &root(), &[])
}

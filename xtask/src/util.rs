//! Small helpers to run commands and compare folders.

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// The workspace root (xtask lives one level below it).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask is inside the workspace").to_path_buf()
}

pub fn step(what: &str) {
    println!("\n==> {what}");
}

pub fn run_in(program: &str, args: &[&str], dir: &Path, env: &[(&str, &OsStr)]) -> Result<()> {
    let mut cmd = Command::new(program);
    cmd.args(args).current_dir(dir);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let status = cmd.status().map_err(|e| format!("could not start `{program}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")).into())
    }
}

pub fn cargo(args: &[&str]) -> Result<()> {
    run_in("cargo", args, &root(), &[])
}

pub fn cargo_env(args: &[&str], env: &[(&str, &OsStr)]) -> Result<()> {
    run_in("cargo", args, &root(), env)
}

pub fn npm(args: &[&str], dir: &Path) -> Result<()> {
    run_in("npm", args, dir, &[])
}

/// Is `program` on PATH?
pub fn have(program: &str) -> bool {
    std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).any(|p| p.join(program).is_file()))
        .unwrap_or(false)
}

fn files_below(dir: &Path) -> Result<BTreeSet<PathBuf>> {
    let mut out = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.insert(path.strip_prefix(dir)?.to_path_buf());
            }
        }
    }
    Ok(out)
}

/// Names of files that are missing, extra or different between two folders.
pub fn dir_diff(a: &Path, b: &Path) -> Result<Vec<String>> {
    let (fa, fb) = (files_below(a)?, files_below(b)?);
    let mut diff = Vec::new();
    for f in fa.union(&fb) {
        let (pa, pb) = (a.join(f), b.join(f));
        let same = pa.is_file() && pb.is_file() && std::fs::read(&pa)? == std::fs::read(&pb)?;
        if !same {
            diff.push(f.display().to_string());
        }
    }
    Ok(diff)
}

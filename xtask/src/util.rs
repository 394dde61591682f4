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

/// The generated paths (folders or files, relative to the roots) that differ between a fresh
/// generation and the checked-in tree: missing, extra or changed files.
pub fn generated_diff(fresh: &Path, checked_in: &Path, generated: &[&str]) -> Result<Vec<String>> {
    let mut diff = Vec::new();
    for rel in generated {
        let (a, b) = (fresh.join(rel), checked_in.join(rel));
        if a.is_dir() || b.is_dir() {
            if !a.is_dir() || !b.is_dir() {
                diff.push(rel.to_string());
                continue;
            }
            diff.extend(dir_diff(&a, &b)?.into_iter().map(|f| format!("{rel}/{f}")));
        } else {
            let same = a.is_file() && b.is_file() && std::fs::read(&a)? == std::fs::read(&b)?;
            if !same {
                diff.push(rel.to_string());
            }
        }
    }
    Ok(diff)
}

/// Replaces the checked-in generated paths by the fresh ones (stale files in generated folders go).
pub fn replace_generated(fresh: &Path, checked_in: &Path, generated: &[&str]) -> Result<()> {
    for rel in generated {
        let (from, to) = (fresh.join(rel), checked_in.join(rel));
        if from.is_dir() {
            let _ = std::fs::remove_dir_all(&to);
            for f in files_below(&from)? {
                let target = to.join(&f);
                std::fs::create_dir_all(target.parent().expect("file in a folder"))?;
                std::fs::copy(from.join(&f), target)?;
            }
        } else {
            std::fs::copy(&from, &to)?;
        }
    }
    Ok(())
}

/// The production UI bundle must not hold the fake backend or its fixtures.
pub fn fake_not_in_bundle(dist: &Path) -> Result<()> {
    // Words that only the fake and its fixtures contain: the practice family (its name and case id),
    // a command only the fake names, an example text, and a key of every row of the error table.
    let markers = [
        "Gezin Jansen-de Vries",
        "01900000-0000-7000-8000-000000000001",
        "practice_case_create",
        "Voorbeeld (oefenversie)",
        "\"stateful\":",
    ];
    for f in files_below(dist)? {
        let text = String::from_utf8_lossy(&std::fs::read(dist.join(&f))?).into_owned();
        if let Some(m) = markers.iter().find(|m| text.contains(*m)) {
            return Err(format!("ui/dist/{} holds the fake backend ({m})", f.display()).into());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, rel: &str, text: &str) {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    #[test]
    fn a_stale_missing_or_extra_generated_file_is_found_and_nothing_else() {
        let base = std::env::temp_dir().join(format!("xtask-diff-{}", std::process::id()));
        let (fresh, checked) = (base.join("fresh"), base.join("checked"));
        let _ = std::fs::remove_dir_all(&base);
        let generated = ["gen", "perm.toml"];
        for root in [&fresh, &checked] {
            write(root, "gen/A.ts", "export type A = string;");
            write(root, "gen/sub/B.ts", "export type B = number;");
            write(root, "perm.toml", "x");
            write(root, "other.txt", "not generated");
        }
        write(&checked, "other.txt", "changed, but not generated");
        assert_eq!(generated_diff(&fresh, &checked, &generated).unwrap(), Vec::<String>::new());

        write(&checked, "gen/A.ts", "export type A = number; // edited by hand");
        write(&checked, "gen/Old.ts", "export type Old = string;");
        std::fs::remove_file(checked.join("gen/sub/B.ts")).unwrap();
        write(&checked, "perm.toml", "y");
        let mut diff = generated_diff(&fresh, &checked, &generated).unwrap();
        diff.sort();
        assert_eq!(diff, ["gen/A.ts", "gen/Old.ts", "gen/sub/B.ts", "perm.toml"]);

        replace_generated(&fresh, &checked, &generated).unwrap();
        assert_eq!(generated_diff(&fresh, &checked, &generated).unwrap(), Vec::<String>::new());
        assert_eq!(std::fs::read_to_string(checked.join("other.txt")).unwrap(), "changed, but not generated");
        let _ = std::fs::remove_dir_all(&base);
    }

    #[test]
    fn the_fake_in_a_bundle_is_found() {
        let dist = std::env::temp_dir().join(format!("xtask-dist-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dist);
        write(&dist, "assets/index.js", "console.log('app')");
        assert!(fake_not_in_bundle(&dist).is_ok());
        write(&dist, "assets/fake.js", "const label = 'Gezin Jansen-de Vries';");
        assert!(fake_not_in_bundle(&dist).is_err());
        // The error table's rows alone (kept by a module-level loop of the fake) are found too.
        std::fs::remove_file(dist.join("assets/fake.js")).unwrap();
        write(&dist, "assets/index.js", r#"JSON.parse('[{"command":"vault_status","code":"invalid","stateful":false}]')"#);
        assert!(fake_not_in_bundle(&dist).is_err());
        let _ = std::fs::remove_dir_all(&dist);
    }
}

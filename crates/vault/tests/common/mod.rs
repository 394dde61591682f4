#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use domain::{Gender, PersonInput, Role};
use vault::{KdfParams, Passphrase, RecoveryKey, Vault};

pub const PASS: &str = "paard batterij nietje correct";

pub fn fast() -> KdfParams {
    KdfParams::insecure_fast_for_tests()
}

pub fn pass() -> Passphrase {
    Passphrase::new(PASS)
}

pub fn new_vault(dir: &Path) -> (Vault, RecoveryKey) {
    Vault::create(dir, &pass(), fast()).expect("create vault")
}

pub fn person(role: Role, name: &str) -> PersonInput {
    PersonInput {
        role,
        name: name.into(),
        year_of_birth: Some(1990),
        gender: Some(Gender::Female),
        lives_in_household: true,
        notes: String::new(),
        language: Default::default(),
    }
}

/// Every file under `dir` (recursively) with its bytes and mtime.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            let p = e.path();
            let md = e.metadata().unwrap();
            if md.is_dir() {
                stack.push(p);
            } else {
                out.insert(p.clone(), (fs::read(&p).unwrap(), md.modified().unwrap()));
            }
        }
    }
    out
}

/// All files under `dir`, recursively.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    snapshot(dir).into_keys().collect()
}

/// A small deterministic PRNG (xorshift) so tests need no extra crate; seeded from the clock and printed.
pub struct Rng(u64);

impl Rng {
    pub fn from_time() -> Self {
        let seed = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1;
        eprintln!("rng seed {seed}");
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

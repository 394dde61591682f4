//! SQLCipher's process-wide set-up must be complete before any thread keys a connection: several
//! threads unlocking and backing up at the very start of a fresh process all succeed. Each round is a
//! fresh child process (this test binary re-invoked), because the set-up happens once per process.

mod common;

use std::process::Command;
use std::sync::{Arc, Barrier};

use common::*;
use vault::Vault;

const ROLE_ENV: &str = "VAULT_TEST_CONCURRENT_CHILD";
const THREADS: usize = 8;

fn child(dir: &std::path::Path) {
    let barrier = Arc::new(Barrier::new(THREADS));
    let handles: Vec<_> = (0..THREADS)
        .map(|i| {
            let barrier = barrier.clone();
            let dir = dir.join(format!("t{i}"));
            std::thread::spawn(move || {
                barrier.wait();
                let (v, _) = Vault::create(&dir, &pass(), fast()).map_err(|e| e.code()).unwrap();
                v.backup_to(dir.join("backup")).map_err(|e| e.code()).unwrap();
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
}

#[test]
fn first_connections_from_many_threads_at_once() {
    if let Ok(dir) = std::env::var(ROLE_ENV) {
        child(std::path::Path::new(&dir));
        return;
    }
    for round in 0..25 {
        let dir = tempfile::tempdir().unwrap();
        let out = Command::new(std::env::current_exe().unwrap())
            .args(["first_connections_from_many_threads_at_once", "--exact", "--test-threads=1"])
            .env(ROLE_ENV, dir.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "round {round}: {}", String::from_utf8_lossy(&out.stdout));
        for i in 0..THREADS {
            assert!(Vault::open(dir.path().join(format!("t{i}/backup")), &pass()).is_ok(), "round {round}");
        }
    }
}

//! Crash safety: a child process (this test binary, re-invoked with an env var naming its role) is
//! killed with SIGKILL at random moments while it writes or changes the passphrase.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::*;
use uuid::Uuid;
use vault::{Passphrase, Vault};

const ROLE_ENV: &str = "VAULT_TEST_CHILD_ROLE";
const DIR_ENV: &str = "VAULT_TEST_CHILD_DIR";

fn spawn_child(test_name: &str, role: &str, dir: &Path) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([test_name, "--exact", "--nocapture", "--test-threads=1"])
        .env(ROLE_ENV, role)
        .env(DIR_ENV, dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Reads the child's stdout lines on a thread, so the parent can wait with a timeout.
fn ack_lines(child: &mut Child) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    let out = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// The id in an `ACK <id>` line. libtest prints `test <name> ... ` without a newline before the test
/// runs, so the first line of the child may carry that prefix.
fn ack(line: &str) -> Option<&str> {
    line.split_once("ACK ").map(|(_, id)| id.trim())
}

fn kill(child: &mut Child) {
    // SIGKILL on unix.
    let _ = child.kill();
    let _ = child.wait();
}

/// Child role: open the vault and create cases forever, printing `ACK <id>` after each commit.
fn writer_child(dir: &Path) -> ! {
    let v = Vault::open(dir, &pass()).unwrap();
    println!("READY");
    let mut i = 0u64;
    loop {
        let c = v.cases().create(&format!("Gezin {i}")).unwrap();
        if i.is_multiple_of(3) {
            v.persons().add(c.id, person(domain::Role::Parent, "Ouder")).unwrap();
        }
        println!("ACK {}", c.id);
        i += 1;
    }
}

#[test]
fn kill_during_writes() {
    if std::env::var(ROLE_ENV).as_deref() == Ok("writer") {
        writer_child(Path::new(&std::env::var(DIR_ENV).unwrap()));
    }
    let dir = tempfile::tempdir().unwrap();
    drop(new_vault(dir.path()));
    let mut rng = Rng::from_time();
    let mut acked: Vec<Uuid> = Vec::new();
    let started = Instant::now();
    let kills = 200;
    for round in 0..kills {
        let mut child = spawn_child("kill_during_writes", "writer", dir.path());
        let rx = ack_lines(&mut child);
        // Wait until it is writing, then let it run a random while (sometimes kill right away).
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let line = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())).expect("child starts");
            if line.ends_with("READY") {
                break;
            }
        }
        let wait = Duration::from_micros(rng.below(120_000));
        let until = Instant::now() + wait;
        while Instant::now() < until {
            if let Some(id) = rx.recv_timeout(until.saturating_duration_since(Instant::now())).ok().as_deref().and_then(ack) {
                acked.push(id.parse().unwrap());
            }
        }
        kill(&mut child);
        // Lines the child printed before it died were acknowledged commits too.
        while let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) {
            if let Some(id) = ack(&line) {
                acked.push(id.parse().unwrap());
            }
        }
        if round % 50 == 49 || round == kills - 1 {
            let v = Vault::open(dir.path(), &pass()).unwrap();
            let ids: std::collections::HashSet<Uuid> = v.cases().list().unwrap().into_iter().map(|c| c.id).collect();
            for id in &acked {
                assert!(ids.contains(id), "an acknowledged write is missing after round {round}");
            }
            v.check_integrity().unwrap();
            v.verify_audit_chain().unwrap();
        }
    }
    assert!(acked.len() > kills, "the child must have written: {} acks", acked.len());
    eprintln!("{kills} kills, {} acknowledged writes, {:?}", acked.len(), started.elapsed());
}

/// Child role: change the passphrase back and forth forever, printing which one is now valid.
fn passphrase_child(dir: &Path) -> ! {
    let (a, b) = (pass(), Passphrase::new("tweede wachtwoord"));
    let v = match Vault::open(dir, &a) {
        Ok(v) => v,
        Err(_) => Vault::open(dir, &b).unwrap(),
    };
    let mut current_is_a = Vault::open(dir, &a).is_ok();
    println!("READY");
    loop {
        let (old, new) = if current_is_a { (&a, &b) } else { (&b, &a) };
        v.change_passphrase(old, new).unwrap();
        current_is_a = !current_is_a;
        println!("NOW {}", if current_is_a { "A" } else { "B" });
    }
}

#[test]
fn kill_during_passphrase_change() {
    if std::env::var(ROLE_ENV).as_deref() == Ok("passphrase") {
        passphrase_child(Path::new(&std::env::var(DIR_ENV).unwrap()));
    }
    let dir = tempfile::tempdir().unwrap();
    let (v, _) = new_vault(dir.path());
    let c = v.cases().create("Gezin P.").unwrap();
    drop(v);
    let (a, b) = (pass(), Passphrase::new("tweede wachtwoord"));
    let mut rng = Rng::from_time();
    for _ in 0..40 {
        let mut child = spawn_child("kill_during_passphrase_change", "passphrase", dir.path());
        let rx = ack_lines(&mut child);
        let deadline = Instant::now() + Duration::from_secs(20);
        while rx.recv_timeout(deadline.saturating_duration_since(Instant::now())).expect("child starts").ends_with("READY") {}
        std::thread::sleep(Duration::from_micros(rng.below(20_000)));
        kill(&mut child);
        while rx.recv_timeout(Duration::from_millis(100)).is_ok() {}
        let (open_a, open_b) = (Vault::open(dir.path(), &a), Vault::open(dir.path(), &b));
        assert!(open_a.is_ok() != open_b.is_ok(), "exactly one passphrase must open the vault");
        let v = open_a.or(open_b).unwrap();
        assert_eq!(v.cases().get(c.id).unwrap().label, "Gezin P.");
        v.check_integrity().unwrap();
        drop(v);
        // A temp key file left by the kill is cleaned up by the next unlock.
        let mut names: Vec<_> = files_under(dir.path()).iter().map(|f| f.file_name().unwrap().to_owned()).collect();
        names.sort();
        assert_eq!(names, ["vault.db", "vault.key"]);
    }
}

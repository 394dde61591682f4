//! After lock, no copy of the data key is left in the process's memory (issue 11, point 5).
//!
//! A child process (this test binary again) unlocks, writes, makes a backup and locks, and then reads
//! its own memory (`/proc/self/maps` + `/proc/self/mem`) for the key: as 32 raw bytes and as the hex
//! text SQLCipher is given. The child is told the key only masked (every byte XOR 0xA5), so the
//! pattern itself is never in its memory. The same scan while unlocked must find the key — proof
//! that the scan can fail.

mod common;

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::process::Command;

use common::*;
use vault::{Vault, VaultPaths};

const ROLE_ENV: &str = "VAULT_KEY_SCAN_DIR";
const MASK_ENV: &str = "VAULT_KEY_SCAN_MASKED";
const MASK: u8 = 0xA5;

/// Counts places in readable memory where `masked` (each byte XOR MASK) occurs.
fn count_in_own_memory(patterns: &[Vec<u8>]) -> usize {
    let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
    let mut mem = File::open("/proc/self/mem").unwrap();
    let mut buf = vec![0u8; 1 << 20];
    let mut hits = 0;
    for line in maps.lines() {
        let mut parts = line.split_whitespace();
        let (range, perms) = (parts.next().unwrap(), parts.next().unwrap());
        let name = parts.nth(3).unwrap_or("");
        if !perms.starts_with('r') || name == "[vvar]" || name == "[vsyscall]" || name == "[vvar_vclock]" {
            continue;
        }
        let (start, end) = range.split_once('-').unwrap();
        let (start, end) = (u64::from_str_radix(start, 16).unwrap(), u64::from_str_radix(end, 16).unwrap());
        let overlap = 128;
        let mut at = start;
        while at < end {
            let len = ((end - at) as usize).min(buf.len());
            if mem.seek(SeekFrom::Start(at)).is_err() {
                break;
            }
            let Ok(n) = mem.read(&mut buf[..len]) else { break };
            if n == 0 {
                break;
            }
            for p in patterns {
                let first = p[0] ^ MASK;
                for i in 0..n.saturating_sub(p.len() - 1) {
                    if buf[i] == first && buf[i..i + p.len()].iter().zip(p).all(|(b, m)| *b ^ MASK == *m) {
                        hits += 1;
                    }
                }
            }
            // Leave nothing of what was read behind in the buffer.
            buf[..n].fill(0);
            at += (n as u64).saturating_sub(if n == len && at + (n as u64) < end { overlap } else { 0 }).max(1);
        }
    }
    hits
}

fn child(dir: &Path, masked_hex: &str) -> ! {
    let raw: Vec<u8> = hex::decode(masked_hex).unwrap();
    // The hex text of the key, masked too (computed from the masked raw bytes without unmasking).
    let hex_text: Vec<u8> = raw
        .iter()
        .flat_map(|m| {
            let digit = |d: u8| if d < 10 { b'0' + d } else { b'a' + d - 10 };
            let unmasked_hi = (m ^ MASK) >> 4;
            let unmasked_lo = (m ^ MASK) & 15;
            [digit(unmasked_hi) ^ MASK, digit(unmasked_lo) ^ MASK]
        })
        .collect();
    let patterns = [raw, hex_text];
    let backups = tempfile::tempdir().unwrap();
    let v = Vault::open(dir, &pass()).unwrap();
    let c = v.cases().create("Gezin geheugen").unwrap();
    v.persons().add(c.id, person(domain::Role::Parent, "Ouder")).unwrap();
    v.backup_to(backups.path().join("b")).unwrap();
    v.change_passphrase(&pass(), &pass()).unwrap();
    let unlocked = count_in_own_memory(&patterns);
    v.lock();
    let locked = count_in_own_memory(&patterns);
    println!("SCAN unlocked={unlocked} locked={locked}");
    std::process::exit(0);
}

#[test]
fn key_gone_after_lock() {
    if let (Ok(dir), Ok(masked)) = (std::env::var(ROLE_ENV), std::env::var(MASK_ENV)) {
        child(Path::new(&dir), &masked);
    }
    let dir = tempfile::tempdir().unwrap();
    drop(new_vault(dir.path()));
    let dek = Vault::unwrap_dek(&VaultPaths::in_dir(dir.path()), &pass()).unwrap().expose_for_tests();
    let masked = hex::encode(dek.map(|b| b ^ MASK));
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["key_gone_after_lock", "--exact", "--nocapture", "--test-threads=1"])
        .env(ROLE_ENV, dir.path())
        .env(MASK_ENV, &masked)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout.lines().find_map(|l| l.split_once("SCAN ").map(|(_, r)| r.to_owned())).unwrap_or_else(|| {
        panic!("child printed no result: {}", String::from_utf8_lossy(&out.stderr))
    });
    eprintln!("{line}");
    let num = |k: &str| line.split_whitespace().find_map(|kv| kv.strip_prefix(k)).unwrap().parse::<usize>().unwrap();
    assert!(num("unlocked=") >= 1, "the scan must find the key while the vault is open: {line}");
    assert_eq!(num("locked="), 0, "copies of the data key left in memory after lock: {line}");
}

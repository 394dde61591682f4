//! The key file: the data key (DEK) wrapped twice, under the passphrase and under the recovery key.
//!
//! Format (JSON, `vault.key`, next to `vault.db`):
//!
//! ```json
//! { "format": "samen-kijken-vault-key", "version": 1,
//!   "passphrase": { "kdf": { "algorithm": "argon2id", "m_cost_kib": 65536, "t_cost": 3, "lanes": 1 },
//!                   "salt": "<16 bytes hex>", "nonce": "<24 bytes hex>", "ciphertext": "<48 bytes hex>" },
//!   "recovery":   { "kdf": { "algorithm": "hkdf-sha256" },
//!                   "salt": "…", "nonce": "…", "ciphertext": "…" } }
//! ```
//!
//! Each slot is XChaCha20-Poly1305 over the 32-byte DEK, with associated data that binds the format
//! version, the slot name and its KDF parameters (so a slot cannot be swapped or its parameters edited
//! without the unwrap failing).
//!
//! The passphrase slot uses Argon2id (defaults 64 MiB, 3 passes, 1 lane; files asking for less than
//! 19 MiB / 2 passes are refused). The recovery key is 200 random bits, so brute force is not a concern
//! and a slow KDF would buy nothing: its slot key is HKDF-SHA256(salt, recovery key bytes).

use std::fmt;
use std::fs;
use std::io::Write;
use std::path::Path;

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::error::{Result, VaultError};

const FORMAT: &str = "samen-kijken-vault-key";
const VERSION: u32 = 1;
const SALT_LEN: usize = 16;
const NONCE_LEN: usize = 24;
const DEK_LEN: usize = 32;

/// Argon2id parameters of the passphrase slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfParams {
    /// Memory in KiB.
    pub m_cost_kib: u32,
    /// Number of passes.
    pub t_cost: u32,
    /// Degree of parallelism.
    pub lanes: u32,
}

impl KdfParams {
    /// The lowest memory cost a key file may ask for (19 MiB, OWASP's floor for Argon2id).
    pub const MIN_M_COST_KIB: u32 = 19 * 1024;
    /// The lowest number of passes a key file may ask for.
    pub const MIN_T_COST: u32 = 2;

    /// The highest costs a key file may ask for: what this app writes (64 MiB, 3 passes, 1 lane). A
    /// broken or hostile key file (e.g. in a backup handed to restore) must not make each unlock attempt
    /// allocate or run for long; a key file from a newer app that raised them is `key_file_unsupported`.
    pub const MAX_M_COST_KIB: u32 = 64 * 1024;
    pub const MAX_T_COST: u32 = 3;
    pub const MAX_LANES: u32 = 1;

    /// What new vaults use: 64 MiB, 3 passes, 1 lane.
    pub const fn default_params() -> Self {
        KdfParams { m_cost_kib: 64 * 1024, t_cost: 3, lanes: 1 }
    }

    /// A cheap preset for tests only (8 KiB, 1 pass). Key files made with it are refused by
    /// [`crate::Vault::open`] in builds without the `test-fast-kdf` feature.
    #[cfg(any(test, feature = "test-fast-kdf"))]
    pub const fn insecure_fast_for_tests() -> Self {
        KdfParams { m_cost_kib: 8, t_cost: 1, lanes: 1 }
    }

    fn is_test_preset(&self) -> bool {
        #[cfg(any(test, feature = "test-fast-kdf"))]
        {
            *self == Self::insecure_fast_for_tests()
        }
        #[cfg(not(any(test, feature = "test-fast-kdf")))]
        {
            false
        }
    }

    /// Refuses parameters below the floor (except the test preset in test builds), and parameters above
    /// the ceiling (`key_file_unsupported`).
    pub fn check_strength(&self) -> Result<()> {
        if self.m_cost_kib > Self::MAX_M_COST_KIB || self.t_cost > Self::MAX_T_COST || self.lanes > Self::MAX_LANES {
            return Err(VaultError::KeyFileUnsupported);
        }
        if self.is_test_preset() {
            return Ok(());
        }
        if self.m_cost_kib < Self::MIN_M_COST_KIB || self.t_cost < Self::MIN_T_COST || self.lanes == 0 {
            return Err(VaultError::KeyFileParamsTooWeak);
        }
        Ok(())
    }
}

impl Default for KdfParams {
    fn default() -> Self {
        Self::default_params()
    }
}

/// A passphrase, wiped from memory when dropped. Its `Debug` shows nothing.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct Passphrase(String);

impl Passphrase {
    pub fn new(s: impl Into<String>) -> Self {
        Passphrase(s.into())
    }
    fn bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }

    /// A new passphrase must not be empty (its strength is judged by `domain::passphrase` in the UI flow).
    pub(crate) fn check_new(&self) -> Result<()> {
        if self.0.trim().is_empty() {
            return Err(domain::DomainError::Empty("passphrase").into());
        }
        Ok(())
    }
}

impl From<String> for Passphrase {
    fn from(s: String) -> Self {
        Passphrase(s)
    }
}

impl From<&str> for Passphrase {
    fn from(s: &str) -> Self {
        Passphrase(s.to_owned())
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(..)")
    }
}

/// The 256-bit data key: SQLCipher's raw key.
///
/// It lives in one page of its own ([`SecretPage`]): locked in RAM where the OS allows (`mlock`), kept
/// out of core dumps, never moved (a move of a `Dek` moves only the pointer, so no stray copies are left
/// in old stack frames), and wiped when dropped.
pub struct Dek(SecretPage);

impl Dek {
    pub(crate) fn random() -> Result<Self> {
        let mut d = Dek(SecretPage::new());
        fill_random(d.0.bytes_mut())?;
        Ok(d)
    }

    pub(crate) fn bytes(&self) -> &[u8; DEK_LEN] {
        self.0.bytes()
    }

    /// `x'<64 hex>'`: the raw-key form SQLCipher takes in `sqlite3_key` and `ATTACH … KEY`. Built in
    /// place in a buffer of its final size (a growing `String` would leave unwiped copies behind).
    pub(crate) fn sqlcipher_key_literal(&self) -> Zeroizing<String> {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut out = Zeroizing::new(String::with_capacity(3 + 2 * DEK_LEN));
        out.push_str("x'");
        for &b in self.bytes() {
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
        out.push('\'');
        out
    }

    /// The raw key bytes, for the memory-scan test only.
    #[cfg(any(test, feature = "test-fast-kdf"))]
    #[doc(hidden)]
    pub fn expose_for_tests(&self) -> [u8; DEK_LEN] {
        *self.bytes()
    }
}

impl Clone for Dek {
    fn clone(&self) -> Self {
        let mut d = Dek(SecretPage::new());
        d.0.bytes_mut().copy_from_slice(self.bytes());
        d
    }
}

impl Zeroize for Dek {
    fn zeroize(&mut self) {
        self.0.bytes_mut().zeroize();
    }
}

impl ZeroizeOnDrop for Dek {}

/// One page of memory for one key: page-aligned so that `mlock`/`munlock` of it affect no other data.
pub(crate) struct SecretPage(std::ptr::NonNull<u8>);

// SAFETY: the page is owned exclusively by this value (like a `Box`).
unsafe impl Send for SecretPage {}
unsafe impl Sync for SecretPage {}

const PAGE: usize = 4096;

impl SecretPage {
    fn layout() -> std::alloc::Layout {
        std::alloc::Layout::from_size_align(PAGE, PAGE).expect("page layout")
    }

    pub(crate) fn new() -> Self {
        // SAFETY: non-zero size; zeroed so it is initialised.
        let ptr = unsafe { std::alloc::alloc_zeroed(Self::layout()) };
        let Some(ptr) = std::ptr::NonNull::new(ptr) else { std::alloc::handle_alloc_error(Self::layout()) };
        #[cfg(unix)]
        // SAFETY: the range is the page just allocated. Failure (RLIMIT_MEMLOCK) is not fatal: the key
        // is then only wiped, not pinned.
        unsafe {
            libc::mlock(ptr.as_ptr().cast(), PAGE);
            #[cfg(target_os = "linux")]
            libc::madvise(ptr.as_ptr().cast(), PAGE, libc::MADV_DONTDUMP);
        }
        SecretPage(ptr)
    }

    pub(crate) fn bytes(&self) -> &[u8; DEK_LEN] {
        // SAFETY: the page is at least DEK_LEN bytes, initialised, and borrowed with `self`.
        unsafe { &*(self.0.as_ptr() as *const [u8; DEK_LEN]) }
    }

    pub(crate) fn bytes_mut(&mut self) -> &mut [u8; DEK_LEN] {
        // SAFETY: as above, exclusively borrowed.
        unsafe { &mut *(self.0.as_ptr() as *mut [u8; DEK_LEN]) }
    }
}

impl Drop for SecretPage {
    fn drop(&mut self) {
        // SAFETY: the page was allocated with this layout in `new` and is freed once.
        unsafe {
            let page = std::slice::from_raw_parts_mut(self.0.as_ptr(), PAGE);
            page.zeroize();
            #[cfg(unix)]
            libc::munlock(self.0.as_ptr().cast(), PAGE);
            std::alloc::dealloc(self.0.as_ptr(), Self::layout());
        }
    }
}

impl fmt::Debug for Dek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Dek(..)")
    }
}

/// Alphabet of recovery keys: Crockford base32 (no I, L, O, U).
const RK_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RK_BYTES: usize = 25; // 200 bits = 40 symbols of 5 bits
const RK_GROUPS: usize = 8;
const RK_GROUP_LEN: usize = 5;

/// The recovery key, shown once at creation: 8 groups of 5 characters (200 random bits), e.g.
/// `7KQ2M-…`. Parsing ignores case, spaces and dashes, and reads O as 0 and I/L as 1.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct RecoveryKey([u8; RK_BYTES]);

impl RecoveryKey {
    fn random() -> Result<Self> {
        let mut k = [0u8; RK_BYTES];
        fill_random(&mut k)?;
        Ok(RecoveryKey(k))
    }

    /// The human form, `XXXXX-XXXXX-…` (8 groups).
    pub fn to_display_string(&self) -> Zeroizing<String> {
        let mut out = Zeroizing::new(String::with_capacity(RK_GROUPS * (RK_GROUP_LEN + 1)));
        let (mut acc, mut bits, mut n) = (0u32, 0u32, 0usize);
        for &b in &self.0 {
            acc = (acc << 8) | u32::from(b);
            bits += 8;
            while bits >= 5 {
                bits -= 5;
                if n > 0 && n % RK_GROUP_LEN == 0 {
                    out.push('-');
                }
                out.push(RK_ALPHABET[((acc >> bits) & 31) as usize] as char);
                n += 1;
            }
            acc &= (1 << bits) - 1;
        }
        acc.zeroize();
        out
    }

    /// Reads a recovery key as a person typed it. Anything that is not 40 symbols of the alphabet is
    /// [`VaultError::WrongRecoveryKey`].
    pub fn parse(s: &str) -> Result<Self> {
        let mut out = [0u8; RK_BYTES];
        let (mut acc, mut bits, mut i, mut symbols) = (0u32, 0u32, 0usize, 0usize);
        for c in s.chars() {
            if c.is_whitespace() || c == '-' {
                continue;
            }
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            let v = RK_ALPHABET.iter().position(|&a| a as char == c).ok_or(VaultError::WrongRecoveryKey)?;
            symbols += 1;
            if symbols > RK_GROUPS * RK_GROUP_LEN {
                return Err(VaultError::WrongRecoveryKey);
            }
            acc = (acc << 5) | v as u32;
            bits += 5;
            if bits >= 8 {
                bits -= 8;
                out[i] = (acc >> bits) as u8;
                i += 1;
                acc &= (1 << bits) - 1;
            }
        }
        acc.zeroize();
        if symbols != RK_GROUPS * RK_GROUP_LEN {
            out.zeroize();
            return Err(VaultError::WrongRecoveryKey);
        }
        let rk = RecoveryKey(out);
        out.zeroize();
        Ok(rk)
    }
}

impl fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryKey(..)")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "algorithm", rename_all = "kebab-case")]
enum SlotKdf {
    Argon2id { m_cost_kib: u32, t_cost: u32, lanes: u32 },
    HkdfSha256,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Slot {
    kdf: SlotKdf,
    salt: String,
    nonce: String,
    ciphertext: String,
}

/// What the key file vouches for, under a key derived from the DEK (so checking it needs no Argon2
/// run and cannot be forged without the DEK): the recovery slot as it was written, and the access
/// log's head (row count and last MAC) when the vault was last unlocked or locked. A `vault.db`
/// rolled back to an older copy, or an access log cut short, no longer reaches this head.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Anchor {
    pub(crate) audit_count: u64,
    pub(crate) audit_mac: String,
    /// HMAC over the recovery slot.
    pub(crate) recovery_tag: String,
    /// HMAC over `audit_count` and `audit_mac`.
    pub(crate) tag: String,
}

/// The parsed key file. Holds only wrapped (encrypted) key material.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeyFile {
    format: String,
    version: u32,
    passphrase: Slot,
    recovery: Slot,
    /// Absent in key files written before issue 11; added at the next unlock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    anchor: Option<Anchor>,
}

impl KeyFile {
    /// Wraps `dek` under the passphrase and a fresh recovery key.
    pub(crate) fn new(dek: &Dek, passphrase: &Passphrase, params: KdfParams) -> Result<(Self, RecoveryKey)> {
        params.check_strength()?;
        passphrase.check_new()?;
        let rk = RecoveryKey::random()?;
        let kf = KeyFile {
            format: FORMAT.into(),
            version: VERSION,
            passphrase: wrap_passphrase(dek, passphrase, params)?,
            recovery: wrap_recovery(dek, &rk)?,
            anchor: None,
        };
        Ok((kf, rk))
    }

    /// The Argon2 parameters of the passphrase slot.
    pub fn params(&self) -> Result<KdfParams> {
        match self.passphrase.kdf {
            SlotKdf::Argon2id { m_cost_kib, t_cost, lanes } => Ok(KdfParams { m_cost_kib, t_cost, lanes }),
            SlotKdf::HkdfSha256 => Err(VaultError::Damaged("key file")),
        }
    }

    /// Reads and checks a key file. Opens it read-only, and only if it is a regular file (not a
    /// symlink, FIFO or device: a FIFO would hang unlock, `/dev/zero` would fill memory) of at most
    /// 64 KiB (a key file is under 1 KiB). Nothing more than that is ever read.
    pub fn read(path: &Path) -> Result<Self> {
        const MAX: u64 = 64 * 1024;
        let not_a_key_file = VaultError::Damaged("key file is not a regular file of a sane size");
        let mut opts = fs::OpenOptions::new();
        opts.read(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            // No following of symlinks, and opening a FIFO must not wait for a writer.
            opts.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC);
        }
        let f = match opts.open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(VaultError::Missing),
            #[cfg(unix)]
            Err(e) if e.raw_os_error() == Some(libc::ELOOP) => return Err(not_a_key_file),
            Err(e) => return Err(e.into()),
        };
        let md = f.metadata()?;
        if !md.file_type().is_file() || md.len() > MAX {
            return Err(not_a_key_file);
        }
        let mut bytes = Vec::with_capacity(md.len() as usize);
        std::io::Read::read_to_end(&mut std::io::Read::take(f, MAX + 1), &mut bytes)?;
        if bytes.len() as u64 > MAX {
            return Err(not_a_key_file);
        }
        Self::from_bytes(&bytes)
    }

    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Self> {
        #[derive(Deserialize)]
        struct Head {
            format: String,
            version: u32,
        }
        let head: Head = serde_json::from_slice(bytes).map_err(|_| VaultError::Damaged("key file"))?;
        if head.format != FORMAT {
            return Err(VaultError::Damaged("key file"));
        }
        if head.version != VERSION {
            return Err(VaultError::KeyFileUnsupported);
        }
        let kf: KeyFile = serde_json::from_slice(bytes).map_err(|_| VaultError::Damaged("key file"))?;
        if !matches!(kf.recovery.kdf, SlotKdf::HkdfSha256) {
            return Err(VaultError::Damaged("key file"));
        }
        // Every field of both slots must decode to its exact length before any key derivation runs,
        // so a damaged recovery slot is found at unlock, not on the day it is needed.
        for slot in [&kf.passphrase, &kf.recovery] {
            decode_fixed::<SALT_LEN>(&slot.salt)?;
            decode_fixed::<NONCE_LEN>(&slot.nonce)?;
            decode_fixed::<{ DEK_LEN + 16 }>(&slot.ciphertext)?;
        }
        if let Some(a) = &kf.anchor {
            decode_fixed::<32>(&a.audit_mac)?;
            decode_fixed::<32>(&a.recovery_tag)?;
            decode_fixed::<32>(&a.tag)?;
        }
        kf.params()?.check_strength()?;
        Ok(kf)
    }

    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut v = serde_json::to_vec_pretty(self).expect("key file serialises");
        v.push(b'\n');
        v
    }

    /// Unwraps the DEK with the passphrase. Fails with `wrong_passphrase` when the AEAD tag does not match.
    pub fn unwrap_with_passphrase(&self, passphrase: &Passphrase) -> Result<Dek> {
        let params = self.params()?;
        params.check_strength()?;
        let salt = decode_fixed::<SALT_LEN>(&self.passphrase.salt)?;
        let kek = derive_passphrase_key(passphrase, &salt, params)?;
        open_slot(&self.passphrase, &kek, "passphrase").ok_or(VaultError::WrongPassphrase)
    }

    /// Unwraps the DEK with the recovery key.
    pub fn unwrap_with_recovery_key(&self, rk: &RecoveryKey) -> Result<Dek> {
        let salt = decode_fixed::<SALT_LEN>(&self.recovery.salt)?;
        let kek = derive_recovery_key(rk, &salt);
        open_slot(&self.recovery, &kek, "recovery").ok_or(VaultError::WrongRecoveryKey)
    }

    /// A copy of this key file with the passphrase slot replaced (fresh salt and nonce); the recovery
    /// slot is kept as it is.
    pub(crate) fn with_new_passphrase(&self, dek: &Dek, passphrase: &Passphrase, params: KdfParams) -> Result<Self> {
        params.check_strength()?;
        passphrase.check_new()?;
        Ok(KeyFile { passphrase: wrap_passphrase(dek, passphrase, params)?, ..self.clone() })
    }

    /// A copy with the anchor set to the access log's head `(count, last MAC)`.
    pub(crate) fn with_anchor(&self, dek: &Dek, audit_count: u64, audit_mac: &str) -> Self {
        let k = anchor_key(dek);
        let anchor = Anchor {
            audit_count,
            audit_mac: audit_mac.to_owned(),
            recovery_tag: hex::encode(mac(&k, &recovery_slot_text(&self.recovery))),
            tag: hex::encode(mac(&k, &anchor_text(audit_count, audit_mac))),
        };
        KeyFile { anchor: Some(anchor), ..self.clone() }
    }

    /// The anchored access-log head, if the key file has a valid anchor. `Err(())` when an anchor is
    /// there but its MAC does not match.
    pub(crate) fn audit_anchor(&self, dek: &Dek) -> std::result::Result<Option<(u64, String)>, ()> {
        let Some(a) = &self.anchor else { return Ok(None) };
        let k = anchor_key(dek);
        if !mac_eq(&k, &anchor_text(a.audit_count, &a.audit_mac), &a.tag) {
            return Err(());
        }
        Ok(Some((a.audit_count, a.audit_mac.clone())))
    }

    /// Whether the recovery slot is byte for byte what this vault wrote (`None`: no anchor yet).
    pub(crate) fn recovery_slot_intact(&self, dek: &Dek) -> Option<bool> {
        let a = self.anchor.as_ref()?;
        Some(mac_eq(&anchor_key(dek), &recovery_slot_text(&self.recovery), &a.recovery_tag))
    }

    /// A copy with a fresh recovery key (the old one stops working). The anchor is dropped; the caller
    /// sets a new one.
    pub(crate) fn with_new_recovery_key(&self, dek: &Dek) -> Result<(Self, RecoveryKey)> {
        let rk = RecoveryKey::random()?;
        Ok((KeyFile { recovery: wrap_recovery(dek, &rk)?, anchor: None, ..self.clone() }, rk))
    }

    /// Writes the key file atomically: temp file in the same directory, fsync, rename, fsync directory.
    pub(crate) fn write_atomic(&self, path: &Path) -> Result<()> {
        write_atomic(path, &self.to_bytes(), true)
    }

    /// Writes the key file where none exists yet; fails with `vault_exists` if one does (never replaces).
    pub(crate) fn write_new(&self, path: &Path) -> Result<()> {
        write_atomic(path, &self.to_bytes(), false)
    }
}

/// Writes `bytes` to `path` via a temp file in the same directory. With `replace = false` the final
/// step is a hard link, which fails if `path` exists, so nothing is ever overwritten.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8], replace: bool) -> Result<()> {
    let dir = path.parent().ok_or(VaultError::Io(std::io::ErrorKind::InvalidInput))?;
    let name = path.file_name().ok_or(VaultError::Io(std::io::ErrorKind::InvalidInput))?;
    let mut suffix = [0u8; 8];
    fill_random(&mut suffix)?;
    let tmp = dir.join(format!(".{}.{}.tmp", name.to_string_lossy(), hex::encode(suffix)));
    let result = (|| -> Result<()> {
        let mut f = fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        if replace {
            fs::rename(&tmp, path)?;
        } else {
            match fs::hard_link(&tmp, path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(VaultError::Exists),
                Err(e) => return Err(e.into()),
            }
            fs::remove_file(&tmp)?;
        }
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Removes temp files of an interrupted key-file write (`.vault.key.<random>.tmp`). Called only after a
/// successful unlock; the real key file is never among them.
pub(crate) fn remove_stale_temp_files(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&format!(".{}.", crate::KEY_FILE)) && name.ends_with(".tmp") {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// fsyncs a directory so a rename in it is durable.
pub(crate) fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        fs::File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
    }
    Ok(())
}

pub(crate) fn fill_random(buf: &mut [u8]) -> Result<()> {
    getrandom::fill(buf).map_err(|_| VaultError::Io(std::io::ErrorKind::Other))
}

/// Runs Argon2id with the given parameters. Public (hidden) so the unlock bench can time it alone.
#[doc(hidden)]
pub fn derive_passphrase_key(passphrase: &Passphrase, salt: &[u8], params: KdfParams) -> Result<Zeroizing<[u8; 32]>> {
    let p = argon2::Params::new(params.m_cost_kib, params.t_cost, params.lanes, Some(32))
        .map_err(|_| VaultError::KeyFileParamsTooWeak)?;
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, p);
    let mut out = Zeroizing::new([0u8; 32]);
    argon
        .hash_password_into(passphrase.bytes(), salt, out.as_mut())
        .map_err(|_| VaultError::Damaged("key file"))?;
    Ok(out)
}

fn derive_recovery_key(rk: &RecoveryKey, salt: &[u8]) -> Zeroizing<[u8; 32]> {
    let hk = hkdf::Hkdf::<sha2::Sha256>::new(Some(salt), &rk.0);
    let mut out = Zeroizing::new([0u8; 32]);
    hk.expand(b"samen-kijken vault recovery slot v1", out.as_mut()).expect("32 bytes is a valid HKDF length");
    out
}

/// Derives a purpose key from the DEK with HKDF-SHA256 (the DEK itself is never used for two things).
pub(crate) fn derive_from_dek(dek: &Dek, info: &[u8]) -> Zeroizing<[u8; 32]> {
    let hk = hkdf::Hkdf::<sha2::Sha256>::new(Some(b"samen-kijken vault v1"), dek.bytes());
    let mut out = Zeroizing::new([0u8; 32]);
    hk.expand(info, out.as_mut()).expect("32 bytes is a valid HKDF length");
    out
}

fn anchor_key(dek: &Dek) -> Zeroizing<[u8; 32]> {
    derive_from_dek(dek, b"samen-kijken key file anchor v1")
}

/// HMAC-SHA256.
pub(crate) fn mac(key: &[u8; 32], msg: &[u8]) -> [u8; 32] {
    use hmac::Mac;
    let mut m = <hmac::Hmac<sha2::Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    m.update(msg);
    m.finalize().into_bytes().into()
}

/// Constant-time comparison of `HMAC(key, msg)` with a hex tag.
pub(crate) fn mac_eq(key: &[u8; 32], msg: &[u8], tag_hex: &str) -> bool {
    use hmac::Mac;
    let Ok(tag) = hex::decode(tag_hex) else { return false };
    let mut m = <hmac::Hmac<sha2::Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    m.update(msg);
    m.verify_slice(&tag).is_ok()
}

fn recovery_slot_text(slot: &Slot) -> Vec<u8> {
    format!("recovery\n{}\n{}\n{}\n{}", serde_json::to_string(&slot.kdf).expect("kdf serialises"), slot.salt, slot.nonce, slot.ciphertext)
        .into_bytes()
}

fn anchor_text(count: u64, mac_hex: &str) -> Vec<u8> {
    format!("audit-anchor\n{count}\n{mac_hex}").into_bytes()
}

fn aad(slot: &str, kdf: &SlotKdf) -> Vec<u8> {
    let kdf = serde_json::to_string(kdf).expect("kdf serialises");
    format!("{FORMAT}/v{VERSION}/{slot}/{kdf}").into_bytes()
}

fn seal(dek: &Dek, kek: &[u8; 32], slot: &str, kdf: SlotKdf, salt: [u8; SALT_LEN]) -> Result<Slot> {
    let mut nonce = [0u8; NONCE_LEN];
    fill_random(&mut nonce)?;
    let cipher = XChaCha20Poly1305::new(kek.into());
    let ct = cipher
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: dek.bytes(), aad: &aad(slot, &kdf) })
        .map_err(|_| VaultError::Io(std::io::ErrorKind::Other))?;
    Ok(Slot { kdf, salt: hex::encode(salt), nonce: hex::encode(nonce), ciphertext: hex::encode(ct) })
}

fn open_slot(slot: &Slot, kek: &[u8; 32], name: &str) -> Option<Dek> {
    let nonce = decode_fixed::<NONCE_LEN>(&slot.nonce).ok()?;
    let ct = hex::decode(&slot.ciphertext).ok()?;
    let cipher = XChaCha20Poly1305::new(kek.into());
    let pt = Zeroizing::new(
        cipher.decrypt(XNonce::from_slice(&nonce), Payload { msg: &ct, aad: &aad(name, &slot.kdf) }).ok()?,
    );
    if pt.len() != DEK_LEN {
        return None;
    }
    let mut dek = Dek(SecretPage::new());
    dek.0.bytes_mut().copy_from_slice(&pt);
    Some(dek)
}

fn wrap_passphrase(dek: &Dek, passphrase: &Passphrase, params: KdfParams) -> Result<Slot> {
    let mut salt = [0u8; SALT_LEN];
    fill_random(&mut salt)?;
    let kek = derive_passphrase_key(passphrase, &salt, params)?;
    let kdf = SlotKdf::Argon2id { m_cost_kib: params.m_cost_kib, t_cost: params.t_cost, lanes: params.lanes };
    seal(dek, &kek, "passphrase", kdf, salt)
}

fn wrap_recovery(dek: &Dek, rk: &RecoveryKey) -> Result<Slot> {
    let mut salt = [0u8; SALT_LEN];
    fill_random(&mut salt)?;
    let kek = derive_recovery_key(rk, &salt);
    seal(dek, &kek, "recovery", SlotKdf::HkdfSha256, salt)
}

fn decode_fixed<const N: usize>(s: &str) -> Result<[u8; N]> {
    let v = hex::decode(s).map_err(|_| VaultError::Damaged("key file"))?;
    v.try_into().map_err(|_| VaultError::Damaged("key file"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fast() -> KdfParams {
        KdfParams::insecure_fast_for_tests()
    }

    #[test]
    fn wrap_and_unwrap_both_slots() {
        let dek = Dek::random().unwrap();
        let (kf, rk) = KeyFile::new(&dek, &"correct horse".into(), fast()).unwrap();
        let kf = KeyFile::from_bytes(&kf.to_bytes()).unwrap();
        assert_eq!(kf.unwrap_with_passphrase(&"correct horse".into()).unwrap().bytes(), dek.bytes());
        assert_eq!(kf.unwrap_with_recovery_key(&rk).unwrap().bytes(), dek.bytes());
        assert_eq!(kf.unwrap_with_passphrase(&"correct horsE".into()).unwrap_err().code(), "wrong_passphrase");
        let other = RecoveryKey::random().unwrap();
        assert_eq!(kf.unwrap_with_recovery_key(&other).unwrap_err().code(), "wrong_recovery_key");
    }

    #[test]
    fn recovery_key_text_round_trip_is_forgiving() {
        let rk = RecoveryKey::random().unwrap();
        let s = rk.to_display_string();
        assert_eq!(s.len(), 8 * 5 + 7);
        assert_eq!(s.split('-').count(), 8);
        assert!(s.split('-').all(|g| g.len() == 5));
        assert_eq!(RecoveryKey::parse(&s).unwrap().0, rk.0);
        let sloppy = s.to_lowercase().replace('-', " ").replace('0', "o").replace('1', "l");
        assert_eq!(RecoveryKey::parse(&sloppy).unwrap().0, rk.0);
        assert_eq!(RecoveryKey::parse(&s[..s.len() - 1]).unwrap_err().code(), "wrong_recovery_key");
        assert_eq!(RecoveryKey::parse(&format!("{}A", s.as_str())).unwrap_err().code(), "wrong_recovery_key");
        assert_eq!(RecoveryKey::parse("UUUUU").unwrap_err().code(), "wrong_recovery_key");
    }

    #[test]
    fn weak_params_are_refused() {
        let weak = [
            KdfParams { m_cost_kib: 19 * 1024 - 1, t_cost: 3, lanes: 1 },
            KdfParams { m_cost_kib: 64 * 1024, t_cost: 1, lanes: 1 },
        ];
        for p in weak {
            assert_eq!(p.check_strength().unwrap_err().code(), "key_file_params_too_weak", "{p:?}");
        }
        assert!(KdfParams { m_cost_kib: 19 * 1024, t_cost: 2, lanes: 1 }.check_strength().is_ok());
        let huge = KdfParams { m_cost_kib: 4 * 1024 * 1024, t_cost: 3, lanes: 1 };
        assert_eq!(huge.check_strength().unwrap_err().code(), "key_file_unsupported");
        assert_eq!(KdfParams { t_cost: 1000, ..KdfParams::default() }.check_strength().unwrap_err().code(), "key_file_unsupported");
        // A key file edited to ask for weaker parameters is refused before any key derivation.
        let dek = Dek::random().unwrap();
        let (kf, _) = KeyFile::new(&dek, &"pw".into(), fast()).unwrap();
        let text = String::from_utf8(kf.to_bytes()).unwrap().replace("\"m_cost_kib\": 8", "\"m_cost_kib\": 4096");
        assert_eq!(KeyFile::from_bytes(text.as_bytes()).unwrap_err().code(), "key_file_params_too_weak");
    }

    #[test]
    fn defaults_are_the_specified_ones() {
        assert_eq!(KdfParams::default(), KdfParams { m_cost_kib: 65536, t_cost: 3, lanes: 1 });
    }

    #[test]
    fn debug_output_shows_no_secret() {
        let p = Passphrase::new("geheim-woord");
        assert!(!format!("{p:?}").contains("geheim"));
        let rk = RecoveryKey::random().unwrap();
        assert!(!format!("{rk:?}").contains(&rk.to_display_string()[..5]));
    }
}

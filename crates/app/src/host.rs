//! A host for the commands without Tauri: a vault in a temporary folder (cheap key derivation), the
//! shipped content, a fixed clock, and a shell that records what it was asked to save or print. Tests
//! of every command and the contract generator run the commands through this.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{LazyLock, Mutex};

use chrono::{DateTime, Utc};
use domain::CaseSnapshot;
use serde_json::Value;
use uuid::Uuid;
use vault::{KdfParams, Vault};

use crate::clock::Clock;
use crate::content::Content;
use crate::env::{Effects, Env, FileKind, FolderPurpose, Shell};
use crate::error::{AppResult, ErrorCode};

/// The passphrase of every test-host vault.
pub const PASSPHRASE: &str = "rustige ochtend boven het oude kanaal";

static CONTENT: LazyLock<Content> = LazyLock::new(Content::embedded);

/// The shipped content, parsed once per process.
pub fn content() -> &'static Content {
    &CONTENT
}

/// The test clock: the day the example family's expected analysis is computed for, 10:00 UTC.
pub fn clock() -> Clock {
    let now: DateTime<Utc> = domain::fixture::today().and_hms_opt(10, 0, 0).expect("valid time").and_utc();
    Clock::at(now)
}

/// Records what the commands asked of the desktop.
#[derive(Default)]
pub struct RecordingShell {
    pub saved: Mutex<Vec<(String, Vec<u8>)>>,
    pub prints: Mutex<u32>,
    /// Every zoom factor the window was asked to draw at.
    pub zooms: Mutex<Vec<f64>>,
    /// Answer the save dialog with "cancel".
    pub cancel: bool,
    /// What the folder dialog answers (`None`: cancel), and every purpose it was opened for.
    pub folder: Mutex<Option<PathBuf>>,
    pub folder_asked: Mutex<Vec<FolderPurpose>>,
    /// Every progress report of a backup, as (pages done, pages in all).
    pub progress: Mutex<Vec<(u64, u64)>>,
    /// Where the third-party licence file is (`None`: a build from source).
    pub licences: Option<PathBuf>,
    /// What the file picker answers (empty: cancel), and the files "dropped" on the window.
    pub pick: Mutex<Vec<PathBuf>>,
    pub dropped: Mutex<Vec<PathBuf>>,
    /// What the open-file dialog answers (`None`: cancel).
    pub file: Mutex<Option<PathBuf>>,
}

impl Shell for RecordingShell {
    fn save_pdf(&self, suggested_name: &str, bytes: &[u8]) -> AppResult<bool> {
        if self.cancel {
            return Ok(false);
        }
        self.saved.lock().expect("not poisoned").push((suggested_name.to_owned(), bytes.to_vec()));
        Ok(true)
    }
    fn save_pdf_and_json(&self, suggested_name: &str, pdf: &[u8], json: &[u8]) -> AppResult<bool> {
        if self.cancel {
            return Ok(false);
        }
        let mut saved = self.saved.lock().expect("not poisoned");
        saved.push((suggested_name.to_owned(), pdf.to_vec()));
        saved.push((crate::commands::json_name(suggested_name), json.to_vec()));
        Ok(true)
    }
    fn print(&self) -> AppResult<()> {
        *self.prints.lock().expect("not poisoned") += 1;
        Ok(())
    }
    fn set_zoom(&self, factor: f64) -> AppResult<()> {
        self.zooms.lock().expect("not poisoned").push(factor);
        Ok(())
    }
    fn pick_folder(&self, purpose: FolderPurpose) -> AppResult<Option<PathBuf>> {
        self.folder_asked.lock().expect("not poisoned").push(purpose);
        Ok(self.folder.lock().expect("not poisoned").clone())
    }
    fn save_handover(&self, suggested_name: &str, bytes: &[u8]) -> AppResult<bool> {
        self.save_pdf(suggested_name, bytes)
    }
    fn pick_file(&self, _: crate::env::FilePurpose) -> AppResult<Option<PathBuf>> {
        Ok(self.file.lock().expect("not poisoned").clone())
    }
    fn backup_progress(&self, pages_done: u64, pages_total: u64) {
        self.progress.lock().expect("not poisoned").push((pages_done, pages_total));
    }
    fn third_party_licences(&self) -> Option<PathBuf> {
        self.licences.clone()
    }
    fn save_file(&self, _dialog_title: &str, suggested_name: &str, _kind: FileKind, bytes: &[u8]) -> AppResult<bool> {
        if self.cancel {
            return Ok(false);
        }
        self.saved.lock().expect("not poisoned").push((suggested_name.to_owned(), bytes.to_vec()));
        Ok(true)
    }
    fn pick_files(&self, _dialog_title: &str, _kind: FileKind) -> AppResult<Vec<PathBuf>> {
        Ok(self.pick.lock().expect("not poisoned").clone())
    }
    fn take_dropped_files(&self) -> Vec<PathBuf> {
        std::mem::take(&mut *self.dropped.lock().expect("not poisoned"))
    }
}

pub struct TestHost {
    pub dir: tempfile::TempDir,
    /// The practice vault's folder (practice mode).
    pub practice_dir: tempfile::TempDir,
    /// Practice mode is on (kept by the host, as the shell keeps it).
    pub practice: bool,
    /// A folder outside the vault, as a USB disk would be: the folder dialog answers with it unless a
    /// test says otherwise.
    pub usb: tempfile::TempDir,
    /// The host's cancel flag for a running backup.
    pub cancel: AtomicBool,
    /// The handover file chosen last (kept by the host, as the shell keeps it).
    pub handover_file: Mutex<Option<PathBuf>>,
    pub slot: Mutex<Option<Vault>>,
    pub clock: Clock,
    pub shell: RecordingShell,
    pub auto_lock_minutes: u32,
    /// The effects of the last command.
    pub effects: Effects,
    /// The recovery key shown when the vault was created.
    pub recovery_key: Option<String>,
}

impl TestHost {
    /// No vault yet.
    pub fn missing() -> TestHost {
        let usb = tempfile::tempdir().expect("temp dir");
        let shell = RecordingShell { folder: Mutex::new(Some(usb.path().to_path_buf())), ..RecordingShell::default() };
        TestHost {
            dir: tempfile::tempdir().expect("temp dir"),
            practice_dir: tempfile::tempdir().expect("temp dir"),
            practice: false,
            usb,
            cancel: AtomicBool::new(false),
            handover_file: Mutex::new(None),
            slot: Mutex::new(None),
            clock: clock(),
            shell,
            auto_lock_minutes: vault::repo::settings::AUTO_LOCK_MINUTES_DEFAULT,
            effects: Effects::default(),
            recovery_key: None,
        }
    }

    /// A new, unlocked vault with [`PASSPHRASE`].
    pub fn unlocked() -> TestHost {
        let mut host = TestHost::missing();
        let (v, recovery) = Vault::create(host.dir.path(), &vault::Passphrase::new(PASSPHRASE), KdfParams::insecure_fast_for_tests())
            .expect("create test vault");
        host.recovery_key = Some(recovery.to_display_string().to_string());
        *host.slot.lock().expect("not poisoned") = Some(v);
        host
    }

    /// A vault that exists and is locked.
    pub fn locked() -> TestHost {
        let host = TestHost::unlocked();
        host.lock();
        host
    }

    pub fn lock(&self) {
        self.slot.lock().expect("not poisoned").take();
    }

    pub fn is_unlocked(&self) -> bool {
        self.slot.lock().expect("not poisoned").is_some()
    }

    fn env(&self) -> Env<'_> {
        Env {
            dir: self.dir.path(),
            practice_dir: self.practice_dir.path(),
            practice: self.practice,
            slot: &self.slot,
            content: content(),
            clock: self.clock,
            shell: &self.shell,
            kdf: KdfParams::insecure_fast_for_tests(),
            auto_lock_minutes: self.auto_lock_minutes,
            cancel: &self.cancel,
            handover_file: &self.handover_file,
            effects: Effects::default(),
        }
    }

    /// The open-file dialog answers with `file` from now on (`None`: the user cancels it).
    pub fn answer_file_dialog(&self, file: Option<PathBuf>) {
        *self.shell.file.lock().expect("not poisoned") = file;
    }

    /// The folder dialog answers with `folder` from now on (`None`: the user cancels it).
    pub fn answer_folder_dialog(&self, folder: Option<PathBuf>) {
        *self.shell.folder.lock().expect("not poisoned") = folder;
    }

    fn applied(&mut self, effects: Effects) {
        if let Some(on) = effects.practice {
            self.practice = on;
        }
        if let Some(m) = effects.auto_lock_minutes {
            self.auto_lock_minutes = m;
        }
        self.effects = effects;
    }

    /// Runs one command through its checked entry point (`app::call::…`).
    pub fn call<Req, Resp>(&mut self, command: fn(&mut Env<'_>, Req) -> AppResult<Resp>, request: Req) -> Result<Resp, ErrorCode> {
        let mut env = self.env();
        let out = command(&mut env, request);
        let effects = env.effects;
        self.applied(effects);
        out.map_err(|e| e.code())
    }

    /// Runs one command from its name and JSON request, as the UI sends it.
    pub fn dispatch(&mut self, name: &str, request: Value) -> Result<Value, ErrorCode> {
        let mut env = self.env();
        let out = crate::dispatch(&mut env, name, request);
        let effects = env.effects;
        self.applied(effects);
        out
    }

    /// Reads the vault directly (to check what a command stored).
    pub fn with_vault<T>(&self, f: impl FnOnce(&Vault) -> T) -> T {
        let slot = self.slot.lock().expect("not poisoned");
        f(slot.as_ref().expect("the test vault is unlocked"))
    }

    /// How many audit rows the vault has: every write adds one, so an unchanged count means nothing
    /// was stored.
    pub fn writes(&self) -> usize {
        self.with_vault(|v| v.audit_log().expect("audit log").len())
    }

    /// Stores a case snapshot (e.g. the example family) under new ids, as the app would have made them.
    /// Returns the map from the snapshot's ids to the stored ones.
    pub fn store(&self, snapshot: &CaseSnapshot) -> IdMap {
        self.with_vault(|v| {
            let mut map = IdMap::default();
            let hh = &snapshot.household;
            let case = v.cases().create(&hh.case.label).expect("case");
            map.insert(hh.case.id, case.id);
            v.cases()
                .update(case.id, &vault::CaseUpdate { status: hh.case.status, phase: hh.case.phase, retention_until: hh.case.retention_until })
                .expect("phase");
            for p in &hh.persons {
                let stored = v.persons().add_valid(case.id, domain::ValidPerson::new(p.input(), 2026).expect("valid person")).expect("person");
                map.insert(p.id, stored.id);
            }
            for r in &hh.relations {
                let input = domain::RelationInput { from: map.get(r.from), to: map.get(r.to), kind: r.kind.clone() };
                let stored = v.relations().add(case.id, input).expect("relation");
                map.insert(r.id, stored.id);
            }
            for c in &snapshot.conversations {
                v.conversations().save(&map.apply(c)).expect("conversation");
            }
            for r in &snapshot.records {
                v.behaviour_records().save(&map.apply(r)).expect("record");
            }
            for a in &snapshot.answers {
                v.answers().save(&map.apply(a)).expect("answer");
            }
            for p in &snapshot.prechecks {
                v.child_prechecks().save(&map.apply(p)).expect("precheck");
            }
            for j in &snapshot.judgements {
                v.judgements().save(&map.apply(j)).expect("judgement");
            }
            for d in &snapshot.acute_decisions {
                v.acute_decisions().save(&map.apply(d)).expect("acute decision");
            }
            map
        })
    }
}

/// Ids of a snapshot and the ids they were stored under.
#[derive(Debug, Clone, Default)]
pub struct IdMap {
    pub to_stored: BTreeMap<Uuid, Uuid>,
}

impl IdMap {
    pub fn insert(&mut self, from: Uuid, to: Uuid) {
        self.to_stored.insert(from, to);
    }

    /// The stored id of a snapshot id (ids that were kept map to themselves).
    pub fn get(&self, id: Uuid) -> Uuid {
        self.to_stored.get(&id).copied().unwrap_or(id)
    }

    /// The value with every mapped id replaced (through its JSON form).
    pub fn apply<T: serde::Serialize + serde::de::DeserializeOwned>(&self, value: &T) -> T {
        let mut json = serde_json::to_string(value).expect("serialises");
        for (from, to) in &self.to_stored {
            json = json.replace(&from.to_string(), &to.to_string());
        }
        serde_json::from_str(&json).expect("deserialises")
    }

    /// The other way round: stored ids back to the snapshot's.
    pub fn reversed(&self) -> IdMap {
        IdMap { to_stored: self.to_stored.iter().map(|(a, b)| (*b, *a)).collect() }
    }
}

//! What a command runs in: the vault slot (locked or unlocked), the content, the clock, and the few
//! things only the host can do (a save dialog, the print dialog). The Tauri shell and the test host each
//! build one per call; commands never reach for globals.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Mutex, MutexGuard};

use vault::{KdfParams, Vault};

use crate::clock::Clock;
use crate::content::Content;
use crate::error::{AppResult, ErrorCode};

/// What the host does for a command that needs the desktop (the Tauri shell: dialogs; the test host:
/// a folder and a counter).
pub trait Shell: Sync {
    /// Asks the user where to save `bytes` (a PDF) under the suggested file name and writes it there.
    /// `Ok(false)`: the user cancelled.
    fn save_pdf(&self, suggested_name: &str, bytes: &[u8]) -> AppResult<bool>;
    /// The same, with the dialog's title saying what is saved (the plan's title otherwise).
    fn save_pdf_titled(&self, _dialog_title: &str, suggested_name: &str, bytes: &[u8]) -> AppResult<bool> {
        self.save_pdf(suggested_name, bytes)
    }
    /// Asks the user where to save an access request's PDF under the suggested file name, writes it
    /// there and writes `json` beside it, with the same name ending in `.json`. `Ok(false)`: the user
    /// cancelled, and nothing was written.
    fn save_pdf_and_json(&self, suggested_name: &str, pdf: &[u8], json: &[u8]) -> AppResult<bool>;
    /// Opens the system print dialog for what the window shows.
    fn print(&self) -> AppResult<()>;
    /// Draws the window at this zoom factor (1.0 = 100%).
    fn set_zoom(&self, factor: f64) -> AppResult<()>;
    /// Asks the user to choose a folder (a USB disk for a backup, the backup to restore).
    /// `Ok(None)`: the user cancelled.
    fn pick_folder(&self, purpose: FolderPurpose) -> AppResult<Option<PathBuf>>;
    /// Asks the user where to save a handover file (encrypted already) under the suggested name and
    /// writes it there. `Ok(false)`: the user cancelled.
    fn save_handover(&self, suggested_name: &str, bytes: &[u8]) -> AppResult<bool>;
    /// Asks the user to choose a file to open. `Ok(None)`: the user cancelled.
    fn pick_file(&self, purpose: FilePurpose) -> AppResult<Option<PathBuf>>;
    /// Tells the window how far a backup is.
    fn backup_progress(&self, pages_done: u64, pages_total: u64);
    /// Where the installed package keeps the third-party licence file, if it is there.
    fn third_party_licences(&self) -> Option<PathBuf>;
    /// Asks the user where to save `bytes` (not a PDF: `kind` names the file type and its extension)
    /// under the suggested name, with the dialog's title, and writes it there. `Ok(false)`: cancelled.
    fn save_file(&self, dialog_title: &str, suggested_name: &str, kind: FileKind, bytes: &[u8]) -> AppResult<bool>;
    /// Asks the user to choose one or more files of `kind` to open. Empty: cancelled.
    fn pick_files(&self, dialog_title: &str, kind: FileKind) -> AppResult<Vec<PathBuf>>;
    /// The files last dropped on the window, taken (a second call gives none until something is dropped
    /// again). The paths come from the desktop, never from the WebView.
    fn take_dropped_files(&self) -> Vec<PathBuf>;
}

/// A type of file a dialog offers: its name and extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A participant's work on a practice case (`.oefenwerk.json`).
    ParticipantWork,
    /// Plain text (`.txt`), e.g. a report to Veilig Thuis to read out on the phone.
    Text,
}

impl FileKind {
    /// The filter's name and extension.
    pub fn filter(self) -> (&'static str, &'static str) {
        match self {
            FileKind::ParticipantWork => ("Oefenwerk (JSON)", "json"),
            FileKind::Text => ("Tekst", "txt"),
        }
    }
}

/// What a folder is chosen for (the dialog's title).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FolderPurpose {
    /// Where to write a new backup.
    BackupTarget,
    /// The backup to restore.
    Restore,
}

/// What a file is chosen for (the dialog's title and filter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilePurpose {
    /// A handover file to import.
    Handover,
}

/// Changes to the host's own state that a command asks for; the host applies them after the call.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Effects {
    /// The vault was opened (the idle timer starts counting from now).
    pub unlocked: bool,
    /// The vault was locked by this command.
    pub locked: bool,
    /// The user did something (the idle timer restarts).
    pub activity: bool,
    /// The auto-lock setting to use from now on.
    pub auto_lock_minutes: Option<u32>,
    /// Practice mode turned on (`Some(true)`) or off (`Some(false)`): the host keeps the mode and says
    /// `OEFENMODUS` in the window title while it is on.
    pub practice: Option<bool>,
}

pub struct Env<'a> {
    /// The real vault's folder.
    pub dir: &'a Path,
    /// The practice vault's folder (`oefenkluis`, fictional families only; see `commands::practice`).
    pub practice_dir: &'a Path,
    /// The open vault (or the one to unlock) is the practice vault: the app is in practice mode.
    pub practice: bool,
    /// `None` while locked. Locked per use, never across a dialog or a render.
    pub slot: &'a Mutex<Option<Vault>>,
    pub content: &'a Content,
    pub clock: Clock,
    pub shell: &'a dyn Shell,
    /// Key-derivation cost for a new vault (the default; cheap only in the test host).
    pub kdf: KdfParams,
    /// The host's auto-lock setting as it is now (reported by `vault_status`).
    pub auto_lock_minutes: u32,
    /// Set by `backup_cancel` while a backup runs; `backup_make` clears it when it starts.
    pub cancel: &'a AtomicBool,
    /// The handover file chosen in the file dialog (`handover_choose`), for its preview and import.
    pub handover_file: &'a Mutex<Option<PathBuf>>,
    pub effects: Effects,
}

impl Env<'_> {
    pub(crate) fn slot(&self) -> MutexGuard<'_, Option<Vault>> {
        // A panic while holding the lock must not keep the vault open or wedge the app.
        self.slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub(crate) fn handover_file(&self) -> MutexGuard<'_, Option<PathBuf>> {
        self.handover_file.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `f` with the unlocked vault, or refuses with `locked`.
    pub(crate) fn vault<T>(&self, f: impl FnOnce(&Vault) -> AppResult<T>) -> AppResult<T> {
        let slot = self.slot();
        let v = slot.as_ref().ok_or(ErrorCode::Locked)?;
        f(v)
    }

    /// Refuses in practice mode: for what only the real vault does (backups, its passphrase, unlocking it).
    pub(crate) fn real_vault_only(&self) -> AppResult<()> {
        if self.practice { Err(ErrorCode::PracticeMode.into()) } else { Ok(()) }
    }
}

//! The Tauri side of every command, generated from the contract (`app::with_contract!`): take the
//! request, run `app::call::<command>` on a blocking thread with the vault slot, the content and the
//! clock, apply what the command asks of the shell (idle timer, lock event), and send back the response
//! or the error code. No rules and no command names are written here.

use std::sync::{Arc, LazyLock};

use app::views::{BackupProgress, BACKUP_PROGRESS_EVENT};
use app::{AppResult, Clock, Content, Effects, Env, ErrorCode, FilePurpose, FolderPurpose, IpcError, KdfParams};
use chrono::Utc;
use tauri::{AppHandle, Emitter, State, WebviewWindow};
use tauri_plugin_dialog::DialogExt;

use crate::state::{AppState, LockReason, Shared, VaultLocked, LOCKED_EVENT};

/// The content embedded in the binary, parsed and validated once.
static CONTENT: LazyLock<Content> = LazyLock::new(Content::embedded);

pub fn emit_locked(app: &AppHandle, reason: LockReason) {
    // Every lock ends practice mode (`AppState::lock`): the title says so again.
    set_title(app, false);
    // The UI also clears itself before asking to lock; the event covers locks it did not ask for.
    let _ = app.emit(LOCKED_EVENT, VaultLocked { reason });
}

/// The window title: fixed, never a case; `OEFENMODUS` while the practice vault is in use.
fn set_title(app: &AppHandle, practice: bool) {
    use tauri::Manager;
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.set_title(if practice { "Samen Kijken — OEFENMODUS" } else { "Samen Kijken" });
    }
}

/// The third-party licence file the packages ship (`cargo xtask bundle` writes it).
const LICENCE_FILE: &str = "THIRD-PARTY-LICENSES.txt";

/// What only the desktop can do: the save dialog (opened from Rust; the UI has no dialog permission)
/// and the print dialog (`window.print()` does nothing in the WebKitGTK view).
struct Desktop {
    app: AppHandle,
    window: WebviewWindow,
}

impl Desktop {
    /// The save dialog with this title, name and filter; writes `bytes` where the user chose.
    fn save_file(&self, dialog_title: &str, suggested_name: &str, (filter, ext): (&str, &str), bytes: &[u8]) -> AppResult<bool> {
        let chosen = self
            .app
            .dialog()
            .file()
            .set_title(dialog_title)
            .set_file_name(suggested_name)
            .add_filter(filter, &[ext])
            .blocking_save_file();
        let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
            return Ok(false);
        };
        // Temp file in the chosen folder, fsync, rename: never half a file, never through a symlink.
        app::write_file_atomic(&path, bytes).map_err(app::AppError::from)?;
        Ok(true)
    }
}

impl app::Shell for Desktop {
    fn save_pdf(&self, suggested_name: &str, bytes: &[u8]) -> AppResult<bool> {
        self.save_pdf_titled("Veiligheidsplan opslaan als PDF", suggested_name, bytes)
    }

    fn save_pdf_titled(&self, dialog_title: &str, suggested_name: &str, bytes: &[u8]) -> AppResult<bool> {
        self.save_file(dialog_title, suggested_name, ("PDF", "pdf"), bytes)
    }

    fn save_pdf_and_json(&self, suggested_name: &str, pdf: &[u8], json: &[u8]) -> AppResult<bool> {
        let chosen = self
            .app
            .dialog()
            .file()
            .set_title("Inzage opslaan als PDF (met een JSON-bestand ernaast)")
            .set_file_name(suggested_name)
            .add_filter("PDF", &["pdf"])
            .blocking_save_file();
        let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
            return Ok(false);
        };
        // The JSON gets the chosen name with `.json`; both written atomically, never through a symlink.
        let json_path = path.with_extension("json");
        if json_path == path {
            return Err(ErrorCode::Invalid.into());
        }
        app::write_file_atomic(&path, pdf).map_err(app::AppError::from)?;
        app::write_file_atomic(&json_path, json).map_err(app::AppError::from)?;
        Ok(true)
    }

    fn print(&self) -> AppResult<()> {
        self.window.print().map_err(|_| ErrorCode::PrintFailed.into())
    }

    fn set_zoom(&self, factor: f64) -> AppResult<()> {
        self.window.set_zoom(factor).map_err(|_| ErrorCode::Internal.into())
    }

    fn pick_folder(&self, purpose: FolderPurpose) -> AppResult<Option<std::path::PathBuf>> {
        let title = match purpose {
            FolderPurpose::BackupTarget => "Map voor de reservekopie kiezen",
            FolderPurpose::Restore => "Reservekopie kiezen om terug te zetten",
        };
        let chosen = self.app.dialog().file().set_title(title).blocking_pick_folder();
        Ok(chosen.and_then(|p| p.into_path().ok()))
    }

    fn save_handover(&self, suggested_name: &str, bytes: &[u8]) -> AppResult<bool> {
        // Encrypted already; written like every file the app writes.
        self.save_file("Overdrachtsbestand opslaan", suggested_name, ("Overdrachtsbestand (age)", "age"), bytes)
    }

    fn pick_file(&self, purpose: FilePurpose) -> AppResult<Option<std::path::PathBuf>> {
        let FilePurpose::Handover = purpose;
        let chosen = self
            .app
            .dialog()
            .file()
            .set_title("Overdrachtsbestand openen")
            .add_filter("Overdrachtsbestand (age)", &["age"])
            .blocking_pick_file();
        Ok(chosen.and_then(|p| p.into_path().ok()))
    }

    fn third_party_licences(&self) -> Option<std::path::PathBuf> {
        use tauri::Manager;
        // Beside the binary in every package (Tauri's resource folder); the .deb and .rpm also put a
        // copy in the documentation folder.
        let mut places: Vec<std::path::PathBuf> = self.app.path().resource_dir().ok().map(|d| d.join(LICENCE_FILE)).into_iter().collect();
        if cfg!(target_os = "linux") {
            places.push(std::path::Path::new("/usr/share/doc/samen-kijken").join(LICENCE_FILE));
        }
        places.into_iter().find(|p| p.is_file())
    }

    fn save_file(&self, dialog_title: &str, suggested_name: &str, kind: app::FileKind, bytes: &[u8]) -> AppResult<bool> {
        let (filter, extension) = kind.filter();
        let chosen =
            self.app.dialog().file().set_title(dialog_title).set_file_name(suggested_name).add_filter(filter, &[extension]).blocking_save_file();
        let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
            return Ok(false);
        };
        app::write_file_atomic(&path, bytes).map_err(app::AppError::from)?;
        Ok(true)
    }

    fn pick_files(&self, dialog_title: &str, kind: app::FileKind) -> AppResult<Vec<std::path::PathBuf>> {
        let (filter, extension) = kind.filter();
        let chosen = self.app.dialog().file().set_title(dialog_title).add_filter(filter, &[extension]).blocking_pick_files();
        Ok(chosen.unwrap_or_default().into_iter().filter_map(|p| p.into_path().ok()).collect())
    }

    fn take_dropped_files(&self) -> Vec<std::path::PathBuf> {
        use tauri::Manager;
        self.app.try_state::<Shared>().map(|s| s.take_dropped()).unwrap_or_default()
    }

    fn backup_progress(&self, pages_done: u64, pages_total: u64) {
        let _ = self.window.emit(BACKUP_PROGRESS_EVENT, BackupProgress { pages_done: u32::try_from(pages_done).unwrap_or(u32::MAX), pages_total: u32::try_from(pages_total).unwrap_or(u32::MAX) });
    }
}

fn apply(app: &AppHandle, state: &AppState, effects: Effects) {
    if let Some(on) = effects.practice {
        state.set_practice(on);
        set_title(app, on);
    }
    if let Some(minutes) = effects.auto_lock_minutes {
        state.set_auto_lock_minutes(minutes);
    }
    if effects.unlocked || effects.activity {
        state.touch();
    }
    if effects.locked {
        emit_locked(app, LockReason::Manual);
    }
}

/// Runs one command off the async runtime so the UI never waits on a busy thread.
async fn run<T: Send + 'static>(
    app: AppHandle,
    window: WebviewWindow,
    state: &Shared,
    command: impl FnOnce(&mut Env<'_>) -> AppResult<T> + Send + 'static,
) -> Result<T, IpcError> {
    let state = Arc::clone(state);
    tauri::async_runtime::spawn_blocking(move || {
        let desktop = Desktop { app: app.clone(), window };
        let mut env = Env {
            dir: &state.vault_dir,
            practice_dir: &state.practice_dir,
            practice: state.practice(),
            slot: state.slot_mutex(),
            content: &CONTENT,
            clock: Clock::at(Utc::now()),
            shell: &desktop,
            kdf: KdfParams::default(),
            auto_lock_minutes: state.auto_lock_minutes(),
            cancel: &state.backup_cancel,
            handover_file: &state.handover_file,
            effects: Effects::default(),
        };
        let out = command(&mut env);
        let effects = env.effects;
        apply(&app, &state, effects);
        out.map_err(IpcError::from)
    })
    .await
    .map_err(|_| IpcError::from(ErrorCode::Internal))?
}

macro_rules! adapters {
    ($( $name:ident ( $Req:ident { $( $field:ident : $fty:ty ),* $(,)? } ) -> $Resp:ty ; )*) => {
        $(
            #[tauri::command]
            async fn $name(
                handle: AppHandle,
                window: WebviewWindow,
                state: State<'_, Shared>,
                request: app::contract::$Req,
            ) -> Result<$Resp, IpcError> {
                run(handle, window, &state, move |env| app::call::$name(env, request)).await
            }
        )*

        /// The handler of every command in the contract.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![ $( $name ),* ]
        }
    };
}

app::with_contract!(adapters);

//! Samen Kijken's desktop shell.
//!
//! Thin by design: it holds the app state (locked or unlocked), exposes IPC commands that adapt
//! `vault` and `domain` to the UI, runs the idle lock, and sets up the window. Rules live in `domain`,
//! storage in `vault`. Nothing here talks to a network.

mod casework;
mod commands;
mod content;
mod error;
mod planning;
mod sleep;
mod state;

use std::path::PathBuf;
use std::time::Duration;

use tauri::Manager;

pub use commands::{CreatedVault, Language, Settings, VaultState, VaultStatus};
pub use error::IpcError;
pub use state::{LockReason, VaultLocked};

/// Environment variable that points the app at another vault directory (tests, portable use).
pub const VAULT_DIR_ENV: &str = "SAMEN_KIJKEN_VAULT_DIR";

/// How often the idle watcher looks at the clock.
const IDLE_CHECK: Duration = Duration::from_secs(5);

/// The vault folder: `--vault-dir <path>` on the command line, else the environment variable, else the
/// platform's app-data folder (on Linux `~/.local/share/nl.samenkijken.desktop/kluis`).
fn vault_dir(app: &tauri::App) -> PathBuf {
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--vault-dir" {
            if let Some(dir) = args.next() {
                return PathBuf::from(dir);
            }
        }
    }
    if let Some(dir) = std::env::var_os(VAULT_DIR_ENV) {
        return PathBuf::from(dir);
    }
    app.path()
        .app_data_dir()
        .map(|d| d.join("kluis"))
        .unwrap_or_else(|_| PathBuf::from("kluis"))
}

/// Panics print where, never what: a panic message could hold case text.
fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let place = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        eprintln!("Samen Kijken: interne fout ({place}). Opgeslagen gegevens zijn bewaard.");
    }));
}

pub fn run() {
    quiet_panics();
    tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let state = state::AppState::new(vault_dir(app));
            app.manage(state.clone());
            let handle = app.handle().clone();
            let sleep_handle = handle.clone();
            sleep::spawn(state.clone(), move |reason| commands::emit_locked(&sleep_handle, reason));
            tauri::async_runtime::spawn(async move {
                loop {
                    tokio::time::sleep(IDLE_CHECK).await;
                    if state.lock_if_idle() {
                        commands::emit_locked(&handle, LockReason::Idle);
                    }
                }
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::vault_status,
            commands::passphrase_strength,
            commands::vault_create,
            commands::vault_unlock,
            commands::vault_recover,
            commands::vault_lock,
            commands::vault_change_passphrase,
            commands::activity,
            commands::settings_get,
            commands::settings_set,
            commands::cases_list,
            commands::case_create,
            commands::case_rename,
            commands::case_delete,
            commands::household_get,
            commands::person_add,
            commands::person_update,
            commands::person_delete,
            commands::relation_add,
            commands::relation_delete,
            content::content_get,
            casework::case_set_phase,
            casework::conversations_list,
            casework::joint_check,
            casework::conversation_start,
            casework::conversation_open,
            casework::conversation_end,
            casework::answer_save,
            casework::precheck_save,
            casework::behaviours_list,
            casework::behaviours_trash_list,
            casework::behaviour_save,
            casework::behaviour_trash,
            casework::behaviour_restore,
            casework::analysis_get,
            casework::judgement_save,
            casework::acute_decision_save,
            casework::meldcode_list,
            casework::meldcode_save,
            casework::meldcode_status,
            planning::plan_get,
            planning::plan_save,
            planning::plan_check,
            planning::plan_preview,
            planning::plan_freeze,
            planning::plan_versions,
            planning::plan_export_pdf,
            planning::print_page,
        ])
        .run(tauri::generate_context!())
        .expect("Samen Kijken could not start its window");
}

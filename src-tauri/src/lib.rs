//! Samen Kijken's desktop shell.
//!
//! Thin by design: it holds the app state (locked or unlocked), runs every command of the contract
//! (`crates/app`) on a blocking thread, runs the idle lock, and sets up the window. Rules live in
//! `domain` and `app`, storage in `vault`. Nothing here talks to a network.

mod commands;
mod sleep;
mod state;

use std::path::PathBuf;
use std::time::Duration;

use tauri::{Emitter, Manager};

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

/// WebKitGTK (Linux) draws the page on the CPU, without GPU compositing, unless the user's environment
/// says otherwise (set a variable to `0` to get WebKit's default back).
///
/// The page is forms and text: nothing in it needs the GPU. Accelerated compositing kept a GL context,
/// layer buffers and (without a GPU) Mesa's software renderer busy in the web process: about 65 MB more
/// memory measured (`packaging/README.md`). It is also the mode that shows a blank or black window on
/// some NVIDIA and virtual-machine set-ups, which many WebKitGTK apps switch off for that reason.
/// GL painting inside the compositor (`WEBKIT_SKIA_ENABLE_CPU_RENDERING`) is switched off too, for when
/// the user turns compositing back on. Without compositing nothing in the window uses GTK's own GL
/// either, so GTK is told not to probe GLX when it opens the display (`GDK_GL=disable`): the first paint
/// came about 70 ms sooner.
#[cfg(target_os = "linux")]
fn webkit_without_gpu() {
    fn default(var: &str, value: &str) {
        if std::env::var_os(var).is_none() {
            // SAFETY: called first thing in `run`, before Tauri, GTK or any other thread starts.
            unsafe { std::env::set_var(var, value) };
        }
    }
    default("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    default("WEBKIT_SKIA_ENABLE_CPU_RENDERING", "1");
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_some_and(|v| v != "0") {
        default("GDK_GL", "disable");
    }
}

pub fn run() {
    #[cfg(target_os = "linux")]
    webkit_without_gpu();
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
            // The zoom the user chose last time, before anything is drawn (it holds nothing of a case).
            let display = app::load_display(&state.vault_dir);
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.set_zoom(f64::from(display.zoom_percent) / 100.0);
            }
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
        .on_window_event(|window, event| {
            // Files dropped on the window (the trainer's participant files): kept here, the UI only hears
            // that something was dropped and asks `training_import` to read them. Paths never pass
            // through the WebView.
            if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                if let Some(state) = window.try_state::<state::Shared>() {
                    state.set_dropped(paths.clone());
                    let _ = window.emit(app::views::FILES_DROPPED_EVENT, ());
                }
            }
        })
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!())
        .expect("Samen Kijken could not start its window");
}

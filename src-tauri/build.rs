//! Declares the app's IPC commands so that each needs an explicit permission (see capabilities/).
//!
//! The command list is read from `permissions/app-commands.toml`, which `cargo xtask bindings` writes
//! from the contract in `crates/app/src/contract.rs` (and `cargo xtask check-bindings` checks).

fn main() {
    let perms = std::fs::read_to_string("permissions/app-commands.toml").expect("permissions/app-commands.toml");
    println!("cargo:rerun-if-changed=permissions/app-commands.toml");
    let commands: Vec<&'static str> = perms
        .lines()
        .filter_map(|l| l.trim().trim_end_matches(',').strip_prefix("\"allow-")?.strip_suffix('"').map(str::to_owned))
        .map(|name| &*Box::leak(name.replace('-', "_").into_boxed_str()))
        .collect();
    assert!(!commands.is_empty(), "no commands in permissions/app-commands.toml");
    let commands: &'static [&'static str] = Box::leak(commands.into_boxed_slice());
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("tauri build script");
}

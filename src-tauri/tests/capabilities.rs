//! The IPC surface is declared in three places that must agree: the command list in build.rs (which makes
//! each command need a permission), the permission set granted to the main window, and the handler list
//! in lib.rs. Also checks the security settings of tauri.conf.json.

use std::collections::BTreeSet;

fn quoted_names(text: &str, prefix: &str) -> BTreeSet<String> {
    text.lines()
        .filter_map(|l| l.trim().strip_prefix('"')?.split('"').next().map(str::to_owned))
        .filter_map(|s| s.strip_prefix(prefix).map(str::to_owned))
        .collect()
}

#[test]
fn commands_permissions_and_handlers_agree() {
    let build = include_str!("../build.rs");
    let list = &build[build.find("const COMMANDS").unwrap()..build.find("];").unwrap()];
    let declared: BTreeSet<String> = quoted_names(list, "");

    let perms = include_str!("../permissions/app-commands.toml");
    let granted: BTreeSet<String> = quoted_names(perms, "allow-").iter().map(|s| s.replace('-', "_")).collect();

    let lib = include_str!("../src/lib.rs");
    let block = &lib[lib.find("generate_handler![").unwrap()..];
    let block = &block[..block.find("])").unwrap()];
    let handlers: BTreeSet<String> = block
        .lines()
        .filter_map(|l| l.trim().strip_suffix(',')?.rsplit("::").next().map(str::to_owned))
        .collect();

    assert!(!declared.is_empty());
    assert_eq!(declared, granted, "build.rs vs permissions/app-commands.toml");
    assert_eq!(declared, handlers, "build.rs vs generate_handler! in lib.rs");
}

#[test]
fn window_and_csp_are_strict() {
    let conf: serde_json::Value = serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
    let csp = &conf["app"]["security"]["csp"];
    let all: String = csp.as_object().unwrap().iter().map(|(k, v)| format!("{k} {} ;", v.as_str().unwrap())).collect();
    assert!(!all.contains("unsafe-eval"), "no unsafe-eval");
    assert!(!all.contains("http:") || all.contains("http://ipc.localhost"), "no remote http sources");
    for remote in ["https:", "*", "ws:", "wss:"] {
        assert!(!all.split_whitespace().any(|t| t == remote || t.starts_with("https://")), "no {remote} sources");
    }
    assert_eq!(csp["script-src"], "'self'");
    assert_eq!(csp["object-src"], "'none'");

    let window = &conf["app"]["windows"][0];
    assert_eq!(window["decorations"], true, "native decorations for screen readers");
    // Not incognito: WebKitGTK refuses WebDriver automation for ephemeral contexts, and the end-to-end
    // canary scan proves instead that nothing of a case reaches the WebView's data or cache folders.
    assert_eq!(window["title"], "Samen Kijken");
    assert_eq!(conf["app"]["withGlobalTauri"], false);
    assert!(conf["plugins"].get("updater").is_none());

    let caps: serde_json::Value = serde_json::from_str(include_str!("../capabilities/main-window.json")).unwrap();
    let perms: Vec<&str> = caps["permissions"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
    assert_eq!(perms, ["core:event:allow-listen", "core:event:allow-unlisten", "allow-app-commands"]);
}

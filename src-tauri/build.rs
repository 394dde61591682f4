//! Declares the app's IPC commands so that each needs an explicit permission (see capabilities/).

/// Every command the UI may call. Keep in step with `commands::handler()` in src/lib.rs.
const COMMANDS: &[&str] = &[
    "vault_status",
    "passphrase_strength",
    "vault_create",
    "vault_unlock",
    "vault_recover",
    "vault_lock",
    "vault_change_passphrase",
    "activity",
    "settings_get",
    "settings_set",
    "cases_list",
    "case_create",
    "case_rename",
    "case_delete",
    "household_get",
    "person_add",
    "person_update",
    "person_delete",
    "relation_add",
    "relation_delete",
    "content_get",
    "case_set_phase",
    "conversations_list",
    "joint_check",
    "conversation_start",
    "conversation_open",
    "conversation_end",
    "answer_save",
    "precheck_save",
    "behaviours_list",
    "behaviours_trash_list",
    "behaviour_save",
    "behaviour_trash",
    "behaviour_restore",
    "analysis_get",
    "judgement_save",
    "acute_decision_save",
    "meldcode_list",
    "meldcode_save",
    "meldcode_status",
    "plan_get",
    "plan_save",
    "plan_check",
    "plan_preview",
    "plan_freeze",
    "plan_versions",
    "plan_export_pdf",
    "print_page",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script");
}

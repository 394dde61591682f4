//! IPC commands: thin adapters over `vault` and `domain`. Each validates its input, runs vault work on a
//! blocking thread, and returns a typed value or an [`IpcError`]. No rules live here.

use chrono::{Datelike, Utc};
use domain::{Case, CaseSummary, Household, Person, PersonInput, Relation, RelationInput};
use domain::passphrase::Strength;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Emitter, State};
use ts_rs::TS;
use uuid::Uuid;
use vault::{KdfParams, Passphrase, RecoveryKey, Vault};

use crate::error::{IpcError, IpcResult};
use crate::state::{blocking, AppState, LockReason, Shared, VaultLocked, LOCKED_EVENT};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum VaultState {
    Missing,
    Locked,
    Unlocked,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct VaultStatus {
    pub state: VaultState,
    pub auto_lock_minutes: u32,
}

#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CreatedVault {
    /// Shown once; never stored by the app in plain text.
    pub recovery_key: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Language {
    Nl,
    En,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Settings {
    /// Minutes of inactivity before the vault locks (1–30).
    pub auto_lock_minutes: u32,
    pub language: Language,
}

fn current_year() -> i32 {
    Utc::now().with_timezone(&chrono_tz::Europe::Amsterdam).year()
}

fn status_of(state: &AppState) -> VaultStatus {
    let s = if state.is_unlocked() {
        VaultState::Unlocked
    } else if Vault::exists(&state.vault_dir) {
        VaultState::Locked
    } else {
        VaultState::Missing
    };
    VaultStatus { state: s, auto_lock_minutes: state.auto_lock_minutes() }
}

/// After an unlock: take the auto-lock setting from the vault.
fn after_unlock(state: &AppState, v: Vault) -> IpcResult<()> {
    let settings = v.settings().get()?;
    state.set_auto_lock_minutes(settings.auto_lock_minutes);
    state.install(v);
    Ok(())
}

pub fn emit_locked(app: &AppHandle, reason: LockReason) {
    // The UI also clears itself before asking to lock; the event covers locks it did not ask for.
    let _ = app.emit(LOCKED_EVENT, VaultLocked { reason });
}

#[tauri::command]
pub fn vault_status(state: State<'_, Shared>) -> VaultStatus {
    status_of(&state)
}

#[tauri::command]
pub fn passphrase_strength(passphrase: String) -> Strength {
    let passphrase = zeroize::Zeroizing::new(passphrase);
    domain::passphrase::strength(&passphrase)
}

#[tauri::command]
pub async fn vault_create(state: State<'_, Shared>, passphrase: String) -> IpcResult<CreatedVault> {
    let acceptable = domain::passphrase::strength(&passphrase).acceptable;
    let passphrase = Passphrase::new(passphrase);
    blocking(&state, move |state| {
        if !acceptable {
            return Err(IpcError::new("passphrase_too_weak"));
        }
        let (v, recovery) = Vault::create(&state.vault_dir, &passphrase, KdfParams::default())?;
        let recovery_key = recovery.to_display_string().to_string();
        after_unlock(state, v)?;
        Ok(CreatedVault { recovery_key })
    })
    .await
}

#[tauri::command]
pub async fn vault_unlock(state: State<'_, Shared>, passphrase: String) -> IpcResult<()> {
    let passphrase = Passphrase::new(passphrase);
    blocking(&state, move |state| {
        if state.is_unlocked() {
            return Ok(());
        }
        let v = Vault::open(&state.vault_dir, &passphrase)?;
        after_unlock(state, v)
    })
    .await
}

#[tauri::command]
pub async fn vault_recover(
    state: State<'_, Shared>,
    recovery_key: String,
    new_passphrase: String,
) -> IpcResult<()> {
    let recovery_key = zeroize::Zeroizing::new(recovery_key);
    let acceptable = domain::passphrase::strength(&new_passphrase).acceptable;
    let new_passphrase = Passphrase::new(new_passphrase);
    blocking(&state, move |state| {
        if !acceptable {
            return Err(IpcError::new("passphrase_too_weak"));
        }
        let key = RecoveryKey::parse(&recovery_key)?;
        let v = Vault::open_with_recovery_key(&state.vault_dir, &key, &new_passphrase)?;
        after_unlock(state, v)
    })
    .await
}

#[tauri::command]
pub fn vault_lock(app: AppHandle, state: State<'_, Shared>) {
    if state.lock() {
        emit_locked(&app, LockReason::Manual);
    }
}

#[tauri::command]
pub async fn vault_change_passphrase(
    state: State<'_, Shared>,
    old_passphrase: String,
    new_passphrase: String,
) -> IpcResult<()> {
    let old = Passphrase::new(old_passphrase);
    let acceptable = domain::passphrase::strength(&new_passphrase).acceptable;
    let new = Passphrase::new(new_passphrase);
    blocking(&state, move |state| {
        if !acceptable {
            return Err(IpcError::new("passphrase_too_weak"));
        }
        state.with_vault(|v| Ok(v.change_passphrase(&old, &new)?))
    })
    .await
}

#[tauri::command]
pub fn activity(state: State<'_, Shared>) {
    state.touch();
}

#[tauri::command]
pub async fn settings_get(state: State<'_, Shared>) -> IpcResult<Settings> {
    blocking(&state, |state| state.with_vault(|v| Ok(to_settings(v.settings().get()?)))).await
}

#[tauri::command]
pub async fn settings_set(state: State<'_, Shared>, settings: Settings) -> IpcResult<Settings> {
    blocking(&state, move |state| {
        let saved = state.with_vault(|v| {
            let repo = v.settings();
            repo.set_auto_lock_minutes(settings.auto_lock_minutes)?;
            repo.set_language(match settings.language {
                Language::Nl => vault::Language::Nl,
                Language::En => vault::Language::En,
            })?;
            Ok(to_settings(repo.get()?))
        })?;
        state.set_auto_lock_minutes(saved.auto_lock_minutes);
        Ok(saved)
    })
    .await
}

fn to_settings(s: vault::Settings) -> Settings {
    Settings {
        auto_lock_minutes: s.auto_lock_minutes,
        language: match s.language {
            vault::Language::Nl => Language::Nl,
            vault::Language::En => Language::En,
        },
    }
}

#[tauri::command]
pub async fn cases_list(state: State<'_, Shared>) -> IpcResult<Vec<CaseSummary>> {
    blocking(&state, |state| state.with_vault(|v| Ok(v.cases().list()?))).await
}

#[tauri::command]
pub async fn case_create(state: State<'_, Shared>, label: String) -> IpcResult<Case> {
    blocking(&state, move |state| state.with_vault(|v| Ok(v.cases().create(&label)?))).await
}

#[tauri::command]
pub async fn case_rename(state: State<'_, Shared>, case_id: Uuid, label: String) -> IpcResult<Case> {
    blocking(&state, move |state| state.with_vault(|v| Ok(v.cases().rename(case_id, &label)?))).await
}

#[tauri::command]
pub async fn case_delete(state: State<'_, Shared>, case_id: Uuid) -> IpcResult<()> {
    blocking(&state, move |state| state.with_vault(|v| Ok(v.cases().delete(case_id)?))).await
}

#[tauri::command]
pub async fn household_get(state: State<'_, Shared>, case_id: Uuid) -> IpcResult<Household> {
    blocking(&state, move |state| state.with_vault(|v| Ok(v.cases().open(case_id)?))).await
}

#[tauri::command]
pub async fn person_add(state: State<'_, Shared>, case_id: Uuid, input: PersonInput) -> IpcResult<Person> {
    blocking(&state, move |state| {
        let input = input.validated(current_year())?;
        state.with_vault(|v| Ok(v.persons().add(case_id, input)?))
    })
    .await
}

#[tauri::command]
pub async fn person_update(state: State<'_, Shared>, person_id: Uuid, input: PersonInput) -> IpcResult<Person> {
    blocking(&state, move |state| {
        let input = input.validated(current_year())?;
        state.with_vault(|v| Ok(v.persons().update(person_id, input)?))
    })
    .await
}

#[tauri::command]
pub async fn person_delete(state: State<'_, Shared>, person_id: Uuid) -> IpcResult<()> {
    blocking(&state, move |state| state.with_vault(|v| Ok(v.persons().delete(person_id)?))).await
}

#[tauri::command]
pub async fn relation_add(state: State<'_, Shared>, case_id: Uuid, input: RelationInput) -> IpcResult<Relation> {
    blocking(&state, move |state| state.with_vault(|v| Ok(v.relations().add(case_id, input)?))).await
}

#[tauri::command]
pub async fn relation_delete(state: State<'_, Shared>, relation_id: Uuid) -> IpcResult<()> {
    blocking(&state, move |state| state.with_vault(|v| Ok(v.relations().delete(relation_id)?))).await
}

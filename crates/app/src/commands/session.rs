//! The vault itself: status, create, unlock (also when already unlocked: the passphrase is still
//! checked), recover, lock, passphrase, activity and settings.

use vault::{RecoveryKey, Vault};

use crate::contract::*;
use crate::env::Env;
use crate::error::{AppResult, ErrorCode};
use crate::input::{AcceptedPassphrase, given};
use crate::views::{CreatedVault, Language, Settings, VaultState, VaultStatus};

pub fn vault_status(env: &mut Env<'_>, _: VaultStatusRequest) -> AppResult<VaultStatus> {
    let state = if env.slot().is_some() {
        VaultState::Unlocked
    } else if Vault::exists(env.dir) {
        VaultState::Locked
    } else {
        VaultState::Missing
    };
    Ok(VaultStatus { state, auto_lock_minutes: env.auto_lock_minutes, practice: env.practice })
}

pub fn passphrase_strength(_: &mut Env<'_>, r: PassphraseStrengthRequest) -> AppResult<domain::passphrase::Strength> {
    Ok(domain::passphrase::strength(r.passphrase.expose()))
}

/// Installs an opened vault and tells the host to start its idle timer with the vault's setting.
fn opened(env: &mut Env<'_>, v: Vault) -> AppResult<()> {
    let minutes = v.settings().get()?.auto_lock_minutes;
    *env.slot() = Some(v);
    env.effects.unlocked = true;
    env.effects.auto_lock_minutes = Some(minutes);
    Ok(())
}

pub fn vault_create(env: &mut Env<'_>, r: VaultCreateRequest) -> AppResult<CreatedVault> {
    env.real_vault_only()?;
    let passphrase = AcceptedPassphrase::check(r.passphrase)?;
    let (v, recovery) = Vault::create(env.dir, passphrase.as_vault(), env.kdf)?;
    let recovery_key = recovery.to_display_string().to_string();
    opened(env, v)?;
    Ok(CreatedVault { recovery_key })
}

pub fn vault_unlock(env: &mut Env<'_>, r: VaultUnlockRequest) -> AppResult<()> {
    env.real_vault_only()?;
    let passphrase = given(&r.passphrase);
    {
        let slot = env.slot();
        if let Some(v) = slot.as_ref() {
            // Already open (a second window, a retry): the passphrase must still be the right one.
            Vault::unwrap_dek(v.paths(), &passphrase)?;
            return Ok(());
        }
    }
    let v = Vault::open(env.dir, &passphrase)?;
    // A practice vault copied into the real vault's place is not used as the real one.
    if v.settings().is_practice()? {
        return Err(ErrorCode::PracticeVaultMismatch.into());
    }
    opened(env, v)
}

pub fn vault_recover(env: &mut Env<'_>, r: VaultRecoverRequest) -> AppResult<()> {
    env.real_vault_only()?;
    let new = AcceptedPassphrase::check(r.new_passphrase)?;
    let key = RecoveryKey::parse(r.recovery_key.expose())?;
    // An open vault is closed first: the recovered one replaces it.
    env.slot().take();
    let v = Vault::open_with_recovery_key(env.dir, &key, new.as_vault())?;
    opened(env, v)
}

pub fn vault_lock(env: &mut Env<'_>, _: VaultLockRequest) -> AppResult<()> {
    let was_open = env.slot().take().is_some();
    env.effects.locked = was_open;
    // Locking (also quick hide) leaves practice mode: the next screen is the real vault's.
    if env.practice {
        env.effects.practice = Some(false);
    }
    Ok(())
}

pub fn vault_change_passphrase(env: &mut Env<'_>, r: VaultChangePassphraseRequest) -> AppResult<()> {
    env.real_vault_only()?;
    let old = given(&r.old_passphrase);
    let new = AcceptedPassphrase::check(r.new_passphrase)?;
    env.vault(|v| Ok(v.change_passphrase(&old, new.as_vault())?))
}

pub fn activity(env: &mut Env<'_>, _: ActivityRequest) -> AppResult<()> {
    env.effects.activity = true;
    Ok(())
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

pub fn settings_get(env: &mut Env<'_>, _: SettingsGetRequest) -> AppResult<Settings> {
    env.vault(|v| Ok(to_settings(v.settings().get()?)))
}

pub fn settings_set(env: &mut Env<'_>, r: SettingsSetRequest) -> AppResult<Settings> {
    let minutes = r.settings.auto_lock_minutes;
    if !(vault::repo::settings::AUTO_LOCK_MINUTES_MIN..=vault::repo::settings::AUTO_LOCK_MINUTES_MAX).contains(&minutes) {
        return Err(ErrorCode::OutOfRange.into());
    }
    let saved = env.vault(|v| {
        let repo = v.settings();
        repo.set_auto_lock_minutes(minutes)?;
        repo.set_language(match r.settings.language {
            Language::Nl => vault::Language::Nl,
            Language::En => vault::Language::En,
        })?;
        Ok(to_settings(repo.get()?))
    })?;
    env.effects.auto_lock_minutes = Some(saved.auto_lock_minutes);
    Ok(saved)
}

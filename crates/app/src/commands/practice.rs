//! Practice mode (issue 12, point 2; domain.md §10): a separate practice vault (`oefenkluis`) with
//! fictional families, never mixed with real data.
//!
//! - The practice vault is its own folder and file, beside the real vault, with a passphrase built into the
//!   app (it holds fictional families only, so a newcomer or a training group needs none) and marked
//!   inside the encrypted database (`SettingsRepo::mark_practice`) and by a plain file in its folder.
//! - Only one vault is ever open: opening the practice vault closes the real one, and locking (quick hide,
//!   the idle lock) or leaving practice mode closes the practice vault. So no command can see ids of both
//!   at once: an id of the other vault is simply not found, and there is no command that takes a vault or
//!   a folder to copy from.
//! - What only the real vault does is refused in practice mode (`Env::real_vault_only`: backups, restore,
//!   its passphrase, unlocking it); a practice folder is never restored as the real vault, and a practice
//!   vault in the real vault's place (or a real one in the practice folder) is refused.
//! - The host says `OEFENMODUS` in the window title while practice mode is on; the UI says it on every
//!   screen (`vault_status.practice`).
//!
//! The first time the practice vault is opened it gets one practice family ([`FIRST_RUN_CASE`] from
//! `assets/training/`): its household only — the persons and their relations — so the newcomer holds the
//! conversations, records what each person tells and builds the analysis and plan themselves.

use std::path::Path;

use domain::training::{PracticeCase, PracticeCaseSummary};
use domain::{PersonInput, RelationInput, ValidPerson};
use uuid::Uuid;
use vault::{Passphrase, Vault, VaultError};

use crate::contract::*;
use crate::env::Env;
use crate::error::{AppResult, ErrorCode};
use crate::views::{PracticeOpened, RoleCardsExported};

/// The practice vault's passphrase, built in: it holds fictional families only.
const PRACTICE_PASSPHRASE: &str = "oefenkluis van Samen Kijken met alleen verzonnen gezinnen";

/// The plain file that marks a practice vault's folder (copied along if someone copies the folder).
pub const MARKER_FILE: &str = "OEFENKLUIS.txt";
const MARKER_TEXT: &str = "Deze map is de oefenkluis van Samen Kijken. Er staan alleen verzonnen gezinnen in.\n\
Zet hier nooit echte gegevens in. Samen Kijken gebruikt deze map nooit als echte kluis.\n";

/// The practice family a new practice vault starts with.
pub const FIRST_RUN_CASE: &str = "oefen.meidoorn";

/// Is `dir` a practice vault's folder?
pub fn is_practice_folder(dir: &Path) -> bool {
    dir.join(MARKER_FILE).is_file()
}

/// Opens practice mode: closes the vault that is open, opens (or, the first time, makes) the practice
/// vault, and gives a new practice vault its first family.
pub fn practice_open(env: &mut Env<'_>, _: PracticeOpenRequest) -> AppResult<PracticeOpened> {
    if Vault::exists(env.practice_dir) && !is_practice_folder(env.practice_dir) {
        return Err(ErrorCode::PracticeVaultMismatch.into());
    }
    // Only one vault is ever open: the real one is closed first (the UI forgets what it showed of it).
    env.slot().take();
    let passphrase = Passphrase::new(PRACTICE_PASSPHRASE);
    let v = if Vault::exists(env.practice_dir) {
        let v = Vault::open(env.practice_dir, &passphrase).map_err(|e| match e {
            // Another passphrase: not a practice vault of this app.
            VaultError::WrongPassphrase => ErrorCode::PracticeVaultMismatch.into(),
            e => crate::AppError::from(e),
        })?;
        if !v.settings().is_practice()? {
            return Err(ErrorCode::PracticeVaultMismatch.into());
        }
        v
    } else {
        let (v, _recovery) = Vault::create(env.practice_dir, &passphrase, env.kdf)?;
        v.settings().mark_practice()?;
        vault::write_file_atomic(&env.practice_dir.join(MARKER_FILE), MARKER_TEXT.as_bytes())?;
        v
    };
    let case_id = if v.cases().list()?.is_empty() {
        let family = ::content::training::practice_cases()
            .into_iter()
            .find(|c| c.id == FIRST_RUN_CASE)
            .ok_or(ErrorCode::Internal)?;
        Some(store_household(env, &v, &family)?)
    } else {
        None
    };
    let minutes = v.settings().get()?.auto_lock_minutes;
    *env.slot() = Some(v);
    env.effects.unlocked = true;
    env.effects.auto_lock_minutes = Some(minutes);
    env.effects.practice = Some(true);
    Ok(PracticeOpened { case_id })
}

/// Leaves practice mode: the practice vault is closed and the real vault's unlock screen follows.
pub fn practice_close(env: &mut Env<'_>, _: PracticeCloseRequest) -> AppResult<()> {
    if !env.practice {
        return Ok(());
    }
    env.slot().take();
    env.effects.locked = true;
    env.effects.practice = Some(false);
    Ok(())
}

/// Stores a practice family's household (case, persons, relations) as a new case; returns its id.
fn store_household(env: &Env<'_>, v: &Vault, family: &PracticeCase) -> AppResult<Uuid> {
    let reference = family.reference_snapshot(&env.content.content.guides).map_err(|_| ErrorCode::Internal)?;
    let household = reference.snapshot.household;
    let case = v.cases().create(&household.case.label)?;
    let year = env.clock.year();
    let mut ids = std::collections::BTreeMap::new();
    for p in &household.persons {
        let input = PersonInput {
            role: p.role,
            name: p.name.clone(),
            year_of_birth: p.year_of_birth,
            gender: p.gender,
            lives_in_household: p.lives_in_household,
            notes: String::new(),
            language: Default::default(),
        };
        let stored = v.persons().add_valid(case.id, ValidPerson::new(input, year)?)?;
        ids.insert(p.id, stored.id);
    }
    for r in &household.relations {
        let (Some(from), Some(to)) = (ids.get(&r.from), ids.get(&r.to)) else {
            return Err(ErrorCode::Internal.into());
        };
        v.relations().add(case.id, RelationInput { from: *from, to: *to, kind: r.kind.clone() })?;
    }
    // Which family this case is, and who is who in it: a participant's work names persons as the family does.
    let persons = reference.persons.iter().filter_map(|(local, r)| ids.get(r).map(|stored| (*stored, local.clone()))).collect();
    super::training::remember_origin(v, case.id, &super::training::Origin { family: family.id.clone(), version: family.version, persons })?;
    Ok(case.id)
}

/// The shipped practice families (fictional), by id.
fn practice_case(id: &str) -> AppResult<PracticeCase> {
    ::content::training::practice_cases().into_iter().find(|c| c.id == id).ok_or_else(|| ErrorCode::NotFound.into())
}

/// The practice families a trainer can use: what each teaches, never its reference.
pub fn practice_cases_list(env: &mut Env<'_>, _: PracticeCasesListRequest) -> AppResult<Vec<PracticeCaseSummary>> {
    env.vault(|_| Ok(()))?;
    Ok(::content::training::practice_cases().iter().map(PracticeCase::summary).collect())
}

/// Adds a practice family's household to the practice vault as a new case. Only in practice mode: a
/// fictional family never enters a real vault.
pub fn practice_case_add(env: &mut Env<'_>, r: PracticeCaseAddRequest) -> AppResult<domain::Case> {
    env.vault(|_| Ok(()))?;
    if !env.practice {
        return Err(ErrorCode::PracticeOnly.into());
    }
    let family = practice_case(&r.practice_case_id)?;
    env.vault(|v| {
        let id = store_household(env, v, &family)?;
        Ok(v.cases().get(id)?)
    })
}

/// Saves the role cards of a practice family as a PDF where the user chooses: one page per family member
/// with the account that person gives (issue 12, point 3). Fictional text only; nothing of a vault.
pub fn role_cards_export(env: &mut Env<'_>, r: RoleCardsExportRequest) -> AppResult<RoleCardsExported> {
    env.vault(|_| Ok(()))?;
    let family = practice_case(&r.practice_case_id)?;
    let pdf = plan::shared().role_cards_pdf(&family.role_cards())?;
    let name = format!("rolkaarten-{}.pdf", family.id.trim_start_matches("oefen."));
    let saved = env.shell.save_pdf_titled("Rolkaarten opslaan als PDF", &name, &pdf)?;
    Ok(RoleCardsExported { saved })
}

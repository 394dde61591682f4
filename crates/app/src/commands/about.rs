//! What the About dialog shows: the app's version and licence, where this laptop keeps the vault, and
//! where the licences of the software it is built from are. Works in every state (also before a vault
//! exists, or while it is locked): it reads no case data.

use crate::contract::AboutGetRequest;
use crate::env::Env;
use crate::error::AppResult;
use crate::views::About;

/// The app's own licence (SPDX), as in the workspace manifest.
pub const LICENCE: &str = env!("CARGO_PKG_LICENSE");

pub fn about_get(env: &mut Env<'_>, _: AboutGetRequest) -> AppResult<About> {
    Ok(About {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        licence: LICENCE.to_owned(),
        vault_folder: env.dir.display().to_string(),
        vault_exists: vault::Vault::exists(env.dir),
        third_party_licences: env.shell.third_party_licences().map(|p| p.display().to_string()),
    })
}

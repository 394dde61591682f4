//! Samen Kijken's command layer: one function per IPC command, knowing nothing of Tauri.
//!
//! A command takes an [`Env`] (the vault slot, the content, the clock, what only the host can do) and a
//! typed request, and returns a typed response or an [`ErrorCode`]. The commands and their types are
//! declared once, in [`contract`]; the Tauri shell (`src-tauri`) generates its handlers from that list
//! and only adds state and threading, and `contract-gen` writes the UI's TypeScript client from it.
//!
//! Where a rule goes: a rule that needs only values lives in `domain` (pure, tested with tables); a rule
//! that needs the vault or the content — an id must belong to the case, a question to the conversation's
//! guide, a pre-check must be done — lives here, in [`commands`]; the shell and the UI hold none.
//!
//! Dependencies: `src-tauri → app → plan, vault, content → domain`.

pub mod clock;
pub mod commands;
pub mod content;
pub mod contract;
pub mod env;
pub mod error;
pub mod input;
pub mod limits;
pub mod views;
#[cfg(feature = "test-host")]
pub mod host;
#[cfg(feature = "test-host")]
pub mod codegen;

pub use clock::Clock;
pub use content::Content;
pub use commands::load_display;
pub use contract::{call, dispatch, COMMANDS};
pub use env::{Effects, Env, FileKind, FilePurpose, FolderPurpose, Shell};
pub use error::{AppError, AppResult, ErrorCode, IpcError};
pub use input::Secret;
pub use uuid::Uuid;
pub use chrono::NaiveDate;
pub use vault::{KdfParams, Vault, write_file_atomic};
/// The domain crate, for paths in [`with_contract!`].
pub use domain;

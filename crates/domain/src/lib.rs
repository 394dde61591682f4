//! The model and the rules of Samen Kijken.
//!
//! Pure Rust: no IO, no async, no Tauri. Everything here can be tested with plain values. Storage lives
//! in `vault`, documents in `plan`, and the desktop shell in `src-tauri`.
//!
//! Names are English in code; domain words keep their Dutch name where no faithful English one exists
//! (`plegerpositie`, `veiligheidsplan`, `gezin in de stress`). The user only ever sees Dutch (or the
//! English UI translation), which lives in the UI's i18n catalogue, not here.

pub mod error;
pub mod household;
pub mod passphrase;
/// Safety plan model and audience filtering (owned by the plan work).
pub mod plan;

pub use error::DomainError;
pub use household::*;

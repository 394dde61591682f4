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
/// The languages a reader's plan version can be printed in.
pub mod language;
pub mod passphrase;
/// Checked input as types (a validated person).
pub mod valid;
/// Safety plan model and audience filtering (owned by the plan work).
pub mod plan;

pub use error::DomainError;
pub use household::*;
pub use language::PlanLanguage;
pub use valid::ValidPerson;

/// The behaviour catalogue's shape, frequency categories and red-flag vocabulary (§5).
pub mod catalogue;
/// Behaviour records: "wie doet wat tegen wie" (§5).
pub mod behaviour;
/// Conversations, answers, confidentiality and the child pre-check (§4).
pub mod conversation;
/// Conversation guides as data (§4).
pub mod guide;
/// Indicators and the five family profiles' indicator lists (§6.3).
pub mod indicators;
/// Profile cards, red-flag texts, indicator labels, victim-blaming phrases (shapes of content data).
pub mod cards;
/// The analysis: severity, pattern, profiles, red flags, coverage, perspectives, reviews (§6).
pub mod analysis;
/// Guard-rails (§7).
pub mod guardrails;
/// Which guide, pre-check and default confidentiality fit a person (§4).
pub mod guidance;
/// The family picture: genogram data with who→whom arrows for the recorded behaviours.
pub mod picture;
/// Relations proposed from the roles, so the household is entered on one screen.
pub mod proposals;
/// Meldcode steps, weighing questions and log (§8).
pub mod meldcode;
/// The draft of a report to Veilig Thuis, with a source for every statement.
pub mod melding;
/// The case on one time axis: dated events by kind.
pub mod timeline;
/// What the case list shows of each case: red-flag marker, next evaluation, note tags (a stored cache).
pub mod caselist;
/// The professional's dated notes with their versions (§11).
pub mod notes;
/// The access request (`inzage`) per person: what they said and what is about them, leaving out what
/// is confidential to someone else (§12).
pub mod inzage;
/// Full-text search: the query language and what a result carries (§11).
pub mod search;
/// Retention dates: the default, when a case is due, extending (§12).
pub mod retention;
/// A person's correction or objection attached to an answer, record or note (§12).
pub mod corrections;
pub mod training;
/// A participant's work on a practice case and the trainer's comparison (issue 12, point 4).
pub mod exercise;
/// The handover file: one case, or chosen parts, for another vault (what it holds, its ids).
pub mod handover;
/// A fictional example family with its hand-written expected analysis, for tests in any crate.
#[cfg(feature = "fixture")]
pub mod fixture;

pub use analysis::{Analysis, CaseSnapshot, Evidence, analyse};
pub use behaviour::*;
pub use cards::*;
pub use catalogue::*;
pub use conversation::*;
pub use guide::*;
pub use indicators::{Expect, IndicatorSource, ProfileKind};
pub use meldcode::*;

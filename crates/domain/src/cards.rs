//! Texts the analysis is shown with: profile and `beschermingsarrangement` cards, red-flag
//! definitions, indicator labels and the victim-blaming phrase list. All data in `assets/`, loaded by
//! `content`; the shapes live here so the rules and the UI share them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{IndicatorSource, ProfileKind, RedFlag};

/// The mix of help, protection and sanctions that fits a profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Arrangement {
    pub focus: String,
    pub voluntary_help: Vec<String>,
    pub protection: Vec<String>,
    #[serde(default)]
    pub sanctions: Vec<String>,
    /// What not to do with this profile (e.g. no mediation with intieme terreur).
    #[serde(default)]
    pub avoid: Vec<String>,
    /// Which partners work together (Veilig Thuis, police, specialist help, ...).
    #[serde(default)]
    pub partners: Vec<String>,
    /// What each person needs: both adults and each child.
    #[serde(default)]
    pub needs: Vec<PersonNeedText>,
}

/// What one person (by position or role, never by label) needs under an arrangement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonNeedText {
    /// e.g. "De ouder in de slachtofferpositie", "Elk kind".
    pub who: String,
    pub needs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProfileCard {
    pub id: String,
    pub profile: ProfileKind,
    pub title: String,
    pub summary: String,
    /// What to look out for in this kind of family.
    pub signs: Vec<String>,
    pub arrangement: Arrangement,
    #[serde(default)]
    pub related_red_flags: Vec<RedFlag>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RedFlagDef {
    pub id: RedFlag,
    pub label: String,
    pub explanation: String,
    /// What the professional asks to find out more.
    #[serde(default)]
    pub ask: Vec<String>,
}

/// An action suggested when acute unsafety may be present.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AcuteActionDef {
    pub id: String,
    pub label: String,
    pub help: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RedFlagSet {
    pub version: u32,
    /// "Mogelijk acute onveiligheid — handel binnen 24 uur"
    pub acute_title: String,
    pub acute_actions: Vec<AcuteActionDef>,
    pub flags: Vec<RedFlagDef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IndicatorDef {
    pub id: String,
    pub label: String,
    pub source: IndicatorSource,
}

/// About whom a blaming phrase blames (see `guardrails::victim_blaming_hints_in`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PhraseSubject {
    /// Whoever the sentence is about.
    #[default]
    Any,
    /// Unless the sentence names only a person in the plegerpositie.
    NotActor,
    /// Only when the sentence names a person in the slachtofferpositie (a demand on them).
    Victim,
}

/// A phrase that puts the responsibility on the person in the `slachtofferpositie`, with a
/// suggestion that turns towards the behaviour of the person in the `plegerpositie`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BlamingPhrase {
    pub id: String,
    /// Lower-case words: alternatives with `|`, a stem ends in `*`; up to two other words may stand
    /// between two pattern words. E.g. `moet|moeten kinderen beschermen`.
    pub pattern: String,
    pub suggestion: String,
    #[serde(default)]
    pub subject: PhraseSubject,
    /// Words (same syntax) that cancel the hint when they are in the sentence, e.g. `niemand`.
    #[serde(default)]
    pub unless: Vec<String>,
}

//! The fixed texts of a reader's plan version in each language (issue 15.3), compiled in from
//! `assets/plan_i18n/<code>.toml`.
//!
//! Each file has a `[review]` table (the language, whether a native speaker reviewed the texts, and who)
//! and a `[text]` table of keys. Dutch is the source: every other file has exactly its keys
//! (`crates/plan/tests/i18n.rs`). A file whose texts were not yet reviewed by a native speaker says
//! `reviewed = false`; see the README, "Translations of the plan".

use domain::PlanLanguage;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The translation files, compiled in, by language.
pub const FILES: [(PlanLanguage, &str); 6] = [
    (PlanLanguage::Nl, include_str!("../../../assets/plan_i18n/nl.toml")),
    (PlanLanguage::En, include_str!("../../../assets/plan_i18n/en.toml")),
    (PlanLanguage::Tr, include_str!("../../../assets/plan_i18n/tr.toml")),
    (PlanLanguage::Ar, include_str!("../../../assets/plan_i18n/ar.toml")),
    (PlanLanguage::Pl, include_str!("../../../assets/plan_i18n/pl.toml")),
    (PlanLanguage::Uk, include_str!("../../../assets/plan_i18n/uk.toml")),
];

/// Whether a language's texts were reviewed by a native speaker, and by whom.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// The file's language code; must match the file.
    pub language: String,
    /// `false` for texts that no native speaker has reviewed yet (machine-made or written by the team).
    pub reviewed: bool,
    /// Who reviewed (a role or initials, no contact details); empty while not reviewed.
    #[serde(default)]
    pub reviewed_by: String,
}

/// One language file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageFile {
    pub review: Review,
    pub text: BTreeMap<String, String>,
}

/// Parses the compiled-in file of `language`.
pub fn file(language: PlanLanguage) -> Result<LanguageFile, toml::de::Error> {
    let source = FILES.iter().find(|(l, _)| *l == language).map_or("", |(_, s)| *s);
    toml::from_str(source)
}

/// The texts of every language, ready for the templates.
#[derive(Debug, Clone)]
pub struct Texts(Vec<(PlanLanguage, serde_json::Value)>);

impl Texts {
    /// Parses every file. A file that does not parse gives an empty table: rendering in that language
    /// then fails with a layout error instead of showing wrong words (the tests parse every file).
    pub fn load() -> Texts {
        Texts(
            PlanLanguage::ALL
                .iter()
                .map(|l| {
                    let table = file(*l).map(|f| f.text).unwrap_or_default();
                    (*l, serde_json::to_value(table).unwrap_or_default())
                })
                .collect(),
        )
    }

    /// The table of `language` as the templates read it (`tekst.<key>`).
    pub fn json(&self, language: PlanLanguage) -> serde_json::Value {
        self.0.iter().find(|(l, _)| *l == language).map(|(_, v)| v.clone()).unwrap_or_default()
    }
}

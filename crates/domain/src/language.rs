//! The languages a reader's version of the safety plan can be printed in (issue 15.3).
//!
//! Each person has a preferred language ([`crate::Person::language`], Dutch unless chosen). Their
//! version of the plan uses it for every fixed text (the translations are data in
//! `assets/plan_i18n/`); the professional's free text stays as written, unless a translation for that
//! language was entered beside the item ([`crate::plan::Item::translations`]).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A language of a printed plan. Dutch is the source; the others are translations of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Language {
    /// Nederlands (the source).
    #[default]
    Nl,
    /// English.
    En,
    /// Türkçe.
    Tr,
    /// العربية (right to left).
    Ar,
    /// Polski.
    Pl,
    /// Українська.
    Uk,
}

impl Language {
    /// Every language, in the order the person form lists them.
    pub const ALL: [Language; 6] = [Language::Nl, Language::En, Language::Tr, Language::Ar, Language::Pl, Language::Uk];

    /// The ISO 639-1 code (also the name of the translation file and Typst's `lang`).
    pub fn code(self) -> &'static str {
        match self {
            Language::Nl => "nl",
            Language::En => "en",
            Language::Tr => "tr",
            Language::Ar => "ar",
            Language::Pl => "pl",
            Language::Uk => "uk",
        }
    }

    /// The language's own name for itself (shown in the person form's select).
    pub fn endonym(self) -> &'static str {
        match self {
            Language::Nl => "Nederlands",
            Language::En => "English",
            Language::Tr => "Türkçe",
            Language::Ar => "العربية",
            Language::Pl => "Polski",
            Language::Uk => "Українська",
        }
    }

    /// Written right to left.
    pub fn right_to_left(self) -> bool {
        self == Language::Ar
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_the_serde_names_and_unique() {
        for l in Language::ALL {
            assert_eq!(serde_json::to_value(l).unwrap(), serde_json::Value::String(l.code().to_owned()));
        }
        let mut codes: Vec<_> = Language::ALL.iter().map(|l| l.code()).collect();
        codes.dedup();
        assert_eq!(codes.len(), 6);
        assert_eq!(Language::default(), Language::Nl);
        assert!(Language::Ar.right_to_left() && !Language::Uk.right_to_left());
    }
}

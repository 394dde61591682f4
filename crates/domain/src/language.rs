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
pub enum PlanLanguage {
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

impl PlanLanguage {
    /// Every language, in the order the person form lists them.
    pub const ALL: [PlanLanguage; 6] = [PlanLanguage::Nl, PlanLanguage::En, PlanLanguage::Tr, PlanLanguage::Ar, PlanLanguage::Pl, PlanLanguage::Uk];

    /// The ISO 639-1 code (also the name of the translation file and Typst's `lang`).
    pub fn code(self) -> &'static str {
        match self {
            PlanLanguage::Nl => "nl",
            PlanLanguage::En => "en",
            PlanLanguage::Tr => "tr",
            PlanLanguage::Ar => "ar",
            PlanLanguage::Pl => "pl",
            PlanLanguage::Uk => "uk",
        }
    }

    /// The language's own name for itself (shown in the person form's select).
    pub fn endonym(self) -> &'static str {
        match self {
            PlanLanguage::Nl => "Nederlands",
            PlanLanguage::En => "English",
            PlanLanguage::Tr => "Türkçe",
            PlanLanguage::Ar => "العربية",
            PlanLanguage::Pl => "Polski",
            PlanLanguage::Uk => "Українська",
        }
    }

    /// Written right to left.
    pub fn right_to_left(self) -> bool {
        self == PlanLanguage::Ar
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_the_serde_names_and_unique() {
        for l in PlanLanguage::ALL {
            assert_eq!(serde_json::to_value(l).unwrap(), serde_json::Value::String(l.code().to_owned()));
        }
        let mut codes: Vec<_> = PlanLanguage::ALL.iter().map(|l| l.code()).collect();
        codes.dedup();
        assert_eq!(codes.len(), 6);
        assert_eq!(PlanLanguage::default(), PlanLanguage::Nl);
        assert!(PlanLanguage::Ar.right_to_left() && !PlanLanguage::Uk.right_to_left());
    }
}

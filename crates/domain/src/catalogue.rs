//! The behaviour catalogue (domain.md §5): what can be recorded as "wie doet wat tegen wie".
//!
//! The items themselves (ids, Dutch labels, weights, red-flag markers) are data in
//! `assets/catalogue/`, loaded by the `content` crate. This module holds their shape, the fixed
//! vocabularies the rules depend on (categories, weights, control domains, red flags) and the
//! frequency categories with their yearly estimates.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::guide::Feed;

/// What kind of behaviour an item is. Behaviours towards a child use the same physical, psychological
/// and sexual items as between adults; neglect and witnessing only exist towards a child.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum BehaviourCategory {
    Psychological,
    Physical,
    Sexual,
    /// `dwingende controle`; each item names the life domain it controls.
    CoerciveControl,
    /// `belaging`
    Stalking,
    Economic,
    /// Physical or emotional neglect of a child.
    ChildNeglect,
    /// A child seeing, hearing or noticing the aftermath of violence between adults.
    ChildWitnessing,
    /// A consequence of violence (bruise, fracture, ...), recorded as actor → target.
    Injury,
}

impl BehaviourCategory {
    /// Counted in P when it happens between (ex-)partners (§6.1).
    pub fn counts_as_partner_violence(self) -> bool {
        matches!(self, Self::Psychological | Self::Physical | Self::Sexual)
    }

    /// Counted as a child-abuse incident when the target is a child (§6.1).
    pub fn counts_as_child_abuse(self) -> bool {
        matches!(self, Self::Psychological | Self::Physical | Self::Sexual | Self::ChildNeglect)
    }
}

/// `licht` / `ernstig`
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Weight {
    Licht,
    Ernstig,
}

/// The life domains coercive control reaches into (§5, §6.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ControlDomain {
    /// Cutting off friends and family.
    Isolation,
    /// Phone, location, messages, social media.
    Monitoring,
    Money,
    /// Jealousy and possessiveness.
    Jealousy,
    /// Where one may go, work or study.
    Movement,
    /// Deciding everything.
    Decisions,
    /// Degrading, taking away self-worth.
    Degrading,
    /// Using the children to control.
    Children,
}

/// The red flags of §6.4. Their Dutch texts live in `assets/redflags/`; the rules that find them in
/// `analysis::redflags`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RedFlag {
    /// Strangling, choking or smothering, ever.
    Strangulation,
    ThreatToKill,
    /// A weapon used, threatened with, or available.
    Weapon,
    /// Separation (recent, planned or feared) together with coercive control.
    SeparationWithControl,
    Stalking,
    /// Violence getting more frequent or more severe.
    Escalation,
    /// The victim fears for their life.
    FearForLife,
    ForcedSex,
    ViolenceDuringPregnancy,
    /// A child injured, threatened or drawn into the violence.
    ChildHarmed,
    /// The controlling partner threatens suicide.
    SuicideThreat,
    HonourRelatedThreat,
    /// Both `intieme terreur` and `complexe scheiding` are likely: separation from a controlling partner.
    IntimateTerrorAndSeparation,
}

impl RedFlag {
    pub const ALL: [RedFlag; 13] = [
        RedFlag::Strangulation,
        RedFlag::ThreatToKill,
        RedFlag::Weapon,
        RedFlag::SeparationWithControl,
        RedFlag::Stalking,
        RedFlag::Escalation,
        RedFlag::FearForLife,
        RedFlag::ForcedSex,
        RedFlag::ViolenceDuringPregnancy,
        RedFlag::ChildHarmed,
        RedFlag::SuicideThreat,
        RedFlag::HonourRelatedThreat,
        RedFlag::IntimateTerrorAndSeparation,
    ];

    /// The id used in data files and conclusion keys (same as the serde name).
    pub fn id(self) -> &'static str {
        match self {
            RedFlag::Strangulation => "strangulation",
            RedFlag::ThreatToKill => "threat_to_kill",
            RedFlag::Weapon => "weapon",
            RedFlag::SeparationWithControl => "separation_with_control",
            RedFlag::Stalking => "stalking",
            RedFlag::Escalation => "escalation",
            RedFlag::FearForLife => "fear_for_life",
            RedFlag::ForcedSex => "forced_sex",
            RedFlag::ViolenceDuringPregnancy => "violence_during_pregnancy",
            RedFlag::ChildHarmed => "child_harmed",
            RedFlag::SuicideThreat => "suicide_threat",
            RedFlag::HonourRelatedThreat => "honour_related_threat",
            RedFlag::IntimateTerrorAndSeparation => "intimate_terror_and_separation",
        }
    }

    pub fn from_id(id: &str) -> Option<RedFlag> {
        RedFlag::ALL.into_iter().find(|f| f.id() == id)
    }
}

/// Whom an item can be recorded against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TargetKind {
    #[default]
    Anyone,
    /// Only towards a child (neglect, witnessing, sexual abuse of a child).
    Child,
    /// Only towards an (ex-)partner (e.g. refusing condom use).
    Partner,
}

/// One item of the behaviour catalogue, e.g. `fys.wurgen`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BehaviourDef {
    /// Stable id, `<category prefix>.<name>`, never reused for something else.
    pub id: String,
    /// Dutch, written as behaviour: "duwen", "dreigen te doden".
    pub label: String,
    /// Optional help for the professional (Dutch).
    #[serde(default)]
    pub help: String,
    pub category: BehaviourCategory,
    pub weight: Weight,
    /// The life domain, for coercive control and for stalking/economic items that control a domain.
    #[serde(default)]
    pub control_domain: Option<ControlDomain>,
    /// Red flags this behaviour raises whenever it is reported (ever, not only in the last year).
    #[serde(default)]
    pub red_flags: Vec<RedFlag>,
    #[serde(default)]
    pub targets: TargetKind,
}

/// The behaviour catalogue plus the link from guide questions to indicators (`feeds`), which is what
/// the analysis needs to read structured answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, Default)]
#[ts(export)]
pub struct Catalogue {
    pub version: u32,
    pub items: Vec<BehaviourDef>,
    /// question id → the indicators its answers feed; collected from all guides by `content`.
    #[serde(default)]
    pub question_feeds: BTreeMap<String, Vec<Feed>>,
}

impl Catalogue {
    pub fn item(&self, id: &str) -> Option<&BehaviourDef> {
        self.items.iter().find(|i| i.id == id)
    }

    /// An id → item index, built once per analysis.
    pub fn index(&self) -> BTreeMap<&str, &BehaviourDef> {
        self.items.iter().map(|i| (i.id.as_str(), i)).collect()
    }
}

/// How often a behaviour happened in the last 12 months, as asked (§5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Frequency {
    /// Not in the last 12 months, but before: 0 for the year, kept for history.
    NotLastYearButBefore,
    Once,
    Twice,
    ThreeToFive,
    SixToTen,
    ElevenToTwenty,
    MoreThanTwenty,
}

impl Frequency {
    pub const ALL: [Frequency; 7] = [
        Frequency::NotLastYearButBefore,
        Frequency::Once,
        Frequency::Twice,
        Frequency::ThreeToFive,
        Frequency::SixToTen,
        Frequency::ElevenToTwenty,
        Frequency::MoreThanTwenty,
    ];

    /// Estimate per year by the category midpoint.
    pub fn yearly_estimate(self) -> u32 {
        match self {
            Frequency::NotLastYearButBefore => 0,
            Frequency::Once => 1,
            Frequency::Twice => 2,
            Frequency::ThreeToFive => 4,
            Frequency::SixToTen => 8,
            Frequency::ElevenToTwenty => 15,
            Frequency::MoreThanTwenty => 25,
        }
    }
}

/// The kinds of child abuse the analysis shows (§2.1, §6.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ChildAbuseKind {
    Physical,
    Psychological,
    Neglect,
    Sexual,
    /// Witnessing violence between adults: child abuse in its own right, not in the §6.1 count.
    Witnessing,
}

impl ChildAbuseKind {
    pub fn of(category: BehaviourCategory) -> Option<ChildAbuseKind> {
        match category {
            BehaviourCategory::Physical | BehaviourCategory::Injury => Some(ChildAbuseKind::Physical),
            BehaviourCategory::Psychological => Some(ChildAbuseKind::Psychological),
            BehaviourCategory::ChildNeglect => Some(ChildAbuseKind::Neglect),
            BehaviourCategory::Sexual => Some(ChildAbuseKind::Sexual),
            BehaviourCategory::ChildWitnessing => Some(ChildAbuseKind::Witnessing),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequency_midpoints_follow_section_5() {
        let table = [
            (Frequency::NotLastYearButBefore, 0),
            (Frequency::Once, 1),
            (Frequency::Twice, 2),
            (Frequency::ThreeToFive, 4),
            (Frequency::SixToTen, 8),
            (Frequency::ElevenToTwenty, 15),
            (Frequency::MoreThanTwenty, 25),
        ];
        for (f, n) in table {
            assert_eq!(f.yearly_estimate(), n, "{f:?}");
        }
    }

    #[test]
    fn red_flag_ids_round_trip_and_match_serde() {
        for f in RedFlag::ALL {
            assert_eq!(RedFlag::from_id(f.id()), Some(f));
            assert_eq!(serde_json::to_string(&f).unwrap(), format!("\"{}\"", f.id()));
        }
    }
}

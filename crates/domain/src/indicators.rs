//! Indicators: the named facts the family profiles (§6.3) and some red flags (§6.4) are built from.
//!
//! Two kinds. *Answer* indicators are marked by guide answers through a question's `feeds` (e.g. a
//! "yes" to `vol.stress.schulden` marks `stressor.debts`). *Derived* indicators are computed from
//! behaviour records and the household (e.g. `records.sexual_violence`). The ids are fixed here because
//! the rules use them; their Dutch labels are data (`assets/catalogue/indicators.toml`) and the content
//! validation checks that both sides match.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ControlDomain, RedFlag};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum IndicatorSource {
    Answer,
    Derived,
}

// Answer indicators.
pub const STRESSOR_DEBTS: &str = "stressor.debts";
pub const STRESSOR_WORK_LOSS: &str = "stressor.work_loss";
pub const STRESSOR_ILLNESS_OR_LOSS: &str = "stressor.illness_or_loss";
pub const STRESSOR_SUBSTANCE_USE: &str = "stressor.substance_use";
pub const STRESSOR_HOUSING: &str = "stressor.housing";
pub const FEAR_CHRONIC: &str = "fear.chronic";
pub const FEAR_FOR_LIFE: &str = "fear.for_life";
pub const CONFLICT_ESCALATES_FAST: &str = "conflict.escalates_fast";
pub const RELATIONSHIP_GOOD_MOMENTS: &str = "relationship.good_moments";
pub const CHILD_BEHAVIOUR_PROBLEMS: &str = "child.behaviour_problems";
pub const PARENTING_STRESS: &str = "parenting.stress";
pub const PARENTING_DISAGREEMENT: &str = "parenting.disagreement";
pub const PARENT_INTELLECTUAL_DISABILITY: &str = "parent.intellectual_disability";
pub const PARENT_PSYCHIATRIC: &str = "parent.psychiatric";
pub const PARENT_ADDICTION: &str = "parent.addiction";
pub const CARE_UNPREDICTABLE_PARENTING: &str = "care.unpredictable_parenting";
pub const CHILD_WITNESSES_SELF_HARM: &str = "child.witnesses_self_harm";
pub const SEPARATION_ONGOING_CONFLICT: &str = "separation.ongoing_conflict";
pub const SEPARATION_LEGAL_PROCEEDINGS: &str = "separation.legal_proceedings";
pub const CHILD_LOYALTY_CONFLICT: &str = "child.loyalty_conflict";
pub const SEPARATION_PLANNED_OR_FEARED: &str = "separation.planned_or_feared";
pub const WEAPON_AVAILABLE: &str = "weapon.available";
pub const ESCALATION_REPORTED: &str = "escalation.reported";
pub const VIOLENCE_DURING_PREGNANCY: &str = "pregnancy.violence";
pub const HONOUR_THREAT: &str = "honour.threat";
pub const SUICIDE_THREAT_BY_PARTNER: &str = "suicide.threat_by_partner";
pub const CHILD_DRAWN_IN: &str = "child.drawn_in";
/// The control questions were asked of this person (needed before "not controlling" means anything).
pub const ASKED_CONTROL: &str = "asked.control";
/// The partner-behaviour questions were asked of this person.
pub const ASKED_PARTNER_BEHAVIOUR: &str = "asked.partner_behaviour";
/// The fear questions were asked of this person.
pub const ASKED_FEAR: &str = "asked.fear";
/// The question about sex or sexual acts against one's will was asked of this person (the overview
/// question about partner behaviour does not ask it: not asked is not absent, §6).
pub const ASKED_SEXUAL_VIOLENCE: &str = "asked.sexual_violence";
/// The question about strangling or smothering was asked of this person (it is rarely told unasked).
pub const ASKED_STRANGULATION: &str = "asked.strangulation";
/// The child's own experience of safety is recorded (§6.5).
pub const CHILD_OWN_SAFETY: &str = "child.own_safety";
/// The control question for one life domain was asked of this person (§6.2: tracked per domain and
/// per partner). One id per [`ControlDomain`], see [`asked_control_domain`].
pub const ASKED_CONTROL_ISOLATION: &str = "asked.control.isolation";
pub const ASKED_CONTROL_MONITORING: &str = "asked.control.monitoring";
pub const ASKED_CONTROL_MONEY: &str = "asked.control.money";
pub const ASKED_CONTROL_JEALOUSY: &str = "asked.control.jealousy";
pub const ASKED_CONTROL_MOVEMENT: &str = "asked.control.movement";
pub const ASKED_CONTROL_DECISIONS: &str = "asked.control.decisions";
pub const ASKED_CONTROL_DEGRADING: &str = "asked.control.degrading";
pub const ASKED_CONTROL_CHILDREN: &str = "asked.control.children";
/// The stalking question was asked of this person.
pub const ASKED_STALKING: &str = "asked.stalking";
/// The question about how the children are treated (hitting, shouting, care) was asked.
pub const ASKED_CHILD_TREATMENT: &str = "asked.child_treatment";
/// The question about what the children see, hear or notice was asked.
pub const ASKED_CHILD_WITNESSING: &str = "asked.child_witnessing";
/// Violence went on after earlier help (structural unsafety, §6.4).
pub const VIOLENCE_AFTER_HELP: &str = "violence.after_help";
/// The person is pregnant now (makes violence during pregnancy current).
pub const PREGNANCY_CURRENT: &str = "pregnancy.current";
/// A child under 4 was seen: how the child is and how the parent responds (§6.5).
pub const CHILD_OBSERVED: &str = "child.observed";

// Derived indicators.
pub const PATTERN_INTIMATE_TERROR: &str = "pattern.intimate_terror";
pub const RECORDS_PARTNER_VIOLENCE: &str = "records.partner_violence";
pub const RECORDS_VIOLENCE_BOTH_DIRECTIONS: &str = "records.violence_both_directions";
pub const RECORDS_SEVERE_PARTNER_VIOLENCE: &str = "records.severe_partner_violence";
pub const RECORDS_SEXUAL_VIOLENCE: &str = "records.sexual_violence";
pub const RECORDS_ISOLATION: &str = "records.isolation";
pub const RECORDS_CONTROL_MANY_DOMAINS: &str = "records.control_many_domains";
pub const RECORDS_COERCIVE_CONTROL: &str = "records.coercive_control";
pub const RECORDS_STALKING: &str = "records.stalking";
pub const RECORDS_CHILD_NEGLECT: &str = "records.child_neglect";
pub const RECORDS_CHILD_WITNESSING: &str = "records.child_witnessing";
pub const HOUSEHOLD_SEPARATED: &str = "household.separated";
/// Control or stalking between ex-partners after (or around) the separation.
pub const RECORDS_CONTROL_AFTER_SEPARATION: &str = "records.control_after_separation";

/// The answer indicator that says the control question of `domain` was asked.
pub fn asked_control_domain(domain: ControlDomain) -> &'static str {
    match domain {
        ControlDomain::Isolation => ASKED_CONTROL_ISOLATION,
        ControlDomain::Monitoring => ASKED_CONTROL_MONITORING,
        ControlDomain::Money => ASKED_CONTROL_MONEY,
        ControlDomain::Jealousy => ASKED_CONTROL_JEALOUSY,
        ControlDomain::Movement => ASKED_CONTROL_MOVEMENT,
        ControlDomain::Decisions => ASKED_CONTROL_DECISIONS,
        ControlDomain::Degrading => ASKED_CONTROL_DEGRADING,
        ControlDomain::Children => ASKED_CONTROL_CHILDREN,
    }
}

/// For a derived indicator: the answer indicators that show it was asked about. A derived indicator
/// that is not present counts as "asked and not present" only when *every* one of these was asked
/// (by anyone); otherwise it is "not yet asked". Indicators not listed here are handled in the
/// analysis itself (pattern, household).
pub fn asked_via(id: &str) -> &'static [&'static str] {
    match id {
        RECORDS_PARTNER_VIOLENCE | RECORDS_VIOLENCE_BOTH_DIRECTIONS => &[ASKED_PARTNER_BEHAVIOUR],
        // Severe violence includes strangling, which the overview question does not ask about.
        RECORDS_SEVERE_PARTNER_VIOLENCE => &[ASKED_PARTNER_BEHAVIOUR, ASKED_STRANGULATION],
        RECORDS_SEXUAL_VIOLENCE => &[ASKED_SEXUAL_VIOLENCE],
        RECORDS_ISOLATION => &[ASKED_CONTROL_ISOLATION],
        RECORDS_CONTROL_MANY_DOMAINS | RECORDS_COERCIVE_CONTROL => ALL_ASKED_CONTROL_DOMAINS,
        RECORDS_STALKING | RECORDS_CONTROL_AFTER_SEPARATION => &[ASKED_STALKING],
        RECORDS_CHILD_NEGLECT => &[ASKED_CHILD_TREATMENT],
        RECORDS_CHILD_WITNESSING => &[ASKED_CHILD_WITNESSING],
        _ => &[],
    }
}

/// Every per-domain control question indicator.
pub const ALL_ASKED_CONTROL_DOMAINS: &[&str] = &[
    ASKED_CONTROL_ISOLATION,
    ASKED_CONTROL_MONITORING,
    ASKED_CONTROL_MONEY,
    ASKED_CONTROL_JEALOUSY,
    ASKED_CONTROL_MOVEMENT,
    ASKED_CONTROL_DECISIONS,
    ASKED_CONTROL_DEGRADING,
    ASKED_CONTROL_CHILDREN,
];

/// Every indicator the rules know, with where it comes from.
pub const ALL_INDICATORS: &[(&str, IndicatorSource)] = &[
    (STRESSOR_DEBTS, IndicatorSource::Answer),
    (STRESSOR_WORK_LOSS, IndicatorSource::Answer),
    (STRESSOR_ILLNESS_OR_LOSS, IndicatorSource::Answer),
    (STRESSOR_SUBSTANCE_USE, IndicatorSource::Answer),
    (STRESSOR_HOUSING, IndicatorSource::Answer),
    (FEAR_CHRONIC, IndicatorSource::Answer),
    (FEAR_FOR_LIFE, IndicatorSource::Answer),
    (CONFLICT_ESCALATES_FAST, IndicatorSource::Answer),
    (RELATIONSHIP_GOOD_MOMENTS, IndicatorSource::Answer),
    (CHILD_BEHAVIOUR_PROBLEMS, IndicatorSource::Answer),
    (PARENTING_STRESS, IndicatorSource::Answer),
    (PARENTING_DISAGREEMENT, IndicatorSource::Answer),
    (PARENT_INTELLECTUAL_DISABILITY, IndicatorSource::Answer),
    (PARENT_PSYCHIATRIC, IndicatorSource::Answer),
    (PARENT_ADDICTION, IndicatorSource::Answer),
    (CARE_UNPREDICTABLE_PARENTING, IndicatorSource::Answer),
    (CHILD_WITNESSES_SELF_HARM, IndicatorSource::Answer),
    (SEPARATION_ONGOING_CONFLICT, IndicatorSource::Answer),
    (SEPARATION_LEGAL_PROCEEDINGS, IndicatorSource::Answer),
    (CHILD_LOYALTY_CONFLICT, IndicatorSource::Answer),
    (SEPARATION_PLANNED_OR_FEARED, IndicatorSource::Answer),
    (WEAPON_AVAILABLE, IndicatorSource::Answer),
    (ESCALATION_REPORTED, IndicatorSource::Answer),
    (VIOLENCE_DURING_PREGNANCY, IndicatorSource::Answer),
    (HONOUR_THREAT, IndicatorSource::Answer),
    (SUICIDE_THREAT_BY_PARTNER, IndicatorSource::Answer),
    (CHILD_DRAWN_IN, IndicatorSource::Answer),
    (ASKED_CONTROL, IndicatorSource::Answer),
    (ASKED_PARTNER_BEHAVIOUR, IndicatorSource::Answer),
    (ASKED_FEAR, IndicatorSource::Answer),
    (ASKED_SEXUAL_VIOLENCE, IndicatorSource::Answer),
    (ASKED_STRANGULATION, IndicatorSource::Answer),
    (CHILD_OWN_SAFETY, IndicatorSource::Answer),
    (ASKED_CONTROL_ISOLATION, IndicatorSource::Answer),
    (ASKED_CONTROL_MONITORING, IndicatorSource::Answer),
    (ASKED_CONTROL_MONEY, IndicatorSource::Answer),
    (ASKED_CONTROL_JEALOUSY, IndicatorSource::Answer),
    (ASKED_CONTROL_MOVEMENT, IndicatorSource::Answer),
    (ASKED_CONTROL_DECISIONS, IndicatorSource::Answer),
    (ASKED_CONTROL_DEGRADING, IndicatorSource::Answer),
    (ASKED_CONTROL_CHILDREN, IndicatorSource::Answer),
    (ASKED_STALKING, IndicatorSource::Answer),
    (ASKED_CHILD_TREATMENT, IndicatorSource::Answer),
    (ASKED_CHILD_WITNESSING, IndicatorSource::Answer),
    (VIOLENCE_AFTER_HELP, IndicatorSource::Answer),
    (PREGNANCY_CURRENT, IndicatorSource::Answer),
    (CHILD_OBSERVED, IndicatorSource::Answer),
    (PATTERN_INTIMATE_TERROR, IndicatorSource::Derived),
    (RECORDS_PARTNER_VIOLENCE, IndicatorSource::Derived),
    (RECORDS_VIOLENCE_BOTH_DIRECTIONS, IndicatorSource::Derived),
    (RECORDS_SEVERE_PARTNER_VIOLENCE, IndicatorSource::Derived),
    (RECORDS_SEXUAL_VIOLENCE, IndicatorSource::Derived),
    (RECORDS_ISOLATION, IndicatorSource::Derived),
    (RECORDS_CONTROL_MANY_DOMAINS, IndicatorSource::Derived),
    (RECORDS_COERCIVE_CONTROL, IndicatorSource::Derived),
    (RECORDS_STALKING, IndicatorSource::Derived),
    (RECORDS_CHILD_NEGLECT, IndicatorSource::Derived),
    (RECORDS_CHILD_WITNESSING, IndicatorSource::Derived),
    (HOUSEHOLD_SEPARATED, IndicatorSource::Derived),
    (RECORDS_CONTROL_AFTER_SEPARATION, IndicatorSource::Derived),
];

pub fn indicator_source(id: &str) -> Option<IndicatorSource> {
    ALL_INDICATORS.iter().find(|(i, _)| *i == id).map(|(_, s)| *s)
}

/// When what an answer says happened (for the recency of red flags, §6.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AnswerTiming {
    /// The question asks about now ("is there a weapon in the house", "are you afraid for your life"):
    /// the flag is as recent as the answer.
    Now,
    /// The question asks whether it ever happened: the date is unknown until the professional asks.
    Ever,
}

/// Answer indicators that raise a red flag on their own, and what their date is.
pub const ANSWER_RED_FLAGS: &[(&str, RedFlag, AnswerTiming)] = &[
    (FEAR_FOR_LIFE, RedFlag::FearForLife, AnswerTiming::Now),
    (WEAPON_AVAILABLE, RedFlag::Weapon, AnswerTiming::Now),
    (ESCALATION_REPORTED, RedFlag::Escalation, AnswerTiming::Now),
    (VIOLENCE_DURING_PREGNANCY, RedFlag::ViolenceDuringPregnancy, AnswerTiming::Ever),
    (HONOUR_THREAT, RedFlag::HonourRelatedThreat, AnswerTiming::Now),
    (SUICIDE_THREAT_BY_PARTNER, RedFlag::SuicideThreat, AnswerTiming::Now),
    (CHILD_DRAWN_IN, RedFlag::ChildHarmed, AnswerTiming::Ever),
];

/// The five family profiles (Lünnemann et al. 2023), not mutually exclusive (§6.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProfileKind {
    IntiemeTerreur,
    GezinInDeStress,
    KindgedragEnOpvoedstress,
    LangdurigeZorg,
    ComplexeScheiding,
}

impl ProfileKind {
    pub const ALL: [ProfileKind; 5] = [
        ProfileKind::IntiemeTerreur,
        ProfileKind::GezinInDeStress,
        ProfileKind::KindgedragEnOpvoedstress,
        ProfileKind::LangdurigeZorg,
        ProfileKind::ComplexeScheiding,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ProfileKind::IntiemeTerreur => "intieme_terreur",
            ProfileKind::GezinInDeStress => "gezin_in_de_stress",
            ProfileKind::KindgedragEnOpvoedstress => "kindgedrag_en_opvoedstress",
            ProfileKind::LangdurigeZorg => "langdurige_zorg",
            ProfileKind::ComplexeScheiding => "complexe_scheiding",
        }
    }

    /// The indicators shown with this profile; `Absent` means the profile expects it *not* to be
    /// there (e.g. `gezin in de stress` has no chronic fear of the partner).
    pub fn indicators(self) -> &'static [(&'static str, Expect)] {
        use Expect::*;
        match self {
            ProfileKind::IntiemeTerreur => &[
                (PATTERN_INTIMATE_TERROR, Present),
                (FEAR_CHRONIC, Present),
                (RECORDS_ISOLATION, Present),
                (RECORDS_CONTROL_MANY_DOMAINS, Present),
                (RECORDS_SEVERE_PARTNER_VIOLENCE, Present),
                (RECORDS_SEXUAL_VIOLENCE, Present),
                (RECORDS_STALKING, Present),
                (SEPARATION_PLANNED_OR_FEARED, Present),
            ],
            ProfileKind::GezinInDeStress => &[
                (STRESSOR_DEBTS, Present),
                (STRESSOR_WORK_LOSS, Present),
                (STRESSOR_ILLNESS_OR_LOSS, Present),
                (STRESSOR_HOUSING, Present),
                (STRESSOR_SUBSTANCE_USE, Present),
                (CONFLICT_ESCALATES_FAST, Present),
                (RECORDS_PARTNER_VIOLENCE, Present),
                (RECORDS_VIOLENCE_BOTH_DIRECTIONS, Present),
                (RELATIONSHIP_GOOD_MOMENTS, Present),
                (FEAR_CHRONIC, Absent),
            ],
            ProfileKind::KindgedragEnOpvoedstress => &[
                (CHILD_BEHAVIOUR_PROBLEMS, Present),
                (PARENTING_STRESS, Present),
                (PARENTING_DISAGREEMENT, Present),
                (RECORDS_PARTNER_VIOLENCE, Present),
            ],
            ProfileKind::LangdurigeZorg => &[
                (PARENT_INTELLECTUAL_DISABILITY, Present),
                (PARENT_PSYCHIATRIC, Present),
                (PARENT_ADDICTION, Present),
                (RECORDS_CHILD_NEGLECT, Present),
                (CARE_UNPREDICTABLE_PARENTING, Present),
                (CHILD_WITNESSES_SELF_HARM, Present),
                (RECORDS_PARTNER_VIOLENCE, Present),
            ],
            ProfileKind::ComplexeScheiding => &[
                (HOUSEHOLD_SEPARATED, Present),
                (SEPARATION_PLANNED_OR_FEARED, Present),
                (SEPARATION_ONGOING_CONFLICT, Present),
                (SEPARATION_LEGAL_PROCEEDINGS, Present),
                (CHILD_LOYALTY_CONFLICT, Present),
                (RECORDS_COERCIVE_CONTROL, Present),
                (RECORDS_CONTROL_AFTER_SEPARATION, Present),
                (RECORDS_STALKING, Present),
            ],
        }
    }
}

/// Whether a profile expects an indicator to be there or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Expect {
    Present,
    Absent,
}

/// The stressors whose accumulation marks `gezin in de stress`.
pub const STRESSORS: &[&str] =
    &[STRESSOR_DEBTS, STRESSOR_WORK_LOSS, STRESSOR_ILLNESS_OR_LOSS, STRESSOR_HOUSING, STRESSOR_SUBSTANCE_USE];

/// How many stressors make an "accumulation".
pub const STRESSOR_ACCUMULATION_THRESHOLD: usize = 2;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indicator_ids_are_unique_and_profiles_use_known_ones() {
        let mut ids: Vec<&str> = ALL_INDICATORS.iter().map(|(i, _)| *i).collect();
        ids.sort();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n);
        for p in ProfileKind::ALL {
            for (i, _) in p.indicators() {
                assert!(indicator_source(i).is_some(), "{p:?} uses unknown {i}");
            }
        }
        for (i, s) in ALL_INDICATORS {
            for a in asked_via(i) {
                assert_eq!(*s, IndicatorSource::Derived, "{i}");
                assert_eq!(indicator_source(a), Some(IndicatorSource::Answer), "{a}");
            }
        }
        for (i, _, _) in ANSWER_RED_FLAGS {
            assert_eq!(indicator_source(i), Some(IndicatorSource::Answer));
        }
    }
}

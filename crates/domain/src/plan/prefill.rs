//! A first draft of the safety plan, taken from the analysis (domain.md §9.2–9.4).
//!
//! [`prefill`] is a pure function of the case snapshot, its analysis and the shipped content. It only
//! suggests: the result is an ordinary [`SafetyPlan`] the professional edits, widens or deletes item by
//! item. What it fills:
//!
//! - **worries** (§9.2): the [`MAX_WORRIES`] most unsafe situations among the counted behaviours, in this
//!   order: behaviours that raise a red flag first, then `ernstig` ones, then by the yearly estimate
//!   (highest first); ties keep the analysis' stable (actor, target, behaviour) order. Injuries are left
//!   out (they are the result of a behaviour, not a situation), and so is "witnessing", which the
//!   analysis derives from the behaviour between the adults that is already a candidate itself.
//!   Text: `"Mark tegen Sanne: duwen (3–5 keer in het afgelopen jaar)"`; impact: the impact texts of the
//!   reporting records in the person's own words — only of records not marked confidential (their
//!   `confidential` is [`crate::Visibility::Everyone`]). What someone told in confidence stays in the
//!   record: a prefilled item may later be widened to "everyone" (its origin is [`Origin::Analysis`],
//!   which no hard rule narrows), and then another adult's version would show those words.
//! - **acute actions** (§9.4): the suggested actions of the red-flag content, only when the analysis
//!   says acute unsafety may be present, each due within 24 hours of `now`.
//! - **conditions** (§9.3): the focus, the "avoid" and the protection lines of the
//!   `beschermingsarrangement` card of every profile the analysis holds likely.
//!
//! **Visibility defaults: professional only, everything.** A worry says who does what to whom; if the
//! person in the `plegerpositie` reads in their own version what the other parent told the professional,
//! that parent can be put in danger. Acute actions (a huisverbod, a safe place) and the profile
//! suggestions are the professional's working notes. So the prefill never widens; the professional
//! decides per item who may read it. A worry that rests (also) on what a child said gets
//! [`Origin::ChildDisclosure`], so the audience filter keeps it out of every parent's version even if
//! its visibility is widened later; otherwise the origin is [`Origin::Analysis`].
//!
//! **Deterministic.** Ids are derived ([`derived_id`]) from the case id and a stable key (behaviour key,
//! action id, card id and line), so the same input always gives the same plan.

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use super::{AcuteAction, Item, MAX_WORRIES, Note, Origin, SafetyPlan, Visibility, Worry};
use crate::analysis::{CountedBehaviour, Facts};
use crate::{Analysis, BehaviourCategory, CaseSnapshot, Catalogue, Frequency, ProfileCard, RedFlagSet, Role, Weight};

/// Id of an item derived from the case and a stable key: a custom (version 8) UUID whose bits are the
/// 128-bit FNV-1a hash of the case id and the key. Not a secret and not meant to be; it only has to be
/// stable and distinct within one plan.
pub fn derived_id(case_id: Uuid, key: &str) -> Uuid {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let mut h = OFFSET;
    for b in case_id.as_bytes().iter().chain([0u8].iter()).chain(key.as_bytes()) {
        h ^= u128::from(*b);
        h = h.wrapping_mul(PRIME);
    }
    uuid::Builder::from_custom_bytes(h.to_be_bytes()).into_uuid()
}

/// Frequency as shown in a worry, e.g. "3–5 keer in het afgelopen jaar".
pub fn frequency_text(f: Frequency) -> &'static str {
    match f {
        Frequency::NotLastYearButBefore => "niet in het afgelopen jaar, wel eerder",
        Frequency::Once => "1 keer in het afgelopen jaar",
        Frequency::Twice => "2 keer in het afgelopen jaar",
        Frequency::ThreeToFive => "3–5 keer in het afgelopen jaar",
        Frequency::SixToTen => "6–10 keer in het afgelopen jaar",
        Frequency::ElevenToTwenty => "11–20 keer in het afgelopen jaar",
        Frequency::MoreThanTwenty => "meer dan 20 keer in het afgelopen jaar",
    }
}

/// The counted behaviours that may become a worry, most unsafe first (see module docs).
pub fn ranked_worries<'a>(
    counted: &'a [CountedBehaviour],
    catalogue: &Catalogue,
) -> Vec<&'a CountedBehaviour> {
    let mut v: Vec<&CountedBehaviour> = counted
        .iter()
        .filter(|c| !matches!(c.category, BehaviourCategory::Injury | BehaviourCategory::ChildWitnessing))
        .collect();
    let red = |c: &CountedBehaviour| catalogue.item(&c.behaviour_id).is_some_and(|d| !d.red_flags.is_empty());
    // Stable sort: ties keep the analysis' (actor, target, behaviour) order.
    v.sort_by_key(|c| (!red(c), c.weight != Weight::Ernstig, std::cmp::Reverse(c.yearly)));
    v
}

/// A first safety plan from the analysis. See the module docs for what is filled and why everything
/// starts as professional-only.
pub fn prefill(
    snapshot: &CaseSnapshot,
    analysis: &Analysis,
    catalogue: &Catalogue,
    red_flags: &RedFlagSet,
    cards: &[ProfileCard],
    now: DateTime<Utc>,
) -> SafetyPlan {
    let hh = &snapshot.household;
    let case_id = hh.case.id;
    let mut plan = SafetyPlan::new(case_id, now);
    plan.id = derived_id(case_id, "plan");
    let name = |id: Uuid| hh.person(id).map_or_else(|| "?".to_owned(), |p| p.name.clone());

    let facts = Facts::build(snapshot, catalogue);
    for c in ranked_worries(&facts.counted, catalogue).into_iter().take(MAX_WORRIES) {
        let label = catalogue.item(&c.behaviour_id).map_or(c.behaviour_id.as_str(), |d| d.label.as_str());
        let situation = format!("{} tegen {}: {} ({})", name(c.actor), name(c.target), label, frequency_text(c.frequency));
        let mut impacts: Vec<&str> = Vec::new();
        // Confidential words never leave their record (see module docs).
        let shareable = |r: &&crate::BehaviourRecord| r.confidential == crate::Visibility::Everyone;
        for r in snapshot.records.iter().filter(|r| c.evidence.records.contains(&r.id)).filter(shareable) {
            let t = r.impact_text.trim();
            if !t.is_empty() && !impacts.contains(&t) {
                impacts.push(t);
            }
        }
        let child_source = c
            .evidence
            .sources
            .iter()
            .copied()
            .find(|s| hh.person(*s).is_some_and(|p| p.role == Role::Child));
        let origin = match child_source {
            Some(child) => Origin::ChildDisclosure { child },
            None => Origin::Analysis,
        };
        let key = format!("worry:{}:{}:{}", c.actor, c.target, c.behaviour_id);
        plan.worries.push(Item {
            id: derived_id(case_id, &key),
            visibility: Visibility::ProfessionalOnly,
            about: Some(c.target),
            origin,
            content: Worry { situation, impact: impacts.join(" / ") },
            translations: Vec::new(),
        });
    }

    if analysis.acute.possibly_acute {
        for a in &red_flags.acute_actions {
            plan.acute_actions.push(Item {
                id: derived_id(case_id, &format!("acute:{}", a.id)),
                visibility: Visibility::ProfessionalOnly,
                about: None,
                origin: Origin::Analysis,
                content: AcuteAction {
                    what: format!("{} — {}", a.label, a.help),
                    who: Vec::new(),
                    before: Some(now + Duration::hours(24)),
                },
                translations: Vec::new(),
            });
        }
    }

    for p in analysis.profiles.iter().filter(|p| p.likely) {
        for card in cards.iter().filter(|c| c.profile == p.profile) {
            let a = &card.arrangement;
            let lines = std::iter::once(a.focus.as_str())
                .chain(a.avoid.iter().map(String::as_str))
                .chain(a.protection.iter().map(String::as_str))
                .filter(|l| !l.trim().is_empty());
            for (i, line) in lines.enumerate() {
                plan.conditions.push(Item {
                    id: derived_id(case_id, &format!("condition:{}:{i}", card.id)),
                    visibility: Visibility::ProfessionalOnly,
                    about: None,
                    origin: Origin::Analysis,
                    content: Note { text: format!("{}: {}", card.title, line.trim()) },
                    translations: Vec::new(),
                });
            }
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::{self, ids::*};
    use crate::plan::{Audience, view_for};
    use crate::{AcuteActionDef, Arrangement, ProfileKind, analyse};
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap()
    }

    fn red_flag_set() -> RedFlagSet {
        let act = |id: &str, label: &str| AcuteActionDef { id: id.into(), label: label.into(), help: "uitleg".into() };
        RedFlagSet {
            version: 1,
            acute_title: "Mogelijk acute onveiligheid".into(),
            acute_actions: vec![act("veilig_thuis", "Veilig Thuis raadplegen"), act("politie_112", "Politie, 112")],
            flags: vec![],
        }
    }

    fn cards() -> Vec<ProfileCard> {
        let card = |id: &str, profile, title: &str, avoid: &[&str]| ProfileCard {
            id: id.into(),
            profile,
            title: title.into(),
            summary: String::new(),
            signs: vec![],
            arrangement: Arrangement {
                focus: "focus".into(),
                voluntary_help: vec!["hulp".into()],
                protection: vec!["veilige plek".into()],
                sanctions: vec![],
                avoid: avoid.iter().map(|s| (*s).to_owned()).collect(),
                partners: vec![],
                needs: vec![],
            },
            related_red_flags: vec![],
        };
        ProfileKind::ALL.iter().enumerate().map(|(i, p)| card(&format!("kaart.{i}"), *p, &format!("Profiel {i}"), &["geen mediation"])).collect()
    }

    fn jansen_plan() -> (CaseSnapshot, Analysis, SafetyPlan) {
        let snap = fixture::gezin_jansen();
        let cat = fixture::catalogue();
        let analysis = analyse(&snap, &cat, fixture::today());
        let plan = prefill(&snap, &analysis, &cat, &red_flag_set(), &cards(), now());
        (snap, analysis, plan)
    }

    #[test]
    fn worries_are_red_flags_first_then_ernstig_then_by_frequency() {
        let (_, _, plan) = jansen_plan();
        let texts: Vec<&str> = plan.worries.iter().map(|w| w.content.situation.as_str()).collect();
        // Strangling (red flag, once) beats the control behaviours (ernstig, > 20 a year), which beat the
        // insults (licht, 6–10). Ties (three control items at 25) keep the behaviour-id order.
        assert_eq!(
            texts,
            [
                "Mark tegen Sanne: wurgen, de keel dichtknijpen of smoren (1 keer in het afgelopen jaar)",
                "Mark tegen Sanne: al het geld in handen houden (meer dan 20 keer in het afgelopen jaar)",
                "Mark tegen Sanne: afsluiten van vrienden en familie (meer dan 20 keer in het afgelopen jaar)",
            ]
        );
        // Sanne told the strangling in confidence: her words stay out of the worry.
        assert_eq!(plan.worries[0].content.impact, "");
        assert!(plan.worries.iter().all(|w| w.about == Some(SANNE)));
    }

    /// Impact words reach a prefilled worry only from records not marked confidential, so widening the
    /// worry to everyone can never show another adult what someone told in confidence.
    #[test]
    fn confidential_impact_words_stay_out_of_prefilled_worries() {
        let cat = fixture::catalogue();
        let words = "Ik dacht dat ik doodging.";
        // (confidentiality of Sanne's strangling record, whether her words may appear in the worry)
        let table = [
            (crate::Visibility::Everyone, true),
            (crate::Visibility::ProfessionalOnly, false),
            (crate::Visibility::NamedPersons { persons: vec![SANNE] }, false),
            (crate::Visibility::NamedPersons { persons: vec![SANNE, MARK] }, false),
        ];
        for (confidential, shown) in table {
            let mut snap = fixture::gezin_jansen();
            let strangle =
                snap.records.iter_mut().find(|r| r.behaviour_id == "fys.wurgen" && r.source_person == SANNE).unwrap();
            assert_eq!(strangle.impact_text, words);
            strangle.confidential = confidential.clone();
            let analysis = analyse(&snap, &cat, fixture::today());
            let mut plan = prefill(&snap, &analysis, &cat, &red_flag_set(), &cards(), now());
            let worry = plan.worries.iter_mut().find(|w| w.content.situation.contains("wurgen")).unwrap();
            assert_eq!(worry.origin, Origin::Analysis);
            assert_eq!(worry.content.impact.contains(words), shown, "{confidential:?}");
            // The professional widens every item to everyone: the words reach another adult only when
            // the record was not confidential.
            worry.visibility = Visibility::Everyone;
            let mark = view_for(&plan, &snap.household, &Audience::Adult(MARK)).unwrap();
            let in_marks = mark.worries.iter().any(|w| w.content.impact.contains(words));
            assert_eq!(in_marks, shown, "{confidential:?}");
        }
    }

    #[test]
    fn ranking_table() {
        use BehaviourCategory::*;
        let cat = fixture::catalogue();
        let counted = |actor: u128, behaviour: &str, f: Frequency| {
            let d = cat.item(behaviour).unwrap();
            CountedBehaviour {
                actor: Uuid::from_u128(actor),
                target: Uuid::from_u128(99),
                behaviour_id: behaviour.into(),
                category: d.category,
                weight: d.weight,
                frequency: f,
                yearly: f.yearly_estimate(),
                first_occurrence: None,
                last_occurrence: None,
                evidence: Default::default(),
            }
        };
        // (input, expected order of behaviour ids)
        let cases: Vec<(Vec<CountedBehaviour>, Vec<&str>)> = vec![
            (
                vec![counted(1, "psy.schelden", Frequency::MoreThanTwenty), counted(2, "fys.stompen", Frequency::Once)],
                vec!["fys.stompen", "psy.schelden"],
            ),
            (
                vec![counted(1, "fys.stompen", Frequency::MoreThanTwenty), counted(2, "psy.dreigen_doden", Frequency::NotLastYearButBefore)],
                vec!["psy.dreigen_doden", "fys.stompen"],
            ),
            (
                vec![counted(1, "fys.duwen", Frequency::Twice), counted(2, "psy.schelden", Frequency::SixToTen)],
                vec!["psy.schelden", "fys.duwen"],
            ),
            (
                vec![counted(1, "let.medische_zorg", Frequency::MoreThanTwenty), counted(2, "fys.duwen", Frequency::Once)],
                vec!["fys.duwen"],
            ),
        ];
        for (input, expected) in cases {
            let got: Vec<&str> = ranked_worries(&input, &cat).iter().map(|c| c.behaviour_id.as_str()).collect();
            assert_eq!(got, expected);
            assert!(input.iter().all(|c| c.category != ChildWitnessing));
        }
    }

    #[test]
    fn everything_prefilled_starts_professional_only() {
        let (_, _, plan) = jansen_plan();
        for meta in plan.item_metas() {
            assert_eq!(*meta.visibility, Visibility::ProfessionalOnly, "{:?}", meta.section);
        }
    }

    #[test]
    fn a_worry_from_a_child_is_a_child_disclosure_and_never_reaches_a_parent() {
        // Daan is the only source of the shouting; with more than three worries allowed it would show.
        let snap = fixture::gezin_jansen();
        let cat = fixture::catalogue();
        let facts = Facts::build(&snap, &cat);
        let analysis = analyse(&snap, &cat, fixture::today());
        let mut plan = prefill(&snap, &analysis, &cat, &red_flag_set(), &cards(), now());
        let shout = facts.counted.iter().find(|c| c.behaviour_id == "psy.schreeuwen").unwrap();
        assert_eq!(shout.evidence.sources, vec![DAAN]);
        // Table: (sources of the behaviour, expected origin)
        let table = [(vec![SANNE], Origin::Analysis), (vec![DAAN], Origin::ChildDisclosure { child: DAAN })];
        for (sources, expected) in table {
            let mut snap2 = snap.clone();
            for r in &mut snap2.records {
                if r.behaviour_id == "fys.wurgen" {
                    r.source_person = sources[0];
                }
            }
            let p = prefill(&snap2, &analysis, &cat, &red_flag_set(), &cards(), now());
            assert_eq!(p.worries[0].origin, expected);
        }
        // Even widened to everyone, a child-sourced worry stays out of the parents' versions.
        let mut snap3 = snap.clone();
        snap3.records.retain(|r| r.behaviour_id == "psy.schreeuwen");
        let p = prefill(&snap3, &analysis, &cat, &red_flag_set(), &cards(), now());
        assert_eq!(p.worries.len(), 1);
        plan.worries = p.worries;
        plan.worries[0].visibility = Visibility::Everyone;
        for parent in [MARK, SANNE] {
            let v = view_for(&plan, &snap.household, &Audience::Adult(parent)).unwrap();
            assert!(v.worries.is_empty());
        }
        let v = view_for(&plan, &snap.household, &Audience::Child(DAAN)).unwrap();
        assert_eq!(v.worries.len(), 1);
    }

    #[test]
    fn acute_actions_only_when_acute_unsafety_may_be_present() {
        let (_, analysis, plan) = jansen_plan();
        assert!(analysis.acute.possibly_acute);
        assert_eq!(plan.acute_actions.len(), 2);
        assert_eq!(plan.acute_actions[0].content.before, Some(now() + Duration::hours(24)));
        assert!(plan.acute_actions[0].content.what.starts_with("Veilig Thuis raadplegen"));

        let snap = fixture::Builder::new().build();
        let cat = fixture::catalogue();
        let quiet = analyse(&snap, &cat, fixture::today());
        assert!(!quiet.acute.possibly_acute);
        let plan = prefill(&snap, &quiet, &cat, &red_flag_set(), &cards(), now());
        assert!(plan.acute_actions.is_empty());
        assert!(plan.worries.is_empty());
        assert!(plan.conditions.is_empty());
    }

    #[test]
    fn conditions_come_from_the_cards_of_likely_profiles() {
        let (_, analysis, plan) = jansen_plan();
        let likely: Vec<ProfileKind> = analysis.profiles.iter().filter(|p| p.likely).map(|p| p.profile).collect();
        assert!(!likely.is_empty());
        // Per likely card: focus, one avoid line, one protection line.
        assert_eq!(plan.conditions.len(), likely.len() * 3);
        let i = ProfileKind::ALL.iter().position(|p| *p == likely[0]).unwrap();
        assert_eq!(plan.conditions[0].content.text, format!("Profiel {i}: focus"));
        assert_eq!(plan.conditions[1].content.text, format!("Profiel {i}: geen mediation"));
        assert!(plan.conditions.iter().all(|c| c.origin == Origin::Analysis));
    }

    #[test]
    fn prefill_is_deterministic_and_valid() {
        let (snap, _, a) = jansen_plan();
        let (_, _, b) = jansen_plan();
        assert_eq!(a, b);
        a.validate(&snap.household).unwrap();
        let mut ids: Vec<Uuid> = a.item_metas().iter().map(|m| m.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), a.item_metas().len());
        assert_eq!(a.case_id, CASE);
    }
}

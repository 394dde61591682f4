//! Guard-rails on the plan text (domain.md §7), recomputed on every save.
//!
//! - **Victim blaming**: every free text of every item (worries, conditions, acute actions, agreements,
//!   problems, recovery, support, network tasks, measures, signals, escape plan) is searched with the
//!   phrase list; hits are returned per (item, field) so the editor can show a gentle hint next to the
//!   field. Professionals' name, organisation, role and contact are not searched: they are not plan text.
//!   Who a sentence is about comes from the case ([`hint_context`]): the persons in the
//!   slachtofferpositie and plegerpositie of partner violence or control, by first name, and a parent
//!   also by "moeder"/"vader" and "zij"/"hij" when their gender is recorded.
//! - **Art. 48, imposed mediation**: a condition, agreement or measure whose text names mediation or
//!   another form of dispute resolution ([`MEDIATION_WORDS`]) while violence between (ex-)partners is
//!   recorded gets the art. 48 warning: such help may never be imposed.
//! - **Art. 31, contact and custody**: an item counts as a contact or custody arrangement when it is an
//!   agreement, a condition or a support entry whose text contains one of [`CONTACT_WORDS`]
//!   (case-insensitive, as part of a word: "omgangsregeling", "overdrachten" count). For every parent
//!   the arrangement names, [`check_contact_arrangement`] asks whether violence or control by that parent
//!   towards an (ex-)partner is recorded; if so, the prompt is returned with the item. A parent is
//!   "named" when they are a party of the agreement (who / checked by), the person of a support entry,
//!   the item's `about`, or their first name appears as a word in the text. An arrangement that names no
//!   parent at all is checked for every parent: contact arrangements are about parents, and a missed
//!   prompt is worse than one too many.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::{Item, Party, SafetyPlan, Section};
use crate::guardrails::{GuardRail, Hint, HintContext, check_contact_arrangement, check_imposed_mediation, victim_blaming_hints_in};
use crate::{BehaviourCategory, BlamingPhrase, CaseSnapshot, Catalogue, Gender, RelationKind, Role, Stance};

/// Word parts that make an item name mediation or another form of dispute resolution (lower case).
pub const MEDIATION_WORDS: [&str; 4] = ["mediation", "mediator", "bemiddel", "geschilbeslechting"];

/// Word parts that make an item a contact or custody arrangement (lower case).
pub const CONTACT_WORDS: [&str; 7] =
    ["omgang", "contactregeling", "zorgregeling", "gezag", "overdracht", "bezoekregeling", "ouderschapsplan"];

/// Victim-blaming hints in one text field of one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ItemHints {
    pub item: Uuid,
    pub section: Section,
    /// The field of the item's content, as named in the plan type (`situation`, `what`, `if_broken`, …).
    pub field: String,
    pub hints: Vec<Hint>,
}

/// An art. 31 prompt for one contact or custody arrangement in the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ItemGuardRail {
    pub item: Uuid,
    pub section: Section,
    pub guard_rail: GuardRail,
}

/// The guard-rail findings of a plan.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanChecks {
    /// In plan order, then field order.
    pub blaming: Vec<ItemHints>,
    /// In plan order; per item one entry per parent with recorded violence, sorted by parent id.
    pub contact: Vec<ItemGuardRail>,
    /// Art. 48: items that name mediation while violence is recorded, in plan order.
    #[serde(default)]
    pub mediation: Vec<ItemGuardRail>,
}

impl PlanChecks {
    pub fn is_empty(&self) -> bool {
        self.blaming.is_empty() && self.contact.is_empty() && self.mediation.is_empty()
    }
}

/// Whether a text names mediation or other dispute resolution.
pub fn mentions_mediation(text: &str) -> bool {
    let lower = text.to_lowercase();
    MEDIATION_WORDS.iter().any(|w| lower.contains(w))
}

/// Who plan sentences can be about: the persons in the slachtofferpositie and plegerpositie of
/// reported partner violence or control (see module docs).
pub fn hint_context(snapshot: &CaseSnapshot, catalogue: &Catalogue) -> HintContext {
    let defs = catalogue.index();
    let couples = snapshot.household.couples();
    let partners = |a: Uuid, b: Uuid| couples.contains(&if a < b { (a, b) } else { (b, a) });
    let mut ctx = HintContext::default();
    let add = |list: &mut Vec<String>, id: Uuid| {
        let Some(p) = snapshot.household.person(id) else { return };
        if let Some(first) = words(&p.name).into_iter().next() {
            list.push(first);
        }
        if p.role != Role::Child {
            match p.gender {
                Some(Gender::Female) => list.extend(["moeder", "mama", "zij", "ze"].map(String::from)),
                Some(Gender::Male) => list.extend(["vader", "papa", "hij"].map(String::from)),
                _ => {}
            }
        }
    };
    for r in &snapshot.records {
        if !matches!(r.stance, Stance::Reported { .. }) {
            continue;
        }
        let Some(def) = defs.get(r.behaviour_id.as_str()) else { continue };
        let counts = def.category.counts_as_partner_violence()
            || matches!(def.category, BehaviourCategory::CoerciveControl | BehaviourCategory::Stalking)
            || def.control_domain.is_some();
        for (a, t) in r.pairs() {
            if counts && partners(a, t) {
                add(&mut ctx.actor_words, a);
                add(&mut ctx.victim_words, t);
            }
        }
    }
    for l in [&mut ctx.victim_words, &mut ctx.actor_words] {
        l.sort();
        l.dedup();
    }
    ctx
}

/// Whether a text reads as a contact or custody arrangement (see module docs).
pub fn mentions_contact_arrangement(text: &str) -> bool {
    let lower = text.to_lowercase();
    CONTACT_WORDS.iter().any(|w| lower.contains(w))
}

/// Every searched text field of the plan: (item, section, field name, text).
fn fields(plan: &SafetyPlan) -> Vec<(Uuid, Section, &'static str, &str)> {
    let mut out = Vec::new();
    fn add<'a, T>(
        out: &mut Vec<(Uuid, Section, &'static str, &'a str)>,
        section: Section,
        items: &'a [Item<T>],
        f: impl Fn(&'a T) -> Vec<(&'static str, &'a str)>,
    ) {
        for i in items {
            for (name, text) in f(&i.content) {
                out.push((i.id, section, name, text));
            }
        }
    }
    add(&mut out, Section::Worries, &plan.worries, |c| vec![("situation", &c.situation), ("impact", &c.impact)]);
    add(&mut out, Section::Conditions, &plan.conditions, |c| vec![("text", &c.text)]);
    add(&mut out, Section::AcuteActions, &plan.acute_actions, |c| vec![("what", &c.what)]);
    add(&mut out, Section::Agreements, &plan.agreements, |c| vec![("what", &c.what), ("if_broken", &c.if_broken)]);
    add(&mut out, Section::Problems, &plan.problems, |c| vec![("problem", &c.problem), ("help", &c.help)]);
    add(&mut out, Section::Recovery, &plan.recovery, |c| vec![("need", &c.need), ("help", &c.help)]);
    add(&mut out, Section::Support, &plan.support, |c| vec![("need", &c.need), ("help", &c.help)]);
    add(&mut out, Section::Network, &plan.network, |c| vec![("task", &c.task)]);
    add(&mut out, Section::Measures, &plan.measures, |c| vec![("details", &c.details)]);
    add(&mut out, Section::Signals, &plan.signals, |c| vec![("signal", &c.signal), ("action", &c.action)]);
    add(&mut out, Section::EscapePlan, &plan.escape_plan, |c| vec![("text", &c.text)]);
    out
}

/// A contact-arrangement candidate: its item, section, text and the persons it names explicitly.
struct Arrangement {
    item: Uuid,
    section: Section,
    text: String,
    named: Vec<Uuid>,
}

fn arrangements(plan: &SafetyPlan) -> Vec<Arrangement> {
    let persons = |ps: &[Party]| {
        ps.iter()
            .filter_map(|p| match p {
                Party::Person { id } => Some(*id),
                Party::Professional { .. } => None,
            })
            .collect::<Vec<_>>()
    };
    let mut out = Vec::new();
    for i in &plan.conditions {
        out.push(Arrangement { item: i.id, section: Section::Conditions, text: i.content.text.clone(), named: i.about.into_iter().collect() });
    }
    for i in &plan.agreements {
        let mut named = persons(&i.content.who);
        named.extend(persons(&i.content.checked_by));
        named.extend(i.about);
        out.push(Arrangement {
            item: i.id,
            section: Section::Agreements,
            text: format!("{}\n{}", i.content.what, i.content.if_broken),
            named,
        });
    }
    for i in &plan.support {
        let mut named = vec![i.content.person];
        named.extend(i.about);
        out.push(Arrangement {
            item: i.id,
            section: Section::Support,
            text: format!("{}\n{}", i.content.need, i.content.help),
            named,
        });
    }
    out.retain(|a| mentions_contact_arrangement(&a.text));
    out
}

/// The parents of the household: role `ouder`, or a parent in a parent–child relation (not a child).
fn parents(snapshot: &CaseSnapshot) -> Vec<Uuid> {
    let hh = &snapshot.household;
    let mut v: Vec<Uuid> = hh
        .persons
        .iter()
        .filter(|p| {
            p.role == Role::Parent
                || (p.role != Role::Child
                    && hh.relations.iter().any(|r| r.from == p.id && matches!(r.kind, RelationKind::ParentOf { .. })))
        })
        .map(|p| p.id)
        .collect();
    v.sort();
    v
}

fn words(text: &str) -> Vec<String> {
    text.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// The guard-rail findings of a plan: victim-blaming hints per text field and art. 31 prompts per
/// contact or custody arrangement. See the module docs for the rules.
pub fn check_plan(
    plan: &SafetyPlan,
    snapshot: &CaseSnapshot,
    catalogue: &Catalogue,
    phrases: &[BlamingPhrase],
) -> PlanChecks {
    let ctx = hint_context(snapshot, catalogue);
    let blaming = fields(plan)
        .into_iter()
        .filter_map(|(item, section, field, text)| {
            let hints = victim_blaming_hints_in(text, phrases, &ctx);
            (!hints.is_empty()).then(|| ItemHints { item, section, field: field.to_owned(), hints })
        })
        .collect();

    let parents = parents(snapshot);
    let mut contact = Vec::new();
    for a in arrangements(plan) {
        let ws = words(&a.text);
        let mut named: Vec<Uuid> = parents
            .iter()
            .copied()
            .filter(|p| {
                a.named.contains(p)
                    || snapshot
                        .household
                        .person(*p)
                        .and_then(|x| words(&x.name).into_iter().next())
                        .is_some_and(|first| ws.contains(&first))
            })
            .collect();
        if named.is_empty() {
            named = parents.clone();
        }
        for parent in named {
            if let Some(guard_rail) = check_contact_arrangement(snapshot, catalogue, parent) {
                contact.push(ItemGuardRail { item: a.item, section: a.section, guard_rail });
            }
        }
    }
    let mut mediation = Vec::new();
    let mut seen = Vec::new();
    for (item, section, _, text) in fields(plan) {
        if !matches!(section, Section::Conditions | Section::Agreements | Section::Measures) || seen.contains(&item) {
            continue;
        }
        if mentions_mediation(text) {
            if let Some(guard_rail) = check_imposed_mediation(snapshot, catalogue, &[]) {
                seen.push(item);
                mediation.push(ItemGuardRail { item, section, guard_rail });
            }
        }
    }
    PlanChecks { blaming, contact, mediation }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::fixture::{self, ids::*};
    use crate::guardrails::GuardRailKind;
    use crate::plan::{Agreement, EscapeKind, Note, PersonNeed, Signal};
    use crate::Frequency;

    fn phrases() -> Vec<BlamingPhrase> {
        vec![
            BlamingPhrase {
                id: "uitlokken".into(),
                pattern: "uitlok*|uitgelok*".into(),
                suggestion: "Beschrijf wat hij doet.".into(),
                subject: crate::PhraseSubject::NotActor,
                unless: vec!["niemand".into()],
            },
            BlamingPhrase {
                id: "rustig".into(),
                pattern: "rustig|kalm blijv*|blijft".into(),
                suggestion: "Leg het bij de persoon in de plegerpositie.".into(),
                subject: crate::PhraseSubject::Victim,
                unless: vec![],
            },
        ]
    }

    #[test]
    fn hints_know_who_the_sentence_is_about() {
        // Jansen: Mark is in the plegerpositie towards Sanne; Sanne also pushed Mark once, so she is in
        // both positions. A demand on Sanne is a hint; the same words about Mark alone are not.
        let snap = fixture::gezin_jansen();
        let cat = fixture::catalogue();
        let ctx = hint_context(&snap, &cat);
        assert!(ctx.victim_words.contains(&"sanne".to_string()));
        assert!(ctx.actor_words.contains(&"mark".to_string()));
        let table: &[(&str, usize)] = &[
            ("Sanne moet rustig blijven als hij drinkt.", 1),
            ("Moeder moet kalm blijven.", 1),
            ("Daan moet rustig blijven.", 0),
            ("Mark zegt dat hij uitgelokt wordt, maar hij kiest zelf.", 1), // Mark is also in the slachtofferpositie (one push)
            ("Niemand heeft het uitgelokt.", 0),
        ];
        for (text, n) in table {
            assert_eq!(victim_blaming_hints_in(text, &phrases(), &ctx).len(), *n, "{text}");
        }
        // With a one-sided case the actor alone never gets a hint for his own calm.
        let mut b = fixture::Builder::new();
        let (x, y) = b.couple();
        b.snapshot.household.persons[0].name = "Piet".into();
        b.snapshot.household.persons[1].name = "Ria".into();
        b.reported(x, y, "fys.duwen", Frequency::Once, y);
        let ctx = hint_context(&b.build(), &cat);
        assert!(victim_blaming_hints_in("Piet moet kalm blijven en naar buiten gaan.", &phrases(), &ctx).is_empty());
        assert_eq!(victim_blaming_hints_in("Ria moet kalm blijven.", &phrases(), &ctx).len(), 1);
        assert!(victim_blaming_hints_in("Piet zegt dat hij uitgelokt werd.", &phrases(), &ctx).is_empty());
        assert_eq!(victim_blaming_hints_in("Het geweld werd uitgelokt.", &phrases(), &ctx).len(), 1);
    }

    #[test]
    fn mediation_in_a_condition_names_art_48() {
        let mut p = plan();
        let cond = Item::new(Note { text: "Ouders volgen verplicht mediation over de omgang".into() });
        let clean = Item::new(Note { text: "Mark volgt een training om zijn geweld te stoppen".into() });
        let id = cond.id;
        p.conditions.push(cond);
        p.conditions.push(clean);
        let checks = check_plan(&p, &fixture::gezin_jansen(), &fixture::catalogue(), &phrases());
        assert_eq!(checks.mediation.len(), 1);
        assert_eq!(checks.mediation[0].item, id);
        assert_eq!(checks.mediation[0].guard_rail.article.as_deref(), Some("art. 48"));
        assert_eq!(checks.mediation[0].guard_rail.kind, GuardRailKind::ImposedMediation);
        // Without recorded violence the warning is there too (art. 48 holds for every form), without
        // evidence.
        let mut b = fixture::Builder::new();
        b.couple();
        let bare = check_plan(&p, &b.build(), &fixture::catalogue(), &phrases());
        assert_eq!(bare.mediation.len(), 1);
        assert!(bare.mediation[0].guard_rail.evidence.is_empty());
    }

    fn plan() -> SafetyPlan {
        SafetyPlan::new(CASE, Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap())
    }

    fn agreement(who: &[Uuid], what: &str) -> Item<Agreement> {
        Item::new(Agreement {
            who: who.iter().map(|id| Party::Person { id: *id }).collect(),
            what: what.into(),
            from: None,
            checked_by: vec![],
            if_broken: String::new(),
        })
    }

    #[test]
    fn contact_words_table() {
        let table = [
            ("Omgangsregeling: om het weekend bij vader", true),
            ("De OVERDRACHT gebeurt bij oma", true),
            ("Gezag blijft gezamenlijk", true),
            ("Zorgregeling opnieuw bespreken", true),
            ("Contactregeling via de telefoon", true),
            ("Geen omgang tot het onderzoek klaar is", true),
            ("Opa brengt de kinderen naar school", false),
            ("Mark belt zijn coach als hij boos wordt", false),
            ("", false),
        ];
        for (text, expected) in table {
            assert_eq!(mentions_contact_arrangement(text), expected, "{text}");
        }
    }

    #[test]
    fn blaming_hints_on_every_free_text_with_item_and_field() {
        let mut p = plan();
        let cond = Item::new(Note { text: "Sanne moet rustig blijven".into() });
        let sig = Item::new(Signal { signal: "Mark drinkt".into(), action: "Sanne zal hem niet uitlokken".into() });
        let esc = Item::escape(SANNE, EscapeKind::Other, "Niet uitlokken en weggaan");
        let clean = agreement(&[MARK], "Mark komt niet thuis na het drinken");
        let need = Item::personal(PersonNeed { person: SANNE, need: "rust".into(), help: "Ze moet rustig blijven".into() }, SANNE);
        let (c_id, s_id, e_id, n_id) = (cond.id, sig.id, esc.id, need.id);
        p.conditions.push(cond);
        p.signals.push(sig);
        p.escape_plan.push(esc);
        p.agreements.push(clean);
        p.recovery.push(need);
        let checks = check_plan(&p, &fixture::gezin_jansen(), &fixture::catalogue(), &phrases());
        let got: Vec<(Uuid, Section, &str, &str)> = checks
            .blaming
            .iter()
            .map(|h| (h.item, h.section, h.field.as_str(), h.hints[0].phrase_id.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (c_id, Section::Conditions, "text", "rustig"),
                (n_id, Section::Recovery, "help", "rustig"),
                (s_id, Section::Signals, "action", "uitlokken"),
                (e_id, Section::EscapePlan, "text", "uitlokken"),
            ]
        );
        assert!(checks.contact.is_empty());
    }

    #[test]
    fn art31_prompt_for_each_named_parent_with_recorded_partner_violence() {
        let snap = fixture::gezin_jansen();
        let cat = fixture::catalogue();
        // Jansen: Mark used violence and control towards Sanne; Sanne insulted and pushed Mark once,
        // which is partner violence too. So both get a prompt when named.
        // (item builder, expected parents prompted)
        let cases: Vec<(&str, Box<dyn Fn(&mut SafetyPlan) -> Uuid>, Vec<Uuid>)> = vec![
            (
                "agreement with Mark as party",
                Box::new(|p: &mut SafetyPlan| {
                    let a = agreement(&[MARK], "Omgang met Lotte alleen begeleid");
                    let id = a.id;
                    p.agreements.push(a);
                    id
                }),
                vec![MARK],
            ),
            (
                "condition naming Mark by first name",
                Box::new(|p: &mut SafetyPlan| {
                    let a = Item::new(Note { text: "Overdracht van de kinderen aan mark gebeurt bij opa".into() });
                    let id = a.id;
                    p.conditions.push(a);
                    id
                }),
                vec![MARK],
            ),
            (
                "condition naming no parent: every parent is checked",
                Box::new(|p: &mut SafetyPlan| {
                    let a = Item::new(Note { text: "Het gezag wordt bij de rechter besproken".into() });
                    let id = a.id;
                    p.conditions.push(a);
                    id
                }),
                vec![MARK, SANNE],
            ),
            (
                "support entry of Sanne about the zorgregeling",
                Box::new(|p: &mut SafetyPlan| {
                    let a = Item::personal(PersonNeed { person: SANNE, need: "Zorgregeling die veilig is".into(), help: "advocaat".into() }, SANNE);
                    let id = a.id;
                    p.support.push(a);
                    id
                }),
                vec![SANNE],
            ),
            (
                "not an arrangement",
                Box::new(|p: &mut SafetyPlan| {
                    let a = agreement(&[MARK], "Mark komt niet thuis na het drinken");
                    let id = a.id;
                    p.agreements.push(a);
                    id
                }),
                vec![],
            ),
        ];
        for (name, make, expected) in cases {
            let mut p = plan();
            let id = make(&mut p);
            let checks = check_plan(&p, &snap, &cat, &phrases());
            let mut prompted: Vec<Uuid> = Vec::new();
            for c in &checks.contact {
                assert_eq!(c.item, id, "{name}");
                assert_eq!(c.guard_rail.kind, GuardRailKind::ContactWithPartnerViolence);
                assert_eq!(c.guard_rail.article.as_deref(), Some("art. 31"));
                // One prompt per parent checked; its persons hold both partners of the recorded
                // violence (art. 31 weighs it in either direction).
                assert!(c.guard_rail.persons.contains(&MARK) && c.guard_rail.persons.contains(&SANNE), "{name}");
                prompted.push(c.item);
            }
            assert_eq!(prompted.len(), expected.len(), "{name}");
        }
    }

    #[test]
    fn no_prompt_without_recorded_partner_violence() {
        let mut b = fixture::Builder::new();
        let (a, _) = b.couple();
        let snap = b.build();
        let mut p = SafetyPlan::new(snap.household.case.id, Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap());
        p.agreements.push(agreement(&[a], "Omgangsregeling blijft zoals hij is"));
        let checks = check_plan(&p, &snap, &fixture::catalogue(), &phrases());
        assert!(checks.is_empty());
    }
}

/// Escape-plan readers who are recorded in the `plegerpositie` toward the person the item protects:
/// `(item id, reader)` pairs, sorted. An escape plan found by the person it protects against can cost a
/// life, so the shell refuses to save a plan for which this is not empty (domain.md §9). Only reported
/// behaviour counts (a record that the actor denies still counts: one source reporting is enough, §5).
pub fn unsafe_escape_readers(plan: &SafetyPlan, snapshot: &CaseSnapshot) -> Vec<(Uuid, Uuid)> {
    let mut out = Vec::new();
    for item in &plan.escape_plan {
        let (Some(protected), super::Visibility::Persons(readers)) = (item.about, &item.visibility) else {
            continue;
        };
        for reader in readers {
            let acts_against = snapshot.records.iter().any(|r| {
                matches!(r.stance, crate::Stance::Reported { .. })
                    && r.actors.contains(reader)
                    && r.targets.contains(&protected)
            });
            if acts_against {
                out.push((item.id, *reader));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod escape_reader_tests {
    use super::*;
    use crate::fixture::{gezin_jansen, ids};
    use crate::plan::{EscapeKind, Visibility};

    fn plan_with_escape_readers(readers: Vec<Uuid>) -> SafetyPlan {
        let mut plan = SafetyPlan::new(ids::CASE, chrono::Utc::now());
        plan.escape_plan.push(
            Item::escape(ids::SANNE, EscapeKind::WhereToGo, "bij een vriendin").visible_to(Visibility::Persons(readers)),
        );
        plan
    }

    #[test]
    fn escape_plan_readers_table() {
        // In the example family Mark pushes and strangles Sanne (reported by Sanne).
        let snapshot = gezin_jansen();
        let table: &[(&[Uuid], &[Uuid])] = &[
            (&[ids::SANNE], &[]),
            (&[ids::SANNE, ids::MARK], &[ids::MARK]),
            (&[ids::MARK], &[ids::MARK]),
            (&[ids::LOTTE], &[]),
        ];
        for (readers, unsafe_readers) in table {
            let plan = plan_with_escape_readers(readers.to_vec());
            let found: Vec<Uuid> = unsafe_escape_readers(&plan, &snapshot).into_iter().map(|(_, r)| r).collect();
            assert_eq!(found, unsafe_readers.to_vec(), "readers {readers:?}");
        }
    }
}

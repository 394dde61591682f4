//! A fictional example family, "Gezin Jansen-de Vries", with its expected analysis written out by hand
//! in `crates/domain/tests/fixture_family.rs`, plus a small builder and a small catalogue for tests.
//!
//! Everything here is invented. The behaviour and question ids are the real ones from `assets/`, so
//! other crates' end-to-end tests can analyse this family with the shipped content as well.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use crate::analysis::{CaseSnapshot, Judgement};
use crate::*;

/// The date the expected analysis is computed for.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 15).expect("valid date")
}

fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date").and_hms_opt(10, 0, 0).expect("valid time").and_utc()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// Fixed ids of the example family (stable across runs, so expectations can name them).
pub mod ids {
    use uuid::Uuid;
    pub const CASE: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0001);
    pub const MARK: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0101);
    pub const SANNE: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0102);
    pub const LOTTE: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0103);
    pub const DAAN: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0104);
    pub const CONV_SANNE: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0201);
    pub const CONV_MARK: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0202);
    pub const CONV_DAAN: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0203);
    pub const REL_COUPLE: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0301);
    /// Mark pushes Sanne, as Sanne tells it (3–5 times).
    pub const R_PUSH_BY_SANNE: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0401);
    /// Mark pushes Sanne, as Mark tells it (once).
    pub const R_PUSH_BY_MARK: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0402);
    /// Mark strangles Sanne, as Sanne tells it.
    pub const R_STRANGLE: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0403);
    /// Mark denies strangling Sanne.
    pub const R_STRANGLE_DENIED: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0404);
    pub const R_INSULT_M_S: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0405);
    pub const R_INSULT_S_M: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0406);
    pub const R_PUSH_S_M: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0407);
    pub const R_ISOLATE: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0408);
    pub const R_PHONE: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0409);
    pub const R_MONEY: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_040a);
    /// Mark shouts at Daan, as Daan tells it (confidential).
    pub const R_SHOUT_DAAN: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_040b);
    pub const A_SANNE_CONTROL: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0501);
    pub const A_MARK_CONTROL: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0502);
    pub const A_SANNE_FEAR: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0503);
    pub const A_MARK_FEAR: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0504);
    pub const A_SANNE_BEHAVIOUR: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0505);
    pub const A_MARK_BEHAVIOUR: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0506);
    pub const A_SANNE_DEBTS: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0507);
    pub const A_SANNE_SEPARATION: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0508);
    pub const A_DAAN_SAFETY: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0509);
}

fn def(id: &str, label: &str, category: BehaviourCategory, weight: Weight) -> BehaviourDef {
    BehaviourDef { id: id.into(), label: label.into(), help: String::new(), category, weight, control_domain: None, red_flags: vec![], targets: TargetKind::Anyone }
}

/// A small catalogue with the real ids of the items the tests use, and the feeds of the real guide
/// questions the tests answer. The shipped catalogue (`assets/catalogue/`) is a superset.
pub fn catalogue() -> Catalogue {
    use BehaviourCategory::*;
    use Weight::*;
    let with_flags = |mut d: BehaviourDef, f: &[RedFlag]| {
        d.red_flags = f.to_vec();
        d
    };
    let control = |id: &str, label: &str, d: ControlDomain| {
        let mut x = def(id, label, CoerciveControl, Ernstig);
        x.control_domain = Some(d);
        x
    };
    let mut items = vec![
        def("psy.schelden", "uitschelden", Psychological, Licht),
        def("psy.schreeuwen", "schreeuwen", Psychological, Licht),
        def("psy.vernederen_publiek", "vernederen waar anderen bij zijn", Psychological, Ernstig),
        def("psy.dreigen_slaan", "dreigen te slaan", Psychological, Ernstig),
        with_flags(def("psy.dreigen_doden", "dreigen te doden", Psychological, Ernstig), &[RedFlag::ThreatToKill]),
        with_flags(def("psy.dreigen_zelfdoding", "dreigen zichzelf iets aan te doen", Psychological, Ernstig), &[RedFlag::SuicideThreat]),
        with_flags(def("psy.eer_dreigen", "dreigen met geweld om de eer van de familie", Psychological, Ernstig), &[RedFlag::HonourRelatedThreat]),
        def("fys.duwen", "duwen", Physical, Licht),
        def("fys.slaan_vlakke_hand", "een klap geven met de vlakke hand", Physical, Licht),
        def("fys.stompen", "stompen", Physical, Ernstig),
        with_flags(def("fys.wurgen", "wurgen, de keel dichtknijpen of smoren", Physical, Ernstig), &[RedFlag::Strangulation]),
        with_flags(def("fys.wapen", "een mes of ander wapen gebruiken of ermee dreigen", Physical, Ernstig), &[RedFlag::Weapon]),
        def("sek.onder_druk_zetten", "onder druk zetten tot seks", Sexual, Licht),
        with_flags(def("sek.dwingen", "seks afdwingen met geweld of dreiging", Sexual, Ernstig), &[RedFlag::ForcedSex]),
        control("dwang.isoleren", "afsluiten van vrienden en familie", ControlDomain::Isolation),
        control("dwang.telefoon_controleren", "telefoon of locatie controleren", ControlDomain::Monitoring),
        control("dwang.geld_controleren", "al het geld in handen houden", ControlDomain::Money),
        control("dwang.jaloezie", "jaloers en bezitterig gedrag", ControlDomain::Jealousy),
        control("dwang.bewegingsvrijheid", "beperken waar iemand heen mag, werken of leren", ControlDomain::Movement),
        def("bel.volgen", "volgen", Stalking, Ernstig),
        def("eco.geld_afpakken", "geld afpakken", Economic, Licht),
        def("kind.verwaarlozing_fysiek", "lichamelijke verwaarlozing", ChildNeglect, Ernstig),
        def("kind.getuige", "getuige van geweld tussen volwassenen", ChildWitnessing, Licht),
        def("let.blauwe_plek", "blauwe plek of schaafwond", Injury, Licht),
        def("let.medische_zorg", "letsel waarvoor medische zorg nodig was", Injury, Ernstig),
    ];
    items.sort_by(|a, b| a.id.cmp(&b.id));
    let mut feeds: BTreeMap<String, Vec<Feed>> = BTreeMap::new();
    let mut feed = |q: &str, f: Feed| feeds.entry(q.to_owned()).or_default().push(f);
    use crate::indicators::*;
    let yes = |i: &str| Feed::Yes { indicator: i.into() };
    let answered = |i: &str| Feed::Answered { indicator: i.into() };
    feed("vol.gedrag.overzicht", answered(ASKED_PARTNER_BEHAVIOUR));
    feed("vol.gedrag.seks", answered(ASKED_SEXUAL_VIOLENCE));
    feed("vol.gedrag.wurgen", answered(ASKED_STRANGULATION));
    for (q, d) in CONTROL_QUESTIONS {
        feed(q, answered(ASKED_CONTROL));
        feed(q, answered(asked_control_domain(*d)));
    }
    feed("vol.controle.belaging", answered(ASKED_STALKING));
    feed("vol.kinderen.zien_horen", answered(ASKED_CHILD_WITNESSING));
    feed("vol.kinderen.gedrag_tegen_kind", answered(ASKED_CHILD_TREATMENT));
    feed("vol.hulp.geweld_na_hulp", yes(VIOLENCE_AFTER_HELP));
    feed("vol.kinderen.onvoorspelbaar", yes(CARE_UNPREDICTABLE_PARENTING));
    feed("vol.kinderen.zelfbeschadiging_gezien", yes(CHILD_WITNESSES_SELF_HARM));
    feed("vol.scheiding.loyaliteit", yes(CHILD_LOYALTY_CONFLICT));
    feed("vol.veilig.zwanger_nu", yes(PREGNANCY_CURRENT));
    feed("obs.kind.hoe_gaat_het", answered(CHILD_OBSERVED));
    feed("obs.kind.reactie_ouder", answered(CHILD_OBSERVED));
    feed("vol.angst.bang_voor_partner", answered(ASKED_FEAR));
    feed("vol.angst.bang_voor_partner", yes(FEAR_CHRONIC));
    feed("vol.angst.levensgevaar", yes(FEAR_FOR_LIFE));
    feed("vol.stress.schulden", yes(STRESSOR_DEBTS));
    feed("vol.stress.werk", yes(STRESSOR_WORK_LOSS));
    feed("vol.stress.ziekte_verlies", yes(STRESSOR_ILLNESS_OR_LOSS));
    feed("vol.stress.middelen", yes(STRESSOR_SUBSTANCE_USE));
    feed("vol.stress.wonen", yes(STRESSOR_HOUSING));
    feed("vol.relatie.escaleert_snel", yes(CONFLICT_ESCALATES_FAST));
    feed("vol.relatie.goede_momenten", yes(RELATIONSHIP_GOOD_MOMENTS));
    feed("vol.kinderen.gedragsproblemen", yes(CHILD_BEHAVIOUR_PROBLEMS));
    feed("vol.kinderen.opvoedstress", yes(PARENTING_STRESS));
    feed("vol.kinderen.oneens_opvoeding", yes(PARENTING_DISAGREEMENT));
    feed("vol.eigen.psychiatrie", yes(PARENT_PSYCHIATRIC));
    feed("vol.eigen.verslaving", yes(PARENT_ADDICTION));
    feed("vol.eigen.beperking", yes(PARENT_INTELLECTUAL_DISABILITY));
    feed("vol.scheiding.conflict", yes(SEPARATION_ONGOING_CONFLICT));
    feed("vol.scheiding.procedures", yes(SEPARATION_LEGAL_PROCEEDINGS));
    feed("vol.veilig.scheiding_plannen", yes(SEPARATION_PLANNED_OR_FEARED));
    feed("vol.veilig.wapen_in_huis", yes(WEAPON_AVAILABLE));
    feed("vol.veilig.erger_geworden", yes(ESCALATION_REPORTED));
    feed("vol.veilig.zwangerschap", yes(VIOLENCE_DURING_PREGNANCY));
    feed("vol.veilig.eer", yes(HONOUR_THREAT));
    feed("vol.veilig.zelfdoding_partner", yes(SUICIDE_THREAT_BY_PARTNER));
    feed("vol.kinderen.betrokken_geraakt", yes(CHILD_DRAWN_IN));
    feed("k12.veilig.cijfer", Feed::Answered { indicator: CHILD_OWN_SAFETY.into() });
    feed("k8.veilig.cijfer", Feed::Answered { indicator: CHILD_OWN_SAFETY.into() });
    feed("k4.gezichtjes.thuis", Feed::Answered { indicator: CHILD_OWN_SAFETY.into() });
    Catalogue { version: 1, items, question_feeds: feeds }
}

/// The adult guide's control questions, one per life domain (§6.2).
pub const CONTROL_QUESTIONS: &[(&str, ControlDomain)] = &[
    ("vol.controle.contacten", ControlDomain::Isolation),
    ("vol.controle.telefoon", ControlDomain::Monitoring),
    ("vol.controle.geld", ControlDomain::Money),
    ("vol.controle.jaloezie", ControlDomain::Jealousy),
    ("vol.controle.vrijheid", ControlDomain::Movement),
    ("vol.controle.beslissen", ControlDomain::Decisions),
    ("vol.controle.kleineren", ControlDomain::Degrading),
    ("vol.controle.kinderen", ControlDomain::Children),
];

/// Builds snapshots for tests: persons, relations, conversations, records and answers with sequential
/// ids, so tests stay short and deterministic.
#[derive(Debug, Clone)]
pub struct Builder {
    pub snapshot: CaseSnapshot,
    next: u128,
}

impl Default for Builder {
    fn default() -> Self {
        Self::new()
    }
}

impl Builder {
    pub fn new() -> Builder {
        let case = Case {
            id: Uuid::from_u128(1),
            label: "Gezin T.".into(),
            status: CaseStatus::Open,
            phase: Phase::DirecteVeiligheid,
            created_at: at(2026, 1, 1),
            updated_at: at(2026, 1, 1),
            retention_until: None,
        };
        Builder {
            snapshot: CaseSnapshot {
                household: Household { case, persons: vec![], relations: vec![] },
                conversations: vec![],
                answers: vec![],
                records: vec![],
                judgements: vec![],
                acute_decisions: vec![],
                prechecks: vec![],
            },
            next: 1000,
        }
    }

    fn id(&mut self) -> Uuid {
        self.next += 1;
        Uuid::from_u128(self.next)
    }

    pub fn person(&mut self, role: Role, name: &str, year_of_birth: Option<i32>) -> Uuid {
        let id = self.id();
        self.snapshot.household.persons.push(Person {
            id,
            case_id: self.snapshot.household.case.id,
            role,
            name: name.into(),
            year_of_birth,
            gender: None,
            lives_in_household: true,
            notes: String::new(),
            language: Default::default(),
        });
        id
    }

    pub fn relate(&mut self, from: Uuid, to: Uuid, kind: RelationKind) -> Uuid {
        let id = self.id();
        self.snapshot.household.relations.push(Relation { id, case_id: self.snapshot.household.case.id, from, to, kind });
        id
    }

    /// Two partners, already related.
    pub fn couple(&mut self) -> (Uuid, Uuid) {
        let a = self.person(Role::Parent, "A", Some(1985));
        let b = self.person(Role::Parent, "B", Some(1987));
        self.relate(a, b, RelationKind::PartnerOf);
        (a, b)
    }

    pub fn conversation(&mut self, participants: &[Uuid]) -> Uuid {
        let id = self.id();
        self.snapshot.conversations.push(Conversation {
            id,
            case_id: self.snapshot.household.case.id,
            participants: participants.to_vec(),
            joint_reason: (participants.len() > 1).then(|| "afspraken over de kinderen".into()),
            safety_justification: None,
            guide_id: "gids.volwassene".into(),
            guide_version: 1,
            started_at: at(2026, 2, 1),
            ended_at: None,
            notes: String::new(),
        });
        id
    }

    /// A record from `source` with default everything else; returns its id.
    pub fn record(&mut self, actor: Uuid, target: Uuid, behaviour: &str, stance: Stance, source: Uuid) -> Uuid {
        self.record_with(actor, target, behaviour, stance, source, |_| {})
    }

    pub fn reported(&mut self, actor: Uuid, target: Uuid, behaviour: &str, f: Frequency, source: Uuid) -> Uuid {
        self.record(actor, target, behaviour, Stance::Reported { frequency: f }, source)
    }

    pub fn record_with(
        &mut self,
        actor: Uuid,
        target: Uuid,
        behaviour: &str,
        stance: Stance,
        source: Uuid,
        edit: impl FnOnce(&mut BehaviourRecord),
    ) -> Uuid {
        let id = self.id();
        let mut r = BehaviourRecord {
            id,
            case_id: self.snapshot.household.case.id,
            actors: vec![actor],
            targets: vec![target],
            behaviour_id: behaviour.into(),
            stance,
            first_occurrence: None,
            last_occurrence: None,
            context: vec![],
            impact: vec![],
            impact_text: String::new(),
            children_exposed: vec![],
            source_person: source,
            conversation_id: None,
            question_id: None,
            confidential: Visibility::Everyone,
            updated_at: at(2026, 2, 1),
        };
        edit(&mut r);
        self.snapshot.records.push(r);
        id
    }

    pub fn answer(&mut self, source: Uuid, question: &str, value: AnswerValue) -> Uuid {
        let id = self.id();
        let conversation_id = self
            .snapshot
            .conversations
            .iter()
            .find(|c| c.participants.contains(&source))
            .map(|c| c.id)
            .unwrap_or(Uuid::nil());
        self.snapshot.answers.push(Answer {
            id,
            conversation_id,
            question_id: question.into(),
            source_person: source,
            value,
            words: String::new(),
            confidential: Visibility::Everyone,
            updated_at: at(2026, 2, 1),
        });
        id
    }

    pub fn yes(&mut self, source: Uuid, question: &str) -> Uuid {
        self.answer(source, question, AnswerValue::YesNoUnknown { value: YesNoUnknown::Yes })
    }

    pub fn no(&mut self, source: Uuid, question: &str) -> Uuid {
        self.answer(source, question, AnswerValue::YesNoUnknown { value: YesNoUnknown::No })
    }

    /// Every control question (one per life domain) asked of `source`, nothing reported in the answer
    /// itself (records are added separately).
    pub fn asked_all_control(&mut self, source: Uuid) {
        for (q, _) in CONTROL_QUESTIONS {
            self.answer(source, q, AnswerValue::BehaviourRecords { records: vec![] });
        }
    }

    /// An answer given on a given day (for the recency of red flags).
    pub fn answer_on(&mut self, source: Uuid, question: &str, value: AnswerValue, day: NaiveDate) -> Uuid {
        let id = self.answer(source, question, value);
        let a = self.snapshot.answers.last_mut().expect("just added");
        a.updated_at = day.and_hms_opt(10, 0, 0).expect("valid time").and_utc();
        id
    }

    pub fn judge(&mut self, key: &str, verdict: crate::analysis::Verdict, hypothesis: &str, day: u32) -> Uuid {
        let id = self.id();
        self.snapshot.judgements.push(Judgement {
            id,
            case_id: self.snapshot.household.case.id,
            conclusion_key: key.into(),
            verdict,
            reason: "besproken in het team".into(),
            hypothesis_at_decision: hypothesis.into(),
            decided_at: at(2026, 3, day),
        });
        id
    }

    pub fn build(&self) -> CaseSnapshot {
        self.snapshot.clone()
    }
}

/// "Gezin Jansen-de Vries" (fictional): Mark (1985) and Sanne (1988), partners; Lotte (2020, 6) and
/// Daan (2013, 13).
///
/// Sanne, heard alone, tells of pushing (3–5 times), insults (6–10), one strangling in January 2026
/// after which she feared for her life, isolation, phone checks and all money in Mark's hands; she is
/// afraid of Mark, has debts and is thinking of leaving. Mark, heard alone, says he pushed her once,
/// denies the strangling, and tells that Sanne insults him (3–5) and pushed him once. Daan (13), heard
/// alone and in confidence, says Mark shouted at him twice and that he heard the pushing; he rates
/// safety at home a 4. Lotte (6) has not been heard yet.
pub fn gezin_jansen() -> CaseSnapshot {
    use ids::*;
    let created = at(2026, 2, 1);
    let person = |id, role, name: &str, yob, gender| Person {
        id,
        case_id: CASE,
        role,
        name: name.into(),
        year_of_birth: Some(yob),
        gender: Some(gender),
        lives_in_household: true,
        notes: String::new(),
        language: Default::default(),
    };
    let household = Household {
        case: Case {
            id: CASE,
            label: "Gezin Jansen-de Vries".into(),
            status: CaseStatus::Open,
            phase: Phase::DirecteVeiligheid,
            created_at: created,
            updated_at: created,
            retention_until: Some(date(2046, 2, 1)),
        },
        persons: vec![
            person(MARK, Role::Parent, "Mark", 1985, Gender::Male),
            person(SANNE, Role::Parent, "Sanne", 1988, Gender::Female),
            person(LOTTE, Role::Child, "Lotte", 2020, Gender::Female),
            person(DAAN, Role::Child, "Daan", 2013, Gender::Male),
        ],
        relations: vec![
            Relation { id: REL_COUPLE, case_id: CASE, from: MARK, to: SANNE, kind: RelationKind::PartnerOf },
            Relation { id: Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0302), case_id: CASE, from: MARK, to: LOTTE, kind: RelationKind::ParentOf { step: false } },
            Relation { id: Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0303), case_id: CASE, from: SANNE, to: LOTTE, kind: RelationKind::ParentOf { step: false } },
            Relation { id: Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0304), case_id: CASE, from: MARK, to: DAAN, kind: RelationKind::ParentOf { step: false } },
            Relation { id: Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0305), case_id: CASE, from: SANNE, to: DAAN, kind: RelationKind::ParentOf { step: false } },
        ],
    };
    let conv = |id, who, guide: &str, day| Conversation {
        id,
        case_id: CASE,
        participants: vec![who],
        joint_reason: None,
        safety_justification: None,
        guide_id: guide.into(),
        guide_version: 1,
        started_at: at(2026, 2, day),
        ended_at: Some(at(2026, 2, day)),
        notes: String::new(),
    };
    let conversations = vec![
        conv(CONV_SANNE, SANNE, "gids.volwassene", 3),
        conv(CONV_MARK, MARK, "gids.volwassene", 5),
        conv(CONV_DAAN, DAAN, "gids.kind_12_17", 10),
    ];
    let rec = |id, actor, target, behaviour: &str, stance, source, conv| BehaviourRecord {
        id,
        case_id: CASE,
        actors: vec![actor],
        targets: vec![target],
        behaviour_id: behaviour.into(),
        stance,
        first_occurrence: None,
        last_occurrence: None,
        context: vec![],
        impact: vec![],
        impact_text: String::new(),
        children_exposed: vec![],
        source_person: source,
        conversation_id: Some(conv),
        question_id: None,
        confidential: Visibility::Everyone,
        updated_at: created,
    };
    let rep = |f| Stance::Reported { frequency: f };
    let mut push_by_sanne = rec(R_PUSH_BY_SANNE, MARK, SANNE, "fys.duwen", rep(Frequency::ThreeToFive), SANNE, CONV_SANNE);
    push_by_sanne.first_occurrence = Some(date(2024, 6, 1));
    push_by_sanne.last_occurrence = Some(date(2026, 1, 20));
    push_by_sanne.impact = vec![ImpactTag::Fear];
    push_by_sanne.impact_text = "Ik durf niks meer te zeggen als hij gedronken heeft.".into();
    push_by_sanne.context = vec![ContextTag::AlcoholOrDrugs, ContextTag::InFrontOfChildren];
    push_by_sanne.children_exposed = vec![ChildExposure { child: DAAN, how: vec![Exposure::Heard] }];
    let mut strangle = rec(R_STRANGLE, MARK, SANNE, "fys.wurgen", rep(Frequency::Once), SANNE, CONV_SANNE);
    strangle.first_occurrence = Some(date(2026, 1, 10));
    strangle.last_occurrence = Some(date(2026, 1, 10));
    strangle.impact = vec![ImpactTag::FearForLife];
    strangle.impact_text = "Ik dacht dat ik doodging.".into();
    strangle.confidential = Visibility::ProfessionalOnly;
    let mut shout = rec(R_SHOUT_DAAN, MARK, DAAN, "psy.schreeuwen", rep(Frequency::Twice), DAAN, CONV_DAAN);
    shout.confidential = Visibility::ProfessionalOnly;
    let records = vec![
        push_by_sanne,
        rec(R_PUSH_BY_MARK, MARK, SANNE, "fys.duwen", rep(Frequency::Once), MARK, CONV_MARK),
        strangle,
        rec(R_STRANGLE_DENIED, MARK, SANNE, "fys.wurgen", Stance::Denied, MARK, CONV_MARK),
        rec(R_INSULT_M_S, MARK, SANNE, "psy.schelden", rep(Frequency::SixToTen), SANNE, CONV_SANNE),
        rec(R_INSULT_S_M, SANNE, MARK, "psy.schelden", rep(Frequency::ThreeToFive), MARK, CONV_MARK),
        rec(R_PUSH_S_M, SANNE, MARK, "fys.duwen", rep(Frequency::Once), MARK, CONV_MARK),
        rec(R_ISOLATE, MARK, SANNE, "dwang.isoleren", rep(Frequency::MoreThanTwenty), SANNE, CONV_SANNE),
        rec(R_PHONE, MARK, SANNE, "dwang.telefoon_controleren", rep(Frequency::MoreThanTwenty), SANNE, CONV_SANNE),
        rec(R_MONEY, MARK, SANNE, "dwang.geld_controleren", rep(Frequency::MoreThanTwenty), SANNE, CONV_SANNE),
        shout,
    ];
    let ans = |id, conv, q: &str, source, value| Answer {
        id,
        conversation_id: conv,
        question_id: q.into(),
        source_person: source,
        value,
        words: String::new(),
        confidential: Visibility::Everyone,
        updated_at: created,
    };
    let yn = |v| AnswerValue::YesNoUnknown { value: v };
    let mut daan_safety = ans(A_DAAN_SAFETY, CONV_DAAN, "k12.veilig.cijfer", DAAN, AnswerValue::Scale { value: 4 });
    daan_safety.confidential = Visibility::ProfessionalOnly;
    let mut answers = vec![
        ans(A_SANNE_CONTROL, CONV_SANNE, "vol.controle.contacten", SANNE, AnswerValue::BehaviourRecords { records: vec![R_ISOLATE] }),
        ans(A_MARK_CONTROL, CONV_MARK, "vol.controle.contacten", MARK, AnswerValue::BehaviourRecords { records: vec![] }),
        ans(A_SANNE_FEAR, CONV_SANNE, "vol.angst.bang_voor_partner", SANNE, yn(YesNoUnknown::Yes)),
        ans(A_MARK_FEAR, CONV_MARK, "vol.angst.bang_voor_partner", MARK, yn(YesNoUnknown::No)),
        ans(A_SANNE_BEHAVIOUR, CONV_SANNE, "vol.gedrag.overzicht", SANNE, AnswerValue::BehaviourRecords { records: vec![R_PUSH_BY_SANNE, R_STRANGLE, R_INSULT_M_S] }),
        ans(A_MARK_BEHAVIOUR, CONV_MARK, "vol.gedrag.overzicht", MARK, AnswerValue::BehaviourRecords { records: vec![R_PUSH_BY_MARK, R_STRANGLE_DENIED, R_INSULT_S_M, R_PUSH_S_M] }),
        ans(A_SANNE_DEBTS, CONV_SANNE, "vol.stress.schulden", SANNE, yn(YesNoUnknown::Yes)),
        ans(A_SANNE_SEPARATION, CONV_SANNE, "vol.veilig.scheiding_plannen", SANNE, yn(YesNoUnknown::Yes)),
        daan_safety,
    ];
    // The other control domains were asked of both as well (ids 0x0601.. for Sanne, 0x0611.. for Mark).
    for (i, (q, _)) in CONTROL_QUESTIONS.iter().enumerate().skip(1) {
        let sanne_records = match *q {
            "vol.controle.telefoon" => vec![R_PHONE],
            "vol.controle.geld" => vec![R_MONEY],
            _ => vec![],
        };
        let base = 0x0190_0000_0000_7000_8000_0000_0000_0600u128;
        answers.push(ans(Uuid::from_u128(base + i as u128), CONV_SANNE, q, SANNE, AnswerValue::BehaviourRecords { records: sanne_records }));
        answers.push(ans(Uuid::from_u128(base + 0x10 + i as u128), CONV_MARK, q, MARK, AnswerValue::BehaviourRecords { records: vec![] }));
    }
    CaseSnapshot { household, conversations, answers, records, judgements: vec![], acute_decisions: vec![], prechecks: vec![] }
}

/// The example family prepared for the access-request (`inzage`) tests: what is stored of it, with a
/// unique marker (no spaces) in every text, so a test can look for each in the text of a PDF.
#[derive(Debug, Clone)]
pub struct InzageFamily {
    pub snapshot: CaseSnapshot,
    pub notes: Vec<notes::Note>,
    pub plan: plan::SafetyPlan,
}

/// Ids of what [`gezin_jansen_inzage`] adds to [`gezin_jansen`].
pub mod inzage_ids {
    use uuid::Uuid;
    pub const CONV_LOTTE: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0204);
    /// Mark pushes Sanne, as Daan tells it; set to "everyone" by mistake.
    pub const R_PUSH_BY_DAAN: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_040c);
    pub const A_LOTTE_OPEN: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_050a);
    pub const A_LOTTE_CONFIDENTIAL: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_050b);
    pub const NOTE_MARK: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0701);
    pub const NOTE_MARK_CONFIDENTIAL: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0702);
    pub const NOTE_SANNE: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0703);
    pub const NOTE_DAAN: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0704);
    pub const NOTE_DAAN_CONFIDENTIAL: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0705);
    pub const NOTE_CASE: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0706);
    pub const NOTE_SANNE_CONVERSATION: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0707);
}

/// Markers of [`gezin_jansen_inzage`], by whose inzage must hold them. Each marker is in exactly one
/// text of the family's file.
pub mod inzage_markers {
    /// Mark's own answers and records, his notes and plan items, his details.
    pub const MARK: &[&str] = &["ZQMARKFEAR", "ZQMARKOWNACCOUNT", "ZQMARKSAYSINSULT", "ZQNOTEMARK", "ZQCONVMARK", "ZQPLANMARK", "ZQPERSONMARK"];
    /// Sanne's own answers (confidential ones too), the records she told, her notes and escape plan.
    pub const SANNE: &[&str] = &["ZQSANNEFEAR", "ZQSANNELEAVING", "ZQSANNEDEBTS", "ZQSTRANGLECONF", "ZQISOLATEVIAANSWER", "ZQNOTESANNE", "ZQNOTECONVSANNE", "ZQCONVSANNE", "ZQESCAPESANNE"];
    /// Daan's disclosures (also the one set to "everyone" by mistake), his conversation, his plan item.
    pub const DAAN: &[&str] = &["ZQDAANSAFETY", "ZQDAANDISCLOSURE", "ZQDAANWIDENED", "ZQCONVDAAN", "ZQPLANDAANDISCLOSURE", "ZQNOTEDAAN"];
    /// What Lotte (6) said that everyone may read.
    pub const LOTTE_OPEN: &[&str] = &["ZQLOTTEOPEN"];
    /// What Lotte said in confidence, her conversation's closing notes, her own plan item.
    pub const LOTTE_CONFIDENTIAL: &[&str] = &["ZQLOTTECONF", "ZQCONVLOTTE", "ZQPLANLOTTE"];
    /// Shared with everyone: a record Sanne told (Mark pushes her, Daan heard it), a plan agreement.
    pub const SHARED: &[&str] = &["ZQPUSHSHARED", "ZQPLANSHARED"];
    /// In nobody's inzage: confidential notes, a note about the household, a professional-only item.
    pub const NOBODY: &[&str] = &["ZQCONFNOTEMARK", "ZQCONFNOTEDAAN", "ZQNOTECASE", "ZQPLANPROMARK"];
}

/// "Gezin Jansen-de Vries" with what an access request reads, each text with a marker of
/// [`inzage_markers`]:
/// - answers: Sanne's fear (confidential to her), her plan to leave (professional only), her debts
///   (everyone); Mark's fear (confidential to him) and his account (everyone); Daan's safety mark
///   (professional only); Lotte (6), heard once, one answer for everyone and one in confidence;
///   Sanne's control answer made confidential to her, while the isolation record made in it says
///   "everyone";
/// - records: Sanne's account of the pushing (everyone; Daan heard it), the strangling (professional
///   only), Mark's account of Sanne insulting him (confidential to Mark), Daan's account of the
///   shouting (professional only) and of the pushing, set to "everyone" by mistake;
/// - notes about Mark (one confidential), Sanne (one through her conversation only), Daan (one
///   confidential) and the household; closing notes of each conversation; Mark's details;
/// - a plan with a shared agreement, Sanne's escape plan, Mark's own problem, Daan's disclosure (for
///   Daan), Lotte's own need (for Lotte) and a professional-only worry about Mark.
pub fn gezin_jansen_inzage() -> InzageFamily {
    use ids::*;
    use inzage_ids::*;
    let mut s = gezin_jansen();
    let created = at(2026, 2, 1);
    let named = |p: Uuid| Visibility::NamedPersons { persons: vec![p] };
    s.household.persons.iter_mut().filter(|p| p.id == MARK).for_each(|p| p.notes = "Werkt in ploegendienst ZQPERSONMARK".into());
    s.conversations.push(Conversation {
        id: CONV_LOTTE,
        case_id: CASE,
        participants: vec![LOTTE],
        joint_reason: None,
        safety_justification: None,
        guide_id: "gids.kind_4_7".into(),
        guide_version: 1,
        started_at: at(2026, 2, 12),
        ended_at: Some(at(2026, 2, 12)),
        notes: "Lotte tekende haar huis ZQCONVLOTTE".into(),
    });
    for c in &mut s.conversations {
        let marker = match c.id {
            x if x == CONV_SANNE => "Sanne was rustig maar moe ZQCONVSANNE",
            x if x == CONV_MARK => "Mark kwam op tijd ZQCONVMARK",
            x if x == CONV_DAAN => "Daan praatte makkelijk ZQCONVDAAN",
            _ => continue,
        };
        c.notes = marker.into();
    }
    let answer = |s: &mut CaseSnapshot, id: Uuid, words: &str, confidential: Visibility| {
        let a = s.answers.iter_mut().find(|a| a.id == id).expect("fixture answer");
        a.words = words.into();
        a.confidential = confidential;
    };
    answer(&mut s, A_SANNE_FEAR, "Ik ben bang als hij thuiskomt ZQSANNEFEAR", named(SANNE));
    answer(&mut s, A_SANNE_SEPARATION, "Ik wil in de zomer weg ZQSANNELEAVING", Visibility::ProfessionalOnly);
    answer(&mut s, A_SANNE_DEBTS, "Het gaat om de huur ZQSANNEDEBTS", Visibility::Everyone);
    answer(&mut s, A_SANNE_CONTROL, "", named(SANNE));
    answer(&mut s, A_MARK_FEAR, "Nee, maar ik schrik van mezelf ZQMARKFEAR", named(MARK));
    answer(&mut s, A_MARK_BEHAVIOUR, "Ik heb haar een keer geduwd ZQMARKOWNACCOUNT", Visibility::Everyone);
    answer(&mut s, A_DAAN_SAFETY, "Een vier, soms een twee ZQDAANSAFETY", Visibility::ProfessionalOnly);
    let lotte = |id, q: &str, words: &str, confidential| Answer {
        id,
        conversation_id: CONV_LOTTE,
        question_id: q.into(),
        source_person: LOTTE,
        value: AnswerValue::Unanswered,
        words: words.into(),
        confidential,
        updated_at: created,
    };
    s.answers.push(lotte(A_LOTTE_OPEN, "k4.thuis.wie", "Papa mama Daan en de kat ZQLOTTEOPEN", Visibility::Everyone));
    s.answers.push(lotte(A_LOTTE_CONFIDENTIAL, "k4.thuis", "Papa duwt mama soms ZQLOTTECONF", Visibility::ProfessionalOnly));
    let record = |s: &mut CaseSnapshot, id: Uuid, text: &str, confidential: Visibility| {
        let r = s.records.iter_mut().find(|r| r.id == id).expect("fixture record");
        r.impact_text = format!("{} {text}", r.impact_text).trim().to_owned();
        r.confidential = confidential;
    };
    record(&mut s, R_PUSH_BY_SANNE, "ZQPUSHSHARED", Visibility::Everyone);
    record(&mut s, R_STRANGLE, "ZQSTRANGLECONF", Visibility::ProfessionalOnly);
    record(&mut s, R_ISOLATE, "Ik zie mijn zus niet meer ZQISOLATEVIAANSWER", Visibility::Everyone);
    record(&mut s, R_INSULT_S_M, "Ze noemt me een mislukkeling ZQMARKSAYSINSULT", named(MARK));
    record(&mut s, R_SHOUT_DAAN, "Hij schreeuwt als ik niet slaap ZQDAANDISCLOSURE", Visibility::ProfessionalOnly);
    let mut widened = s.records.iter().find(|r| r.id == R_PUSH_BY_SANNE).cloned().expect("fixture record");
    widened.id = R_PUSH_BY_DAAN;
    widened.source_person = DAAN;
    widened.conversation_id = Some(CONV_DAAN);
    widened.stance = Stance::Reported { frequency: Frequency::Twice };
    widened.impact_text = "Ik hoorde mama huilen ZQDAANWIDENED".into();
    widened.children_exposed = vec![ChildExposure { child: DAAN, how: vec![Exposure::Heard] }];
    widened.confidential = Visibility::Everyone;
    s.records.push(widened);

    let note = |id, person: Option<Uuid>, conversation: Option<Uuid>, title: &str, text: &str, confidential| notes::Note {
        id,
        case_id: CASE,
        person_id: person,
        conversation_id: conversation,
        date: date(2026, 3, 10),
        title: title.into(),
        text: text.into(),
        tags: vec![],
        confidential,
        created_at: at(2026, 3, 10),
        updated_at: at(2026, 3, 10),
        deleted_at: None,
    };
    let notes = vec![
        note(NOTE_MARK, Some(MARK), None, "Telefoontje", "Mark belde om de afspraak te verzetten ZQNOTEMARK", false),
        note(NOTE_MARK_CONFIDENTIAL, Some(MARK), None, "Overleg", "Sanne vertelde dat hij haar volgt ZQCONFNOTEMARK", true),
        note(NOTE_SANNE, Some(SANNE), None, "Huisbezoek", "Sanne heeft een nieuwe baan ZQNOTESANNE", false),
        note(NOTE_SANNE_CONVERSATION, None, Some(CONV_SANNE), "Na het gesprek", "Sanne wil een vervolgafspraak ZQNOTECONVSANNE", false),
        note(NOTE_DAAN, Some(DAAN), None, "School", "Daan gaat weer naar voetbal ZQNOTEDAAN", false),
        note(NOTE_DAAN_CONFIDENTIAL, Some(DAAN), None, "Daan", "Moeder zegt dat Daan slecht slaapt ZQCONFNOTEDAAN", true),
        note(NOTE_CASE, None, None, "Gezin", "Verhuizing staat gepland ZQNOTECASE", false),
    ];

    use plan::{Agreement, EscapeKind, Item, Party, PersonNeed, Problem, SafetyPlan, Worry};
    let mut p = SafetyPlan::new(CASE, at(2026, 3, 12));
    p.id = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0801);
    let item_id = |n: u128| Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0810 + n);
    let with_id = |mut i: Item<Agreement>, n| {
        i.id = item_id(n);
        i
    };
    p.agreements.push(with_id(
        Item::new(Agreement {
            who: vec![Party::Person { id: MARK }],
            what: "Mark slaapt bij zijn broer als hij gedronken heeft ZQPLANSHARED".into(),
            from: Some(date(2026, 3, 12)),
            checked_by: vec![],
            if_broken: String::new(),
        }),
        1,
    ));
    let mut escape = Item::escape(SANNE, EscapeKind::WhereToGo, "Naar haar zus in Zwolle ZQESCAPESANNE");
    escape.id = item_id(2);
    p.escape_plan.push(escape);
    let mut problem = Item::personal(Problem { person: MARK, priority: 1, problem: "Drinken ZQPLANMARK".into(), help: "Verslavingszorg".into() }, MARK);
    problem.id = item_id(3);
    p.problems.push(problem);
    let mut disclosure = Item::child_disclosure(PersonNeed { person: DAAN, need: "Daan wil iemand om mee te praten ZQPLANDAANDISCLOSURE".into(), help: String::new() }, DAAN)
        .visible_to(plan::Visibility::Persons(vec![DAAN]));
    disclosure.id = item_id(4);
    p.support.push(disclosure);
    let mut lotte_need = Item::personal(PersonNeed { person: LOTTE, need: "Lotte gaat naar speltherapie ZQPLANLOTTE".into(), help: String::new() }, LOTTE);
    lotte_need.id = item_id(5);
    p.support.push(lotte_need);
    let mut pro_worry = Item::new(Worry { situation: "Mark kan escaleren rond de scheiding ZQPLANPROMARK".into(), impact: "Risico".into() })
        .visible_to(plan::Visibility::ProfessionalOnly)
        .about(MARK);
    pro_worry.id = item_id(6);
    p.worries.push(pro_worry);
    InzageFamily { snapshot: s, notes, plan: p }
}

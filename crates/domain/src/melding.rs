//! The draft of a report to Veilig Thuis (`melding`, domain.md §8, issue 15 point 1).
//!
//! A professional who reports gives facts with their sources, the literal words where they were
//! written down, what they saw themselves, and — apart from those — their own judgement. Today that is
//! retyped from memory. [`compose`] builds the report from what the case holds and the professional's
//! choices ([`MeldingDraft`]), as a list of statements per section; every statement carries its source.
//!
//! # Sections
//! 1. **Betrokkenen**: each person of the household with role, year of birth and whether they live in
//!    it, and the positions they take in the included signals — positions per behaviour, never a label.
//! 2. **Signalen** (facts): each behaviour record as one statement: who did what to whom, how often, first
//!    and last time, circumstances, impact, children present — and *who said so*, in which conversation.
//!    A denial is its own statement, next to the report, never subtracted.
//! 3. **Letterlijke woorden** (facts): the person's own words where they were written down (an impact in
//!    their words, the words beside an answer, an open answer), marked as quotes. Quotes cannot be
//!    edited: [`MeldingProblem::QuoteFixed`].
//! 4. **Wat de professional zag** (facts): the answers of observation conversations (children under 4)
//!    and what the professional adds.
//! 5. **Beoordeling** (interpretation): only the conclusions the professional judged — confirmed, or
//!    changed to their own conclusion — with their reason and date; never the raw hypothesis, and a
//!    rejected or not yet judged conclusion is not in it.
//! 6. **Meldcode**: the steps and weighing answers of the log, with their dates and who was consulted, and
//!    what was decided when acute unsafety was possible (with the actions taken).
//! 7. **Hulp**: the professionals, the help per person and the agreements and measures in the safety
//!    plan. **Never the escape plan**: its details reach the report only when the professional writes
//!    them in as their own statement.
//! 8. **Vraag aan Veilig Thuis**: what the professional asks, in their words (required to report).
//!
//! # What is left out by default
//! What a child told in confidence (a record or words whose source is a child and whose visibility is
//! not "everyone", or a plan item from a child's disclosure) is listed but **not included** until the
//! professional includes it: a report is read and discussed with the family, and a child's words are
//! the professional's choice to pass on. What an adult told in confidence is included (it is often the
//! reason for reporting) but marked, so Veilig Thuis knows to protect the source.
//!
//! A report made (`gemeld`) is frozen as a [`MeldingVersion`] holding only what was included; the
//! draft goes on for a later report.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::analysis::{Analysis, CaseSnapshot, ReviewStatus, Verdict};
use crate::cards::{ProfileCard, RedFlagSet};
use crate::plan::{Origin, Party, SafetyPlan};
use crate::{
    AnswerValue, BehaviourRecord, Catalogue, MeldcodeAnswer, MeldcodeEntry, MeldcodeModel, Person, Role, Stance,
    Visibility,
};

/// Longest text of one statement, the request or a source.
pub const MAX_MELDING_TEXT_CHARS: usize = 4000;
/// Most statements the professional may add.
pub const MAX_OWN_STATEMENTS: usize = 100;

/// The sections of the report, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MeldingSection {
    Involved,
    Signals,
    Quotes,
    Observed,
    Judgement,
    Meldcode,
    Help,
    Request,
}

impl MeldingSection {
    pub const ALL: [MeldingSection; 8] = [
        MeldingSection::Involved,
        MeldingSection::Signals,
        MeldingSection::Quotes,
        MeldingSection::Observed,
        MeldingSection::Judgement,
        MeldingSection::Meldcode,
        MeldingSection::Help,
        MeldingSection::Request,
    ];

    /// Sections holding facts (with their sources), as opposed to the professional's interpretation.
    pub fn is_fact(self) -> bool {
        matches!(self, MeldingSection::Involved | MeldingSection::Signals | MeldingSection::Quotes | MeldingSection::Observed)
    }

    /// Where the professional may add a statement of their own.
    pub fn takes_own(self) -> bool {
        matches!(
            self,
            MeldingSection::Signals | MeldingSection::Observed | MeldingSection::Judgement | MeldingSection::Help
        )
    }
}

/// One statement of the report as it will read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeldingStatement {
    /// Stable key: `record:<id>`, `quote:record:<id>`, `quote:answer:<id>`, `person:<id>`,
    /// `judgement:<conclusion key>`, `meldcode:<entry id>`, `acute:<decision id>`, `help:<item id>`, `observed:<answer id>`,
    /// `own:<id>`, `request`.
    pub key: String,
    pub section: MeldingSection,
    /// The text as it will be in the report (the professional's wording if they changed it).
    pub text: String,
    /// The text the case gives, when the professional changed it (so the screen can show and undo it).
    pub original: Option<String>,
    /// Who said it or where it comes from. Every statement has one.
    pub source: String,
    /// The person's own words, shown as a quote; cannot be changed.
    pub quote: bool,
    /// Told in confidence (not for everyone in the family).
    pub confidential: bool,
    /// What a child told in confidence: in the report only when the professional includes it.
    pub child_confidence: bool,
    pub included: bool,
    /// The professional may change the wording (not for quotes).
    pub editable: bool,
}

/// The professional's choice about one statement the case gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatementChoice {
    pub key: String,
    pub included: bool,
    /// Their own wording instead of the case's (not for quotes).
    pub text: Option<String>,
}

/// A statement the professional adds (e.g. a school's report with its source, what they saw, an
/// escape-plan detail they decide Veilig Thuis must know).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OwnStatement {
    pub id: Uuid,
    pub section: MeldingSection,
    pub text: String,
    /// Who said it; required for a signal (a fact without a source is not a fact). Empty elsewhere means
    /// the professional.
    pub source: String,
    pub included: bool,
}

/// What the professional chose and wrote; the rest comes from the case each time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeldingDraft {
    pub case_id: Uuid,
    pub choices: Vec<StatementChoice>,
    pub own: Vec<OwnStatement>,
    /// What the professional asks of Veilig Thuis.
    pub request: String,
    pub updated_at: DateTime<Utc>,
}

impl MeldingDraft {
    pub fn empty(case_id: Uuid, now: DateTime<Utc>) -> MeldingDraft {
        MeldingDraft { case_id, choices: vec![], own: vec![], request: String::new(), updated_at: now }
    }
}

/// Why a draft cannot be saved or reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum MeldingProblem {
    /// A quote's words were changed.
    QuoteFixed { key: String },
    /// An own statement in the signals has no source.
    SourceMissing { id: Uuid },
    /// An own statement is empty, or in a section that takes none.
    OwnInvalid { id: Uuid },
    /// The same key chosen twice, or the same own statement twice.
    Duplicate { key: String },
    /// A text is longer than allowed.
    TooLong,
    /// To report: the request to Veilig Thuis is empty.
    RequestMissing,
    /// To report: no signal is included.
    NoSignals,
}

/// One section as it is shown and printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeldingPart {
    pub section: MeldingSection,
    pub heading: String,
    pub fact: bool,
    pub statements: Vec<MeldingStatement>,
}

/// The report: on screen every statement (with what is left out), in a version only what was included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeldingDocument {
    pub title: String,
    /// "Concept — nog niet gemeld" or "Gemeld op … (versie n)".
    pub status: String,
    pub made_on: String,
    pub facts_note: String,
    pub source_label: String,
    pub confidential_label: String,
    pub empty_label: String,
    pub parts: Vec<MeldingPart>,
}

impl MeldingDocument {
    /// Only what was included: what goes out.
    pub fn included_only(&self) -> MeldingDocument {
        let mut d = self.clone();
        for p in &mut d.parts {
            p.statements.retain(|s| s.included);
        }
        d
    }

    pub fn statements(&self) -> impl Iterator<Item = &MeldingStatement> {
        self.parts.iter().flat_map(|p| p.statements.iter())
    }

    /// The report as plain text, to read out on the phone: only what is included.
    pub fn plain_text(&self) -> String {
        let mut out = format!("{}\n{}\n{}\n\n{}\n", self.title, self.status, self.made_on, self.facts_note);
        for part in &self.parts {
            out.push('\n');
            out.push_str(&part.heading);
            out.push('\n');
            out.push_str(&"-".repeat(part.heading.chars().count()));
            out.push('\n');
            let included: Vec<_> = part.statements.iter().filter(|s| s.included).collect();
            if included.is_empty() {
                out.push_str(&self.empty_label);
                out.push('\n');
            }
            for s in included {
                let text = if s.quote { format!("\u{201e}{}\u{201d}", s.text) } else { s.text.clone() };
                out.push_str(&format!("- {text}\n  {}: {}", self.source_label, s.source));
                if s.confidential {
                    out.push_str(&format!(" ({})", self.confidential_label));
                }
                out.push('\n');
            }
        }
        out
    }
}

/// A report made: what was included, frozen with the day it was reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeldingVersion {
    pub case_id: Uuid,
    pub number: u32,
    pub reported_on: NaiveDate,
    pub frozen_at: DateTime<Utc>,
    /// The Meldcode log entry (step 5) recorded with it.
    pub meldcode_entry: Uuid,
    pub document: MeldingDocument,
}

/// The fixed texts of the report (`assets/melding/melding.toml`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeldingTexts {
    pub version: u32,
    pub headings: BTreeMap<String, String>,
    pub sources: BTreeMap<String, String>,
    pub roles: BTreeMap<String, String>,
    pub words: BTreeMap<String, String>,
    pub context: BTreeMap<String, String>,
    pub impact: BTreeMap<String, String>,
    pub exposure: BTreeMap<String, String>,
    pub severity: BTreeMap<String, String>,
    pub pattern: BTreeMap<String, String>,
    pub strength: BTreeMap<String, String>,
    pub conclusions: BTreeMap<String, String>,
    pub measures: BTreeMap<String, String>,
}

/// Every key the texts must have, per table (checked when the content is loaded).
pub const REQUIRED_TEXTS: &[(&str, &[&str])] = &[
    (
        "headings",
        &[
            "title", "draft", "draft_after", "reported", "involved", "signals", "quotes", "observed", "judgement", "meldcode", "help",
            "request", "facts_note", "source", "confidential", "empty", "made_on", "meldcode_rationale",
        ],
    ),
    ("sources", &["file", "conversation", "no_conversation", "judgement", "meldcode", "acute", "plan", "professional", "observation"]),
    (
        "words",
        &[
            "born", "lives_in", "lives_elsewhere", "actor_in", "target_in", "exposed_to", "reported", "denied", "unknown",
            "first", "last", "context", "impact", "children", "quote_about", "quote_question", "observed_answer",
            "judged_reason", "changed_since", "step", "question", "consulted", "acute_decision", "acute_actions", "professional_help", "problem_help",
            "need", "agreement", "measure", "yes", "no", "not_yet", "done",
        ],
    ),
    (
        "conclusions",
        &["profile", "red_flag", "acute", "not_acute", "structural", "not_structural", "own"],
    ),
];

impl MeldingTexts {
    fn table(&self, name: &str) -> Option<&BTreeMap<String, String>> {
        Some(match name {
            "headings" => &self.headings,
            "sources" => &self.sources,
            "roles" => &self.roles,
            "words" => &self.words,
            "context" => &self.context,
            "impact" => &self.impact,
            "exposure" => &self.exposure,
            "severity" => &self.severity,
            "pattern" => &self.pattern,
            "strength" => &self.strength,
            "conclusions" => &self.conclusions,
            "measures" => &self.measures,
            _ => return None,
        })
    }

    /// The keys that are missing or empty, as `table.key`.
    pub fn missing(&self) -> Vec<String> {
        let mut missing = vec![];
        let mut need = |table: &str, key: &str| {
            if self.table(table).and_then(|t| t.get(key)).is_none_or(|s| s.trim().is_empty()) {
                missing.push(format!("{table}.{key}"));
            }
        };
        for (table, keys) in REQUIRED_TEXTS {
            for key in *keys {
                need(table, key);
            }
        }
        // The tables named by the domain's own enums: every variant needs its words.
        for role in [Role::Parent, Role::Partner, Role::ExPartner, Role::Child, Role::OtherFamily, Role::Network] {
            need("roles", &serde_id(&role));
        }
        use crate::{ContextTag as C, Exposure as E, ImpactTag as I};
        for c in [
            C::AlcoholOrDrugs, C::AroundSeparation, C::InFrontOfChildren, C::AtContactHandover, C::DuringPregnancy,
            C::OutsideTheHome, C::AfterConflictAboutMoney, C::AfterConflictAboutChildren,
        ] {
            need("context", &serde_id(&c));
        }
        for i in [I::Fear, I::FearForLife, I::Injury, I::SleepProblems, I::Withdrawal, I::Shame, I::Adapting] {
            need("impact", &serde_id(&i));
        }
        for e in [E::Saw, E::Heard, E::NoticedAftermath, E::HurtIntervening] {
            need("exposure", &serde_id(&e));
        }
        use crate::analysis::SeverityCategory as S;
        for s in [S::GeenOfIncidenteelLicht, S::Licht, S::VeelvuldigOfErnstig] {
            need("severity", s.id());
        }
        for p in [
            "intieme_terreur", "gewelddadig_verzet", "situationeel_partnergeweld", "situationeel_partnergeweld_eenzijdig",
            "wederzijds_gewelddadige_controle", "geen_partnergeweld_gemeld", "onvoldoende_informatie",
        ] {
            need("pattern", p);
        }
        use crate::analysis::ProfileStrength as P;
        for s in [P::TeWeinigInformatie, P::WeinigAanwijzingen, P::Mogelijk, P::Waarschijnlijk] {
            need("strength", s.id());
        }
        use crate::plan::{MeasureKind as M, MeasureStatus as MS};
        for m in [
            M::TijdelijkHuisverbod, M::ContactBan, M::CriminalConditions, M::Ots, M::PolicePriority, M::AlarmDevice,
            M::AddressShielding, M::Other,
        ] {
            need("measures", &serde_id(&m));
        }
        for s in [MS::InPlace, MS::Considered] {
            need("measures", &serde_id(&s));
        }
        missing
    }

    /// The status of the draft once a report was made: for a next report, with the last one named.
    pub fn draft_after(&self, last: &MeldingVersion) -> String {
        fill(&self.get("headings", "draft_after"), &[("datum", &dutch_date(last.reported_on)), ("versie", &last.number.to_string())])
    }

    fn get(&self, table: &str, key: &str) -> String {
        self.table(table).and_then(|t| t.get(key)).cloned().unwrap_or_else(|| key.to_owned())
    }
}

/// The snake_case name serde gives a unit variant.
fn serde_id<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// Fills `{name}` placeholders.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// A date as Dutch practice writes it: 03-02-2026.
pub fn dutch_date(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// The content the report's words come from.
pub struct MeldingContent<'a> {
    pub texts: &'a MeldingTexts,
    pub catalogue: &'a Catalogue,
    pub red_flags: &'a RedFlagSet,
    pub profiles: &'a [ProfileCard],
    pub meldcode: &'a MeldcodeModel,
    /// A guide question's text by its id.
    pub question: &'a dyn Fn(&str) -> Option<String>,
    /// The guide ids of observation conversations.
    pub observation_guides: &'a [String],
}

/// What the case holds, read in one go.
pub struct MeldingSources<'a> {
    pub snapshot: &'a CaseSnapshot,
    pub analysis: &'a Analysis,
    pub meldcode: &'a [MeldcodeEntry],
    pub plan: Option<&'a SafetyPlan>,
    /// The date in Europe/Amsterdam of an instant.
    pub local: &'a dyn Fn(DateTime<Utc>) -> NaiveDate,
}

/// A statement before the professional's choices are applied.
struct Raw {
    key: String,
    section: MeldingSection,
    text: String,
    source: String,
    quote: bool,
    confidential: bool,
    child_confidence: bool,
}

struct Builder<'a> {
    src: &'a MeldingSources<'a>,
    content: &'a MeldingContent<'a>,
    persons: BTreeMap<Uuid, &'a Person>,
    raw: Vec<Raw>,
}

impl<'a> Builder<'a> {
    fn t(&self, table: &str, key: &str) -> String {
        self.content.texts.get(table, key)
    }

    fn name(&self, id: Uuid) -> String {
        self.persons.get(&id).map_or_else(|| "?".to_owned(), |p| p.name.clone())
    }

    fn names(&self, ids: &[Uuid]) -> String {
        ids.iter().map(|id| self.name(*id)).collect::<Vec<_>>().join(", ")
    }

    fn role(&self, id: Uuid) -> String {
        self.persons.get(&id).map_or_else(String::new, |p| self.t("roles", &serde_id(&p.role)))
    }

    fn is_child(&self, id: Uuid) -> bool {
        self.persons.get(&id).is_some_and(|p| p.role == Role::Child)
    }

    /// "Sanne (ouder), gesprek van 03-02-2026".
    fn person_source(&self, person: Uuid, conversation: Option<Uuid>) -> String {
        let conv = conversation.and_then(|c| self.src.snapshot.conversations.iter().find(|x| x.id == c));
        match conv {
            Some(c) => fill(
                &self.t("sources", "conversation"),
                &[
                    ("naam", &self.name(person)),
                    ("rol", &self.role(person)),
                    ("datum", &dutch_date((self.src.local)(c.started_at))),
                ],
            ),
            None => fill(&self.t("sources", "no_conversation"), &[("naam", &self.name(person)), ("rol", &self.role(person))]),
        }
    }

    fn behaviour(&self, id: &str) -> String {
        self.content.catalogue.item(id).map_or_else(|| id.to_owned(), |d| d.label.clone())
    }

    fn push(&mut self, key: String, section: MeldingSection, text: String, source: String, vis: &Visibility, source_person: Option<Uuid>) {
        let confidential = *vis != Visibility::Everyone;
        let child_confidence = confidential && source_person.is_some_and(|p| self.is_child(p));
        self.raw.push(Raw { key, section, text, source, quote: false, confidential, child_confidence });
    }

    fn quote(&mut self, key: String, words: &str, about: String, source: String, vis: &Visibility, person: Uuid) {
        let confidential = *vis != Visibility::Everyone;
        let child_confidence = confidential && self.is_child(person);
        let text = words.trim().to_owned();
        self.raw.push(Raw {
            key,
            section: MeldingSection::Quotes,
            text,
            source: format!("{source}. {about}"),
            quote: true,
            confidential,
            child_confidence,
        });
    }

    fn record_text(&self, r: &BehaviourRecord) -> String {
        let w = |k: &str| self.t("words", k);
        let actors = self.names(&r.actors);
        let targets = self.names(&r.targets);
        let label = self.behaviour(&r.behaviour_id);
        let mut text = match r.stance {
            Stance::Reported { frequency } => fill(
                &w("reported"),
                &[("wie", &actors), ("tegen_wie", &targets), ("gedrag", &label), ("frequentie", crate::plan::prefill::frequency_text(frequency))],
            ),
            Stance::Denied => fill(
                &w("denied"),
                &[("bron", &self.name(r.source_person)), ("wie", &actors), ("tegen_wie", &targets), ("gedrag", &label)],
            ),
            Stance::Unknown => fill(
                &w("unknown"),
                &[("bron", &self.name(r.source_person)), ("wie", &actors), ("tegen_wie", &targets), ("gedrag", &label)],
            ),
        };
        let mut add = |s: String| {
            text.push(' ');
            text.push_str(&s);
        };
        if let Some(d) = r.first_occurrence {
            add(fill(&w("first"), &[("datum", &dutch_date(d))]));
        }
        if let Some(d) = r.last_occurrence {
            add(fill(&w("last"), &[("datum", &dutch_date(d))]));
        }
        if !r.context.is_empty() {
            let list: Vec<_> = r.context.iter().map(|c| self.t("context", &serde_id(c))).collect();
            add(fill(&w("context"), &[("lijst", &list.join(", "))]));
        }
        if !r.impact.is_empty() {
            let list: Vec<_> = r.impact.iter().map(|i| self.t("impact", &serde_id(i))).collect();
            add(fill(&w("impact"), &[("lijst", &list.join(", "))]));
        }
        if !r.children_exposed.is_empty() {
            let list: Vec<_> = r
                .children_exposed
                .iter()
                .map(|e| {
                    let how: Vec<_> = e.how.iter().map(|h| self.t("exposure", &serde_id(h))).collect();
                    format!("{} {}", self.name(e.child), how.join(", "))
                })
                .collect();
            add(fill(&w("children"), &[("lijst", &list.join("; "))]));
        }
        text
    }

    fn signals_and_quotes(&mut self) {
        let snap = self.src.snapshot;
        for r in &snap.records {
            let source = self.person_source(r.source_person, r.conversation_id);
            let text = self.record_text(r);
            self.push(format!("record:{}", r.id), MeldingSection::Signals, text, source.clone(), &r.confidential, Some(r.source_person));
            if !r.impact_text.trim().is_empty() {
                let about = fill(&self.t("words", "quote_about"), &[("onderwerp", &self.behaviour(&r.behaviour_id))]);
                self.quote(format!("quote:record:{}", r.id), &r.impact_text, about, source, &r.confidential, r.source_person);
            }
        }
        let observation: BTreeSet<Uuid> = snap
            .conversations
            .iter()
            .filter(|c| self.content.observation_guides.contains(&c.guide_id))
            .map(|c| c.id)
            .collect();
        for a in &snap.answers {
            if observation.contains(&a.conversation_id) {
                continue;
            }
            let question = (self.content.question)(&a.question_id).unwrap_or_else(|| a.question_id.clone());
            let about = fill(&self.t("words", "quote_question"), &[("vraag", &question)]);
            let source = self.person_source(a.source_person, Some(a.conversation_id));
            if let AnswerValue::Text { text } = &a.value {
                if !text.trim().is_empty() {
                    self.quote(format!("quote:answer:{}", a.id), text, about.clone(), source.clone(), &a.confidential, a.source_person);
                }
            }
            if !a.words.trim().is_empty() {
                self.quote(format!("quote:words:{}", a.id), &a.words, about, source, &a.confidential, a.source_person);
            }
        }
    }

    fn observed(&mut self) {
        let snap = self.src.snapshot;
        for c in snap.conversations.iter().filter(|c| self.content.observation_guides.contains(&c.guide_id)) {
            let day = dutch_date((self.src.local)(c.started_at));
            let source = fill(&self.t("sources", "observation"), &[("datum", &day)]);
            for a in snap.answers.iter().filter(|a| a.conversation_id == c.id) {
                let answer = match &a.value {
                    AnswerValue::Text { text } if !text.trim().is_empty() => text.clone(),
                    AnswerValue::Scale { value } => value.to_string(),
                    AnswerValue::Choice { option } => option.clone(),
                    AnswerValue::YesNoUnknown { value } => match value {
                        crate::YesNoUnknown::Yes => self.t("words", "yes"),
                        crate::YesNoUnknown::No => self.t("words", "no"),
                        crate::YesNoUnknown::Unknown => continue,
                    },
                    _ if !a.words.trim().is_empty() => a.words.clone(),
                    _ => continue,
                };
                let question = (self.content.question)(&a.question_id).unwrap_or_else(|| a.question_id.clone());
                let who = self.names(&c.participants);
                let text = fill(&self.t("words", "observed_answer"), &[("naam", &who), ("vraag", &question), ("antwoord", &answer)]);
                // What the professional saw is theirs; its visibility does not make it a child's words.
                self.push(format!("observed:{}", a.id), MeldingSection::Observed, text, source.clone(), &a.confidential, None);
            }
        }
    }

    /// Who is involved, with the positions they take in the signals that are included.
    fn involved(&mut self, included_records: &BTreeSet<Uuid>) {
        let snap = self.src.snapshot;
        let w = |b: &Self, k: &str| b.t("words", k);
        let mut lines = vec![];
        for p in snap.household.persons.iter().filter(|p| p.role != Role::Network) {
            let mut text = format!("{} ({}", p.name, self.role(p.id));
            if let Some(y) = p.year_of_birth {
                text.push_str(", ");
                text.push_str(&fill(&w(self, "born"), &[("jaar", &y.to_string())]));
            }
            text.push_str(", ");
            text.push_str(&w(self, if p.lives_in_household { "lives_in" } else { "lives_elsewhere" }));
            text.push_str(").");
            let mut as_actor = BTreeSet::new();
            let mut as_target = BTreeSet::new();
            let mut exposed = BTreeSet::new();
            for r in snap.records.iter().filter(|r| included_records.contains(&r.id) && matches!(r.stance, Stance::Reported { .. })) {
                let label = self.behaviour(&r.behaviour_id);
                if r.actors.contains(&p.id) {
                    as_actor.insert(format!("{} ({} {})", label, w(self, "against"), self.names(&r.targets)));
                }
                if r.targets.contains(&p.id) {
                    as_target.insert(label.clone());
                }
                if r.children_exposed.iter().any(|e| e.child == p.id) {
                    exposed.insert(label);
                }
            }
            for (set, k) in [(as_actor, "actor_in"), (as_target, "target_in"), (exposed, "exposed_to")] {
                if !set.is_empty() {
                    text.push(' ');
                    text.push_str(&fill(&w(self, k), &[("lijst", &set.into_iter().collect::<Vec<_>>().join(", "))]));
                }
            }
            lines.push((p.id, text));
        }
        let source = self.t("sources", "file");
        for (id, text) in lines {
            self.push(format!("person:{id}"), MeldingSection::Involved, text, source.clone(), &Visibility::Everyone, None);
        }
    }

    /// A conclusion's hypothesis text in words (`severity`, `pattern:…`, `profile:…`, `redflag:…`,
    /// `acute`, `structural`).
    fn conclusion(&self, key: &str, hypothesis: &str) -> String {
        let c = |k: &str| self.t("conclusions", k);
        if key == crate::analysis::SEVERITY_KEY {
            return self.t("severity", hypothesis);
        }
        if key == crate::analysis::ACUTE_KEY {
            return c(if hypothesis == "possibly_acute" { "acute" } else { "not_acute" });
        }
        if key == crate::analysis::STRUCTURAL_KEY {
            return c(if hypothesis == "suggested" { "structural" } else { "not_structural" });
        }
        if let Some(flag) = key.strip_prefix("redflag:") {
            let label = self
                .content
                .red_flags
                .flags
                .iter()
                .find(|f| serde_id(&f.id) == flag)
                .map_or_else(|| flag.to_owned(), |f| f.label.clone());
            return fill(&c("red_flag"), &[("vlag", &label)]);
        }
        if let Some(profile) = key.strip_prefix("profile:") {
            let title = self
                .content
                .profiles
                .iter()
                .find(|p| serde_id(&p.profile) == profile)
                .map_or_else(|| profile.to_owned(), |p| p.title.clone());
            return fill(&c("profile"), &[("profiel", &title), ("sterkte", &self.t("strength", hypothesis))]);
        }
        if let Some(pair) = key.strip_prefix("pattern:") {
            let ids: Vec<Uuid> = pair.split(':').filter_map(|s| s.parse().ok()).collect();
            let (a, b) = match ids.as_slice() {
                [a, b] => (self.name(*a), self.name(*b)),
                _ => (String::new(), String::new()),
            };
            let mut parts = hypothesis.split(':');
            let kind = parts.next().unwrap_or_default();
            let by = parts.next().and_then(|s| s.parse::<Uuid>().ok()).map(|id| self.name(id)).unwrap_or_default();
            let mut text = fill(&self.t("pattern", kind), &[("a", &a), ("b", &b), ("door", &by)]);
            if let (Some("gewelddadig_verzet"), Some(r)) = (parts.next(), parts.next().and_then(|s| s.parse::<Uuid>().ok())) {
                text.push(' ');
                text.push_str(&fill(&self.t("pattern", "gewelddadig_verzet"), &[("door", &self.name(r))]));
            }
            return text;
        }
        hypothesis.to_owned()
    }

    fn judgements(&mut self) {
        let mut out = vec![];
        for review in &self.src.analysis.reviews {
            let Some(j) = &review.judgement else { continue };
            let text = match (&review.status, &j.verdict) {
                (ReviewStatus::Rejected | ReviewStatus::Open, _) | (_, Verdict::Rejected) => continue,
                (_, Verdict::Confirmed) => self.conclusion(&review.key, &j.hypothesis_at_decision),
                (_, Verdict::Changed { to }) => {
                    let own = self.conclusion(&review.key, to);
                    if own == *to { fill(&self.t("conclusions", "own"), &[("tekst", to)]) } else { own }
                }
            };
            let mut text = format!("{text}.");
            if !j.reason.trim().is_empty() {
                text.push(' ');
                text.push_str(&fill(&self.t("words", "judged_reason"), &[("reden", j.reason.trim())]));
            }
            if review.status == ReviewStatus::HypothesisChanged {
                text.push(' ');
                text.push_str(&self.t("words", "changed_since"));
            }
            let source = fill(&self.t("sources", "judgement"), &[("datum", &dutch_date((self.src.local)(j.decided_at)))]);
            out.push((format!("judgement:{}", review.key), text, source));
        }
        for (key, text, source) in out {
            self.push(key, MeldingSection::Judgement, text, source, &Visibility::Everyone, None);
        }
    }

    fn meldcode(&mut self) {
        let model = self.content.meldcode;
        let mut entries: Vec<&MeldcodeEntry> = self.src.meldcode.iter().collect();
        entries.sort_by_key(|e| (e.date, e.step, e.recorded_at, e.id));
        let mut out = vec![];
        for e in entries {
            let answer = self.t(
                "words",
                match e.answer {
                    MeldcodeAnswer::Yes => "yes",
                    MeldcodeAnswer::No => "no",
                    MeldcodeAnswer::NotYet => "not_yet",
                    MeldcodeAnswer::Done => "done",
                },
            );
            let date = dutch_date(e.date);
            let step = model.steps.iter().find(|s| s.number == e.step).map_or_else(String::new, |s| s.title.clone());
            let question = e.question_id.as_ref().and_then(|q| model.questions.iter().find(|w| &w.id == q));
            let mut text = match question {
                Some(q) => fill(
                    &self.t("words", "question"),
                    &[("nummer", &q.number.to_string()), ("vraag", &q.text), ("datum", &date), ("antwoord", &answer), ("toelichting", e.rationale.trim())],
                ),
                None => fill(
                    &self.t("words", "step"),
                    &[("nummer", &e.step.to_string()), ("stap", &step), ("datum", &date), ("antwoord", &answer), ("toelichting", e.rationale.trim())],
                ),
            };
            if !e.consulted.is_empty() {
                let list: Vec<_> = e.consulted.iter().map(|c| c.who.clone()).collect();
                text.push(' ');
                text.push_str(&fill(&self.t("words", "consulted"), &[("lijst", &list.join(", "))]));
            }
            let source = fill(&self.t("sources", "meldcode"), &[("datum", &date)]);
            out.push((format!("meldcode:{}", e.id), text.trim().to_owned(), source));
        }
        // What was decided when acute unsafety was possible (e.g. Veilig Thuis consulted), with the date.
        let mut decisions: Vec<_> = self.src.snapshot.acute_decisions.iter().collect();
        decisions.sort_by_key(|d| (d.decided_at, d.id));
        for d in decisions {
            let date = dutch_date((self.src.local)(d.decided_at));
            let mut text = fill(
                &self.t("words", "acute_decision"),
                &[("datum", &date), ("besluit", d.decision.trim()), ("toelichting", d.rationale.trim())],
            );
            let actions: Vec<String> = d
                .actions
                .iter()
                .map(|a| self.content.red_flags.acute_actions.iter().find(|x| &x.id == a).map_or_else(|| a.clone(), |x| x.label.clone()))
                .collect();
            if !actions.is_empty() {
                text.push(' ');
                text.push_str(&fill(&self.t("words", "acute_actions"), &[("lijst", &actions.join(", "))]));
            }
            let source = fill(&self.t("sources", "acute"), &[("datum", &date)]);
            out.push((format!("acute:{}", d.id), text.trim().to_owned(), source));
        }
        for (key, text, source) in out {
            self.push(key, MeldingSection::Meldcode, text, source, &Visibility::Everyone, None);
        }
    }

    /// The help in the plan. The escape plan is never read here.
    fn help(&mut self) {
        let Some(plan) = self.src.plan else { return };
        let source = self.t("sources", "plan");
        let mut out: Vec<(Uuid, String, Visibility, Option<Uuid>)> = vec![];
        let child_of = |origin: &Origin| match origin {
            Origin::ChildDisclosure { child } => Some(*child),
            _ => None,
        };
        for i in &plan.professionals {
            let p = &i.content;
            let text = fill(
                &self.t("words", "professional_help"),
                &[("organisatie", p.organisation.trim()), ("rol", p.role.trim()), ("naam", p.name.trim())],
            );
            out.push((i.id, text, i.visibility_for_report(), child_of(&i.origin)));
        }
        for i in &plan.problems {
            let p = &i.content;
            let text = fill(
                &self.t("words", "problem_help"),
                &[("persoon", &self.name(p.person)), ("probleem", p.problem.trim()), ("hulp", p.help.trim())],
            );
            out.push((i.id, text, i.visibility_for_report(), child_of(&i.origin)));
        }
        for i in &plan.support {
            let p = &i.content;
            let text = if p.help.trim().is_empty() {
                fill(&self.t("words", "need"), &[("persoon", &self.name(p.person)), ("behoefte", p.need.trim())])
            } else {
                fill(
                    &self.t("words", "problem_help"),
                    &[("persoon", &self.name(p.person)), ("probleem", p.need.trim()), ("hulp", p.help.trim())],
                )
            };
            out.push((i.id, text, i.visibility_for_report(), child_of(&i.origin)));
        }
        for i in &plan.agreements {
            let who = i
                .content
                .who
                .iter()
                .map(|party| match party {
                    Party::Person { id } => self.name(*id),
                    Party::Professional { id } => plan
                        .professionals
                        .iter()
                        .find(|p| p.id == *id)
                        .map_or_else(String::new, |p| p.content.organisation.clone()),
                })
                .collect::<Vec<_>>()
                .join(", ");
            let what = if who.is_empty() { i.content.what.trim().to_owned() } else { format!("{who}: {}", i.content.what.trim()) };
            let text = fill(&self.t("words", "agreement"), &[("afspraak", &what)]);
            out.push((i.id, text, i.visibility_for_report(), child_of(&i.origin)));
        }
        for i in &plan.measures {
            let m = &i.content;
            let text = fill(
                &self.t("words", "measure"),
                &[
                    ("maatregel", &self.t("measures", &serde_id(&m.kind))),
                    ("status", &self.t("measures", &serde_id(&m.status))),
                    ("details", m.details.trim()),
                ],
            );
            out.push((i.id, text.trim().to_owned(), i.visibility_for_report(), child_of(&i.origin)));
        }
        for (id, text, vis, child) in out {
            self.push(format!("help:{id}"), MeldingSection::Help, text, source.clone(), &vis, child);
        }
    }
}

impl<T> crate::plan::Item<T> {
    /// A plan item's visibility in the report's terms: "everyone" or told in confidence.
    fn visibility_for_report(&self) -> Visibility {
        match self.visibility {
            crate::plan::Visibility::Everyone if !matches!(self.origin, Origin::ChildDisclosure { .. }) => Visibility::Everyone,
            _ => Visibility::ProfessionalOnly,
        }
    }
}

/// Checks the professional's choices against what the case gives (`keys`: the keys of the case's
/// statements with whether each is a quote).
pub fn check_draft(draft: &MeldingDraft, quotes: &BTreeSet<String>) -> Result<(), MeldingProblem> {
    let too_long = |s: &str| s.chars().count() > MAX_MELDING_TEXT_CHARS;
    if too_long(&draft.request) || draft.own.len() > MAX_OWN_STATEMENTS {
        return Err(MeldingProblem::TooLong);
    }
    let mut seen = BTreeSet::new();
    for c in &draft.choices {
        if !seen.insert(c.key.clone()) {
            return Err(MeldingProblem::Duplicate { key: c.key.clone() });
        }
        if c.text.is_some() && (quotes.contains(&c.key) || c.key.starts_with("quote:")) {
            return Err(MeldingProblem::QuoteFixed { key: c.key.clone() });
        }
        if c.text.as_deref().is_some_and(too_long) {
            return Err(MeldingProblem::TooLong);
        }
    }
    let mut ids = BTreeSet::new();
    for o in &draft.own {
        if !ids.insert(o.id) {
            return Err(MeldingProblem::Duplicate { key: format!("own:{}", o.id) });
        }
        if too_long(&o.text) || too_long(&o.source) {
            return Err(MeldingProblem::TooLong);
        }
        if o.text.trim().is_empty() || !o.section.takes_own() {
            return Err(MeldingProblem::OwnInvalid { id: o.id });
        }
        if o.section == MeldingSection::Signals && o.source.trim().is_empty() {
            return Err(MeldingProblem::SourceMissing { id: o.id });
        }
    }
    Ok(())
}

/// Builds the report from the case and the draft. `version`: the number and day when this is a report
/// being made; `None` for the draft on screen.
pub fn compose(
    src: &MeldingSources<'_>,
    content: &MeldingContent<'_>,
    draft: &MeldingDraft,
    today: NaiveDate,
    version: Option<(u32, NaiveDate)>,
) -> Result<MeldingDocument, MeldingProblem> {
    let mut b = Builder {
        src,
        content,
        persons: src.snapshot.household.persons.iter().map(|p| (p.id, p)).collect(),
        raw: vec![],
    };
    b.signals_and_quotes();
    b.observed();
    b.judgements();
    b.meldcode();
    b.help();

    let quotes: BTreeSet<String> = b.raw.iter().filter(|r| r.quote).map(|r| r.key.clone()).collect();
    check_draft(draft, &quotes)?;
    let choices: BTreeMap<&str, &StatementChoice> = draft.choices.iter().map(|c| (c.key.as_str(), c)).collect();
    let included = |key: &str, child_confidence: bool| choices.get(key).map_or(!child_confidence, |c| c.included);

    // Positions follow the signals that go out: an excluded record must not show through them.
    let included_records: BTreeSet<Uuid> = src
        .snapshot
        .records
        .iter()
        .filter(|r| {
            let raw = b.raw.iter().find(|x| x.key == format!("record:{}", r.id));
            raw.is_some_and(|x| included(&x.key, x.child_confidence))
        })
        .map(|r| r.id)
        .collect();
    b.involved(&included_records);

    let texts = content.texts;
    let h = |k: &str| texts.get("headings", k);
    let mut parts: Vec<MeldingPart> = MeldingSection::ALL
        .iter()
        .map(|s| MeldingPart {
            section: *s,
            heading: h(&serde_id(s)),
            fact: s.is_fact(),
            statements: vec![],
        })
        .collect();
    let part = |parts: &mut Vec<MeldingPart>, s: MeldingSection| -> usize {
        parts.iter().position(|p| p.section == s).unwrap_or_default()
    };
    for r in b.raw {
        let choice = choices.get(r.key.as_str());
        let text = choice.and_then(|c| c.text.clone()).filter(|t| !t.trim().is_empty());
        let statement = MeldingStatement {
            included: included(&r.key, r.child_confidence),
            original: text.as_ref().map(|_| r.text.clone()),
            text: text.unwrap_or(r.text),
            editable: !r.quote,
            key: r.key,
            section: r.section,
            source: r.source,
            quote: r.quote,
            confidential: r.confidential,
            child_confidence: r.child_confidence,
        };
        let i = part(&mut parts, statement.section);
        parts[i].statements.push(statement);
    }
    for o in &draft.own {
        let source = if o.source.trim().is_empty() { texts.get("sources", "professional") } else { o.source.trim().to_owned() };
        let i = part(&mut parts, o.section);
        parts[i].statements.push(MeldingStatement {
            key: format!("own:{}", o.id),
            section: o.section,
            text: o.text.trim().to_owned(),
            original: None,
            source,
            quote: false,
            confidential: false,
            child_confidence: false,
            included: o.included,
            editable: true,
        });
    }
    if !draft.request.trim().is_empty() {
        let i = part(&mut parts, MeldingSection::Request);
        parts[i].statements.push(MeldingStatement {
            key: "request".into(),
            section: MeldingSection::Request,
            text: draft.request.trim().to_owned(),
            original: None,
            source: texts.get("sources", "professional"),
            quote: false,
            confidential: false,
            child_confidence: false,
            included: true,
            editable: true,
        });
    }
    let status = match version {
        Some((n, day)) => fill(&h("reported"), &[("datum", &dutch_date(day)), ("versie", &n.to_string())]),
        None => h("draft"),
    };
    Ok(MeldingDocument {
        title: h("title"),
        status,
        made_on: fill(&h("made_on"), &[("datum", &dutch_date(today))]),
        facts_note: h("facts_note"),
        source_label: h("source"),
        confidential_label: h("confidential"),
        empty_label: h("empty"),
        parts,
    })
}

/// What still stands in the way of reporting (the draft itself is always saved).
pub fn report_problems(doc: &MeldingDocument) -> Vec<MeldingProblem> {
    let mut problems = vec![];
    let included = |s: MeldingSection| doc.parts.iter().filter(|p| p.section == s).flat_map(|p| &p.statements).any(|s| s.included);
    if !included(MeldingSection::Signals) {
        problems.push(MeldingProblem::NoSignals);
    }
    if !included(MeldingSection::Request) {
        problems.push(MeldingProblem::RequestMissing);
    }
    problems
}


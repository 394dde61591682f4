//! Loads and validates the content of Samen Kijken: the behaviour catalogue, the indicator labels, the
//! conversation guides, the profile and arrangement cards, the red flags, the victim-blaming phrase
//! list and the Meldcode model. All of it is Dutch, hand-edited TOML under `assets/`, versioned per
//! file.
//!
//! `Content::embedded()` is what the app uses: the files are compiled into the binary, so the content
//! can never go missing or be changed on disk. `load_all(dir)` reads the same files from a directory
//! (for editing and for tests). Both validate: unique ids, every reference resolves, required texts
//! present, and the vocabularies fixed in `domain` (red flags, profiles, indicators) match the data.

pub mod training;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use domain::guardrails::{Hint, victim_blaming_hints as find_hints};
use domain::indicators::{ALL_INDICATORS, IndicatorSource, indicator_source};
use domain::{
    AnswerType, BehaviourDef, BlamingPhrase, GuideAudience, Catalogue, Feed, Guide, IndicatorDef, MeldcodeModel, ProfileCard, ProfileKind,
    RedFlag, RedFlagSet, WeighingKind,
};
use serde::Deserialize;
use thiserror::Error;

/// The content files, relative to the assets directory. Guides are listed explicitly so the embedded
/// and the on-disk content are the same set.
pub const BEHAVIOURS: &str = "catalogue/gedragingen.toml";
pub const INDICATORS: &str = "catalogue/indicatoren.toml";
pub const GUIDES: [&str; 6] = [
    "guides/volwassene.toml",
    "guides/kind_4_7.toml",
    "guides/kind_8_11.toml",
    "guides/kind_12_17.toml",
    "guides/netwerk.toml",
    "guides/observatie_0_3.toml",
];
pub const PROFILES: &str = "cards/profielen.toml";
pub const PHRASES: &str = "cards/formuleringen.toml";
pub const RED_FLAGS: &str = "redflags/rode_vlaggen.toml";
pub const MELDCODE: &str = "meldcode/meldcode.toml";
pub const MELDING: &str = "melding/melding.toml";

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ContentError {
    #[error("{file}: cannot read: {message}")]
    Read { file: String, message: String },
    #[error("{file}: not valid: {message}")]
    Parse { file: String, message: String },
    #[error("{file}: id `{id}` is used twice")]
    DuplicateId { file: String, id: String },
    #[error("{file}: `{from}` refers to `{to}`, which does not exist")]
    BrokenReference { file: String, from: String, to: String },
    #[error("{file}: `{id}` has no {field}")]
    MissingField { file: String, id: String, field: String },
    #[error("{file}: `{id}` is missing (the rules need it)")]
    MissingDefinition { file: String, id: String },
}

impl ContentError {
    /// Stable, machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            ContentError::Read { .. } => "content_read",
            ContentError::Parse { .. } => "content_parse",
            ContentError::DuplicateId { .. } => "content_duplicate_id",
            ContentError::BrokenReference { .. } => "content_broken_reference",
            ContentError::MissingField { .. } => "content_missing_field",
            ContentError::MissingDefinition { .. } => "content_missing_definition",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
struct BehaviourFile {
    version: u32,
    item: Vec<BehaviourDef>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
struct IndicatorFile {
    #[allow(dead_code)]
    version: u32,
    indicator: Vec<IndicatorDef>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
struct ProfileFile {
    #[allow(dead_code)]
    version: u32,
    card: Vec<ProfileCard>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
struct PhraseFile {
    #[allow(dead_code)]
    version: u32,
    phrase: Vec<BlamingPhrase>,
}

/// All content, parsed and validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Content {
    pub catalogue_version: u32,
    pub behaviours: Vec<BehaviourDef>,
    pub indicators: Vec<IndicatorDef>,
    pub guides: Vec<Guide>,
    pub profiles: Vec<ProfileCard>,
    pub red_flags: RedFlagSet,
    pub blaming_phrases: Vec<BlamingPhrase>,
    pub meldcode: MeldcodeModel,
    /// The fixed texts of the report to Veilig Thuis.
    pub melding: domain::melding::MeldingTexts,
}

/// The raw text of each content file, by its path relative to the assets directory.
pub type Sources = BTreeMap<String, String>;

fn parse_file<T: for<'de> Deserialize<'de>>(sources: &Sources, file: &str) -> Result<T, ContentError> {
    let text = sources.get(file).ok_or_else(|| ContentError::Read { file: file.into(), message: "missing".into() })?;
    toml::from_str(text).map_err(|e| ContentError::Parse { file: file.into(), message: e.to_string() })
}

fn all_files() -> impl Iterator<Item = &'static str> {
    [BEHAVIOURS, INDICATORS, PROFILES, PHRASES, RED_FLAGS, MELDCODE, MELDING].into_iter().chain(GUIDES)
}

/// Reads and validates the content from an assets directory.
pub fn load_all(assets_dir: &Path) -> Result<Content, ContentError> {
    let mut sources = Sources::new();
    for f in all_files() {
        let text = std::fs::read_to_string(assets_dir.join(f))
            .map_err(|e| ContentError::Read { file: f.into(), message: e.to_string() })?;
        sources.insert(f.into(), text);
    }
    Content::parse(&sources)
}

macro_rules! embed {
    ($($f:literal),* $(,)?) => {
        [$(($f, include_str!(concat!("../../../assets/", $f)))),*]
    };
}

/// The content files compiled into the binary.
pub fn embedded_sources() -> Sources {
    embed!(
        "catalogue/gedragingen.toml",
        "catalogue/indicatoren.toml",
        "guides/volwassene.toml",
        "guides/kind_4_7.toml",
        "guides/kind_8_11.toml",
        "guides/kind_12_17.toml",
        "guides/netwerk.toml",
        "guides/observatie_0_3.toml",
        "cards/profielen.toml",
        "cards/formuleringen.toml",
        "redflags/rode_vlaggen.toml",
        "meldcode/meldcode.toml",
        "melding/melding.toml",
    )
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

/// Victim-blaming hints for plan text, with the shipped phrase list.
pub fn victim_blaming_hints(text: &str) -> Vec<Hint> {
    Content::embedded().victim_blaming_hints(text)
}

impl Content {
    /// The shipped content. Validated by this crate's tests, so it cannot fail in a released build.
    pub fn embedded() -> Content {
        Content::parse(&embedded_sources()).expect("embedded content is validated by the content tests")
    }

    pub fn parse(sources: &Sources) -> Result<Content, ContentError> {
        let b: BehaviourFile = parse_file(sources, BEHAVIOURS)?;
        let i: IndicatorFile = parse_file(sources, INDICATORS)?;
        let p: ProfileFile = parse_file(sources, PROFILES)?;
        let ph: PhraseFile = parse_file(sources, PHRASES)?;
        let red_flags: RedFlagSet = parse_file(sources, RED_FLAGS)?;
        let meldcode: MeldcodeModel = parse_file(sources, MELDCODE)?;
        let melding: domain::melding::MeldingTexts = parse_file(sources, MELDING)?;
        let guides = GUIDES.iter().map(|g| parse_file(sources, g)).collect::<Result<Vec<Guide>, _>>()?;
        let content = Content {
            catalogue_version: b.version,
            behaviours: b.item,
            indicators: i.indicator,
            guides,
            profiles: p.card,
            red_flags,
            blaming_phrases: ph.phrase,
            meldcode,
            melding,
        };
        content.validate()?;
        Ok(content)
    }

    /// The catalogue the analysis needs: the behaviours plus every question's feeds.
    pub fn catalogue(&self) -> Catalogue {
        let mut question_feeds = BTreeMap::new();
        for q in self.guides.iter().flat_map(|g| g.questions()) {
            if !q.feeds.is_empty() {
                question_feeds.insert(q.id.clone(), q.feeds.clone());
            }
        }
        Catalogue { version: self.catalogue_version, items: self.behaviours.clone(), question_feeds }
    }

    pub fn guide(&self, id: &str) -> Option<&Guide> {
        self.guides.iter().find(|g| g.id == id)
    }

    pub fn victim_blaming_hints(&self, text: &str) -> Vec<Hint> {
        find_hints(text, &self.blaming_phrases)
    }

    pub fn validate(&self) -> Result<(), ContentError> {
        validate_behaviours(&self.behaviours)?;
        validate_indicators(&self.indicators)?;
        validate_guides(&self.guides)?;
        validate_profiles(&self.profiles, &self.red_flags)?;
        validate_red_flags(&self.red_flags)?;
        validate_phrases(&self.blaming_phrases)?;
        validate_meldcode(&self.meldcode)?;
        if let Some(key) = self.melding.missing().into_iter().next() {
            return Err(ContentError::MissingDefinition { file: MELDING.into(), id: key });
        }
        Ok(())
    }
}

fn unique<'a>(file: &str, ids: impl Iterator<Item = &'a str>) -> Result<(), ContentError> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(ContentError::DuplicateId { file: file.into(), id: id.into() });
        }
    }
    Ok(())
}

fn required(file: &str, id: &str, field: &str, text: &str) -> Result<(), ContentError> {
    if text.trim().is_empty() {
        return Err(ContentError::MissingField { file: file.into(), id: id.into(), field: field.into() });
    }
    Ok(())
}

fn validate_behaviours(items: &[BehaviourDef]) -> Result<(), ContentError> {
    unique(BEHAVIOURS, items.iter().map(|i| i.id.as_str()))?;
    for i in items {
        required(BEHAVIOURS, &i.id, "id", &i.id)?;
        required(BEHAVIOURS, &i.id, "label", &i.label)?;
        if i.category == domain::BehaviourCategory::CoerciveControl && i.control_domain.is_none() {
            return Err(ContentError::MissingField { file: BEHAVIOURS.into(), id: i.id.clone(), field: "control_domain".into() });
        }
    }
    Ok(())
}

fn validate_indicators(defs: &[IndicatorDef]) -> Result<(), ContentError> {
    unique(INDICATORS, defs.iter().map(|d| d.id.as_str()))?;
    for d in defs {
        required(INDICATORS, &d.id, "label", &d.label)?;
        if indicator_source(&d.id) != Some(d.source) {
            return Err(ContentError::BrokenReference { file: INDICATORS.into(), from: "indicator".into(), to: d.id.clone() });
        }
    }
    for (id, _) in ALL_INDICATORS {
        if !defs.iter().any(|d| d.id == *id) {
            return Err(ContentError::MissingDefinition { file: INDICATORS.into(), id: (*id).into() });
        }
    }
    Ok(())
}

fn validate_guides(guides: &[Guide]) -> Result<(), ContentError> {
    unique("guides", guides.iter().map(|g| g.id.as_str()))?;
    // Question ids are unique across all guides: answers refer to them without the guide.
    unique("guides", guides.iter().flat_map(|g| g.questions()).map(|q| q.id.as_str()))?;
    let mut fed = BTreeSet::new();
    for g in guides {
        let file = format!("guides/{}", g.id);
        required(&file, &g.id, "title", &g.title)?;
        if g.version == 0 {
            return Err(ContentError::MissingField { file, id: g.id.clone(), field: "version".into() });
        }
        unique(&file, g.sections.iter().map(|s| s.id.as_str()))?;
        let child = matches!(g.audience, GuideAudience::Child4To7 | GuideAudience::Child8To11 | GuideAudience::Child12To17);
        if child != g.requires_precheck || (g.requires_precheck && g.reminders.is_empty()) {
            return Err(ContentError::MissingField { file, id: g.id.clone(), field: "reminders".into() });
        }
        for s in &g.sections {
            required(&file, &s.id, "title", &s.title)?;
            if s.questions.is_empty() {
                return Err(ContentError::MissingField { file, id: s.id.clone(), field: "questions".into() });
            }
            for q in &s.questions {
                required(&file, &q.id, "text", &q.text)?;
                if let AnswerType::Choice { options } = &q.answer {
                    if options.is_empty() {
                        return Err(ContentError::MissingField { file, id: q.id.clone(), field: "options".into() });
                    }
                    unique(&file, options.iter().map(|o| o.id.as_str()))?;
                    for o in options {
                        required(&file, &o.id, "label", &o.label)?;
                    }
                }
                for feed in &q.feeds {
                    if indicator_source(feed.indicator()) != Some(IndicatorSource::Answer) {
                        return Err(ContentError::BrokenReference { file, from: q.id.clone(), to: feed.indicator().into() });
                    }
                    let fits = match (feed, &q.answer) {
                        (Feed::Yes { .. }, AnswerType::YesNoUnknown) => true,
                        (Feed::Choice { options, .. }, AnswerType::Choice { options: opts }) => {
                            if let Some(bad) = options.iter().find(|o| !opts.iter().any(|x| &x.id == *o)) {
                                return Err(ContentError::BrokenReference { file, from: q.id.clone(), to: bad.clone() });
                            }
                            true
                        }
                        (Feed::ScaleAtMost { .. } | Feed::ScaleAtLeast { .. }, AnswerType::Scale { .. }) => true,
                        (Feed::Answered { .. }, _) => true,
                        _ => false,
                    };
                    if !fits {
                        return Err(ContentError::BrokenReference { file, from: q.id.clone(), to: "answer type".into() });
                    }
                    fed.insert(feed.indicator().to_owned());
                }
            }
        }
    }
    for (id, source) in ALL_INDICATORS {
        if *source == IndicatorSource::Answer && !fed.contains(*id) {
            return Err(ContentError::MissingDefinition { file: "guides".into(), id: format!("question feeding {id}") });
        }
    }
    Ok(())
}

fn validate_profiles(cards: &[ProfileCard], flags: &RedFlagSet) -> Result<(), ContentError> {
    unique(PROFILES, cards.iter().map(|c| c.id.as_str()))?;
    for kind in ProfileKind::ALL {
        if cards.iter().filter(|c| c.profile == kind).count() != 1 {
            return Err(ContentError::MissingDefinition { file: PROFILES.into(), id: kind.id().into() });
        }
    }
    for c in cards {
        required(PROFILES, &c.id, "title", &c.title)?;
        required(PROFILES, &c.id, "summary", &c.summary)?;
        required(PROFILES, &c.id, "arrangement.focus", &c.arrangement.focus)?;
        // Rich enough to teach from: what helps, what to avoid, which partners, what each person needs.
        let a = &c.arrangement;
        for (field, empty) in [
            ("arrangement.voluntary_help", a.voluntary_help.is_empty()),
            ("arrangement.protection", a.protection.is_empty()),
            ("arrangement.avoid", a.avoid.is_empty()),
            ("arrangement.partners", a.partners.is_empty()),
            ("arrangement.needs", a.needs.len() < 2 || a.needs.iter().any(|n| n.who.trim().is_empty() || n.needs.is_empty())),
        ] {
            if empty {
                return Err(ContentError::MissingField { file: PROFILES.into(), id: c.id.clone(), field: field.into() });
            }
        }
        for f in &c.related_red_flags {
            if !flags.flags.iter().any(|d| d.id == *f) {
                return Err(ContentError::BrokenReference { file: PROFILES.into(), from: c.id.clone(), to: f.id().into() });
            }
        }
    }
    Ok(())
}

fn validate_red_flags(set: &RedFlagSet) -> Result<(), ContentError> {
    unique(RED_FLAGS, set.flags.iter().map(|f| f.id.id()))?;
    unique(RED_FLAGS, set.acute_actions.iter().map(|a| a.id.as_str()))?;
    required(RED_FLAGS, "acute_title", "text", &set.acute_title)?;
    for flag in RedFlag::ALL {
        if !set.flags.iter().any(|f| f.id == flag) {
            return Err(ContentError::MissingDefinition { file: RED_FLAGS.into(), id: flag.id().into() });
        }
    }
    for f in &set.flags {
        required(RED_FLAGS, f.id.id(), "label", &f.label)?;
        required(RED_FLAGS, f.id.id(), "explanation", &f.explanation)?;
    }
    for a in &set.acute_actions {
        required(RED_FLAGS, &a.id, "label", &a.label)?;
    }
    Ok(())
}

fn validate_phrases(phrases: &[BlamingPhrase]) -> Result<(), ContentError> {
    unique(PHRASES, phrases.iter().map(|p| p.id.as_str()))?;
    for p in phrases {
        required(PHRASES, &p.id, "pattern", &p.pattern)?;
        required(PHRASES, &p.id, "suggestion", &p.suggestion)?;
    }
    Ok(())
}

fn validate_meldcode(m: &MeldcodeModel) -> Result<(), ContentError> {
    unique(MELDCODE, m.steps.iter().map(|s| s.id.as_str()))?;
    unique(MELDCODE, m.questions.iter().map(|q| q.id.as_str()))?;
    for n in 1..=5u8 {
        if !m.steps.iter().any(|s| s.number == n) {
            return Err(ContentError::MissingDefinition { file: MELDCODE.into(), id: format!("stap {n}") });
        }
        if !m.questions.iter().any(|q| q.number == n && q.kind == WeighingKind::Core) {
            return Err(ContentError::MissingDefinition { file: MELDCODE.into(), id: format!("afwegingsvraag {n}") });
        }
    }
    if !m.questions.iter().any(|q| q.id == domain::meldcode::QUESTION_UNSAFETY) {
        return Err(ContentError::MissingDefinition { file: MELDCODE.into(), id: domain::meldcode::QUESTION_UNSAFETY.into() });
    }
    if !m.questions.iter().any(|q| q.kind == WeighingKind::Added) {
        return Err(ContentError::MissingDefinition { file: MELDCODE.into(), id: "toegevoegde vragen".into() });
    }
    use domain::meldcode::{QUESTION_ACCEPTED, QUESTION_DECISION, QUESTION_HELP, QUESTION_LASTING_SAFETY};
    for id in [QUESTION_HELP, QUESTION_ACCEPTED, QUESTION_LASTING_SAFETY, QUESTION_DECISION] {
        if !m.questions.iter().any(|q| q.id == id) {
            return Err(ContentError::MissingDefinition { file: MELDCODE.into(), id: id.into() });
        }
    }
    let n = &m.norms;
    for (field, text) in [
        ("norms.report_unsafety", &n.report_unsafety),
        ("norms.report_no_help", &n.report_no_help),
        ("norms.report_again", &n.report_again),
        ("norms.close_with_monitoring", &n.close_with_monitoring),
        ("norms.decide", &n.decide),
    ] {
        required(MELDCODE, "norms", field, text)?;
    }
    for q in &m.questions {
        // Questions 1–2 belong to step 4 (weighing), 3–5 and the decision to step 5 (deciding).
        let step = if q.number <= 2 { 4 } else { 5 };
        if q.step != step {
            return Err(ContentError::BrokenReference { file: MELDCODE.into(), from: q.id.clone(), to: format!("stap {}", q.step) });
        }
    }
    for s in &m.steps {
        required(MELDCODE, &s.id, "title", &s.title)?;
        required(MELDCODE, &s.id, "description", &s.description)?;
    }
    for q in &m.questions {
        required(MELDCODE, &q.id, "text", &q.text)?;
        if q.kind != WeighingKind::Core && !m.questions.iter().any(|c| c.kind == WeighingKind::Core && c.number == q.number) {
            return Err(ContentError::BrokenReference { file: MELDCODE.into(), from: q.id.clone(), to: format!("afwegingsvraag {}", q.number) });
        }
    }
    Ok(())
}

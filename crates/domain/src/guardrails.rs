//! Guard-rails (domain.md §7): warnings that stop the app from quietly supporting an unsafe choice.
//!
//! - A joint conversation, mediation or couple therapy while coercive control, chronic fear, fear for
//!   one's life or strangulation is recorded between the participants: a warning with the reasons
//!   (practice knowledge: the person in the slachtofferpositie cannot speak freely, and it can raise the
//!   danger) and a required justification. No article is named for this: it is not what art. 48 says.
//! - Mediation or other dispute resolution *imposed* as a condition while any violence is recorded: a
//!   separate warning that names Istanbul Convention art. 48 (no mandatory mediation for any form of
//!   this violence).
//! - A contact or custody arrangement for a parent who used violence towards the other parent: prompt
//!   to weigh the safety of that parent and the children (art. 31).
//! - Plan text that puts the responsibility on the victim: a gentle hint to rephrase towards the
//!   behaviour of the person in the `plegerpositie`. The phrase list is data (`BlamingPhrase`); the
//!   matching (word stems, whole patterns, who the sentence is about) is in [`victim_blaming_hints_in`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::analysis::{CaseSnapshot, Evidence, Facts};
use crate::indicators::{FEAR_CHRONIC, FEAR_FOR_LIFE};
use crate::{BlamingPhrase, Catalogue, ImpactTag, PhraseSubject, RedFlag};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum GuardRailKind {
    /// No joint conversation, mediation or couple therapy with coercive control, chronic fear, fear
    /// for one's life or strangulation, unless justified (practice knowledge, not art. 48).
    JointWithCoerciveControl,
    /// Art. 48: mediation or other dispute resolution imposed as a condition.
    ImposedMediation,
    /// Art. 31: weigh the safety of parent and child in contact and custody arrangements.
    ContactWithPartnerViolence,
}

/// What a joint-setting warning rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum GuardRailReason {
    CoerciveControl,
    ChronicFear,
    FearForLife,
    Strangulation,
    /// Violence between the participants (for imposed mediation: any form counts).
    Violence,
}

/// A planned setting with more than one party.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum JointSetting {
    JointConversation,
    Mediation,
    CoupleTherapy,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GuardRail {
    pub kind: GuardRailKind,
    /// The Istanbul Convention article, only where it applies: "art. 48" for imposed mediation,
    /// "art. 31" for contact and custody.
    pub article: Option<String>,
    /// Sorted.
    #[serde(default)]
    pub reasons: Vec<GuardRailReason>,
    pub persons: Vec<Uuid>,
    /// The conversation the warning is about, when it is about one.
    pub conversation_id: Option<Uuid>,
    pub evidence: Evidence,
    pub requires_justification: bool,
    pub justification: Option<String>,
    /// A required justification is present.
    pub satisfied: bool,
}

/// Control, chronic fear, fear for life or strangulation recorded between these persons.
fn danger_among(f: &Facts, persons: &[Uuid]) -> (Vec<GuardRailReason>, Evidence) {
    let mut reasons = Vec::new();
    let mut e = Evidence::default();
    let control: &BTreeMap<(Uuid, Uuid), Evidence> = &f.control_between;
    for (i, a) in persons.iter().enumerate() {
        for b in &persons[i + 1..] {
            let key = if a < b { (*a, *b) } else { (*b, *a) };
            if let Some(found) = control.get(&key) {
                e.merge(found);
                reasons.push(GuardRailReason::CoerciveControl);
            }
        }
    }
    let with_partner = |p: Uuid| persons.iter().any(|q| *q != p && f.are_partners(p, *q));
    for p in persons.iter().copied().filter(|p| with_partner(*p)) {
        if let Some(x) = f.person_indicator(p, FEAR_CHRONIC) {
            e.merge(x);
            reasons.push(GuardRailReason::ChronicFear);
        }
        if let Some(x) = f.person_indicator(p, FEAR_FOR_LIFE) {
            e.merge(x);
            reasons.push(GuardRailReason::FearForLife);
        }
    }
    for (record, def) in &f.reported {
        let between = record.pairs().any(|(x, y)| persons.contains(&x) && persons.contains(&y));
        if !between {
            continue;
        }
        if record.impact.contains(&ImpactTag::FearForLife) {
            e.add_record(record.id, record.source_person);
            reasons.push(GuardRailReason::FearForLife);
        }
        if def.red_flags.contains(&RedFlag::Strangulation) {
            e.add_record(record.id, record.source_person);
            reasons.push(GuardRailReason::Strangulation);
        }
    }
    reasons.sort();
    reasons.dedup();
    (reasons, e)
}

fn joint_rail(
    persons: &[Uuid],
    conversation_id: Option<Uuid>,
    reasons: Vec<GuardRailReason>,
    evidence: Evidence,
    justification: Option<&str>,
) -> GuardRail {
    let justification = justification.map(str::trim).filter(|j| !j.is_empty()).map(str::to_owned);
    let mut persons = persons.to_vec();
    persons.sort();
    GuardRail {
        kind: GuardRailKind::JointWithCoerciveControl,
        article: None,
        reasons,
        persons,
        conversation_id,
        evidence,
        requires_justification: true,
        satisfied: justification.is_some(),
        justification,
    }
}

/// Warnings for joint conversations already held while control, fear or strangulation is recorded
/// between participants.
pub(crate) fn joint_conversation_warnings(input: &CaseSnapshot, f: &Facts) -> Vec<GuardRail> {
    let mut convs: Vec<&crate::Conversation> = input.conversations.iter().filter(|c| c.is_joint()).collect();
    convs.sort_by_key(|c| c.id);
    convs
        .into_iter()
        .filter_map(|c| {
            let (reasons, e) = danger_among(f, &c.participants);
            (!reasons.is_empty()).then(|| joint_rail(&c.participants, Some(c.id), reasons, e, c.safety_justification.as_deref()))
        })
        .collect()
}

/// Check before planning a joint conversation, mediation or couple therapy.
pub fn check_joint_setting(
    input: &CaseSnapshot,
    catalogue: &Catalogue,
    participants: &[Uuid],
    _setting: JointSetting,
    justification: Option<&str>,
) -> Option<GuardRail> {
    let facts = Facts::build(input, catalogue);
    let (reasons, e) = danger_among(&facts, participants);
    (!reasons.is_empty()).then(|| joint_rail(participants, None, reasons, e, justification))
}

/// Check before imposing mediation or other dispute resolution as a condition (art. 48): the article
/// forbids *mandatory* mediation for every form of the violence it covers, so the warning is always
/// given; the violence, control or stalking recorded between these persons (or, with no persons named,
/// between any (ex-)partners) is listed as its evidence when there is any (§7). Always `Some`.
pub fn check_imposed_mediation(input: &CaseSnapshot, catalogue: &Catalogue, participants: &[Uuid]) -> Option<GuardRail> {
    let facts = Facts::build(input, catalogue);
    let mut e = Evidence::default();
    let mut persons = Vec::new();
    for c in &facts.counted {
        let named = participants.is_empty() || (participants.contains(&c.actor) && participants.contains(&c.target));
        let violence = c.category.counts_as_partner_violence()
            || facts.defs.get(c.behaviour_id.as_str()).is_some_and(|d| crate::analysis::facts_is_control(d));
        if named && facts.are_partners(c.actor, c.target) && violence {
            e.merge(&c.evidence);
            persons.extend([c.actor, c.target]);
        }
    }
    persons.sort();
    persons.dedup();
    let reasons = if e.is_empty() { Vec::new() } else { vec![GuardRailReason::Violence] };
    Some(GuardRail {
        kind: GuardRailKind::ImposedMediation,
        article: Some("art. 48".into()),
        reasons,
        persons,
        conversation_id: None,
        evidence: e,
        requires_justification: false,
        justification: None,
        satisfied: true,
    })
}

/// Check before putting a contact or custody arrangement for `parent` in the plan: is violence between
/// this parent and an (ex-)partner recorded, in either direction? Art. 31 asks to weigh the safety of the
/// parent in the slachtofferpositie and of the children in every such arrangement, whichever parent it
/// names (the residence with one parent is the contact arrangement of the other).
pub fn check_contact_arrangement(input: &CaseSnapshot, catalogue: &Catalogue, parent: Uuid) -> Option<GuardRail> {
    let facts = Facts::build(input, catalogue);
    let mut e = Evidence::default();
    let mut persons = vec![parent];
    for c in facts.counted.iter().filter(|c| (c.actor == parent || c.target == parent) && facts.are_partners(c.actor, c.target)) {
        let violent = c.category.counts_as_partner_violence()
            || facts.defs.get(c.behaviour_id.as_str()).is_some_and(|d| crate::analysis::facts_is_control(d));
        if violent {
            e.merge(&c.evidence);
            persons.extend([c.actor, c.target]);
        }
    }
    persons.sort();
    persons.dedup();
    (!e.is_empty()).then(|| GuardRail {
        kind: GuardRailKind::ContactWithPartnerViolence,
        article: Some("art. 31".into()),
        reasons: vec![GuardRailReason::Violence],
        persons,
        conversation_id: None,
        evidence: e,
        requires_justification: false,
        justification: None,
        satisfied: true,
    })
}

/// A place in a text that may blame the victim, with a suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Hint {
    pub phrase_id: String,
    /// Character offsets (not bytes) of the match in the text.
    pub start: u32,
    pub end: u32,
    pub matched: String,
    pub suggestion: String,
}

/// Who a sentence is about, for phrases that only blame when said of the person in the
/// slachtofferpositie (`moet de kinderen beschermen`, `kalm blijven`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HintContext {
    /// Lower-case words that name a person in the slachtofferpositie (first names, "moeder", "zij").
    pub victim_words: Vec<String>,
    /// Lower-case words that name a person in the plegerpositie.
    pub actor_words: Vec<String>,
}

/// Words for a parent when the case is not known: any parent may be the one the demand falls on.
pub const GENERIC_PARENT_WORDS: &[&str] =
    &["moeder", "mama", "vader", "papa", "ouder", "zij", "ze", "hij", "u", "je", "jij", "slachtoffer", "partner"];

impl HintContext {
    /// No case known: every parent word counts as the possible person in the slachtofferpositie.
    pub fn generic() -> HintContext {
        HintContext { victim_words: GENERIC_PARENT_WORDS.iter().map(|w| (*w).to_owned()).collect(), actor_words: vec![] }
    }
}

/// How many other words may stand between two words of a pattern.
pub const PATTERN_GAP: usize = 2;

/// One word of a pattern: alternatives, each a whole word or a stem ending in `*`.
fn token_matches(token: &str, word: &str) -> bool {
    token.split('|').any(|alt| match alt.strip_suffix('*') {
        Some(stem) => word.starts_with(stem),
        None => word == alt,
    })
}

/// Words of a text with their char offsets, lower case, split into sentences.
fn sentences(text: &str) -> Vec<Vec<(String, usize, usize)>> {
    let mut out = vec![Vec::new()];
    let mut word = String::new();
    let mut start = 0;
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if c.is_alphanumeric() || (*c == '\'' && !word.is_empty()) || (*c == '-' && !word.is_empty()) {
            if word.is_empty() {
                start = i;
            }
            word.extend(c.to_lowercase());
        } else {
            if !word.is_empty() {
                out.last_mut().expect("one sentence").push((std::mem::take(&mut word), start, i));
            }
            if matches!(c, '.' | '!' | '?' | ';' | '\n' | ':') {
                out.push(Vec::new());
            }
        }
    }
    if !word.is_empty() {
        out.last_mut().expect("one sentence").push((word, start, chars.len()));
    }
    out.retain(|s| !s.is_empty());
    out
}

/// Finds victim-blaming phrases in plan text when the case is not known (see [`HintContext::generic`]).
pub fn victim_blaming_hints(text: &str, phrases: &[BlamingPhrase]) -> Vec<Hint> {
    victim_blaming_hints_in(text, phrases, &HintContext::generic())
}

/// Finds victim-blaming phrases in plan text, in order of appearance.
///
/// A phrase's pattern is a row of words; each word is a set of alternatives (`kalm|rustig`), each a
/// whole word or a stem (`provoc*` matches "provoceert", "provoceren"); between two pattern words up to
/// [`PATTERN_GAP`] other words may stand ("moet de kinderen beschermen"). A match is looked for within
/// one sentence. `unless` words anywhere in the sentence cancel it ("niemand lokt geweld uit"). The
/// phrase's `subject` says about whom it blames, judged from the person words before the match (the
/// subject of the sentence): `any` always; `not_actor` unless only a person in the plegerpositie is
/// named there ("Mark provoceert niet meer"); `victim` only when a person in the slachtofferpositie is
/// named there ("Sanne moet de kinderen beschermen").
pub fn victim_blaming_hints_in(text: &str, phrases: &[BlamingPhrase], ctx: &HintContext) -> Vec<Hint> {
    let original: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for sentence in sentences(text) {
        // Who the sentence is about: the person words before the match (the subject position).
        let named = |list: &[String], before: usize| sentence[..before].iter().any(|(w, _, _)| list.iter().any(|x| x == w));
        for p in phrases {
            let tokens: Vec<&str> = p.pattern.split_whitespace().collect();
            if tokens.is_empty() {
                continue;
            }
            if sentence.iter().any(|(w, _, _)| p.unless.iter().any(|u| token_matches(u, w))) {
                continue;
            }
            let mut i = 0;
            while i < sentence.len() {
                if !token_matches(tokens[0], &sentence[i].0) {
                    i += 1;
                    continue;
                }
                // Greedy: the nearest next word for each pattern word, within the gap.
                let mut last = i;
                let mut ok = true;
                for t in &tokens[1..] {
                    let next = (last + 1..sentence.len().min(last + 2 + PATTERN_GAP)).find(|k| token_matches(t, &sentence[*k].0));
                    match next {
                        Some(k) => last = k,
                        None => {
                            ok = false;
                            break;
                        }
                    }
                }
                let (victim, actor) = (named(&ctx.victim_words, i), named(&ctx.actor_words, i));
                let about_ok = match p.subject {
                    PhraseSubject::Any => true,
                    PhraseSubject::NotActor => victim || !actor,
                    PhraseSubject::Victim => victim,
                };
                if ok && about_ok {
                    let (start, end) = (sentence[i].1, sentence[last].2);
                    out.push(Hint {
                        phrase_id: p.id.clone(),
                        start: start as u32,
                        end: end as u32,
                        matched: original[start..end].iter().collect(),
                        suggestion: p.suggestion.clone(),
                    });
                    i = last + 1;
                } else {
                    i += 1;
                }
            }
        }
    }
    out.sort_by(|a, b| (a.start, &a.phrase_id).cmp(&(b.start, &b.phrase_id)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrase(id: &str, pattern: &str, subject: PhraseSubject, unless: &[&str]) -> BlamingPhrase {
        BlamingPhrase {
            id: id.into(),
            pattern: pattern.into(),
            suggestion: "s".into(),
            subject,
            unless: unless.iter().map(|u| (*u).to_owned()).collect(),
        }
    }

    #[test]
    fn blaming_phrases_are_found_case_insensitively_with_char_offsets() {
        let phrases = vec![
            phrase("uitlokken", "uitlok*|uitgelok*", PhraseSubject::NotActor, &["niemand"]),
            phrase("rustig", "rustig|kalm blijv*|blijft", PhraseSubject::Victim, &[]),
        ];
        let hints = victim_blaming_hints("Één afspraak: moeder moet hem niet Uitlokken.", &phrases);
        assert_eq!(hints.len(), 1);
        assert_eq!(hints[0].phrase_id, "uitlokken");
        assert_eq!(hints[0].matched, "Uitlokken");
        assert_eq!((hints[0].start, hints[0].end), (35, 44));
        assert!(victim_blaming_hints("Vader stopt met slaan en belt zijn coach.", &phrases).is_empty());
    }

    #[test]
    fn stems_gaps_subjects_and_unless_words() {
        let phrases = vec![
            phrase("uitlokken", "uitlok*|uitgelok*", PhraseSubject::NotActor, &["niemand"]),
            phrase("beschermen", "moet|moeten kinderen beschermen", PhraseSubject::Victim, &[]),
            phrase("beiden", "beide|beiden|allebei schuld|schuldig", PhraseSubject::Any, &[]),
        ];
        let case = HintContext { victim_words: vec!["sanne".into(), "zij".into()], actor_words: vec!["mark".into(), "hij".into()] };
        // (text, expected phrase ids)
        let table: &[(&str, &[&str])] = &[
            ("Het geweld werd uitgelokt.", &["uitlokken"]),
            ("Sanne lokte het uit? Zij heeft hem uitgelokt.", &["uitlokken"]),
            ("Niemand lokt geweld uit en niemand heeft het uitgelokt.", &[]),
            ("Mark zegt dat hij uitgelokt werd, maar hij kiest zelf.", &[]),
            ("Sanne moet de kinderen beschermen.", &["beschermen"]),
            ("Sanne moet echt de kinderen beschermen.", &["beschermen"]),
            ("Mark moet de kinderen beschermen tegen zijn drinken.", &[]),
            ("Sanne beschermt de kinderen al: ze gaat met hen naar boven.", &[]),
            ("Ze zijn allebei schuld.", &["beiden"]),
            ("Hulp bij schulden voor beide ouders.", &[]),
        ];
        for (text, expected) in table {
            let got: Vec<String> = victim_blaming_hints_in(text, &phrases, &case).into_iter().map(|h| h.phrase_id).collect();
            assert_eq!(got, expected.to_vec(), "{text}");
        }
    }
}

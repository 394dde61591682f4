//! Full-text search (issue 13): what a typed query means, and what a result carries.
//!
//! The vault keeps an SQLite FTS5 index inside the encrypted database (tokenizer `unicode61
//! remove_diacritics 2`: case and diacritics are folded on both sides, "café" finds "cafe"). User text
//! never reaches `MATCH` as typed: [`parse_query`] splits it into words and quoted phrases the way the
//! tokenizer does, and writes every one as a quoted FTS5 string, so no character of the query can be
//! FTS5 syntax. The parts are combined with `AND`.
//!
//! Dutch-friendly matching:
//! - A word of [`PREFIX_MIN_CHARS`] or more letters is a prefix: "schreeuw" finds "schreeuwde",
//!   "kind" finds "kinderen". This covers the regular (weak) verbs' past tense (`-de`, `-te`) and most
//!   plurals and diminutives.
//! - A phrase in double quotes is matched as those words next to each other, exactly (no prefix).
//! - Strong and irregular verbs change their vowel ("slaan" → "sloeg", "geslagen"), which no prefix
//!   finds. [`STRONG_VERBS`] is a small hand-written table of such verbs that come up in these
//!   conversations; a word that is one of a verb's forms also matches all its other forms exactly.
//!   We chose a table over a stemmer: a Dutch stemmer (Snowball) does not join "sloeg" and "slaan"
//!   either, and a table is easy to check and to extend. Separable compounds ("sloeg … dicht") and
//!   participles with a prefix ("uitgescholden") are only found through their own prefix.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::plan::{SafetyPlan, Section, Visibility as PlanVisibility};

/// Words this long or longer are matched as prefixes; shorter ones only as whole words ("ik", "al").
pub const PREFIX_MIN_CHARS: usize = 3;

/// At most this many words and phrases are used from one query (the rest is ignored).
pub const MAX_QUERY_PARTS: usize = 12;

/// The marker before and after a matched word in a snippet as the index returns it. Control characters
/// that are removed from every indexed text ([`index_text`]), so they can only come from the index.
pub const MARK_START: char = '\u{2}';
pub const MARK_END: char = '\u{3}';

/// Strong and irregular verbs: every group lists the forms that should find each other (infinitive,
/// present, past singular and plural, participle). Lower case, without diacritics.
pub const STRONG_VERBS: &[&[&str]] = &[
    &["slaan", "sla", "slaat", "sloeg", "sloegen", "geslagen"],
    &["bijten", "bijt", "beet", "beten", "gebeten"],
    &["vechten", "vecht", "vocht", "vochten", "gevochten"],
    &["breken", "breek", "breekt", "brak", "braken", "gebroken"],
    &["grijpen", "grijp", "grijpt", "greep", "grepen", "gegrepen"],
    &["knijpen", "knijp", "knijpt", "kneep", "knepen", "geknepen"],
    &["trekken", "trek", "trekt", "trok", "trokken", "getrokken"],
    &["steken", "steek", "steekt", "stak", "staken", "gestoken"],
    &["schieten", "schiet", "schoot", "schoten", "geschoten"],
    &["smijten", "smijt", "smeet", "smeten", "gesmeten"],
    &["werpen", "werp", "werpt", "wierp", "wierpen", "geworpen"],
    &["schelden", "scheld", "scheldt", "schold", "scholden", "gescholden"],
    &["liegen", "lieg", "liegt", "loog", "logen", "gelogen"],
    &["dwingen", "dwing", "dwingt", "dwong", "dwongen", "gedwongen"],
    &["verbieden", "verbied", "verbiedt", "verbood", "verboden"],
    &["sluiten", "sluit", "sloot", "sloten", "gesloten"],
    &["roepen", "roep", "roept", "riep", "riepen", "geroepen"],
    &["lopen", "loop", "loopt", "liep", "liepen", "gelopen"],
    &["vallen", "val", "valt", "viel", "vielen", "gevallen"],
    &["houden", "houd", "houdt", "hield", "hielden", "gehouden"],
    &["krijgen", "krijg", "krijgt", "kreeg", "kregen", "gekregen"],
    &["nemen", "neem", "neemt", "nam", "namen", "genomen"],
    &["geven", "geef", "geeft", "gaf", "gaven", "gegeven"],
    &["zeggen", "zeg", "zegt", "zei", "zeiden", "gezegd"],
    &["spreken", "spreek", "spreekt", "sprak", "spraken", "gesproken"],
    &["vragen", "vraag", "vraagt", "vroeg", "vroegen", "gevraagd"],
    &["zien", "zie", "ziet", "zag", "zagen", "gezien"],
    &["komen", "kom", "komt", "kwam", "kwamen", "gekomen"],
    &["gaan", "ga", "gaat", "ging", "gingen", "gegaan"],
    &["doen", "doe", "doet", "deed", "deden", "gedaan"],
    &["staan", "sta", "staat", "stond", "stonden", "gestaan"],
    &["zitten", "zit", "zat", "zaten", "gezeten"],
    &["liggen", "lig", "ligt", "lag", "lagen", "gelegen"],
    &["blijven", "blijf", "blijft", "bleef", "bleven", "gebleven"],
    &["vinden", "vind", "vindt", "vond", "vonden", "gevonden"],
    &["schrikken", "schrik", "schrikt", "schrok", "schrokken", "geschrokken"],
    &["drinken", "drink", "drinkt", "dronk", "dronken", "gedronken"],
    &["rijden", "rijd", "rijdt", "reed", "reden", "gereden"],
    &["slapen", "slaap", "slaapt", "sliep", "sliepen", "geslapen"],
    &["brengen", "breng", "brengt", "bracht", "brachten", "gebracht"],
    &["denken", "denk", "denkt", "dacht", "dachten", "gedacht"],
    &["zoeken", "zoek", "zoekt", "zocht", "zochten", "gezocht"],
    &["verliezen", "verlies", "verliest", "verloor", "verloren"],
    &["weten", "weet", "wist", "wisten", "geweten"],
    &["zijn", "ben", "bent", "is", "was", "waren", "geweest"],
    &["hebben", "heb", "hebt", "heeft", "had", "hadden", "gehad"],
];

/// One part of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryPart {
    /// A single word, folded; `prefix` when it is long enough; `also` the other forms of its verb.
    Word { word: String, prefix: bool, also: Vec<String> },
    /// Words in double quotes, folded, matched next to each other.
    Phrase(Vec<String>),
}

/// A query ready for the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub parts: Vec<QueryPart>,
}

/// Lower case, and the diacritics of the Latin letters Dutch text uses removed (what the tokenizer's
/// `remove_diacritics 2` does for these letters).
pub fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        })
        .collect()
}

/// Splits text into words as the `unicode61` tokenizer does: letters and digits make words, every
/// other character separates them.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(fold).collect()
}

/// The other forms of a strong verb `word` is a form of (empty when it is none).
pub fn verb_forms(word: &str) -> Vec<String> {
    let word = fold(word);
    STRONG_VERBS
        .iter()
        .find(|group| group.contains(&word.as_str()))
        .map(|group| group.iter().filter(|f| **f != word).map(|f| f.to_string()).collect())
        .unwrap_or_default()
}

/// Reads what the user typed: quoted phrases and single words. `None` when there is nothing to search
/// for (only spaces or punctuation). An unclosed quote runs to the end of the query.
pub fn parse_query(input: &str) -> Option<Query> {
    let mut parts = Vec::new();
    for (i, chunk) in input.split('"').enumerate() {
        if i % 2 == 1 {
            let phrase = words(chunk);
            match phrase.len() {
                0 => {}
                1 => parts.push(word_part(phrase.into_iter().next().expect("one word"), false)),
                _ => parts.push(QueryPart::Phrase(phrase)),
            }
        } else {
            parts.extend(words(chunk).into_iter().map(|w| word_part(w, true)));
        }
    }
    let mut unique: Vec<QueryPart> = Vec::new();
    for part in parts {
        if !unique.contains(&part) {
            unique.push(part);
        }
    }
    unique.truncate(MAX_QUERY_PARTS);
    (!unique.is_empty()).then_some(Query { parts: unique })
}

fn word_part(word: String, may_be_prefix: bool) -> QueryPart {
    let prefix = may_be_prefix && word.chars().count() >= PREFIX_MIN_CHARS;
    let also = verb_forms(&word);
    QueryPart::Word { word, prefix, also }
}

/// An FTS5 string: in double quotes, a double quote inside doubled. Whatever `s` holds, the result is
/// one string token of the FTS5 query language.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

impl Query {
    /// The FTS5 `MATCH` expression: every word and phrase quoted, parts joined with `AND`.
    pub fn match_expression(&self) -> String {
        self.parts
            .iter()
            .map(|part| match part {
                QueryPart::Phrase(words) => quoted(&words.join(" ")),
                QueryPart::Word { word, prefix, also } => {
                    let own = if *prefix { format!("{}*", quoted(word)) } else { quoted(word) };
                    if also.is_empty() {
                        own
                    } else {
                        let forms: Vec<String> = std::iter::once(own).chain(also.iter().map(|f| quoted(f))).collect();
                        format!("({})", forms.join(" OR "))
                    }
                }
            })
            .collect::<Vec<_>>()
            .join(" AND ")
    }
}

/// A text as it goes into the index: the snippet markers cannot occur in it.
pub fn index_text(text: &str) -> String {
    text.replace([MARK_START, MARK_END], " ")
}

/// A note's text as it is indexed and shown in a snippet: without the light formatting's marks
/// (`**`, a heading's `#`, a list's `-`), so a snippet reads as plain text.
pub fn note_plain_text(text: &str) -> String {
    text.lines()
        .map(|line| {
            let t = line.trim_start();
            let t =
                t.strip_prefix("### ").or_else(|| t.strip_prefix("## ")).or_else(|| t.strip_prefix("# ")).unwrap_or(t);
            let t = t.strip_prefix("- ").or_else(|| t.strip_prefix("* ")).unwrap_or(t);
            t.replace("**", "")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A piece of a snippet; `mark` for a piece that matched the query (shown highlighted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SnippetPart {
    pub text: String,
    pub mark: bool,
}

/// Splits a snippet with [`MARK_START`]/[`MARK_END`] into plain and marked pieces, so the UI never
/// parses markup: it shows `text`, highlighted where `mark`.
pub fn snippet_parts(snippet: &str) -> Vec<SnippetPart> {
    let mut out: Vec<SnippetPart> = Vec::new();
    let mut current = String::new();
    let mut mark = false;
    let flush = |text: &mut String, mark: bool, out: &mut Vec<SnippetPart>| {
        if !text.is_empty() {
            out.push(SnippetPart { text: std::mem::take(text), mark });
        }
    };
    for c in snippet.chars() {
        match c {
            MARK_START => {
                flush(&mut current, mark, &mut out);
                mark = true;
            }
            MARK_END => {
                flush(&mut current, mark, &mut out);
                mark = false;
            }
            c => current.push(c),
        }
    }
    flush(&mut current, mark, &mut out);
    out
}

/// What a search result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SearchKind {
    Note,
    Answer,
    BehaviourRecord,
    PlanItem,
    Case,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SearchHit {
    pub kind: SearchKind,
    pub case_id: Uuid,
    pub case_label: String,
    /// The note, answer, behaviour record, plan item or case.
    pub item_id: Uuid,
    /// The conversation an answer, a record or a note belongs to.
    pub conversation_id: Option<Uuid>,
    /// What the item is about in the content: an answer's question id, a record's behaviour id, a plan
    /// item's section (`worries`, …). The UI names it.
    pub reference: Option<String>,
    pub date: NaiveDate,
    /// A note's title (empty for the other kinds).
    pub title: String,
    pub snippet: Vec<SnippetPart>,
    /// A `vertrouwelijk` note, or something only the professional may see.
    pub confidential: bool,
}

/// The texts of a plan's items, as indexed: (item id, section, professional only, text). An item's
/// translations (issue 15.3) are part of its text, so a word the professional translated is found too.
pub fn plan_item_texts(plan: &SafetyPlan) -> Vec<(Uuid, Section, bool, String)> {
    fn push<T>(
        out: &mut Vec<(Uuid, Section, bool, String)>,
        section: Section,
        items: &[crate::plan::Item<T>],
        texts: impl Fn(&T) -> Vec<&str>,
    ) {
        for item in items {
            let translations = item.translations.iter().map(|t| t.text.as_str());
            let all = texts(&item.content).into_iter().chain(translations);
            let text = all.filter(|t| !t.trim().is_empty()).collect::<Vec<_>>().join("\n");
            if !text.is_empty() {
                let restricted = section == Section::EscapePlan || item.visibility == PlanVisibility::ProfessionalOnly;
                out.push((item.id, section, restricted, text));
            }
        }
    }
    let mut out = Vec::new();
    push(&mut out, Section::Worries, &plan.worries, |c| vec![&c.situation, &c.impact]);
    push(&mut out, Section::Conditions, &plan.conditions, |c| vec![&c.text]);
    push(&mut out, Section::AcuteActions, &plan.acute_actions, |c| vec![&c.what]);
    push(&mut out, Section::Agreements, &plan.agreements, |c| vec![&c.what, &c.if_broken]);
    push(&mut out, Section::Problems, &plan.problems, |c| vec![&c.problem, &c.help]);
    push(&mut out, Section::Recovery, &plan.recovery, |c| vec![&c.need, &c.help]);
    push(&mut out, Section::Support, &plan.support, |c| vec![&c.need, &c.help]);
    push(&mut out, Section::Network, &plan.network, |c| vec![&c.task]);
    push(&mut out, Section::Professionals, &plan.professionals, |c| {
        vec![&c.name, &c.organisation, &c.role, &c.contact]
    });
    push(&mut out, Section::Measures, &plan.measures, |c| vec![&c.details]);
    push(&mut out, Section::Signals, &plan.signals, |c| vec![&c.signal, &c.action]);
    push(&mut out, Section::EscapePlan, &plan.escape_plan, |c| vec![&c.text]);
    out
}

/// The searchable text of an answer: an open answer's text and the person's own words.
pub fn answer_text(answer: &crate::Answer) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if let crate::AnswerValue::Text { text } = &answer.value {
        parts.push(text);
    }
    parts.push(&answer.words);
    parts.into_iter().filter(|t| !t.trim().is_empty()).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_items_translations_are_indexed_with_it() {
        use crate::plan::{Item, Note};
        let mut plan = SafetyPlan::new(Uuid::nil(), chrono::DateTime::UNIX_EPOCH);
        plan.conditions.push(Item::new(Note { text: "Niemand slaat".into() }).translated(crate::PlanLanguage::Tr, "Kimse vurmaz"));
        plan.conditions.push(Item::new(Note { text: String::new() }).translated(crate::PlanLanguage::Ar, "  "));
        let texts = plan_item_texts(&plan);
        assert_eq!(texts.len(), 1, "an item with only blank text is not indexed");
        assert_eq!(texts[0].3, "Niemand slaat\nKimse vurmaz");
    }

    #[test]
    fn user_text_becomes_a_quoted_match_expression() {
        let cases: &[(&str, Option<&str>)] = &[
            ("", None),
            ("   ", None),
            ("!?* -- ()", None),
            ("\"\"", None),
            // Words of three letters or more are prefixes; shorter ones whole words.
            ("schreeuw", Some(r#""schreeuw"*"#)),
            ("ik", Some(r#""ik""#)),
            ("Kind school", Some(r#""kind"* AND "school"*"#)),
            // Case and diacritics folded.
            ("CAFÉ Één", Some(r#""cafe"* AND "een"*"#)),
            ("Ruïne", Some(r#""ruine"*"#)),
            // A phrase: exact words next to each other.
            ("\"het kind huilde\"", Some(r#""het kind huilde""#)),
            ("\"kind\"", Some(r#""kind""#)),
            ("boos \"deur dicht\" avond", Some(r#""boos"* AND "deur dicht" AND "avond"*"#)),
            // An unclosed quote runs to the end.
            ("\"deur dicht", Some(r#""deur dicht""#)),
            // FTS5 syntax in the query is only separators between words.
            ("kind OR NOT school", Some(r#""kind"* AND "or" AND "not"* AND "school"*"#)),
            ("NEAR(a b) col:x ^start", Some(r#""near"* AND "a" AND "b" AND "col"* AND "x" AND "start"*"#)),
            ("o'neill", Some(r#""o" AND "neill"*"#)),
            ("kind kind KIND", Some(r#""kind"*"#)),
            // A strong verb also finds its other forms.
            ("slaan", Some(r#"("slaan"* OR "sla" OR "slaat" OR "sloeg" OR "sloegen" OR "geslagen")"#)),
            ("Sloeg", Some(r#"("sloeg"* OR "slaan" OR "sla" OR "slaat" OR "sloegen" OR "geslagen")"#)),
            ("\"hij sloeg\"", Some(r#""hij sloeg""#)),
            ("2025", Some(r#""2025"*"#)),
        ];
        for (input, expected) in cases {
            let got = parse_query(input).map(|q| q.match_expression());
            assert_eq!(got.as_deref(), *expected, "{input:?}");
        }
    }

    #[test]
    fn a_long_query_is_cut_to_the_first_parts() {
        let input = (1..=30).map(|i| format!("woord{i}")).collect::<Vec<_>>().join(" ");
        let q = parse_query(&input).expect("query");
        assert_eq!(q.parts.len(), MAX_QUERY_PARTS);
        assert_eq!(q.parts[0], QueryPart::Word { word: "woord1".into(), prefix: true, also: vec![] });
    }

    #[test]
    fn no_query_can_leave_its_quotes() {
        // Whatever the input, every quote in the expression opens or closes one of our strings.
        for input in ["\"\"\"", "a\"b\"c\"", "\"a\"\"b\"", "x\" OR \"y", "\"", "é\"*\"è"] {
            let Some(q) = parse_query(input) else { continue };
            for part in &q.parts {
                let words = match part {
                    QueryPart::Word { word, .. } => vec![word.clone()],
                    QueryPart::Phrase(w) => w.clone(),
                };
                assert!(words.iter().all(|w| w.chars().all(char::is_alphanumeric)), "{input:?}: {words:?}");
            }
        }
    }

    #[test]
    fn every_verb_form_is_folded_and_in_one_group() {
        let mut seen = std::collections::BTreeSet::new();
        for group in STRONG_VERBS {
            for form in *group {
                assert_eq!(fold(form), *form, "{form} is stored folded");
                assert!(seen.insert(*form), "{form} is in two groups");
            }
        }
        assert_eq!(verb_forms("GESLAGEN"), ["slaan", "sla", "slaat", "sloeg", "sloegen"]);
        assert!(verb_forms("duwen").is_empty(), "a weak verb is found by its prefix");
    }

    #[test]
    fn snippets_split_into_marked_parts() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            ("", &[]),
            ("geen treffer", &[("geen treffer", false)]),
            ("hij \u{2}sloeg\u{3} de deur", &[("hij ", false), ("sloeg", true), (" de deur", false)]),
            ("\u{2}a\u{3}\u{2}b\u{3}", &[("a", true), ("b", true)]),
            ("…<b>\u{2}x\u{3}", &[("…<b>", false), ("x", true)]),
        ];
        for (snippet, expected) in cases {
            let expected: Vec<SnippetPart> =
                expected.iter().map(|(t, m)| SnippetPart { text: t.to_string(), mark: *m }).collect();
            assert_eq!(snippet_parts(snippet), expected, "{snippet:?}");
        }
        assert_eq!(index_text("a\u{2}b\u{3}c"), "a b c");
        assert_eq!(
            note_plain_text("# Kop\n- een **vet** punt\n  * twee\n2 ** 3\n#geen"),
            "Kop\neen vet punt\ntwee\n2  3\n#geen"
        );
    }
}

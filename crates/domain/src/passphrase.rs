//! Passphrase strength feedback for the first-start wizard and passphrase change.
//!
//! A rough, explainable estimate (not a password cracker model): the practitioner gets plain hints, and
//! the app refuses passphrases that are clearly too weak to protect a caseload on a stolen laptop.
//! Argon2id slows guessing down; it cannot save "welkom123".

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Fewer characters than this is always refused.
pub const MIN_PASSPHRASE_CHARS: usize = 12;

/// A few passphrase fragments that every guessing list starts with (lower case).
const COMMON_FRAGMENTS: &[&str] = &[
    "wachtwoord", "password", "welkom", "qwerty", "azerty", "123456", "abcdef", "geheim", "letmein",
    "samenkijken", "veilig", "iloveyou", "admin", "zomer", "winter", "voorjaar", "herfst",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum StrengthLevel {
    TooWeak,
    Weak,
    Fair,
    Strong,
}

/// What the user can do to make the passphrase stronger. The UI turns each into a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum StrengthHint {
    TooShort,
    CommonWord,
    RepeatedCharacters,
    UseMoreWords,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Strength {
    pub level: StrengthLevel,
    /// Rough estimate of the guessing entropy in bits.
    pub bits: u32,
    pub hints: Vec<StrengthHint>,
    /// May this passphrase be used? Only `Fair` and `Strong` are accepted.
    pub acceptable: bool,
}

pub fn strength(passphrase: &str) -> Strength {
    let chars: Vec<char> = passphrase.chars().collect();
    let mut hints = Vec::new();
    let lower = passphrase.to_lowercase();

    let pool = [
        chars.iter().any(|c| c.is_lowercase()),
        chars.iter().any(|c| c.is_uppercase()),
        chars.iter().any(|c| c.is_ascii_digit()),
        chars.iter().any(|c| c.is_whitespace()),
        chars.iter().any(|c| !c.is_alphanumeric() && !c.is_whitespace()),
    ];
    let pool_size: f64 = [26.0, 26.0, 10.0, 1.0, 20.0]
        .iter()
        .zip(pool)
        .filter(|(_, present)| *present)
        .map(|(n, _)| n)
        .sum::<f64>()
        .max(1.0);

    // Count distinct characters: "aaaaaaaaaaaa" is not twelve characters of entropy.
    let mut distinct = chars.clone();
    distinct.sort_unstable();
    distinct.dedup();
    let effective_len = chars.len().min(distinct.len() * 3);
    if chars.len() >= 6 && distinct.len() * 3 < chars.len() {
        hints.push(StrengthHint::RepeatedCharacters);
    }

    // A common fragment is worth about one guess from a short list, not its length in characters.
    let mut stripped = lower.clone();
    let mut common = 0usize;
    for fragment in COMMON_FRAGMENTS {
        common += stripped.matches(fragment).count();
        stripped = stripped.replace(fragment, "");
    }
    let mut bits = effective_len as f64 * pool_size.log2();
    if common > 0 {
        hints.push(StrengthHint::CommonWord);
        let removed = chars.len() - stripped.chars().count();
        bits -= removed as f64 * pool_size.log2();
        bits += 8.0 * common as f64;
    }
    let bits = bits.max(0.0) as u32;

    if chars.len() < MIN_PASSPHRASE_CHARS {
        hints.insert(0, StrengthHint::TooShort);
    }
    let words = passphrase.split_whitespace().filter(|w| w.chars().count() >= 3).count();
    if words < 3 && bits < 80 {
        hints.push(StrengthHint::UseMoreWords);
    }

    let level = if chars.len() < MIN_PASSPHRASE_CHARS || bits < 40 {
        StrengthLevel::TooWeak
    } else if bits < 55 {
        StrengthLevel::Weak
    } else if bits < 75 {
        StrengthLevel::Fair
    } else {
        StrengthLevel::Strong
    };
    Strength { level, bits, hints, acceptable: level >= StrengthLevel::Fair }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strength_table() {
        let table: &[(&str, StrengthLevel, bool)] = &[
            ("", StrengthLevel::TooWeak, false),
            ("kort", StrengthLevel::TooWeak, false),
            ("welkom123welkom", StrengthLevel::TooWeak, false),
            ("aaaaaaaaaaaaaaaaaaaa", StrengthLevel::TooWeak, false),
            ("fietsbelregen", StrengthLevel::Fair, true),
            ("paarse fiets onder de brug bij Zwolle", StrengthLevel::Strong, true),
            ("Tulp-kade7-mosterd-lamp", StrengthLevel::Strong, true),
        ];
        for (input, level, ok) in table {
            let s = strength(input);
            assert_eq!((s.level, s.acceptable), (*level, *ok), "{input:?}: {s:?}");
        }
    }

    #[test]
    fn hints_say_what_to_do() {
        assert!(strength("kort").hints.contains(&StrengthHint::TooShort));
        assert!(strength("mijnwachtwoord!").hints.contains(&StrengthHint::CommonWord));
        assert!(strength("zzzzzzzzzzzzzzzz").hints.contains(&StrengthHint::RepeatedCharacters));
    }

    #[test]
    fn longer_never_weaker_by_appending_a_new_word() {
        let base = "fietsbelregen";
        assert!(strength(&format!("{base} walvis")).bits >= strength(base).bits);
    }
}

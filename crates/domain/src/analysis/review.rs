//! The professional's judgement of each conclusion (domain.md §6): confirmed, changed or rejected,
//! with a reason. A judgement is kept and shown next to the recomputed hypothesis; when the hypothesis
//! has changed since the judgement, the review says so instead of silently following either.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::{AcuteUnsafety, CouplePattern, ProfileHypothesis, RedFlagFinding, Severity, StructuralUnsafety};

/// The key of the severity conclusion.
pub const SEVERITY_KEY: &str = "severity";
/// The key of the acute-unsafety conclusion.
pub const ACUTE_KEY: &str = "acute";
/// The key of the structural-unsafety conclusion.
pub const STRUCTURAL_KEY: &str = "structural";
/// The hypothesis text of a red flag that is (no longer) found.
pub const ABSENT: &str = "absent";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "verdict", rename_all = "snake_case")]
#[ts(export)]
pub enum Verdict {
    Confirmed,
    /// The professional's own conclusion instead (e.g. another severity category or pattern).
    Changed { to: String },
    Rejected,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Judgement {
    pub id: Uuid,
    pub case_id: Uuid,
    /// e.g. `severity`, `pattern:<a>:<b>`, `profile:intieme_terreur`, `redflag:strangulation`, `acute`,
    /// `structural`.
    pub conclusion_key: String,
    pub verdict: Verdict,
    pub reason: String,
    /// The hypothesis as it was shown when judged.
    pub hypothesis_at_decision: String,
    pub decided_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReviewStatus {
    /// Not judged yet.
    Open,
    Confirmed,
    Changed,
    Rejected,
    /// Judged, but the recomputed hypothesis differs from the one judged: look again.
    HypothesisChanged,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Review {
    pub key: String,
    /// The recomputed hypothesis, as a stable text.
    pub hypothesis: String,
    pub judgement: Option<Judgement>,
    pub status: ReviewStatus,
    /// How many judgements were recorded for this key over time.
    pub judgements_count: u32,
}

pub(crate) fn reviews(
    judgements: &[Judgement],
    severity: &Severity,
    patterns: &[CouplePattern],
    profiles: &[ProfileHypothesis],
    flags: &[RedFlagFinding],
    acute: &AcuteUnsafety,
    structural: &StructuralUnsafety,
) -> Vec<Review> {
    let mut current: BTreeMap<String, String> = BTreeMap::new();
    current.insert(SEVERITY_KEY.into(), severity.category.id().into());
    for p in patterns {
        current.insert(p.key.clone(), p.kind.summary());
    }
    for p in profiles {
        current.insert(p.key.clone(), p.strength.id().into());
    }
    for f in flags {
        current.insert(f.key.clone(), "present".into());
    }
    current.insert(ACUTE_KEY.into(), if acute.possibly_acute { "possibly_acute" } else { "not_indicated" }.into());
    current.insert(STRUCTURAL_KEY.into(), if structural.suggested { "suggested" } else { "not_indicated" }.into());
    for j in judgements {
        current.entry(j.conclusion_key.clone()).or_insert_with(|| ABSENT.into());
    }

    current
        .into_iter()
        .map(|(key, hypothesis)| {
            let mine = judgements.iter().filter(|j| j.conclusion_key == key);
            let count = mine.clone().count() as u32;
            let latest = mine.max_by_key(|j| (j.decided_at, j.id)).cloned();
            let status = match &latest {
                None => ReviewStatus::Open,
                Some(j) if j.hypothesis_at_decision != hypothesis => ReviewStatus::HypothesisChanged,
                Some(j) => match j.verdict {
                    Verdict::Confirmed => ReviewStatus::Confirmed,
                    Verdict::Changed { .. } => ReviewStatus::Changed,
                    Verdict::Rejected => ReviewStatus::Rejected,
                },
            };
            Review { key, hypothesis, judgement: latest, status, judgements_count: count }
        })
        .collect()
}

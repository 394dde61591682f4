//! The app's content (guides, behaviour catalogue, profile cards, red flags, Meldcode model), embedded in
//! the binary and validated once at start-up, and the `content_get` command that hands it to the UI.

use std::sync::LazyLock;

use chrono::{NaiveDate, Utc};
use domain::{BlamingPhrase, Catalogue, Guide, IndicatorDef, MeldcodeModel, ProfileCard, RedFlagSet};
use serde::Serialize;
use ts_rs::TS;

/// The embedded content plus its catalogue with every guide question's feeds merged in (what the
/// analysis reads), built once.
pub struct Loaded {
    pub content: ::content::Content,
    pub catalogue: Catalogue,
    pub meldcode: MeldcodeModel,
}

impl Loaded {
    pub fn guide(&self, id: &str) -> Option<&Guide> {
        self.content.guide(id)
    }
}

static CONTENT: LazyLock<Loaded> = LazyLock::new(|| {
    let content = ::content::Content::embedded();
    Loaded { catalogue: content.catalogue(), meldcode: content.meldcode.clone(), content }
});

pub fn content() -> &'static Loaded {
    &CONTENT
}

/// Today's date in the Netherlands (the analysis counts "the last 12 months" from here).
pub fn today() -> NaiveDate {
    Utc::now().with_timezone(&chrono_tz::Europe::Amsterdam).date_naive()
}

/// Static content for the UI, loaded once after unlock.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ContentBundle {
    pub guides: Vec<Guide>,
    pub catalogue: Catalogue,
    pub profile_cards: Vec<ProfileCard>,
    pub red_flags: RedFlagSet,
    pub indicators: Vec<IndicatorDef>,
    pub meldcode: MeldcodeModel,
    pub blaming_phrases: Vec<BlamingPhrase>,
}

#[tauri::command]
pub fn content_get() -> ContentBundle {
    let Loaded { content: c, catalogue, .. } = content();
    ContentBundle {
        guides: c.guides.clone(),
        catalogue: catalogue.clone(),
        profile_cards: c.profiles.clone(),
        red_flags: c.red_flags.clone(),
        indicators: c.indicators.clone(),
        meldcode: c.meldcode.clone(),
        blaming_phrases: c.blaming_phrases.clone(),
    }
}

//! The app's content (guides, behaviour catalogue, profile cards, red flags, Meldcode model) as the
//! commands read it: parsed and validated once, with the catalogue that has every guide question's feeds
//! merged in (what the analysis reads).

use domain::{Catalogue, Guide, MeldcodeModel};

pub struct Content {
    pub content: ::content::Content,
    pub catalogue: Catalogue,
    pub meldcode: MeldcodeModel,
}

impl Content {
    /// The content embedded in the binary (`assets/`).
    pub fn embedded() -> Content {
        Content::from(::content::Content::embedded())
    }

    pub fn guide(&self, id: &str) -> Option<&Guide> {
        self.content.guide(id)
    }
}

impl From<::content::Content> for Content {
    fn from(content: ::content::Content) -> Self {
        Content { catalogue: content.catalogue(), meldcode: content.meldcode.clone(), content }
    }
}

//! How large the app is drawn: the zoom of the whole window (Ctrl +, Ctrl −, Ctrl 0) and the text size.
//! Both are kept in `weergave.json` in the vault folder, outside the encrypted database, because they
//! are needed before unlocking (a professional who reads at 200% needs the unlock screen at 200% too)
//! and hold nothing of a case: two numbers.

use std::path::{Path, PathBuf};

use crate::contract::*;
use crate::env::Env;
use crate::error::{AppResult, ErrorCode};
use crate::views::{Display, DisplayView, ZoomStep};

/// The zoom levels, in percent, that Ctrl + and Ctrl − step through (as browsers do).
pub const ZOOM_LEVELS: &[u16] = &[67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300];
/// The text sizes the settings offer, in percent of the normal size.
pub const TEXT_SIZES: &[u16] = &[100, 115, 130, 150, 175, 200];

const FILE: &str = "weergave.json";

impl Default for Display {
    fn default() -> Self {
        Display { zoom_percent: 100, text_percent: 100 }
    }
}

impl Display {
    /// Both values are ones the app offers.
    pub fn is_valid(&self) -> bool {
        ZOOM_LEVELS.contains(&self.zoom_percent) && TEXT_SIZES.contains(&self.text_percent)
    }

    /// The next zoom level in that direction (stays at the ends).
    pub fn stepped(self, step: ZoomStep) -> Display {
        let at = ZOOM_LEVELS.iter().position(|z| *z >= self.zoom_percent).unwrap_or(ZOOM_LEVELS.len() - 1);
        let zoom_percent = match step {
            ZoomStep::In => {
                let here = ZOOM_LEVELS[at];
                if here > self.zoom_percent { here } else { ZOOM_LEVELS[(at + 1).min(ZOOM_LEVELS.len() - 1)] }
            }
            ZoomStep::Out => ZOOM_LEVELS[at.saturating_sub(1)],
            ZoomStep::Reset => 100,
        };
        Display { zoom_percent, ..self }
    }
}

fn path(dir: &Path) -> PathBuf {
    dir.join(FILE)
}

/// The saved display settings; the defaults when there are none or the file is not ours.
pub fn load_display(dir: &Path) -> Display {
    std::fs::read(path(dir))
        .ok()
        .filter(|bytes| bytes.len() < 1024)
        .and_then(|bytes| serde_json::from_slice::<Display>(&bytes).ok())
        .filter(Display::is_valid)
        .unwrap_or_default()
}

fn view(display: Display) -> DisplayView {
    DisplayView { display, zoom_levels: ZOOM_LEVELS.to_vec(), text_sizes: TEXT_SIZES.to_vec() }
}

fn save(env: &mut Env<'_>, display: Display) -> AppResult<DisplayView> {
    if !display.is_valid() {
        return Err(ErrorCode::OutOfRange.into());
    }
    std::fs::create_dir_all(env.dir).map_err(crate::error::AppError::from)?;
    let bytes = serde_json::to_vec(&display).map_err(|_| ErrorCode::Internal)?;
    vault::write_file_atomic(&path(env.dir), &bytes)?;
    env.shell.set_zoom(f64::from(display.zoom_percent) / 100.0)?;
    Ok(view(display))
}

pub fn display_get(env: &mut Env<'_>, _: DisplayGetRequest) -> AppResult<DisplayView> {
    Ok(view(load_display(env.dir)))
}

pub fn display_set(env: &mut Env<'_>, r: DisplaySetRequest) -> AppResult<DisplayView> {
    save(env, r.display)
}

pub fn display_zoom(env: &mut Env<'_>, r: DisplayZoomRequest) -> AppResult<DisplayView> {
    let now = load_display(env.dir);
    save(env, now.stepped(r.step))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(zoom_percent: u16) -> Display {
        Display { zoom_percent, text_percent: 100 }
    }

    #[test]
    fn zoom_steps_through_the_levels_and_stops_at_the_ends() {
        let table: &[(u16, ZoomStep, u16)] = &[
            (100, ZoomStep::In, 110),
            (110, ZoomStep::In, 125),
            (175, ZoomStep::In, 200),
            (300, ZoomStep::In, 300),
            (100, ZoomStep::Out, 90),
            (67, ZoomStep::Out, 67),
            (200, ZoomStep::Out, 175),
            (250, ZoomStep::Reset, 100),
            (67, ZoomStep::Reset, 100),
        ];
        for (from, step, to) in table {
            assert_eq!(at(*from).stepped(*step).zoom_percent, *to, "{from} {step:?}");
        }
    }

    #[test]
    fn only_offered_values_are_valid() {
        assert!(Display::default().is_valid());
        assert!(!at(120).is_valid());
        assert!(!Display { zoom_percent: 100, text_percent: 90 }.is_valid());
    }

    #[test]
    fn a_missing_or_foreign_file_gives_the_defaults() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert_eq!(load_display(dir.path()), Display::default());
        std::fs::write(path(dir.path()), b"{\"zoom_percent\": 9000, \"text_percent\": 100}").expect("write");
        assert_eq!(load_display(dir.path()), Display::default());
        std::fs::write(path(dir.path()), b"not json").expect("write");
        assert_eq!(load_display(dir.path()), Display::default());
        std::fs::write(path(dir.path()), b"{\"zoomPercent\": 200, \"textPercent\": 130}").expect("write");
        assert_eq!(load_display(dir.path()), Display { zoom_percent: 200, text_percent: 130 });
    }
}

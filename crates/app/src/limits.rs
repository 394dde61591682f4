//! Limits every request is held to before its command runs: no text longer than [`MAX_TEXT_CHARS`] and
//! no list longer than [`MAX_LIST_LEN`], whatever the field. Rules of a field may be tighter (a case
//! label, a name, a plan text); this is the floor, so that a new text field can never take 25 MB.
//!
//! The check serialises the request into nothing: string contents are only measured, never copied
//! (requests can hold a passphrase).

use std::io;

use serde::Serialize;
use serde_json::ser::Formatter;

use crate::error::{AppError, AppResult, ErrorCode};

/// The longest text any field takes (a conversation's notes are the longest texts the app has).
pub const MAX_TEXT_CHARS: usize = 20_000;
/// The longest list any field takes (participants, records of an answer, items of a plan section…).
pub const MAX_LIST_LEN: usize = 1_000;

/// The longest title of a note.
pub const NOTE_TITLE_MAX_CHARS: usize = 200;
/// The longest text of a note (the same as any text).
pub const NOTE_TEXT_MAX_CHARS: usize = MAX_TEXT_CHARS;
/// At most this many tags on a note, each at most [`NOTE_TAG_MAX_CHARS`] long.
pub const NOTE_MAX_TAGS: usize = 20;
pub const NOTE_TAG_MAX_CHARS: usize = 40;
/// The longest search query.
pub const SEARCH_QUERY_MAX_CHARS: usize = 200;

/// A note's title, text and tags within their limits: `field_too_long` for a text, `out_of_range` for
/// too many tags.
pub fn check_note(input: &domain::notes::NoteInput) -> AppResult<()> {
    let too_long = |s: &str, max: usize| s.chars().count() > max;
    if too_long(&input.title, NOTE_TITLE_MAX_CHARS)
        || too_long(&input.text, NOTE_TEXT_MAX_CHARS)
        || input.tags.iter().any(|t| too_long(t, NOTE_TAG_MAX_CHARS))
    {
        return Err(AppError(ErrorCode::FieldTooLong));
    }
    if input.tags.len() > NOTE_MAX_TAGS {
        return Err(AppError(ErrorCode::OutOfRange));
    }
    Ok(())
}

/// A search query within [`SEARCH_QUERY_MAX_CHARS`] (`field_too_long`).
pub fn check_query(query: &str) -> AppResult<()> {
    if query.chars().count() > SEARCH_QUERY_MAX_CHARS { Err(AppError(ErrorCode::FieldTooLong)) } else { Ok(()) }
}

#[derive(Default)]
struct State {
    chars: usize,
    too_long: bool,
    lists: Vec<usize>,
    too_many: bool,
}

struct Measure<'a>(&'a mut State);

impl std::ops::Deref for Measure<'_> {
    type Target = State;
    fn deref(&self) -> &State {
        self.0
    }
}

impl std::ops::DerefMut for Measure<'_> {
    fn deref_mut(&mut self) -> &mut State {
        self.0
    }
}

impl Formatter for Measure<'_> {
    fn begin_string<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.chars = 0;
        Ok(())
    }
    fn write_string_fragment<W: ?Sized + io::Write>(&mut self, _: &mut W, fragment: &str) -> io::Result<()> {
        self.chars += fragment.chars().count();
        Ok(())
    }
    fn write_char_escape<W: ?Sized + io::Write>(&mut self, _: &mut W, _: serde_json::ser::CharEscape) -> io::Result<()> {
        self.chars += 1;
        Ok(())
    }
    fn end_string<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.too_long |= self.chars > MAX_TEXT_CHARS;
        Ok(())
    }
    fn begin_array<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.lists.push(0);
        Ok(())
    }
    fn begin_array_value<W: ?Sized + io::Write>(&mut self, _: &mut W, _: bool) -> io::Result<()> {
        if let Some(n) = self.lists.last_mut() {
            *n += 1;
            self.too_many |= *n > MAX_LIST_LEN;
        }
        Ok(())
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.lists.pop();
        Ok(())
    }
}

/// Refuses a request with a text over [`MAX_TEXT_CHARS`] (`field_too_long`) or a list over
/// [`MAX_LIST_LEN`] (`out_of_range`).
pub fn check_texts<T: Serialize>(request: &T) -> AppResult<()> {
    let mut measure = State::default();
    let mut ser = serde_json::Serializer::with_formatter(io::sink(), Measure(&mut measure));
    request.serialize(&mut ser).map_err(|_| AppError(ErrorCode::Invalid))?;
    drop(ser);
    if measure.too_long {
        return Err(AppError(ErrorCode::FieldTooLong));
    }
    if measure.too_many {
        return Err(AppError(ErrorCode::OutOfRange));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Req {
        a: String,
        nested: Vec<Option<String>>,
    }

    #[test]
    fn every_text_and_list_is_measured_at_the_limit() {
        let ok = |a: String, nested: Vec<Option<String>>| check_texts(&Req { a, nested });
        assert_eq!(ok("x".repeat(MAX_TEXT_CHARS), vec![]), Ok(()));
        assert_eq!(ok("é".repeat(MAX_TEXT_CHARS), vec![]), Ok(()), "characters, not bytes");
        assert_eq!(ok("x".repeat(MAX_TEXT_CHARS + 1), vec![]), Err(AppError(ErrorCode::FieldTooLong)));
        assert_eq!(ok(String::new(), vec![Some("\"".repeat(MAX_TEXT_CHARS + 1))]), Err(AppError(ErrorCode::FieldTooLong)));
        assert_eq!(ok(String::new(), vec![None; MAX_LIST_LEN]), Ok(()));
        assert_eq!(ok(String::new(), vec![None; MAX_LIST_LEN + 1]), Err(AppError(ErrorCode::OutOfRange)));
    }
}

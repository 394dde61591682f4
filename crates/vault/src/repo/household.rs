//! A whole household read in one go: the case, its persons and its relations. Kept apart from the
//! three repositories so that none of them depends on another (the household depends on all three).

use domain::Household;
use rusqlite::Connection;
use uuid::Uuid;

use super::{cases, persons, relations};
use crate::error::Result;

pub(crate) fn household(conn: &Connection, case_id: Uuid) -> Result<Household> {
    Ok(Household {
        case: cases::get_case(conn, case_id)?,
        persons: persons::list(conn, case_id)?,
        relations: relations::list(conn, case_id)?,
    })
}

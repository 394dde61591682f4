//! Relations between persons of a case.

use domain::{Relation, RelationInput};
use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

use super::{expect_changed, parse_json, parse_uuid, persons, to_json, write};
use crate::audit::{self, AuditAction};
use crate::error::{Result, VaultError};

/// Relation repository; get it with [`crate::Vault::relations`].
pub struct Relations<'v> {
    pub(crate) conn: &'v Connection,
}

pub(crate) fn list(conn: &Connection, case_id: Uuid) -> Result<Vec<Relation>> {
    let mut stmt =
        conn.prepare_cached("SELECT id, case_id, from_id, to_id, kind FROM relations WHERE case_id = ?1 ORDER BY id")?;
    let rows = stmt.query_map([case_id.to_string()], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?, r.get::<_, String>(4)?))
    })?;
    rows.map(|row| {
        let (id, case_id, from, to, kind) = row?;
        Ok(Relation {
            id: parse_uuid(&id)?,
            case_id: parse_uuid(&case_id)?,
            from: parse_uuid(&from)?,
            to: parse_uuid(&to)?,
            kind: parse_json(&kind)?,
        })
    })
    .collect()
}

impl Relations<'_> {
    /// One relation by id.
    pub fn get(&self, id: Uuid) -> Result<Relation> {
        let case_id: String = self
            .conn
            .query_row("SELECT case_id FROM relations WHERE id = ?1", [id.to_string()], |r| r.get(0))
            .optional()?
            .ok_or(VaultError::NotFound("relation"))?;
        list(self.conn, parse_uuid(&case_id)?)?.into_iter().find(|r| r.id == id).ok_or(VaultError::NotFound("relation"))
    }

    /// Adds a relation after checking it against the roles of both persons (domain rules).
    pub fn add(&self, case_id: Uuid, input: RelationInput) -> Result<Relation> {
        write(self.conn, |tx| {
            let from = persons::get(tx, input.from)?;
            let to = persons::get(tx, input.to)?;
            if from.case_id != case_id || to.case_id != case_id {
                return Err(VaultError::NotFound("person"));
            }
            let input = input.validated(&from, &to)?;
            let rel = Relation { id: Uuid::now_v7(), case_id, from: input.from, to: input.to, kind: input.kind };
            tx.execute(
                "INSERT INTO relations (id, case_id, from_id, to_id, kind) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![rel.id.to_string(), case_id.to_string(), rel.from.to_string(), rel.to.to_string(), to_json(&rel.kind)],
            )?;
            super::touch_case(tx, case_id)?;
            audit::append(tx, AuditAction::RelationAdded, Some(case_id), Some(rel.id))?;
            Ok(rel)
        })
    }

    pub fn delete(&self, id: Uuid) -> Result<()> {
        write(self.conn, |tx| {
            let case_id: String = tx
                .query_row("SELECT case_id FROM relations WHERE id = ?1", [id.to_string()], |r| r.get(0))
                .optional()?
                .ok_or(VaultError::NotFound("relation"))?;
            let case_id = parse_uuid(&case_id)?;
            let n = tx.execute("DELETE FROM relations WHERE id = ?1", [id.to_string()])?;
            expect_changed(n, "relation")?;
            super::touch_case(tx, case_id)?;
            audit::append(tx, AuditAction::RelationDeleted, Some(case_id), Some(id))
        })
    }

    pub fn list(&self, case_id: Uuid) -> Result<Vec<Relation>> {
        list(self.conn, case_id)
    }
}

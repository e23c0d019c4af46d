//! The store's side of 信息采用统计's alias table: names (a unit's or a person's) mapped to the
//! unit they count as. The store keeps the names as given; `crate::stats::units` brings them to
//! canonical form before they are saved and decides what a name is.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::{now, Store, StoreError};

/// One row of the alias table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitAlias {
    /// The name as it is counted without the table.
    pub alias: String,
    /// The unit it counts as.
    pub unit: String,
}

impl Store {
    /// The alias table, by alias.
    pub fn unit_aliases(&self) -> Result<Vec<UnitAlias>, StoreError> {
        let sql = |e| self.sql(e);
        let mut stmt = self
            .conn
            .prepare("SELECT alias, unit FROM unit_aliases ORDER BY alias")
            .map_err(sql)?;
        let rows = stmt
            .query_map([], |r| {
                Ok(UnitAlias {
                    alias: r.get(0)?,
                    unit: r.get(1)?,
                })
            })
            .map_err(sql)?;
        rows.collect::<rusqlite::Result<_>>().map_err(sql)
    }

    /// Maps `alias` to `unit` (replacing its row, if any), keeping the table one level deep:
    /// when `unit` is itself an alias, `alias` maps to what `unit` maps to (unless that is
    /// `alias`, whose old mapping the new one replaces), and every alias that counted as
    /// `alias` counts as the target instead. Merging a unit into another is this call.
    pub fn set_unit_alias(&mut self, alias: &str, unit: &str) -> Result<(), StoreError> {
        let tx = self.write()?;
        let sql = tx.sql();
        let at = now();
        let onward: Option<String> = tx
            .query_row(
                "SELECT unit FROM unit_aliases WHERE alias = ?1",
                [unit],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql)?;
        let target = match onward {
            Some(u) if u == alias => {
                tx.execute("DELETE FROM unit_aliases WHERE alias = ?1", [unit])
                    .map_err(sql)?;
                unit.to_string()
            }
            Some(u) => u,
            None => unit.to_string(),
        };
        tx.execute(
            "INSERT INTO unit_aliases (alias, unit, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (alias) DO UPDATE SET unit = excluded.unit, updated_at = excluded.updated_at",
            params![alias, target, at],
        )
        .map_err(sql)?;
        tx.execute(
            "UPDATE unit_aliases SET unit = ?2, updated_at = ?3 WHERE unit = ?1",
            params![alias, target, at],
        )
        .map_err(sql)?;
        tx.commit()
    }

    /// Removes `alias` from the table; whether it was there.
    pub fn delete_unit_alias(&mut self, alias: &str) -> Result<bool, StoreError> {
        let tx = self.write()?;
        let sql = tx.sql();
        let n = tx
            .execute("DELETE FROM unit_aliases WHERE alias = ?1", [alias])
            .map_err(sql)?;
        tx.commit()?;
        Ok(n > 0)
    }
}

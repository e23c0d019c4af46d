//! `IssueId`: the store's name for an issue, a random UUID that never changes.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The id of a stored issue (a UUID v4), shown hyphenated in lower case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IssueId(Uuid);

impl IssueId {
    /// A new random id.
    pub fn new() -> Self {
        Self(Uuid::new_v4())
    }

    /// The UUID inside.
    pub fn uuid(self) -> Uuid {
        self.0
    }

    /// The first 8 hex digits, enough to tell issues apart in a list (see `Store::resolve`).
    pub fn short(self) -> String {
        self.to_string()[..8].to_string()
    }
}

impl Default for IssueId {
    fn default() -> Self {
        Self::new()
    }
}

impl From<Uuid> for IssueId {
    fn from(u: Uuid) -> Self {
        Self(u)
    }
}

impl fmt::Display for IssueId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.hyphenated())
    }
}

/// Text that is not a whole issue id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("「{0}」不是有效的简报编号（应为 36 位的 UUID，例如 3f2a…；也可以只写开头几位）")]
pub struct IssueIdError(pub String);

impl FromStr for IssueId {
    type Err = IssueIdError;

    /// Parses a whole UUID (hyphenated, simple, braced or URN form). Prefixes are resolved by
    /// `Store::resolve`, which can see the ids that exist.
    fn from_str(s: &str) -> Result<Self, IssueIdError> {
        Uuid::parse_str(s.trim())
            .map(Self)
            .map_err(|_| IssueIdError(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_hyphenated_and_parses_back() {
        let id = IssueId::new();
        let s = id.to_string();
        assert_eq!(s.len(), 36);
        assert_eq!(s.parse::<IssueId>().unwrap(), id);
        assert_eq!(s.to_uppercase().parse::<IssueId>().unwrap(), id);
        assert_eq!(id.short(), s[..8]);
        assert_eq!(serde_json::to_string(&id).unwrap(), format!("\"{s}\""));
        assert!("3f2a".parse::<IssueId>().is_err());
        assert!("".parse::<IssueId>().is_err());
    }
}

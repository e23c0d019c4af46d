//! `bulletin review ID FILE.pdf [--json]`: a commented proof's marks read, anchored, kept in the
//! store with their round and listed.

use std::path::Path;

use bulletin::review::{self, Comment};

use super::{fonts::FontArgs, note, open_store, say, CliError};

/// `bulletin review`.
pub fn review(db: Option<&Path>, id: &str, file: &Path, json: bool) -> Result<(), CliError> {
    let mut store = open_store(db)?;
    let id = store.resolve(id)?;
    let bytes = std::fs::read(file).map_err(|source| CliError::Read {
        path: file.to_path_buf(),
        source,
    })?;
    // The faces the proof was set in: the store's choice, as `proof --pdf` uses.
    let book = FontArgs::default().book_for_store(&store)?;
    let imported = review::import(&mut store, id, &bytes, &book)?;
    if let Some(w) = &imported.review.warning {
        note(format!("注意：{w}"));
    }
    if json {
        let out = serde_json::to_string_pretty(&imported).expect("comments serialise");
        return say(out);
    }
    say(imported.message())?;
    for (n, c) in imported.review.comments.iter().enumerate() {
        for line in lines(n + 1, c) {
            say(line)?;
        }
    }
    Ok(())
}

/// A comment as printed: its head line, the quoted text, the comment, replies, the proposal.
fn lines(n: usize, c: &Comment) -> Vec<String> {
    let mut head = format!("{n}. [{}] 第{}页", c.kind.label(), c.page);
    if let Some(a) = &c.anchor {
        head.push_str(&format!(" · {}", a.part()));
        if a.nearest_line {
            head.push_str("（页边，按最近的一行）");
        }
    } else {
        head.push_str(" · 没有对应的文字");
    }
    if !c.author.is_empty() {
        head.push_str(&format!(" · {}", c.author));
    }
    if let Some(d) = &c.date {
        head.push_str(&format!(" {d}"));
    }
    let mut out = vec![head];
    if let Some(a) = &c.anchor {
        let quote = a.quote();
        if !quote.is_empty() {
            out.push(format!("   原文：「{quote}」"));
        }
    }
    if !c.text.is_empty() {
        out.push(format!("   意见：{}", c.text.replace('\n', " ")));
    }
    for r in &c.replies {
        out.push(format!(
            "   回复（{}）：{}",
            r.author,
            r.text.replace('\n', " ")
        ));
    }
    if let (Some(s), Some(a)) = (&c.suggestion, &c.anchor) {
        out.push(format!("   建议：{}", s.label(&a.quote())));
    }
    out
}

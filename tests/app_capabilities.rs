//! The desktop app's capability grants exactly the commands the app registers: every
//! `#[tauri::command]` of src-tauri/commands.rs is in src-tauri/app_commands.rs (the list
//! main.rs hands to `generate_handler!` and build.rs makes permissions from), and each has its
//! `allow-<command>` in src-tauri/capabilities/main.json, with nothing else allowed.
//! Reads the sources as text, so it runs with the engine's tests (no WebKitGTK needed).

use std::collections::BTreeSet;
use std::path::Path;

fn read(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The names in `with_app_commands!`'s list, in order.
fn listed_commands() -> Vec<String> {
    let text = read("src-tauri/app_commands.rs");
    let start = text
        .find("$then!(")
        .expect("the list starts with `$then!(`")
        + "$then!(".len();
    let end = start + text[start..].find(')').expect("the list ends with `)`");
    text[start..end]
        .split(',')
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
        .collect()
}

/// The functions marked `#[tauri::command]` in commands.rs.
fn defined_commands() -> Vec<String> {
    let text = read("src-tauri/commands.rs");
    let mut names = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line.trim() != "#[tauri::command]" {
            continue;
        }
        let signature = lines.next().expect("a function follows #[tauri::command]");
        let after_fn = signature
            .split_once("fn ")
            .unwrap_or_else(|| panic!("not a function after #[tauri::command]: {signature}"))
            .1;
        let name: String = after_fn
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        names.push(name);
    }
    names
}

/// The capability's permissions without a plugin prefix: the app's own.
fn granted_app_permissions() -> Vec<String> {
    let cap: serde_json::Value =
        serde_json::from_str(&read("src-tauri/capabilities/main.json")).expect("valid JSON");
    cap["permissions"]
        .as_array()
        .expect("a permissions array")
        .iter()
        .map(|p| p.as_str().expect("permissions are strings").to_string())
        .filter(|p| !p.contains(':'))
        .collect()
}

fn as_set(names: &[String], what: &str) -> BTreeSet<String> {
    let set: BTreeSet<String> = names.iter().cloned().collect();
    assert_eq!(
        set.len(),
        names.len(),
        "{what} names a command twice: {names:?}"
    );
    set
}

#[test]
fn every_command_is_registered_and_allowed_and_nothing_else() {
    let listed = listed_commands();
    assert!(listed.len() >= 17, "list not parsed: {listed:?}");
    let listed = as_set(&listed, "app_commands.rs");

    let defined = as_set(&defined_commands(), "commands.rs");
    assert_eq!(
        defined, listed,
        "the #[tauri::command] functions of src-tauri/commands.rs and the list in \
         src-tauri/app_commands.rs differ"
    );

    let expected: BTreeSet<String> = listed
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    let granted = as_set(&granted_app_permissions(), "capabilities/main.json");
    assert_eq!(
        granted, expected,
        "src-tauri/capabilities/main.json must allow exactly the commands of \
         src-tauri/app_commands.rs, one `allow-<command>` each"
    );
}

#[test]
fn the_handler_and_the_permissions_come_from_the_list() {
    let main = read("src-tauri/main.rs");
    assert!(main.contains("include!(\"app_commands.rs\")"));
    assert!(main.contains(".invoke_handler(with_app_commands!(handler))"));
    assert!(
        !main.contains("generate_handler![commands::"),
        "main.rs lists commands by hand"
    );
    let build = read("src-tauri/build.rs");
    assert!(build.contains("include!(\"app_commands.rs\")"));
    assert!(build.contains("with_app_commands!(names)"));
}

#[test]
fn the_capability_grants_no_plugin_permission_beyond_events() {
    let cap: serde_json::Value =
        serde_json::from_str(&read("src-tauri/capabilities/main.json")).expect("valid JSON");
    let plugin: Vec<&str> = cap["permissions"]
        .as_array()
        .expect("a permissions array")
        .iter()
        .filter_map(|p| p.as_str())
        .filter(|p| p.contains(':'))
        .collect();
    assert_eq!(
        plugin,
        ["core:event:allow-listen", "core:event:allow-unlisten"]
    );
    assert_eq!(cap["windows"], serde_json::json!(["main"]));
}

//! Build script: only the desktop app (feature `app`) needs Tauri's code generation.

fn main() {
    #[cfg(feature = "app")]
    tauri_build::try_build(
        tauri_build::Attributes::new().capabilities_path_pattern("src-tauri/capabilities/**/*"),
    )
    .expect("tauri build script failed");
}

//! Bulletin's desktop app: a thin Tauri 2 shell over the engine (`bulletin::desktop`).

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod menu;

include!("app_commands.rs");

/// `tauri::generate_handler!` over the commands of `app_commands.rs`.
macro_rules! handler {
    ($($command:ident),*) => {
        tauri::generate_handler![$(commands::$command),*]
    };
}

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bulletin::desktop::Desktop;
use bulletin::fonts::{FaceId, FontBook};
use tauri::{Emitter, Manager, WindowEvent};

/// The fonts: bundled beside the app as a resource (the .deb), else where the engine finds them.
fn fonts_dir(app: &tauri::App) -> PathBuf {
    if std::env::var_os("BULLETIN_FONTS").is_none() {
        if let Ok(res) = app.path().resource_dir() {
            let dir = res.join("fonts");
            let body = FaceId::FandolFang.file_name().expect("a bundled face");
            if dir.join(body).is_file() {
                return dir;
            }
        }
    }
    FontBook::default_dir()
}

/// The window's size in tauri.conf.json: below it a screen (a 1366 × 768 laptop) gets the window
/// maximised, since a window larger than its screen runs off its edge.
const DEFAULT_SIZE: (f64, f64) = (1440.0, 900.0);

/// Opens the main window within the screen it is on: maximised (and placed over the whole screen,
/// for a desktop without a window manager) when the screen is smaller than the default size; on a
/// larger screen the window manager places it as before.
fn fit_to_screen(app: &tauri::App) {
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    let monitor = match window.current_monitor() {
        Ok(Some(m)) => m,
        _ => match window.primary_monitor() {
            Ok(Some(m)) => m,
            _ => return,
        },
    };
    let scale = monitor.scale_factor();
    let screen = monitor.size().to_logical::<f64>(scale);
    if screen.width < DEFAULT_SIZE.0 || screen.height < DEFAULT_SIZE.1 {
        let _ = window.set_position(*monitor.position());
        let _ = window.set_size(*monitor.size());
        let _ = window.maximize();
    }
}

fn main() {
    let started = Instant::now();
    let closing = Arc::new(AtomicBool::new(false));
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .menu(menu::build)
        .on_menu_event(menu::on_event)
        .setup(move |app| {
            let db = Desktop::default_db_path()?;
            let desktop = Arc::new(Desktop::open(&db, fonts_dir(app))?.started_at(started));
            // Map the fonts while the window loads, so the first preview does not wait for them.
            let warm = Arc::clone(&desktop);
            std::thread::spawn(move || warm.warm_up());
            app.manage::<commands::Shared>(desktop);
            fit_to_screen(app);
            Ok(())
        })
        .on_window_event(move |window, event| {
            // Before closing, the page writes its last changes (at most 2 s), then closes itself.
            if let WindowEvent::CloseRequested { api, .. } = event {
                if !closing.swap(true, Ordering::SeqCst) {
                    api.prevent_close();
                    let _ = window.emit_to(window.label(), "bulletin://close-requested", ());
                    let w = window.clone();
                    std::thread::spawn(move || {
                        std::thread::sleep(Duration::from_secs(2));
                        let _ = w.destroy();
                    });
                }
            }
        })
        .invoke_handler(with_app_commands!(handler))
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("简报编排无法启动：{e}");
            std::process::exit(1);
        });
}

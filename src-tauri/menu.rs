//! The window's menu bar (文件 / 编辑 / 帮助). A click, or an item's accelerator, is sent to the page
//! as the event `bulletin://menu` carrying the action id; the page runs the same handler its
//! keyboard shortcuts run (ui/src/menu.ts). GTK consumes an accelerator before the web view sees
//! the key, so a shortcut that is in the menu reaches the page once, as a menu event.

use tauri::menu::{
    AboutMetadataBuilder, Menu, MenuBuilder, MenuEvent, MenuItemBuilder, PredefinedMenuItem,
    SubmenuBuilder,
};
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// The event the page listens to; its payload is one of the action ids below.
pub const MENU_EVENT: &str = "bulletin://menu";

/// An item that the page handles: (action id, label, accelerator). The ids are the page's command
/// names (ui/src/shortcuts.ts); the accelerators are the page's own shortcuts for them
/// (ui/test/menu.test.ts reads this table and checks both).
pub const FILE_ITEMS: &[(&str, &str, &str)] = &[
    ("newIssue", "新建下一期", "CmdOrCtrl+N"),
    ("import", "导入…", "CmdOrCtrl+O"),
    ("save", "保存", "CmdOrCtrl+S"),
    ("exportPdf", "导出 PDF…", "CmdOrCtrl+E"),
    ("exportDocx", "导出 DOCX…", "CmdOrCtrl+Shift+E"),
];

/// The editing session's own undo/redo (not the text field's), as the page's Ctrl+Z / Ctrl+Y.
pub const EDIT_ITEMS: &[(&str, &str, &str)] = &[
    ("undo", "撤销", "CmdOrCtrl+Z"),
    ("redo", "重做", "CmdOrCtrl+Y"),
];

/// 设置: items without a key of their own (action id, label).
pub const SETTINGS_ITEMS: &[(&str, &str)] = &[("fonts", "字体…")];

/// 退出: handled here, by closing the window the way its close button does (the page saves first).
const QUIT: (&str, &str, &str) = ("quit", "退出", "CmdOrCtrl+Q");

fn items<R: Runtime, M: Manager<R>>(
    manager: &M,
    table: &[(&str, &str, &str)],
) -> tauri::Result<Vec<tauri::menu::MenuItem<R>>> {
    table
        .iter()
        .map(|&(id, label, accel)| {
            MenuItemBuilder::with_id(id, label)
                .accelerator(accel)
                .build(manager)
        })
        .collect()
}

/// Builds the menu bar.
pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let file_items = items(app, FILE_ITEMS)?;
    let edit_items = items(app, EDIT_ITEMS)?;
    let quit = MenuItemBuilder::with_id(QUIT.0, QUIT.1)
        .accelerator(QUIT.2)
        .build(app)?;

    let mut file = SubmenuBuilder::new(app, "文件");
    for (i, item) in file_items.iter().enumerate() {
        // 新建/导入 | 保存 | 导出
        if i == 2 || i == 3 {
            file = file.separator();
        }
        file = file.item(item);
    }
    let file = file.separator().item(&quit).build()?;

    let mut edit = SubmenuBuilder::new(app, "编辑");
    for item in &edit_items {
        edit = edit.item(item);
    }
    // The text fields' own cut/copy/paste/select-all (GTK runs them on the focused field).
    let edit = edit
        .separator()
        .cut_with_text("剪切")
        .copy_with_text("复制")
        .paste_with_text("粘贴")
        .separator()
        .select_all_with_text("全选")
        .build()?;

    let mut settings = SubmenuBuilder::new(app, "设置");
    for &(id, label) in SETTINGS_ITEMS {
        settings = settings.item(&MenuItemBuilder::with_id(id, label).build(app)?);
    }
    let settings = settings.build()?;

    let about = AboutMetadataBuilder::new()
        .name(Some("简报编排"))
        .version(Some(env!("CARGO_PKG_VERSION")))
        .comments(Some("信息简报的编排、排版、校对与归档"))
        .license(Some("MIT"))
        .build();
    let help = SubmenuBuilder::new(app, "帮助")
        .item(&PredefinedMenuItem::about(app, Some("关于"), Some(about))?)
        .build()?;

    MenuBuilder::new(app)
        .items(&[&file, &edit, &settings, &help])
        .build()
}

/// Handles a click (or accelerator) on one of our items.
pub fn on_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let id = event.id().as_ref();
    if id == QUIT.0 {
        if let Some(window) = app.get_webview_window("main") {
            // Goes through CloseRequested, so the page writes its last changes first.
            let _ = window.close();
        }
        return;
    }
    if FILE_ITEMS
        .iter()
        .chain(EDIT_ITEMS)
        .any(|&(known, ..)| known == id)
    {
        let _ = app.emit_to("main", MENU_EVENT, id);
    }
}

//! The Tauri commands: each translates between the UI and one `bulletin::desktop::Desktop`
//! operation. Work runs on a blocking thread, never on the UI's main thread.

use std::path::PathBuf;
use std::sync::Arc;

use bulletin::desktop::{
    with_extension, AddedImage, AppInfo, ArchiveDir, BackedUp, Desktop, DesktopError, ExportKind,
    Exported, Fixed, FontSettings, ImagePreview, ImportReport, LintItem, OpenedIssue, Published,
    Restored, ReviewImported, ReviewItem, RoundInfo, SearchRow, StatsFile, StatsQuery, StatsView,
    Verified, Version, VolumeExported, BACKUP_EXTENSION,
};
use bulletin::diff::PartDiff;
use bulletin::fonts::{FaceChoice, FontRole};
use bulletin::import::pasted::{PasteKind, Pasted};
use bulletin::lint::{Fix, Place};
use bulletin::model::Issue;
use bulletin::preflight::Finding;
use bulletin::preview::PreviewUpdate;
use bulletin::store::{CommentStatus, IssueId, IssueSummary, UnitAlias};
use tauri::ipc::InvokeBody;
use tauri::{AppHandle, Emitter, State, WebviewWindow};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

/// The state every command shares.
pub type Shared = Arc<Desktop>;
type Reply<T> = Result<T, DesktopError>;

async fn blocking<T: Send + 'static>(
    state: &State<'_, Shared>,
    work: impl FnOnce(&Desktop) -> Reply<T> + Send + 'static,
) -> Reply<T> {
    let desktop = Arc::clone(state.inner());
    tauri::async_runtime::spawn_blocking(move || work(&desktop))
        .await
        .map_err(|_| DesktopError("程序内部出错，这次操作没有完成。请重试。".into()))?
}

#[tauri::command]
pub async fn app_info(state: State<'_, Shared>) -> Reply<AppInfo> {
    blocking(&state, |d| Ok(d.info())).await
}

#[tauri::command]
pub async fn list_issues(state: State<'_, Shared>) -> Reply<Vec<IssueSummary>> {
    blocking(&state, |d| d.list_issues()).await
}

#[tauri::command]
pub async fn list_deleted(state: State<'_, Shared>) -> Reply<Vec<IssueSummary>> {
    blocking(&state, |d| d.list_deleted()).await
}

#[tauri::command]
pub async fn search_issues(state: State<'_, Shared>, query: String) -> Reply<Vec<SearchRow>> {
    blocking(&state, move |d| d.search(&query)).await
}

#[tauri::command]
pub async fn open_issue(state: State<'_, Shared>, id: String) -> Reply<OpenedIssue> {
    blocking(&state, move |d| d.open_issue(&id)).await
}

#[tauri::command]
pub async fn save_issue(state: State<'_, Shared>, id: String, issue: Issue) -> Reply<String> {
    blocking(&state, move |d| d.save_issue(&id, &issue)).await
}

#[tauri::command]
pub async fn new_next_issue(state: State<'_, Shared>) -> Reply<IssueId> {
    blocking(&state, |d| d.new_next_issue(None)).await
}

#[tauri::command]
pub async fn delete_issue(state: State<'_, Shared>, id: String) -> Reply<()> {
    blocking(&state, move |d| d.delete_issue(&id)).await
}

#[tauri::command]
pub async fn restore_issue(state: State<'_, Shared>, id: String) -> Reply<()> {
    blocking(&state, move |d| d.restore_issue(&id)).await
}

#[tauri::command]
pub async fn pick_import_files(window: WebviewWindow) -> Reply<Vec<String>> {
    let files = window
        .dialog()
        .file()
        .set_parent(&window)
        .set_title("导入简报（纯文本、Word 或 JSON）")
        .add_filter("简报文件", &["txt", "docx", "doc", "json"])
        .blocking_pick_files()
        .unwrap_or_default();
    Ok(files
        .into_iter()
        .filter_map(|f| f.into_path().ok())
        .map(|p| p.display().to_string())
        .collect())
}

#[tauri::command]
pub async fn pick_import_folder(window: WebviewWindow) -> Reply<Option<String>> {
    let folder = window
        .dialog()
        .file()
        .set_parent(&window)
        .set_title("导入文件夹里的往期简报（含子文件夹）")
        .blocking_pick_folder();
    Ok(folder
        .and_then(|f| f.into_path().ok())
        .map(|p| p.display().to_string()))
}

/// The event the import's progress is sent on (`desktop::importing::Progress`), before each file.
const IMPORT_PROGRESS: &str = "bulletin://import-progress";

#[tauri::command]
pub async fn import_files(
    window: WebviewWindow,
    state: State<'_, Shared>,
    paths: Vec<String>,
) -> Reply<ImportReport> {
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    blocking(&state, move |d| {
        Ok(d.import_files_with_progress(&paths, &mut |p| {
            // A lost progress message only leaves the bar behind; the import goes on.
            let _ = window.emit_to(window.label(), IMPORT_PROGRESS, p);
        }))
    })
    .await
}

#[tauri::command]
pub async fn preview_update(
    state: State<'_, Shared>,
    session: String,
    issue: Issue,
) -> Reply<PreviewUpdate> {
    blocking(&state, move |d| d.preview_update(&session, &issue)).await
}

#[tauri::command]
pub async fn preview_pages(
    state: State<'_, Shared>,
    session: String,
    indices: Vec<usize>,
) -> Reply<PreviewUpdate> {
    blocking(&state, move |d| d.preview_pages(&session, &indices)).await
}

#[tauri::command]
pub async fn check_issue(
    state: State<'_, Shared>,
    id: String,
    issue: Issue,
) -> Reply<Vec<Finding>> {
    blocking(&state, move |d| d.check(&id, &issue)).await
}

#[tauri::command]
pub async fn read_pasted(state: State<'_, Shared>, text: String, kind: PasteKind) -> Reply<Pasted> {
    blocking(&state, move |d| d.read_pasted(&text, kind)).await
}

#[tauri::command]
pub async fn pick_export_path(
    window: WebviewWindow,
    kind: ExportKind,
    suggested_name: String,
) -> Reply<Option<String>> {
    let title = format!("导出 {}", kind.extension().to_uppercase());
    let chosen = save_dialog(
        &window,
        &title,
        suggested_name,
        (kind.filter_name(), kind.extension()),
    );
    Ok(chosen.map(|p| with_extension(&p, kind).display().to_string()))
}

/// Where to save a file: the save dialog's answer, or the automatic path when automation asks
/// for one (`Desktop::automatic_export_path`); `None` when the editor cancels.
fn save_dialog(
    window: &WebviewWindow,
    title: &str,
    suggested_name: String,
    (filter, extension): (&str, &str),
) -> Option<PathBuf> {
    if let Some(path) = Desktop::automatic_export_path(&suggested_name) {
        return Some(path);
    }
    window
        .dialog()
        .file()
        .set_parent(window)
        .set_title(title)
        .set_file_name(suggested_name)
        .add_filter(filter, &[extension])
        .blocking_save_file()
        .and_then(|f| f.into_path().ok())
}

#[tauri::command]
pub async fn export_issue(
    state: State<'_, Shared>,
    kind: ExportKind,
    issue: Issue,
    path: String,
) -> Reply<Exported> {
    blocking(&state, move |d| {
        d.export(kind, &issue, &PathBuf::from(path))
    })
    .await
}

#[tauri::command]
pub async fn reveal_path(app: AppHandle, path: String) -> Reply<()> {
    app.opener()
        .reveal_item_in_dir(&path)
        .map_err(|_| DesktopError(format!("无法打开文件夹。文件在：{path}")))
}

#[tauri::command]
pub async fn close_main_window(window: WebviewWindow) -> Reply<()> {
    window
        .destroy()
        .map_err(|_| DesktopError("无法关闭窗口，请再试一次。".into()))
}

// ---- proofing and the archive (issue 8) ----

#[tauri::command]
pub async fn start_proof(
    state: State<'_, Shared>,
    id: String,
    issue: Issue,
    note: String,
) -> Reply<RoundInfo> {
    blocking(&state, move |d| d.start_proof(&id, &issue, &note)).await
}

#[tauri::command]
pub async fn list_proofs(state: State<'_, Shared>, id: String) -> Reply<Vec<RoundInfo>> {
    blocking(&state, move |d| d.list_proofs(&id)).await
}

#[tauri::command]
pub async fn export_proof(
    state: State<'_, Shared>,
    id: String,
    round: u32,
    path: String,
) -> Reply<Exported> {
    blocking(&state, move |d| {
        d.export_proof(&id, round, &PathBuf::from(path))
    })
    .await
}

#[tauri::command]
pub async fn diff_versions(
    state: State<'_, Shared>,
    id: String,
    from: Version,
    to: Version,
    current: Issue,
) -> Reply<Vec<PartDiff>> {
    blocking(&state, move |d| d.diff(&id, from, to, &current)).await
}

#[tauri::command]
pub async fn lint_issue(
    state: State<'_, Shared>,
    id: String,
    issue: Issue,
) -> Reply<Vec<LintItem>> {
    blocking(&state, move |d| d.lint(&id, &issue)).await
}

#[tauri::command]
pub async fn fix_lint(
    state: State<'_, Shared>,
    issue: Issue,
    place: Place,
    fix: Fix,
) -> Reply<Issue> {
    blocking(&state, move |d| d.fix_one(&issue, &place, &fix)).await
}

#[tauri::command]
pub async fn fix_all_lint(state: State<'_, Shared>, id: String, issue: Issue) -> Reply<Fixed> {
    blocking(&state, move |d| d.fix_all(&id, &issue)).await
}

/// 设置 › 字体: each role's face and the installed faces; with the editor's issue, how each
/// face covers its text.
#[tauri::command]
pub async fn font_settings(state: State<'_, Shared>, issue: Option<Issue>) -> Reply<FontSettings> {
    blocking(&state, move |d| d.font_settings(issue.as_ref())).await
}

/// Chooses a face for a role (`None`: the bundled face) and stores it.
#[tauri::command]
pub async fn set_font(
    state: State<'_, Shared>,
    role: FontRole,
    choice: Option<FaceChoice>,
    issue: Option<Issue>,
) -> Reply<FontSettings> {
    blocking(&state, move |d| d.set_font(role, choice, issue.as_ref())).await
}

#[tauri::command]
pub async fn archive_dir(state: State<'_, Shared>) -> Reply<ArchiveDir> {
    blocking(&state, |d| d.archive_dir()).await
}

/// Sets the archive folder, or goes back to the default with `None`.
#[tauri::command]
pub async fn set_archive_dir(state: State<'_, Shared>, dir: Option<String>) -> Reply<ArchiveDir> {
    blocking(&state, move |d| {
        d.set_archive_dir(dir.as_deref().map(std::path::Path::new))
    })
    .await
}

/// Lets the editor choose the archive folder; `None` when the dialog was cancelled.
#[tauri::command]
pub async fn pick_archive_dir(
    window: WebviewWindow,
    state: State<'_, Shared>,
) -> Reply<Option<ArchiveDir>> {
    let chosen = window
        .dialog()
        .file()
        .set_parent(&window)
        .set_title("选择归档目录")
        .blocking_pick_folder()
        .and_then(|f| f.into_path().ok());
    match chosen {
        Some(dir) => blocking(&state, move |d| d.set_archive_dir(Some(&dir)).map(Some)).await,
        None => Ok(None),
    }
}

#[tauri::command]
pub async fn publish_issue(state: State<'_, Shared>, id: String, issue: Issue) -> Reply<Published> {
    blocking(&state, move |d| d.publish(&id, &issue)).await
}

#[tauri::command]
pub async fn correct_issue(state: State<'_, Shared>, id: String) -> Reply<OpenedIssue> {
    blocking(&state, move |d| d.correct(&id)).await
}

#[tauri::command]
pub async fn verify_archive(state: State<'_, Shared>) -> Reply<Verified> {
    blocking(&state, |d| d.verify_archive()).await
}

/// The page calls this once, when its archive is usable: the start-up time goes to stderr as
/// `bulletin-app: ready <ms> ms` (read by scripts/bench-cold-start.sh and scripts/deb-smoke.sh).
#[tauri::command]
pub async fn app_ready(state: State<'_, Shared>) -> Reply<u64> {
    let ms = state.info().uptime_ms;
    eprintln!("bulletin-app: ready {ms} ms");
    Ok(ms)
}

// ---- 年度合订本 ----

#[tauri::command]
pub async fn volume_years(state: State<'_, Shared>) -> Reply<Vec<i32>> {
    blocking(&state, |d| d.volume_years()).await
}

#[tauri::command]
pub async fn export_volume(
    state: State<'_, Shared>,
    year: i32,
    path: String,
) -> Reply<VolumeExported> {
    blocking(&state, move |d| d.export_volume(year, &PathBuf::from(path))).await
}

// ---- 信息采用统计 ----

#[tauri::command]
pub async fn statistics(state: State<'_, Shared>, query: StatsQuery) -> Reply<StatsView> {
    blocking(&state, move |d| d.statistics(query)).await
}

#[tauri::command]
pub async fn unit_aliases(state: State<'_, Shared>) -> Reply<Vec<UnitAlias>> {
    blocking(&state, |d| d.unit_aliases()).await
}

#[tauri::command]
pub async fn set_unit_alias(
    state: State<'_, Shared>,
    alias: String,
    unit: String,
) -> Reply<Vec<UnitAlias>> {
    blocking(&state, move |d| d.set_unit_alias(&alias, &unit)).await
}

#[tauri::command]
pub async fn delete_unit_alias(state: State<'_, Shared>, alias: String) -> Reply<Vec<UnitAlias>> {
    blocking(&state, move |d| d.delete_unit_alias(&alias)).await
}

/// Asks where to save the statistics (the save dialog, or `$BULLETIN_EXPORT_DIR`), then writes
/// them; `None` when the editor cancels.
#[tauri::command]
pub async fn export_statistics(
    window: WebviewWindow,
    state: State<'_, Shared>,
    query: StatsQuery,
    file: StatsFile,
    suggested_name: String,
) -> Reply<Option<String>> {
    let title = format!("导出 {}", file.extension().to_uppercase());
    let Some(path) = save_dialog(
        &window,
        &title,
        suggested_name,
        (file.filter_name(), file.extension()),
    ) else {
        return Ok(None);
    };
    blocking(&state, move |d| {
        d.export_statistics(query, file, &path).map(Some)
    })
    .await
}

// ---- 备份数据 ----

#[tauri::command]
pub async fn pick_backup_path(
    window: WebviewWindow,
    suggested_name: String,
) -> Reply<Option<String>> {
    let chosen = save_dialog(
        &window,
        "备份数据",
        suggested_name,
        (BACKUP_FILTER, BACKUP_EXTENSION),
    );
    Ok(chosen.map(|p| p.display().to_string()))
}

/// The file dialogs' name for backups.
const BACKUP_FILTER: &str = "数据备份（SQLite）";

#[tauri::command]
pub async fn pick_restore_file(window: WebviewWindow) -> Reply<Option<String>> {
    Ok(pick_file(
        &window,
        "选择要恢复的数据备份",
        BACKUP_FILTER,
        &[BACKUP_EXTENSION, "bak"],
    ))
}

/// One file from the open dialog, its path as text; `None` when the editor cancels.
fn pick_file(
    window: &WebviewWindow,
    title: &str,
    filter: &str,
    extensions: &[&str],
) -> Option<String> {
    window
        .dialog()
        .file()
        .set_parent(window)
        .set_title(title)
        .add_filter(filter, extensions)
        .blocking_pick_file()
        .and_then(|f| f.into_path().ok())
        .map(|p| p.display().to_string())
}

#[tauri::command]
pub async fn restore_store(state: State<'_, Shared>, path: String) -> Reply<Restored> {
    blocking(&state, move |d| d.restore(&PathBuf::from(path))).await
}

#[tauri::command]
pub async fn backup_store(state: State<'_, Shared>, path: String) -> Reply<BackedUp> {
    blocking(&state, move |d| d.backup(&PathBuf::from(path))).await
}

#[tauri::command]
pub async fn pick_review_file(window: WebviewWindow) -> Reply<Option<String>> {
    Ok(pick_file(
        &window,
        "导入审阅意见：选择审阅人批注过的校样 PDF",
        "校样 PDF",
        &["pdf"],
    ))
}

#[tauri::command]
pub async fn import_review(
    state: State<'_, Shared>,
    id: String,
    path: String,
    current: Issue,
) -> Reply<ReviewImported> {
    blocking(&state, move |d| {
        d.import_review(&id, &PathBuf::from(path), &current)
    })
    .await
}

#[tauri::command]
pub async fn review_comments(
    state: State<'_, Shared>,
    id: String,
    current: Issue,
) -> Reply<Vec<ReviewItem>> {
    blocking(&state, move |d| d.review_comments(&id, &current)).await
}

#[tauri::command]
pub async fn apply_comment(
    state: State<'_, Shared>,
    id: String,
    comment: i64,
    current: Issue,
) -> Reply<Issue> {
    blocking(&state, move |d| d.apply_comment(&id, comment, &current)).await
}

#[tauri::command]
pub async fn set_comment_status(
    state: State<'_, Shared>,
    id: String,
    comment: i64,
    status: CommentStatus,
    reply: String,
) -> Reply<()> {
    blocking(&state, move |d| {
        d.set_comment_status(&id, comment, status, &reply)
    })
    .await
}

#[tauri::command]
pub async fn answered_comments(
    state: State<'_, Shared>,
    id: String,
    from: Version,
    to: Version,
    current: Issue,
) -> Reply<Vec<String>> {
    blocking(&state, move |d| {
        d.answered_comments(&id, from, to, &current)
    })
    .await
}

// ---- 图片 (src/desktop/images.rs) ----

#[tauri::command]
pub async fn pick_image_file(window: WebviewWindow) -> Reply<Option<String>> {
    Ok(pick_file(
        &window,
        "插入图片",
        "图片（JPEG、PNG、WebP）",
        &["jpg", "jpeg", "png", "webp"],
    ))
}

#[tauri::command]
pub async fn add_image_file(state: State<'_, Shared>, path: String) -> Reply<AddedImage> {
    blocking(&state, move |d| d.add_image_file(&PathBuf::from(path))).await
}

/// The picture's bytes come as the request's raw body (a pasted photo is megabytes: no JSON).
#[tauri::command]
pub async fn add_image_bytes(
    state: State<'_, Shared>,
    request: tauri::ipc::Request<'_>,
) -> Reply<AddedImage> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(DesktopError(
            "粘贴的图片没有传到程序里，请重新粘贴，或用「插入图片」选择文件。".into(),
        ));
    };
    let bytes = bytes.clone();
    blocking(&state, move |d| d.add_image_bytes(&bytes)).await
}

#[tauri::command]
pub async fn image_preview(state: State<'_, Shared>, id: String) -> Reply<ImagePreview> {
    blocking(&state, move |d| d.image_preview(&id)).await
}

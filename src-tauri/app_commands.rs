// Every command the app registers, in one place. Included (not a module) by main.rs, which hands
// the list to `tauri::generate_handler!`, and by build.rs, which gives each command an
// `allow-<command>` permission (`_` as `-`). A new command goes here and, as `allow-<command>`,
// into capabilities/main.json; tests/app_capabilities.rs fails until all three agree with the
// `#[tauri::command]` functions of commands.rs.
macro_rules! with_app_commands {
    ($then:ident) => {
        $then!(
            app_info,
            list_issues,
            list_deleted,
            search_issues,
            open_issue,
            save_issue,
            new_next_issue,
            delete_issue,
            restore_issue,
            pick_import_files,
            pick_import_folder,
            import_files,
            preview_update,
            preview_pages,
            check_issue,
            read_pasted,
            pick_export_path,
            export_issue,
            reveal_path,
            close_main_window,
            app_ready,
            start_proof,
            list_proofs,
            export_proof,
            diff_versions,
            lint_issue,
            fix_lint,
            fix_all_lint,
            font_settings,
            set_font,
            archive_dir,
            pick_archive_dir,
            set_archive_dir,
            publish_issue,
            correct_issue,
            verify_archive,
            volume_years,
            export_volume,
            pick_backup_path,
            backup_store,
            pick_restore_file,
            restore_store,
            pick_review_file,
            import_review,
            review_comments,
            apply_comment,
            set_comment_status,
            answered_comments
        )
    };
}

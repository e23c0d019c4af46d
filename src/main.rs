//! `bulletin`: the command-line front end of the engine (see `cli` for the commands).

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // A bug must still end in words, not a backtrace.
    std::panic::set_hook(Box::new(|info| {
        eprintln!(
            "程序内部错误：{info}\n这是程序的缺陷，请把这段文字发给开发者。已保存的内容不受影响。"
        );
    }));
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("错误：{}", cli::usage_message(&e));
            return ExitCode::from(2);
        }
    };
    match cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("错误：{e}");
            ExitCode::FAILURE
        }
    }
}

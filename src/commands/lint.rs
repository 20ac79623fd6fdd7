//! `podtutor lint FILE...`
use std::path::PathBuf;
use std::process::ExitCode;

/// Lints each file, printing diagnostics to stderr. PLACEHOLDER.
pub fn run(files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let mut bad = false;
    for f in files {
        if let Err(e) = crate::lesson::load_file(f) {
            eprintln!("{e}");
            bad = true;
        }
    }
    Ok(if bad {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

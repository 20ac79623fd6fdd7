//! `podtutor lint FILE...`: checks lesson files for authors.
//!
//! Diagnostics go to stderr, `FILE: ok` for each clean file to stdout, and a
//! one-line summary to stderr when anything was wrong. Exit status 0 when every
//! file is clean, 1 otherwise (clap exits 2 on usage errors).

use crate::lesson;
use crate::text::sanitize;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Lints each file and reports every problem found in it.
/// With `strict`, the teaching-quality rules run too (`lesson::check_strict`).
pub fn run(files: &[PathBuf], strict: bool) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let mut errors = 0;
    let mut bad_files = 0;
    let mut checked = 0;
    for path in files {
        if path.is_dir() {
            let (n, bad, total) = lint_dir(path, strict, &mut stdout.lock(), &mut stderr.lock())?;
            errors += n;
            bad_files += bad;
            checked += total;
            continue;
        }
        let n = lint_file(path, strict, &mut stdout.lock(), &mut stderr.lock())?;
        errors += n;
        bad_files += usize::from(n > 0);
        checked += 1;
    }
    if errors > 0 {
        writeln!(stderr.lock(), "{}", summary(errors, bad_files, checked))?;
        Ok(ExitCode::from(1))
    } else {
        Ok(ExitCode::SUCCESS)
    }
}

/// Lints a lesson directory as `--lessons DIR` reads it: every lesson file,
/// every scene file, then `pack.toml` against the lessons' ids and ids two
/// files share. Returns (errors, files with errors, files checked).
fn lint_dir(
    dir: &Path,
    strict: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<(usize, usize, usize)> {
    let files = match crate::pack::lesson_files(dir) {
        Ok(f) => f,
        Err(e) => {
            writeln!(err, "{}", super::emit(&sanitize(&e.to_string())))?;
            return Ok((1, 1, 1));
        }
    };
    let mut scene_files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".scenes.toml"))
        .collect();
    scene_files.sort();
    let (mut errors, mut bad, mut total) = (0, 0, 0);
    let mut ids = Vec::new();
    for path in files.iter().chain(&scene_files) {
        let n = lint_file(path, strict, out, err)?;
        errors += n;
        bad += usize::from(n > 0);
        total += 1;
        if n == 0
            && !scene_files.contains(path)
            && let Ok(l) = lesson::load_file(path)
        {
            ids.push((path.clone(), l.id));
        }
    }
    let pack_path = dir.join(crate::pack::PACK_FILE);
    let problems = crate::pack::lint_pack(dir, &ids);
    for (p, n) in &problems {
        writeln!(err, "{}\n", super::emit(p))?;
        errors += n;
    }
    if pack_path.exists() {
        total += 1;
        let name = sanitize(&pack_path.display().to_string()).replace('\n', " ");
        if problems.is_empty() {
            writeln!(out, "{}: ok", super::emit(&name))?;
        } else {
            bad += 1;
        }
    }
    Ok((errors, bad, total))
}

/// Lints one file, writing its report; returns how many errors it has.
fn lint_file(
    path: &Path,
    strict: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<usize> {
    let name = sanitize(&path.display().to_string()).replace('\n', " ");
    let name = super::emit(&name).into_owned();
    let source = match lesson::read_source(path) {
        Ok(Ok(source)) => source,
        Ok(Err((valid_prefix, diag))) => {
            // Show the line up to the first bad byte; the rest may be garbage.
            let report = lesson::render_diagnostics(&name, &valid_prefix, &[diag]);
            writeln!(err, "{}\n", super::emit(&report))?;
            return Ok(1);
        }
        Err(e) => {
            writeln!(
                err,
                "{name}: error: cannot read: {}",
                sanitize(&e.to_string())
            )?;
            return Ok(1);
        }
    };
    // A file of `[[scenes]]` alone (like the built-in scene library) is a
    // scene file, not a lesson missing all its parts.
    let scene_file = path.to_string_lossy().ends_with(".scenes.toml");
    let (result, warnings) = if scene_file {
        (
            lesson::scenes::check_scene_file(&source).map(|_| ()),
            Vec::new(),
        )
    } else {
        let linted = lesson::lint(&source);
        (linted.result.map(|_| ()), linted.warnings)
    };
    if !warnings.is_empty() {
        let report = lesson::render_as(&name, &source, &warnings, lesson::Severity::Warning);
        writeln!(err, "{}\n", super::emit(&report))?;
    }
    let checked = match result {
        Ok(()) if strict && !scene_file => lesson::check_strict(&source).map(|_| ()),
        result => result,
    };
    match checked {
        Ok(_) => {
            match warnings.len() {
                0 => writeln!(out, "{name}: ok")?,
                1 => writeln!(out, "{name}: ok, 1 warning")?,
                n => writeln!(out, "{name}: ok, {n} warnings")?,
            }
            Ok(0)
        }
        Err(diags) => {
            let report = lesson::render_diagnostics(&name, &source, &diags);
            writeln!(err, "{}\n", super::emit(&report))?;
            Ok(diags.len())
        }
    }
}

/// "3 errors in 2 of 5 files", or "1 error in 1 file" when there is one file.
fn summary(errors: usize, bad: usize, total: usize) -> String {
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    if total == 1 {
        format!("{} in 1 file", plural(errors, "error"))
    } else {
        format!("{} in {bad} of {total} files", plural(errors, "error"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_reads_naturally() {
        assert_eq!(summary(1, 1, 1), "1 error in 1 file");
        assert_eq!(summary(2, 1, 3), "2 errors in 1 of 3 files");
    }
}

//! `--learner NAME`: one progress file per learner in the data directory
//! (see [`crate::store::learners`] for how the file name is derived).

use crate::cli::GlobalArgs;
use crate::store::{Store, learners};
use crate::text::sanitize;
use std::path::PathBuf;

/// The learner's progress file, whether or not it exists yet.
pub fn path(name: &str) -> anyhow::Result<PathBuf> {
    learners::path(name)?.ok_or_else(|| {
        anyhow::anyhow!(
            "no home or data directory was found, so learners' files cannot be kept; \
             use --progress-file instead"
        )
    })
}

/// [`resolve`], after asking "who is learning?" when no learner or
/// progress file was named and several learners keep files on this
/// machine. `None` when the person quit at that question.
pub fn resolve_or_pick(global: &GlobalArgs) -> anyhow::Result<Option<GlobalArgs>> {
    use crate::app::learners::{Picked, Picker};
    use std::io::IsTerminal;
    let asks = global.learner.is_none()
        && global.progress_file.is_none()
        && std::io::stdin().is_terminal()
        && std::io::stdout().is_terminal()
        && super::tutor::lacks_cursor_addressing(std::env::var("TERM").ok().as_deref()).is_none();
    if !asks {
        return resolve(global).map(Some);
    }
    let names = learners::list();
    if names.len() < 2 {
        return resolve(global).map(Some);
    }
    let opts = super::tutor::options(global, None);
    match crate::tui::pick_learner(Picker::new(names), &opts)? {
        Picked::Quit => Ok(None),
        Picked::DefaultFile => resolve(global).map(Some),
        Picked::Learner(name) => resolve(&GlobalArgs {
            learner: Some(name),
            ..global.clone()
        })
        .map(Some),
    }
}

/// The tutor's options with `--learner` turned into the learner's progress
/// file, which is created with the name inside when it is new (so the
/// tutor, which only merges what it finds, keeps the name from then on).
/// A file that holds another learner's name is refused, not shared.
pub fn resolve(global: &GlobalArgs) -> anyhow::Result<GlobalArgs> {
    let Some(name) = &global.learner else {
        return Ok(global.clone());
    };
    let name = learners::normalize(name)?;
    let file = path(name)?;
    let (mut store, mut progress, notices) = Store::open(Some(&file));
    for n in &notices {
        eprintln!("podtutor: {}", sanitize(&n.to_string()));
    }
    match &progress.learner {
        Some(saved) if saved == name => {}
        Some(saved) => anyhow::bail!(
            "{} belongs to the learner {}, not {}; it was left as it is",
            file.display(),
            saved,
            name
        ),
        None => {
            progress.learner = Some(name.to_string());
            // A failed save was said as a notice; the tutor then says why
            // progress is not saved, as for any unusable file.
            if store.save(&mut progress).is_err() {
                for n in store.take_notices() {
                    eprintln!("podtutor: {}", sanitize(&n.to_string()));
                }
            }
        }
    }
    Ok(GlobalArgs {
        progress_file: Some(file),
        learner: None,
        ..global.clone()
    })
}

//! STUB matching the store API contract; replaced by the progress work.
use crate::progress::Progress;
use std::path::{Path, PathBuf};

pub struct Store {
    path: Option<PathBuf>,
}
#[derive(Debug)]
pub struct Notice(pub String);
impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct StoreError(String);

impl Store {
    pub fn open(explicit: Option<&Path>) -> (Store, Progress, Vec<Notice>) {
        let path = explicit.map(Path::to_path_buf);
        let p = path
            .as_ref()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .and_then(|s| toml::from_str(&s).ok())
            .unwrap_or_default();
        (Store { path }, p, vec![])
    }
    pub fn save(&mut self, progress: &mut Progress) -> Result<(), StoreError> {
        if let Some(p) = &self.path {
            std::fs::write(
                p,
                toml::to_string(progress).map_err(|e| StoreError(e.to_string()))?,
            )
            .map_err(|e| StoreError(e.to_string()))?;
        }
        Ok(())
    }
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }
    pub fn writable(&self) -> bool {
        self.path.is_some()
    }
}

//! The built-in missions' manifests, read at build time (build.rs runs the
//! same `manifest::read` over them): opening a mission then costs building
//! its objects, not tokenizing its YAML. Only a file whose name and text are
//! exactly a built-in one's is taken from here; anything the learner edited
//! goes through the reader, with its line and column.

use super::manifest::{self, Object, Refusal};
#[allow(
    unused_imports,
    reason = "the types the generated objects are made of; none when the lesson did not parse"
)]
use super::manifest::{CDecl, ObjKind, PodDecl, PortDecl};

/// What `manifest::read` gives for `file` with `text`.
pub fn read(file: &str, text: &str) -> Result<Object, Refusal> {
    match pre_read(file, text) {
        Some(obj) => Ok(obj),
        None => manifest::read(file, text),
    }
}

/// The object build.rs read from exactly this file and text, if it did.
fn pre_read(file: &str, text: &str) -> Option<Object> {
    include!(concat!(env!("OUT_DIR"), "/builtin_manifests.rs"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_manifest_is_what_the_reader_gives() {
        let lesson = crate::lesson::embedded();
        let mut n = 0;
        for m in &lesson.labs {
            for f in m.manifests.iter().chain(&m.solution_files) {
                let read = manifest::read(&f.file, &f.text);
                let pre = pre_read(&f.file, &f.text);
                if let Ok(obj) = &read {
                    assert_eq!(pre.as_ref(), Some(obj), "{} of {}", f.file, m.id);
                    n += 1;
                } else {
                    assert_eq!(pre, None, "{} of {}", f.file, m.id);
                }
                assert_eq!(read, super::read(&f.file, &f.text));
            }
        }
        assert!(n >= lesson.labs.len(), "only {n} read ahead");
    }

    #[test]
    fn an_edited_file_is_read_with_its_line_and_column() {
        let lesson = crate::lesson::embedded();
        let f = &lesson.labs[0].manifests[0];
        // The same text under another name, and one character changed.
        assert_eq!(pre_read("other.yaml", &f.text), None);
        let edited = f.text.replacen("image: ", "image: [", 1);
        assert_eq!(pre_read(&f.file, &edited), None);
        let e = read(&f.file, &edited).unwrap_err();
        assert!(e.line > 0 && e.col > 0, "{e:?}");
        assert_eq!(Err(e), manifest::read(&f.file, &edited));
        let spaced = format!("{}\n", f.text);
        assert_eq!(pre_read(&f.file, &spaced), None);
        assert_eq!(read(&f.file, &spaced), manifest::read(&f.file, &spaced));
    }
}

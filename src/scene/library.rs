//! The built-in scenes, kept as data beside the built-in lesson
//! (`lessons/multi-container-pods.scenes.toml`) and embedded in the binary.
//! A lesson's own `[[scenes]]` come first; format-1 lessons written before
//! scenes were data keep naming these.

use super::model::SceneDef;
use std::sync::OnceLock;

/// The built-in scene file, as embedded.
pub const SOURCE: &str = include_str!("../../lessons/multi-container-pods.scenes.toml");
/// What diagnostics call it.
pub const NAME: &str = "lessons/multi-container-pods.scenes.toml";

#[derive(serde::Deserialize)]
struct File {
    scenes: Vec<SceneDef>,
}

/// The built-in scenes as compact JSON, pre-parsed from [`SOURCE`] by
/// `build.rs`; `None` if the TOML did not deserialise at build time.
const PREBUILT: Option<&str> = include!(concat!(env!("OUT_DIR"), "/embedded_scenes.rs"));

/// The built-in scenes, loaded on first use (only a screen with a scene pays
/// for it, and then microseconds for the pre-parsed form).
pub fn builtin() -> &'static [SceneDef] {
    static SCENES: OnceLock<Vec<SceneDef>> = OnceLock::new();
    SCENES.get_or_init(|| match PREBUILT {
        Some(json) => serde_json::from_str(json).expect("build.rs wrote this with the same model"),
        None => from_source(),
    })
}

/// The built-in scenes parsed from their TOML, the slow way [`builtin`] avoids.
pub fn from_source() -> Vec<SceneDef> {
    // The test suite lints this file; a parse failure here is a build defect.
    toml::from_str::<File>(&SOURCE.replace("\r\n", "\n"))
        .map(|f| f.scenes)
        .expect("the built-in scenes are linted by the test suite")
}

/// The scene called `name`: the lesson's own first, then the built-in ones.
pub fn find<'a>(own: &'a [SceneDef], name: &str) -> Option<&'a SceneDef> {
    own.iter()
        .find(|s| s.name == name)
        .or_else(|| builtin().iter().find(|s| s.name == name))
}

/// Every scene name a lesson with `own` scenes may use, own first.
pub fn names(own: &[SceneDef]) -> Vec<&str> {
    let mut out: Vec<&str> = own.iter().map(|s| s.name.as_str()).collect();
    for s in builtin() {
        if !out.contains(&s.name.as_str()) {
            out.push(&s.name);
        }
    }
    out
}

/// The built-in scenes' names, in file order.
pub fn builtin_names() -> Vec<&'static str> {
    builtin().iter().map(|s| s.name.as_str()).collect()
}

/// A built-in scene's name and title, without the rest.
#[derive(serde::Deserialize)]
struct Heading {
    name: String,
    title: String,
}

/// The built-in scenes' names and titles, in file order: read from the
/// pre-parsed form without building the scenes, for a list of them (the
/// gallery) that plays none yet. Building them all cost 0.46 M
/// instructions when the gallery opened.
fn headings() -> &'static [(String, String)] {
    static HEADINGS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    HEADINGS.get_or_init(|| {
        let light = PREBUILT.and_then(|json| serde_json::from_str::<Vec<Heading>>(json).ok());
        match light {
            Some(h) => h.into_iter().map(|h| (h.name, h.title)).collect(),
            None => builtin()
                .iter()
                .map(|s| (s.name.clone(), s.title.clone()))
                .collect(),
        }
    })
}

/// A built-in scene's title, or `None` for a name the library does not have.
pub fn title(name: &str) -> Option<&'static str> {
    headings()
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, t)| t.as_str())
}

/// A scene's title: the lesson's own scene called `name` first, then the
/// built-in one, as [`find`] looks them up, without building the built-in
/// scenes.
pub fn find_title<'a>(own: &'a [SceneDef], name: &str) -> Option<&'a str> {
    match own.iter().find(|s| s.name == name) {
        Some(s) => Some(&s.title),
        None => title(name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pre_parsed_scenes_equal_the_source() {
        assert!(
            PREBUILT.is_some(),
            "build.rs could not pre-parse {NAME}; see the build warning"
        );
        assert_eq!(builtin(), from_source().as_slice());
    }

    #[test]
    fn titles_read_alone_are_the_scenes_titles() {
        let full: Vec<(String, String)> = builtin()
            .iter()
            .map(|s| (s.name.clone(), s.title.clone()))
            .collect();
        assert_eq!(headings(), full.as_slice());
        assert!(!full.is_empty());
        assert_eq!(title(&full[0].0), Some(full[0].1.as_str()));
        assert_eq!(title("no-such-scene"), None);
    }
}

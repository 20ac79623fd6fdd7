//! Pre-parses the embedded lesson at build time, so start-up does not parse
//! and validate 50 KB of TOML (about 5 M instructions, more than a whole bare
//! ratatui program) on every launch.
//!
//! The lesson is read with the real serde model (`src/lesson/model.rs`,
//! included below) and written to `OUT_DIR` in the packed form of
//! `src/lesson/packed.rs` (also included below), which `lesson::embedded()`
//! reads in a fraction of what the same lesson as JSON cost. The form is
//! read back here and kept only if it gives the same lesson. Validation
//! stays where it was: the test suite lints the TOML source and checks that
//! the pre-parsed form equals `lesson::parse(EMBEDDED_SOURCE)`. If the file
//! does not even deserialise, the build still succeeds (with a warning) and
//! the binary falls back to parsing the TOML at start-up, so an author can
//! run `podtutor lint` on a broken lesson.

use std::path::PathBuf;

#[allow(
    dead_code,
    reason = "the model's helper methods are for the library, not this script"
)]
#[path = "src/lesson/model.rs"]
mod model;
// The scene data model, which the lesson model names as `crate::scene::model`.
#[path = "src/scene/model.rs"]
pub mod scene_model;
mod scene {
    pub use super::scene_model as model;
}
// The lab mission model, which the lesson model names as `crate::lab::model`.
#[path = "src/lab/model.rs"]
pub mod lab_model;
mod lab {
    pub use super::lab_model as model;
}
// The lab's manifest reader (and its YAML tree, which it names as
// `super::yaml`), for the built-in missions' manifests read here.
#[allow(dead_code, reason = "the library's helpers; only `read` is used here")]
#[path = "src/lab/yaml.rs"]
mod lab_yaml;
use lab_yaml as yaml;
#[allow(dead_code, reason = "the library's helpers; only `read` is used here")]
#[path = "src/lab/manifest.rs"]
mod lab_manifest;
// The packed form the library reads the built-in lessons from.
#[path = "src/lesson/packed.rs"]
mod packed;

// The estimate, worked out here for the built-in lesson: counting its words
// cost a twelfth of the tutor's start-up. The same files as the library's,
// so the figure is the one `Lesson::estimate` gives (a test checks it).
#[allow(
    dead_code,
    reason = "only the estimate is used here; the other helpers are the library's"
)]
#[path = "src/lesson/estimate.rs"]
mod estimate;
#[allow(dead_code, reason = "the library's helpers, compiled for the estimate")]
#[path = "src/lesson/scene_refs.rs"]
mod scene_refs;
#[allow(dead_code, reason = "the library's helpers, compiled for the estimate")]
#[path = "src/lesson/sections.rs"]
mod sections;
use model::{Choice, Lesson};
use sections::Section;

const LESSON: &str = "lessons/multi-container-pods.toml";
/// The built-in scenes, pre-parsed the same way (only a screen with a scene needs them).
const SCENES: &str = "lessons/multi-container-pods.scenes.toml";

fn main() {
    println!("cargo::rerun-if-changed={LESSON}");
    println!("cargo::rerun-if-changed=src/lesson/model.rs");
    println!("cargo::rerun-if-changed=src/scene/model.rs");
    println!("cargo::rerun-if-changed=src/lab/model.rs");
    println!("cargo::rerun-if-changed=src/lesson/packed.rs");
    println!("cargo::rerun-if-changed=src/lab/yaml.rs");
    println!("cargo::rerun-if-changed=src/lab/manifest.rs");
    println!("cargo::rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo::rerun-if-changed=src/lesson/estimate.rs");
    println!("cargo::rerun-if-changed=src/lesson/scene_refs.rs");
    println!("cargo::rerun-if-changed=src/lesson/sections.rs");
    let mut estimate = "None".to_string();
    let mut manifests = "None".to_string();
    let code = match pre_parse() {
        Ok((packed, lesson)) => {
            manifests = pre_read_manifests(&lesson);
            let e = lesson.estimate();
            estimate = format!(
                "Some(Estimate {{ words: {}, code_lines: {}, scenes: {}, questions: {}, minutes: {} }})",
                e.words, e.code_lines, e.scenes, e.questions, e.minutes
            );
            let (shape, text) = write_packed(&out, "embedded_lesson", &packed);
            format!("Some(({shape}, {text}))")
        }
        Err(e) => {
            let e = e.replace('\n', " ");
            println!(
                "cargo::warning={LESSON} does not parse ({e}); the binary will parse it at start-up. Run `cargo run -- lint {LESSON}` for details."
            );
            "None".to_string()
        }
    };
    std::fs::write(out.join("embedded_lesson.rs"), code)
        .expect("write the pre-parsed lesson's include file to OUT_DIR");
    std::fs::write(out.join("embedded_estimate.rs"), estimate)
        .expect("write the built-in lesson's estimate to OUT_DIR");
    std::fs::write(out.join("builtin_manifests.rs"), manifests)
        .expect("write the built-in manifests, read, to OUT_DIR");

    println!("cargo::rerun-if-changed={SCENES}");
    let code = match pre_parse_scenes() {
        Ok(json) => {
            let path = out.join("embedded_scenes.json");
            std::fs::write(&path, json).expect("write the pre-parsed scenes to OUT_DIR");
            format!("Some(include_str!({:?}))", path.display().to_string())
        }
        Err(e) => {
            let e = e.replace('\n', " ");
            println!(
                "cargo::warning={SCENES} does not parse ({e}); scenes will be parsed when first shown. Run `cargo run -- lint {SCENES}` for details."
            );
            "None".to_string()
        }
    };
    std::fs::write(out.join("embedded_scenes.rs"), code)
        .expect("write the pre-parsed scenes' include file to OUT_DIR");

    more_lessons(&out);
    shell_assets(&out);
    no_unwind_tables(&out);
    start_up_code_first(&out);
}

/// Leaves the unwind tables (`.eh_frame`, 225 KB, a sixteenth of the
/// binary) out of the release binary. It is built with `panic = "abort"`
/// (Cargo.toml), so nothing ever unwinds; rustc's
/// `-C force-unwind-tables=no` leaves them in (the standard library's code,
/// compiled with tables, is most of what fat LTO emits) and would reach every
/// build through rustflags. What is lost: a backtrace of a panic
/// (`RUST_BACKTRACE=1`), which in the stripped binary has no names anyway.
///
/// Only for a profile that inherits from `release` (Cargo's `PROFILE`),
/// whose `panic = "abort"` also holds under `cargo test --release`; the dev
/// and test builds, which unwind, keep their tables. The linker script only
/// adds a discard rule to the linker's default layout (`INSERT`), and GNU ld
/// and LLD both read it.
fn no_unwind_tables(out: &std::path::Path) {
    // Linux only: the ELF linkers this was measured with.
    let linux = std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux");
    if std::env::var("PROFILE").as_deref() != Ok("release") || !linux {
        return;
    }
    let script = out.join("no-unwind-tables.ld");
    std::fs::write(
        &script,
        "SECTIONS { /DISCARD/ : { *(.eh_frame) } } INSERT AFTER .text;\n",
    )
    .expect("write the linker script to OUT_DIR");
    println!("cargo::rustc-link-arg-bins=-Wl,-T,{}", script.display());
}

#[allow(
    dead_code,
    reason = "turning callgrind's names into patterns is the start-up bench's part"
)]
#[path = "build/code_layout.rs"]
mod code_layout;

/// Places the functions start-up runs (`build/start-up-code.txt`) together
/// before the rest of the code, for the same profiles and platform as
/// [`no_unwind_tables`]: the kernel then maps about 1 MB less of the binary
/// at start-up (`build/code_layout.rs` says why). A list that does not read
/// is a warning and an unchanged layout, never a failed build.
fn start_up_code_first(out: &std::path::Path) {
    const LIST: &str = "build/start-up-code.txt";
    println!("cargo::rerun-if-changed={LIST}");
    println!("cargo::rerun-if-changed=build/code_layout.rs");
    let linux = std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux");
    if std::env::var("PROFILE").as_deref() != Ok("release") || !linux {
        return;
    }
    let list = match std::fs::read_to_string(LIST) {
        Ok(list) => list,
        Err(e) => {
            println!("cargo::warning={LIST}: {e}; the code keeps the linker's order");
            return;
        }
    };
    let patterns = match code_layout::patterns(&list) {
        Ok(p) => p,
        Err(e) => {
            println!("cargo::warning={LIST}: {e}; the code keeps the linker's order");
            return;
        }
    };
    let script = out.join("start-up-code.ld");
    std::fs::write(&script, code_layout::script(&patterns))
        .expect("write the linker script to OUT_DIR");
    println!("cargo::rustc-link-arg-bins=-Wl,-T,{}", script.display());
}

/// Every other lesson in `lessons/` (any number of them), pre-parsed the
/// same way, as the expression `lesson::embedded_all` includes: a
/// `Vec<Lesson>` in file-name order. A file that does not deserialise is
/// parsed from its TOML at start-up instead, as for the main lesson.
fn more_lessons(out: &std::path::Path) {
    println!("cargo::rerun-if-changed=lessons");
    let mut files: Vec<PathBuf> = std::fs::read_dir("lessons")
        .expect("the lessons directory is part of the source")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let name = p.to_string_lossy();
            name.ends_with(".toml")
                && !name.ends_with(".scenes.toml")
                && !name.ends_with("pack.toml")
        })
        .filter(|p| p != std::path::Path::new(LESSON))
        .collect();
    files.sort();
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let mut items = Vec::new();
    for (i, file) in files.iter().enumerate() {
        println!("cargo::rerun-if-changed={}", file.display());
        let name = file.display().to_string();
        match pre_parse_file(file) {
            Ok(packed) => {
                let (shape, text) = write_packed(out, &format!("embedded_lesson_{i}"), &packed);
                items.push(format!(
                    "packed::from_parts::<Lesson>({shape}, {text}).expect(\"build.rs read this back with the same model\")"
                ));
            }
            Err(e) => {
                let e = e.replace('\n', " ");
                println!(
                    "cargo::warning={name} does not parse ({e}); the binary will parse it at start-up."
                );
                items.push(format!(
                    "parse({name:?}, include_str!({:?})).expect(\"the built-in lessons are validated by tests\")",
                    manifest.join(file).display().to_string()
                ));
            }
        }
    }
    let code = format!(
        "{{ let more: Vec<Lesson> = vec![{}]; more }}",
        items.join(", ")
    );
    std::fs::write(out.join("embedded_more_lessons.rs"), code)
        .expect("write the more lessons' include file to OUT_DIR");
}

#[derive(serde::Deserialize)]
struct SceneFile {
    scenes: Vec<scene_model::SceneDef>,
}

fn pre_parse_scenes() -> Result<String, String> {
    let source = std::fs::read_to_string(SCENES).map_err(|e| e.to_string())?;
    let source = source.replace("\r\n", "\n");
    let file: SceneFile = toml::from_str(&source).map_err(|e| e.to_string())?;
    serde_json::to_string(&file.scenes).map_err(|e| e.to_string())
}

/// A lesson's packed form: its shape and its text.
type Packed = (Vec<u8>, String);

fn pre_parse() -> Result<(Packed, Lesson), String> {
    pre_parse_lesson(std::path::Path::new(LESSON))
}

fn pre_parse_file(file: &std::path::Path) -> Result<Packed, String> {
    pre_parse_lesson(file).map(|(packed, _)| packed)
}

/// Writes a packed form's two parts to `OUT_DIR` as `{stem}.shape` and
/// `{stem}.text`, and gives the `include_bytes!` and `include_str!`
/// expressions that read them (of absolute paths: OUT_DIR is absolute).
fn write_packed(out: &std::path::Path, stem: &str, (shape, text): &Packed) -> (String, String) {
    let shape_path = out.join(format!("{stem}.shape"));
    let text_path = out.join(format!("{stem}.text"));
    std::fs::write(&shape_path, shape).expect("write a pre-parsed lesson to OUT_DIR");
    std::fs::write(&text_path, text).expect("write a pre-parsed lesson to OUT_DIR");
    (
        format!("include_bytes!({:?})", shape_path.display().to_string()),
        format!("include_str!({:?})", text_path.display().to_string()),
    )
}

/// The lesson file in the packed form, and the lesson.
fn pre_parse_lesson(file: &std::path::Path) -> Result<(Packed, Lesson), String> {
    let source = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
    // Same as the linter's newline normalisation: a checkout with Windows line
    // endings must not put `\r` into the lesson's multi-line strings.
    let source = source.replace("\r\n", "\n");
    let lesson: model::Lesson = toml::from_str(&source).map_err(|e| e.to_string())?;
    if lesson.format_version != model::FORMAT_VERSION {
        return Err(format!(
            "format_version {} is not {}",
            lesson.format_version,
            model::FORMAT_VERSION
        ));
    }
    let value = serde_json::to_value(&lesson).map_err(|e| e.to_string())?;
    let (shape, text) = packed::pack(&value);
    // A shape of the model the packed form cannot hold must not reach the
    // binary: the lesson is then parsed from its TOML at start-up.
    match packed::from_parts::<Lesson>(&shape, &text) {
        Ok(again) if again == lesson => Ok(((shape, text), lesson)),
        Ok(_) => Err("its packed form reads back as a different lesson".into()),
        Err(e) => Err(format!("its packed form does not read back: {e}")),
    }
}

/// The shell completions and the man page (`assets/shell/`, generated and
/// checked by `tests/shell_assets.rs`), compressed into `OUT_DIR` for
/// `src/commands/shell.rs`: about 55 KB of text, 15 KB compressed, and the
/// decompressor is already in the binary for the syntax definitions.
fn shell_assets(out: &std::path::Path) {
    let mut code = String::new();
    for (name, file) in [
        ("BASH", "podtutor.bash"),
        ("ZSH", "_podtutor.zsh"),
        ("FISH", "podtutor.fish"),
        ("POWERSHELL", "podtutor.ps1"),
        ("MAN", "podtutor.1"),
    ] {
        let path = format!("assets/shell/{file}");
        println!("cargo::rerun-if-changed={path}");
        let text = std::fs::read(&path).unwrap_or_else(|e| panic!("read {path}: {e}"));
        let packed = out.join(format!("{file}.deflate"));
        std::fs::write(&packed, miniz_oxide::deflate::compress_to_vec(&text, 10))
            .expect("write a compressed asset to OUT_DIR");
        code.push_str(&format!(
            "pub const {name}: &[u8] = include_bytes!({:?});\n",
            packed.display().to_string()
        ));
    }
    std::fs::write(out.join("shell_assets.rs"), code)
        .expect("write the shell assets' include file to OUT_DIR");
}

/// The built-in missions' manifests (as they start and as their solutions
/// edit them) read by the lab's own reader, as a Rust expression over `file`
/// and `text`: the object for exactly that file and text, else `None`.
/// Reading one at start-up cost 0.46 M instructions (the YAML tokenizer),
/// more than the rest of opening the lab's simulation; `lab::builtin`
/// checks that every entry is what the reader gives.
fn pre_read_manifests(lesson: &Lesson) -> String {
    let mut seen: Vec<(&str, &str)> = Vec::new();
    let mut arms = String::new();
    for m in &lesson.labs {
        for f in m.manifests.iter().chain(&m.solution_files) {
            let key = (f.file.as_str(), f.text.as_str());
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            if let Ok(obj) = lab_manifest::read(&f.file, &f.text) {
                arms.push_str(&format!(
                    "({:?}, {:?}) => Some({}),\n",
                    f.file,
                    f.text,
                    obj.lit()
                ));
            }
        }
    }
    format!("match (file, text) {{\n{arms}_ => None,\n}}")
}

/// A value as the Rust expression that makes it.
trait Lit {
    fn lit(&self) -> String;
}

impl Lit for String {
    fn lit(&self) -> String {
        // Debug writes a string as a Rust literal (escapes included).
        format!("String::from({self:?})")
    }
}

impl Lit for bool {
    fn lit(&self) -> String {
        self.to_string()
    }
}

impl Lit for u16 {
    fn lit(&self) -> String {
        format!("{self}u16")
    }
}

impl Lit for u64 {
    fn lit(&self) -> String {
        format!("{self}u64")
    }
}

impl<T: Lit> Lit for Vec<T> {
    fn lit(&self) -> String {
        let items: Vec<String> = self.iter().map(Lit::lit).collect();
        format!("vec![{}]", items.join(", "))
    }
}

impl<T: Lit> Lit for Option<T> {
    fn lit(&self) -> String {
        self.as_ref()
            .map_or("None".into(), |v| format!("Some({})", v.lit()))
    }
}

impl<A: Lit, B: Lit> Lit for (A, B) {
    fn lit(&self) -> String {
        format!("({}, {})", self.0.lit(), self.1.lit())
    }
}

impl<A: Lit, B: Lit, C: Lit> Lit for (A, B, C) {
    fn lit(&self) -> String {
        format!("({}, {}, {})", self.0.lit(), self.1.lit(), self.2.lit())
    }
}

impl Lit for lab_manifest::ObjKind {
    fn lit(&self) -> String {
        format!("ObjKind::{self:?}")
    }
}

// Each struct taken apart whole: a field added to it fails here until it is
// written out too.
impl Lit for lab_manifest::Object {
    fn lit(&self) -> String {
        let lab_manifest::Object {
            kind,
            name,
            pod,
            warnings,
        } = self;
        format!(
            "Object {{ kind: {}, name: {}, pod: {}, warnings: {} }}",
            kind.lit(),
            name.lit(),
            pod.lit(),
            warnings.lit()
        )
    }
}

impl Lit for lab_manifest::PodDecl {
    fn lit(&self) -> String {
        let lab_manifest::PodDecl {
            init,
            containers,
            volumes,
            restart_policy,
            grace,
            share_pid,
            labels,
            default_container,
        } = self;
        format!(
            "PodDecl {{ init: {}, containers: {}, volumes: {}, restart_policy: {}, grace: {}, \
             share_pid: {}, labels: {}, default_container: {} }}",
            init.lit(),
            containers.lit(),
            volumes.lit(),
            restart_policy.lit(),
            grace.lit(),
            share_pid.lit(),
            labels.lit(),
            default_container.lit()
        )
    }
}

impl Lit for lab_manifest::CDecl {
    fn lit(&self) -> String {
        let lab_manifest::CDecl {
            name,
            image,
            command,
            args,
            env,
            ports,
            mounts,
            restart_policy,
            startup_probe,
        } = self;
        format!(
            "CDecl {{ name: {}, image: {}, command: {}, args: {}, env: {}, ports: {}, mounts: {}, \
             restart_policy: {}, startup_probe: {} }}",
            name.lit(),
            image.lit(),
            command.lit(),
            args.lit(),
            env.lit(),
            ports.lit(),
            mounts.lit(),
            restart_policy.lit(),
            startup_probe.lit()
        )
    }
}

impl Lit for lab_manifest::PortDecl {
    fn lit(&self) -> String {
        let lab_manifest::PortDecl {
            name,
            port,
            protocol,
        } = self;
        format!(
            "PortDecl {{ name: {}, port: {}, protocol: {} }}",
            name.lit(),
            port.lit(),
            protocol.lit()
        )
    }
}

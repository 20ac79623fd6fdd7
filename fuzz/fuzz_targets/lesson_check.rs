//! Any text as a lesson file: the validator never panics, every diagnostic
//! points inside the file, the rendered report is safe to print, and an
//! accepted lesson holds no character that could take over a terminal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podtutor::lesson::{check, render_diagnostics};
use podtutor::text::is_forbidden;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    match check(source) {
        Ok(lesson) => {
            let json = serde_json::to_string(&lesson).expect("a lesson serialises");
            let value: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert!(
                !strings(&value).any(|s| s.chars().any(is_forbidden)),
                "an accepted lesson holds a forbidden character"
            );
        }
        Err(diags) => {
            assert!(!diags.is_empty());
            for d in &diags {
                assert!(d.span.start <= d.span.end && d.span.end <= source.len());
                assert!(source.is_char_boundary(d.span.start) && source.is_char_boundary(d.span.end));
            }
            let report = render_diagnostics("fuzz.toml", source, &diags);
            assert!(!report.chars().any(is_forbidden), "the report is not safe to print");
        }
    }
});

/// Every string in a JSON value.
fn strings(v: &serde_json::Value) -> Box<dyn Iterator<Item = &str> + '_> {
    match v {
        serde_json::Value::String(s) => Box::new(std::iter::once(s.as_str())),
        serde_json::Value::Array(a) => Box::new(a.iter().flat_map(strings)),
        serde_json::Value::Object(o) => Box::new(o.values().flat_map(strings)),
        _ => Box::new(std::iter::empty()),
    }
}

//! Any text given to the lesson checker must give either a lesson or a list of
//! diagnostics whose spans lie inside the text, and rendering them must never
//! let a control character through.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podtutor::lesson::{check, render_diagnostics};
use podtutor::text::is_forbidden;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(diags) = check(source) {
        assert!(!diags.is_empty(), "an error with no diagnostic");
        for d in &diags {
            assert!(d.span.start <= d.span.end && d.span.end <= source.len());
            assert!(source.is_char_boundary(d.span.start));
            assert!(source.is_char_boundary(d.span.end));
        }
        let out = render_diagnostics("lesson.toml", source, &diags);
        assert!(
            !out.chars().any(is_forbidden),
            "control character in {out:?}"
        );
    }
});

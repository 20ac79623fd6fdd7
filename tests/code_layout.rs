//! The list of start-up code and the linker script build.rs makes of it.
//! The script only shapes release builds, which the test suite does not
//! link, so a list that would break that link is caught here.

#[path = "../build/code_layout.rs"]
mod code_layout;

use code_layout::{pattern, patterns, script};

#[test]
fn the_committed_list_is_linker_patterns_of_the_tutors_start_up() {
    let list = std::fs::read_to_string("build/start-up-code.txt").expect("the list");
    let p = patterns(&list).expect("every line is a linker pattern");
    // A real list: the tutor's own code, the terminal library and the
    // standard library all run at start-up.
    assert!(p.len() > 300, "only {} patterns: rewrite the list", p.len());
    for name in ["8podtutor", "ratatui", "crossterm", "3std"] {
        assert!(
            p.iter().any(|p| p.contains(name)),
            "nothing of {name} in the list"
        );
    }
    let mut seen = std::collections::HashSet::new();
    for p in &p {
        assert!(seen.insert(p), "{p} twice");
        assert_eq!(pattern(p).as_deref(), Some(*p), "{p} is not normalised");
    }
}

#[test]
fn a_pattern_keeps_the_name_and_drops_the_compilers_hashes() {
    assert_eq!(
        pattern("_ZN8podtutor4text6is_tag17he6428b4203bc3648E").as_deref(),
        Some("_ZN8podtutor4text6is_tag17h*E")
    );
    assert_eq!(
        pattern("_RNvNtNtCsjrHSEGnQ3l9_3std3sys2fs8read_dir").as_deref(),
        Some("_RNvNtNtCs*_3std3sys2fs8read_dir")
    );
    // LTO's local copies, numbered clones and callgrind's recursion marks.
    assert_eq!(
        pattern("_ZN4core3fmt5write17h0123456789abcdefE.llvm.1234567").as_deref(),
        Some("_ZN4core3fmt5write17h*E")
    );
    assert_eq!(
        pattern("_RNvNtCslNYArtu3iFV_5alloc5boxed14box_new_uninit.296").as_deref(),
        Some("_RNvNtCs*_5alloc5boxed14box_new_uninit")
    );
    assert_eq!(
        pattern("_ZN4toml5table5close17h7164a07d08b8c0ceE'2").as_deref(),
        Some("_ZN4toml5table5close17h*E")
    );
    // A hash-like run that is not one stays as it is.
    assert_eq!(pattern("_ZN3foo17hzzE").as_deref(), Some("_ZN3foo17hzzE"));
}

#[test]
fn what_is_not_a_function_name_gives_no_pattern() {
    for name in [
        "0x00000000000d0a80",
        "(below main)",
        "",
        "a b",
        "f(x)",
        "g[1]",
    ] {
        assert_eq!(pattern(name), None, "{name:?}");
    }
}

#[test]
fn a_line_that_would_change_the_scripts_meaning_is_refused_by_its_line() {
    let list = "# comment\n\n_ZN3foo17h*E\n*(.text) } /DISCARD/ : {\n";
    let e = patterns(list).unwrap_err();
    assert!(e.starts_with("line 4:"), "{e}");
    assert_eq!(patterns("# only\n\n").unwrap(), Vec::<&str>::new());
}

#[test]
fn the_script_places_each_function_first_wherever_the_compiler_put_it() {
    let s = script(&["_ZN3foo17h*E", "_RNvCs*_3bar"]);
    assert!(s.starts_with("SECTIONS {\n  .text.start_up : {\n"), "{s}");
    assert!(s.ends_with("} INSERT BEFORE .text;\n"), "{s}");
    let foo = s.find(".text._ZN3foo17h*E ").expect("foo");
    let bar = s.find(".text._RNvCs*_3bar ").expect("bar");
    assert!(foo < bar, "the list's order is kept");
    for p in ["_ZN3foo17h*E", "_RNvCs*_3bar"] {
        for form in [".text.", ".text.unlikely."] {
            assert!(s.contains(&format!("{form}{p} ")), "{form}{p}");
            assert!(s.contains(&format!("{form}{p}.*")), "{form}{p}.*");
        }
    }
    // Balanced braces and parentheses: the linker reads one statement.
    assert_eq!(s.matches('{').count(), s.matches('}').count());
    assert_eq!(s.matches('(').count(), s.matches(')').count());
}

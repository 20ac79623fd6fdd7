//! Where the release binary keeps the code that start-up runs.
//!
//! Start-up touches about 0.5 MB of the binary's 2.3 MB of code, spread
//! over all of it. The kernel maps code in 64 KiB blocks around each page a
//! program touches, so nearly all of the binary's code became resident and
//! was most of the tutor's peak memory (issue 10: ≤ 2× a bare ratatui
//! program). Placing the functions start-up runs together, in an output
//! section of their own before `.text`, leaves the rest of the code on disk.
//!
//! `build/start-up-code.txt` lists those functions as linker patterns:
//! their mangled names with the compiler's hashes replaced by `*`, so the
//! list survives a new dependency, a profile change or a compiler update
//! (a function it misses is placed with the rest of the code: it costs
//! memory, never correctness). `cargo bench --bench startup` with
//! `PODTUTOR_BENCH_ONLY=code-layout` writes it from callgrind runs of every
//! way in (see docs/performance.md).
//!
//! Used by `build.rs` (the linker script), the start-up bench (the list)
//! and `tests/code_layout.rs`.

/// The linker pattern for the function `name` as callgrind reports it
/// (mangled, `--demangle=no`), or `None` for what is not a function of the
/// binary (an address, `(below main)`).
pub fn pattern(name: &str) -> Option<String> {
    // Callgrind marks a recursive call's cycle with `'2`.
    let name = name.split('\'').next()?.trim();
    if name.is_empty() || name.starts_with("0x") || name.starts_with('(') {
        return None;
    }
    // LTO's local copies (`.llvm.123`) and numbered clones (`.296`).
    let mut base = name;
    while let Some((head, tail)) = base.rsplit_once('.') {
        let clone = tail.bytes().all(|b| b.is_ascii_digit()) || tail == "llvm";
        if !clone || head.is_empty() {
            break;
        }
        base = head;
    }
    let out = without_hashes(base);
    out.bytes().all(pattern_byte).then_some(out)
}

/// `name` with the compiler's hashes (legacy `17h<16 hex>E`, v0 crate
/// disambiguators `Cs<base62>_`) replaced by `*`.
fn without_hashes(name: &str) -> String {
    let b = name.as_bytes();
    let mut out = String::with_capacity(name.len());
    let mut i = 0;
    while i < b.len() {
        // Legacy: the last path segment `17h` + 16 hex digits + `E`.
        if b[i..].starts_with(b"17h")
            && b.len() >= i + 20
            && b[i + 3..i + 19].iter().all(u8::is_ascii_hexdigit)
            && b[i + 19] == b'E'
        {
            out.push_str("17h*E");
            i += 20;
            continue;
        }
        // v0: `Cs` + a base-62 number + `_`.
        if b[i..].starts_with(b"Cs") {
            let digits = b[i + 2..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric())
                .count();
            if digits > 0 && b.get(i + 2 + digits) == Some(&b'_') {
                out.push_str("Cs*_");
                i += 3 + digits;
                continue;
            }
        }
        out.push(char::from(b[i]));
        i += 1;
    }
    out
}

/// What a pattern may hold: mangled names are ASCII letters, digits, `_`,
/// `$` and `.`; `*` is the wildcard. Anything else (a space, a bracket, a
/// parenthesis) would change the linker script's meaning.
fn pattern_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'.' | b'*')
}

/// The patterns of a list file: one per line; blank lines and `#` comments
/// skipped. A line that is not a pattern is an error naming its line.
pub fn patterns(list: &str) -> Result<Vec<&str>, String> {
    let mut out = Vec::new();
    for (n, line) in list.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if !line.bytes().all(pattern_byte) {
            return Err(format!(
                "line {}: {line:?} is not a linker pattern (letters, digits, _ $ . *)",
                n + 1
            ));
        }
        out.push(line);
    }
    Ok(out)
}

/// The linker script placing the functions matched by `patterns`, in that
/// order, in a section of their own before `.text` (`INSERT` keeps the
/// linker's default layout for everything else; GNU ld and LLD read it).
/// A function may sit in `.text.NAME` or, when the compiler thinks it cold,
/// in `.text.unlikely.NAME`.
pub fn script(patterns: &[&str]) -> String {
    let mut s = String::from("SECTIONS {\n  .text.start_up : {\n");
    for p in patterns {
        s.push_str(&format!(
            "    *(.text.{p} .text.{p}.* .text.unlikely.{p} .text.unlikely.{p}.*)\n"
        ));
    }
    s.push_str("  }\n} INSERT BEFORE .text;\n");
    s
}

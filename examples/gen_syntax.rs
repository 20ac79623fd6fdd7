//! Regenerates `assets/yaml.packdump`: syntect's bundled YAML syntax alone,
//! so the binary embeds a few kilobytes instead of every language.
//!
//! Run: `cargo run --example gen_syntax --features gen-syntax` (only needed when
//! upgrading syntect).
//!
//! syntect's bundled definitions are already linked: their context references
//! carry the index of their syntax in the set. To keep those indices valid the
//! other languages are replaced by empty placeholder syntaxes, not removed.

use syntect::parsing::{SyntaxDefinition, SyntaxSet, SyntaxSetBuilder};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let all = SyntaxSet::load_defaults_newlines().into_builder();
    let mut b = SyntaxSetBuilder::new();
    let mut found = false;
    for (i, s) in all.syntaxes().iter().enumerate() {
        if s.name == "YAML" {
            b.add(s.clone());
            found = true;
        } else {
            let stub = format!("name: unused{i}\nscope: text.unused{i}\ncontexts:\n  main: []\n");
            b.add(SyntaxDefinition::load_from_str(&stub, false, None)?);
        }
    }
    if !found {
        return Err("syntect's default set has no YAML syntax".into());
    }
    let set = b.build();
    let out = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/yaml.packdump");
    syntect::dumps::dump_to_file(&set, out)?;
    println!("wrote {out}");
    Ok(())
}

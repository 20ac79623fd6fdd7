//! YAML to a small tree with positions, built from the events of
//! granit-parser (the YAML 1.2 event parser under serde-saphyr: pure Rust,
//! no `unsafe`, errors with line and column). Using the event parser
//! directly keeps serde-saphyr's serde layer, error rendering and encoding
//! tables out of the binary. The manifest checks in `manifest.rs` walk this
//! tree so every problem can name its line.

use granit_parser::{Event, Parser, ScalarStyle};

/// A YAML value with the 1-based line and column where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// The value.
    pub val: Val,
}

/// The value of a [`Node`].
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    /// `null`, `~` or nothing.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A number with a fraction.
    Float(f64),
    /// A string.
    Str(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, keys in order.
    Map(Vec<(Node, Node)>),
}

impl Val {
    /// What JSON would call this value, as the API server names it in
    /// "cannot unmarshal X into …".
    pub fn json_kind(&self) -> &'static str {
        match self {
            Val::Null => "null",
            Val::Bool(_) => "bool",
            Val::Int(_) | Val::Float(_) => "number",
            Val::Str(_) => "string",
            Val::Seq(_) => "array",
            Val::Map(_) => "object",
        }
    }
}

impl Node {
    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match &self.val {
            Val::Str(s) => Some(s),
            _ => None,
        }
    }
    /// The entry for `key`, if this is a mapping holding it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.val {
            Val::Map(m) => m
                .iter()
                .find(|(k, _)| k.as_str() == Some(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }
}

/// A YAML syntax problem: where, and the parser's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// What is wrong, one line.
    pub message: String,
}

/// The most bytes a manifest may have: a Pod manifest is a few KB.
pub const MAX_MANIFEST_BYTES: usize = 64 * 1024;

/// Parses one YAML document.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    if text.len() > MAX_MANIFEST_BYTES {
        return Err(SyntaxError {
            line: 0,
            col: 0,
            message: format!("the file is larger than {MAX_MANIFEST_BYTES} bytes"),
        });
    }
    if text.trim().is_empty() {
        return Ok(Node {
            line: 1,
            col: 1,
            val: Val::Null,
        });
    }
    let mut b = Builder::default();
    for ev in Parser::new_from_str(text) {
        let (ev, span) = ev.map_err(|e| SyntaxError {
            line: e.marker().line(),
            col: e.marker().col() + 1,
            message: e.info().lines().next().unwrap_or("").to_string(),
        })?;
        let (line, col) = (span.start.line(), span.start.col() + 1);
        if let Some(err) = b.event(ev, line, col) {
            return Err(err);
        }
        if b.nodes > MAX_NODES {
            return Err(SyntaxError {
                line,
                col,
                message: format!("more than {MAX_NODES} values; a manifest is much smaller"),
            });
        }
    }
    Ok(b.done.unwrap_or(Node {
        line: 1,
        col: 1,
        val: Val::Null,
    }))
}

/// The most values one manifest may hold (aliases count each time they are used).
const MAX_NODES: usize = 20_000;

/// Builds the tree of the first document from parser events.
#[derive(Default)]
struct Builder {
    /// Open collections: the node, a mapping key waiting for its value, its anchor id.
    stack: Vec<(Node, Option<Node>, usize)>,
    /// Anchored nodes, by the parser's anchor id.
    anchors: Vec<(usize, Node)>,
    done: Option<Node>,
    nodes: usize,
}

impl Builder {
    fn event(&mut self, ev: Event<'_>, line: usize, col: usize) -> Option<SyntaxError> {
        let node = |val| Node { line, col, val };
        match ev {
            Event::Scalar(v, style, anchor, _) => {
                let val = if style == ScalarStyle::Plain {
                    plain(&v)
                } else {
                    Val::Str(v.into_owned())
                };
                self.put(node(val), anchor)
            }
            Event::SequenceStart(_, anchor, _) => {
                self.stack.push((node(Val::Seq(Vec::new())), None, anchor));
                None
            }
            Event::MappingStart(_, anchor, _) => {
                self.stack.push((node(Val::Map(Vec::new())), None, anchor));
                None
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (n, _, anchor) = self.stack.pop()?;
                self.put(n, anchor)
            }
            Event::Alias(id) => {
                let found = self.anchors.iter().rev().find(|(a, _)| *a == id);
                match found.map(|(_, n)| n.clone()) {
                    Some(n) => {
                        self.nodes += count(&n);
                        self.put(Node { line, col, ..n }, 0)
                    }
                    None => Some(SyntaxError {
                        line,
                        col,
                        message: "unknown anchor".into(),
                    }),
                }
            }
            _ => None,
        }
    }

    /// Places a finished node in its parent (or as the document).
    fn put(&mut self, n: Node, anchor: usize) -> Option<SyntaxError> {
        self.nodes += 1;
        if anchor > 0 {
            self.anchors.push((anchor, n.clone()));
        }
        let Some((parent, key, _)) = self.stack.last_mut() else {
            if self.done.is_none() {
                self.done = Some(n);
            }
            return None;
        };
        match &mut parent.val {
            Val::Seq(items) => items.push(n),
            Val::Map(entries) => match key.take() {
                None => *key = Some(n),
                Some(k) => {
                    if let Some(name) = k.as_str()
                        && entries.iter().any(|(e, _)| e.as_str() == Some(name))
                    {
                        return Some(SyntaxError {
                            line: k.line,
                            col: k.col,
                            message: format!("mapping key \"{name}\" already defined"),
                        });
                    }
                    entries.push((k, n));
                }
            },
            _ => {}
        }
        None
    }
}

fn count(n: &Node) -> usize {
    match &n.val {
        Val::Seq(v) => 1 + v.iter().map(count).sum::<usize>(),
        Val::Map(m) => 1 + m.iter().map(|(k, v)| count(k) + count(v)).sum::<usize>(),
        _ => 1,
    }
}

/// A plain scalar's type, by the YAML 1.2 core schema (as Kubernetes reads it).
fn plain(s: &str) -> Val {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Val::Null,
        "true" | "True" | "TRUE" => return Val::Bool(true),
        "false" | "False" | "FALSE" => return Val::Bool(false),
        _ => {}
    }
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && let Ok(i) = s.parse::<i64>()
    {
        return Val::Int(i);
    }
    if let Some(h) = s.strip_prefix("0x")
        && let Ok(i) = i64::from_str_radix(h, 16)
    {
        return Val::Int(i);
    }
    if let Some(o) = s.strip_prefix("0o")
        && let Ok(i) = i64::from_str_radix(o, 8)
    {
        return Val::Int(i);
    }
    let numeric = digits
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit() || b == b'.')
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'));
    if numeric && let Ok(f) = s.parse::<f64>() {
        return Val::Float(f);
    }
    match s {
        ".inf" | ".Inf" | ".INF" | "+.inf" => Val::Float(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => Val::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => Val::Float(f64::NAN),
        _ => Val::Str(s.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_of_values() {
        let n = parse("a: 1\nb:\n  - x\n  - \"80\"\n").unwrap();
        let b = n.get("b").unwrap();
        let Val::Seq(items) = &b.val else { panic!() };
        assert_eq!((items[1].line, items[1].col), (4, 5));
        assert_eq!(items[1].val, Val::Str("80".into()));
        assert_eq!(n.get("a").unwrap().val, Val::Int(1));
    }

    #[test]
    fn plain_scalars_take_the_core_schema_types_and_quotes_keep_strings() {
        let n = parse("a: 80\nb: \"80\"\nc: true\nd: ~\ne: 1.5\nf: nginx:1.27\ng: 0x1F\nh: '1'\n")
            .unwrap();
        let v = |k: &str| n.get(k).unwrap().val.clone();
        assert_eq!(v("a"), Val::Int(80));
        assert_eq!(v("b"), Val::Str("80".into()));
        assert_eq!(v("c"), Val::Bool(true));
        assert_eq!(v("d"), Val::Null);
        assert_eq!(v("e"), Val::Float(1.5));
        assert_eq!(v("f"), Val::Str("nginx:1.27".into()));
        assert_eq!(v("g"), Val::Int(31));
        assert_eq!(v("h"), Val::Str("1".into()));
    }

    #[test]
    fn aliases_repeat_their_anchor_and_billion_laughs_are_refused() {
        let n = parse("a: &x [1, 2]\nb: *x\n").unwrap();
        assert_eq!(n.get("a").unwrap().val, n.get("b").unwrap().val);
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..8 {
            let (p, q) = ((b'a' + i) as char, (b'b' + i) as char);
            bomb.push_str(&format!(
                "{q}: &{q} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
            ));
        }
        assert!(parse(&bomb).unwrap_err().message.contains("values"));
    }

    #[test]
    fn syntax_errors_have_a_line() {
        for bad in [
            "a: [1, 2\n",
            "a: 1\n b: 2\nc",
            "a:\n\t- x\n",
            "a: 1\na: 2\n",
            "- a\nb: c\n",
        ] {
            let e = parse(bad).unwrap_err();
            eprintln!("{bad:?} -> {e:?}");
            assert!(e.line > 0, "{bad:?}: {e:?}");
        }
    }
}

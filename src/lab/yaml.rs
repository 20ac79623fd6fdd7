//! YAML to a small tree with positions, through serde-saphyr (panic-free,
//! with a budget against hostile input). The manifest checks in
//! `manifest.rs` walk this tree so every problem can name its line.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

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

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Spanned::<Val>::deserialize(d)?;
        Ok(Node {
            line: usize::try_from(s.referenced.line()).unwrap_or(0),
            col: usize::try_from(s.referenced.column()).unwrap_or(0),
            val: s.value,
        })
    }
}

impl<'de> Deserialize<'de> for Val {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValVisitor)
    }
}

struct ValVisitor;

impl<'de> Visitor<'de> for ValVisitor {
    type Value = Val;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Val, E> {
        Ok(Val::Null)
    }
    fn visit_none<E>(self) -> Result<Val, E> {
        Ok(Val::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Val, D::Error> {
        Val::deserialize(d)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Val, E> {
        Ok(Val::Bool(b))
    }
    fn visit_i64<E>(self, i: i64) -> Result<Val, E> {
        Ok(Val::Int(i))
    }
    fn visit_u64<E>(self, u: u64) -> Result<Val, E> {
        Ok(i64::try_from(u).map_or(Val::Float(u as f64), Val::Int))
    }
    fn visit_i128<E>(self, i: i128) -> Result<Val, E> {
        Ok(i64::try_from(i).map_or(Val::Float(i as f64), Val::Int))
    }
    fn visit_u128<E>(self, u: u128) -> Result<Val, E> {
        Ok(i64::try_from(u).map_or(Val::Float(u as f64), Val::Int))
    }
    fn visit_f64<E>(self, f: f64) -> Result<Val, E> {
        Ok(Val::Float(f))
    }
    fn visit_str<E>(self, s: &str) -> Result<Val, E> {
        Ok(Val::Str(s.to_string()))
    }
    fn visit_string<E>(self, s: String) -> Result<Val, E> {
        Ok(Val::Str(s))
    }
    fn visit_bytes<E>(self, b: &[u8]) -> Result<Val, E> {
        Ok(Val::Str(String::from_utf8_lossy(b).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Val, A::Error> {
        let mut v = Vec::new();
        while let Some(n) = a.next_element::<Node>()? {
            v.push(n);
        }
        Ok(Val::Seq(v))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Val, A::Error> {
        let mut v = Vec::new();
        while let Some(k) = a.next_key::<Node>()? {
            let val = a.next_value::<Node>()?;
            v.push((k, val));
        }
        Ok(Val::Map(v))
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
    let mut opts = serde_saphyr::Options::default();
    opts.with_snippet = false;
    serde_saphyr::from_str_with_options::<Node>(text, opts).map_err(|e| {
        let (line, col) = e.location().map_or((0, 0), |l| {
            (
                usize::try_from(l.line()).unwrap_or(0),
                usize::try_from(l.column()).unwrap_or(0),
            )
        });
        let mut message = e.without_snippet().to_string();
        // The position is reported separately.
        if let Some(i) = message.find(" at line ") {
            message.truncate(i);
        }
        let message = message.lines().next().unwrap_or("").trim().to_string();
        SyntaxError { line, col, message }
    })
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

//! The built-in lesson's packed form: what `build.rs` writes and
//! [`crate::lesson::embedded`] reads at every start.
//!
//! It holds what the lesson's JSON holds, in two parts: the shape (a tag
//! byte per value, lengths and counts as LEB128) and the text (every string
//! and key, one after the other, in one `&'static str`). Reading it scans no
//! string for quotes or escapes and validates no UTF-8 at run time (the
//! compiler checked the text when it included it), which in JSON was two
//! thirds of the lesson's load (docs/performance.md). Being self-describing
//! like JSON, it reads every shape the model has, including the internally
//! tagged scene events a positional format such as postcard or bincode
//! cannot, and the fields `skip_serializing_if` leaves out.
//!
//! `build.rs` includes this file too: it writes the packed form with
//! [`pack`], reads it back with [`from_parts`] and keeps it only if that
//! gives the same lesson.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

const NULL: u8 = 0;
const FALSE: u8 = 1;
const TRUE: u8 = 2;
/// A non-negative integer, LEB128.
const UINT: u8 = 3;
/// A negative integer `n`, as `!n` in LEB128.
const NINT: u8 = 4;
/// An `f64`, 8 bytes little-endian.
const FLOAT: u8 = 5;
/// A string: its length in bytes; the bytes are the next ones of the text.
const STR: u8 = 6;
/// An array: its length, then its items.
const SEQ: u8 = 7;
/// An object: its length, then each key's length (the key is in the text)
/// and its value.
const MAP: u8 = 8;

/// Why the packed form did not read as the type asked for.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

fn cut() -> Error {
    Error("the packed form ends too early".into())
}

/// A value of another kind than the model asks for (only if the packed
/// form and the model disagree; not generic, so one copy in the binary).
fn wrong(tag: u8, want: &str) -> Error {
    Error(format!(
        "the packed form has a value of tag {tag} where the model wants {want}"
    ))
}

/// Reads a `T` from the packed form's two parts; all of both must be used.
pub fn from_parts<'de, T: serde::Deserialize<'de>>(
    shape: &'de [u8],
    text: &'de str,
) -> Result<T, Error> {
    let mut reader = Reader { shape, text };
    let value = T::deserialize(&mut reader)?;
    if !reader.shape.is_empty() || !reader.text.is_empty() {
        return Err(Error("the packed form has more after the value".into()));
    }
    Ok(value)
}

/// What is left to read of the two parts.
struct Reader<'de> {
    shape: &'de [u8],
    text: &'de str,
}

// The primitives give `Option`s, which come back in registers (a `Result`
// with a `String` error goes through memory), and are inlined (the
// package is built for size, which leaves even these as calls): they run
// for every value, and as calls took half of the lesson's load.
impl<'de> Reader<'de> {
    #[inline(always)]
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.shape.split_first()?;
        self.shape = rest;
        Some(b)
    }

    /// A LEB128 number; nearly all are one byte.
    #[inline(always)]
    fn number(&mut self) -> Option<u64> {
        let b = self.byte()?;
        if b < 0x80 {
            Some(u64::from(b))
        } else {
            self.long_number(b)
        }
    }

    fn long_number(&mut self, first: u8) -> Option<u64> {
        let mut n = u64::from(first & 0x7f);
        let mut shift = 7;
        loop {
            let b = self.byte()?;
            if shift > 63 {
                return None;
            }
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(n);
            }
            shift += 7;
        }
    }

    /// The next string of the text, its length read from the shape
    /// (`split_at_checked` refuses a cut through a character).
    #[inline(always)]
    fn str(&mut self) -> Option<&'de str> {
        let len = usize::try_from(self.number()?).ok()?;
        let (s, rest) = self.text.split_at_checked(len)?;
        self.text = rest;
        Some(s)
    }

    #[inline(always)]
    fn tag(&mut self) -> Result<u8, Error> {
        self.byte().ok_or_else(cut)
    }

    #[inline(always)]
    fn count(&mut self) -> Result<usize, Error> {
        self.number()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(cut)
    }

    #[inline(always)]
    fn string(&mut self) -> Result<&'de str, Error> {
        self.str().ok_or_else(cut)
    }

    fn seq<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Error> {
        let left = self.count()?;
        let mut items = Items { reader: self, left };
        let value = visitor.visit_seq(&mut items)?;
        items.done()?;
        Ok(value)
    }

    fn map<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Error> {
        let left = self.count()?;
        let mut items = Items { reader: self, left };
        let value = visitor.visit_map(&mut items)?;
        items.done()?;
        Ok(value)
    }

    /// An integer, for a visitor of any integer type (it checks the range).
    fn integer<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Error> {
        match self.tag()? {
            UINT => visitor.visit_u64(self.number().ok_or_else(cut)?),
            NINT => visitor.visit_i64(!(self.number().ok_or_else(cut)? as i64)),
            tag => Err(wrong(tag, "an integer")),
        }
    }
}

// The model's types ask for what they want (a struct, a string, an
// integer …), and each of those reads only that kind of value: every
// `deserialize_any` would bring in each type's handling of every other
// kind (serde's derive writes them all), which made this reader's copy of
// the model's code twice the size of JSON's.
impl<'de> Deserializer<'de> for &mut Reader<'de> {
    type Error = Error;

    /// For what the model does not name ahead: the scene events' tagged
    /// enum (serde buffers it), and values of unknown type.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.tag()? {
            NULL => visitor.visit_unit(),
            FALSE => visitor.visit_bool(false),
            TRUE => visitor.visit_bool(true),
            UINT => visitor.visit_u64(self.number().ok_or_else(cut)?),
            NINT => visitor.visit_i64(!(self.number().ok_or_else(cut)? as i64)),
            FLOAT => {
                let (bytes, rest) = self.shape.split_first_chunk::<8>().ok_or_else(cut)?;
                self.shape = rest;
                visitor.visit_f64(f64::from_le_bytes(*bytes))
            }
            STR => visitor.visit_borrowed_str(self.string()?),
            SEQ => self.seq(visitor),
            MAP => self.map(visitor),
            tag => Err(Error(format!("unknown tag {tag} in the packed form"))),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.tag()? {
            MAP => self.map(visitor),
            tag => Err(wrong(tag, "a table")),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.tag()? {
            SEQ => self.seq(visitor),
            tag => Err(wrong(tag, "an array")),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.tag()? {
            STR => visitor.visit_borrowed_str(self.string()?),
            tag => Err(wrong(tag, "a string")),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.tag()? {
            FALSE => visitor.visit_bool(false),
            TRUE => visitor.visit_bool(true),
            tag => Err(wrong(tag, "true or false")),
        }
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.integer(visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.integer(visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.integer(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.integer(visitor)
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.integer(visitor)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.integer(visitor)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.integer(visitor)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.integer(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if let Some((&NULL, rest)) = self.shape.split_first() {
            self.shape = rest;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    /// Only unit variants, written as their name (every externally tagged
    /// enum of the model; `build.rs` reads the form back, so another kind
    /// would fall back to parsing the TOML, not read wrong).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.tag()? {
            STR => visitor.visit_enum(de::value::BorrowedStrDeserializer::new(self.string()?)),
            tag => Err(wrong(tag, "a name")),
        }
    }

    serde::forward_to_deserialize_any! {
        i128 u128 f32 f64 char bytes byte_buf unit unit_struct tuple
        tuple_struct identifier ignored_any
    }
}

/// The items of an array or the entries of an object still to read.
struct Items<'a, 'de> {
    reader: &'a mut Reader<'de>,
    left: usize,
}

impl Items<'_, '_> {
    /// A visitor that stopped early would leave the reader in the middle of
    /// a value.
    fn done(&self) -> Result<(), Error> {
        if self.left == 0 {
            Ok(())
        } else {
            Err(Error(
                "a value in the packed form was not read to its end".into(),
            ))
        }
    }
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(&mut *self.reader).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

impl<'de> MapAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        let key = self.reader.string()?;
        seed.deserialize(de::value::BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(&mut *self.reader)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

/// Writes values in the packed form, in order: a map's length, then each
/// key and its value; an array's length, then its items.
#[derive(Default)]
pub struct Writer {
    /// The tags, lengths and numbers.
    pub shape: Vec<u8>,
    /// The strings and keys, one after the other.
    pub text: String,
}

impl Writer {
    fn number(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.shape.push((n as u8 & 0x7f) | 0x80);
            n >>= 7;
        }
        self.shape.push(n as u8);
    }

    /// A JSON `null`: an absent optional value.
    pub fn null(&mut self) {
        self.shape.push(NULL);
    }

    /// A boolean.
    pub fn bool(&mut self, b: bool) {
        self.shape.push(if b { TRUE } else { FALSE });
    }

    /// An integer.
    pub fn int(&mut self, i: i64) {
        if i >= 0 {
            self.shape.push(UINT);
            self.number(i as u64);
        } else {
            self.shape.push(NINT);
            self.number(!i as u64);
        }
    }

    /// An integer past `i64::MAX`.
    #[allow(dead_code, reason = "only JSON has them: build.rs and the tests")]
    pub fn uint(&mut self, u: u64) {
        self.shape.push(UINT);
        self.number(u);
    }

    /// A floating-point number.
    pub fn float(&mut self, x: f64) {
        self.shape.push(FLOAT);
        self.shape.extend(x.to_le_bytes());
    }

    /// A string.
    pub fn str(&mut self, s: &str) {
        self.shape.push(STR);
        self.key(s);
    }

    /// The start of an array of `len` items.
    pub fn seq(&mut self, len: usize) {
        self.shape.push(SEQ);
        self.number(len as u64);
    }

    /// The start of an object of `len` entries.
    pub fn map(&mut self, len: usize) {
        self.shape.push(MAP);
        self.number(len as u64);
    }

    /// A key of an object, before its value.
    pub fn key(&mut self, k: &str) {
        self.number(k.len() as u64);
        self.text.push_str(k);
    }
}

/// A JSON value in the packed form: its shape and its text.
#[allow(
    dead_code,
    reason = "build.rs packs the lesson's JSON; the library only in its tests"
)]
pub fn pack(value: &serde_json::Value) -> (Vec<u8>, String) {
    fn write(v: &serde_json::Value, out: &mut Writer) {
        use serde_json::Value;
        match v {
            Value::Null => out.null(),
            Value::Bool(b) => out.bool(*b),
            Value::Number(n) => match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => out.int(i),
                (None, Some(u)) => out.uint(u),
                (None, None) => out.float(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(s) => out.str(s),
            Value::Array(items) => {
                out.seq(items.len());
                for item in items {
                    write(item, out);
                }
            }
            Value::Object(entries) => {
                out.map(entries.len());
                for (key, item) in entries {
                    out.key(key);
                    write(item, out);
                }
            }
        }
    }
    let mut out = Writer::default();
    write(value, &mut out);
    (out.shape, out.text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::Lesson;
    use crate::scene::model::EventDef;
    use serde_json::json;

    fn round_trip<T: serde::Serialize + serde::de::DeserializeOwned>(value: &T) -> T {
        let (shape, text) = pack(&serde_json::to_value(value).unwrap());
        from_parts(&shape, &text).unwrap()
    }

    #[test]
    fn every_kind_of_value_reads_back() {
        let value = json!({
            "none": null, "yes": true, "no": false, "big": u64::MAX, "neg": i64::MIN,
            "half": -0.5, "text": "ünïcödé ✓ \"quoted\"\n", "empty": "", "list": [1, [], {}],
        });
        assert_eq!(round_trip(&value), value);
    }

    #[test]
    fn the_models_enums_and_optional_fields_read_back() {
        // Internally tagged (`event = …`), with and without an optional field,
        // and a unit variant: what a positional format could not read.
        let events: Vec<EventDef> = serde_json::from_value(json!([
            { "event": "evict" },
            { "event": "write", "container": "app", "file": "/data/x" },
            { "event": "read", "container": "app", "volume": "v", "file": "/data/x" },
            { "event": "crash", "container": "app", "exit_code": -3 },
        ]))
        .unwrap();
        assert_eq!(round_trip(&events), events);
        let level: crate::lesson::Level = serde_json::from_value(json!("expert")).unwrap();
        assert_eq!(round_trip(&level), level);
    }

    #[test]
    fn the_embedded_lesson_reads_back_from_its_packed_form() {
        let lesson = crate::lesson::embedded_from_source();
        assert_eq!(round_trip(&lesson), lesson);
    }

    #[test]
    fn a_damaged_form_is_an_error_not_a_panic_nor_a_wrong_lesson() {
        let lesson = crate::lesson::embedded_from_source();
        let (shape, text) = pack(&serde_json::to_value(&lesson).unwrap());
        // Cut short, at a few places of each part.
        for n in [0, 1, shape.len() / 3, shape.len() - 1] {
            assert!(
                from_parts::<Lesson>(&shape[..n], &text).is_err(),
                "shape cut at {n}"
            );
        }
        for n in [0, text.len() / 2, text.len() - 1] {
            assert!(
                from_parts::<Lesson>(&shape, &text[..n]).is_err(),
                "text cut at {n}"
            );
        }
        // Something after the lesson.
        let mut longer = shape.clone();
        longer.push(NULL);
        assert!(from_parts::<Lesson>(&longer, &text).is_err());
        assert!(from_parts::<Lesson>(&shape, &format!("{text}x")).is_err());
        // A string that would end inside a character.
        let (shape, text) = pack(&json!("é"));
        let mut one_byte = shape.clone();
        *one_byte.last_mut().unwrap() = 1;
        assert!(from_parts::<String>(&one_byte, &text).is_err());
        // An unknown tag, and a map read as an enum.
        assert!(from_parts::<String>(&[42], "").is_err());
        let (shape, text) = pack(&json!({ "expert": null }));
        assert!(from_parts::<crate::lesson::Level>(&shape, &text).is_err());
    }
}

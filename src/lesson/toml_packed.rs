//! A parsed TOML document written in the packed form (`packed.rs`), so a
//! lesson file read from disk is deserialised by the same serde code as the
//! pre-parsed embedded lesson. A second copy of that code for another
//! deserialiser (the TOML one, or JSON's) cost about as much binary as the
//! TOML parser itself (docs/performance.md). Only called after validation,
//! which has already reported every problem with its line and column.

use super::packed::Writer;
use toml::de::{DeTable, DeValue};

/// `table` in the packed form: its shape and its text.
pub(super) fn table(table: &DeTable<'_>) -> (Vec<u8>, String) {
    let mut out = Writer {
        shape: Vec::with_capacity(4 * 1024),
        text: String::with_capacity(64 * 1024),
    };
    write_table(table, &mut out);
    (out.shape, out.text)
}

fn write_table(table: &DeTable<'_>, out: &mut Writer) {
    out.map(table.len());
    for (k, v) in table {
        out.key(k.get_ref());
        write_value(v.get_ref(), out);
    }
}

fn write_value(v: &DeValue<'_>, out: &mut Writer) {
    match v {
        DeValue::String(s) => out.str(s),
        DeValue::Integer(i) => match i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()) {
            Ok(n) => out.int(n),
            // Too large for any field of the model: let serde say so.
            Err(_) => out.str(i.as_str()),
        },
        DeValue::Float(f) => match f.as_str().replace('_', "").parse::<f64>() {
            Ok(x) if x.is_finite() => out.float(x),
            _ => out.null(),
        },
        DeValue::Boolean(b) => out.bool(*b),
        DeValue::Datetime(d) => out.str(&d.to_string()),
        DeValue::Array(a) => {
            out.seq(a.len());
            for v in a {
                write_value(v.get_ref(), out);
            }
        }
        DeValue::Table(t) => write_table(t, out),
    }
}

#[cfg(test)]
mod tests {
    use super::table;
    use crate::lesson::packed::from_parts;
    use toml::de::DeTable;

    fn json(toml: &str) -> serde_json::Value {
        let root = DeTable::parse(toml).unwrap();
        let (shape, text) = table(root.get_ref());
        from_parts(&shape, &text).unwrap()
    }

    #[test]
    fn every_kind_of_value_comes_through() {
        let v = json(
            "a = \"q\\\"b\\\\s\\n\\t\\u0001é\"\nb = 0x1F\nc = 1_000\nd = -3\ne = 1.5\nf = true\n\
             g = [1, \"x\", [false]]\n[h]\ni = 2\n[[j]]\nk = 'lit'\n[[j]]\nk = \"\"\"\nmulti\nline\"\"\"\n\
             l = 99999999999999999999\nm = inf\nn = 1979-05-27\n",
        );
        assert_eq!(v["a"], "q\"b\\s\n\t\u{1}é");
        assert_eq!(v["b"], 31);
        assert_eq!(v["c"], 1000);
        assert_eq!(v["d"], -3);
        assert_eq!(v["e"], 1.5);
        assert_eq!(v["f"], true);
        assert_eq!(v["g"], serde_json::json!([1, "x", [false]]));
        assert_eq!(v["h"]["i"], 2);
        assert_eq!(v["j"][0]["k"], "lit");
        assert_eq!(v["j"][1]["k"], "multi\nline");
        assert_eq!(v["j"][1]["l"], "99999999999999999999");
        assert_eq!(v["j"][1]["m"], serde_json::Value::Null);
        assert_eq!(v["j"][1]["n"], "1979-05-27");
    }

    #[test]
    fn the_shipped_lesson_reads_the_same_both_ways() {
        let source = crate::lesson::EMBEDDED_SOURCE.replace("\r\n", "\n");
        let root = DeTable::parse(&source).unwrap();
        let (shape, text) = table(root.get_ref());
        let packed: crate::lesson::Lesson = from_parts(&shape, &text).unwrap();
        let direct: crate::lesson::Lesson = toml::from_str(&source).unwrap();
        assert_eq!(packed, direct);
    }
}

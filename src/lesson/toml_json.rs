//! A parsed TOML document written out as JSON, so a lesson file read from
//! disk is deserialised by the same serde code as the pre-parsed embedded
//! lesson (`serde_json` on a string). A second copy of that code for the TOML
//! deserialiser cost about as much binary as the parser itself. Only called
//! after validation, which has already reported every problem with its
//! line and column.

use toml::de::{DeTable, DeValue};

/// `table` as compact JSON.
pub(super) fn table(table: &DeTable<'_>) -> String {
    let mut out = String::with_capacity(64 * 1024);
    write_table(table, &mut out);
    out
}

fn write_table(table: &DeTable<'_>, out: &mut String) {
    out.push('{');
    for (i, (k, v)) in table.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_str(k.get_ref(), out);
        out.push(':');
        write_value(v.get_ref(), out);
    }
    out.push('}');
}

fn write_value(v: &DeValue<'_>, out: &mut String) {
    use std::fmt::Write;
    match v {
        DeValue::String(s) => write_str(s, out),
        DeValue::Integer(i) => match i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()) {
            Ok(n) => {
                let _ = write!(out, "{n}");
            }
            // Too large for any field of the model: let serde say so.
            Err(_) => write_str(i.as_str(), out),
        },
        DeValue::Float(f) => match f.as_str().replace('_', "").parse::<f64>() {
            Ok(x) if x.is_finite() => {
                let _ = write!(out, "{x:?}");
            }
            _ => out.push_str("null"),
        },
        DeValue::Boolean(b) => out.push_str(if *b { "true" } else { "false" }),
        DeValue::Datetime(d) => write_str(&d.to_string(), out),
        DeValue::Array(a) => {
            out.push('[');
            for (i, v) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(v.get_ref(), out);
            }
            out.push(']');
        }
        DeValue::Table(t) => write_table(t, out),
    }
}

/// A JSON string literal: quotes, backslashes and control characters escaped.
fn write_str(s: &str, out: &mut String) {
    use std::fmt::Write;
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::table;
    use toml::de::DeTable;

    fn json(toml: &str) -> serde_json::Value {
        let root = DeTable::parse(toml).unwrap();
        serde_json::from_str(&table(root.get_ref())).unwrap()
    }

    #[test]
    fn every_kind_of_value_comes_through() {
        let v = json(
            "a = \"q\\\"b\\\\s\\n\\t\\u0001é\"\nb = 0x1F\nc = 1_000\nd = -3\ne = 1.5\nf = true\n\
             g = [1, \"x\", [false]]\n[h]\ni = 2\n[[j]]\nk = 'lit'\n[[j]]\nk = \"\"\"\nmulti\nline\"\"\"\n",
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
    }

    #[test]
    fn the_shipped_lesson_reads_the_same_both_ways() {
        let source = crate::lesson::EMBEDDED_SOURCE.replace("\r\n", "\n");
        let root = DeTable::parse(&source).unwrap();
        let via_json: crate::lesson::Lesson = serde_json::from_str(&table(root.get_ref())).unwrap();
        let direct: crate::lesson::Lesson = toml::from_str(&source).unwrap();
        assert_eq!(via_json, direct);
    }
}

//! The JSON Lines evaluation contract.
//!
//! Input lines: `{"id", "lang", "text", "dct"}` (`dct` an ISO date or null; other fields are
//! ignored). Output: one line per input line,
//! `{"id", "persons": [{"text","start","end","key"}], "dates": [{"text","start","end","value"}]}`
//! with `value` null when a date has no value. A bad line gives an output line with the same
//! id when one can be read (else none) and a message on stderr naming the line number; the
//! run never aborts on bad input.

use serde_json::{Value, json};
use std::io::{BufRead, Write};

/// Counts of one run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Lines read (non-empty).
    pub lines: usize,
    /// Lines that could not be processed fully.
    pub bad: usize,
    /// Person mentions written.
    pub persons: usize,
    /// Date mentions written.
    pub dates: usize,
}

/// Read JSON lines from `input`, write one prediction line per document to `output`.
pub fn run(input: impl BufRead, mut output: impl Write) -> std::io::Result<Stats> {
    let mut stats = Stats::default();
    for (n, line) in input.lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                eprintln!("line {}: not UTF-8: {e}", n + 1);
                stats.bad += 1;
                continue;
            }
            Err(e) => return Err(e),
        };
        if line.trim().is_empty() {
            continue;
        }
        stats.lines += 1;
        let v: Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("line {}: invalid JSON: {e}", n + 1);
                stats.bad += 1;
                continue;
            }
        };
        let id = v.get("id").cloned().unwrap_or(Value::Null);
        if id.is_null() {
            eprintln!("line {}: no id", n + 1);
            stats.bad += 1;
            continue;
        }
        let Some(text) = v.get("text").and_then(Value::as_str) else {
            eprintln!("line {}: no text", n + 1);
            stats.bad += 1;
            writeln!(output, "{}", json!({"id": id, "persons": [], "dates": []}))?;
            continue;
        };
        let lang = v.get("lang").and_then(Value::as_str).unwrap_or("");
        let dct = match v.get("dct") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => match s.get(..10).unwrap_or(s).parse::<jiff::civil::Date>() {
                Ok(d) => Some(d),
                Err(e) => {
                    eprintln!("line {}: bad dct {s:?}: {e}", n + 1);
                    stats.bad += 1;
                    None
                }
            },
            Some(other) => {
                eprintln!("line {}: bad dct {other}", n + 1);
                stats.bad += 1;
                None
            }
        };
        let x = crate::extract(text, lang, dct);
        stats.persons += x.persons.len();
        stats.dates += x.dates.len();
        let persons: Vec<Value> = x
            .persons
            .iter()
            .map(|p| json!({"text": p.text, "start": p.start, "end": p.end, "key": p.key}))
            .collect();
        let dates: Vec<Value> = x
            .dates
            .iter()
            .map(|d| {
                let value = if d.value.is_empty() { Value::Null } else { Value::String(d.value.clone()) };
                json!({"text": d.text, "start": d.start, "end": d.end, "value": value})
            })
            .collect();
        writeln!(output, "{}", json!({"id": id, "persons": persons, "dates": dates}))?;
    }
    output.flush()?;
    Ok(stats)
}

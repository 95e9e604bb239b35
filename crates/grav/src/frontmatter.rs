//! Front matter: splitting the `---` YAML header from the Markdown body, and reading the YAML
//! as leniently as Grav does.
//!
//! # Splitting
//!
//! Grav (`MarkdownFile::decode`) normalises line ends to `\n`, trims leading whitespace and
//! matches `^---\n(.+?)\n---\n*(.*)$`: the header is everything up to the first line starting
//! with `---`. Without a closing fence the regex does not match and **the whole file is
//! content** (the `---` line and the would-be keys then show up as text); we do the same, so
//! such a page has no header at all. Unlike Grav we also accept `---` with trailing spaces,
//! an empty header (`---` directly followed by `---`), and a UTF-8 byte-order mark (the caller
//! strips it, together with CRLF line ends, before splitting).
//!
//! # Lenient YAML
//!
//! Grav parses the header with Symfony YAML and, when that fails, with an older, laxer parser.
//! The laxer parser accepts what strict YAML 1.2 (and so `serde_norway`) rejects. We first turn
//! leading tabs into four spaces (as Grav does), try `serde_norway`, and on failure repair the
//! header line by line, without changing the number of lines, and try again:
//!
//! - plain values starting with a reserved indicator (`items: @self.children`, `` ` ``, `%`),
//!   containing `: ` (`title: Batman: Arkham Asylum`), or starting like a flow collection,
//!   alias or block scalar but not being one (`title: [Draft] news`, `title: *New* site`) are
//!   single-quoted;
//! - keys starting with `@` (`@taxonomy:`) are quoted;
//! - single- or double-quoted values holding an unescaped quote of their own kind
//!   (`title: 'Don't panic'`) are re-quoted.
//!
//! Lines inside block scalars (`|`, `>`) are left alone. If the repaired header still does not
//! parse, the error names the line in the *file* (the fence offset added).

use serde_norway::{Mapping, Value};

/// A page file cut into header and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Split<'a> {
    /// The YAML header text, `None` when the file has no (closed) front matter.
    pub yaml: Option<&'a str>,
    /// 1-based line of the file on which the YAML text starts.
    pub yaml_line: usize,
    /// The Markdown body.
    pub body: &'a str,
}

/// Cuts `text` (with `\n` line ends, BOM removed) into header and body.
pub(crate) fn split(text: &str) -> Split<'_> {
    let no_header = Split { yaml: None, yaml_line: 1, body: text };
    // Grav's ltrim(): spaces, tabs, newlines, NUL and vertical tab.
    let trimmed = text.trim_start_matches([' ', '\t', '\n', '\r', '\0', '\x0B']);
    let skipped_lines = text[..text.len() - trimmed.len()].matches('\n').count();
    let Some((first, rest)) = trimmed.split_once('\n') else {
        return no_header;
    };
    if first.trim_end() != "---" {
        return no_header;
    }
    // Find the closing fence: the first line starting with `---` and nothing else but spaces.
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let content = line.strip_suffix('\n').unwrap_or(line);
        if content.starts_with("---") && content[3..].trim().is_empty() {
            let yaml = &rest[..offset];
            let yaml = yaml.strip_suffix('\n').unwrap_or(yaml);
            let body = &rest[offset + line.len()..];
            return Split { yaml: Some(yaml), yaml_line: skipped_lines + 2, body };
        }
        offset += line.len();
    }
    no_header
}

/// Why a header could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YamlError {
    /// 1-based line in the file, when known.
    pub line: Option<usize>,
    /// What the YAML parser said.
    pub message: String,
}

/// A parsed header.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Header {
    /// The top-level mapping (empty for an empty header or a header that is not a mapping).
    pub map: Mapping,
    /// Lines (1-based, in the file) that had to be repaired before the header parsed.
    pub repaired_lines: Vec<usize>,
}

/// Parses a header leniently. `first_line` is the 1-based file line of the YAML's first line.
pub(crate) fn parse_header(yaml: &str, first_line: usize) -> Result<Header, YamlError> {
    // The YAML parser refuses nesting deeper than its recursion limit anyway, but only
    // after time quadratic in the nesting: refuse it first.
    if let Some(line) = too_deep(yaml) {
        return Err(YamlError {
            line: Some(line + first_line),
            message: format!("front matter is not valid YAML: collections nested more than {MAX_DEPTH} deep"),
        });
    }
    let detabbed = detab(yaml);
    let first_error = match serde_norway::from_str::<Value>(&detabbed) {
        Ok(v) => return Ok(Header { map: into_mapping(v), repaired_lines: Vec::new() }),
        Err(e) => e,
    };
    let (repaired, lines) = repair(&detabbed);
    if !lines.is_empty() {
        match serde_norway::from_str::<Value>(&repaired) {
            Ok(v) => {
                let repaired_lines = lines.iter().map(|l| l + first_line).collect();
                return Ok(Header { map: into_mapping(v), repaired_lines });
            }
            Err(e) => return Err(yaml_error(&e, first_line)),
        }
    }
    Err(yaml_error(&first_error, first_line))
}

/// Deepest nesting of flow collections (`{`, `[`) a header may have: the YAML parser's own
/// recursion limit.
const MAX_DEPTH: usize = 128;

/// The 0-based line where flow collections nest deeper than [`MAX_DEPTH`], if they do
/// (brackets inside quoted strings count too: no real header has a hundred of them).
fn too_deep(yaml: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut line = 0;
    for b in yaml.bytes() {
        match b {
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(line);
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            b'\n' => line += 1,
            _ => {}
        }
    }
    None
}

/// Parses a configuration file leniently (same repairs as page headers).
pub(crate) fn parse_config(yaml: &str) -> Option<Mapping> {
    parse_header(yaml, 1).ok().map(|h| h.map)
}

fn into_mapping(v: Value) -> Mapping {
    match v {
        Value::Mapping(m) => m,
        Value::Tagged(t) => into_mapping(t.value),
        _ => Mapping::new(),
    }
}

fn yaml_error(e: &serde_norway::Error, first_line: usize) -> YamlError {
    let line = e.location().map(|l| l.line().max(1) + first_line - 1);
    // serde_norway appends " at line X column Y" to its messages; our line is in the file.
    let mut message = e.to_string();
    if let Some(pos) = message.find(" at line ") {
        message.truncate(pos);
    }
    YamlError { line, message: format!("front matter is not valid YAML: {message}") }
}

/// Leading tabs become four spaces each, as Grav does before parsing.
fn detab(yaml: &str) -> String {
    let mut out = String::with_capacity(yaml.len() + 16);
    for line in yaml.split_inclusive('\n') {
        let rest = line.trim_start_matches([' ', '\t']);
        let lead = &line[..line.len() - rest.len()];
        for c in lead.chars() {
            out.push_str(if c == '\t' { "    " } else { " " });
        }
        out.push_str(rest);
    }
    out
}

/// Repairs what Grav's lax YAML parser accepts; returns the new text and the 0-based indexes
/// of the lines changed. The number of lines never changes.
fn repair(yaml: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(yaml.len() + 64);
    let mut changed = Vec::new();
    // Indentation of the key that opened a block scalar, while inside it.
    let mut block_indent: Option<usize> = None;
    // Indentation of a duplicate key being dropped, while inside its value.
    let mut dropping: Option<usize> = None;
    // Keys seen per mapping, innermost last: (indentation, keys).
    let mut seen: Vec<(usize, Vec<String>)> = Vec::new();
    for (i, line) in yaml.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(di) = dropping {
            if line.trim().is_empty() || indent > di {
                changed.push(i);
                continue;
            }
            dropping = None;
        }
        if let Some(bi) = block_indent {
            if line.trim().is_empty() || indent > bi {
                out.push_str(line);
                continue;
            }
            block_indent = None;
        }
        // A key met twice in one mapping: the first one wins, as in Grav's lax parser, and
        // the later one is dropped with its value.
        if let Some(key) = plain_key(line) {
            while seen.last().is_some_and(|(ind, _)| *ind > indent) {
                seen.pop();
            }
            match seen.last_mut() {
                Some((ind, keys)) if *ind == indent => {
                    if keys.contains(&key) {
                        dropping = Some(indent);
                        changed.push(i);
                        continue;
                    }
                    keys.push(key);
                }
                _ => seen.push((indent, vec![key])),
            }
        } else if line.trim_start().starts_with('-') {
            // A sequence item starts new mappings below it.
            while seen.last().is_some_and(|(ind, _)| *ind >= indent) {
                seen.pop();
            }
        }
        let (fixed, opens_block) = repair_line(line);
        if opens_block {
            block_indent = Some(indent);
        }
        match fixed {
            Some(f) => {
                out.push_str(&f);
                changed.push(i);
            }
            None => out.push_str(line),
        }
    }
    (out, changed)
}

/// Repairs one line. Returns the repaired line (if anything changed) and whether the line
/// opens a block scalar (`key: |`).
fn repair_line(line: &str) -> (Option<String>, bool) {
    let trimmed = line.trim_start_matches(' ');
    if trimmed.is_empty() || trimmed.starts_with('#') {
        return (None, false);
    }
    let indent = &line[..line.len() - trimmed.len()];
    // Sequence markers: `- `, possibly nested (`- - `).
    let mut rest = trimmed;
    loop {
        if let Some(r) = rest.strip_prefix("- ") {
            rest = r.trim_start_matches(' ');
        } else if rest == "-" {
            rest = "";
        } else {
            break;
        }
    }
    let markers = &trimmed[..trimmed.len() - rest.len()];
    if rest.is_empty() {
        return (None, false);
    }
    let mut changed = false;
    let (key_part, value) = match split_key(rest) {
        Some((key, value)) => {
            let key_text = if key.starts_with('@') || key.starts_with('`') || key.starts_with('%') {
                changed = true;
                quote(key)
            } else {
                key.to_owned()
            };
            (Some(key_text), value)
        }
        None => (None, rest),
    };
    let value_trimmed = value.trim();
    let opens_block = is_block_header(value_trimmed);
    let new_value = if value_trimmed.is_empty() || opens_block { None } else { repair_value(value_trimmed) };
    if new_value.is_some() {
        changed = true;
    }
    if !changed {
        return (None, opens_block);
    }
    let mut out = String::with_capacity(line.len() + 8);
    out.push_str(indent);
    out.push_str(markers);
    let value_out = new_value.unwrap_or_else(|| value_trimmed.to_owned());
    match key_part {
        Some(k) => {
            out.push_str(&k);
            out.push(':');
            if !value_out.is_empty() {
                out.push(' ');
                out.push_str(&value_out);
            }
        }
        None => out.push_str(&value_out),
    }
    (Some(out), opens_block)
}

/// The key of a `key: value` line (no sequence marker), unquoted.
fn plain_key(line: &str) -> Option<String> {
    let t = line.trim_start_matches(' ');
    if t.starts_with('#') || t.starts_with('-') {
        return None;
    }
    let (key, _) = split_key(t)?;
    Some(key.trim_matches(['\'', '"']).to_owned())
}

/// Splits `key: value` (or `key:` at the end of the line). Quoted keys are recognised.
fn split_key(s: &str) -> Option<(&str, &str)> {
    let bytes = s.as_bytes();
    let start = match bytes.first()? {
        b'\'' | b'"' => {
            let q = bytes[0];
            let close = s[1..].find(q as char)? + 1;
            close + 1
        }
        b'[' | b'{' | b'|' | b'>' | b'*' | b'&' | b'!' => return None,
        _ => 0,
    };
    let mut search = start;
    while let Some(pos) = s[search..].find(':') {
        let at = search + pos;
        let after = &s[at + 1..];
        if after.is_empty() || after.starts_with(' ') || after.starts_with('\t') {
            let key = s[..at].trim_end();
            if key.is_empty() {
                return None;
            }
            return Some((key, after));
        }
        search = at + 1;
    }
    None
}

/// `|`, `>-`, `|+2 # comment`, ...
fn is_block_header(v: &str) -> bool {
    let v = v.split(" #").next().unwrap_or(v).trim();
    let Some(rest) = v.strip_prefix('|').or_else(|| v.strip_prefix('>')) else {
        return false;
    };
    rest.chars().all(|c| c == '-' || c == '+' || c.is_ascii_digit())
}

/// The quoted form of a value that strict YAML rejects, or `None` if it looks fine.
fn repair_value(v: &str) -> Option<String> {
    let first = v.chars().next()?;
    match first {
        '\'' | '"' => {
            // A quoted scalar: fine if the closing quote ends the value (comments aside).
            if quoted_ok(v, first) {
                return None;
            }
            // Re-quote only a value that starts and ends with the same quote.
            let inner = v.strip_prefix(first)?.strip_suffix(first)?;
            Some(quote(inner))
        }
        '@' | '`' | '%' => Some(quote(v)),
        '[' | '{' => {
            let close = if first == '[' { ']' } else { '}' };
            if v.ends_with(close) && balanced(v) { None } else { Some(quote(v)) }
        }
        '*' => {
            // An alias is `*name` alone; `*New* site` is emphasis written by a person.
            if v[1..].chars().all(|c| !c.is_whitespace() && c != '*') { None } else { Some(quote(v)) }
        }
        '&' | '!' => None,
        '|' | '>' => Some(quote(v)),
        _ => {
            // A plain scalar: `: ` inside (or a trailing `:`) is not allowed in strict YAML.
            let content = strip_comment(v);
            if content.contains(": ") || content.ends_with(':') || content.contains(":\t") {
                Some(quote(v))
            } else {
                None
            }
        }
    }
}

/// A plain scalar's text before a ` #` comment.
fn strip_comment(v: &str) -> &str {
    match v.find(" #") {
        Some(p) => &v[..p],
        None => v,
    }
}

/// Whether `v`, starting with `q`, is one properly closed quoted scalar (a comment may follow).
fn quoted_ok(v: &str, q: char) -> bool {
    let mut chars = v.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        if q == '"' && c == '\\' {
            chars.next();
            continue;
        }
        if c == q {
            if q == '\'' && chars.peek().map(|&(_, n)| n) == Some('\'') {
                chars.next();
                continue;
            }
            let after = v[i + c.len_utf8()..].trim();
            return after.is_empty() || after.starts_with('#');
        }
    }
    // Not closed on this line: a multi-line scalar, leave it to the parser.
    true
}

fn balanced(v: &str) -> bool {
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    for c in v.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '[' | '{' => depth += 1,
                ']' | '}' => {
                    depth -= 1;
                    if depth < 0 {
                        return false;
                    }
                }
                '\'' | '"' => quote = Some(c),
                _ => {}
            },
        }
    }
    depth == 0 && quote.is_none()
}

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// 1-based file line of the top-level `key:` in a header starting at `first_line`.
pub(crate) fn key_line(yaml: &str, key: &str, first_line: usize) -> Option<usize> {
    yaml.split('\n')
        .position(|l| {
            let l = l.trim_end();
            let rest = l
                .strip_prefix(key)
                .or_else(|| l.strip_prefix(&format!("'{key}'")))
                .or_else(|| l.strip_prefix(&format!("\"{key}\"")));
            rest.is_some_and(|r| r.trim_start().starts_with(':'))
        })
        .map(|i| i + first_line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_split(input: &str, yaml: Option<&str>, yaml_line: usize, body: &str) {
        let s = split(input);
        assert_eq!(s.yaml, yaml, "yaml of {input:?}");
        if yaml.is_some() {
            assert_eq!(s.yaml_line, yaml_line, "yaml line of {input:?}");
        }
        assert_eq!(s.body, body, "body of {input:?}");
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let deep = format!("title: x\ntags: {}1{}\n", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        let err = parse_header(&deep, 2).map(|h| h.map).expect_err("too deep");
        assert_eq!(err.line, Some(3));
        assert!(err.message.contains("nested more than 128"), "{}", err.message);
        let fine = format!("tags: {}1{}\n", "[".repeat(10), "]".repeat(10));
        assert!(parse_header(&fine, 2).is_ok());
    }

    #[test]
    fn splits_like_grav() {
        check_split("---\ntitle: A\n---\nBody\n", Some("title: A"), 2, "Body\n");
        check_split("---\ntitle: A\n---\n", Some("title: A"), 2, "");
        check_split("---\ntitle: A\n---", Some("title: A"), 2, "");
        check_split("\n\n---\ntitle: A\nb: c\n---\n\nBody", Some("title: A\nb: c"), 4, "\nBody");
        check_split("---   \ntitle: A\n---  \nBody", Some("title: A"), 2, "Body");
        // Empty header.
        check_split("---\n---\nBody", Some(""), 2, "Body");
        // No header.
        check_split("Just text\n", None, 1, "Just text\n");
        check_split("", None, 1, "");
        check_split("---", None, 1, "---");
        // No closing fence: the whole file is content, as in Grav.
        check_split("---\ntitle: A\nBody\n", None, 1, "---\ntitle: A\nBody\n");
        // `---` inside the body is content.
        check_split("---\na: 1\n---\nx\n---\ny", Some("a: 1"), 2, "x\n---\ny");
    }

    fn check(yaml: &str, expected: Result<&str, usize>) {
        let got = parse_header(yaml, 2);
        match (got, expected) {
            (Ok(h), Ok(json)) => {
                let got = serde_json_like(&Value::Mapping(h.map));
                assert_eq!(got, json, "for {yaml:?}");
            }
            (Err(e), Err(line)) => assert_eq!(e.line, Some(line), "line for {yaml:?}: {e:?}"),
            (got, want) => panic!("for {yaml:?}: got {got:?}, want {want:?}"),
        }
    }

    /// A compact rendering of YAML values for table tests.
    fn serde_json_like(v: &Value) -> String {
        match v {
            Value::Null => "null".into(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => n.to_string(),
            Value::String(s) => format!("{s:?}"),
            Value::Sequence(s) => {
                format!("[{}]", s.iter().map(serde_json_like).collect::<Vec<_>>().join(","))
            }
            Value::Mapping(m) => format!(
                "{{{}}}",
                m.iter()
                    .map(|(k, v)| format!("{}:{}", serde_json_like(k), serde_json_like(v)))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            Value::Tagged(t) => serde_json_like(&t.value),
        }
    }

    /// How the YAML library resolves plain scalars, pinned so that a change of library (or
    /// of its YAML version) shows up here: YAML 1.1 booleans (`yes`, `off`), timestamps and
    /// sexagesimal numbers stay strings (the page reader interprets `published: yes` and dates
    /// as Grav does), only `true`/`false` are booleans, and a leading zero keeps a string.
    #[test]
    fn yaml_scalars_resolve_as_in_grav() {
        check(
            "published: yes\nvisible: off\nroutable: true\nx: False",
            Ok(r#"{"published":"yes","visible":"off","routable":true,"x":false}"#),
        );
        check(
            "date: 2019-07-22\npublish_date: 2019-07-22 10:00:00\nwhen: 22-07-2019 10:00",
            Ok(r#"{"date":"2019-07-22","publish_date":"2019-07-22 10:00:00","when":"22-07-2019 10:00"}"#),
        );
        check(
            "order: 01\nmode: 0o17\ntime: 1:30\nn: ~",
            Ok(r#"{"order":"01","mode":15,"time":"1:30","n":null}"#),
        );
    }

    #[test]
    fn parses_what_grav_accepts() {
        check("title: A", Ok(r#"{"title":"A"}"#));
        check("", Ok("{}"));
        check("# only a comment", Ok("{}"));
        check("just text", Ok("{}"));
        check("published: 'true'\ntitle: 2019", Ok(r#"{"published":"true","title":2019}"#));
        // `@` values and keys.
        check(
            "content:\n    items: @self.children\n    order:\n        by: date",
            Ok(r#"{"content":{"items":"@self.children","order":{"by":"date"}}}"#),
        );
        check("content:\n  items:\n    - @self.modular", Ok(r#"{"content":{"items":["@self.modular"]}}"#));
        check(
            "content:\n  items:\n    @taxonomy:\n      tag: x",
            Ok(r#"{"content":{"items":{"@taxonomy":{"tag":"x"}}}}"#),
        );
        // Unquoted `: ` inside a value.
        check(
            "title: Batman: Arkham Asylum – Where's Dr. Young's Office?\ndate: 12:29 23-07-2020",
            Ok(
                r#"{"title":"Batman: Arkham Asylum – Where's Dr. Young's Office?","date":"12:29 23-07-2020"}"#,
            ),
        );
        // Tabs in indentation.
        check(
            "taxonomy:\n\tcategory: blog\n\ttag: [a, b]",
            Ok(r#"{"taxonomy":{"category":"blog","tag":["a","b"]}}"#),
        );
        // Quotes inside quotes.
        check("title: 'Don't panic'", Ok(r#"{"title":"Don't panic"}"#));
        check(r#"title: "Say "hi" now""#, Ok(r#"{"title":"Say \"hi\" now"}"#));
        // Flow-looking plain values and emphasis.
        check("title: [Draft] news", Ok(r#"{"title":"[Draft] news"}"#));
        check("title: *New* site", Ok(r#"{"title":"*New* site"}"#));
        // Duplicate keys: the first wins, the later one goes with its value.
        check("a: 1\nb:\n  x: 1\n  x: 2\nc: 3\na:\n  - 9\nd: 4", Ok(r#"{"a":1,"b":{"x":1},"c":3,"d":4}"#));
        check("- a: 1\n- a: 2", Ok("{}"));
        check("list:\n  - a: 1\n  - a: 2\nlist: x", Ok(r#"{"list":[{"a":1},{"a":2}]}"#));
        // Block scalars are left alone.
        check(
            "summary: |\n  a: b: c\n  @x\ntitle: T: U",
            Ok(r#"{"summary":"a: b: c\n@x\n","title":"T: U"}"#),
        );
        // URLs keep their colons.
        check("link: http://example.com/a", Ok(r#"{"link":"http://example.com/a"}"#));
    }

    #[test]
    fn reports_file_lines() {
        // Header starts on file line 2; the broken line is the third YAML line → file line 4.
        check("title: A\ntaxonomy:\n  tag: a\n bad: x", Err(5));
        // An unbalanced flow value is taken as text, as a person meant it.
        check("tag: [a, b", Ok(r#"{"tag":"[a, b"}"#));
        check("a: 1\n b: 2\nc: 3", Err(3));
        check("title: A\n- x\n", Err(3));
    }

    #[test]
    fn finds_key_lines() {
        assert_eq!(key_line("title: A\npublish_date: x", "publish_date", 2), Some(3));
        assert_eq!(key_line("title: A\n  publish_date: x", "publish_date", 2), None);
        assert_eq!(key_line("'date' : x", "date", 5), Some(5));
    }

    // The property is that every input returns (any result) and nothing panics.
    proptest::proptest! {
        #[test]
        fn split_never_panics(s in "\\PC*") {
            let sp = split(&s);
            if let Some(y) = sp.yaml {
                let _ = parse_header(y, sp.yaml_line);
            }
        }

        #[test]
        fn split_never_panics_on_fenced(s in "(---\n)?[a-z@:\\[\\]{}'\" \t\n*&|>-]{0,80}(\n---\n)?[a-z\n]{0,10}") {
            let sp = split(&s);
            if let Some(y) = sp.yaml {
                let _ = parse_header(y, sp.yaml_line);
            }
            let _ = repair(&s);
        }
    }
}

//! HTML text: escaping, and snippets with their matches in `<mark>`.

use annals_engine::Snippet;

/// Escapes text for HTML element content and attribute values; collapses runs of
/// whitespace to one space and drops control characters.
pub fn escape_into(text: &str, out: &mut String) {
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// `text`, escaped for HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text, &mut out);
    out
}

/// The snippet as HTML: escaped text, the words that matched in `<mark>`.
pub fn snippet(s: &Snippet) -> String {
    let mut out = String::with_capacity(s.text.len() + 16 * s.highlights.len());
    for (piece, hit) in s.pieces() {
        if hit {
            out.push_str("<mark>");
            escape_into(piece, &mut out);
            out.push_str("</mark>");
        } else {
            escape_into(piece, &mut out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_escape_text_and_mark_matches() {
        let s = Snippet { text: "a <b> & donor's day".into(), highlights: vec![(8, 15)] };
        assert_eq!(snippet(&s), "a &lt;b&gt; &amp; <mark>donor&#39;s</mark> day");
        assert_eq!(snippet(&Snippet::default()), "");
    }
}

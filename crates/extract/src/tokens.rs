//! Tokens: words, numbers and punctuation with their char offsets.
//!
//! One pass over the text, no allocation beyond the token vector and each word's folded
//! lowercase form. A word is a run of letters (with combining marks) that may hold an inner
//! hyphen or apostrophe followed by another letter ("Қасым-Жомарт", "O'Neill"); a number is a
//! run of ASCII digits; every other non-space char is a one-char punctuation token. Offsets are
//! in Unicode scalar values (chars), as the public API requires.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (with inner hyphens or apostrophes).
    Word,
    /// ASCII digits.
    Number,
    /// One other non-space char.
    Punct,
}

/// One token of the text.
#[derive(Debug, Clone)]
pub struct Token<'a> {
    /// The token as written.
    pub text: &'a str,
    /// Lowercase form with `ё` → `е` (words only; empty for numbers and punctuation).
    pub lower: String,
    /// Start offset in chars.
    pub start: usize,
    /// Start offset in bytes.
    pub byte: usize,
    /// End offset (exclusive) in chars.
    pub end: usize,
    /// What the token is made of.
    pub kind: Kind,
    /// Whitespace between this token and the previous one.
    pub space_before: bool,
    /// A line break between this token and the previous one.
    pub newline_before: bool,
    /// First token of a sentence (text start, after `.`, `!`, `?`, `…` or a line break,
    /// skipping opening quotes, dashes and bullets).
    pub sent_start: bool,
}

impl Token<'_> {
    /// The token is a word starting with an uppercase letter.
    pub fn is_cap(&self) -> bool {
        self.kind == Kind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The token is a word of two or more letters, all uppercase.
    pub fn is_all_caps(&self) -> bool {
        self.kind == Kind::Word
            && self.text.chars().next().is_some_and(char::is_uppercase)
            && self.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !self.text.chars().any(char::is_lowercase)
    }

    /// The token is a word starting with a lowercase letter.
    pub fn is_lower(&self) -> bool {
        self.kind == Kind::Word && self.text.chars().next().is_some_and(char::is_lowercase)
    }

    /// The token is the punctuation char `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(c)
    }

    /// The token is a word in Latin script.
    pub fn latin_like(&self) -> bool {
        self.kind == Kind::Word && self.text.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
    }

    /// Number of chars.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for a zero-length token (never produced by [`tokenize`]).
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// Numeric value of a number token (None for other kinds or overflow).
    pub fn number(&self) -> Option<u32> {
        if self.kind == Kind::Number && self.text.len() <= 9 { self.text.parse().ok() } else { None }
    }
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    // Cyrillic letters without the slow Unicode table lookup
    if matches!(c as u32, 0x0400..=0x0481 | 0x048A..=0x04FF) {
        return true;
    }
    c.is_alphabetic() || is_mark(c)
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489)
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '‑')
}

/// Lowercase a word, mapping `ё` to `е`.
pub fn lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'ё' | 'Ё' => out.push('е'),
            '’' => out.push('\''),
            '‑' => out.push('-'),
            _ => push_lower(&mut out, c),
        }
    }
    out
}

/// Push the lowercase of `c`, with fast paths for ASCII and Cyrillic (incl. Kazakh letters).
pub fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let u = c as u32;
    let l = match u {
        0x0410..=0x042F => Some(u + 0x20),
        0x0400..=0x040F => Some(u + 0x50),
        0x0430..=0x045F => Some(u),
        0x0460..=0x0481 | 0x048A..=0x04BF | 0x04D0..=0x04FF => Some(u | 1),
        0x04C1..=0x04CE => Some(if u % 2 == 1 { u + 1 } else { u }),
        0x04C0 => Some(0x04CF),
        _ => None,
    };
    match l.and_then(char::from_u32) {
        Some(l) => out.push(l),
        None => out.extend(c.to_lowercase()),
    }
}

/// Split `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out: Vec<Token<'_>> = Vec::with_capacity(text.len() / 5 + 1);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let byte_at = |i: usize| if i < n { chars[i].0 } else { text.len() };
    let mut i = 0;
    let mut space = false;
    let mut newline = false;
    let mut sent = true;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
            space = true;
            if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
                newline = true;
                sent = true;
            }
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() {
            while i < n && chars[i].1.is_ascii_digit() {
                i += 1;
            }
            kind = Kind::Number;
        } else if is_word_char(c) {
            i += 1;
            loop {
                while i < n && is_word_char(chars[i].1) {
                    i += 1;
                }
                // English possessive "'s" stays apart: "Iraq's" → "Iraq", "'", "s"
                let possessive = i < n
                    && matches!(chars[i].1, '\'' | '’')
                    && chars.get(i + 1).is_some_and(|c| c.1 == 's' || c.1 == 'S')
                    && !chars.get(i + 2).is_some_and(|c| c.1.is_alphabetic());
                if i + 1 < n && is_joiner(chars[i].1) && chars[i + 1].1.is_alphabetic() && !possessive {
                    i += 2;
                    continue;
                }
                break;
            }
            kind = Kind::Word;
        } else {
            i += 1;
            kind = Kind::Punct;
        }
        let s = &text[byte_at(start)..byte_at(i)];
        let lower_s = if kind == Kind::Word { lower(s) } else { String::new() };
        out.push(Token {
            text: s,
            lower: lower_s,
            start,
            byte: byte_at(start),
            end: i,
            kind,
            space_before: space,
            newline_before: newline,
            sent_start: sent,
        });
        space = false;
        newline = false;
        if kind == Kind::Punct {
            match c {
                '.' | '!' | '?' | '…' | ';' => sent = true,
                '"' | '«' | '“' | '„' | '(' | '[' | '-' | '—' | '–' | '*' | '•' | '\'' | ':' => {}
                // emoji and pictographs, and their joiners and variation selectors, mark
                // list items in posts ("✔️ Аспирин", "📌 Құжаттарды")
                _ if is_pictograph(c) => sent = true,
                '\u{fe0f}' | '\u{fe0e}' | '\u{200d}' | '\u{20e3}' => {}
                _ => sent = false,
            }
        } else {
            sent = false;
        }
    }
    // A '.' after a lone capital letter (an initial) or a common abbreviation does not
    // end a sentence.
    for k in 1..out.len() {
        if out[k].sent_start && !out[k].newline_before && k >= 2 && out[k - 1].is_punct('.') {
            let prev = &out[k - 2];
            if prev.kind == Kind::Word
                && (!prev.newline_before || !out[k].space_before)
                && (is_initial(prev.text) || is_abbrev(&prev.lower))
            {
                out[k].sent_start = false;
            }
        }
    }
    out
}

/// A word that can be an initial before a dot: one capital letter, or a Latin digraph that
/// spells one Cyrillic letter ("Zh." for "Ж.", "Yu." for "Ю.").
pub fn is_initial(w: &str) -> bool {
    let mut cs = w.chars();
    match (cs.next(), cs.next(), cs.next()) {
        (Some(a), None, _) => a.is_uppercase(),
        (Some(_), Some(_), None) => {
            matches!(w, "Zh" | "Sh" | "Ch" | "Kh" | "Ts" | "Yu" | "Ya" | "Ye" | "Yo" | "Dzh")
        }
        _ => w == "Dzh" || w == "Shch",
    }
}

/// Emoji, dingbats, arrows and other pictographs (not letters, digits or punctuation).
fn is_pictograph(c: char) -> bool {
    matches!(c as u32, 0x2190..=0x21FF | 0x2300..=0x23FF | 0x25A0..=0x27BF | 0x2900..=0x297F
        | 0x2B00..=0x2BFF | 0x1F000..=0x1FAFF)
}

fn is_abbrev(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "prof"
            | "st"
            | "gen"
            | "col"
            | "lt"
            | "sgt"
            | "gov"
            | "sen"
            | "rep"
            | "rev"
            | "jr"
            | "sr"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "vs"
            | "no"
            | "г"
            | "гг"
            | "им"
            | "проф"
            | "акад"
            | "ул"
            | "т"
            | "д"
            | "н"
            | "е"
            | "т.е"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<(String, usize, usize)> {
        tokenize(s).into_iter().map(|t| (t.text.to_string(), t.start, t.end)).collect()
    }

    #[test]
    fn splits_words_numbers_punct() {
        let w = words("Қасым-Жомарт Тоқаев, 20.07.2019");
        assert_eq!(w[0], ("Қасым-Жомарт".to_string(), 0, 12));
        assert_eq!(w[1], ("Тоқаев".to_string(), 13, 19));
        assert_eq!(w[2].0, ",");
        assert_eq!(w[3], ("20".to_string(), 21, 23));
        assert_eq!(w.len(), 8);
    }

    #[test]
    fn sentence_starts() {
        let t = tokenize("Он сказал. И. А. Пивоварова пришла.\nВчера");
        let starts: Vec<&str> = t.iter().filter(|t| t.sent_start).map(|t| t.text).collect();
        assert_eq!(starts, vec!["Он", "И", "Вчера"]);
    }

    #[test]
    fn lower_folds_yo() {
        assert_eq!(lower("Пётр"), "петр");
        assert_eq!(lower("ҚАЗАҚСТАН ӘСЕЛ ҢҒҮҰҺІӨ Ѓ"), "қазақстан әсел ңғүұһіө ѓ");
    }
}

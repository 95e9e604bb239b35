//! Tokens: words, numbers and punctuation with their char offsets.
//!
//! One pass over the text, no allocation beyond the token vector and one buffer for the
//! lowercase and folded forms of the words. A word is a run of letters (with combining marks) that may hold an inner
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
    pub lower: &'a str,
    /// [`Token::lower`] folded with [`crate::translit::fold_lower`] (Kazakh letters to their
    /// nearest Russian ones); the same as `translit::fold(lower)`.
    pub folded: &'a str,
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
        self.kind == Kind::Word && self.text.chars().next().is_some_and(is_upper)
    }

    /// The token is a word of two or more letters, all uppercase.
    pub fn is_all_caps(&self) -> bool {
        self.kind == Kind::Word
            && self.text.chars().next().is_some_and(is_upper)
            && self.text.chars().filter(|&c| is_alpha(c)).count() >= 2
            && !self.text.chars().any(is_lower)
    }

    /// The token is a word starting with a lowercase letter.
    pub fn is_lower(&self) -> bool {
        self.kind == Kind::Word && self.text.chars().next().is_some_and(is_lower)
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

/// `c.is_uppercase()`, without the table look-up for ASCII and Cyrillic.
#[inline]
pub fn is_upper(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_uppercase(),
        0x0400..=0x042F => true,
        0x0430..=0x045F => false,
        // pairs of capital (even) and small (odd) letters
        0x0460..=0x0481 | 0x048A..=0x04BF | 0x04D0..=0x04FF => (c as u32).is_multiple_of(2),
        _ => c.is_uppercase(),
    }
}

/// `c.is_lowercase()`, without the table look-up for ASCII and Cyrillic.
#[inline]
pub fn is_lower(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_lowercase(),
        0x0400..=0x042F => false,
        0x0430..=0x045F => true,
        0x0460..=0x0481 | 0x048A..=0x04BF | 0x04D0..=0x04FF => c as u32 % 2 == 1,
        _ => c.is_lowercase(),
    }
}

/// `c.is_alphabetic()`, without the table look-up for ASCII and Cyrillic.
#[inline]
pub fn is_alpha(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0x0400..=0x0481 | 0x048A..=0x04FF => true,
        _ => c.is_alphabetic(),
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
#[inline]
pub fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match cyrillic_lower(c) {
        Some(l) => out.push(l),
        None => out.extend(c.to_lowercase()),
    }
}

/// The lowercase of a letter of the Cyrillic block that has one without a table look-up
/// (None for other chars).
#[inline]
pub fn cyrillic_lower(c: char) -> Option<char> {
    let u = c as u32;
    let l = match u {
        0x0410..=0x042F => u + 0x20,
        0x0400..=0x040F => u + 0x50,
        0x0430..=0x045F => u,
        0x0460..=0x0481 | 0x048A..=0x04BF | 0x04D0..=0x04FF => u | 1,
        0x04C1..=0x04CE => {
            if u % 2 == 1 {
                u + 1
            } else {
                u
            }
        }
        0x04C0 => 0x04CF,
        _ => return None,
    };
    char::from_u32(l)
}

/// Where a word's lowercase or folded form lives while the arena is still growing.
#[derive(Clone, Copy)]
enum Loc {
    /// Bytes `[a, b)` of the text itself (the form is the word as written).
    Text(usize, usize),
    /// Bytes `[a, b)` of the arena.
    Arena(usize, usize),
}

/// Split `text` into tokens.
///
/// The lowercase and folded forms of the words are written into `arena` (cleared first), one
/// buffer for the whole text instead of two strings per word; a form that equals the word as
/// written (or the lowercase form) is not copied at all.
pub fn tokenize<'a>(text: &'a str, arena: &'a mut String) -> Vec<Token<'a>> {
    arena.clear();
    // (token, lowercase form, folded form)
    let mut raw: Vec<(Token<'a>, Loc, Loc)> = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let len = text.len();
    let at = |p: usize| -> Option<(char, usize)> {
        if p >= len {
            return None;
        }
        let b = bytes[p];
        if b < 0x80 {
            return Some((b as char, 1));
        }
        text[p..].chars().next().map(|c| (c, c.len_utf8()))
    };
    let (mut pos, mut ci) = (0usize, 0usize);
    let mut space = false;
    let mut newline = false;
    let mut sent = true;
    while let Some((c, clen)) = at(pos) {
        if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
            space = true;
            if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
                newline = true;
                sent = true;
            }
            pos += clen;
            ci += 1;
            continue;
        }
        let (start, byte) = (ci, pos);
        let kind;
        if c.is_ascii_digit() {
            while pos < len && bytes[pos].is_ascii_digit() {
                pos += 1;
                ci += 1;
            }
            kind = Kind::Number;
        } else if is_word_char(c) {
            pos += clen;
            ci += 1;
            loop {
                while let Some((w, wl)) = at(pos)
                    && is_word_char(w)
                {
                    pos += wl;
                    ci += 1;
                }
                // English possessive "'s" stays apart: "Iraq's" → "Iraq", "'", "s"
                if let Some((j, jl)) = at(pos)
                    && is_joiner(j)
                    && let Some((n, nl)) = at(pos + jl)
                    && is_alpha(n)
                {
                    let possessive = matches!(j, '\'' | '’')
                        && (n == 's' || n == 'S')
                        && !at(pos + jl + nl).is_some_and(|c| is_alpha(c.0));
                    if !possessive {
                        pos += jl + nl;
                        ci += 2;
                        continue;
                    }
                }
                break;
            }
            kind = Kind::Word;
        } else {
            pos += clen;
            ci += 1;
            kind = Kind::Punct;
        }
        let s = &text[byte..pos];
        let (lower_loc, folded_loc) = if kind == Kind::Word {
            lower_and_fold(s, byte, arena)
        } else {
            (Loc::Text(0, 0), Loc::Text(0, 0))
        };
        raw.push((
            Token {
                text: s,
                lower: "",
                folded: "",
                start,
                byte,
                end: ci,
                kind,
                space_before: space,
                newline_before: newline,
                sent_start: sent,
            },
            lower_loc,
            folded_loc,
        ));
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
    let arena: &'a String = arena;
    let resolve = |l: Loc| match l {
        Loc::Text(a, b) => &text[a..b],
        Loc::Arena(a, b) => &arena[a..b],
    };
    let mut out: Vec<Token<'a>> = raw
        .into_iter()
        .map(|(mut t, l, f)| {
            t.lower = resolve(l);
            t.folded = resolve(f);
            t
        })
        .collect();
    // A '.' after a lone capital letter (an initial) or a common abbreviation does not
    // end a sentence.
    for k in 1..out.len() {
        if out[k].sent_start && !out[k].newline_before && k >= 2 && out[k - 1].is_punct('.') {
            let prev = &out[k - 2];
            if prev.kind == Kind::Word
                && (!prev.newline_before || !out[k].space_before)
                && (is_initial(prev.text) || is_abbrev(prev.lower))
            {
                out[k].sent_start = false;
            }
        }
    }
    out
}

/// Write [`lower`] of the word `s` (at byte `byte` of the text) and its fold
/// ([`crate::translit::fold_lower`]) into `arena`, unless they equal what is already there.
fn lower_and_fold(s: &str, byte: usize, arena: &mut String) -> (Loc, Loc) {
    let a = arena.len();
    if s.is_ascii() {
        // ASCII folds to itself
        if !s.bytes().any(|b| b.is_ascii_uppercase()) {
            let l = Loc::Text(byte, byte + s.len());
            return (l, l);
        }
        arena.extend(s.bytes().map(|b| b.to_ascii_lowercase() as char));
        let l = Loc::Arena(a, arena.len());
        return (l, l);
    }
    let (mut changed, mut needs_fold) = (false, false);
    for c in s.chars() {
        let l = match c {
            'ё' | 'Ё' => Some('е'),
            '’' => Some('\''),
            '‑' => Some('-'),
            _ if c.is_ascii() => Some(c.to_ascii_lowercase()),
            _ => cyrillic_lower(c),
        };
        match l {
            Some(l) => {
                changed |= l != c;
                needs_fold |= crate::translit::fold_char(l) != l;
                arena.push(l);
            }
            None => {
                let before = arena.len();
                push_lower(arena, c);
                let mut it = arena[before..].chars();
                changed |= !(it.next() == Some(c) && it.next().is_none());
                needs_fold |= arena[before..].chars().any(|x| crate::translit::fold_char(x) != x);
            }
        }
    }
    let lower = if changed {
        Loc::Arena(a, arena.len())
    } else {
        arena.truncate(a);
        Loc::Text(byte, byte + s.len())
    };
    if !needs_fold {
        return (lower, lower);
    }
    let (la, lb, from_text) = match lower {
        Loc::Text(x, y) => (x, y, true),
        Loc::Arena(x, y) => (x, y, false),
    };
    let f = arena.len();
    if from_text {
        for c in s.chars() {
            arena.push(crate::translit::fold_char(c));
        }
    } else {
        let mut k = la;
        while k < lb {
            let Some(c) = arena[k..lb].chars().next() else { break };
            k += c.len_utf8();
            arena.push(crate::translit::fold_char(c));
        }
    }
    (lower, Loc::Arena(f, arena.len()))
}

/// A word that can be an initial before a dot: one capital letter, or a Latin digraph that
/// spells one Cyrillic letter ("Zh." for "Ж.", "Yu." for "Ю.").
pub fn is_initial(w: &str) -> bool {
    let mut cs = w.chars();
    match (cs.next(), cs.next(), cs.next()) {
        (Some(a), None, _) => is_upper(a),
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
    // Source: English and Russian abbreviations news text writes with a dot, written for annals.
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
        let mut arena = String::new();
        tokenize(s, &mut arena).into_iter().map(|t| (t.text.to_string(), t.start, t.end)).collect()
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
        let mut arena = String::new();
        let t = tokenize("Он сказал. И. А. Пивоварова пришла.\nВчера", &mut arena);
        let starts: Vec<&str> = t.iter().filter(|t| t.sent_start).map(|t| t.text).collect();
        assert_eq!(starts, vec!["Он", "И", "Вчера"]);
    }

    #[test]
    fn char_classes_as_std() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_lower(c), c.is_lowercase(), "{c:?}");
            assert_eq!(is_alpha(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn folded_is_fold_of_lower() {
        // `translit::fold` lowercases again: that must change nothing in a lowercase form,
        // for every char
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let l = lower(&c.to_string());
            assert_eq!(crate::translit::fold(&l), crate::translit::fold_lower(&l), "{c:?}");
        }
        let text = "Қасым-Жомарт ТОҚАЕВ O’Neill Ёлка сәуір Müller İstanbul ΣΟΦΙΑ Wi‑Fi dog's ЁЖ";
        let mut arena = String::new();
        let toks = tokenize(text, &mut arena);
        for t in toks.iter().filter(|t| t.kind == Kind::Word) {
            assert_eq!(t.lower, lower(t.text), "{}", t.text);
            assert_eq!(t.folded, crate::translit::fold(&lower(t.text)), "{}", t.text);
        }
        assert!(
            toks.iter().filter(|t| t.kind != Kind::Word).all(|t| t.lower.is_empty() && t.folded.is_empty())
        );
    }

    #[test]
    fn lower_folds_yo() {
        assert_eq!(lower("Пётр"), "петр");
        assert_eq!(lower("ҚАЗАҚСТАН ӘСЕЛ ҢҒҮҰҺІӨ Ѓ"), "қазақстан әсел ңғүұһіө ѓ");
    }
}

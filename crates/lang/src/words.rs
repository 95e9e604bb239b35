//! The word splitter of the search side: where the analysers, the query parser and the
//! snippets cut text into words.
//!
//! A word is a maximal run of alphanumeric chars ([`char::is_alphanumeric`]), as Tantivy's
//! `SimpleTokenizer` cuts it; [`words`] gives the same cuts without Unicode table look-ups
//! for Latin and Cyrillic letters. (The extraction grammar has its own, richer tokenizer in
//! [`crate::tokens`]: words keep inner hyphens and apostrophes there, and punctuation is kept.)

/// Byte ranges of the words of `text`, cut as every analyser cuts them (Tantivy's
/// `SimpleTokenizer`: maximal runs of alphanumeric chars), without Unicode table look-ups for
/// Latin and Cyrillic letters.
pub fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut cursor = 0;
    std::iter::from_fn(move || {
        let (from, to) = next_word(text, cursor)?;
        cursor = to;
        Some((from, to))
    })
}

/// The byte range of the first word (maximal run of alphanumeric chars) at or after `from`.
#[inline]
pub fn next_word(text: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = from;
    let start = loop {
        let &b = bytes.get(i)?;
        if b < 0x80 {
            if b.is_ascii_alphanumeric() {
                break i;
            }
            i += 1;
        } else {
            let (alnum, len) = char_at(text, i);
            if alnum {
                break i;
            }
            i += len;
        }
    };
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            if !b.is_ascii_alphanumeric() {
                break;
            }
            i += 1;
        } else {
            let (alnum, len) = char_at(text, i);
            if !alnum {
                break;
            }
            i += len;
        }
    }
    Some((start, i))
}

/// Whether the non-ASCII char at byte `i` of `text` is alphanumeric, and its length in bytes.
#[inline]
fn char_at(text: &str, i: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    let b0 = bytes[i];
    if b0 < 0xE0 {
        // Two bytes (U+0080..U+07FF): Latin-1, Latin Extended, Greek, Cyrillic.
        let c = (u32::from(b0 & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F);
        (is_alphanumeric_2(c), 2)
    } else {
        let c = text[i..].chars().next().unwrap_or_default();
        (c.is_alphanumeric(), c.len_utf8())
    }
}

/// [`char::is_alphanumeric`] for a scalar value below U+0800, with the Cyrillic letters
/// answered without a table search.
#[inline]
pub fn is_alphanumeric_2(c: u32) -> bool {
    match c {
        0x0400..=0x0481 | 0x048A..=0x052F => true,
        _ => char::from_u32(c).is_some_and(char::is_alphanumeric),
    }
}

/// Splits text into words, as owned strings (for queries: a few words).
pub fn split(text: &str) -> Vec<String> {
    words(text).map(|(a, b)| text[a..b].to_owned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphanumeric_is_chars_alphanumeric() {
        for u in 0x80..0x800 {
            assert_eq!(
                is_alphanumeric_2(u),
                char::from_u32(u).is_some_and(char::is_alphanumeric),
                "U+{u:04X}"
            );
        }
    }

    #[test]
    fn words_are_runs_of_alphanumeric_chars() {
        for text in
            ["Silk-road forum, 2019!", "Қасым-Жомарт Тоқаев", "naïve café", "日本語 x²", "", "  ", "a"]
        {
            let want: Vec<&str> =
                text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
            assert_eq!(split(text), want, "{text:?}");
        }
    }
}

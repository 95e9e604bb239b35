//! Prefix and suffix tests for the crate's ending lists, cheaper than the standard library's
//! for the short words and endings they compare (no call into `memcmp`, and the last byte,
//! which differs most often, is compared first).

/// `s.ends_with(suffix)`.
#[inline]
pub fn ends_with(s: &str, suffix: &str) -> bool {
    let (s, p) = (s.as_bytes(), suffix.as_bytes());
    s.len() >= p.len() && s[s.len() - p.len()..].iter().rev().zip(p.iter().rev()).all(|(a, b)| a == b)
}

/// `s.starts_with(prefix)`.
#[inline]
pub fn starts_with(s: &str, prefix: &str) -> bool {
    let (s, p) = (s.as_bytes(), prefix.as_bytes());
    s.len() >= p.len() && s[..p.len()].iter().zip(p).all(|(a, b)| a == b)
}

/// `s.strip_prefix(prefix)`.
#[inline]
pub fn strip_prefix<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    // a matching prefix ends on a char boundary of `s`, since it is a whole string itself
    if starts_with(s, prefix) { s.get(prefix.len()..) } else { None }
}

/// `s.find(needle)`: the byte offset of the first occurrence (a naive search, fast for the
/// short words and needles of this crate).
#[inline]
pub fn find(s: &str, needle: &str) -> Option<usize> {
    let (s, p) = (s.as_bytes(), needle.as_bytes());
    if p.is_empty() {
        return Some(0);
    }
    if s.len() < p.len() {
        return None;
    }
    // a match starts with the needle's first byte, a char's leading byte: a char boundary
    (0..=s.len() - p.len()).find(|&i| s[i] == p[0] && &s[i..i + p.len()] == p)
}

/// `s.contains(needle)`.
#[inline]
pub fn contains(s: &str, needle: &str) -> bool {
    find(s, needle).is_some()
}

/// `s.to_lowercase()`, with a fast path for ASCII and Cyrillic text.
pub fn to_lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    if !s.chars().all(|c| c.is_ascii() || ('\u{0400}'..='\u{04FF}').contains(&c)) {
        return s.to_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        // (the same mapping as the standard library's in these blocks: see the tests)
        crate::tokens::push_lower(&mut out, c);
    }
    out
}

/// A list of endings, indexed by their last byte: the endings a word ends with, in list order,
/// without testing the endings that end in another byte.
#[derive(Debug)]
pub struct Endings<T: 'static> {
    items: Vec<(T, &'static str)>,
    /// Per last byte, the indexes into `items` of the endings ending in it.
    by_last: Vec<Vec<u16>>,
}

impl<T: 'static> Endings<T> {
    /// Index `items` (each with its ending), keeping their order. An empty ending matches
    /// every word.
    pub fn new(items: Vec<(T, &'static str)>) -> Self {
        let mut by_last = vec![Vec::new(); 257];
        for (k, (_, e)) in items.iter().enumerate() {
            let slot = e.as_bytes().last().map_or(256, |&b| b as usize);
            by_last[slot].push(u16::try_from(k).expect("a short list"));
        }
        Self { items, by_last }
    }

    /// The items whose ending `word` ends with, in list order.
    pub fn matching<'s>(&'s self, word: &'s str) -> impl Iterator<Item = &'s T> + 's {
        let empty: &[u16] = &self.by_last[256];
        let last: &[u16] = word.as_bytes().last().map_or(&[], |&b| &self.by_last[b as usize]);
        // merge the two index lists to keep list order
        let (mut a, mut b) = (empty.iter().peekable(), last.iter().peekable());
        std::iter::from_fn(move || {
            let k = match (a.peek(), b.peek()) {
                (Some(&&x), Some(&&y)) => {
                    if x < y {
                        a.next();
                        x
                    } else {
                        b.next();
                        y
                    }
                }
                (Some(&&x), None) => {
                    a.next();
                    x
                }
                (None, Some(&&y)) => {
                    b.next();
                    y
                }
                (None, None) => return None,
            };
            Some(k)
        })
        .filter_map(move |k| {
            let (item, e) = &self.items[k as usize];
            ends_with(word, e).then_some(item)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_as_std() {
        // every char of the fast path's blocks, alone and in words
        let block: String = (0u32..0x80).chain(0x0400..0x0500).filter_map(char::from_u32).collect();
        for c in block.chars() {
            let s = c.to_string();
            assert_eq!(to_lowercase(&s), s.to_lowercase(), "{c:?}");
        }
        assert_eq!(to_lowercase(&block), block.to_lowercase());
        for s in ["ΣΟΦΙΑΣ", "İstanbul", "Тоқаев", "ТОҚАЕВ", "Müller", "O’NEILL", "ӀӁ"]
        {
            assert_eq!(to_lowercase(s), s.to_lowercase(), "{s}");
        }
    }

    #[test]
    fn same_as_std() {
        let words = ["", "а", "ова", "Тоқаевтың", "abc", "ab", "b", "ың", "ң", "жылғы"];
        for s in words {
            for p in words {
                assert_eq!(ends_with(s, p), s.ends_with(p), "{s} {p}");
                assert_eq!(starts_with(s, p), s.starts_with(p), "{s} {p}");
                assert_eq!(strip_prefix(s, p), s.strip_prefix(p), "{s} {p}");
            }
        }
        for s in words.iter().chain(&["Тоқаевтыңұлы", "ұлыұлы", "абв"]) {
            for p in words.iter().chain(&["ұлы", "лы", "вв"]) {
                assert_eq!(find(s, p), s.find(p), "{s} {p}");
            }
        }
        let list: Vec<(usize, &'static str)> = words.iter().copied().enumerate().collect();
        let e = Endings::new(list.clone());
        for w in words.iter().chain(&["Тоқаевтыңың", "xab", "сова"]) {
            let want: Vec<usize> = list.iter().filter(|(_, s)| w.ends_with(s)).map(|x| x.0).collect();
            let got: Vec<usize> = e.matching(w).copied().collect();
            assert_eq!(got, want, "{w}");
        }
    }
}

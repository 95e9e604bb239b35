//! Number words: small Russian and English counts ("два дня назад", "two years ago"),
//! English spelled years ("nineteen ninety-six") and Kazakh spelled numbers and
//! ordinals ("екі мың он төртінші жылы" = 2014).

use crate::kazakh::is_kk_suffix;

/// A small count written as a word (ru, en, kk): "два", "пять", "two", "a", "екі".
pub fn count_word(w: &str) -> Option<u32> {
    // Source: Russian, English and Kazakh cardinal numbers as news text spells them, written for annals.
    Some(match w {
        "один" | "одна" | "одно" | "одного" | "одну" | "one" | "a" | "an" | "бір" => {
            1
        }
        "два" | "две" | "двух" | "two" | "екі" => 2,
        "три" | "трех" | "трёх" | "three" | "үш" => 3,
        "четыре" | "четырех" | "четырёх" | "four" | "төрт" => 4,
        "пять" | "пяти" | "five" | "бес" => 5,
        "шесть" | "шести" | "six" | "алты" => 6,
        "семь" | "семи" | "seven" | "жеті" => 7,
        "восемь" | "восьми" | "eight" | "сегіз" => 8,
        "девять" | "девяти" | "nine" | "тоғыз" => 9,
        "десять" | "десяти" | "ten" | "он" => 10,
        "одиннадцать" | "eleven" => 11,
        "двенадцать" | "twelve" => 12,
        "пятнадцать" | "fifteen" => 15,
        "двадцать" | "twenty" | "жиырма" => 20,
        "тридцать" | "thirty" | "отыз" => 30,
        "пятьдесят" | "fifty" | "елу" => 50,
        "сто" | "hundred" | "жүз" => 100,
        _ => return None,
    })
}

fn en_unit(w: &str) -> Option<u32> {
    // Source: English cardinal numbers, written for annals.
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        _ => return None,
    })
}

fn en_teen_or_ten(w: &str) -> Option<u32> {
    // Source: English cardinal numbers, written for annals.
    Some(match w {
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// A two-digit English number word, possibly hyphenated ("ninety-six", "seven", "twelve").
pub fn en_two_digit(w: &str) -> Option<u32> {
    if let Some((a, b)) = w.split_once('-') {
        let t = en_teen_or_ten(a)?;
        if t >= 20 && t % 10 == 0 {
            return Some(t + en_unit(b)?);
        }
        return None;
    }
    en_teen_or_ten(w).or_else(|| en_unit(w))
}

/// The value of a spelled English year word pair: "nineteen" + "ninety-six" → 1996.
pub fn en_spelled_year(century: &str, rest: &str) -> Option<u32> {
    let c = en_teen_or_ten(century)?;
    if !(10..=20).contains(&c) {
        return None;
    }
    let r = en_two_digit(rest)?;
    if r < 10 {
        return None;
    }
    Some(c * 100 + r)
}

/// Kazakh cardinal words and their values.
// Source: Kazakh cardinal numbers (kk), written for annals.
const KK_CARDINALS: [(&str, u32); 20] = [
    ("бір", 1),
    ("екі", 2),
    ("үш", 3),
    ("төрт", 4),
    ("бес", 5),
    ("алты", 6),
    ("жеті", 7),
    ("сегіз", 8),
    ("тоғыз", 9),
    ("он", 10),
    ("жиырма", 20),
    ("отыз", 30),
    ("қырық", 40),
    ("елу", 50),
    ("алпыс", 60),
    ("жетпіс", 70),
    ("сексен", 80),
    ("тоқсан", 90),
    ("жүз", 100),
    ("мың", 1000),
];

/// Kazakh cardinal word values.
fn kk_cardinal(w: &str) -> Option<u32> {
    KK_CARDINALS.iter().find(|(c, _)| *c == w).map(|&(_, v)| v)
}

/// A Kazakh number word: a cardinal, or an ordinal (cardinal + ыншы/інші/ншы/нші), possibly
/// followed by a case suffix ("төртінші", "оныншы", "бесінші", "онына"). Returns the value
/// and whether it is an ordinal.
pub fn kk_number_word(w: &str) -> Option<(u32, bool)> {
    // every form starts with a cardinal: find those `w` starts with (byte length, value),
    // shortest first
    let mut prefixes: Vec<(usize, u32)> = KK_CARDINALS
        .iter()
        .filter(|(c, _)| crate::affix::starts_with(w, c))
        .map(|&(c, v)| (c.len(), v))
        .collect();
    if prefixes.is_empty() {
        return None;
    }
    prefixes.sort_unstable();
    if let Some(v) = kk_cardinal(w) {
        return Some((v, false));
    }
    for ord in ["сыншы", "сінші", "ыншы", "інші", "ншы", "нші", "шы", "ші"] {
        if let Some(p) = crate::affix::find(w, ord) {
            let (stem, rest) = (&w[..p], &w[p + ord.len()..]);
            if let Some(v) = kk_cardinal(stem)
                && is_kk_suffix(rest)
            {
                return Some((v, true));
            }
        }
    }
    // cardinal + case suffix: "онына", "жиырмасына" (possessive + dative)
    prefixes.into_iter().find(|&(i, _)| i < w.len() && is_kk_suffix(&w[i..])).map(|(_, v)| (v, false))
}

/// Combine a sequence of Kazakh number words into one value ("екі мың он төрт" → 2014).
pub fn kk_combine(values: &[u32]) -> u32 {
    let mut total = 0;
    let mut cur = 0;
    for &v in values {
        match v {
            1000 => {
                total += cur.max(1) * 1000;
                cur = 0;
            }
            100 => cur = cur.max(1) * 100,
            _ => cur += v,
        }
    }
    total + cur
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_years() {
        assert_eq!(en_spelled_year("nineteen", "ninety-six"), Some(1996));
        assert_eq!(en_spelled_year("nineteen", "seven"), None);
    }

    /// The first definition of [`kk_number_word`], for the tests.
    fn kk_number_word_as_first_written(w: &str) -> Option<(u32, bool)> {
        if let Some(v) = kk_cardinal(w) {
            return Some((v, false));
        }
        for ord in ["сыншы", "сінші", "ыншы", "інші", "ншы", "нші", "шы", "ші"] {
            if let Some(p) = w.find(ord) {
                let (stem, rest) = (&w[..p], &w[p + ord.len()..]);
                if let Some(v) = kk_cardinal(stem)
                    && crate::kazakh::KK_SUFFIXES.contains(&rest)
                {
                    return Some((v, true));
                }
            }
        }
        for (i, _) in w.char_indices().skip(2) {
            if let Some(v) = kk_cardinal(&w[..i])
                && crate::kazakh::KK_SUFFIXES.contains(&&w[i..])
                && !w[i..].is_empty()
            {
                return Some((v, false));
            }
        }
        None
    }

    #[test]
    fn number_words_as_first_written() {
        let mut words: Vec<String> = Vec::new();
        for (c, _) in KK_CARDINALS {
            for ord in ["", "сыншы", "сінші", "ыншы", "інші", "ншы", "нші", "шы", "ші", "ншышы"]
            {
                for suf in crate::kazakh::KK_SUFFIXES.iter().chain(&["х", "ыншыға", "он"]) {
                    words.push(format!("{c}{ord}{suf}"));
                    words.push(format!("а{c}{ord}{suf}"));
                }
            }
        }
        words.extend(["", "о", "он", "онның", "ш", "ыншы", "бірбір", "екіекінші"].map(String::from));
        for w in &words {
            assert_eq!(kk_number_word(w), kk_number_word_as_first_written(w), "{w}");
        }
    }

    #[test]
    fn kazakh_numbers() {
        let words = ["екі", "мың", "он", "төртінші"];
        let vals: Vec<u32> = words.iter().map(|w| kk_number_word(w).unwrap().0).collect();
        assert_eq!(kk_combine(&vals), 2014);
        assert_eq!(kk_number_word("жиырмасыншы"), Some((20, true)));
        assert_eq!(kk_number_word("оныншы"), Some((10, true)));
        assert_eq!(kk_combine(&[1000, 9, 100, 90, 5]), 1995);
    }
}

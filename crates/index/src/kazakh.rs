//! A light Kazakh stemmer: strips inflectional endings (plural, possessive, case) from a
//! token already folded to the Russian keyboard's letters (`қ`→`к`, `ғ`→`г`, `і`→`и`, ...).
//!
//! Kazakh is agglutinative: `шілдеде` (in July), `форумына` (to his forum), `қазанда`
//! (in October). Snowball has no Kazakh stemmer; this one removes at most one case, one
//! possessive and one plural ending, right to left, and never leaves fewer than four
//! letters, so the nominative meets its inflected forms. Derivational suffixes (`-лық`, `-шы`) are kept: they make
//! other words.

use std::borrow::Cow;

/// Case endings, folded (one is stripped, the longest that fits).
const CASE: &[&str] = &[
    // Adjectival locative: `-дағы` (which is in).
    "ндагы",
    "ндеги",
    "дагы",
    "деги",
    "тагы",
    "теги",
    // Instrumental.
    "менен",
    "бенен",
    "пенен",
    "мен",
    "бен",
    "пен",
    // Ablative.
    "нан",
    "нен",
    "дан",
    "ден",
    "тан",
    "тен",
    // Genitive.
    "нын",
    "нин",
    "дын",
    "дин",
    "тын",
    "тин",
    // Locative.
    "нда",
    "нде",
    "да",
    "де",
    "та",
    "те",
    // Dative.
    "на",
    "не",
    "га",
    "ге",
    "ка",
    "ке",
    // Accusative.
    "ны",
    "ни",
    "ды",
    "ди",
    "ты",
    "ти",
];

/// Possessive endings (one is stripped after the case).
const POSSESSIVE: &[&str] = &[
    "ымыз", "имиз", "ыныз", "иниз", "мыз", "миз", "ныз", "низ", "сы", "си", "ым", "им", "ын", "ин", "ы", "и",
];

/// Plural endings (one is stripped last).
const PLURAL: &[&str] = &["лар", "лер", "дар", "дер", "тар", "тер"];

/// Letters a stem keeps at least.
const MIN_STEM: usize = 4;

/// The stem of a folded, lowercased Kazakh token: at most one case, one possessive and one
/// plural ending are removed, right to left, each only when four letters remain.
pub fn stem(token: &str) -> Cow<'_, str> {
    let mut len = token.chars().count();
    // Every ending has a letter: a word this short keeps them all.
    if len <= MIN_STEM {
        return Cow::Borrowed(token);
    }
    let mut word = token;
    for endings in [CASE, POSSESSIVE, PLURAL] {
        (word, len) = strip(word, len, endings);
    }
    // A final voiceless consonant is voiced before a vowel (`орталық`, `орталығы`): give the
    // stem its dictionary form back. Kazakh words do not end in a voiced `ғ`/`б` themselves.
    if word.len() < token.len() {
        for (voiced, voiceless) in [('г', 'к'), ('б', 'п')] {
            if let Some(rest) = word.strip_suffix(voiced) {
                let mut stem = String::with_capacity(word.len());
                stem.push_str(rest);
                stem.push(voiceless);
                return Cow::Owned(stem);
            }
        }
    }
    Cow::Borrowed(word)
}

/// `word` (of `len` chars) without the longest of `endings` it ends with, if enough is left,
/// and its length in chars. Where an ending in `н` and the same ending without it both fit
/// (`-нда`/`-да`), the shorter wins: the possessive `-ын` before it is stripped next
/// (`форум-ын-да`), and `қазан-да` keeps its `н`.
fn strip<'w>(word: &'w str, len: usize, endings: &[&str]) -> (&'w str, usize) {
    let mut best: Option<(&str, usize)> = None;
    for &e in endings {
        // Compared from the end, byte by byte: most endings differ in their last byte.
        if !ends_with(word.as_bytes(), e.as_bytes()) || best.is_some_and(|(b, _)| b.len() > e.len()) {
            continue;
        }
        let chars = e.chars().count();
        if len >= MIN_STEM + chars && !e.strip_prefix('н').is_some_and(|rest| endings.contains(&rest)) {
            best = Some((e, chars));
        }
    }
    match best {
        Some((e, chars)) => (&word[..word.len() - e.len()], len - chars),
        None => (word, len),
    }
}

fn ends_with(word: &[u8], ending: &[u8]) -> bool {
    ending.len() <= word.len() && word.iter().rev().zip(ending.iter().rev()).all(|(a, b)| a == b)
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::{CASE, MIN_STEM, PLURAL, POSSESSIVE, stem};

    fn check(input: &str, expected: &str) {
        assert_eq!(stem(input), expected, "{input}");
    }

    #[test]
    fn case_endings_meet_the_nominative() {
        check("шилдеде", "шилде");
        check("шилде", "шилде");
        check("казанда", "казан");
        check("казан", "казан");
        check("форумга", "форум");
        check("форумына", "форум");
        check("форумдар", "форум");
        check("форумдардын", "форум");
        // Voicing before a vowel is undone: `орталыққа` and `орталығына` meet `орталық`.
        check("орталыкка", "орталык");
        check("орталыгына", "орталык");
        check("орталык", "орталык");
    }

    #[test]
    fn short_words_are_kept() {
        check("кан", "кан");
        check("ол", "ол");
        check("мен", "мен");
    }

    /// The first version of [`stem`] (before it counted chars once and compared endings from
    /// the end), kept as the definition the faster one must match.
    fn reference(token: &str) -> Cow<'_, str> {
        fn strip<'w>(word: &'w str, endings: &[&str]) -> &'w str {
            let len = word.chars().count();
            let fits = |e: &str| word.ends_with(e) && len >= MIN_STEM + e.chars().count();
            let best = endings
                .iter()
                .copied()
                .filter(|e| fits(e))
                .filter(|e| !e.strip_prefix('н').is_some_and(|rest| endings.contains(&rest)))
                .max_by_key(|e| e.len());
            match best {
                Some(e) => &word[..word.len() - e.len()],
                None => word,
            }
        }
        let mut word = token;
        for endings in [CASE, POSSESSIVE, PLURAL] {
            word = strip(word, endings);
        }
        if word.len() < token.len() {
            for (voiced, voiceless) in [('г', 'к'), ('б', 'п')] {
                if let Some(rest) = word.strip_suffix(voiced) {
                    return Cow::Owned(format!("{rest}{voiceless}"));
                }
            }
        }
        Cow::Borrowed(word)
    }

    #[test]
    fn stem_is_reference_on_chains_of_endings() {
        let stems = ["", "ол", "кан", "казан", "орталыг", "китаб", "нн"];
        let with_none = |list: &[&'static str]| {
            let mut out = vec![""];
            out.extend_from_slice(list);
            out
        };
        let all: Vec<&str> = with_none(&[CASE, POSSESSIVE, PLURAL].concat());
        let mut words = Vec::new();
        for s in stems {
            // Any two endings, in any order.
            for a in &all {
                for b in &all {
                    words.push(format!("{s}{a}{b}"));
                }
            }
            // Plural, possessive and case, in the order Kazakh puts them.
            for a in with_none(PLURAL) {
                for b in with_none(POSSESSIVE) {
                    for c in with_none(CASE) {
                        words.push(format!("{s}{a}{b}{c}"));
                    }
                }
            }
        }
        for word in words {
            assert_eq!(stem(&word), reference(&word), "{word}");
        }
    }
}

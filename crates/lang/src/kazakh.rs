//! Kazakh morphology: the case and possessive endings words take, and a light stemmer.
//!
//! Kazakh is agglutinative: `шілдеде` (in July), `форумына` (to his forum), `қазанда`
//! (in October). Three lists of endings live here, each for its reader:
//!
//! - [`KK_SUFFIXES`]: the endings, as written, that may follow a calendar or number word
//!   (`шілде-де`, `қаңтар-ының`, `бесінші-сі`); the date grammar and the name morphology of
//!   `annals-extract` strip them;
//! - [`NAME_CASE_ENDINGS`]: the case endings, folded, that an unknown surname may carry
//!   (`Трамп-тың`);
//! - the stemmer's own lists (case, possessive, plural; folded): [`stem`] strips endings from
//!   a token already folded to the Russian keyboard's letters (`қ`→`к`, `ғ`→`г`, `і`→`и`,
//!   ...). Snowball has no Kazakh stemmer; this one removes at most one case, one possessive
//!   and one plural ending, right to left, and never leaves fewer than four letters, so the
//!   nominative meets its inflected forms. Derivational suffixes (`-лық`, `-шы`) are kept:
//!   they make other words.
//!
//! The endings are those of Kazakh grammar (case, possessive and plural paradigms with their
//! vowel-harmony and consonant variants), written for this crate.

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

/// Kazakh case and possessive endings that may follow a calendar stem
/// (шілде-де, қаңтар-ының, сәуір-ге, мамыр-дың, наурыз-дан).
// Source: Kazakh case and possessive paradigms (kk), as written, compiled for annals.
pub const KK_SUFFIXES: &[&str] = &[
    "",
    "да",
    "де",
    "та",
    "те",
    "нда",
    "нде",
    "ында",
    "інде",
    "сында",
    "сінде",
    "дың",
    "дің",
    "тың",
    "тің",
    "ның",
    "нің",
    "ының",
    "інің",
    "сының",
    "сінің",
    "ға",
    "ге",
    "қа",
    "ке",
    "на",
    "не",
    "ына",
    "іне",
    "сына",
    "сіне",
    "ды",
    "ді",
    "ты",
    "ті",
    "ны",
    "ні",
    "ын",
    "ін",
    "сын",
    "сін",
    "дан",
    "ден",
    "тан",
    "тен",
    "нан",
    "нен",
    "ынан",
    "інен",
    "сынан",
    "сінен",
    "ы",
    "і",
    "сы",
    "сі",
    "мен",
    "бен",
    "пен",
    "ғы",
    "гі",
    "қы",
    "кі",
    "дағы",
    "дегі",
    "тағы",
    "тегі",
    "ндағы",
    "ндегі",
    "ғы",
    "дай",
    "дей",
    "ша",
    "ше",
];

/// [`KK_SUFFIXES`] as a set.
static KK_SUFFIX_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| KK_SUFFIXES.iter().copied().collect());

/// `s` is one of [`KK_SUFFIXES`] (the empty one too).
pub fn is_kk_suffix(s: &str) -> bool {
    KK_SUFFIX_SET.contains(s)
}

/// Case endings an unknown surname may carry (genitive, dative, accusative, instrumental),
/// folded as [`crate::translit::fold`] folds (`тың` → `тын`); tried in this order, the
/// first that fits is stripped (`Трамптың` → `Трамп`).
// Source: Kazakh case paradigms (kk), folded, compiled for annals.
pub const NAME_CASE_ENDINGS: &[&str] = &[
    "тын", "тин", "нын", "нин", "дын", "дин", "ка", "ке", "га", "ге", "ты", "ти", "ны", "ни", "пен", "мен",
    "бен",
];

/// Case endings, folded (one is stripped, the longest that fits).
// Source: Kazakh case paradigms (kk), folded, compiled for annals.
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
// Source: Kazakh possessive paradigms (kk), folded, compiled for annals.
const POSSESSIVE: &[&str] = &[
    "ымыз", "имиз", "ыныз", "иниз", "мыз", "миз", "ныз", "низ", "сы", "си", "ым", "им", "ын", "ин", "ы", "и",
];

/// Plural endings (one is stripped last).
// Source: Kazakh plural endings (kk), folded, compiled for annals.
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

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
    let mut word = token;
    for endings in [CASE, POSSESSIVE, PLURAL] {
        word = strip(word, endings);
    }
    // A final voiceless consonant is voiced before a vowel (`орталық`, `орталығы`): give the
    // stem its dictionary form back. Kazakh words do not end in a voiced `ғ`/`б` themselves.
    if word.len() < token.len() {
        for (voiced, voiceless) in [('г', 'к'), ('б', 'п')] {
            if let Some(rest) = word.strip_suffix(voiced) {
                return Cow::Owned(format!("{rest}{voiceless}"));
            }
        }
    }
    Cow::Borrowed(word)
}

/// `word` without the longest of `endings` it ends with, if enough is left. Where an ending
/// in `н` and the same ending without it both fit (`-нда`/`-да`), the shorter wins: the
/// possessive `-ын` before it is stripped next (`форум-ын-да`), and `қазан-да` keeps its `н`.
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

#[cfg(test)]
mod tests {
    use super::stem;

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
}

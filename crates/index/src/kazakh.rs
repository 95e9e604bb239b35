//! A light Kazakh stemmer: strips inflectional endings (plural, possessive, case) from a
//! token already folded to the Russian keyboard's letters (`қ`→`к`, `ғ`→`г`, `і`→`и`, ...).
//!
//! Kazakh is agglutinative: `шілдеде` (in July), `форумына` (to his forum), `қазанда`
//! (in October). Snowball has no Kazakh stemmer; this one removes at most three endings from
//! the right, longest first, and never leaves fewer than three letters, so the nominative
//! stem meets its inflected forms. Derivational suffixes (`-лық`, `-шы`) are kept: they make
//! other words.

/// Endings, folded, longest first within the search (the list is scanned for the longest
/// match at each step).
const ENDINGS: &[&str] = &[
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
    // Plural.
    "лар",
    "лер",
    "дар",
    "дер",
    "тар",
    "тер",
    // Possessive plural persons.
    "ымыз",
    "имиз",
    "мыз",
    "миз",
    "ыныз",
    "иниз",
    "ныз",
    "низ",
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
    // Possessive third person and single persons.
    "сы",
    "си",
    "ым",
    "им",
    "ын",
    "ин",
];

/// Single vowels that end a possessive (`форумы`) or dative (`үйіме`) form: stripped only
/// from longer words.
const VOWEL_ENDINGS: &[char] = &['ы', 'и', 'а', 'е'];

/// Letters a stem keeps at least.
const MIN_STEM: usize = 3;

/// The stem of a folded, lowercased Kazakh token.
pub fn stem(token: &str) -> &str {
    let mut word = token;
    for _ in 0..3 {
        let len = word.chars().count();
        let mut cut = None;
        for ending in ENDINGS {
            let n = ending.chars().count();
            if len >= MIN_STEM + n && word.ends_with(ending) && cut.is_none_or(|c: usize| n > c) {
                cut = Some(n);
            }
        }
        if cut.is_none() && len > MIN_STEM + 1 {
            if let Some(last) = word.chars().last().filter(|c| VOWEL_ENDINGS.contains(c)) {
                let _ = last;
                cut = Some(1);
            }
        }
        let Some(n) = cut else { break };
        let byte = word.char_indices().rev().nth(n - 1).map_or(word.len(), |(i, _)| i);
        word = &word[..byte];
    }
    word
}

#[cfg(test)]
mod tests {
    use super::stem;

    fn check(input: &str, expected: &str) {
        assert_eq!(stem(input), expected, "{input}");
    }

    #[test]
    fn case_endings_meet_the_nominative() {
        check("шилдеде", "шилд");
        check("шилде", "шилд");
        check("казанда", "казан");
        check("казан", "казан");
        check("форумга", "форум");
        check("форумына", "форум");
        check("форумдар", "форум");
        check("форумдардын", "форум");
    }

    #[test]
    fn short_words_are_kept() {
        check("кан", "кан");
        check("ол", "ол");
        check("мен", "мен");
    }
}

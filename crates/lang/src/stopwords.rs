//! Stop words: function words that say little about what a post is about.
//!
//! The engine uses them when it ranks and relaxes a query (a post need not contain `the` or
//! `и` to match `what did we do in July`), never to drop words from a phrase. Words are
//! compared folded ([`crate::translit::fold`]: lowercase, `ё` → `е`, Kazakh letters to their
//! Russian-keyboard neighbours), as a visitor may type them.

// Source: English function words (articles, prepositions, pronouns, auxiliaries, question
// words) as visitors type them in queries, written for annals.
const EN: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "for", "to", "and", "or", "with", "by", "from", "is", "are",
    "was", "were", "be", "been", "what", "who", "whom", "when", "where", "which", "did", "do", "does", "we",
    "our", "us", "it", "its", "this", "that", "these", "those", "about", "as", "into", "how", "there", "any",
    "some", "all", "i", "me", "my", "you",
];

// Source: Russian function words (prepositions, conjunctions, particles, pronouns, question
// words), written for annals.
const RU: &[&str] = &[
    "и",
    "в",
    "во",
    "на",
    "с",
    "со",
    "по",
    "к",
    "ко",
    "о",
    "об",
    "обо",
    "от",
    "до",
    "для",
    "из",
    "за",
    "у",
    "не",
    "что",
    "как",
    "это",
    "мы",
    "наш",
    "наши",
    "был",
    "была",
    "были",
    "было",
    "когда",
    "где",
    "кто",
    "а",
    "но",
    "или",
    "ли",
    "же",
    "то",
    "при",
    "про",
    "над",
    "под",
    "его",
    "ее",
    "их",
    "все",
    "всех",
    "который",
    "которые",
    "какой",
    "какие",
    "там",
];

// Source: Kazakh function words (conjunctions, postpositions, particles, pronouns, question
// words), folded to the Russian keyboard's letters as typed, written for annals.
const KK: &[&str] = &[
    "жане",
    "мен",
    "бен",
    "пен",
    "ушин",
    "туралы",
    "бойынша",
    "бул",
    "сол",
    "да",
    "де",
    "та",
    "те",
    "ма",
    "ме",
    "ба",
    "бе",
    "па",
    "пе",
    "биз",
    "биздин",
    "ол",
    "олар",
    "кандай",
    "кашан",
    "кайда",
    "ким",
    "не",
    "ар",
    "осы",
    "сиякты",
    "арасында",
];

/// The stop words of a language (`en`, `ru`, `kk`), folded; empty for other languages.
pub fn list(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => EN,
        "ru" => RU,
        "kk" => KK,
        _ => &[],
    }
}

/// Whether `word` is a stop word of one of the languages `lang` accepts.
pub fn is_stop_word(word: &str, lang: impl Fn(&str) -> bool) -> bool {
    let folded = crate::translit::fold(word);
    ["en", "ru", "kk"].into_iter().filter(|l| lang(l)).any(|l| list(l).contains(&folded.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_of_each_language() {
        let any = |_: &str| true;
        for w in ["The", "и", "ЖӘНЕ", "жане", "туралы", "which"] {
            assert!(is_stop_word(w, any), "{w}");
        }
        for w in ["forum", "форум", "гематология"] {
            assert!(!is_stop_word(w, any), "{w}");
        }
        assert!(!is_stop_word("the", |l| l == "ru"));
    }
}

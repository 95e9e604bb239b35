//! Stop words: function words that say little about what a post is about.
//!
//! The engine uses them when it ranks and relaxes a query (a post need not contain `the`,
//! `der` or `и` to match `what did we do in July`), never to drop words from a phrase.
//!
//! - English, Russian and Kazakh: lists of the words visitors type in queries, compared folded
//!   ([`crate::translit::fold`]: lowercase, `ё` → `е`, Kazakh letters to their
//!   Russian-keyboard neighbours);
//! - Danish, Dutch, Finnish, French, German, Hungarian, Italian, Norwegian, Portuguese,
//!   Spanish and Swedish: the Snowball project's lists that Tantivy ships (its `stopwords`
//!   feature), compared in lowercase as typed and folded;
//! - Romanian, Turkish, Greek, Polish, Ukrainian and Catalan, which Tantivy has no list for:
//!   short lists of their commonest function words, compared folded
//!   ([`crate::translit::fold_marks`]: no diacritics), written here.
//!
//! Other languages have none: every word counts.

use std::sync::LazyLock;

use tantivy::tokenizer::{Language, RawTokenizer, StopWordFilter, TokenFilter, TokenStream, Tokenizer};

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

// Source: Romanian function words (conjunctions, prepositions, articles, pronouns,
// auxiliaries), written for annals.
const RO: &[&str] = &[
    "si", "sau", "dar", "in", "la", "de", "pe", "cu", "din", "pentru", "prin", "despre", "intre", "catre",
    "fara", "sub", "dupa", "pana", "un", "o", "unei", "unui", "niste", "al", "ale", "a", "ai", "lui", "cel",
    "cea", "cei", "cele", "este", "sunt", "era", "au", "am", "fost", "fi", "nu", "se", "sa", "ce", "care",
    "cine", "cum", "cand", "unde", "mai", "foarte", "acest", "aceasta", "acesti", "aceste", "acel", "acea",
    "lor", "sau", "sale", "noi", "voi", "ei", "ele", "el", "ea", "eu", "tu",
];

// Source: Turkish function words (conjunctions, postpositions, particles, pronouns), written
// for annals.
const TR: &[&str] = &[
    "ve", "veya", "ile", "bir", "bu", "su", "o", "da", "de", "icin", "gibi", "kadar", "daha", "en", "cok",
    "ne", "ama", "fakat", "ki", "mi", "mu", "olarak", "olan", "ise", "her", "hem", "sonra", "once", "uzere",
    "gore", "biz", "siz", "onlar", "ben", "sen",
];

// Source: Greek function words (articles, prepositions, conjunctions, particles, pronouns),
// without accents, written for annals.
const EL: &[&str] = &[
    "και",
    "η",
    "το",
    "τα",
    "ο",
    "οι",
    "του",
    "τησ",
    "των",
    "τον",
    "την",
    "τουσ",
    "τισ",
    "ενα",
    "μια",
    "ενοσ",
    "μιασ",
    "σε",
    "στο",
    "στη",
    "στην",
    "στα",
    "στουσ",
    "στισ",
    "απο",
    "για",
    "με",
    "που",
    "ωσ",
    "να",
    "θα",
    "δεν",
    "μη",
    "ειναι",
    "ηταν",
    "αυτο",
    "αυτη",
    "αυτοσ",
    "αλλα",
    "οπωσ",
    "κατα",
    "μετα",
    "προσ",
    "πριν",
    "εωσ",
];

// Source: Polish function words (prepositions, conjunctions, particles, pronouns, forms of
// "to be"), without diacritics, written for annals.
const PL: &[&str] = &[
    "i", "w", "we", "z", "ze", "na", "do", "od", "o", "u", "za", "po", "przez", "dla", "pod", "nad", "przy",
    "bez", "a", "ale", "lub", "oraz", "czy", "ze", "to", "jest", "sa", "byl", "byla", "bylo", "sie", "nie",
    "tak", "jak", "co", "kto", "gdzie", "kiedy", "ten", "ta", "te", "tego", "tej", "ktory", "ktora", "ktore",
    "jego", "jej", "ich", "juz", "takze", "tez",
];

// Source: Ukrainian function words (prepositions, conjunctions, particles, pronouns), folded as
// `fold_marks` folds (і → и), written for annals.
const UK: &[&str] = &[
    "и",
    "й",
    "та",
    "в",
    "у",
    "на",
    "з",
    "из",
    "зи",
    "до",
    "вид",
    "по",
    "за",
    "для",
    "про",
    "при",
    "пид",
    "над",
    "через",
    "не",
    "що",
    "як",
    "це",
    "цей",
    "ця",
    "ци",
    "вин",
    "вона",
    "воно",
    "вони",
    "ми",
    "ви",
    "його",
    "ии",
    "их",
    "але",
    "або",
    "чи",
    "так",
    "теж",
    "також",
    "який",
    "яка",
    "яке",
    "яки",
    "де",
    "коли",
    "хто",
    "був",
    "була",
    "було",
    "були",
    "є",
];

// Source: Catalan function words (articles, prepositions, conjunctions, pronouns, forms of
// "to be"), without accents, written for annals.
const CA: &[&str] = &[
    "i", "o", "a", "al", "als", "de", "del", "dels", "en", "amb", "per", "que", "qui", "la", "el", "les",
    "els", "lo", "un", "una", "uns", "unes", "es", "son", "va", "van", "ha", "han", "no", "com", "mes",
    "pero", "sobre", "entre", "fins", "des", "seu", "seva", "seus", "seves", "aquest", "aquesta", "aquests",
    "aquestes",
];

/// The stop words written here for a language (`en`, `ru`, `kk`, `ro`, `tr`, `el`, `pl`,
/// `uk`, `ca`), folded; empty for other languages (for those Tantivy ships a list for,
/// [`is_stop_word`] reads Tantivy's).
pub fn list(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => EN,
        "ru" => RU,
        "kk" => KK,
        "ro" => RO,
        "tr" => TR,
        "el" => EL,
        "pl" => PL,
        "uk" => UK,
        "ca" => CA,
        _ => &[],
    }
}

// Source: question words and auxiliaries visitors type in queries that the Snowball lists
// leave out (de, fr, es, it, pt, nl), without diacritics, written for annals.
const QUESTIONS: &[(&str, &[&str])] = &[
    ("de", &["wann", "warum", "wieso", "weshalb", "wer", "wurde", "wurden", "gibt", "gab"]),
    ("fr", &["quand", "pourquoi", "comment", "quel", "quelle", "quels", "quelles", "ou"]),
    ("es", &["cuando", "donde", "como", "quien", "cual", "porque", "fue", "fueron"]),
    ("it", &["quando", "dove", "come", "perche", "quale", "chi"]),
    ("pt", &["quando", "onde", "como", "quem", "qual", "porque", "foi"]),
    ("nl", &["wanneer", "waarom", "hoe", "welke", "werd", "werden"]),
];

/// The Snowball language of Tantivy's stop-word list for a language code, if it ships one.
fn tantivy_language(lang: &str) -> Option<Language> {
    Some(match lang {
        "da" => Language::Danish,
        "nl" => Language::Dutch,
        "fi" => Language::Finnish,
        "fr" => Language::French,
        "de" => Language::German,
        "hu" => Language::Hungarian,
        "it" => Language::Italian,
        "no" | "nb" | "nn" => Language::Norwegian,
        "pt" => Language::Portuguese,
        "es" => Language::Spanish,
        "sv" => Language::Swedish,
        _ => return None,
    })
}

/// Languages whose list comes from Tantivy, with the list as a filter (built once).
static TANTIVY: LazyLock<Vec<(&'static str, StopWordFilter)>> = LazyLock::new(|| {
    ["da", "nl", "fi", "fr", "de", "hu", "it", "no", "pt", "es", "sv"]
        .into_iter()
        .filter_map(|l| Some((l, StopWordFilter::new(tantivy_language(l)?)?)))
        .collect()
});

/// Whether Tantivy's list for `lang` holds `word` (lowercase), when there is a list.
fn tantivy_list(lang: &str, word: &str) -> Option<bool> {
    let lang = if matches!(lang, "nb" | "nn") { "no" } else { lang };
    let (_, filter) = TANTIVY.iter().find(|(l, _)| *l == lang)?;
    let mut tokenizer = filter.clone().transform(RawTokenizer::default());
    let mut stream = tokenizer.token_stream(word);
    // The filter lets through every token that is not a stop word.
    Some(!stream.advance())
}

/// Whether `word` is a stop word of one of the languages `lang` accepts (codes: `en`, `de`,
/// `nb`, ...).
pub fn is_stop_word(word: &str, lang: impl Fn(&str) -> bool) -> bool {
    let folded = crate::translit::fold(word);
    if ["en", "ru", "kk"].into_iter().filter(|l| lang(l)).any(|l| list(l).contains(&folded.as_str())) {
        return true;
    }
    let bare = crate::translit::fold_marks(word);
    if ["ro", "tr", "el", "pl", "uk", "ca"]
        .into_iter()
        .filter(|l| lang(l))
        .any(|l| list(l).contains(&bare.as_str()))
    {
        return true;
    }
    if QUESTIONS.iter().any(|(l, words)| lang(l) && words.contains(&bare.as_str())) {
        return true;
    }
    ["da", "nl", "fi", "fr", "de", "hu", "it", "no", "nb", "nn", "pt", "es", "sv"]
        .into_iter()
        .filter(|l| lang(l))
        .any(|l| {
            tantivy_list(l, &folded) == Some(true) || (bare != folded && tantivy_list(l, &bare) == Some(true))
        })
}

/// Whether annals knows stop words of `lang`.
pub fn has_stop_words(lang: &str) -> bool {
    !list(lang).is_empty() || tantivy_language(lang).is_some()
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
        // Tantivy's lists, and the ones written here.
        for (w, l) in [
            ("der", "de"),
            ("Den", "de"),
            ("auf", "de"),
            ("wurde", "de"),
            ("wird", "de"),
            ("wann", "de"),
            ("les", "fr"),
            ("où", "fr"),
            ("og", "nb"),
            ("și", "ro"),
            ("si", "ro"),
            ("και", "el"),
            ("się", "pl"),
            ("için", "tr"),
        ] {
            assert!(is_stop_word(w, |x| x == l), "{w} in {l}");
        }
        for (w, l) in [("verein", "de"), ("gegründet", "de"), ("mühle", "de"), ("forum", "fr")] {
            assert!(!is_stop_word(w, |x| x == l), "{w} in {l}");
        }
        assert!(has_stop_words("sv") && has_stop_words("ro") && !has_stop_words("zh"));
    }
}

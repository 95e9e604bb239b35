//! Word lists for people, read from the data files in `crates/extract/data/` (one entry a
//! line; the first line of each file says where the list came from): given names (ru, kk,
//! foreign names in Cyrillic, Latin-script names), titles and roles, speech verbs, words that
//! look like names but are not (places, organisations, calendar words), and the words the
//! chain rules of [`super`] look for around a name (particles, organisation and street words).
//!
//! Each list is parsed once, on first use, into a hash set (or map). Cyrillic lists are
//! stored and looked up through [`crate::translit::fold`], so a Kazakh spelling ("Нұрсұлтан")
//! and its Russian spelling ("Нурсултан") are one entry.

use crate::translit::fold;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// Grammatical gender of a given name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// Male name.
    Male,
    /// Female name.
    Female,
}

const RU_MALE: &str = include_str!("../../data/given_ru_male.txt");
const RU_FEMALE: &str = include_str!("../../data/given_ru_female.txt");
const FOREIGN_MALE_CYR: &str = include_str!("../../data/given_foreign_male_cyr.txt");
const FOREIGN_FEMALE_CYR: &str = include_str!("../../data/given_foreign_female_cyr.txt");
const KK_MALE: &str = include_str!("../../data/given_kk_male.txt");
const KK_FEMALE: &str = include_str!("../../data/given_kk_female.txt");
const LATIN_NAMES: &str = include_str!("../../data/given_latin.txt");
const NOT_NAMES: &str = include_str!("../../data/not_names.txt");
const ROLE_STEMS_RU: &str = include_str!("../../data/role_stems.txt");
const ROLE_WORDS_EN: &str = include_str!("../../data/role_words_en.txt");
const SPEECH_WORDS: &str = include_str!("../../data/speech_verbs.txt");

/// Every data file with its name (for the tests of their format).
#[cfg(test)]
const FILES: &[(&str, &str)] = &[
    ("given_ru_male", RU_MALE),
    ("given_ru_female", RU_FEMALE),
    ("given_foreign_male_cyr", FOREIGN_MALE_CYR),
    ("given_foreign_female_cyr", FOREIGN_FEMALE_CYR),
    ("given_kk_male", KK_MALE),
    ("given_kk_female", KK_FEMALE),
    ("given_latin", LATIN_NAMES),
    ("not_names", NOT_NAMES),
    ("role_stems", ROLE_STEMS_RU),
    ("role_words_en", ROLE_WORDS_EN),
    ("speech_verbs", SPEECH_WORDS),
    ("particles", include_str!("../../data/particles.txt")),
    ("org_words", include_str!("../../data/org_words.txt")),
    ("street_before", include_str!("../../data/street_before.txt")),
    ("street_after", include_str!("../../data/street_after.txt")),
    ("company_forms", include_str!("../../data/company_forms.txt")),
    ("personal_roles", include_str!("../../data/personal_roles.txt")),
    ("place_after", include_str!("../../data/place_after.txt")),
    ("ambiguous_given_en", include_str!("../../data/ambiguous_given_en.txt")),
    ("ambiguous_given_ru", include_str!("../../data/ambiguous_given_ru.txt")),
];

/// The entries of a data file: its lines without the `#` comment lines.
fn words(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A data file as a set of its entries, as written.
fn set(file: &'static str) -> HashSet<&'static str> {
    words(file).collect()
}

/// Lowercase particles inside names: "van", "de", "ibn", "аль".
pub(crate) static PARTICLES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("../../data/particles.txt")));

/// Words after which a capitalised word is an organisation or place, not a person
/// (lowercase, Latin script).
pub(crate) static ORG_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("../../data/org_words.txt")));

/// Street words written before the street's name (lowercase): "улица", "проспекта".
pub(crate) static STREET_BEFORE: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("../../data/street_before.txt")));

/// Street words written after the name (lowercase): "st", "avenue", "көшесі", "даңғылы".
pub(crate) static STREET_AFTER: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("../../data/street_after.txt")));

/// Company legal forms written after a company's name, case as written: "SA", "GmbH".
pub(crate) static COMPANY_FORMS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("../../data/company_forms.txt")));

/// Role stems (folded) after which a single capitalised word is a person: "писател",
/// "поэт", "ақын".
pub(crate) static PERSONAL_ROLES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(include_str!("../../data/personal_roles.txt")).collect());

/// Words after a name (lowercase) that make it a place or a name given to a place:
/// "облысы", "атындағы", "street".
pub(crate) static PLACE_AFTER: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("../../data/place_after.txt")));

/// English given names that are also common words (lowercase).
pub(crate) static AMBIGUOUS_EN: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("../../data/ambiguous_given_en.txt")));

/// Russian and Kazakh given names that are also common words (folded).
pub(crate) static AMBIGUOUS_RU: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("../../data/ambiguous_given_ru.txt")));

/// Reporting verbs that also take a newspaper or agency as subject ("пишет Лента.ру").
pub const MEDIA_VERBS: &[&str] =
    &["пишет", "цитирует", "сообщает", "сообщил", "сообщила", "reported", "wrote"];

/// A given name found in a lexicon: nominative form and gender.
#[derive(Debug, Clone)]
pub struct Given {
    /// Nominative form as listed.
    pub lemma: &'static str,
    /// Gender.
    pub gender: Gender,
}

/// Cyrillic given names keyed by folded nominative.
pub static CYR_GIVEN: LazyLock<HashMap<String, Given>> = LazyLock::new(|| {
    let mut m = HashMap::default();
    for (list, gender) in [
        (RU_MALE, Gender::Male),
        (FOREIGN_MALE_CYR, Gender::Male),
        (KK_MALE, Gender::Male),
        (RU_FEMALE, Gender::Female),
        (FOREIGN_FEMALE_CYR, Gender::Female),
        (KK_FEMALE, Gender::Female),
    ] {
        for w in words(list) {
            m.entry(fold(w)).or_insert(Given { lemma: w, gender });
        }
    }
    m
});

/// Latin-script given names, folded with [`super::coref::key_fold`]: the Latin list plus
/// every Cyrillic given name transliterated ("Ирина" → "irina", "Алексей" → "aleksey").
pub static LATIN_GIVEN: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut names: HashSet<String> = words(LATIN_NAMES).map(super::coref::key_fold).collect();
    for list in [RU_MALE, RU_FEMALE, KK_MALE, KK_FEMALE] {
        names.extend(words(list).map(|w| super::coref::key_fold(&crate::translit::to_latin(w))));
    }
    names
});

/// A Latin-script word (lowercase) is a given name.
pub fn is_latin_given(lower: &str) -> bool {
    LATIN_GIVEN.contains(&super::coref::key_fold(lower))
}

/// Words that are never names alone (folded lowercase).
pub static NOT_NAME: LazyLock<HashSet<String>> = LazyLock::new(|| words(NOT_NAMES).map(fold).collect());

/// Role stems (Cyrillic, folded).
pub static ROLE_STEMS: LazyLock<HashSet<String>> = LazyLock::new(|| words(ROLE_STEMS_RU).map(fold).collect());

/// The first three chars of each role stem of three or more chars.
static ROLE_STEM_STARTS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    ROLE_STEMS
        .iter()
        .filter_map(|s| {
            s.char_indices().nth(3).map(|(e, _)| &s[..e]).or((s.chars().count() == 3).then_some(s.as_str()))
        })
        .collect()
});

/// English role words.
pub static ROLE_EN: LazyLock<HashSet<&'static str>> = LazyLock::new(|| words(ROLE_WORDS_EN).collect());

/// Speech verbs (folded).
pub static SPEECH: LazyLock<HashSet<String>> = LazyLock::new(|| words(SPEECH_WORDS).map(fold).collect());

/// The folded lowercase word is a role or title.
pub fn is_role(folded: &str) -> bool {
    if ROLE_EN.contains(folded) {
        return true;
    }
    // a stem of 3+ chars followed by at most 3 more chars: the whole word, then the word
    // without its last 1, 2 and 3 chars while 3 or more chars are left
    if ROLE_STEMS.contains(folded) {
        return true;
    }
    // (a shorter stem starts with the word's first three chars)
    if !folded.char_indices().nth(3).is_some_and(|(e, _)| ROLE_STEM_STARTS.contains(&folded[..e])) {
        return false;
    }
    let mut rest = folded;
    for _ in 0..3 {
        let mut cs = rest.chars();
        if cs.next_back().is_none() {
            return false;
        }
        rest = cs.as_str();
        if rest.chars().nth(2).is_none() {
            return false;
        }
        if ROLE_STEMS.contains(rest) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_say_where_they_came_from_and_hold_one_entry_a_line() {
        for (name, text) in FILES {
            let mut lines = text.lines();
            let first = lines.next().unwrap_or_default();
            assert!(
                first.starts_with("# ") && first.len() > 20,
                "{name}: the first line says where the list came from"
            );
            let mut seen = HashSet::default();
            for (n, line) in lines.enumerate() {
                let at = format!("{name}.txt line {}: {line:?}", n + 2);
                assert!(
                    !line.is_empty() && !line.starts_with('#'),
                    "{at}: one entry a line, one comment line at the top"
                );
                assert!(!line.contains(char::is_whitespace), "{at}: one entry a line");
                assert!(seen.insert(line), "{at}: listed twice");
            }
        }
    }

    #[test]
    fn lists_load() {
        assert!(CYR_GIVEN.contains_key("нурсултан"));
        assert!(CYR_GIVEN.contains_key("ирина"));
        assert!(is_latin_given("kaiyan"));
        assert!(is_latin_given("irina"));
        assert!(is_latin_given("alexey"));
        assert!(NOT_NAME.contains("москва"));
        assert!(is_role("профессора"));
        assert!(is_role("minister"));
        assert!(!is_role("москва"));
    }

    #[test]
    fn role_stems_and_endings() {
        // the old definition: a stem of 3+ chars followed by at most 3 more chars
        let old = |w: &str| {
            let ends: Vec<usize> = w.char_indices().map(|(i, _)| i).skip(3).chain([w.len()]).collect();
            ROLE_EN.contains(w) || ends.iter().rev().take(4).any(|&e| ROLE_STEMS.contains(&w[..e]))
        };
        let mut words: Vec<String> = ROLE_STEMS.iter().cloned().collect();
        for stem in ROLE_STEMS.iter() {
            for end in ["", "а", "ом", "ами", "ская", "ь", "x"] {
                words.push(format!("{stem}{end}"));
            }
            let short: String = stem.chars().take(2).collect();
            words.push(short);
        }
        words.extend(["", "a", "ab", "абв", "директор", "директорами", "директорамии"].map(String::from));
        for w in &words {
            assert_eq!(is_role(w), old(w), "{w}");
        }
    }
}

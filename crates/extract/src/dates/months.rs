//! Month, weekday and season words in Russian, Kazakh and English, with inflected forms.
//!
//! Russian forms are listed (nominative, genitive, locative, dative, instrumental); Kazakh
//! forms are a stem plus any case or possessive suffix from [`KK_SUFFIXES`]; English forms are
//! the full names and the newswire abbreviations ("Sept.", "Oct.").

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// Which language a calendar word belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Russian.
    Ru,
    /// Kazakh.
    Kk,
    /// English.
    En,
}

const RU_MONTHS: [&[&str]; 12] = [
    &["январь", "января", "январе", "январю", "январем"],
    &["февраль", "февраля", "феврале", "февралю", "февралем"],
    &["март", "марта", "марте", "марту", "мартом"],
    &["апрель", "апреля", "апреле", "апрелю", "апрелем"],
    &["май", "мая", "мае", "маю", "маем"],
    &["июнь", "июня", "июне", "июню", "июнем"],
    &["июль", "июля", "июле", "июлю", "июлем"],
    &["август", "августа", "августе", "августу", "августом"],
    &["сентябрь", "сентября", "сентябре", "сентябрю", "сентябрем"],
    &["октябрь", "октября", "октябре", "октябрю", "октябрем"],
    &["ноябрь", "ноября", "ноябре", "ноябрю", "ноябрем"],
    &["декабрь", "декабря", "декабре", "декабрю", "декабрем"],
];

const KK_MONTHS: [&str; 12] = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
];

const EN_MONTHS: [&[&str]; 12] = [
    &["january", "jan"],
    &["february", "feb"],
    &["march", "mar"],
    &["april", "apr"],
    &["may"],
    &["june", "jun"],
    &["july", "jul"],
    &["august", "aug"],
    &["september", "sep", "sept"],
    &["october", "oct"],
    &["november", "nov"],
    &["december", "dec"],
];

/// Kazakh case and possessive endings that may follow a calendar stem
/// (шілде-де, қаңтар-ының, сәуір-ге, мамыр-дың, наурыз-дан).
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
static KK_SUFFIX_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| KK_SUFFIXES.iter().copied().collect());

/// `s` is one of [`KK_SUFFIXES`] (the empty one too).
pub fn is_kk_suffix(s: &str) -> bool {
    KK_SUFFIX_SET.contains(s)
}

static MONTHS: LazyLock<HashMap<&'static str, (u8, Lang)>> = LazyLock::new(|| {
    let mut m = HashMap::default();
    for (i, forms) in RU_MONTHS.iter().enumerate() {
        for f in *forms {
            m.insert(*f, (i as u8 + 1, Lang::Ru));
        }
    }
    for (i, forms) in EN_MONTHS.iter().enumerate() {
        for f in *forms {
            m.insert(*f, (i as u8 + 1, Lang::En));
        }
    }
    m
});

/// Strip a Kazakh suffix from `w` if the rest is one of `stems`; returns the stem index.
pub fn kk_stem(w: &str, stems: &[&str]) -> Option<usize> {
    for (i, s) in stems.iter().enumerate() {
        if let Some(rest) = crate::affix::strip_prefix(w, s)
            && is_kk_suffix(rest)
        {
            return Some(i);
        }
        // stems ending in a vowel drop nothing; "сәуір" may lose its і before a vowel
        // suffix in speech ("сәуірі" is regular): nothing to do.
    }
    None
}

/// The month (1–12) named by the lowercase word `w`, and its language.
pub fn month_of(w: &str) -> Option<(u8, Lang)> {
    if let Some(&v) = MONTHS.get(w) {
        return Some(v);
    }
    kk_stem(w, &KK_MONTHS).map(|i| (i as u8 + 1, Lang::Kk))
}

/// The weekday (0 = Monday … 6 = Sunday) named by the lowercase word `w`.
pub fn weekday_of(w: &str) -> Option<(u8, Lang)> {
    let ru = match w {
        "понедельник" | "понедельника" | "понедельнику" => Some(0),
        "вторник" | "вторника" | "вторнику" => Some(1),
        "среда" | "среду" | "среды" | "среде" => Some(2),
        "четверг" | "четверга" | "четвергу" => Some(3),
        "пятница" | "пятницу" | "пятницы" | "пятнице" => Some(4),
        "суббота" | "субботу" | "субботы" | "субботе" => Some(5),
        "воскресенье" | "воскресенья" | "воскресенью" => Some(6),
        _ => None,
    };
    if let Some(d) = ru {
        return Some((d, Lang::Ru));
    }
    let en = match w {
        "monday" => Some(0),
        "tuesday" => Some(1),
        "wednesday" => Some(2),
        "thursday" => Some(3),
        "friday" => Some(4),
        "saturday" => Some(5),
        "sunday" => Some(6),
        _ => None,
    };
    if let Some(d) = en {
        return Some((d, Lang::En));
    }
    kk_stem(w, &["дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі", "жексенбі"])
        .map(|i| (i as u8, Lang::Kk))
}

/// A season: 0 spring, 1 summer, 2 autumn, 3 winter.
pub fn season_of(w: &str) -> Option<u8> {
    match w {
        "весной" | "весна" | "весны" | "весну" | "spring" => Some(0),
        "летом" | "лето" | "лета" | "summer" => Some(1),
        "осенью" | "осень" | "осени" | "fall" | "autumn" => Some(2),
        "зимой" | "зима" | "зимы" | "зиму" | "winter" => Some(3),
        _ => kk_stem(w, &["көктем", "жаз", "күз", "қыс"]).map(|i| i as u8),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_three_languages() {
        for (w, m) in [
            ("января", 1),
            ("мае", 5),
            ("шілдеде", 7),
            ("қаңтардың", 1),
            ("қазанда", 10),
            ("қарашада", 11),
            ("сept", 0),
            ("sept", 9),
            ("december", 12),
            ("желтоқсанның", 12),
        ] {
            assert_eq!(month_of(w).map(|x| x.0).unwrap_or(0), m, "{w}");
        }
    }

    #[test]
    fn weekdays() {
        assert_eq!(weekday_of("субботу").map(|x| x.0), Some(5));
        assert_eq!(weekday_of("friday").map(|x| x.0), Some(4));
        assert_eq!(weekday_of("сенбіде").map(|x| x.0), Some(5));
        assert_eq!(weekday_of("жұмада").map(|x| x.0), Some(4));
    }
}

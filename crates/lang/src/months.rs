//! Month, weekday and season words, with inflected forms.
//!
//! Two readers use them:
//!
//! - the date grammar of `annals-extract`, in Russian, Kazakh and English ([`month_of`],
//!   [`weekday_of`], [`season_of`], with the calendar language [`Lang`]): Russian forms are
//!   listed (nominative, genitive, locative, dative, instrumental); Kazakh forms are a stem
//!   plus any case or possessive suffix from [`KK_SUFFIXES`]; English forms are the full names
//!   and the newswire abbreviations ("Sept.", "Oct.");
//! - the query side of the search engine, in every language annals analyses ([`month_named`]):
//!   the three above plus the languages with a Snowball stemmer (de, fr, es, it, pt, nl, ro,
//!   sv, no, da, fi, hu, tr, el, ar) and pl, uk, ca, matched on folded forms (no diacritics,
//!   Kazakh letters folded), so `marz` is `März` and `шилде` is `шілде`.

use std::sync::LazyLock;

use rustc_hash::FxHashMap as HashMap;

use crate::kazakh::{KK_SUFFIXES, is_kk_suffix};

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

// Source: the Russian calendar, nominative and oblique case forms (ru), written for annals.
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

// Source: the Kazakh calendar (kk), nominative stems, written for annals.
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

// Source: English month names and newswire abbreviations (en), written for annals.
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

/// Every word [`month_of`] names a month by, spelled out: the Russian and English forms, then
/// each Kazakh stem with each of [`KK_SUFFIXES`]. One look-up instead of a dozen prefix
/// tests: the date grammar asks about every word of a text.
static MONTHS: LazyLock<HashMap<String, (u8, Lang)>> = LazyLock::new(|| {
    let mut exact = Vec::new();
    for (i, forms) in RU_MONTHS.iter().enumerate() {
        exact.extend(forms.iter().map(|f| (*f, (i as u8 + 1, Lang::Ru))));
    }
    for (i, forms) in EN_MONTHS.iter().enumerate() {
        exact.extend(forms.iter().map(|f| (*f, (i as u8 + 1, Lang::En))));
    }
    spelled(&exact, &KK_MONTHS, |i| (i as u8 + 1, Lang::Kk))
});

/// A table of words and their values: `exact` (a later entry of a word replaces an earlier
/// one), then every word [`kk_stem`] accepts for `stems` that `exact` lacks, valued by the
/// index of the first stem that spells it, as [`kk_stem`] answers.
fn spelled<T: Copy>(exact: &[(&str, T)], stems: &[&str], value: impl Fn(usize) -> T) -> HashMap<String, T> {
    let mut m: HashMap<String, T> = exact.iter().map(|(w, v)| ((*w).to_owned(), *v)).collect();
    for (i, form) in kk_forms(stems) {
        m.entry(form).or_insert(value(i));
    }
    m
}

/// Every word [`kk_stem`] accepts for `stems`, with the index of the stem: each stem followed
/// by each of [`KK_SUFFIXES`] (the empty one too), in the order [`kk_stem`] tries them.
pub fn kk_forms<'a>(stems: &'a [&'a str]) -> impl Iterator<Item = (usize, String)> + 'a {
    stems
        .iter()
        .enumerate()
        .flat_map(|(i, stem)| KK_SUFFIXES.iter().map(move |suffix| (i, format!("{stem}{suffix}"))))
}

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

/// How a date written out in `lang` names month `month` (1–12) after the day: the Russian
/// genitive (`20 июля`), the Kazakh nominative (`20 шілде`), the English name in lowercase
/// (`july`); `None` outside 1–12.
pub fn written(lang: Lang, month: u8) -> Option<&'static str> {
    let i = usize::from(month).checked_sub(1)?;
    match lang {
        Lang::Ru => RU_MONTHS.get(i).map(|forms| forms[1]),
        Lang::Kk => KK_MONTHS.get(i).copied(),
        Lang::En => EN_MONTHS.get(i).map(|forms| forms[0]),
    }
}

/// The month (1–12) named by the lowercase word `w`, and its language.
pub fn month_of(w: &str) -> Option<(u8, Lang)> {
    MONTHS.get(w).copied()
}

// Source: Russian, English and Kazakh weekday names with Russian case forms, written for annals.
const RU_WEEKDAYS: [&[&str]; 7] = [
    &["понедельник", "понедельника", "понедельнику"],
    &["вторник", "вторника", "вторнику"],
    &["среда", "среду", "среды", "среде"],
    &["четверг", "четверга", "четвергу"],
    &["пятница", "пятницу", "пятницы", "пятнице"],
    &["суббота", "субботу", "субботы", "субботе"],
    &["воскресенье", "воскресенья", "воскресенью"],
];
const EN_WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const KK_WEEKDAYS: [&str; 7] = ["дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі", "жексенбі"];

/// Every word [`weekday_of`] names a weekday by, spelled out as [`MONTHS`] is.
static WEEKDAYS: LazyLock<HashMap<String, (u8, Lang)>> = LazyLock::new(|| {
    let mut exact = Vec::new();
    for (d, forms) in RU_WEEKDAYS.iter().enumerate() {
        exact.extend(forms.iter().map(|f| (*f, (d as u8, Lang::Ru))));
    }
    exact.extend(EN_WEEKDAYS.iter().enumerate().map(|(d, f)| (*f, (d as u8, Lang::En))));
    spelled(&exact, &KK_WEEKDAYS, |d| (d as u8, Lang::Kk))
});

/// The weekday (0 = Monday … 6 = Sunday) named by the lowercase word `w`.
pub fn weekday_of(w: &str) -> Option<(u8, Lang)> {
    WEEKDAYS.get(w).copied()
}

// Source: Russian, English and Kazakh season words with Russian case forms, written for annals.
const SEASON_WORDS: [&[&str]; 4] = [
    &["весной", "весна", "весны", "весну", "spring"],
    &["летом", "лето", "лета", "summer"],
    &["осенью", "осень", "осени", "fall", "autumn"],
    &["зимой", "зима", "зимы", "зиму", "winter"],
];
const KK_SEASONS: [&str; 4] = ["көктем", "жаз", "күз", "қыс"];

/// Every word [`season_of`] names a season by, spelled out as [`MONTHS`] is.
static SEASONS: LazyLock<HashMap<String, u8>> = LazyLock::new(|| {
    let mut exact = Vec::new();
    for (n, forms) in SEASON_WORDS.iter().enumerate() {
        exact.extend(forms.iter().map(|f| (*f, n as u8)));
    }
    spelled(&exact, &KK_SEASONS, |n| n as u8)
});

/// A season: 0 spring, 1 summer, 2 autumn, 3 winter.
pub fn season_of(w: &str) -> Option<u8> {
    SEASONS.get(w).copied()
}

/// How a month word of [`OTHER_MONTHS`] is matched.
#[derive(Debug, Clone, Copy)]
enum Form {
    /// The folded word is this form.
    Exact(&'static str),
    /// The folded word starts with this stem and adds at most this many letters (case
    /// endings of languages that glue them on: Finnish `tammikuussa`, Hungarian `májusban`,
    /// Turkish `ekimde`, Greek `Μαΐου`).
    Stem(&'static str, usize),
}

use Form::{Exact as E, Stem as S};

/// Month words of the languages annals analyses beyond Russian, Kazakh and English, as
/// written (folded when looked up): `(language, forms of January … December)`.
// Source: the Gregorian month names of each language (CLDR's wide and abbreviated formats
// for these locales), with the case forms news text uses, written for annals.
const OTHER_MONTHS: &[(&str, [&[Form]; 12])] = &[
    (
        "de",
        [
            &[E("januar"), E("jänner"), E("jan")],
            &[E("februar"), E("feber"), E("feb")],
            &[E("märz"), E("mrz")],
            &[E("april"), E("apr")],
            &[E("mai")],
            &[E("juni"), E("jun")],
            &[E("juli"), E("jul")],
            &[E("august"), E("aug")],
            &[E("september"), E("sept"), E("sep")],
            &[E("oktober"), E("okt")],
            &[E("november"), E("nov")],
            &[E("dezember"), E("dez")],
        ],
    ),
    (
        "fr",
        [
            &[E("janvier"), E("janv")],
            &[E("février"), E("févr")],
            &[E("mars")],
            &[E("avril"), E("avr")],
            &[E("mai")],
            &[E("juin")],
            &[E("juillet"), E("juil")],
            &[E("août")],
            &[E("septembre"), E("sept")],
            &[E("octobre"), E("oct")],
            &[E("novembre"), E("nov")],
            &[E("décembre"), E("déc")],
        ],
    ),
    (
        "es",
        [
            &[E("enero"), E("ene")],
            &[E("febrero"), E("feb")],
            &[E("marzo")],
            &[E("abril"), E("abr")],
            &[E("mayo")],
            &[E("junio")],
            &[E("julio")],
            &[E("agosto"), E("ago")],
            &[E("septiembre"), E("setiembre"), E("sept")],
            &[E("octubre"), E("oct")],
            &[E("noviembre"), E("nov")],
            &[E("diciembre"), E("dic")],
        ],
    ),
    (
        "ca",
        [
            &[E("gener")],
            &[E("febrer")],
            &[E("març")],
            &[E("abril")],
            &[E("maig")],
            &[E("juny")],
            &[E("juliol")],
            &[E("agost")],
            &[E("setembre")],
            &[E("octubre")],
            &[E("novembre")],
            &[E("desembre")],
        ],
    ),
    (
        "it",
        [
            &[E("gennaio"), E("gen")],
            &[E("febbraio"), E("feb")],
            &[E("marzo")],
            &[E("aprile"), E("apr")],
            &[E("maggio"), E("mag")],
            &[E("giugno"), E("giu")],
            &[E("luglio"), E("lug")],
            &[E("agosto"), E("ago")],
            &[E("settembre"), E("set")],
            &[E("ottobre"), E("ott")],
            &[E("novembre"), E("nov")],
            &[E("dicembre"), E("dic")],
        ],
    ),
    (
        "pt",
        [
            &[E("janeiro"), E("jan")],
            &[E("fevereiro"), E("fev")],
            &[E("março")],
            &[E("abril"), E("abr")],
            &[E("maio")],
            &[E("junho")],
            &[E("julho")],
            &[E("agosto"), E("ago")],
            &[E("setembro"), E("set")],
            &[E("outubro"), E("out")],
            &[E("novembro"), E("nov")],
            &[E("dezembro"), E("dez")],
        ],
    ),
    (
        "nl",
        [
            &[E("januari"), E("jan")],
            &[E("februari"), E("feb")],
            &[E("maart"), E("mrt")],
            &[E("april"), E("apr")],
            &[E("mei")],
            &[E("juni")],
            &[E("juli")],
            &[E("augustus"), E("aug")],
            &[E("september"), E("sept"), E("sep")],
            &[E("oktober"), E("okt")],
            &[E("november"), E("nov")],
            &[E("december"), E("dec")],
        ],
    ),
    (
        "ro",
        [
            &[E("ianuarie"), E("ian")],
            &[E("februarie"), E("feb")],
            &[E("martie"), E("mar")],
            &[E("aprilie"), E("apr")],
            &[E("mai")],
            &[E("iunie"), E("iun")],
            &[E("iulie"), E("iul")],
            &[E("august"), E("aug")],
            &[E("septembrie"), E("sept")],
            &[E("octombrie"), E("oct")],
            &[E("noiembrie"), E("noi")],
            &[E("decembrie"), E("dec")],
        ],
    ),
    (
        "sv",
        [
            &[E("januari"), E("jan")],
            &[E("februari"), E("feb")],
            &[E("mars")],
            &[E("april"), E("apr")],
            &[E("maj")],
            &[E("juni")],
            &[E("juli")],
            &[E("augusti"), E("aug")],
            &[E("september"), E("sept")],
            &[E("oktober"), E("okt")],
            &[E("november"), E("nov")],
            &[E("december"), E("dec")],
        ],
    ),
    (
        "no",
        [
            &[E("januar"), E("jan")],
            &[E("februar"), E("feb")],
            &[E("mars")],
            &[E("april"), E("apr")],
            &[E("mai")],
            &[E("juni")],
            &[E("juli")],
            &[E("august"), E("aug")],
            &[E("september"), E("sept")],
            &[E("oktober"), E("okt")],
            &[E("november"), E("nov")],
            &[E("desember"), E("des")],
        ],
    ),
    (
        "da",
        [
            &[E("januar"), E("jan")],
            &[E("februar"), E("feb")],
            &[E("marts")],
            &[E("april"), E("apr")],
            &[E("maj")],
            &[E("juni")],
            &[E("juli")],
            &[E("august"), E("aug")],
            &[E("september"), E("sept")],
            &[E("oktober"), E("okt")],
            &[E("november"), E("nov")],
            &[E("december"), E("dec")],
        ],
    ),
    (
        "fi",
        [
            &[S("tammikuu", 4)],
            &[S("helmikuu", 4)],
            &[S("maaliskuu", 4)],
            &[S("huhtikuu", 4)],
            &[S("toukokuu", 4)],
            &[S("kesäkuu", 4)],
            &[S("heinäkuu", 4)],
            &[S("elokuu", 4)],
            &[S("syyskuu", 4)],
            &[S("lokakuu", 4)],
            &[S("marraskuu", 4)],
            &[S("joulukuu", 4)],
        ],
    ),
    (
        "hu",
        [
            &[S("január", 4)],
            &[S("február", 4)],
            &[S("március", 4)],
            &[S("április", 4)],
            &[S("május", 4)],
            &[S("június", 4)],
            &[S("július", 4)],
            &[S("augusztus", 4)],
            &[S("szeptember", 4)],
            &[S("október", 4)],
            &[S("november", 4)],
            &[S("december", 4)],
        ],
    ),
    (
        "tr",
        [
            &[S("ocak", 3)],
            &[S("şubat", 3)],
            &[S("mart", 3)],
            &[S("nisan", 3)],
            &[S("mayıs", 3)],
            &[S("haziran", 3)],
            &[S("temmuz", 3)],
            &[S("ağustos", 3)],
            &[S("eylül", 3)],
            &[S("ekim", 3)],
            &[S("kasım", 3)],
            &[S("aralık", 3)],
        ],
    ),
    (
        "el",
        [
            &[S("ιανουαρ", 3)],
            &[S("φεβρουαρ", 3)],
            &[S("μαρτ", 3)],
            &[S("απριλ", 3)],
            &[E("μαιος"), E("μαιου"), E("μαη")],
            &[S("ιουν", 3)],
            &[S("ιουλ", 3)],
            &[S("αυγουστ", 3)],
            &[S("σεπτεμβρ", 3)],
            &[S("οκτωβρ", 3)],
            &[S("νοεμβρ", 3)],
            &[S("δεκεμβρ", 3)],
        ],
    ),
    (
        "ar",
        [
            &[E("يناير")],
            &[E("فبراير"), E("شباط")],
            &[E("مارس"), E("آذار")],
            &[E("أبريل"), E("إبريل"), E("نيسان")],
            &[E("مايو"), E("أيار")],
            &[E("يونيو"), E("يونيه"), E("حزيران")],
            &[E("يوليو"), E("يوليه"), E("تموز")],
            &[E("أغسطس"), E("آب")],
            &[E("سبتمبر"), E("أيلول")],
            &[E("أكتوبر")],
            &[E("نوفمبر")],
            &[E("ديسمبر")],
        ],
    ),
    (
        "pl",
        [
            &[E("styczeń"), E("stycznia"), E("styczniu")],
            &[E("luty"), E("lutego"), E("lutym")],
            &[E("marzec"), E("marca"), E("marcu")],
            &[E("kwiecień"), E("kwietnia"), E("kwietniu")],
            &[E("maj"), E("maja"), E("maju")],
            &[E("czerwiec"), E("czerwca"), E("czerwcu")],
            &[E("lipiec"), E("lipca"), E("lipcu")],
            &[E("sierpień"), E("sierpnia"), E("sierpniu")],
            &[E("wrzesień"), E("września"), E("wrześniu")],
            &[E("październik"), E("października"), E("październiku")],
            &[E("listopad"), E("listopada"), E("listopadzie")],
            &[E("grudzień"), E("grudnia"), E("grudniu")],
        ],
    ),
    (
        "uk",
        [
            &[E("січень"), E("січня"), E("січні")],
            &[E("лютий"), E("лютого"), E("лютому")],
            &[E("березень"), E("березня"), E("березні")],
            &[E("квітень"), E("квітня"), E("квітні")],
            &[E("травень"), E("травня"), E("травні")],
            &[E("червень"), E("червня"), E("червні")],
            &[E("липень"), E("липня"), E("липні")],
            &[E("серпень"), E("серпня"), E("серпні")],
            &[E("вересень"), E("вересня"), E("вересні")],
            &[E("жовтень"), E("жовтня"), E("жовтні")],
            &[E("листопад"), E("листопада"), E("листопаді")],
            &[E("грудень"), E("грудня"), E("грудні")],
        ],
    ),
];

/// One month word of any language, folded: `(form, language, month, letters it may add)`;
/// `None` for an exact form.
type Entry = (String, &'static str, u8, Option<usize>);

/// Exact forms (each with its languages and months), and stems.
type Named = (HashMap<String, Vec<(&'static str, u8)>>, Vec<Entry>);

/// Every month word of every language, folded with [`crate::translit::fold_marks`].
static NAMED: LazyLock<Named> = LazyLock::new(|| {
    let mut exact: HashMap<String, Vec<(&'static str, u8)>> = HashMap::default();
    let mut stems = Vec::new();
    let mut add = |form: &str, lang: &'static str, month: u8| {
        exact.entry(crate::translit::fold_marks(form)).or_default().push((lang, month));
    };
    for (i, forms) in RU_MONTHS.iter().enumerate() {
        for f in *forms {
            add(f, "ru", i as u8 + 1);
        }
    }
    for (i, forms) in EN_MONTHS.iter().enumerate() {
        for f in *forms {
            add(f, "en", i as u8 + 1);
        }
    }
    for (lang, months) in OTHER_MONTHS {
        for (i, forms) in months.iter().enumerate() {
            for form in *forms {
                match *form {
                    Form::Exact(f) => add(f, lang, i as u8 + 1),
                    Form::Stem(f, extra) => {
                        stems.push((crate::translit::fold_marks(f), *lang, i as u8 + 1, Some(extra)));
                    }
                }
            }
        }
    }
    for (i, stem) in KK_MONTHS.iter().enumerate() {
        stems.push((crate::translit::fold_marks(stem), "kk", i as u8 + 1, None));
    }
    (exact, stems)
});

/// The month (1–12) a query word names in one of the languages `lang` accepts (codes: `en`,
/// `ru`, `kk`, `de`, `fr`, ..., `no` for Norwegian), inflected forms included: `July`,
/// `июля`, `шілдеде` (and `шилдеде`, typed without Kazakh letters), `März` (and `marz`),
/// `tammikuussa`. Kazakh month stems take any ending of
/// [`KK_SUFFIXES`].
pub fn month_named(word: &str, lang: impl Fn(&str) -> bool) -> Option<u8> {
    let w = crate::translit::fold_marks(word);
    let (exact, stems) = &*NAMED;
    if let Some(found) = exact.get(&w)
        && let Some((_, m)) = found.iter().find(|(l, _)| lang(l))
    {
        return Some(*m);
    }
    for (stem, l, month, extra) in stems {
        let Some(rest) = w.strip_prefix(stem.as_str()) else { continue };
        if !lang(l) {
            continue;
        }
        let fits = match extra {
            Some(n) => rest.chars().count() <= *n,
            None => KK_SUFFIXES_FOLDED.contains(rest),
        };
        if fits {
            return Some(*month);
        }
    }
    None
}

/// [`KK_SUFFIXES`] folded: a Kazakh query may be typed without
/// the Kazakh letters.
static KK_SUFFIXES_FOLDED: LazyLock<rustc_hash::FxHashSet<String>> =
    LazyLock::new(|| crate::kazakh::KK_SUFFIXES.iter().map(|s| crate::translit::fold_marks(s)).collect());

/// Every language [`month_named`] knows month words of.
pub fn month_languages() -> impl Iterator<Item = &'static str> {
    ["ru", "kk", "en"].into_iter().chain(OTHER_MONTHS.iter().map(|(l, _)| *l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_months_read_back_as_themselves() {
        assert_eq!(written(Lang::Ru, 7), Some("июля"));
        assert_eq!(written(Lang::Kk, 7), Some("шілде"));
        assert_eq!(written(Lang::En, 12), Some("december"));
        assert_eq!(written(Lang::En, 0), None);
        for lang in [Lang::Ru, Lang::Kk, Lang::En] {
            for m in 1..=12 {
                assert_eq!(month_of(written(lang, m).expect("a month")), Some((m, lang)));
            }
        }
    }

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
    fn months_in_every_language() {
        let any = |_: &str| true;
        for (w, m) in [
            ("July", 7),
            ("июля", 7),
            ("шілдеде", 7),
            ("шилдеде", 7),
            ("қаңтардың", 1),
            ("Oct", 10),
            ("März", 3),
            ("marz", 3),
            ("Dezember", 12),
            ("août", 8),
            ("aout", 8),
            ("octombrie", 10),
            ("tammikuussa", 1),
            ("májusban", 5),
            ("Μαΐου", 5),
            ("Σεπτεμβρίου", 9),
            ("października", 10),
            ("травня", 5),
        ] {
            assert_eq!(month_named(w, any), Some(m), "{w}");
        }
        for w in ["market", "майонез", "мартин", "казахстан", "маймак", "junior", "mayor"]
        {
            assert_eq!(month_named(w, any), None, "{w}");
        }
        // Only the languages asked for.
        assert_eq!(month_named("mai", |l| l == "en"), None);
        assert_eq!(month_named("mai", |l| l == "de"), Some(5));
        assert_eq!(month_named("maart", |l| l == "nl"), Some(3));
        assert!(month_languages().any(|l| l == "fi"));
    }

    /// The tables spell out exactly what the stem tests accepted: the exact forms, else a
    /// Kazakh stem plus one of the endings, the first stem that fits.
    #[test]
    fn spelled_tables_answer_as_the_stem_tests() {
        fn by_stems<T>(w: &str, exact: &[(&str, T)], stems: &[&str], value: impl Fn(usize) -> T) -> Option<T>
        where
            T: Copy,
        {
            let hit = exact.iter().rev().find(|(e, _)| *e == w).map(|(_, v)| *v);
            hit.or_else(|| kk_stem(w, stems).map(value))
        }
        let mut months = Vec::new();
        for (i, forms) in RU_MONTHS.iter().enumerate() {
            months.extend(forms.iter().map(|f| (*f, (i as u8 + 1, Lang::Ru))));
        }
        for (i, forms) in EN_MONTHS.iter().enumerate() {
            months.extend(forms.iter().map(|f| (*f, (i as u8 + 1, Lang::En))));
        }
        let mut weekdays = Vec::new();
        for (d, forms) in RU_WEEKDAYS.iter().enumerate() {
            weekdays.extend(forms.iter().map(|f| (*f, (d as u8, Lang::Ru))));
        }
        weekdays.extend(EN_WEEKDAYS.iter().enumerate().map(|(d, f)| (*f, (d as u8, Lang::En))));
        let mut seasons = Vec::new();
        for (n, forms) in SEASON_WORDS.iter().enumerate() {
            seasons.extend(forms.iter().map(|f| (*f, n as u8)));
        }
        // every exact form and every stem, bare, with one or two endings, cut short by a
        // letter, and with a letter more
        let mut stems: Vec<&str> = KK_MONTHS.iter().chain(&KK_WEEKDAYS).chain(&KK_SEASONS).copied().collect();
        stems.extend(
            months.iter().map(|e| e.0).chain(weekdays.iter().map(|e| e.0)).chain(seasons.iter().map(|e| e.0)),
        );
        let mut words = Vec::new();
        for stem in &stems {
            for a in KK_SUFFIXES {
                words.push(format!("{stem}{a}"));
                for b in ["", "ның", "да", "а"] {
                    words.push(format!("{stem}{a}{b}"));
                }
            }
            let mut cut = stem.chars();
            cut.next_back();
            words.push(cut.as_str().to_owned());
            words.push(format!("x{stem}"));
        }
        words.extend(KK_SUFFIXES.iter().map(|s| (*s).to_owned()));
        words.extend(["", "май", "maybe", "мамырлау", "жазу", "күзет", "қысқа"].map(String::from));
        assert!(words.len() > 10_000);
        for w in &words {
            let month = by_stems(w, &months, &KK_MONTHS, |i| (i as u8 + 1, Lang::Kk));
            assert_eq!(month_of(w), month, "month_of({w:?})");
            let weekday = by_stems(w, &weekdays, &KK_WEEKDAYS, |d| (d as u8, Lang::Kk));
            assert_eq!(weekday_of(w), weekday, "weekday_of({w:?})");
            assert_eq!(season_of(w), by_stems(w, &seasons, &KK_SEASONS, |n| n as u8), "season_of({w:?})");
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

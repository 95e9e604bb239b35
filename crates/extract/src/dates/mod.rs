//! Dates: calendar expressions in Russian, Kazakh and English, with ISO values.
//!
//! A hand-written grammar over [`crate::tokens`]: at each token the matchers below are tried
//! and the longest match wins; matching resumes after it. Spans follow the gold corpora:
//! a leading preposition is not part of the span ("в 2018 году" → "2018 году", "on Friday" →
//! "Friday"), the year word is ("2018 года", "2019 жылғы"), and so are modifiers that change
//! the value ("last Friday", "the third quarter", "начале июня", "прошлом году").
//!
//! Rule families:
//! - explicit dates: "20 июля 2019 года", "July 20, 2019", "2019 жылғы 20 шілде", "20.07.2019",
//!   with day ranges ("20–21 июля", "с 6 по 8 июля", "July 20-21") and weekday prefixes
//!   ("четверг, 12 декабря");
//! - months and years: "в июле 2019 года", "мае", "October", "2019 году", "1993–1996 годах",
//!   "1990s", "1990-х годах", Kazakh "2019 жылы", "шілдеде";
//! - relative dates, resolved against the dct when there is one (see [`relative`]):
//!   "вчера", "кеше", "yesterday", "on Saturday", "в прошлом году", "last week",
//!   "three years ago", "the third quarter", "биыл";
//! - spelled numbers: English spelled years ("nineteen ninety-six"), Kazakh spelled years and
//!   days ("екі мың он төртінші жылы").
//!
//! Without a dct a relative or year-less date is still reported, with an empty value.

pub mod relative;

pub use annals_lang::{months, numerals};

use crate::tokens::{Kind, Token};
use jiff::civil::Date;
use months::{Lang, kk_stem, month_of, season_of, weekday_of};
use numerals::{count_word, en_spelled_year, kk_combine, kk_number_word};
use relative::{Tense, Val};
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// One date found: token range `[start, end)` and its value.
#[derive(Debug, Clone)]
pub struct Found {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The value.
    pub val: Val,
}

/// Find the dates in a tokenized text.
pub fn find(toks: &[Token<'_>], lang: Lang, dct: Option<Date>) -> Vec<Found> {
    // the month and weekday words, looked up once per token (the matchers ask many times)
    let cal = toks
        .iter()
        .map(|t| if t.kind == Kind::Word { (month_of(t.lower), weekday_of(t.lower)) } else { (None, None) })
        .collect();
    let g = G { t: toks, dct, lang, cal };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match g.at(i) {
            Some(f) if f.end > i => {
                i = f.end;
                out.push(f);
            }
            _ => i += 1,
        }
    }
    same_year_in_lists(toks, &mut out);
    out
}

/// "сәуір, мамыр және маусым айларында", "in April, May and June": a month without a year
/// listed after a dated month takes that month's year when it comes later in the year.
fn same_year_in_lists(toks: &[Token<'_>], out: &mut [Found]) {
    for k in 1..out.len() {
        let (prev, cur) = (&out[k - 1], &out[k]);
        let glue = (prev.end..cur.start).all(|j| {
            let t = &toks[j];
            t.is_punct(',') || matches!(t.lower, "and" | "и" | "және" | "мен" | "or" | "или" | "немесе")
        });
        if !glue || cur.start == prev.end || cur.end - cur.start != 1 {
            continue;
        }
        if let (Val::Month(y0, m0), Val::Month(y1, m1)) = (&prev.val, &cur.val)
            && y1 != y0
            && m1 > m0
        {
            out[k].val = Val::Month(*y0, *m1);
        }
    }
}

/// Words other than month, weekday, season and number words that can begin a date: the
/// leading words of the matchers below (modifiers such as "прошлом", "last", "начале";
/// relative words such as "вчера", "today"; units of "год назад", "year ago"; "the" of "the
/// third quarter"). A word missing here is never matched: the tests, built with debug
/// assertions, run the matchers on every word and fail on one that is.
const STARTER_WORDS: &[&str] = &[
    // weekday_expr, month_alone, relative_phrase: modifiers
    "last",
    "next",
    "this",
    "the",
    "coming",
    "early",
    "late",
    "earlier",
    "later",
    "mid",
    "past",
    "previous",
    "current",
    "прошлый",
    "прошлую",
    "прошлое",
    "прошлом",
    "прошлой",
    "прошлого",
    "минувший",
    "минувшую",
    "минувшее",
    "минувшем",
    "минувшей",
    "минувшего",
    "следующий",
    "следующую",
    "следующее",
    "следующего",
    "следующем",
    "следующей",
    "ближайший",
    "ближайшую",
    "этот",
    "эту",
    "это",
    "этом",
    "этой",
    "этого",
    "текущем",
    "текущего",
    "текущей",
    "нынешнем",
    "нынешнего",
    "сем",
    "позапрошлом",
    "позапрошлого",
    "будущем",
    "будущего",
    "начале",
    "конце",
    "середине",
    "начала",
    "конца",
    "середины",
    "первой",
    "второй",
    "осы",
    "ағымдағы",
    "келер",
    "келесі",
    "алдағы",
    // relative_word
    "сегодня",
    "today",
    "tonight",
    "вчера",
    "yesterday",
    "завтра",
    "tomorrow",
    "позавчера",
    "послезавтра",
    "накануне",
    "сегодняшний",
    "сегодняшнего",
    "сегодняшнему",
    "сегодняшним",
    "сегодняшнем",
    "ныне",
    "now",
    "currently",
    "recently",
    "сейчас",
    // ago: modifiers, vague counts and units
    "nearly",
    "almost",
    "about",
    "more",
    "ещё",
    "еще",
    "почти",
    "около",
    "осыдан",
    "несколько",
    "пару",
    "several",
    "few",
    "бірнеше",
    "лет",
    "год",
    "года",
    "year",
    "years",
    "месяц",
    "месяца",
    "месяцев",
    "month",
    "months",
    "неделю",
    "недели",
    "недель",
    "week",
    "weeks",
    "день",
    "дня",
    "дней",
    "day",
    "days",
    // en_prefixed
    "fiscal",
];

/// Kazakh stems that can begin a date with any case ending: relative words ("бүгін", "кеше",
/// "биыл", "өткен") and the units of "он жыл бұрын".
const KK_STARTER_STEMS: &[&str] = &[
    "бүгін",
    "бүгінгі",
    "бүгінде",
    "кеше",
    "кешегі",
    "ертең",
    "ертеңгі",
    "биыл",
    "биылғы",
    "былтыр",
    "былтырғы",
    "өткен",
    "жыл",
    "ай",
    "апта",
    "күн",
];

/// [`STARTER_WORDS`] and every form of [`KK_STARTER_STEMS`] ([`months::kk_forms`]), as a set.
static STARTERS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    let words = STARTER_WORDS.iter().map(|w| (*w).to_owned());
    words.chain(months::kk_forms(KK_STARTER_STEMS).map(|(_, form)| form)).collect()
});

/// A month or weekday number and its language, as [`month_of`] and [`weekday_of`] give them.
type Calendar = Option<(u8, Lang)>;

struct G<'a, 't> {
    t: &'a [Token<'t>],
    dct: Option<Date>,
    lang: Lang,
    /// [`month_of`] and [`weekday_of`] of each word token.
    cal: Vec<(Calendar, Calendar)>,
}

const YEAR_WORDS_RU: &[&str] =
    &["год", "года", "году", "годом", "годе", "годах", "годы", "годов", "годам", "г", "гг"];
const KK_ORD_SUFFIX: &[&str] =
    &["ші", "шы", "нші", "ншы", "інші", "ыншы", "сыншы", "сінші", "ы", "і", "да", "де", "та", "те"];
const EN_ORD_SUFFIX: &[&str] = &["st", "nd", "rd", "th"];
const RU_ORD_SUFFIX: &[&str] = &["го", "е", "й", "ое", "ого", "ом", "м", "x", "х"];

/// Nouns that end the name of an event ("2019 Silk Road Central Asia Hematology Forum").
const EVENT_NOUNS: &[&str] = &[
    "forum",
    "congress",
    "conference",
    "symposium",
    "summit",
    "school",
    "workshop",
    "games",
    "olympics",
    "championship",
    "championships",
    "cup",
    "festival",
    "expo",
    "exhibition",
    "awards",
    "prize",
    "meeting",
    "assembly",
    "session",
    "week",
    "marathon",
    "tour",
    "open",
    "convention",
    "fair",
    "biennale",
    "series",
];

fn m(start: usize, end: usize, val: Val) -> Option<Found> {
    Some(Found { start, end, val })
}

fn longest(a: Option<Found>, b: Option<Found>) -> Option<Found> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.end > a.end { b } else { a }),
        (a, b) => a.or(b),
    }
}

impl G<'_, '_> {
    fn lw(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| t.lower)
    }

    /// [`month_of`] of token `i` (None past the end).
    fn month_at(&self, i: usize) -> Option<(u8, Lang)> {
        self.cal.get(i).and_then(|c| c.0)
    }

    /// [`weekday_of`] of token `i`, or of the empty word past the end.
    fn weekday_at(&self, i: usize) -> Option<(u8, Lang)> {
        match self.cal.get(i) {
            Some(c) => c.1,
            None => weekday_of(""),
        }
    }

    fn num(&self, i: usize) -> Option<u32> {
        self.t.get(i).and_then(Token::number)
    }

    fn digits(&self, i: usize) -> usize {
        self.t.get(i).filter(|t| t.kind == Kind::Number).map_or(0, |t| t.text.len())
    }

    fn p(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.is_punct(c))
    }

    fn tight(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space_before)
    }

    fn is_dash(&self, i: usize) -> bool {
        self.p(i, '-') || self.p(i, '–') || self.p(i, '—') || self.p(i, '‒')
    }

    /// The sentence around token `i` looks forward in time.
    fn tense(&self, i: usize) -> Tense {
        let lo = i.saturating_sub(12);
        for k in (lo..i).rev() {
            let w = self.lw(k);
            if matches!(
                w,
                "will"
                    | "'ll"
                    | "next"
                    | "expected"
                    | "scheduled"
                    | "plans"
                    | "planned"
                    | "until"
                    | "upcoming"
                    | "by"
                    | "будет"
                    | "будут"
                    | "состоится"
                    | "пройдет"
                    | "планирует"
                    | "планируется"
                    | "намерен"
                    | "намерена"
                    | "запланирован"
                    | "запланировано"
                    | "запланирована"
                    | "откроется"
            ) {
                return Tense::Future;
            }
            if self.t[k].sent_start {
                break;
            }
        }
        Tense::Past
    }

    fn at(&self, i: usize) -> Option<Found> {
        let t = &self.t[i];
        match t.kind {
            Kind::Number => {
                let a = self.numeric(i);
                let b = self.day_first(i, None);
                let c = self.year_expr(i);
                longest(longest(a, b), c)
            }
            Kind::Word => {
                if !self.may_start(i) {
                    // (the tests run every matcher all the same, to keep the word lists whole)
                    debug_assert!(
                        self.word_at(i).is_none(),
                        "{:?} starts a date: add it to dates::STARTER_WORDS",
                        self.lw(i)
                    );
                    return None;
                }
                self.word_at(i)
            }
            Kind::Punct => None,
        }
    }

    /// Whether a date can begin at word token `i`: a month or weekday name, a season, a
    /// number word, a Kazakh relative stem, or one of [`STARTER_WORDS`]. Most words of a text are
    /// none of these, and asking the eight word matchers about each cost a sixth of
    /// extraction.
    fn may_start(&self, i: usize) -> bool {
        let w = self.lw(i);
        let (month, weekday) = self.cal[i];
        month.is_some()
            || weekday.is_some()
            || STARTERS.contains(w)
            || count_word(w).is_some()
            || season_of(w).is_some()
            || w.starts_with("mid-")
            || match self.lang {
                Lang::En => w.contains('-') || en_spelled_year(w, self.lw(i + 1)).is_some(),
                Lang::Kk => kk_number_word(w).is_some(),
                Lang::Ru => false,
            }
    }

    /// The longest date the word matchers find at word token `i`.
    fn word_at(&self, i: usize) -> Option<Found> {
        let mut best = self.weekday_expr(i);
        best = longest(best, self.month_first(i));
        best = longest(best, self.month_alone(i));
        best = longest(best, self.relative_word(i));
        best = longest(best, self.relative_phrase(i));
        best = longest(best, self.en_spelled(i));
        best = longest(best, self.kk_spelled(i));
        best = longest(best, self.season(i));
        best.map(|f| self.kk_postposition(f))
    }

    /// Kazakh spans keep a following "дейін", "бері", "кейін" ("бүгінге дейін").
    fn kk_postposition(&self, mut f: Found) -> Found {
        if self.lang == Lang::Kk && matches!(self.lw(f.end), "дейін" | "бері" | "шейін") {
            f.end += 1;
        }
        f
    }

    // ---------- pieces ----------

    /// A day number with an optional ordinal suffix: `(end, day)`.
    fn day(&self, i: usize) -> Option<(usize, u32)> {
        let d = self.num(i)?;
        if !(1..=31).contains(&d) || self.digits(i) > 2 {
            return None;
        }
        let mut j = i + 1;
        if self.is_dash(j) && self.tight(j) && self.tight(j + 1) {
            let w = self.lw(j + 1);
            if KK_ORD_SUFFIX.contains(&w) || RU_ORD_SUFFIX.contains(&w) {
                j += 2;
            }
        } else if self.tight(j) && EN_ORD_SUFFIX.contains(&self.lw(j)) {
            j += 1;
        }
        Some((j, d))
    }

    /// A month word: `(end, month)`. English names must be capitalised; abbreviations
    /// take their dot; Kazakh names must be lowercase (else "Қазан" is the city).
    fn month(&self, i: usize, need_context: bool) -> Option<(usize, u32)> {
        let t = self.t.get(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        let (mo, lang) = self.month_at(i)?;
        let mut j = i + 1;
        match lang {
            Lang::En => {
                if !t.is_cap() {
                    return None;
                }
                let full = t.lower.len() > 3 && t.lower != "sept";
                if !full || t.lower == "may" {
                    if self.p(j, '.') && self.tight(j) {
                        j += 1;
                    } else if need_context {
                        // a bare "Jan" or "May" alone is not a month
                        return None;
                    }
                }
            }
            Lang::Kk => {
                if t.is_cap() && need_context {
                    return None;
                }
            }
            Lang::Ru => {}
        }
        Some((j, mo as u32))
    }

    /// A four-digit year, with an optional year word: `(end, year, has_word)`.
    fn year(&self, i: usize) -> Option<(usize, i32, bool)> {
        if self.digits(i) != 4 {
            return None;
        }
        let y = self.num(i)? as i32;
        if !(1000..=2100).contains(&y) {
            return None;
        }
        let mut j = i + 1;
        let mut word = false;
        // "2019-шы", "2022-нші", "1995-інші"
        if self.is_dash(j) && self.tight(j) && self.tight(j + 1) && KK_ORD_SUFFIX.contains(&self.lw(j + 1)) {
            j += 2;
        }
        let w = self.lw(j);
        let ru_word = YEAR_WORDS_RU.contains(&w) && !(w == "г" && !self.tight(j) && self.lang == Lang::En);
        if ru_word || kk_stem(w, &["жыл", "жылдар"]).is_some() {
            j += 1;
            word = true;
        }
        Some((j, y, word))
    }

    /// Year part after a day and month: a year, or "этого/прошлого года".
    fn year_part(&self, j: usize) -> Option<(usize, Option<i32>)> {
        // optional comma in English ("July 20, 2019")
        let k = if self.p(j, ',') && self.lang == Lang::En { j + 1 } else { j };
        if let Some((e, y, _)) = self.year(k) {
            return Some((e, Some(y)));
        }
        // two-digit years are not taken
        let w = self.lw(j);
        let nw = self.lw(j + 1);
        if matches!(nw, "года" | "году") {
            let dy = match w {
                "этого" | "текущего" | "нынешнего" | "сего" => Some(0),
                "прошлого" | "минувшего" => Some(-1),
                "следующего" | "будущего" => Some(1),
                _ => None,
            };
            if let Some(dy) = dy {
                return Some((j + 2, self.dct.map(|d| d.year() as i32 + dy)));
            }
        }
        if self.lang == Lang::En && matches!(w, "this" | "last" | "next") && nw == "year" {
            let dy = match w {
                "this" => 0,
                "last" => -1,
                _ => 1,
            };
            return Some((j + 2, self.dct.map(|d| d.year() as i32 + dy)));
        }
        None
    }

    fn resolve_year(&self, i: usize, mo: u32, d: u32) -> Option<i32> {
        self.dct.map(|dct| relative::year_for(dct, mo, d, self.tense(i)))
    }

    // ---------- patterns ----------

    /// "20.07.2019", "2019-07-20".
    fn numeric(&self, i: usize) -> Option<Found> {
        let sep = |k: usize| (self.p(k, '.') || self.p(k, '/')) && self.tight(k) && self.tight(k + 1);
        if self.digits(i) <= 2 && sep(i + 1) && self.digits(i + 2) <= 2 && sep(i + 3) {
            let (d, mo) = (self.num(i)?, self.num(i + 2)?);
            let y = match self.digits(i + 4) {
                4 => self.num(i + 4)? as i32,
                2 => {
                    let y = self.num(i + 4)? as i32;
                    if y < 40 { 2000 + y } else { 1900 + y }
                }
                _ => return None,
            };
            if self.p(i + 1, '/') && self.lang == Lang::En {
                // US order: month/day/year
                let v = Val::day(y, d, mo);
                if v != Val::None {
                    return m(i, i + 5, v);
                }
            }
            let v = Val::day(y, mo, d);
            if v == Val::None {
                return None;
            }
            // "20.07.2019 г."
            let mut e = i + 5;
            if matches!(self.lw(e), "г" | "года" | "жылы" | "ж") {
                e += 1;
            }
            return m(i, e, v);
        }
        if self.digits(i) == 4
            && self.p(i + 1, '-')
            && self.tight(i + 1)
            && self.digits(i + 2) == 2
            && self.p(i + 3, '-')
            && self.tight(i + 3)
            && self.digits(i + 4) == 2
            && self.tight(i + 4)
        {
            let v = Val::day(self.num(i)? as i32, self.num(i + 2)?, self.num(i + 4)?);
            if v != Val::None {
                return m(i, i + 5, v);
            }
        }
        None
    }

    /// "20 июля 2019 года", "20–21 шілдеде", "с 6 по 8 июля", "20 July", "12 декабря по
    /// 3 января". `year` is a year already read before (Kazakh "2019 жылғы 20 шілде").
    fn day_first(&self, i: usize, year: Option<i32>) -> Option<Found> {
        let (mut j, d1) = self.day(i)?;
        let mut d2 = None;
        // day range: "20–21", "20-21", "6 по 8", "12 на 13"
        if (self.is_dash(j) || matches!(self.lw(j), "по" | "на" | "и"))
            && let Some((k, d)) = self.day(j + 1)
            && d > d1
            && self.month(k, false).is_some()
        {
            d2 = Some(d);
            j = k;
        }
        let (mut k, mo1) = self.month(j, false)?;
        let mut end_day = None;
        // "12 ноября по 3 декабря"
        if matches!(self.lw(k), "по" | "-" | "–" | "—" | "до")
            && let Some((k2, d3)) = self.day(k + 1)
            && let Some((k3, mo2)) = self.month(k2, false)
        {
            end_day = Some((mo2, d3));
            k = k3;
        }
        let mut y = year;
        if y.is_none()
            && let Some((e, yy)) = self.year_part(k)
        {
            k = e;
            y = yy;
            if yy.is_none() {
                return m(i, k, Val::None);
            }
        }
        let y = match y {
            Some(y) => Some(y),
            None => self.resolve_year(i, mo1, d1),
        };
        let Some(y) = y else {
            return m(i, k, Val::None);
        };
        let first = Val::day(y, mo1, d1);
        let val = if let Some((mo2, d3)) = end_day {
            let y2 = if mo2 < mo1 { y + 1 } else { y };
            Val::range(first, Val::day(y2, mo2, d3))
        } else if let Some(d2) = d2 {
            Val::range(first, Val::day(y, mo1, d2))
        } else {
            first
        };
        m(i, k, val)
    }

    /// English month first: "July 20, 2019", "Oct. 13", "July 20-21", "January 1998",
    /// "March" (with context).
    fn month_first(&self, i: usize) -> Option<Found> {
        let (j, mo) = self.month(i, false)?;
        if self.month_at(i)?.1 != Lang::En {
            return None;
        }
        // Month + day
        if let Some((mut k, d)) = self.day(j)
            && !self.p(k, ':')
            && !(self.p(k, '.') && self.digits(k + 1) > 0)
        {
            let mut d2 = None;
            // "July 20–21", "from May 22 to 24, 2024"
            let from = i > 0
                && self.lw(i - 1) == "from"
                && matches!(self.lw(k), "to" | "through" | "till" | "until");
            if (self.is_dash(k) || from)
                && let Some((k2, dd)) = self.day(k + 1)
                && dd > d
            {
                d2 = Some(dd);
                k = k2;
            }
            let (k, y) = match self.year_part(k) {
                Some((e, y)) => (e, y),
                None => (k, self.resolve_year(i, mo, d)),
            };
            let Some(y) = y else { return m(i, k, Val::None) };
            let first = Val::day(y, mo, d);
            let val = match d2 {
                Some(d2) => Val::range(first, Val::day(y, mo, d2)),
                None => first,
            };
            return m(i, k, val);
        }
        // Month + year
        if let Some((k, y, _)) = self.year(j) {
            return m(i, k, Val::month(y, mo));
        }
        if let Some((k, Some(y))) = self.year_part(j) {
            return m(i, k, Val::month(y, mo));
        }
        None
    }

    /// A month without a day: "мае", "в апреле 2011 года", "начале июня", "шілдеде",
    /// "late November", "the beginning of October".
    fn month_alone(&self, i: usize) -> Option<Found> {
        let w = self.lw(i);
        // modifiers that belong to the span
        let (start, mi) = match w {
            "начале" | "конце" | "середине" | "начала" | "конца" | "середины" | "первой" | "второй" =>
            {
                let mut k = i + 1;
                if self.lw(k) == "половине" || self.lw(k) == "половины" {
                    k += 1;
                }
                (i, k)
            }
            "late" | "early" | "mid" | "this" | "last" | "next" => (i, i + 1),
            "the" if matches!(self.lw(i + 1), "beginning" | "end" | "middle") && self.lw(i + 2) == "of" => {
                (i, i + 3)
            }
            _ if w.starts_with("mid-") => (i, i),
            _ => (i, i),
        };
        let (end, mo, lang) = if w.starts_with("mid-") && mi == i {
            let (mo, lang) = month_of(&w[4..])?;
            (i + 1, mo as u32, lang)
        } else {
            let (e, mo) = self.month(mi, mi == i)?;
            (e, mo, self.month_at(mi)?.1)
        };
        // "ноябре-декабре" is one token: take the first month
        let mut k = end;
        let ctx_ok = mi > i || {
            let prev = if i > 0 { self.lw(i - 1) } else { "" };
            match lang {
                Lang::Ru => {
                    w.ends_with('е')
                        || w.ends_with("ем")
                        || matches!(
                            prev,
                            "с" | "до" | "по" | "к" | "в" | "во" | "на" | "из" | "от" | "после" | "около"
                        )
                }
                Lang::En => {
                    self.t[i].is_cap()
                        && (matches!(
                            prev,
                            "in" | "since"
                                | "until"
                                | "till"
                                | "by"
                                | "of"
                                | "through"
                                | "from"
                                | "to"
                                | "during"
                                | "before"
                                | "after"
                                | "for"
                                | "early"
                                | "late"
                                | "last"
                                | "next"
                                | "this"
                        ) || !matches!(w, "may" | "march" | "august"))
                }
                Lang::Kk => self.t[i].is_lower(),
            }
        };
        if !ctx_ok {
            return None;
        }
        let mut year = None;
        if let Some((e, y)) = self.year_part(k) {
            k = e;
            year = y;
            if y.is_none() {
                return m(start, k, Val::None);
            }
        }
        let mod_word = self.lw(i);
        let y = match year {
            Some(y) => Some(y),
            None => self.dct.map(|d| match mod_word {
                "last" => {
                    if mo >= d.month() as u32 {
                        d.year() as i32 - 1
                    } else {
                        d.year() as i32
                    }
                }
                "next" => {
                    if mo <= d.month() as u32 {
                        d.year() as i32 + 1
                    } else {
                        d.year() as i32
                    }
                }
                "this" => d.year() as i32,
                _ => relative::year_for(d, mo, 15, self.tense(i)),
            }),
        };
        let Some(y) = y else { return m(start, k, Val::None) };
        m(start, k, Val::month(y, mo))
    }

    /// "2019 году", "2019", "1993–1996 годах", "с 1993 по 1996 год", "1990s", "1990-х годах",
    /// "2019 жылғы 20–21 шілдеде".
    fn year_expr(&self, i: usize) -> Option<Found> {
        let (mut j, y, word) = self.year(i)?;
        // Kazakh: year then day and month
        if word && let Some(f) = self.day_first(j, Some(y)) {
            return m(i, f.end, f.val);
        }
        if word
            && self.lang != Lang::En
            && let Some((e, mo)) = self.month(j, false)
            && self.month_at(j).is_some_and(|x| x.1 == Lang::Kk)
        {
            // "2019 жылғы шілдеде"; "2019 жылдың 5 қаңтары" is rare
            return m(i, e, Val::month(y, mo));
        }
        // decades: "1990s", "1990-х", "1990-е"
        if !word && y % 10 == 0 {
            let dec = if self.tight(j) && self.lw(j) == "s" {
                Some(j + 1)
            } else if self.is_dash(j)
                && self.tight(j)
                && matches!(self.lw(j + 1), "х" | "x" | "е" | "ых" | "ые" | "ыми")
            {
                Some(j + 2)
            } else {
                None
            };
            if let Some(mut e) = dec {
                if YEAR_WORDS_RU.contains(&self.lw(e)) {
                    e += 1;
                }
                return m(i, e, Val::range(Val::year(y), Val::year(y + 9)));
            }
        }
        // ranges
        if self.is_dash(j)
            || self.lw(j) == "по"
            || (self.lang == Lang::En && matches!(self.lw(j), "to" | "and"))
        {
            let k = j + 1;
            if let Some((e, y2, w2)) = self.year(k)
                && y2 > y
                && (self.lang != Lang::En || self.is_dash(j) || word || w2 || self.lw(j) == "to")
            {
                // English "between 1985 and 1987" stays two dates
                if !(self.lang == Lang::En && self.lw(j) == "and") {
                    return m(i, e, Val::range(Val::year(y), Val::year(y2)));
                }
            }
            // "1996-97"
            if self.is_dash(j) && self.tight(j) && self.digits(k) == 2 && self.tight(k) {
                let y2 = (y / 100) * 100 + self.num(k)? as i32;
                if y2 > y {
                    let mut e = k + 1;
                    if YEAR_WORDS_RU.contains(&self.lw(e)) {
                        e += 1;
                    }
                    return m(i, e, Val::range(Val::year(y), Val::year(y2)));
                }
            }
        }
        if !word && !self.bare_year_ok(i) {
            return None;
        }
        if j == i {
            j = i + 1;
        }
        m(i, j, Val::year(y))
    }

    /// A four-digit number without a year word counts as a year only in a year-like context.
    fn bare_year_ok(&self, i: usize) -> bool {
        let y = self.num(i).unwrap_or(0);
        if !(1900..=2040).contains(&y) {
            return false;
        }
        let prev = if i > 0 { self.t.get(i - 1) } else { None };
        let next = self.t.get(i + 1);
        // part of a name: "COVID 2019", "ELN 2022" (an acronym before it); "2019 Silk Road …
        // Forum", "the 2019 Silk Road … Forum" (a capitalised name after it, at a title or
        // sentence start or after an article)
        if prev.is_some_and(|p| p.kind == Kind::Word && p.is_all_caps()) {
            return false;
        }
        // (the capitalised run after the year names an event: "the 1996 Olympic bombing" keeps
        // its year)
        let mut k = i + 1;
        let mut event = false;
        while let Some(n) = self.t.get(k).filter(|n| n.kind == Kind::Word && n.is_cap() && !n.sent_start) {
            if self.month_at(k).is_some() {
                break;
            }
            event |= EVENT_NOUNS.contains(&n.lower);
            k += 1;
        }
        // "«Excellence in Healthcare – 2025»": the year of a quoted title
        let quote_after = next.is_some_and(|n| n.kind == Kind::Punct && matches!(n.text, "»" | "”" | "\""))
            || next.is_some_and(|n| n.is_punct('.'))
                && self.t.get(i + 2).is_some_and(|n| matches!(n.text, "»" | "”" | "\""));
        if quote_after && self.t[i].space_before && prev.is_some_and(|p| matches!(p.text, "–" | "—" | "-"))
        {
            return false;
        }
        let name_start = self.t[i].sent_start || prev.is_some_and(|p| matches!(p.lower, "the" | "a" | "an"));
        if event && name_start {
            return false;
        }
        if let Some(p) = prev {
            if !p.space_before
                && p.kind == Kind::Punct
                && matches!(p.text, "." | "," | "$" | "€" | "№" | "#" | "/" | ":")
            {
                return false;
            }
            if p.kind == Kind::Punct && matches!(p.text, "$" | "€" | "£" | "№" | "#" | "+") {
                return false;
            }
            if matches!(
                p.lower,
                "than"
                    | "about"
                    | "some"
                    | "around"
                    | "nearly"
                    | "over"
                    | "almost"
                    | "approximately"
                    | "only"
                    | "около"
                    | "более"
                    | "менее"
                    | "свыше"
                    | "примерно"
                    | "почти"
                    | "всего"
                    | "лишь"
                    | "number"
                    | "no"
                    | "rs"
                    | "flight"
                    | "model"
                    | "room"
                    | "route"
                    | "номер"
                    | "№"
            ) {
                return false;
            }
            if p.kind == Kind::Number {
                return false;
            }
        }
        if let Some(n) = next {
            if n.kind == Kind::Number {
                return false;
            }
            if n.kind == Kind::Punct && matches!(n.text, "%" | "$" | "°" | ":") {
                return false;
            }
            if !n.space_before
                && n.kind == Kind::Punct
                && matches!(n.text, "," | ".")
                && self.digits(i + 2) > 0
            {
                return false;
            }
            if n.kind == Kind::Word && n.is_lower() && !n.sent_start {
                // "2000 people", "1500 человек" — but keep "1999 and", "2019 in"
                let ok = matches!(
                    n.lower,
                    "and"
                        | "or"
                        | "to"
                        | "in"
                        | "when"
                        | "after"
                        | "before"
                        | "as"
                        | "with"
                        | "by"
                        | "at"
                        | "and,"
                        | "but"
                        | "for"
                        | "on"
                        | "that"
                        | "the"
                        | "was"
                        | "were"
                        | "is"
                        | "и"
                        | "в"
                        | "по"
                        | "на"
                        | "до"
                        | "с"
                        | "он"
                        | "она"
                        | "они"
                        | "был"
                        | "была"
                        | "было"
                        | "были"
                        | "а"
                        | "когда"
                        | "после"
                        | "ол"
                        | "жылы"
                );
                if !ok {
                    return false;
                }
            }
        }
        true
    }

    /// Weekdays with optional modifiers and a following date: "Friday", "last Friday",
    /// "Friday morning", "четверг, 12 декабря 2019 года", "минувшую субботу".
    fn weekday_expr(&self, i: usize) -> Option<Found> {
        let w = self.lw(i);
        let mut k = i;
        let mut dir: Option<i64> = None;
        match w {
            "last" | "прошлый" | "прошлую" | "прошлое" | "прошлом" | "минувший" | "минувшую" | "минувшее"
            | "минувшем" => {
                dir = Some(-1);
                k += 1;
            }
            "next"
            | "следующий"
            | "следующую"
            | "следующее"
            | "следующего"
            | "ближайший"
            | "ближайшую"
            | "coming" => {
                dir = Some(1);
                k += 1;
            }
            "this" | "этот" | "эту" | "это" => {
                k += 1;
                if self.lw(k) == "coming" {
                    dir = Some(1);
                    k += 1;
                } else if self.lw(k) == "past" {
                    dir = Some(-1);
                    k += 1;
                }
            }
            "the" if matches!(self.lw(i + 1), "previous" | "following") => {
                dir = Some(if self.lw(i + 1) == "previous" { -1 } else { 1 });
                k += 2;
            }
            "early" | "late" | "earlier" | "later" => k += 1,
            _ => {}
        }
        let (wd, lang) = self.weekday_at(k)?;
        if lang == Lang::En && !self.t[k].is_cap() {
            return None;
        }
        // weekday followed by a date: "Friday, Oct. 13", "четверг, 12 декабря 2019 года"
        let mut j = k + 1;
        if self.p(j, ',') {
            j += 1;
        }
        if let Some(f) = longest(self.day_first(j, None), self.month_first(j)) {
            return m(i, f.end, f.val);
        }
        let mut e = k + 1;
        if lang == Lang::En && matches!(self.lw(e), "morning" | "afternoon" | "evening" | "night" | "noon") {
            e += 1;
        }
        let val = match self.dct {
            None => Val::None,
            Some(dct) => {
                let tense = match dir {
                    Some(d) if d < 0 => Tense::Past,
                    Some(_) => Tense::Future,
                    None => self.tense(i),
                };
                let v = relative::weekday(dct, wd, tense);
                // "last Friday" when the dct is a Friday is a week back
                match (dir, &v) {
                    (Some(d), Val::Day(day)) if *day == dct => relative::shift_days(dct, 7 * d),
                    _ => v,
                }
            }
        };
        let start = if matches!(w, "early" | "late" | "earlier" | "later") && lang == Lang::En {
            i
        } else if k > i && dir.is_none() && lang != Lang::En {
            k
        } else {
            i
        };
        m(start, e, val)
    }

    /// One-word relative dates: "вчера", "today", "кеше", "биыл", "накануне".
    fn relative_word(&self, i: usize) -> Option<Found> {
        let w = self.lw(i);
        let dct = self.dct;
        let day = |n: i64| dct.map_or(Val::None, |d| relative::shift_days(d, n));
        let year = |n: i32| dct.map_or(Val::None, |d| Val::year(d.year() as i32 + n));
        let (end, val) = match w {
            "сегодня" | "today" | "tonight" => (i + 1, day(0)),
            "вчера" | "yesterday" => (i + 1, day(-1)),
            "завтра" | "tomorrow" => (i + 1, day(1)),
            "позавчера" => (i + 1, day(-2)),
            "послезавтра" => (i + 1, day(2)),
            "накануне" => {
                if self.t.get(i + 1).is_some_and(|t| t.kind == Kind::Word && t.is_lower())
                    && !matches!(self.lw(i + 1), "в" | "вечером" | "утром" | "днем" | "ночью" | "и" | "на")
                {
                    // "накануне выборов" is relative to an event
                    return None;
                }
                (i + 1, day(-1))
            }
            "сегодняшний" | "сегодняшнего" | "сегодняшнему" | "сегодняшним" | "сегодняшнем" => {
                if matches!(self.lw(i + 1), "день" | "дня" | "дню" | "днем") {
                    (i + 2, day(0))
                } else {
                    (i + 1, day(0))
                }
            }
            "ныне" | "now" | "currently" | "recently" | "сейчас" => (i + 1, Val::None),
            _ if self.lang != Lang::En || self.t[i].kind == Kind::Word => {
                if kk_stem(w, &["бүгін", "бүгінгі", "бүгінде"]).is_some() {
                    let e = if kk_stem(self.lw(i + 1), &["күн"]).is_some() { i + 2 } else { i + 1 };
                    (e, day(0))
                } else if kk_stem(w, &["кеше", "кешегі"]).is_some() {
                    (i + 1, day(-1))
                } else if kk_stem(w, &["ертең", "ертеңгі"]).is_some() {
                    (i + 1, day(1))
                } else if kk_stem(w, &["биыл", "биылғы"]).is_some() {
                    let e = if kk_stem(self.lw(i + 1), &["жыл"]).is_some() { i + 2 } else { i + 1 };
                    (e, year(0))
                } else if kk_stem(w, &["былтыр", "былтырғы"]).is_some() {
                    // "Былтырғы қазан мен қарашада"
                    let mut e = i + 1;
                    if kk_stem(self.lw(e), &["жыл"]).is_some() {
                        e += 1;
                    } else if self.month(e, false).is_some() {
                        e += 1;
                        if matches!(self.lw(e), "мен" | "және") && self.month(e + 1, false).is_some() {
                            e += 2;
                        }
                    }
                    (e, year(-1))
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        // "late yesterday", "earlier today"
        let start =
            if i > 0 && matches!(self.lw(i - 1), "late" | "early" | "earlier" | "later") { i - 1 } else { i };
        // "yesterday morning", "last night"
        let mut end = end;
        if self.lang == Lang::En && matches!(self.lw(end), "morning" | "afternoon" | "evening" | "night") {
            end += 1;
        }
        m(start, end, val)
    }

    /// Relative phrases: "в прошлом году", "на этой неделе", "три года назад", "last year",
    /// "two years ago", "a year earlier", "the third quarter", "өткен жылы", "он жыл бұрын".
    fn relative_phrase(&self, i: usize) -> Option<Found> {
        let w = self.lw(i);
        let dct = self.dct;
        // --- Russian: modifier + unit
        let rel = match w {
            "этом" | "этой" | "этого" | "текущем" | "текущего" | "нынешнем" | "нынешнего" | "этот"
            | "эту" | "сем" | "текущей" => Some(0),
            "прошлом" | "прошлой" | "прошлого" | "минувшем" | "минувшей" | "минувшего" | "прошлый"
            | "прошлую" => Some(-1),
            "позапрошлом" | "позапрошлого" => Some(-2),
            "следующем" | "следующей" | "следующего" | "будущем" | "будущего" | "следующий" | "следующую" => {
                Some(1)
            }
            "this" | "last" | "next" | "past" | "previous" | "coming" | "current" => Some(match w {
                "this" | "current" => 0,
                "last" | "past" | "previous" => -1,
                _ => 1,
            }),
            _ => None,
        };
        if let Some(mut n) = rel {
            let mut k = i + 1;
            if matches!(w, "this") && matches!(self.lw(k), "past" | "coming") {
                n = if self.lw(k) == "past" { -1 } else { 1 };
                k += 1;
            }
            let u = self.lw(k);
            let val = match u {
                "году" | "года" | "год" | "year" => dct.map(|d| Val::year(d.year() as i32 + n)),
                "месяце" | "месяца" | "месяц" | "month" => {
                    dct.map(|d| relative::shift_month(d, n))
                }
                "неделе" | "недели" | "неделю" | "week" => {
                    dct.map(|d| relative::shift_week(d, n as i64))
                }
                "quarter" => dct.map(|d| {
                    let q = (d.month() as i32 - 1) / 3 + n;
                    relative::quarter(d.year() as i32 + q.div_euclid(4), (q.rem_euclid(4) + 1) as u32)
                }),
                "weekend" => dct.map(|d| {
                    let sat = relative::weekday(d, 5, if n > 0 { Tense::Future } else { Tense::Past });
                    match sat {
                        Val::Day(s) => Val::range(Val::Day(s), relative::shift_days(s, 1)),
                        v => v,
                    }
                }),
                _ => {
                    if season_of(u).is_some() && self.lang == Lang::En {
                        Some(Val::None)
                    } else {
                        return self.en_prefixed(i);
                    }
                }
            };
            // "this year" in TimeBank; "прошлом году"
            return m(i, k + 1, val.unwrap_or(Val::None));
        }
        // --- Kazakh: өткен / осы / келер + жыл / ай / апта
        let kk_rel = if kk_stem(w, &["өткен"]).is_some() {
            Some(-1)
        } else if matches!(w, "осы" | "ағымдағы") {
            Some(0)
        } else if matches!(w, "келер" | "келесі" | "алдағы") {
            Some(1)
        } else {
            None
        };
        if let Some(n) = kk_rel {
            let u = self.lw(i + 1);
            let val = if kk_stem(u, &["жыл"]).is_some() {
                dct.map(|d| Val::year(d.year() as i32 + n))
            } else if kk_stem(u, &["ай"]).is_some() {
                dct.map(|d| relative::shift_month(d, n))
            } else if kk_stem(u, &["апта"]).is_some() {
                dct.map(|d| relative::shift_week(d, n as i64))
            } else {
                return None;
            };
            return m(i, i + 2, val.unwrap_or(Val::None));
        }
        // --- N units ago / earlier / назад / бұрын
        self.ago(i).or_else(|| self.en_prefixed(i))
    }

    /// "три года назад", "a year ago", "two years earlier", "он жыл бұрын".
    fn ago(&self, i: usize) -> Option<Found> {
        let mut k = i;
        let mut start = i;
        if matches!(
            self.lw(k),
            "nearly" | "almost" | "about" | "more" | "ещё" | "еще" | "почти" | "около" | "осыдан"
        ) {
            k += 1;
        } else {
            start = i;
        }
        let n: i64 = if let Some(v) = self.num(k) {
            k += 1;
            v as i64
        } else if let Some(v) = count_word(self.lw(k)) {
            k += 1;
            v as i64
        } else if matches!(self.lw(k), "несколько" | "пару" | "several" | "few" | "бірнеше")
        {
            k += 1;
            0
        } else {
            1
        };
        let u = self.lw(k);
        let unit = match u {
            "лет" | "год" | "года" | "year" | "years" => 'y',
            "месяц" | "месяца" | "месяцев" | "month" | "months" => 'm',
            "неделю" | "недели" | "недель" | "week" | "weeks" => 'w',
            "день" | "дня" | "дней" | "day" | "days" => 'd',
            _ if kk_stem(u, &["жыл"]).is_some() => 'y',
            _ if kk_stem(u, &["ай"]).is_some() => 'm',
            _ if kk_stem(u, &["апта"]).is_some() => 'w',
            _ if kk_stem(u, &["күн"]).is_some() => 'd',
            _ => return None,
        };
        let mut e = k + 1;
        if self.lw(e) == "тому" {
            e += 1;
        }
        let back = match self.lw(e) {
            "назад" | "ago" | "earlier" | "бұрын" | "бұрынғы" => -1,
            "later" | "спустя" => 1,
            _ => return None,
        };
        if n == 1 && k == i && self.lang != Lang::Kk {
            // bare "year ago" without a count is not a date phrase
            if !matches!(self.lw(i), "год" | "месяц" | "неделю" | "день") {
                return None;
            }
        }
        let val = match self.dct {
            Some(d) if n > 0 => match unit {
                'y' => Val::year(d.year() as i32 + back as i32 * n as i32),
                'm' => relative::shift_month(d, back as i32 * n as i32),
                'w' => relative::shift_week(d, back * n),
                _ => relative::shift_days(d, back * n),
            },
            _ => Val::None,
        };
        m(start, e + 1, val)
    }

    /// English phrases with a leading word: "the third quarter", "third-quarter",
    /// "earlier this year", "the end of 1990", "the year-ago quarter", "year-end".
    fn en_prefixed(&self, i: usize) -> Option<Found> {
        if self.lang != Lang::En {
            return None;
        }
        let w = self.lw(i);
        let dct = self.dct;
        let ord = |s: &str| match s {
            "first" => Some(1),
            "second" => Some(2),
            "third" => Some(3),
            "fourth" => Some(4),
            _ => None,
        };
        // "third-quarter", "fourth-quarter"
        if let Some((a, b)) = w.split_once('-') {
            if let Some(q) = ord(a)
                && b == "quarter"
            {
                return m(i, i + 1, self.quarter_val(q));
            }
            if a == "year" && matches!(b, "end" | "earlier" | "ago") {
                let n = if b == "end" { 0 } else { -1 };
                let v = dct.map_or(Val::None, |d| {
                    if b == "end" { Val::month(d.year() as i32, 12) } else { Val::year(d.year() as i32 + n) }
                });
                return m(i, i + 1, v);
            }
        }
        if w == "the" {
            if let Some(q) = ord(self.lw(i + 1))
                && self.lw(i + 2) == "quarter"
            {
                return m(i, i + 3, self.quarter_val(q));
            }
            if matches!(self.lw(i + 1), "end" | "beginning" | "start" | "middle") && self.lw(i + 2) == "of" {
                if let Some((e, y, _)) = self.year(i + 3) {
                    return m(i, e, Val::year(y));
                }
                if matches!(self.lw(i + 3), "this" | "next" | "last")
                    && let Some(f) = self.relative_phrase(i + 3)
                {
                    return m(i, f.end, f.val);
                }
            }
            if self.lw(i + 1) == "year-ago" && self.lw(i + 2) == "quarter" {
                return m(i, i + 3, Val::None);
            }
            if matches!(self.lw(i + 1), "late" | "early" | "mid")
                && let Some(f) = self.year_expr(i + 2)
            {
                return m(i, f.end, f.val);
            }
            if self.lw(i + 1) == "year" && self.lw(i + 2) == "two" && self.lw(i + 3) == "thousand" {
                return m(i, i + 4, Val::year(2000));
            }
        }
        // "earlier this year", "early next year", "later this month"
        if matches!(w, "earlier" | "early" | "later" | "late" | "mid")
            && matches!(self.lw(i + 1), "this" | "next" | "last")
            && let Some(f) = self.relative_phrase(i + 1)
        {
            return m(i, f.end, f.val);
        }
        // "early 1990", "mid-1990", "late 1999"
        if matches!(w, "early" | "late" | "mid" | "fiscal") {
            let k = if self.p(i + 1, '-') { i + 2 } else { i + 1 };
            if let Some((e, y, _)) = self.year(k) {
                return m(i, e, Val::year(y));
            }
        }
        if w == "year" && self.lw(i + 1) == "end" && i > 0 && self.lw(i - 1) == "around" {
            return m(i, i + 2, dct.map_or(Val::None, |d| Val::month(d.year() as i32, 12)));
        }
        None
    }

    fn quarter_val(&self, q: u32) -> Val {
        match self.dct {
            Some(d) => {
                let cur = (d.month() as u32 - 1) / 3 + 1;
                // a quarter after the current one is last year's in past-tense reports
                let y = if q > cur { d.year() as i32 - 1 } else { d.year() as i32 };
                relative::quarter(y, q)
            }
            None => Val::None,
        }
    }

    /// English spelled years: "nineteen ninety-six", "January nineteen ninety-seven".
    fn en_spelled(&self, i: usize) -> Option<Found> {
        if self.lang != Lang::En {
            return None;
        }
        let (start, k, mo) = match self.month(i, false) {
            Some((e, mo)) => (i, e, Some(mo)),
            None => (i, i, None),
        };
        let y = en_spelled_year(self.lw(k), self.lw(k + 1))? as i32;
        let val = match mo {
            Some(mo) => Val::month(y, mo),
            None => Val::year(y),
        };
        m(start, k + 2, val)
    }

    /// Kazakh spelled years and days: "екі мың он төртінші жылы", "тоқсан бесінші жылдан",
    /// "мамырдың онына", "бірінші сәуірге".
    fn kk_spelled(&self, i: usize) -> Option<Found> {
        if self.lang != Lang::Kk {
            return None;
        }
        // month + spelled day: "мамырдың онына"
        if let Some((e, mo)) = self.month(i, true)
            && let Some((v, _)) = kk_number_word(self.lw(e))
            && (1..=31).contains(&v)
        {
            let y = self.dct.map(|d| relative::year_for(d, mo, v, self.tense(i)));
            return m(i, e + 1, y.map_or(Val::None, |y| Val::day(y, mo, v)));
        }
        let mut k = i;
        let mut vals = Vec::new();
        let mut ordinal = false;
        while let Some((v, o)) = kk_number_word(self.lw(k)) {
            vals.push(v);
            k += 1;
            if o {
                ordinal = true;
                break;
            }
            if vals.len() > 6 {
                return None;
            }
        }
        if vals.is_empty() {
            return None;
        }
        let n = kk_combine(&vals);
        let u = self.lw(k);
        if kk_stem(u, &["жыл", "жылдар"]).is_some() {
            if !ordinal && !u.starts_with("жылғы") {
                return None;
            }
            // "екінші жыл қатарынан" (for the second year running): no calendar year
            if n < 10 {
                return m(i, k + 1, Val::None);
            }
            let y = if n < 100 { 1900 + n } else { n };
            return m(i, k + 1, Val::year(y as i32));
        }
        if let Some((e, mo)) = self.month(k, false)
            && (1..=31).contains(&n)
        {
            let y = self.dct.map(|d| relative::year_for(d, mo, n, self.tense(i)));
            return m(i, e, y.map_or(Val::None, |y| Val::day(y, mo, n)));
        }
        None
    }

    /// Seasons with a year or a modifier: "весной 2012 года", "last fall", "this summer".
    fn season(&self, i: usize) -> Option<Found> {
        let w = self.lw(i);
        season_of(w)?;
        if self.lang == Lang::En {
            return None; // handled with their modifiers in relative_phrase
        }
        if let Some((e, _)) = self.year_part(i + 1) {
            return m(i, e, Val::None);
        }
        if let Some((e, _, _)) = self.year(i + 1) {
            return m(i, e, Val::None);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;
    use jiff::civil::date;

    fn check(text: &str, lang: Lang, dct: Option<Date>, expected: &[(&str, &str)]) {
        let mut arena = String::new();
        let toks = tokenize(text, &mut arena);
        let found = find(&toks, lang, dct);
        let got: Vec<(String, String)> = found
            .iter()
            .map(|f| {
                let a = toks[f.start].byte;
                let b = toks[f.end - 1].byte + toks[f.end - 1].text.len();
                (text[a..b].to_string(), f.val.iso())
            })
            .collect();
        let exp: Vec<(String, String)> =
            expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        assert_eq!(got, exp, "in {text:?}");
    }

    #[test]
    fn russian_explicit() {
        let dct = Some(date(2019, 7, 22));
        check(
            "Конференция прошла 20–21 июля 2019 года в Алматы.",
            Lang::Ru,
            None,
            &[("20–21 июля 2019 года", "2019-07-20/2019-07-21")],
        );
        check("с 6 по 8 июля", Lang::Ru, dct, &[("6 по 8 июля", "2019-07-06/2019-07-08")]);
        check("в июле 2019 года", Lang::Ru, None, &[("июле 2019 года", "2019-07")]);
        check("в 2019 году", Lang::Ru, None, &[("2019 году", "2019")]);
        check("Дата: 20.07.2019.", Lang::Ru, None, &[("20.07.2019", "2019-07-20")]);
        check(
            "в четверг, 12 декабря 2019 года",
            Lang::Ru,
            None,
            &[("четверг, 12 декабря 2019 года", "2019-12-12")],
        );
        check("в 1993—1996 годах", Lang::Ru, None, &[("1993—1996 годах", "1993/1996")]);
        check("в мае", Lang::Ru, None, &[("мае", "")]);
        check("в начале июня 2010 года", Lang::Ru, None, &[("начале июня 2010 года", "2010-06")]);
    }

    #[test]
    fn russian_relative() {
        let dct = Some(date(2019, 7, 22));
        check("Вчера он сказал", Lang::Ru, dct, &[("Вчера", "2019-07-21")]);
        check("в прошлом году", Lang::Ru, dct, &[("прошлом году", "2018")]);
        check("в субботу", Lang::Ru, dct, &[("субботу", "2019-07-20")]);
        check("три года назад", Lang::Ru, dct, &[("три года назад", "2016")]);
        check("на прошлой неделе", Lang::Ru, dct, &[("прошлой неделе", "2019-07-15/2019-07-21")]);
    }

    #[test]
    fn english() {
        let dct = Some(date(2019, 7, 22));
        check("On July 20–21 the forum met.", Lang::En, dct, &[("July 20–21", "2019-07-20/2019-07-21")]);
        check("on 15 October", Lang::En, dct, &[("15 October", "2018-10-15")]);
        check("He left on Saturday.", Lang::En, dct, &[("Saturday", "2019-07-20")]);
        check("yesterday and today", Lang::En, dct, &[("yesterday", "2019-07-21"), ("today", "2019-07-22")]);
        check("last week", Lang::En, dct, &[("last week", "2019-07-15/2019-07-21")]);
        check("in the third quarter", Lang::En, dct, &[("the third quarter", "2019-07/2019-09")]);
        check("Nov. 9, 1989", Lang::En, None, &[("Nov. 9, 1989", "1989-11-09")]);
        check(
            "in January nineteen ninety-seven",
            Lang::En,
            None,
            &[("January nineteen ninety-seven", "1997-01")],
        );
        check("two years ago", Lang::En, dct, &[("two years ago", "2017")]);
        check("It may rain.", Lang::En, dct, &[]);
    }

    #[test]
    fn kazakh() {
        let dct = Some(date(2019, 7, 22));
        check(
            "2019 жылғы 20–21 шілдеде",
            Lang::Kk,
            None,
            &[("2019 жылғы 20–21 шілдеде", "2019-07-20/2019-07-21")],
        );
        check("Кеше болды", Lang::Kk, dct, &[("Кеше", "2019-07-21")]);
        check("қаңтарда", Lang::Kk, None, &[("қаңтарда", "")]);
        check("екі мың он төртінші жылы", Lang::Kk, None, &[("екі мың он төртінші жылы", "2014")]);
        check("Қазан қаласы", Lang::Kk, None, &[]);
    }
}

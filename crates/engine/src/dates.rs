//! Dates typed in a query: `sommerfest 2016`, `meetup in october 2024`, `training 25 may 2024`,
//! `25.05.2024`, `конференция 16 марта`, `20–21 шілде`, `may 22-24 2024`, `2024-10`.
//!
//! [`find`] reads them from the query's text with a small grammar over its tokens (numbers,
//! words, separators): years (1900–2100), months as names in the index's languages (the month
//! word reader is given) and as numbers in numeric forms, days and day ranges. Each date found
//! is a [`QueryDate`]: a year, a month, a day range, or several of them; one without a year
//! stands for that day or month in every year the index holds ([`QueryDate::ranges`]).
//!
//! The search uses them to lift posts of that time (events told of first, then publication;
//! see `query::QueryBuilder::build`), never to drop a post: the words a date is written with
//! become optional, so a post that has every other word is found whatever its date. A query
//! that is nothing but a date lists the posts of that time.
//!
//! Forms read (`D` a day, `M` a month name, `Y` a year, `–` any dash):
//!
//! | form | examples |
//! |---|---|
//! | `D.M.Y`, `D/M/Y`, `D-M-Y`, `Y-M-D` (numbers) | `25.05.2024`, `05/25/2024` (month first when the day cannot be a month), `2024-05-25` |
//! | `M.Y`, `M/Y`, `Y-M` (numbers), `D.M.` | `10.2024`, `2024-10`, `25.05.` |
//! | `D[–D][.] [de] M [de] [Y]` | `25 may 2024`, `16 марта`, `20–21 шілде`, `1. Mai 2024`, `25 de mayo de 2024` |
//! | `M [D[–D]][,] [Y]` | `may 25, 2024`, `may 22-24 2024`, `october 2024`, `juni` |
//! | `Y [year word] [D[–D]] M` | `2019 жылғы 20 шілде`, `2023 қаңтар`, `2023 января` |
//! | `Y` | `2016` |

use annals_lang::tokens::{Kind, Token, tokenize};
use jiff::civil::Date;

/// Earliest year read as one.
const MIN_YEAR: u32 = 1900;
/// Latest year read as one.
const MAX_YEAR: u32 = 2100;
/// Years a date without one is looked for in, at most (the latest the index holds).
const MAX_YEARS: usize = 40;

/// A date a query names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueryDate {
    /// The year, when given.
    pub year: Option<i16>,
    /// The month (1–12), when given.
    pub month: Option<i8>,
    /// The first and last day, when given (a month is then given too).
    pub days: Option<(i8, i8)>,
}

impl QueryDate {
    /// The days the date covers, as `(first, last)` ranges: one for a date with a year, one
    /// per year of `years` for a date without.
    pub fn ranges(&self, years: &[i16]) -> Vec<(Date, Date)> {
        let one = |year: i16| -> Option<(Date, Date)> {
            match (self.month, self.days) {
                (None, _) => Some((Date::new(year, 1, 1).ok()?, Date::new(year, 12, 31).ok()?)),
                (Some(m), None) => {
                    let first = Date::new(year, m, 1).ok()?;
                    Some((first, first.last_of_month()))
                }
                (Some(m), Some((a, b))) => {
                    let first = Date::new(year, m, a).ok()?;
                    let last = Date::new(year, m, b).ok().unwrap_or_else(|| first.last_of_month());
                    Some((first, last.max(first)))
                }
            }
        };
        match self.year {
            Some(y) => one(y).into_iter().collect(),
            None => years.iter().filter_map(|&y| one(y)).collect(),
        }
    }
}

/// The dates of a query and the words they are written with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// The dates, in query order.
    pub dates: Vec<QueryDate>,
    /// The words (as the query parser cuts them, lowercase) the dates are written with: they
    /// only add to the score.
    pub words: Vec<String>,
}

impl Found {
    /// Whether `word` is part of a date.
    pub fn holds(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.words.contains(&lower)
    }

    /// Whether some date lacks its year.
    pub fn needs_years(&self) -> bool {
        self.dates.iter().any(|d| d.year.is_none())
    }
}

/// The dates in `text`; `month_of` names the month a lowercase word stands for, in the
/// languages that count.
pub fn find(text: &str, month_of: impl Fn(&str) -> Option<u8>) -> Found {
    let mut arena = String::new();
    let toks = tokenize(text, &mut arena);
    let g = Grammar { t: &toks, month_of: &month_of };
    let mut found = Found::default();
    let mut i = 0;
    while i < toks.len() {
        match g.at(i) {
            Some((date, end)) => {
                found.dates.push(date);
                let (from, to) = (toks[i].byte, toks[end - 1].byte + toks[end - 1].text.len());
                for w in annals_lang::words::split(&text[from..to]) {
                    found.words.push(w.to_lowercase());
                }
                i = end;
            }
            None => i += 1,
        }
    }
    found
}

/// The years a date without one is looked for in: the latest `MAX_YEARS` of `years`.
pub fn recent_years(mut years: Vec<i16>) -> Vec<i16> {
    years.sort_unstable();
    years.dedup();
    let skip = years.len().saturating_sub(MAX_YEARS);
    years.split_off(skip)
}

struct Grammar<'a, F> {
    t: &'a [Token<'a>],
    month_of: &'a F,
}

impl<F: Fn(&str) -> Option<u8>> Grammar<'_, F> {
    /// The date starting at token `i`, and the token after it.
    fn at(&self, i: usize) -> Option<(QueryDate, usize)> {
        self.numeric(i)
            .or_else(|| self.day_first(i))
            .or_else(|| self.month_first(i))
            .or_else(|| self.year_first(i))
    }

    fn tok(&self, i: usize) -> Option<&Token<'_>> {
        self.t.get(i)
    }

    fn number(&self, i: usize) -> Option<u32> {
        self.tok(i).and_then(Token::number)
    }

    fn year(&self, i: usize) -> Option<i16> {
        let t = self.tok(i)?;
        let n = t.number().filter(|_| t.text.len() == 4)?;
        (MIN_YEAR..=MAX_YEAR).contains(&n).then_some(n as i16)
    }

    fn day(&self, i: usize) -> Option<i8> {
        let t = self.tok(i)?;
        let n = t.number().filter(|_| t.text.len() <= 2)?;
        (1..=31).contains(&n).then_some(n as i8)
    }

    fn month_number(&self, i: usize) -> Option<i8> {
        let t = self.tok(i)?;
        let n = t.number().filter(|_| t.text.len() <= 2)?;
        (1..=12).contains(&n).then_some(n as i8)
    }

    fn month_word(&self, i: usize) -> Option<i8> {
        let t = self.tok(i).filter(|t| t.kind == Kind::Word)?;
        (self.month_of)(t.lower).map(|m| m as i8)
    }

    /// Token `i` is the punctuation `c` written right after the previous token.
    fn glued(&self, i: usize, chars: &[char]) -> Option<char> {
        let t = self.tok(i).filter(|t| t.kind == Kind::Punct && !t.space_before)?;
        let c = t.text.chars().next()?;
        chars.contains(&c).then_some(c)
    }

    /// Token `i` is a number written right after the previous token.
    fn glued_number(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Number && !t.space_before)
    }

    fn is_dash(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Punct && matches!(t.text, "-" | "–" | "—" | "‒"))
    }

    /// A connecting word between the parts of a date: `de` (es, pt, ca), `of` (en).
    fn is_link(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Word && matches!(t.lower, "de" | "of" | "del"))
    }

    /// `25.05.2024`, `05/25/2024`, `2024-05-25`, `10.2024`, `2024-10`, `25.05.`.
    fn numeric(&self, i: usize) -> Option<(QueryDate, usize)> {
        self.number(i)?;
        let sep = self.glued(i + 1, &['.', '/', '-'])?;
        if !self.glued_number(i + 2) {
            return None;
        }
        let third = self.glued(i + 3, &[sep]).filter(|_| self.glued_number(i + 4)).map(|_| i + 4);
        if let Some(k) = third {
            // Three numbers.
            if let (Some(y), Some(m), Some(d)) = (self.year(i), self.month_number(i + 2), self.day(k)) {
                return Some((QueryDate { year: Some(y), month: Some(m), days: Some((d, d)) }, k + 1));
            }
            let y = self.year(k)?;
            let (a, b) = (self.number(i)?, self.number(i + 2)?);
            // Day first, unless only the first can be a month (`05/25/2024`).
            let (d, m) = if sep == '/' && b > 12 && a <= 12 { (b, a) } else { (a, b) };
            let (d, m) = (i8::try_from(d).ok()?, i8::try_from(m).ok()?);
            if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
                return None;
            }
            return Some((QueryDate { year: Some(y), month: Some(m), days: Some((d, d)) }, k + 1));
        }
        // Two numbers: a month and a year, or (with dots) a day and a month.
        if let (Some(y), Some(m)) = (self.year(i), self.month_number(i + 2)) {
            return Some((QueryDate { year: Some(y), month: Some(m), days: None }, i + 3));
        }
        if let (Some(m), Some(y)) = (self.month_number(i), self.year(i + 2)) {
            return Some((QueryDate { year: Some(y), month: Some(m), days: None }, i + 3));
        }
        if sep == '.'
            && let (Some(d), Some(m)) = (self.day(i), self.month_number(i + 2))
        {
            let end = if self.glued(i + 3, &['.']).is_some() { i + 4 } else { i + 3 };
            return Some((QueryDate { year: None, month: Some(m), days: Some((d, d)) }, end));
        }
        None
    }

    /// A day or day range at `i`: `25`, `25th`, `1.`, `20–21`; the days and the token after.
    fn days(&self, i: usize) -> Option<((i8, i8), usize)> {
        let first = self.day(i)?;
        let mut k = i + 1;
        let mut last = first;
        if self.is_dash(k)
            && let Some(d) = self.day(k + 1)
            && d >= first
        {
            last = d;
            k += 2;
        }
        // `25th`, `1st`; `1.` (German ordinal).
        if self.tok(k).is_some_and(|t| {
            t.kind == Kind::Word
                && !t.space_before
                && matches!(t.lower, "st" | "nd" | "rd" | "th" | "го" | "е")
        }) || self.glued(k, &['.']).is_some()
        {
            k += 1;
        }
        Some(((first, last), k))
    }

    /// An optional year at `k` (after an optional comma or link word): the year and the token
    /// after.
    fn trailing_year(&self, mut k: usize) -> (Option<i16>, usize) {
        if self.tok(k).is_some_and(|t| t.is_punct(',')) || self.is_link(k) {
            if let Some(y) = self.year(k + 1) {
                return (Some(y), k + 2);
            }
            return (None, k);
        }
        match self.year(k) {
            Some(y) => {
                k += 1;
                (Some(y), k)
            }
            None => (None, k),
        }
    }

    /// `25 may 2024`, `16 марта`, `20–21 шілде`, `1. Mai 2024`, `25 de mayo de 2024`.
    fn day_first(&self, i: usize) -> Option<(QueryDate, usize)> {
        let (days, mut k) = self.days(i)?;
        if self.is_link(k) {
            k += 1;
        }
        let month = self.month_word(k)?;
        let (year, end) = self.trailing_year(k + 1);
        Some((QueryDate { year, month: Some(month), days: Some(days) }, end))
    }

    /// `may 25, 2024`, `may 22-24 2024`, `october 2024`, `juni`.
    fn month_first(&self, i: usize) -> Option<(QueryDate, usize)> {
        let month = self.month_word(i)?;
        let (days, k) = match self.days(i + 1) {
            // A day, unless the number is the year (`may 2024`) or starts another date.
            Some((d, k)) if self.year(i + 1).is_none() => (Some(d), k),
            _ => (None, i + 1),
        };
        let (year, end) = self.trailing_year(k);
        Some((QueryDate { year, month: Some(month), days }, end))
    }

    /// `2019 жылғы 20 шілде`, `2023 қаңтар`, `2023 января`, or a year alone.
    fn year_first(&self, i: usize) -> Option<(QueryDate, usize)> {
        let year = self.year(i)?;
        let mut k = i + 1;
        // A year word: жыл (kk), год (ru), г.
        if self.tok(k).is_some_and(|t| {
            t.kind == Kind::Word
                && (t.folded.starts_with("жыл") || t.lower.starts_with("год") || t.lower == "г")
        }) {
            k += 1;
        }
        let (days, after_days) = match self.days(k) {
            Some((d, after)) if self.month_word(after).is_some() => (Some(d), after),
            _ => (None, k),
        };
        match self.month_word(after_days) {
            Some(m) => Some((QueryDate { year: Some(year), month: Some(m), days }, after_days + 1)),
            None => Some((QueryDate { year: Some(year), month: None, days: None }, i + 1)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn months(w: &str) -> Option<u8> {
        annals_lang::months::month_named(w, |_| true)
    }

    /// Year, month and days of a date.
    type Parts = (Option<i16>, Option<i8>, Option<(i8, i8)>);

    fn dates(text: &str) -> Vec<Parts> {
        find(text, months).dates.into_iter().map(|d| (d.year, d.month, d.days)).collect()
    }

    #[test]
    fn forms_of_dates() {
        for (text, want) in [
            ("sommerfest 2016", vec![(Some(2016), None, None)]),
            ("meetup in october 2024", vec![(Some(2024), Some(10), None)]),
            ("training 25 may 2024", vec![(Some(2024), Some(5), Some((25, 25)))]),
            ("25.05.2024", vec![(Some(2024), Some(5), Some((25, 25)))]),
            ("05/25/2024", vec![(Some(2024), Some(5), Some((25, 25)))]),
            ("2024-05-25 report", vec![(Some(2024), Some(5), Some((25, 25)))]),
            ("конференция 16 марта", vec![(None, Some(3), Some((16, 16)))]),
            ("20–21 шілде", vec![(None, Some(7), Some((20, 21)))]),
            ("forum 20-21 july", vec![(None, Some(7), Some((20, 21)))]),
            ("may 22-24 2024", vec![(Some(2024), Some(5), Some((22, 24)))]),
            ("May 25, 2024", vec![(Some(2024), Some(5), Some((25, 25)))]),
            ("radtour juni 2025", vec![(Some(2025), Some(6), None)]),
            ("1. Mai 2024", vec![(Some(2024), Some(5), Some((1, 1)))]),
            ("25 de mayo de 2024", vec![(Some(2024), Some(5), Some((25, 25)))]),
            ("2019 жылғы 20 шілде", vec![(Some(2019), Some(7), Some((20, 20)))]),
            ("2023 қаңтар конференция", vec![(Some(2023), Some(1), None)]),
            ("10.2024", vec![(Some(2024), Some(10), None)]),
            ("2024-10", vec![(Some(2024), Some(10), None)]),
            ("Woche 45 2024", vec![(Some(2024), None, None)]),
            ("25.05.", vec![(None, Some(5), Some((25, 25)))]),
            ("covid-19 vaccine", vec![]),
            ("top 10 hematology", vec![]),
            ("may", vec![(None, Some(5), None)]),
        ] {
            assert_eq!(dates(text), want, "{text}");
        }
    }

    #[test]
    fn the_words_of_a_date_are_known() {
        let f = find("training 25 may 2024", months);
        assert!(f.holds("25") && f.holds("May") && f.holds("2024") && !f.holds("training"));
        let f = find("Bericht 23.08.2024", months);
        assert_eq!(f.words, ["23", "08", "2024"]);
        assert!(!f.needs_years());
        assert!(find("16 марта", months).needs_years());
    }

    #[test]
    fn ranges_of_dates() {
        let d = QueryDate { year: Some(2024), month: Some(2), days: None };
        assert_eq!(d.ranges(&[]), [(date(2024, 2, 1), date(2024, 2, 29))]);
        let d = QueryDate { year: None, month: Some(3), days: Some((16, 16)) };
        assert_eq!(
            d.ranges(&[2019, 2020]),
            [(date(2019, 3, 16), date(2019, 3, 16)), (date(2020, 3, 16), date(2020, 3, 16))]
        );
        let d = QueryDate { year: Some(2023), month: Some(2), days: Some((30, 31)) };
        assert_eq!(d.ranges(&[]), []);
        assert_eq!(recent_years(vec![2020, 2019, 2020]), [2019, 2020]);
    }
}

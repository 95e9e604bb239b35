//! Date values and their resolution against the document creation date (dct).
//!
//! [`Val`] is a calendar value (day, month, year or a range of those) or nothing; the
//! helpers here turn relative expressions ("yesterday", "last week", "on Saturday",
//! "15 October" without a year) into values, following the TimeBank conventions for
//! past-tense news: a bare weekday is the closest one before the dct (or the dct itself),
//! unless the sentence looks forward in time; a day and month without a year take the year
//! that puts them nearest to the dct, leaning to the past.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

/// A calendar value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Val {
    /// A day.
    Day(Date),
    /// A month of a year.
    Month(i16, i8),
    /// A year.
    Year(i16),
    /// A range of two values (first ≤ second).
    Range(Box<Val>, Box<Val>),
    /// No value can be given (relative date without a dct, unknown year…).
    None,
}

impl Val {
    /// ISO form: `2019-07-20`, `2019-07`, `2019`, `A/B`, or empty for [`Val::None`].
    pub fn iso(&self) -> String {
        match self {
            Val::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Val::Month(y, m) => format!("{y:04}-{m:02}"),
            Val::Year(y) => format!("{y:04}"),
            Val::Range(a, b) => {
                let (a, b) = (a.iso(), b.iso());
                if a.is_empty() || b.is_empty() {
                    String::new()
                } else if a == b {
                    a
                } else {
                    format!("{a}/{b}")
                }
            }
            Val::None => String::new(),
        }
    }

    /// A range of two values (or None if either is None).
    pub fn range(a: Val, b: Val) -> Val {
        if a == Val::None || b == Val::None { Val::None } else { Val::Range(Box::new(a), Box::new(b)) }
    }

    /// A day from parts, if they make a real date.
    pub fn day(y: i32, m: u32, d: u32) -> Val {
        match (i16::try_from(y), i8::try_from(m), i8::try_from(d)) {
            (Ok(y), Ok(m), Ok(d)) => Date::new(y, m, d).map(Val::Day).unwrap_or(Val::None),
            _ => Val::None,
        }
    }

    /// A month from parts, if valid.
    pub fn month(y: i32, m: u32) -> Val {
        if (1..=12).contains(&m) && (1..=9999).contains(&y) {
            Val::Month(y as i16, m as i8)
        } else {
            Val::None
        }
    }

    /// A year, if valid.
    pub fn year(y: i32) -> Val {
        if (1..=9999).contains(&y) { Val::Year(y as i16) } else { Val::None }
    }
}

/// Which way a sentence looks in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Reported past (the default for news).
    Past,
    /// Future or plans ("will", "next", "планирует").
    Future,
}

/// The weekday `wd` (0 = Monday) nearest to `dct` in the direction of `tense`
/// (the dct itself when it is that weekday).
pub fn weekday(dct: Date, wd: u8, tense: Tense) -> Val {
    let cur = dct.weekday().to_monday_zero_offset() as i64;
    let wd = wd as i64;
    let delta = match tense {
        Tense::Past => -((cur - wd).rem_euclid(7)),
        Tense::Future => (wd - cur).rem_euclid(7),
    };
    dct.checked_add(delta.days()).map(Val::Day).unwrap_or(Val::None)
}

/// `dct` shifted by `days`.
pub fn shift_days(dct: Date, days: i64) -> Val {
    dct.checked_add(days.days()).map(Val::Day).unwrap_or(Val::None)
}

/// The month `n` months from dct's month.
pub fn shift_month(dct: Date, n: i32) -> Val {
    let idx = dct.year() as i32 * 12 + dct.month() as i32 - 1 + n;
    Val::month(idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

/// The Monday–Sunday week `n` weeks from dct's week, as a range of days.
pub fn shift_week(dct: Date, n: i64) -> Val {
    let monday = dct.checked_sub((dct.weekday().to_monday_zero_offset() as i64).days());
    let Ok(monday) = monday else { return Val::None };
    let (Ok(a), Ok(b)) = (monday.checked_add((7 * n).days()), monday.checked_add((7 * n + 6).days())) else {
        return Val::None;
    };
    Val::range(Val::Day(a), Val::Day(b))
}

/// Quarter `q` (1–4) of year `y` as a month range.
pub fn quarter(y: i32, q: u32) -> Val {
    let first = (q - 1) * 3 + 1;
    Val::range(Val::month(y, first), Val::month(y, first + 2))
}

/// The year for a month (and day) given without one: the year that puts it nearest to the
/// dct, preferring the past unless the sentence looks forward, or the date is within
/// two months ahead.
pub fn year_for(dct: Date, month: u32, day: u32, tense: Tense) -> i32 {
    let y = dct.year() as i32;
    let here = dct.month() as i32 * 31 + dct.day() as i32;
    let there = month as i32 * 31 + day.max(1) as i32;
    let ahead = there - here; // in "month-days" within the same year
    match tense {
        Tense::Past => {
            if ahead <= 62 {
                y
            } else {
                y - 1
            }
        }
        Tense::Future => {
            if ahead >= -62 {
                y
            } else {
                y + 1
            }
        }
    }
}

/// The weekday of a date, Monday = 0.
pub fn weekday_index(d: Date) -> u8 {
    match d.weekday() {
        Weekday::Monday => 0,
        Weekday::Tuesday => 1,
        Weekday::Wednesday => 2,
        Weekday::Thursday => 3,
        Weekday::Friday => 4,
        Weekday::Saturday => 5,
        Weekday::Sunday => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn weekdays_before_dct() {
        // 2019-07-22 is a Monday
        let dct = date(2019, 7, 22);
        assert_eq!(weekday(dct, 5, Tense::Past).iso(), "2019-07-20");
        assert_eq!(weekday(dct, 0, Tense::Past).iso(), "2019-07-22");
        assert_eq!(weekday(dct, 2, Tense::Future).iso(), "2019-07-24");
    }

    #[test]
    fn weeks_months_quarters() {
        let dct = date(2019, 7, 22);
        assert_eq!(shift_week(dct, -1).iso(), "2019-07-15/2019-07-21");
        assert_eq!(shift_month(dct, -7).iso(), "2018-12");
        assert_eq!(quarter(2019, 3).iso(), "2019-07/2019-09");
    }

    #[test]
    fn year_without_year() {
        let dct = date(1999, 5, 7);
        assert_eq!(year_for(dct, 12, 0, Tense::Past), 1998);
        assert_eq!(year_for(date(1989, 10, 30), 11, 0, Tense::Past), 1989);
        assert_eq!(year_for(date(2000, 1, 7), 1, 14, Tense::Past), 2000);
    }
}

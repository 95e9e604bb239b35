//! Dates as Grav reads them from front matter.
//!
//! Grav turns a `date:` value into a time with `Utils::date2timestamp`: when a date format is
//! set (the page's own `dateformat:` header, else `system.pages.dateformat.default`) it tries
//! PHP's `DateTime::createFromFormat` with it, and otherwise (or when that fails) PHP's free
//! parser (`strtotime`). [`parse_grav_date`] does the same with the shapes met in real sites:
//!
//! | shape | read as |
//! |---|---|
//! | `28-02-2023 10:00`, `14.02.2024 17:00`, `21-02-2020` | day first (`-` and `.`) |
//! | `05/26/2014 13:34`, `6/28/2024`, `09/19/2009` | month first (`/`, as in PHP) |
//! | `2024-12-06 21:22`, `2017/07/23 20:08`, `2019-07-22T10:00:00+06:00` | year first |
//! | `12:29 23-07-2020`, `13:34 05/26/2014` | time first |
//! | `Mon Nov 03 11:37:45 +0000 2014`, `March 5, 2019`, `5 Mar 2019 10:00 pm` | month names |
//! | `@1415014665`, `1415014665` | Unix time (nine digits or more) |
//!
//! Seconds are optional, leading zeros too, and surrounding spaces are ignored. Two-digit years
//! follow PHP (`00`–`69` → 2000s, `70`–`99` → 1900s; `08-06-30` is year first, as in PHP).
//! A time without an offset is local time in the site's timezone; a time with one
//! (`+0000`, `Z`, `UTC`) is converted into the site's timezone. A format given as
//! `dateformat` (PHP letters `d j m n Y y H G h g i s v u a A M F D l S U e T O P`, `\`
//! escapes, space matching any run of spaces) is tried first; fields it lacks are zero (PHP
//! would take them from the current time, which no archive wants).
//!
//! Impossible dates (`31-02-2019`, `25:00`) are errors, not roll-overs as in PHP.

use jiff::ZonedDateTime;
use jiff::civil::DateTime;
use jiff::tz::{Offset, TimeZone};

/// Why a date value could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The value is empty.
    #[error("empty date")]
    Empty,
    /// The value does not have a shape Grav reads as a date.
    #[error("`{0}` is not a date Grav understands")]
    Unrecognised(String),
    /// The value has a date's shape but names no real time (`31-02-2019`).
    #[error("`{input}` is not a valid date: {reason}")]
    Invalid {
        /// The value.
        input: String,
        /// What is wrong with it.
        reason: String,
    },
}

/// Longest value we try to read; anything longer is not a date.
const MAX_LEN: usize = 80;

/// Reads a front-matter date the way Grav does: first with `dateformat` (a PHP date format)
/// when given, then as PHP's free parser would. Times without an offset are local to `tz`.
///
/// ```
/// use annals_grav::date::parse_grav_date;
/// let tz = jiff::tz::TimeZone::get("Asia/Almaty").unwrap();
/// let d = parse_grav_date("22-07-2019 10:00", None, &tz).unwrap();
/// assert_eq!((d.year(), d.month(), d.day(), d.hour()), (2019, 7, 22, 10));
/// let us = parse_grav_date("13:34 05/26/2014", None, &tz).unwrap();
/// assert_eq!((us.month(), us.day()), (5, 26));
/// assert!(parse_grav_date("31-02-2019", None, &tz).is_err());
/// ```
pub fn parse_grav_date(s: &str, dateformat: Option<&str>, tz: &TimeZone) -> Result<ZonedDateTime, DateError> {
    let input = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if input.is_empty() {
        return Err(DateError::Empty);
    }
    if input.len() > MAX_LEN {
        return Err(DateError::Unrecognised(truncate(input)));
    }
    if let Some(format) = dateformat.map(str::trim).filter(|f| !f.is_empty())
        && let Some(parts) = php_format(input, format)
    {
        return build(input, parts, tz);
    }
    let parts = free(input).ok_or_else(|| DateError::Unrecognised(input.to_owned()))?;
    build(input, parts, tz)
}

fn truncate(s: &str) -> String {
    format!("{}…", &s[..s.floor_char_boundary(MAX_LEN)])
}

/// The fields read from a value, before validation.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Parts {
    year: Option<i64>,
    month: Option<i64>,
    day: Option<i64>,
    hour: i64,
    minute: i64,
    second: i64,
    nanos: i64,
    /// `Some(true)` for pm, `Some(false)` for am.
    pm: Option<bool>,
    /// Offset east of UTC, in seconds.
    offset: Option<i64>,
    /// Unix time in seconds.
    unix: Option<i64>,
}

fn build(input: &str, p: Parts, tz: &TimeZone) -> Result<ZonedDateTime, DateError> {
    let invalid = |reason: String| DateError::Invalid { input: input.to_owned(), reason };
    if let Some(u) = p.unix {
        let ts = jiff::Timestamp::from_second(u).map_err(|e| invalid(e.to_string()))?;
        return Ok(ts.to_zoned_datetime(tz.clone()));
    }
    let (Some(year), Some(month), Some(day)) = (p.year, p.month, p.day) else {
        return Err(DateError::Unrecognised(input.to_owned()));
    };
    let mut hour = p.hour;
    match p.pm {
        Some(_) if !(1..=12).contains(&hour) => return Err(invalid(format!("hour {hour} with am/pm"))),
        Some(true) if hour < 12 => hour += 12,
        Some(false) if hour == 12 => hour = 0,
        _ => {}
    }
    let range = |name: &str, v: i64, lo: i64, hi: i64| {
        if (lo..=hi).contains(&v) {
            Ok(v)
        } else {
            Err(invalid(format!("{name} {v} is out of range {lo}..={hi}")))
        }
    };
    let year = range("year", year, 1, 9999)?;
    let month = range("month", month, 1, 12)?;
    let day = range("day", day, 1, 31)?;
    let hour = range("hour", hour, 0, 23)?;
    let minute = range("minute", p.minute, 0, 59)?;
    let second = range("second", p.second, 0, 59)?;
    let nanos = range("fraction", p.nanos, 0, 999_999_999)?;
    let dt = DateTime::new(
        year as i16,
        month as i8,
        day as i8,
        hour as i8,
        minute as i8,
        second as i8,
        nanos as i32,
    )
    .map_err(|e| invalid(e.to_string()))?;
    match p.offset {
        Some(off) => {
            let off = i32::try_from(off).map_err(|_| invalid("offset out of range".into()))?;
            let offset = Offset::from_seconds(off).map_err(|e| invalid(e.to_string()))?;
            let ts = offset.to_timestamp(dt).map_err(|e| invalid(e.to_string()))?;
            Ok(ts.to_zoned_datetime(tz.clone()))
        }
        None => tz.to_zoned_datetime(dt).map_err(|e| invalid(e.to_string())),
    }
}

fn two_digit_year(y: i64) -> i64 {
    if y < 70 { 2000 + y } else { 1900 + y }
}

/// `1`..=`12` for an English month name or abbreviation.
fn month_number(word: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = word.to_ascii_lowercase();
    if w == "sept" {
        return Some(9);
    }
    MONTHS.iter().position(|m| w == *m || (w.len() == 3 && m.starts_with(&w))).map(|i| i as i64 + 1)
}

fn is_weekday(word: &str) -> bool {
    const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    let w = word.to_ascii_lowercase();
    DAYS.iter().any(|d| w == *d || (w.len() >= 3 && d.starts_with(&w)))
}

// ---------------------------------------------------------------------------------------
// PHP DateTime::createFromFormat

/// A cursor over the value being read.
struct Cursor<'a> {
    s: &'a str,
    i: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.s[self.i..]
    }

    /// Between `min` and `max` ASCII digits.
    fn digits(&mut self, min: usize, max: usize) -> Option<(i64, usize)> {
        let rest = self.rest().as_bytes();
        let n = rest.iter().take(max).take_while(|b| b.is_ascii_digit()).count();
        if n < min {
            return None;
        }
        let v = self.rest()[..n].parse().ok()?;
        self.i += n;
        Some((v, n))
    }

    fn letters(&mut self) -> &'a str {
        let rest = self.rest();
        let n = rest.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
        self.i += n;
        &rest[..n]
    }

    fn eat(&mut self, c: char) -> bool {
        if self.rest().starts_with(c) {
            self.i += c.len_utf8();
            true
        } else {
            false
        }
    }

    fn skip_spaces(&mut self) {
        let rest = self.rest();
        let trimmed = rest.trim_start_matches([' ', '\t', '\u{a0}', '\u{202f}']);
        self.i += rest.len() - trimmed.len();
    }

    /// `Z`, `UTC`, `GMT`, `+hh`, `+hhmm`, `+hh:mm` (also after `UTC`/`GMT`).
    fn offset(&mut self) -> Option<i64> {
        let save = self.i;
        let word = self.letters();
        let named = matches!(word.to_ascii_lowercase().as_str(), "z" | "utc" | "gmt");
        if !word.is_empty() && !named {
            self.i = save;
            return None;
        }
        let sign = if self.eat('+') {
            1
        } else if self.eat('-') {
            -1
        } else if named {
            return Some(0);
        } else {
            self.i = save;
            return None;
        };
        let Some((v, n)) = self.digits(1, 4) else {
            self.i = save;
            return None;
        };
        let (h, m) = if n > 2 {
            (v / 100, v % 100)
        } else if self.eat(':') {
            match self.digits(2, 2) {
                Some((m, _)) => (v, m),
                None => {
                    self.i = save;
                    return None;
                }
            }
        } else {
            (v, 0)
        };
        if h > 14 || m > 59 {
            self.i = save;
            return None;
        }
        Some(sign * (h * 3600 + m * 60))
    }
}

/// Reads `input` with a PHP date format; `None` when it does not match (or names no date).
fn php_format(input: &str, format: &str) -> Option<Parts> {
    let mut p = Parts::default();
    let mut c = Cursor { s: input, i: 0 };
    let mut f = format.chars();
    let mut allow_trailing = false;
    while let Some(ch) = f.next() {
        match ch {
            'd' | 'j' => p.day = Some(c.digits(1, 2)?.0),
            'm' | 'n' => p.month = Some(c.digits(1, 2)?.0),
            'Y' => p.year = Some(c.digits(1, 4)?.0),
            'y' => p.year = Some(two_digit_year(c.digits(2, 2)?.0)),
            'H' | 'G' => p.hour = c.digits(1, 2)?.0,
            'h' | 'g' => {
                p.hour = c.digits(1, 2)?.0;
                p.pm.get_or_insert(false);
            }
            'i' => p.minute = c.digits(1, 2)?.0,
            's' => p.second = c.digits(1, 2)?.0,
            'v' => p.nanos = c.digits(3, 3)?.0 * 1_000_000,
            'u' => {
                let (v, n) = c.digits(1, 9)?;
                p.nanos = v * 10i64.pow(9 - n as u32);
            }
            'a' | 'A' => {
                let w = c.letters().to_ascii_lowercase();
                p.pm = Some(match w.as_str() {
                    "am" => false,
                    "pm" => true,
                    _ => return None,
                });
            }
            'M' | 'F' => p.month = Some(month_number(c.letters())?),
            'D' | 'l' => {
                if !is_weekday(c.letters()) {
                    return None;
                }
            }
            'S' => {
                let w = c.letters().to_ascii_lowercase();
                if !matches!(w.as_str(), "st" | "nd" | "rd" | "th") {
                    return None;
                }
            }
            'U' => {
                let neg = c.eat('-');
                let v = c.digits(1, 12)?.0;
                p.unix = Some(if neg { -v } else { v });
            }
            'e' | 'T' | 'O' | 'P' | 'p' => p.offset = Some(c.offset()?),
            '\\' => {
                let lit = f.next()?;
                if !c.eat(lit) {
                    return None;
                }
            }
            '!' | '|' => {}
            '?' => {
                let next = c.rest().chars().next()?;
                c.i += next.len_utf8();
            }
            '*' => {
                let rest = c.rest();
                let n = rest
                    .find(|ch: char| " ,;:/.-()".contains(ch) || ch.is_ascii_digit())
                    .unwrap_or(rest.len());
                c.i += n;
            }
            '#' => {
                let next = c.rest().chars().next()?;
                if !";:/.,-()".contains(next) {
                    return None;
                }
                c.i += next.len_utf8();
            }
            '+' => {
                allow_trailing = true;
                break;
            }
            ' ' => c.skip_spaces(),
            lit => {
                if !c.eat(lit) {
                    return None;
                }
            }
        }
    }
    if !allow_trailing && !c.rest().trim().is_empty() {
        return None;
    }
    if p.unix.is_none() && (p.year.is_none() || p.month.is_none() || p.day.is_none()) {
        return None;
    }
    Some(p)
}

// ---------------------------------------------------------------------------------------
// PHP's free parser, for the shapes Grav sites use

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok<'a> {
    /// Value and number of digits.
    Num(i64, usize),
    Word(&'a str),
    Punct(char),
}

fn tokens(s: &str) -> Option<Vec<Tok<'_>>> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            let n = b[i..].iter().take_while(|x| x.is_ascii_digit()).count();
            if n > 12 {
                return None;
            }
            out.push(Tok::Num(s[i..i + n].parse().ok()?, n));
            i += n;
        } else if c.is_ascii_alphabetic() {
            let n = b[i..].iter().take_while(|x| x.is_ascii_alphabetic()).count();
            out.push(Tok::Word(&s[i..i + n]));
            i += n;
        } else if c.is_ascii_whitespace() {
            i += 1;
        } else if c.is_ascii() {
            out.push(Tok::Punct(c as char));
            i += 1;
        } else {
            let ch = s[i..].chars().next()?;
            if ch.is_whitespace() {
                i += ch.len_utf8();
            } else {
                return None;
            }
        }
    }
    Some(out)
}

/// What PHP's free parser makes of the shapes Grav sites use; `None` when unrecognised.
fn free(input: &str) -> Option<Parts> {
    // Unix time: `@1415014665`, or a bare number of nine digits or more.
    let unix = input.strip_prefix('@').unwrap_or(input);
    if unix.len() >= 9 && unix.bytes().all(|b| b.is_ascii_digit())
        || (input.starts_with('@') && !unix.is_empty())
    {
        let neg = unix.starts_with('-');
        let digits = unix.trim_start_matches('-');
        if !digits.is_empty() && digits.len() <= 12 && digits.bytes().all(|b| b.is_ascii_digit()) {
            let v: i64 = digits.parse().ok()?;
            return Some(Parts { unix: Some(if neg { -v } else { v }), ..Parts::default() });
        }
        return None;
    }
    let t = tokens(input)?;
    let mut p = Parts::default();
    let mut have_date = false;
    let mut have_time = false;
    let mut month_word: Option<i64> = None;
    let mut loose: Vec<(i64, usize)> = Vec::new();
    let mut i = 0;
    let num = |k: usize| match t.get(k) {
        Some(Tok::Num(v, n)) => Some((*v, *n)),
        _ => None,
    };
    let punct = |k: usize| match t.get(k) {
        Some(Tok::Punct(c)) => Some(*c),
        _ => None,
    };
    while i < t.len() {
        match &t[i] {
            Tok::Num(a, la) => {
                let (a, la) = (*a, *la);
                // Time: h:mm[:ss[.frac]] [am|pm]
                if !have_time
                    && punct(i + 1) == Some(':')
                    && num(i + 2).is_some_and(|(_, n)| n == 2)
                    && la <= 2
                {
                    have_time = true;
                    p.hour = a;
                    p.minute = num(i + 2)?.0;
                    i += 3;
                    if punct(i) == Some(':') && num(i + 1).is_some_and(|(_, n)| n == 2) {
                        p.second = num(i + 1)?.0;
                        i += 2;
                        if matches!(punct(i), Some('.') | Some(','))
                            && let Some((f, n)) = num(i + 1)
                        {
                            p.nanos = if n <= 9 { f * 10i64.pow(9 - n as u32) } else { return None };
                            i += 2;
                        }
                    }
                    // am / pm, also written a.m. / p.m.
                    if let Some(Tok::Word(w)) = t.get(i) {
                        match w.to_ascii_lowercase().as_str() {
                            "am" => (p.pm, i) = (Some(false), i + 1),
                            "pm" => (p.pm, i) = (Some(true), i + 1),
                            "a" | "p"
                                if punct(i + 1) == Some('.')
                                    && matches!(t.get(i + 2), Some(Tok::Word(m)) if m.eq_ignore_ascii_case("m")) =>
                            {
                                p.pm = Some(w.eq_ignore_ascii_case("p"));
                                i += 3;
                                if punct(i) == Some('.') {
                                    i += 1;
                                }
                            }
                            _ => {}
                        }
                    }
                    continue;
                }
                // Numeric date: a sep b sep c, with the same separator.
                if let (Some(sep), Some((b, _)), Some(sep2), Some((c, lc))) =
                    (punct(i + 1), num(i + 2), punct(i + 3), num(i + 4))
                    && sep == sep2
                    && matches!(sep, '-' | '/' | '.')
                    && !have_date
                {
                    let (y, m, d) = if la == 4 {
                        (a, b, c)
                    } else {
                        let year = match lc {
                            4 => c,
                            1 | 2 => two_digit_year(c),
                            _ => return None,
                        };
                        match sep {
                            '/' => (year, a, b),
                            // PHP reads `yy-mm-dd` for two-digit groups with dashes.
                            '-' if la == 2 && lc == 2 => (two_digit_year(a), b, c),
                            _ => (year, b, a),
                        }
                    };
                    (p.year, p.month, p.day) = (Some(y), Some(m), Some(d));
                    have_date = true;
                    i += 5;
                    continue;
                }
                // Day-Month-Year with a month name: 30-June-2008, 30 Jun 2008 is handled as loose.
                if let (Some('-'), Some(Tok::Word(w)), Some('-'), Some((c, lc))) =
                    (punct(i + 1), t.get(i + 2), punct(i + 3), num(i + 4))
                    && let Some(m) = month_number(w)
                {
                    if have_date || lc != 4 {
                        return None;
                    }
                    (p.year, p.month, p.day) = (Some(c), Some(m), Some(a));
                    have_date = true;
                    i += 5;
                    continue;
                }
                // Compact ISO date: 20190722.
                if la == 8 && !have_date {
                    (p.year, p.month, p.day) = (Some(a / 10000), Some(a / 100 % 100), Some(a % 100));
                    have_date = true;
                    i += 1;
                    continue;
                }
                loose.push((a, la));
                i += 1;
                // Ordinal suffix: 3rd, 21st.
                if let Some(Tok::Word(w)) = t.get(i)
                    && matches!(w.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th")
                {
                    i += 1;
                }
            }
            Tok::Word(w) => {
                let lw = w.to_ascii_lowercase();
                if let Some(m) = month_number(w) {
                    if month_word.is_some() || have_date {
                        return None;
                    }
                    month_word = Some(m);
                    i += 1;
                } else if is_weekday(w) || matches!(lw.as_str(), "t" | "at" | "of" | "the" | "on") {
                    i += 1;
                } else if matches!(lw.as_str(), "am" | "pm") && have_time && p.pm.is_none() {
                    p.pm = Some(lw == "pm");
                    i += 1;
                } else if matches!(lw.as_str(), "z" | "utc" | "gmt") {
                    if p.offset.is_some() {
                        return None;
                    }
                    p.offset = Some(0);
                    i += 1;
                    // `GMT+0200`
                    if let (Some(s @ ('+' | '-')), Some(_)) = (punct(i), num(i + 1)) {
                        let (off, used) = zone_offset(&t, i, s)?;
                        p.offset = Some(off);
                        i += used;
                    }
                } else {
                    return None;
                }
            }
            Tok::Punct(c) => match c {
                '+' | '-' if have_time && p.offset.is_none() && num(i + 1).is_some() => {
                    let (off, used) = zone_offset(&t, i, *c)?;
                    p.offset = Some(off);
                    i += used;
                }
                ',' | '.' | '(' | ')' => i += 1,
                _ => return None,
            },
        }
    }
    if !have_date {
        let m = month_word?;
        let (year, day) = match loose.as_slice() {
            [(y, 4)] => (*y, 1),
            [(a, la), (b, lb)] => {
                if *la == 4 || *a > 31 {
                    (*a, *b)
                } else if *lb == 4 || *b > 31 {
                    (*b, *a)
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        (p.year, p.month, p.day) = (Some(year), Some(m), Some(day));
    } else if month_word.is_some() || !loose.is_empty() {
        return None;
    }
    Some(p)
}

/// Reads `+hhmm`, `+hh:mm` or `+hh` starting at the sign token `i`; returns the offset in
/// seconds and the number of tokens used.
fn zone_offset(t: &[Tok<'_>], i: usize, sign: char) -> Option<(i64, usize)> {
    let sign = if sign == '-' { -1 } else { 1 };
    let Some(Tok::Num(v, n)) = t.get(i + 1) else { return None };
    let (h, m, used) = match n {
        4 => (v / 100, v % 100, 2),
        1 | 2 => match (t.get(i + 2), t.get(i + 3)) {
            (Some(Tok::Punct(':')), Some(Tok::Num(m, 2))) => (*v, *m, 4),
            _ => (*v, 0, 2),
        },
        _ => return None,
    };
    if h > 14 || m > 59 {
        return None;
    }
    Some((sign * (h * 3600 + m * 60), used))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn almaty() -> TimeZone {
        TimeZone::get("Asia/Almaty").expect("bundled tzdb")
    }

    /// `expected` is `YYYY-MM-DDTHH:MM:SS` local to Almaty, or `Err(())` for an error.
    fn check(input: &str, format: Option<&str>, expected: Result<&str, ()>) {
        let got = parse_grav_date(input, format, &almaty());
        match (got, expected) {
            (Ok(z), Ok(want)) => {
                let got = z.strftime("%Y-%m-%dT%H:%M:%S").to_string();
                assert_eq!(got, want, "for {input:?} with {format:?}");
            }
            (Err(_), Err(())) => {}
            (got, want) => panic!("for {input:?} with {format:?}: got {got:?}, want {want:?}"),
        }
    }

    #[test]
    fn free_shapes() {
        let table: &[(&str, Result<&str, ()>)] = &[
            ("28-02-2023 10:00", Ok("2023-02-28T10:00:00")),
            ("18-03-2025 21:41", Ok("2025-03-18T21:41:00")),
            ("21-02-2020", Ok("2020-02-21T00:00:00")),
            ("11-07-2018", Ok("2018-07-11T00:00:00")),
            ("14.02.2024 17:00", Ok("2024-02-14T17:00:00")),
            ("05/26/2014 13:34", Ok("2014-05-26T13:34:00")),
            ("13:34 05/26/2014", Ok("2014-05-26T13:34:00")),
            ("13:59 12-11-2025", Ok("2025-11-12T13:59:00")),
            ("12:29 23-07-2020", Ok("2020-07-23T12:29:00")),
            ("14:42 08/11/2013 ", Ok("2013-08-11T14:42:00")),
            ("09/19/2009", Ok("2009-09-19T00:00:00")),
            ("6/28/2024", Ok("2024-06-28T00:00:00")),
            ("1/2/2024 9:05", Ok("2024-01-02T09:05:00")),
            ("2024-12-06 21:22", Ok("2024-12-06T21:22:00")),
            ("2024-12-06", Ok("2024-12-06T00:00:00")),
            ("2017/07/23 20:08", Ok("2017-07-23T20:08:00")),
            ("2017/07/23 20:08:59", Ok("2017-07-23T20:08:59")),
            ("2019-07-22T10:00:00", Ok("2019-07-22T10:00:00")),
            ("2019-07-22T10:00:00.5", Ok("2019-07-22T10:00:00")),
            // Offsets convert into the site's timezone (Almaty was +06:00 then).
            ("2019-07-22T10:00:00Z", Ok("2019-07-22T16:00:00")),
            ("2019-07-22T10:00:00+02:00", Ok("2019-07-22T14:00:00")),
            ("Mon Nov 03 11:37:45 +0000 2014", Ok("2014-11-03T17:37:45")),
            ("March 5, 2019", Ok("2019-03-05T00:00:00")),
            ("5 March 2019 10:00 pm", Ok("2019-03-05T22:00:00")),
            ("Tuesday, 5th March 2019 12:30am", Ok("2019-03-05T00:30:00")),
            ("Nov. 3, 2014 at 9:15 a.m.", Ok("2014-11-03T09:15:00")),
            ("30-June-2008", Ok("2008-06-30T00:00:00")),
            ("20190722", Ok("2019-07-22T00:00:00")),
            ("30.6.08", Ok("2008-06-30T00:00:00")),
            ("08-06-30", Ok("2008-06-30T00:00:00")),
            ("12/22/78", Ok("1978-12-22T00:00:00")),
            ("@1415014665", Ok("2014-11-03T17:37:45")),
            ("1415014665", Ok("2014-11-03T17:37:45")),
            // Errors.
            ("", Err(())),
            ("   ", Err(())),
            ("31-02-2019", Err(())),
            ("29-02-2019", Err(())),
            ("29-02-2020", Ok("2020-02-29T00:00:00")),
            ("13/13/2019", Err(())),
            ("25:00 01-01-2019", Err(())),
            ("10:61 01-01-2019", Err(())),
            ("13:00 pm 01-01-2019", Err(())),
            ("2019", Err(())),
            ("soon", Err(())),
            ("tomorrow", Err(())),
            ("2019-07-22 2019-07-23", Err(())),
            ("10:00", Err(())),
            ("Mon Nov 2014 March", Err(())),
            ("01-01-0000", Err(())),
            ("99999999", Err(())),
            ("Ünïcödé", Err(())),
        ];
        for (input, want) in table {
            check(input, None, *want);
        }
    }

    #[test]
    fn php_formats_first() {
        let table: &[(&str, &str, Result<&str, ()>)] = &[
            ("05/06/2014", "d/m/Y", Ok("2014-06-05T00:00:00")),
            ("05/06/2014 10:30", "d/m/Y H:i", Ok("2014-06-05T10:30:00")),
            // Not matching the format: the free parser reads it (month first with slashes).
            ("05/06/2014 10:30:15", "d/m/Y H:i", Ok("2014-05-06T10:30:15")),
            ("28-02-2023 10:00", "d-m-Y H:i", Ok("2023-02-28T10:00:00")),
            ("10:00 28-02-2023", "H:i d-m-Y", Ok("2023-02-28T10:00:00")),
            ("14.02.2024 17:00", "d.m.Y H:i", Ok("2024-02-14T17:00:00")),
            ("2024-12-06 21:22", "Y-m-d H:i", Ok("2024-12-06T21:22:00")),
            ("6 Mar 24, 3:07 pm", "j M y, g:i a", Ok("2024-03-06T15:07:00")),
            ("Friday 1st March 2024", "l jS F Y", Ok("2024-03-01T00:00:00")),
            ("2023-03-01T10:00:00+0000", "Y-m-d\\TH:i:sO", Ok("2023-03-01T16:00:00")),
            ("1415014665", "U", Ok("2014-11-03T17:37:45")),
            // A format match with an impossible date is an error, not a roll-over.
            ("31-02-2019 10:00", "d-m-Y H:i", Err(())),
            // A format without a date falls back to the free parser.
            ("28-02-2023 10:00", "H:i", Ok("2023-02-28T10:00:00")),
            ("garbage", "d-m-Y", Err(())),
        ];
        for (input, format, want) in table {
            check(input, Some(format), *want);
        }
    }

    #[test]
    fn unknown_timezone_is_not_our_business() {
        // The caller picks the zone; UTC works like any other.
        let z = parse_grav_date("01-01-2020 00:00", None, &TimeZone::UTC).expect("valid");
        assert_eq!(z.timestamp().as_second(), 1_577_836_800);
    }

    // The property is that every input returns (any result) and nothing panics.
    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,40}", f in proptest::option::of("[djmnYyHGhgisvuaAMFDlSUeTOP\\\\!|?*#+ :/.-]{0,12}")) {
            let _ = parse_grav_date(&s, f.as_deref(), &TimeZone::UTC);
        }

        #[test]
        fn never_panics_on_date_like(s in "[0-9 :/.,+TZ@-]{0,30}(am|pm|Mon|Nov)?[0-9 :/.-]{0,10}") {
            let _ = parse_grav_date(&s, None, &TimeZone::UTC);
            let _ = parse_grav_date(&s, Some("d-m-Y H:i"), &TimeZone::UTC);
        }

        #[test]
        fn round_trips(y in 1970i16..2100, m in 1i8..=12, d in 1i8..=28, h in 0i8..24, mi in 0i8..60, s in 0i8..60, which in 0usize..9) {
            let tz = almaty();
            let dt = DateTime::new(y, m, d, h, mi, s, 0).expect("valid");
            let z = tz.to_zoned_datetime(dt).expect("valid");
            let (format, php, seconds) = [
                ("%d-%m-%Y %H:%M", None, false),
                ("%m/%d/%Y %H:%M:%S", None, true),
                ("%Y-%m-%d %H:%M:%S", None, true),
                ("%H:%M %d-%m-%Y", None, false),
                ("%d.%m.%Y %H:%M", None, false),
                ("%Y/%m/%d %H:%M", None, false),
                ("%-m/%-d/%Y %-H:%M", None, false),
                ("%d/%m/%Y %H:%M", Some("d/m/Y H:i"), false),
                ("%a %b %d %H:%M:%S %z %Y", None, true),
            ][which];
            let text = z.strftime(format).to_string();
            let back = parse_grav_date(&text, php, &tz).expect(&text);
            let want = if seconds { z.clone() } else { z.with().second(0).build().expect("valid") };
            proptest::prop_assert_eq!(back.timestamp(), want.timestamp(), "{}", text);
        }
    }
}

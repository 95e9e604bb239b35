//! The interface language and its strings (`assets/i18n.json`: kk, ru, en), plurals, and
//! dates written for a reader.

use std::sync::LazyLock;

use serde_json::Value;

const I18N_JSON: &str = include_str!("../../../assets/i18n.json");

/// Interface languages, in the order the switcher shows them.
pub const UI_LANGS: [&str; 3] = ["kk", "ru", "en"];
/// When neither `?ui=` nor `Accept-Language` names one of them.
const DEFAULT_UI: &str = "en";

static I18N: LazyLock<Value> = LazyLock::new(|| serde_json::from_str(I18N_JSON).unwrap_or(Value::Null));

/// The interface language: `?ui=` when it is one of [`UI_LANGS`], else the visitor's most
/// preferred one in `Accept-Language`, else English.
pub fn ui_language(param: Option<&str>, accept: Option<&str>) -> &'static str {
    if let Some(lang) = param.and_then(|p| UI_LANGS.into_iter().find(|l| *l == p)) {
        return lang;
    }
    let mut best: Option<(&'static str, f32)> = None;
    for range in accept.unwrap_or_default().split(',') {
        let mut parts = range.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        let quality = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let Some(lang) = UI_LANGS.into_iter().find(|l| *l == primary) else { continue };
        if quality > 0.0 && best.is_none_or(|(_, q)| quality > q) {
            best = Some((lang, quality));
        }
    }
    best.map_or(DEFAULT_UI, |(lang, _)| lang)
}

/// A language's name in that language.
pub fn lang_name(code: &str) -> String {
    match code {
        "kk" => "Қазақша".to_owned(),
        "ru" => "Русский".to_owned(),
        "en" => "English".to_owned(),
        other => other.to_uppercase(),
    }
}

/// A language's name in three letters, for narrow screens.
pub fn lang_short(code: &str) -> &str {
    match code {
        "kk" => "ҚАЗ",
        "ru" => "РУС",
        "en" => "ENG",
        other => other,
    }
}

/// CLDR plural category of `n` in the interface languages (Russian: one, few, many;
/// Kazakh and English: one, other).
fn plural_category(lang: &str, n: usize) -> &'static str {
    match lang {
        "ru" => {
            let (m10, m100) = (n % 10, n % 100);
            if m10 == 1 && m100 != 11 {
                "one"
            } else if (2..=4).contains(&m10) && !(12..=14).contains(&m100) {
                "few"
            } else {
                "many"
            }
        }
        _ if n == 1 => "one",
        _ => "other",
    }
}

/// Replaces each `{name}` of `template` with its value; other text is kept as is.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after
            .find('}')
            .and_then(|close| values.iter().find(|(k, _)| *k == &after[..close]).map(|(_, v)| (close, v)));
        match value {
            Some((close, v)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The strings of one interface language (English for any key it lacks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Strings {
    /// One of [`UI_LANGS`].
    pub lang: &'static str,
}

impl Strings {
    fn value(self, key: &str) -> &'static Value {
        let lookup = |lang: &str| I18N.get(lang).and_then(|m| m.get(key));
        lookup(self.lang).or_else(|| lookup("en")).unwrap_or(&Value::Null)
    }

    /// The string `key` (the key itself when missing).
    pub fn s(self, key: &'static str) -> &'static str {
        self.value(key).as_str().unwrap_or(key)
    }

    /// The plural string `key` for `n`, with `{n}` filled in.
    pub fn plural(self, key: &'static str, n: usize) -> String {
        let forms = self.value(key);
        let form = forms.get(plural_category(self.lang, n)).or_else(|| forms.get("other"));
        fill(form.and_then(Value::as_str).unwrap_or(key), &[("n", &n.to_string())])
    }

    fn month(self, list: &'static str, month: u8) -> &'static str {
        let i = usize::from(month.saturating_sub(1));
        self.value(list).get(i).and_then(Value::as_str).unwrap_or_default()
    }

    /// A date of any precision as a reader writes it: `2019-07-22` (or a timestamp starting
    /// with it) a day, `2019-07` a month, `2019` a year, `2019-07-20/2019-07-21` a range of
    /// them. Anything else is given back as it is.
    pub fn date(self, value: &str) -> String {
        if let Some((from, to)) = value.split_once('/') {
            return fill(self.s("date_range"), &[("from", &self.date(from)), ("to", &self.date(to))]);
        }
        match Precision::of(value) {
            Some(Precision::Day(y, m, d)) => fill(
                self.s("date"),
                &[("d", &d.to_string()), ("month", self.month("months_of", m)), ("y", &y.to_string())],
            ),
            Some(Precision::Month(y, m)) => {
                fill(self.s("month_year"), &[("month", self.month("months", m)), ("y", &y.to_string())])
            }
            Some(Precision::Year(y)) => fill(self.s("year"), &[("y", &y.to_string())]),
            None => value.to_owned(),
        }
    }
}

/// A date as precise as it was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// `2019`.
    Year(u16),
    /// `2019-07`.
    Month(u16, u8),
    /// `2019-07-22`, or a timestamp starting with it.
    Day(u16, u8, u8),
}

impl Precision {
    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD…`.
    pub fn of(s: &str) -> Option<Precision> {
        let num = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = s.get(range)?;
            part.bytes().all(|b| b.is_ascii_digit()).then(|| part.parse().ok())?
        };
        let dash = |i: usize| s.as_bytes().get(i) == Some(&b'-');
        let y = num(0..4)?;
        if s.len() == 4 {
            return Some(Precision::Year(y));
        }
        let m = num(5..7).filter(|m| dash(4) && (1..=12).contains(m))? as u8;
        if s.len() == 7 {
            return Some(Precision::Month(y, m));
        }
        let d = num(8..10).filter(|d| dash(7) && (1..=31).contains(d))? as u8;
        let rest = &s[10..];
        (rest.is_empty() || rest.starts_with(['T', ' '])).then_some(Precision::Day(y, m, d))
    }

    /// The value for a `<time datetime>` attribute.
    pub fn machine(self) -> String {
        match self {
            Precision::Year(y) => format!("{y:04}"),
            Precision::Month(y, m) => format!("{y:04}-{m:02}"),
            Precision::Day(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_string() {
        let langs = I18N.as_object().expect("i18n.json is an object");
        let en = langs["en"].as_object().expect("English strings");
        for lang in UI_LANGS {
            let strings = langs[lang].as_object().expect("strings of a language");
            for key in en.keys() {
                assert!(strings.contains_key(key), "{lang} lacks {key}");
            }
            assert_eq!(strings["months"].as_array().map(Vec::len), Some(12), "{lang}");
            assert_eq!(strings["months_of"].as_array().map(Vec::len), Some(12), "{lang}");
        }
    }

    #[test]
    fn the_interface_language_follows_the_parameter_then_the_header() {
        assert_eq!(ui_language(Some("kk"), Some("ru")), "kk");
        assert_eq!(ui_language(Some("xx"), Some("ru-RU,ru;q=0.9,en;q=0.8")), "ru");
        assert_eq!(ui_language(None, Some("de-DE, en;q=0.5, kk;q=0.7")), "kk");
        assert_eq!(ui_language(None, Some("kk;q=0")), "en");
        assert_eq!(ui_language(None, Some(";;;,,q=")), "en");
        assert_eq!(ui_language(None, None), "en");
    }

    #[test]
    fn plurals_read_naturally() {
        let ru = Strings { lang: "ru" };
        let n = |k: usize| ru.plural("results", k);
        assert_eq!(
            [n(1), n(3), n(5), n(11), n(21), n(112)],
            [
                "1 результат",
                "3 результата",
                "5 результатов",
                "11 результатов",
                "21 результат",
                "112 результатов"
            ]
        );
        assert_eq!(Strings { lang: "en" }.plural("results", 1), "1 result");
        assert_eq!(Strings { lang: "kk" }.plural("results", 2), "2 нәтиже");
        assert_eq!(fill("{a} {b} {c", &[("a", "{b}"), ("b", "x")]), "{b} x {c");
    }

    #[test]
    fn dates_read_at_their_precision() {
        let (en, ru, kk) = (Strings { lang: "en" }, Strings { lang: "ru" }, Strings { lang: "kk" });
        assert_eq!(ru.date("2019-07-22T10:00:00+06:00"), "22 июля 2019");
        assert_eq!(kk.date("2019-07-22"), "2019 ж. 22 шілде");
        assert_eq!(en.date("2019-07"), "July 2019");
        assert_eq!(ru.date("2019-07"), "июль 2019");
        assert_eq!(kk.date("2019"), "2019 ж.");
        assert_eq!(en.date("2019"), "2019");
        assert_eq!(en.date("2019-07-20/2019-07-21"), "20 July 2019 – 21 July 2019");
        for bad in ["garbage", "2019-13", "2019-07-32", "20190", "2019-07-22x", ""] {
            assert_eq!(ru.date(bad), bad);
        }
        assert_eq!(Precision::of("2019-07-22T10:00:00Z").map(Precision::machine), Some("2019-07-22".into()));
        assert_eq!(Precision::of("2019-7"), None);
    }
}

//! People and dates in Russian, Kazakh and English news prose.
//!
//! Rules, patterns and name lists that ship with the code: no downloaded models.
//!
//! # Overview
//!
//! [`extract`] tokenizes a text once ([`tokens`]), then finds
//! - people ([`people`]): full and partial names with roles kept apart, resolved inside the
//!   text to their fullest nominative name and an archive-wide key ([`person_key`]);
//! - dates ([`dates`]): explicit, partial and relative dates with ISO values, resolved
//!   against the document creation date when one is given.
//!
//! The language knowledge it shares with the index and the search engine (the tokenizer,
//! folding and transliteration, month and number words, Kazakh endings) lives in
//! `annals-lang`; [`jsonl`] holds the JSON Lines evaluation contract.
//!
//! ```
//! let dct = jiff::civil::date(2019, 7, 22);
//! let x = annals_extract::extract(
//!     "Профессор Ирина Алексеевна Пивоварова выступила 20–21 июля 2019 года.",
//!     "ru",
//!     Some(dct),
//! );
//! assert_eq!(x.persons[0].text, "Ирина Алексеевна Пивоварова");
//! assert_eq!(x.persons[0].key, "pivovarova-i");
//! assert_eq!(x.persons[0].role.as_deref(), Some("Профессор"));
//! assert_eq!(x.dates[0].value, "2019-07-20/2019-07-21");
//! ```
#![warn(missing_docs)]

pub mod dates;
pub mod jsonl;
pub mod people;

// The shared language knowledge, under the names the grammar's modules use.
use annals_lang::{affix, tokens, translit};

pub use people::coref::person_key;

/// Everything found in one text.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Extraction {
    /// People, in text order.
    pub persons: Vec<PersonMention>,
    /// Dates, in text order.
    pub dates: Vec<DateMention>,
}

/// One mention of a person.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PersonMention {
    /// The mention as written (without title or role).
    pub text: String,
    /// Start offset in Unicode scalar values (chars) into the text.
    pub start: usize,
    /// End offset (exclusive) in chars.
    pub end: usize,
    /// Archive-wide key: the same for every script, case and inflection of one person
    /// (e.g. `pivovarova-i`; see [`person_key`]).
    pub key: String,
    /// Fullest form of the name found in this text, in nominative case where known,
    /// in the text's script ("Ирина Алексеевна Пивоварова").
    pub name: String,
    /// Title or role written next to the name in this text ("Chair of the Board",
    /// "профессор"), when there is one.
    pub role: Option<String>,
}

/// One mention of a date.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DateMention {
    /// The mention as written.
    pub text: String,
    /// Start offset in chars.
    pub start: usize,
    /// End offset (exclusive) in chars.
    pub end: usize,
    /// ISO value: `2019-07-20`, `2019-07`, `2019`, or a range `2019-07-20/2019-07-21`;
    /// empty when the text gives no anchor (a relative or year-less date without a dct).
    pub value: String,
}

/// The calendar language for `lang`, or guessed from the script of `text`.
fn calendar_lang(lang: &str, text: &str) -> dates::months::Lang {
    use dates::months::Lang;
    match lang {
        "ru" => Lang::Ru,
        "kk" => Lang::Kk,
        "en" => Lang::En,
        _ => {
            let (mut cyr, mut lat, mut kk) = (0usize, 0usize, 0usize);
            for c in text.chars().take(5000) {
                match c {
                    'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' | 'і' | 'Ә' | 'Ғ' | 'Қ' | 'Ң' | 'Ө'
                    | 'Ұ' | 'Ү' | 'І' => {
                        kk += 1;
                        cyr += 1
                    }
                    '\u{0400}'..='\u{04FF}' => cyr += 1,
                    'a'..='z' | 'A'..='Z' => lat += 1,
                    _ => {}
                }
            }
            if cyr > lat { if kk * 50 > cyr { Lang::Kk } else { Lang::Ru } } else { Lang::En }
        }
    }
}

fn slice<'a>(text: &'a str, toks: &[tokens::Token<'_>], a: usize, b: usize) -> &'a str {
    let start = toks[a].byte;
    let end = toks[b - 1].byte + toks[b - 1].text.len();
    &text[start..end]
}

/// Find people and dates in `text`.
///
/// `lang` is "ru", "kk" or "en" (anything else: guessed from the script); `dct` is the
/// document creation date that relative dates are resolved against. Offsets are in chars.
/// Never panics; runs in time linear in the text.
pub fn extract(text: &str, lang: &str, dct: Option<jiff::civil::Date>) -> Extraction {
    let mut arena = String::new();
    let toks = tokens::tokenize(text, &mut arena);
    let cal = calendar_lang(lang, text);
    let mut out = Extraction::default();

    let found = dates::find(&toks, cal, dct);
    for f in &found {
        out.dates.push(DateMention {
            text: slice(text, &toks, f.start, f.end).to_string(),
            start: toks[f.start].start,
            end: toks[f.end - 1].end,
            value: f.val.iso(),
        });
    }

    let feats = people::features(&toks, cal);
    let spans = people::find(&toks, &feats, cal);
    // a date span is never a person
    let spans: Vec<people::Span> =
        spans.into_iter().filter(|s| !found.iter().any(|d| d.start < s.end && s.start < d.end)).collect();
    let resolved = people::coref::resolve(&toks, &spans);
    for (s, r) in spans.iter().zip(resolved) {
        // A name of letters that neither script keeps (`Ȩ.Ȩºſ`) gets no key: nothing to
        // file it under, so no person.
        if r.key.is_empty() {
            continue;
        }
        out.persons.push(PersonMention {
            text: slice(text, &toks, s.start, s.end).to_string(),
            start: toks[s.start].start,
            end: toks[s.end - 1].end,
            key: r.key,
            name: r.name,
            role: people::role(&toks, &feats, text, s),
        });
    }
    out
}

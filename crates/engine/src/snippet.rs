//! Snippets: the part of a post's text that best shows why it matched, with the byte ranges
//! of the matching words ([`Snippet`]). No markup is written here: the HTTP layer wraps the
//! ranges in `<mark>`, the CLI in terminal emphasis.
//!
//! Matching is done on analysed terms, so a stemmed, folded, typo-tolerant or prefix match
//! is highlighted just like an exact one: the text is run through the analyser of its
//! language and each token is compared with the query's words analysed the same way.

use std::cell::RefCell;
use std::collections::HashSet;

use annals_index::Lang;

use crate::response::Snippet;
use tantivy::tokenizer::TokenStream;

/// Characters of text around the matches.
const WINDOW_CHARS: usize = 220;
/// Only this many bytes of a long body are scanned for matches.
const SCAN_BYTES: usize = 64 * 1024;

/// The query's words, ready to be compared with a text's tokens.
pub struct Highlighter {
    words: Vec<String>,
    prefix: Option<String>,
    /// Dictionary variants (typos, completions) the query matched, as terms of a language's
    /// analyser.
    variants: Vec<(Lang, String)>,
    /// Matchers built so far, by language (a page of hits has few languages).
    matchers: RefCell<Vec<(Lang, std::rc::Rc<LangMatcher>)>>,
    /// The days the query's dates cover (see [`Highlighter::matched_date`]).
    dates: Vec<(jiff::civil::Date, jiff::civil::Date)>,
}

struct LangMatcher {
    /// Analysed query words and the variants of them the query matched.
    exact: HashSet<String>,
    prefixes: Vec<String>,
    /// [`gate_key`]s of the above.
    keys: Vec<[char; 2]>,
    /// A term without a key: every word is analysed.
    open: bool,
}

impl Highlighter {
    /// Words of the query; `prefix` is the word being typed, if any.
    pub fn new(words: &[&str], prefix: Option<&str>) -> Highlighter {
        Highlighter {
            words: words.iter().map(|w| (*w).to_owned()).collect(),
            prefix: prefix.map(str::to_owned),
            variants: Vec::new(),
            matchers: RefCell::new(Vec::new()),
            dates: Vec::new(),
        }
    }

    /// The days the query's dates cover, as `(first, last)` ranges.
    pub fn set_dates(&mut self, dates: Vec<(jiff::civil::Date, jiff::civil::Date)>) {
        self.dates = dates;
    }

    /// The date of a post that a date of the query matched: the first of its event dates
    /// (ISO values, as stored) that overlaps one, else its publication day (`published`, RFC
    /// 3339) when that falls in one; `None` when the query names no date or none matched.
    pub fn matched_date(&self, event_dates: &[String], published: &str) -> Option<String> {
        if self.dates.is_empty() {
            return None;
        }
        // An event told coarser than the query's date (the year `2024` for `october 2024`) says
        // nothing about it, as in the index (see `annals_index::Fields::event_day`).
        let within = |a: jiff::civil::Date, b: jiff::civil::Date| {
            self.dates.iter().any(|(x, y)| a <= *y && *x <= b && !(a < *x && b > *y))
        };
        for value in event_dates {
            if let Some((a, b)) = annals_lang::iso::value_range(value)
                && within(a, b)
            {
                return Some(value.clone());
            }
        }
        let day: jiff::civil::Date = published.get(..10)?.parse().ok()?;
        within(day, day).then(|| day.to_string())
    }

    /// Marks `term` (a term of `lang`'s analyser: a typo or completion of a query word
    /// found in the dictionary) too.
    pub fn add_variant(&mut self, lang: Lang, term: String) {
        self.matchers.get_mut().clear();
        self.variants.push((lang, term));
    }

    fn matcher(&self, lang: Lang) -> std::rc::Rc<LangMatcher> {
        if let Some((_, m)) = self.matchers.borrow().iter().find(|(l, _)| *l == lang) {
            return m.clone();
        }
        let analyzer = lang.analyzer();
        let mut m =
            LangMatcher { exact: HashSet::new(), prefixes: Vec::new(), keys: Vec::new(), open: false };
        for w in &self.words {
            m.exact.extend(analyzer.terms(w));
        }
        m.exact.extend(self.variants.iter().filter(|(l, _)| *l == lang).map(|(_, t)| t.clone()));
        if let Some(p) = &self.prefix {
            let plain = annals_index::analysis::Analyzer::Plain.terms(p);
            m.prefixes.extend(plain.into_iter().chain(analyzer.terms(p)).filter(|t| t.chars().count() >= 2));
        }
        for t in m.exact.iter().chain(&m.prefixes) {
            match gate_key(t) {
                Some(key) => m.keys.push(key),
                None => m.open = true,
            }
        }
        let m = std::rc::Rc::new(m);
        self.matchers.borrow_mut().push((lang, m.clone()));
        m
    }

    /// A snippet of `text` (in language `lang`); the start of the text when nothing matches.
    ///
    /// Words are cut as the analysers cut them, and only words that can match (their first
    /// two letters, folded, start a query term) are analysed: stemming every word of every
    /// hit's body would cost more than the rest of the search.
    pub fn snippet(&self, text: &str, lang: &str) -> Snippet {
        let scanned = super::request::clip(text, SCAN_BYTES);
        let lang = Lang::of(lang);
        let mut marks: Vec<(usize, usize)> = Vec::new();
        if !self.words.is_empty() {
            let m = self.matcher(lang);
            let mut analyzer = lang.analyzer().build();
            for (from, to) in annals_lang::words::words(scanned) {
                let word = &scanned[from..to];
                if !m.may_match(word) {
                    continue;
                }
                // Every filter of the analysers works on one word at a time: analysing the
                // word alone gives the terms it gives in the text.
                let mut terms = analyzer.token_stream(word);
                while terms.advance() {
                    if m.matches(&terms.token().text) {
                        marks.push((from, to));
                        break;
                    }
                }
            }
        }
        render(scanned, &marks)
    }
}

/// The gate of a word or term: its first two letters, lowercased and folded as the
/// analysers fold them (Kazakh letters, `ё`); `None` when a letter is outside ASCII and
/// Cyrillic (diacritics the analysers may fold differently): such words are always analysed.
fn gate_key(word: &str) -> Option<[char; 2]> {
    let mut key = ['\0'; 2];
    for (slot, c) in key.iter_mut().zip(word.chars()) {
        let c = lower(c);
        if !(c.is_ascii() || ('\u{0400}'..='\u{04FF}').contains(&c)) {
            return None;
        }
        *slot = annals_lang::translit::fold_char(c);
    }
    Some(key)
}

/// `c` lowercased (its first lowercase char), without the Unicode tables for ASCII and the
/// Russian alphabet (nearly every letter a snippet sees).
#[inline]
fn lower(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'a'..='z' | 'а'..='я' => c,
        // А-Я → а-я, Ѐ-Џ → ѐ-џ.
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        '\u{0400}'..='\u{040F}' => char::from_u32(c as u32 + 0x50).unwrap_or(c),
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

impl LangMatcher {
    fn matches(&self, term: &str) -> bool {
        self.exact.contains(term) || self.prefixes.iter().any(|p| term.starts_with(p.as_str()))
    }

    /// Whether `word` (as cut from the text) can analyse to a term that matches.
    fn may_match(&self, word: &str) -> bool {
        match gate_key(word) {
            _ if self.open => true,
            None => true,
            Some(key) => self.keys.contains(&key) || (key[1] != '\0' && self.keys.contains(&[key[0], '\0'])),
        }
    }
}

/// Picks the window with the most marks and cuts it out.
///
/// Positions are counted in characters (a window is [`WINDOW_CHARS`] long) but kept in
/// bytes: the characters between marks are counted once, and no table of every
/// character's offset is built.
fn render(text: &str, marks: &[(usize, usize)]) -> Snippet {
    // Characters before `byte`, counted from the last position asked (asked in order).
    let mut counted = (0usize, 0usize);
    let mut char_at = |byte: usize| {
        if byte < counted.0 {
            counted = (0, 0);
        }
        counted = (byte, counted.1 + text[counted.0..byte].chars().count());
        counted.1
    };
    // The byte `n` characters after `byte` (the end of the text when it is nearer).
    let forward =
        |byte: usize, n: usize| text[byte..].char_indices().nth(n).map_or(text.len(), |(i, _)| byte + i);
    let (bfrom, mut bto) = if marks.is_empty() {
        (0, forward(0, WINDOW_CHARS))
    } else {
        // Marks in characters: `(start, end)`, in order.
        let mut at = Vec::with_capacity(marks.len());
        for &(s, e) in marks {
            let start = char_at(s);
            at.push((start, char_at(e)));
        }
        // Densest window: for each mark as the window's first, count marks that fit.
        let mut best = (0usize, 0usize);
        let mut j = 0;
        for i in 0..at.len() {
            let start = at[i].0;
            while j < at.len() && at[j].1 <= start + WINDOW_CHARS {
                j += 1;
            }
            if j - i > best.1 {
                best = (i, j - i);
            }
        }
        // Some context before the first match, starting at a word.
        let first = marks[best.0].0;
        let mut from = text[..first].char_indices().rev().nth(WINDOW_CHARS / 5 - 1).map_or(0, |(i, _)| i);
        if from > 0 {
            while from < first && !text[..from].chars().next_back().is_some_and(char::is_whitespace) {
                from += text[from..].chars().next().map_or(1, char::len_utf8);
            }
        }
        (from, forward(from, WINDOW_CHARS))
    };
    // End at a word boundary when cut.
    if bto < text.len()
        && let Some(space) = text[bfrom..bto].rfind(char::is_whitespace)
        && space > (bto - bfrom) / 2
    {
        bto = bfrom + space;
    }
    let mut out = Snippet::default();
    let mut space = false;
    if bfrom > 0 {
        out.text.push('…');
    }
    let mut pos = bfrom;
    for &(s, e) in marks.iter().filter(|(s, e)| *s >= bfrom && *e <= bto) {
        if s < pos {
            continue;
        }
        clean_into(&text[pos..s], &mut out.text, &mut space);
        let start = out.text.len();
        clean_into(&text[s..e], &mut out.text, &mut space);
        if out.text.len() > start {
            out.highlights.push((start, out.text.len()));
        }
        pos = e;
    }
    clean_into(&text[pos..bto], &mut out.text, &mut space);
    if bto < text.len() {
        out.text.push('…');
    }
    out
}

/// Appends `text` with runs of whitespace collapsed to one space (`space`: the last char
/// written was one) and control characters dropped.
fn clean_into(text: &str, out: &mut String, space: &mut bool) {
    for c in text.chars() {
        if c.is_whitespace() {
            if !*space {
                out.push(' ');
            }
            *space = true;
        } else if !c.is_control() {
            *space = false;
            out.push(c);
        }
    }
}

#[cfg(test)]
mod date_tests {
    use super::Highlighter;
    use jiff::civil::date;

    #[test]
    fn the_matched_date_is_an_event_first_then_the_publication() {
        let mut h = Highlighter::new(&["meetup"], None);
        let events = vec!["2024".to_owned(), "2024-10-12".to_owned()];
        assert_eq!(h.matched_date(&events, "2024-10-20T10:00:00+06:00"), None);
        h.set_dates(vec![(date(2024, 10, 1), date(2024, 10, 31))]);
        assert_eq!(h.matched_date(&events, "2024-11-20T10:00:00+06:00").as_deref(), Some("2024-10-12"));
        assert_eq!(h.matched_date(&[], "2024-10-20T10:00:00+06:00").as_deref(), Some("2024-10-20"));
        assert_eq!(h.matched_date(&[], "2024-11-20T10:00:00+06:00"), None);
        assert_eq!(h.matched_date(&[], "garbage"), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use annals_lang::words::words;

    /// The snippet with matches in `[…]`.
    fn marked(s: &Snippet) -> String {
        s.pieces().map(|(p, hit)| if hit { format!("[{p}]") } else { p.to_owned() }).collect()
    }

    fn check(words: &[&str], prefix: Option<&str>, text: &str, lang: &str, expected: &str) {
        assert_eq!(marked(&Highlighter::new(words, prefix).snippet(text, lang)), expected);
    }

    #[test]
    fn stemmed_matches_and_matched_variants_are_marked() {
        check(&["forum"], None, "The forums <b>opened</b>.", "en", "The [forums] <b>opened</b>.");
        check(&["конференция"], None, "Итоги конференции", "ru", "Итоги [конференции]");
        // A typo is marked through the dictionary variant the query matched, not by
        // guessing: a near word the query did not match stays unmarked.
        let mut h = Highlighter::new(&["hematolgy"], None);
        assert_eq!(marked(&h.snippet("Hematology forum", "en")), "Hematology forum");
        h.add_variant(Lang::En, "hematolog".into());
        assert_eq!(marked(&h.snippet("Hematology forum", "en")), "[Hematology] forum");
    }

    #[test]
    fn words_are_gated_on_folded_letters() {
        check(&["қазан"], None, "Біз Қазанда болдық", "kk", "Біз [Қазанда] болдық");
        check(&["елка"], None, "Ёлки и ели", "ru", "[Ёлки] и ели");
        check(&["cafe"], None, "The Café opened", "en", "The [Café] opened");
    }

    #[test]
    fn words_are_cut_as_the_tokenizer_cuts_them() {
        use tantivy::tokenizer::{SimpleTokenizer, Tokenizer};
        for text in ["Қазан, 2019-жылы: «Ёлка» naïve ½ x²y — ١٢٣ 𝔘nicode", "", " a ", "ab", "é"]
        {
            let mut tokenizer = SimpleTokenizer::default();
            let mut stream = tokenizer.token_stream(text);
            let mut expected = Vec::new();
            while stream.advance() {
                expected.push((stream.token().offset_from, stream.token().offset_to));
            }
            assert_eq!(words(text).collect::<Vec<_>>(), expected, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn words_match_the_tokenizer_on_any_text(text in "\\PC{0,40}") {
            use tantivy::tokenizer::{SimpleTokenizer, Tokenizer};
            let mut tokenizer = SimpleTokenizer::default();
            let mut stream = tokenizer.token_stream(&text);
            let mut expected = Vec::new();
            while stream.advance() {
                expected.push((stream.token().offset_from, stream.token().offset_to));
            }
            proptest::prop_assert_eq!(words(&text).collect::<Vec<_>>(), expected);
        }
    }

    #[test]
    fn whitespace_is_collapsed_and_ranges_follow_the_new_text() {
        let s = Highlighter::new(&["day"], None).snippet("Donor\n\n  day\u{7}!", "en");
        assert_eq!(s.text, "Donor day!");
        assert_eq!(s.highlights, [(6, 9)]);
    }

    #[test]
    fn prefixes_are_marked() {
        check(&["пивовар"], Some("пивовар"), "с Пивоваровой И.А.", "ru", "с [Пивоваровой] И.А.");
    }

    #[test]
    fn long_texts_are_cut_around_the_matches() {
        let text = format!("{} donor day {}", "word ".repeat(200), "tail ".repeat(200));
        let s = marked(&Highlighter::new(&["donor"], None).snippet(&text, "en"));
        assert!(s.starts_with('…') && s.ends_with('…') && s.contains("[donor]"), "{s}");
        assert!(s.chars().count() < WINDOW_CHARS + 40);
    }
}

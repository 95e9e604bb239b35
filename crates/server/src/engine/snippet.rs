//! Snippets: the part of a post's text that best shows why it matched, HTML-escaped, with
//! the matching words in `<mark>`.
//!
//! Matching is done on analysed terms, so a stemmed, folded, typo-tolerant or prefix match
//! is highlighted just like an exact one: the text is run through the analyser of its
//! language and each token is compared with the query's words analysed the same way.

use std::collections::HashSet;

use annals_index::Lang;
use tantivy::tokenizer::TokenStream;

use super::query::typo_budget;

/// Characters of text around the matches.
const WINDOW_CHARS: usize = 220;
/// Only this many bytes of a long body are scanned for matches.
const SCAN_BYTES: usize = 64 * 1024;

/// The query's words, ready to be compared with a text's tokens.
pub struct Highlighter {
    words: Vec<String>,
    prefix: Option<String>,
}

struct LangMatcher {
    exact: HashSet<String>,
    fuzzy: Vec<(Vec<char>, u8)>,
    prefixes: Vec<String>,
}

impl Highlighter {
    /// Words of the query; `prefix` is the word being typed, if any.
    pub fn new(words: &[&str], prefix: Option<&str>) -> Highlighter {
        Highlighter {
            words: words.iter().map(|w| (*w).to_owned()).collect(),
            prefix: prefix.map(str::to_owned),
        }
    }

    fn matcher(&self, lang: Lang) -> LangMatcher {
        let analyzer = lang.analyzer();
        let mut m = LangMatcher { exact: HashSet::new(), fuzzy: Vec::new(), prefixes: Vec::new() };
        for w in &self.words {
            for t in analyzer.terms(w) {
                let budget = typo_budget(w).min(typo_budget(&t));
                if budget > 0 {
                    m.fuzzy.push((t.chars().collect(), budget));
                }
                m.exact.insert(t);
            }
        }
        if let Some(p) = &self.prefix {
            let plain = annals_index::analysis::Analyzer::Plain.terms(p);
            m.prefixes.extend(plain.into_iter().chain(analyzer.terms(p)).filter(|t| t.chars().count() >= 2));
        }
        m
    }

    /// A snippet of `text` (in language `lang`); the start of the text when nothing matches.
    pub fn snippet(&self, text: &str, lang: &str) -> String {
        let scanned = super::request::clip(text, SCAN_BYTES);
        let lang = Lang::of(lang);
        let m = self.matcher(lang);
        let mut marks: Vec<(usize, usize)> = Vec::new();
        if !self.words.is_empty() {
            let mut analyzer = lang.analyzer().build();
            let mut stream = analyzer.token_stream(scanned);
            while stream.advance() {
                let t = stream.token();
                if m.matches(&t.text) {
                    marks.push((t.offset_from, t.offset_to));
                }
            }
        }
        render(scanned, &marks)
    }
}

impl LangMatcher {
    fn matches(&self, term: &str) -> bool {
        if self.exact.contains(term) || self.prefixes.iter().any(|p| term.starts_with(p.as_str())) {
            return true;
        }
        if self.fuzzy.is_empty() {
            return false;
        }
        let chars: Vec<char> = term.chars().collect();
        self.fuzzy.iter().any(|(q, d)| within_distance(q, &chars, *d as usize))
    }
}

/// Levenshtein distance (with adjacent transpositions) at most `max`.
fn within_distance(a: &[char], b: &[char], max: usize) -> bool {
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let n = b.len();
    let mut prev2: Vec<usize> = vec![0; n + 1];
    let mut prev: Vec<usize> = (0..=n).collect();
    let mut cur = vec![0; n + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return false;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[n] <= max
}

/// Picks the window with the most marks and renders it.
fn render(text: &str, marks: &[(usize, usize)]) -> String {
    // Byte offset of every char, to move in characters.
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let char_at = |byte: usize| starts.partition_point(|&s| s < byte);
    let (from, to) = if marks.is_empty() {
        (0, starts.len().min(WINDOW_CHARS))
    } else {
        // Densest window: for each mark as the window's first, count marks that fit.
        let mut best = (0usize, 0usize);
        let mut j = 0;
        for i in 0..marks.len() {
            let start = char_at(marks[i].0);
            while j < marks.len() && char_at(marks[j].1) <= start + WINDOW_CHARS {
                j += 1;
            }
            if j - i > best.1 {
                best = (i, j - i);
            }
        }
        let first = char_at(marks[best.0].0);
        // Some context before the first match, starting at a word.
        let mut from = first.saturating_sub(WINDOW_CHARS / 5);
        let chars: Vec<char> = text.chars().collect();
        while from > 0 && from < first && !chars[from - 1].is_whitespace() {
            from += 1;
        }
        (from, (from + WINDOW_CHARS).min(starts.len()))
    };
    let byte = |c: usize| starts.get(c).copied().unwrap_or(text.len());
    let (bfrom, mut bto) = (byte(from), byte(to));
    // End at a word boundary when cut.
    if bto < text.len()
        && let Some(space) = text[bfrom..bto].rfind(char::is_whitespace)
        && space > (bto - bfrom) / 2
    {
        bto = bfrom + space;
    }
    let mut out = String::new();
    if bfrom > 0 {
        out.push('…');
    }
    let mut pos = bfrom;
    for &(s, e) in marks.iter().filter(|(s, e)| *s >= bfrom && *e <= bto) {
        if s < pos {
            continue;
        }
        escape_into(&text[pos..s], &mut out);
        out.push_str("<mark>");
        escape_into(&text[s..e], &mut out);
        out.push_str("</mark>");
        pos = e;
    }
    escape_into(&text[pos..bto], &mut out);
    if bto < text.len() {
        out.push('…');
    }
    out
}

/// Escapes text for HTML (element content and attribute values); collapses whitespace.
pub fn escape_into(text: &str, out: &mut String) {
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(words: &[&str], prefix: Option<&str>, text: &str, lang: &str, expected: &str) {
        assert_eq!(Highlighter::new(words, prefix).snippet(text, lang), expected);
    }

    #[test]
    fn stemmed_and_typo_matches_are_marked() {
        check(
            &["forum"],
            None,
            "The forums <b>opened</b>.",
            "en",
            "The <mark>forums</mark> &lt;b&gt;opened&lt;/b&gt;.",
        );
        check(&["конференция"], None, "Итоги конференции", "ru", "Итоги <mark>конференции</mark>");
        check(&["hematologi"], None, "Hematology forum", "en", "<mark>Hematology</mark> forum");
    }

    #[test]
    fn prefixes_are_marked() {
        check(&["пивовар"], Some("пивовар"), "с Пивоваровой И.А.", "ru", "с <mark>Пивоваровой</mark> И.А.");
    }

    #[test]
    fn long_texts_are_cut_around_the_matches() {
        let text = format!("{} donor day {}", "word ".repeat(200), "tail ".repeat(200));
        let s = Highlighter::new(&["donor"], None).snippet(&text, "en");
        assert!(s.starts_with('…') && s.ends_with('…') && s.contains("<mark>donor</mark>"), "{s}");
        assert!(s.chars().count() < WINDOW_CHARS + 40);
    }

    #[test]
    fn distance_allows_transpositions() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert!(within_distance(&c("donor"), &c("doonr"), 1));
        assert!(!within_distance(&c("donor"), &c("dnr"), 1));
        assert!(within_distance(&c("гематология"), &c("гемотологя"), 2));
    }
}

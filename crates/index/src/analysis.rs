//! Text analysers: how titles, bodies, names and queries become terms.
//!
//! The same analyser runs at index time and at query time, registered on the index under
//! [`Analyzer::name`]. Folding comes from `annals_lang::translit`, so the search engine,
//! the extractor and the index agree on what "the same letters" means.

use crate::schema::Lang;
use tantivy::Index;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer, TextAnalyzerBuilder, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Tokens longer than this many bytes are dropped (base64 blobs, URLs glued to text).
const MAX_TOKEN_BYTES: usize = 60;

/// The analysers of the annals schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Analyzer {
    /// English: lowercase, ASCII folding, English stemmer.
    English,
    /// Russian: lowercase, `ё`→`е` (and Kazakh letters folded), Russian stemmer.
    Russian,
    /// Kazakh: lowercase, Kazakh letters folded to the Russian keyboard's (`қ`→`к`), so that
    /// Kazakh typed without its own letters still matches, then a light suffix stripper
    /// ([`annals_lang::kazakh`]).
    Kazakh,
    /// Any language: lowercase and folding, no stemming. Also the "exact" title field.
    Plain,
    /// Everything transliterated to lowercase Latin: `Пивоварова` and `Pivovarova` meet.
    Latin,
    /// A language with a Snowball stemmer other than English and Russian (German, French,
    /// Romanian, Greek, ...): lowercase, diacritics dropped
    /// ([`annals_lang::translit::fold_marks`], then ASCII folding: `Hümmling` and `hummling`,
    /// `pornește` and `porneste` meet), then the language's Snowball stemmer.
    Snowball(Lang),
}

impl Analyzer {
    /// Every analyser, for registration.
    pub const ALL: [Analyzer; 21] = [
        Analyzer::English,
        Analyzer::Russian,
        Analyzer::Kazakh,
        Analyzer::Plain,
        Analyzer::Latin,
        Analyzer::Snowball(Lang::Ar),
        Analyzer::Snowball(Lang::Da),
        Analyzer::Snowball(Lang::De),
        Analyzer::Snowball(Lang::El),
        Analyzer::Snowball(Lang::Es),
        Analyzer::Snowball(Lang::Fi),
        Analyzer::Snowball(Lang::Fr),
        Analyzer::Snowball(Lang::Hu),
        Analyzer::Snowball(Lang::It),
        Analyzer::Snowball(Lang::Nl),
        Analyzer::Snowball(Lang::No),
        Analyzer::Snowball(Lang::Pt),
        Analyzer::Snowball(Lang::Ro),
        Analyzer::Snowball(Lang::Sv),
        Analyzer::Snowball(Lang::Ta),
        Analyzer::Snowball(Lang::Tr),
    ];

    /// The name it is registered under.
    pub fn name(self) -> &'static str {
        match self {
            Analyzer::English => "annals_en",
            Analyzer::Russian => "annals_ru",
            Analyzer::Kazakh => "annals_kk",
            Analyzer::Plain => "annals_plain",
            Analyzer::Latin => "annals_latin",
            Analyzer::Snowball(lang) => match lang {
                Lang::Ar => "annals_ar",
                Lang::Da => "annals_da",
                Lang::De => "annals_de",
                Lang::El => "annals_el",
                Lang::Es => "annals_es",
                Lang::Fi => "annals_fi",
                Lang::Fr => "annals_fr",
                Lang::Hu => "annals_hu",
                Lang::It => "annals_it",
                Lang::Nl => "annals_nl",
                Lang::No => "annals_no",
                Lang::Pt => "annals_pt",
                Lang::Ro => "annals_ro",
                Lang::Sv => "annals_sv",
                Lang::Ta => "annals_ta",
                Lang::Tr => "annals_tr",
                // Not Snowball languages: never built so (see `Lang::analyzer`).
                Lang::En | Lang::Ru | Lang::Kk | Lang::Other => "annals_plain",
            },
        }
    }

    /// The Snowball stemmer of the analyser, if it stems with one.
    fn snowball(self) -> Option<Language> {
        Some(match self {
            Analyzer::English => Language::English,
            Analyzer::Russian => Language::Russian,
            Analyzer::Snowball(lang) => match lang {
                Lang::Ar => Language::Arabic,
                Lang::Da => Language::Danish,
                Lang::De => Language::German,
                Lang::El => Language::Greek,
                Lang::Es => Language::Spanish,
                Lang::Fi => Language::Finnish,
                Lang::Fr => Language::French,
                Lang::Hu => Language::Hungarian,
                Lang::It => Language::Italian,
                Lang::Nl => Language::Dutch,
                Lang::No => Language::Norwegian,
                Lang::Pt => Language::Portuguese,
                Lang::Ro => Language::Romanian,
                Lang::Sv => Language::Swedish,
                Lang::Ta => Language::Tamil,
                Lang::Tr => Language::Turkish,
                Lang::En | Lang::Ru | Lang::Kk | Lang::Other => return None,
            },
            _ => return None,
        })
    }

    /// A fresh instance of the analyser.
    ///
    /// It splits text as [`SimpleTokenizer`] does, drops tokens of `MAX_TOKEN_BYTES` (60) or more
    /// (as [`RemoveLongFilter`] does), and turns each remaining word into the term the
    /// reference filters give it, in one pass with reused buffers and, for the stemming
    /// analysers, a per-instance memo of words seen: the terms, positions and offsets are
    /// exactly those of [`Analyzer::reference`], at several times its speed.
    pub fn build(self) -> TextAnalyzer {
        TextAnalyzer::from(Fused::new(self))
    }

    /// The analyser as a plain Tantivy chain of filters: the definition [`Analyzer::build`]
    /// must match (and does, in the tests and on the corpus: `examples/analysers.rs`).
    pub fn reference(self) -> TextAnalyzer {
        self.filters(
            TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES)),
        )
    }

    /// The per-word filters of the analyser, after `tokenizer`.
    fn filters<T: Tokenizer>(self, tokenizer: TextAnalyzerBuilder<T>) -> TextAnalyzer {
        let base = tokenizer.filter(LowerCaser);
        match self {
            Analyzer::English => {
                base.filter(AsciiFoldingFilter).filter(Stemmer::new(Language::English)).build()
            }
            Analyzer::Russian => base.filter(MapFilter(fold)).filter(Stemmer::new(Language::Russian)).build(),
            Analyzer::Kazakh => base.filter(MapFilter(fold_kazakh)).build(),
            Analyzer::Plain => base.filter(MapFilter(fold)).filter(AsciiFoldingFilter).build(),
            Analyzer::Latin => base.filter(MapFilter(latin)).build(),
            Analyzer::Snowball(_) => match self.snowball() {
                Some(language) => base
                    .filter(MapFilter(fold_marks))
                    .filter(AsciiFoldingFilter)
                    .filter(Stemmer::new(language))
                    .build(),
                None => base.filter(MapFilter(fold_marks)).filter(AsciiFoldingFilter).build(),
            },
        }
    }

    /// The terms `text` is analysed into, in order.
    pub fn terms(self, text: &str) -> Vec<String> {
        let mut analyzer = self.build();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }
}

/// Registers every annals analyser on `index`.
pub fn register(index: &Index) {
    for a in Analyzer::ALL {
        index.tokenizers().register(a.name(), a.build());
    }
}

fn fold(token: &str, out: &mut String) {
    out.push_str(&annals_lang::translit::fold(token));
}

fn fold_kazakh(token: &str, out: &mut String) {
    let folded = annals_lang::translit::fold(token);
    out.push_str(&annals_lang::kazakh::stem(&folded));
}

fn fold_marks(token: &str, out: &mut String) {
    out.push_str(&annals_lang::translit::fold_marks(token));
}

fn latin(token: &str, out: &mut String) {
    out.push_str(&annals_lang::translit::to_latin(token));
}

/// Slots of the memo of terms (see [`Memo`]), a power of two; 8 bytes each.
const MEMO_SLOTS: usize = 1 << 16;

/// Words the memo holds at most (half its slots, for short probes) before it starts over.
const MEMO_WORDS: usize = MEMO_SLOTS / 2;

/// Bytes of words and terms the memo holds at most before it starts over.
const MEMO_BYTES: usize = 1 << 20;

/// Words analysed directly before the memo is allocated: a query analyses a few words with a
/// fresh instance, and needs no table.
const MEMO_AFTER: usize = 256;

/// A Tantivy tokenizer that only applies a filter to its input, as one token.
type OneWord<F> = <F as TokenFilter>::Tokenizer<RawTokenizer>;

/// The analyser behind [`Analyzer::build`], with the output of [`Analyzer::reference`] and
/// none of its per-word costs. One pass over the text finds the words as [`SimpleTokenizer`]
/// does (maximal runs of alphanumeric chars, byte offsets, one position per word) and skips
/// the long ones as [`RemoveLongFilter`] does (their position is still used up). Each word
/// then becomes its term as the reference filters would make it, in reused buffers:
///
/// - [`LowerCaser`]: ASCII in place, Cyrillic by offset, anything else by
///   [`char::to_lowercase`] ([`push_lowercase`]).
/// - `translit::fold` and `translit::to_latin` (the [`MapFilter`]s, which only see non-ASCII
///   words): computed here for words of ASCII, Russian and Kazakh letters ([`fold_fast`],
///   [`latin_fast`]), which the tests check against the `translit` functions; other words go
///   to the functions themselves.
/// - [`AsciiFoldingFilter`]: only run on non-ASCII words (as the filter itself does), and for
///   Plain not on words of ASCII and Cyrillic letters, which it leaves alone (tested).
/// - [`Stemmer`] (English, Russian) and the Kazakh stemmer: the term of each word is
///   remembered ([`Memo`]) as every filter's output depends on the word alone.
#[derive(Clone)]
struct Fused {
    analyzer: Analyzer,
    token: Token,
    /// The word lowercased.
    lower: String,
    /// The word lowercased and folded.
    folded: String,
    /// The word lowercased, folded and ASCII-folded (Snowball languages).
    bare: String,
    ascii_folding: OneWord<AsciiFoldingFilter>,
    /// Snowball, for English and Russian.
    snowball: Option<OneWord<Stemmer>>,
    /// Terms of words seen, for English, Russian and Kazakh.
    memo: Memo,
}

impl Fused {
    fn new(analyzer: Analyzer) -> Fused {
        let language = analyzer.snowball();
        Fused {
            analyzer,
            token: Token::default(),
            lower: String::new(),
            folded: String::new(),
            bare: String::new(),
            ascii_folding: AsciiFoldingFilter.transform(RawTokenizer::default()),
            snowball: language.map(|l| Stemmer::new(l).transform(RawTokenizer::default())),
            memo: Memo::default(),
        }
    }

    /// Writes the term of `word` (not empty, shorter than [`MAX_TOKEN_BYTES`]) to the token.
    fn term(&mut self, word: &str) {
        let dear = match self.analyzer {
            Analyzer::English | Analyzer::Russian | Analyzer::Snowball(_) => true,
            // ASCII words are only lowercased.
            Analyzer::Kazakh => !word.is_ascii(),
            Analyzer::Plain | Analyzer::Latin => false,
        };
        if dear && self.memo.active() {
            let hash = Memo::hash(word);
            if let Some(term) = self.memo.get(word, hash) {
                self.token.text.clear();
                self.token.text.push_str(term);
                return;
            }
            self.compute(word);
            self.memo.insert(word, hash, &self.token.text);
        } else {
            self.compute(word);
        }
    }

    /// Writes the term of `word` to the token, as the reference filters compute it.
    fn compute(&mut self, word: &str) {
        let Fused { analyzer, token, lower, folded, bare, ascii_folding, snowball, .. } = self;
        let out = &mut token.text;
        out.clear();
        lower.clear();
        if word.is_ascii() {
            lower.push_str(word);
            lower.make_ascii_lowercase();
        } else {
            for c in word.chars() {
                push_lowercase(lower, c);
            }
        }
        // The map filters and ASCII folding leave ASCII words alone.
        if lower.is_ascii() {
            match snowball {
                Some(snowball) => apply(snowball, lower, out),
                None => out.push_str(lower),
            }
            return;
        }
        folded.clear();
        match analyzer {
            Analyzer::English => {
                apply(ascii_folding, lower, folded);
                if let Some(snowball) = snowball {
                    apply(snowball, folded, out);
                }
            }
            Analyzer::Russian => {
                fold_lowered(lower, folded);
                if let Some(snowball) = snowball {
                    apply(snowball, folded, out);
                }
            }
            Analyzer::Kazakh => {
                fold_lowered(lower, folded);
                out.push_str(&annals_lang::kazakh::stem(folded));
            }
            Analyzer::Plain => {
                fold_lowered(lower, folded);
                if folded.chars().all(ascii_folding_keeps) {
                    out.push_str(folded);
                } else {
                    apply(ascii_folding, folded, out);
                }
            }
            Analyzer::Latin => {
                if !latin_fast(lower, out) {
                    out.clear();
                    out.push_str(&annals_lang::translit::to_latin(lower));
                }
            }
            Analyzer::Snowball(_) => {
                folded.push_str(&annals_lang::translit::fold_marks(lower));
                bare.clear();
                if folded.is_ascii() {
                    bare.push_str(folded);
                } else {
                    apply(ascii_folding, folded, bare);
                }
                match snowball {
                    Some(snowball) => apply(snowball, bare, out),
                    None => out.push_str(bare),
                }
            }
        }
    }
}

impl Tokenizer for Fused {
    type TokenStream<'a> = FusedStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> FusedStream<'a> {
        self.token.reset();
        FusedStream { text, cursor: 0, fused: self }
    }
}

struct FusedStream<'a> {
    text: &'a str,
    /// Where the search for the next word starts (a char boundary).
    cursor: usize,
    fused: &'a mut Fused,
}

impl TokenStream for FusedStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some((from, to)) = annals_lang::words::next_word(self.text, self.cursor) {
            self.cursor = to;
            let token = &mut self.fused.token;
            token.position = token.position.wrapping_add(1);
            if to - from >= MAX_TOKEN_BYTES {
                continue;
            }
            token.offset_from = from;
            token.offset_to = to;
            self.fused.term(&self.text[from..to]);
            return true;
        }
        self.cursor = self.text.len();
        self.fused.token.text.clear();
        false
    }

    fn token(&self) -> &Token {
        &self.fused.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.fused.token
    }
}

/// Runs a one-word tokenizer on `word` and appends the term to `out`.
fn apply<T: Tokenizer>(tokenizer: &mut T, word: &str, out: &mut String) {
    let mut stream = tokenizer.token_stream(word);
    if stream.advance() {
        out.push_str(&stream.token().text);
    }
}

/// Words and their terms, for the analysers whose terms are dear to compute (Snowball, the
/// Kazakh stemmer): in prose most words come back many times. An open-addressing table
/// (linear probing) of packed entries into one string of words and terms, about 40 bytes a
/// word; when full, it starts over. Allocated after [`MEMO_AFTER`] words.
#[derive(Clone, Default)]
struct Memo {
    /// Words seen before the table was allocated.
    seen: usize,
    /// 0 for an empty slot; else the hash's top 16 bits, the term's and the word's lengths
    /// (8 bits each) and the entry's offset in `text` plus one (32 bits).
    slots: Vec<u64>,
    /// Each entry's word, then its term.
    text: String,
    words: usize,
}

impl Memo {
    /// Whether the memo is in use (after the first [`MEMO_AFTER`] calls).
    fn active(&mut self) -> bool {
        if self.slots.is_empty() {
            if self.seen < MEMO_AFTER {
                self.seen += 1;
                return false;
            }
            self.slots = vec![0; MEMO_SLOTS];
        }
        true
    }

    fn hash(word: &str) -> u64 {
        xxhash_rust::xxh3::xxh3_64(word.as_bytes())
    }

    /// The term of `word` (whose hash is `hash`), if remembered.
    fn get(&self, word: &str, hash: u64) -> Option<&str> {
        let mut i = hash as usize & (MEMO_SLOTS - 1);
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return None;
            }
            let word_len = (slot >> 32) as u8 as usize;
            if slot >> 48 == hash >> 48 && word_len == word.len() {
                let from = (slot as u32 - 1) as usize;
                let to = from + word_len;
                if &self.text[from..to] == word {
                    return Some(&self.text[to..to + (slot >> 40) as u8 as usize]);
                }
            }
            i = (i + 1) & (MEMO_SLOTS - 1);
        }
    }

    /// Remembers that `word` (whose hash is `hash`, not remembered yet) has `term`.
    fn insert(&mut self, word: &str, hash: u64, term: &str) {
        if word.len() > 255 || term.len() > 255 {
            return;
        }
        if self.words >= MEMO_WORDS || self.text.len() + word.len() + term.len() > MEMO_BYTES {
            self.slots.fill(0);
            self.text.clear();
            self.words = 0;
        }
        let mut i = hash as usize & (MEMO_SLOTS - 1);
        while self.slots[i] != 0 {
            i = (i + 1) & (MEMO_SLOTS - 1);
        }
        let offset = self.text.len() as u64 + 1;
        self.slots[i] =
            (hash >> 48 << 48) | ((term.len() as u64) << 40) | ((word.len() as u64) << 32) | offset;
        self.text.push_str(word);
        self.text.push_str(term);
        self.words += 1;
    }
}

/// Appends the lowercase of `c` as [`char::to_lowercase`] has it, without its table search
/// for ASCII, Russian and Kazakh letters.
#[inline]
fn push_lowercase(out: &mut String, c: char) {
    let u = c as u32;
    let lower = match u {
        0..=0x7F => c.to_ascii_lowercase(),
        0x0410..=0x042F => char::from_u32(u + 0x20).unwrap_or(c),
        0x0400..=0x040F => char::from_u32(u + 0x50).unwrap_or(c),
        0x0430..=0x045F => c,
        // Kazakh (and other) letters in upper/lower pairs, the capital even.
        0x048A..=0x04BF | 0x04D0..=0x04FF => char::from_u32(u | 1).unwrap_or(c),
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push(lower);
}

/// `translit::fold` of a lowercased word, appended to `out`.
fn fold_lowered(lower: &str, out: &mut String) {
    if !fold_fast(lower, out) {
        out.clear();
        out.push_str(&annals_lang::translit::fold(lower));
    }
}

/// `translit::fold` of `lower` appended to `out` (which must be empty), when every char is
/// an ASCII lowercase letter or digit, a lowercase Russian letter (U+0430..U+045F) or a
/// lowercase Kazakh letter; `false` (and `out` in any state) otherwise.
fn fold_fast(lower: &str, out: &mut String) -> bool {
    for c in lower.chars() {
        if !fast_letter(c) {
            return false;
        }
        out.push(annals_lang::translit::fold_char(c));
    }
    true
}

/// The chars the fast paths take: ASCII lowercase letters and digits, lowercase Russian
/// letters (U+0430..U+045F) and the lowercase Kazakh letters.
fn fast_letter(c: char) -> bool {
    matches!(c, 'a'..='z' | '0'..='9' | '\u{0430}'..='\u{045F}' | 'қ' | 'ғ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' | 'ә')
}

/// Whether [`AsciiFoldingFilter`] leaves `c` as it is (ASCII and Cyrillic letters; tested).
fn ascii_folding_keeps(c: char) -> bool {
    c.is_ascii() || ('\u{0430}'..='\u{045F}').contains(&c)
}

/// `translit::to_latin` of `lower` appended to `out`, when every char is an ASCII lowercase
/// letter or digit, a lowercase Russian letter (U+0430..U+045F) or a lowercase Kazakh letter;
/// `false` (and `out` in any state) otherwise.
fn latin_fast(lower: &str, out: &mut String) -> bool {
    let mut chars = lower.chars().peekable();
    while let Some(c) = chars.next() {
        if !fast_letter(c) {
            return false;
        }
        let next = chars.peek().copied();
        // As `translit::to_latin`: ий / ый / ій → y, ь → y before е/и/ё/о, ъ dropped.
        match c {
            'и' | 'ы' | 'і' if next == Some('й') => {
                out.push('y');
                chars.next();
            }
            'ь' => {
                if matches!(next, Some('е' | 'и' | 'ё' | 'о')) {
                    out.push('y');
                }
            }
            'ъ' => {}
            _ => match annals_lang::translit::latin_of(c) {
                Some(latin) => out.push_str(latin),
                None => out.push(c),
            },
        }
    }
    true
}

/// A token filter that rewrites each token's text with a function.
#[derive(Clone, Copy)]
struct MapFilter(fn(&str, &mut String));

impl TokenFilter for MapFilter {
    type Tokenizer<T: Tokenizer> = MapTokenizer<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> MapTokenizer<T> {
        MapTokenizer { inner, map: self.0 }
    }
}

#[derive(Clone)]
struct MapTokenizer<T> {
    inner: T,
    map: fn(&str, &mut String),
}

impl<T: Tokenizer> Tokenizer for MapTokenizer<T> {
    type TokenStream<'a> = MapStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MapStream { inner: self.inner.token_stream(text), map: self.map, buffer: String::new() }
    }
}

struct MapStream<S> {
    inner: S,
    map: fn(&str, &mut String),
    buffer: String,
}

impl<S: TokenStream> TokenStream for MapStream<S> {
    fn advance(&mut self) -> bool {
        if !self.inner.advance() {
            return false;
        }
        let token = self.inner.token_mut();
        // ASCII tokens are already folded by the lowercaser: skip the allocation.
        if !token.text.is_ascii() {
            self.buffer.clear();
            (self.map)(&token.text, &mut self.buffer);
            std::mem::swap(&mut token.text, &mut self.buffer);
        }
        true
    }

    fn token(&self) -> &Token {
        self.inner.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.inner.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::Analyzer;

    fn check(analyzer: Analyzer, input: &str, expected: &[&str]) {
        assert_eq!(analyzer.terms(input), expected, "{analyzer:?} on {input:?}");
    }

    #[test]
    fn russian_is_stemmed_and_yo_folded() {
        check(Analyzer::Russian, "Конференции", &["конференц"]);
        check(Analyzer::Russian, "Ёлка ёлки", &["елк", "елк"]);
    }

    #[test]
    fn english_is_stemmed() {
        check(Analyzer::English, "Forums Hematology", &["forum", "hematolog"]);
    }

    #[test]
    fn kazakh_letters_fold_to_russian_keyboard() {
        assert_eq!(Analyzer::Kazakh.terms("Қызылорда"), Analyzer::Kazakh.terms("кызылорда"));
        check(Analyzer::Kazakh, "Қазанда", &["казан"]);
    }

    #[test]
    fn snowball_languages_fold_diacritics_and_stem() {
        let de = Analyzer::Snowball(super::Lang::De);
        assert_eq!(de.terms("Hümmling"), de.terms("hummling"));
        assert_eq!(de.terms("Wassermühle Mühlen"), ["wassermuhl", "muhl"]);
        check(de, "Straße", &["strass"]);
        let ro = Analyzer::Snowball(super::Lang::Ro);
        assert_eq!(ro.terms("pornește"), ro.terms("porneste"));
        assert_eq!(ro.terms("PORNEŞTE"), ro.terms("porneste"));
        let fr = Analyzer::Snowball(super::Lang::Fr);
        assert_eq!(fr.terms("Électricité"), fr.terms("electricite"));
        let el = Analyzer::Snowball(super::Lang::El);
        assert_eq!(el.terms("Μαΐου"), el.terms("μαιου"));
    }

    #[test]
    fn latin_meets_cyrillic() {
        assert_eq!(Analyzer::Latin.terms("Пивоварова"), Analyzer::Latin.terms("Pivovarova"));
    }
}

/// The fast paths of [`Fused`] against what they stand for: `char` methods, the `translit`
/// functions, Tantivy's filters, and in the end [`Analyzer::reference`] itself.
#[cfg(test)]
mod fast_path_tests {
    use annals_lang::translit;
    use tantivy::tokenizer::{AsciiFoldingFilter, RawTokenizer, TokenFilter, TokenStream, Tokenizer};

    use super::{
        Analyzer, MAX_TOKEN_BYTES, MEMO_AFTER, MEMO_WORDS, ascii_folding_keeps, fold_fast, latin_fast,
        push_lowercase,
    };

    fn all_chars() -> impl Iterator<Item = char> {
        (0..=0x10FFFF).filter_map(char::from_u32)
    }

    /// Every token of `text`: (term, position, from, to, position length).
    fn tokens(
        analyzer: &mut tantivy::tokenizer::TextAnalyzer,
        text: &str,
    ) -> Vec<(String, usize, usize, usize, usize)> {
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            let t = stream.token();
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to, t.position_length));
        }
        out
    }

    #[test]
    fn lowercase_is_chars_lowercase() {
        for c in all_chars() {
            let mut fast = String::new();
            push_lowercase(&mut fast, c);
            assert_eq!(fast, c.to_lowercase().collect::<String>(), "{c:?} (U+{:04X})", c as u32);
        }
    }

    /// The chars a fast path accepts on their own.
    fn accepted(fast: fn(&str, &mut String) -> bool) -> Vec<char> {
        all_chars().filter(|c| fast(&c.to_string(), &mut String::new())).collect()
    }

    /// `fast` equals `slow` on every string it accepts among: every char, every pair of
    /// accepted chars, every triple of `context` chars, and random strings of accepted chars.
    fn check_fast_path(fast: fn(&str, &mut String) -> bool, slow: fn(&str) -> String, context: &[char]) {
        let alphabet = accepted(fast);
        assert!(alphabet.len() > 80, "{}", alphabet.len());
        let check = |s: &str| {
            let mut out = String::new();
            if fast(s, &mut out) {
                assert_eq!(out, slow(s), "{s:?}");
            }
        };
        for c in all_chars() {
            check(&c.to_string());
        }
        for a in &alphabet {
            for b in &alphabet {
                check(&format!("{a}{b}"));
            }
        }
        for a in context {
            for b in context {
                for c in context {
                    check(&format!("{a}{b}{c}"));
                }
            }
        }
        let mut rng = fastrand::Rng::with_seed(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let len = 1 + rng.usize(..20);
            let s: String = (0..len)
                .map(|_| {
                    if rng.usize(..3) == 0 {
                        context[rng.usize(..context.len())]
                    } else {
                        alphabet[rng.usize(..alphabet.len())]
                    }
                })
                .collect();
            let mut out = String::new();
            assert!(fast(&s, &mut out), "{s:?}");
            assert_eq!(out, slow(&s), "{s:?}");
        }
    }

    /// The letters the transliteration looks around (`ий`, `ь` before a vowel), and others.
    const CONTEXT: &[char] =
        &['и', 'ы', 'і', 'й', 'ь', 'ъ', 'е', 'ё', 'о', 'а', 'ю', 'я', 'к', 'қ', 'ә', 'y', 'i', '1'];

    #[test]
    fn fold_fast_is_translit_fold() {
        check_fast_path(fold_fast, translit::fold, CONTEXT);
    }

    #[test]
    fn latin_fast_is_translit_to_latin() {
        check_fast_path(latin_fast, translit::to_latin, CONTEXT);
    }

    #[test]
    fn ascii_folding_keeps_what_it_is_said_to() {
        let mut folding = AsciiFoldingFilter.transform(RawTokenizer::default());
        for c in all_chars().filter(|&c| ascii_folding_keeps(c)) {
            let s = c.to_string();
            let mut stream = folding.token_stream(&s);
            assert!(stream.advance());
            assert_eq!(stream.token().text, s, "U+{:04X}", c as u32);
        }
    }

    /// Texts that find the corners: case mappings that change length or leave the block
    /// (`İ`, the Kelvin sign to ASCII `k`), titlecase, ligatures, marks and digits of other
    /// scripts, words at the length limit, Kazakh and old Cyrillic letters.
    const TRICKY: &[&str] = &[
        "",
        " ",
        "Hello, World! It's 2005.",
        "İstanbul İİİ",
        "\u{212A}elvin \u{212A} \u{212B}ngström",
        "ǅemal ǈ ǋ",
        "Straße STRASSE ß ẞ",
        "ﬁne ﬃ ﬆ",
        "ΣΑΣ σας Ωmega ὈΔΥΣΣΕΎΣ",
        "naïve café Müller Şahin Łódź Øresund Ærø œuvre",
        "Ёлка ЁЛКА ёлка ёЁ",
        "Қазақстан ҚАЗАҚСТАН Әсел Құралай Өскемен Үкімет Һ Ғ Ң ұлы",
        "Ӏ ӏ Ӂ ӂ Ѣ ѣ Ѳ ѳ Ꙋ ꙋ Ԁ ԁ Ґ ґ Ї ї Є є Ў ў Ђ ђ",
        "й ий ый ій ьо ье ьи ьё Анатольевич подъезд Ильич Ь Ъ ь",
        "x² ³ ½ Ⅻ ⅻ ⓐ Ⓐ ٣ ١٢٣ ๓",
        "日本語のテキスト ﾊﾝｶｸ 한국어",
        "emoji 😀 text 👩‍👩‍👧 done",
        "combining e\u{301} a\u{483}b и\u{306} ё\u{308}",
        "abcДЕФ123 номер 2005 года ABCdef x1y2",
        "word\u{00AD}hyphen non\u{2011}breaking",
        "ﬁ\u{0130}\u{212A}Ё",
    ];

    fn long_words() -> Vec<String> {
        let mut out = Vec::new();
        for n in MAX_TOKEN_BYTES - 2..=MAX_TOKEN_BYTES + 1 {
            out.push(format!("short {} after", "a".repeat(n)));
        }
        for n in MAX_TOKEN_BYTES / 2 - 1..=MAX_TOKEN_BYTES / 2 + 1 {
            out.push(format!("{} я {}", "Я".repeat(n), "ё".repeat(n)));
        }
        // Two-byte capitals whose lowercase takes three bytes: the limit is on the word.
        out.push("İ".repeat(25));
        out.push("İ".repeat(30));
        out.push("ȺȾ".repeat(10));
        out
    }

    /// One instance of each analyser (its memo filled and reused, as when indexing) against
    /// the reference chain.
    fn check_against_reference<'t>(texts: impl IntoIterator<Item = &'t str> + Clone) {
        for analyzer in Analyzer::ALL {
            let mut fused = analyzer.build();
            let mut reference = analyzer.reference();
            for text in texts.clone() {
                assert_eq!(
                    tokens(&mut fused, text),
                    tokens(&mut reference, text),
                    "{analyzer:?} on {text:?}"
                );
            }
        }
    }

    #[test]
    fn fused_is_reference_on_tricky_texts() {
        let long = long_words();
        // Twice, and after enough words that the memo is in use.
        let warm = "Слово word сөз ".repeat(MEMO_AFTER);
        let texts: Vec<&str> = TRICKY
            .iter()
            .copied()
            .chain(long.iter().map(String::as_str))
            .chain([warm.as_str()])
            .chain(TRICKY.iter().copied())
            .chain(long.iter().map(String::as_str))
            .collect();
        check_against_reference(texts.iter().copied());
    }

    #[test]
    fn fused_is_reference_on_random_texts() {
        let mut rng = fastrand::Rng::with_seed(0xD1B5_4A32_D192_ED03);
        let mut letters: Vec<char> = ('а'..='я').chain('А'..='Я').chain('a'..='z').collect();
        letters.extend("ёЁқҚғҒңҢөӨұҰүҮһҺіІәӘьъйЙ0123456789İ\u{212A}ßéÉüÜﬁΣσ日😀\u{301}".chars());
        let separators: Vec<char> = " ,.-'!?\n\t«»—".chars().collect();
        let word = |rng: &mut fastrand::Rng| -> String {
            let len = 1 + rng.usize(..12);
            (0..len).map(|_| letters[rng.usize(..letters.len())]).collect()
        };
        let pool: Vec<String> = (0..400).map(|_| word(&mut rng)).collect();
        let mut texts = Vec::new();
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..rng.usize(..60) {
                if rng.usize(..4) == 0 {
                    text.push_str(&word(&mut rng));
                } else {
                    text.push_str(&pool[rng.usize(..pool.len())]);
                }
                if rng.usize(..50) == 0 {
                    text.push_str(&"ж".repeat(rng.usize(..40)));
                }
                text.push(separators[rng.usize(..separators.len())]);
            }
            texts.push(text);
        }
        check_against_reference(texts.iter().map(String::as_str));
    }

    #[test]
    fn fused_is_reference_when_the_memo_starts_over() {
        // More distinct words than the memo holds, then the first ones again.
        let letters: Vec<char> = "бвгдклмнпрстқңө".chars().collect();
        let words: Vec<String> = (0..MEMO_WORDS + MEMO_WORDS / 4)
            .map(|mut i| {
                let mut w = String::from("Па");
                while i > 0 {
                    w.push(letters[i % letters.len()]);
                    w.push('а');
                    i /= letters.len();
                }
                w.push_str("ларда");
                w
            })
            .collect();
        let text = words.join(" ");
        let again = words[..1000].join(" ");
        for analyzer in [Analyzer::Russian, Analyzer::Kazakh] {
            let mut fused = analyzer.build();
            let mut reference = analyzer.reference();
            for t in [&text, &again] {
                assert_eq!(tokens(&mut fused, t), tokens(&mut reference, t), "{analyzer:?}");
            }
        }
    }
}

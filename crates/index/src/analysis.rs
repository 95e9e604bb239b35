//! Text analysers: how titles, bodies, names and queries become terms.
//!
//! The same analyser runs at index time and at query time, registered on the index under
//! [`Analyzer::name`]. Folding comes from `annals_extract::translit`, so the search engine,
//! the extractor and the index agree on what "the same letters" means.

use tantivy::Index;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
    Token, TokenFilter, TokenStream, Tokenizer,
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
    /// ([`crate::kazakh`]).
    Kazakh,
    /// Any language: lowercase and folding, no stemming. Also the "exact" title field.
    Plain,
    /// Everything transliterated to lowercase Latin: `Пивоварова` and `Pivovarova` meet.
    Latin,
}

impl Analyzer {
    /// Every analyser, for registration.
    pub const ALL: [Analyzer; 5] =
        [Analyzer::English, Analyzer::Russian, Analyzer::Kazakh, Analyzer::Plain, Analyzer::Latin];

    /// The name it is registered under.
    pub fn name(self) -> &'static str {
        match self {
            Analyzer::English => "annals_en",
            Analyzer::Russian => "annals_ru",
            Analyzer::Kazakh => "annals_kk",
            Analyzer::Plain => "annals_plain",
            Analyzer::Latin => "annals_latin",
        }
    }

    /// A fresh instance of the analyser.
    pub fn build(self) -> TextAnalyzer {
        let base = || {
            TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
                .filter(LowerCaser)
        };
        match self {
            Analyzer::English => {
                base().filter(AsciiFoldingFilter).filter(Stemmer::new(Language::English)).build()
            }
            Analyzer::Russian => {
                base().filter(MapFilter(fold)).filter(Stemmer::new(Language::Russian)).build()
            }
            Analyzer::Kazakh => base().filter(MapFilter(fold_kazakh)).build(),
            Analyzer::Plain => base().filter(MapFilter(fold)).filter(AsciiFoldingFilter).build(),
            Analyzer::Latin => base().filter(MapFilter(latin)).build(),
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
    out.push_str(&annals_extract::translit::fold(token));
}

fn fold_kazakh(token: &str, out: &mut String) {
    let folded = annals_extract::translit::fold(token);
    out.push_str(&crate::kazakh::stem(&folded));
}

fn latin(token: &str, out: &mut String) {
    out.push_str(&annals_extract::translit::to_latin(token));
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
    fn latin_meets_cyrillic() {
        assert_eq!(Analyzer::Latin.terms("Пивоварова"), Analyzer::Latin.terms("Pivovarova"));
    }
}

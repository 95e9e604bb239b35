//! Everything annals knows about the languages it reads: one home for the word lists and
//! letter rules that extraction (`annals-extract`), indexing (`annals-index`) and search
//! (`annals-engine`) must agree on.
//!
//! | module | holds |
//! |---|---|
//! | [`translit`] | folding (`ё` → `е`, Kazakh letters to their Russian-keyboard neighbours, diacritics) and transliteration to Latin |
//! | [`tokens`] | the extraction tokenizer: words (with inner hyphens), numbers, punctuation, sentence starts |
//! | [`words`] | the search side's word splitter: runs of alphanumeric chars, as the analysers cut them |
//! | [`months`] | month, weekday and season words, inflected, in every analysed language |
//! | [`numerals`] | number words of dates: counts, English spelled years, Kazakh spelled numbers |
//! | [`kazakh`] | Kazakh case and possessive endings, and the Kazakh stemmer |
//! | [`stopwords`] | function words per language, for ranking and relaxing queries |
//! | [`iso`] | ISO date values (`2019-07`, `2019-07-20/2019-07-21`) as day ranges |
//! | [`affix`] | fast prefix and suffix tests for the ending lists |
//!
//! Every word list says where it came from in one comment line above it. Nothing here does
//! I/O or downloads anything: the lists ship with the code.
//!
//! ```
//! use annals_lang::{kazakh, months, translit};
//!
//! assert_eq!(translit::fold("Қызылорда"), "кызылорда");
//! assert_eq!(translit::to_latin("Пивоварова"), "pivovarova");
//! assert_eq!(kazakh::stem("форумына"), "форум");
//! assert_eq!(months::month_named("шілдеде", |l| l == "kk"), Some(7));
//! assert_eq!(months::month_named("März", |l| l == "de"), Some(3));
//! ```

#![warn(missing_docs)]

pub mod affix;
pub mod iso;
pub mod kazakh;
pub mod months;
pub mod numerals;
pub mod stopwords;
pub mod tokens;
pub mod translit;
pub mod words;

//! The one place where field names, analysers and stored shapes of the index are spelled.
//!
//! Text is analysed once, in the field of its language: a Russian post fills `title_ru` and
//! `body_ru`, a Kazakh one `title_kk` and `body_kk`, a German one `title_de` and `body_de`
//! (every language with a Snowball stemmer has its fields; the rest share `title_xx` and
//! `body_xx`). A query is analysed for every language the index holds and searched in each
//! of those languages' fields, so a visitor never has to say which language they type.
//! Facet dimensions are raw `STRING | FAST` fields: filters are term queries on them, and
//! counts come from their fast-field columns.

use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};

use crate::analysis::Analyzer;

/// Bumped whenever the schema or the way posts become documents changes: an index written by
/// another version is rebuilt from scratch.
pub const SCHEMA_VERSION: u32 = 5;

/// Languages that have their own analysed fields: English, Russian and Kazakh (annals' own
/// analysers), every other language Tantivy has a Snowball stemmer for, and [`Lang::Other`]
/// for the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// English: lowercase, ASCII folding, Snowball English stemmer.
    En,
    /// Russian: lowercase, `ё`→`е`, Snowball Russian stemmer.
    Ru,
    /// Kazakh: lowercase, Kazakh letters folded to their Russian-keyboard neighbours, light
    /// suffix stripping.
    Kk,
    /// Arabic (Snowball).
    Ar,
    /// Danish (Snowball).
    Da,
    /// German (Snowball).
    De,
    /// Greek (Snowball).
    El,
    /// Spanish (Snowball).
    Es,
    /// Finnish (Snowball).
    Fi,
    /// French (Snowball).
    Fr,
    /// Hungarian (Snowball).
    Hu,
    /// Italian (Snowball).
    It,
    /// Dutch (Snowball).
    Nl,
    /// Norwegian, Bokmål and Nynorsk (Snowball).
    No,
    /// Portuguese (Snowball).
    Pt,
    /// Romanian (Snowball).
    Ro,
    /// Swedish (Snowball).
    Sv,
    /// Tamil (Snowball).
    Ta,
    /// Turkish (Snowball).
    Tr,
    /// Any other language: lowercase and folding, no stemming.
    Other,
}

/// The script a language is written in: typo and prefix variants of a word are looked for
/// only in the fields of languages of its script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Latin letters.
    Latin,
    /// Cyrillic letters.
    Cyrillic,
    /// Greek letters.
    Greek,
    /// Arabic letters.
    Arabic,
    /// Tamil letters.
    Tamil,
    /// Any (the catch-all field of other languages).
    Any,
}

impl Script {
    /// The script of a word: that of its first letter with one ([`Script::Any`] for digits and
    /// scripts no analysed language uses).
    pub fn of(word: &str) -> Script {
        for c in word.chars() {
            let script = match c {
                'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' => Script::Latin,
                '\u{0400}'..='\u{052F}' => Script::Cyrillic,
                '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}' => Script::Greek,
                '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' => Script::Arabic,
                '\u{0B80}'..='\u{0BFF}' => Script::Tamil,
                _ if c.is_alphabetic() => return Script::Any,
                _ => continue,
            };
            return script;
        }
        Script::Any
    }
}

impl Lang {
    /// Every language with its own fields, in a fixed order.
    pub const ALL: [Lang; 20] = [
        Lang::En,
        Lang::Ru,
        Lang::Kk,
        Lang::Ar,
        Lang::Da,
        Lang::De,
        Lang::El,
        Lang::Es,
        Lang::Fi,
        Lang::Fr,
        Lang::Hu,
        Lang::It,
        Lang::Nl,
        Lang::No,
        Lang::Pt,
        Lang::Ro,
        Lang::Sv,
        Lang::Ta,
        Lang::Tr,
        Lang::Other,
    ];

    /// The fields a post in `code` (`en`, `ru`, `kk`, `de`, `pt-BR`, `nb`, ...) is analysed
    /// into: the primary language subtag decides, case aside.
    pub fn of(code: &str) -> Lang {
        let primary = code.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| *l != Lang::Other && l.code() == primary).unwrap_or(
            match primary.as_str() {
                "nb" | "nn" => Lang::No,
                _ => Lang::Other,
            },
        )
    }

    /// The ISO 639-1 code of the language (`no` for Norwegian; `xx` for [`Lang::Other`]), as
    /// the language lists of `annals-lang` (stop words, months) know it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Kk => "kk",
            Lang::Ar => "ar",
            Lang::Da => "da",
            Lang::De => "de",
            Lang::El => "el",
            Lang::Es => "es",
            Lang::Fi => "fi",
            Lang::Fr => "fr",
            Lang::Hu => "hu",
            Lang::It => "it",
            Lang::Nl => "nl",
            Lang::No => "no",
            Lang::Pt => "pt",
            Lang::Ro => "ro",
            Lang::Sv => "sv",
            Lang::Ta => "ta",
            Lang::Tr => "tr",
            Lang::Other => "xx",
        }
    }

    /// The script the language is written in.
    pub fn script(self) -> Script {
        match self {
            Lang::Ru | Lang::Kk => Script::Cyrillic,
            Lang::El => Script::Greek,
            Lang::Ar => Script::Arabic,
            Lang::Ta => Script::Tamil,
            Lang::Other => Script::Any,
            _ => Script::Latin,
        }
    }

    /// The analyser used for this language's fields.
    pub fn analyzer(self) -> Analyzer {
        match self {
            Lang::En => Analyzer::English,
            Lang::Ru => Analyzer::Russian,
            Lang::Kk => Analyzer::Kazakh,
            Lang::Other => Analyzer::Plain,
            _ => Analyzer::Snowball(self),
        }
    }

    /// Whether words of this language are glued into compounds (`Wassermühle`, `Emsbrücke`):
    /// the search looks for a word inside them too.
    pub fn compounds(self) -> bool {
        matches!(self, Lang::De | Lang::Nl | Lang::Sv | Lang::Da | Lang::No | Lang::Fi)
    }
}

/// The analysed text fields of one language.
#[derive(Debug, Clone, Copy)]
pub struct LangFields {
    /// The language.
    pub lang: Lang,
    /// Title, stemmed (with positions, for phrases).
    pub title: Field,
    /// Body, stemmed (with positions, for phrases).
    pub body: Field,
}

/// Handles to every field of the annals schema.
#[derive(Debug, Clone)]
pub struct Fields {
    /// Document id: `<site>:<lang>:<route>`; unique, the key of `/api/posts/{id}`.
    pub id: Field,
    /// Source file, relative to the content root; the key of incremental updates.
    pub path: Field,
    /// Content hash of the source file (and everything else the document depends on).
    pub hash: Field,
    /// When the post leaves the site (`unpublish_date`), seconds since the epoch; `u64::MAX`
    /// when never. Lets an incremental run drop expired posts without re-reading them.
    pub expires: Field,
    /// Site id.
    pub site: Field,
    /// Translation group: site and page folder; the kk, ru and en versions of a post share it.
    pub group: Field,
    /// URL path as the site serves it.
    pub url: Field,
    /// Language code of the post.
    pub lang: Field,
    /// Grav template of the page (`item` for blog posts): news rank above other pages.
    pub template: Field,
    /// Title as written (stored).
    pub title_text: Field,
    /// Title without stemming: lowercased and folded, in every language ("exact" matches).
    pub title_exact: Field,
    /// Per-language analysed title and body, in the order of [`Lang::ALL`].
    pub langs: [LangFields; 20],
    /// Names of people and the title, transliterated to Latin: cross-script matching.
    pub names: Field,
    /// Summary text (stored).
    pub summary: Field,
    /// Plain body text (stored, for snippets and `/api/posts`).
    pub body_text: Field,
    /// Publication time (indexed, fast, stored).
    pub published: Field,
    /// Publication time as RFC 3339 with the site's offset (stored).
    pub published_text: Field,
    /// `year` facet: `2019`.
    pub year: Field,
    /// `month` facet: `2019-07`.
    pub month: Field,
    /// `category` facet (taxonomy).
    pub category: Field,
    /// `tag` facet (taxonomy).
    pub tag: Field,
    /// `person` facet: person keys.
    pub person: Field,
    /// Display names of people: `key\u{1f}lang\u{1f}name`, read from the column dictionary.
    pub person_label: Field,
    /// People of the post as JSON `[{key, name, role}]` (stored).
    pub people: Field,
    /// Every day covered by an event date told in the text, for dates given to the day; the
    /// first and last day of a month or year told (multi-valued, indexed, fast).
    pub event_day: Field,
    /// `event_year` facet.
    pub event_year: Field,
    /// Event dates as ISO values, JSON array (stored).
    pub event_dates: Field,
    /// Everything else worth showing (`inspect`, `/api/posts`): JSON (stored).
    pub meta: Field,
}

/// Builds the schema and the field handles.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let raw = STRING | STORED | FAST;
    let facet = STRING | FAST;
    let text = |analyzer: Analyzer, stored: bool| {
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(analyzer.name())
            .set_index_option(IndexRecordOption::WithFreqsAndPositions);
        let opts = TextOptions::default().set_indexing_options(indexing);
        if stored { opts.set_stored() } else { opts }
    };
    // The id is looked up (`/api/posts/{id}`) and shown, never read from a column; the group
    // is only read from its column (the catalog's translation table). Each has a value per
    // post, so an index or a column they do not need is a dictionary of 100k keys to build.
    let id = b.add_text_field("id", STRING | STORED);
    let path = b.add_text_field("path", raw.clone());
    let hash = b.add_u64_field("hash", FAST | STORED);
    let expires = b.add_u64_field("expires", FAST);
    let site = b.add_text_field("site", raw.clone());
    let group = b.add_text_field("group", FAST);
    let url = b.add_text_field("url", STORED | FAST);
    let lang = b.add_text_field("lang", raw.clone());
    let template = b.add_text_field("template", raw.clone());
    let title_text = b.add_text_field("title", STORED);
    let title_exact = b.add_text_field("title_exact", text(Analyzer::Plain, false));
    let langs = Lang::ALL.map(|l| LangFields {
        lang: l,
        title: b.add_text_field(&format!("title_{}", l.code()), text(l.analyzer(), false)),
        body: b.add_text_field(&format!("body_{}", l.code()), text(l.analyzer(), false)),
    });
    let names = b.add_text_field("names", text(Analyzer::Latin, false));
    let summary = b.add_text_field("summary", STORED);
    let body_text = b.add_text_field("body", STORED);
    let date_opts =
        DateOptions::from(INDEXED).set_stored().set_fast().set_precision(DateTimePrecision::Seconds);
    let published = b.add_date_field("published", date_opts);
    let published_text = b.add_text_field("published_text", STORED);
    let year = b.add_text_field("year", facet.clone());
    let month = b.add_text_field("month", facet.clone());
    let category = b.add_text_field("category", facet.clone());
    let tag = b.add_text_field("tag", facet.clone());
    let person = b.add_text_field("person", facet.clone());
    let person_label = b.add_text_field("person_label", FAST);
    let people = b.add_text_field("people", STORED);
    let event_day = b.add_date_field(
        "event_day",
        DateOptions::from(INDEXED).set_fast().set_precision(DateTimePrecision::Seconds),
    );
    let event_year = b.add_text_field("event_year", facet);
    let event_dates = b.add_text_field("event_dates", STORED);
    let meta = b.add_text_field("meta", STORED);
    let fields = Fields {
        id,
        path,
        hash,
        expires,
        site,
        group,
        url,
        lang,
        template,
        title_text,
        title_exact,
        langs,
        names,
        summary,
        body_text,
        published,
        published_text,
        year,
        month,
        category,
        tag,
        person,
        person_label,
        people,
        event_day,
        event_year,
        event_dates,
        meta,
    };
    (b.build(), fields)
}

impl Fields {
    /// Field handles of an existing index's schema, or `None` when it is not an annals schema.
    pub fn from_schema(schema: &Schema) -> Option<Fields> {
        let (expected, fields) = build();
        (expected == *schema).then_some(fields)
    }

    /// The facet columns, in the order of the engine's facet dimensions: person, year, month,
    /// category, tag, event year.
    pub fn facet_columns(&self) -> [Field; 6] {
        [self.person, self.year, self.month, self.category, self.tag, self.event_year]
    }

    /// The analysed fields of one language.
    pub fn lang(&self, lang: Lang) -> &LangFields {
        &self.langs[Lang::ALL.iter().position(|l| *l == lang).unwrap_or(Lang::ALL.len() - 1)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_pick_fields() {
        for (code, lang) in [
            ("en", Lang::En),
            ("kk", Lang::Kk),
            ("de", Lang::De),
            ("DE", Lang::De),
            ("pt-BR", Lang::Pt),
            ("nb", Lang::No),
            ("nn", Lang::No),
            ("ro", Lang::Ro),
            ("pl", Lang::Other),
            ("und", Lang::Other),
            ("xx", Lang::Other),
            ("", Lang::Other),
        ] {
            assert_eq!(Lang::of(code), lang, "{code}");
        }
        for lang in Lang::ALL {
            assert_eq!(Lang::of(lang.code()), lang);
        }
    }

    #[test]
    fn scripts_of_words() {
        assert_eq!(Script::of("Mühle"), Script::Latin);
        assert_eq!(Script::of("2019-мая"), Script::Cyrillic);
        assert_eq!(Script::of("Μαΐου"), Script::Greek);
        assert_eq!(Script::of("2019"), Script::Any);
        assert_eq!(Script::of("日本"), Script::Any);
    }
}

//! Reads Grav CMS sites the way Grav itself does.
//!
//! `annals-grav` knows nothing about search: it turns a folder of Grav pages into [`Post`]s
//! (plain text, title, dates, URL, language, taxonomy) and reports what it could not read.
//!
//! - [`discover`] finds the sites under a content folder (a `user/` folder, a bare `pages/`
//!   folder, or a folder holding many sites) and returns one [`Site`] per page tree, with its
//!   [`SiteConfig`] (languages, timezone, date format) read from `config/system.yaml`.
//! - [`Site::page_files`] lists every page file of a site in Grav's order.
//! - [`read_page`] turns one page file's bytes into a [`Post`] (with [`Warning`]s about what
//!   it had to read leniently), or says why it is not a searchable page ([`Outcome::Skipped`])
//!   or why it could not be read ([`PageError`]).
//!
//! The crate does no I/O except in [`discover`] and [`Site::page_files`], which walk folders;
//! [`read_page`] is pure (bytes in, post out), so it can be fuzzed and run in parallel.
//!
//! # How the modules split the work
//!
//! | module | holds |
//! |---|---|
//! | `site` | [`discover`], [`Site::page_files`]: finding sites, page files and their order |
//! | `config` | reading `system.yaml` leniently into a [`SiteConfig`] |
//! | `frontmatter` | splitting `---` front matter from the body; lenient YAML with repairs |
//! | [`date`] | [`date::parse_grav_date`]: the date shapes Grav (PHP) accepts |
//! | `markdown` | Markdown body → plain text, summary, first heading |
//! | `url` | route and URL of a page as Grav builds them |
//! | [`lang`] | [`lang::detect_lang`]: whatlang plus the Kazakh-letter rule |
//! | `page` | [`read_page`]: publication rules and assembling the [`Post`] |

#![warn(missing_docs)]

use std::collections::BTreeMap;
use std::path::PathBuf;

mod config;
pub mod date;
mod frontmatter;
pub mod lang;
mod markdown;
mod page;
mod site;
mod url;

pub use date::{DateError, parse_grav_date};
pub use lang::detect_lang;
pub use page::read_page;
pub use site::discover;

/// One Grav site: a page tree plus the configuration that says how Grav serves it.
#[derive(Debug, Clone)]
pub struct Site {
    /// Short, stable name used in document ids (e.g. `petrtsoy__hemcenter.kz`, `content`).
    pub id: String,
    /// The `pages/` folder of this site.
    pub pages_dir: PathBuf,
    /// Languages, timezone and date format from `config/system.yaml` (defaults when absent).
    pub config: SiteConfig,
}

/// What `config/system.yaml` (and `config/site.yaml`) say that matters for reading pages.
///
/// The derived [`Default`] is a single-language site in UTC with Grav's URL defaults
/// (lowercase URLs, home page alias `/home` shown in child URLs); note that it sets
/// `include_default_lang` to `false`, whereas [`discover`] applies Grav's default (`true`) when
/// `system.yaml` does not say.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SiteConfig {
    /// `languages.supported`, in order; empty for a single-language site.
    ///
    /// When `system.yaml` is missing or lists no languages but the page tree has files with
    /// language suffixes (`item.ru.md`), [`discover`] infers the languages from those suffixes
    /// (most used first), since Grav could not serve such a tree otherwise.
    pub languages: Vec<String>,
    /// `languages.default_lang`, else the first supported language.
    pub default_lang: Option<String>,
    /// `languages.include_default_lang` (Grav's default is true).
    pub include_default_lang: bool,
    /// `timezone` (IANA name); `None` means UTC.
    pub timezone: Option<String>,
    /// `pages.dateformat.default` (a PHP date format such as `d/m/Y H:i`), when set.
    pub dateformat: Option<String>,
    /// `force_lowercase_urls: false` in `system.yaml` (Grav's default is true, so the default
    /// here, `false`, means URLs are lowercased).
    pub case_sensitive_urls: bool,
    /// `home.alias` (the route Grav serves at `/`); `None` means Grav's default, `/home`.
    pub home_alias: Option<String>,
    /// `home.hide_in_urls`: children of the home page lose the home segment in their routes.
    pub hide_home_in_urls: bool,
}

/// One page file found in a site's page tree, not yet read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageFile {
    /// Absolute (or as given) path of the `.md` file.
    pub path: PathBuf,
    /// The page folder (the `.md` file's parent).
    pub folder: PathBuf,
    /// Template name: `item` for `item.en.md`.
    pub template: String,
    /// Language suffix when it is one of the site's languages (`en` for `item.en.md`).
    pub lang_suffix: Option<String>,
    /// Another file of the same folder that Grav picks wherever this one could be served
    /// (`default.de.md` for `default.md` on a site whose default language is `de`), so that
    /// this one is never served; [`read_page`] skips it. See [`Site::page_files`].
    pub shadowed_by: Option<PathBuf>,
}

/// Where a post's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// The `date:` key of the front matter.
    FrontMatter,
    /// The `publish_date:` key (used when there is no usable `date:`).
    PublishDate,
    /// A `YYYY-MM-DD` prefix of the page folder's name.
    FolderName,
    /// The file's modification time.
    FileModified,
    /// Nothing told a date: the time of reading (`now` given to [`read_page`]).
    Now,
}

/// How the post's language was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LangSource {
    /// The file name's suffix, one of the site's languages.
    FileName,
    /// The site's default language for a file without suffix.
    SiteDefault,
    /// Detected from the text (whatlang, plus the Kazakh-letter rule).
    Detected,
}

/// A searchable page, as a visitor sees it on the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    /// Route of the page without language prefix, as Grav builds it: numeric prefixes dropped,
    /// `slug` honoured (`/news/2019-07-22-silk-road-forum`).
    pub route: String,
    /// URL path the site serves the page at, with the language prefix where Grav adds one
    /// (`/en/news/2019-07-22-silk-road-forum`).
    pub url: String,
    /// Language of this variant (`en`, `ru`, `kk`, ...), `und` when unknown.
    pub lang: String,
    /// How [`Post::lang`] was decided.
    pub lang_source: LangSource,
    /// `title` from the front matter; else the first heading; else the folder name.
    pub title: String,
    /// Publication date in the site's timezone.
    pub date: jiff::ZonedDateTime,
    /// Where [`Post::date`] came from.
    pub date_source: DateSource,
    /// `unpublish_date`, when set and still in the future (the page leaves the index then).
    pub unpublish_date: Option<jiff::Timestamp>,
    /// `visible` (menus only; invisible pages stay searchable).
    pub visible: bool,
    /// `taxonomy`: `category`, `tag`, `author` and any other keys, values as strings.
    pub taxonomy: BTreeMap<String, Vec<String>>,
    /// Plain text before the `===` separator (or the first paragraph when there is none).
    pub summary: String,
    /// Plain text of the whole body (summary included), paragraphs separated by blank lines.
    pub body: String,
    /// Problems that did not stop the page from being read (an unreadable `date:` that was
    /// replaced by another source, front matter that needed repairs, bytes that are not
    /// UTF-8), for people.
    pub warnings: Vec<Warning>,
}

impl Post {
    /// The language the text reads as, when detection is confident; it may differ from
    /// [`Post::lang`] (some sites' `.ru.md` files are really French).
    ///
    /// For a detected language that is [`Post::lang`]; for a declared one the text's first
    /// paragraphs are judged now, on demand: the check is only shown (`annals inspect`), and
    /// running it on every post was 7% of the indexer's CPU.
    pub fn detected_lang(&self) -> Option<String> {
        match self.lang_source {
            LangSource::Detected => (self.lang != "und").then(|| self.lang.clone()),
            LangSource::FileName | LangSource::SiteDefault => {
                let text = format!("{}\n\n{}", self.title, self.body);
                lang::detect_lang_within(&text, lang::DECLARED_SAMPLE_BYTES)
            }
        }
    }
}

/// Something odd about a page that did not stop it from being read: where, and what was done
/// about it. Displayed as `line N: message` (or the message alone).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    /// 1-based line in the file, when known.
    pub line: Option<usize>,
    /// What was odd and what was done about it, for people.
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Why a page file is not indexed although it could be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A page a visitor can reach.
    Post(Box<Post>),
    /// Not a searchable page; the reason is for people (`unpublished`, `routable: false`,
    /// `publish_date 2030-01-01 is in the future`, `modular part`, ...).
    Skipped(String),
}

/// A page whose front matter could not be read: its published state is unknown, so it is
/// not indexed. Displayed as `path:line: message`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{}: {message}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct PageError {
    /// The page file.
    pub path: PathBuf,
    /// 1-based line in the file, when known.
    pub line: Option<usize>,
    /// What went wrong, for people.
    pub message: String,
}

/// Errors that stop reading a whole content folder (not one page).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The content folder does not exist or cannot be listed.
    #[error("cannot read content folder {}", path.display())]
    ContentUnreadable {
        /// The folder.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// No `pages/` tree was found below the content folder.
    #[error("no Grav pages found in {} (expected a user/ folder, a pages/ folder, or folders holding them)", path.display())]
    NoSites {
        /// The folder.
        path: PathBuf,
    },
}

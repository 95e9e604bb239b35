//! Command-line arguments (clap derive); each doc comment is the help text.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Search engine for a Grav news archive.
///
/// Exit codes: 0 = the run completed (posts that could not be indexed are listed, with
/// path, line and reason); 1 = the same with `--strict` when any post failed; 2 = fatal
/// error (bad arguments, unreadable content or index).
#[derive(Debug, Parser)]
#[command(name = "annals", version, about, long_about)]
pub struct Cli {
    /// Log more (repeat for more detail); `RUST_LOG` also works.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    #[command(subcommand)]
    pub command: Command,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index a content folder (only what changed since the last run).
    Index(IndexArgs),
    /// Search the index from the terminal.
    Search(SearchArgs),
    /// Serve the search page and the JSON API.
    Serve(ServeArgs),
    /// Extract people and dates: JSON lines in, JSON lines out (evaluation contract).
    Extract(ExtractArgs),
    /// Show what one post yields: URL, language, dates, people, event dates, summary.
    Inspect(InspectArgs),
    /// List the people the archive names, or those whose names match QUERY (any script).
    People(PeopleArgs),
    /// Show one person: names, roles, posts, events and the people named with them.
    Person(PersonArgs),
    /// A timeline of the events told in the posts, oldest first.
    Events(EventsArgs),
}

/// `annals people`.
#[derive(Debug, Args)]
pub struct PeopleArgs {
    /// A name or the start of one, in any script (`Pivovarova`, `Пивовар`); empty lists everyone.
    #[arg(default_value = "")]
    pub query: String,
    /// Index folder.
    #[arg(long, value_name = "DIR", default_value = "index")]
    pub index: PathBuf,
    /// Reader's language: names in it.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// People per page (1 to 100).
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// Page (1-based).
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub page: usize,
    /// Print exactly the API's JSON object (`/api/people`).
    #[arg(long)]
    pub json: bool,
}

/// `annals person`.
#[derive(Debug, Args)]
pub struct PersonArgs {
    /// The person's key, as in the person facet (`annals people NAME` finds it).
    pub key: String,
    /// Index folder.
    #[arg(long, value_name = "DIR", default_value = "index")]
    pub index: PathBuf,
    /// Reader's language: names and post versions in it.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Posts per page (1 to 100).
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub limit: usize,
    /// Page of posts (1-based).
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub page: usize,
    /// Print exactly the API's JSON object (`/api/people/{key}`).
    #[arg(long)]
    pub json: bool,
}

/// `annals events`.
#[derive(Debug, Args)]
pub struct EventsArgs {
    /// Index folder.
    #[arg(long, value_name = "DIR", default_value = "index")]
    pub index: PathBuf,
    /// First day of the period (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last day of the period.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only events of posts naming this person (key; repeatable: all must be named).
    #[arg(long, value_name = "KEY")]
    pub person: Vec<String>,
    /// Only events of posts matching these words.
    #[arg(long, value_name = "WORDS")]
    pub q: Option<String>,
    /// Reader's language: posts in it.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Print exactly the API's JSON object (`/api/events`).
    #[arg(long)]
    pub json: bool,
}

/// `annals index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// A Grav `user/` folder, a `pages/` folder, or a folder holding several sites.
    #[arg(long, value_name = "DIR", default_value = "content")]
    pub content: PathBuf,
    /// Index folder (created when missing).
    #[arg(long, value_name = "DIR", default_value = "index")]
    pub index: PathBuf,
    /// Rebuild from scratch instead of indexing only what changed.
    #[arg(long)]
    pub full: bool,
    /// Print the report as one JSON object on stdout.
    #[arg(long)]
    pub json: bool,
    /// Exit 1 when any page could not be read.
    #[arg(long)]
    pub strict: bool,
    /// Threads writing the index (default: one, which writes one segment up to ~150k posts);
    /// pages are read and extracted on every core either way.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub threads: usize,
}

/// Sort orders.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SortArg {
    /// Best match first.
    Relevance,
    /// Newest first.
    Newest,
    /// Oldest first.
    Oldest,
}

/// Filters shared by `search` (same names as the API's parameters).
#[derive(Debug, Args, Default)]
pub struct FilterArgs {
    /// Visitor's language: hits in it, found through any language version.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Person key (repeatable: all must be named).
    #[arg(long, value_name = "KEY")]
    pub person: Vec<String>,
    /// Category (repeatable: any).
    #[arg(long)]
    pub category: Vec<String>,
    /// Tag (repeatable: any).
    #[arg(long)]
    pub tag: Vec<String>,
    /// Publication year (repeatable: any).
    #[arg(long)]
    pub year: Vec<String>,
    /// Publication month `YYYY-MM` (repeatable: any).
    #[arg(long)]
    pub month: Vec<String>,
    /// Published on or after (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Published on or before.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// An event date ends on or after.
    #[arg(long, value_name = "DATE")]
    pub event_from: Option<String>,
    /// An event date starts on or before.
    #[arg(long, value_name = "DATE")]
    pub event_to: Option<String>,
}

/// `annals search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words, "phrases", -exclusions, OR; empty browses the archive, newest first.
    #[arg(default_value = "")]
    pub query: String,
    /// Index folder.
    #[arg(long, value_name = "DIR", default_value = "index")]
    pub index: PathBuf,
    /// Hits per page (1 to 100).
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub limit: usize,
    /// Page (1-based).
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub page: usize,
    /// Order of hits.
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,
    /// Print exactly the API's JSON object.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub filters: FilterArgs,
}

/// `annals serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Index folder.
    #[arg(long, value_name = "DIR", default_value = "index")]
    pub index: PathBuf,
    /// Address to listen on (loopback unless told otherwise; port 0 picks a free one).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:7700")]
    pub addr: SocketAddr,
    /// Re-index the content folder by itself when posts change (needs `--content`).
    #[arg(long, requires = "content")]
    pub watch: bool,
    /// Content folder to watch.
    #[arg(long, value_name = "DIR")]
    pub content: Option<PathBuf>,
    /// Base URL of the site the posts live on, for links (`https://example.org`).
    #[arg(long, value_name = "URL")]
    pub site_url: Option<String>,
    /// Allow this origin to call the API from its pages (CORS), e.g. `https://example.org`;
    /// repeat it for each origin (`https://www.example.org` is another one).
    #[arg(long, value_name = "ORIGIN")]
    pub allow_origin: Vec<annals_server::http::Origin>,
    /// Searches running at once; more wait for a turn (0: one per core).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub max_concurrent: usize,
    /// Request timeout in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 10_000)]
    pub timeout_ms: u64,
}

/// `annals extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Read `{"id","lang","text","dct"}` lines on stdin, write one result line per input.
    #[arg(long, required = true)]
    pub jsonl: bool,
}

/// `annals inspect`.
#[derive(Debug, Args)]
pub struct InspectArgs {
    /// A page file (`.../item.en.md`) inside a Grav `pages/` tree.
    pub path: PathBuf,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

//! SQLite FTS5 as a peer of annals in `make bench`: the same page files as the raw-Tantivy
//! baseline, read crudely (`annals_bench::post`), indexed into one FTS5 table, and served over
//! HTTP with the shape of annals' `/api/search` (total, hits with snippets, year and language
//! counts), so that the same `bench-load` measures both.
//!
//! - `bench-fts5 index --content DIR --db FILE`: a reader thread parses the files while the main
//!   thread inserts them into `posts(title, body, url UNINDEXED, year UNINDEXED, lang UNINDEXED)`
//!   (`unicode61 remove_diacritics 2`) in one transaction, with no journal and no syncs, then
//!   merges the index into one b-tree (`optimize`). Prints one JSON object.
//! - `bench-fts5 serve --db FILE --addr 127.0.0.1:0`: axum on tokio, as annals; each search runs
//!   on the worker that took its request with one of a fixed set of read-only connections (one per core by
//!   default), two statements a search: the ranked page of hits (`ORDER BY rank` with
//!   `bm25(2.0, 1.0)`, so snippets are made for the returned rows only), and one `GROUP BY year,
//!   lang` pass for the total and both facets (a `count(*)` when facets are off).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use annals_bench::post::{self, Post, Sites};
use annals_bench::sys;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use clap::{Parser, Subcommand};
use rusqlite::{Connection, OpenFlags, params_from_iter};
use serde::Serialize;
use serde_json::json;
use tokio::sync::Semaphore;

/// Most hits a page may ask for, as annals.
const MAX_PER_PAGE: usize = 100;
/// Hits per page when `per_page` is missing or not a number, as annals.
const DEFAULT_PER_PAGE: usize = 10;
/// FTS5's in-memory buffer of pending index entries while indexing (the default is 1 MiB).
const HASH_SIZE: usize = 64 << 20;
/// Longest `q` read, in bytes, as annals (`annals_engine::request::MAX_QUERY_BYTES`).
const MAX_QUERY_BYTES: usize = 1024;
/// Most words and phrases of a query; repeated ones count once.
const MAX_TERMS: usize = 32;

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Index every `*.md` below a `pages/` folder of `--content` into a new database.
    Index {
        /// Content folder (a Grav `user/` folder or a folder holding one).
        #[arg(long)]
        content: PathBuf,
        /// Database file (replaced).
        #[arg(long)]
        db: PathBuf,
        /// FTS5 `prefix` option, e.g. `2 3`: extra indexes for prefixes of those lengths
        /// (none by default).
        #[arg(long)]
        prefix: Option<String>,
    },
    /// Serve `GET /api/search` over a database made by `index`.
    Serve {
        /// Database file.
        #[arg(long)]
        db: PathBuf,
        /// Address to listen on (loopback only; port 0 picks a free one).
        #[arg(long, default_value = "127.0.0.1:0")]
        addr: SocketAddr,
        /// Read-only connections, the most searches at once (0 = one per core).
        #[arg(long, default_value_t = 0)]
        connections: usize,
    },
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    match Cli::parse().command {
        Command::Index { content, db, prefix } => {
            let report = index(&content, &db, prefix.as_deref())?;
            println!("{report}");
            Ok(())
        }
        Command::Serve { db, addr, connections } => serve(&db, addr, connections),
    }
}

// ---------------------------------------------------------------------------------------
// Indexing.

fn index(content: &Path, db: &Path, prefix: Option<&str>) -> Result<serde_json::Value, String> {
    let started = Instant::now();
    let files = sys::page_files(content);
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        let path = PathBuf::from(name);
        if path.exists() {
            std::fs::remove_file(&path).map_err(|e| format!("removing {}: {e}", path.display()))?;
        }
    }
    let ctx = |what: &str| {
        let db = db.display().to_string();
        let what = what.to_owned();
        move |e: rusqlite::Error| format!("{db}: {what}: {e}")
    };
    let mut conn = Connection::open(db).map_err(ctx("opening"))?;
    conn.execute_batch(
        "PRAGMA journal_mode = OFF;
         PRAGMA synchronous = OFF;
         PRAGMA locking_mode = EXCLUSIVE;
         PRAGMA temp_store = MEMORY;
         PRAGMA cache_size = -262144;",
    )
    .map_err(ctx("pragmas"))?;
    let prefix_option = match prefix {
        Some(p) if !p.trim().is_empty() => {
            if !p.split_whitespace().all(|n| n.parse::<u8>().is_ok_and(|n| (1..=99).contains(&n))) {
                return Err(format!("--prefix {p:?}: expected prefix lengths such as '2 3'"));
            }
            format!(", prefix='{}'", p.trim())
        }
        _ => String::new(),
    };
    conn.execute_batch(&format!(
        "CREATE VIRTUAL TABLE posts USING fts5(title, body, url UNINDEXED, year UNINDEXED, lang UNINDEXED, tokenize='unicode61 remove_diacritics 2'{prefix_option});
         INSERT INTO posts(posts, rank) VALUES('hashsize', {HASH_SIZE});"
    ))
    .map_err(ctx("creating the table"))?;

    // Parsing overlaps inserting: SQLite writes on this thread, one reader thread parses.
    let (tx, rx) = sync_channel::<Result<(Post, u64), String>>(256);
    let reader = std::thread::spawn(move || {
        let mut sites = Sites::default();
        for f in files {
            let item = std::fs::metadata(&f)
                .and_then(|m| post::read(&f, &mut sites).map(|p| (p, m.len())))
                .map_err(|e| format!("{}: {e}", f.display()));
            if tx.send(item).is_err() {
                break;
            }
        }
    });
    let mut docs = 0u64;
    let mut bytes = 0u64;
    let tr = conn.transaction().map_err(ctx("beginning"))?;
    {
        let mut insert = tr
            .prepare("INSERT INTO posts(title, body, url, year, lang) VALUES (?1, ?2, ?3, ?4, ?5)")
            .map_err(ctx("preparing the insert"))?;
        for item in rx {
            let (p, size) = item?;
            insert.execute((&p.title, &p.body, &p.url, &p.year, &p.lang)).map_err(ctx("inserting"))?;
            docs += 1;
            bytes += size;
        }
    }
    tr.commit().map_err(ctx("committing"))?;
    reader.join().map_err(|_| "the reader thread panicked".to_owned())?;
    let inserted = started.elapsed().as_secs_f64();
    conn.execute("INSERT INTO posts(posts) VALUES('optimize')", []).map_err(ctx("optimize"))?;
    conn.close().map_err(|(_, e)| ctx("closing")(e))?;
    let secs = started.elapsed().as_secs_f64();
    Ok(json!({
        "documents": docs,
        "bytes": bytes,
        "secs": secs,
        "insert_secs": inserted,
        "optimize_secs": secs - inserted,
        "sqlite": rusqlite::version(),
        "prefix": prefix.unwrap_or(""),
    }))
}

// ---------------------------------------------------------------------------------------
// Queries.

/// A search request, read leniently: anything unusable is ignored or means no match.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Request {
    q: String,
    year: Option<String>,
    facets: bool,
    per_page: usize,
    page: usize,
}

impl Request {
    fn from_query(query: &str) -> Request {
        let mut r =
            Request { q: String::new(), year: None, facets: true, per_page: DEFAULT_PER_PAGE, page: 1 };
        for (k, v) in form_urlencoded::parse(query.as_bytes()) {
            match k.as_ref() {
                "q" => {
                    let mut end = v.len().min(MAX_QUERY_BYTES);
                    while !v.is_char_boundary(end) {
                        end -= 1;
                    }
                    r.q = v[..end].to_owned();
                }
                "year" if !v.trim().is_empty() => r.year = Some(v.trim().to_owned()),
                "facets" => r.facets = !matches!(v.as_ref(), "false" | "0" | "no" | "off"),
                "per_page" | "limit" => {
                    if let Ok(n) = v.trim().parse::<usize>() {
                        r.per_page = n.clamp(1, MAX_PER_PAGE);
                    }
                }
                "page" => {
                    if let Ok(n) = v.trim().parse::<usize>() {
                        r.page = n.clamp(1, 1000);
                    }
                }
                _ => {}
            }
        }
        r
    }
}

/// The FTS5 query for what a person typed: every word (a run of letters and digits) a quoted
/// string, all of them required, the last one also as a prefix; a quoted part of `q` is a
/// phrase. A repeated word or phrase counts once, and at most [`MAX_TERMS`] are kept (the
/// first ones and the last). `None` when there is no word.
fn match_expression(q: &str) -> Option<String> {
    fn words(s: &str) -> Vec<&str> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect()
    }
    // (words, is a phrase)
    let mut terms: Vec<(Vec<&str>, bool)> = Vec::new();
    let quotes = q.matches('"').count();
    // An unpaired last quote opens nothing.
    let paired = if quotes.is_multiple_of(2) { q.len() } else { q.rfind('"').unwrap_or(q.len()) };
    for (i, part) in q[..paired].split('"').enumerate() {
        let ws = words(part);
        if i % 2 == 1 {
            if !ws.is_empty() {
                terms.push((ws, true));
            }
        } else {
            terms.extend(ws.into_iter().map(|w| (vec![w], false)));
        }
    }
    terms.extend(words(&q[paired..]).into_iter().map(|w| (vec![w], false)));
    // The last term decides the prefix; keep it, drop repeats and what passes the cap.
    let last_term = terms.pop()?;
    let mut kept: Vec<(Vec<&str>, bool)> = Vec::new();
    for t in terms {
        if kept.len() + 1 < MAX_TERMS && !kept.contains(&t) && t != last_term {
            kept.push(t);
        }
    }
    kept.push(last_term);
    let terms = kept;
    let last = terms.len() - 1;
    let parts: Vec<String> = terms
        .iter()
        .enumerate()
        .map(|(i, (ws, phrase))| {
            let star = if i == last && !phrase { "*" } else { "" };
            format!("\"{}\"{star}", ws.join(" "))
        })
        .collect();
    Some(parts.join(" AND "))
}

#[derive(Serialize)]
struct Hit {
    title: String,
    url: String,
    year: String,
    lang: String,
    snippet: String,
}

#[derive(Serialize)]
struct FacetValue {
    value: String,
    count: u64,
}

#[derive(Serialize)]
struct Answer {
    total: u64,
    page: usize,
    per_page: usize,
    hits: Vec<Hit>,
    #[serde(skip_serializing_if = "Option::is_none")]
    facets: Option<Facets>,
}

#[derive(Serialize)]
struct Facets {
    year: Vec<FacetValue>,
    lang: Vec<FacetValue>,
}

/// Runs one search on `conn`.
fn search(conn: &Connection, r: &Request) -> rusqlite::Result<Answer> {
    let mut answer = Answer { total: 0, page: r.page, per_page: r.per_page, hits: Vec::new(), facets: None };
    let Some(expr) = match_expression(&r.q) else {
        if r.facets {
            answer.facets = Some(Facets { year: Vec::new(), lang: Vec::new() });
        }
        return Ok(answer);
    };
    let year_filter = if r.year.is_some() { " AND year = ?2" } else { "" };
    let mut args: Vec<&str> = vec![&expr];
    if let Some(y) = &r.year {
        args.push(y);
    }

    if r.facets {
        let mut st = conn.prepare_cached(&format!(
            "SELECT year, lang, count(*) FROM posts WHERE posts MATCH ?1{year_filter} GROUP BY year, lang"
        ))?;
        let mut years: Vec<FacetValue> = Vec::new();
        let mut langs: Vec<FacetValue> = Vec::new();
        let mut rows = st.query(params_from_iter(&args))?;
        while let Some(row) = rows.next()? {
            let (year, lang, n): (String, String, i64) = (row.get(0)?, row.get(1)?, row.get(2)?);
            let n = u64::try_from(n).unwrap_or(0);
            answer.total += n;
            for (list, value) in [(&mut years, year), (&mut langs, lang)] {
                if value.is_empty() {
                    continue;
                }
                match list.iter_mut().find(|f| f.value == value) {
                    Some(f) => f.count += n,
                    None => list.push(FacetValue { value, count: n }),
                }
            }
        }
        for list in [&mut years, &mut langs] {
            list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        }
        answer.facets = Some(Facets { year: years, lang: langs });
    } else {
        let mut st =
            conn.prepare_cached(&format!("SELECT count(*) FROM posts WHERE posts MATCH ?1{year_filter}"))?;
        answer.total =
            u64::try_from(st.query_row(params_from_iter(&args), |row| row.get::<_, i64>(0))?).unwrap_or(0);
    }
    if answer.total == 0 {
        return Ok(answer);
    }

    let limit = r.per_page.to_string();
    let offset = ((r.page - 1) * r.per_page).to_string();
    let n = args.len();
    let mut st = conn.prepare_cached(&format!(
        "SELECT title, url, year, lang, snippet(posts, 1, '<mark>', '</mark>', '…', 12) FROM posts \
         WHERE posts MATCH ?1 AND rank MATCH 'bm25(2.0, 1.0)'{year_filter} \
         ORDER BY rank LIMIT ?{} OFFSET ?{}",
        n + 1,
        n + 2
    ))?;
    args.push(&limit);
    args.push(&offset);
    let hits = st.query_map(params_from_iter(&args), |row| {
        Ok(Hit {
            title: row.get(0)?,
            url: row.get(1)?,
            year: row.get(2)?,
            lang: row.get(3)?,
            snippet: row.get(4)?,
        })
    })?;
    answer.hits = hits.collect::<rusqlite::Result<_>>()?;
    Ok(answer)
}

// ---------------------------------------------------------------------------------------
// Serving.

/// Read-only connections, one per search at a time.
struct Pool {
    free: Mutex<Vec<Connection>>,
    permits: Semaphore,
}

fn open_reader(db: &Path) -> rusqlite::Result<Connection> {
    let conn =
        Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    conn.execute_batch("PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -16384; PRAGMA query_only = ON;")?;
    conn.set_prepared_statement_cache_capacity(16);
    Ok(conn)
}

fn serve(db: &Path, addr: SocketAddr, connections: usize) -> Result<(), Box<dyn std::error::Error>> {
    if !addr.ip().is_loopback() {
        return Err("bench-fts5 serves on loopback addresses only".into());
    }
    if !db.is_file() {
        return Err(format!("{}: no such database", db.display()).into());
    }
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let n = if connections == 0 { cores } else { connections };
    let conns = (0..n)
        .map(|_| open_reader(db))
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(|e| format!("{}: {e}", db.display()))?;
    // Fail now, not on the first request, when the file is no FTS5 database of ours.
    conns[0]
        .query_row("SELECT count(*) FROM posts", [], |r| r.get::<_, i64>(0))
        .map_err(|e| format!("{}: {e}", db.display()))?;
    let pool = Arc::new(Pool { free: Mutex::new(conns), permits: Semaphore::new(n) });

    // Served as annals serves (`annals_server::http`): each search on the worker that took
    // its request, one worker more than connections, so neither pays a thread hand-off.
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(n + 1).enable_all().build()?;
    runtime.block_on(async move {
        let app = Router::new().route("/api/search", get(search_handler)).with_state(pool);
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let local = listener.local_addr()?;
        println!("listening on http://{local}");
        use std::io::Write as _;
        std::io::stdout().flush()?;
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok::<(), Box<dyn std::error::Error>>(())
    })
}

async fn search_handler(State(pool): State<Arc<Pool>>, RawQuery(query): RawQuery) -> Response {
    let request = Request::from_query(query.as_deref().unwrap_or(""));
    let Ok(_permit) = pool.permits.acquire().await else {
        return (StatusCode::SERVICE_UNAVAILABLE, "shutting down").into_response();
    };
    let result = (|| {
        let conn = pool.free.lock().ok().and_then(|mut f| f.pop());
        let Some(conn) = conn else { return Err("no free connection".to_owned()) };
        let answer = search(&conn, &request).map_err(|e| e.to_string());
        if let Ok(mut f) = pool.free.lock() {
            f.push(conn);
        }
        answer.and_then(|a| serde_json::to_vec(&a).map_err(|e| e.to_string()))
    })();
    match result {
        Ok(body) => ([(axum::http::header::CONTENT_TYPE, "application/json")], body).into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn match_expressions() {
        assert_eq!(match_expression("донор"), Some("\"донор\"*".to_owned()));
        assert_eq!(match_expression("stem ce"), Some("\"stem\" AND \"ce\"*".to_owned()));
        assert_eq!(
            match_expression("\"bone marrow\" donors"),
            Some("\"bone marrow\" AND \"donors\"*".to_owned())
        );
        assert_eq!(match_expression("a \"bone marrow\""), Some("\"a\" AND \"bone marrow\"".to_owned()));
        assert_eq!(match_expression("мастер-класс"), Some("\"мастер\" AND \"класс\"*".to_owned()));
        assert_eq!(match_expression("odd \"quote"), Some("\"odd\" AND \"quote\"*".to_owned()));
        assert_eq!(match_expression("  -- \"\" "), None);
        assert_eq!(
            match_expression("NEAR(a b) OR *"),
            Some("\"NEAR\" AND \"a\" AND \"b\" AND \"OR\"*".to_owned())
        );
        assert_eq!(match_expression("и и и и"), Some("\"и\"*".to_owned()));
        assert_eq!(match_expression("a b a c"), Some("\"a\" AND \"b\" AND \"c\"*".to_owned()));
        let many: Vec<String> = (0..100).map(|i| format!("w{i}")).collect();
        let expr = match_expression(&many.join(" ")).expect("an expression");
        assert_eq!(expr.matches(" AND ").count() + 1, MAX_TERMS);
        assert!(expr.starts_with("\"w0\" AND ") && expr.ends_with(" AND \"w99\"*"));
    }

    #[test]
    fn requests() {
        let r = Request::from_query("q=stem+cell&year=2019&facets=false&per_page=6");
        assert_eq!(
            r,
            Request { q: "stem cell".into(), year: Some("2019".into()), facets: false, per_page: 6, page: 1 }
        );
        let r = Request::from_query("q=%ZZ&per_page=1000&page=x&year=");
        assert_eq!((r.q.as_str(), r.per_page, r.page, r.year), ("%ZZ", 100, 1, None));
        let long = format!("q={}", "%D0%B6".repeat(2000));
        let r = Request::from_query(&long);
        assert!(r.q.len() <= MAX_QUERY_BYTES && r.q.chars().all(|c| c == 'ж'));
    }

    fn db() -> Connection {
        let conn = Connection::open_in_memory().expect("memory db");
        conn.execute_batch(
            "CREATE VIRTUAL TABLE posts USING fts5(title, body, url UNINDEXED, year UNINDEXED, lang UNINDEXED, tokenize='unicode61 remove_diacritics 2');
             INSERT INTO posts VALUES('Донор крови', 'Донорство крови в Алматы', '/a', '2019', 'ru');
             INSERT INTO posts VALUES('Bone marrow', 'Stem cell transplant, bone marrow donors', '/b', '2020', 'en');
             INSERT INTO posts VALUES('Конференция', 'Доноры и гематология', '/c', '2020', 'ru');",
        )
        .expect("schema");
        conn
    }

    #[test]
    fn searches() {
        let conn = db();
        let r = search(&conn, &Request::from_query("q=донор")).expect("search");
        assert_eq!(r.total, 2, "донор* matches /a (донор, донорство) and /c (доноры)");
        assert_eq!(r.hits[0].url, "/a", "a title match ranks first");
        assert!(r.hits[0].snippet.contains("<mark>"));
        let f = r.facets.as_ref().expect("facets");
        assert_eq!(f.lang.len(), 1);
        assert_eq!((f.lang[0].value.as_str(), f.lang[0].count), ("ru", 2));
        let r = search(&conn, &Request::from_query("q=донор&year=2020&facets=false")).expect("search");
        assert_eq!((r.total, r.hits.len()), (1, 1));
        assert!(r.facets.is_none());
        let r = search(&conn, &Request::from_query("q=%22bone+marrow%22+don")).expect("search");
        assert_eq!(r.total, 1);
        let r = search(&conn, &Request::from_query("q=%22marrow+bone%22")).expect("search");
        assert_eq!(r.total, 0);
        let r = search(&conn, &Request::from_query("q=&year=x")).expect("search");
        assert_eq!(r.total, 0);
        let r = search(&conn, &Request::from_query("q=AND+OR+NOT+NEAR")).expect("search");
        assert_eq!(r.total, 0);
    }
}

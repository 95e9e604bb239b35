//! The fuzz targets' properties. Each `check_*` runs one entry point of annals on one input
//! and returns `Err(what broke)` when a documented property does not hold; a panic inside is
//! the other kind of failure (the callers catch it: proptest, libFuzzer).
//!
//! | target | entry point | properties |
//! |---|---|---|
//! | `read_page` | [`annals_grav::read_page`] | no panic; an error names the file and a line inside it (1 ..= lines of the file); a post's route and URL start with `/` |
//! | `grav_date` | [`annals_grav::parse_grav_date`] | no panic; [`check_grav_date_exact`]: a well-formed date in Grav's usual shapes reads back to the same day and time |
//! | `extract` | [`annals_extract::extract`] | no panic; `start <= end <= chars`, the text between the offsets is the mention's text; date values are `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `A/B` with A not after B, or empty |
//! | `query` | [`annals_engine::query::parse`], [`annals_engine::SearchRequest::from_params`], [`annals_engine::Engine`] | no panic; a parameter error names a parameter that was given; the engine answers every valid request (search, suggest, facet values, timeline, post, people, a person's page) without an error, and a page never holds more than `per_page` hits |

use annals_engine::{Engine, SearchRequest};
use annals_grav::{Outcome, PageFile, Site};
use jiff::civil::Date;

/// The fixed "now" the page checks read pages at.
pub fn now() -> jiff::Timestamp {
    jiff::Timestamp::from_second(1_750_000_000).expect("valid timestamp")
}

/// Lines of a file: `\r\n`, a lone `\r` (old Mac files) and a lone `\n` each end a line, so
/// a file mixing them has as many lines as any editor shows (a last line without a line break
/// counts; an empty file has one line).
pub fn line_count(bytes: &[u8]) -> usize {
    let mut breaks = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                breaks += 1;
                i += 1;
            }
            b'\r' | b'\n' => breaks += 1,
            _ => {}
        }
        i += 1;
    }
    breaks + 1
}

/// `read_page` on one file's bytes.
pub fn check_read_page(site: &Site, file: &PageFile, bytes: &[u8]) -> Result<(), String> {
    match annals_grav::read_page(site, file, bytes, None, now()) {
        Ok(Outcome::Post(post)) => {
            if !post.route.starts_with('/') || !post.url.starts_with('/') {
                return Err(format!("route {:?} / url {:?} do not start with `/`", post.route, post.url));
            }
            if post.lang.is_empty() {
                return Err("empty language".into());
            }
            Ok(())
        }
        Ok(Outcome::Skipped(reason)) => {
            if reason.is_empty() {
                return Err("skipped without a reason".into());
            }
            Ok(())
        }
        Err(e) => {
            if e.path != file.path {
                return Err(format!("error names {} instead of {}", e.path.display(), file.path.display()));
            }
            if let Some(line) = e.line {
                let lines = line_count(bytes);
                if line == 0 || line > lines {
                    return Err(format!(
                        "error line {line} is outside the file's {lines} lines: {}",
                        e.message
                    ));
                }
            }
            if e.message.is_empty() {
                return Err("error without a message".into());
            }
            Ok(())
        }
    }
}

/// `parse_grav_date` on any input: only "no panic" (and a value is a real instant).
pub fn check_grav_date(s: &str, format: Option<&str>, tz: &jiff::tz::TimeZone) -> Result<(), String> {
    if let Ok(z) = annals_grav::parse_grav_date(s, format, tz) {
        // Formatting must work for every value the parser returns (the index stores RFC 3339).
        let _ = z.timestamp().to_string();
    }
    Ok(())
}

/// A well-formed date written as `text` (in one of Grav's usual shapes) must read back as
/// `want` to the minute, in the zone `tz` (use a zone without DST gaps: UTC or a fixed offset).
pub fn check_grav_date_exact(
    text: &str,
    format: Option<&str>,
    tz: &jiff::tz::TimeZone,
    want: jiff::civil::DateTime,
) -> Result<(), String> {
    let got = annals_grav::parse_grav_date(text, format, tz)
        .map_err(|e| format!("{text:?} (format {format:?}) was not read: {e}"))?
        .datetime();
    let minute = |d: jiff::civil::DateTime| (d.date(), d.hour(), d.minute());
    if minute(got) != minute(want) {
        return Err(format!("{text:?} (format {format:?}) read as {got}, expected {want}"));
    }
    Ok(())
}

/// `extract` on one text.
pub fn check_extract(text: &str, lang: &str, dct: Option<Date>) -> Result<(), String> {
    let x = annals_extract::extract(text, lang, dct);
    let chars: Vec<char> = text.chars().collect();
    let spans = x
        .persons
        .iter()
        .map(|p| ("person", p.start, p.end, &p.text))
        .chain(x.dates.iter().map(|d| ("date", d.start, d.end, &d.text)));
    for (kind, start, end, said) in spans {
        if start > end || end > chars.len() {
            return Err(format!("{kind} {said:?}: offsets {start}..{end} outside 0..{}", chars.len()));
        }
        let slice: String = chars[start..end].iter().collect();
        if &slice != said {
            return Err(format!("{kind} {said:?}: text at {start}..{end} is {slice:?}"));
        }
    }
    for p in &x.persons {
        if p.key.is_empty() || p.name.is_empty() {
            return Err(format!("person {:?} has key {:?} and name {:?}", p.text, p.key, p.name));
        }
    }
    for d in &x.dates {
        if !d.value.is_empty() {
            iso_value(&d.value).map_err(|e| format!("date {:?}: value {:?}: {e}", d.text, d.value))?;
        }
    }
    Ok(())
}

/// First and last day of an ISO value (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `A/B`).
pub fn iso_value(v: &str) -> Result<(Date, Date), String> {
    if let Some((a, b)) = v.split_once('/') {
        let (a0, a1) = iso_single(a)?;
        let (b0, b1) = iso_single(b)?;
        if a0 > b0 || a1 > b1 {
            return Err(format!("range starts after it ends ({a} > {b})"));
        }
        return Ok((a0, b1));
    }
    iso_single(v)
}

fn iso_single(v: &str) -> Result<(Date, Date), String> {
    let num = |s: &str, len: usize| -> Result<i16, String> {
        if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse().map_err(|_| format!("`{s}` is not a number"))
        } else {
            Err(format!("`{s}` is not {len} digits"))
        }
    };
    let parts: Vec<&str> = v.split('-').collect();
    let y = num(parts[0], 4)?;
    let bad = |e: jiff::Error| e.to_string();
    match parts.len() {
        1 => Ok((Date::new(y, 1, 1).map_err(bad)?, Date::new(y, 12, 31).map_err(bad)?)),
        2 => {
            let m = num(parts[1], 2)? as i8;
            let first = Date::new(y, m, 1).map_err(bad)?;
            Ok((first, first.last_of_month()))
        }
        3 => {
            let d = Date::new(y, num(parts[1], 2)? as i8, num(parts[2], 2)? as i8).map_err(bad)?;
            Ok((d, d))
        }
        _ => Err("too many parts".into()),
    }
}

/// Facets the HTTP layer offers (`/api/facets/{facet}`).
pub use annals_engine::facets::NAMES as FACETS;

/// Every engine call an HTTP route makes, with the parameters `pairs` (as a query string
/// would give them).
pub fn check_engine(engine: &Engine, pairs: &[(String, String)]) -> Result<(), String> {
    for (k, v) in pairs {
        if k == "q" || k == "query" {
            // The parser cannot fail: only that it returns is checked.
            let _ = annals_engine::query::parse(v);
        }
    }
    let req = match SearchRequest::from_params(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))) {
        Ok(r) => r,
        Err(e) => {
            if !pairs.iter().any(|(k, _)| *k == e.parameter) {
                return Err(format!("error names parameter {:?}, which was not given: {e}", e.parameter));
            }
            return Ok(());
        }
    };
    let res = engine.search(&req).map_err(|e| format!("search failed: {e} ({e:?})"))?;
    if res.hits.len() > req.per_page {
        return Err(format!("{} hits on a page of {}", res.hits.len(), req.per_page));
    }
    if res.hits.len() > res.total {
        return Err(format!("{} hits but total {}", res.hits.len(), res.total));
    }
    serde_json::to_string(&res).map_err(|e| format!("response does not serialise: {e}"))?;
    let seed = req.q.bytes().fold(0usize, |h, b| h.wrapping_mul(31).wrapping_add(b as usize));
    let limit = 1 + seed % 20;
    let s = engine.suggest(&req.q, req.lang.as_deref(), limit).map_err(|e| format!("suggest failed: {e}"))?;
    serde_json::to_string(&s).map_err(|e| format!("suggestions do not serialise: {e}"))?;
    let facet = FACETS[seed % FACETS.len()];
    let typed = annals_engine::request::clip(&req.q, 200);
    let f = engine.facet_search(facet, typed, &req).map_err(|e| format!("facet values failed: {e}"))?;
    serde_json::to_string(&f).map_err(|e| format!("facet values do not serialise: {e}"))?;
    let t = engine.timeline(&req).map_err(|e| format!("timeline failed: {e}"))?;
    serde_json::to_string(&t).map_err(|e| format!("timeline does not serialise: {e}"))?;
    let id = annals_engine::request::clip(&req.q, 2048);
    engine.post(id).map_err(|e| format!("post failed: {e}"))?;
    // The people directory and a person's page, by what was typed and by a key it found.
    let people_req = annals_engine::PeopleRequest {
        q: req.q.clone(),
        lang: req.lang.clone(),
        page: req.page,
        per_page: req.per_page,
    };
    let people = engine.people(&people_req).map_err(|e| format!("people failed: {e}"))?;
    if people.people.len() > req.per_page || people.people.len() > people.total {
        return Err(format!(
            "{} people on a page of {} (total {})",
            people.people.len(),
            req.per_page,
            people.total
        ));
    }
    let key = people.people.first().map_or(typed, |p| p.key.as_str());
    if let Some(page) = engine.person(key, &people_req).map_err(|e| format!("person failed: {e}"))? {
        if page.posts.hits.len() > req.per_page {
            return Err(format!("{} posts on a person's page of {}", page.posts.hits.len(), req.per_page));
        }
        serde_json::to_string(&page).map_err(|e| format!("a person's page does not serialise: {e}"))?;
    }
    Ok(())
}

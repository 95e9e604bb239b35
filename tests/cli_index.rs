//! `annals index`: the JSON report, incremental runs, and the shapes of content folder.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::fixtures::{archive, rule, rules};
use crate::util::{
    TempContent, TestCommand, count, hit_strs, hits, index_json, report_total, search_json, show_hits,
};

fn post(title: &str, date: &str, body: &str) -> String {
    format!("---\ntitle: '{title}'\ndate: '{date}'\n---\n\n{body}\n")
}

#[test]
fn index_report_accounts_for_every_page_file_exactly_once() {
    for fx in [archive(), rules()] {
        let r = &fx.report;
        assert_eq!(
            report_total(r) as usize,
            fx.md_files,
            "indexed + unchanged + skipped + errors must equal the {} .md files written\nreport: {r}\nfiles:\n{}",
            fx.md_files,
            fx.dir.listing()
        );
        assert!(count(r, "indexed") > 0, "nothing indexed: {r}");
        assert_eq!(count(r, "removed"), 0, "first run removed documents: {r}");
        let mut seen = BTreeSet::new();
        for e in r["skipped"].as_array().unwrap().iter().chain(r["errors"].as_array().unwrap()) {
            let p = e["path"].as_str().unwrap();
            assert!(seen.insert(p.to_owned()), "{p} is reported twice: {r}");
        }
    }
}

#[test]
fn index_report_paths_are_relative_to_the_content_root() {
    let r = &rules().report;
    let errors: Vec<&str> =
        r["errors"].as_array().unwrap().iter().filter_map(|e| e["path"].as_str()).collect();
    assert!(
        errors.contains(&rule::BROKEN_YAML),
        "expected error path {:?} exactly, got {errors:?}",
        rule::BROKEN_YAML
    );
    let skipped: Vec<&str> =
        r["skipped"].as_array().unwrap().iter().filter_map(|e| e["path"].as_str()).collect();
    assert!(
        skipped.contains(&rule::UNPUBLISHED),
        "expected skipped path {:?} exactly, got {skipped:?}",
        rule::UNPUBLISHED
    );
    for p in errors.iter().chain(&skipped) {
        assert!(
            !p.starts_with('/') && !p.contains('\\') && !p.contains(".."),
            "path {p:?} is not relative with `/`"
        );
        assert!(rules().content.join(p).is_file(), "{p:?} is not a file below the content root");
    }
}

#[test]
fn index_exits_zero_when_some_pages_fail_and_one_with_strict() {
    let dir = TempContent::new();
    dir.create(
        "user/pages/01.news/2019-01-01-good/item.md",
        &post("Good", "01-01-2019 10:00", "A fine post."),
    );
    dir.create(
        "user/pages/01.news/2019-01-02-bad/item.md",
        "---\ntitle: 'Bad'\ndate: 'x'\n  oops: [\n---\n\nBroken.\n",
    );
    let report = index_json(&dir.join("user"), &dir.join("index"), &[]);
    assert_eq!(count(&report, "indexed"), 1, "{report}");
    assert_eq!(report["errors"].as_array().unwrap().len(), 1, "{report}");
    let strict = TestCommand::new(["index", "--json", "--strict", "--full", "--content"])
        .arg(dir.join("user"))
        .arg("--index")
        .arg(dir.join("index"))
        .output();
    assert_eq!(
        strict.status.code(),
        Some(1),
        "--strict with a broken page must exit 1\n{}",
        strict.details()
    );
}

#[test]
fn index_of_a_missing_content_folder_exits_2() {
    let dir = TempContent::new();
    let out = TestCommand::new(["index", "--json", "--content"])
        .arg(dir.join("nowhere"))
        .arg("--index")
        .arg(dir.join("index"))
        .output();
    assert_eq!(out.status.code(), Some(2), "{}", out.details());
    assert!(!out.stderr.trim().is_empty(), "a fatal error must say why\n{}", out.details());
}

/// Three posts in a `user/` folder; returns the folder.
fn small_site() -> TempContent {
    let dir = TempContent::new();
    dir.create(
        "user/pages/01.news/2019-01-01-alpha/item.md",
        &post("Alpha", "01-01-2019 10:00", "The alpha post about walruses."),
    );
    dir.create(
        "user/pages/01.news/2019-01-02-beta/item.md",
        &post("Beta", "02-01-2019 10:00", "The beta post about zebras."),
    );
    dir.create(
        "user/pages/01.news/2019-01-03-gamma/item.md",
        &post("Gamma", "03-01-2019 10:00", "The gamma post about yaks."),
    );
    dir
}

fn run(dir: &TempContent, extra: &[&str]) -> Value {
    index_json(&dir.join("user"), &dir.join("index"), extra)
}

fn counts(r: &Value) -> (u64, u64, u64, usize, usize) {
    (
        count(r, "indexed"),
        count(r, "unchanged"),
        count(r, "removed"),
        r["skipped"].as_array().map_or(0, Vec::len),
        r["errors"].as_array().map_or(0, Vec::len),
    )
}

#[test]
fn second_index_run_reports_every_file_unchanged() {
    let dir = small_site();
    let first = run(&dir, &[]);
    assert_eq!(counts(&first), (3, 0, 0, 0, 0), "first run: {first}");
    let second = run(&dir, &[]);
    assert_eq!(counts(&second), (0, 3, 0, 0, 0), "second run: {second}");
}

#[test]
fn changing_one_file_reindexes_only_that_file() {
    let dir = small_site();
    run(&dir, &[]);
    dir.create(
        "user/pages/01.news/2019-01-02-beta/item.md",
        &post("Beta", "02-01-2019 10:00", "The beta post now tells of giraffes."),
    );
    let second = run(&dir, &[]);
    assert_eq!(counts(&second), (1, 2, 0, 0, 0), "after changing one file: {second}");
    let found = search_json(&dir.join("index"), "giraffes", &[]);
    assert_eq!(hit_strs(&found, "title"), ["Beta"], "the new text must be searchable: {}", show_hits(&found));
    let old = search_json(&dir.join("index"), "zebras", &[]);
    assert!(hits(&old).is_empty(), "the old text must be gone: {}", show_hits(&old));
    let all = search_json(&dir.join("index"), "", &[]);
    assert_eq!(all["total"], 3, "still three posts: {}", show_hits(&all));
}

#[test]
fn deleting_one_file_removes_its_document() {
    let dir = small_site();
    run(&dir, &[]);
    dir.remove("user/pages/01.news/2019-01-03-gamma/item.md");
    let second = run(&dir, &[]);
    assert_eq!(counts(&second), (0, 2, 1, 0, 0), "after deleting one file: {second}");
    let gone = search_json(&dir.join("index"), "yaks", &[]);
    assert!(hits(&gone).is_empty(), "a deleted post must not be found: {}", show_hits(&gone));
    let all = search_json(&dir.join("index"), "", &[]);
    assert_eq!(all["total"], 2, "{}", show_hits(&all));
}

#[test]
fn full_flag_reindexes_every_file() {
    let dir = small_site();
    run(&dir, &[]);
    let full = run(&dir, &["--full"]);
    assert_eq!(counts(&full), (3, 0, 0, 0, 0), "--full: {full}");
    let all = search_json(&dir.join("index"), "", &[]);
    assert_eq!(all["total"], 3, "no duplicates after --full: {}", show_hits(&all));
}

#[test]
fn content_may_be_a_grav_user_folder() {
    let fx = archive();
    let r = &fx.report;
    assert!(count(r, "indexed") >= 11, "the archive's 11 news files should be indexed: {r}");
    assert!(r["errors"].as_array().unwrap().is_empty(), "no errors expected: {r}");
    let all = search_json(&fx.index, "", &["--limit", "100"]);
    for p in hit_strs(&all, "path") {
        assert!(p.starts_with("pages/02.news/"), "path {p:?} should be relative to the user/ folder");
    }
}

#[test]
fn content_may_be_a_bare_pages_folder() {
    let dir = TempContent::new();
    dir.create(
        "pages/01.news/2019-05-05-bare/item.md",
        &post("Bare pages post", "05-05-2019 10:00", "Found in a bare pages folder."),
    );
    dir.create(
        "pages/01.news/2019-05-06-bare-two/item.md",
        &post("Second bare post", "06-05-2019 10:00", "Another one."),
    );
    let r = index_json(&dir.join("pages"), &dir.join("index"), &[]);
    assert_eq!(counts(&r), (2, 0, 0, 0, 0), "{r}");
    let res = search_json(&dir.join("index"), "", &[]);
    let mut paths = hit_strs(&res, "path");
    paths.sort();
    assert_eq!(
        paths,
        ["01.news/2019-05-05-bare/item.md", "01.news/2019-05-06-bare-two/item.md"],
        "{}",
        show_hits(&res)
    );
    let mut urls = hit_strs(&res, "url");
    urls.sort();
    assert_eq!(urls, ["/news/2019-05-05-bare", "/news/2019-05-06-bare-two"], "{}", show_hits(&res));
}

#[test]
fn content_may_hold_several_sites_whose_ids_never_collide() {
    let dir = TempContent::new();
    let page =
        post("Same page everywhere", "07-07-2019 10:00", "Identical text in two sites about capybaras.");
    dir.create("root/siteA/user/pages/01.news/2019-07-07-same/item.md", &page);
    dir.system_yaml("root/siteA/user", "timezone: UTC\n");
    dir.create("root/siteB/pages/01.news/2019-07-07-same/item.md", &page);
    let r = index_json(&dir.join("root"), &dir.join("index"), &[]);
    assert_eq!(counts(&r), (2, 0, 0, 0, 0), "both sites' pages must be indexed: {r}");
    let res = search_json(&dir.join("index"), "capybaras", &[]);
    let ids = hit_strs(&res, "id");
    assert_eq!(ids.len(), 2, "one hit per site: {}", show_hits(&res));
    assert_ne!(ids[0], ids[1], "ids must differ: {}", show_hits(&res));
    assert!(
        ids.iter().any(|i| i.contains("siteA")) && ids.iter().any(|i| i.contains("siteB")),
        "ids must name their site: {ids:?}"
    );
    let mut paths = hit_strs(&res, "path");
    paths.sort();
    assert_eq!(
        paths,
        ["siteA/user/pages/01.news/2019-07-07-same/item.md", "siteB/pages/01.news/2019-07-07-same/item.md"],
        "paths relative to the content root"
    );
}

#[test]
fn index_survives_years_outside_the_range_of_index_dates() {
    // Years before 1678 or after 2261 do not fit a nanosecond timestamp; found in real
    // pages (product numbers, history) they must not crash a run.
    let dir = TempContent::new();
    dir.create(
        "user/pages/01.news/2019-04-04-history/item.md",
        &post(
            "Monastery history",
            "04-04-2019 10:00",
            "The monastery on the mountain road was founded in 1034 and rebuilt in 1500–1509. \
             The plan for the valley runs until 2300, and the archive keeps a letter dated 9999.",
        ),
    );
    let r = index_json(&dir.join("user"), &dir.join("index"), &[]);
    assert_eq!(counts(&r), (1, 0, 0, 0, 0), "{r}");
    let res = search_json(&dir.join("index"), "monastery", &[]);
    assert_eq!(hit_strs(&res, "title"), ["Monastery history"], "{}", show_hits(&res));
}

#[test]
fn event_dates_are_iso_values_never_empty() {
    let dir = TempContent::new();
    dir.create(
        "user/pages/01.news/2020-02-01-course/item.md",
        &post(
            "Course registration",
            "01-02-2020 10:00",
            "Registration for the course is open now. The course starts on 5 March 2020 and ends in April.",
        ),
    );
    index_json(&dir.join("user"), &dir.join("index"), &[]);
    let res = search_json(&dir.join("index"), "registration", &[]);
    let h = hits(&res).first().unwrap_or_else(|| panic!("{}", show_hits(&res)));
    let events: Vec<&str> =
        h["event_dates"].as_array().unwrap().iter().map(|e| e.as_str().unwrap_or("")).collect();
    assert!(events.contains(&"2020-03-05"), "`5 March 2020` is an event date: {events:?}");
    for e in &events {
        assert!(is_iso_value(e), "event date {e:?} is not an ISO date, month, year or range: {events:?}");
    }
}

/// `2019`, `2019-07`, `2019-07-20`, or two of them joined by `/`.
fn is_iso_value(s: &str) -> bool {
    fn one(s: &str) -> bool {
        let parts: Vec<&str> = s.split('-').collect();
        let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
        matches!(lens.as_slice(), [4] | [4, 2] | [4, 2, 2])
            && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    }
    match s.split_once('/') {
        Some((a, b)) => one(a) && one(b),
        None => one(s),
    }
}

/// The warnings of the rules site's report: `(path, line, message)`.
fn warnings(report: &Value) -> Vec<(String, Option<u64>, String)> {
    let list =
        report["warnings"].as_array().unwrap_or_else(|| panic!("no `warnings` list in the report: {report}"));
    list.iter()
        .map(|w| {
            let path = w["path"].as_str().unwrap_or_else(|| panic!("warning without a path: {w}"));
            let message = w["message"].as_str().unwrap_or_else(|| panic!("warning without a message: {w}"));
            (path.to_owned(), w["line"].as_u64(), message.to_owned())
        })
        .collect()
}

#[test]
fn index_report_lists_warnings_with_path_line_and_message() {
    let r = &rules().report;
    let found = warnings(r);
    // `date: '31-02-2019'` (line 3) is no date: the page is indexed with another one
    let bad_date = found.iter().find(|w| w.0 == rule::BAD_DATE).unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(bad_date.1, Some(3), "{bad_date:?}");
    assert!(bad_date.2.contains("31-02-2019") && bad_date.2.contains("using another date"), "{bad_date:?}");
    // `title: Batman: Arkham Asylum` (line 2) needed Grav's lenient reading
    let colon = found.iter().find(|w| w.0 == rule::COLON_TITLE).unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(colon.1, Some(2), "{colon:?}");
    assert!(colon.2.contains("leniently"), "{colon:?}");
    // a clean page has none
    assert!(!found.iter().any(|w| w.0 == rule::SLUG), "{found:?}");
}

#[test]
fn index_prints_warnings_on_stderr_and_counts_them() {
    let dir = TempContent::new();
    let out = TestCommand::new(["index", "--content"])
        .arg(&rules().content)
        .arg("--index")
        .arg(dir.join("index"))
        .run_ok();
    let line = format!("warning: {}:3: date: `31-02-2019`", rule::BAD_DATE);
    assert!(out.stderr.contains(&line), "expected {line:?} on stderr\n{}", out.details());
    let n = warnings(&rules().report).len();
    assert!(
        n >= 2 && out.stdout.contains(&format!(", {n} warnings;")),
        "expected {n} warnings\n{}",
        out.details()
    );
}

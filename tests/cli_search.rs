//! `annals search`: the JSON shape, human output, limits and languages.

use crate::fixtures::{archive, archive_server, post};
use crate::util::{TestCommand, assert_rfc3339_offset, has_path, hit_by_path, hits, search_json, show_hits};

#[test]
fn search_json_has_the_contract_shape() {
    let res = search_json(&archive().index, "hematology", &[]);
    assert!(res["total"].is_u64(), "total: {res}");
    assert!(!hits(&res).is_empty(), "`hematology` must find the forum: {res}");
    assert!(res["total"].as_u64().unwrap() as usize >= hits(&res).len());
    for h in hits(&res) {
        for key in ["id", "url", "path", "title", "lang", "published", "snippet"] {
            assert!(h[key].is_string(), "hit field `{key}` must be a string: {h}");
        }
        assert!(h["score"].is_number(), "hit field `score` must be a number: {h}");
        assert!(h["url"].as_str().unwrap().starts_with('/'), "url is a path: {h}");
        assert_rfc3339_offset(h["published"].as_str().unwrap());
    }
}

#[test]
fn search_publishes_times_with_the_site_offset() {
    let res = search_json(&archive().index, "Silk Road Central Asia Hematology Forum", &["--lang", "en"]);
    let h = hit_by_path(&res, &format!("{}item.en.md", post::SILK_ROAD))
        .unwrap_or_else(|| panic!("{}", show_hits(&res)));
    assert_eq!(h["published"], "2019-07-22T10:00:00+06:00", "'22-07-2019 10:00' in Asia/Almaty: {h}");
    assert_eq!(h["url"], "/en/news/2019-07-22-silk-road-forum", "{h}");
    assert_eq!(h["lang"], "en");
    assert_eq!(h["title"], "2019 Silk Road Central Asia Hematology Forum");
}

#[test]
fn search_prints_a_readable_listing_by_default() {
    let out = TestCommand::new(["search", "--index"]).arg(&archive().index).args(["--", "myeloma"]).run_ok();
    assert!(!out.stdout.trim().is_empty(), "{}", out.details());
    assert!(
        out.stdout.contains("Patient school on multiple myeloma"),
        "the title must be shown\n{}",
        out.details()
    );
    assert!(
        serde_json::from_str::<serde_json::Value>(out.stdout.trim()).is_err(),
        "the default output is not JSON"
    );
}

#[test]
fn search_limit_caps_the_number_of_hits() {
    let all = search_json(&archive().index, "", &["--limit", "100"]);
    assert!(all["total"].as_u64().unwrap() >= 9, "{}", show_hits(&all));
    let two = search_json(&archive().index, "", &["--limit", "2"]);
    assert_eq!(hits(&two).len(), 2, "{}", show_hits(&two));
    assert_eq!(two["total"], all["total"], "the total does not depend on the limit");
}

#[test]
fn search_lang_answers_only_in_that_language() {
    for lang in ["ru", "kk", "en"] {
        let res = search_json(&archive().index, "", &["--lang", lang, "--limit", "100"]);
        assert!(!hits(&res).is_empty(), "lang {lang}: {}", show_hits(&res));
        for h in hits(&res) {
            assert_eq!(h["lang"], lang, "lang {lang}: {}", show_hits(&res));
            assert!(h["url"].as_str().unwrap().starts_with(&format!("/{lang}/")), "{h}");
        }
    }
    let ru = search_json(&archive().index, "", &["--lang", "ru", "--limit", "100"]);
    assert!(has_path(&ru, post::LECTURE_RU) && has_path(&ru, post::CONFERENCE_RU), "{}", show_hits(&ru));
    assert!(!has_path(&ru, post::MYELOMA), "an en-only post has no ru version: {}", show_hits(&ru));
}

#[test]
fn search_survives_hostile_queries_on_the_command_line() {
    for q in ["\"unbalanced", "OR OR -", "title:foo", "-", "((", "\u{1F9EA}\u{1FA78}", "שלום עולם", "مرحبا"]
    {
        let res = search_json(&archive().index, q, &[]);
        assert!(res["total"].is_u64() && res["hits"].is_array(), "query {q:?}: {res}");
    }
}

#[test]
fn search_with_a_bad_date_exits_2_naming_the_flag() {
    let out = TestCommand::new(["search", "--json", "--from", "2019-02-30", "--index"])
        .arg(&archive().index)
        .arg("x")
        .output();
    assert_eq!(out.status.code(), Some(2), "{}", out.details());
    assert!(out.stderr.contains("from"), "the message must name the flag\n{}", out.details());
}

#[test]
fn search_command_and_api_give_the_same_answer() {
    let server = archive_server();
    for (q, lang) in
        [("hematology", ""), ("Pivovarova", ""), ("vaccination", "en"), ("", "ru"), ("конференции", "ru")]
    {
        let mut extra = vec!["--limit", "10"];
        if !lang.is_empty() {
            extra.extend(["--lang", lang]);
        }
        let cli = search_json(&archive().index, q, &extra);
        let api = server.search(&[("q", q), ("lang", lang), ("per_page", "10")]);
        assert_eq!(
            cli["total"],
            api["total"],
            "q={q:?} lang={lang:?}\ncli: {}\napi: {}",
            show_hits(&cli),
            show_hits(&api)
        );
        let keys = |v: &serde_json::Value| {
            v.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()).unwrap_or_default()
        };
        assert_eq!(keys(&cli), keys(&api), "same top-level fields");
        let summary = |v: &serde_json::Value| {
            hits(v)
                .iter()
                .map(|h| (h["id"].clone(), h["url"].clone(), h["title"].clone(), h["lang"].clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(summary(&cli), summary(&api), "q={q:?} lang={lang:?}");
        if let (Some(a), Some(b)) = (hits(&cli).first(), hits(&api).first()) {
            assert_eq!(keys(a), keys(b), "same hit fields");
        }
    }
}

#[test]
fn search_writes_nothing_on_stderr_unless_asked() {
    // each run is a fresh process: its first search also loads the catalog, which is logged
    for extra in [&["--json"][..], &[]] {
        let out = TestCommand::new(["search", "--index"])
            .arg(&archive().index)
            .args(extra)
            .args(["--", "hematology"])
            .run_ok();
        assert!(!out.stdout.is_empty(), "{}", out.details());
        assert!(out.stderr.is_empty(), "`annals search` must be quiet on stderr\n{}", out.details());
    }
    let verbose =
        TestCommand::new(["search", "-v", "--index"]).arg(&archive().index).arg("hematology").run_ok();
    assert!(!verbose.stderr.trim().is_empty(), "`-v` logs what the search did\n{}", verbose.details());
}

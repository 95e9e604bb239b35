//! `annals serve`: the JSON API over the multilingual archive.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::fixtures::{archive, archive_server, post};
use crate::util::{TestCommand, TestServer, enc, has_path, hit_by_path, hits, instant, qs, show_hits};

/// The page folders (`01.2019-07-22-silk-road-forum/`) of the hits, or the file name for
/// pages directly in `02.news/`.
fn folders(res: &Value) -> BTreeSet<String> {
    hits(res)
        .iter()
        .filter_map(|h| h["path"].as_str())
        .map(|p| {
            let rest = p.split("02.news/").nth(1).unwrap_or(p);
            match rest.split_once('/') {
                Some((folder, _)) => format!("{folder}/"),
                None => rest.to_owned(),
            }
        })
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn error_of(body: &Value) -> (&str, &str, &str) {
    let e = &body["error"];
    (
        e["code"].as_str().unwrap_or(""),
        e["message"].as_str().unwrap_or(""),
        e["parameter"].as_str().unwrap_or(""),
    )
}

/// The `person` facet value of Irina Pivovarova.
fn pivovarova_key(server: &TestServer) -> String {
    let res = server.search(&[("q", "Pivovarova"), ("per_page", "1")]);
    let values = res["facets"]["person"].as_array().unwrap_or_else(|| panic!("no person facet: {res}"));
    values
        .iter()
        .find(|v| {
            let label = v["label"].as_str().unwrap_or("").to_lowercase();
            label.contains("pivovar") || label.contains("пивовар")
        })
        .and_then(|v| v["value"].as_str())
        .unwrap_or_else(|| panic!("Pivovarova is not in the person facet: {values:?}"))
        .to_owned()
}

#[test]
fn healthz_answers_200() {
    let server = archive_server();
    server.get("/healthz").expect(200);
}

#[test]
fn quoted_phrase_matches_adjacent_words_only() {
    let server = archive_server();
    let res = server.search(&[("q", "\"silk road\"")]);
    assert!(has_path(&res, post::SILK_ROAD), "the forum says `Silk Road`: {}", show_hits(&res));
    assert!(!has_path(&res, post::ROAD_TRIP), "`silk` and `road` apart are no phrase: {}", show_hits(&res));
}

#[test]
fn minus_excludes_posts_with_the_word() {
    let server = archive_server();
    let res = server.search(&[("q", "vaccination -covid")]);
    assert!(has_path(&res, post::VACCINE_FLU), "{}", show_hits(&res));
    assert!(!has_path(&res, post::VACCINE_COVID), "-covid must exclude the covid post: {}", show_hits(&res));
}

#[test]
fn minus_excludes_posts_with_the_phrase() {
    let server = archive_server();
    // English versions: the Russian one says «Шёлковый путь».
    let all = server.search(&[("q", "forum"), ("lang", "en")]);
    assert!(has_path(&all, post::SILK_ROAD), "{}", show_hits(&all));
    let res = server.search(&[("q", "forum -\"silk road\""), ("lang", "en")]);
    assert!(!has_path(&res, post::SILK_ROAD), "-\"silk road\" must exclude the forum: {}", show_hits(&res));
    // Apart, the words are no phrase: the road trip post stays.
    let trip = server.search(&[("q", "road -\"silk road\""), ("lang", "en")]);
    assert!(has_path(&trip, post::ROAD_TRIP), "{}", show_hits(&trip));
}

#[test]
fn or_matches_either_word() {
    let server = archive_server();
    let res = server.search(&[("q", "myeloma OR leukemia")]);
    assert!(has_path(&res, post::MYELOMA) && has_path(&res, post::LEUKEMIA), "{}", show_hits(&res));
}

#[test]
fn hostile_queries_answer_200_with_json() {
    let server = archive_server();
    let mut raw: Vec<String> = [
        "\"unbalanced",
        "\"\"\"",
        "OR OR -",
        "title:foo",
        "AND",
        "NOT x",
        "-",
        "--",
        "+",
        "*",
        "?",
        "~2",
        "^",
        "(((",
        ")",
        "[",
        "{",
        "\\",
        "::",
        "a -",
        "- -a",
        "-OR",
        "silk\"road",
        "\u{1F9EA}\u{1FA78}\u{1F3E5}",
        "שלום עולם",
        "مرحبا بالعالم",
        "\u{202E}evil\u{202C}",
        "\u{feff}",
        "   ",
    ]
    .iter()
    .map(|q| format!("q={}", enc(q)))
    .collect();
    raw.push(format!("q={}", enc(&"hematology ".repeat(1000))));
    raw.push(format!("q={}", "a".repeat(10 * 1024)));
    raw.push(format!("q={}", enc(&(0..1500).map(|i| format!("w{i}")).collect::<Vec<_>>().join(" "))));
    raw.push(format!("q={}", enc(&"ж".repeat(5000))));
    raw.extend(
        ["q=%00", "q=foo%00bar", "q=%FF%FE", "q=%", "q=%zz", "q=&q=", "q", "q=%22&lang=kk"].map(String::from),
    );
    for query in raw {
        let r = server.get(&format!("/api/search?{query}"));
        let short: String = query.chars().take(60).collect();
        assert_eq!(r.status, 200, "query {short:?}: {}", crate::util::clip(&r.body));
        let body = r.json();
        assert!(body["total"].is_u64() && body["hits"].is_array(), "query {short:?}: {body}");
    }
}

#[test]
fn bad_parameters_answer_400_never_5xx() {
    let server = archive_server();
    for (query, parameter) in [
        ("q=x&per_page=1000", "per_page"),
        ("q=x&from=2019-02-30", "from"),
        ("q=x&page=0", "page"),
        ("q=x&sort=best", "sort"),
        ("q=x&year=19", "year"),
        ("q=x&lang=..%2Fx", "lang"),
        ("q=x&from=2020&to=2019", "from"),
    ] {
        let r = server.get(&format!("/api/search?{query}"));
        assert_eq!(r.status, 400, "{query}: {}", r.body);
        let body = r.json();
        let (code, message, param) = error_of(&body);
        assert!(!code.is_empty() && !message.is_empty(), "{query}: error needs code and message: {body}");
        assert_eq!(param, parameter, "{query}: {body}");
    }
}

#[test]
fn per_page_1000_is_rejected_naming_per_page() {
    let server = archive_server();
    let r = server.get("/api/search?q=forum&per_page=1000");
    r.expect(400);
    let body = r.json();
    assert_eq!(error_of(&body).2, "per_page", "{body}");
}

#[test]
fn impossible_from_date_is_rejected_naming_from() {
    let server = archive_server();
    let r = server.get("/api/search?from=2019-02-30");
    r.expect(400);
    let body = r.json();
    assert_eq!(error_of(&body).2, "from", "{body}");
}

#[test]
fn typos_are_tolerated() {
    let server = archive_server();
    let res = server.search(&[("q", "hematolgy")]);
    assert!(has_path(&res, post::SILK_ROAD), "`hematolgy` must find `hematology`: {}", show_hits(&res));
    let res = server.search(&[("q", "конференцыя")]);
    assert!(
        has_path(&res, post::CONFERENCE_RU),
        "`конференцыя` must find `конференция`: {}",
        show_hits(&res)
    );
}

#[test]
fn last_word_matches_as_a_prefix() {
    let server = archive_server();
    let res = server.search(&[("q", "гематол")]);
    assert!(has_path(&res, post::CONFERENCE_RU), "`гематол` must find `гематология`: {}", show_hits(&res));
}

#[test]
fn russian_words_are_stemmed() {
    let server = archive_server();
    let res = server.search(&[("q", "конференции")]);
    assert!(
        has_path(&res, post::CONFERENCE_RU),
        "`конференции` must find `конференция`: {}",
        show_hits(&res)
    );
}

#[test]
fn latin_name_finds_a_post_written_in_cyrillic() {
    let server = archive_server();
    let res = server.search(&[("q", "Pivovarova")]);
    assert!(has_path(&res, post::LECTURE_RU), "only `Пивоварова` is written there: {}", show_hits(&res));
}

#[test]
fn kazakh_is_found_without_its_letters() {
    let server = archive_server();
    let res = server.search(&[("q", "кызылорда")]);
    assert!(has_path(&res, post::KYZYLORDA_KK), "`кызылорда` must find `Қызылорда`: {}", show_hits(&res));
}

#[test]
fn visitor_language_gets_its_version_with_translations() {
    let server = archive_server();
    // Only the ru version says `гаплоидентичная`; a kk visitor gets the kk version.
    let res = server.search(&[("q", "гаплоидентичная"), ("lang", "kk")]);
    let h = hit_by_path(&res, &format!("{}item.kk.md", post::SILK_ROAD))
        .unwrap_or_else(|| panic!("expected the kk version of the forum: {}", show_hits(&res)));
    assert_eq!(h["lang"], "kk");
    assert_eq!(h["url"], "/kk/news/2019-07-22-silk-road-forum");
    let translations = h["translations"].as_array().unwrap_or_else(|| panic!("no translations: {h}"));
    assert!(
        translations.iter().any(|t| t["lang"] == "ru" && t["url"] == "/ru/news/2019-07-22-silk-road-forum"),
        "translations must list the ru version: {translations:?}"
    );
    assert!(
        translations.iter().all(|t| t["lang"] != "kk"),
        "a version is not its own translation: {translations:?}"
    );
    for h in hits(&res) {
        assert_eq!(h["lang"], "kk", "{}", show_hits(&res));
    }
}

fn published(res: &Value) -> Vec<jiff::Timestamp> {
    hits(res).iter().map(|h| instant(h["published"].as_str().unwrap_or(""))).collect()
}

#[test]
fn empty_query_browses_newest_first() {
    let server = archive_server();
    let res = server.search(&[("q", ""), ("per_page", "100")]);
    assert!(hits(&res).len() >= 9, "{}", show_hits(&res));
    let times = published(&res);
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "not newest first: {}", show_hits(&res));
}

#[test]
fn sort_orders_by_publication() {
    let server = archive_server();
    let oldest = server.search(&[("q", ""), ("sort", "oldest"), ("per_page", "100")]);
    let times = published(&oldest);
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "not oldest first: {}", show_hits(&oldest));
    assert!(hits(&oldest)[0]["path"].as_str().unwrap().contains(post::SILK_ROAD), "{}", show_hits(&oldest));
    let newest = server.search(&[("q", "vaccination"), ("sort", "newest")]);
    let times = published(&newest);
    assert!(
        times.len() >= 2 && times.windows(2).all(|w| w[0] >= w[1]),
        "not newest first: {}",
        show_hits(&newest)
    );
}

#[test]
fn filters_narrow_the_results() {
    let server = archive_server();
    type Case = (Vec<(&'static str, &'static str)>, BTreeSet<String>);
    let cases: Vec<Case> = vec![
        (vec![("category", "forum")], set(&[post::SILK_ROAD])),
        (vec![("tag", "myeloma")], set(&[post::MYELOMA])),
        (vec![("tag", "vaccination")], set(&[post::VACCINE_COVID, post::VACCINE_FLU])),
        (vec![("year", "2019")], set(&[post::SILK_ROAD, post::CONFERENCE_RU])),
        (
            vec![("year", "2019"), ("year", "2020")],
            set(&[post::SILK_ROAD, post::CONFERENCE_RU, post::LECTURE_RU]),
        ),
        (vec![("month", "2019-07")], set(&[post::SILK_ROAD])),
        (
            vec![("from", "2021-01-01"), ("to", "2021-12-31")],
            set(&[post::KYZYLORDA_KK, post::VACCINE_COVID, post::VACCINE_FLU]),
        ),
        (vec![("from", "2022-05"), ("to", "2022-05")], set(&[post::ROAD_TRIP])),
        (vec![("lang", "kk"), ("year", "2021")], set(&[post::KYZYLORDA_KK])),
    ];
    for (params, expected) in cases {
        let mut pairs = vec![("q", ""), ("per_page", "100")];
        pairs.extend(params.iter().copied());
        let res = server.search(&pairs);
        assert_eq!(folders(&res), expected, "{params:?}: {}", show_hits(&res));
        assert_eq!(res["total"].as_u64(), Some(expected.len() as u64), "{params:?}: {}", show_hits(&res));
    }
}

#[test]
fn event_date_filters_find_what_happened_then() {
    let server = archive_server();
    let res = server.search(&[
        ("q", ""),
        ("event_from", "2019-07-20"),
        ("event_to", "2019-07-21"),
        ("per_page", "100"),
    ]);
    assert!(has_path(&res, post::SILK_ROAD), "the forum took place on July 20–21: {}", show_hits(&res));
    for p in [post::MYELOMA, post::LEUKEMIA, post::ROAD_TRIP, post::VACCINE_FLU] {
        assert!(!has_path(&res, p), "{p} tells of no event in July 2019: {}", show_hits(&res));
    }
    // The forum tells of July 2019 (and of the year 2019): nothing in 2020.
    let none = server.search(&[("q", ""), ("event_from", "2020-01-01"), ("event_to", "2020-12-31")]);
    assert!(!has_path(&none, post::SILK_ROAD), "the forum tells of no event in 2020: {}", show_hits(&none));
}

#[test]
fn person_filter_keeps_posts_naming_the_person() {
    let server = archive_server();
    let key = pivovarova_key(&server);
    let res = server.search(&[("q", ""), ("person", &key), ("per_page", "100")]);
    assert!(
        has_path(&res, post::SILK_ROAD) && has_path(&res, post::LECTURE_RU),
        "{key}: {}",
        show_hits(&res)
    );
    assert!(!has_path(&res, post::MYELOMA), "{key}: {}", show_hits(&res));
    for h in hits(&res) {
        let people = h["people"].as_array().unwrap_or_else(|| panic!("hit without people: {h}"));
        assert!(people.iter().any(|p| p["key"] == key.as_str()), "{key} not among {people:?}");
    }
}

#[test]
fn facet_counts_add_up_to_the_total() {
    let server = archive_server();
    for pairs in [
        vec![("q", "")],
        vec![("q", "vaccination")],
        vec![("q", "Pivovarova")],
        vec![("q", ""), ("lang", "ru")],
    ] {
        let res = server.search(&pairs);
        let total = res["total"].as_u64().unwrap();
        let years = res["facets"]["year"].as_array().unwrap_or_else(|| panic!("no year facet: {res}"));
        let sum: u64 = years.iter().map(|v| v["count"].as_u64().unwrap_or(0)).sum();
        assert_eq!(sum, total, "{pairs:?}: year counts {years:?} must add up to the total");
    }
    for lang in ["ru", "kk", "en"] {
        let res = server.search(&[("q", ""), ("lang", lang)]);
        let total = res["total"].as_u64().unwrap();
        let langs = res["facets"]["lang"].as_array().unwrap_or_else(|| panic!("no lang facet: {res}"));
        let chosen = langs.iter().find(|v| v["value"] == lang).and_then(|v| v["count"].as_u64());
        assert_eq!(chosen, Some(total), "lang={lang}: {langs:?}");
    }
}

#[test]
fn pages_split_the_results_without_overlap() {
    let server = archive_server();
    let all = server.search(&[("q", ""), ("per_page", "100")]);
    let all_ids: Vec<String> = hits(&all).iter().map(|h| h["id"].as_str().unwrap().to_owned()).collect();
    let mut paged = Vec::new();
    for page in 1..=10 {
        let p = page.to_string();
        let res = server.search(&[("q", ""), ("per_page", "3"), ("page", &p)]);
        assert_eq!(res["total"], all["total"], "page {page}");
        if hits(&res).is_empty() {
            break;
        }
        assert!(hits(&res).len() <= 3);
        paged.extend(hits(&res).iter().map(|h| h["id"].as_str().unwrap().to_owned()));
    }
    assert_eq!(paged, all_ids, "pages of 3 must list the same posts in the same order");
    let beyond = server.search(&[("q", ""), ("page", "999")]);
    assert!(hits(&beyond).is_empty(), "a page past the end is empty");
}

#[test]
fn post_route_answers_known_ids_and_404_otherwise() {
    let server = archive_server();
    let res = server.search(&[("q", "myeloma")]);
    let h = hit_by_path(&res, &format!("{}item.en.md", post::MYELOMA))
        .unwrap_or_else(|| panic!("{}", show_hits(&res)));
    let id = h["id"].as_str().unwrap();
    let r = server.get(&format!("/api/posts/{}", enc(id)));
    r.expect(200);
    let view = r.json();
    assert_eq!(view["id"], id);
    assert_eq!(view["title"], "Patient school on multiple myeloma");
    assert_eq!(view["url"], h["url"]);
    assert!(view["body"].as_str().unwrap_or("").contains("multiple myeloma was held"), "{view}");
    for path in [
        "/api/posts/no-such-post".to_owned(),
        format!("/api/posts/{}", enc(&format!("{id}-nope"))),
        "/api/posts/..%2F..%2Fetc%2Fpasswd".to_owned(),
        "/api/posts/%2e%2e/%2e%2e/etc/passwd".to_owned(),
        "/api/posts/%00".to_owned(),
    ] {
        let r = server.get(&path);
        assert_eq!(r.status, 404, "{path}: {}", r.body);
        let body = r.json();
        assert!(!error_of(&body).0.is_empty(), "{path}: a 404 says why in JSON: {body}");
        assert!(!r.body.contains("root:"), "{path} leaked a file");
    }
}

#[test]
fn unknown_routes_answer_404_json() {
    let server = archive_server();
    let r = server.get("/api/nothing-here");
    r.expect(404);
    assert!(!error_of(&r.json()).0.is_empty());
    server.get("/api/facets/nonsense").expect(404);
}

#[test]
fn suggest_offers_people_by_prefix() {
    let server = archive_server();
    let key = pivovarova_key(&server);
    let r = server.get("/api/suggest?q=piv");
    r.expect(200);
    let body = r.json();
    let suggestions = body["suggestions"].as_array().unwrap_or_else(|| panic!("{body}"));
    assert!(
        suggestions.iter().any(|s| s["kind"] == "person" && s["value"] == key.as_str()),
        "`piv` must suggest {key}: {suggestions:?}"
    );
}

#[test]
fn facet_values_can_be_searched_by_prefix() {
    let server = archive_server();
    let key = pivovarova_key(&server);
    for q in ["piv", "Пив"] {
        let r = server.get(&format!("/api/facets/person?{}", qs(&[("q", q)])));
        r.expect(200);
        let body = r.json();
        let values = body["values"].as_array().unwrap_or_else(|| panic!("{body}"));
        assert!(values.iter().any(|v| v["value"] == key.as_str()), "q={q}: {key} not in {values:?}");
        assert!(values.iter().all(|v| v["count"].as_u64().is_some_and(|c| c > 0)), "{values:?}");
    }
}

#[test]
fn events_timeline_lists_the_forum_of_july_2019() {
    let server = archive_server();
    let r = server.get("/api/events?from=2019-07&to=2019-07");
    r.expect(200);
    let body = r.json();
    let events = body["events"].as_array().unwrap_or_else(|| panic!("{body}"));
    let forum = events
        .iter()
        .find(|e| e["date"] == "2019-07-20/2019-07-21")
        .unwrap_or_else(|| panic!("no event 2019-07-20/2019-07-21 in {events:?}"));
    let posts = forum["posts"].as_array().unwrap();
    assert!(
        posts
            .iter()
            .any(|p| p["url"].as_str().is_some_and(|u| u.ends_with("/news/2019-07-22-silk-road-forum"))),
        "{posts:?}"
    );
    let r = server.get("/api/events?from=2019-08&to=2019-12");
    r.expect(200);
    let later = r.json();
    let events = later["events"].as_array().unwrap();
    assert!(
        events.iter().all(|e| e["date"] != "2019-07-20/2019-07-21"),
        "July is outside Aug–Dec: {events:?}"
    );
    let bad = server.get("/api/events?from=2019-13");
    assert_eq!(bad.status, 400, "{}", bad.body);
}

#[test]
fn openapi_document_lists_every_route() {
    let server = archive_server();
    let r = server.get("/api/openapi.json");
    r.expect(200);
    let doc = r.json();
    assert!(
        doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")),
        "not OpenAPI 3: {}",
        doc["openapi"]
    );
    let paths = doc["paths"].as_object().unwrap_or_else(|| panic!("no paths"));
    for route in [
        "/healthz",
        "/api/search",
        "/api/suggest",
        "/api/posts/{id}",
        "/api/events",
        "/api/facets/{facet}",
        "/api/openapi.json",
    ] {
        let entry = paths
            .get(route)
            .unwrap_or_else(|| panic!("{route} missing; paths: {:?}", paths.keys().collect::<Vec<_>>()));
        assert!(entry.get("get").is_some(), "{route} has no GET");
    }
}

#[test]
fn cors_answers_only_the_allowed_origin() {
    let server = TestServer::start(&archive().index, &["--allow-origin", "http://127.0.0.1:9"]);
    let ok = server.get_with("/api/search?q=forum", &[("Origin", "http://127.0.0.1:9")]);
    ok.expect(200);
    assert_eq!(
        ok.header("access-control-allow-origin"),
        Some("http://127.0.0.1:9"),
        "headers: {:?}",
        ok.headers
    );
    let other = server.get_with("/api/search?q=forum", &[("Origin", "http://127.0.0.1:8")]);
    assert!(
        other.header("access-control-allow-origin").is_none_or(|v| v != "http://127.0.0.1:8" && v != "*"),
        "another origin must not be allowed: {:?}",
        other.headers
    );
    let shared = archive_server();
    let none = shared.get_with("/api/search?q=forum", &[("Origin", "http://127.0.0.1:9")]);
    assert!(
        none.header("access-control-allow-origin").is_none(),
        "no origin is allowed by default: {:?}",
        none.headers
    );
}

#[test]
fn the_page_s_regions_come_alone_for_the_script() {
    let server = archive_server();
    let page = server.get("/?q=forum&ui=en&year=2019");
    page.expect(200);
    assert!(page.header("content-type").is_some_and(|v| v.starts_with("text/html")));
    let regions = server.get("/?q=forum&ui=en&year=2019&fragment=regions");
    regions.expect(200);
    assert!(regions.body.starts_with("<title>forum — News archive search</title>"), "{}", regions.body);
    assert!(!regions.body.contains("<html") && !regions.body.contains("<header"), "{}", regions.body);
    // The results as the page has them (the region holds no other `div`).
    let results = |html: &str| {
        let start = html.find("<div class=\"results\" id=\"results\">")?;
        let len = html[start..].find("</div>")?;
        Some(html[start..start + len].to_owned())
    };
    let shown = results(&regions.body).unwrap_or_else(|| panic!("no results region: {}", regions.body));
    assert!(shown.contains("<mark>") && shown.contains("class=\"hit\""), "{shown}");
    assert_eq!(results(&page.body).as_deref(), Some(shown.as_str()));
    let people = server.get("/?ui=en&fragment=people&find=pivov");
    people.expect(200);
    assert!(people.body.starts_with("<fieldset class=\"facet\" id=\"facet-person\">"), "{}", people.body);
    assert!(
        people.body.contains("value=\"pivov\"") && people.body.contains("name=\"person\""),
        "{}",
        people.body
    );
    let bad = server.get("/?fragment=nope");
    bad.expect(400);
    assert!(bad.body.contains("`nope` is not a part of the page"), "{}", bad.body);
    let error = server.get("/?year=19&fragment=regions");
    error.expect(400);
    assert!(error.body.contains("role=\"alert\">invalid `year`: `19` is not a year"), "{}", error.body);
}

#[test]
fn a_malformed_if_none_match_gets_the_asset() {
    let server = archive_server();
    let page = server.get("/?ui=en");
    page.expect(200);
    let js = page.body.split("src=\"").nth(1).and_then(|s| s.split('"').next()).unwrap_or("");
    assert!(js.starts_with("assets/app.js?v="), "no script on the page: {}", crate::util::clip(&page.body));
    for path in [format!("/{js}"), "/widget.js".to_owned()] {
        let first = server.get(&path);
        first.expect(200);
        let etag = first.header("etag").unwrap_or_else(|| panic!("{path}: no ETag")).to_owned();
        assert_eq!(server.get_with(&path, &[("If-None-Match", &etag)]).status, 304, "{path}");
        let strong = etag.trim_start_matches("W/");
        assert_eq!(
            server.get_with(&path, &[("If-None-Match", strong)]).status,
            304,
            "{path}: weak comparison"
        );
        let listed = format!("\"other\", {etag}");
        assert_eq!(server.get_with(&path, &[("If-None-Match", &listed)]).status, 304, "{path}: a list");
        let tail = &strong[strong.len() - 4..];
        for bad in ["\"", "x, ", "W/", "\"\"", tail, &format!("\"{}", &strong[2..])] {
            let r = server.get_with(&path, &[("If-None-Match", bad)]);
            assert_eq!(r.status, 200, "{path}: If-None-Match {bad:?} names no version of it");
            assert!(!r.body.is_empty(), "{path}: {bad:?}");
        }
    }
}

#[test]
fn cors_allows_each_of_several_origins() {
    let server = TestServer::start(
        &archive().index,
        &["--allow-origin", "https://example.org", "--allow-origin", "https://WWW.example.org:443"],
    );
    for origin in ["https://example.org", "https://www.example.org"] {
        let r = server.get_with("/api/search?q=forum", &[("Origin", origin)]);
        r.expect(200);
        assert_eq!(r.header("access-control-allow-origin"), Some(origin), "headers: {:?}", r.headers);
    }
    let other = server.get_with("/api/search?q=forum", &[("Origin", "https://evil.example.org")]);
    assert!(
        other
            .header("access-control-allow-origin")
            .is_none_or(|v| v != "https://evil.example.org" && v != "*"),
        "an origin not listed must not be allowed: {:?}",
        other.headers
    );
}

#[test]
fn an_invalid_origin_stops_the_server_naming_it() {
    let out = TestCommand::new(["serve", "--addr", "127.0.0.1:0", "--index"])
        .arg(&archive().index)
        .args(["--allow-origin", "https://example.org", "--allow-origin", "https://example.org/"])
        .output();
    assert!(!out.status.success(), "a bad origin must not start the server\n{}", out.details());
    assert!(out.stderr.contains("`https://example.org/` is not an origin"), "{}", out.details());
    assert!(!out.stdout.contains("listening on"), "{}", out.details());
}

#[test]
fn disjunctive_counts_ignore_each_facet_s_own_selection() {
    let server = archive_server();
    let counts = |res: &Value, facet: &str| -> BTreeSet<(String, u64)> {
        res["facets"][facet]
            .as_array()
            .unwrap_or_else(|| panic!("no {facet} facet: {res}"))
            .iter()
            .map(|v| (v["value"].as_str().unwrap_or("").to_owned(), v["count"].as_u64().unwrap_or(0)))
            .collect()
    };
    let chosen = [("q", ""), ("year", "2019"), ("tag", "vaccination"), ("disjunctive", "true")];
    let res = server.search(&chosen);
    let plain = server.search(&chosen[..3]);
    assert_eq!(res["total"], plain["total"], "the hits are those of the filters");
    assert_eq!(res["hits"], plain["hits"]);
    for (facet, key) in [("year", "year"), ("tag", "tag")] {
        let without: Vec<_> = chosen[..3].iter().copied().filter(|(k, _)| *k != key).collect();
        assert_eq!(counts(&res, facet), counts(&server.search(&without), facet), "{facet}");
    }
    // Vaccination posts are of 2021: still offered as an alternative to 2019.
    assert!(counts(&res, "year").iter().any(|(y, n)| y == "2021" && *n > 0), "{}", res["facets"]["year"]);
    assert!(counts(&plain, "year").iter().all(|(y, _)| y != "2021"), "{}", plain["facets"]["year"]);
    let bad = server.get("/api/search?disjunctive=maybe");
    bad.expect(400);
    assert_eq!(error_of(&bad.json()).2, "disjunctive");
}

//! People and events for staff: `/api/people`, `/api/people/{key}`, the "when" answer of
//! `/api/search`, and `annals people`, `annals person`, `annals events`.

use serde_json::Value;

use crate::fixtures::{archive, archive_server, post};
use crate::util::{TempContent, TestCommand, TestServer, enc, index_json};

/// The key of the person whose label contains `part` (any case), from the person facet.
fn key_of(server: &TestServer, part: &str) -> String {
    let res = server.get(&format!("/api/people?q={}", enc(part))).json();
    res["people"][0]["key"].as_str().unwrap_or_else(|| panic!("no person matches {part}: {res}")).to_owned()
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default()
}

#[test]
fn a_person_page_gathers_names_roles_posts_events_and_co_mentions() {
    let server = archive_server();
    let key = key_of(&server, "Pivovarova");
    let r = server.get(&format!("/api/people/{}?lang=en", enc(&key)));
    r.expect(200);
    let p = r.json();
    assert_eq!(p["key"], key.as_str());
    assert!(p["name"].as_str().unwrap_or("").contains("Pivovarova"), "{p}");
    // The name in each language of the archive, in its own script.
    assert!(p["names"]["ru"].as_str().unwrap_or("").contains("Пивоварова"), "{p}");
    assert!(p["names"]["en"].as_str().unwrap_or("").contains("Pivovarova"), "{p}");
    // Other spellings: at least the Cyrillic one, never the shown name again.
    let spellings = strs(&p["spellings"]);
    assert!(spellings.iter().any(|s| s.contains("Пивоварова")), "{spellings:?}");
    assert!(!spellings.contains(&p["name"].as_str().unwrap_or("")));
    // Roles with the post each came from.
    let roles = p["roles"].as_array().expect("roles");
    let chair = roles
        .iter()
        .find(|r| r["role"].as_str().unwrap_or("").to_lowercase().contains("chair"))
        .unwrap_or_else(|| panic!("no 'Chair of the Board' role: {roles:?}"));
    assert!(chair["post"]["url"].as_str().unwrap_or("").contains("silk-road-forum"), "{chair}");
    assert!(!chair["post"]["title"].as_str().unwrap_or("").is_empty());
    // Every post naming her, newest first, in the shape of search hits.
    let posts = &p["posts"];
    let hits = posts["hits"].as_array().expect("hits");
    assert!(posts["total"].as_u64().unwrap_or(0) >= 2, "{posts}");
    assert_eq!(posts["total"].as_u64(), Some(hits.len() as u64), "one page holds them all");
    let published: Vec<&str> = hits.iter().filter_map(|h| h["published"].as_str()).collect();
    let mut newest_first = published.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(published, newest_first);
    for h in hits {
        for field in ["id", "url", "title", "lang", "published", "snippet", "translations", "people"] {
            assert!(h.get(field).is_some(), "hit without {field}: {h}");
        }
        assert!(h["snippet"].is_string(), "snippets are HTML strings as in search: {h}");
    }
    assert!(hits.iter().any(|h| h["path"].as_str().unwrap_or("").contains(post::SILK_ROAD)));
    // The forum's dates, at their own precision, linked to the post.
    let events = p["events"].as_array().expect("events");
    let forum = events
        .iter()
        .find(|e| e["date"] == "2019-07-20/2019-07-21")
        .unwrap_or_else(|| panic!("the forum is not on her timeline: {events:?}"));
    assert!(forum["post"]["url"].as_str().unwrap_or("").starts_with("/en/"), "reader's language: {forum}");
    let starts: Vec<&str> = events.iter().filter_map(|e| e["date"].as_str()).map(|d| &d[..4]).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "oldest first: {starts:?}");
    // Klodzinsky went with her to the forum.
    let co = p["co_mentions"].as_array().expect("co_mentions");
    let anton = co
        .iter()
        .find(|c| c["name"].as_str().unwrap_or("").contains("Klodzinsky"))
        .unwrap_or_else(|| panic!("Klodzinsky is not named with her: {co:?}"));
    assert!(anton["count"].as_u64().unwrap_or(0) >= 1);
    server.get(&format!("/api/people/{}", enc(anton["key"].as_str().unwrap_or("")))).expect(200);
}

#[test]
fn the_person_page_is_paged_and_in_the_readers_language() {
    let server = archive_server();
    let key = key_of(&server, "Pivovarova");
    let all = server.get(&format!("/api/people/{}?lang=ru", enc(&key))).json();
    assert!(all["name"].as_str().unwrap_or("").contains("Пивоварова"), "{all}");
    let total = all["posts"]["total"].as_u64().unwrap_or(0);
    let second = server.get(&format!("/api/people/{}?lang=ru&per_page=1&page=2", enc(&key))).json();
    assert_eq!(second["posts"]["total"].as_u64(), Some(total));
    assert_eq!(second["posts"]["hits"].as_array().map(Vec::len), Some(1));
    assert_eq!(second["posts"]["hits"][0]["id"], all["posts"]["hits"][1]["id"]);
    for h in all["posts"]["hits"].as_array().into_iter().flatten() {
        assert_eq!(h["lang"], "ru", "every post here has a Russian version: {h}");
    }
}

#[test]
fn unknown_people_and_bad_parameters_are_clear_errors() {
    let server = archive_server();
    let r = server.get("/api/people/nobody-x");
    r.expect(404);
    assert_eq!(r.json()["error"]["code"], "person_not_found");
    assert!(r.json()["error"]["message"].as_str().unwrap_or("").contains("nobody-x"));
    let r = server.get("/api/people/%22%3E%3Cscript%3E");
    r.expect(404);
    let key = key_of(&server, "Pivovarova");
    for (query, parameter) in [("page=0", "page"), ("per_page=1000", "per_page"), ("lang=Russian", "lang")] {
        let r = server.get(&format!("/api/people/{}?{query}", enc(&key)));
        r.expect(400);
        assert_eq!(r.json()["error"]["parameter"], parameter, "{}", r.body);
        server.get(&format!("/api/people?{query}")).expect(400);
    }
}

#[test]
fn people_are_found_by_any_script_and_prefix() {
    let server = archive_server();
    let key = key_of(&server, "Pivovarova");
    for q in ["pivovar", "Пивовар", "Ирина Пивоварова", "irina piv"] {
        let res = server.get(&format!("/api/people?q={}", enc(q))).json();
        let keys: Vec<&str> =
            res["people"].as_array().into_iter().flatten().filter_map(|p| p["key"].as_str()).collect();
        assert!(keys.contains(&key.as_str()), "{q}: {res}");
        assert!(res["people"][0]["posts"].as_u64().unwrap_or(0) >= 1);
    }
    let none = server.get("/api/people?q=zzzzqqq").json();
    assert_eq!(none["total"], 0);
    // Everyone, most named first.
    let all = server.get("/api/people?per_page=100").json();
    let counts: Vec<u64> =
        all["people"].as_array().into_iter().flatten().filter_map(|p| p["posts"].as_u64()).collect();
    assert!(counts.len() >= 2 && counts.windows(2).all(|w| w[0] >= w[1]), "{all}");
    assert_eq!(all["total"].as_u64(), Some(counts.len() as u64));
}

#[test]
fn a_when_question_is_answered_from_the_event_dates() {
    let server = archive_server();
    for (q, lang) in [
        ("when was the Silk Road hematology forum", "en"),
        ("когда прошел форум гематологов Шёлковый путь", "ru"),
        ("Жібек жолы гематологиялық форумы қашан өтті", "kk"),
    ] {
        let res = server.search(&[("q", q), ("lang", lang)]);
        let answer = &res["answer"];
        assert_eq!(answer["kind"], "when", "{q}: {res}");
        assert_eq!(strs(&answer["dates"]), ["2019-07-20/2019-07-21"], "{q}");
        assert!(answer["post"]["url"].as_str().unwrap_or("").contains("silk-road-forum"), "{answer}");
        assert_eq!(answer["post"]["title"], res["hits"][0]["title"]);
        // The question words are not searched for: the forum is the best hit.
        assert!(res["hits"][0]["path"].as_str().unwrap_or("").contains(post::SILK_ROAD), "{q}");
    }
    // Even when the page holds one hit, the runners-up are weighed.
    let one = server.search(&[("q", "when was the Silk Road hematology forum"), ("per_page", "1")]);
    assert_eq!(strs(&one["answer"]["dates"]), ["2019-07-20/2019-07-21"]);
}

#[test]
fn no_answer_without_a_question_or_a_confident_date() {
    let server = archive_server();
    // Not a question.
    let res = server.search(&[("q", "Silk Road hematology forum")]);
    assert!(res.get("answer").is_none(), "{res}");
    // A question no post answers with every word.
    let res = server.search(&[("q", "when did the zebra parade happen")]);
    assert!(res.get("answer").is_none(), "{res}");
    // Only words of the question.
    let res = server.search(&[("q", "когда")]);
    assert!(res.get("answer").is_none(), "{res}");
    // A later page repeats no answer.
    let res = server.search(&[("q", "when was the Silk Road hematology forum"), ("page", "2")]);
    assert!(res.get("answer").is_none(), "{res}");
}

#[test]
fn the_api_description_lists_the_people_routes() {
    let server = archive_server();
    let spec = server.get("/api/openapi.json").json();
    for path in ["/api/people", "/api/people/{key}"] {
        assert!(spec["paths"].get(path).is_some(), "{path} missing");
    }
    for schema in ["PersonPage", "PeopleList", "Answer"] {
        assert!(spec["components"]["schemas"].get(schema).is_some(), "{schema} missing");
    }
}

#[test]
fn the_cli_prints_the_apis_objects_and_readable_tables() {
    let server = archive_server();
    let index = archive().index.clone();
    let key = key_of(&server, "Pivovarova");

    let out = TestCommand::new(["people", "Пивовар", "--json", "--index"]).arg(&index).run_ok();
    assert_eq!(
        out.json(),
        server.get("/api/people?q=%D0%9F%D0%B8%D0%B2%D0%BE%D0%B2%D0%B0%D1%80&per_page=20").json()
    );
    let out = TestCommand::new(["people", "pivovar", "--index"]).arg(&index).run_ok();
    assert!(out.stdout.contains(&key) && out.stdout.contains("Pivovarova"), "{}", out.details());

    let out = TestCommand::new(["person", &key, "--lang", "en", "--json", "--index"]).arg(&index).run_ok();
    assert_eq!(out.json(), server.get(&format!("/api/people/{}?lang=en", enc(&key))).json());
    let out = TestCommand::new(["person", &key, "--lang", "en", "--index"]).arg(&index).run_ok();
    for part in ["Pivovarova", "2019-07-20/2019-07-21", "Klodzinsky", "Chair of the Board"] {
        assert!(out.stdout.contains(part), "{part} missing:\n{}", out.details());
    }
    let out = TestCommand::new(["person", "nobody-x", "--index"]).arg(&index).output();
    assert_eq!(out.status.code(), Some(1), "{}", out.details());
    assert!(out.stderr.contains("nobody-x"), "{}", out.details());

    let args = ["events", "--from", "2019-07", "--to", "2019-07", "--json", "--index"];
    let out = TestCommand::new(args).arg(&index).run_ok();
    assert_eq!(out.json(), server.get("/api/events?from=2019-07&to=2019-07").json());
    let out =
        TestCommand::new(["events", "--from", "2019-07", "--to", "2019-07", "--person", &key, "--index"])
            .arg(&index)
            .run_ok();
    assert!(
        out.stdout.contains("2019-07-20/2019-07-21") && out.stdout.contains("2019-07"),
        "{}",
        out.details()
    );
    let out = TestCommand::new(["events", "--from", "July", "--index"]).arg(&index).output();
    assert_eq!(out.status.code(), Some(2), "{}", out.details());
    assert!(out.stderr.contains("--from"), "{}", out.details());
}

/// Translations of one post spell a surname two ways; a surname alone names the one
/// person with it; two people sharing a surname stay two.
#[test]
fn spellings_of_one_person_share_one_key_and_different_people_never_do() {
    let dir = TempContent::new();
    dir.system_yaml("user", "languages:\n  supported: [kk, ru]\n  default_lang: kk\n");
    let post = |folder: &str, lang: &str, date: &str, body: &str| {
        dir.create(
            &format!("user/pages/01.news/{folder}/item.{lang}.md"),
            &format!("---\ntitle: 'Жаңалық {folder}'\ndate: '{date} 10:00'\n---\n\n{body}\n"),
        );
    };
    post("a", "kk", "01-03-2023", "Дәрігер Ақмарал Жүсіпова пациенттерге дәріс оқыды.");
    post("a", "ru", "01-03-2023", "Врач Акмарал Жусупова прочитала лекцию для пациентов.");
    post("b", "ru", "05-04-2023", "Врач Акмарал Жусупова провела школу пациента.");
    post(
        "c",
        "ru",
        "07-05-2023",
        "Гематолог Алия Искакова и медсестра Искуль Искакова выступили на конференции.",
    );
    post("d", "ru", "09-06-2023", "На семинаре выступила Алия Искакова.");
    let index = dir.join("index");
    index_json(&dir.join("user"), &index, &[]);
    let server = TestServer::start(&index, &[]);

    let zhusupova = server.get(&format!("/api/people?q={}", enc("Жусупова"))).json();
    assert_eq!(zhusupova["total"], 1, "one person for both spellings: {zhusupova}");
    let key = zhusupova["people"][0]["key"].as_str().unwrap_or("").to_owned();
    assert_eq!(zhusupova["people"][0]["posts"], 2);
    let page = server.get(&format!("/api/people/{}", enc(&key))).json();
    assert_eq!(page["posts"]["total"], 2, "{page}");
    assert_eq!(strs(&page["also_keys"]).len(), 1, "the joined key is shown: {page}");
    // Searches filter and count by the one key, whichever spelling a post has.
    let res = server.search(&[("person", &key)]);
    assert_eq!(res["total"], 2, "{res}");
    let joined = strs(&page["also_keys"])[0].to_owned();
    assert_eq!(server.search(&[("person", &joined)])["total"], 2);
    let facet = res["facets"]["person"].as_array().expect("person facet");
    assert!(facet.iter().all(|v| v["value"] != joined.as_str()), "{facet:?}");

    let iskakova = server.get(&format!("/api/people?q={}", enc("Искакова"))).json();
    assert_eq!(iskakova["total"], 2, "Aliya and Iskul are two people: {iskakova}");
}

#[test]
fn hostile_keys_and_parameters_never_get_a_5xx() {
    let server = archive_server();
    let long = "x".repeat(10_000);
    for key in ["%00", "..%2F..%2Fetc%2Fpasswd", "%F0%9F%98%80", "%22%3E%3Cscript%3E", "a%20b", long.as_str()]
    {
        for route in ["/api/people/", "/people/"] {
            let r = server.get(&format!("{route}{key}"));
            assert_eq!(r.status, 404, "{route}{key}: {}", r.body);
            if route == "/people/" {
                assert!(!r.body.contains("<script>"), "{route}: escaped");
            } else {
                assert_eq!(r.json()["error"]["code"], "person_not_found");
            }
        }
    }
    for query in ["q=%00", "q=%22", "q=-", &format!("q={long}"), "page=1000", "lang=", "per_page=100"] {
        server.get(&format!("/api/people?{query}")).expect(200);
        server.get(&format!("/events?{query}&from=2019")).expect(200);
    }
    for query in ["from=2019-13", "to=9999-99", "from=2020&to=2019", "person=%00"] {
        let r = server.get(&format!("/events?{query}"));
        assert!(r.status == 400 || r.status == 200, "{query}: {}", r.status);
    }
}

#[test]
fn the_staff_pages_read_in_lang_and_work_without_scripts() {
    let server = archive_server();
    let key = key_of(&server, "Pivovarova");
    let h1 =
        |html: &str| html.split("<h1>").nth(1).and_then(|s| s.split("</h1>").next()).unwrap_or("").to_owned();
    let ru = server.get(&format!("/people/{}?lang=ru", enc(&key)));
    ru.expect(200);
    assert!(ru.body.contains("<html lang=\"ru\""), "the interface follows lang");
    assert!(h1(&ru.body).contains("Пивоварова"), "{}", h1(&ru.body));
    assert_eq!(ru.body.matches("<h1>").count(), 1);
    assert!(ru.body.contains("<main") && ru.body.contains("20 июля 2019"), "the forum on her timeline");
    let mixed = server.get(&format!("/people/{}?lang=en&ui=kk", enc(&key)));
    assert!(mixed.body.contains("<html lang=\"kk\"") && h1(&mixed.body).contains("Pivovarova"));
    server.get(&format!("/people/{}?lang=Russian", enc(&key))).expect(400);
    server.get(&format!("/people/{}?page=0", enc(&key))).expect(400);
    let events = server.get("/events?from=2019-07&to=2019-07&lang=ru");
    events.expect(200);
    assert!(
        events.body.contains("<html lang=\"ru\"") && events.body.contains("20 июля 2019"),
        "{}",
        events.body
    );
    let filtered = server.get(&format!("/events?person={}&ui=en", enc(&key)));
    assert!(filtered.body.contains("Pivovarova") && filtered.body.contains("20 July 2019"));
    server.get("/events?from=July").expect(400);
    // The search page links the people it names to their pages.
    let page = server.get("/?q=silk+road+forum&ui=en");
    assert!(
        page.body.contains(&format!("href=\"people/{key}?ui=en\"")),
        "hit people and facet values link here"
    );
}

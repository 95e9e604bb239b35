//! `annals inspect PATH --json`: what one post yields.

use crate::fixtures::{archive, post, rule, rules};
use crate::util::TestCommand;

#[test]
fn inspect_shows_url_language_date_source_people_and_events() {
    let path = archive().content.join(format!("pages/02.news/{}item.en.md", post::SILK_ROAD));
    let out = TestCommand::new(["inspect", "--json"]).arg(&path).run_ok();
    let v = out.json();
    assert_eq!(v["url"], "/en/news/2019-07-22-silk-road-forum", "{}", out.details());
    assert_eq!(v["lang"], "en");
    assert_eq!(v["title"], "2019 Silk Road Central Asia Hematology Forum");
    assert_eq!(v["published"], "2019-07-22T10:00:00+06:00");
    assert_eq!(v["date_source"], "front_matter");
    let people = v["people"].as_array().unwrap_or_else(|| panic!("no people: {v}"));
    assert!(
        people
            .iter()
            .any(|p| p["name"].as_str().is_some_and(|n| n.contains("Pivovarova")) && p["key"].is_string()),
        "{people:?}"
    );
    let events = v["event_dates"].as_array().unwrap_or_else(|| panic!("no event_dates: {v}"));
    assert!(events.iter().any(|e| e == "2019-07-20/2019-07-21"), "{events:?}");
}

#[test]
fn inspect_names_the_folder_as_date_source() {
    let path = rules().content.join(rule::NO_DATE);
    let v = TestCommand::new(["inspect", "--json"]).arg(&path).run_ok().json();
    assert_eq!(v["date_source"], "folder_name", "{v}");
    assert!(v["published"].as_str().unwrap_or("").starts_with("2019-03-05T"), "{v}");
    assert_eq!(v["url"], "/news/2019-03-05-no-date");
}

#[test]
fn inspect_prints_a_readable_summary_by_default() {
    let path = rules().content.join(rule::COLON_TITLE);
    let out = TestCommand::new(["inspect"]).arg(&path).run_ok();
    assert!(
        out.stdout.contains("Batman: Arkham Asylum") && out.stdout.contains("/news/2019-07-27-colon-title"),
        "{}",
        out.details()
    );
}

#[test]
fn inspect_shows_the_warnings_of_a_post() {
    let path = rules().content.join(rule::BAD_DATE);
    let out = TestCommand::new(["inspect", "--json"]).arg(&path).run_ok();
    let v = out.json();
    let warnings = v["warnings"].as_array().unwrap_or_else(|| panic!("no warnings: {v}"));
    assert!(
        warnings.iter().any(|w| w["line"] == 3
            && w["message"]
                .as_str()
                .is_some_and(|m| m.contains("31-02-2019") && m.contains("using another date"))),
        "{warnings:?}"
    );
    let human = TestCommand::new(["inspect"]).arg(&path).run_ok();
    assert!(human.stdout.contains("warning    line 3: date: `31-02-2019`"), "{}", human.details());

    let clean = TestCommand::new(["inspect", "--json"]).arg(rules().content.join(rule::SLUG)).run_ok().json();
    assert_eq!(clean["warnings"], serde_json::json!([]), "{clean}");
}

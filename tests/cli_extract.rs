//! `annals extract --jsonl`: the evaluation contract of the extractor.

use serde_json::{Value, json};

use crate::util::{CmdOutput, TestCommand};

const RU: &str = "Вчера в Астане Председатель Правления Ирина Алексеевна Пивоварова открыла «Школу пациентов». 20–21 июля 2019 года прошёл форум.";
const EN: &str = "On July 20–21, Chair of the Board Irina Alekseevna Pivovarova took part in the 2019 Silk Road Central Asia Hematology Forum.";

fn run(lines: &[String]) -> (CmdOutput, Vec<Value>) {
    let mut input = lines.join("\n");
    input.push('\n');
    let out = TestCommand::new(["extract", "--jsonl"]).stdin(input).output();
    let results = out.json_lines();
    (out, results)
}

fn line(id: &str, lang: &str, text: &str, dct: Option<&str>) -> String {
    json!({"id": id, "lang": lang, "text": text, "dct": dct}).to_string()
}

/// `text[start..end]` in chars.
fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end.saturating_sub(start)).collect()
}

fn check_offsets(text: &str, result: &Value) {
    for kind in ["persons", "dates"] {
        let mentions = result[kind].as_array().unwrap_or_else(|| panic!("no `{kind}` list: {result}"));
        for m in mentions {
            let (Some(start), Some(end), Some(t)) =
                (m["start"].as_u64(), m["end"].as_u64(), m["text"].as_str())
            else {
                panic!("{kind} mention needs text, start and end: {m}");
            };
            assert!(start < end, "{m}");
            assert_eq!(slice(text, start as usize, end as usize), t, "offsets are in chars: {m} in {text:?}");
        }
    }
}

fn person_keys(result: &Value, needle: &str) -> Vec<String> {
    result["persons"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| p["text"].as_str().is_some_and(|t| t.contains(needle)))
        .map(|p| p["key"].as_str().unwrap_or_else(|| panic!("person without key: {p}")).to_owned())
        .collect()
}

#[test]
fn extract_answers_one_line_per_input_with_char_offsets() {
    let (out, results) =
        run(&[line("ru-1", "ru", RU, Some("2019-07-22")), line("en-1", "en", EN, Some("2019-07-22"))]);
    assert!(out.status.success(), "{}", out.details());
    assert_eq!(results.len(), 2, "{}", out.details());
    assert_eq!(results[0]["id"], "ru-1");
    assert_eq!(results[1]["id"], "en-1");
    check_offsets(RU, &results[0]);
    check_offsets(EN, &results[1]);
    assert!(!person_keys(&results[0], "Пивоварова").is_empty(), "the ru person is found: {}", results[0]);
    for d in results[1]["dates"].as_array().unwrap() {
        assert!(d["value"].is_string(), "a date needs a value: {d}");
    }
}

#[test]
fn extract_reads_a_day_range_relative_to_the_document_date() {
    let (out, results) = run(&[line("en-1", "en", EN, Some("2019-07-22"))]);
    let dates = results[0]["dates"].as_array().unwrap_or_else(|| panic!("{}", out.details()));
    let range = dates.iter().find(|d| d["value"] == "2019-07-20/2019-07-21");
    let range = range
        .unwrap_or_else(|| panic!("`On July 20–21` with dct 2019-07-22 is 2019-07-20/2019-07-21: {dates:?}"));
    assert!(range["text"].as_str().unwrap().contains("July 20–21"), "{range}");
}

#[test]
fn extract_gives_one_key_to_a_name_in_both_scripts() {
    let (out, results) =
        run(&[line("ru-1", "ru", RU, Some("2019-07-22")), line("en-1", "en", EN, Some("2019-07-22"))]);
    let ru = person_keys(&results[0], "Пивоварова");
    let en = person_keys(&results[1], "Pivovarova");
    assert!(!ru.is_empty() && !en.is_empty(), "{}", out.details());
    assert_eq!(ru[0], en[0], "«Ирина Алексеевна Пивоварова» and «Irina Alekseevna Pivovarova» share a key");
}

#[test]
fn extract_survives_a_bad_line() {
    let inputs = vec![
        line("first", "en", EN, Some("2019-07-22")),
        "this is not json".to_owned(),
        "{\"id\": 5}".to_owned(),
        line("last", "ru", RU, None),
    ];
    let (out, results) = run(&inputs);
    let ids: Vec<&str> = results.iter().filter_map(|r| r["id"].as_str()).collect();
    assert!(
        ids.contains(&"first") && ids.contains(&"last"),
        "good lines around a bad one are answered: {ids:?}\n{}",
        out.details()
    );
    let first = ids.iter().position(|i| *i == "first").unwrap();
    let last = ids.iter().position(|i| *i == "last").unwrap();
    assert!(first < last, "answers keep the input order");
    assert!(results.len() <= inputs.len(), "at most one line per input: {}", out.details());
    for r in &results {
        assert!(r["persons"].is_array() && r["dates"].is_array(), "every answer has persons and dates: {r}");
    }
    check_offsets(RU, results.iter().find(|r| r["id"] == "last").unwrap());
}

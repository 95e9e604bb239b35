//! "When" questions about events of the owner's archive (`relevance/when-hemcenter.tsv`,
//! written from reading the posts): answers are never wrong, and most questions get one.

use std::path::Path;

use crate::util::{TempContent, TestServer, index_json};

#[test]
fn when_questions_about_the_owners_archive_get_right_answers_or_none() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let user = root.join("../shared/corpus/grav/petrtsoy__hemcenter.kz/user");
    if !user.is_dir() {
        // CI always has ../shared beside the clone: missing it there is a failure.
        assert!(std::env::var_os("CI").is_none(), "{} is absent", user.display());
        eprintln!("skipped: {} is absent", user.display());
        return;
    }
    let dir = TempContent::new();
    let index = dir.join("index");
    index_json(&user, &index, &[]);
    let server = TestServer::start(&index, &[]);
    let questions = std::fs::read_to_string(root.join("relevance/when-hemcenter.tsv")).expect("question set");
    let (mut asked, mut right, mut wrong) = (0, 0, Vec::new());
    for line in questions.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [lang, q, expected] = cols[..] else { panic!("three columns expected: {line}") };
        let res = server.search(&[("q", q), ("lang", lang)]);
        let got = res["answer"]["dates"][0].as_str().unwrap_or("-");
        if expected != "-" {
            asked += 1;
        }
        match (expected, got) {
            (e, g) if e == g && e != "-" => right += 1,
            (_, "-") => {}
            _ => wrong.push(format!("{q}: expected {expected}, answered {got}")),
        }
    }
    assert!(wrong.is_empty(), "wrong answers (worse than none):\n{}", wrong.join("\n"));
    assert!(right * 3 >= asked * 2, "only {right} of {asked} questions answered");
}

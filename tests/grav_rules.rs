//! Grav's reading rules, one fixture page each (see `fixtures::rule`).

use serde_json::Value;

use crate::fixtures::{
    archive, langfile, langfiles, post, rule, rules, rules_hit, rules_listing, rules_server,
};
use crate::util::{
    TempContent, count, enc, has_path, hit_by_path, hit_strs, hits, index_json, report_total, search_json,
    show_hits,
};

fn rules_search(q: &str) -> Value {
    search_json(&rules().index, q, &["--limit", "100"])
}

fn skipped_reason(path: &str) -> Option<String> {
    rules().report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["path"] == path)
        .map(|s| s["reason"].as_str().unwrap_or("").to_owned())
}

fn error_entry(path: &str) -> Option<&'static Value> {
    rules().report["errors"].as_array().unwrap().iter().find(|e| e["path"] == path)
}

/// The page was read without error and is searchable.
fn assert_listed(path: &str) -> &'static Value {
    assert!(error_entry(path).is_none(), "{path} must not be an error: {}", rules().report);
    rules_hit(path)
}

/// The page is reported as skipped and no search finds it.
fn assert_skipped_and_absent(path: &str, marker: &str) {
    let reason =
        skipped_reason(path).unwrap_or_else(|| panic!("{path} must be in `skipped`: {}", rules().report));
    assert!(!reason.trim().is_empty(), "{path}: a skip needs a reason");
    assert!(
        hit_by_path(rules_listing(), path).is_none(),
        "{path} must not be searchable: {}",
        show_hits(rules_listing())
    );
    let res = rules_search(marker);
    assert!(!has_path(&res, path), "`{marker}` must not find {path}: {}", show_hits(&res));
}

fn post_view(hit: &Value) -> Value {
    let server = rules_server();
    let id = hit["id"].as_str().unwrap();
    let r = server.get(&format!("/api/posts/{}", enc(id)));
    r.expect(200);
    r.json()
}

// --- front matter ----------------------------------------------------------------------

#[test]
fn front_matter_after_a_byte_order_mark_is_read() {
    let h = assert_listed(rule::BOM);
    assert_eq!(h["title"], "Byte order mark post", "{h}");
    assert_eq!(h["published"], "2019-07-22T10:00:00+06:00", "{h}");
}

#[test]
fn crlf_line_ends_are_read() {
    let h = assert_listed(rule::CRLF);
    assert_eq!(h["title"], "Windows line ends", "{h}");
    assert_eq!(h["published"], "2019-07-23T10:00:00+06:00", "{h}");
    let res = rules_search("bumblebee");
    assert!(has_path(&res, rule::CRLF), "{}", show_hits(&res));
}

#[test]
fn missing_closing_fence_is_read_as_content_not_an_error() {
    assert_listed(rule::NO_CLOSING_FENCE);
    let res = rules_search("chinchilla");
    assert!(has_path(&res, rule::NO_CLOSING_FENCE), "{}", show_hits(&res));
}

#[test]
fn empty_front_matter_is_a_page() {
    assert_listed(rule::EMPTY_FRONT_MATTER);
    let res = rules_search("dromedary");
    assert!(has_path(&res, rule::EMPTY_FRONT_MATTER), "{}", show_hits(&res));
}

#[test]
fn page_without_front_matter_is_titled_by_its_heading() {
    let h = assert_listed(rule::NO_FRONT_MATTER);
    assert_eq!(h["title"], "Echidna heading", "{h}");
}

#[test]
fn unquoted_self_children_is_not_an_error() {
    assert!(error_entry(rule::BLOG).is_none(), "`items: @self.children` must be read: {}", rules().report);
    let blog = "user/pages/02.news/blog.ru.md";
    let errors = &archive().report["errors"];
    assert!(
        errors.as_array().unwrap().iter().all(|e| !e["path"].as_str().unwrap_or("").ends_with("blog.ru.md")),
        "{blog}: {errors}"
    );
}

#[test]
fn unquoted_colon_in_a_title_is_kept() {
    let h = assert_listed(rule::COLON_TITLE);
    assert_eq!(h["title"], "Batman: Arkham Asylum", "{h}");
}

#[test]
fn tab_indented_front_matter_is_read() {
    let h = assert_listed(rule::TABS);
    assert_eq!(h["title"], "Tabbed header", "{h}");
    let res = search_json(&rules().index, "", &["--category", "tabcat"]);
    assert_eq!(hit_strs(&res, "title"), ["Tabbed header"], "taxonomy under tabs: {}", show_hits(&res));
}

#[test]
fn broken_yaml_is_an_error_with_its_file_line_and_is_not_indexed() {
    let e = error_entry(rule::BROKEN_YAML)
        .unwrap_or_else(|| panic!("expected an error for {}: {}", rule::BROKEN_YAML, rules().report));
    assert_eq!(e["line"], 5, "line 5 of the file holds `  bad: indent`: {e}");
    assert!(!e["message"].as_str().unwrap_or("").trim().is_empty(), "{e}");
    assert!(hit_by_path(rules_listing(), rule::BROKEN_YAML).is_none());
    let res = rules_search("gazelle");
    assert!(!has_path(&res, rule::BROKEN_YAML), "{}", show_hits(&res));
    // The other posts still index.
    assert!(count(&rules().report, "indexed") >= 20, "{}", rules().report);
}

// --- publication -----------------------------------------------------------------------

#[test]
fn unpublished_page_is_not_indexed() {
    assert_skipped_and_absent(rule::UNPUBLISHED, "hedgehog");
}

#[test]
fn unroutable_page_is_not_indexed() {
    assert_skipped_and_absent(rule::NOT_ROUTABLE, "iguana");
}

#[test]
fn future_publish_date_is_not_indexed() {
    assert_skipped_and_absent(rule::FUTURE, "jackal");
}

#[test]
fn past_unpublish_date_is_not_indexed() {
    assert_skipped_and_absent(rule::EXPIRED, "kookaburra");
}

#[test]
fn invisible_page_is_still_searchable() {
    assert_listed(rule::INVISIBLE);
    let res = rules_search("lemur");
    assert!(has_path(&res, rule::INVISIBLE), "`visible: false` only hides menus: {}", show_hits(&res));
}

// --- dates -----------------------------------------------------------------------------

#[test]
fn dash_date_is_read_day_first() {
    assert_eq!(assert_listed(rule::DATE_DAY_FIRST)["published"], "2019-07-22T10:00:00+06:00");
}

#[test]
fn slash_date_is_read_month_first() {
    assert_eq!(assert_listed(rule::DATE_MONTH_FIRST)["published"], "2019-07-22T00:00:00+06:00");
}

#[test]
fn iso_date_is_read() {
    assert_eq!(assert_listed(rule::DATE_ISO)["published"], "2019-07-22T10:00:00+06:00");
}

#[test]
fn time_first_date_is_read() {
    assert_eq!(assert_listed(rule::DATE_TIME_FIRST)["published"], "2020-07-23T12:29:00+06:00");
}

#[test]
fn site_timezone_gives_the_offset_of_the_time() {
    // Asia/Almaty was UTC+6 in 2019 and moved to UTC+5 on 2024-03-01: ask the tz database.
    let tz = jiff::tz::TimeZone::get("Asia/Almaty").expect("tzdb knows Asia/Almaty");
    for (path, y, m, d) in [(rule::DATE_DAY_FIRST, 2019, 7, 22), (rule::DATE_ALMATY_2024, 2024, 6, 1)] {
        let local = jiff::civil::date(y, m, d).at(10, 0, 0, 0).to_zoned_datetime(tz.clone()).unwrap();
        let expected = local.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string();
        assert_eq!(assert_listed(path)["published"], expected.as_str(), "{path}");
    }
}

#[test]
fn folder_date_is_used_when_front_matter_has_none() {
    let h = assert_listed(rule::NO_DATE);
    let p = h["published"].as_str().unwrap();
    assert!(p.starts_with("2019-03-05T"), "folder `2019-03-05-no-date` should date it: {p}");
}

#[test]
fn impossible_date_falls_back_without_failing() {
    let h = assert_listed(rule::BAD_DATE);
    let p = h["published"].as_str().unwrap();
    assert!(p.starts_with("2018-11-30T"), "`31-02-2019` is no date; the folder's date should be used: {p}");
}

#[test]
fn dateformat_default_from_system_yaml_is_honoured() {
    let dir = TempContent::new();
    dir.system_yaml("user", "pages:\n  dateformat:\n    default: 'd/m/Y H:i'\n");
    dir.create(
        "user/pages/01.news/fmt/item.md",
        "---\ntitle: 'Formatted date'\ndate: '05/07/2019 10:00'\n---\n\nA date in the site's format.\n",
    );
    let report = index_json(&dir.join("user"), &dir.join("index"), &[]);
    assert_eq!(count(&report, "indexed"), 1, "{report}");
    let res = search_json(&dir.join("index"), "", &[]);
    assert_eq!(
        hit_strs(&res, "published"),
        ["2019-07-05T10:00:00+00:00"],
        "d/m/Y makes 05/07 the 5th of July, UTC without timezone"
    );
}

// --- URLs ------------------------------------------------------------------------------

#[test]
fn numeric_prefixes_are_dropped_from_urls() {
    assert_eq!(assert_listed(rule::NUMBERED)["url"], "/news/numbered-folder");
    assert_eq!(assert_listed(rule::BOM)["url"], "/news/2019-07-22-bom");
}

#[test]
fn slug_replaces_the_folder_name_in_the_url() {
    assert_eq!(assert_listed(rule::SLUG)["url"], "/news/my-custom-slug");
}

#[test]
fn single_language_site_urls_have_no_language_prefix() {
    let listing = rules_listing();
    for url in hit_strs(listing, "url") {
        assert!(
            url == "/news" || url.starts_with("/news/") || url == "/docs",
            "unexpected url {url}: {}",
            show_hits(listing)
        );
    }
}

#[test]
fn languages_are_prefixed_including_the_default_with_include_default_lang() {
    let res = search_json(&archive().index, "", &["--lang", "kk", "--limit", "100"]);
    let h = hit_by_path(&res, &format!("{}item.kk.md", post::KYZYLORDA_KK))
        .unwrap_or_else(|| panic!("{}", show_hits(&res)));
    assert_eq!(h["url"], "/kk/news/2021-06-15-kyzylorda");
    let res = search_json(&archive().index, "", &["--lang", "ru", "--limit", "100"]);
    let h = hit_by_path(&res, &format!("{}item.ru.md", post::LECTURE_RU))
        .unwrap_or_else(|| panic!("{}", show_hits(&res)));
    assert_eq!(h["url"], "/ru/news/2020-03-16-hemophilia-lecture");
}

#[test]
fn default_language_is_unprefixed_without_include_default_lang() {
    let dir = TempContent::new();
    dir.system_yaml(
        "user",
        "languages:\n  supported:\n    - en\n    - ru\n  default_lang: en\n  include_default_lang: false\n",
    );
    dir.create(
        "user/pages/01.news/01.hello/item.en.md",
        "---\ntitle: 'Hello'\ndate: '01-02-2020 10:00'\n---\n\nHello world.\n",
    );
    dir.create(
        "user/pages/01.news/01.hello/item.ru.md",
        "---\ntitle: 'Привет'\ndate: '01-02-2020 10:00'\n---\n\nПривет, мир.\n",
    );
    let report = index_json(&dir.join("user"), &dir.join("index"), &[]);
    assert_eq!(count(&report, "indexed"), 2, "{report}");
    let en = search_json(&dir.join("index"), "", &["--lang", "en"]);
    assert_eq!(hit_strs(&en, "url"), ["/news/hello"], "{}", show_hits(&en));
    let ru = search_json(&dir.join("index"), "", &["--lang", "ru"]);
    assert_eq!(hit_strs(&ru, "url"), ["/ru/news/hello"], "{}", show_hits(&ru));
}

// --- languages -------------------------------------------------------------------------

#[test]
fn language_comes_from_the_file_suffix() {
    let res = search_json(&archive().index, "", &["--limit", "100"]);
    for (suffix, lang) in [
        (format!("{}item.ru.md", post::LECTURE_RU), "ru"),
        (format!("{}item.kk.md", post::KYZYLORDA_KK), "kk"),
        (format!("{}item.en.md", post::MYELOMA), "en"),
    ] {
        let h = hit_by_path(&res, &suffix).unwrap_or_else(|| panic!("{suffix}: {}", show_hits(&res)));
        assert_eq!(h["lang"], lang, "{h}");
    }
}

#[test]
fn numeric_file_suffix_is_not_a_language() {
    let h = assert_listed(rule::DOCS_16);
    assert_eq!(h["url"], "/docs", "{h}");
    assert_eq!(h["lang"], "en", "`docs.16.md` holds English text; 16 is no language: {h}");
}

#[test]
fn kazakh_text_without_a_suffix_is_kazakh() {
    assert_eq!(assert_listed(rule::KAZAKH)["lang"], "kk");
}

// --- body ------------------------------------------------------------------------------

#[test]
fn shortcodes_are_removed_and_their_text_kept() {
    let h = assert_listed(rule::SHORTCODES);
    let res = rules_search("narwhal");
    assert!(has_path(&res, rule::SHORTCODES), "text inside a shortcode is searchable: {}", show_hits(&res));
    let view = post_view(h);
    let body = view["body"].as_str().unwrap_or("");
    assert!(body.contains("narwhal"), "{body:?}");
    for junk in ["owl-carousel", "gallery-owl", "loop=true", "[/", "photo-1.jpg"] {
        assert!(!body.contains(junk), "`{junk}` left in the body: {body:?}");
    }
    let res = rules_search("carousel");
    assert!(!has_path(&res, rule::SHORTCODES), "shortcode names are not text: {}", show_hits(&res));
}

#[test]
fn image_alt_and_title_text_are_searchable() {
    for word in ["ocelot", "pelican"] {
        let res = rules_search(word);
        assert!(has_path(&res, rule::SHORTCODES), "`{word}`: {}", show_hits(&res));
    }
}

#[test]
fn raw_html_is_stripped_but_paragraph_text_kept() {
    let h = assert_listed(rule::HTML);
    let res = rules_search("quokka");
    assert!(has_path(&res, rule::HTML), "text in <p> is searchable: {}", show_hits(&res));
    let res = rules_search("xylophone");
    assert!(hits(&res).is_empty(), "text in <script> must not be searchable: {}", show_hits(&res));
    let body = post_view(h)["body"].as_str().unwrap_or("").to_owned();
    assert!(body.contains("quokka"), "{body:?}");
    for junk in ["<p>", "</p>", "<script", "xylophone"] {
        assert!(!body.contains(junk), "`{junk}` left in the body: {body:?}");
    }
}

#[test]
fn summary_ends_at_the_separator() {
    let view = post_view(assert_listed(rule::SUMMARY));
    let summary = view["summary"].as_str().unwrap_or("");
    let body = view["body"].as_str().unwrap_or("");
    assert!(summary.contains("raccoon") && !summary.contains("salamander"), "summary: {summary:?}");
    assert!(body.contains("raccoon") && body.contains("salamander"), "body: {body:?}");
    assert!(!body.contains("==="), "the separator is not text: {body:?}");
}

#[test]
fn snippets_are_html_escaped_with_marked_matches() {
    let server = rules_server();
    let res = server.search(&[("q", "tapir")]);
    let h = hit_by_path(&res, rule::ESCAPE).unwrap_or_else(|| panic!("{}", show_hits(&res)));
    let snippet = h["snippet"].as_str().unwrap();
    assert!(snippet.to_lowercase().contains("<mark>tapir</mark>"), "matches are marked: {snippet:?}");
    let unmarked = snippet.replace("<mark>", "").replace("</mark>", "");
    assert!(!unmarked.contains('<') && !unmarked.contains('>'), "raw markup in the snippet: {snippet:?}");
    assert!(!snippet.contains("<b>"), "{snippet:?}");
    assert!(snippet.contains("&lt;b&gt;"), "the `<b>` of the text is escaped: {snippet:?}");
    let cli = search_json(&rules().index, "tapir", &[]);
    let h = hit_by_path(&cli, rule::ESCAPE).unwrap_or_else(|| panic!("{}", show_hits(&cli)));
    assert!(!h["snippet"].as_str().unwrap().contains("<b>"), "{h}");
}

// --- which file of a folder Grav serves, per language ------------------------------------

fn langfile_skip_reason(path: &str) -> String {
    let report = &langfiles().report;
    let entry = report["skipped"].as_array().unwrap().iter().find(|s| s["path"] == path);
    entry.unwrap_or_else(|| panic!("{path} must be skipped: {report}"))["reason"].as_str().unwrap().to_owned()
}

fn langfile_listing(lang: &str) -> Value {
    search_json(&langfiles().index, "", &["--limit", "100", "--lang", lang])
}

#[test]
fn a_language_file_that_is_not_routable_hides_the_plain_file() {
    // Grav picks `default.de.md` for /de/ (and, as the default language's, for /en/): it is
    // not routable, so nothing is served, and the plain file never is.
    assert!(langfile_skip_reason(langfile::HIDDEN_DE).contains("routable"));
    let reason = langfile_skip_reason(langfile::HIDDEN_PLAIN);
    assert!(reason.contains("not served") && reason.contains("default.de.md"), "{reason}");
    for lang in ["de", "en"] {
        let res = langfile_listing(lang);
        assert!(!has_path(&res, "01.verborgen"), "{lang}: {}", show_hits(&res));
    }
    let res = search_json(&langfiles().index, "wombat", &[]);
    assert_eq!(count(&res, "total"), 0, "{}", show_hits(&res));
}

#[test]
fn an_unpublished_language_file_hides_the_plain_file_but_not_other_languages() {
    assert!(langfile_skip_reason(langfile::DRAFT_DE).contains("unpublished"));
    assert!(langfile_skip_reason(langfile::DRAFT_PLAIN).contains("not served"));
    assert!(!has_path(&langfile_listing("de"), "02.entwurf"));
    let en = langfile_listing("en");
    let hit = hit_by_path(&en, langfile::DRAFT_EN).unwrap_or_else(|| panic!("{}", show_hits(&en)));
    assert_eq!(hit["url"], "/en/blog/entwurf", "{hit}");
    let res = search_json(&langfiles().index, "ocelot", &[]);
    assert_eq!(hit_strs(&res, "path"), [langfile::DRAFT_EN], "{}", show_hits(&res));
}

#[test]
fn a_plain_file_is_the_default_language_page_where_the_folder_has_none() {
    let de = langfile_listing("de");
    for path in [langfile::PLAIN_ONLY, langfile::EN_ONLY_PLAIN] {
        let hit = hit_by_path(&de, path).unwrap_or_else(|| panic!("{path}: {}", show_hits(&de)));
        assert_eq!(hit["lang"], "de", "{hit}");
        assert!(hit["url"].as_str().unwrap().starts_with("/de/blog/"), "{hit}");
    }
    let en = langfile_listing("en");
    let hit = hit_by_path(&en, langfile::EN_ONLY_EN).unwrap_or_else(|| panic!("{}", show_hits(&en)));
    assert_eq!(hit["url"], "/en/blog/nur-englisch", "{hit}");
    // Every file is accounted for.
    assert_eq!(report_total(&langfiles().report), langfiles().md_files as u64, "{}", langfiles().report);
}

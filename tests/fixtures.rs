//! Hand-made Grav sites shared by the read-only tests, each indexed once per run.
//!
//! - [`archive`]: a kk/ru/en news archive (Grav `user/` folder, default language kk with
//!   `include_default_lang: true`, timezone Asia/Almaty) for the search features and the API.
//! - [`rules`]: a single-language `user/` folder (timezone Asia/Almaty) with one page per Grav
//!   reading rule: odd front matter, publication rules, dates, URLs, body clean-up.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock, Weak};

use serde_json::Value;

use crate::util::{TempContent, TestServer, index_json, search_json, shared_server};

/// A content folder and its index, built once.
pub struct Fixture {
    /// Owns the folder.
    pub dir: TempContent,
    /// The folder given as `--content`.
    pub content: PathBuf,
    /// The index folder.
    pub index: PathBuf,
    /// The report of the (first) indexing run.
    pub report: Value,
    /// `.md` files written below the content folder.
    pub md_files: usize,
}

impl Fixture {
    fn build(dir: TempContent, content_rel: &str) -> Fixture {
        let content = dir.join(content_rel);
        let index = dir.join("index");
        let md_files = dir.md_count(content_rel);
        let report = index_json(&content, &index, &[]);
        Fixture { dir, content, index, report, md_files }
    }
}

// ---------------------------------------------------------------------------------------
// The multilingual archive

/// Page folders of the archive (below `user/pages/02.news/`).
pub mod post {
    pub const SILK_ROAD: &str = "01.2019-07-22-silk-road-forum/";
    pub const CONFERENCE_RU: &str = "02.2019-09-13-transfusion-conference/";
    pub const LECTURE_RU: &str = "03.2020-03-16-hemophilia-lecture/";
    pub const KYZYLORDA_KK: &str = "04.2021-06-15-kyzylorda/";
    pub const VACCINE_COVID: &str = "05.2021-08-25-vaccination-covid/";
    pub const VACCINE_FLU: &str = "06.2021-10-01-vaccination-influenza/";
    pub const MYELOMA: &str = "07.2022-01-31-myeloma-school/";
    pub const LEUKEMIA: &str = "08.2022-04-12-leukemia-workshop/";
    pub const ROAD_TRIP: &str = "09.2022-05-21-road-trip/";
}

const ARCHIVE_SYSTEM: &str = "\
timezone: Asia/Almaty
languages:
  supported:
    - kk
    - ru
    - en
  default_lang: kk
  include_default_lang: true
pages:
  dateformat:
    default: null
";

const SILK_EN: &str = "\
---
title: '2019 Silk Road Central Asia Hematology Forum'
published: true
date: '22-07-2019 10:00'
publish_date: '22-07-2019 10:00'
taxonomy:
    category: [forum]
    tag: [international]
---

On July 20–21, Chair of the Board Irina Alekseevna Pivovarova and Medical Director Anton Anatolyevich Klodzinsky took part in the 2019 Silk Road Central Asia Hematology Forum, organized by the Hematology Division of the Chinese Medical Association.

===

[owl-carousel class=\"gallery-owl\" items=1 margin=10 loop=true autoplay=false lazyLoad=true]
![Silk Road Central Asia Hematology Forum](2019-07-22-1.jpg \"Silk Road Central Asia Hematology Forum\")
[/owl-carousel]

The development of hematology care and cooperative scientific research are impossible without international collaboration.

In recent decades, haploidentical hematopoietic stem cell transplantation and CAR-T therapy have been rapidly advancing in China.
";

const SILK_RU: &str = "\
---
title: 'Форум гематологов Центральной Азии «Шёлковый путь» 2019'
published: true
date: '22-07-2019 10:00'
taxonomy:
    category: [forum]
    tag: [international]
---

20–21 июля Председатель Правления Ирина Алексеевна Пивоварова и медицинский директор Антон Анатольевич Клодзинский приняли участие в работе форума гематологов Центральной Азии, организованного Китайской медицинской ассоциацией.

===

В последние десятилетия гаплоидентичная трансплантация гемопоэтических стволовых клеток и клеточные технологии в Китае стремительно развиваются.
";

const SILK_KK: &str = "\
---
title: 'Жібек жолы — Орталық Азия гематологиялық форумы 2019'
published: true
date: '22-07-2019 10:00'
taxonomy:
    category: [forum]
    tag: [international]
---

20–21 шілдеде Басқарма төрағасы Ирина Алексеевна Пивоварова Қытай медициналық қауымдастығы ұйымдастырған гематологтар форумының жұмысына қатысты.

Форумда Қазақстандағы гематологиялық қызметтің жағдайы туралы баяндама жасалды және бірлескен ғылыми зерттеулер талқыланды.
";

const CONFERENCE_RU: &str = "\
---
title: 'Научная конференция трансфузиологов'
date: '13-09-2019 10:00'
taxonomy:
    category: [conference]
---

В Алматы состоялась ежегодная научная конференция трансфузиологов. Обсуждалась детская гематология и безопасность донорской крови.
";

const LECTURE_RU: &str = "\
---
title: 'Лекция о гемофилии для студентов'
date: '16-03-2020 10:00'
---

Профессор Ирина Алексеевна Пивоварова прочитала студентам медицинского университета лекцию о гемофилии и современных методах её лечения.
";

const KYZYLORDA_KK: &str = "\
---
title: 'Қызылорда облысының гематологтарына әдістемелік көмек'
date: '15-06-2021 10:00'
---

Орталықтың мамандары Қызылорда облыстық көпбейінді ауруханасына барып, жергілікті дәрігерлерге әдістемелік көмек көрсетті.

Қызылорда қаласында қан аурулары бар пациенттерге тегін кеңес берілді және жаңа емдеу әдістері таныстырылды.
";

const VACCINE_COVID: &str = "\
---
title: 'Vaccination of patients with blood disorders'
date: '25-08-2021 10:00'
taxonomy:
    tag: [vaccination]
---

The center started a vaccination campaign against covid for patients with blood disorders and their relatives.
";

const VACCINE_FLU: &str = "\
---
title: 'Seasonal vaccination of staff'
date: '01-10-2021 10:00'
taxonomy:
    tag: [vaccination]
---

All members of staff received the seasonal vaccination against influenza this autumn.
";

const MYELOMA: &str = "\
---
title: 'Patient school on multiple myeloma'
date: '31-01-2022 10:00'
taxonomy:
    tag: [myeloma, school]
---

A patient school on multiple myeloma was held for patients and their families in the main building.
";

const LEUKEMIA: &str = "\
---
title: 'Workshop on acute leukemia'
date: '12-04-2022 10:00'
---

Doctors from three regions attended a workshop on the diagnosis of acute leukemia in children.
";

const ROAD_TRIP: &str = "\
---
title: 'A long road to the mountain clinic'
date: '21-05-2022 10:00'
---

The team travelled a long road to the mountain clinic and brought silk scarves as gifts for the young patients.
";

fn blog(title: &str, quoted: bool) -> String {
    let items = if quoted { "'@self.children'" } else { "@self.children" };
    format!(
        "---\ntitle: {title}\ncontent:\n    items: {items}\n    order:\n        by: date\n        dir: desc\n---\n"
    )
}

fn write_archive(dir: &TempContent) {
    dir.system_yaml("user", ARCHIVE_SYSTEM);
    let news = "user/pages/02.news/";
    dir.create(&format!("{news}blog.kk.md"), &blog("Жаңалықтар", true));
    dir.create(&format!("{news}blog.ru.md"), &blog("Новости", false));
    dir.create(&format!("{news}blog.en.md"), &blog("News", true));
    for (folder, file, text) in [
        (post::SILK_ROAD, "item.en.md", SILK_EN),
        (post::SILK_ROAD, "item.ru.md", SILK_RU),
        (post::SILK_ROAD, "item.kk.md", SILK_KK),
        (post::CONFERENCE_RU, "item.ru.md", CONFERENCE_RU),
        (post::LECTURE_RU, "item.ru.md", LECTURE_RU),
        (post::KYZYLORDA_KK, "item.kk.md", KYZYLORDA_KK),
        (post::VACCINE_COVID, "item.en.md", VACCINE_COVID),
        (post::VACCINE_FLU, "item.en.md", VACCINE_FLU),
        (post::MYELOMA, "item.en.md", MYELOMA),
        (post::LEUKEMIA, "item.en.md", LEUKEMIA),
        (post::ROAD_TRIP, "item.en.md", ROAD_TRIP),
    ] {
        dir.create(&format!("{news}{folder}{file}"), text);
    }
}

/// The multilingual archive, indexed once.
pub fn archive() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = TempContent::shared("annals-shared-archive-");
        write_archive(&dir);
        Fixture::build(dir, "user")
    })
}

/// A server over the archive's index.
pub fn archive_server() -> Arc<TestServer> {
    static S: Mutex<Weak<TestServer>> = Mutex::new(Weak::new());
    let index = archive().index.clone();
    shared_server(&S, || TestServer::start(&index, &[]))
}

// ---------------------------------------------------------------------------------------
// One page per Grav rule

/// Page files of the rules site (below `user/`), with what each one tests.
pub mod rule {
    pub const BLOG: &str = "pages/01.news/blog.md";
    pub const BOM: &str = "pages/01.news/2019-07-22-bom/item.md";
    pub const CRLF: &str = "pages/01.news/2019-07-23-crlf/item.md";
    pub const NO_CLOSING_FENCE: &str = "pages/01.news/2019-07-24-no-closing-fence/item.md";
    pub const EMPTY_FRONT_MATTER: &str = "pages/01.news/2019-07-25-empty-front-matter/item.md";
    pub const NO_FRONT_MATTER: &str = "pages/01.news/2019-07-26-no-front-matter/item.md";
    pub const COLON_TITLE: &str = "pages/01.news/2019-07-27-colon-title/item.md";
    pub const TABS: &str = "pages/01.news/2019-07-28-tabs/item.md";
    pub const BROKEN_YAML: &str = "pages/01.news/2019-07-29-broken-yaml/item.md";
    pub const UNPUBLISHED: &str = "pages/01.news/2019-07-30-unpublished/item.md";
    pub const NOT_ROUTABLE: &str = "pages/01.news/2019-07-31-not-routable/item.md";
    pub const FUTURE: &str = "pages/01.news/2019-08-01-future/item.md";
    pub const EXPIRED: &str = "pages/01.news/2019-08-02-expired/item.md";
    pub const INVISIBLE: &str = "pages/01.news/2019-08-03-invisible/item.md";
    pub const DATE_DAY_FIRST: &str = "pages/01.news/date-day-first/item.md";
    pub const DATE_MONTH_FIRST: &str = "pages/01.news/date-month-first/item.md";
    pub const DATE_ISO: &str = "pages/01.news/date-iso/item.md";
    pub const DATE_TIME_FIRST: &str = "pages/01.news/date-time-first/item.md";
    pub const DATE_ALMATY_2024: &str = "pages/01.news/date-almaty-2024/item.md";
    pub const NO_DATE: &str = "pages/01.news/2019-03-05-no-date/item.md";
    pub const BAD_DATE: &str = "pages/01.news/2018-11-30-bad-date/item.md";
    pub const NUMBERED: &str = "pages/01.news/02.numbered-folder/item.md";
    pub const SLUG: &str = "pages/01.news/custom-slug-folder/item.md";
    pub const DOCS_16: &str = "pages/02.docs/docs.16.md";
    pub const KAZAKH: &str = "pages/01.news/kazakh-text/item.md";
    pub const SHORTCODES: &str = "pages/01.news/body-shortcodes/item.md";
    pub const HTML: &str = "pages/01.news/body-html/item.md";
    pub const SUMMARY: &str = "pages/01.news/body-summary/item.md";
    pub const ESCAPE: &str = "pages/01.news/body-escape/item.md";
}

fn dated(title: &str, date: &str, body: &str) -> String {
    format!("---\ntitle: '{title}'\ndate: '{date}'\n---\n\n{body}\n")
}

fn write_rules(dir: &TempContent) {
    dir.system_yaml("user", "timezone: Asia/Almaty\n");
    let files: Vec<(&str, String)> = vec![
        (
            rule::BLOG,
            "---\ntitle: News\ncontent:\n    items: @self.children\n    order:\n        by: date\n        dir: desc\n---\n"
                .into(),
        ),
        (
            rule::BOM,
            "\u{feff}---\ntitle: 'Byte order mark post'\ndate: '22-07-2019 10:00'\n---\n\nThe aardvark digs at night.\n".into(),
        ),
        (
            rule::CRLF,
            "---\r\ntitle: 'Windows line ends'\r\ndate: '23-07-2019 10:00'\r\n---\r\n\r\nThe bumblebee hums.\r\n\r\nA second paragraph.\r\n"
                .into(),
        ),
        (rule::NO_CLOSING_FENCE, "---\ntitle: 'Never closed'\ndate: '24-07-2019 10:00'\n\nThe chinchilla has soft fur.\n".into()),
        (rule::EMPTY_FRONT_MATTER, "---\n---\n\nThe dromedary has one hump.\n".into()),
        (rule::NO_FRONT_MATTER, "# Echidna heading\n\nThe echidna lays eggs.\n".into()),
        (rule::COLON_TITLE, "---\ntitle: Batman: Arkham Asylum\ndate: '27-07-2019 10:00'\n---\n\nThe flamingo stands on one leg.\n".into()),
        (
            rule::TABS,
            "---\ntitle: 'Tabbed header'\ndate: '28-07-2019 10:00'\ntaxonomy:\n\tcategory: tabcat\n\ttag: [tabtag]\n---\n\nThe gecko climbs walls.\n"
                .into(),
        ),
        (
            // Line 5 of the file is the broken one.
            rule::BROKEN_YAML,
            "---\ntitle: 'Broken post'\npublished: true\ndate: '29-07-2019 10:00'\n  bad: indent\n---\n\nThe gazelle runs fast.\n"
                .into(),
        ),
        (
            rule::UNPUBLISHED,
            "---\ntitle: 'Unpublished post'\npublished: false\ndate: '30-07-2019 10:00'\n---\n\nThe hedgehog sleeps.\n".into(),
        ),
        (
            rule::NOT_ROUTABLE,
            "---\ntitle: 'Not routable post'\nroutable: false\ndate: '31-07-2019 10:00'\n---\n\nThe iguana basks.\n".into(),
        ),
        (
            rule::FUTURE,
            "---\ntitle: 'Future post'\ndate: '01-08-2019 10:00'\npublish_date: '01-01-2099 10:00'\n---\n\nThe jackal howls.\n".into(),
        ),
        (
            rule::EXPIRED,
            "---\ntitle: 'Expired post'\ndate: '02-08-2019 10:00'\nunpublish_date: '01-01-2001 10:00'\n---\n\nThe kookaburra laughs.\n"
                .into(),
        ),
        (
            rule::INVISIBLE,
            "---\ntitle: 'Invisible post'\nvisible: false\ndate: '03-08-2019 10:00'\n---\n\nThe lemur leaps.\n".into(),
        ),
        (rule::DATE_DAY_FIRST, dated("Day first", "22-07-2019 10:00", "A date with the day first.")),
        (rule::DATE_MONTH_FIRST, dated("Month first", "07/22/2019", "A date with the month first.")),
        (rule::DATE_ISO, dated("Year first", "2019-07-22 10:00", "An ISO date.")),
        (rule::DATE_TIME_FIRST, dated("Time first", "12:29 23-07-2020", "A date with the time first.")),
        (rule::DATE_ALMATY_2024, dated("Almaty in 2024", "01-06-2024 10:00", "A date after Almaty moved its clocks.")),
        (rule::NO_DATE, "---\ntitle: 'No date'\n---\n\nNothing tells a date here.\n".into()),
        (rule::BAD_DATE, dated("Impossible date", "31-02-2019", "February has no 31st.")),
        (rule::NUMBERED, dated("Numbered folder", "04-08-2019 10:00", "A folder with a numeric prefix.")),
        (
            rule::SLUG,
            "---\ntitle: 'Custom slug'\nslug: my-custom-slug\ndate: '05-08-2019 10:00'\n---\n\nA page with its own slug.\n".into(),
        ),
        (
            rule::DOCS_16,
            "---\ntitle: 'Versioned docs'\n---\n\nThis documentation page explains how to configure the server for version sixteen.\n".into(),
        ),
        (
            rule::KAZAKH,
            "---\ntitle: 'Гематология орталығының жаңалықтары'\ndate: '06-08-2019 10:00'\n---\n\n\
             Қазақстан Республикасының гематология орталығы пациенттерге көмек көрсетеді және жаңа әдістерді қолданады. \
             Орталықтың дәрігерлері облыстардағы әріптестерімен тәжірибе алмасып, балаларға арналған мектеп өткізді.\n"
                .into(),
        ),
        (
            rule::SHORTCODES,
            "---\ntitle: 'Gallery post'\ndate: '10-08-2019 10:00'\n---\n\nA mongoose opens the gallery.\n\n\
             [owl-carousel class=\"gallery-owl\" items=1 margin=10 loop=true]\n\
             ![An ocelot in the grass](photo-1.jpg \"A pelican on the shore\")\n\
             The narwhal caption stays.\n\
             [/owl-carousel]\n"
                .into(),
        ),
        (
            rule::HTML,
            "---\ntitle: 'Raw HTML post'\ndate: '11-08-2019 10:00'\n---\n\nA visible introduction.\n\n\
             <script>var xylophone = \"hidden\";</script>\n\n\
             <p>The quokka smiles in a paragraph.</p>\n"
                .into(),
        ),
        (
            rule::SUMMARY,
            "---\ntitle: 'Summary post'\ndate: '12-08-2019 10:00'\n---\n\nThe raccoon opens the summary.\n\n===\n\nThe salamander closes the body.\n"
                .into(),
        ),
        (
            rule::ESCAPE,
            "---\ntitle: 'Escaping post'\ndate: '13-08-2019 10:00'\n---\n\nThe `<b>` tag makes the tapir text bold, and 5 < 6 & 7 > 3.\n"
                .into(),
        ),
    ];
    for (path, text) in files {
        dir.create(&format!("user/{path}"), &text);
    }
}

/// The rules site, indexed once.
pub fn rules() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = TempContent::shared("annals-shared-rules-");
        write_rules(&dir);
        Fixture::build(dir, "user")
    })
}

/// Every searchable post of the rules site (browsing, 100 per page).
pub fn rules_listing() -> &'static Value {
    static L: OnceLock<Value> = OnceLock::new();
    L.get_or_init(|| search_json(&rules().index, "", &["--limit", "100"]))
}

/// The listed hit of a rules page file (`rule::*`); fails the test when it is not listed.
pub fn rules_hit(path: &str) -> &'static Value {
    let listing = rules_listing();
    crate::util::hit_by_path(listing, path).unwrap_or_else(|| {
        panic!(
            "{path} is not searchable (browsing the rules site)\nreport: {}\nlisting: {}",
            rules().report,
            crate::util::show_hits(listing)
        )
    })
}

/// A server over the rules site's index.
pub fn rules_server() -> Arc<TestServer> {
    static S: Mutex<Weak<TestServer>> = Mutex::new(Weak::new());
    let index = rules().index.clone();
    shared_server(&S, || TestServer::start(&index, &[]))
}

// ---------------------------------------------------------------------------------------
// Which file of a folder Grav serves, per language

/// Page files of the language-files site (below `user/`): a German/English site whose default
/// language is German, with folders holding a language file and a plain file.
pub mod langfile {
    /// Not routable, next to a plain file: nothing is served in either language.
    pub const HIDDEN_DE: &str = "pages/01.blog/01.verborgen/default.de.md";
    pub const HIDDEN_PLAIN: &str = "pages/01.blog/01.verborgen/default.md";
    /// Unpublished German file, an English one and a plain one: only the English one is served.
    pub const DRAFT_DE: &str = "pages/01.blog/02.entwurf/item.de.md";
    pub const DRAFT_EN: &str = "pages/01.blog/02.entwurf/item.en.md";
    pub const DRAFT_PLAIN: &str = "pages/01.blog/02.entwurf/item.md";
    /// A plain file alone: the default language's page.
    pub const PLAIN_ONLY: &str = "pages/01.blog/03.nur-plain/item.md";
    /// An English file and a plain one: the plain one is the German page.
    pub const EN_ONLY_EN: &str = "pages/01.blog/04.nur-englisch/item.en.md";
    pub const EN_ONLY_PLAIN: &str = "pages/01.blog/04.nur-englisch/item.md";
}

/// The language-files site, indexed once.
pub fn langfiles() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = TempContent::shared("annals-shared-langfiles-");
        dir.system_yaml(
            "user",
            "languages:\n  supported: [de, en]\n  default_lang: de\n  include_default_lang: true\n",
        );
        let page = |title: &str, flags: &str, body: &str| {
            format!("---\ntitle: '{title}'\ndate: '01-06-2024 10:00'\n{flags}---\n\n{body}\n")
        };
        for (path, text) in [
            (
                langfile::HIDDEN_DE,
                page("Verborgene Seite", "routable: false\n", "Der Wombat schläft im Bau."),
            ),
            (langfile::HIDDEN_PLAIN, page("Hidden page", "", "The wombat sleeps in its burrow.")),
            (langfile::DRAFT_DE, page("Entwurf", "published: false\n", "Der Ozelot jagt nachts.")),
            (langfile::DRAFT_EN, page("Draft", "", "The ocelot hunts at night.")),
            (langfile::DRAFT_PLAIN, page("Draft plain", "", "The ocelot of the plain file.")),
            (langfile::PLAIN_ONLY, page("Nur plain", "", "Das Schnabeltier schwimmt.")),
            (langfile::EN_ONLY_EN, page("Quetzal", "", "The quetzal flies over the forest.")),
            (langfile::EN_ONLY_PLAIN, page("Quetzal Deutsch", "", "Der Quetzal fliegt über den Wald.")),
        ] {
            dir.create(&format!("user/{path}"), &text);
        }
        Fixture::build(dir, "user")
    })
}

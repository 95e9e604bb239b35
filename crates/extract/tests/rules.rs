//! End-to-end rules, one table per family: what `extract` must find in a short text.

use annals_extract::{extract, person_key};
use jiff::civil::date;

/// Persons found in `text`: (mention, key, name, role).
fn persons(text: &str, lang: &str) -> Vec<(String, String, String, Option<String>)> {
    extract(text, lang, None).persons.into_iter().map(|p| (p.text, p.key, p.name, p.role)).collect()
}

fn check_persons(text: &str, lang: &str, expected: &[&str]) {
    let got: Vec<String> = persons(text, lang).into_iter().map(|p| p.0).collect();
    assert_eq!(got, expected, "persons in {text:?}");
}

#[test]
fn full_names_in_any_order() {
    for (text, lang, exp) in [
        ("Вчера Ирина Алексеевна Пивоварова открыла форум.", "ru", vec!["Ирина Алексеевна Пивоварова"]),
        ("Доклад сделала Пивоварова Ирина Алексеевна.", "ru", vec!["Пивоварова Ирина Алексеевна"]),
        (
            "Слово взял И. А. Пивоварова, затем выступил А.А. Клодзинский.",
            "ru",
            vec!["И. А. Пивоварова", "А.А. Клодзинский"],
        ),
        ("The report by Pivovarova I.A. was praised.", "en", vec!["Pivovarova I.A."]),
        ("Anton Anatolyevich Klodzinsky opened the session.", "en", vec!["Anton Anatolyevich Klodzinsky"]),
        (
            "Жиынға Ардақ Асылханұлы мен Гүлжан Көленқызы қатысты.",
            "kk",
            vec!["Ардақ Асылханұлы", "Гүлжан Көленқызы"],
        ),
        ("Кездесуде Қасым-Жомарт Тоқаевтың сөзі оқылды.", "kk", vec!["Қасым-Жомарт Тоқаевтың"]),
    ] {
        check_persons(text, lang, &exp);
    }
}

#[test]
fn titles_are_roles_not_names() {
    let p = persons("We thank Professor Kaiyan Liu and Dr. He Huang for the talk.", "en");
    assert_eq!(p[0].0, "Kaiyan Liu");
    assert_eq!(p[0].3.as_deref(), Some("Professor"));
    let p = persons("Медицинский директор Антон Клодзинский сказал, что всё готово.", "ru");
    assert_eq!(p[0].0, "Антон Клодзинский");
    assert_eq!(p[0].3.as_deref(), Some("Медицинский директор"));
    let p = persons("По словам профессора Пивоваровой, лечение идёт успешно.", "ru");
    assert_eq!(p[0].0, "Пивоваровой");
}

#[test]
fn later_short_mentions_resolve() {
    let p = persons(
        "Ирина Алексеевна Пивоварова открыла форум. Затем Пивоварова ответила на вопросы. \
         Позже Пивоваровой вручили грамоту.",
        "ru",
    );
    assert_eq!(p.len(), 3);
    for (_, key, name, _) in &p {
        assert_eq!(key, "pivovarova-i");
        assert_eq!(name, "Ирина Алексеевна Пивоварова");
    }
}

#[test]
fn inflected_names_get_nominative() {
    let p = persons("Грамоту вручили Пивоваровой Ирине Алексеевне и Клодзинскому Антону.", "ru");
    let names: Vec<&str> = p.iter().map(|x| x.2.as_str()).collect();
    assert_eq!(names, ["Пивоварова Ирина Алексеевна", "Клодзинский Антон"]);
}

#[test]
fn not_persons() {
    for (text, lang) in [
        ("Central Asia and the Silk Road met in Medical Director meetings.", "en"),
        ("В Москве и Алматы прошли встречи Министерства здравоохранения.", "ru"),
        ("The forum opened in July in Astana.", "en"),
        ("Жамбыл облысында жиын өтті.", "kk"),
        ("Акция прошла в Тамбове в мае.", "ru"),
    ] {
        assert!(persons(text, lang).is_empty(), "{text:?}: {:?}", persons(text, lang));
    }
}

#[test]
fn keys_across_scripts() {
    let k = person_key("Пивоваровой Ирины Алексеевны");
    for n in ["Пивоварова И.А.", "И. А. Пивоварова", "Irina Alekseevna Pivovarova", "Пивоварова Ирина"]
    {
        assert_eq!(person_key(n), k, "{n}");
    }
    assert_eq!(person_key("Клодзинский Антон Анатольевич"), person_key("Anton Klodzinsky"));
}

/// Rule families for the archive's own pages: what a person facet must not hold. The texts
/// are written for the test (made-up people, addresses and products).
#[test]
fn archive_non_persons() {
    for (text, lang) in [
        // streets in addresses
        ("Address: 12B Abylaikhan St., 2nd floor, tel. +7 700 000 00 00.", "en"),
        ("Karaganda, 9 T. Bokeikhan Ave., office 3.", "en"),
        ("г. Астана, ул. Абылайхана 12Б, второй этаж.", "ru"),
        ("г. Караганда, пр. Т.Бокейхана, дом 9.", "ru"),
        ("Приём ведётся по адресу: проспект Алихана Бокейхана, 9.", "ru"),
        ("Астана қ., Абылайхан к-сі, 12Б.", "kk"),
        // role and institution words in English title case
        ("Questions go to the Patient Care Service on WhatsApp.", "en"),
        ("The Chief Visiting Cardiologist of the region came.", "en"),
        ("The team attended the Asian Oncology Forum in Almaty.", "en"),
        ("Join the Patient Schools and Consultations this spring.", "en"),
        // capitals, labels, abbreviations with endings
        ("WHAT YOU CAN GET FOR FREE", "en"),
        ("Ф.И.О. пациента, дата рождения", "ru"),
        ("Т.А.Ә. толық жазылады", "kk"),
        ("Студенты ВУЗов и СУЗов пришли.", "ru"),
        // products and substances
        ("Дефицит: Антитромбин III, затем Протеин S.", "ru"),
        ("✔️ Гепарин в малых дозах ✔️ Варфарин под контролем", "ru"),
        // contract vocabulary
        ("Условия едины для всех Клиентов. Клиент обязан оплатить услуги Клиентов.", "ru"),
        ("Тегін медициналық көмек көрсетіледі.", "kk"),
    ] {
        assert!(persons(text, lang).is_empty(), "{text:?}: {:?}", persons(text, lang));
    }
}

#[test]
fn archive_names_are_trimmed() {
    for (text, lang, exp) in [
        ("Contact person: Dana Serikovna Omarova Phone: +7 700 000 0000", "en", "Dana Serikovna Omarova"),
        ("President of the Society of Oncohematologists Dana Omarova spoke.", "en", "Dana Omarova"),
        ("директор Д.С. Омарова Қытай медицина қауымдастығымен кездесті", "kk", "Д.С. Омарова"),
        ("Chair of the Board Irina Petrovna Sokolova opened it.", "en", "Irina Petrovna Sokolova"),
    ] {
        check_persons(text, lang, &[exp]);
    }
}

#[test]
fn kazakh_case_endings_on_names() {
    for (text, name) in [
        ("Олар Марат Абдрахмановпен кездесті.", "Марат Абдрахманов"),
        ("Біз Дана Вишневскиймен сөйлестік.", "Дана Вишневский"),
        ("Біз Елена Павловнаны құттықтаймыз.", "Елена Павловна"),
        ("Игорь Сергеевичтің баяндамасы тыңдалды.", "Игорь Сергеевич"),
    ] {
        let p = persons(text, "kk");
        assert_eq!(p.len(), 1, "{text:?}: {p:?}");
        assert_eq!(p[0].2, name, "{text:?}");
    }
}

#[test]
fn archive_keys_meet_across_languages() {
    // a middle initial never becomes the first letter of the key
    assert_eq!(person_key("Dana E. Omarova"), person_key("Омарова Дана Ерлановна"));
    // spelling variants of one name
    assert_eq!(person_key("Vadim Baikov"), person_key("Вадим Байков"));
    assert_eq!(person_key("Svetlana Grigorieva"), person_key("Светлана Григорьева"));
    assert_eq!(person_key("Alyona Petrova"), person_key("Алёна Петрова"));
    // a second patronymic-shaped word is a surname
    assert_eq!(person_key("Анна Сергеевна Карпович"), "karpovich-a");
    // a given name and patronymic take the full name written in the same text
    let p = persons("Secretary – Omarova Dana Serikovna. Questions: Dana Serikovna answers them.", "en");
    assert!(p.len() == 2 && p.iter().all(|x| x.1 == "omarova-d"), "{p:?}");
    let p = persons("Приём ведёт Валерий Григорьевич Сомов. Валерия Григорьевича знают все.", "ru");
    assert!(p.len() == 2 && p.iter().all(|x| x.1 == "somov-v"), "{p:?}");
    // a lone given name takes the person named in full in the text
    let p = persons("Лиза Орлова нарисовала море. Лиза любит рисовать.", "ru");
    assert!(p.len() == 2 && p.iter().all(|x| x.1 == "orlova-l"), "{p:?}");
}

#[test]
fn archive_event_dates() {
    let dct = Some(date(2019, 7, 22));
    // a year in an event's name is not an event date
    check_dates(
        "They attended the 2019 Steppe Oncology Forum on July 20–21.",
        "en",
        dct,
        &[("July 20–21", "2019-07-20/2019-07-21")],
    );
    check_dates("2019 Steppe Oncology Forum", "en", dct, &[]);
    check_dates("Treatment in line with ELN 2022 guidelines.", "en", dct, &[]);
    check_dates("в рамках конкурса «Лучший врач – 2019».", "ru", dct, &[]);
    // but a year before an adjective and a common noun is one
    check_dates("the 1996 Olympic bombing", "en", dct, &[("1996", "1996")]);
    check_dates(
        "From May 22 to 24, 2024, the school runs.",
        "en",
        dct,
        &[("May 22 to 24, 2024", "2024-05-22/2024-05-24")],
    );
    // months listed after a dated one keep its year
    check_dates(
        "Сапарлар сәуір, мамыр және маусым айларында өтеді.",
        "kk",
        Some(date(2022, 4, 12)),
        &[("сәуір", "2022-04"), ("мамыр", "2022-05"), ("маусым", "2022-06")],
    );
    // "for the second year running" has no calendar year
    check_dates("Бұл екінші жыл қатарынан өтіп жатыр.", "kk", dct, &[("екінші жыл", "")]);
}

fn check_dates(text: &str, lang: &str, dct: Option<jiff::civil::Date>, expected: &[(&str, &str)]) {
    let got: Vec<(String, String)> =
        extract(text, lang, dct).dates.into_iter().map(|d| (d.text, d.value)).collect();
    let exp: Vec<(String, String)> = expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    assert_eq!(got, exp, "dates in {text:?}");
}

#[test]
fn dates_from_the_brief() {
    let dct = Some(date(2019, 7, 22));
    check_dates("On July 20–21 the forum met.", "en", dct, &[("July 20–21", "2019-07-20/2019-07-21")]);
    check_dates(
        "Форум прошёл 20–21 июля 2019 года.",
        "ru",
        None,
        &[("20–21 июля 2019 года", "2019-07-20/2019-07-21")],
    );
    check_dates(
        "Съезд пройдёт с 6 по 8 июля.",
        "ru",
        Some(date(2019, 6, 1)),
        &[("6 по 8 июля", "2019-07-06/2019-07-08")],
    );
    check_dates(
        "2019 жылғы 20–21 шілдеде өтті.",
        "kk",
        None,
        &[("2019 жылғы 20–21 шілдеде", "2019-07-20/2019-07-21")],
    );
    check_dates("Дата: 20.07.2019.", "ru", None, &[("20.07.2019", "2019-07-20")]);
    check_dates("He spoke on 15 October.", "en", dct, &[("15 October", "2018-10-15")]);
    check_dates("The team met on Saturday.", "en", dct, &[("Saturday", "2019-07-20")]);
    check_dates(
        "Вчера и кеше и yesterday",
        "ru",
        dct,
        &[("Вчера", "2019-07-21"), ("кеше", "2019-07-21"), ("yesterday", "2019-07-21")],
    );
    check_dates("The clinic opened last week.", "en", dct, &[("last week", "2019-07-15/2019-07-21")]);
    check_dates("в июле 2019 года", "ru", None, &[("июле 2019 года", "2019-07")]);
    check_dates("в 2019 году", "ru", None, &[("2019 году", "2019")]);
    check_dates("Мамыр айында, қаңтарда және қазанда", "kk", None, &[("қаңтарда", ""), ("қазанда", "")]);
}

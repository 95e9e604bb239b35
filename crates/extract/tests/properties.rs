//! Properties that hold for any input: no panic, offsets in chars, spans that slice back to
//! the mention text, mentions in text order.

use proptest::prelude::*;

fn check_offsets(text: &str, lang: &str) {
    let chars: Vec<char> = text.chars().collect();
    let dct = jiff::civil::date(2019, 7, 22);
    let x = annals_extract::extract(text, lang, Some(dct));
    let slice = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    let mut last = 0;
    for p in &x.persons {
        assert!(p.start < p.end && p.end <= chars.len(), "{p:?}");
        assert_eq!(slice(p.start, p.end), p.text);
        assert!(p.start >= last, "persons out of order");
        last = p.start;
    }
    last = 0;
    for d in &x.dates {
        assert!(d.start < d.end && d.end <= chars.len(), "{d:?}");
        assert_eq!(slice(d.start, d.end), d.text);
        assert!(d.start >= last, "dates out of order");
        last = d.start;
    }
    let _ = annals_extract::extract(text, lang, None);
    let _ = annals_extract::person_key(text);
    let _ = annals_lang::translit::to_latin(text);
    let _ = annals_lang::translit::fold(text);
}

/// Strings built from pieces that exercise the rules (names, months, digits, dashes,
/// initials, Kazakh letters) mixed with arbitrary chars.
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Ирина ".to_string()),
        Just("Алексеевна ".to_string()),
        Just("Пивоваровой ".to_string()),
        Just("И.А. ".to_string()),
        Just("Тоқаевтың ".to_string()),
        Just("John ".to_string()),
        Just("Smith's ".to_string()),
        Just("20–21 июля 2019 года ".to_string()),
        Just("2019 жылғы 20 шілдеде ".to_string()),
        Just("July 20-21, 2019 ".to_string()),
        Just("last Friday ".to_string()),
        Just("с 6 по 8 ".to_string()),
        Just("20.07.2019 ".to_string()),
        Just("екі мың он ".to_string()),
        Just("«".to_string()),
        Just("\"".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just("'".to_string()),
        Just("-".to_string()),
        "\\PC{0,6}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn arbitrary_unicode_never_panics(s in any::<String>()) {
        for lang in ["ru", "kk", "en", ""] {
            check_offsets(&s, lang);
        }
    }

    #[test]
    fn rule_like_text_keeps_offsets(s in texty()) {
        for lang in ["ru", "kk", "en", "xx"] {
            check_offsets(&s, lang);
        }
    }
}

#[test]
fn edge_cases() {
    for s in
        ["", " ", "'", "Iraq'", "A.", "И.", "2019", "2019-", "20.", "июля", "\u{0301}", "Ж.-", "1\u{0300}2"]
    {
        check_offsets(s, "ru");
        check_offsets(s, "en");
        check_offsets(s, "kk");
    }
}

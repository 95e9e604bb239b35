//! Transliteration and folding of Russian and Kazakh Cyrillic.
//!
//! [`to_latin`] writes ru/kk Cyrillic in lowercase ASCII Latin with one scheme close to
//! the English spellings used in the archive (Пивоварова → pivovarova, Клодзинский →
//! klodzinsky, Жанна → zhanna, Қызылорда → kyzylorda): й/ий/ый → y, х → kh, ц → ts,
//! щ → shch, ю → yu, я → ya, ё → e, ъ dropped, ь dropped (but ь before е/и → y, so
//! Анатольевич → anatolyevich), and the Kazakh letters ә→a ғ→g қ→k ң→n ө→o ұ/ү→u һ→h і→i.
//! Latin input is lowercased and common diacritics are stripped (é → e, ü → u, ş → s), so
//! both scripts land in the same space. Other chars pass through lowercased.
//!
//! [`fold`] stays in Cyrillic: lowercase, ё → е and every Kazakh-specific letter to its
//! nearest Russian-keyboard letter (қ→к, ғ→г, ң→н, ө→о, ұ/ү→у, һ→х, і→и, ә→а), so a query
//! typed on a Russian keyboard ("кызылорда") matches "Қызылорда".

/// Transliterate Cyrillic (ru/kk) to lowercase ASCII Latin; lowercase Latin with
/// diacritics stripped.
pub fn to_latin(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // each char lowercased alone (no final-sigma rule), as `char::to_lowercase` does
    let mut lower = String::with_capacity(s.len());
    for c in s.chars() {
        crate::tokens::push_lower(&mut lower, c);
    }
    let mut chars = lower.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        // ий / ый (and ій) → y
        if matches!(c, 'и' | 'ы' | 'і') && next == Some('й') {
            out.push('y');
            chars.next();
            continue;
        }
        match c {
            'ь' => {
                if matches!(next, Some('е' | 'и' | 'ё' | 'о')) {
                    out.push('y');
                }
            }
            'ъ' => {}
            _ => match latin_of(c) {
                Some(l) => out.push_str(l),
                None => out.push(c),
            },
        }
    }
    out
}

/// The Latin spelling of one lowercase char, when it has one (`ь`, `ъ` and the `ий`/`ый`
/// endings are [`to_latin`]'s, which looks at the next char).
#[inline]
pub fn latin_of(c: char) -> Option<&'static str> {
    Some(match c {
        'а' | 'ә' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ғ' | 'ґ' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' | 'є' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' => "i",
        'ї' => "yi",
        'й' => "y",
        'к' | 'қ' => "k",
        'л' => "l",
        'м' => "m",
        'н' | 'ң' => "n",
        'о' | 'ө' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ұ' | 'ү' | 'ў' => "u",
        'ф' => "f",
        'х' => "kh",
        'һ' => "h",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ы' => "y",
        'ю' => "yu",
        'я' => "ya",
        '’' | 'ʼ' => "'",
        _ => return latin_base(c),
    })
}

/// The base letters of a lowercase Latin letter with diacritics (`ü` → `u`, `ș` → `s`,
/// `ß` → `ss`, `æ` → `ae`), when it has them.
#[inline]
pub fn latin_base(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' => "i",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' | 'ō' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ű' | 'ů' | 'ū' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// Lowercase and fold for matching words across spellings: [`fold`] (`ё` → `е`, Kazakh letters
/// to their Russian-keyboard neighbours), Latin letters without diacritics ([`latin_base`]:
/// `März` → `marz`, `pornește` → `porneste`), Greek without accents and with one sigma
/// (`Μαΐου` → `μαιου`), Arabic alef without its hamza or madda (`أيار` → `ايار`), and
/// combining marks dropped.
pub fn fold_marks(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut lower = String::with_capacity(4);
    for c in s.chars() {
        lower.clear();
        crate::tokens::push_lower(&mut lower, c);
        for l in lower.chars() {
            if let Some(base) = latin_base(l) {
                out.push_str(base);
                continue;
            }
            match l {
                '\u{0300}'..='\u{036F}' => {}
                'ά' => out.push('α'),
                'έ' => out.push('ε'),
                'ή' => out.push('η'),
                'ί' | 'ϊ' | 'ΐ' => out.push('ι'),
                'ό' => out.push('ο'),
                'ύ' | 'ϋ' | 'ΰ' => out.push('υ'),
                'ώ' => out.push('ω'),
                'ς' => out.push('σ'),
                'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
                _ => out.push(fold_char(l)),
            }
        }
    }
    out
}

/// [`fold`] for a string that is already lowercase (as [`crate::tokens::Token::lower`] is).
pub fn fold_lower(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// [`fold`] of one lowercase char.
#[inline]
pub fn fold_char(c: char) -> char {
    match c {
        'ё' => 'е',
        'қ' => 'к',
        'ғ' => 'г',
        'ң' => 'н',
        'ө' => 'о',
        'ұ' | 'ү' => 'у',
        'һ' => 'х',
        'і' => 'и',
        'ә' => 'а',
        _ => c,
    }
}

/// Lowercase, `ё` → `е`, Kazakh-specific letters → nearest Russian letters.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(l) = crate::tokens::cyrillic_lower(c) {
            out.push(fold_char(l));
        } else {
            // lowercase (possibly several chars), then fold each
            let start = out.len();
            crate::tokens::push_lower(&mut out, c);
            if out[start..].chars().any(|l| fold_char(l) != l) {
                let low: String = out.drain(start..).collect();
                out.extend(low.chars().map(fold_char));
            }
        }
    }
    out
}

/// The old two-pass definition of [`fold`], for the tests.
#[cfg(test)]
fn fold_two_pass(s: &str) -> String {
    let mut low = String::with_capacity(s.len());
    for c in s.chars() {
        crate::tokens::push_lower(&mut low, c);
    }
    low.chars().map(fold_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        assert_eq!(to_latin(input), expected, "to_latin({input:?})");
    }

    #[test]
    fn latin_scheme() {
        for (i, e) in [
            ("Пивоварова", "pivovarova"),
            ("Pivovarova", "pivovarova"),
            ("Клодзинский", "klodzinsky"),
            ("Klodzinsky", "klodzinsky"),
            ("Алексеевна", "alekseevna"),
            ("Жанна", "zhanna"),
            ("Қызылорда", "kyzylorda"),
            ("Анатольевич", "anatolyevich"),
            ("Щукин", "shchukin"),
            ("Цой Юлия", "tsoy yuliya"),
            ("Ёлкин", "elkin"),
            ("Әсел Құралай", "asel kuralay"),
            ("Müller", "muller"),
            ("3 мая", "3 maya"),
        ] {
            check(i, e);
        }
    }

    #[test]
    fn push_lower_is_char_to_lowercase() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let mut s = String::new();
            crate::tokens::push_lower(&mut s, c);
            assert_eq!(s, c.to_lowercase().collect::<String>(), "{c:?}");
        }
    }

    #[test]
    fn fold_is_lowercase_then_fold_char() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(fold(&s), fold_two_pass(&s), "{c:?}");
        }
        for s in ["Қызылорда ӨСКЕМЕН Ёлка", "İİ Σ Müller", "abc", ""] {
            assert_eq!(fold(s), fold_two_pass(s), "{s}");
        }
    }

    #[test]
    fn fold_marks_drops_diacritics_in_every_script() {
        assert_eq!(fold_marks("Hümmling"), "hummling");
        assert_eq!(fold_marks("pornește PORNEŞTE"), "porneste porneste");
        assert_eq!(fold_marks("Straße Ærø"), "strasse aero");
        assert_eq!(fold_marks("Μαΐου ΜΑΪΟΥ Σεπτέμβριος"), "μαιου μαιου σεπτεμβριοσ");
        assert_eq!(fold_marks("أيار"), "ايار");
        assert_eq!(fold_marks("Қазан Ёлка"), "казан елка");
        assert_eq!(fold_marks("e\u{301}te\u{301}"), "ete");
    }

    #[test]
    fn fold_kazakh() {
        assert_eq!(fold("Қызылорда"), "кызылорда");
        assert_eq!(fold("ӨСКЕМЕН"), "оскемен");
        assert_eq!(fold("Ёлка Әсел Ұлы Үй Іле Һ Ғ Ң"), "елка асел улы уй иле х г н");
    }
}

//! Language of a text: whatlang's guess as an ISO 639-1 code, plus a rule for Kazakh.
//!
//! whatlang knows no Kazakh, and reads Kazakh text as Russian (or another Cyrillic language).
//! Kazakh has letters Russian lacks: ә ғ қ ң ө ұ ү һ (and і, which Ukrainian and Belarusian
//! share). [`detect_lang`] calls a text Kazakh when most of its letters are Cyrillic and the
//! Kazakh letters are not stray: at least three of ә ғ қ ң ө ұ ү һ, and either those make 3 per
//! hundred Cyrillic letters, or, counting і too (when no ї є ґ ў says Ukrainian or Belarusian),
//! 6 per hundred. In the owner's archive every Kazakh page has 5 or more of ә…һ per hundred
//! (7 or more with і), and a Russian page quoting a Kazakh award name stays under 1 (2 with і).

/// Kazakh letters Russian lacks (lowercase), without the і shared with Ukrainian.
#[cfg(test)]
const KAZAKH_ONLY: &[char] = &['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ'];

/// Share (per hundred Cyrillic letters) of ә ғ қ ң ө ұ ү һ that makes a text Kazakh.
const KAZAKH_ONLY_PER_HUNDRED: usize = 3;

/// Share (per hundred Cyrillic letters) of ә ғ қ ң ө ұ ү һ and і that makes a text Kazakh.
const KAZAKH_PER_HUNDRED: usize = 6;

/// How much text is looked at: enough for a confident guess, bounded for long pages.
const SAMPLE_BYTES: usize = 16 * 1024;

/// The language of `text` as a two-letter ISO 639-1 code (`en`, `ru`, `kk`, ...), when the
/// guess is reliable; `None` for short, mixed or code-heavy text.
///
/// ```
/// use annals_grav::lang::detect_lang;
/// assert_eq!(detect_lang("Қазақстан Республикасының гематология орталығы пациенттерге көмек көрсетеді және жаңа әдістерді қолданады").as_deref(), Some("kk"));
/// assert_eq!(detect_lang("Центр гематологии проводит школу пациентов для больных хроническим миелолейкозом в Караганде").as_deref(), Some("ru"));
/// assert_eq!(detect_lang("ok"), None);
/// ```
pub fn detect_lang(text: &str) -> Option<String> {
    detect_lang_within(text, SAMPLE_BYTES)
}

/// How much text is looked at when the language is already declared (by the file name or the
/// site's default) and the guess is only reported beside it: a few paragraphs, which whatlang
/// judges as surely as a whole page, at a fraction of the cost (this guess was a sixth of the
/// indexer's CPU on long posts).
pub const DECLARED_SAMPLE_BYTES: usize = 1024;

/// [`detect_lang`] over at most the first `max_bytes` of `text`.
pub fn detect_lang_within(text: &str, max_bytes: usize) -> Option<String> {
    let sample = &text[..text.floor_char_boundary(max_bytes)];
    // Prose in a non-Latin script mixed with code, URLs or names in Latin letters (a Russian
    // tutorial full of PHP) fools whatlang (PHP reads as French): judge the non-Latin words
    // alone, first when they are a large part of the text, else when the whole is unclear.
    // (one pass counts the letters of both scripts and the Kazakh rule's letters)
    let counts = Counts::of(sample);
    let (latin, other) = (counts.latin, counts.letters - counts.latin);
    let mixed = latin > 0 && other >= MIN_SCRIPT_LETTERS;
    let share = if mixed { other * 100 / (latin + other) } else { 0 };
    // (whatlang is the costly part: the non-Latin words are judged at most once)
    let mut judged: Option<Option<String>> = None;
    let mut non_latin = || {
        judged
            .get_or_insert_with(|| {
                // (the letters of the kept words are the letters of their joined text)
                let mut counts = Counts::default();
                let words: Vec<&str> = sample
                    .split_whitespace()
                    .filter(|w| {
                        let keep = w.chars().any(|c| is_alphabetic(c) && !is_latin(c));
                        if keep {
                            counts.add(&Counts::of(w));
                        }
                        keep
                    })
                    .collect();
                guess_counted(&words.join(" "), &counts)
            })
            .clone()
    };
    if share >= MAJOR_SCRIPT_SHARE
        && let Some(code) = non_latin()
    {
        return Some(code);
    }
    guess_counted(sample, &counts).or_else(|| if share >= MINOR_SCRIPT_SHARE { non_latin() } else { None })
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c)
}

/// `c.is_alphabetic()`, without the Unicode table look-up for ASCII and Cyrillic letters.
#[inline]
fn is_alphabetic(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0x0400..=0x0481 | 0x048A..=0x04FF => true,
        _ => c.is_alphabetic(),
    }
}

/// What [`detect_lang`] and the Kazakh rule count in a text, in one pass.
#[derive(Debug, Default, PartialEq, Eq)]
struct Counts {
    /// Letters.
    letters: usize,
    /// Latin letters.
    latin: usize,
    /// Cyrillic letters.
    cyrillic: usize,
    /// ә ғ қ ң ө ұ ү һ (either case).
    only: usize,
    /// і (either case).
    i_dotted: usize,
    /// ї є ґ ў (either case).
    other_marks: usize,
}

impl Counts {
    fn of(text: &str) -> Counts {
        let mut n = Counts::default();
        for c in text.chars() {
            if c.is_ascii() {
                if c.is_ascii_alphabetic() {
                    n.letters += 1;
                    n.latin += 1;
                }
                continue;
            }
            if !is_alphabetic(c) {
                continue;
            }
            n.letters += 1;
            if is_latin(c) {
                n.latin += 1;
            }
            if !('\u{0400}'..='\u{04FF}').contains(&c) {
                continue;
            }
            n.cyrillic += 1;
            // (each of these letters is the lowercase of only itself and its capital)
            match c {
                'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' | 'Ә' | 'Ғ' | 'Қ' | 'Ң' | 'Ө' | 'Ұ' | 'Ү'
                | 'Һ' => n.only += 1,
                'і' | 'І' => n.i_dotted += 1,
                'ї' | 'є' | 'ґ' | 'ў' | 'Ї' | 'Є' | 'Ґ' | 'Ў' => n.other_marks += 1,
                _ => {}
            }
        }
        n
    }

    fn add(&mut self, o: &Counts) {
        self.letters += o.letters;
        self.latin += o.latin;
        self.cyrillic += o.cyrillic;
        self.only += o.only;
        self.i_dotted += o.i_dotted;
        self.other_marks += o.other_marks;
    }

    /// The Kazakh-letter rule (see the module docs).
    fn is_kazakh(&self) -> bool {
        let Counts { letters, cyrillic, only, i_dotted, other_marks, .. } = *self;
        if cyrillic * 2 < letters || only < 3 {
            return false;
        }
        // і counts for Kazakh only when no Ukrainian or Belarusian letter says otherwise.
        let with_i = only + if other_marks == 0 { i_dotted } else { 0 };
        only * 100 >= KAZAKH_ONLY_PER_HUNDRED * cyrillic || with_i * 100 >= KAZAKH_PER_HUNDRED * cyrillic
    }
}

/// Letters of a non-Latin script that are enough to judge them alone.
const MIN_SCRIPT_LETTERS: usize = 80;

/// Share (per hundred letters) of a non-Latin script from which its words are judged first.
const MAJOR_SCRIPT_SHARE: usize = 30;

/// Share (per hundred letters) of a non-Latin script from which its words are judged when the
/// whole text gives no confident guess.
const MINOR_SCRIPT_SHARE: usize = 15;

/// The Kazakh rule, then whatlang when it is confident, with the letters of `text` counted.
fn guess_counted(text: &str, counts: &Counts) -> Option<String> {
    if counts.is_kazakh() {
        return Some("kk".to_owned());
    }
    let info = whatlang::detect(text)?;
    if !info.is_reliable() {
        return None;
    }
    iso639_1(info.lang()).map(str::to_owned)
}

/// The Kazakh-letter rule (see the module docs), as first written: the tests check
/// [`Counts::is_kazakh`] against it.
#[cfg(test)]
fn is_kazakh(text: &str) -> bool {
    let (mut letters, mut cyrillic, mut only, mut i_dotted, mut other_marks) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if !('\u{0400}'..='\u{04FF}').contains(&c) {
            continue;
        }
        cyrillic += 1;
        let lower = c.to_lowercase().next().unwrap_or(c);
        if KAZAKH_ONLY.contains(&lower) {
            only += 1;
        } else if lower == 'і' {
            i_dotted += 1;
        } else if matches!(lower, 'ї' | 'є' | 'ґ' | 'ў') {
            other_marks += 1;
        }
    }
    if cyrillic * 2 < letters || only < 3 {
        return false;
    }
    // і counts for Kazakh only when no Ukrainian or Belarusian letter says otherwise.
    let with_i = only + if other_marks == 0 { i_dotted } else { 0 };
    only * 100 >= KAZAKH_ONLY_PER_HUNDRED * cyrillic || with_i * 100 >= KAZAKH_PER_HUNDRED * cyrillic
}

/// Whether `code` looks like a language code (`en`, `kk`, `pt-BR`, `zh_Hans`), as opposed to
/// a version (`16`) or another suffix (`before_gui_edits`).
pub(crate) fn is_language_code(code: &str) -> bool {
    let mut parts = code.splitn(2, ['-', '_']);
    let primary = parts.next().unwrap_or("");
    let primary_ok = (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic());
    let region_ok = parts
        .next()
        .is_none_or(|r| (2..=4).contains(&r.len()) && r.bytes().all(|b| b.is_ascii_alphanumeric()));
    primary_ok && region_ok
}

/// ISO 639-1 code of a whatlang language (all of whatlang's languages have one).
fn iso639_1(lang: whatlang::Lang) -> Option<&'static str> {
    use whatlang::Lang::*;
    Some(match lang {
        Epo => "eo",
        Eng => "en",
        Rus => "ru",
        Cmn => "zh",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Fra => "fr",
        Deu => "de",
        Ukr => "uk",
        Kat => "ka",
        Ara => "ar",
        Hin => "hi",
        Jpn => "ja",
        Heb => "he",
        Yid => "yi",
        Pol => "pl",
        Amh => "am",
        Jav => "jv",
        Kor => "ko",
        Nob => "nb",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Bel => "be",
        Mar => "mr",
        Kan => "kn",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tam => "ta",
        Vie => "vi",
        Urd => "ur",
        Tha => "th",
        Guj => "gu",
        Uzb => "uz",
        Pan => "pa",
        Aze => "az",
        Ind => "id",
        Tel => "te",
        Pes => "fa",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Tuk => "tk",
        Aka => "ak",
        Zul => "zu",
        Sna => "sn",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Tgl => "tl",
        Hye => "hy",
        Cym => "cy",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<&str>) {
        assert_eq!(detect_lang(text).as_deref(), expected, "for {text:?}");
    }

    #[test]
    fn detects_languages() {
        let table: &[(&str, Option<&str>)] = &[
            (
                "The Hematology Center held a school for patients with chronic myeloid leukemia. Doctors answered questions about treatment and lifestyle.",
                Some("en"),
            ),
            (
                "Центр гематологии провёл школу для пациентов с хроническим миелолейкозом. Врачи ответили на вопросы о лечении и образе жизни.",
                Some("ru"),
            ),
            (
                "Гематология орталығы созылмалы миелолейкозбен ауыратын пациенттерге арналған мектеп өткізді. Дәрігерлер емдеу туралы сұрақтарға жауап берді.",
                Some("kk"),
            ),
            (
                "Le centre d'hématologie a organisé une école pour les patients atteints de leucémie myéloïde chronique. Les médecins ont répondu aux questions.",
                Some("fr"),
            ),
            (
                "Das Zentrum für Hämatologie hat eine Schule für Patienten mit chronischer myeloischer Leukämie veranstaltet. Die Ärzte beantworteten Fragen.",
                Some("de"),
            ),
            // Russian quoting a Kazakh award: a few Kazakh letters are not enough.
            (
                "Центр гематологии получил награду «Денсаулық сақтау ісінің үздігі». Награда вручается лучшим медицинским организациям страны за высокое качество помощи пациентам и внедрение новых методов лечения.",
                Some("ru"),
            ),
            // Ukrainian uses і but none of the Kazakh-only letters.
            (
                "Компанія є офіційним дистриб'ютором фармацевтичної продукції в Україні. Ми пропонуємо широкий асортимент лікарських засобів.",
                Some("uk"),
            ),
            // Russian prose between code.
            (
                "Создадим контроллер:\n\n```php\nclass UserController extends Controller { public function index(Request $request) { return view('users.index', ['users' => User::all()]); } public function store(StoreUserRequest $request) { $user = User::create($request->validated()); return redirect()->route('users.show', $user); } }\n```\n\nТеперь контроллер возвращает список пользователей, а маршрут нужно добавить в файл маршрутов приложения.",
                Some("ru"),
            ),
            ("", None),
            ("ok", None),
            ("12345 67890", None),
        ];
        for (text, want) in table {
            check(text, *want);
        }
    }

    /// Every language annals stems with Snowball is detected on a page without a language
    /// suffix, so that its text reaches that language's fields.
    #[test]
    fn detects_every_stemmed_language() {
        let table: &[(&str, &str)] = &[
            (
                "de",
                "Der Verein wurde im Jahr 1950 gegründet und feiert sein Sommerfest wie immer auf dem Platz neben der alten Wassermühle. Alle Mitglieder und Gäste sind herzlich eingeladen, mit uns zu essen und zu tanzen.",
            ),
            (
                "fr",
                "L'association a été fondée en 1950 et organise chaque année sa fête d'été sur la place près du vieux moulin à eau. Tous les membres et leurs invités sont les bienvenus pour manger et danser avec nous.",
            ),
            (
                "es",
                "La asociación fue fundada en 1950 y cada año celebra su fiesta de verano en la plaza junto al viejo molino de agua. Todos los socios y sus invitados están invitados a comer y bailar con nosotros.",
            ),
            (
                "it",
                "L'associazione è stata fondata nel 1950 e ogni anno organizza la sua festa d'estate nella piazza vicino al vecchio mulino. Tutti i soci e i loro ospiti sono invitati a mangiare e ballare con noi.",
            ),
            (
                "pt",
                "A associação foi fundada em 1950 e todos os anos organiza a sua festa de verão na praça ao lado do velho moinho de água. Todos os sócios e os seus convidados estão convidados a comer e dançar connosco.",
            ),
            (
                "nl",
                "De vereniging werd in 1950 opgericht en viert elk jaar haar zomerfeest op het plein naast de oude watermolen in het dorp. Alle leden en hun gasten zijn van harte welkom om met ons te eten en te dansen.",
            ),
            (
                "ro",
                "Asociația a fost înființată în 1950 și în fiecare an își organizează sărbătoarea de vară în piața de lângă vechea moară de apă. Toți membrii și oaspeții lor sunt invitați să mănânce și să danseze împreună cu noi.",
            ),
            (
                "sv",
                "Föreningen grundades år 1950 och firar varje år sin sommarfest på torget bredvid den gamla vattenkvarnen i byn. Alla medlemmar och deras gäster är hjärtligt välkomna att äta och dansa med oss.",
            ),
            (
                "nb",
                "Foreningen ble grunnlagt i 1950 og feirer hvert år sommerfesten sin på torget ved siden av den gamle vannmølla i bygda. Alle medlemmer og gjestene deres er hjertelig velkommen til å spise og danse sammen med oss.",
            ),
            (
                "da",
                "Foreningen blev grundlagt i 1950 og fejrer hvert år sin sommerfest på torvet ved siden af den gamle vandmølle i landsbyen. Alle medlemmer og deres gæster er hjertelig velkomne til at spise og danse sammen med os. Vi glæder os til at se jer, og husk at tilmelde jer på kontoret inden fredag, så vi ved, hvor meget mad der skal købes ind.",
            ),
            (
                "fi",
                "Yhdistys perustettiin vuonna 1950, ja se viettää joka vuosi kesäjuhlaansa torilla vanhan vesimyllyn vieressä kylässä. Kaikki jäsenet ja heidän vieraansa ovat lämpimästi tervetulleita syömään ja tanssimaan kanssamme.",
            ),
            (
                "hu",
                "Az egyesületet 1950-ben alapították, és minden évben a falu régi vízimalma melletti téren tartja a nyári ünnepségét. Minden tagot és vendégeiket szeretettel várjuk, hogy velünk egyenek és táncoljanak.",
            ),
            (
                "tr",
                "Dernek 1950 yılında kuruldu ve her yıl yaz şenliğini köydeki eski su değirmeninin yanındaki meydanda kutluyor. Bütün üyeler ve misafirleri bizimle birlikte yemek yemeye ve dans etmeye davetlidir.",
            ),
            (
                "el",
                "Ο σύλλογος ιδρύθηκε το 1950 και κάθε χρόνο γιορτάζει τη θερινή του γιορτή στην πλατεία δίπλα στον παλιό νερόμυλο του χωριού.",
            ),
            (
                "ar",
                "تأسست الجمعية في عام 1950 وتحتفل كل عام بمهرجانها الصيفي في الساحة المجاورة للطاحونة المائية القديمة في القرية.",
            ),
        ];
        for (want, text) in table {
            check(text, Some(want));
        }
    }

    #[test]
    fn kazakh_rule_needs_more_than_stray_letters() {
        assert!(!is_kazakh("Қ"));
        assert!(!is_kazakh("Привет, мир. Қ ә"));
        assert!(is_kazakh("Қазақ тілі әдемі және бай тіл, оны үйрену қызық"));
        // Mostly Latin text with a Kazakh name.
        assert!(!is_kazakh(
            "The award «Денсаулық сақтау ісінің үздігі» was given to the centre for its outstanding work in hematology and patient care"
        ));
    }

    #[test]
    fn one_pass_counts_as_before() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
        // every Cyrillic letter, in texts where it decides the rule
        for c in ('\u{0400}'..='\u{04FF}').chain(['a', 'I', 'É', '1', ' ']) {
            for base in ["ққә", "қққ", "әәәі", "ққққ", "abc"] {
                for n in [1, 2, 5, 40] {
                    let text: String = std::iter::repeat_n(c, n).chain(base.chars()).collect();
                    assert_eq!(Counts::of(&text).is_kazakh(), is_kazakh(&text), "{text:?}");
                    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
                    let latin = text.chars().filter(|&c| c.is_alphabetic() && is_latin(c)).count();
                    let counts = Counts::of(&text);
                    assert_eq!((counts.letters, counts.latin), (letters, latin), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn language_codes() {
        for (code, want) in [
            ("en", true),
            ("kk", true),
            ("pt-BR", true),
            ("zh_Hans", true),
            ("fil", true),
            ("16", false),
            ("", false),
            ("before_gui_edits", false),
            ("e", false),
            ("english", false),
        ] {
            assert_eq!(is_language_code(code), want, "{code}");
        }
    }
}

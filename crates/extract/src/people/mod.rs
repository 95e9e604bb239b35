//! People: full and partial names in Russian, Kazakh and English prose.
//!
//! Three passes over the tokens of one text:
//!
//! 1. **Features** per word: given name ([`names`], inflected forms via [`morphology`]),
//!    patronymic, surname shape, initial, words that are never names, role words.
//! 2. **Chains**: runs of capitalised words and initials inside a sentence (with name
//!    particles such as "ван", "de", "ibn"); each chain is trimmed of titles and non-names
//!    and accepted as a person by evidence: a given name, a patronymic, initials, a surname
//!    shape, a title or role word before it, a speech verb next to it ("заявил", "said"), or
//!    (in Russian and Kazakh, where multiword organisation and place names keep only their
//!    first capital) two or more capitalised non-adjective words mid-sentence.
//! 3. **Coreference** ([`coref`]): surnames and given names of accepted people make later (and
//!    earlier, e.g. headline) single-word mentions people too; each mention gets the fullest
//!    name in its text and one archive-wide key ([`coref::person_key`]).
//!
//! Titles and roles are never inside a span; the nearest one is kept as the mention's `role`.
//!
//! Precision rules for an institution's own pages (a person facet must not hold "Support
//! Service" or "Kenesary St"):
//! - **addresses**: a name after a street abbreviation ("ул.", "пр."), before a street word
//!   ("St", "Ave", "көшесі", "к-сі"), or after a full street word with a house number after it
//!   ("проспект Сакена Сейфуллина, 17") is a street ([`find`]'s last filter);
//! - **common words in title case**: English nouns of institutions and services, function
//!   words, words with noun or adjective endings ("-ation", "-ology", "-ologists") and words of
//!   the text's own lowercase vocabulary are not names; role words in "-olog"/"-ologist" are
//!   roles; words before a non-name word of the same chain ("Global Cultural Project") are an
//!   organisation unless a given name, patronymic or initial says otherwise;
//! - **labels and abbreviations**: chains of initials only ("Ф.И.О.", "Т.А.Ә."), words with
//!   two leading capitals and an ending ("ВУЗов"), trailing labels ("Phone", "Телефон");
//! - **products**: a name followed by a Roman numeral or a lone capital letter ("Антитромбин
//!   III", "Протеин S"), unless it has a given name or a role before it ("Папа Бенедикт XVI");
//!   emoji and pictographs start a sentence ("✔️ Аспирин");
//! - **Kazakh**: case suffixes are stripped from surnames of any Russian shape
//!   ("Клодзинскиймен") and from patronymics ("Васильевнаны"); "-ін"/"-ын" words are Kazakh
//!   case forms, not surnames ("Тегін"); non-name words are found through their case suffixes
//!   ("Қазақстанға", "Балқашта").

pub mod coref;
pub mod morphology;
pub mod names;

use crate::affix::ends_with;
use crate::dates::months::Lang;
use crate::tokens::{Kind, Token};
use crate::translit::fold;
use morphology::Shape;
use names::{
    AMBIGUOUS_EN, AMBIGUOUS_RU, COMPANY_FORMS, Gender, NOT_NAME, ORG_WORDS, PARTICLES, PERSONAL_ROLES,
    PLACE_AFTER, SPEECH, STREET_AFTER, STREET_BEFORE, is_role,
};
use rustc_hash::FxHashSet as HashSet;

/// One person mention: token range `[start, end)`.
#[derive(Debug, Clone)]
pub struct Span {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
}

/// Per-token features.
#[derive(Debug, Clone, Copy, Default)]
pub struct Feat {
    /// Capitalised word (first letter uppercase, not all caps).
    pub cap: bool,
    /// All-caps word of 2+ letters.
    pub caps: bool,
    /// Initial: one uppercase letter with a dot after it.
    pub init: bool,
    /// Given name (nominative, gender).
    pub given: Option<Gender>,
    /// Patronymic.
    pub patr: bool,
    /// Surname shape.
    pub surn: Option<Shape>,
    /// Never a name on its own.
    pub not_name: bool,
    /// Role or title word.
    pub role: bool,
    /// Latin script.
    pub latin: bool,
    /// Inside quotes.
    pub quoted: bool,
    /// Roman numeral (for "Карл XVI Густав").
    pub roman: bool,
}

/// What the chain rules need to know about the whole text.
pub(crate) struct Doc<'a, 't> {
    toks: &'a [Token<'t>],
    feats: &'a [Feat],
    /// Most words are in Latin script.
    latin_doc: bool,
    lang: Lang,
    /// Words that occur in lowercase somewhere in the text (folded).
    lower_vocab: HashSet<&'t str>,
    /// Every word of the text, folded: built when first asked for (few texts have a word
    /// [`plural_noun`] asks about).
    all_vocab: std::cell::OnceCell<HashSet<&'t str>>,
    /// Latin words seen inside an organisation name ("Ruch SA", "LM Ericsson AB").
    org_words: HashSet<&'t str>,
    /// The chains of name-like tokens, `[start, end)`, in text order: each pass walks the
    /// same ones.
    chains: Vec<(usize, usize)>,
}

/// The chains of name-like tokens of a text (see [`chain_end`]), found once.
fn chains(toks: &[Token<'_>], feats: &[Feat]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some(end) = chain_end(toks, feats, i) {
            out.push((i, end));
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// Run the three passes.
pub fn find<'t>(toks: &[Token<'t>], feats: &[Feat], lang: Lang) -> Vec<Span> {
    let words = toks.iter().filter(|t| t.kind == Kind::Word).count();
    let latin_words = feats.iter().zip(toks).filter(|(f, t)| t.kind == Kind::Word && f.latin).count();
    // words of e-mail addresses and links ("nadezhda.volyanskaya@…") are not vocabulary
    let glued = |k: usize| {
        let joint = |t: &Token<'_>| t.kind == Kind::Punct && matches!(t.text, "." | "@" | "/" | "_" | ":");
        toks.get(k + 1).is_some_and(|t| !t.space_before && joint(t))
            || k > 0 && !toks[k].space_before && joint(&toks[k - 1]) && !toks[k - 1].is_punct(':')
    };
    // (sized for every word up front: growing them was ~3% of extraction)
    let mut lower_vocab = HashSet::with_capacity_and_hasher(words, Default::default());
    lower_vocab.extend(
        (0..toks.len())
            .filter(|&k| toks[k].is_lower() && toks[k].len() >= 3 && !glued(k))
            .map(|k| toks[k].folded),
    );
    let chains = chains(toks, feats);
    let org_words = org_tainted(toks, feats, &chains);
    let doc = Doc {
        toks,
        feats,
        latin_doc: latin_words * 2 > words,
        lang,
        lower_vocab,
        all_vocab: std::cell::OnceCell::new(),
        org_words,
        chains,
    };
    let mut spans = Vec::new();
    for &(i, end) in &doc.chains {
        decide_chain(&doc, i, end, &mut spans);
    }
    in_lists(&doc, &mut spans);
    single_by_role(&doc, &mut spans);
    latin_in_parens(&doc, &mut spans);
    coref::extend(toks, feats, &doc.org_words, &mut spans);
    spans.retain(|s| !address(toks, s) && !product(toks, feats, s));
    spans.sort_by_key(|s| s.start);
    spans
}

/// Street words written before the street's name: abbreviations ("ул.", "пр.") always mean
/// an address; full words ("проспект", "улица") only with a house number after the name
/// ("проспект Сакена Сейфуллина, 17"), since "на пересечении проспекта Вернадского" names a
/// person too for many readers.
const STREET_ABBR_BEFORE: &[&str] =
    &["ул", "пр", "пр-т", "пр-кт", "просп", "пер", "б-р", "бул", "мкр", "наб", "пл", "ш", "мкрн"];

/// The span names a street in an address: "ул. Кенесары 4Б", "пр. С.Сейфуллина, дом 17",
/// "4B Kenesary St.", "Кенесары к-сі, 4Б".
fn address(toks: &[Token<'_>], s: &Span) -> bool {
    // "Kenesary St", "S. Seifullin Ave": the street word inside the chain
    let last = &toks[s.end - 1];
    if s.end - s.start >= 2 && last.latin_like() && STREET_AFTER.contains(last.lower) {
        return true;
    }
    let mut k = s.start;
    let abbr_dot = k >= 1 && toks[k - 1].is_punct('.');
    if abbr_dot {
        k -= 1;
    }
    let prev = (k >= 1 && toks[k - 1].kind == Kind::Word).then(|| toks[k - 1].lower);
    if abbr_dot && prev.is_some_and(|w| STREET_ABBR_BEFORE.contains(&w)) {
        return true;
    }
    let mut e = s.end;
    while e < toks.len() && (toks[e].is_punct('.') || toks[e].is_punct(',')) && e < s.end + 2 {
        e += 1;
    }
    let next = toks.get(e);
    if next.is_some_and(|t| t.kind == Kind::Word && STREET_AFTER.contains(t.lower)) {
        return true;
    }
    let number_after = next.is_some_and(|t| {
        t.kind == Kind::Number || matches!(t.lower, "д" | "дом" | "здание" | "корпус" | "үй")
    });
    prev.is_some_and(|w| STREET_BEFORE.contains(w) || STREET_ABBR_BEFORE.contains(&w)) && number_after
}

/// The span names a product or a substance: a Roman numeral or a single capital letter right
/// after it ("Антитромбин III", "Протеин S", "Витамин D"), and no given name in it.
fn product(toks: &[Token<'_>], feats: &[Feat], s: &Span) -> bool {
    // "Король Мсвати III", "Папа Бенедикт XVI": a monarch or a pope
    let role_near = (1..=3).any(|d| {
        s.start >= d
            && feats[s.start - d].role
            && (s.start - d..s.start).all(|k| toks[k].kind == Kind::Word || toks[k].is_punct('.'))
    });
    if (s.start..s.end).any(|k| feats[k].given.is_some()) || role_near {
        return false;
    }
    let Some(t) = toks.get(s.end) else { return false };
    let after = toks.get(s.end + 1);
    // a letter in the other script is never an initial of the name ("Протеин S.")
    let other_script = feats[s.start].latin != t.latin_like();
    let letter = t.kind == Kind::Word
        && t.len() == 1
        && t.is_cap()
        && !t.sent_start
        && !t.newline_before
        && (other_script || !after.is_some_and(|d| d.is_punct('.') || d.is_lower()));
    letter || feats[s.end].roman || (s.start..s.end).any(|k| feats[k].roman)
}

/// Words that stand next to an organisation word in some chain of the text: "Ruch" in
/// "Ruch SA", "Salomon" in "Salomon Brothers"; alone elsewhere they are the organisation.
fn org_tainted<'t>(toks: &[Token<'t>], feats: &[Feat], chains: &[(usize, usize)]) -> HashSet<&'t str> {
    let mut out = HashSet::default();
    for &(i, end) in chains {
        let next_org = toks.get(end).is_some_and(|t| t.is_lower() && ORG_AFTER.contains(&t.lower));
        let has_org = next_org || (i..end).any(|k| feats[k].latin && ORG_WORDS.contains(toks[k].lower));
        // a company form right after the chain: "Ruch SA", "LM Ericsson AB"
        let suffix = toks.get(end).is_some_and(|t| COMPANY_FORMS.contains(t.text));
        // an all-caps headline ("HAVEL PRAISES … AS FRIEND") is not an organisation name
        let headline = (i..end).all(|k| feats[k].caps || toks[k].kind != Kind::Word);
        if has_org && !headline || suffix {
            for t in &toks[i..end] {
                if t.kind == Kind::Word && feats[i].latin && !ORG_WORDS.contains(t.lower) {
                    out.insert(t.lower);
                }
            }
        }
    }
    out
}

/// Words that start place names ("San Diego", "Los Angeles", "New Orleans").
const PLACE_PREFIX: &[&str] = &[
    "san", "santa", "los", "las", "new", "saint", "port", "fort", "mount", "lake", "cape", "north", "south",
];

/// Lowercase words after a name that make it an organisation or publication.
const ORG_AFTER: &[&str] = &[
    "daily",
    "newspaper",
    "weekly",
    "magazine",
    "agency",
    "group",
    "company",
    "firm",
    "bank",
    "shares",
    "stock",
];

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 6 && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) && s != "I"
}

/// A word before a given name and patronymic that can be their surname: not a sentence
/// start, a common word or a non-name, and a surname shape or a consonant (or "-ко") ending
/// ("Рыжко", "Волянская"; not "Желаю", "Позже").
fn surname_like(doc: &Doc<'_, '_>, k: usize) -> bool {
    let (t, f) = (&doc.toks[k], &doc.feats[k]);
    let folded = t.folded;
    let ending_ok = f.surn.is_some()
        || folded.ends_with("ко")
        || folded.chars().last().is_some_and(|c| !"аеёиоуыэюяьй".contains(c) && crate::tokens::is_alpha(c));
    !t.sent_start && !f.not_name && !f.role && !doc.lower_vocab.contains(&folded) && ending_ok
}

/// "Заказчиков", "Филиалов": a genitive plural in "-ов"/"-ев" whose stem is a word of the
/// same text ("Заказчик", "филиала"), not a surname; stems that are given names ("Иван" of
/// "Иванов") do not count.
fn plural_noun(doc: &Doc<'_, '_>, k: usize) -> bool {
    let f = doc.toks[k].folded;
    let Some(stem) = f.strip_suffix("ов").or_else(|| f.strip_suffix("ев")) else { return false };
    if stem.chars().count() < 4 || morphology::given(stem).is_some() {
        return false;
    }
    let all_vocab = doc.all_vocab.get_or_init(|| {
        let words = doc.toks.iter().filter(|t| t.kind == Kind::Word);
        words.map(|t| t.folded).collect()
    });
    ["", "а", "у", "ом", "е", "ы", "и", "ам", "ами", "ах"]
        .iter()
        .any(|e| all_vocab.contains(format!("{stem}{e}").as_str()))
}

/// A Latin-script patronymic ("Vladimirovna", "Marghulanqyzy"), lowercase.
fn latin_patronymic_word(l: &str) -> bool {
    const ENDS: &[&str] = &["ovich", "evich", "ovna", "evna", "ichna", "kyzy", "qyzy", "uly"];
    l.len() >= 7 && ENDS.iter().any(|e| ends_with(l, e))
}

/// Name features of every token (see [`Feat`]).
pub fn features(toks: &[Token<'_>], lang: Lang) -> Vec<Feat> {
    let mut out = Vec::with_capacity(toks.len());
    let mut cache: rustc_hash::FxHashMap<&str, Feat> =
        rustc_hash::FxHashMap::with_capacity_and_hasher(toks.len() / 2, Default::default());
    let mut quoted = false;
    let mut straight = false;
    for (i, t) in toks.iter().enumerate() {
        if t.newline_before {
            quoted = false;
            straight = false;
        }
        if t.kind == Kind::Punct {
            match t.text {
                "«" | "“" | "„" => quoted = true,
                "»" | "”" => quoted = false,
                "\"" => {
                    straight = !straight;
                }
                _ => {}
            }
            out.push(Feat::default());
            continue;
        }
        let mut f = Feat { quoted: quoted || straight, ..Feat::default() };
        if t.kind != Kind::Word {
            out.push(f);
            continue;
        }
        let dot_after = toks.get(i + 1).is_some_and(|d| d.is_punct('.') && !d.space_before);
        if crate::tokens::is_initial(t.text) && (t.len() == 1 || dot_after) {
            // "И." or "В.Путин" (dot then a capital without a space), "Zh.Yu."
            f.latin = is_latin_letter(t.text);
            f.init = dot_after;
            out.push(f);
            continue;
        }
        // the rest depends on the word alone: once per distinct word of the text
        let w = *cache.entry(t.text).or_insert_with(|| word_features(t, lang));
        out.push(Feat { quoted: f.quoted, ..w });
    }
    out
}

/// The first letter of `w` is Latin (ASCII or Latin-1 to Latin Extended-B).
fn is_latin_letter(w: &str) -> bool {
    let first = w.chars().next().unwrap_or(' ');
    first.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&first)
}

/// The features of a word that do not depend on its neighbours (all but `init` and `quoted`).
fn word_features(t: &Token<'_>, lang: Lang) -> Feat {
    let mut f = Feat { latin: is_latin_letter(t.text), ..Feat::default() };
    let folded = t.folded;
    f.caps = t.is_all_caps();
    f.roman = is_roman(t.text);
    f.cap = t.is_cap() && !f.caps;
    // "ВУЗов", "СОПов", "JPMorgan": an abbreviation with an ending, never a name
    let mut cs = t.text.chars();
    let two_caps =
        cs.next().is_some_and(crate::tokens::is_upper) && cs.next().is_some_and(crate::tokens::is_upper);
    f.role = is_role(folded);
    if f.cap || f.caps {
        f.not_name = f.cap && two_caps
            || not_name(folded)
            || crate::dates::months::month_of(t.lower).is_some()
            || crate::dates::months::weekday_of(t.lower).is_some();
        if f.latin {
            let base = folded.split('-').next().unwrap_or("");
            if !f.not_name
                && (names::is_latin_given(folded) || (folded.contains('-') && names::is_latin_given(base)))
            {
                f.given = Some(Gender::Male);
            }
            f.surn = latin_surname_shape(folded);
        } else {
            let kk = lang == Lang::Kk || morphology::has_kazakh_letters(t.text);
            f.given = morphology::given_in(t.text, kk).map(|g| g.1);
            if f.not_name && morphology::given_exact(folded).is_none() {
                f.given = None;
            }
            f.patr = morphology::patronymic(t.text).is_some();
            f.surn = morphology::surname_in(t.text, None, kk).map(|s| s.2);
        }
    }
    f
}

/// Capitalised words that look like surnames in Latin script (Slavic, Balkan, Greek…).
fn latin_surname_shape(w: &str) -> Option<Shape> {
    const ENDS: &[&str] = &[
        "ov", "ova", "ev", "eva", "enko", "sky", "ski", "skiy", "skaya", "ska", "vich", "vic", "ovic",
        "evic", "shvili", "dze", "yan", "ian", "escu", "opoulos", "idis", "akis", "ovich", "uk", "chuk",
        "bayev", "bayeva", "uly", "kyzy", "yev", "yeva", "in", "ina",
    ];
    if w.len() < 5 {
        return None;
    }
    for e in ENDS {
        if ends_with(w, e) {
            return Some(if matches!(*e, "in" | "ina" | "ian" | "uk") { Shape::Weak } else { Shape::Strong });
        }
    }
    None
}

/// Case endings stripped before looking a word up in the non-name list.
const NOT_NAME_SWAPS: &[(&str, usize, &str)] = &[
    ("ы", 1, "а"),
    ("и", 1, "а"),
    ("и", 1, "я"),
    ("е", 1, "а"),
    ("е", 1, ""),
    ("у", 1, "а"),
    ("у", 1, ""),
    ("ой", 2, "а"),
    ("ой", 2, "ая"),
    ("ом", 2, ""),
    ("а", 1, ""),
    ("ии", 1, "я"),
    ("ию", 1, "я"),
    ("ей", 2, "я"),
    ("ых", 2, "ые"),
    ("я", 1, "й"),
];

/// Latin-script words whose ending makes them common nouns or adjectives, never names:
/// "Consultations", "Treatment", "Hematology", "Oncohematologists" (folded lowercase).
fn latin_common_shape(w: &str) -> bool {
    const ENDS: &[&str] = &[
        "ation", "ations", "ition", "itions", "ments", "ology", "ologies", "ological", "ologist", "ologists",
        "ities", "ization", "isation", "ians", "icians", "iatrist", "iatrists", "ships", "nesses", "ical",
    ];
    w.len() >= 6 && ENDS.iter().any(|e| ends_with(w, e))
        || w.len() >= 8 && w.ends_with("ment") && !w.ends_with("lement")
}

/// The folded word is a place, organisation, calendar or function word in any case form.
pub(crate) fn not_name(folded: &str) -> bool {
    if NOT_NAME.contains(folded) {
        return true;
    }
    if folded.is_ascii() {
        return latin_common_shape(folded);
    }
    // Kazakh case suffixes: "Қазақстанға", "Балқашта", "Мәжілісінде"
    if morphology::kk_stems(folded).any(|st| NOT_NAME.contains(&st)) {
        return true;
    }
    for (end, strip, add) in NOT_NAME_SWAPS {
        if ends_with(folded, end) {
            let cand = morphology::swap(folded, *strip, add);
            if NOT_NAME.contains(&cand) {
                return true;
            }
        }
    }
    false
}

/// The end (exclusive) of the chain of name-like tokens starting at `i`, if `i` starts one.
fn chain_end(toks: &[Token<'_>], feats: &[Feat], i: usize) -> Option<usize> {
    let is_elem = |k: usize| -> bool {
        let f = &feats[k];
        f.cap || f.init || f.caps
    };
    if !is_elem(i) {
        return None;
    }
    let mut k = i;
    let mut count = 0;
    // words before the current run of initials, and the run's length
    let (mut words_before, mut inits) = (0, 0);
    loop {
        if k >= toks.len() {
            break;
        }
        let f = &feats[k];
        if k > i && (toks[k].newline_before || toks[k].sent_start && !toks[k].space_before) {
            break;
        }
        // "…и Лысенко А.О. Участники школы…": a surname and its initials end the sentence
        if !f.init && words_before > 0 && inits >= 2 && f.surn.is_none() && f.given.is_none() {
            break;
        }
        if f.init {
            // "Протеин S.": an initial in another script is not part of the name
            if k > i && f.latin != feats[i].latin {
                break;
            }
            // initial + its dot
            k += 2;
            count += 1;
            inits += 1;
        } else if f.cap
            || (f.caps && (f.roman || feats[i].caps))
            || (toks[k].text == "I" && k > i && feats[k - 1].given.is_some() && feats[k - 1].latin)
        {
            if k > i && feats[k - 1].caps != f.caps && !f.roman && !feats[k - 1].init {
                break;
            }
            if k > i && f.latin != feats[i].latin && !f.roman {
                break;
            }
            k += 1;
            count += 1;
            words_before += 1;
            inits = 0;
        } else if k > i
            && toks[k].kind == Kind::Word
            && PARTICLES.contains(toks[k].lower)
            && k + 1 < toks.len()
            && feats[k + 1].cap
        {
            k += 1;
        } else {
            break;
        }
        if count >= 6 {
            break;
        }
        // a dot ends the chain unless it belongs to an initial
        if k < toks.len() && toks[k].sent_start && toks[k].newline_before {
            break;
        }
    }
    Some(k)
}

/// Index ranges of the elements (tokens, initials with their dot) of chain `[i, end)`.
fn elements(feats: &[Feat], i: usize, end: usize) -> Vec<(usize, usize)> {
    let mut v = Vec::new();
    let mut k = i;
    while k < end {
        if feats[k].init {
            v.push((k, (k + 2).min(end)));
            k += 2;
        } else {
            v.push((k, k + 1));
            k += 1;
        }
    }
    v
}

fn push(spans: &mut Vec<Span>, start: usize, end: usize) {
    if end > start {
        spans.push(Span { start, end });
    }
}

/// Is there a speech verb or "по словам" / "according to" next to `[a, b)`?
fn speech_context(toks: &[Token<'_>], a: usize, b: usize) -> bool {
    let before = |k: usize| {
        a >= k
            && toks[a - k].kind == Kind::Word
            && SPEECH.contains(toks[a - k].folded)
            && !names::MEDIA_VERBS.contains(&toks[a - k].lower)
    };
    let clause_end = b >= toks.len()
        || toks[b].kind == Kind::Punct && !toks[b].is_punct('\'')
        || toks[b].is_lower() && !toks[b - 1].latin_like();
    let after = b < toks.len() && toks[b].kind == Kind::Word && SPEECH.contains(toks[b].folded);
    let after_comma = b + 1 < toks.len()
        && toks[b].is_punct(',')
        && toks[b + 1].kind == Kind::Word
        && SPEECH.contains(toks[b + 1].folded);
    let po_slovam = a >= 2
        && matches!(toks[a - 1].lower, "словам" | "to")
        && matches!(toks[a - 2].lower, "по" | "according");
    before(1) && clause_end || after || after_comma || po_slovam
}

/// A role or title word right before `a` (skipping a dot of "Dr.", "проф.").
fn role_before(toks: &[Token<'_>], feats: &[Feat], a: usize) -> bool {
    if toks[a].sent_start {
        return false;
    }
    let mut k = a;
    if k >= 1 && toks[k - 1].is_punct('.') {
        k -= 1;
    }
    k >= 1 && feats[k - 1].role && toks[k - 1].kind == Kind::Word
}

fn is_adjective(folded: &str) -> bool {
    [
        "ая",
        "ый",
        "ий",
        "ое",
        "ой",
        "ые",
        "ие",
        "ых",
        "их",
        "ского",
        "ской",
        "ском",
        "ским",
        "ную",
        "ного",
        "ной",
        "ным",
        "ными",
        "ыми",
        "ими",
        "ому",
        "ему",
        "ого",
        "его",
        "ную",
        "ную",
        "ские",
        "ских",
    ]
    .iter()
    .any(|e| ends_with(folded, e))
}

fn decide_chain(doc: &Doc<'_, '_>, i: usize, end: usize, spans: &mut Vec<Span>) {
    let (toks, feats) = (doc.toks, doc.feats);
    let els = elements(feats, i, end);
    // split at non-name and role words; titles before a name are dropped
    // (words, followed in the chain by a non-name word that is not a role: "Global Cultural
    // Project", "Kenesary Street")
    let mut groups: Vec<(Vec<(usize, usize)>, bool)> = vec![(Vec::new(), false)];
    for &(a, b) in &els {
        let f = &feats[a];
        let particle = toks[a].is_lower();
        let stop = (f.not_name || f.role) && f.given.is_none() && !f.init && !particle;
        if stop {
            if !f.role {
                groups.last_mut().expect("non-empty").1 = true;
            }
            groups.push((Vec::new(), false));
            // "San Diego Padres", "Los Angeles", "New Orleans": a place name goes on
            if f.latin && PLACE_PREFIX.contains(&toks[a].lower) {
                groups.last_mut().expect("non-empty").1 = true;
            }
        } else {
            groups.last_mut().expect("non-empty").0.push((a, b));
        }
    }
    for (g, org_after) in groups.into_iter().filter(|g| !g.0.is_empty()) {
        let parts = split_group(doc, g);
        let last = parts.len().saturating_sub(1);
        for (n, part) in parts.into_iter().enumerate() {
            decide_group(doc, &part, org_after && n == last, spans);
        }
    }
}

/// Split a group where one name ends and another begins, or where a place or organisation
/// in the genitive stands before a name ("Египта Мухаммед Мурси", "Марины Дмитрий Туркин").
fn split_group(doc: &Doc<'_, '_>, mut g: Vec<(usize, usize)>) -> Vec<Vec<(usize, usize)>> {
    let (toks, feats) = (doc.toks, doc.feats);
    let is_given = |k: usize| feats[k].given.is_some();
    let cyr = |k: usize| !feats[k].latin;
    // trailing adjectives ("Берлускони Апелляционным судом")
    while g.len() > 1 {
        let (k, _) = *g.last().expect("non-empty");
        let after_given = g.len() >= 2 && (is_given(g[g.len() - 2].0) || feats[g[g.len() - 2].0].patr);
        if cyr(k)
            && !after_given
            && feats[k].given.is_none()
            && feats[k].surn != Some(Shape::Strong)
            && is_adjective(toks[k].folded)
        {
            g.pop();
        } else {
            break;
        }
    }
    // leading words before the first given name or initial that are not surnames agreeing
    // with it ("Египта Мухаммед Мурси", "Путина Дмитрий Песков", "Антарктике А.Н. Чилингаров")
    let agrees = |k: usize, giv: usize| -> bool {
        if feats[k].surn != Some(Shape::Strong) {
            return false;
        }
        if feats[giv].init {
            return true;
        }
        let gender = morphology::given(toks[giv].text).map(|x| x.1);
        let nominative_given = morphology::given_exact(toks[giv].folded).is_some();
        let surname_nom = morphology::surname(toks[k].text, gender).is_some_and(|s| s.0 == toks[k].text);
        nominative_given == surname_nom
    };
    // "Рыжко Вячеслав Владимирович", "Volyanskaya Nadezhda Vladimirovna": one word before a
    // given name and patronymic that end the group is the surname
    let patr_after = |p: usize| {
        g.len() == p + 2
            && (feats[g[p + 1].0].patr
                || feats[g[p + 1].0].latin && latin_patronymic_word(toks[g[p + 1].0].lower))
    };
    if let Some(p) = g.iter().position(|&(k, _)| is_given(k) || feats[k].init)
        && p > 0
        && !(p == 1 && is_given(g[p].0) && patr_after(p) && surname_like(doc, g[0].0))
        // "Зинченко А.В.": initials that end the group follow their surname
        && !(g[p..].iter().all(|&(k, _)| feats[k].init) && g[..p].iter().all(|&(k, _)| feats[k].cap))
        && (cyr(g[p].0)
            && g[..p].iter().all(|&(k, _)| {
                cyr(k) && !agrees(k, g[p].0) && !feats[k].init && !feats[k].patr && !toks[k].is_lower()
            })
            || !cyr(g[p].0)
                && is_given(g[p].0)
                && g.len() - p >= 2
                && g[..p].iter().all(|&(k, _)| !cyr(k) && !feats[k].init && !toks[k].is_lower()))
    {
        let mut out = vec![g[..p].to_vec()];
        out.extend(split_group(doc, g[p..].to_vec()));
        return out;
    }
    let mut out = Vec::new();
    let mut cur: Vec<(usize, usize)> = Vec::new();
    let mut seen_given = false;
    let mut seen_surname = false;
    for &(k, e) in &g {
        let f = &feats[k];
        let new_person = !cur.is_empty()
            && cyr(k)
            && !f.roman
            && !toks[k].is_lower()
            && (
                // "Марины Дмитрий": an inflected given name, then a nominative one
                (f.given.is_some() && seen_given && !f.patr && !toks[k].folded.ends_with('о') && {
                    let prev = cur.iter().rev().find(|&&(j, _)| is_given(j)).map(|&(j, _)| j);
                    prev.is_some_and(|j| {
                        morphology::given_exact(toks[j].folded).is_none()
                            && morphology::given_exact(toks[k].folded).is_some()
                    })
                })
                // "Сергей Анатольевич Лебедев Путин": a full name is complete
                || (seen_given && seen_surname && !f.patr && !f.init)
                // "им. Р.М. Горбачевой Борис Владимирович": initials and a surname, then a
                // given name
                || (f.given.is_some()
                    && !seen_given
                    && cur.len() >= 2
                    && feats[cur[0].0].init
                    && cur.last().is_some_and(|&(j, _)| !feats[j].init && feats[j].surn.is_some()))
            );
        if new_person {
            out.push(std::mem::take(&mut cur));
            seen_given = false;
            seen_surname = false;
        }
        if f.given.is_some() && !seen_given {
            seen_given = true;
        } else if seen_given && !f.patr && !f.init && !toks[k].is_lower() && f.surn == Some(Shape::Strong) {
            seen_surname = true;
        }
        cur.push((k, e));
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// What speaks for a group of name words being a person's name (see [`decide_group`]).
struct Evidence {
    /// First token of the group.
    a: usize,
    /// One past the last token of the group.
    b: usize,
    /// Words (elements) in the group.
    n: usize,
    /// A given name.
    has_given: bool,
    /// A patronymic after the first word.
    has_patr: bool,
    /// An initial.
    has_init: bool,
    /// A word of a strong surname shape that is no adjective (or a feminine surname in an
    /// oblique case at the end).
    strong_surn: bool,
    /// A word of any surname shape.
    any_surn: bool,
    /// A role word before the group or a speech verb next to it.
    ctx: bool,
    /// The group starts inside quotes.
    quoted: bool,
    /// The group starts a sentence.
    sent: bool,
}

impl Evidence {
    fn of(doc: &Doc<'_, '_>, g: &[(usize, usize)]) -> Evidence {
        let (toks, feats) = (doc.toks, doc.feats);
        let (a, _) = g[0];
        let (_, b) = *g.last().expect("non-empty");
        let n = g.len();
        let strong_surn = g.iter().enumerate().any(|(i, &(k, _))| {
            let folded = toks[k].folded;
            // "Ажар Шомбиной", "Жанерке Егимбаевой": a feminine surname in an oblique case ends
            // the name; an adjective in "-овой" comes before its noun ("Финансовой Академии")
            let fem_oblique =
                ["овой", "евой", "иной", "ыной"].iter().any(|e| folded.ends_with(e)) && i == n - 1;
            feats[k].surn == Some(Shape::Strong) && (feats[k].latin || !is_adjective(folded) || fem_oblique)
        });
        Evidence {
            a,
            b,
            n,
            has_given: g.iter().any(|&(k, _)| feats[k].given.is_some()),
            has_patr: g.iter().skip(1).any(|&(k, _)| feats[k].patr),
            has_init: g.iter().any(|&(k, _)| feats[k].init),
            strong_surn,
            any_surn: g.iter().any(|&(k, _)| feats[k].surn.is_some()),
            ctx: role_before(toks, feats, a) || speech_context(toks, a, b),
            quoted: feats[a].quoted,
            sent: toks[a].sent_start,
        }
    }
}

/// Decides whether one group of name words (a part of a chain, see [`split_group`]) names a
/// person, and pushes its span when it does. `org_after`: a non-name word of the same chain
/// follows the group ("Global Cultural Project").
fn decide_group(doc: &Doc<'_, '_>, g: &[(usize, usize)], org_after: bool, spans: &mut Vec<Span>) {
    let (toks, feats) = (doc.toks, doc.feats);
    // particles never start or end a name
    let Some(first) = g.iter().position(|&(k, _)| !toks[k].is_lower()) else { return };
    let last = g.iter().rposition(|&(k, _)| !toks[k].is_lower()).unwrap_or(first);
    let mut g = g[first..=last].to_vec();
    let latin = feats[g[0].0].latin;
    if g.iter().all(|&(a, _)| feats[a].caps) {
        if let Some((a, b)) = headline_person(doc, &g, latin) {
            push(spans, a, b);
        }
        return;
    }
    if ordinary_sentence_start(doc, &g, latin) {
        g.remove(0);
    }
    let ev = Evidence::of(doc, &g);
    if ruled_out(doc, &g, &ev, org_after, latin) {
        return;
    }
    let span = if latin {
        latin_person(doc, &g, &ev)
    } else {
        cyrillic_person(doc, &g, &ev).then_some((ev.a, ev.b))
    };
    if let Some((a, b)) = span {
        push(spans, a, b);
    }
}

/// The span of a person in a group of all-caps headline words: "KEVIN BROWN LOWERS ERA"
/// when the first is a given name (else only coreference makes them people).
fn headline_person(doc: &Doc<'_, '_>, g: &[(usize, usize)], latin: bool) -> Option<(usize, usize)> {
    let (toks, feats) = (doc.toks, doc.feats);
    let first = feats[g[0].0].given.is_some() && !AMBIGUOUS_EN.contains(toks[g[0].0].lower);
    // the next word must not be a verb of the headline ("MITCHELL DEFEATS BAILEY")
    let verb_next = g.get(1).is_some_and(|&(k, _)| toks[k].lower.ends_with('s') && g.len() > 2);
    (latin && first && !verb_next && (2..=3).contains(&g.len())).then(|| (g[0].0, g[1].1))
}

/// The group's first word starts a sentence and is an ordinary word in title case, not a
/// part of the name: no given name, initial or patronymic, and (in Latin script) a word of the
/// text's lowercase vocabulary or (in Cyrillic) such a word, an adjective, a plural, or a word
/// of no name shape before another one.
fn ordinary_sentence_start(doc: &Doc<'_, '_>, g: &[(usize, usize)], latin: bool) -> bool {
    if g.len() < 2 {
        return false;
    }
    let (toks, feats) = (doc.toks, doc.feats);
    let (a, _) = g[0];
    let f = &feats[a];
    let next = &feats[g[1].0];
    let folded = toks[a].folded;
    let common = doc.lower_vocab.contains(&folded)
        || folded.ends_with('ы')
        || folded.ends_with('и') && !folded.ends_with("ии")
        || !latin && is_adjective(folded);
    toks[a].sent_start
        && f.given.is_none()
        && !f.init
        && !f.patr
        && !next.patr
        && (latin && doc.lower_vocab.contains(&folded)
            || !latin && (common || f.surn.is_none() && next.surn.is_none() && next.given.is_none()))
}

/// Whatever the script, the group is no person: a lone initial, initials only, words before a
/// non-name word of the chain, a name after a locative preposition, or a place name.
fn ruled_out(doc: &Doc<'_, '_>, g: &[(usize, usize)], ev: &Evidence, org_after: bool, latin: bool) -> bool {
    let (toks, feats) = (doc.toks, doc.feats);
    let (a, b) = (ev.a, ev.b);
    // no evidence of a person besides the words' shapes
    let bare = !ev.has_given && !ev.has_patr && !ev.has_init;
    // a lone initial
    ev.has_init && ev.n == 1
        // "Ф.И.О.", "Т.А.Ә.": a form label or an abbreviation
        || g.iter().all(|&(k, _)| feats[k].init)
        // "Global Cultural Project", "Kenesary Street": words before a non-name word of the same
        // chain name an organisation or a place unless a given name, patronymic or initial says
        // otherwise
        || org_after && bare
        // "в Доме Культуры", "в Тамбове": after a locative preposition, a name needs evidence
        || a > 0 && !latin && matches!(toks[a - 1].lower, "в" | "во" | "из" | "под" | "над") && bare
        // "Жамбыл облысы", "Сәкен Сейфуллин атындағы": a place or a name given to a place
        // (with initials, "Р.М. Горбачева атындағы институт" names the person a place is named
        // after, as "им. Р.М. Горбачевой" does)
        || b < toks.len()
            && PLACE_AFTER.contains(toks[b].lower)
            && !(ev.has_init && toks[b].lower.starts_with("атында"))
}

/// The span of the person a group of Latin-script words names, if it names one.
fn latin_person(doc: &Doc<'_, '_>, g: &[(usize, usize)], ev: &Evidence) -> Option<(usize, usize)> {
    let (toks, feats) = (doc.toks, doc.feats);
    let (a, b, n) = (ev.a, ev.b, ev.n);
    let org = g.iter().any(|&(k, _)| ORG_WORDS.contains(toks[k].lower));
    let tainted = !ev.has_given && g.iter().all(|&(k, _)| doc.org_words.contains(toks[k].lower));
    if org || tainted {
        // "the R. M. Gorbacheva Institute", "I.P. Pavlov First St. Petersburg State Medical
        // University": initials and a surname named in an organisation's name
        let lead = g.iter().take_while(|&&(k, _)| feats[k].init).count();
        if lead == 0 || lead >= n {
            return None;
        }
        let (k, e) = g[lead];
        let word_ok = feats[k].cap
            && feats[k].surn == Some(Shape::Strong)
            && !ORG_WORDS.contains(toks[k].lower)
            && !doc.lower_vocab.contains(toks[k].lower);
        return word_ok.then_some((a, e));
    }
    let inits = g.iter().filter(|&&(k, _)| feats[k].init).count();
    let leading_inits = g.iter().take_while(|&&(k, _)| feats[k].init).count();
    // "L.A. Akhmedyarova", "Zh.Yu. Chefranova": initials before a surname-shaped word
    let surname_last = n == leading_inits + 1 && feats[g[n - 1].0].surn == Some(Shape::Strong);
    if inits == n || leading_inits >= 2 && !ev.ctx && !surname_last {
        return None; // "U.S.", "U.S. Treasuries"
    }
    if n == 1 && toks.get(b).is_some_and(|t| t.is_punct('&')) {
        return None; // "Douglas & Lomason"
    }
    let first_given = feats[g[0].0].given.is_some() || feats[g[0].0].init;
    let ok = if n >= 2 {
        first_given || ev.ctx || (ev.any_surn && !ev.sent) || ev.has_init
    } else {
        let common = doc.lower_vocab.contains(toks[a].lower);
        // "in Lebanon", "the Reds", "a Commission": a place, a team or an organisation
        let place =
            a > 0 && matches!(toks[a - 1].lower, "in" | "at" | "from" | "near" | "to" | "the" | "a" | "an");
        let followed = toks.get(b).is_some_and(|t| t.is_cap());
        !common
            && !place
            && !followed
            && (ev.ctx && doc.latin_doc
                || feats[a].given.is_some()
                    && !ev.sent
                    && !ev.quoted
                    && !AMBIGUOUS_EN.contains(toks[a].lower))
    };
    ok.then_some((a, b))
}

/// A group of Cyrillic words names a person.
fn cyrillic_person(doc: &Doc<'_, '_>, g: &[(usize, usize)], ev: &Evidence) -> bool {
    let (toks, feats) = (doc.toks, doc.feats);
    let (a, b) = (ev.a, ev.b);
    if ev.n >= 2 {
        return cyrillic_full_name(doc, g, ev);
    }
    if ev.quoted {
        false
    } else if feats[a].given.is_some() {
        let folded = toks[a].folded;
        let ambiguous = AMBIGUOUS_RU.contains(folded);
        if ev.sent {
            // at a sentence start only an uninflected, unambiguous given name
            morphology::given_exact(folded).is_some() && !ambiguous || speech_context(toks, a, b)
        } else {
            !ambiguous || doc.lang != Lang::Kk
        }
    } else if feats[a].surn == Some(Shape::Strong) && plural_noun(doc, a) {
        false
    } else if feats[a].surn == Some(Shape::Strong) {
        let place = a > 0 && matches!(toks[a - 1].lower, "в" | "во" | "на" | "из" | "под" | "над" | "изо");
        !ev.sent && !place && !is_adjective(toks[a].folded) || speech_context(toks, a, b)
    } else if feats[a].surn == Some(Shape::Weak) {
        (!ev.sent && !toks[a].folded.ends_with("их") && !toks[a].folded.ends_with("ых")) || ev.ctx
    } else {
        speech_context(toks, a, b) && !ev.sent
    }
}

/// A group of two or more Cyrillic words names a person.
fn cyrillic_full_name(doc: &Doc<'_, '_>, g: &[(usize, usize)], ev: &Evidence) -> bool {
    let toks = doc.toks;
    if ev.quoted {
        // «Анна Каренина» is a title; a name with initials or a patronymic is a person even
        // inside quotes (an unclosed «… Л.А. Ахмедьяровой»)
        ev.has_given && (ev.any_surn || ev.has_patr || ev.n == 2)
            || (ev.has_init || ev.has_patr) && ev.any_surn
    } else if ev.has_given || ev.has_patr || ev.has_init {
        true
    } else if ev.strong_surn {
        // "Соединенных Штатов": a plural adjective is never part of a name
        !g.iter().any(|&(k, _)| {
            let f = toks[k].folded;
            ["ых", "их", "ые", "ие", "ыми", "ими"].iter().any(|e| f.ends_with(e))
        })
    } else {
        // Russian: two or more capitalised words mid-sentence are a name unless one is an
        // adjective (multiword organisations and places keep one capital: "Правления
        // Республиканской")
        let adjective = g.iter().any(|&(k, _)| is_adjective(toks[k].folded));
        // with a role or speech verb next to it, only an adjective that goes with the
        // lowercase noun after it ("Председателем Правления Республиканской ассоциации")
        // says it is not a name ("митрополит Русенский Неофит" is one)
        let adjective_before_noun = is_adjective(&fold(toks[g[ev.n - 1].0].lower))
            && toks.get(ev.b).is_some_and(|t| t.is_lower() && !t.latin_like());
        !adjective && doc.lang == Lang::Ru && !ev.sent || ev.ctx && !adjective_before_noun
    }
}

/// Names in a comma-separated list of names are names: "Ian Healy, Michael Bevan, Damien
/// Fleming" — a chain of two or three capitalised Latin words next to an accepted name with
/// only a comma (or "and") between is accepted too.
fn in_lists(doc: &Doc<'_, '_>, spans: &mut Vec<Span>) {
    let (toks, feats) = (doc.toks, doc.feats);
    let name_words = |i: usize, end: usize| {
        (i..end).all(|k| {
            let f = &feats[k];
            let l = toks[k].lower;
            // "de" in "Aravinda de Silva"
            if k > i && toks[k].is_lower() && PARTICLES.contains(l) {
                return true;
            }
            // "Hematopoietic Stem Cells, E.V. Babenko": words of the text's vocabulary
            let common = doc.lower_vocab.contains(l)
                || l.strip_suffix('s').is_some_and(|w| doc.lower_vocab.contains(w))
                || doc.lower_vocab.contains(format!("{l}s").as_str());
            f.latin && f.cap && !f.not_name && !f.role && !common && !ORG_WORDS.contains(l)
        })
    };
    // list glue: separators, shirt numbers and minutes ("; 5 - ", ", 88th), ")
    let glue = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.kind == Kind::Number
                || t.lower == "and"
                || t.lower == "th"
                || t.kind == Kind::Punct && matches!(t.text, "," | ";" | "-" | "(" | ")" | "–")
        })
    };
    let separated = |a: usize, b: usize| {
        (a..b).any(|k| toks[k].is_punct(',') || toks[k].is_punct(';') || toks[k].lower == "and")
    };
    // (the name-word test of each chain, once: it depends on the chain alone)
    let ok_words: Vec<bool> = doc.chains.iter().map(|&(i, end)| name_words(i, end)).collect();
    // a team sheet: three or more chains of two or three name-like words in a row, with only
    // separators and shirt numbers between them, are names without a known name among them
    {
        let mut cands: Vec<(usize, usize)> = Vec::new();
        for (&(i, end), &ok) in doc.chains.iter().zip(&ok_words) {
            let words = (i..end).filter(|&k| toks[k].kind == Kind::Word).count();
            if (2..=3).contains(&words) && ok && !feats[i].init {
                cands.push((i, end));
            }
        }
        let mut run: Vec<(usize, usize)> = Vec::new();
        let flush = |run: &mut Vec<(usize, usize)>, spans: &mut Vec<Span>| {
            if run.len() >= 3 {
                for &(a, b) in run.iter() {
                    if !spans.iter().any(|s| s.start < b && a < s.end) {
                        spans.push(Span { start: a, end: b });
                    }
                }
            }
            run.clear();
        };
        for c in cands {
            let linked = run.last().is_some_and(|&(_, pe)| {
                c.0 > pe && c.0 - pe <= 6 && (pe..c.0).all(glue) && separated(pe, c.0)
            });
            if !linked {
                flush(&mut run, spans);
            }
            run.push(c);
        }
        flush(&mut run, spans);
    }
    loop {
        let starts: HashSet<usize> = spans.iter().map(|s| s.start).collect();
        let ends: HashSet<usize> = spans.iter().map(|s| s.end).collect();
        let mut covered = vec![false; toks.len()];
        for s in spans.iter() {
            for c in covered.iter_mut().take(s.end).skip(s.start) {
                *c = true;
            }
        }
        let mut add = Vec::new();
        for (&(i, end), &ok_words) in doc.chains.iter().zip(&ok_words) {
            let n = end - i;
            // "the Cryopreservation of Hematopoietic Stem Cells, E.V. Babenko": after a lowercase
            // word (not "and"), only a chain starting with a given name is a list item
            let after_word = i > 0
                && toks[i - 1].is_lower()
                && !feats[i - 1].role
                && !matches!(toks[i - 1].lower, "and" | "or")
                && feats[i].given.is_none()
                && toks.get(end).is_some_and(|t| t.is_punct(','));
            if (1..=4).contains(&n) && ok_words && !after_word && !covered[i..end].iter().any(|&c| c) {
                let mut l = i;
                while l > 0 && i - l < 6 && glue(l - 1) && !ends.contains(&l) {
                    l -= 1;
                }
                let mut r = end;
                while r < toks.len() && r - end < 6 && glue(r) && !starts.contains(&r) {
                    r += 1;
                }
                let left = l < i && ends.contains(&l) && separated(l, i);
                let right = r > end && starts.contains(&r) && separated(end, r);
                // one word ("Sudiriman", "Inzamam-ul-Haq") only between two names of the list
                if n >= 2 && (left || right) || n == 1 && left && right {
                    add.push(Span { start: i, end });
                }
            }
        }
        if add.is_empty() {
            break;
        }
        spans.extend(add);
    }
}

fn personal_role(folded: &str) -> bool {
    PERSONAL_ROLES.iter().any(|r| folded.starts_with(r) && folded.chars().count() <= r.chars().count() + 4)
}

/// "писатель Адонис", "императора Японии Акихито": one capitalised Cyrillic word after a
/// personal role (optionally with a genitive place between) is a person.
fn single_by_role(doc: &Doc<'_, '_>, spans: &mut Vec<Span>) {
    let (toks, feats) = (doc.toks, doc.feats);
    let mut covered = vec![false; toks.len()];
    for s in spans.iter() {
        for c in covered.iter_mut().take(s.end).skip(s.start) {
            *c = true;
        }
    }
    for k in 1..toks.len() {
        let f = &feats[k];
        if covered[k] || !f.cap || f.latin || f.not_name || f.role || f.quoted || toks[k].sent_start {
            continue;
        }
        if toks.get(k + 1).is_some() && feats[k + 1].cap && !feats[k + 1].not_name {
            continue;
        }
        let mut j = k - 1;
        if feats[j].not_name && feats[j].cap && j > 0 {
            j -= 1; // "императора Японии Акихито"
        }
        // "профессор Санкт-Петербургского государственного университета": an adjective
        // before the noun it goes with
        if is_adjective(toks[k].folded)
            && toks.get(k + 1).is_some_and(|t| t.is_lower() && is_adjective(t.folded))
        {
            continue;
        }
        if toks[j].kind == Kind::Word && toks[j].is_lower() && personal_role(toks[j].folded) {
            spans.push(Span { start: k, end: k + 1 });
            covered[k] = true;
        }
    }
}

/// A Latin-script name in parentheses or after a dash right after a person mention is the
/// original spelling of that person: "Модибо Сидибе (Modibo Sidibe)".
fn latin_in_parens(doc: &Doc<'_, '_>, spans: &mut Vec<Span>) {
    let (toks, feats) = (doc.toks, doc.feats);
    if doc.latin_doc {
        return;
    }
    let ends: HashSet<usize> = spans.iter().map(|s| s.end).collect();
    let mut add = Vec::new();
    for s in spans.iter() {
        let k = s.end;
        if !(toks.get(k).is_some_and(|t| t.is_punct('(') || t.is_punct('—') || t.is_punct('-'))) {
            continue;
        }
        let mut e = k + 1;
        while e < toks.len() && (feats[e].latin && (feats[e].cap || feats[e].caps) || feats[e].init) {
            e += if feats[e].init { 2 } else { 1 };
        }
        // "(Princess Ayako of Takamado)": not a plain name
        if e > k + 1
            && e <= toks.len()
            && toks.get(e).is_some_and(|t| t.is_punct(')') || t.is_punct(','))
            && !ends.contains(&e)
        {
            let mut a = k + 1;
            while a < e && feats[a].role {
                a += 1;
            }
            if a < e {
                add.push(Span { start: a, end: e.min(toks.len()) });
            }
        }
    }
    spans.retain(|s| !add.iter().any(|x| x.start < s.end && s.start < x.end));
    spans.extend(add);
}

/// The title or role written right before the span ("профессор", "медицинский директор",
/// "Minister of Health", "Dr."), if any.
pub fn role(toks: &[Token<'_>], feats: &[Feat], text: &str, s: &Span) -> Option<String> {
    // look back over at most 5 words without crossing punctuation (a dot after an
    // abbreviation such as "Dr." or "д.м.н." is fine)
    let mut k = s.start;
    let mut head = None;
    let mut steps = 0;
    while k > 0 && steps < 6 {
        let t = &toks[k - 1];
        if t.kind == Kind::Punct {
            if t.is_punct('.') && k >= 2 && toks[k - 2].kind == Kind::Word && toks[k - 2].len() <= 4 {
                k -= 1;
                continue;
            }
            break;
        }
        if t.kind != Kind::Word || t.newline_before && k - 1 != s.start.saturating_sub(1) {
            break;
        }
        if feats[k - 1].role {
            head = Some(k - 1);
        } else if head.is_none() && steps >= 3 {
            break;
        }
        k -= 1;
        steps += 1;
    }
    let mut h = head?;
    // take lowercase adjectives before the head ("медицинский директор")
    while h > 0
        && toks[h - 1].kind == Kind::Word
        && (toks[h - 1].is_lower() || toks[h - 1].sent_start)
        && is_adjective(toks[h - 1].folded)
    {
        h -= 1;
    }
    let a = toks[h].byte;
    let last = &toks[s.start - 1];
    let b = last.byte + last.text.len();
    let r = text.get(a..b)?.trim().trim_end_matches(',').trim();
    (!r.is_empty()).then(|| r.to_string())
}

/// One line per capitalised word with its name features (for the `explain` example).
pub fn explain(text: &str) -> Vec<String> {
    let mut arena = String::new();
    let toks = crate::tokens::tokenize(text, &mut arena);
    let feats = features(&toks, Lang::Ru);
    toks.iter()
        .zip(&feats)
        .filter(|(t, f)| f.cap || f.caps || f.init || f.role || t.sent_start && t.kind == Kind::Word)
        .map(|(t, f)| {
            format!(
                "{:<20} sent={} given={:?} patr={} surn={:?} not_name={} role={} latin={} quoted={}",
                t.text, t.sent_start, f.given, f.patr, f.surn, f.not_name, f.role, f.latin, f.quoted
            )
        })
        .collect()
}

//! Within-text resolution of person mentions, nominative names and archive-wide keys.
//!
//! **Keys.** [`person_key`] gives one key per person whatever the script, case or
//! inflection: the surname in nominative, transliterated with [`crate::translit::to_latin`]
//! and folded by [`key_fold`] (so "Tokayev"/"Тоқаев", "Alexeyev"/"Алексеев" meet), then a
//! hyphen and the first Latin letter of the given name or first initial:
//! "Пивоваровой Ирины Алексеевны", "Пивоварова И.А.", "И. А. Пивоварова" and
//! "Irina Alekseevna Pivovarova" all give `pivovarova-i`. The patronymic initial is left out
//! of the key on purpose: a later "И. Пивоварова" or "Irina Pivovarova" has no patronymic and
//! must still meet the full name; it is kept in the display name only. Collision risk: two
//! people with the same surname and the same first initial (relatives, namesakes) share a key;
//! in a one-institution archive that is rare and the display name still tells them apart. A
//! mention without a given name gets the bare surname key (`pivovarova`), which a search can
//! match as a prefix; a mention without a surname gets its given name (`irina`).
//!
//! Spelling variants meet in [`key_fold`]: "Baykov"/"Baikov" (y after a vowel is i),
//! "Grigorieva"/"Grigoryeva" (i between a consonant and a vowel is y), "Alyona"/"Алёна" (yo
//! after a consonant is e). A middle initial never gives the key's letter ("Ayauzhan E.
//! Yesimbekova" is `esimbekova-a`), and a second patronymic-shaped word is a surname
//! ("Анастасия Александровна Олифирович").
//!
//! **Resolution.** Mentions with a surname and a given name define people; a later or earlier
//! short mention ("Пивоварова", "И. А. Пивоварова", "Ирина Алексеевна", "PIVOVAROVA") takes
//! the key and name of the person it matches in the same text: by surname, or by given name
//! (and patronymic, when both have one) when exactly one person of the text has that given
//! name ("Nadezhda Vladimirovna" after "Volyanskaya Nadezhda Vladimirovna", a lone "Лиза"
//! after "Лиза Львова"). `extend` also finds other occurrences of accepted multiword names
//! in any letter case ("KEVIN BROWN" in a headline) and turns single capitalised or all-caps
//! words that match a known surname into mentions.

use super::morphology;
use super::names::Gender;
use super::{Feat, Span};
use crate::tokens::{Kind, Token, tokenize};
use crate::translit::{fold, to_latin};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Fold a Latin transliteration so common English spelling variants meet.
pub fn key_fold(latin: &str) -> String {
    // (everything below is ASCII: bytes are chars)
    // pass 1: digraphs and letters with common alternatives
    let src: Vec<u8> = latin.bytes().filter(u8::is_ascii_alphanumeric).collect();
    let mut s: Vec<u8> = Vec::with_capacity(src.len() + 2);
    let mut i = 0;
    while i < src.len() {
        let rest = &src[i..];
        let (out, used): (&[u8], usize) = if rest.starts_with(b"dzh") {
            (b"j", 3)
        } else if rest.starts_with(b"zh") {
            (b"j", 2)
        } else if rest.starts_with(b"kh") {
            (b"h", 2)
        } else if rest.starts_with(b"ph") {
            (b"f", 2)
        } else if rest.starts_with(b"iy") || rest.starts_with(b"yy") {
            (b"y", 2)
        } else if rest.starts_with(b"ck") {
            (b"k", 2)
        } else if rest.starts_with(b"yo") && s.last().is_some_and(|c| !b"aeiouy".contains(c)) {
            // "Alyona", "Pyotr", "Fyodor": ё after a consonant, written "e" by to_latin
            (b"e", 2)
        } else {
            match rest[0] {
                b'x' => (b"ks", 1),
                b'w' => (b"v", 1),
                c => {
                    s.push(c);
                    i += 1;
                    continue;
                }
            }
        };
        s.extend_from_slice(out);
        i += used;
    }
    let b = s;
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let mut out = String::with_capacity(b.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'y' && i > 0 && i + 1 < b.len() && vowel(b[i - 1]) && vowel(b[i + 1]) {
            continue;
        }
        if c == b'y' && i == 0 && b.get(1) == Some(&b'e') {
            continue;
        }
        let next_vowel = b.get(i + 1).is_some_and(|&n| vowel(n));
        // "Baykov"/"Baikov", "Dalabay"/"Dalabai": y after a vowel and before a consonant is i
        if c == b'y' && i > 0 && vowel(b[i - 1]) && !next_vowel {
            out.push('i');
            continue;
        }
        // "Grigorieva"/"Grigoryeva", "Natalia"/"Natalya": i between a consonant and a vowel is y
        if c == b'i'
            && i > 0
            && b[i - 1].is_ascii_alphabetic()
            && !vowel(b[i - 1])
            && b[i - 1] != b'y'
            && next_vowel
        {
            out.push('y');
            continue;
        }
        if c == b'c' && b.get(i + 1) != Some(&b'h') {
            out.push('k');
            continue;
        }
        out.push(c as char);
    }
    if out.ends_with("ski") {
        out.pop();
        out.push('y');
    }
    out
}

/// `key_fold(&to_latin(word))`, remembered for the most recent words (it is pure).
pub(crate) fn latin_key(word: &str) -> String {
    thread_local! {
        static MEMO: morphology::Memo<String, 1> = morphology::Memo::default();
    }
    MEMO.with(|m| m.get_or(word, 0, || key_fold(&to_latin(word))))
}

/// A parsed name.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// Given name, nominative.
    pub given: Option<String>,
    /// The given name is in the name lists (not guessed from word order).
    pub given_known: bool,
    /// Patronymic, nominative.
    pub patr: Option<String>,
    /// Surname, nominative.
    pub surname: Option<String>,
    /// Initials as written ("И.", "А.").
    pub initials: Vec<String>,
    /// The words in text order, nominative, for display.
    pub display: Vec<String>,
}

impl Parsed {
    fn first_letter(&self) -> Option<char> {
        let g = self.given.as_deref().or(self.initials.first().map(String::as_str))?;
        latin_key(g).chars().next()
    }

    /// The archive-wide key.
    pub fn key(&self) -> String {
        match (&self.surname, self.first_letter()) {
            (Some(s), Some(c)) => format!("{}-{c}", latin_key(s)),
            (Some(s), None) => latin_key(s),
            (None, _) => match (&self.given, &self.patr) {
                (Some(g), _) => latin_key(g),
                (None, Some(p)) => latin_key(p),
                _ => String::new(),
            },
        }
    }

    /// The surname key alone.
    pub fn surname_key(&self) -> Option<String> {
        self.surname.as_ref().map(|s| latin_key(s))
    }

    /// Number of name parts known.
    pub fn weight(&self) -> usize {
        self.given.is_some() as usize * 2
            + self.patr.is_some() as usize * 2
            + self.surname.is_some() as usize * 3
            + self.initials.len()
    }
}

fn is_latin(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c))
}

/// Parse the words of a name (initials are one-letter words).
pub fn parse(words: &[&str]) -> Parsed {
    let mut p = Parsed::default();
    let mut gender: Option<Gender> = None;
    #[derive(Clone, Copy, PartialEq)]
    enum Role {
        Init,
        Given,
        Patr,
        Other,
    }
    let mut roles = Vec::with_capacity(words.len());
    // patronymic and given-name readings of each Cyrillic word, looked up once (None for
    // initials, Latin words and words whose given-name reading was not needed)
    let mut patr_of: Vec<Option<(String, Gender)>> = Vec::with_capacity(words.len());
    let mut given_of: Vec<Option<Option<(String, Gender)>>> = Vec::with_capacity(words.len());
    for w in words {
        patr_of.push(None);
        given_of.push(None);
        let dotted = w.ends_with('.');
        let w = w.trim_end_matches('.');
        if w.chars().count() == 1 || dotted && crate::tokens::is_initial(w) {
            roles.push(Role::Init);
            continue;
        }
        if is_latin(w) {
            let l = crate::affix::to_lowercase(w);
            let l = l.strip_suffix("'s").unwrap_or(&l).to_string();
            if super::names::is_latin_given(&l) && !roles.contains(&Role::Given) {
                p.given_known = true;
                roles.push(Role::Given);
            } else if latin_patronymic(&l) && roles.contains(&Role::Given) {
                roles.push(Role::Patr);
            } else {
                roles.push(Role::Other);
            }
            continue;
        }
        let k = roles.len();
        patr_of[k] = morphology::patronymic(w);
        if let Some((_, g)) = patr_of[k]
            && !roles.is_empty()
            && roles.contains(&Role::Given)
        {
            gender = gender.or(Some(g));
            roles.push(Role::Patr);
        } else if let Some((_, g)) = given_of[k].insert(morphology::given(w))
            && !roles.contains(&Role::Given)
        {
            gender = Some(*g);
            p.given_known = true;
            roles.push(Role::Given);
        } else if patr_of[k].as_ref().is_some_and(|(n, _)| {
            let f = fold(n);
            f.ends_with("вич") || f.ends_with("вна") || f.ends_with("чна")
        }) && words.len() >= 3
        {
            roles.push(Role::Patr);
        } else {
            roles.push(Role::Other);
        }
    }
    // One patronymic per name, right after the given name: another patronymic-shaped word is
    // a surname ("Анастасия Александровна Олифирович", "Макаревич Наталия Владимировна")
    let patrs: Vec<usize> = (0..roles.len()).filter(|&k| roles[k] == Role::Patr).collect();
    if patrs.len() >= 2 {
        let keep = patrs.iter().copied().find(|&k| k > 0 && roles[k - 1] == Role::Given).unwrap_or(patrs[0]);
        for &k in &patrs {
            if k != keep {
                roles[k] = Role::Other;
            }
        }
    }
    // "Ayauzhan E. Yesimbekova": an unknown word, a middle initial, then the surname
    if !roles.contains(&Role::Given)
        && roles.len() >= 3
        && roles[0] == Role::Other
        && roles[1] == Role::Init
        && roles[roles.len() - 1] == Role::Other
    {
        roles[0] = Role::Given;
    }
    // Two unknown words and no given name: the first is the given name in Western order,
    // unless it looks like a surname and the second does not.
    let others: Vec<usize> = (0..roles.len()).filter(|&k| roles[k] == Role::Other).collect();
    if others.len() >= 2 && !roles.contains(&Role::Given) && !roles.contains(&Role::Init) {
        let (a, b) = (others[0], others[others.len() - 1]);
        let a_surn = !is_latin(words[a]) && morphology::surname(words[a], None).is_some();
        let b_surn = !is_latin(words[b]) && morphology::surname(words[b], None).is_some();
        if a_surn && !b_surn {
            roles[b] = Role::Given;
        } else {
            roles[a] = Role::Given;
        }
    }
    // the patronymic tells the gender: "Валерия Григорьевича" is Валерий, not Валерия
    let patr_gender = (0..roles.len())
        .find(|&k| roles[k] == Role::Patr && !is_latin(words[k]))
        .and_then(|k| patr_of[k].as_ref())
        .map(|x| x.1);
    if patr_gender.is_some() {
        gender = patr_gender;
    }
    let surname_idx = (0..roles.len()).rev().find(|&k| roles[k] == Role::Other);
    for (k, w) in words.iter().enumerate() {
        let wt = w.trim_end_matches('.');
        let disp = match roles[k] {
            Role::Init => {
                p.initials.push(format!("{wt}."));
                format!("{wt}.")
            }
            Role::Given => {
                let n = if is_latin(wt) {
                    wt.to_string()
                } else {
                    let given = |k: usize| given_of[k].clone().unwrap_or_else(|| morphology::given(wt));
                    let g = match gender {
                        Some(want) => morphology::given_gendered(wt, want).or_else(|| given(k)),
                        None => given(k),
                    };
                    g.map_or_else(|| wt.to_string(), |g| g.0)
                };
                p.given = Some(n.clone());
                n
            }
            Role::Patr => {
                let n = if is_latin(wt) {
                    wt.to_string()
                } else {
                    patr_of[k].clone().map_or_else(|| wt.to_string(), |g| g.0)
                };
                p.patr = Some(n.clone());
                n
            }
            Role::Other => {
                let n = if is_latin(wt) {
                    wt.strip_suffix("'s").unwrap_or(wt).to_string()
                } else {
                    morphology::surname(wt, gender).map_or_else(|| strip_kk_case(wt), |s| s.0)
                };
                if Some(k) == surname_idx {
                    p.surname = Some(n.clone());
                }
                n
            }
        };
        p.display.push(disp);
    }
    p
}

/// A Latin-script patronymic: Russian "-ovich", "-ovna", "-ichna" or Kazakh "-uly", "-kyzy"
/// ("Marghulanqyzy", "Asylkhanuly"); lowercase input.
fn latin_patronymic(l: &str) -> bool {
    const ENDS: &[&str] =
        &["ovich", "evich", "ovna", "evna", "ichna", "ovych", "evych", "kyzy", "qyzy", "kizi", "uly", "ulu"];
    l.len() >= 7 && ENDS.iter().any(|e| l.ends_with(e))
}

/// Drop a Kazakh case suffix from an unknown surname ("Трамптың" → "Трамп").
fn strip_kk_case(w: &str) -> String {
    if !morphology::has_kazakh_letters(w) {
        return w.to_string();
    }
    let f = fold(w);
    for &suf in annals_lang::kazakh::NAME_CASE_ENDINGS {
        if f.ends_with(suf) && f.chars().count() >= suf.chars().count() + 4 {
            return morphology::swap(w, suf.chars().count(), "");
        }
    }
    w.to_string()
}

/// The words of a name string, with initials split ("И.А.Пивоварова" → И, А, Пивоварова).
fn name_words(name: &str) -> Vec<String> {
    let mut arena = String::new();
    let toks = tokenize(name, &mut arena);
    (0..toks.len()).filter(|&k| toks[k].kind == Kind::Word).map(|k| dotted_word(&toks, k)).collect()
}

/// A word of a name, with its dot when it is a digraph initial ("Zh.").
fn dotted_word(toks: &[Token<'_>], k: usize) -> String {
    let t = &toks[k];
    let dot = toks.get(k + 1).is_some_and(|d| d.is_punct('.') && !d.space_before);
    if dot && t.len() > 1 && crate::tokens::is_initial(t.text) {
        format!("{}.", t.text)
    } else {
        t.text.to_string()
    }
}

/// The archive-wide key of a full or partial name string (see the module docs).
pub fn person_key(name: &str) -> String {
    let words = name_words(name);
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    parse(&refs).key()
}

/// Name, key for each span of a text.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// Fullest nominative name.
    pub name: String,
    /// Key.
    pub key: String,
}

fn span_words(toks: &[Token<'_>], s: &Span) -> Vec<String> {
    (s.start..s.end).filter(|&k| toks[k].kind == Kind::Word).map(|k| dotted_word(toks, k)).collect()
}

fn parse_span(toks: &[Token<'_>], s: &Span) -> Parsed {
    let words = span_words(toks, s);
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    parse(&refs)
}

fn display(p: &Parsed) -> String {
    p.display.join(" ").replace(". ", ".").replace('.', ". ").trim().to_string()
}

/// Resolve mentions to people: key and fullest name per span.
pub fn resolve(toks: &[Token<'_>], spans: &[Span]) -> Vec<Resolved> {
    let parsed: Vec<Parsed> = spans
        .iter()
        .map(|s| {
            let mut p = parse_span(toks, s);
            if after_imeni(toks, s) {
                masculine_genitive(&mut p, &span_words(toks, s));
            }
            p
        })
        .collect();
    // people: mentions with a surname, heaviest first per surname
    let mut by_surname: HashMap<String, usize> = HashMap::default();
    for (i, p) in parsed.iter().enumerate() {
        let Some(sk) = p.surname_key() else { continue };
        let better = by_surname.get(&sk).is_none_or(|&j| parsed[j].weight() < p.weight());
        if better {
            by_surname.insert(sk, i);
        }
    }
    // people by given name (with surname and given name), None when two people share it
    let mut by_given: HashMap<String, Option<usize>> = HashMap::default();
    for &i in by_surname.values() {
        let p = &parsed[i];
        if let (Some(g), Some(_)) = (&p.given, &p.surname) {
            let gk = latin_key(g);
            match by_given.get(&gk) {
                Some(Some(j)) if parsed[*j].key() != p.key() => {
                    by_given.insert(gk, None);
                }
                Some(_) => {}
                None => {
                    by_given.insert(gk, Some(i));
                }
            }
        }
    }
    let same_patr = |a: &Parsed, b: &Parsed| match (&a.patr, &b.patr) {
        (Some(x), Some(y)) => latin_key(x) == latin_key(y),
        _ => true,
    };
    let given_person = |g: &str| by_given.get(&latin_key(g)).copied().flatten();
    parsed
        .iter()
        .map(|p| {
            let target = match p.surname_key() {
                Some(sk) => {
                    // "Путина" is the genitive of "Путин" or a feminine "Путина": take the
                    // fuller person of the two
                    let variants =
                        [Some(sk.clone()), sk.strip_suffix('a').map(String::from), Some(format!("{sk}a"))];
                    let by_s = variants
                        .iter()
                        .flatten()
                        .filter_map(|v| by_surname.get(v).copied())
                        .max_by_key(|&j| parsed[j].weight());
                    // a lone word that is no one's surname but someone's given name: "Лиза"
                    // after "Лиза Львова"
                    let lone = p.given.is_none() && p.initials.is_empty() && p.patr.is_none();
                    let bare = |j: usize| parsed[j].given.is_none() && parsed[j].initials.is_empty();
                    match by_s {
                        Some(j) if !(lone && bare(j)) => Some(j),
                        _ if lone => p.surname.as_deref().and_then(given_person).or(by_s),
                        _ => by_s,
                    }
                }
                // "Nadezhda Vladimirovna" after "Volyanskaya Nadezhda Vladimirovna"
                None => p.given.as_deref().and_then(given_person).filter(|&j| same_patr(p, &parsed[j])),
            };
            let best = match target {
                Some(j) if parsed[j].weight() >= p.weight() => {
                    // an initial that contradicts the person's given name is someone else
                    let clash = p.surname.is_some()
                        && matches!((p.first_letter(), parsed[j].first_letter()), (Some(a), Some(b)) if a != b);
                    if clash { p } else { &parsed[j] }
                }
                _ => p,
            };
            Resolved { name: display(best), key: best.key() }
        })
        .collect()
}

/// The span follows "им." or "имени" ("НИИ им. И. П. Павлова"): a name in the genitive.
fn after_imeni(toks: &[Token<'_>], s: &Span) -> bool {
    let mut k = s.start;
    if k >= 1 && toks[k - 1].is_punct('.') {
        k -= 1;
    }
    // "им. акад. И.П. Павлова", "имени академика И. П. Павлова"
    if k >= 1 && matches!(toks[k - 1].lower, "акад" | "академика" | "проф" | "профессора")
    {
        k -= 1;
        if k >= 1 && toks[k - 1].is_punct('.') {
            k -= 1;
        }
    }
    k >= 1 && matches!(toks[k - 1].lower, "им" | "имени")
}

/// "И. П. Павлова" after "им.": with no given name to tell the gender, a surname in "-ова",
/// "-ева", "-ина", "-ына" is a masculine genitive ("Павлов"); a feminine one would be written
/// "-овой" ("им. Р. М. Горбачевой").
fn masculine_genitive(p: &mut Parsed, words: &[String]) {
    if p.given.is_some() {
        return;
    }
    let Some(s) = p.surname.clone() else { return };
    let f = fold(&s);
    let as_written = words.contains(&s);
    if as_written && ["ова", "ева", "ина", "ына"].iter().any(|e| f.ends_with(e)) {
        let m = morphology::swap(&s, 1, "");
        for d in p.display.iter_mut().filter(|d| **d == s) {
            *d = m.clone();
        }
        p.surname = Some(m);
    }
}

/// Every other occurrence of an accepted name of two or more words, in any letter case, is a
/// mention too ("KEVIN BROWN" in a headline after "Kevin Brown" in the text; "Ogun
/// Temizkanoglu" in a sentence after "Ogun Temizkanoglu" in a team list). Shorter spans
/// inside the occurrence give way to it.
fn repeat_names(toks: &[Token<'_>], spans: &mut Vec<Span>) {
    // (lowercase token, written with a capital)
    let mut seqs: Vec<Vec<(&str, bool)>> = Vec::new();
    for s in spans.iter() {
        let words = (s.start..s.end).filter(|&k| toks[k].kind == Kind::Word).count();
        if words >= 2 && s.end - s.start <= 8 {
            let seq: Vec<(&str, bool)> = toks[s.start..s.end].iter().map(|t| (t.lower, t.is_cap())).collect();
            if toks[s.start..s.end].iter().all(|t| t.kind != Kind::Punct || t.text == ".")
                && !seqs.contains(&seq)
            {
                seqs.push(seq);
            }
        }
    }
    if seqs.is_empty() {
        return;
    }
    // sequences by their first word; the span covering each token
    let mut by_first: HashMap<&str, Vec<usize>> = HashMap::default();
    for (n, seq) in seqs.iter().enumerate() {
        by_first.entry(seq[0].0).or_default().push(n);
    }
    // the longest sequence first
    for v in by_first.values_mut() {
        v.sort_by_key(|&n| std::cmp::Reverse(seqs[n].len()));
    }
    let mut cover: Vec<Option<(usize, usize)>> = vec![None; toks.len()];
    for s in spans.iter() {
        for c in cover.iter_mut().take(s.end).skip(s.start) {
            *c = Some((s.start, s.end));
        }
    }
    let mut added = vec![false; toks.len()];
    let mut add: Vec<Span> = Vec::new();
    for k in 0..toks.len() {
        if toks[k].kind != Kind::Word || added[k] {
            continue;
        }
        let Some(cands) = by_first.get(toks[k].lower) else { continue };
        for &ci in cands {
            let seq = &seqs[ci];
            let n = seq.len();
            if k + n > toks.len() {
                continue;
            }
            let hit = (0..n).all(|j| {
                let t = &toks[k + j];
                let (w, cap) = seq[j];
                t.lower == w
                    && (!cap || t.is_cap())
                    && (t.kind != Kind::Punct || t.text == ".")
                    && (j == 0 || !t.newline_before)
            });
            if !hit {
                continue;
            }
            let (a, b) = (k, k + n);
            // the occurrence must not be part of a longer capitalised run (in a headline in
            // capitals every word is one)
            let headline = toks[a..b].iter().all(|t| t.kind != Kind::Word || t.is_all_caps());
            let longer = !headline
                && (a > 0 && toks[a - 1].is_cap() && !toks[a - 1].sent_start && toks[a - 1].space_before
                    || toks.get(b).is_some_and(|t| t.is_cap() && !t.sent_start));
            let exact = cover[a] == Some((a, b));
            let crossing = cover[a..b].iter().flatten().any(|&(s, e)| s < a || e > b);
            if !longer && !exact && !crossing && !added[a..b].iter().any(|&x| x) {
                add.push(Span { start: a, end: b });
                for x in &mut added[a..b] {
                    *x = true;
                }
            }
            break;
        }
    }
    if add.is_empty() {
        return;
    }
    // (added occurrences never overlap each other, and no kept span crosses one)
    spans.retain(|s| !added[s.start]);
    spans.extend(add);
}

/// Russian case endings of names that decline like nouns.
const CASE_SWAPS: &[(&str, usize, &str)] = &[
    ("ы", 1, "а"),
    ("е", 1, "а"),
    ("у", 1, "а"),
    ("ой", 2, "а"),
    ("и", 1, "а"),
    ("и", 1, "я"),
    ("а", 1, ""),
    ("у", 1, ""),
    ("е", 1, ""),
    ("ом", 2, ""),
    ("ем", 2, ""),
    ("ым", 2, ""),
    ("ю", 1, "я"),
    ("я", 1, ""),
    ("я", 1, "й"),
];

/// Add single-word mentions of surnames (and given names) already known in the text.
pub(crate) fn extend(toks: &[Token<'_>], feats: &[Feat], org_words: &HashSet<&str>, spans: &mut Vec<Span>) {
    repeat_names(toks, spans);
    let mut known: HashSet<String> = HashSet::default();
    for s in spans.iter() {
        let words = span_words(toks, s);
        let p = parse_span(toks, s);
        if let Some(sk) = p.surname_key()
            && sk.len() >= 3
        {
            known.insert(sk);
        }
        let surname_like =
            p.surname.as_deref().is_some_and(|s| is_latin(s) || morphology::surname(s, None).is_some());
        if words.len() >= 2
            && let Some(g) = &p.given
        {
            let gk = latin_key(g);
            if gk.len() >= 4 && surname_like || p.given_known && gk.len() >= 3 {
                known.insert(gk);
            }
        }
    }
    if known.is_empty() {
        return;
    }
    // a cheap filter: a candidate's transliteration starts like a known name
    let prefixes: HashSet<String> = known.iter().map(|k| k.chars().take(2).collect()).collect();
    let mut covered = vec![false; toks.len()];
    for s in spans.iter() {
        for c in covered.iter_mut().take(s.end).skip(s.start) {
            *c = true;
        }
    }
    for (k, t) in toks.iter().enumerate() {
        if covered[k] || t.kind != Kind::Word {
            continue;
        }
        let f = &feats[k];
        if !(f.cap || f.caps) || f.role || f.not_name || t.len() < 3 || org_words.contains(t.lower) {
            continue;
        }
        if k > 0 && !f.latin && matches!(toks[k - 1].lower, "в" | "во" | "из" | "под" | "над") {
            continue;
        }
        let mut cands: Vec<String> = Vec::with_capacity(3);
        let l = t.lower.strip_suffix("'s").unwrap_or(t.lower);
        let base = latin_key(l);
        if !prefixes.contains(&base.chars().take(2).collect::<String>()) {
            continue;
        }
        cands.push(base);
        if !is_latin(t.text) {
            for g in [None, Some(Gender::Male), Some(Gender::Female)] {
                if let Some((n, _, _)) = morphology::surname(t.text, g) {
                    cands.push(latin_key(&n));
                }
            }
            if let Some((n, _)) = morphology::given(t.text) {
                cands.push(latin_key(&n));
            }
            // noun-like case endings of foreign names: "Обамы", "Гейтса", "Манделе"
            let f = t.folded;
            for (end, strip, add) in CASE_SWAPS {
                if f.ends_with(end) && f.chars().count() > end.chars().count() + 2 {
                    cands.push(latin_key(&morphology::swap(f, *strip, add)));
                }
            }
            cands.push(latin_key(&strip_kk_case(t.text)));
        }
        if cands.iter().any(|c| known.contains(c)) {
            spans.push(Span { start: k, end: k + 1 });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        assert_eq!(person_key(input), expected, "person_key({input:?})");
    }

    #[test]
    fn one_key_per_person() {
        for n in [
            "Пивоваровой Ирины Алексеевны",
            "Пивоварова И.А.",
            "И. А. Пивоварова",
            "Irina Alekseevna Pivovarova",
            "Пивоварова Ирина Алексеевна",
            "PIVOVAROVA Irina",
        ] {
            check(n, "pivovarova-i");
        }
        check("Anton Anatolyevich Klodzinsky", "klodzinsky-a");
        check("Клодзинскому Антону Анатольевичу", "klodzinsky-a");
        check("Қасым-Жомарт Тоқаевтың", "tokaev-k");
        check("Kassym-Jomart Tokayev", "tokaev-k");
        check("Пивоварова", "pivovarova");
    }

    /// The first, char-based definition of [`key_fold`], for the tests.
    fn key_fold_as_first_written(latin: &str) -> String {
        let src: Vec<u8> = latin.bytes().filter(u8::is_ascii_alphanumeric).collect();
        let mut s = String::with_capacity(src.len() + 2);
        let mut i = 0;
        while i < src.len() {
            let rest = &src[i..];
            let (out, used): (&str, usize) = if rest.starts_with(b"dzh") {
                ("j", 3)
            } else if rest.starts_with(b"zh") {
                ("j", 2)
            } else if rest.starts_with(b"kh") {
                ("h", 2)
            } else if rest.starts_with(b"ph") {
                ("f", 2)
            } else if rest.starts_with(b"iy") || rest.starts_with(b"yy") {
                ("y", 2)
            } else if rest.starts_with(b"ck") {
                ("k", 2)
            } else if rest.starts_with(b"yo") && !s.is_empty() && !s.ends_with(['a', 'e', 'i', 'o', 'u', 'y'])
            {
                ("e", 2)
            } else {
                match rest[0] {
                    b'x' => ("ks", 1),
                    b'w' => ("v", 1),
                    _ => {
                        s.push(rest[0] as char);
                        i += 1;
                        continue;
                    }
                }
            };
            s.push_str(out);
            i += used;
        }
        let b: Vec<char> = s.chars().collect();
        let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
        let mut out = String::with_capacity(b.len());
        for (i, &c) in b.iter().enumerate() {
            if c == 'y' && i > 0 && i + 1 < b.len() && vowel(b[i - 1]) && vowel(b[i + 1]) {
                continue;
            }
            if c == 'y' && i == 0 && b.get(1) == Some(&'e') {
                continue;
            }
            let next_vowel = b.get(i + 1).is_some_and(|&n| vowel(n));
            if c == 'y' && i > 0 && vowel(b[i - 1]) && !next_vowel {
                out.push('i');
                continue;
            }
            if c == 'i'
                && i > 0
                && b[i - 1].is_ascii_alphabetic()
                && !vowel(b[i - 1])
                && b[i - 1] != 'y'
                && next_vowel
            {
                out.push('y');
                continue;
            }
            if c == 'c' && b.get(i + 1) != Some(&'h') {
                out.push('k');
                continue;
            }
            out.push(c);
        }
        if out.ends_with("ski") {
            out.pop();
            out.push('y');
        }
        out
    }

    #[test]
    fn key_fold_as_first_written_on_all_short_words() {
        let letters = b"aeiouyzhkcxwdsp1-";
        let mut words = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| letters.iter().map(move |&c| format!("{w}{}", c as char)))
                .collect();
            words.extend(longer);
            words.dedup();
        }
        words.extend(["Müller", "Тоқаев", "alexeyev", "klodzinski", "dzhyoski"].map(String::from));
        for w in &words {
            assert_eq!(key_fold(w), key_fold_as_first_written(w), "{w}");
        }
    }

    #[test]
    fn folding() {
        assert_eq!(key_fold("nazarbayev"), "nazarbaev");
        assert_eq!(key_fold("alexeyev"), "alekseev");
        assert_eq!(key_fold("klodzinski"), "klodzinsky");
        assert_eq!(key_fold("baykov"), key_fold("baikov"));
        assert_eq!(key_fold("grigorieva"), key_fold("grigoryeva"));
        assert_eq!(key_fold("natalia"), key_fold("natalya"));
        assert_eq!(key_fold(&to_latin("Наталия")), key_fold("natalia"));
        assert_eq!(key_fold(&to_latin("Алексей")), key_fold("alexei"));
    }
}

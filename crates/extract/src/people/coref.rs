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
//! **Resolution.** Mentions with a surname and a given name define people; a later or earlier
//! short mention ("Пивоварова", "И. А. Пивоварова", "Ирина Алексеевна", "PIVOVAROVA") takes
//! the key and name of the person it matches in the same text. [`extend`] also turns single
//! capitalised or all-caps words that match a known surname into mentions.

use super::morphology;
use super::names::Gender;
use super::{Feat, Span};
use crate::tokens::{Kind, Token, tokenize};
use crate::translit::{fold, to_latin};
use std::collections::{HashMap, HashSet};

/// Fold a Latin transliteration so common English spelling variants meet.
pub fn key_fold(latin: &str) -> String {
    // pass 1: digraphs and letters with common alternatives
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
        key_fold(&to_latin(g)).chars().next()
    }

    /// The archive-wide key.
    pub fn key(&self) -> String {
        match (&self.surname, self.first_letter()) {
            (Some(s), Some(c)) => format!("{}-{c}", key_fold(&to_latin(s))),
            (Some(s), None) => key_fold(&to_latin(s)),
            (None, _) => match (&self.given, &self.patr) {
                (Some(g), _) => key_fold(&to_latin(g)),
                (None, Some(p)) => key_fold(&to_latin(p)),
                _ => String::new(),
            },
        }
    }

    /// The surname key alone.
    pub fn surname_key(&self) -> Option<String> {
        self.surname.as_ref().map(|s| key_fold(&to_latin(s)))
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
    for w in words {
        let w = w.trim_end_matches('.');
        if w.chars().count() == 1 {
            roles.push(Role::Init);
            continue;
        }
        if is_latin(w) {
            let l = w.to_lowercase();
            let l = l.strip_suffix("'s").unwrap_or(&l).to_string();
            if super::names::is_latin_given(&l) && !roles.contains(&Role::Given) {
                p.given_known = true;
                roles.push(Role::Given);
            } else if l.ends_with("ovich")
                || l.ends_with("evich")
                || l.ends_with("ovna")
                || l.ends_with("evna")
            {
                roles.push(Role::Patr);
            } else {
                roles.push(Role::Other);
            }
            continue;
        }
        if let Some((_, g)) = morphology::patronymic(w)
            && !roles.is_empty()
            && roles.contains(&Role::Given)
        {
            gender = gender.or(Some(g));
            roles.push(Role::Patr);
        } else if let Some((_, g)) = morphology::given(w)
            && !roles.contains(&Role::Given)
        {
            gender = Some(g);
            p.given_known = true;
            roles.push(Role::Given);
        } else if morphology::patronymic(w).is_some_and(|(n, _)| {
            let f = fold(&n);
            f.ends_with("вич") || f.ends_with("вна") || f.ends_with("чна")
        }) && words.len() >= 3
        {
            roles.push(Role::Patr);
        } else {
            roles.push(Role::Other);
        }
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
                    morphology::given(wt).map_or_else(|| wt.to_string(), |g| g.0)
                };
                p.given = Some(n.clone());
                n
            }
            Role::Patr => {
                let n = if is_latin(wt) {
                    wt.to_string()
                } else {
                    morphology::patronymic(wt).map_or_else(|| wt.to_string(), |g| g.0)
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

/// Drop a Kazakh case suffix from an unknown surname ("Трамптың" → "Трамп").
fn strip_kk_case(w: &str) -> String {
    if !morphology::has_kazakh_letters(w) {
        return w.to_string();
    }
    let f = fold(w);
    for suf in [
        "тын", "тин", "нын", "нин", "дын", "дин", "ка", "ке", "га", "ге", "ты", "ти", "ны", "ни", "пен",
        "мен", "бен",
    ] {
        if f.ends_with(suf) && f.chars().count() >= suf.chars().count() + 4 {
            return morphology::swap(w, suf.chars().count(), "");
        }
    }
    w.to_string()
}

/// The words of a name string, with initials split ("И.А.Пивоварова" → И, А, Пивоварова).
fn name_words(name: &str) -> Vec<String> {
    tokenize(name).into_iter().filter(|t| t.kind == Kind::Word).map(|t| t.text.to_string()).collect()
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

fn span_words<'a>(toks: &'a [Token<'_>], s: &Span) -> Vec<&'a str> {
    toks[s.start..s.end].iter().filter(|t| t.kind == Kind::Word).map(|t| t.text).collect()
}

fn display(p: &Parsed) -> String {
    p.display.join(" ").replace(". ", ".").replace('.', ". ").trim().to_string()
}

/// Resolve mentions to people: key and fullest name per span.
pub fn resolve(toks: &[Token<'_>], spans: &[Span]) -> Vec<Resolved> {
    let parsed: Vec<Parsed> = spans.iter().map(|s| parse(&span_words(toks, s))).collect();
    // people: mentions with a surname and a given name or initial, heaviest first
    let mut by_surname: HashMap<String, usize> = HashMap::new();
    let mut by_given: HashMap<String, usize> = HashMap::new();
    for (i, p) in parsed.iter().enumerate() {
        let Some(sk) = p.surname_key() else { continue };
        let better = by_surname.get(&sk).is_none_or(|&j| parsed[j].weight() < p.weight());
        if better {
            by_surname.insert(sk.clone(), i);
            if let Some(g) = &p.given {
                by_given.insert(key_fold(&to_latin(g)), i);
            }
        }
    }
    parsed
        .iter()
        .map(|p| {
            let target = match p.surname_key() {
                Some(sk) => {
                    // "Путина" is the genitive of "Путин" or a feminine "Путина": take the
                    // fuller person of the two
                    let variants =
                        [Some(sk.clone()), sk.strip_suffix('a').map(String::from), Some(format!("{sk}a"))];
                    variants
                        .iter()
                        .flatten()
                        .filter_map(|v| by_surname.get(v).copied())
                        .max_by_key(|&j| parsed[j].weight())
                }
                None => p.given.as_ref().and_then(|g| by_given.get(&key_fold(&to_latin(g)))).copied(),
            };
            let best = match target {
                Some(j) if parsed[j].weight() >= p.weight() => {
                    // an initial that contradicts the person's given name is someone else
                    let clash =
                        matches!((p.first_letter(), parsed[j].first_letter()), (Some(a), Some(b)) if a != b);
                    if clash { p } else { &parsed[j] }
                }
                _ => p,
            };
            Resolved { name: display(best), key: best.key() }
        })
        .collect()
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
pub(crate) fn extend(toks: &[Token<'_>], feats: &[Feat], org_words: &HashSet<String>, spans: &mut Vec<Span>) {
    let mut known: HashSet<String> = HashSet::new();
    for s in spans.iter() {
        let words = span_words(toks, s);
        let p = parse(&words);
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
            let gk = key_fold(&to_latin(g));
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
        if !(f.cap || f.caps) || f.role || t.text.chars().count() < 3 || org_words.contains(&t.lower) {
            continue;
        }
        if k > 0 && !f.latin && matches!(toks[k - 1].lower.as_str(), "в" | "во" | "из" | "под" | "над")
        {
            continue;
        }
        let mut cands: Vec<String> = Vec::with_capacity(3);
        let l = t.lower.strip_suffix("'s").unwrap_or(&t.lower);
        let base = key_fold(&to_latin(l));
        if !prefixes.contains(&base.chars().take(2).collect::<String>()) {
            continue;
        }
        cands.push(base);
        if !is_latin(t.text) {
            for g in [None, Some(Gender::Male), Some(Gender::Female)] {
                if let Some((n, _, _)) = morphology::surname(t.text, g) {
                    cands.push(key_fold(&to_latin(&n)));
                }
            }
            if let Some((n, _)) = morphology::given(t.text) {
                cands.push(key_fold(&to_latin(&n)));
            }
            // noun-like case endings of foreign names: "Обамы", "Гейтса", "Манделе"
            let f = fold(&t.lower);
            for (end, strip, add) in CASE_SWAPS {
                if f.ends_with(end) && f.chars().count() > end.chars().count() + 2 {
                    cands.push(key_fold(&to_latin(&morphology::swap(&f, *strip, add))));
                }
            }
            cands.push(key_fold(&to_latin(&strip_kk_case(t.text))));
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

    #[test]
    fn folding() {
        assert_eq!(key_fold("nazarbayev"), "nazarbaev");
        assert_eq!(key_fold("alexeyev"), "alekseev");
        assert_eq!(key_fold("klodzinski"), "klodzinsky");
    }
}

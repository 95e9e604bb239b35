//! One person, one key: spellings of a person that extraction keyed apart, joined across
//! the archive.
//!
//! Extraction keys a person by surname and first initial (`pivovarova-i`), so most
//! spellings (scripts, initials, inflections, patronymics) already meet. What it cannot see
//! inside one text are the archive's own variants: a surname written alone (`Klodzinsky`)
//! and a surname spelled differently in the translations of one post (`Жүсіпова` in the
//! Kazakh version, `Жусупова` in the Russian one; `Saulepekova` / `Саулебекова`). The
//! catalog joins them, per index generation, by two rules:
//!
//! - **Translations tell of the same people.** In one translation group, a key found in one
//!   version but not in another, facing a key of that other version not found in the first,
//!   with the same initial (or none) and a surname within a small edit distance, names the
//!   same person.
//! - **A surname alone** is the one person of the archive with that surname and an initial,
//!   when there is exactly one.
//!
//! Two keys named in the same document are never joined (a text naming both names two
//! people), and joins do not chain: every alias points at a key that is itself no alias.
//! The key kept is the one named in most documents.

use std::collections::{HashMap, HashSet};

/// A person key split into surname and initial (`pivovarova-i` → `("pivovarova", Some('i'))`).
fn parts(key: &str) -> (&str, Option<char>) {
    match key.rsplit_once('-') {
        Some((surname, initial)) if initial.chars().count() == 1 => (surname, initial.chars().next()),
        _ => (key, None),
    }
}

/// Edit distance of two short words, stopping early past `max`.
fn within(a: &str, b: &str, max: usize) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut row = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            row[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(row[j] + 1);
        }
        if row.iter().min().is_some_and(|m| *m > max) {
            return false;
        }
        prev = row;
    }
    prev[b.len()] <= max
}

/// Whether two keys can name one person: same initial (or one without), surnames within
/// one edit (two from eight letters on), surnames of at least four letters.
fn compatible(a: &str, b: &str) -> bool {
    let ((sa, ia), (sb, ib)) = (parts(a), parts(b));
    if let (Some(x), Some(y)) = (ia, ib)
        && x != y
    {
        return false;
    }
    let shortest = sa.chars().count().min(sb.chars().count());
    shortest >= 4 && within(sa, sb, if shortest >= 8 { 2 } else { 1 })
}

/// The documents of the archive as the aliasing sees them.
pub struct DocPeople<'a> {
    /// Translation group (`u32::MAX`: none).
    pub group: u32,
    /// Person ids named in the document.
    pub persons: &'a [u32],
}

/// For every person id, the id it is an alias of (itself when none). `key(id)` gives the
/// key of a person id; `docs` every live document.
pub fn canonical<'a>(num_persons: usize, key: impl Fn(u32) -> &'a str, docs: &[DocPeople<'_>]) -> Vec<u32> {
    let mut canon: Vec<u32> = (0..num_persons as u32).collect();
    if num_persons < 2 {
        return canon;
    }
    let mut doc_count = vec![0u32; num_persons];
    for d in docs {
        for &p in d.persons {
            if let Some(c) = doc_count.get_mut(p as usize) {
                *c += 1;
            }
        }
    }

    // Candidate pairs, with how many groups (or the surname rule) vouch for them.
    let mut votes: HashMap<(u32, u32), u32> = HashMap::new();
    let ordered = |a: u32, b: u32| if a < b { (a, b) } else { (b, a) };
    let mut by_group: HashMap<u32, Vec<&[u32]>> = HashMap::new();
    for d in docs.iter().filter(|d| d.group != u32::MAX && !d.persons.is_empty()) {
        by_group.entry(d.group).or_default().push(d.persons);
    }
    for versions in by_group.values().filter(|v| v.len() > 1) {
        for (i, v) in versions.iter().enumerate() {
            for w in &versions[i + 1..] {
                for &p in v.iter().filter(|p| !w.contains(p)) {
                    for &q in w.iter().filter(|q| !v.contains(q)) {
                        if compatible(key(p), key(q)) {
                            *votes.entry(ordered(p, q)).or_default() += 1;
                        }
                    }
                }
            }
        }
    }
    let mut by_surname: HashMap<&str, Vec<u32>> = HashMap::new();
    for id in 0..num_persons as u32 {
        let (surname, initial) = parts(key(id));
        if initial.is_some() {
            by_surname.entry(surname).or_default().push(id);
        }
    }
    for id in 0..num_persons as u32 {
        let (surname, initial) = parts(key(id));
        if initial.is_none()
            && surname.chars().count() >= 4
            && let Some([only]) = by_surname.get(surname).map(Vec::as_slice)
        {
            *votes.entry(ordered(id, *only)).or_default() += 1;
        }
    }
    if votes.is_empty() {
        return canon;
    }

    // Never two people named in one document.
    let candidates: HashSet<(u32, u32)> = votes.keys().copied().collect();
    let mut together = HashSet::new();
    for d in docs {
        for (i, &p) in d.persons.iter().enumerate() {
            for &q in &d.persons[i + 1..] {
                let pair = ordered(p, q);
                if candidates.contains(&pair) {
                    together.insert(pair);
                }
            }
        }
    }

    // Strongest first; the less named key of a pair becomes an alias of the more named.
    let mut pairs: Vec<((u32, u32), u32)> =
        votes.into_iter().filter(|(p, _)| !together.contains(p)).collect();
    let weight = |p: u32| (doc_count[p as usize], parts(key(p)).1.is_some(), std::cmp::Reverse(p));
    pairs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut is_target = vec![false; num_persons];
    for ((a, b), _) in pairs {
        let (keep, alias) = if weight(a) >= weight(b) { (a, b) } else { (b, a) };
        // No chains: an alias never becomes a target, a target never an alias.
        if canon[alias as usize] != alias || canon[keep as usize] != keep || is_target[alias as usize] {
            continue;
        }
        canon[alias as usize] = keep;
        is_target[keep as usize] = true;
    }
    canon
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(keys: &[&str], docs: &[(u32, &[u32])]) -> Vec<String> {
        let docs: Vec<DocPeople<'_>> =
            docs.iter().map(|(g, p)| DocPeople { group: *g, persons: p }).collect();
        let canon = canonical(keys.len(), |i| keys[i as usize], &docs);
        canon.iter().map(|&c| keys[c as usize].to_owned()).collect()
    }

    #[test]
    fn translations_join_spellings_of_one_surname() {
        // Group 0: kk names jusipova-a, ru names jusupova-a; jusupova-a is named more often.
        let keys = ["jusipova-a", "jusupova-a", "sataeva-m"];
        let out = run(&keys, &[(0, &[0, 2]), (0, &[1, 2]), (1, &[1]), (2, &[1])]);
        assert_eq!(out, ["jusupova-a", "jusupova-a", "sataeva-m"]);
    }

    #[test]
    fn different_initials_or_names_in_one_text_stay_apart() {
        let keys = ["iskakova-a", "iskakova-i", "shombina-a", "shombina-i"];
        let out = run(&keys, &[(0, &[0, 2]), (0, &[1, 3])]);
        assert_eq!(out, keys);
        // Near surnames named together in one document are two people.
        let keys = ["ivanova-a", "ivanov-a"];
        assert_eq!(run(&keys, &[(0, &[0, 1]), (0, &[1]), (1, &[0])]), keys);
    }

    #[test]
    fn a_surname_alone_joins_the_only_person_with_it() {
        let keys = ["klodzinsky", "klodzinsky-a", "olifirovich", "omarova-j", "omarova-z", "omarova"];
        let out = run(&keys, &[(0, &[0]), (1, &[1]), (2, &[1]), (3, &[2]), (4, &[3]), (5, &[4]), (6, &[5])]);
        assert_eq!(out, ["klodzinsky-a", "klodzinsky-a", "olifirovich", "omarova-j", "omarova-z", "omarova"]);
    }

    #[test]
    fn joins_do_not_chain() {
        // b is near a and c; whichever pair wins, no key points at an alias.
        let keys = ["petrova-a", "petrov-a", "petrovа-a"];
        let docs: [(u32, &[u32]); 4] = [(0, &[0]), (0, &[1]), (1, &[1]), (1, &[2])];
        let out = run(&keys, &docs);
        for k in &out {
            let id = keys.iter().position(|x| x == k).expect("a key");
            assert_eq!(out[id], *k, "{out:?}");
        }
    }

    #[test]
    fn edit_distance_is_bounded() {
        assert!(within("saulepekova", "saulebekova", 1));
        assert!(within("abylhalimova", "abylhalimovna", 1));
        assert!(!within("iskakova", "shombina", 2));
        assert!(compatible("kahmedyarova-l", "ahmedyarova-l"));
        assert!(!compatible("ri-e", "li-e"));
    }
}

//! Small deterministic Grav news posts in kk, ru and en, written into a `user/`-style folder
//! (`config/system.yaml` + `pages/02.news/NNNN.YYYY-MM-DD-post-N/item.<lang>.md`).
//!
//! Post `i` with variant `v` is a pure function of `(i, v)`: a test can add, modify and remove
//! posts and know exactly what the content folder holds.

use std::path::{Path, PathBuf};

use crate::rng::{Rng, pick};

const RU: &[&str] = &[
    "центр",
    "гематологии",
    "провёл",
    "форум",
    "для",
    "врачей",
    "и",
    "пациентов",
    "донор",
    "крови",
    "конференция",
    "лечения",
    "детей",
    "в",
    "году",
    "помощи",
    "трансплантации",
    "костного",
    "мозга",
    "специалисты",
    "обсудили",
    "новые",
    "методы",
    "диагностики",
    "лейкоза",
    "семинар",
    "волонтеры",
];
const KK: &[&str] = &[
    "орталығы",
    "гематология",
    "форум",
    "өткізді",
    "дәрігерлер",
    "мен",
    "пациенттер",
    "донор",
    "қан",
    "конференция",
    "емдеу",
    "балалар",
    "жылы",
    "көмек",
    "трансплантация",
    "мамандар",
    "талқылады",
    "жаңа",
    "әдістері",
    "диагностика",
    "семинар",
    "еріктілер",
    "қазақстан",
];
const EN: &[&str] = &[
    "the",
    "center",
    "of",
    "hematology",
    "held",
    "a",
    "forum",
    "for",
    "doctors",
    "and",
    "patients",
    "donor",
    "blood",
    "conference",
    "treatment",
    "children",
    "in",
    "help",
    "transplantation",
    "bone",
    "marrow",
    "specialists",
    "discussed",
    "new",
    "methods",
    "diagnosis",
    "seminar",
    "volunteers",
];
const NAMES_CYR: &[&str] = &[
    "Ирина Алексеевна Пивоварова",
    "Айгүл Сейтқалиқызы Нұрланова",
    "Марат Болатович Ахметов",
    "профессор Клодзинский",
];
const NAMES_LAT: &[&str] = &["Irina Pivovarova", "Marat Akhmetov", "Professor Klodzinsky", "Kaiyan Liu"];
/// Words that the generated posts use, good as queries (each matches a share of the posts).
pub const QUERIES: &[&str] = &[
    "",
    "форум",
    "донор",
    "forum",
    "blood",
    "гематология",
    "Пивоварова",
    "конференция children",
    "\"bone marrow\"",
];

/// A content folder of generated posts.
#[derive(Debug, Clone)]
pub struct Corpus {
    root: PathBuf,
}

impl Corpus {
    /// A content folder at `root` (created, with `config/system.yaml`).
    pub fn create(root: &Path) -> std::io::Result<Corpus> {
        std::fs::create_dir_all(root.join("config"))?;
        std::fs::create_dir_all(root.join("pages/02.news"))?;
        std::fs::write(
            root.join("config/system.yaml"),
            "languages:\n  supported: [kk, ru, en]\n  default_lang: kk\n  include_default_lang: true\ntimezone: Asia/Almaty\n",
        )?;
        Ok(Corpus { root: root.to_owned() })
    }

    /// The folder (`--content`).
    pub fn root(&self) -> &Path {
        &self.root
    }

    fn folder(&self, i: usize) -> PathBuf {
        let (y, m, d) = date_of(i);
        self.root.join(format!("pages/02.news/{:04}.{y:04}-{m:02}-{d:02}-post-{i}", i + 1))
    }

    /// Writes post `i` in variant `variant` (replacing what was there).
    pub fn write_post(&self, i: usize, variant: u32) -> std::io::Result<()> {
        let folder = self.folder(i);
        if folder.exists() {
            std::fs::remove_dir_all(&folder)?;
        }
        std::fs::create_dir_all(&folder)?;
        for (lang, text) in post_files(i, variant) {
            std::fs::write(folder.join(format!("item.{lang}.md")), text)?;
        }
        Ok(())
    }

    /// Writes posts `range` in variant 0.
    pub fn write_posts(&self, range: std::ops::Range<usize>) -> std::io::Result<()> {
        for i in range {
            self.write_post(i, 0)?;
        }
        Ok(())
    }

    /// Removes post `i`.
    pub fn remove_post(&self, i: usize) -> std::io::Result<()> {
        std::fs::remove_dir_all(self.folder(i))
    }
}

/// `word` with its first letter upper-case (`july` → `July`).
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn date_of(i: usize) -> (usize, usize, usize) {
    (2005 + i % 20, 1 + (i / 20) % 12, 1 + (i * 7) % 28)
}

/// The files of post `i`, variant `variant`: `(lang, text)`, one or two languages.
pub fn post_files(i: usize, variant: u32) -> Vec<(&'static str, String)> {
    let mut rng = Rng::with_seed((i as u64) << 8 | u64::from(variant));
    let langs: &[&'static str] = match i % 5 {
        0 | 1 => &["ru"],
        2 => &["kk"],
        3 => &["en"],
        _ => &["ru", "en"],
    };
    langs.iter().map(|&lang| (lang, post_text(&mut rng, i, variant, lang))).collect()
}

fn post_text(rng: &mut Rng, i: usize, variant: u32, lang: &str) -> String {
    let (words, names, calendar): (&[&str], &[&str], _) = match lang {
        "ru" => (RU, NAMES_CYR, annals_lang::months::Lang::Ru),
        "kk" => (KK, NAMES_CYR, annals_lang::months::Lang::Kk),
        _ => (EN, NAMES_LAT, annals_lang::months::Lang::En),
    };
    let (y, m, d) = date_of(i);
    // `date_of` gives months 1 to 12.
    let month =
        u8::try_from(m).ok().and_then(|m| annals_lang::months::written(calendar, m)).unwrap_or_default();
    let sentence = |rng: &mut Rng, n: usize| -> String {
        let mut s: Vec<&str> = (0..n).map(|_| *pick(rng, words)).collect();
        if rng.f64() < 0.3 {
            s.push(*pick(rng, names));
        }
        let mut text = s.join(" ");
        if let Some(first) = text.chars().next() {
            text = first.to_uppercase().chain(text.chars().skip(1)).collect();
        }
        text + "."
    };
    let title = format!("{} {} {}", sentence(rng, 3).trim_end_matches('.'), i, variant);
    let category = ["news", "events", "science"][i % 3];
    let tag = ["forum", "donors", "school", "award"][(i / 3) % 4];
    let mut out = format!(
        "---\ntitle: '{title}'\ndate: '{d:02}-{m:02}-{y:04} 10:{:02}'\ntaxonomy:\n    category: [{category}]\n    tag: [{tag}]\n---\n\n",
        i % 60
    );
    out.push_str(&sentence(rng, 8));
    out.push_str("\n\n===\n\n");
    let paragraphs = 2 + rng.usize(..4);
    for p in 0..paragraphs {
        let n = 1 + rng.usize(..4);
        let mut para: Vec<String> = (0..n)
            .map(|_| {
                let k = 5 + rng.usize(..10);
                sentence(rng, k)
            })
            .collect();
        if p == 0 {
            let when = match lang {
                "en" => format!("On {} {d} {y} the event took place.", capitalised(month)),
                "kk" => format!("{y} жылғы {d} {month} өтті."),
                _ => format!("Мероприятие прошло {d} {month} {y} года."),
            };
            para.push(when);
        }
        out.push_str(&para.join(" "));
        out.push_str("\n\n");
    }
    out
}

//! Print what `extract` finds in a text read from stdin, with the per-token name features:
//! a debugging aid for the rules.
//!
//! ```sh
//! echo "Профессор Ирина Пивоварова" | cargo run -p annals-extract --example explain -- ru
//! ```

use std::io::Read;

fn main() -> std::io::Result<()> {
    let lang = std::env::args().nth(1).unwrap_or_default();
    let dct = std::env::args().nth(2).and_then(|d| d.parse().ok());
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    for line in annals_extract::people::explain(&text) {
        println!("{line}");
    }
    let x = annals_extract::extract(&text, &lang, dct);
    for p in &x.persons {
        println!(
            "PERSON {:?} [{}..{}] key={} name={:?} role={:?}",
            p.text, p.start, p.end, p.key, p.name, p.role
        );
    }
    for d in &x.dates {
        println!("DATE {:?} [{}..{}] value={:?}", d.text, d.start, d.end, d.value);
    }
    Ok(())
}

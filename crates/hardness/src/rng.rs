//! Randomness of the checks: the generator is [`fastrand::Rng`] with a seed, and every
//! randomised run prints its seed so that it can be replayed.

pub use fastrand::Rng;

/// A seed from the environment variable `var` (decimal), else from the clock.
pub fn seed_from_env(var: &str) -> u64 {
    std::env::var(var).ok().and_then(|s| s.trim().parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64)
    })
}

/// One element of a non-empty slice.
pub fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(..items.len())]
}

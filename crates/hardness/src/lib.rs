//! Robustness checks of annals, with evidence: fuzz targets, crash safety, load and soak, limits.
//!
//! Nothing here is part of the product. The library holds what the checks share:
//!
//! | module | holds |
//! |---|---|
//! | [`targets`] | the fuzz targets' properties: one `check_*` function per target, returning the broken property as an `Err`; called by the property tests (`tests/fuzz.rs`) and by the libFuzzer targets in `fuzz/` |
//! | [`process`] | finding the `annals` binary, `annals serve` and other children killed on drop |
//! | [`http`] | a small loopback client (keep-alive, plus raw requests for malformed targets) |
//! | [`corpus`] | small deterministic Grav posts written into a temporary `user/` folder |
//! | [`soak`] | the load / soak run behind `src/bin/soak.rs` and `tests/soak.rs` |
//! | [`rng`] | seeds (from the environment or the clock) for `fastrand`, so every run can be replayed |
//!
//! # Which binary the process checks run
//!
//! `env!("CARGO_BIN_EXE_annals")` exists only in the root package's own tests, so
//! [`process::annals_bin`] looks for `annals` next to the running test or program
//! (`target/<profile>/annals`, the folder above `deps/`), or takes `ANNALS_BIN`. `cargo test
//! --workspace` builds that binary before running any test, because the root package is a
//! workspace member with integration tests; `cargo test -p annals-hardness` alone does not, and
//! the process checks then skip with a message saying so (or fail, when the environment
//! variable `CI` is set).

pub mod corpus;
pub mod http;
pub mod process;
pub mod rng;
pub mod soak;
pub mod targets;

//! The process's memory allocator: mimalloc, set up to give memory back.
//!
//! An indexing run allocates and frees millions of small strings and vectors on several
//! threads, and most of them are freed on another thread than the one that allocated them
//! (a page is parsed on a rayon worker and written by Tantivy's thread). glibc's malloc spent
//! about a sixth of the run's CPU on that; with mimalloc a full run of 100k generated posts
//! took 44–45 s instead of 54–57 s, alternated on one machine, with a lower peak RSS
//! (607 against 740–765 MB). BENCHMARKS.md has the figures.
//!
//! The server is the same binary. With mimalloc's defaults its anonymous memory peaked at
//! 113 MB under load at 100k, against 50 MB with glibc, because every arena mimalloc takes
//! from the OS is committed up front and freed pages are held on to. Without eager commit
//! the peak was 76 MB with the same latency (purging freed memory at once instead took it to
//! 41 MB but cost a fifth of the two-client throughput). [`configure`] turns eager commit off
//! before anything is allocated (turned off at the top of `main`, too late, the peak was
//! 91 MB); `MIMALLOC_ARENA_EAGER_COMMIT` in the environment still wins.

use libmimalloc_sys::mi_option_t;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_arena_eager_commit`: the fifth entry of `mi_option_e` in mimalloc 2's
/// `mimalloc.h` (the `libmimalloc-sys` bindings name only some options).
const ARENA_EAGER_COMMIT: mi_option_t = 4;

/// Sets mimalloc's options before `main`, from the ELF initialiser table: the option is read
/// when the first arena is reserved, at the process's first allocation, and Rust's runtime
/// allocates before `main` runs.
#[cfg(target_os = "linux")]
#[used]
#[allow(unsafe_code)]
// SAFETY: an `.init_array` entry runs once, single-threaded, before `main`; `configure`
// only calls mimalloc's option setter, which needs no initialisation of Rust's runtime.
#[unsafe(link_section = ".init_array")]
static CONFIGURE_EARLY: extern "C" fn() = configure_early;

#[cfg(target_os = "linux")]
extern "C" fn configure_early() {
    configure();
}

/// Sets mimalloc's options: from the initialiser table on Linux, first thing in `main`
/// elsewhere.
pub fn configure() {
    // SAFETY: `mi_option_set_default` only stores a number in mimalloc's option table for an
    // option index within its range; it has no precondition on the caller.
    #[allow(unsafe_code)]
    unsafe {
        libmimalloc_sys::mi_option_set_default(ARENA_EAGER_COMMIT, 0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configure_turns_arena_eager_commit_off() {
        configure();
        // SAFETY: reads an option within range; no precondition.
        #[allow(unsafe_code)]
        let value = unsafe { libmimalloc_sys::mi_option_get(ARENA_EAGER_COMMIT) };
        // The test process's environment may say otherwise, which `configure` respects.
        if std::env::var_os("MIMALLOC_ARENA_EAGER_COMMIT").is_none() {
            assert_eq!(value, 0);
        }
    }
}

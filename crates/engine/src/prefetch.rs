//! A hint to the processor to bring memory into its cache before it is read.
//!
//! Counting facets reads the value run of every document of a result set: runs of documents
//! scattered over an archive's table, each a cache miss that the hardware cannot foresee
//! (measured at 100k posts: most of the ~100 ns a document cost). Asking for the run of a
//! document a few places ahead lets those misses overlap.
//!
//! This is the engine's one use of unsafe code (the workspace denies it everywhere else
//! but the binary's allocator set-up, see ARCHITECTURE.md): the x86-64
//! prefetch intrinsic is an `unsafe fn` only because it is declared with a target feature.

/// Asks the processor to start loading the first cache line of `data` into its caches. A
/// hint: it changes no value the program can see, and does nothing on other architectures.
#[inline(always)]
pub(crate) fn prefetch<T>(data: &[T]) {
    #[cfg(target_arch = "x86_64")]
    if let Some(first) = data.first() {
        #[allow(unsafe_code)]
        // SAFETY: the intrinsic's only requirement is the SSE target feature, which every
        // x86-64 target has. A prefetch reads no memory as far as the program can tell and
        // cannot fault on any address; this one is of a live borrow besides.
        unsafe {
            std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
                std::ptr::from_ref(first).cast(),
            );
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = data;
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_prefetch_changes_nothing() {
        let data = vec![7u32; 100];
        super::prefetch(&data[40..]);
        super::prefetch::<u32>(&[]);
        assert_eq!(data, vec![7u32; 100]);
    }
}

//! Guards of ARCHITECTURE.md's invariants that the compiler cannot see.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Package name → names of its dependencies, from Cargo.lock.
fn lock_graph() -> BTreeMap<String, Vec<String>> {
    let lock = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock"))
        .expect("Cargo.lock");
    let mut graph = BTreeMap::new();
    for block in lock.split("[[package]]").skip(1) {
        let name = block
            .lines()
            .find_map(|l| l.strip_prefix("name = \""))
            .and_then(|l| l.strip_suffix('"'))
            .expect("a package name")
            .to_owned();
        let mut deps = Vec::new();
        if let Some(list) = block.split("dependencies = [").nth(1) {
            for line in list.lines().take_while(|l| !l.starts_with(']')) {
                // `"name"` or `"name version"`.
                if let Some(dep) = line.trim().trim_end_matches(',').trim_matches('"').split(' ').next()
                    && !dep.is_empty()
                {
                    deps.push(dep.to_owned());
                }
            }
        }
        graph.insert(name, deps);
    }
    graph
}

/// Every package `root` depends on, directly or not.
fn closure(graph: &BTreeMap<String, Vec<String>>, root: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![root.to_owned()];
    while let Some(p) = todo.pop() {
        for d in graph.get(&p).into_iter().flatten() {
            if seen.insert(d.clone()) {
                todo.push(d.clone());
            }
        }
    }
    seen
}

#[test]
fn no_http_or_html_crate_is_under_the_engine_or_the_indexer() {
    let graph = lock_graph();
    assert!(graph.contains_key("annals-engine"), "the lock lists the engine");
    let banned = ["axum", "hyper", "tower", "tower-http", "utoipa", "maud", "askama", "tokio"];
    for krate in ["annals-engine", "annals-index", "annals-extract", "annals-grav"] {
        let deps = closure(&graph, krate);
        assert!(deps.contains("tantivy") || krate != "annals-engine", "the graph is read: {deps:?}");
        for b in banned {
            assert!(
                !deps.contains(b),
                "{krate} depends on {b}; the engine and the pipeline know nothing of HTTP"
            );
        }
    }
    // The HTTP crate is where they belong.
    assert!(closure(&graph, "annals-server").contains("axum"));
}

/// Fields are looked up by name only in the schema module: elsewhere code goes through
/// `Fields` (or `Schema::get_field_name` of a `Field`).
#[test]
fn field_names_are_spelled_only_in_the_schema_module() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates");
    // Fast-field columns and schema fields taken by a string literal (`.date(` is left out:
    // the page formats dates with a method of that name).
    let lookups = [
        "get_field(\"",
        ".str(\"",
        ".u64(\"",
        ".i64(\"",
        ".f64(\"",
        ".bytes(\"",
        "fast_fields().date(\"",
        "column_opt(\"",
    ];
    let mut found = Vec::new();
    let mut files = vec![root];
    let mut checked = 0;
    while let Some(path) = files.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).expect("read_dir").flatten() {
                files.push(entry.path());
            }
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") || path.ends_with("index/src/schema.rs") {
            continue;
        }
        checked += 1;
        let text = std::fs::read_to_string(&path).expect("source");
        for (n, line) in text.lines().enumerate() {
            if lookups.iter().any(|l| line.contains(l)) {
                found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(checked > 20, "the sources were read");
    assert!(found.is_empty(), "fields looked up by a spelled name outside schema.rs:\n{}", found.join("\n"));
}

#[test]
fn unsafe_code_is_only_in_its_two_modules() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // ARCHITECTURE.md: the allocator's set-up and the prefetch hint.
    let allowed = [root.join("crates/cli/alloc.rs"), root.join("crates/engine/src/prefetch.rs")];
    let markers = ["unsafe {", "unsafe fn", "unsafe impl", "unsafe extern", "allow(unsafe_code)"];
    let mut found = Vec::new();
    let mut seen_allowed = BTreeSet::new();
    let mut files = vec![root.join("crates")];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).expect("read_dir").flatten() {
                files.push(entry.path());
            }
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("source");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if markers.iter().any(|m| code.contains(m)) {
                if allowed.contains(&path) {
                    seen_allowed.insert(path.clone());
                } else {
                    found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "unsafe code outside its two modules:\n{}", found.join("\n"));
    assert_eq!(seen_allowed.len(), allowed.len(), "both exceptions were found: {seen_allowed:?}");
    // Every crate keeps the workspace's lints, where unsafe code is denied (so the two
    // modules above are the only places that allow it).
    let workspace = std::fs::read_to_string(root.join("Cargo.toml")).expect("workspace manifest");
    let lints = workspace.split("[workspace.lints.rust]").nth(1).expect("workspace lints");
    assert!(
        lints.lines().take_while(|l| !l.starts_with('[')).any(|l| l.trim() == "unsafe_code = \"deny\""),
        "the workspace denies unsafe code"
    );
    let mut manifests = vec![root.join("Cargo.toml")];
    for entry in std::fs::read_dir(root.join("crates")).expect("crates").flatten() {
        manifests.push(entry.path().join("Cargo.toml"));
    }
    for manifest in manifests {
        let Ok(text) = std::fs::read_to_string(&manifest) else { continue };
        assert!(text.contains("[lints]\nworkspace = true"), "{}: the workspace's lints", manifest.display());
    }
}

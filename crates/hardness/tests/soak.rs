//! A short soak (about 5 s): 2 then 32 clients on loopback, a share of hostile requests,
//! `annals index` changing the same index meanwhile. Zero 5xx, zero connection errors.
//! `scripts/soak.sh` runs the long one (`src/bin/soak.rs`). Needs the `annals` binary next to
//! the test executable (see `annals_hardness::process`).

use std::time::Duration;

use annals_hardness::process::annals_bin_or_skip;
use annals_hardness::soak::{SoakConfig, run};

#[test]
fn short_soak_has_no_5xx_and_no_connection_errors() {
    let Some(bin) = annals_bin_or_skip("short soak") else { return };
    let cfg = SoakConfig {
        bin,
        phases: vec![(2, Duration::from_millis(1500)), (32, Duration::from_millis(3500))],
        posts: 60,
        queries: annals_hardness::corpus::QUERIES.iter().map(|q| (q.to_string(), String::new())).collect(),
        hostile_share: 0.3,
        indexer: true,
        seed: 7,
        serve_args: Vec::new(),
        workdir: None,
        verbose: false,
    };
    let report = run(&cfg).expect("soak run");
    eprint!("{}", report.text());
    assert!(report.passed(), "{}", report.text());
    assert!(report.phases.iter().all(|p| p.requests > 0), "a phase sent no request");
}

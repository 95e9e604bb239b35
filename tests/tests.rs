//! Integration tests: the real `annals` binary over hand-made Grav sites.
//!
//! One binary; modules by command. Read-only tests share indexes built once per run
//! (`fixtures`), and servers that live while tests use them.

mod util;

mod fixtures;

mod answers;
mod architecture;
mod cli_extract;
mod cli_index;
mod cli_inspect;
mod cli_search;
mod corpus;
mod grav_rules;
mod people;
mod server;

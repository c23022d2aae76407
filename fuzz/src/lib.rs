//! zeitstrahl's fuzz checks ([`checks`]) and a replay driver ([`replay`]) for running the fuzz
//! targets as plain binaries, without libFuzzer.

pub mod checks;
pub mod replay;

pub use checks::{check_tag_input, check_yaml_input};

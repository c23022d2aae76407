//! Fuzz target: the tagger on arbitrary text under an arbitrary document date (see
//! `zeitstrahl_fuzz::decode_tag_input`). Under `cargo fuzz` it is a libFuzzer target; built
//! plainly (`cargo run --bin tag -- FILE|DIR...`) it replays the inputs it is given.

#![cfg_attr(fuzzing, no_main)]

#[cfg(fuzzing)]
libfuzzer_sys::fuzz_target!(|data: &[u8]| zeitstrahl_fuzz::check_tag_input(data));

#[cfg(not(fuzzing))]
fn main() {
    zeitstrahl_fuzz::replay::main(zeitstrahl_fuzz::check_tag_input);
}

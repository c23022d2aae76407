//! Fuzz target: the `events.yaml` reader, writer and renderer on arbitrary bytes. Under
//! `cargo fuzz` it is a libFuzzer target; built plainly (`cargo run --bin yaml -- FILE|DIR...`)
//! it replays the inputs it is given.

#![cfg_attr(fuzzing, no_main)]

#[cfg(fuzzing)]
libfuzzer_sys::fuzz_target!(|data: &[u8]| zeitstrahl_fuzz::check_yaml_input(data));

#[cfg(not(fuzzing))]
fn main() {
    zeitstrahl_fuzz::replay::main(zeitstrahl_fuzz::check_yaml_input);
}

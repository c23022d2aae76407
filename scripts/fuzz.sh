#!/usr/bin/env bash
# Fuzzes zeitstrahl for a fixed time per target and keeps what it finds as regression tests.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     default: 60 seconds each for `tag` and `yaml`
#   FUZZ_MAX_LEN=300 scripts/fuzz.sh ...      shorter inputs (default 8192 bytes)
#   FUZZ_SANITIZER=none scripts/fuzz.sh ...   without AddressSanitizer: safe Rust, many more runs
#
# Targets (fuzz/fuzz_targets/, checks in fuzz/src/checks.rs):
#   tag   the tagger on arbitrary text under an arbitrary document date (year 1 to 9999, any kind)
#   yaml  the events.yaml reader, writer and SVG renderer on arbitrary bytes
#
# With cargo-fuzz (`cargo install cargo-fuzz`) it runs libFuzzer. cargo-fuzz wants a nightly
# compiler; on a stable one RUSTC_BOOTSTRAP=1 unlocks the flags it needs, which this script sets.
# The corpus grows in fuzz/corpus/TARGET (not committed), seeded from seeds/, tests/data/ and
# tests/data/fuzz-regressions/TARGET. A crash, timeout or out-of-memory input is copied to
# tests/data/fuzz-regressions/TARGET/, where `cargo test` (tests/suite/robustness.rs) replays it
# from then on; the script then exits 1.
#
# Without cargo-fuzz it says so and only replays the seeds and regressions through the plain
# builds of the targets (no fuzzing).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(tag yaml)
case $seconds in
  '' | *[!0-9]*) echo "fuzz.sh: SECONDS must be a whole number, not '$seconds'" >&2; exit 2 ;;
esac

export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/fuzz/target}
regressions=$root/tests/data/fuzz-regressions

# Seeds for the tag target: five context bytes (see fuzz/src/checks.rs), then a text.
seed_tag() {
  local dir=$1 i=0 f
  mkdir -p "$dir"
  for f in "$root"/seeds/*.txt "$root"/tests/data/grammar/*.txt; do
    [ -f "$f" ] || continue
    # 2022-01-12 (year byte pair 2021 = 0xe5 0x07, month index 0, day index 11), news.
    { printf '\xe5\x07\x00\x0b\x00'; head -c 4000 "$f"; } > "$dir/seed-$i"
    i=$((i + 1))
  done
}

# Seeds for the yaml target: an events.yaml that zeitstrahl wrote, if there is one (the
# hand-made edge cases in tests/data/fuzz-regressions/yaml are read as a corpus too).
seed_yaml() {
  local dir=$1
  mkdir -p "$dir"
  if [ -f "$root/out/events.yaml" ]; then cp "$root/out/events.yaml" "$dir/seed-out"; fi
}

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz.sh: cargo-fuzz is not installed (cargo install cargo-fuzz): replaying only, no fuzzing" >&2
  (cd "$root/fuzz" && cargo build --release --bins)
  for t in "${targets[@]}"; do
    seed_"$t" "$root/fuzz/corpus/$t"
    "$CARGO_TARGET_DIR/release/$t" "$root/fuzz/corpus/$t" "$regressions/$t"
  done
  exit 0
fi

export RUSTC_BOOTSTRAP=1
found=0
for t in "${targets[@]}"; do
  corpus=$root/fuzz/corpus/$t
  seed_"$t" "$corpus"
  mkdir -p "$regressions/$t" "$root/fuzz/artifacts/$t"
  echo "fuzz.sh: $t for ${seconds}s" >&2
  set +e
  (cd "$root/fuzz" && cargo fuzz run --release --sanitizer "${FUZZ_SANITIZER:-address}" "$t" "$corpus" "$regressions/$t" -- \
    -max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-8192}" -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 2>&1 | tee "$root/fuzz/artifacts/$t.log" | grep -E 'stat::|Done|SUMMARY|panicked|ERROR' )
  set -e
  for a in "$root/fuzz/artifacts/$t"/crash-* "$root/fuzz/artifacts/$t"/timeout-* "$root/fuzz/artifacts/$t"/oom-*; do
    [ -f "$a" ] || continue
    cp "$a" "$regressions/$t/"
    echo "fuzz.sh: $t found $(basename "$a"), kept in tests/data/fuzz-regressions/$t/" >&2
    found=1
  done
done
exit $found

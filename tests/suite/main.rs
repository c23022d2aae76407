//! All integration tests of zeitstrahl, in one test binary.
mod cli;
mod dispatch;
mod documents;
mod eval;
mod events;
mod grammar;
mod parallel;
mod properties;
mod render;
mod robustness;
mod seeds;

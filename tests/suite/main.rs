//! All integration tests of zeitstrahl, in one test binary.
mod eval;
mod cli;
mod documents;
mod events;
mod render;

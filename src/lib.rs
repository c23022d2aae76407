//! zeitstrahl turns German news articles into a dated event timeline.
//!
//! Four stages, in one direction:
//!
//! 1. **recognise** ([`grammar`]): pest finds German temporal expressions in running text;
//! 2. **build** ([`expr`]): each match becomes a typed, unresolved expression;
//! 3. **resolve** ([`resolve`]): the expression is anchored to an explicit [`Context`] (document
//!    date, last mentioned date, tense, document kind) and becomes a [`Value`] whose `Display` is
//!    the TIMEX3 value;
//! 4. **use**: events are cut from the sentences around anchored values ([`event`]), merged across
//!    documents ([`merge`]) into a [`Timeline`], and written as YAML ([`yaml`]), SVG and a report
//!    ([`render`]).
//!
//! The library never reads the clock: a missing document date is an error or a visibly unresolved
//! value, never a guess.

// pest_derive without its `std` feature names `alloc` from the crate root.
extern crate alloc;

pub mod calendar;
pub mod document;
pub mod error;
pub mod eval;
pub mod event;
pub mod expr;
pub mod grammar;
pub mod merge;
pub mod model;
pub mod output;
pub mod render;
pub mod resolve;
pub mod sentence;
pub mod tag;
pub mod timeline;
pub mod timeml;
pub mod timex;
pub mod write;
pub mod yaml;

pub use error::{Error, ErrorKind, Result};
pub use model::Timeline;
pub use resolve::{Context, Dct, DocKind};
pub use tag::tag;
pub use timex::{Timex, TimexType, Value};

//! The command line as clap sees it: raw arguments, with their help text. Nothing here is
//! checked beyond its shape; `commands` turns these into validated settings.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// German news articles in, a dated event timeline out.
///
/// Without a subcommand, zeitstrahl runs `build` with its defaults: it reads the articles in
/// `seeds/` and writes `out/events.yaml`, `out/timeline.svg` and the report.
#[derive(Debug, Parser)]
#[command(name = "zeitstrahl", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find and resolve the temporal expressions in a German text.
    ///
    /// Offsets are UTF-8 byte offsets into the text, end exclusive. A byte order mark at the
    /// start of the input is skipped: offsets then count from the first byte after it.
    Tag(TagArgs),
    /// Show how the value of each expression in a phrase is reached: rule, anchor, direction.
    Parse(ParseArgs),
    /// Score the tagger on gold files (JSON Lines corpora, TimeML documents).
    Eval(EvalArgs),
    /// Build the timeline from a folder of articles: events.yaml, timeline.svg, the report.
    Build(BuildArgs),
    /// Draw an events.yaml as SVG (or PNG, if the output name ends in .png).
    Render(RenderArgs),
    /// Build the timeline from a folder of articles and write only the report (Markdown, HTML)
    /// and the SVG and PNG it shows.
    Report(ReportArgs),
    /// Merge several events.yaml files into one timeline.
    Merge(MergeArgs),
}

/// How to read the text: its date and its kind.
#[derive(Debug, Args)]
pub struct ContextArgs {
    /// The document date (YYYY-MM-DD, YYYY-MM or YYYY, optionally with THH:MM): relative
    /// expressions ("gestern", "im Oktober") are resolved against it. Without it, `tag` takes
    /// the date from a YAML front matter or a dateline at the start of the text, and `build`
    /// from documents.yaml or the text.
    #[arg(long, value_name = "DATE")]
    pub dct: Option<String>,
    /// What kind of text it is: news resolves by tense and the document date, narrative by the
    /// last mentioned date, colloquial leans to the future.
    #[arg(long, value_enum, default_value_t = Kind::News)]
    pub kind: Kind,
}

/// The kind of text (see `zeitstrahl::DocKind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    News,
    Narrative,
    Colloquial,
}

/// Output formats of `tag`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TagFormat {
    /// A JSON array of expressions (text, start, end, type, value, mod, ...).
    Json,
    /// The same records as YAML.
    Yaml,
    /// A TimeML document: the text with inline TIMEX3 elements.
    Timeml,
    /// One line per expression, for people.
    Text,
}

/// Output formats of `parse` and `eval`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// For people.
    Text,
    /// JSON.
    Json,
}

#[derive(Debug, Args)]
pub struct TagArgs {
    /// The text to tag, `-` for standard input. With --jsonl, standard input if left out.
    #[arg(value_name = "FILE", required_unless_present = "jsonl")]
    pub input: Option<String>,
    #[command(flatten)]
    pub context: ContextArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TagFormat::Json, conflicts_with = "jsonl")]
    pub format: TagFormat,
    /// Where to write, `-` for standard output.
    #[arg(short, long, value_name = "FILE", default_value = "-")]
    pub output: String,
    /// Read JSON Lines {"id", "text", "dct"} and write one {"id", "timexes"} line per input
    /// line ({"line", "error"} for a malformed one), streaming.
    #[arg(long, conflicts_with = "dct")]
    pub jsonl: bool,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// A German phrase or sentence, e.g. "im Oktober des vergangenen Jahres".
    pub phrase: String,
    #[command(flatten)]
    pub context: ContextArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold files: .jsonl corpora ({"id", "text", "ref", "expected"} per line) or TimeML
    /// (.tml, .xml).
    #[arg(required = true, value_name = "GOLD")]
    pub gold: Vec<PathBuf>,
    /// How to resolve: the kind every gold document is tagged as.
    #[arg(long, value_enum, default_value_t = Kind::News)]
    pub kind: Kind,
    /// List every miss: missed, spurious, wrong extent, wrong type, wrong value.
    #[arg(long)]
    pub misses: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The folder of articles (*.txt, with their dates in documents.yaml).
    #[arg(default_value = "seeds", value_name = "DIR")]
    pub dir: PathBuf,
    /// The folder to write to.
    #[arg(long, default_value = "out", value_name = "OUTDIR")]
    pub out: PathBuf,
    #[command(flatten)]
    pub context: ContextArgs,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The events.yaml to draw, `-` for standard input.
    #[arg(value_name = "EVENTS")]
    pub events: String,
    /// Where to write the picture, `-` for standard output; a name ending in .png gives PNG.
    #[arg(short, long, value_name = "FILE")]
    pub output: String,
    /// First date shown (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last date shown (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Width of the picture in pixels.
    #[arg(long, value_name = "PX", value_parser = clap::value_parser!(u32).range(200..=20000))]
    pub width: Option<u32>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The folder of articles.
    #[arg(default_value = "seeds", value_name = "DIR")]
    pub dir: PathBuf,
    /// The folder to write to.
    #[arg(long, default_value = "out", value_name = "OUTDIR")]
    pub out: PathBuf,
    #[command(flatten)]
    pub context: ContextArgs,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The events.yaml files to merge.
    #[arg(required = true, num_args = 2.., value_name = "EVENTS")]
    pub inputs: Vec<PathBuf>,
    /// Where to write the merged events.yaml, `-` for standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: String,
}

//! The zeitstrahl command line: read the arguments, run the command, turn an error into a
//! message on standard error and an exit code (0 ok, 1 input error, 2 usage error, 3 I/O error;
//! clap's own usage errors also exit 2).

mod cli;
mod commands;

use clap::Parser;

fn main() {
    let cli = cli::Cli::parse();
    if let Err(e) = commands::run(cli.command) {
        eprintln!("zeitstrahl: error: {e}");
        std::process::exit(e.kind().exit_code());
    }
}

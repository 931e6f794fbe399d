//! The `valawai` command-line tool.

mod check;
mod generate;
mod mov;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Tools for VALAWAI components written with valawai-rs.
#[derive(Debug, Parser)]
#[command(name = "valawai", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Load an AsyncAPI document and print what the component looks like,
    /// or every problem found in it.
    Check(check::Args),
    /// Generate the component module (payload types, channels, handler
    /// trait, publisher, identity, wiring) and print it or write it to a
    /// file, for review or for committing.
    Generate(generate::Args),
    /// The development MOV, a stand-in for the real Master Of VALAWAI: run it, see what it
    /// makes of a spec, or watch it serve the echo example.
    Mov(mov::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Generate(args) => generate::run(&args),
        Command::Mov(args) => mov::run(&args),
    }
}

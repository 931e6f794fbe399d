//! The `valawai` command-line tool.

mod broker;
mod check;
mod common;
mod dlq;
mod docs;
mod generate;
mod mov;
mod new;
mod publish;
mod tap;
mod validate;

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
    /// Check a JSON payload against a channel's schema, with the errors the
    /// component itself would give. Exit code 1 when it does not fit.
    Validate(validate::Args),
    /// Validate a JSON payload and publish it on a channel, as a component
    /// would: default exchange, routing key = the channel's address,
    /// publisher confirms, and an error when no queue receives it.
    Publish(publish::Args),
    /// Create a component crate that builds and passes its tests: Cargo.toml,
    /// build.rs, asyncapi.yaml, src/main.rs with a handler stub per receive
    /// channel, Dockerfile, docker-compose.yml, README, CHANGELOG, LICENSE.
    New(new::Args),
    /// Show the messages published on the spec's channels, live, from
    /// RabbitMQ's firehose: never a consumer on a component's queue.
    Tap(tap::Args),
    /// Write Markdown and HTML documentation of the component's channels
    /// and payload types.
    Docs(docs::Args),
    /// The component's dead letters: print the dead-letter policy, list
    /// them without consuming them, replay chosen ones to their channel.
    Dlq(dlq::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Long lines (a channel list, a JSON path) read better unwrapped.
    let _ = miette::set_hook(Box::new(|_| {
        Box::new(miette::MietteHandlerOpts::new().wrap_lines(false).build())
    }));
    if matches!(
        cli.command,
        Command::Mov(_) | Command::Publish(_) | Command::Tap(_)
    ) {
        common::init_logs();
    }
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Generate(args) => generate::run(&args),
        Command::Mov(args) => finish(mov::run(&args)),
        Command::Validate(args) => finish(validate::run(&args)),
        Command::Publish(args) => finish(publish::run(&args)),
        Command::New(args) => finish(new::run(&args)),
        Command::Tap(args) => finish(tap::run(&args)),
        Command::Docs(args) => finish(docs::run(&args)),
        Command::Dlq(args) => finish(dlq::run(&args)),
    }
}

/// The exit code of a subcommand, after printing its failure.
fn finish(result: Result<ExitCode, common::Failure>) -> ExitCode {
    result.unwrap_or_else(common::Failure::report)
}

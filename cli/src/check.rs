//! `valawai check`: load a spec and summarise it, or print its diagnostics.

use std::io::Write;
use std::process::ExitCode;

use valawai_codegen::model::{Direction, Payload};
use valawai_codegen::{Spec, TypeOptions, TypeSpace};

use crate::common::SpecArgs;

/// Arguments of `valawai check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    spec: SpecArgs,
}

/// Runs the command.
pub fn run(args: &Args) -> ExitCode {
    let mut stderr = std::io::stderr().lock();
    let spec = match valawai_codegen::load_path(&args.spec.spec, &args.spec.load_options()) {
        Ok(spec) => spec,
        Err(error) => {
            let _ = writeln!(stderr, "{error}");
            return ExitCode::FAILURE;
        }
    };
    // The payload type names are the generator's own, so generating the
    // types is part of checking the spec.
    let types = match TypeSpace::new(&spec, &TypeOptions::default()) {
        Ok(types) => types,
        Err(error) => {
            let _ = writeln!(stderr, "{error}");
            return ExitCode::FAILURE;
        }
    };
    for warning in spec.warnings.iter().chain(types.warnings()) {
        let _ = writeln!(stderr, "{warning}");
    }
    // A component registers with the MOV, which drops a spec it cannot
    // translate without telling anyone: say so now.
    if spec.identity.is_some()
        && let Err(mut rejection) =
            valawai_codegen::mov::translate_document(&spec.document, &spec.sources)
    {
        rejection.severity = valawai_codegen::Severity::Warning;
        let _ = writeln!(stderr, "{rejection}");
    }
    let mut stdout = std::io::stdout().lock();
    let _ = write!(stdout, "{}", summary(&spec, &types));
    ExitCode::SUCCESS
}

/// A human-readable summary of a loaded spec.
fn summary(spec: &Spec, types: &TypeSpace) -> String {
    let mut out = String::new();
    match &spec.identity {
        Some(identity) => out.push_str(&format!(
            "component {} ({})\n",
            identity.name, identity.component_type
        )),
        None => out.push_str("component: no `valawai/cN/<name>/control/registered` channel\n"),
    }
    out.push_str(&format!(
        "spec: {} {} (AsyncAPI {}, {} dialect)\n",
        spec.info.title, spec.info.version, spec.version, spec.dialect
    ));
    out.push_str("channels:\n");
    let width = spec
        .channels
        .iter()
        .map(|c| c.address.chars().count())
        .max()
        .unwrap_or(0);
    for (index, channel) in spec.channels.iter().enumerate() {
        let id = valawai_codegen::model::ChannelId(index);
        let mut operations = spec.operations_on(id).peekable();
        if operations.peek().is_none() {
            out.push_str(&format!(
                "  {:<7} {:<width$}  (no operation)\n",
                "-", channel.address
            ));
        }
        for operation in operations {
            let direction = match operation.direction {
                Direction::Receive => "receive",
                Direction::Send => "send",
            };
            let payloads: Vec<String> = operation
                .messages
                .iter()
                .map(|m| payload_name(spec, types, *m))
                .collect();
            let payloads = if payloads.is_empty() {
                "no message".to_owned()
            } else {
                payloads.join(" | ")
            };
            out.push_str(&format!(
                "  {direction:<7} {:<width$}  {payloads}\n",
                channel.address
            ));
        }
    }
    out
}

fn payload_name(spec: &Spec, types: &TypeSpace, id: valawai_codegen::model::MessageId) -> String {
    match (&spec.message(id).payload, types.message_type(id)) {
        (Payload::Untyped { .. }, _) => "untyped JSON".to_owned(),
        (_, Some(ty)) => ty.to_string(),
        (_, None) => "no payload".to_owned(),
    }
}

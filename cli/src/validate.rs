//! `valawai validate`: check a payload against a channel's schema, with
//! the errors the component's generated decoder gives.

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;
use valawai_cli::dynamic::{Invalid, Undeclared, Validator};
use valawai_cli::target::{self, Target};
use valawai_codegen::types::view::Shape;

use crate::common::{Failure, INVALID, Loaded, SpecArgs, read_payload};

/// The channel and the payload file, as `validate` and `publish` take them.
#[derive(Debug, clap::Args)]
pub struct MessageArgs {
    /// The channel: its address (a concrete one for an address with
    /// parameters), or its generated name (`received_message`,
    /// `RECEIVED_MESSAGE`).
    pub channel: String,
    /// The JSON payload file, or `-` for standard input.
    pub payload: PathBuf,
}

/// Arguments of `valawai validate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    spec: SpecArgs,
    #[command(flatten)]
    message: MessageArgs,
    /// Print the result as one JSON object on standard output.
    #[arg(long)]
    json: bool,
}

/// A payload checked against a channel.
pub struct Checked {
    /// The channel.
    pub target: Target,
    /// The payload type's name, or `untyped JSON`.
    pub type_name: String,
    /// Why the payload does not fit, if it does not.
    pub error: Option<Invalid>,
    /// The properties the payload carries that its type does not declare
    /// (the component ignores them), when it fits: the first
    /// [`valawai_cli::dynamic::MAX_UNDECLARED`].
    pub undeclared: Vec<Undeclared>,
    /// How many more it carries.
    pub more_undeclared: usize,
}

/// Finds the channel and checks `bytes` against its payload type: its
/// message's, or the union of its messages (which fits when one of them
/// fits, and fails with the union's error), exactly as the component's
/// decoder checks it.
pub fn check(loaded: &Loaded, channel: &str, bytes: &[u8]) -> Result<Checked, Failure> {
    let target = target::find(&loaded.spec, channel).map_err(|e| {
        Failure::new(e.to_string()).hint("name a channel by its address or its generated name")
    })?;
    let validator = Validator::new(&loaded.types);
    let type_name = loaded
        .types
        .channel_type(target.channel)
        .filter(|ty| !matches!(ty.expr().shape(), Shape::Any))
        .map_or_else(|| "untyped JSON".to_owned(), |ty| ty.to_string());
    let (error, undeclared, more_undeclared) =
        match validator.validate_channel(target.channel, bytes) {
            Ok(valid) => (None, valid.undeclared, valid.more_undeclared),
            Err(e) => (Some(e), Vec::new(), 0),
        };
    Ok(Checked {
        target,
        type_name,
        error,
        undeclared,
        more_undeclared,
    })
}

/// Runs the command.
pub fn run(args: &Args) -> Result<ExitCode, Failure> {
    run_checked(args).map_err(|f| f.json(args.json))
}

fn run_checked(args: &Args) -> Result<ExitCode, Failure> {
    let loaded = args.spec.load()?;
    let bytes = read_payload(&args.message.payload)?;
    let checked = check(&loaded, &args.message.channel, &bytes)?;
    if args.json {
        println!("{}", result_json(&checked));
    }
    if !args.json {
        warn_undeclared(&checked);
    }
    match &checked.error {
        None => {
            if !args.json {
                println!(
                    "{}: {} payload on {}",
                    crate::common::green("valid"),
                    checked.type_name,
                    checked.target.address
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(error) if args.json => {
            let _ = error;
            Ok(ExitCode::from(INVALID))
        }
        Some(error) => Err(invalid(
            &checked,
            error,
            &args.message.payload.display().to_string(),
        )),
    }
}

/// Prints a warning on standard error for each property the payload carries
/// that its type does not declare.
pub fn warn_undeclared(checked: &Checked) {
    for undeclared in &checked.undeclared {
        eprintln!("{}: {undeclared}", crate::common::yellow("warning"));
    }
    if checked.more_undeclared > 0 {
        eprintln!(
            "{}: and {} more undeclared properties",
            crate::common::yellow("warning"),
            checked.more_undeclared
        );
    }
}

/// The failure of a payload that does not fit.
pub fn invalid(checked: &Checked, error: &Invalid, source: &str) -> Failure {
    Failure::new(format!(
        "{source} is not a valid {} payload for {}:\n{error}",
        checked.type_name, checked.target.address
    ))
    .hint(if error.is_syntax() {
        "the payload is not JSON; fix the syntax at the position shown"
    } else {
        "fix the value at the path shown (`.` is the payload itself); the component would reject it with this error"
    })
    .code(INVALID)
}

/// The result as JSON, for scripts.
pub fn result_json(checked: &Checked) -> serde_json::Value {
    let mut out = json!({
        "valid": checked.error.is_none(),
        "channel": checked.target.address,
        "type": checked.type_name,
    });
    if !checked.undeclared.is_empty() {
        out["undeclared"] = checked
            .undeclared
            .iter()
            .map(|u| {
                json!({
                    "path": u.path,
                    "type": u.type_name,
                    "property": u.property,
                    "did_you_mean": u.suggestion,
                    "text": u.to_string(),
                })
            })
            .collect();
        if checked.more_undeclared > 0 {
            out["more_undeclared"] = json!(checked.more_undeclared);
        }
    }
    if let Some(error) = &checked.error {
        out["error"] = json!({
            "path": error.path(),
            "message": error.message(),
            "syntax": error.is_syntax(),
            "text": error.to_string(),
        });
    }
    out
}

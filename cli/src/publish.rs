//! `valawai publish`: validate a payload and publish it on a channel as a
//! component would, with publisher confirms and `mandatory`, so that a
//! message nobody can receive is an error instead of a silent loss.

use std::process::ExitCode;

use serde_json::json;
use valawai::lapin::Confirmation;
use valawai::lapin::Connection;
use valawai::lapin::options::{BasicPublishOptions, ConfirmSelectOptions};

use crate::broker::{self, BrokerArgs};
use crate::common::{Failure, SpecArgs, read_payload};
use crate::validate::{self, MessageArgs};

/// Arguments of `valawai publish`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    spec: SpecArgs,
    #[command(flatten)]
    message: MessageArgs,
    #[command(flatten)]
    broker: BrokerArgs,
    /// Publish even a payload that does not fit the channel's schema.
    #[arg(long)]
    no_validate: bool,
    /// Print the result as one JSON object on standard output.
    #[arg(long)]
    json: bool,
}

/// Runs the command.
pub fn run(args: &Args) -> Result<ExitCode, Failure> {
    run_checked(args).map_err(|f| f.json(args.json))
}

fn run_checked(args: &Args) -> Result<ExitCode, Failure> {
    let loaded = args.spec.load()?;
    let bytes = read_payload(&args.message.payload)?;
    let checked = validate::check(&loaded, &args.message.channel, &bytes)?;
    if !args.json {
        validate::warn_undeclared(&checked);
    }
    if let Some(error) = &checked.error
        && !args.no_validate
    {
        let failure =
            validate::invalid(&checked, error, &args.message.payload.display().to_string())
                .hint("fix the payload, or publish it anyway with --no-validate");
        if args.json {
            println!("{}", validate::result_json(&checked));
            return Err(failure.printed());
        }
        return Err(failure);
    }
    let address = checked.target.address.clone();
    let runtime = broker::runtime()?;
    runtime.block_on(async {
        let (connection, endpoint) = args.broker.connect("valawai publish").await?;
        let outcome = publish(&connection, &address, &bytes).await;
        let _ = connection.close(200, "done".into()).await;
        outcome?;
        if args.json {
            println!(
                "{}",
                json!({"published": true, "channel": address, "bytes": bytes.len(), "broker": endpoint.to_string()})
            );
        } else {
            println!(
                "{} {} bytes on {address} (confirmed by {endpoint})",
                crate::common::green("published"),
                bytes.len()
            );
        }
        Ok(ExitCode::SUCCESS)
    })
}

async fn publish(connection: &Connection, address: &str, bytes: &[u8]) -> Result<(), Failure> {
    let broker_error = |e: valawai::lapin::Error| {
        Failure::new(format!("the broker refused the publish on {address}: {e}"))
            .hint("check the broker's log and the user's permissions on the default exchange")
    };
    let channel = connection.create_channel().await.map_err(broker_error)?;
    channel
        .confirm_select(ConfirmSelectOptions::default())
        .await
        .map_err(broker_error)?;
    let confirm = channel
        .basic_publish(
            "".into(),
            address.into(),
            BasicPublishOptions {
                mandatory: true,
                ..BasicPublishOptions::default()
            },
            bytes,
            valawai::conventions::mov_properties(),
        )
        .await
        .map_err(broker_error)?
        .await
        .map_err(broker_error)?;
    match confirm {
        Confirmation::Ack(None) | Confirmation::NotRequested => Ok(()),
        Confirmation::Ack(Some(_)) => Err(Failure::new(format!(
            "no queue is bound: nobody consumes {address}"
        ))
        .hint("start the component that receives on it, or declare the queue")),
        Confirmation::Nack(_) => Err(Failure::new(format!(
            "the broker did not accept the message on {address} (nack)"
        ))
        .hint("the broker may be short of resources; look at its log and retry")),
    }
}

//! The channel a command-line argument names: its address, the generated
//! handler or address-function name (`received_message`), or the address
//! constant (`RECEIVED_MESSAGE`). A concrete address matches a parameterised
//! one (`valawai/c1/echo/control/registered` matches
//! `valawai/c{type}/{name}/control/registered`).

use std::fmt;

use valawai_codegen::Spec;
use valawai_codegen::model::{ChannelId, MessageId};

/// A channel of the spec, found from an argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The channel.
    pub channel: ChannelId,
    /// The concrete address to publish to: the argument when it matched a
    /// parameterised address, the spec's address otherwise.
    pub address: String,
    /// The messages that travel on the channel.
    pub messages: Vec<MessageId>,
}

/// An argument that names no channel of the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownChannel {
    /// The argument.
    pub given: String,
    /// Every channel address, with its generated name.
    pub channels: Vec<(String, String)>,
    /// Set when the argument named a parameterised channel by its name, so
    /// there is no concrete address.
    pub needs_address: bool,
}

impl fmt::Display for UnknownChannel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.needs_address {
            return write!(
                f,
                "`{}` has parameters in its address; give the concrete address",
                self.given
            );
        }
        write!(
            f,
            "the spec has no channel `{}`; its channels are:",
            self.given
        )?;
        for (address, name) in &self.channels {
            write!(f, "\n  {address} ({name})")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownChannel {}

/// Finds the channel `arg` names.
pub fn find(spec: &Spec, arg: &str) -> Result<Target, UnknownChannel> {
    let idents = valawai_codegen::channel_idents(spec);
    let target = |index: usize, address: String| Target {
        channel: ChannelId(index),
        address,
        messages: spec.channels[index].messages.clone(),
    };
    if let Some(i) = spec.channels.iter().position(|c| c.address == arg) {
        return Ok(target(i, arg.to_owned()));
    }
    let by_name = idents
        .iter()
        .position(|n| n.name == arg || n.constant == arg);
    if let Some(i) = by_name {
        if spec.channels[i].is_parameterised() {
            return Err(unknown(spec, arg, true));
        }
        return Ok(target(i, spec.channels[i].address.clone()));
    }
    if let Some(i) = spec
        .channels
        .iter()
        .position(|c| c.is_parameterised() && matches_template(&c.address, arg))
    {
        return Ok(target(i, arg.to_owned()));
    }
    Err(unknown(spec, arg, false))
}

fn unknown(spec: &Spec, arg: &str, needs_address: bool) -> UnknownChannel {
    let idents = valawai_codegen::channel_idents(spec);
    UnknownChannel {
        given: arg.to_owned(),
        channels: spec
            .channels
            .iter()
            .zip(idents)
            .map(|(c, n)| (c.address.clone(), n.name))
            .collect(),
        needs_address,
    }
}

/// Whether `address` fits `template`, where each `{parameter}` stands for
/// one or more characters other than `/`.
pub fn matches_template(template: &str, address: &str) -> bool {
    match template.find('{') {
        None => template == address,
        Some(open) => {
            let Some(close) = template[open..].find('}').map(|c| open + c) else {
                return template == address;
            };
            let (prefix, rest) = (&template[..open], &template[close + 1..]);
            let Some(tail) = address.strip_prefix(prefix) else {
                return false;
            };
            // The parameter takes at least one character and no `/`.
            tail.char_indices()
                .skip(1)
                .map(|(i, _)| i)
                .chain(std::iter::once(tail.len()))
                .take_while(|&i| !tail[..i].contains('/'))
                .any(|i| matches_template(rest, &tail[i..]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::matches_template;

    #[test]
    fn templates_match_one_segment_per_parameter() {
        let t = "valawai/c{type}/{name}/control/registered";
        assert!(matches_template(t, "valawai/c1/echo/control/registered"));
        assert!(matches_template(t, "valawai/c2/a_b/control/registered"));
        assert!(!matches_template(t, "valawai/c1/a/b/control/registered"));
        assert!(!matches_template(t, "valawai/c/echo/control/registered"));
        assert!(!matches_template(t, "valawai/c1/echo/control/registereds"));
        assert!(matches_template("a/b", "a/b"));
    }
}

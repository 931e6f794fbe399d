//! The names generated code gives channels: the snake case name and the
//! address constant of each channel, from the shortest suffix of its
//! address that tells it apart, and its `Handlers` and `Publisher` methods,
//! from its operations' `operationId`s where the spec has them.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::model::{ChannelId, Direction, Operation, Spec};
use crate::types::naming::{self, Scope};

use super::ChannelItem;

/// The names generated code gives a channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelIdents {
    /// The snake case name: the handler method and the address function
    /// (`received_message`).
    pub name: String,
    /// The name of the address constant (`RECEIVED_MESSAGE`).
    pub constant: String,
}

/// The names generated code gives each channel of `spec`, in the order of
/// [`Spec::channels`], so that tools can accept them for an address.
pub fn channel_idents(spec: &Spec) -> Vec<ChannelIdents> {
    let addresses: Vec<&str> = spec.channels.iter().map(|c| c.address.as_str()).collect();
    let mut constants = Scope::snake();
    channel_names(&addresses)
        .into_iter()
        .map(|name| {
            let constant = constants.take(&constant_name(&name));
            ChannelIdents { name, constant }
        })
        .collect()
}

/// Method names `Publisher` keeps for itself or that would hide a trait
/// method users call on it.
const PUBLISHER_RESERVED: &[&str] = &["raw", "clone", "fmt", "from", "into", "eq"];

/// Names the `Handlers` and `Publisher` methods of each channel: the
/// snake case `operationId` of the channel's receive or send operation
/// where the spec gives one (in AsyncAPI 3 every operation has one, its
/// key), else the channel's name. An `operationId` that gives a method the
/// name of another one, or one that `Publisher` keeps for itself, is an
/// error at the operation.
pub(super) fn method_names(spec: &Spec, channels: &mut [ChannelItem]) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let mut handlers: HashMap<String, (usize, Option<&Operation>)> = HashMap::new();
    let mut publishers = Scope::snake();
    let mut published: HashMap<String, (usize, Option<&Operation>)> = HashMap::new();
    for reserved in PUBLISHER_RESERVED {
        publishers.reserve(reserved);
    }
    let named = |index: usize, direction: Direction| {
        spec.operations_on(ChannelId(index))
            .filter(|o| o.direction == direction)
            .find_map(|o| {
                o.id.as_ref()
                    .map(|id| (naming::field_name(id, "operation"), o))
            })
    };
    for (index, item) in channels.iter_mut().enumerate() {
        if item.receive.is_some() && !item.registered && !item.is_parameterised() {
            let (name, op) = match named(index, Direction::Receive) {
                Some((name, op)) => (name, Some(op)),
                None => (item.name.clone(), None),
            };
            match handlers.get(&name) {
                Some(&(other, other_op)) => {
                    errors.push(collision(
                        spec,
                        "Handlers",
                        &name,
                        (&item.address, op),
                        (&spec.channels[other].address, other_op),
                    ));
                }
                None => {
                    handlers.insert(name.clone(), (index, op));
                }
            }
            item.handler = name;
        }
        if item.send.is_some() {
            let name = match named(index, Direction::Send) {
                Some((name, op)) => {
                    if PUBLISHER_RESERVED.contains(&name.as_str()) {
                        errors.push(
                            spec.error_at(
                                "method-name",
                                format!(
                                    "the operationId of the send operation on `{}` names the \
                                     `Publisher` method `{name}`, a name `Publisher` keeps for \
                                     itself",
                                    item.address
                                ),
                                &op.origin,
                            )
                            .hint("give the operation another operationId"),
                        );
                    } else if let Some(&(other, other_op)) = published.get(&name) {
                        errors.push(collision(
                            spec,
                            "Publisher",
                            &name,
                            (&item.address, Some(op)),
                            (&spec.channels[other].address, other_op),
                        ));
                    }
                    publishers.reserve(&name);
                    published.insert(name.clone(), (index, Some(op)));
                    name
                }
                None => {
                    if let Some(&(other, Some(other_op))) = published.get(&item.name) {
                        errors.push(collision(
                            spec,
                            "Publisher",
                            &item.name,
                            (&spec.channels[other].address, Some(other_op)),
                            (&item.address, None),
                        ));
                    }
                    let name = publishers.take(&item.name);
                    published.insert(name.clone(), (index, None));
                    name
                }
            };
            item.publisher = name;
        }
    }
    errors
}

/// Two channels whose methods would have the same name: the error is at
/// the operation whose `operationId` gives the name (the first one's when
/// both do).
fn collision(
    spec: &Spec,
    what: &str,
    name: &str,
    this: (&str, Option<&Operation>),
    other: (&str, Option<&Operation>),
) -> Diagnostic {
    let message = format!(
        "`{}` and `{}` would both have the `{what}` method `{name}`",
        this.0, other.0
    );
    let hint = "give one of the operations another operationId";
    match this.1.or(other.1) {
        Some(op) => spec.error_at("method-name", message, &op.origin).hint(hint),
        None => Diagnostic::error("method-name", message).hint(hint),
    }
}

/// Snake case names for every channel, from the shortest suffix of its
/// address that tells it apart from the others: `received_message` for
/// `valawai/c1/echo/data/received_message`, `topology_create` and
/// `notification_create` for `valawai/topology/create` and
/// `valawai/topology/notification/create`. A suffix always includes a
/// segment with text of its own, so `valawai/c2/{name}/control/{action}`
/// is `control_action`.
fn channel_names(addresses: &[&str]) -> Vec<String> {
    let segments: Vec<Vec<(String, bool)>> =
        addresses.iter().map(|a| address_segments(a)).collect();
    let suffix = |i: usize, k: usize| -> String {
        let s = &segments[i];
        let start = s.len().saturating_sub(k);
        let words: Vec<&str> = s[start..]
            .iter()
            .map(|(w, _)| w.as_str())
            .filter(|w| !w.is_empty())
            .collect();
        words.join("_")
    };
    // The smallest suffix with a segment of text.
    let mut lengths: Vec<usize> = segments
        .iter()
        .map(|s| {
            let mut k = 1;
            while k < s.len() && !s[s.len() - k].1 {
                k += 1;
            }
            k
        })
        .collect();
    loop {
        let names: Vec<String> = (0..segments.len()).map(|i| suffix(i, lengths[i])).collect();
        let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, name) in names.iter().enumerate() {
            groups.entry(name.as_str()).or_default().push(i);
        }
        let mut grown = false;
        for members in groups.values().filter(|m| m.len() > 1) {
            for &i in members {
                if lengths[i] < segments[i].len() {
                    lengths[i] += 1;
                    grown = true;
                }
            }
        }
        if !grown {
            let mut scope = Scope::snake();
            return names
                .iter()
                .map(|n| scope.take(&naming::field_name(n, "channel")))
                .collect();
        }
    }
}

/// The segments of an address (split at `/` and `.`) in snake case, with
/// whether each has text besides parameters.
fn address_segments(address: &str) -> Vec<(String, bool)> {
    address
        .split(['/', '.'])
        .filter(|s| !s.is_empty())
        .map(|segment| {
            let mut text = false;
            let mut depth = 0;
            for c in segment.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth = (depth - 1).max(0),
                    c if depth == 0 && c.is_alphanumeric() => text = true,
                    _ => {}
                }
            }
            (naming::snake_words(segment), text)
        })
        .collect()
}

/// `RECEIVED_MESSAGE` for `received_message`.
fn constant_name(name: &str) -> String {
    name.trim_end_matches('_').to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(addresses: &[&str]) -> Vec<String> {
        channel_names(addresses)
    }

    #[test]
    fn names_are_the_shortest_suffix_that_tells_channels_apart() {
        assert_eq!(
            names(&[
                "valawai/c1/echo/data/received_message",
                "valawai/c1/echo/data/publish_message",
            ]),
            ["received_message", "publish_message"]
        );
        assert_eq!(
            names(&[
                "valawai/topology/create",
                "valawai/topology/notification/create",
                "valawai/log/add",
            ]),
            ["topology_create", "notification_create", "add"]
        );
        assert_eq!(
            names(&[
                "valawai/c2/{name}/control/{action}",
                "valawai/c{type}/{name}/control/registered"
            ]),
            ["control_action", "registered"]
        );
        assert_eq!(
            names(&[
                "valawai.c0.person-faker.data.person",
                "valawai.c0.person-faker.control.set-seed"
            ]),
            ["person", "set_seed"]
        );
        // Nothing tells them apart but the order: suffixed.
        assert_eq!(names(&["a/x", "a.x"]), ["a_x", "a_x_2"]);
        assert_eq!(
            names(&["valawai/c1/x/data/type", "/"]),
            ["type_", "channel"]
        );
    }

    #[test]
    fn constants() {
        assert_eq!(constant_name("received_message"), "RECEIVED_MESSAGE");
        assert_eq!(constant_name("type_"), "TYPE");
    }
}

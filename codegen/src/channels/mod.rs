//! Channels: what the component receives and sends on each channel and the
//! names the generated code gives them, as plain data ([`Table`]);
//! [`names`] derives the names, [`render`] writes `pub mod channels` with
//! every address, as a constant or, for a parameterised address, as a
//! function of typed parameters.
//!
//! [`Table::new`] reads the spec once; the handler trait, the publisher, the
//! identity, the wiring and the channel table of `#[valawai::handlers]` are
//! all written from the table, so they agree on names and payload types.

mod names;
mod render;

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Error};
use crate::model::{ChannelId, Direction, MessageId, Payload, Spec};
use crate::types::docs;
use crate::types::naming::{self, Scope};
use crate::types::{RustType, TypeSpace};

use names::method_names;
pub use names::{ChannelIdents, channel_idents};

/// Every channel of a spec, as the generated code sees it.
pub(crate) struct Table {
    /// The channels, in document order.
    pub(crate) channels: Vec<ChannelItem>,
    /// What the generated code leaves out, with where it is written.
    pub(crate) warnings: Vec<Diagnostic>,
}

/// One channel.
pub(crate) struct ChannelItem {
    /// The channel in the spec.
    pub(crate) id: ChannelId,
    /// The address as written, `{parameters}` included.
    pub(crate) address: String,
    /// The snake case name: the handler method, the publisher method, and
    /// the address function of a parameterised channel.
    pub(crate) name: String,
    /// The constant holding the address (unparameterised channels).
    pub(crate) constant: String,
    /// The address, split at its parameters.
    pub(crate) pieces: Vec<Piece>,
    /// The parameters, in the order of their first use in the address.
    pub(crate) params: Vec<Param>,
    /// What the component receives here, if anything.
    pub(crate) receive: Option<Flow>,
    /// What the component sends here, if anything.
    pub(crate) send: Option<Flow>,
    /// The `Handlers` method for what the component receives here: the
    /// receive operation's `operationId` in snake case, else [`Self::name`].
    pub(crate) handler: String,
    /// The `Publisher` method for what the component sends here: the send
    /// operation's `operationId` in snake case, else [`Self::name`] (with a
    /// suffix if `Publisher` keeps that name for itself).
    pub(crate) publisher: String,
    /// Whether this is the component's registered channel (the runtime
    /// consumes it; no handler takes it).
    pub(crate) registered: bool,
    /// The channel's title, summary and description, as doc lines.
    pub(crate) docs: Vec<String>,
}

/// A piece of an address.
pub(crate) enum Piece {
    /// Text written as is.
    Text(String),
    /// The parameter with this index in [`ChannelItem::params`].
    Param(usize),
}

/// A channel parameter.
pub(crate) struct Param {
    /// The name in the address.
    pub(crate) name: String,
    /// The Rust argument name.
    pub(crate) ident: String,
    /// How the argument is passed.
    pub(crate) ty: ParamType,
    /// The parameter's description, as doc lines.
    pub(crate) docs: Vec<String>,
}

/// How a parameter is passed to an address function.
pub(crate) enum ParamType {
    /// `&str`: a string without constraints, or no schema.
    Str,
    /// By value: a `Copy` scalar.
    Value(RustType),
    /// By reference: a generated type that checked its value when it was
    /// made (a string enum, a validating newtype).
    Ref(RustType),
}

/// The messages of one direction of a channel.
pub(crate) struct Flow {
    /// The payload type.
    pub(crate) payload: PayloadType,
    /// The operations' and messages' descriptions, as doc lines.
    pub(crate) docs: Vec<String>,
}

/// A payload type, as data; [`render`] writes it as tokens.
#[derive(Clone)]
pub(crate) struct PayloadType {
    /// The Rust type; `None` for any JSON (`valawai::payload::JsonValue`).
    pub(crate) ty: Option<RustType>,
    /// The type as Rust source, for names and docs.
    pub(crate) text: String,
    /// The generated type's name, when the payload is one.
    pub(crate) name: Option<String>,
    /// Whether every value is a JSON object.
    pub(crate) object: bool,
}

impl ChannelItem {
    /// Whether the address has parameters.
    pub(crate) fn is_parameterised(&self) -> bool {
        !self.params.is_empty()
    }

    /// The doc line naming the channel: its address.
    pub(crate) fn address_code(&self) -> String {
        docs::code(&self.address)
    }
}

impl Table {
    /// Reads the channels of `spec`. Parameter types are added to `types`.
    pub(crate) fn new(spec: &Spec, types: &mut TypeSpace) -> Result<Table, Error> {
        let idents = channel_idents(spec);
        let mut table = Table {
            channels: Vec::new(),
            warnings: Vec::new(),
        };
        let mut errors = Vec::new();
        for (index, channel) in spec.channels.iter().enumerate() {
            let id = ChannelId(index);
            let ChannelIdents { name, constant } = idents[index].clone();
            let (pieces, params) = match parameters(spec, id, &name, types) {
                Ok(found) => found,
                Err(e) => {
                    errors.extend(e.diagnostics().iter().cloned());
                    continue;
                }
            };
            let registered = spec
                .identity
                .as_ref()
                .is_some_and(|i| i.registered_channel == id);
            let mut channel_docs = Vec::new();
            for text in [&channel.title, &channel.summary, &channel.description]
                .into_iter()
                .flatten()
            {
                docs::push_block(&mut channel_docs, docs::prose(text));
            }
            let mut item = ChannelItem {
                id,
                address: channel.address.clone(),
                handler: name.clone(),
                publisher: name.clone(),
                name,
                constant,
                pieces,
                params: params.params,
                receive: None,
                send: None,
                registered,
                docs: channel_docs,
            };
            table.warnings.extend(params.warnings);
            for direction in [Direction::Receive, Direction::Send] {
                let flow = flow(spec, types, &item, direction);
                match direction {
                    Direction::Receive => item.receive = flow,
                    Direction::Send => item.send = flow,
                }
            }
            if item.receive.is_some() && item.is_parameterised() && !item.registered {
                table.warnings.push(
                    spec.warning_at(
                        "parameterised-receive",
                        format!(
                            "the component receives on `{}`, whose address has parameters; \
                             the handler trait leaves it out",
                            item.address
                        ),
                        &channel.origin,
                    )
                    .hint(
                        "a queue needs a concrete name: consume it with `Component::receive`, \
                         the address from `channels` and the generated decoder",
                    ),
                );
            }
            table.channels.push(item);
        }
        errors.extend(method_names(spec, &mut table.channels));
        if !errors.is_empty() {
            return Err(Error::new(errors));
        }
        Ok(table)
    }

    /// The channels that get a handler: received, not the registered
    /// channel, not parameterised.
    pub(crate) fn handled(&self) -> impl Iterator<Item = (&ChannelItem, &Flow)> {
        self.channels.iter().filter_map(|c| match &c.receive {
            Some(flow) if !c.registered && !c.is_parameterised() => Some((c, flow)),
            _ => None,
        })
    }

    /// The channels the component sends on.
    pub(crate) fn sent(&self) -> impl Iterator<Item = (&ChannelItem, &Flow)> {
        self.channels
            .iter()
            .filter_map(|c| c.send.as_ref().map(|flow| (c, flow)))
    }
}

/// What [`parameters`] found.
struct Params {
    params: Vec<Param>,
    warnings: Vec<Diagnostic>,
}

/// Splits the address of a channel at its parameters and types them.
fn parameters(
    spec: &Spec,
    id: ChannelId,
    channel_name: &str,
    types: &mut TypeSpace,
) -> Result<(Vec<Piece>, Params), Error> {
    let channel = spec.channel(id);
    let mut pieces = Vec::new();
    let mut found = Params {
        params: Vec::new(),
        warnings: Vec::new(),
    };
    let mut index_of: HashMap<String, usize> = HashMap::new();
    let mut idents = Scope::snake();
    // Publisher methods take the parameters, then `payload`.
    idents.reserve("payload");
    let mut rest = channel.address.as_str();
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| c + open) else {
            break;
        };
        if open > 0 {
            pieces.push(Piece::Text(rest[..open].to_owned()));
        }
        let name = &rest[open + 1..close];
        let index = match index_of.get(name) {
            Some(&i) => i,
            None => {
                let param = param(spec, id, channel_name, name, types, &mut idents)?;
                found.warnings.extend(param.1);
                found.params.push(param.0);
                index_of.insert(name.to_owned(), found.params.len() - 1);
                found.params.len() - 1
            }
        };
        pieces.push(Piece::Param(index));
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest.to_owned()));
    }
    Ok((pieces, found))
}

/// One parameter, typed from its schema.
fn param(
    spec: &Spec,
    id: ChannelId,
    channel_name: &str,
    name: &str,
    types: &mut TypeSpace,
    idents: &mut Scope,
) -> Result<(Param, Option<Diagnostic>), Error> {
    let channel = spec.channel(id);
    let declared = channel.parameters.iter().find(|p| p.name == name);
    let ident = idents.take(&naming::field_name(name, "param"));
    let docs = declared
        .and_then(|p| p.description.as_deref())
        .map(docs::prose)
        .unwrap_or_default();
    let schema = declared.and_then(|p| p.schema);
    let Some(schema) = schema else {
        let param = Param {
            name: name.to_owned(),
            ident,
            ty: ParamType::Str,
            docs,
        };
        return Ok((param, None));
    };
    let type_name = format!(
        "{}{}",
        naming::type_name(channel_name, "Channel", "C"),
        naming::type_name(name, "Param", "P")
    );
    let mut about = format!(
        "The {} parameter of {}.",
        docs::code(name),
        docs::code(&channel.address)
    );
    if !docs.is_empty() {
        about.push(' ');
        about.push_str(&docs.join(" "));
    }
    let ty = types.add_schema_about(spec, schema, &type_name, &about)?;
    let mut warning = None;
    let ty = if ty.is_string() {
        ParamType::Str
    } else if ty.is_copy_scalar() {
        ParamType::Value(ty)
    } else if ty.is_named_or_external() && !ty.is_option() && types.has_display(&ty) {
        ParamType::Ref(ty)
    } else {
        let origin = declared.map(|p| &p.origin).unwrap_or(&channel.origin);
        warning = Some(spec.warning_at(
            "parameter-type",
            format!(
                "the parameter `{name}` of `{}` is typed `{ty}`, which has no text form \
                     for an address; the address function takes `&str`",
                channel.address
            ),
            origin,
        ));
        ParamType::Str
    };
    let param = Param {
        name: name.to_owned(),
        ident,
        ty,
        docs,
    };
    Ok((param, warning))
}

/// The payload and docs of one direction of a channel, if the component
/// receives or sends there.
fn flow(spec: &Spec, types: &TypeSpace, item: &ChannelItem, direction: Direction) -> Option<Flow> {
    let operations: Vec<_> = spec
        .operations_on(item.id)
        .filter(|o| o.direction == direction)
        .collect();
    if operations.is_empty() {
        return None;
    }
    let messages = spec.messages_on(item.id, direction);
    let mut lines = Vec::new();
    for op in &operations {
        for text in [&op.summary, &op.description].into_iter().flatten() {
            docs::push_block(&mut lines, docs::prose(text));
        }
    }
    if let [only] = messages.as_slice() {
        let message = spec.message(*only);
        for text in [&message.title, &message.summary, &message.description]
            .into_iter()
            .flatten()
        {
            docs::push_block(&mut lines, docs::prose(text));
        }
    }
    let payload = match messages.as_slice() {
        [] => json_value(),
        [only] => message_payload(spec, types, *only),
        // The union the type model made of them.
        several => types
            .messages_type(several)
            .map_or_else(json_value, |ty| payload_type(types, &ty)),
    };
    Some(Flow {
        payload,
        docs: lines,
    })
}

/// The payload type of one message.
fn message_payload(spec: &Spec, types: &TypeSpace, id: MessageId) -> PayloadType {
    match (&spec.message(id).payload, types.message_type(id)) {
        (Payload::Schema(_) | Payload::Untyped { .. }, Some(ty)) => payload_type(types, &ty),
        _ => json_value(),
    }
}

/// A payload type from its Rust type.
fn payload_type(types: &TypeSpace, ty: &RustType) -> PayloadType {
    PayloadType {
        ty: Some(ty.clone()),
        text: ty.to_string().trim_start_matches("::").to_owned(),
        name: ty.name().map(str::to_owned),
        object: types.is_json_object(ty),
    }
}

/// Any JSON: a message without a payload schema.
fn json_value() -> PayloadType {
    PayloadType {
        ty: None,
        text: "valawai::payload::JsonValue".to_owned(),
        name: None,
        object: false,
    }
}

//! Channels: what the component receives and sends on each channel, the
//! names the generated code gives them, and `pub mod channels` with every
//! address, as a constant or, for a parameterised address, as a function of
//! typed parameters.
//!
//! [`Table::new`] reads the spec once; the handler trait, the publisher, the
//! identity and the wiring are all written from the table, so they agree on
//! names and payload types.

use std::collections::HashMap;

use proc_macro2::TokenStream;
use quote::quote;

use crate::diagnostic::{Diagnostic, Error};
use crate::model::{ChannelId, Direction, MessageId, Payload, Spec};
use crate::types::docs;
use crate::types::naming::{self, Scope};
use crate::types::render::{doc_attrs, ident};
use crate::types::{RustType, TypeSpace};

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

/// A payload type, written from the generated module.
#[derive(Clone)]
pub(crate) struct PayloadType {
    /// The type, as the module names it (`EchoPayload`).
    pub(crate) tokens: TokenStream,
    /// The type a publisher method borrows (`str` for `String`).
    pub(crate) borrowed: TokenStream,
    /// The type with the module's own types written `self::EchoPayload`,
    /// for the channel table the handler attribute reads.
    pub(crate) self_tokens: TokenStream,
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

    /// The expression for the address in the generated module, with the
    /// parameters passed as the publisher's arguments.
    pub(crate) fn address_expr(&self) -> TokenStream {
        if self.is_parameterised() {
            let name = ident(&self.name);
            let args = self.params.iter().map(|p| ident(&p.ident));
            quote!(&channels::#name(#(#args),*))
        } else {
            let constant = ident(&self.constant);
            quote!(channels::#constant)
        }
    }

    /// The parameters as function arguments (`name: &str`), with types
    /// written from `module` (`super` inside `channels`, empty outside).
    pub(crate) fn param_args(&self, module: Option<&TokenStream>) -> Vec<TokenStream> {
        self.params
            .iter()
            .map(|p| {
                let arg = ident(&p.ident);
                let ty = match &p.ty {
                    ParamType::Str => quote!(&str),
                    ParamType::Value(ty) => ty.tokens(),
                    ParamType::Ref(ty) => match module {
                        Some(module) => {
                            let ty = ty.tokens_in(module);
                            quote!(&#ty)
                        }
                        None => {
                            let ty = ty.tokens();
                            quote!(&#ty)
                        }
                    },
                };
                quote!(#arg: #ty)
            })
            .collect()
    }

    /// The doc line naming the channel: its address.
    pub(crate) fn address_code(&self) -> String {
        docs::code(&self.address)
    }
}

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

    /// `pub mod channels { ... }`.
    pub(crate) fn render(&self) -> TokenStream {
        let items = self.channels.iter().map(render_channel);
        quote! {
            /// The address of every channel of the spec: a constant, or a
            /// function of typed parameters for a parameterised address.
            pub mod channels {
                #(#items)*
            }
        }
    }
}

/// The constant or the function of one channel.
fn render_channel(item: &ChannelItem) -> TokenStream {
    let mut lines = vec![item.address_code()];
    docs::push_block(&mut lines, item.docs.clone());
    let mut uses = Vec::new();
    if item.registered {
        uses.push(
            "The MOV notifies the component here once it is registered; the runtime consumes it."
                .to_owned(),
        );
    }
    if let Some(flow) = &item.receive
        && !item.registered
    {
        uses.push(format!(
            "The component receives {} here.",
            docs::code(&flow.payload.text)
        ));
    }
    if let Some(flow) = &item.send {
        uses.push(format!(
            "The component sends {} here.",
            docs::code(&flow.payload.text)
        ));
    }
    docs::push_block(&mut lines, uses);
    if !item.is_parameterised() {
        let constant = ident(&item.constant);
        let address = &item.address;
        let docs = doc_attrs(&lines);
        return quote! {
            #docs
            pub const #constant: &str = #address;
        };
    }
    let mut params_doc = vec!["Parameters:".to_owned(), String::new()];
    for p in &item.params {
        let about = if p.docs.is_empty() {
            String::new()
        } else {
            format!(": {}", p.docs.join(" "))
        };
        params_doc.push(format!("- {}{about}", docs::code(&p.name)));
    }
    docs::push_block(&mut lines, params_doc);
    let docs = doc_attrs(&lines);
    let name = ident(&item.name);
    let args = item.param_args(Some(&quote!(super)));
    let mut format = String::new();
    for piece in &item.pieces {
        match piece {
            Piece::Text(text) => format.push_str(&text.replace('{', "{{").replace('}', "}}")),
            Piece::Param(index) => {
                format.push('{');
                format.push_str(&item.params[*index].ident);
                format.push('}');
            }
        }
    }
    quote! {
        #docs
        pub fn #name(#(#args),*) -> ::std::string::String {
            ::std::format!(#format)
        }
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
        tokens: ty.tokens(),
        borrowed: ty.borrowed_tokens(),
        self_tokens: ty.tokens_in(&quote!(self)),
        text: ty.to_string().trim_start_matches("::").to_owned(),
        name: ty.name().map(str::to_owned),
        object: types.is_json_object(ty),
    }
}

/// Any JSON: a message without a payload schema.
fn json_value() -> PayloadType {
    let tokens = quote!(::valawai::payload::JsonValue);
    PayloadType {
        borrowed: tokens.clone(),
        self_tokens: tokens.clone(),
        tokens,
        text: "valawai::payload::JsonValue".to_owned(),
        name: None,
        object: false,
    }
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

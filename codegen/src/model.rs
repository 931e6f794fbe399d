//! The normalised model of a component's AsyncAPI document.
//!
//! AsyncAPI 2.x and 3.0 documents load into the same [`Spec`]. The mess of
//! real specs is resolved here: `$ref`s point into arenas ([`SchemaId`],
//! [`MessageId`], [`ChannelId`]), publish/subscribe become a [`Direction`]
//! from the component's point of view, one-element `items` lists become
//! [`Items::Single`], single-element `oneOf`/`anyOf`/`allOf` wrappers and
//! `$ref`s become [`Schema::target`], and `nullable: true`,
//! `type: [T, "null"]` and `oneOf: [T, {type: "null"}]` become
//! [`Schema::nullable`].
//!
//! Every element keeps an [`Origin`] (its span and JSON pointer), so later
//! stages can report errors at the right line.

use std::fmt;

use indexmap::IndexMap;
use serde_json::{Number, Value as Json};

use crate::diagnostic::Diagnostic;
use crate::node::Node;
use crate::pointer::JsonPointer;
use crate::source::{SourceMap, Span};

/// Where a model element is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Origin {
    /// The span of the element's text.
    pub span: Span,
    /// The JSON pointer of the element in its file.
    pub pointer: JsonPointer,
}

/// The AsyncAPI version a document declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct SpecVersion {
    /// Major version: 2 or 3.
    pub major: u32,
    /// Minor version.
    pub minor: u32,
    /// Patch version.
    pub patch: u32,
}

impl fmt::Display for SpecVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// How AsyncAPI 2.x `publish` and `subscribe` are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Dialect {
    /// The VALAWAI reading, used by the MOV and every MOV-era component:
    /// `subscribe` means the component receives, `publish` that it sends.
    #[default]
    Valawai,
    /// The standard AsyncAPI 2.x reading: `subscribe` describes what the
    /// application sends, `publish` what it receives.
    Standard,
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Dialect::Valawai => "valawai",
            Dialect::Standard => "standard",
        })
    }
}

impl std::str::FromStr for Dialect {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "valawai" => Ok(Dialect::Valawai),
            "standard" | "asyncapi-standard" => Ok(Dialect::Standard),
            other => Err(format!(
                "unknown dialect `{other}`: expected `valawai` or `standard`"
            )),
        }
    }
}

/// A loaded, normalised AsyncAPI document.
#[derive(Debug, Clone)]
pub struct Spec {
    /// Every file read, the root document first.
    pub sources: SourceMap,
    /// The root document as parsed, before normalisation.
    pub document: Node,
    /// The declared AsyncAPI version.
    pub version: SpecVersion,
    /// The dialect used to read 2.x publish/subscribe.
    pub dialect: Dialect,
    /// The document's `id`, if any.
    pub id: Option<String>,
    /// The `info` object.
    pub info: Info,
    /// `defaultContentType`, if any.
    pub default_content_type: Option<String>,
    /// The VALAWAI identity of the component, when the spec has a
    /// `valawai/cN/<name>/control/registered` channel.
    pub identity: Option<Identity>,
    /// Servers, in document order.
    pub servers: Vec<Server>,
    /// Channels, in document order.
    pub channels: Vec<Channel>,
    /// Operations, in document order.
    pub operations: Vec<Operation>,
    /// Every message used by an operation or channel, or defined in
    /// `components/messages`.
    pub messages: Vec<Message>,
    /// Every schema reachable from the document.
    pub schemas: Vec<Schema>,
    /// The schemas of the root document's `components/schemas`, in order.
    pub named_schemas: IndexMap<String, SchemaId>,
    /// Warnings found while loading.
    pub warnings: Vec<Diagnostic>,
}

impl Spec {
    /// The schema with the given id.
    pub fn schema(&self, id: SchemaId) -> &Schema {
        &self.schemas[id.0]
    }

    /// Follows [`Schema::target`] links from `id` to the schema that carries
    /// the structure. Cycles of pure references are rejected by the loader,
    /// so this always ends.
    pub fn resolve(&self, mut id: SchemaId) -> SchemaId {
        let mut steps = 0;
        while let Some(next) = self.schemas[id.0].target {
            id = next;
            steps += 1;
            if steps > self.schemas.len() {
                break;
            }
        }
        id
    }

    /// The message with the given id.
    pub fn message(&self, id: MessageId) -> &Message {
        &self.messages[id.0]
    }

    /// The channel with the given id.
    pub fn channel(&self, id: ChannelId) -> &Channel {
        &self.channels[id.0]
    }

    /// The operations on a channel.
    pub fn operations_on(&self, channel: ChannelId) -> impl Iterator<Item = &Operation> {
        self.operations.iter().filter(move |o| o.channel == channel)
    }

    /// The messages the component receives (or sends) on a channel: those
    /// of its operations in that direction, in order, each once. A payload
    /// on that side of the channel is one of them.
    pub fn messages_on(&self, channel: ChannelId, direction: Direction) -> Vec<MessageId> {
        let mut messages = Vec::new();
        for operation in self.operations_on(channel) {
            if operation.direction != direction {
                continue;
            }
            for m in &operation.messages {
                if !messages.contains(m) {
                    messages.push(*m);
                }
            }
        }
        messages
    }

    /// The text of the root document, as read.
    pub fn text(&self) -> &str {
        self.sources
            .files()
            .next()
            .map(|(_, f)| &**f.text())
            .unwrap_or("")
    }

    /// A diagnostic pointing at a model element.
    pub fn error_at(
        &self,
        code: &'static str,
        message: impl Into<String>,
        origin: &Origin,
    ) -> Diagnostic {
        Diagnostic::error(code, message).at(
            &self.sources,
            origin.span,
            Some(origin.pointer.clone()),
        )
    }

    /// A warning pointing at a model element.
    pub fn warning_at(
        &self,
        code: &'static str,
        message: impl Into<String>,
        origin: &Origin,
    ) -> Diagnostic {
        Diagnostic::warning(code, message).at(
            &self.sources,
            origin.span,
            Some(origin.pointer.clone()),
        )
    }
}

/// The `info` object.
#[derive(Debug, Clone, PartialEq)]
pub struct Info {
    /// `title`.
    pub title: String,
    /// `version`: the version of the API described, not of the component.
    pub version: String,
    /// `description`, as written (block scalars keep their final newline).
    pub description: Option<String>,
    /// `termsOfService`.
    pub terms_of_service: Option<String>,
    /// `contact`.
    pub contact: Option<Contact>,
    /// `license`.
    pub license: Option<License>,
    /// Where `info` is written.
    pub origin: Origin,
}

/// `info.contact`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Contact {
    /// `name`.
    pub name: Option<String>,
    /// `url`.
    pub url: Option<String>,
    /// `email`.
    pub email: Option<String>,
}

/// `info.license`.
#[derive(Debug, Clone, PartialEq)]
pub struct License {
    /// `name`.
    pub name: String,
    /// `url`.
    pub url: Option<String>,
}

/// The VALAWAI component type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ComponentType {
    /// Level 0: sensors and actuators.
    C0,
    /// Level 1: reasoning components.
    C1,
    /// Level 2: value-awareness components.
    C2,
}

impl fmt::Display for ComponentType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ComponentType::C0 => "C0",
            ComponentType::C1 => "C1",
            ComponentType::C2 => "C2",
        })
    }
}

/// A component's identity, taken from its registered channel the way the
/// VALAWAI Python components take it: `valawai/c1/echo/control/registered`
/// gives the name `c1_echo` and the type `C1`.
#[derive(Debug, Clone, PartialEq)]
pub struct Identity {
    /// The name registered with the MOV, e.g. `c1_echo_example_with_python_and_pika`.
    pub name: String,
    /// The component type.
    pub component_type: ComponentType,
    /// The channel the MOV notifies on after registration.
    pub registered_channel: ChannelId,
}

/// A server.
#[derive(Debug, Clone, PartialEq)]
pub struct Server {
    /// The key under `servers`.
    pub name: String,
    /// The URL: 2.x `url`, or 3.0 `host` and `pathname` joined.
    pub url: String,
    /// The protocol, e.g. `amqp`.
    pub protocol: String,
    /// `protocolVersion`.
    pub protocol_version: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// Where the server is written.
    pub origin: Origin,
}

/// Identifies a [`Channel`] in [`Spec::channels`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ChannelId(pub usize);

/// A channel: in VALAWAI, a RabbitMQ queue named by its address.
#[derive(Debug, Clone, PartialEq)]
pub struct Channel {
    /// The key under `channels` (in 2.x, the same as the address).
    pub key: String,
    /// The address, possibly with `{parameters}`.
    pub address: String,
    /// `title`.
    pub title: Option<String>,
    /// `summary`.
    pub summary: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// The parameters used in the address, in document order.
    pub parameters: Vec<Parameter>,
    /// The messages that travel on the channel.
    pub messages: Vec<MessageId>,
    /// AMQP bindings.
    pub bindings: ChannelBindings,
    /// Where the channel is written.
    pub origin: Origin,
}

impl Channel {
    /// Whether the address has `{parameters}`.
    pub fn is_parameterised(&self) -> bool {
        !self.parameters.is_empty() || self.address.contains('{')
    }
}

/// A channel parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    /// The name used in the address.
    pub name: String,
    /// `description`.
    pub description: Option<String>,
    /// The values the parameter may take: the 2.x `schema`, or for 3.0 a
    /// string schema built from `enum`, `default` and `examples`.
    pub schema: Option<SchemaId>,
    /// Where the parameter is written.
    pub origin: Origin,
}

/// Which way messages flow, from the component's point of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// The component consumes the channel: a handler.
    Receive,
    /// The component publishes to the channel: a publisher.
    Send,
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Direction::Receive => "receive",
            Direction::Send => "send",
        })
    }
}

/// The keyword an operation is written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OperationKeyword {
    /// 2.x `publish`.
    Publish,
    /// 2.x `subscribe`.
    Subscribe,
    /// 3.0 `action: send`.
    Send,
    /// 3.0 `action: receive`.
    Receive,
}

impl fmt::Display for OperationKeyword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            OperationKeyword::Publish => "publish",
            OperationKeyword::Subscribe => "subscribe",
            OperationKeyword::Send => "send",
            OperationKeyword::Receive => "receive",
        })
    }
}

/// An operation: the component receives or sends messages on a channel.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    /// `operationId` (2.x) or the key under `operations` (3.0).
    pub id: Option<String>,
    /// The channel.
    pub channel: ChannelId,
    /// The direction from the component's point of view.
    pub direction: Direction,
    /// The keyword as written.
    pub keyword: OperationKeyword,
    /// `summary`.
    pub summary: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// The messages, in order (more than one for a 2.x `oneOf`).
    pub messages: Vec<MessageId>,
    /// AMQP bindings.
    pub bindings: OperationBindings,
    /// Where the operation is written.
    pub origin: Origin,
}

/// Identifies a [`Message`] in [`Spec::messages`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MessageId(pub usize);

/// A message.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// The best name: the key under `components/messages`, else the
    /// message's `name` or `messageId`, else derived from the channel.
    pub name: String,
    /// The key under `components/messages` when it is defined there.
    pub component_key: Option<String>,
    /// `title`.
    pub title: Option<String>,
    /// `summary`.
    pub summary: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// `contentType`, or the document's `defaultContentType`.
    pub content_type: Option<String>,
    /// The payload.
    pub payload: Payload,
    /// The `headers` schema.
    pub headers: Option<SchemaId>,
    /// AMQP bindings.
    pub bindings: MessageBindings,
    /// Where the message is written.
    pub origin: Origin,
}

/// A message payload.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    /// A schema.
    Schema(SchemaId),
    /// Any JSON: the message `$ref` did not resolve and the loader was
    /// lenient. The reference is kept for messages.
    Untyped {
        /// The `$ref` that did not resolve.
        reference: String,
    },
    /// The message has no `payload`.
    None,
}

/// Identifies a [`Schema`] in [`Spec::schemas`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SchemaId(pub usize);

/// A JSON Schema type name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JsonType {
    /// `string`.
    String,
    /// `integer`.
    Integer,
    /// `number`.
    Number,
    /// `boolean`.
    Boolean,
    /// `object`.
    Object,
    /// `array`.
    Array,
    /// `null`.
    Null,
}

impl JsonType {
    /// Parses a JSON Schema type name.
    pub fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "string" => JsonType::String,
            "integer" => JsonType::Integer,
            "number" => JsonType::Number,
            "boolean" => JsonType::Boolean,
            "object" => JsonType::Object,
            "array" => JsonType::Array,
            "null" => JsonType::Null,
            _ => return None,
        })
    }

    /// Reads a type name that older VALAWAI specs use but JSON Schema does
    /// not: `float` and `double` (`number`), `int` and `long` (`integer`),
    /// `str` (`string`), `bool` (`boolean`), and any JSON Schema type name
    /// in other letter case (`String`, `Integer`). `None` for a JSON Schema
    /// type name, or for a name that means nothing.
    pub fn parse_legacy(name: &str) -> Option<Self> {
        if JsonType::parse(name).is_some() {
            return None;
        }
        let lower = name.to_ascii_lowercase();
        JsonType::parse(&lower).or(match lower.as_str() {
            "float" | "double" => Some(JsonType::Number),
            "int" | "long" => Some(JsonType::Integer),
            "str" => Some(JsonType::String),
            "bool" => Some(JsonType::Boolean),
            _ => None,
        })
    }
}

impl fmt::Display for JsonType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            JsonType::String => "string",
            JsonType::Integer => "integer",
            JsonType::Number => "number",
            JsonType::Boolean => "boolean",
            JsonType::Object => "object",
            JsonType::Array => "array",
            JsonType::Null => "null",
        })
    }
}

/// `items` of an array schema.
#[derive(Debug, Clone, PartialEq)]
pub enum Items {
    /// Every element has this schema (`items: {..}`, or the one-element list
    /// `items: [{..}]` that VALAWAI specs use).
    Single(SchemaId),
    /// Draft-07 tuple validation: element `i` has schema `i`.
    Tuple(Vec<SchemaId>),
}

/// `additionalProperties` of an object schema.
#[derive(Debug, Clone, PartialEq)]
pub enum AdditionalProperties {
    /// `true` or `false`.
    Bool(bool),
    /// Extra properties must match this schema.
    Schema(SchemaId),
}

/// Which combinator a collapsed wrapper used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wrapper {
    /// `$ref`.
    Ref,
    /// A one-element `oneOf`.
    OneOf,
    /// A one-element `anyOf`.
    AnyOf,
    /// A one-element `allOf`.
    AllOf,
}

/// A JSON Schema (the AsyncAPI Schema Object), normalised.
///
/// When [`target`](Self::target) is set the schema *is* that other schema
/// (it was a `$ref` or a one-element combinator) and only its annotations
/// (description, examples, nullable, default) add to it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Schema {
    /// Where the schema is written.
    pub origin: Option<Origin>,
    /// The key under `components/schemas` (or `definitions`/`$defs`) when
    /// the schema is defined there.
    pub name: Option<String>,
    /// The schema this one stands for.
    pub target: Option<SchemaId>,
    /// How [`target`](Self::target) was written.
    pub wrapper: Option<Wrapper>,
    /// `title`.
    pub title: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// `type`, without `null` (which sets [`nullable`](Self::nullable)).
    /// Empty means any type.
    pub types: Vec<JsonType>,
    /// Whether `null` is allowed: `nullable: true`, `type: [T, "null"]` or a
    /// `oneOf`/`anyOf` alternative `{type: "null"}`.
    pub nullable: bool,
    /// `format`.
    pub format: Option<String>,
    /// `enum`.
    pub enum_values: Option<Vec<Json>>,
    /// `const`.
    pub const_value: Option<Json>,
    /// `default`.
    pub default: Option<Json>,
    /// `examples`, and `example` when present.
    pub examples: Vec<Json>,
    /// `pattern`.
    pub pattern: Option<String>,
    /// `minLength`.
    pub min_length: Option<u64>,
    /// `maxLength`.
    pub max_length: Option<u64>,
    /// `minimum`.
    pub minimum: Option<Number>,
    /// `maximum`.
    pub maximum: Option<Number>,
    /// `exclusiveMinimum` (draft-04 booleans are turned into this form).
    pub exclusive_minimum: Option<Number>,
    /// `exclusiveMaximum` (draft-04 booleans are turned into this form).
    pub exclusive_maximum: Option<Number>,
    /// `multipleOf`.
    pub multiple_of: Option<Number>,
    /// `items`.
    pub items: Option<Items>,
    /// `additionalItems` (a schema, or `false`).
    pub additional_items: Option<AdditionalProperties>,
    /// `minItems`.
    pub min_items: Option<u64>,
    /// `maxItems`.
    pub max_items: Option<u64>,
    /// `uniqueItems`.
    pub unique_items: bool,
    /// `properties`; `None` when the keyword is absent.
    pub properties: Option<IndexMap<String, SchemaId>>,
    /// `required`.
    pub required: Vec<String>,
    /// `additionalProperties`.
    pub additional_properties: Option<AdditionalProperties>,
    /// `minProperties`.
    pub min_properties: Option<u64>,
    /// `maxProperties`.
    pub max_properties: Option<u64>,
    /// `oneOf` with more than one alternative.
    pub one_of: Option<Vec<SchemaId>>,
    /// `anyOf` with more than one alternative.
    pub any_of: Option<Vec<SchemaId>>,
    /// `allOf` with more than one member, or one member plus other keywords.
    pub all_of: Option<Vec<SchemaId>>,
    /// `not`.
    pub not: Option<SchemaId>,
    /// `discriminator`: the property naming the variant. AsyncAPI writes it
    /// as a string; the OpenAPI object form's `propertyName` is accepted.
    pub discriminator: Option<String>,
    /// `deprecated`.
    pub deprecated: bool,
    /// `readOnly`.
    pub read_only: bool,
    /// `writeOnly`.
    pub write_only: bool,
    /// `x-*` extensions, e.g. `x-rust-type`.
    pub extensions: IndexMap<String, Json>,
}

/// AMQP 0-9-1 channel binding (`bindings.amqp` of a channel).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChannelBindings {
    /// The AMQP binding, when there is one.
    pub amqp: Option<AmqpChannelBinding>,
}

/// `bindings.amqp` of a channel.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AmqpChannelBinding {
    /// `is`: `queue` or `routingKey`.
    pub is: Option<String>,
    /// `queue`.
    pub queue: Option<AmqpQueue>,
    /// `exchange`.
    pub exchange: Option<AmqpExchange>,
    /// `bindingVersion`.
    pub binding_version: Option<String>,
}

/// `bindings.amqp.queue`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AmqpQueue {
    /// `name`.
    pub name: Option<String>,
    /// `durable`.
    pub durable: Option<bool>,
    /// `exclusive`.
    pub exclusive: Option<bool>,
    /// `autoDelete`.
    pub auto_delete: Option<bool>,
    /// `vhost`.
    pub vhost: Option<String>,
}

/// `bindings.amqp.exchange`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AmqpExchange {
    /// `name`.
    pub name: Option<String>,
    /// `type`: topic, direct, fanout, default or headers.
    pub kind: Option<String>,
    /// `durable`.
    pub durable: Option<bool>,
    /// `autoDelete`.
    pub auto_delete: Option<bool>,
    /// `vhost`.
    pub vhost: Option<String>,
}

/// Operation bindings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OperationBindings {
    /// The AMQP binding, when there is one.
    pub amqp: Option<AmqpOperationBinding>,
}

/// `bindings.amqp` of an operation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AmqpOperationBinding {
    /// `expiration` in milliseconds.
    pub expiration: Option<u64>,
    /// `userId`.
    pub user_id: Option<String>,
    /// `cc` routing keys.
    pub cc: Vec<String>,
    /// `priority`.
    pub priority: Option<u8>,
    /// `deliveryMode`: 1 transient, 2 persistent.
    pub delivery_mode: Option<u8>,
    /// `mandatory`.
    pub mandatory: Option<bool>,
    /// `bcc` routing keys.
    pub bcc: Vec<String>,
    /// `timestamp`.
    pub timestamp: Option<bool>,
    /// `ack`.
    pub ack: Option<bool>,
    /// `bindingVersion`.
    pub binding_version: Option<String>,
}

/// Message bindings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MessageBindings {
    /// The AMQP binding, when there is one.
    pub amqp: Option<AmqpMessageBinding>,
}

/// `bindings.amqp` of a message.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AmqpMessageBinding {
    /// `contentEncoding`.
    pub content_encoding: Option<String>,
    /// `messageType`.
    pub message_type: Option<String>,
    /// `bindingVersion`.
    pub binding_version: Option<String>,
}

//! Payload types: every schema of a spec becomes an idiomatic Rust type.
//!
//! [`TypeSpace::new`] converts the named schemas and every message payload
//! of a [`Spec`] into an intermediate type model, which
//! [`TypeSpace::to_tokens`] renders with `quote` and
//! [`TypeSpace::to_source`] formats with prettyplease. The mapping:
//!
//! | schema | Rust |
//! |---|---|
//! | object with `properties` | struct; members not in `required` are `Option` and skipped when `None`; unknown members ignored unless `additionalProperties: false` |
//! | `additionalProperties: <schema>` | `BTreeMap<String, T>` (a flattened map field beside properties) |
//! | `type: object` alone | `valawai::payload::JsonObject` |
//! | base with `discriminator`, children with `allOf: [base, {...}]` | one `#[serde(tag = "...")]` enum; a variant per child, named from its `const` tag, holding a struct of the child's fields |
//! | `oneOf`/`anyOf` of objects that each require a member with a `const` string | an enum dispatched on that member |
//! | other `oneOf`/`anyOf`, `type: [a, b]` | an untagged enum, most specific variant first |
//! | `allOf` | the members merged |
//! | string `enum` | an enum with serde renames, `Display`, `FromStr` |
//! | `const` | a unit struct that (de)serialises only that value |
//! | `pattern`, `minLength`, `maxLength`, `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `multipleOf`, `minItems`, `maxItems`, `uniqueItems`, non-string `enum` | a validating newtype (`TryFrom`, `Deserialize`) |
//! | `nullable: true`, `type: [T, "null"]` | `Option<T>` |
//! | `items: X`, `items: [X]` / `items: [X, Y]` | `Vec<X>` / `(X, Y)` |
//! | `string` / `integer` / `number` / `boolean` / no type | `String` / `i64` (`u64` when `minimum >= 0`, `i32` for `format: int32`) / `f64` / `bool` / `JsonValue` |
//!
//! A channel that carries several messages gets a union of their payloads
//! (`ControlInMessage`), converted as a `oneOf` of them would be.
//!
//! Tools that need the types without compiling them read the model through
//! [`view`] ([`TypeSpace::types`], [`TypeSpace::type_view`],
//! [`RustType::expr`]).
//!
//! Recursion is broken with `Box` only where a type would contain itself
//! directly. Generated code refers to the runtime by absolute path
//! (`::valawai::...`), so a component depends on `valawai` only.

mod convert;
pub(crate) mod cycles;
pub(crate) mod docs;
mod effective;
pub(crate) mod ir;
pub(crate) mod mov_patches;
pub(crate) mod mov_types;
pub(crate) mod naming;
mod objects;
mod options;
mod patch;
mod reach;
pub(crate) mod render;
mod scalars;
mod unions;
pub mod view;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;

use proc_macro2::TokenStream;
use quote::quote;

use crate::diagnostic::{Diagnostic, Error};
use crate::model::{ChannelId, Direction, MessageId, Payload, SchemaId, Spec};
use mov_types::MovMatch;

use convert::{Converter, Slot, optional};
use effective::{Effective, unwrap};
use ir::{Ty, TypeDef, TypeId};

pub use options::{FieldPatch, TypeOptions, TypePatch};

/// The Rust types of a spec's schemas and messages.
#[derive(Debug, Clone)]
pub struct TypeSpace {
    state: State,
    options: TypeOptions,
    messages: Vec<Option<Ty>>,
    headers: Vec<Option<Ty>>,
    /// The union of each list of messages that one side of a channel, or
    /// a whole channel, carries, when there are several.
    unions: Vec<(Vec<MessageId>, Ty)>,
    /// The payload of each channel: its message's, the union of its
    /// messages, or any JSON for a channel without messages.
    channels: Vec<Ty>,
    /// Whether each type made by [`TypeSpace::new`] is written out: not
    /// those only the registered channel uses (the runtime consumes it with
    /// its own MOV types). Types added later are always written.
    emitted: Vec<bool>,
}

/// The conversion state kept between calls.
#[derive(Debug, Clone, Default)]
pub(crate) struct State {
    pub(crate) types: Vec<TypeDef>,
    pub(crate) names: naming::Scope,
    pub(crate) memo: HashMap<SchemaId, Ty>,
    pub(crate) replaced: HashMap<SchemaId, Ty>,
    pub(crate) bases: Vec<(SchemaId, Vec<SchemaId>)>,
    pub(crate) child_base: HashMap<SchemaId, SchemaId>,
    pub(crate) warnings: Vec<Diagnostic>,
    pub(crate) used_keys: HashSet<String>,
}

impl TypeSpace {
    /// Converts the schemas under `components/schemas`, in document order,
    /// and the payload and headers of every message.
    ///
    /// Fails when a patch in `options` is malformed or matches nothing; the
    /// error lists every problem. Schema constructs that cannot be typed
    /// exactly (`not`, conflicting `allOf` members) are typed loosely and
    /// reported in [`warnings`](Self::warnings).
    pub fn new(spec: &Spec, options: &TypeOptions) -> Result<TypeSpace, Error> {
        let mut errors = patch::check_options(options);
        let mut cx = Converter::new(spec, options, State::default());
        cx.find_bases();
        let mov = if options.uses_mov_types()
            && !options.keeps_unknown_fields()
            && spec.identity.is_some()
        {
            mov_types::mov_matches(spec)
        } else {
            HashMap::new()
        };
        let mut named = Vec::new();
        for (key, &id) in &spec.named_schemas {
            let default = naming::type_name(key, "Schema", "T");
            if let Some(ty) = cx.replacement(&[key.as_str(), default.as_str()]) {
                cx.replaced.insert(id, ty);
            }
        }
        // What only the registered channel uses is converted (tools such as
        // `valawai validate` check the channel against it) but not emitted;
        // the MOV's types replace copies that something else uses.
        let skipped = reach::registered_only(spec, &cx.replaced, &cx.bases);
        let mut differs = HashMap::new();
        for (key, &id) in &spec.named_schemas {
            let default = naming::type_name(key, "Schema", "T");
            let patched = [key, &default]
                .iter()
                .any(|k| options.patches().contains_key(k.as_str()));
            match mov.get(&id) {
                Some(MovMatch::Same(path))
                    if !patched
                        && !skipped.schemas.contains(&id)
                        && !cx.replaced.contains_key(&id) =>
                {
                    cx.replaced.insert(id, Ty::External(path.clone()));
                }
                Some(MovMatch::Differs { rust_path, at }) => {
                    differs.insert(id, (rust_path.clone(), at.clone()));
                }
                _ => {}
            }
        }
        for (key, &id) in &spec.named_schemas {
            if cx.replaced.contains_key(&id) {
                continue;
            }
            let default = naming::type_name(key, "Schema", "T");
            let about = format!("The {} schema.", docs::code(key));
            let mut extra = Vec::new();
            if let Some((rust_path, at)) = differs.get(&id) {
                extra.push(format!(
                    "Named like the MOV's schema, but not the same (they differ at {}), \
                     so generated here rather than referring to `{}`.",
                    docs::code(&format!("#{at}")),
                    rust_path.trim_start_matches("::")
                ));
            }
            let type_docs = convert::type_docs(&Effective::of(spec, id), &about, extra);
            let tid = cx.add_type(&default, Some(id), type_docs);
            cx.memo.insert(id, Ty::Named(tid));
            named.push((id, tid));
        }
        for (id, tid) in named {
            cx.fill_named(id, tid);
        }
        let mut messages = Vec::new();
        let mut headers = Vec::new();
        for message in &spec.messages {
            let base = naming::type_name(&message.name, "Message", "M");
            let name = if base.ends_with("Payload") {
                base.clone()
            } else {
                format!("{base}Payload")
            };
            let about = format!("The payload of the {} message.", docs::code(&message.name));
            messages.push(match &message.payload {
                Payload::Schema(id) => {
                    let u = cx.use_schema(*id, &name, &about);
                    Some(optional(u.ty, u.nullable))
                }
                Payload::Untyped { .. } => Some(Ty::Json),
                Payload::None => None,
            });
            let about = format!("The headers of the {} message.", docs::code(&message.name));
            headers.push(message.headers.map(|id| {
                let u = cx.use_schema(id, &format!("{base}Headers"), &about);
                optional(u.ty, u.nullable)
            }));
        }
        let (unions, channels) = channel_unions(&mut cx, &messages);
        let (mut state, cx_errors) = cx.finish();
        errors.extend(cx_errors);
        errors.extend(patch::apply_field_patches(
            &mut state.types,
            options,
            0,
            &mut state.used_keys,
        ));
        errors.extend(patch::unused_keys(options, &state.used_keys));
        if !errors.is_empty() {
            errors.extend(state.warnings);
            return Err(Error::new(errors));
        }
        let mut roots: Vec<&Ty> = Vec::new();
        for (index, (message, header)) in messages.iter().zip(&headers).enumerate() {
            if !skipped.messages.contains(&MessageId(index)) {
                roots.extend(message.iter().chain(header));
            }
        }
        for id in spec.named_schemas.values() {
            if !skipped.schemas.contains(id) {
                roots.extend(state.memo.get(id));
            }
        }
        let registered = spec.identity.as_ref().map(|i| i.registered_channel.0);
        for (index, ty) in channels.iter().enumerate() {
            if Some(index) != registered {
                roots.push(ty);
            }
        }
        let emitted = reach::emitted(&state.types, roots);
        Ok(TypeSpace {
            state,
            options: options.clone(),
            messages,
            headers,
            unions,
            channels,
            emitted,
        })
    }

    /// The payload type of a message: `None` when the message has no
    /// payload; `JsonValue` when its reference did not resolve and the spec
    /// was loaded leniently.
    pub fn message_type(&self, id: MessageId) -> Option<RustType> {
        let ty = self.messages.get(id.0)?.clone()?;
        Some(self.rust_type(ty))
    }

    /// The payload type of a channel: its message's, or, when it carries
    /// several, the union of their payloads (`ControlInMessage`), which is
    /// what the component's decoder reads when it receives them all there;
    /// any JSON for a channel without messages. `None` for a channel that
    /// is not in the spec.
    pub fn channel_type(&self, id: ChannelId) -> Option<RustType> {
        let ty = self.channels.get(id.0)?.clone();
        Some(self.rust_type(ty))
    }

    /// Every generated type, in the order the model made them (the order of
    /// their [`TypeId`]s), as a read-only view.
    pub fn types(&self) -> impl ExactSizeIterator<Item = view::TypeView<'_>> {
        self.state
            .types
            .iter()
            .enumerate()
            .map(|(i, def)| view::TypeView::new(TypeId(i), def))
    }

    /// The generated type `id`, as a read-only view; `None` for an id of
    /// another type space.
    pub fn type_view(&self, id: view::TypeId) -> Option<view::TypeView<'_>> {
        let def = self.state.types.get(id.0)?;
        Some(view::TypeView::new(id, def))
    }

    /// The generated type named `name`, as a read-only view.
    pub fn type_named(&self, name: &str) -> Option<view::TypeView<'_>> {
        self.types().find(|t| t.name() == name)
    }

    /// The payload type of a side of a channel that carries the messages
    /// `messages` (two or more): the union [`TypeSpace::new`] made of them.
    pub(crate) fn messages_type(&self, messages: &[MessageId]) -> Option<RustType> {
        let (_, ty) = self.unions.iter().find(|(l, _)| l.as_slice() == messages)?;
        Some(self.rust_type(ty.clone()))
    }

    /// The type of a message's headers, if it has a `headers` schema.
    pub fn headers_type(&self, id: MessageId) -> Option<RustType> {
        let ty = self.headers.get(id.0)?.clone()?;
        Some(self.rust_type(ty))
    }

    /// The type of a schema that has been converted: named schemas, message
    /// payloads and headers, everything inside them, and schemas added
    /// with [`add_schema`](Self::add_schema).
    pub fn schema_type(&self, spec: &Spec, id: SchemaId) -> Option<RustType> {
        if id.0 >= spec.schemas.len() {
            return None;
        }
        let (wrapping, target) = unwrap(spec, id);
        let ty = self
            .state
            .replaced
            .get(&id)
            .or_else(|| self.state.memo.get(&id))
            .or_else(|| self.state.replaced.get(&target))
            .or_else(|| self.state.memo.get(&target))?
            .clone();
        Some(self.rust_type(optional(ty, wrapping.nullable)))
    }

    /// Converts another schema of `spec` (a channel parameter, say); a new
    /// type it needs is named `name` (upper camel case, made unique).
    pub fn add_schema(&mut self, spec: &Spec, id: SchemaId, name: &str) -> Result<RustType, Error> {
        self.add_schema_about(spec, id, name, "A schema of the spec.")
    }

    /// [`add_schema`](Self::add_schema), with the doc line a new type gets
    /// when the schema has no description.
    pub(crate) fn add_schema_about(
        &mut self,
        spec: &Spec,
        id: SchemaId,
        name: &str,
        about: &str,
    ) -> Result<RustType, Error> {
        if id.0 >= spec.schemas.len() {
            return Err(Error::new(vec![Diagnostic::error(
                "unknown-schema",
                format!("schema {} is not in this spec", id.0),
            )]));
        }
        let before = self.state.types.len();
        let options = self.options.clone();
        let name = naming::type_name(name, "Type", "T");
        let mut cx = Converter::new(spec, &options, std::mem::take(&mut self.state));
        let u = cx.use_schema(id, &name, about);
        let (mut state, mut errors) = cx.finish();
        errors.extend(patch::apply_field_patches(
            &mut state.types,
            &options,
            before,
            &mut state.used_keys,
        ));
        self.state = state;
        if errors.is_empty() {
            Ok(self.rust_type(optional(u.ty, u.nullable)))
        } else {
            Err(Error::new(errors))
        }
    }

    /// Every generated type of the model, for the crate's own use (the
    /// runtime's MOV types, as `mov_types` compares a component with).
    pub(crate) fn type_defs(&self) -> &[TypeDef] {
        &self.state.types
    }

    /// Which of [`type_defs`](Self::type_defs) derive `Eq`, in the same order.
    pub(crate) fn derives_eq(&self) -> Vec<bool> {
        cycles::eq_types(&self.state.types)
    }

    /// Whether the type at index `i` is written out.
    fn is_emitted(&self, i: usize) -> bool {
        self.options.types_module().is_none() && self.emitted.get(i).copied().unwrap_or(true)
    }

    /// The names of the generated types, sorted.
    pub fn type_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.state.types.iter().map(|t| t.name.as_str()).collect();
        names.sort_unstable();
        names
    }

    /// What could not be typed exactly, with where it is written.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.state.warnings
    }

    /// Every generated type, as tokens, sorted by name.
    pub fn to_tokens(&self) -> TokenStream {
        render::render(&self.state.types, &|i| self.is_emitted(i))
    }

    /// The generated types one by one, sorted by name: `each` gets the
    /// items of one type (the type and its `impl`s) at a time.
    pub(crate) fn for_each_type(&self, each: &mut dyn FnMut(TokenStream)) {
        render::render_each(&self.state.types, &|i| self.is_emitted(i), each);
    }

    /// Every generated type, formatted.
    pub fn to_source(&self) -> Result<String, Error> {
        let tokens = self.to_tokens();
        match syn::parse2::<syn::File>(tokens) {
            Ok(file) => Ok(space_items(&prettyplease::unparse(&file))),
            Err(e) => Err(Error::new(vec![
                Diagnostic::error(
                    "internal",
                    format!("the generated types do not parse as Rust: {e}"),
                )
                .hint("this is a bug in valawai-codegen; please report it with the spec"),
            ])),
        }
    }

    /// Whether values of `ty` are always JSON objects (structs, tagged
    /// enums, maps, untagged enums of them), so a decoder may refuse
    /// anything else up front. serde would otherwise read an array as a
    /// struct (`["x"]` as `{"content": "x"}`).
    pub fn is_json_object(&self, ty: &RustType) -> bool {
        self.always_object(&ty.ty, 0)
    }

    /// [`is_json_object`](Self::is_json_object) of a type of the model,
    /// `depth` types deep (a cycle of aliases and unions is no object).
    pub(crate) fn always_object(&self, ty: &Ty, depth: usize) -> bool {
        if depth > self.state.types.len() {
            return false;
        }
        match ty {
            Ty::JsonObject | Ty::Map(_) => true,
            Ty::External(path) => mov_types::extern_is_object(path),
            Ty::Box(inner) => self.always_object(inner, depth + 1),
            Ty::Named(TypeId(id)) => match &self.state.types[*id].kind {
                ir::Kind::Struct(_) | ir::Kind::Tagged(_) => true,
                ir::Kind::Alias(inner) => self.always_object(inner, depth + 1),
                ir::Kind::Untagged(u) => u
                    .variants
                    .iter()
                    .all(|v| self.always_object(&v.ty, depth + 1)),
                _ => false,
            },
            _ => false,
        }
    }

    /// Whether `ty` implements `Display` with the value's text: scalars,
    /// string enums, newtypes of scalars, and replacements (whose `Display`
    /// the compiler checks).
    pub(crate) fn has_display(&self, ty: &RustType) -> bool {
        let mut ty = &ty.ty;
        for _ in 0..=self.state.types.len() {
            match ty {
                Ty::Prim(_) | Ty::External(_) => return true,
                Ty::Named(TypeId(id)) => match &self.state.types[*id].kind {
                    ir::Kind::StringEnum(_) => return true,
                    ir::Kind::Newtype(n) => return matches!(n.inner, Ty::Prim(_)),
                    ir::Kind::Alias(inner) => ty = inner,
                    _ => return false,
                },
                _ => return false,
            }
        }
        false
    }

    fn rust_type(&self, ty: Ty) -> RustType {
        RustType {
            ty,
            names: self.state.types.iter().map(|t| t.name.clone()).collect(),
            module: self.options.types_module().map(Arc::from),
        }
    }
}

/// A Rust type for a schema: a generated type, or a standard type around
/// generated ones (`Option<ComponentPayload>`, `Vec<String>`).
#[derive(Debug, Clone)]
pub struct RustType {
    ty: Ty,
    names: Arc<[String]>,
    /// The module the generated types are taken from
    /// ([`TypeOptions::types_from`]), when it is not the generated one.
    module: Option<Arc<str>>,
}

impl RustType {
    /// The type's tokens, naming generated types as they are declared (for
    /// code in the same module as the types).
    pub fn tokens(&self) -> TokenStream {
        self.tokens_through(None)
    }

    /// The type's tokens, naming generated types through `module`, e.g.
    /// `types` gives `Option<types::ComponentPayload>`.
    pub fn tokens_in(&self, module: &TokenStream) -> TokenStream {
        self.tokens_through(Some(module))
    }

    /// The type's tokens, naming generated types through the module they
    /// are taken from ([`TypeOptions::types_from`]), else through `module`,
    /// else as declared.
    fn tokens_through(&self, module: Option<&TokenStream>) -> TokenStream {
        let external = self
            .module
            .as_deref()
            .and_then(|m| m.parse::<TokenStream>().ok());
        let module = external.as_ref().or(module);
        render::ty_tokens(&self.ty, &|id| {
            let name = render::ident(&self.names[id]);
            match module {
                Some(module) => quote!(#module::#name),
                None => quote!(#name),
            }
        })
    }

    /// The name of the generated type, when the type is one (not an
    /// `Option` or `Vec` around it, nor a standard or replaced type).
    pub fn name(&self) -> Option<&str> {
        match &self.ty {
            Ty::Named(TypeId(id)) => Some(&self.names[*id]),
            _ => None,
        }
    }

    /// The type as an expression of the type model's read-only
    /// [`view`].
    pub fn expr(&self) -> view::TypeExpr<'_> {
        view::TypeExpr::new(&self.ty)
    }

    /// Whether the type is an `Option` (the schema allows `null`).
    pub fn is_option(&self) -> bool {
        matches!(self.ty, Ty::Option(_))
    }

    /// The type a function borrows in place of `&Self`: `str` for
    /// `String`, `[T]` for `Vec<T>`, else the type itself (clippy's
    /// `ptr_arg` asks for the same).
    pub(crate) fn borrowed_tokens(&self) -> TokenStream {
        match &self.ty {
            Ty::Prim(ir::Prim::String) => quote!(str),
            Ty::Vec(item) => {
                let item = RustType {
                    ty: (**item).clone(),
                    names: self.names.clone(),
                    module: self.module.clone(),
                }
                .tokens();
                quote!([#item])
            }
            _ => self.tokens(),
        }
    }

    /// Whether the type is `String`.
    pub(crate) fn is_string(&self) -> bool {
        matches!(self.ty, Ty::Prim(ir::Prim::String))
    }

    /// Whether the type is a `Copy` scalar (`bool`, an integer, `f64`).
    pub(crate) fn is_copy_scalar(&self) -> bool {
        matches!(self.ty, Ty::Prim(p) if p != ir::Prim::String)
    }

    /// Whether the type is a generated type or a replacement (a type the
    /// generator cannot see into), as opposed to a standard type.
    pub(crate) fn is_named_or_external(&self) -> bool {
        matches!(self.ty, Ty::Named(_) | Ty::External(_))
    }
}

impl fmt::Display for RustType {
    /// The type as Rust source, e.g. `Option<ComponentPayload>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tokens = self.tokens();
        match syn::parse2::<syn::Type>(tokens.clone()) {
            Ok(ty) => {
                let file: syn::File = syn::parse_quote!(type T = #ty;);
                let text = prettyplease::unparse(&file);
                let text = text
                    .trim()
                    .trim_start_matches("type T = ")
                    .trim_end_matches(';');
                f.write_str(text)
            }
            Err(_) => write!(f, "{tokens}"),
        }
    }
}

impl Converter<'_> {
    /// Fills the pre-named type of a named schema.
    fn fill_named(&mut self, id: SchemaId, tid: TypeId) {
        if self.child_base.contains_key(&id) {
            self.fill_child(id, tid);
            return;
        }
        let schema = self.spec.schema(id);
        if schema.target.is_some() {
            let (_, target) = unwrap(self.spec, id);
            let named = self.spec.schema(target).name.is_some() || self.memo.contains_key(&target);
            if named || self.replaced.contains_key(&target) {
                let name = self.types[tid.0].name.clone();
                let about = format!("The target of [`{name}`].");
                let u = self.use_schema(id_after(self.spec, id), &name, &about);
                self.anonymous(u.ty, &Slot::Existing(tid));
                return;
            }
            self.memo.insert(target, Ty::Named(tid));
            let eff = Effective::of(self.spec, target);
            self.convert(&eff, Slot::Existing(tid));
            return;
        }
        let eff = Effective::of(self.spec, id);
        self.convert(&eff, Slot::Existing(tid));
    }
}

/// The unions of the channels that carry several messages, and the payload
/// of each whole channel. Each side of a channel (what the component
/// receives there, what it sends) gets the union of its messages, named
/// after the channel (`ControlInMessage`); a list of messages met again
/// reuses its union. A channel's whole list comes last, so that it is
/// the union of a side whenever the two are the same.
fn channel_unions(
    cx: &mut Converter<'_>,
    messages: &[Option<Ty>],
) -> (Vec<(Vec<MessageId>, Ty)>, Vec<Ty>) {
    let spec = cx.spec;
    let idents = crate::channel_idents(spec);
    let mut unions: Vec<(Vec<MessageId>, Ty)> = Vec::new();
    let mut channels = Vec::new();
    for (index, channel) in spec.channels.iter().enumerate() {
        let id = ChannelId(index);
        let name = format!(
            "{}Message",
            naming::type_name(&idents[index].name, "Channel", "C")
        );
        let lists = [
            spec.messages_on(id, Direction::Receive),
            spec.messages_on(id, Direction::Send),
            channel.messages.clone(),
        ];
        let mut whole = Ty::Json;
        for list in lists {
            whole = match list.as_slice() {
                [] => Ty::Json,
                [only] => messages[only.0].clone().unwrap_or(Ty::Json),
                several => match unions.iter().find(|(l, _)| l.as_slice() == several) {
                    Some((_, ty)) => ty.clone(),
                    None => {
                        let alternatives = several
                            .iter()
                            .map(|m| {
                                let message = spec.message(*m);
                                unions::MessageAlternative {
                                    name: message.name.clone(),
                                    schema: match message.payload {
                                        Payload::Schema(schema) => Some(schema),
                                        _ => None,
                                    },
                                    ty: messages[m.0].clone().unwrap_or(Ty::Json),
                                }
                            })
                            .collect();
                        let ty = cx.message_union(&name, &channel.address, alternatives);
                        unions.push((list.clone(), ty.clone()));
                        ty
                    }
                },
            };
        }
        channels.push(whole);
    }
    (unions, channels)
}

/// The schema a wrapper points to.
fn id_after(spec: &Spec, id: SchemaId) -> SchemaId {
    spec.schema(id).target.unwrap_or(id)
}

/// Puts a blank line after each item and each member of an `impl` block,
/// as hand-written code has. prettyplease writes none, and the generated
/// code has no multi-line literals, so a line that closes an item is one
/// that ends with `}` or `;` at the item's indentation.
pub(crate) fn space_items(source: &str) -> String {
    let lines: Vec<&str> = source.lines().collect();
    let mut out = String::with_capacity(source.len() + source.len() / 16);
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        out.push('\n');
        let indent = line.len() - line.trim_start().len();
        let code = !line.trim_start().starts_with("//");
        let closes =
            code && (indent == 0 || indent == 4) && (line.ends_with('}') || line.ends_with(';'));
        if let Some(next) = lines.get(i + 1) {
            let next_indent = next.len() - next.trim_start().len();
            if closes && next_indent == indent && !next.trim_start().starts_with('}') {
                out.push('\n');
            }
        }
    }
    out
}

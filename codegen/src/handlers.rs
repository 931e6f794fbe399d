//! The receiving side: a decoder per payload type, `type Context`, the
//! `Handlers` trait with one method per channel the component receives on,
//! `wire_handlers` and `component`, which connect an implementation to the
//! runtime, and the channel table that `#[valawai::handlers]` checks an
//! implementation against.
//!
//! Every receive channel is wired by `wire_handlers`, so an implementation
//! that misses one does not compile.

use std::collections::HashMap;

use proc_macro2::TokenStream;
use quote::quote;

use crate::channels::{ChannelItem, Flow, Table};
use crate::diagnostic::{Diagnostic, Error};
use crate::types::docs;
use crate::types::naming::{self, Scope};
use crate::types::render::{doc_attrs, ident};

/// The decoder function of each received payload type, by type text.
pub(crate) struct Decoders {
    names: HashMap<String, String>,
    items: Vec<TokenStream>,
}

impl Decoders {
    /// One decoder per payload type the component receives (on the
    /// registered channel excepted), named after the type
    /// (`decode_echo_payload`) or, for a type without a name of its own,
    /// after the first channel (`decode_received_message`).
    pub(crate) fn new(table: &Table) -> Decoders {
        let mut scope = Scope::snake();
        let mut decoders = Decoders {
            names: HashMap::new(),
            items: Vec::new(),
        };
        let received = table
            .channels
            .iter()
            .filter(|c| !c.registered)
            .filter_map(|c| c.receive.as_ref().map(|flow| (c, flow)));
        for (channel, flow) in received {
            let payload = &flow.payload;
            if decoders.names.contains_key(&payload.text) {
                continue;
            }
            let base = match &payload.name {
                Some(name) => naming::snake_words(name),
                None => channel.name.trim_end_matches('_').to_owned(),
            };
            let name = scope.take(&format!("decode_{base}"));
            let function = ident(&name);
            let ty = payload.tokens();
            let (decode, what) = if payload.object {
                (
                    quote!(::valawai::__private::decode_json_object(body)),
                    "a JSON object",
                )
            } else {
                (quote!(::valawai::__private::decode_json(body)), "JSON")
            };
            let doc = doc_attrs(&[
                format!("Decodes a message body into {}.", docs::code(&payload.text)),
                String::new(),
                format!("The body must be {what} in UTF-8 that fits the schema, constraints"),
                "included; the error says what is wrong and where.".to_owned(),
            ]);
            decoders.items.push(quote! {
                #doc
                pub fn #function(body: &[u8]) -> ::std::result::Result<#ty, ::valawai::BoxError> {
                    #decode
                }
            });
            decoders.names.insert(payload.text.clone(), name);
        }
        decoders
    }

    /// The decoder functions, one item each.
    pub(crate) fn items(&self) -> &[TokenStream] {
        &self.items
    }

    fn name(&self, flow: &Flow) -> proc_macro2::Ident {
        ident(&self.names[&flow.payload.text])
    }
}

/// `type Context` and `trait Handlers`.
pub(crate) fn render_trait(table: &Table) -> TokenStream {
    let methods = table.handled().map(|(channel, flow)| {
        let name = ident(&channel.handler);
        let payload = flow.payload.tokens();
        let doc = doc_attrs(&handler_docs(channel, flow));
        quote! {
            #doc
            fn #name(
                &self,
                payload: #payload,
                ctx: Context,
            ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;
        }
    });
    quote! {
        /// What a handler gets besides the payload: the typed [`Publisher`],
        /// the MOV logger and the message's metadata.
        pub type Context = ::valawai::Context<Publisher>;

        /// The component's handlers: one method for each channel it receives
        /// on (the registered channel excepted: the runtime consumes it).
        ///
        /// A handler's result decides what happens to the message: `Ok` acks
        /// it, `HandlerError::Retry` (what `?` makes of most errors) tries it
        /// again by the channel's retry policy, `HandlerError::Reject` (what
        /// `?` makes of an error that can never pass: a payload that does not
        /// decode or fit its schema, an output that cannot be serialised)
        /// rejects it at once. Implement the trait with `#[valawai::handlers]`,
        /// or by hand, and pass the implementation to `component`.
        pub trait Handlers: Send + Sync + 'static {
            #(#methods)*
        }
    }
}

/// The doc lines of a handler method.
fn handler_docs(channel: &ChannelItem, flow: &Flow) -> Vec<String> {
    let mut lines = vec![format!(
        "Handles a message received on {}.",
        channel.address_code()
    )];
    docs::push_block(&mut lines, flow.docs.clone());
    if flow.docs.is_empty() {
        docs::push_block(&mut lines, channel.docs.clone());
    }
    lines
}

/// `wire_handlers` and, when the spec names the component, `component`.
pub(crate) fn render_wiring(table: &Table, decoders: &Decoders, identity: bool) -> TokenStream {
    let handled: Vec<_> = table.handled().collect();
    let wiring = if handled.is_empty() {
        quote! {
            pub fn wire_handlers<H: Handlers>(
                component: ::valawai::Component,
                _handlers: H,
            ) -> ::valawai::Component {
                component
            }
        }
    } else {
        let receives = handled.iter().map(|(channel, flow)| {
            let name = ident(&channel.handler);
            let constant = ident(&channel.constant);
            let decode = decoders.name(flow);
            let payload = flow.payload.tokens();
            quote! {
                .receive(
                    receive::#constant.address(),
                    ::valawai::ChannelSettings::default(),
                    ::valawai::__private::dispatcher(#decode, {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        move |payload: #payload, ctx: Context| {
                            let handlers = ::std::sync::Arc::clone(&handlers);
                            async move { Handlers::#name(&*handlers, payload, ctx).await }
                        }
                    }),
                )
            }
        });
        quote! {
            pub fn wire_handlers<H: Handlers>(
                component: ::valawai::Component,
                handlers: H,
            ) -> ::valawai::Component {
                let handlers = ::std::sync::Arc::new(handlers);
                component #(#receives)*
            }
        }
    };
    let receive = (!handled.is_empty()).then(|| {
        let constants = handled.iter().map(|(channel, _)| {
            let constant = ident(&channel.constant);
            let doc = doc_attrs(&[channel.address_code()]);
            quote! {
                #doc
                pub const #constant: ::valawai::ReceiveChannel =
                    ::valawai::__private::receive_channel(super::channels::#constant);
            }
        });
        quote! {
            /// The channels the component receives on, to change their
            /// settings: `component(handlers).settings(receive::..., settings)`.
            /// A channel it does not receive on is a compile error.
            pub mod receive {
                #(#constants)*
            }
        }
    });
    let component = identity.then(|| {
        quote! {
            /// The component: its identity, [`COMPONENT`], and a receive
            /// channel for each of `handlers`' methods. Start it with
            /// `run(config)`; change a channel's settings before with
            /// `settings(receive::..., ...)`.
            pub fn component<H: Handlers>(handlers: H) -> ::valawai::Component {
                wire_handlers(::valawai::Component::new(COMPONENT), handlers)
            }
        }
    });
    let mut wire_doc = vec![
        "Adds a receive channel for each of `handlers`' methods to `component`: the".to_owned(),
        "runtime decodes each body with the channel's decoder (a body that does not fit".to_owned(),
        "is logged and rejected) and calls the method with the payload.".to_owned(),
        String::new(),
    ];
    if identity {
        wire_doc.push("[`component`] does this for the component the spec describes.".to_owned());
    } else {
        wire_doc.extend([
            "The spec has no `valawai/cN/<name>/control/registered` channel, so it names no"
                .to_owned(),
            "component and there is no `component` function: build the `valawai::Component`"
                .to_owned(),
            "with the identity it needs and pass it here.".to_owned(),
        ]);
    }
    let wire_doc = doc_attrs(&wire_doc);
    quote! {
        #receive

        #wire_doc
        #wiring

        #component
    }
}

/// The channel table for `#[valawai::handlers]`, as formatted source
/// (written by hand: prettyplease would put the table on as few lines as it
/// can) and as the tokens of that same text, for a macro to expand to.
#[derive(Debug, Clone)]
pub(crate) struct TableMacro {
    /// The macro and its `use`, parsed from [`Self::text`].
    pub(crate) tokens: TokenStream,
    /// The macro and its `use`, with a comment.
    pub(crate) text: String,
}

/// The channel table for `#[valawai::handlers]`: a hidden `macro_rules!`
/// that hands the table, with the tokens it is called with, to the
/// `valawai::__handlers!` procedural macro. It lives in the generated
/// module, so the attribute finds the table through the module path
/// (`#[valawai::handlers(echo)]`), whichever way the code was generated.
///
/// The table is written once, as text; the tokens are that text parsed.
pub(crate) fn render_table(table: &Table) -> Result<TableMacro, Error> {
    let mut lines = Vec::new();
    for channel in &table.channels {
        let literal = proc_macro2::Literal::string(&channel.address).to_string();
        if channel.registered {
            lines.push(format!("registered {literal};"));
            continue;
        }
        if let Some(flow) = &channel.receive
            && !channel.is_parameterised()
        {
            let name = ident(&channel.handler);
            let constant = ident(&channel.constant);
            let payload = type_text(&flow.payload.self_tokens());
            lines.push(format!("receive {literal}"));
            lines.push(format!("    {name} {constant} ({payload});"));
        }
        if channel.send.is_some() {
            let name = ident(&channel.publisher);
            lines.push(format!("send {literal}"));
            lines.push(format!("    {name};"));
        }
    }
    let mut text = String::from(
        "// The channel table `#[valawai::handlers(..)]` checks an implementation against:\n\
         // `receive <address> <Handlers method> <constant> (<payload>)`, `send <address>\n\
         // <Publisher method>`, `registered <address>`.\n\
         #[doc(hidden)]\n\
         #[allow(unused_macros)]\n\
         macro_rules! __valawai_handlers {\n    \
             ($($input:tt)*) => {\n        \
                 ::valawai::__handlers! {\n            {\n",
    );
    for line in lines {
        text.push_str("                ");
        text.push_str(&line);
        text.push('\n');
    }
    text.push_str(
        "            }\n            \
                     $($input)*\n        \
                 }\n    \
             };\n\
         }\n\n\
         #[doc(hidden)]\n\
         #[allow(unused_imports)]\n\
         pub(crate) use __valawai_handlers;\n",
    );
    let tokens = text.parse::<TokenStream>().map_err(|e| {
        Error::new(vec![
            Diagnostic::error(
                "internal",
                format!("the generated channel table does not parse as Rust: {e}"),
            )
            .hint("this is a bug in valawai-codegen; please report it with the spec"),
        ])
    })?;
    Ok(TableMacro { tokens, text })
}

/// A type as prettyplease writes it.
fn type_text(tokens: &TokenStream) -> String {
    match syn::parse2::<syn::Type>(tokens.clone()) {
        Ok(ty) => {
            let file: syn::File = syn::parse_quote!(type T = #ty;);
            prettyplease::unparse(&file)
                .trim()
                .trim_start_matches("type T = ")
                .trim_end_matches(';')
                .to_owned()
        }
        Err(_) => tokens.to_string(),
    }
}

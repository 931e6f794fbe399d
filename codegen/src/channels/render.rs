//! The channels as tokens: `pub mod channels` with every address, the
//! address expression and parameters a publisher method writes, and the
//! tokens of a payload type.

use proc_macro2::TokenStream;
use quote::quote;

use crate::types::docs;
use crate::types::render::{doc_attrs, ident};

use super::{ChannelItem, ParamType, PayloadType, Piece, Table};

impl PayloadType {
    /// The type, as the module names it (`EchoPayload`).
    pub(crate) fn tokens(&self) -> TokenStream {
        match &self.ty {
            Some(ty) => ty.tokens(),
            None => quote!(::valawai::payload::JsonValue),
        }
    }

    /// The type a publisher method borrows (`str` for `String`).
    pub(crate) fn borrowed(&self) -> TokenStream {
        match &self.ty {
            Some(ty) => ty.borrowed_tokens(),
            None => self.tokens(),
        }
    }

    /// The type with the module's own types written `self::EchoPayload`,
    /// for the channel table the handler attribute reads.
    pub(crate) fn self_tokens(&self) -> TokenStream {
        match &self.ty {
            Some(ty) => ty.tokens_in(&quote!(self)),
            None => self.tokens(),
        }
    }
}

impl ChannelItem {
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
}

impl Table {
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

//! The component's identity: `COMPONENT`, with the name and type from the
//! registered channel, the package version, checked at build time, and the
//! spec text the MOV registers.

use proc_macro2::TokenStream;
use quote::quote;

use crate::channels::Table;
use crate::model::{ComponentType, Identity, Spec};
use crate::types::docs;
use crate::types::render::{doc_attrs, ident};

/// How the generated code gets the spec's text, which the register message
/// carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpecText {
    /// `include_str!("<path>")`, with the path as given: absolute, or
    /// relative to the file the generated code is in. rustc reads the file,
    /// so the build depends on it.
    Include(String),
    /// The text as a string literal, for code that must stand alone.
    Inline,
}

/// `COMPONENT` and the version check, for a spec that names its component.
pub(crate) fn render(
    spec: &Spec,
    identity: &Identity,
    table: &Table,
    text: &SpecText,
) -> TokenStream {
    let name = &identity.name;
    let component_type = ident(match identity.component_type {
        ComponentType::C0 => "C0",
        ComponentType::C1 => "C1",
        ComponentType::C2 => "C2",
    });
    let registered = table
        .channels
        .iter()
        .find(|c| c.id == identity.registered_channel)
        .map(|c| ident(&c.constant));
    let registered = match registered {
        Some(constant) => quote!(channels::#constant),
        None => {
            let address = &spec.channel(identity.registered_channel).address;
            quote!(#address)
        }
    };
    let text = match text {
        SpecText::Include(path) => quote!(::std::include_str!(#path)),
        SpecText::Inline => {
            let text = spec.text();
            quote!(#text)
        }
    };
    let mut lines = vec![format!(
        "The component as the MOV registers it: {}, a {} component.",
        docs::code(name),
        identity.component_type
    )];
    let mut about = vec![format!(
        "{} {}",
        docs::clean(&spec.info.title),
        docs::code(&spec.info.version)
    )];
    if let Some(description) = &spec.info.description {
        about.push(String::new());
        about.extend(docs::prose(description));
    }
    docs::push_block(&mut lines, about);
    docs::push_block(
        &mut lines,
        [
            "The name and type come from the registered channel, the version from the package",
            "(`CARGO_PKG_VERSION`, checked at build time: the MOV accepts only",
            "`major.minor.patch`), and the register message carries this AsyncAPI document.",
        ]
        .map(str::to_owned)
        .to_vec(),
    );
    let doc = doc_attrs(&lines);
    let message = "` cannot be registered: the MOV accepts only a version of the form \
                   major.minor.patch in digits (^\\d+\\.\\d+\\.\\d+$), without a pre-release \
                   or build suffix, and drops any other registration without a word; \
                   change `version` in Cargo.toml";
    quote! {
        #doc
        pub const COMPONENT: ::valawai::ComponentInfo = ::valawai::ComponentInfo::new(
            #name,
            ::valawai::mov::protocol::ComponentType::#component_type,
            ::std::env!("CARGO_PKG_VERSION"),
            #text,
            #registered,
        );

        const _: () = ::valawai::__private::check_version(
            ::std::env!("CARGO_PKG_VERSION"),
            ::std::concat!(
                "the package version `",
                ::std::env!("CARGO_PKG_VERSION"),
                #message
            ),
        );
    }
}

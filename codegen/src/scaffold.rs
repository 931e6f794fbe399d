//! Handler stubs for a new component (`valawai new`): the `impl` block a
//! component's `main.rs` starts from, with one `#[receive]` method for each
//! channel the generated `Handlers` trait asks for.

use quote::{format_ident, quote};

use crate::channels::Table;
use crate::diagnostic::Error;
use crate::generate::format_into;
use crate::model::Spec;
use crate::types::render::{doc_attrs, ident};
use crate::types::{TypeOptions, TypeSpace};

/// Formatted Rust source of `struct <ty>;` and its
/// `#[valawai::handlers(<module>)]` implementation: one stub per channel the
/// component receives on (the registered channel and parameterised
/// channels excepted, as in the `Handlers` trait), each logging the payload
/// to the MOV and returning `Ok(())`. Payload types are written as
/// `<module>::Type`.
///
/// Fails when the spec's types cannot be generated.
pub fn handler_stubs(spec: &Spec, module: &str, ty: &str) -> Result<String, Error> {
    let mut types = TypeSpace::new(spec, &TypeOptions::default())?;
    let table = Table::new(spec, &mut types)?;
    let module_ident = ident(module);
    let ty_ident = format_ident!("{}", ty);
    let methods = table.handled().map(|(channel, flow)| {
        let name = ident(&channel.name);
        let address = &channel.address;
        let payload = match &flow.payload.name {
            Some(name) => {
                let name = ident(name);
                quote!(#module_ident::#name)
            }
            None => flow.payload.tokens.clone(),
        };
        let doc = doc_attrs(&[
            format!("Handles a message received on `{address}`."),
            String::new(),
            "TODO: do the component's work here.".to_owned(),
        ]);
        let log = format!("Received a message on {}", channel.name);
        quote! {
            #doc
            #[receive(#address)]
            async fn #name(&self, payload: #payload, ctx: Context) -> HandlerResult {
                ctx.mov().info(#log).payload(&payload).await;
                Ok(())
            }
        }
    });
    let tokens = quote! {
        /// The component's state, shared by its handlers.
        struct #ty_ident;

        #[valawai::handlers(#module_ident)]
        impl #ty_ident {
            #(#methods)*
        }
    };
    let mut out = String::new();
    format_into(tokens, &mut out)?;
    Ok(out)
}

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
        let name = ident(&channel.handler);
        let address = &channel.address;
        let payload = match &flow.payload.name {
            Some(name) => {
                let name = ident(name);
                quote!(#module_ident::#name)
            }
            None => flow.payload.tokens(),
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

/// Formatted Rust source of one `#[tokio::test]` per handler stub of
/// [`handler_stubs`], for the new component's `mod tests` (which has
/// `use super::*;`): each serves the component in memory with
/// `valawai::testing::Harness` (no broker) and checks that a body that is
/// not the channel's payload is refused with an ERROR log to the MOV and
/// dead-lettered, which shows that the channel is wired to its decoder. A
/// comment says how to test the handler with a valid payload.
///
/// Fails when the spec's types cannot be generated.
pub fn handler_tests(spec: &Spec, module: &str, ty: &str) -> Result<String, Error> {
    let mut types = TypeSpace::new(spec, &TypeOptions::default())?;
    let table = Table::new(spec, &mut types)?;
    let module_ident = ident(module);
    let ty_ident = format_ident!("{}", ty);
    let tests = table.handled().map(|(channel, _)| {
        let name = format_ident!("{}_refuses_what_is_not_its_payload", channel.name);
        let address = &channel.address;
        let doc = doc_attrs(&[
            format!("`{address}` refuses a body that is not its payload, without a broker."),
            String::new(),
            "TODO: send a valid payload too, `harness.send(channel, &payload).await`, and check"
                .to_owned(),
            "what the handler published (`harness.published(..)`) and logged".to_owned(),
            "(`harness.mov_logs()`).".to_owned(),
        ]);
        quote! {
            #doc
            #[tokio::test]
            async fn #name() {
                let harness = valawai::testing::Harness::start(#module_ident::component(#ty_ident))
                    .await
                    .unwrap();
                let channel = #address;
                let outcome = harness
                    .send_raw(channel, valawai::testing::Input::bytes("not JSON"))
                    .await;
                let reason = outcome.reason().expect("dead-lettered");
                assert!(
                    reason.starts_with(&format!("Invalid message on channel `{channel}`")),
                    "{reason}"
                );
                assert_eq!(outcome.mov_logs.len(), 1, "one ERROR log to the MOV");
                assert_eq!(outcome.attempts, 1, "decoded once, not retried");
            }
        }
    });
    let tokens = quote! { #(#tests)* };
    let mut out = String::new();
    format_into(tokens, &mut out)?;
    Ok(out)
}

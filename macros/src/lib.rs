//! Procedural macros for VALAWAI components.
//!
//! Use them through the `valawai` crate, which re-exports them:
//!
//! - [`generate!`](macro@generate) expands to the component module generated
//!   from a spec, for crates without a build script;
//! - [`#[handlers]`](macro@handlers) implements a module's `Handlers` trait
//!   from methods marked `#[receive(..)]`, and checks at compile time that
//!   every receive channel is handled exactly once, with the payload type
//!   the spec gives it.

mod handlers;
mod inline;

use proc_macro::TokenStream;

/// Generates the component module from an AsyncAPI document, in place.
///
/// ```ignore
/// mod echo {
///     valawai::generate!("asyncapi.yaml");
/// }
/// ```
///
/// The path is relative to the package (`CARGO_MANIFEST_DIR`). Options
/// follow it: `lenient` (accept a message `$ref` that does not resolve, as
/// untyped JSON, and type names older specs use, such as `float`) and
/// `dialect = "standard"` (read AsyncAPI 2.x publish/subscribe the standard
/// way; `"valawai"` is the default). A spec
/// that does not load is a compile error on the path, with the spec's
/// diagnostics. The expansion includes every file it read with
/// `include_bytes!`, so the crate rebuilds when one changes. The spec's
/// warnings are not shown here: `valawai check <spec>` prints them.
///
/// The same code comes from `valawai_codegen::Builder` in a build script,
/// which is the better choice for larger specs (the code is written once,
/// not expanded on every build, and warnings show).
#[proc_macro]
pub fn generate(input: TokenStream) -> TokenStream {
    inline::generate(input.into()).into()
}

/// Implements the generated `Handlers` trait from an inherent `impl` block.
///
/// ```ignore
/// mod echo {
///     valawai::include_component!();
/// }
///
/// struct Echo;
///
/// #[valawai::handlers(echo)]
/// impl Echo {
///     #[receive("valawai/c1/echo/data/received_message")]
///     async fn echo(&self, message: echo::EchoPayload, ctx: echo::Context) -> valawai::HandlerResult {
///         ctx.publisher().publish_message(&message).await?;
///         Ok(())
///     }
/// }
/// ```
///
/// The argument is the path of the module the generated code is in (the
/// current module when omitted). Each method marked `#[receive(..)]`, with
/// the channel's address or the name of its `Handlers` method (e.g.
/// `#[receive(received_message)]`), handles that channel; it takes `&self`,
/// the payload, and optionally the `Context`. The block keeps its methods
/// and gets an `impl Handlers` that calls them.
///
/// At compile time the macro checks that every channel the component
/// receives on has exactly one handler, that each names a channel the
/// component receives on, and that each payload type is the one the spec
/// gives (by name: `EchoPayload` and `echo::EchoPayload` are the same).
/// Errors point at the method or type and name the channel and the expected
/// type. The macro reads the channel table from the generated module (a
/// hidden `macro_rules!` in it), so it works the same for code from a build
/// script, from `generate!` or from `valawai generate`; the module must be
/// in the same crate.
#[proc_macro_attribute]
pub fn handlers(attr: TokenStream, item: TokenStream) -> TokenStream {
    handlers::attribute(attr.into(), item.into()).into()
}

/// The second step of [`#[handlers]`](macro@handlers), called by the
/// generated module's table with the table and the `impl` block. Not an API.
#[doc(hidden)]
#[proc_macro]
pub fn __handlers(input: TokenStream) -> TokenStream {
    handlers::expand(input.into()).into()
}

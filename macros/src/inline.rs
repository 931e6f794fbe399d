//! `generate!("asyncapi.yaml", lenient, dialect = "standard")`: the
//! component module, generated at expansion time.

use std::path::{Path, PathBuf};

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::parse::{Parse, ParseStream};
use syn::{Ident, LitBool, LitStr, Token};
use valawai_codegen::{Dialect, GenerateOptions, LoadOptions};

/// The macro's arguments.
struct Args {
    path: LitStr,
    lenient: bool,
    dialect: Dialect,
}

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let path: LitStr = input.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected the spec's path, e.g. `generate!(\"asyncapi.yaml\")`",
            )
        })?;
        let mut args = Args {
            path,
            lenient: false,
            dialect: Dialect::default(),
        };
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let key: Ident = input.parse()?;
            match key.to_string().as_str() {
                "lenient" => {
                    args.lenient = if input.peek(Token![=]) {
                        input.parse::<Token![=]>()?;
                        input.parse::<LitBool>()?.value
                    } else {
                        true
                    };
                }
                "dialect" => {
                    input.parse::<Token![=]>()?;
                    let value: LitStr = input.parse()?;
                    args.dialect = value
                        .value()
                        .parse()
                        .map_err(|e: String| syn::Error::new(value.span(), e))?;
                }
                other => {
                    return Err(syn::Error::new(
                        key.span(),
                        format!(
                            "unknown option `{other}`: expected `lenient` or `dialect = \"..\"`"
                        ),
                    ));
                }
            }
        }
        Ok(args)
    }
}

/// Expands the macro; errors become `compile_error!`s.
pub(crate) fn generate(input: TokenStream) -> TokenStream {
    match syn::parse2::<Args>(input).and_then(|args| expand(&args)) {
        Ok(tokens) => tokens,
        Err(e) => e.to_compile_error(),
    }
}

fn expand(args: &Args) -> syn::Result<TokenStream> {
    let span = args.path.span();
    let Some(dir) = std::env::var_os("CARGO_MANIFEST_DIR") else {
        return Err(syn::Error::new(
            span,
            "`CARGO_MANIFEST_DIR` is not set: build with cargo, or use `valawai generate`",
        ));
    };
    let dir = PathBuf::from(dir);
    let path = dir.join(args.path.value());
    if let Err(e) = std::fs::metadata(&path) {
        // The package is named, not its directory: the directory is where the user's crate
        // is (which they know), and naming it would make the message depend on the machine
        // (under trybuild, on CARGO_TARGET_DIR).
        let relative = if Path::new(&args.path.value()).is_relative() {
            let package = std::env::var("CARGO_PKG_NAME").unwrap_or_default();
            format!(
                "; a relative path starts at the directory of the package `{package}`, where its Cargo.toml is"
            )
        } else {
            String::new()
        };
        return Err(syn::Error::new(
            span,
            format!("cannot read `{}`: {e}{relative}", args.path.value()),
        ));
    }
    let options = LoadOptions::default()
        .dialect(args.dialect)
        .lenient(args.lenient);
    let spec = valawai_codegen::load_path(&path, &options).map_err(|e| error(span, &e))?;
    let generated =
        valawai_codegen::generate(&spec, &GenerateOptions::new()).map_err(|e| error(span, &e))?;
    let mut tracked = Vec::new();
    for file in spec.sources.paths() {
        let Some(file) = file.to_str() else {
            return Err(syn::Error::new(
                span,
                format!(
                    "`{}` is not a UTF-8 path, which `include_bytes!` needs to track it",
                    file.display()
                ),
            ));
        };
        tracked.push(quote! {
            const _: &[u8] = ::std::include_bytes!(#file);
        });
    }
    let items = generated.into_tokens();
    Ok(quote! {
        #items
        #(#tracked)*
    })
}

/// A generator error, spanned on the path literal, with the rendered
/// diagnostics as its message.
fn error(span: Span, error: &valawai_codegen::Error) -> syn::Error {
    syn::Error::new(span, error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expand_text(input: TokenStream) -> String {
        generate(input).to_string()
    }

    #[test]
    fn a_broken_spec_is_a_compile_error_with_its_diagnostics() {
        let out = expand_text(quote!("../fixtures/loader/broken/missing-info.yaml"));
        assert!(out.starts_with(":: core :: compile_error !"), "{out}");
        assert!(out.contains("error["), "{out}");
        assert!(out.contains("missing-info.yaml:"), "{out}");
    }

    #[test]
    fn options_are_checked() {
        let out = expand_text(quote!("x.yaml", fast = true));
        assert!(out.contains("unknown option `fast`"), "{out}");
        let out = expand_text(quote!("x.yaml", dialect = "mine"));
        assert!(out.contains("unknown dialect `mine`"), "{out}");
        let out = expand_text(quote!(asyncapi));
        assert!(out.contains("expected the spec's path"), "{out}");
    }

    #[test]
    fn every_file_read_is_tracked() {
        let out = expand_text(quote!("../fixtures/loader/refs/root.yaml"));
        assert!(!out.contains("compile_error"), "{out}");
        assert!(out.matches("include_bytes !").count() >= 2, "{out}");
        assert!(out.contains("common.yaml"), "{out}");
        assert!(out.contains("more.yaml"), "{out}");
    }
}

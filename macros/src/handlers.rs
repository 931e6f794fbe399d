//! `#[handlers(module)]` on an inherent `impl` block: its `#[receive(..)]`
//! methods become the module's `Handlers` implementation.
//!
//! Two steps. The attribute turns
//! `#[handlers(echo)] impl Echo { .. }` into
//! `echo::__valawai_handlers! { (echo) impl Echo { .. } }`; that hidden
//! `macro_rules!`, written by the generator into the module, calls
//! `__handlers!` with the module's channel table in front. The table comes
//! with the generated code, so nothing is read from disk and nothing can go
//! stale, whichever way the code was generated.

use std::collections::HashMap;

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::parse::{Parse, ParseStream};
use syn::spanned::Spanned;
use syn::{
    Attribute, FnArg, Ident, ImplItem, ImplItemFn, ItemImpl, LitStr, Path, ReceiverKind,
    ReturnType, Token, Type, braced, parenthesized,
};

/// The first step: hand the block to the module's table.
pub(crate) fn attribute(attr: TokenStream, item: TokenStream) -> TokenStream {
    let module: Path = if attr.is_empty() {
        syn::parse_quote!(self)
    } else {
        match syn::parse2(attr) {
            Ok(path) => path,
            Err(e) => {
                let e = syn::Error::new(
                    e.span(),
                    "expected the path of the module the generated code is in, e.g. \
                     `#[valawai::handlers(echo)]`",
                );
                return with_item(e, item);
            }
        }
    };
    let block: ItemImpl = match syn::parse2(item.clone()) {
        Ok(block) => block,
        Err(_) => {
            let e = syn::Error::new(
                Span::call_site(),
                "`#[valawai::handlers]` goes on an inherent `impl` block: `impl MyHandlers { .. }`",
            );
            return with_item(e, item);
        }
    };
    if let Some((path, _)) = &block.trait_ {
        let e = syn::Error::new(
            path.span(),
            "`#[valawai::handlers]` goes on an inherent `impl` block; it writes the \
             `Handlers` implementation itself",
        );
        return with_item(e, item);
    }
    quote! {
        #module::__valawai_handlers! { (#module) #block }
    }
}

fn with_item(error: syn::Error, item: TokenStream) -> TokenStream {
    let error = error.to_compile_error();
    quote!(#error #item)
}

/// A channel of the table.
enum Entry {
    /// The component receives here: a handler is needed.
    Receive {
        address: LitStr,
        method: Ident,
        constant: Ident,
        payload: Box<Type>,
    },
    /// The component sends here.
    Send { address: LitStr, method: Ident },
    /// The registered channel, consumed by the runtime.
    Registered { address: LitStr },
}

/// What `__handlers!` gets: the table, the module path, the block.
struct Input {
    entries: Vec<Entry>,
    module: Path,
    block: ItemImpl,
}

impl Parse for Input {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let table;
        braced!(table in input);
        let mut entries = Vec::new();
        while !table.is_empty() {
            let kind: Ident = table.parse()?;
            let address: LitStr = table.parse()?;
            let entry = match kind.to_string().as_str() {
                "receive" => {
                    let method = table.parse()?;
                    let constant = table.parse()?;
                    let payload;
                    parenthesized!(payload in table);
                    Entry::Receive {
                        address,
                        method,
                        constant,
                        payload: Box::new(payload.parse()?),
                    }
                }
                "send" => Entry::Send {
                    address,
                    method: table.parse()?,
                },
                "registered" => Entry::Registered { address },
                _ => return Err(syn::Error::new(kind.span(), "unknown table entry")),
            };
            table.parse::<Token![;]>()?;
            entries.push(entry);
        }
        let module;
        parenthesized!(module in input);
        Ok(Input {
            entries,
            module: module.parse()?,
            block: input.parse()?,
        })
    }
}

/// A method that handles a channel.
struct Handler {
    entry: usize,
    function: Ident,
    payload: Type,
    takes_context: bool,
    span: Span,
    /// The return type as written (the name when there is none): where the compiler reports
    /// a future that is not `Send` or an output that is not `HandlerResult`.
    output_span: Span,
}

/// The second step: check the block against the table and implement
/// `Handlers`.
pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let mut input: Input = match syn::parse2(input) {
        Ok(input) => input,
        Err(e) => return e.to_compile_error(),
    };
    let module = clean(&input.module.to_token_stream());
    let mut errors: Vec<syn::Error> = Vec::new();
    let mut handlers: Vec<Handler> = Vec::new();
    let mut by_entry: HashMap<usize, Ident> = HashMap::new();
    for item in &mut input.block.items {
        let ImplItem::Fn(function) = item else {
            continue;
        };
        let receives = take_receive_attributes(&mut function.attrs);
        let Some(first) = receives.first() else {
            continue;
        };
        for extra in &receives[1..] {
            errors.push(syn::Error::new(
                extra.span(),
                "a method handles one channel: one `#[receive(..)]` per method",
            ));
        }
        let entry = match channel_of(first, &input.entries, &module) {
            Ok(entry) => entry,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let Entry::Receive {
            address, payload, ..
        } = &input.entries[entry]
        else {
            continue;
        };
        if let Some(previous) = by_entry.get(&entry) {
            errors.push(syn::Error::new(
                function.sig.ident.span(),
                format!(
                    "`{}` already has a handler, `{previous}`: each channel is handled \
                     exactly once",
                    address.value()
                ),
            ));
            continue;
        }
        by_entry.insert(entry, function.sig.ident.clone());
        match signature(function, &address.value(), payload, &module) {
            Ok((found, takes_context)) => handlers.push(Handler {
                entry,
                function: function.sig.ident.clone(),
                payload: found,
                takes_context,
                span: function.sig.span(),
                output_span: match &function.sig.output {
                    ReturnType::Type(_, ty) => ty.span(),
                    ReturnType::Default => function.sig.ident.span(),
                },
            }),
            Err(e) => errors.push(e),
        }
    }
    for (index, entry) in input.entries.iter().enumerate() {
        if let Entry::Receive {
            address,
            method,
            payload,
            ..
        } = entry
            && !by_entry.contains_key(&index)
        {
            let expected = display_type(payload, &module);
            errors.push(syn::Error::new(
                input.block.self_ty.span(),
                format!(
                    "missing handler for `{address}`, which the component receives on: add \
                     `#[receive(\"{address}\")] async fn {method}(&self, payload: {expected}, \
                     ctx: {module}::Context) -> valawai::HandlerResult`",
                    address = address.value()
                ),
            ));
        }
    }
    let block = &input.block;
    let module_path = &input.module;
    let (impl_generics, _, where_clause) = block.generics.split_for_impl();
    let self_ty = &block.self_ty;
    if let Some(mut error) = errors.first().cloned() {
        for e in &errors[1..] {
            error.combine(e.clone());
        }
        let error = error.to_compile_error();
        // The errors above are the whole story: an implementation that only stands in keeps
        // the compiler from adding "`Handlers` is not implemented" at every use of the type,
        // pointing into the generated code, and the methods it does not call from warnings.
        let stubs = input.entries.iter().filter_map(|entry| {
            let Entry::Receive {
                method, payload, ..
            } = entry
            else {
                return None;
            };
            let payload = rebase(payload.to_token_stream(), module_path);
            Some(quote! {
                fn #method(
                    &self,
                    _: #payload,
                    _: #module_path::Context,
                ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + ::std::marker::Send {
                    ::std::future::pending()
                }
            })
        });
        return quote! {
            #error
            #[allow(dead_code)]
            #block

            impl #impl_generics #module_path::Handlers for #self_ty #where_clause {
                #(#stubs)*
            }
        };
    }
    let methods = handlers.iter().map(|h| {
        let Entry::Receive { method, .. } = &input.entries[h.entry] else {
            unreachable!("handlers are made for receive entries only")
        };
        let function = &h.function;
        let payload = &h.payload;
        // The path carries the method's span, so errors about its future (not `Send`, the
        // wrong output) point at the method; the arguments keep this macro's hygiene, like
        // the parameters they name.
        let path = quote_spanned!(h.span=> Self::#function);
        let call = if h.takes_context {
            quote!(#path(self, payload, ctx))
        } else {
            quote!({
                let _ = ctx;
                #path(self, payload)
            })
        };
        // The return type carries the span of the one written on the method: the compiler
        // checks the future's `Send` and its output there, so those errors point at the
        // method, not at this macro's call in the generated module.
        let future = quote_spanned! {h.output_span=>
            impl ::std::future::Future<Output = ::valawai::HandlerResult> + ::std::marker::Send
        };
        quote! {
            fn #method(
                &self,
                payload: #payload,
                ctx: #module_path::Context,
            ) -> #future {
                #call
            }
        }
    });
    quote! {
        #block

        impl #impl_generics #module_path::Handlers for #self_ty #where_clause {
            #(#methods)*
        }
    }
}

/// A type of the table (`self::EchoPayload`, relative to the generated module) as seen from
/// where the attribute is: `self` replaced by the module's path.
fn rebase(tokens: TokenStream, module: &Path) -> TokenStream {
    use proc_macro2::{Group, TokenTree};
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = TokenStream::new();
    for (i, token) in tokens.iter().enumerate() {
        match token {
            TokenTree::Ident(ident)
                if ident == "self"
                    && matches!(tokens.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == ':') =>
            {
                out.extend(module.to_token_stream());
            }
            TokenTree::Group(group) => {
                let mut rebased = Group::new(group.delimiter(), rebase(group.stream(), module));
                rebased.set_span(group.span());
                out.extend([TokenTree::Group(rebased)]);
            }
            other => out.extend([other.clone()]),
        }
    }
    out
}

/// Removes the `#[receive(..)]` attributes of a method and returns them.
fn take_receive_attributes(attrs: &mut Vec<Attribute>) -> Vec<Attribute> {
    let mut taken = Vec::new();
    attrs.retain(|a| {
        if a.path().is_ident("receive") {
            taken.push(a.clone());
            false
        } else {
            true
        }
    });
    taken
}

/// The argument of `#[receive(..)]`: an address or a name.
enum Target {
    Address(LitStr),
    Name(Path),
}

impl Parse for Target {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.peek(LitStr) {
            Ok(Target::Address(input.parse()?))
        } else {
            Ok(Target::Name(input.parse()?))
        }
    }
}

/// The table entry a `#[receive(..)]` names, which must be a channel the
/// component receives on.
fn channel_of(attr: &Attribute, entries: &[Entry], module: &str) -> syn::Result<usize> {
    let target: Target = attr.parse_args().map_err(|e| {
        syn::Error::new(
            e.span(),
            "expected the channel's address, `#[receive(\"valawai/c1/name/data/channel\")]`, \
             or the name of its `Handlers` method, `#[receive(channel)]`",
        )
    })?;
    let (found, shown, span) = match &target {
        Target::Address(lit) => (
            entries.iter().position(|e| address(e) == lit.value()),
            format!("`{}`", lit.value()),
            lit.span(),
        ),
        Target::Name(path) => {
            let name = path
                .segments
                .last()
                .map(|s| s.ident.to_string())
                .unwrap_or_default();
            let position = entries.iter().position(|e| match e {
                Entry::Receive {
                    method, constant, ..
                } => *method == name || *constant == name,
                Entry::Send { method, .. } => *method == name,
                Entry::Registered { .. } => false,
            });
            (position, format!("`{name}`"), path.span())
        }
    };
    match found.map(|i| (i, &entries[i])) {
        Some((i, Entry::Receive { .. })) => Ok(i),
        Some((_, Entry::Send { address, method })) => Err(syn::Error::new(
            span,
            format!(
                "the component sends on `{}`, it does not receive there: publish with \
                 `ctx.publisher().{method}(..)`",
                address.value()
            ),
        )),
        Some((_, Entry::Registered { address })) => Err(syn::Error::new(
            span,
            format!(
                "`{}` is the registered channel: the runtime consumes it, no handler takes it",
                address.value()
            ),
        )),
        None => {
            let receive: Vec<String> = entries
                .iter()
                .filter_map(|e| match e {
                    Entry::Receive { address, .. } => Some(format!("`{}`", address.value())),
                    _ => None,
                })
                .collect();
            let wanted = match &target {
                Target::Address(lit) => lit.value(),
                Target::Name(_) => shown.trim_matches('`').to_owned(),
            };
            let closest = entries
                .iter()
                .filter_map(|e| match e {
                    Entry::Receive {
                        address, method, ..
                    } => {
                        let candidate = match &target {
                            Target::Address(_) => address.value(),
                            Target::Name(_) => method.to_string(),
                        };
                        Some((distance(&wanted, &candidate), candidate))
                    }
                    _ => None,
                })
                .filter(|(d, c)| *d <= 3.max(c.len() / 10))
                .min();
            let listed = match (closest, receive.is_empty()) {
                (Some((_, candidate)), _) => format!("did you mean `{candidate}`?"),
                (None, true) => "it receives on none".to_owned(),
                (None, false) => format!("it receives on {}", receive.join(", ")),
            };
            Err(syn::Error::new(
                span,
                format!(
                    "{shown} is not a channel that the component in `{module}` receives on; {listed}"
                ),
            ))
        }
    }
}

/// The edit distance between two strings (Levenshtein, by characters).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = if ca == *cb {
                previous
            } else {
                1 + previous.min(row[j]).min(row[j + 1])
            };
            previous = current;
        }
    }
    row[b.len()]
}

fn address(entry: &Entry) -> String {
    match entry {
        Entry::Receive { address, .. }
        | Entry::Send { address, .. }
        | Entry::Registered { address } => address.value(),
    }
}

/// Checks a handler's signature: `&self`, the payload, and optionally the
/// context. Returns the payload type as written and whether the context is
/// taken.
fn signature(
    function: &ImplItemFn,
    address: &str,
    expected: &Type,
    module: &str,
) -> syn::Result<(Type, bool)> {
    let sig = &function.sig;
    let mut inputs = sig.inputs.iter();
    match inputs.next() {
        Some(FnArg::Receiver(r))
            if matches!(r.kind, ReceiverKind::Reference(_, _, None)) && r.mutability.is_none() => {}
        _ => {
            return Err(syn::Error::new(
                sig.ident.span(),
                format!(
                    "the handler of `{address}` takes `&self`, then the payload, then optionally \
                     the context: `fn {}(&self, payload: {}, ctx: {module}::Context)`",
                    sig.ident,
                    display_type(expected, module)
                ),
            ));
        }
    }
    let rest: Vec<&FnArg> = inputs.collect();
    let payload = match rest.first() {
        Some(FnArg::Typed(arg)) if rest.len() <= 2 => &arg.ty,
        _ => {
            return Err(syn::Error::new(
                sig.paren_token.span.join(),
                format!(
                    "the handler of `{address}` takes `&self`, the payload and optionally the \
                     context: `(&self, payload: {}, ctx: {module}::Context)`",
                    display_type(expected, module)
                ),
            ));
        }
    };
    if shape(payload) != shape(expected) {
        return Err(syn::Error::new(
            payload.span(),
            format!(
                "the payload of `{address}` is `{}`, not `{}`",
                display_type(expected, module),
                clean(&payload.to_token_stream())
            ),
        ));
    }
    check_output(function, address, expected, module)?;
    Ok(((**payload).clone(), rest.len() == 2))
}

/// Checks that a handler is `async` (or returns `impl Future`) and returns
/// `valawai::HandlerResult`, so that these mistakes are one error at the method instead of a
/// type error inside the generated implementation.
fn check_output(
    function: &ImplItemFn,
    address: &str,
    expected: &Type,
    module: &str,
) -> syn::Result<()> {
    let sig = &function.sig;
    let write = format!(
        "`async fn {}(&self, payload: {}, ctx: {module}::Context) -> valawai::HandlerResult`",
        sig.ident,
        display_type(expected, module)
    );
    if sig.asyncness.is_none() {
        if let ReturnType::Type(_, ty) = &sig.output
            && matches!(&**ty, Type::ImplTrait(_))
        {
            // `fn name(..) -> impl Future<Output = HandlerResult> + Send`: the compiler checks
            // the bounds, at this method.
            return Ok(());
        }
        return Err(syn::Error::new(
            sig.ident.span(),
            format!(
                "the handler of `{address}` is not `async`: the runtime awaits it; write {write}"
            ),
        ));
    }
    let wrong = |span: Span, what: String| {
        syn::Error::new(
            span,
            format!(
                "the handler of `{address}` {what}, not `valawai::HandlerResult`: `Ok(())` acks \
                 the message, an error retries or rejects it; write {write}"
            ),
        )
    };
    match &sig.output {
        ReturnType::Default => Err(wrong(sig.ident.span(), "returns nothing".to_owned())),
        ReturnType::Type(_, ty) => match output_verdict(ty) {
            Verdict::Right | Verdict::Unknown => Ok(()),
            Verdict::Wrong => Err(wrong(
                ty.span(),
                format!("returns `{}`", clean(&ty.to_token_stream())),
            )),
        },
    }
}

/// What a handler's return type, as written, says.
enum Verdict {
    /// `HandlerResult`, or `Result<(), HandlerError>`, by any path.
    Right,
    /// Not a result a handler can return.
    Wrong,
    /// Another name, maybe an alias: the compiler decides.
    Unknown,
}

fn output_verdict(ty: &Type) -> Verdict {
    match ty {
        Type::Paren(p) => output_verdict(&p.elem),
        Type::Group(g) => output_verdict(&g.elem),
        Type::Path(p) if p.qself.is_none() => {
            let Some(last) = p.path.segments.last() else {
                return Verdict::Unknown;
            };
            let name = last.ident.to_string();
            let args: Vec<&Type> = match &last.arguments {
                syn::PathArguments::AngleBracketed(a) => a
                    .args
                    .iter()
                    .filter_map(|a| match a {
                        syn::GenericArgument::Type(t) => Some(t),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            match name.as_str() {
                "HandlerResult" if args.is_empty() => Verdict::Right,
                "Result" if args.len() == 2 => {
                    let unit = matches!(args[0], Type::Tuple(t) if t.elems.is_empty());
                    if unit && shape(args[1]) == "HandlerError" {
                        Verdict::Right
                    } else {
                        Verdict::Wrong
                    }
                }
                "Option" | "String" | "Vec" | "Box" | "bool" | "char" | "str" | "u8" | "u16"
                | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128"
                | "isize" | "f32" | "f64" | "HandlerError" => Verdict::Wrong,
                _ => Verdict::Unknown,
            }
        }
        Type::Tuple(_)
        | Type::Never(_)
        | Type::Reference(_)
        | Type::Slice(_)
        | Type::Array(_)
        | Type::Ptr(_)
        | Type::ImplTrait(_)
        | Type::TraitObject(_)
        | Type::FnPtr(_) => Verdict::Wrong,
        _ => Verdict::Unknown,
    }
}

/// A type reduced to what the check compares: each path to its last
/// segment (with its generic arguments reduced the same way), so
/// `echo::EchoPayload`, `crate::echo::EchoPayload` and `EchoPayload` agree.
fn shape(ty: &Type) -> String {
    match ty {
        Type::Path(p) if p.qself.is_none() => match p.path.segments.last() {
            Some(last) => {
                let mut out = last.ident.to_string();
                if let syn::PathArguments::AngleBracketed(args) = &last.arguments {
                    let args: Vec<String> = args
                        .args
                        .iter()
                        .map(|a| match a {
                            syn::GenericArgument::Type(t) => shape(t),
                            other => clean(&other.to_token_stream()),
                        })
                        .collect();
                    out.push('<');
                    out.push_str(&args.join(","));
                    out.push('>');
                }
                out
            }
            None => String::new(),
        },
        Type::Paren(p) => shape(&p.elem),
        Type::Group(g) => shape(&g.elem),
        Type::Tuple(t) => {
            let elems: Vec<String> = t.elems.iter().map(shape).collect();
            format!("({})", elems.join(","))
        }
        other => clean(&other.to_token_stream()),
    }
}

/// The expected type as the user would write it: the module's own types
/// (`self::EchoPayload` in the table) through the module path.
fn display_type(ty: &Type, module: &str) -> String {
    let text = clean(&ty.to_token_stream());
    let prefix = if module == "self" {
        String::new()
    } else {
        format!("{module}::")
    };
    text.replace("self::", &prefix)
        .trim_start_matches("::")
        .replace("<::", "<")
}

/// Token text without the spaces `to_string` puts around punctuation.
fn clean(tokens: &TokenStream) -> String {
    let mut text = tokens.to_string();
    for (from, to) in [
        (" :: ", "::"),
        (":: ", "::"),
        (" ::", "::"),
        (" < ", "<"),
        ("< ", "<"),
        (" <", "<"),
        (" >", ">"),
        (" ,", ","),
        ("& ", "&"),
    ] {
        text = text.replace(from, to);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ty(text: &str) -> Type {
        syn::parse_str(text).unwrap()
    }

    #[test]
    fn types_compare_by_name() {
        assert_eq!(shape(&ty("echo::EchoPayload")), shape(&ty("EchoPayload")));
        assert_eq!(
            shape(&ty("Option<crate::echo::ComponentPayload>")),
            shape(&ty("Option<self::ComponentPayload>"))
        );
        assert_ne!(shape(&ty("Vec<EchoPayload>")), shape(&ty("EchoPayload")));
        assert_eq!(
            shape(&ty("::valawai::payload::JsonValue")),
            shape(&ty("valawai::payload::JsonValue"))
        );
    }

    #[test]
    fn expected_types_read_as_the_user_writes_them() {
        assert_eq!(
            display_type(&ty("Option<self::ComponentPayload>"), "echo"),
            "Option<echo::ComponentPayload>"
        );
        assert_eq!(
            display_type(&ty("::valawai::payload::JsonValue"), "echo"),
            "valawai::payload::JsonValue"
        );
        assert_eq!(
            display_type(&ty("self::EchoPayload"), "self"),
            "EchoPayload"
        );
    }

    #[test]
    fn edit_distance() {
        assert_eq!(distance("received", "recieved"), 2);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("same", "same"), 0);
    }
}

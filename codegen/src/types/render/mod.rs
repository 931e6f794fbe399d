//! The type model to Rust tokens.
//!
//! Generated code names runtime items by absolute path
//! (`::valawai::__private::serde`, `::valawai::payload::JsonValue`) and
//! uses prelude names (`Option`, `String`, `Vec`, `Box`, `Result`) that the
//! generator never gives to a type of its own, so it compiles wherever it is
//! included.

mod enums;
mod items;
mod newtype;

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use super::cycles;
use super::ir::{Kind, Prim, Ty, TypeDef};

/// Renders every type that `keep` keeps (by index), sorted by name.
pub(crate) fn render(types: &[TypeDef], keep: &dyn Fn(usize) -> bool) -> TokenStream {
    let mut all = TokenStream::new();
    render_each(types, keep, &mut |item| all.extend(item));
    all
}

/// Renders the types that `keep` keeps one by one, sorted by name, handing
/// each type's items to `each` (so a large spec never has all its tokens at
/// once).
pub(crate) fn render_each(
    types: &[TypeDef],
    keep: &dyn Fn(usize) -> bool,
    each: &mut dyn FnMut(TokenStream),
) {
    let mut types = types.to_vec();
    cycles::insert_boxes(&mut types);
    let eq = cycles::eq_types(&types);
    let cx = Cx {
        types: &types,
        eq: &eq,
    };
    let mut order: Vec<usize> = (0..types.len()).filter(|&i| keep(i)).collect();
    order.sort_by(|a, b| types[*a].name.cmp(&types[*b].name));
    for i in order {
        let item = cx.item(&types[i], i);
        if !item.is_empty() {
            each(item);
        }
    }
}

/// What rendering needs to know about all types.
pub(crate) struct Cx<'a> {
    pub(crate) types: &'a [TypeDef],
    pub(crate) eq: &'a [bool],
}

impl Cx<'_> {
    fn item(&self, def: &TypeDef, index: usize) -> TokenStream {
        match &def.kind {
            Kind::Struct(s) => self.structure(def, index, s),
            Kind::Tagged(t) => self.tagged(def, index, t),
            Kind::Untagged(u) => self.untagged(def, index, u),
            Kind::StringEnum(e) => self.string_enum(def, e),
            Kind::Newtype(n) => self.newtype(def, index, n),
            Kind::Const(value) => self.constant(def, value),
            Kind::Alias(ty) => self.alias(def, ty),
            Kind::Pending => TokenStream::new(),
        }
    }

    /// The tokens of a type expression.
    pub(crate) fn ty(&self, ty: &Ty) -> TokenStream {
        ty_tokens(ty, &|id| {
            let name = ident(&self.types[id].name);
            quote!(#name)
        })
    }
}

/// The tokens of a type expression, with `named` writing generated types.
pub(crate) fn ty_tokens(ty: &Ty, named: &dyn Fn(usize) -> TokenStream) -> TokenStream {
    match ty {
        Ty::Named(id) => named(id.0),
        Ty::Prim(p) => prim(*p),
        Ty::Json => quote!(::valawai::payload::JsonValue),
        Ty::JsonObject => quote!(::valawai::payload::JsonObject),
        Ty::Option(inner) => {
            let inner = ty_tokens(inner, named);
            quote!(Option<#inner>)
        }
        Ty::Vec(inner) => {
            let inner = ty_tokens(inner, named);
            quote!(Vec<#inner>)
        }
        Ty::Map(inner) => {
            let inner = ty_tokens(inner, named);
            quote!(::std::collections::BTreeMap<String, #inner>)
        }
        Ty::Box(inner) => {
            let inner = ty_tokens(inner, named);
            quote!(Box<#inner>)
        }
        Ty::Tuple(members) => {
            let members = members.iter().map(|m| ty_tokens(m, named));
            quote!((#(#members,)*))
        }
        Ty::External(text) => text
            .parse()
            .unwrap_or_else(|_| quote!(::valawai::payload::JsonValue)),
    }
}

fn prim(p: Prim) -> TokenStream {
    match p {
        Prim::String => quote!(String),
        Prim::Bool => quote!(bool),
        Prim::I32 => quote!(i32),
        Prim::I64 => quote!(i64),
        Prim::U64 => quote!(u64),
        Prim::F64 => quote!(f64),
    }
}

/// An identifier the naming module made (always valid).
pub(crate) fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// `#[doc = "..."]` attributes, one per line.
pub(crate) fn doc_attrs(lines: &[String]) -> TokenStream {
    let lines = lines.iter().map(|l| {
        if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        }
    });
    quote! { #(#[doc = #lines])* }
}

/// The derive list of a type: `base` from the prelude, `serde` derives by
/// absolute path, then the patch's derives that are not there already.
pub(crate) fn derives(def: &TypeDef, base: &[&str], serde: &[&str]) -> TokenStream {
    let mut paths: Vec<TokenStream> = base
        .iter()
        .map(|d| {
            let d = format_ident!("{}", d);
            quote!(#d)
        })
        .collect();
    for s in serde {
        let s = format_ident!("{}", s);
        paths.push(quote!(::valawai::__private::serde::#s));
    }
    for extra in &def.derives {
        let written = extra.replace(' ', "");
        let present = base.iter().any(|b| *b == written)
            || serde
                .iter()
                .any(|s| written.ends_with(&format!("serde::{s}")));
        if present {
            continue;
        }
        if let Ok(path) = extra.parse::<TokenStream>() {
            paths.push(path);
        }
    }
    quote! { #[derive(#(#paths),*)] }
}

/// The attributes a patch adds, written last, right before the item.
pub(crate) fn patch_attributes(def: &TypeDef) -> TokenStream {
    let attributes = def
        .attributes
        .iter()
        .filter_map(|a| a.parse::<TokenStream>().ok());
    quote! { #(#attributes)* }
}

/// `#[serde(crate = "...")]` and other serde container attributes.
pub(crate) fn serde_container(extra: TokenStream) -> TokenStream {
    quote! { #[serde(crate = "::valawai::__private::serde" #extra)] }
}

//! Enums: tagged and untagged unions and string enums.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Cx, derives, doc_attrs, ident, patch_attributes, serde_container};
use crate::types::ir::{StringEnumDef, TaggedDef, TypeDef, UntaggedDef};

impl Cx<'_> {
    pub(super) fn tagged(&self, def: &TypeDef, index: usize, t: &TaggedDef) -> TokenStream {
        let tag = &t.tag;
        let container = if t.keep_tag {
            serde_container(quote!(, untagged))
        } else {
            serde_container(quote!(, tag = #tag))
        };
        let variants = t.variants.iter().map(|v| {
            let docs = doc_attrs(&v.docs);
            let variant = ident(&v.name);
            let value = &v.value;
            let rename =
                (!t.keep_tag && v.name != v.value).then(|| quote!(#[serde(rename = #value)]));
            match &v.content {
                Some(ty) => {
                    let ty = self.ty(ty);
                    quote! { #docs #rename #variant(#ty), }
                }
                None => quote! { #docs #rename #variant, },
            }
        });
        let values: Vec<&String> = t.variants.iter().map(|v| &v.value).collect();
        let arms = t.variants.iter().map(|v| {
            let variant = ident(&v.name);
            let value = &v.value;
            match &v.content {
                Some(_) => quote! { #value => content.variant().map(Self::#variant), },
                None => quote! { #value => Ok(Self::#variant), },
            }
        });
        let expecting = format!("a `{}` object", def.name);
        let keep = t.keep_tag;
        let names = t.variants.iter().map(|v| v.name.as_str());
        let body = quote! {
            const TAGS: &[&str] = &[#(#values),*];
            let (tag, content) = ::valawai::__private::Tagged::read(
                deserializer,
                #expecting,
                #tag,
                TAGS,
                #keep,
            )?;
            match tag.as_str() {
                #(#arms)*
                _ => Err(content.unknown(&tag, TAGS)),
            }
        };
        self.union_enum(def, index, container, names, variants, body)
    }

    pub(super) fn untagged(&self, def: &TypeDef, index: usize, u: &UntaggedDef) -> TokenStream {
        let container = serde_container(quote!(, untagged));
        let variants = u.variants.iter().map(|v| {
            let docs = doc_attrs(&v.docs);
            let variant = ident(&v.name);
            let ty = self.ty(&v.ty);
            quote! { #docs #variant(#ty), }
        });
        let attempts = u.variants.iter().map(|v| {
            let variant = ident(&v.name);
            let label = &v.name;
            quote! {
                if let Some(value) = input.attempt(#label) {
                    return Ok(Self::#variant(value));
                }
            }
        });
        let label = &def.name;
        let names = u.variants.iter().map(|v| v.name.as_str());
        let body = quote! {
            let mut input = ::valawai::__private::Untagged::read(deserializer)?;
            #(#attempts)*
            Err(input.fail(#label))
        };
        self.union_enum(def, index, container, names, variants, body)
    }

    /// A union's enum (`container` its serde attribute) and its hand-written `Deserialize`,
    /// whose `body` reads `deserializer`: what tagged and untagged unions share.
    fn union_enum<'a>(
        &self,
        def: &TypeDef,
        index: usize,
        container: TokenStream,
        names: impl Iterator<Item = &'a str>,
        variants: impl Iterator<Item = TokenStream>,
        body: TokenStream,
    ) -> TokenStream {
        let name = ident(&def.name);
        let docs = doc_attrs(&def.docs);
        let mut base = vec!["Debug", "Clone", "PartialEq"];
        if self.eq[index] {
            base.push("Eq");
        }
        let derives = derives(def, &base, &["Serialize"]);
        let patched = patch_attributes(def);
        let allow = allow_variant_names(&def.name, names);
        quote! {
            #docs
            #derives
            #container
            #patched
            #allow
            pub enum #name {
                #(#variants)*
            }

            impl<'de> ::valawai::__private::serde::Deserialize<'de> for #name {
                fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
                where
                    D: ::valawai::__private::serde::Deserializer<'de>,
                {
                    #body
                }
            }
        }
    }

    pub(super) fn string_enum(&self, def: &TypeDef, e: &StringEnumDef) -> TokenStream {
        let name = ident(&def.name);
        let docs = doc_attrs(&def.docs);
        let derives = derives(
            def,
            &[
                "Debug",
                "Clone",
                "Copy",
                "PartialEq",
                "Eq",
                "Hash",
                "PartialOrd",
                "Ord",
            ],
            &["Serialize", "Deserialize"],
        );
        let patched = patch_attributes(def);
        let container = serde_container(TokenStream::new());
        let allow = allow_variant_names(&def.name, e.variants.iter().map(|v| v.name.as_str()));
        let variants = e.variants.iter().map(|v| {
            let variant = ident(&v.name);
            let value = &v.value;
            let doc = doc_attrs(&[crate::types::docs::code(value)]);
            let rename = (v.name != v.value).then(|| quote!(#[serde(rename = #value)]));
            quote! { #doc #rename #variant, }
        });
        let to_str = e.variants.iter().map(|v| {
            let variant = ident(&v.name);
            let value = &v.value;
            quote! { Self::#variant => #value, }
        });
        let from_str = e.variants.iter().map(|v| {
            let variant = ident(&v.name);
            let value = &v.value;
            quote! { #value => Ok(Self::#variant), }
        });
        let values = e.variants.iter().map(|v| &v.value);
        quote! {
            #docs
            #derives
            #container
            #patched
            #allow
            pub enum #name {
                #(#variants)*
            }

            impl #name {
                /// The JSON string of the value.
                pub fn as_str(self) -> &'static str {
                    match self {
                        #(#to_str)*
                    }
                }
            }

            impl ::std::fmt::Display for #name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(self.as_str())
                }
            }

            impl ::std::str::FromStr for #name {
                type Err = ::valawai::payload::ConstraintError;

                fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
                    match value {
                        #(#from_str)*
                        _ => Err(::valawai::__private::unknown_variant(value, &[#(#values),*])),
                    }
                }
            }
        }
    }
}

/// `#[allow(clippy::enum_variant_names)]` when clippy would ask to rename
/// variants that the spec named: all (three or more) variants share their
/// first or last word, or a variant starts or ends with the enum's name.
fn allow_variant_names<'a>(
    name: &str,
    variants: impl Iterator<Item = &'a str>,
) -> Option<TokenStream> {
    let variants: Vec<Vec<&str>> = variants.map(camel_words).collect();
    let own = camel_words(name);
    let shared = |first: bool| {
        let word = |v: &Vec<&'a str>| {
            if first {
                v.first().copied()
            } else {
                v.last().copied()
            }
        };
        variants.len() >= 3
            && variants
                .first()
                .and_then(word)
                .is_some_and(|w| variants.iter().all(|v| word(v) == Some(w)))
    };
    let contains_name = variants
        .iter()
        .any(|v| v.len() >= own.len() && (v.starts_with(&own) || v.ends_with(&own)));
    (shared(true) || shared(false) || contains_name)
        .then(|| quote!(#[allow(clippy::enum_variant_names)]))
}

/// The words of an upper camel case name: `AgeBetween0And19` gives `Age`,
/// `Between0`, `And19`.
fn camel_words(name: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut start = 0;
    for (i, c) in name.char_indices().skip(1) {
        if c.is_ascii_uppercase() {
            words.push(&name[start..i]);
            start = i;
        }
    }
    words.push(&name[start..]);
    words
}

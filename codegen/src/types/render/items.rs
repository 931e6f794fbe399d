//! Structs, aliases and constants.

use proc_macro2::TokenStream;
use quote::quote;
use serde_json::Value as Json;

use super::{Cx, derives, doc_attrs, ident, patch_attributes, serde_container};
use crate::types::ir::{Presence, StructDef, Ty, TypeDef};

impl Cx<'_> {
    pub(super) fn structure(&self, def: &TypeDef, index: usize, s: &StructDef) -> TokenStream {
        let name = ident(&def.name);
        let docs = doc_attrs(&def.docs);
        let all_optional = s.fields.iter().all(|f| f.presence == Presence::Optional);
        let mut base = vec!["Debug", "Clone", "PartialEq"];
        if self.eq[index] {
            base.push("Eq");
        }
        if all_optional {
            base.push("Default");
        }
        let derives = derives(def, &base, &["Serialize", "Deserialize"]);
        let patched = patch_attributes(def);
        let container = serde_container(if s.deny_unknown {
            quote!(, deny_unknown_fields)
        } else {
            TokenStream::new()
        });
        let fields = s.fields.iter().map(|f| {
            let docs = doc_attrs(&f.docs);
            let field = ident(&f.name);
            let ty = self.ty(&f.ty);
            let mut serde = Vec::new();
            if f.json != f.name {
                let json = &f.json;
                serde.push(quote!(rename = #json));
            }
            for alias in &f.aliases {
                serde.push(quote!(alias = #alias));
            }
            let ty = match f.presence {
                Presence::Required => ty,
                Presence::RequiredNullable => {
                    serde.push(quote!(
                        deserialize_with = "::valawai::__private::deserialize_nullable"
                    ));
                    quote!(Option<#ty>)
                }
                Presence::Optional => {
                    serde.push(quote!(default, skip_serializing_if = "Option::is_none"));
                    quote!(Option<#ty>)
                }
            };
            let serde = if serde.is_empty() {
                TokenStream::new()
            } else {
                quote!(#[serde(#(#serde),*)])
            };
            quote! {
                #docs
                #serde
                pub #field: #ty,
            }
        });
        let extra = s.extra.as_ref().map(|(field, ty)| {
            let field = ident(field);
            let ty = self.ty(&Ty::Map(Box::new(ty.clone())));
            quote! {
                /// The other members.
                #[serde(flatten, deserialize_with = "::valawai::__private::deserialize_wire")]
                pub #field: #ty,
            }
        });
        let unknown = s.unknown.as_ref().map(|field| {
            let field = ident(field);
            let with = format!(
                "::valawai::__private::deserialize_undeclared::<{}, _>",
                def.name
            );
            quote! {
                /// The members the schema does not declare, kept to be written
                /// back (`keep_unknown_fields`).
                #[serde(flatten, deserialize_with = #with)]
                pub #field: ::valawai::payload::JsonObject,
            }
        });
        let declared = s.unknown.as_ref().map(|_| {
            let type_name = &def.name;
            let properties = s.fields.iter().map(|f| &f.json);
            quote! {
                impl ::valawai::__private::Declared for #name {
                    const NAME: &'static str = #type_name;
                    const PROPERTIES: &'static [&'static str] = &[#(#properties),*];
                }
            }
        });
        quote! {
            #docs
            #derives
            #container
            #patched
            pub struct #name {
                #(#fields)*
                #extra
                #unknown
            }

            #declared
        }
    }

    pub(super) fn alias(&self, def: &TypeDef, ty: &Ty) -> TokenStream {
        let name = ident(&def.name);
        let docs = doc_attrs(&def.docs);
        let ty = self.ty(ty);
        let patched = patch_attributes(def);
        quote! {
            #docs
            #patched
            pub type #name = #ty;
        }
    }

    pub(super) fn constant(&self, def: &TypeDef, value: &Json) -> TokenStream {
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
                "Default",
            ],
            &[],
        );
        let patched = patch_attributes(def);
        let json = value.to_string();
        quote! {
            #docs
            #derives
            #patched
            pub struct #name;

            impl #name {
                /// The value, as JSON text.
                pub const JSON: &'static str = #json;
            }

            impl ::valawai::__private::serde::Serialize for #name {
                fn serialize<S>(&self, serializer: S) -> Result<S::Ok, S::Error>
                where
                    S: ::valawai::__private::serde::Serializer,
                {
                    static VALUE: ::valawai::__private::JsonLiteral =
                        ::valawai::__private::JsonLiteral::new(#name::JSON);
                    ::valawai::__private::serialize_const(&VALUE, serializer)
                }
            }

            impl<'de> ::valawai::__private::serde::Deserialize<'de> for #name {
                fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
                where
                    D: ::valawai::__private::serde::Deserializer<'de>,
                {
                    static VALUE: ::valawai::__private::JsonLiteral =
                        ::valawai::__private::JsonLiteral::new(#name::JSON);
                    ::valawai::__private::deserialize_const(&VALUE, deserializer).map(|()| Self)
                }
            }
        }
    }
}

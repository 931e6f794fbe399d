//! Newtypes: validating newtypes for constrained values (checked by
//! `TryFrom`, `FromStr` and `Deserialize`), and plain newtypes that name a
//! container schema.

use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, format_ident, quote};
use serde_json::Number;

use super::{Cx, derives, doc_attrs, ident, patch_attributes};
use crate::types::cycles::ty_eq;
use crate::types::ir::{Checks, NewtypeDef, Prim, Ty, TypeDef};

impl Cx<'_> {
    pub(super) fn newtype(&self, def: &TypeDef, index: usize, n: &NewtypeDef) -> TokenStream {
        if n.checks.is_empty() {
            return self.plain_newtype(def, index, n);
        }
        let name = ident(&def.name);
        let docs = doc_attrs(&def.docs);
        let inner = self.ty(&n.inner);
        let scalar = match &n.inner {
            Ty::Prim(p) => Some(*p),
            _ => None,
        };
        let mut base = vec!["Debug", "Clone"];
        match scalar {
            Some(Prim::String) => base.extend(["PartialEq", "Eq", "Hash", "PartialOrd", "Ord"]),
            Some(Prim::F64) => base.extend(["Copy", "PartialEq", "PartialOrd"]),
            Some(_) => base.extend(["Copy", "PartialEq", "Eq", "Hash", "PartialOrd", "Ord"]),
            None if self.eq[index] => base.extend(["PartialEq", "Eq"]),
            None => base.push("PartialEq"),
        }
        let derives = derives(def, &base, &["Serialize"]);
        let patched = patch_attributes(def);
        let (param, arg) = match &n.inner {
            Ty::Prim(Prim::String) => (quote!(&str), quote!(&value)),
            Ty::Prim(_) => (inner.clone(), quote!(value)),
            Ty::Vec(item) => {
                let item = self.ty(item);
                (quote!(&[#item]), quote!(&value))
            }
            _ => (quote!(&#inner), quote!(&value)),
        };
        let checks = checks(&n.checks, scalar);
        let string_impls = (scalar == Some(Prim::String)).then(|| {
            quote! {
                impl TryFrom<&str> for #name {
                    type Error = ::valawai::payload::ConstraintError;

                    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
                        Self::try_from(value.to_owned())
                    }
                }

                impl ::std::str::FromStr for #name {
                    type Err = ::valawai::payload::ConstraintError;

                    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
                        Self::try_from(value)
                    }
                }
            }
        });
        let display = scalar.map(|_| {
            quote! {
                impl ::std::fmt::Display for #name {
                    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        ::std::fmt::Display::fmt(&self.0, f)
                    }
                }
            }
        });
        let get = match scalar {
            Some(p) if p != Prim::String => quote! {
                /// The value.
                pub fn get(self) -> #inner {
                    self.0
                }
            },
            _ => quote! {
                /// The value.
                pub fn into_inner(self) -> #inner {
                    self.0
                }
            },
        };
        quote! {
            #docs
            #derives
            #[serde(crate = "::valawai::__private::serde", transparent)]
            #patched
            pub struct #name(#inner);

            impl #name {
                /// Checks a value against the constraints of the schema.
                fn check(value: #param) -> Result<(), ::valawai::payload::ConstraintError> {
                    #checks
                    Ok(())
                }

                #get
            }

            impl ::std::ops::Deref for #name {
                type Target = #inner;

                fn deref(&self) -> &#inner {
                    &self.0
                }
            }

            impl From<#name> for #inner {
                fn from(value: #name) -> Self {
                    value.0
                }
            }

            impl TryFrom<#inner> for #name {
                type Error = ::valawai::payload::ConstraintError;

                fn try_from(value: #inner) -> Result<Self, ::valawai::payload::ConstraintError> {
                    Self::check(#arg)?;
                    Ok(Self(value))
                }
            }

            #string_impls
            #display

            impl<'de> ::valawai::__private::serde::Deserialize<'de> for #name {
                fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
                where
                    D: ::valawai::__private::serde::Deserializer<'de>,
                {
                    ::valawai::__private::deserialize_try_from::<D, #inner, Self>(deserializer)
                }
            }
        }
    }

    fn plain_newtype(&self, def: &TypeDef, index: usize, n: &NewtypeDef) -> TokenStream {
        let name = ident(&def.name);
        let docs = doc_attrs(&def.docs);
        let inner = self.ty(&n.inner);
        let mut base = vec!["Debug", "Clone", "PartialEq"];
        if self.eq[index] && ty_eq(&n.inner, self.eq) {
            base.push("Eq");
        }
        base.push("Default");
        let derives = derives(def, &base, &["Serialize", "Deserialize"]);
        let patched = patch_attributes(def);
        quote! {
            #docs
            #derives
            #[serde(crate = "::valawai::__private::serde", transparent)]
            #patched
            pub struct #name(pub #inner);

            impl ::std::ops::Deref for #name {
                type Target = #inner;

                fn deref(&self) -> &#inner {
                    &self.0
                }
            }

            impl From<#inner> for #name {
                fn from(value: #inner) -> Self {
                    Self(value)
                }
            }
        }
    }
}

/// The statements that run the checks on `value`.
fn checks(c: &Checks, scalar: Option<Prim>) -> TokenStream {
    let mut out = TokenStream::new();
    for (i, pattern) in c.patterns.iter().enumerate() {
        let name = format_ident!("PATTERN_{}", i);
        out.extend(quote! {
            static #name: ::valawai::__private::Pattern = ::valawai::__private::Pattern::new(#pattern);
            #name.check(value)?;
        });
    }
    let check = |f: &str, arg: TokenStream| {
        let f = format_ident!("{}", f);
        quote! { ::valawai::__private::check::#f(value, #arg)?; }
    };
    if let Some(n) = c.min_length {
        out.extend(check(
            "min_length",
            Literal::u64_unsuffixed(n).into_token_stream(),
        ));
    }
    if let Some(n) = c.max_length {
        out.extend(check(
            "max_length",
            Literal::u64_unsuffixed(n).into_token_stream(),
        ));
    }
    let bounds = [
        ("minimum", &c.minimum),
        ("maximum", &c.maximum),
        ("exclusive_minimum", &c.exclusive_minimum),
        ("exclusive_maximum", &c.exclusive_maximum),
    ];
    for (f, bound) in bounds {
        if let Some(bound) = bound {
            out.extend(check(f, number(bound, scalar)));
        }
    }
    if let Some(factor) = &c.multiple_of {
        match scalar {
            Some(p) if p.is_integer() => {
                let factor = factor.as_i64().map_or_else(
                    || Literal::u64_unsuffixed(factor.as_u64().unwrap_or(1)).into_token_stream(),
                    signed,
                );
                out.extend(quote! {
                    ::valawai::__private::check::multiple_of_integer(i128::from(value), #factor)?;
                });
            }
            _ => {
                let factor = Literal::f64_unsuffixed(factor.as_f64().unwrap_or(1.0));
                out.extend(quote! {
                    ::valawai::__private::check::multiple_of_number(value, #factor)?;
                });
            }
        }
    }
    if let Some(n) = c.min_items {
        out.extend(check(
            "min_items",
            Literal::u64_unsuffixed(n).into_token_stream(),
        ));
    }
    if let Some(n) = c.max_items {
        out.extend(check(
            "max_items",
            Literal::u64_unsuffixed(n).into_token_stream(),
        ));
    }
    if c.unique_items {
        out.extend(quote! { ::valawai::__private::check::unique_items(value)?; });
    }
    if let Some(values) = &c.enum_values {
        let text = serde_json::Value::Array(values.clone()).to_string();
        let value = if matches!(scalar, Some(p) if p != Prim::String) {
            quote!(&value)
        } else {
            quote!(value)
        };
        out.extend(quote! {
            static ALLOWED: ::valawai::__private::JsonLiteral = ::valawai::__private::JsonLiteral::new(#text);
            ::valawai::__private::check::enum_values(#value, &ALLOWED)?;
        });
    }
    out
}

/// A bound as a literal of the newtype's scalar type.
fn number(n: &Number, scalar: Option<Prim>) -> TokenStream {
    match scalar {
        Some(Prim::F64) | None => {
            let value = n.as_f64().unwrap_or(0.0);
            if value < 0.0 {
                let lit = Literal::f64_unsuffixed(-value);
                quote!(-#lit)
            } else {
                Literal::f64_unsuffixed(value).into_token_stream()
            }
        }
        Some(_) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Literal::u64_unsuffixed(u).into_token_stream(),
            (None, Some(i)) => signed(i),
            _ => Literal::i64_unsuffixed(n.as_f64().unwrap_or(0.0) as i64).into_token_stream(),
        },
    }
}

fn signed(i: i64) -> TokenStream {
    if i < 0 {
        let lit = Literal::u64_unsuffixed(i.unsigned_abs());
        quote!(-#lit)
    } else {
        Literal::i64_unsuffixed(i).into_token_stream()
    }
}

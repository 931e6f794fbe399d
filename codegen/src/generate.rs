//! The whole component module from a spec: payload types, channels, the
//! handler trait, the publisher, the identity and the wiring.
//!
//! [`generate`] returns the code as tokens ([`Generated::tokens`]) for the
//! macros, and [`Generated::to_source`] formats it with prettyplease for the
//! build script and the command line, as progenitor does.

use std::path::Path;

use proc_macro2::TokenStream;

use crate::channels::Table;
use crate::diagnostic::{Diagnostic, Error};
use crate::handlers::{self, Decoders, TableMacro};
use crate::identity::{self, SpecText};
use crate::model::Spec;
use crate::publisher;
use crate::types::{TypeOptions, TypeSpace, space_items};

/// Options for [`generate`].
#[derive(Debug, Clone)]
pub struct GenerateOptions {
    types: TypeOptions,
    spec_text: Option<SpecText>,
    interface: bool,
}

impl Default for GenerateOptions {
    fn default() -> Self {
        GenerateOptions {
            types: TypeOptions::default(),
            spec_text: None,
            interface: true,
        }
    }
}

impl GenerateOptions {
    /// The defaults: no type patches; the spec text included from the file
    /// the spec was read from (or inline for a spec given as text); the
    /// whole component interface.
    pub fn new() -> Self {
        GenerateOptions::default()
    }

    /// Patches for the payload types.
    pub fn types(mut self, types: TypeOptions) -> Self {
        self.types = types;
        self
    }

    /// How the spec text gets into `COMPONENT`. By default it is
    /// `include_str!` of the absolute path the spec was read from, which is
    /// right for code written to `OUT_DIR` or expanded by a macro; code
    /// meant to be committed wants a relative path or the text inline.
    pub fn spec_text(mut self, text: SpecText) -> Self {
        self.spec_text = Some(text);
        self
    }

    /// Whether to generate the component interface (the decoders, the
    /// handler trait, the publisher, `Context`, `COMPONENT`, the wiring)
    /// besides the payload types and the channel addresses. On by default;
    /// off for code that only needs the messages, like the runtime's own MOV
    /// types.
    pub fn interface(mut self, interface: bool) -> Self {
        self.interface = interface;
        self
    }

    /// The type options.
    pub fn type_options(&self) -> &TypeOptions {
        &self.types
    }
}

/// Generated code, with the warnings found on the way.
///
/// The code is rendered when asked for, item by item for
/// [`to_source`](Self::to_source), so a large spec never has all its
/// tokens in memory at once.
#[derive(Debug, Clone)]
pub struct Generated {
    types: TypeSpace,
    /// The items after the types, each a few items at most.
    items: Vec<TokenStream>,
    table: Option<TableMacro>,
    warnings: Vec<Diagnostic>,
}

impl Generated {
    /// The module's items, for a macro to expand to.
    pub fn tokens(&self) -> TokenStream {
        let mut tokens = self.types.to_tokens();
        for item in &self.items {
            tokens.extend(item.clone());
        }
        if let Some(table) = &self.table {
            tokens.extend(table.tokens.clone());
        }
        tokens
    }

    /// The module's items.
    pub fn into_tokens(self) -> TokenStream {
        self.tokens()
    }

    /// The module's items, formatted with prettyplease, with a blank line
    /// between items.
    pub fn to_source(&self) -> Result<String, Error> {
        let mut source = String::new();
        let mut failed = None;
        self.types.for_each_type(&mut |item| {
            if failed.is_none()
                && let Err(e) = format_into(item, &mut source)
            {
                failed = Some(e);
            }
        });
        if let Some(e) = failed {
            return Err(e);
        }
        for item in &self.items {
            format_into(item.clone(), &mut source)?;
        }
        if let Some(table) = &self.table {
            source.push('\n');
            source.push_str(&table.text);
        }
        Ok(source)
    }

    /// What the spec and the generated code could not express exactly: the
    /// spec's warnings, the types' warnings, then the channels'.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }
}

/// Generates the component module for `spec`.
///
/// The items are meant to be the contents of one module (the build script
/// writes them to a file that `valawai::include_component!` includes, the
/// `valawai::generate!` macro expands to them). They name the runtime by
/// absolute path (`::valawai::...`), so the crate needs `valawai` as a
/// dependency and nothing else.
pub fn generate(spec: &Spec, options: &GenerateOptions) -> Result<Generated, Error> {
    let mut types = TypeSpace::new(spec, &options.types)?;
    let table = Table::new(spec, &mut types)?;
    let mut items: Vec<TokenStream> = Vec::new();
    let mut table_macro = None;
    if options.interface {
        let decoders = Decoders::new(&table);
        items.extend(decoders.items().iter().cloned());
        items.push(table.render());
        if let Some(identity) = &spec.identity {
            let text = options
                .spec_text
                .clone()
                .unwrap_or_else(|| default_spec_text(spec));
            items.push(identity::render(spec, identity, &table, &text));
        }
        items.push(handlers::render_trait(&table));
        items.push(publisher::render(&table));
        items.push(handlers::render_wiring(
            &table,
            &decoders,
            spec.identity.is_some(),
        ));
        table_macro = Some(handlers::render_table(&table));
    } else {
        items.push(table.render());
    }
    let mut warnings = spec.warnings.clone();
    warnings.extend(types.warnings().iter().cloned());
    // Without the interface nothing consumes a channel, so a receive
    // channel the interface would leave out is no news.
    warnings.extend(
        table
            .warnings
            .into_iter()
            .filter(|w| options.interface || w.code != "parameterised-receive"),
    );
    Ok(Generated {
        types,
        items,
        table: table_macro,
        warnings,
    })
}

/// [`generate`], as tokens.
pub fn generate_tokens(spec: &Spec, options: &GenerateOptions) -> Result<TokenStream, Error> {
    generate(spec, options).map(Generated::into_tokens)
}

/// [`generate`], formatted.
pub fn generate_source(spec: &Spec, options: &GenerateOptions) -> Result<String, Error> {
    generate(spec, options)?.to_source()
}

/// Formats generated items with prettyplease and appends them to `out`,
/// after a blank line.
pub(crate) fn format_into(tokens: TokenStream, out: &mut String) -> Result<(), Error> {
    match syn::parse2::<syn::File>(tokens) {
        Ok(file) => {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&space_items(&prettyplease::unparse(&file)));
            Ok(())
        }
        Err(e) => Err(Error::new(vec![
            Diagnostic::error(
                "internal",
                format!("the generated code does not parse as Rust: {e}"),
            )
            .hint("this is a bug in valawai-codegen; please report it with the spec"),
        ])),
    }
}

/// `include_str!` of the file the spec was read from, when that path can
/// be written in Rust source; the text inline otherwise.
fn default_spec_text(spec: &Spec) -> SpecText {
    let root = spec.sources.files().next().map(|(_, f)| f.path());
    match root.and_then(Path::to_str) {
        Some(path) if !path.is_empty() => SpecText::Include(path.to_owned()),
        _ => SpecText::Inline,
    }
}

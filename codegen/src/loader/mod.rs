//! Loads an AsyncAPI 2.0–2.6, 3.0 or 3.1 document, YAML or JSON, into a [`Spec`].
//!
//! The loader parses with positions ([`crate::yaml`]), resolves local and
//! relative-file `$ref`s with cycle detection ([`refs`]), reads schemas
//! ([`schema`]) and the version-specific structure ([`v2`], [`v3`]), then
//! derives the component identity and checks the result ([`finish`]).
//! Problems become [`Diagnostic`]s that point at file, line, column and JSON
//! pointer; the loader never panics and reports every problem it finds.

mod bindings;
mod files;
mod finish;
mod messages;
mod read;
mod refs;
mod schema;
mod v2;
mod v3;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

use indexmap::IndexMap;

use crate::diagnostic::{Diagnostic, Error};
use crate::model::{
    Channel, ChannelId, Dialect, Info, Message, MessageId, Operation, Schema, SchemaId, Server,
    Spec, SpecVersion,
};
use crate::node::Node;
use crate::pointer::JsonPointer;
use crate::source::{FileId, SourceMap};

pub use files::Limits;
pub(crate) use read::Cx;

/// Options for loading a spec.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// How to read AsyncAPI 2.x `publish`/`subscribe`. VALAWAI by default.
    pub dialect: Dialect,
    /// Read what older VALAWAI specs write, with a warning (at its file,
    /// line and column) instead of an error for each: a message `$ref` that
    /// does not resolve becomes an untyped payload (so that the upstream echo
    /// example loads unchanged), and a type name that is not JSON Schema's
    /// is read as the type it means (`float` and `double` as `number`, `int`
    /// and `long` as `integer`, `str` as `string`, `bool` as `boolean`, and
    /// JSON Schema names in other letter case, see
    /// [`JsonType::parse_legacy`](crate::model::JsonType::parse_legacy)).
    pub lenient: bool,
    /// Directory that relative-file `$ref`s of a document given as text are
    /// resolved against. Ignored for documents read from a path.
    pub base_dir: Option<PathBuf>,
    /// The directory `$ref`'d files must be in (subdirectories included). By
    /// default the directory of the spec (or [`base_dir`](Self::base_dir) for a
    /// document given as text): a `$ref` leading elsewhere through `..` or a
    /// symbolic link is refused, as is any absolute path or URL.
    pub ref_root: Option<PathBuf>,
    /// Size limits.
    pub limits: Limits,
}

impl LoadOptions {
    /// Sets the dialect.
    pub fn dialect(mut self, dialect: Dialect) -> Self {
        self.dialect = dialect;
        self
    }

    /// Sets lenient mode.
    pub fn lenient(mut self, lenient: bool) -> Self {
        self.lenient = lenient;
        self
    }

    /// Sets the base directory for documents given as text.
    pub fn base_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.base_dir = Some(dir.into());
        self
    }

    /// Lets `$ref`s reach files anywhere below `dir` (which should contain the spec).
    pub fn ref_root(mut self, dir: impl Into<PathBuf>) -> Self {
        self.ref_root = Some(dir.into());
        self
    }

    /// Sets the size limits.
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }
}

/// Reads and loads the document at `path`.
///
/// `$ref`s to other files are resolved relative to the file that contains
/// them. The returned error lists every problem found; warnings of a
/// successful load are in [`Spec::warnings`].
pub fn load_path(path: impl AsRef<Path>, options: &LoadOptions) -> Result<Spec, Error> {
    let path = path.as_ref();
    let text = match files::read_limited(path, options.limits.max_file_bytes) {
        Ok(t) => t,
        Err(e) => {
            return Err(Error::new(vec![
                Diagnostic::error(
                    "read-file",
                    format!("cannot read `{}`: {e}", path.display()),
                )
                .hint("give the path of a spec file, relative to the current directory"),
            ]));
        }
    };
    let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let mut loader = Loader::new(options.clone());
    let root = loader
        .sources
        .add(canonical, path.display().to_string(), Arc::from(text));
    loader.run(root)
}

/// Loads a document given as text. `name` is shown in diagnostics.
pub fn load_str(text: &str, name: &str, options: &LoadOptions) -> Result<Spec, Error> {
    let limit = options.limits.max_file_bytes;
    if text.len() as u64 > limit {
        return Err(Error::new(vec![Diagnostic::error(
            "too-large",
            format!(
                "`{name}` has {} bytes, more than the limit of {limit}",
                text.len()
            ),
        )]));
    }
    let mut loader = Loader::new(options.clone());
    let root = loader
        .sources
        .add(PathBuf::new(), name.to_owned(), Arc::from(text));
    loader.run(root)
}

/// Loader state for one document and the files it refers to.
pub(crate) struct Loader {
    pub(crate) options: LoadOptions,
    pub(crate) sources: SourceMap,
    pub(crate) docs: HashMap<FileId, Rc<Node>>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) schemas: Vec<Schema>,
    pub(crate) schema_ids: HashMap<(FileId, JsonPointer), SchemaId>,
    /// The `$ref` that each reference schema followed, for cycle reports.
    pub(crate) schema_refs: HashMap<SchemaId, (FileId, crate::source::Span)>,
    pub(crate) messages: Vec<Message>,
    pub(crate) message_ids: HashMap<(FileId, JsonPointer), MessageId>,
    pub(crate) channels: Vec<Channel>,
    pub(crate) channel_ids: HashMap<(FileId, JsonPointer), ChannelId>,
    pub(crate) operations: Vec<Operation>,
    pub(crate) servers: Vec<Server>,
    pub(crate) named_schemas: IndexMap<String, SchemaId>,
    pub(crate) default_content_type: Option<String>,
    pub(crate) version: SpecVersion,
    /// What the documents of this load may still expand to.
    pub(crate) budget: crate::yaml::Budget,
}

impl Loader {
    fn new(options: LoadOptions) -> Self {
        Loader {
            budget: crate::yaml::Budget::new(options.limits.max_expanded_bytes),
            options,
            sources: SourceMap::default(),
            docs: HashMap::new(),
            diagnostics: Vec::new(),
            schemas: Vec::new(),
            schema_ids: HashMap::new(),
            schema_refs: HashMap::new(),
            messages: Vec::new(),
            message_ids: HashMap::new(),
            channels: Vec::new(),
            channel_ids: HashMap::new(),
            operations: Vec::new(),
            servers: Vec::new(),
            named_schemas: IndexMap::new(),
            default_content_type: None,
            version: SpecVersion {
                major: 0,
                minor: 0,
                patch: 0,
            },
        }
    }

    /// Records a diagnostic, once: the same problem reached by two paths
    /// (a `$ref` cycle entered from two places) is reported one time.
    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        let same = |d: &Diagnostic| {
            d.code == diagnostic.code
                && d.message == diagnostic.message
                && d.location.as_ref().map(|l| (l.span, &l.file))
                    == diagnostic.location.as_ref().map(|l| (l.span, &l.file))
        };
        if !self.diagnostics.iter().any(same) {
            self.diagnostics.push(diagnostic);
        }
    }

    /// A diagnostic pointing at a node.
    pub(crate) fn error(
        &self,
        code: &'static str,
        message: impl Into<String>,
        at: &Cx<'_>,
    ) -> Diagnostic {
        Diagnostic::error(code, message).at(&self.sources, at.node.span, Some(at.ptr.clone()))
    }

    fn failed(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    fn run(mut self, root_file: FileId) -> Result<Spec, Error> {
        let root = match crate::yaml::parse(&self.sources, root_file, &mut self.budget) {
            Ok(node) => Rc::new(node),
            Err(d) => return Err(Error::new(vec![d])),
        };
        self.docs.insert(root_file, root.clone());
        let cx = Cx::root(root_file, &root);
        if cx.map().is_none() {
            let d = self
                .error(
                    "not-a-mapping",
                    format!(
                        "an AsyncAPI document is a mapping, but this file holds {}",
                        root.kind()
                    ),
                    &cx,
                )
                .hint("the document starts with `asyncapi: ...`, `info:` and `channels:`");
            return Err(Error::new(vec![d]));
        }
        let Some(version) = self.read_version(&cx) else {
            return Err(Error::new(self.diagnostics));
        };
        self.version = version;
        let info = self.read_info(&cx);
        self.default_content_type = self.opt_string(&cx, "defaultContentType");
        let id = self.opt_string(&cx, "id");
        self.read_named_schemas(&cx);
        if version.major == 2 {
            self.read_v2(&cx);
        } else {
            self.read_v3(&cx);
        }
        let identity = self.identity();
        self.check_schema_cycles();
        if self.failed() {
            return Err(Error::new(self.diagnostics));
        }
        let info = match info {
            Some(info) => info,
            None => return Err(Error::new(self.diagnostics)),
        };
        let Loader {
            options,
            sources,
            diagnostics,
            schemas,
            messages,
            channels,
            operations,
            servers,
            named_schemas,
            default_content_type,
            ..
        } = self;
        Ok(Spec {
            sources,
            document: (*root).clone(),
            version,
            dialect: options.dialect,
            id,
            info,
            default_content_type,
            identity,
            servers,
            channels,
            operations,
            messages,
            schemas,
            named_schemas,
            warnings: diagnostics,
        })
    }

    fn read_version(&mut self, root: &Cx<'_>) -> Option<SpecVersion> {
        let Some(field) = root.get("asyncapi") else {
            let d = self
                .error(
                    "missing-version",
                    "the document has no `asyncapi` version field",
                    root,
                )
                .hint("start the document with `asyncapi: 3.0.0` or `asyncapi: '2.6.0'`");
            self.push(d);
            return None;
        };
        let text = match field.node.as_str() {
            Some(s) => s.to_owned(),
            None => {
                let d = self
                    .error(
                        "wrong-type",
                        format!(
                            "`asyncapi` must be a version string, found {}",
                            field.node.kind()
                        ),
                        &field,
                    )
                    .hint("quote the version: asyncapi: '2.6.0'");
                self.push(d);
                return None;
            }
        };
        let parts: Vec<Option<u32>> = text.split('.').map(|p| p.parse().ok()).collect();
        let version = match parts.as_slice() {
            [Some(major), Some(minor), Some(patch)] => SpecVersion {
                major: *major,
                minor: *minor,
                patch: *patch,
            },
            _ => {
                let d = self
                    .error(
                        "bad-version",
                        format!("`{text}` is not an AsyncAPI version"),
                        &field,
                    )
                    .hint("AsyncAPI versions look like `2.6.0` or `3.0.0`");
                self.push(d);
                return None;
            }
        };
        // 3.1 is 3.0 with the ROS 2 bindings, which are read past like every binding but AMQP's.
        let supported = matches!((version.major, version.minor), (2, 0..=6) | (3, 0..=1));
        if !supported {
            let d = self
                .error(
                    "unsupported-version",
                    format!("AsyncAPI {version} is not supported"),
                    &field,
                )
                .label("this version")
                .hint("valawai-rs reads AsyncAPI 2.0 to 2.6, 3.0 and 3.1; VALAWAI components use 2.6.0");
            self.push(d);
            return None;
        }
        Some(version)
    }

    fn read_info(&mut self, root: &Cx<'_>) -> Option<Info> {
        let Some(info) = root.get("info") else {
            let d = self
                .error("missing-field", "the document has no `info` object", root)
                .hint("add `info:` with at least `title` and `version`");
            self.push(d);
            return None;
        };
        if !self.expect_map(&info) {
            return None;
        }
        let title = self.required_string(&info, "title");
        let version = self.required_string(&info, "version");
        let description = self.opt_string(&info, "description");
        let terms_of_service = self.opt_string(&info, "termsOfService");
        let contact = info.get("contact").and_then(|c| {
            self.expect_map(&c).then(|| crate::model::Contact {
                name: self.opt_string(&c, "name"),
                url: self.opt_string(&c, "url"),
                email: self.opt_string(&c, "email"),
            })
        });
        let license = info.get("license").and_then(|l| {
            if !self.expect_map(&l) {
                return None;
            }
            let name = self.required_string(&l, "name")?;
            Some(crate::model::License {
                name,
                url: self.opt_string(&l, "url"),
            })
        });
        Some(Info {
            title: title?,
            version: version?,
            description,
            terms_of_service,
            contact,
            license,
            origin: info.origin(),
        })
    }

    fn read_named_schemas(&mut self, root: &Cx<'_>) {
        let Some(components) = root.get("components") else {
            return;
        };
        if !self.expect_map(&components) {
            return;
        }
        let Some(schemas) = components.get("schemas") else {
            return;
        };
        if !self.expect_map(&schemas) {
            return;
        }
        for (name, entry) in schemas.entries() {
            let id = self.schema(&entry);
            self.named_schemas.insert(name.to_owned(), id);
        }
    }
}

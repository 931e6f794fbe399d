//! `$ref` resolution: local pointers (`#/components/...`) and relative files
//! (`common.yaml#/components/schemas/x`), with cycle detection.

use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::node::{Node, Value};
use crate::pointer::JsonPointer;
use crate::source::FileId;

use super::{Cx, Loader, files};

/// Where a `$ref` leads.
pub(crate) struct Resolved {
    pub(crate) file: FileId,
    pub(crate) ptr: JsonPointer,
    pub(crate) root: Rc<Node>,
}

impl Resolved {
    /// The node the reference points at. Resolution checked it exists.
    pub(crate) fn cx(&self) -> Option<Cx<'_>> {
        let node = lookup(&self.root, &self.ptr)?;
        Some(Cx {
            file: self.file,
            ptr: self.ptr.clone(),
            node,
        })
    }
}

/// A node reached directly, or through one or more `$ref`s.
pub(crate) enum Target<'n> {
    /// The node itself was not a reference.
    Here(Cx<'n>),
    /// The node was a reference; this is where the chain ends.
    There(Resolved),
}

impl Target<'_> {
    /// The node reached.
    pub(crate) fn cx(&self) -> Option<Cx<'_>> {
        match self {
            Target::Here(cx) => Some(cx.clone()),
            Target::There(resolved) => resolved.cx(),
        }
    }
}

/// Why a `$ref` could not be followed.
pub(crate) struct RefError {
    pub(crate) diagnostic: Diagnostic,
    /// The reference is well formed and its file exists, but nothing is at
    /// the pointer: lenient mode may downgrade this for messages.
    pub(crate) dangling: bool,
}

/// The node at `ptr` below `root`.
pub(crate) fn lookup<'n>(root: &'n Node, ptr: &JsonPointer) -> Option<&'n Node> {
    let mut node = root;
    for segment in ptr.segments() {
        node = match &node.value {
            Value::Map(map) => map.get(segment)?,
            Value::Seq(items) => items.get(segment.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}

impl Loader {
    /// Resolves the `$ref` string at `at` (the value of a `$ref` key).
    pub(crate) fn resolve_ref(&mut self, at: &Cx<'_>) -> Result<Resolved, RefError> {
        let hard = |d: Diagnostic| RefError {
            diagnostic: d,
            dangling: false,
        };
        let Some(reference) = at.node.as_str() else {
            return Err(hard(self.error(
                "wrong-type",
                format!("`$ref` must be a string, found {}", at.node.kind()),
                at,
            )));
        };
        let (file_part, fragment) = match reference.split_once('#') {
            Some((f, frag)) => (f, frag),
            None => (reference, ""),
        };
        if file_part.contains("://") {
            return Err(hard(
                self.error(
                    "remote-ref",
                    format!("`{reference}` is a remote reference"),
                    at,
                )
                .hint("remote `$ref`s are not fetched; download the file next to the spec and refer to it by relative path"),
            ));
        }
        let Some(ptr) = JsonPointer::parse_fragment(fragment) else {
            return Err(hard(
                self.error(
                    "bad-ref",
                    format!("`{reference}` is not a valid reference"),
                    at,
                )
                .hint("a local reference looks like `#/components/schemas/name`"),
            ));
        };
        let file = if file_part.is_empty() {
            at.file
        } else {
            self.load_file(file_part, at).map_err(hard)?
        };
        let Some(root) = self.docs.get(&file).cloned() else {
            // The referenced file failed to parse; its error is reported.
            return Err(hard(Diagnostic::error(
                "bad-ref",
                "referenced file failed to load",
            )));
        };
        if lookup(&root, &ptr).is_some() {
            return Ok(Resolved { file, ptr, root });
        }
        Err(RefError {
            diagnostic: self.dangling(reference, at, &root, &ptr),
            dangling: true,
        })
    }

    /// Follows a chain of reference objects (`{$ref: ...}` whose target is
    /// itself a reference object) to the first node that is not one.
    pub(crate) fn follow(&mut self, start: &Cx<'_>) -> Result<Option<Resolved>, RefError> {
        let Some(first) = start.reference() else {
            return Ok(None);
        };
        let mut seen: Vec<(FileId, JsonPointer, crate::source::Span)> =
            vec![(start.file, start.ptr.clone(), first.node.span)];
        let mut resolved = self.resolve_ref(&first)?;
        loop {
            let next = {
                let Some(cx) = resolved.cx() else {
                    return Ok(Some(resolved));
                };
                match cx.reference() {
                    None => return Ok(Some(resolved)),
                    Some(r) => (r.file, r.ptr.clone(), r.node.span),
                }
            };
            if let Some(k) = seen
                .iter()
                .position(|(f, p, _)| *f == resolved.file && *p == resolved.ptr)
            {
                // Report the cycle the same way whichever member it is
                // reached from: start at its smallest member.
                let mut members: Vec<_> = seen[k..].to_vec();
                let first_at = members
                    .iter()
                    .enumerate()
                    .min_by(|a, b| (a.1.0, &a.1.1).cmp(&(b.1.0, &b.1.1)))
                    .map(|(i, _)| i)
                    .unwrap_or(0);
                members.rotate_left(first_at);
                let (_, ptr, span) = members[0].clone();
                let mut d =
                    Diagnostic::error("ref-cycle", "these `$ref`s refer to each other in a cycle")
                        .at(&self.sources, span, Some(ptr.join("$ref")))
                        .hint("a `$ref` chain must end at a definition");
                for (_, _, span) in members.iter().skip(1) {
                    d = d.note(&self.sources, *span, "which refers on here");
                }
                return Err(RefError {
                    diagnostic: d,
                    dangling: false,
                });
            }
            seen.push((resolved.file, resolved.ptr.clone(), next.2));
            let root = resolved.root.clone();
            let Some(node) = lookup(&root, &next.1) else {
                return Ok(Some(resolved));
            };
            let ref_cx = Cx {
                file: next.0,
                ptr: next.1.clone(),
                node,
            };
            resolved = self.resolve_ref(&ref_cx)?;
        }
    }

    /// Follows `$ref`s from `cx`, reporting any failure.
    pub(crate) fn deref<'n>(&mut self, cx: &Cx<'n>) -> Option<Target<'n>> {
        match self.follow(cx) {
            Ok(Some(resolved)) => Some(Target::There(resolved)),
            Ok(None) => Some(Target::Here(cx.clone())),
            Err(e) => {
                self.push(e.diagnostic);
                None
            }
        }
    }

    /// Follows `$ref`s from `cx` and checks the node reached is a mapping.
    pub(crate) fn deref_map<'n>(&mut self, cx: &Cx<'n>) -> Option<Target<'n>> {
        let target = self.deref(cx)?;
        let is_map = match target.cx() {
            Some(c) => self.expect_map(&c),
            None => false,
        };
        is_map.then_some(target)
    }

    fn load_file(&mut self, relative: &str, at: &Cx<'_>) -> Result<FileId, Diagnostic> {
        let from = self.sources.get(at.file).path().to_path_buf();
        let base_dir: PathBuf = if from.as_os_str().is_empty() {
            match &self.options.base_dir {
                Some(dir) => std::fs::canonicalize(dir).unwrap_or_else(|_| dir.clone()),
                None => {
                    return Err(self
                        .error(
                            "relative-ref",
                            format!("cannot resolve `{relative}`: the document was given as text"),
                            at,
                        )
                        .hint("load the spec from a path, or set a base directory in the load options"));
                }
            }
        } else {
            from.parent().map(Path::to_path_buf).unwrap_or_default()
        };
        let root = self.ref_root();
        let Some(root) = root else {
            return Err(self
                .error(
                    "ref-root",
                    format!("cannot resolve `{relative}`: the reference root directory does not exist"),
                    at,
                )
                .hint("set the reference root (`--ref-root DIR`, `LoadOptions::ref_root`) to an existing directory"));
        };
        let path = match files::confine(relative, &base_dir, &root) {
            Ok(path) => path,
            Err(refusal) => return Err(self.refused_ref(relative, refusal, &root, at)),
        };
        if let Some(id) = self.sources.find(&path) {
            return Ok(id);
        }
        let text = files::read_limited(&path, self.options.limits.max_file_bytes).map_err(|e| {
            self.error(
                "read-file",
                format!("cannot read `{relative}` ({}): {e}", path.display()),
                at,
            )
            .hint("relative references are resolved from the directory of the file that contains them")
        })?;
        let name = self.display_name(&path);
        let id = self.sources.add(path, name, Arc::from(text));
        match crate::yaml::parse(&self.sources, id, &mut self.budget) {
            Ok(node) => {
                self.docs.insert(id, Rc::new(node));
            }
            Err(d) => self.push(d),
        }
        Ok(id)
    }

    /// The directory `$ref`'d files must be in, canonical: the option, else the root spec's
    /// directory, else the base directory of a document given as text.
    fn ref_root(&self) -> Option<PathBuf> {
        let spec = self.sources.get(FileId(0)).path();
        let default = match spec.parent() {
            Some(dir) if !spec.as_os_str().is_empty() => Some(dir),
            _ => self.options.base_dir.as_deref(),
        };
        files::ref_root(&self.options, default)
    }

    fn refused_ref(
        &self,
        relative: &str,
        refusal: files::Refusal,
        root: &Path,
        at: &Cx<'_>,
    ) -> Diagnostic {
        match refusal {
            files::Refusal::Absolute => self
                .error(
                    "absolute-ref",
                    format!("`{relative}` is an absolute path; `$ref`s to files must be relative"),
                    at,
                )
                .hint("put the file next to the spec and refer to it by a relative path"),
            files::Refusal::Url => self
                .error(
                    "remote-ref",
                    format!("`{relative}` is a URL"),
                    at,
                )
                .hint("remote `$ref`s are not fetched; download the file next to the spec and refer to it by relative path"),
            files::Refusal::Outside(path) => self
                .error(
                    "ref-outside-root",
                    format!(
                        "`{relative}` leads to `{}`, outside the reference root `{}`",
                        path.display(),
                        root.display()
                    ),
                    at,
                )
                .hint("`$ref`s may only name files in the spec's directory and below; widen it with `--ref-root DIR` (or `LoadOptions::ref_root`)"),
        }
    }

    /// How a referenced file is named in diagnostics: relative to the
    /// directory the root document was named from.
    fn display_name(&self, canonical: &Path) -> String {
        let root = self.sources.get(FileId(0));
        if let (Some(root_dir), Some(shown_dir)) =
            (root.path().parent(), Path::new(root.name()).parent())
            && let Ok(rel) = canonical.strip_prefix(root_dir)
        {
            return shown_dir.join(rel).display().to_string();
        }
        canonical.display().to_string()
    }

    fn dangling(&self, reference: &str, at: &Cx<'_>, root: &Node, ptr: &JsonPointer) -> Diagnostic {
        // Find the deepest prefix that exists, to say which segment is missing.
        let segments = ptr.segments();
        let mut node = root;
        let mut depth = 0;
        for segment in segments {
            let next = match &node.value {
                Value::Map(map) => map.get(segment),
                Value::Seq(items) => segment.parse::<usize>().ok().and_then(|i| items.get(i)),
                _ => None,
            };
            match next {
                Some(n) => {
                    node = n;
                    depth += 1;
                }
                None => break,
            }
        }
        let Some(missing) = segments.get(depth) else {
            return self.error(
                "dangling-ref",
                format!("`{reference}` does not resolve"),
                at,
            );
        };
        let parent: Vec<&str> = segments[..depth].iter().map(String::as_str).collect();
        let label = if parent.is_empty() {
            format!("no `{missing}` at the top of the document")
        } else {
            format!("no `{missing}` in `{}`", parent.join("/"))
        };
        let mut d = self
            .error(
                "dangling-ref",
                format!("`{reference}` does not resolve"),
                at,
            )
            .label(label);
        let suggestion = node.as_map().and_then(|map| {
            map.iter()
                .map(|(k, _)| (edit_distance(k, missing), k))
                .filter(|(dist, k)| *dist <= (missing.len().max(k.len()) / 3).max(2))
                .min()
                .map(|(_, k)| k.to_owned())
        });
        d = match suggestion {
            Some(s) => {
                let mut fixed = ptr.segments()[..depth].to_vec();
                fixed.push(s);
                let fixed_ptr = fixed
                    .iter()
                    .fold(JsonPointer::root(), |p, s| p.join(s.clone()));
                let file_part = reference.split_once('#').map(|(f, _)| f).unwrap_or("");
                d.hint(format!("did you mean `{file_part}{fixed_ptr}`?"))
            }
            None => d.hint("define the target, or fix the reference"),
        };
        d
    }
}

/// Levenshtein distance, for "did you mean" hints.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

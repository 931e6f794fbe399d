//! Reading the files a spec is made of, within limits: only regular files, at most
//! [`Limits::max_file_bytes`] each, and `$ref`'d files only from inside the reference root.
//!
//! A spec is input from whoever wrote it, and a build script or `generate!` reads it with the
//! rights of the person building. So a `$ref` may not name an absolute path or a URL, nor leave
//! the root directory (the spec's own directory unless [`LoadOptions::ref_root`] widens it), and
//! every check happens before the file is opened: a refused file is never read, so no diagnostic
//! can quote it.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::LoadOptions;

/// Size limits of one load. The defaults are far above any real spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file read: the spec itself and each file a `$ref` names. Default 16 MiB.
    pub max_file_bytes: u64,
    /// Most bytes the parsed documents may take together, YAML aliases expanded (each alias
    /// copies what it refers to). Default 64 MiB.
    pub max_expanded_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 16 << 20,
            max_expanded_bytes: 64 << 20,
        }
    }
}

/// Reads the regular file at `path` as UTF-8, refusing anything else or anything longer than
/// `limit` bytes. The error says why without quoting the file.
pub(crate) fn read_limited(path: &Path, limit: u64) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let meta = file.metadata().map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("not a regular file".into());
    }
    if meta.len() > limit {
        return Err(format!(
            "the file has {} bytes, more than the limit of {limit}",
            meta.len()
        ));
    }
    // The size can change between the check and the read: never read more than the limit.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > limit {
        return Err(format!("the file has more than {limit} bytes"));
    }
    String::from_utf8(bytes).map_err(|_| "the file is not UTF-8 text".into())
}

/// Why a `$ref`'d file may not be read.
pub(crate) enum Refusal {
    /// An absolute path.
    Absolute,
    /// A URL or another scheme (`http:`, `file:`, ...).
    Url,
    /// A relative path that leads out of the root directory.
    Outside(PathBuf),
}

/// The directory relative `$ref`s must stay in: the option if set, else `default` (the
/// directory of the spec), made canonical so that `..` and symbolic links cannot get around it.
pub(crate) fn ref_root(options: &LoadOptions, default: Option<&Path>) -> Option<PathBuf> {
    let dir = options.ref_root.as_deref().or(default)?;
    std::fs::canonicalize(dir).ok()
}

/// Checks a `$ref`'s file part before anything is opened, and returns the path to read:
/// canonical when the file exists. `base` is the directory of the file holding the `$ref`;
/// `root` the reference root.
pub(crate) fn confine(reference: &str, base: &Path, root: &Path) -> Result<PathBuf, Refusal> {
    if has_scheme(reference) {
        return Err(Refusal::Url);
    }
    let path = Path::new(reference);
    if path.is_absolute() || path.has_root() || reference.starts_with(['/', '\\']) {
        return Err(Refusal::Absolute);
    }
    let joined = base.join(path);
    // canonicalize resolves `..` and symbolic links, so the check below sees the real place.
    match std::fs::canonicalize(&joined) {
        Ok(canonical) if canonical.starts_with(root) => Ok(canonical),
        Ok(_) => Err(Refusal::Outside(joined)),
        Err(_) => {
            // A file that does not exist: still refuse a path that points outside, so that
            // the answer does not tell which files exist there.
            if lexically_inside(&joined, root) {
                Ok(joined)
            } else {
                Err(Refusal::Outside(joined))
            }
        }
    }
}

/// `scheme:` at the start, as in `http://...`, `file:/etc/passwd` or `data:...`.
fn has_scheme(reference: &str) -> bool {
    let Some((scheme, _)) = reference.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Whether `path`, with `.` and `..` applied without touching the file system, is below `root`.
fn lexically_inside(path: &Path, root: &Path) -> bool {
    use std::path::Component;
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir => {
                if !out.pop() {
                    return false;
                }
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out.starts_with(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_are_urls_and_plain_names_are_not() {
        assert!(has_scheme("http://example.com/a.yaml"));
        assert!(has_scheme("file:/etc/passwd"));
        assert!(has_scheme("data:text/plain,x"));
        assert!(!has_scheme("common.yaml"));
        assert!(!has_scheme("dir/common.yaml#/a:b"));
        assert!(!has_scheme(":x"));
    }

    #[test]
    fn lexical_containment() {
        let root = Path::new("/a/b");
        assert!(lexically_inside(Path::new("/a/b/c/../d.yaml"), root));
        assert!(!lexically_inside(Path::new("/a/b/../c.yaml"), root));
        assert!(!lexically_inside(Path::new("/a/b/../../../../x"), root));
    }

    #[test]
    fn special_files_are_not_read() {
        assert_eq!(
            read_limited(Path::new("/dev/zero"), 1024).unwrap_err(),
            "not a regular file"
        );
        assert_eq!(
            read_limited(Path::new("/proc/self"), 1024).unwrap_err(),
            "not a regular file"
        );
    }
}

//! No import cycles between the modules of any crate of the workspace.
//!
//! For every module, its child modules must form a directed acyclic graph: child `a` depends
//! on its sibling `b` when any file of `a`'s subtree names a path into `b`'s subtree
//! (`crate::b::…`, `super::b::…`, `use crate::{b::…}`, `$crate::b::…`). A parent and its own
//! children may use each other (a module re-exports what its children define, and they use
//! its shared items); two siblings that use each other are one concern split in two, or a
//! shared piece that belongs in a third module.
//!
//! The scan is over the token streams of the files (`proc-macro2`), so it sees grouped
//! imports and paths in expressions alike; `#[cfg(test)]` modules at the end of a file are
//! left out (a test may reach anywhere).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use proc_macro2::{Delimiter, TokenStream, TokenTree};

/// The workspace's crates, as the folders holding their `src/`.
fn crate_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut dirs = Vec::new();
    for entry in std::fs::read_dir(&root).expect("the workspace root") {
        let path = entry.expect("a workspace entry").path();
        if path.join("Cargo.toml").is_file() && path.join("src").is_dir() {
            dirs.push(path);
        }
    }
    for entry in std::fs::read_dir(root.join("examples")).expect("examples/") {
        let path = entry.expect("an example").path();
        if path.join("src").is_dir() {
            dirs.push(path);
        }
    }
    dirs.sort();
    dirs
}

/// Every `.rs` file below `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("a source entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file below `src/`: `lib.rs`, `main.rs` and `bin/x.rs` are roots
/// (`[]`), `a/mod.rs` and `a.rs` are `[a]`, `a/b.rs` is `[a, b]`.
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).expect("a file below src/");
    let parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if parts.len() == 1 && (parts[0] == "lib.rs" || parts[0] == "main.rs") {
        return Vec::new();
    }
    if parts.len() == 2 && parts[0] == "bin" {
        return Vec::new();
    }
    let mut path: Vec<String> = parts[..parts.len() - 1].to_vec();
    let last = parts[parts.len() - 1].trim_end_matches(".rs");
    if last != "mod" {
        path.push(last.to_owned());
    }
    path
}

/// The file's text without a trailing `#[cfg(test)] mod …` block.
fn without_tests(text: &str) -> &str {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim() == "#[cfg(test)]" {
            let rest = text[offset + line.len()..].trim_start();
            if rest.starts_with("mod ") || rest.starts_with("pub(crate) mod ") {
                return &text[..offset];
            }
        }
        offset += line.len();
    }
    text
}

fn is_punct(token: Option<&TokenTree>, c: char) -> bool {
    matches!(token, Some(TokenTree::Punct(p)) if p.as_char() == c)
}

fn is_path_sep(tokens: &[TokenTree], at: usize) -> bool {
    is_punct(tokens.get(at), ':') && is_punct(tokens.get(at + 1), ':')
}

/// Collects the paths that follow `base ::` at `tokens[at..]`, through `{…}` groups.
fn collect_paths(
    tokens: &[TokenTree],
    mut at: usize,
    base: Vec<String>,
    out: &mut Vec<Vec<String>>,
) {
    let mut path = base;
    loop {
        match tokens.get(at) {
            Some(TokenTree::Ident(ident)) => {
                let name = ident.to_string();
                if name == "super" {
                    path.pop();
                } else if name != "self" {
                    path.push(name);
                }
                if is_path_sep(tokens, at + 1) {
                    at += 3;
                    continue;
                }
                out.push(path);
                return;
            }
            Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Brace => {
                let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                let mut start = 0;
                for i in 0..=inner.len() {
                    if i == inner.len() || is_punct(inner.get(i), ',') {
                        if start < i {
                            collect_paths(&inner[start..i], 0, path.clone(), out);
                        }
                        start = i + 1;
                    }
                }
                return;
            }
            _ => {
                out.push(path);
                return;
            }
        }
    }
}

/// The absolute paths a file names, given its own module path.
fn referenced_paths(stream: TokenStream, own: &[String], out: &mut Vec<Vec<String>>) {
    let tokens: Vec<TokenTree> = stream.into_iter().collect();
    let mut at = 0;
    while at < tokens.len() {
        match &tokens[at] {
            TokenTree::Group(group) => referenced_paths(group.stream(), own, out),
            TokenTree::Ident(ident) if is_path_sep(&tokens, at + 1) => {
                let name = ident.to_string();
                // `a::super::b` cannot happen; only a path's first segment picks its base.
                let first = at == 0 || !is_punct(tokens.get(at - 1), ':');
                if first && name == "crate" {
                    collect_paths(&tokens, at + 3, Vec::new(), out);
                } else if first && name == "super" {
                    let mut base = own.to_vec();
                    base.pop();
                    collect_paths(&tokens, at + 3, base, out);
                }
            }
            _ => {}
        }
        at += 1;
    }
}

/// The cycles among the children of each module, as lists of sibling module paths.
fn cycles(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_path(src, f)).collect();
    // edges[parent][a] = {b: the file that made the edge}
    let mut edges: BTreeMap<Vec<String>, BTreeMap<String, BTreeMap<String, String>>> =
        BTreeMap::new();
    for file in &files {
        let own = module_path(src, file);
        let text = std::fs::read_to_string(file).expect("a source file");
        let Ok(stream) = TokenStream::from_str(without_tests(&text)) else {
            panic!("{} does not tokenize", file.display());
        };
        let mut paths = Vec::new();
        referenced_paths(stream, &own, &mut paths);
        for path in paths {
            // The longest prefix that is a module of ours.
            let Some(target) = (0..=path.len())
                .rev()
                .map(|n| path[..n].to_vec())
                .find(|p| modules.contains(p))
            else {
                continue;
            };
            let common = own.iter().zip(&target).take_while(|(a, b)| a == b).count();
            if common == own.len() || common == target.len() {
                continue; // a module and its own ancestor or descendant
            }
            let parent = own[..common].to_vec();
            edges
                .entry(parent)
                .or_default()
                .entry(own[common].clone())
                .or_default()
                .entry(target[common].clone())
                .or_insert_with(|| file.display().to_string());
        }
    }
    let mut found = Vec::new();
    for (parent, graph) in &edges {
        for members in find_cycles(graph) {
            let edges: Vec<String> = members
                .iter()
                .flat_map(|a| {
                    members.iter().filter_map(move |b| {
                        let file = graph.get(a)?.get(b)?;
                        Some(format!("  {a} -> {b} ({file})"))
                    })
                })
                .collect();
            found.push(format!(
                "modules of `crate::{}` that reach each other: {}\n{}",
                parent.join("::"),
                members.join(", "),
                edges.join("\n")
            ));
        }
    }
    found
}

/// The strongly connected components of more than one node, each as its members in order.
fn find_cycles(graph: &BTreeMap<String, BTreeMap<String, String>>) -> Vec<Vec<String>> {
    // Kosaraju: finishing order on the graph, then components on the reversed graph.
    fn visit<'a>(
        node: &'a str,
        next: &dyn Fn(&'a str) -> Vec<&'a str>,
        seen: &mut BTreeSet<&'a str>,
        out: &mut Vec<&'a str>,
    ) {
        // Iterative depth-first search: (node, its successors, how many were visited).
        let mut stack: Vec<(&str, Vec<&str>, usize)> = Vec::new();
        if seen.insert(node) {
            stack.push((node, next(node), 0));
        }
        while let Some((n, succ, i)) = stack.last_mut() {
            if let Some(&m) = succ.get(*i) {
                *i += 1;
                if seen.insert(m) {
                    stack.push((m, next(m), 0));
                }
            } else {
                out.push(n);
                stack.pop();
            }
        }
    }
    let forward = |n: &str| -> Vec<&str> {
        graph
            .get(n)
            .map(|m| m.keys().map(String::as_str).collect())
            .unwrap_or_default()
    };
    let backward = |n: &str| -> Vec<&str> {
        graph
            .iter()
            .filter(|(_, to)| to.contains_key(n))
            .map(|(from, _)| from.as_str())
            .collect()
    };
    let mut nodes: BTreeSet<&str> = graph.keys().map(String::as_str).collect();
    nodes.extend(graph.values().flat_map(|m| m.keys().map(String::as_str)));
    let mut seen = BTreeSet::new();
    let mut order = Vec::new();
    for &n in &nodes {
        visit(n, &forward, &mut seen, &mut order);
    }
    let mut seen = BTreeSet::new();
    let mut components = Vec::new();
    for &n in order.iter().rev() {
        let mut component = Vec::new();
        visit(n, &backward, &mut seen, &mut component);
        if component.len() > 1 {
            component.sort();
            components.push(component.into_iter().map(str::to_owned).collect());
        }
    }
    components
}

#[test]
fn no_crate_has_an_import_cycle_between_its_modules() {
    let mut found = Vec::new();
    for dir in crate_dirs() {
        for cycle in cycles(&dir.join("src")) {
            found.push(format!(
                "{}: {cycle}",
                dir.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    assert!(
        found.is_empty(),
        "modules that import each other:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_sees_grouped_imports_and_super_paths() {
    let dir = std::env::temp_dir().join(format!("valawai-cycles-{}", std::process::id()));
    let src = dir.join("src");
    std::fs::create_dir_all(src.join("a")).unwrap();
    std::fs::write(src.join("lib.rs"), "mod a; mod b; mod c;").unwrap();
    std::fs::write(src.join("a/mod.rs"), "mod x; use crate::{c, b::{Thing}};").unwrap();
    std::fs::write(src.join("a/x.rs"), "fn f() { super::super::c::g(); }").unwrap();
    std::fs::write(
        src.join("b.rs"),
        "pub struct Thing; fn f() { crate::a::h(); }",
    )
    .unwrap();
    std::fs::write(
        src.join("c.rs"),
        "pub fn g() {}\n#[cfg(test)]\nmod tests { use crate::a::h; }\n",
    )
    .unwrap();
    let found = cycles(&src);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("a -> b (") && found[0].contains("b -> a ("),
        "{found:?}"
    );
    assert!(!found[0].contains("c -> a"), "{found:?}");
}

//! The modules of each crate and which of them name which (`use crate::…`, `super::…`, paths
//! in code), to keep the crates free of module cycles: a test fails when two modules reach each
//! other. A module naming its own ancestor (a child using its parent's items) is not counted:
//! the parent declares the child, so that pair is one unit.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// A module's path inside its crate, `""` for the root (`a::b` as `["a", "b"]`).
type ModPath = Vec<String>;

/// The modules of the crate whose sources are under `src` (one per file).
fn modules(src: &Path) -> BTreeMap<ModPath, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(src).expect("under src");
            let mut parts: Vec<String> = rel
                .with_extension("")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(
                parts.last().map(String::as_str),
                Some("mod" | "lib" | "main")
            ) {
                parts.pop();
            }
            let text = fs::read_to_string(&path).unwrap_or_default();
            out.insert(parts, text);
        }
    }
    out
}

/// The paths a source names: every `crate::a::b` and `super::a` (resolved from `module`),
/// `use` trees with braces expanded.
fn named_paths(module: &ModPath, text: &str) -> Vec<ModPath> {
    // Code only: drop the test module (always last: clippy's `items_after_test_module`), as
    // tests may use anything, and line comments (doc links name modules without using them).
    let text = text.split("#[cfg(test)]\nmod ").next().unwrap_or(text);
    let code: String = text
        .lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < code.len() {
        if !code.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let rest = &code[i..];
        let start_ok = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
        let head = ["crate::", "super::"]
            .into_iter()
            .find(|h| rest.starts_with(h));
        let (Some(head), true) = (head, start_ok) else {
            i += 1;
            continue;
        };
        let (tree, len) = use_tree(rest);
        for path in expand(&tree) {
            let mut segs: Vec<String> = path.split("::").map(str::to_owned).collect();
            let resolved = if head == "crate::" {
                segs.remove(0);
                segs
            } else {
                let mut base = module.clone();
                while segs.first().is_some_and(|s| s == "super") {
                    segs.remove(0);
                    base.pop();
                }
                base.extend(segs);
                base
            };
            out.push(resolved);
        }
        i += len.max(1);
    }
    out
}

/// The use tree starting at `text` (`crate::a::{b, c::d}`…) and its length.
fn use_tree(text: &str) -> (String, usize) {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return (text[..i].to_owned(), i),
            '}' => depth -= 1,
            c if depth == 0 && !(c.is_alphanumeric() || c == '_' || c == ':') => {
                return (text[..i].to_owned(), i);
            }
            _ => {}
        }
    }
    (text.to_owned(), text.len())
}

/// `a::{b, c::{d, e}}` → `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(open) = tree.find('{') else {
        return vec![tree.trim_end_matches("::").to_owned()];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let (mut depth, mut from) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[from..]);
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .flat_map(|p| {
            expand(p).into_iter().map(move |e| {
                if e == "self" {
                    prefix.trim_end_matches("::").to_owned()
                } else {
                    format!("{prefix}{e}")
                }
            })
        })
        .collect()
}

/// Which module each module names (the longest module prefix of each path), ancestors left out.
fn edges(src: &Path) -> BTreeMap<ModPath, BTreeSet<ModPath>> {
    let mods = modules(src);
    let mut out: BTreeMap<ModPath, BTreeSet<ModPath>> = BTreeMap::new();
    for (module, text) in &mods {
        let targets = out.entry(module.clone()).or_default();
        for path in named_paths(module, text) {
            let target = (0..=path.len())
                .rev()
                .map(|n| path[..n].to_vec())
                .find(|p| mods.contains_key(p))
                .unwrap_or_default();
            let ancestor = module.starts_with(&target);
            if !ancestor {
                targets.insert(target);
            }
        }
    }
    out
}

/// The groups of modules that reach each other (Tarjan's strongly connected components).
fn cycles(graph: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> Vec<Vec<String>> {
    struct State<'a> {
        graph: &'a BTreeMap<ModPath, BTreeSet<ModPath>>,
        index: BTreeMap<&'a ModPath, usize>,
        low: BTreeMap<&'a ModPath, usize>,
        stack: Vec<&'a ModPath>,
        on_stack: BTreeSet<&'a ModPath>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a ModPath) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.graph.get(v).into_iter().flatten() {
            let Some((w, _)) = s.graph.get_key_value(w) else {
                continue;
            };
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                group.push(if w.is_empty() {
                    "crate".to_owned()
                } else {
                    w.join("::")
                });
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                s.out.push(group);
            }
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn use_trees_expand() {
        assert_eq!(
            expand("super::{plan::{self, counts}, controller::Phase}"),
            [
                "super::plan",
                "super::plan::counts",
                "super::controller::Phase"
            ]
        );
    }

    #[test]
    fn a_cycle_between_two_modules_is_found() {
        let a = vec!["a".to_owned()];
        let b = vec!["b".to_owned()];
        let graph = BTreeMap::from([
            (a.clone(), BTreeSet::from([b.clone()])),
            (b.clone(), BTreeSet::from([a.clone()])),
        ]);
        assert_eq!(cycles(&graph), [["a", "b"]]);
    }

    #[test]
    fn no_crate_has_a_module_cycle() {
        let root = crate::root();
        let mut found = Vec::new();
        for src in [
            "src",
            "crates/hsm-domain/src",
            "crates/hsm-devserver/src",
            "xtask/src",
        ] {
            for group in cycles(&edges(&root.join(src))) {
                found.push(format!("{src}: {}", group.join(" ↔ ")));
            }
        }
        assert!(found.is_empty(), "module cycles:\n{}", found.join("\n"));
    }
}

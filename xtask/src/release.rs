//! The release build: the app cut into a first module (list) and a chunk (editor).
//!
//! Trunk cannot split a wasm module, so this build does without it:
//! 1. `cargo build --release` for wasm32 with `--cfg hsm_split` (the split point in
//!    `src/lazy.rs`) and `--emit-relocs` (the splitter reads the relocations), in its own
//!    target dir so the normal builds keep their cache;
//! 2. `wasm-split-cli` moves what only the split point reaches into `split_editor.wasm` (and
//!    `chunk_*.wasm`, if any) and writes the loader `__wasm_split.js`;
//! 3. `wasm-bindgen` on the main module, with the same out-name, keeping the exports the
//!    loader needs;
//! 4. `wasm-opt -Oz` on the main module and on every chunk;
//! 5. the page: the stylesheets, `public/`, an `index.html`, its `boot.js` and the painter of
//!    the list's first rows, `hsm-first-paint.js`, with the words of `locales/` ([`painter`]),
//!    and the editor's, validation's and insights' words the first module leaves out ([`words`]);
//! 6. `.br`/`.gz` siblings of every wasm, JS and CSS file.

use std::fs;
use std::path::{Path, PathBuf};

use crate::process::{cargo_home, cmd, exec, output};
use crate::root;

/// The module's name: `hsm-admin.js`, `hsm-admin_bg.wasm` (the portal refers to these).
const OUT_NAME: &str = "hsm-admin";

/// The list's first page, asked for while the page is parsed, before any script runs: the
/// prefetch's `fetch` (same URL, `?page=1` included, no header, same-origin credentials) then
/// takes this answer. The app's own requests never use that URL, so none of them is answered
/// from this preload later (a reload of the list after a save must not get the old answer).
/// It fits the page as built (same-origin API, no token); `cargo xtask serve` removes it when
/// it points the page at another backend or gives it a token.
pub const LIST_PRELOAD: &str =
    "<link rel=\"preload\" href=\"/api/v1/whatsapp/template-groups?page=1\" \
                                as=\"fetch\" crossorigin fetchpriority=\"high\" />";

/// The features the wasm uses: wasm-opt refuses (or breaks) the module without them.
const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-reference-types",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-multivalue",
];

/// `rustc` flags of the split build.
const RUSTFLAGS: &str = "--cfg hsm_split --cfg erase_components -Clink-args=--emit-relocs";

/// [`RUSTFLAGS`] as `CARGO_ENCODED_RUSTFLAGS` (which, unlike `RUSTFLAGS`, wins over any other
/// flag source), plus remaps of cargo's registry folder and of the toolchain's own sources: the
/// panic locations left in release would otherwise ship the build machine's folders in the
/// module, once per dependency or std file.
pub fn encoded_rustflags() -> String {
    let mut flags: Vec<String> = RUSTFLAGS.split(' ').map(str::to_owned).collect();
    if let Some(home) = cargo_home() {
        flags.push(format!(
            "--remap-path-prefix={}=",
            home.join("registry/src").display()
        ));
    }
    if let Some(sysroot) = output(cmd("rustc").args(["--print", "sysroot"])) {
        flags.push(format!(
            "--remap-path-prefix={}=/rustc/src",
            Path::new(sysroot.trim())
                .join("lib/rustlib/src/rust")
                .display()
        ));
    }
    flags.join("\u{1f}")
}

/// Builds `dist/` (see the module doc).
pub fn build() -> Result<(), String> {
    let target = root().join("target/split");
    exec(
        cmd("cargo")
            .args([
                "build",
                "--release",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "hsm-admin",
                "--bin",
                OUT_NAME,
                "--target-dir",
            ])
            .arg(&target)
            .env("CARGO_ENCODED_RUSTFLAGS", encoded_rustflags())
            .env_remove("RUSTFLAGS"),
    )?;
    let linked = target.join(format!("wasm32-unknown-unknown/release/{OUT_NAME}.wasm"));
    let split = fresh_dir(&target.join("wasm-split"))?;
    exec(
        cmd("wasm-split-cli")
            .args(["--target", "web", "--out-name", OUT_NAME])
            .arg(&linked)
            .arg(&split),
    )?;

    let dist = fresh_dir(&root().join("dist"))?;
    exec(
        cmd("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--keep-lld-exports",
                "--no-demangle",
                "--out-name",
                OUT_NAME,
                "--out-dir",
            ])
            .arg(&dist)
            .arg(split.join(format!("{OUT_NAME}.wasm"))),
    )?;
    let mut modules = vec![dist.join(format!("{OUT_NAME}_bg.wasm"))];
    for path in files(&split)? {
        let name = file_name(&path);
        if name == format!("{OUT_NAME}.wasm") {
            continue;
        }
        let to = dist.join(&name);
        copy(&path, &to)?;
        if name.ends_with(".wasm") {
            modules.push(to);
        }
    }
    for module in &modules {
        exec(
            cmd("wasm-opt")
                .arg("-Oz")
                .args(WASM_FEATURES)
                .arg(module)
                .arg("-o")
                .arg(module),
        )?;
    }

    page(&dist)?;
    exec(cmd("node").args(["tools/precompress.mjs", "dist"]))
}

/// The standalone page around the module: what Trunk makes of `index.html`, plus `boot.js`
/// (a file, not an inline script, so the page runs under `script-src 'self'`).
fn page(dist: &Path) -> Result<(), String> {
    let source = root().join("index.html");
    let html = fs::read_to_string(&source).map_err(|e| format!("{}: {e}", source.display()))?;
    let mut out = String::with_capacity(html.len() + 512);
    let mut css = String::new();
    for line in html.lines() {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        if !trimmed.starts_with("<link data-trunk") {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let href = attr(trimmed, "href");
        match attr(trimmed, "rel").as_deref() {
            Some("rust") => {
                // Only what paints the first rows is asked for while the page is parsed, at high
                // priority (an async script is otherwise one the browser holds back until the
                // stylesheets are in): the app's glue and wasm come once the rows are painted
                // (boot.js), so they do not compete with the list's answer for the network
                // and the cores.
                out.push_str(&format!(
                    "{indent}{LIST_PRELOAD}\n\
                     {indent}<link rel=\"modulepreload\" href=\"/hsm-first-paint.js\" fetchpriority=\"high\" />\n\
                     {indent}<script type=\"module\" async src=\"/boot.js\" fetchpriority=\"high\"></script>\n"
                ));
            }
            Some("css") => {
                // One stylesheet for the page (`hsm.css`, the sheets in their order, as the
                // app adopts them in a shadow root): over HTTP/1.1 a browser opens six
                // connections to a host, and the first paint should need no more. Each sheet
                // is copied as well.
                let href = href.ok_or("index.html: a css link without href")?;
                let name = file_name(Path::new(&href));
                copy(&root().join(&href), &dist.join(&name))?;
                let text =
                    fs::read_to_string(root().join(&href)).map_err(|e| format!("{href}: {e}"))?;
                if css.is_empty() {
                    out.push_str(&format!(
                        "{indent}<link rel=\"stylesheet\" href=\"/{PAGE_CSS}\" />\n"
                    ));
                }
                css.push_str(&text);
                css.push('\n');
            }
            Some("copy-dir") => {
                let href = href.ok_or("index.html: a copy-dir link without href")?;
                copy_dir(&root().join(href), dist)?;
            }
            other => return Err(format!("index.html: unhandled Trunk link rel={other:?}")),
        }
    }
    fs::write(dist.join("index.html"), out).map_err(|e| e.to_string())?;
    fs::write(dist.join(PAGE_CSS), css).map_err(|e| format!("{PAGE_CSS}: {e}"))?;
    boot(dist)?;
    painter(dist)?;
    words(dist)
}

/// The catalogue areas the first module leaves out (`src/i18n/catalog.rs`'s `DEFERRED`): the
/// editor, the import screen, the insights and the history screens fetch them with their code.
const DEFERRED_AREAS: [&str; 4] = ["editor", "validation", "insights", "history"];

/// `hsm-words-<tag>.json` per locale: `{"editor": {…}, "validation": {…}, …}` from `locales/`.
fn words(dist: &Path) -> Result<(), String> {
    for locale in LOCALES {
        let mut file = serde_json::Map::new();
        for area in DEFERRED_AREAS {
            let path = root().join(format!("locales/{locale}/{area}.json"));
            let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let map: serde_json::Value =
                serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            file.insert(area.to_owned(), map);
        }
        let name = format!("hsm-words-{locale}.json");
        let text = serde_json::to_string(&file).map_err(|e| e.to_string())?;
        fs::write(dist.join(&name), text).map_err(|e| format!("{name}: {e}"))?;
    }
    Ok(())
}

/// Every stylesheet of the app in one file (see [`page`]).
const PAGE_CSS: &str = "hsm.css";

/// The text of the source file `path` (from the workspace root), which must hold `mark`: the
/// place the build writes what it generates.
fn read_marked(path: &str, mark: &str) -> Result<String, String> {
    let text = fs::read_to_string(root().join(path)).map_err(|e| format!("{path}: {e}"))?;
    if text.contains(mark) {
        Ok(text)
    } else {
        Err(format!("{path}: the marker `{mark}` is missing"))
    }
}

/// `boot.js`: `src/boot.js` with the editor's chunks (`split_editor.wasm` and the shared
/// `chunk_*.wasm` the editor loads, whose names change between builds), which it preloads on
/// the editor's deep links.
fn boot(dist: &Path) -> Result<(), String> {
    const MARK: &str = "/* generated: editor chunks */ []";
    let js = read_marked("src/boot.js", MARK)?;
    let loader = fs::read_to_string(dist.join("__wasm_split.js"))
        .map_err(|e| format!("__wasm_split.js: {e}"))?;
    let chunks = chunks_of(&loader, "editor");
    let list = serde_json::to_string(&chunks).map_err(|e| e.to_string())?;
    fs::write(dist.join("boot.js"), js.replace(MARK, &list)).map_err(|e| format!("boot.js: {e}"))
}

/// The files the split point `split` loads, as the splitter's loader names them: its own
/// `split_<name>.wasm` and each shared `chunk_*.wasm` whose heading comment
/// (`/* editor, import */`) lists it. Other split points' chunks are left out, so an editor
/// deep link does not preload the insights' or the history's code.
fn chunks_of(loader: &str, split: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut users: Vec<&str> = Vec::new();
    for line in loader.lines().map(str::trim) {
        if let Some(names) = line.strip_prefix("/* ").and_then(|l| l.strip_suffix(" */")) {
            users = names.split(", ").collect();
        } else if let Some(rest) = line.split("new URL(\"./").nth(1) {
            let file = rest.split('"').next().unwrap_or_default();
            let own = file == format!("split_{split}.wasm");
            let shared = file.starts_with("chunk_") && users.contains(&split);
            if (own || shared) && !out.iter().any(|f| f == file) {
                out.push(file.to_owned());
            }
            users.clear();
        }
    }
    out
}

/// The catalogue areas and single keys the painted list uses: what `src/first_paint.js` looks up.
const PAINTER_AREAS: [&str; 2] = ["list", "common"];
const PAINTER_KEYS: [&str; 2] = ["transfer.export", "transfer.import_link"];
const LOCALES: [&str; 3] = ["pt-BR", "en", "es"];

/// `hsm-first-paint.js`: `src/first_paint.js` with each locale's words from `locales/`, so the
/// rows painted before the app say exactly what the app's rows say (no second catalogue).
fn painter(dist: &Path) -> Result<(), String> {
    const MARK: &str = "/* generated: words */ {}";
    const SOURCE: &str = "src/first_paint.js";
    let js = read_marked(SOURCE, MARK)?;
    let mut words = serde_json::Map::new();
    for locale in LOCALES {
        let mut picked = serde_json::Map::new();
        for area in ["list", "common", "transfer"] {
            let path = root().join(format!("locales/{locale}/{area}.json"));
            let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let map: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            for (key, value) in map {
                let full = format!("{area}.{key}");
                if PAINTER_AREAS.contains(&area) || PAINTER_KEYS.contains(&full.as_str()) {
                    picked.insert(full, value);
                }
            }
        }
        words.insert(locale.to_owned(), serde_json::Value::Object(picked));
    }
    let words = serde_json::to_string(&words).map_err(|e| e.to_string())?;
    // The prefetch module is written into the painter (its import dropped): one request fewer
    // before the first rows. Its state lives on `globalThis`, so the copy that
    // `<citrus-hsm-templates>` imports on its own shares it.
    const IMPORT: &str = "import { prefetchList, listUrl } from './hsm-prefetch.js';\n";
    if !js.contains(IMPORT) {
        return Err(format!("{SOURCE}: the line `{}` is missing", IMPORT.trim()));
    }
    let prefetch_path = root().join("public/hsm-prefetch.js");
    let prefetch = fs::read_to_string(&prefetch_path)
        .map_err(|e| format!("{}: {e}", prefetch_path.display()))?;
    let bundled = format!(
        "{prefetch}\n{}",
        js.replace(IMPORT, "").replace(MARK, &words)
    );
    fs::write(dist.join("hsm-first-paint.js"), bundled)
        .map_err(|e| format!("hsm-first-paint.js: {e}"))
}

/// The value of `name="…"` in a tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = tag[start..].find('"')?;
    Some(tag[start..start + len].to_owned())
}

fn fresh_dir(dir: &Path) -> Result<PathBuf, String> {
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(dir.to_path_buf())
}

fn files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    Ok(out)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("copying {}: {e}", from.display()))
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let dest = to.join(file_name(&path));
        if path.is_dir() {
            copy_dir(&path, &dest)?;
        } else {
            copy(&path, &dest)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::chunks_of;

    #[test]
    fn a_split_point_loads_its_own_chunk_and_the_shared_ones_naming_it() {
        let loader = r#"
/* editor, import */
const __chunk_4 = makeLoad(() => {
    const src = fetch(new URL("./chunk_4.wasm", import.meta.url));
}, []);
/* import, insights */
const __chunk_7 = makeLoad(() => {
    const src = fetch(new URL("./chunk_7.wasm", import.meta.url));
}, []);
export const __wasm_split_load_editor = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_editor.wasm", import.meta.url));
}, [__chunk_4]));
export const __wasm_split_load_insights = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_insights.wasm", import.meta.url));
}, [__chunk_7]));
"#;
        assert_eq!(
            chunks_of(loader, "editor"),
            ["chunk_4.wasm", "split_editor.wasm"]
        );
        assert_eq!(
            chunks_of(loader, "insights"),
            ["chunk_7.wasm", "split_insights.wasm"]
        );
        assert!(chunks_of(loader, "history").is_empty());
    }
}

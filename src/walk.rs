//! Finding the files to lint: `ignore`'s parallel walker, built-in excludes, stable order.

use crate::config::Config;
use crate::finding::{FileNote, NoteKind};
use crate::parse::EXTENSIONS;
use ignore::{WalkBuilder, WalkState};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Folders that hold dependencies or build output, skipped unless `--no-ignore`.
/// `ignore` honours .gitignore only inside a git repository, so these must be built in.
pub const EXCLUDED_DIRS: &[&str] = &[
    "node_modules",
    "bower_components",
    "jspm_packages",
    "dist",
    "build",
    ".next",
    ".nuxt",
    ".svelte-kit",
    ".output",
    ".vercel",
    ".turbo",
    "coverage",
    ".git",
];

pub struct Walked {
    pub files: Vec<PathBuf>,
    pub notes: Vec<FileNote>,
    /// `tsconfig.json` / `jsconfig.json` files met on the way (for path aliases).
    pub ts_configs: Vec<PathBuf>,
    /// Test folders or files were left out (`--include-tests` not given): what the project
    /// does in its tests is not known (safe fixes that rely on every sign of a key check it).
    pub skipped_tests: bool,
}

/// Folders that hold tests; skipped unless `--include-tests` (tests sign tokens with
/// throwaway keys on purpose, as semgrep's default ignores also assume).
pub const TEST_DIRS: &[&str] = &[
    "test",
    "tests",
    "__tests__",
    "__mocks__",
    "__fixtures__",
    "spec",
    "specs",
    "e2e",
    "cypress",
    "playwright",
    "integration-tests",
    "integration-test",
    "testing",
    "test-utils",
    "test_utils",
    "testutils",
    "test-helpers",
    "test-support",
    // Type tests (tsd, vitest's typecheck, tstyche): they compile, never run.
    "test-d",
    "type-tests",
    "typetests",
];

/// Whether a file name is a test: `a.test.ts`, `a.spec.js`, `a.e2e-spec.ts`, `a.cy.ts`, and
/// type tests (`index.test-d.ts` for tsd and vitest, `a.tst.ts` for tstyche).
pub fn is_test_file(name: &str) -> bool {
    let stem = match name.rsplit_once('.') {
        Some((stem, _)) => stem,
        None => name,
    };
    stem.ends_with(".test")
        || stem.ends_with(".spec")
        || stem.ends_with(".e2e-spec")
        || stem.ends_with(".cy")
        || stem.ends_with(".test-d")
        || stem.ends_with(".spec-d")
        || stem.ends_with(".tst")
}

/// Whether a file name is generated or bundled code that nobody edits.
fn is_generated(name: &str) -> bool {
    name.ends_with(".min.js")
        || name.ends_with(".min.mjs")
        || name.ends_with(".bundle.js")
        || name.ends_with(".d.ts")
        || name.ends_with(".d.mts")
        || name.ends_with(".d.cts")
}

fn has_lint_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e))
}

/// Walks the configured paths. Paths must exist (the caller checks); explicit file
/// arguments are always linted, whatever their name.
/// Whether the walk of `root` leaves `path` (a file below it) out by its own rules: a
/// dependency, build or test folder, a test or generated file, or the configuration's
/// excludes. (Ignore files are not consulted: `false` may still be an ignored file.) The
/// language server asks before walking again for a file it did not see.
pub fn leaves_out(root: &Path, path: &Path, config: &Config) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    if config.no_ignore {
        return config.settings.excludes(path, false);
    }
    let include_tests = config.include_tests || config.settings.include_tests == Some(true);
    let mut dirs = rel.parent().into_iter().flat_map(|p| p.components());
    let name = rel
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    dirs.any(|c| {
        let c = c.as_os_str().to_string_lossy();
        EXCLUDED_DIRS.contains(&c.as_ref()) || (!include_tests && TEST_DIRS.contains(&c.as_ref()))
    }) || is_generated(&name)
        || (!include_tests && is_test_file(&name))
        || config.settings.excludes(path, false)
}

pub fn walk(config: &Config) -> Walked {
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    for p in &config.paths {
        if p.is_dir() {
            dirs.push(p.clone());
        } else {
            files.push(p.clone());
        }
    }
    let notes = Mutex::new(Vec::new());
    let found = Mutex::new(Vec::new());
    let configs = Mutex::new(Vec::new());
    let escapes = std::sync::Arc::new(Mutex::new(Vec::new()));
    let skipped_tests = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    if let Some((first, rest)) = dirs.split_first() {
        let roots: Vec<PathBuf> = dirs
            .iter()
            .filter_map(|d| std::fs::canonicalize(d).ok())
            .collect();
        let mut builder = WalkBuilder::new(first);
        for d in rest {
            builder.add(d);
        }
        let no_ignore = config.no_ignore;
        let include_tests = config.include_tests || config.settings.include_tests == Some(true);
        let skip_tests = !include_tests && !no_ignore;
        let settings = config.settings.clone();
        // Folders reached through a symbolic link are entered only while they stay inside
        // the scanned folders (links to files are checked below, where they are linted).
        let escapes_in = escapes.clone();
        let tests_out = skipped_tests.clone();
        let link_roots = roots.clone();
        builder
            .follow_links(true)
            .git_ignore(!no_ignore)
            .git_global(!no_ignore)
            .git_exclude(!no_ignore)
            .ignore(!no_ignore)
            .parents(!no_ignore)
            .hidden(!no_ignore)
            .threads(config.threads)
            .filter_entry(move |e| {
                if e.depth() == 0 {
                    return true;
                }
                let is_dir = e.file_type().is_some_and(|t| t.is_dir());
                if is_dir && e.path_is_symlink() {
                    let inside = std::fs::canonicalize(e.path())
                        .map(|t| link_roots.iter().any(|r| t.starts_with(r)))
                        .unwrap_or(false);
                    if !inside {
                        escapes_in.lock().unwrap().push(FileNote {
                            path: e.path().to_path_buf(),
                            kind: NoteKind::Skipped,
                            message:
                                "skipped: symbolic link to a folder outside the scanned folders"
                                    .into(),
                        });
                        return false;
                    }
                }
                // The configuration's excludes apply even with --no-ignore: they are explicit.
                if settings.excludes(e.path(), is_dir) {
                    return false;
                }
                if no_ignore {
                    return true;
                }
                let name = e.file_name().to_string_lossy();
                let (keep, test) = if is_dir {
                    let excluded = EXCLUDED_DIRS.contains(&name.as_ref());
                    let test = skip_tests && !excluded && TEST_DIRS.contains(&name.as_ref());
                    (!(excluded || test), test)
                } else {
                    let test = skip_tests && is_test_file(&name) && has_lint_extension(e.path());
                    (!(is_generated(&name) || test), test)
                };
                if test {
                    tests_out.store(true, std::sync::atomic::Ordering::Relaxed);
                }
                keep
            });
        if !no_ignore {
            builder.add_custom_ignore_filename(".jwtlintignore");
        }
        builder.build_parallel().run(|| {
            let roots = &roots;
            let notes = &notes;
            let found = &found;
            let configs = &configs;
            Box::new(move |entry| {
                match entry {
                    Ok(e) => {
                        let is_file = e.file_type().is_some_and(|t| t.is_file());
                        if is_file && matches!(e.file_name().to_str(), Some("tsconfig.json" | "jsconfig.json")) {
                            configs.lock().unwrap().push(e.path().to_path_buf());
                        }
                        if !has_lint_extension(e.path()) {
                            return WalkState::Continue;
                        }
                        if !is_file {
                            // A FIFO, socket or device with a source file's name: never opened.
                            let other = e.file_type().is_some_and(|t| !t.is_dir());
                            if other {
                                if let Ok(m) = std::fs::metadata(e.path()) {
                                    notes.lock().unwrap().push(FileNote {
                                        path: e.path().to_path_buf(),
                                        kind: NoteKind::Skipped,
                                        message: crate::source::not_a_file(&m).into(),
                                    });
                                }
                            }
                            return WalkState::Continue;
                        }
                        if e.path_is_symlink() {
                            // Follow links only while they stay inside the scanned roots.
                            let inside = std::fs::canonicalize(e.path())
                                .map(|t| roots.iter().any(|r| t.starts_with(r)))
                                .unwrap_or(false);
                            if !inside {
                                notes.lock().unwrap().push(FileNote {
                                    path: e.path().to_path_buf(),
                                    kind: NoteKind::Skipped,
                                    message: "skipped: symbolic link to a file outside the scanned folders".into(),
                                });
                                return WalkState::Continue;
                            }
                        }
                        found.lock().unwrap().push(e.into_path());
                    }
                    Err(err) => {
                        let path = walk_error_path(&err).unwrap_or_default();
                        notes.lock().unwrap().push(walk_error_note(path, &err));
                    }
                }
                WalkState::Continue
            })
        });
    }
    let mut all = found.into_inner().unwrap();
    all.extend(files);
    for p in &mut all {
        if let Ok(stripped) = p.strip_prefix("./") {
            *p = stripped.to_path_buf();
        }
    }
    all.sort();
    all.dedup();
    let mut notes = notes.into_inner().unwrap();
    notes.extend(std::mem::take(&mut *escapes.lock().unwrap()));
    notes.sort();
    let mut ts_configs = configs.into_inner().unwrap();
    for p in &mut ts_configs {
        if let Ok(stripped) = p.strip_prefix("./") {
            *p = stripped.to_path_buf();
        }
    }
    ts_configs.sort();
    Walked {
        files: all,
        notes,
        ts_configs,
        skipped_tests: skipped_tests.load(std::sync::atomic::Ordering::Relaxed),
    }
}

/// A note for a walk error. A broken symbolic link is not an error of the run: it says so,
/// as a warning, instead of "No such file or directory".
fn walk_error_note(path: PathBuf, err: &ignore::Error) -> FileNote {
    let is_link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && std::fs::metadata(&path).is_err() {
        let target = std::fs::read_link(&path)
            .map(|t| format!(" ({} does not exist)", t.display()))
            .unwrap_or_default();
        return FileNote {
            path,
            kind: NoteKind::Warning,
            message: format!("broken symbolic link{target}; nothing to lint"),
        };
    }
    FileNote {
        path,
        kind: NoteKind::Skipped,
        message: format!("skipped: {}", strip_path_prefix(err)),
    }
}

fn walk_error_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } => walk_error_path(err),
        ignore::Error::WithLineNumber { err, .. } => walk_error_path(err),
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        ignore::Error::Partial(errs) => errs.iter().find_map(walk_error_path),
        _ => None,
    }
}

fn strip_path_prefix(err: &ignore::Error) -> String {
    match err {
        ignore::Error::WithPath { err, .. } => strip_path_prefix(err),
        ignore::Error::WithDepth { err, .. } => strip_path_prefix(err),
        ignore::Error::Loop { ancestor, .. } => {
            format!("symbolic link loop back to {}", ancestor.display())
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    /// `leaves_out` agrees with the walk on every file of a tree (ignore files aside).
    #[test]
    fn leaves_out_agrees_with_the_walk() {
        use super::{leaves_out, walk, Config, PathBuf};
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        let files = [
            "src/a.js",
            "src/a.test.ts",
            "src/b.spec.js",
            "test/helper.js",
            "src/__tests__/x.tsx",
            "node_modules/pkg/index.js",
            "dist/bundle.js",
            "src/vendor.min.js",
            "packages/api/src/tokens.ts",
        ];
        for f in files {
            let p = root.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, "export const x = 1;\n").unwrap();
        }
        for include_tests in [false, true] {
            let config = Config {
                paths: vec![root.clone()],
                include_tests,
                ..Config::default()
            };
            let walked: Vec<PathBuf> = walk(&config).files;
            for f in files {
                let p = root.join(f);
                assert_eq!(
                    leaves_out(&root, &p, &config),
                    !walked.contains(&p),
                    "{f} (include_tests: {include_tests})"
                );
            }
        }
    }

    #[test]
    fn test_file_names() {
        for yes in [
            "a.test.ts",
            "auth.spec.js",
            "app.e2e-spec.ts",
            "login.cy.ts",
            "x.test.tsx",
            "index.test-d.ts",
            "types.spec-d.ts",
            "sign.tst.ts",
        ] {
            assert!(super::is_test_file(yes), "{yes}");
        }
        for no in [
            "test.ts",
            "latest.js",
            "inspect.ts",
            "contest.test-utils.ts",
            "spec.js",
        ] {
            assert!(!super::is_test_file(no), "{no}");
        }
    }
}

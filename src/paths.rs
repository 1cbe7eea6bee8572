//! Where reports say files are (DESIGN.md §5 "Paths").
//!
//! Inside the engine a path is kept as walked: `apps/api/src/x.ts`, `./src/x.ts`,
//! `../lib/x.ts` or absolute, depending on what was passed on the command line. Reports
//! convert at the boundary:
//!
//! - for people (human, JSON): relative to the working directory, so `jwtlint .`,
//!   `jwtlint ./src` and `jwtlint "$PWD/src"` all print `src/x.ts`;
//! - for tools (SARIF, GitLab, GitHub annotations, JUnit, baselines and fingerprints):
//!   relative to the repository root, so code scanning finds the files whichever folder
//!   was scanned or run from.
//!
//! Separators are always `/`.
//!
//! A leaf module: reports, suppression (fingerprints, baselines), the configuration and
//! module resolution all use it (`normalize`).

use std::path::{Component, Path, PathBuf};

/// The folders a run's report paths are relative to.
#[derive(Debug, Clone)]
pub struct Paths {
    cwd: PathBuf,
    root: PathBuf,
    /// `cwd` and `root` with symbolic links resolved, for paths that reach them through a
    /// link (`/tmp` → `/private/tmp`).
    cwd_real: Option<PathBuf>,
    root_real: Option<PathBuf>,
}

impl Default for Paths {
    fn default() -> Self {
        Paths::new(&[])
    }
}

impl Paths {
    /// For a run over `scanned` (paths as given) from the current working directory.
    pub fn new(scanned: &[PathBuf]) -> Paths {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
        Paths::with_cwd(cwd, scanned)
    }

    /// The repository root is the git top level above the first scanned path (a `.git`
    /// folder, or a `.git` file in a worktree or submodule). Outside git it is the working
    /// directory; when the first scanned path is outside the working directory too, that
    /// path itself (its folder, for a file), so reports never climb out with `../`.
    pub fn with_cwd(cwd: PathBuf, scanned: &[PathBuf]) -> Paths {
        let cwd = normalize(&cwd);
        let first = scanned
            .first()
            .map(|p| absolute(&cwd, p))
            .unwrap_or_else(|| cwd.clone());
        let root = git_top_level(&first).unwrap_or_else(|| {
            if first.starts_with(&cwd) {
                cwd.clone()
            } else if first.is_dir() {
                first.clone()
            } else {
                first
                    .parent()
                    .map_or_else(|| cwd.clone(), Path::to_path_buf)
            }
        });
        let real = |p: &Path| std::fs::canonicalize(p).ok().filter(|r| r != p);
        Paths {
            cwd_real: real(&cwd),
            root_real: real(&root),
            cwd,
            root,
        }
    }

    /// The repository root (absolute).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The working directory (absolute).
    pub fn cwd(&self) -> &Path {
        &self.cwd
    }

    /// A path for people: relative to the working directory; a path outside it stays
    /// relative (`../lib/x.ts`) if it was given so, else absolute.
    /// `for_people` with control characters escaped (`\n`, `\u{1b}`): a file name can hold
    /// anything, and a terminal or an annotation must not act on it.
    pub fn for_terminal(&self, p: &Path) -> String {
        escape_controls(&self.for_people(p))
    }

    pub fn for_people(&self, p: &Path) -> String {
        let abs = absolute(&self.cwd, p);
        if let Some(rel) = strip(&abs, &self.cwd, self.cwd_real.as_deref()) {
            return slashes(&rel);
        }
        if p.is_relative() {
            slashes(&normalize(p))
        } else {
            slashes(&abs)
        }
    }

    /// A path relative to the repository root, or `None` for a file outside it.
    pub fn in_repo(&self, p: &Path) -> Option<String> {
        let abs = absolute(&self.cwd, p);
        strip(&abs, &self.root, self.root_real.as_deref()).map(|rel| slashes(&rel))
    }

    /// A path relative to the repository root; a file outside it keeps its absolute path.
    pub fn for_tools(&self, p: &Path) -> String {
        self.in_repo(p)
            .unwrap_or_else(|| slashes(&absolute(&self.cwd, p)))
    }
}

/// `p` relative to `base`, also when `p` reaches `base` through a symbolic link.
fn strip(abs: &Path, base: &Path, base_real: Option<&Path>) -> Option<PathBuf> {
    if let Ok(rel) = abs.strip_prefix(base) {
        return Some(rel.to_path_buf());
    }
    let real = std::fs::canonicalize(abs).ok()?;
    let base = base_real.unwrap_or(base);
    real.strip_prefix(base)
        .ok()
        .or_else(|| real.strip_prefix(std::fs::canonicalize(base).ok()?).ok())
        .map(Path::to_path_buf)
}

/// The nearest folder at or above `start` that holds `.git` (a folder, or the file git
/// writes in worktrees and submodules). Found without running git.
pub fn git_top_level(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| dir.join(".git").exists())
        .map(Path::to_path_buf)
}

/// `p` made absolute against `cwd`, with `.` and `..` resolved lexically.
pub fn absolute(cwd: &Path, p: &Path) -> PathBuf {
    if p.is_absolute() {
        normalize(p)
    } else {
        normalize(&cwd.join(p))
    }
}

/// Removes `.` components and resolves `..` against the preceding component where there
/// is one (a leading `..` of a relative path stays).
pub fn normalize(p: &Path) -> PathBuf {
    let mut out: Vec<Component<'_>> = Vec::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(c),
            },
            c => out.push(c),
        }
    }
    out.iter().collect()
}

/// A path with `/` separators; the empty path (the folder itself) is `.`.
fn slashes(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    if s.is_empty() {
        ".".to_string()
    } else {
        s
    }
}

/// Control characters as Rust-style escapes; everything else unchanged.
pub fn escape_controls(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_string();
    }
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::create_dir_all(root.join("apps/api/src")).unwrap();
        std::fs::write(root.join("apps/api/src/x.ts"), "").unwrap();
        (dir, root)
    }

    #[test]
    fn normalize_resolves_dots() {
        assert_eq!(normalize(Path::new("./a/./b/../c")), PathBuf::from("a/c"));
        assert_eq!(normalize(Path::new("../a/b/..")), PathBuf::from("../a"));
        assert_eq!(normalize(Path::new("/a/../../b")), PathBuf::from("/b"));
    }

    #[test]
    fn subfolder_scan_is_repository_relative_for_tools() {
        let (_d, root) = repo();
        let p = Paths::with_cwd(root.clone(), &[PathBuf::from("apps/api")]);
        assert_eq!(p.root(), root);
        let walked = Path::new("apps/api/src/x.ts");
        assert_eq!(p.for_tools(walked), "apps/api/src/x.ts");
        assert_eq!(p.for_people(walked), "apps/api/src/x.ts");
    }

    #[test]
    fn run_inside_a_subfolder() {
        let (_d, root) = repo();
        let cwd = root.join("apps/api");
        for arg in [".", "./src", "src"] {
            let p = Paths::with_cwd(cwd.clone(), &[PathBuf::from(arg)]);
            let walked = Path::new(arg).join(if arg == "." { "src/x.ts" } else { "x.ts" });
            assert_eq!(p.root(), root, "{arg}");
            assert_eq!(p.for_tools(&walked), "apps/api/src/x.ts", "{arg}");
            assert_eq!(p.for_people(&walked), "src/x.ts", "{arg}");
        }
        // Absolute arguments give the same output.
        let abs = root.join("apps/api/src");
        let p = Paths::with_cwd(cwd.clone(), std::slice::from_ref(&abs));
        assert_eq!(p.for_tools(&abs.join("x.ts")), "apps/api/src/x.ts");
        assert_eq!(p.for_people(&abs.join("x.ts")), "src/x.ts");
        // A sibling reached with `..` stays relative for people.
        assert_eq!(
            p.for_people(Path::new("../web/y.ts")),
            "../web/y.ts".to_string()
        );
        assert_eq!(p.for_tools(Path::new("../web/y.ts")), "apps/web/y.ts");
    }

    #[test]
    fn a_git_file_marks_a_worktree() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir_all(root.join("wt/src")).unwrap();
        std::fs::write(root.join("wt/.git"), "gitdir: /elsewhere\n").unwrap();
        assert_eq!(git_top_level(&root.join("wt/src")), Some(root.join("wt")));
    }

    #[test]
    fn outside_git_and_outside_the_working_directory() {
        let dir = tempfile::tempdir().unwrap();
        let scanned = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir_all(scanned.join("src")).unwrap();
        let other = tempfile::tempdir().unwrap();
        let cwd = std::fs::canonicalize(other.path()).unwrap();
        let p = Paths::with_cwd(cwd, std::slice::from_ref(&scanned));
        // The scanned folder is the root: no `../` climbing out of the working directory.
        assert_eq!(p.root(), scanned);
        let file = scanned.join("src/a.js");
        assert_eq!(p.for_tools(&file), "src/a.js");
        assert_eq!(p.for_people(&file), slashes(&file));
        // A second path elsewhere keeps its absolute path.
        let elsewhere = Path::new("/definitely/elsewhere/b.js");
        assert_eq!(p.in_repo(elsewhere), None);
        assert_eq!(p.for_tools(elsewhere), "/definitely/elsewhere/b.js");
    }

    #[test]
    fn outside_git_inside_the_working_directory() {
        let dir = tempfile::tempdir().unwrap();
        let cwd = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir_all(cwd.join("src")).unwrap();
        let p = Paths::with_cwd(cwd.clone(), &[PathBuf::from("src")]);
        assert_eq!(p.root(), cwd);
        assert_eq!(p.for_tools(Path::new("src/a.js")), "src/a.js");
    }

    #[cfg(unix)]
    #[test]
    fn paths_through_a_symbolic_link() {
        let (_d, root) = repo();
        let link_dir = tempfile::tempdir().unwrap();
        let link = link_dir.path().join("link");
        std::os::unix::fs::symlink(&root, &link).unwrap();
        // Working directory resolved (as the kernel reports it), argument through the link.
        let p = Paths::with_cwd(root.clone(), &[link.join("apps/api")]);
        assert_eq!(
            p.for_tools(&link.join("apps/api/src/x.ts")),
            "apps/api/src/x.ts"
        );
        assert_eq!(
            p.for_people(&link.join("apps/api/src/x.ts")),
            "apps/api/src/x.ts"
        );
    }
}

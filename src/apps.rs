//! Apps (services) of a project. Module defaults such as a NestJS `JwtModule` or an
//! `@fastify/jwt` registration apply to the app that registers them, not to every file of
//! a monorepo (DESIGN.md §2 "Project boundaries").
//!
//! A file's app is the nearest folder above it that is a named package (a `package.json`
//! with a `name`: one of several projects in a scanned folder), a workspace member (a
//! folder with a `package.json`, named or not, matched by a workspace root's `package.json`
//! `workspaces` or `pnpm-workspace.yaml` `packages`), or an app folder of an Nx/Turborepo layout (`apps/<x>/`); a
//! file in none belongs to the project as a whole. The search never climbs above the project
//! of the root the file was walked from, so nothing outside it is read.

use crate::paths::normalize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// An app, numbered in the order met; [`NO_APP`] is the project outside any app.
pub type AppId = u32;
pub const NO_APP: AppId = 0;

/// A `package.json` larger than this is not a manifest anyone wrote by hand; it is not read.
const MAX_MANIFEST: u64 = 1024 * 1024;

pub struct Apps {
    cwd: PathBuf,
    /// Absolute folders no search climbs above: the walked roots' projects.
    boundaries: Vec<PathBuf>,
    /// Folder (absolute) → its app, so each folder's `package.json` is read once.
    folders: HashMap<PathBuf, AppId>,
    /// App folders; the app with id `n` is `apps[n - 1]`.
    apps: Vec<PathBuf>,
    /// Folder (absolute) → the workspace member patterns its manifests declare (`apps/*`,
    /// `packages/**`, `!x`; empty for most), read once.
    workspaces: HashMap<PathBuf, Vec<String>>,
}

impl Apps {
    /// `roots` are the walked paths (as given, relative to `cwd` or absolute).
    pub fn new(roots: &[PathBuf], cwd: &Path) -> Apps {
        let mut boundaries: Vec<PathBuf> = roots
            .iter()
            .map(|r| {
                let abs = normalize(&cwd.join(r));
                let folder = if abs.is_file() {
                    abs.parent().map_or_else(|| abs.clone(), Path::to_path_buf)
                } else {
                    abs
                };
                // `project_root` looks above a file's folder; a child name makes it start at
                // the folder itself.
                crate::config::project_root(&folder.join("package.json"))
                    .map(|p| normalize(&p))
                    .unwrap_or(folder)
            })
            .collect();
        boundaries.sort();
        boundaries.dedup();
        Apps {
            cwd: cwd.to_path_buf(),
            boundaries,
            folders: HashMap::new(),
            apps: Vec::new(),
            workspaces: HashMap::new(),
        }
    }

    /// The app of a file (as walked).
    pub fn app_of(&mut self, file: &Path) -> AppId {
        let abs = normalize(&self.cwd.join(file));
        // The innermost boundary holding the file: a nested root's project stops there.
        let Some(boundary) = self
            .boundaries
            .iter()
            .filter(|b| abs.starts_with(b))
            .max_by_key(|b| b.as_os_str().len())
            .cloned()
        else {
            return NO_APP;
        };
        match abs.parent() {
            Some(dir) if dir.starts_with(&boundary) => self.app_of_folder(dir, &boundary),
            _ => NO_APP,
        }
    }

    /// The folder of an app, for messages and tests.
    pub fn folder(&self, app: AppId) -> Option<&Path> {
        let i = (app as usize).checked_sub(1)?;
        self.apps.get(i).map(PathBuf::as_path)
    }

    fn app_of_folder(&mut self, dir: &Path, boundary: &Path) -> AppId {
        // Climb to the first folder already known or that is an app, then remember the
        // answer for every folder passed on the way.
        let mut passed = Vec::new();
        let mut cur = dir;
        let app = loop {
            if let Some(&app) = self.folders.get(cur) {
                break app;
            }
            passed.push(cur.to_path_buf());
            if is_app_folder(cur) || self.is_member(cur, boundary) {
                self.apps.push(cur.to_path_buf());
                break self.apps.len() as AppId;
            }
            match cur.parent() {
                Some(parent) if cur != boundary && parent.starts_with(boundary) => cur = parent,
                _ => break NO_APP,
            }
        };
        for p in passed {
            self.folders.insert(p, app);
        }
        app
    }

    /// Whether `dir` is a workspace member of a workspace root at or above it, up to
    /// `boundary` (the root need not be the project's: a monorepo inside a repository).
    fn is_member(&mut self, dir: &Path, boundary: &Path) -> bool {
        // npm and pnpm take only folders with a manifest as members (`packages/**` is not
        // every folder below `packages/`).
        if !dir.join("package.json").is_file() {
            return false;
        }
        for root in dir.ancestors().skip(1) {
            if !root.starts_with(boundary) {
                break;
            }
            let patterns = self
                .workspaces
                .entry(root.to_path_buf())
                .or_insert_with(|| workspace_patterns(root));
            if patterns.is_empty() {
                continue;
            }
            let Ok(rel) = dir.strip_prefix(root) else {
                continue;
            };
            let segs: Vec<&str> = rel.iter().filter_map(|s| s.to_str()).collect();
            return matches_workspace(patterns, &segs);
        }
        false
    }
}

/// Whether a folder (segments relative to the workspace root) is a member. Later patterns
/// win, as in npm and pnpm: `!packages/internal` after `packages/*`.
fn matches_workspace(patterns: &[String], segs: &[&str]) -> bool {
    let mut member = false;
    for p in patterns {
        let (negated, p) = match p.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, p.as_str()),
        };
        let pat: Vec<&str> = p
            .trim_start_matches("./")
            .trim_end_matches('/')
            .split('/')
            .filter(|s| !s.is_empty())
            .collect();
        if glob_segments(&pat, segs) {
            member = !negated;
        }
    }
    member
}

/// Workspace member patterns of the project at `root`: `workspaces` in its `package.json`
/// (npm, yarn: a list, or `{ "packages": [...] }`) and `packages` in `pnpm-workspace.yaml`.
pub fn workspace_patterns(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let manifest = root.join("package.json");
    let small = |p: &Path| std::fs::metadata(p).is_ok_and(|m| m.len() <= MAX_MANIFEST);
    if small(&manifest) {
        let json = std::fs::read_to_string(&manifest)
            .ok()
            .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok());
        if let Some(ws) = json.as_ref().and_then(|j| j.get("workspaces")) {
            let list = ws.as_array().or_else(|| ws.get("packages")?.as_array());
            out.extend(
                list.into_iter()
                    .flatten()
                    .filter_map(|v| v.as_str())
                    .map(String::from),
            );
        }
    }
    let pnpm = root.join("pnpm-workspace.yaml");
    if small(&pnpm) {
        if let Ok(text) = std::fs::read_to_string(&pnpm) {
            out.extend(pnpm_packages(&text));
        }
    }
    out
}

/// The `packages:` list of a `pnpm-workspace.yaml`. The file is a flat YAML mapping in
/// practice; only that list is read (block items, or one flow sequence), so no YAML parser
/// is needed.
fn pnpm_packages(text: &str) -> Vec<String> {
    let unquote = |s: &str| {
        let s = s.split(" #").next().unwrap_or(s).trim();
        s.trim_matches(|c| c == '\'' || c == '"').to_string()
    };
    let mut out = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let top_level = !line.starts_with([' ', '\t', '-']);
        if top_level {
            inside = false;
            if let Some(rest) = trimmed.strip_prefix("packages:") {
                let rest = rest.trim();
                if let Some(flow) = rest.strip_prefix('[') {
                    let flow = flow.split(']').next().unwrap_or("");
                    out.extend(flow.split(',').map(unquote).filter(|s| !s.is_empty()));
                } else {
                    inside = true;
                }
            }
        } else if inside {
            if let Some(item) = trimmed.strip_prefix('-') {
                let item = unquote(item);
                if !item.is_empty() {
                    out.push(item);
                }
            }
        }
    }
    out
}

/// Whether path segments match a pattern's: `*` within a segment matches any characters,
/// `**` any number of segments.
fn glob_segments(pat: &[&str], segs: &[&str]) -> bool {
    match pat.split_first() {
        None => segs.is_empty(),
        Some((&"**", rest)) => (0..=segs.len()).any(|i| glob_segments(rest, &segs[i..])),
        Some((p, rest)) => match segs.split_first() {
            Some((s, more)) => glob_one(p, s) && glob_segments(rest, more),
            None => false,
        },
    }
}

/// One segment against a pattern where `*` matches any run of characters.
fn glob_one(pat: &str, s: &str) -> bool {
    let parts: Vec<&str> = pat.split('*').collect();
    if parts.len() == 1 {
        return pat == s;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !s.starts_with(first) || !s[first.len()..].ends_with(last) {
        return false;
    }
    let mut rest = &s[first.len()..s.len() - last.len()];
    for mid in &parts[1..parts.len() - 1] {
        match rest.find(mid) {
            Some(i) => rest = &rest[i + mid.len()..],
            None => return false,
        }
    }
    true
}

/// `apps/<x>/` (Nx, Turborepo, NestJS monorepo mode), or a folder with a named package.
fn is_app_folder(dir: &Path) -> bool {
    let in_apps = dir
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|n| n == "apps");
    in_apps || package_name(dir).is_some()
}

/// The `name` of a folder's `package.json`; `None` when there is none, it has no name, or it
/// cannot be read as JSON.
pub fn package_name(dir: &Path) -> Option<String> {
    let manifest = dir.join("package.json");
    if std::fs::metadata(&manifest).ok()?.len() > MAX_MANIFEST {
        return None;
    }
    let text = std::fs::read_to_string(&manifest).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    let name = json.get("name")?.as_str()?.trim();
    (!name.is_empty()).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, rel: &str, text: &str) {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    fn app_folder(apps: &mut Apps, root: &Path, file: &str) -> Option<PathBuf> {
        let id = apps.app_of(&root.join(file));
        apps.folder(id)
            .map(|f| f.strip_prefix(root).unwrap().to_path_buf())
    }

    #[test]
    fn workspace_members_are_apps() {
        let dir = tempfile::tempdir().unwrap();
        let root = normalize(&dir.path().canonicalize().unwrap());
        std::fs::create_dir(root.join(".git")).unwrap();
        write(
            &root,
            "package.json",
            r#"{"name":"mono","workspaces":["apps/*"]}"#,
        );
        write(&root, "services/api/package.json", r#"{"name":"api"}"#);
        write(&root, "services/api/src/a.ts", "");
        write(
            &root,
            "services/admin/package.json",
            r#"{ "name": "admin" }"#,
        );
        write(&root, "services/admin/src/deep/b.ts", "");
        write(&root, "tools/c.ts", "");
        let mut apps = Apps::new(std::slice::from_ref(&root), &root);
        let api = app_folder(&mut apps, &root, "services/api/src/a.ts");
        let admin = app_folder(&mut apps, &root, "services/admin/src/deep/b.ts");
        assert_eq!(api, Some(PathBuf::from("services/api")));
        assert_eq!(admin, Some(PathBuf::from("services/admin")));
        // Outside every member: the root package.
        assert_eq!(
            app_folder(&mut apps, &root, "tools/c.ts"),
            Some(PathBuf::new())
        );
        // The same folder, the same app.
        assert_eq!(
            apps.app_of(&root.join("services/api/src/a.ts")),
            apps.app_of(&root.join("services/api/src/other.ts"))
        );
    }

    #[test]
    fn nx_app_folders_without_manifests() {
        let dir = tempfile::tempdir().unwrap();
        let root = normalize(&dir.path().canonicalize().unwrap());
        std::fs::create_dir(root.join(".git")).unwrap();
        write(&root, "package.json", r#"{"name":"nx-repo"}"#);
        let mut apps = Apps::new(std::slice::from_ref(&root), &root);
        assert_eq!(
            app_folder(&mut apps, &root, "apps/users/src/main.ts"),
            Some(PathBuf::from("apps/users"))
        );
        assert_eq!(
            app_folder(&mut apps, &root, "apps/billing/src/app/x.ts"),
            Some(PathBuf::from("apps/billing"))
        );
        // A shared library outside `apps/`: the root package.
        assert_eq!(
            app_folder(&mut apps, &root, "libs/auth/src/index.ts"),
            Some(PathBuf::new())
        );
    }

    #[test]
    fn bad_or_nameless_manifests_are_not_apps() {
        let dir = tempfile::tempdir().unwrap();
        let root = normalize(&dir.path().canonicalize().unwrap());
        std::fs::create_dir(root.join(".git")).unwrap();
        write(&root, "a/package.json", "{ not json");
        write(&root, "b/package.json", r#"{"private":true}"#);
        write(&root, "c/package.json", r#"{"name":42}"#);
        write(&root, "d/package.json", r#"["name"]"#);
        write(&root, "e/package.json", r#"{"name":"  "}"#);
        let mut apps = Apps::new(std::slice::from_ref(&root), &root);
        for f in ["a/x.js", "b/x.js", "c/x.js", "d/x.js", "e/x.js", "x.js"] {
            assert_eq!(apps.app_of(&root.join(f)), NO_APP, "{f}");
        }
    }

    #[test]
    fn nothing_above_the_project_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let outer = normalize(&dir.path().canonicalize().unwrap());
        // A named package above the project's root (`.git`) is not the project's app.
        write(&outer, "package.json", r#"{"name":"outside"}"#);
        std::fs::create_dir_all(outer.join("repo/.git")).unwrap();
        write(&outer, "repo/src/x.ts", "");
        let repo = outer.join("repo");
        let mut apps = Apps::new(&[PathBuf::from("src")], &repo);
        assert_eq!(apps.app_of(Path::new("src/x.ts")), NO_APP);
        // A file under no walked root belongs to no app.
        assert_eq!(apps.app_of(&outer.join("elsewhere/y.ts")), NO_APP);
    }

    #[test]
    fn a_folder_of_several_projects() {
        let dir = tempfile::tempdir().unwrap();
        let root = normalize(&dir.path().canonicalize().unwrap());
        write(&root, "one/package.json", r#"{"name":"one"}"#);
        write(&root, "two/package.json", r#"{"name":"two"}"#);
        let mut apps = Apps::new(std::slice::from_ref(&root), &root);
        let one = apps.app_of(&root.join("one/src/a.js"));
        let two = apps.app_of(&root.join("two/b.js"));
        assert_ne!(one, NO_APP);
        assert_ne!(two, NO_APP);
        assert_ne!(one, two);
    }

    #[test]
    fn workspace_members_without_names() {
        let dir = tempfile::tempdir().unwrap();
        let root = normalize(&dir.path().canonicalize().unwrap());
        // The monorepo sits inside a repository: its workspace root is not the project's.
        std::fs::create_dir(root.join(".git")).unwrap();
        write(
            &root,
            "mono/package.json",
            r#"{"workspaces":{"packages":["services/*","!services/legacy","tools/**/pkg"]}}"#,
        );
        write(
            &root,
            "mono/services/api/package.json",
            r#"{"private":true}"#,
        );
        write(&root, "mono/services/legacy/package.json", "{}");
        write(&root, "mono/services/billing/package.json", "{}");
        write(&root, "mono/tools/a/b/pkg/package.json", "{}");
        let mut apps = Apps::new(std::slice::from_ref(&root), &root);
        assert_eq!(
            app_folder(&mut apps, &root, "mono/services/api/src/a.ts"),
            Some(PathBuf::from("mono/services/api"))
        );
        // A member needs a manifest but no name, at any depth `**` allows; a folder below a
        // member without one is not a member.
        assert_eq!(
            app_folder(&mut apps, &root, "mono/services/billing/x.ts"),
            Some(PathBuf::from("mono/services/billing"))
        );
        assert_eq!(
            app_folder(&mut apps, &root, "mono/tools/a/b/pkg/x.ts"),
            Some(PathBuf::from("mono/tools/a/b/pkg"))
        );
        assert_eq!(
            app_folder(&mut apps, &root, "mono/tools/a/x.ts"),
            None,
            "no manifest in tools/a"
        );
        // Excluded by a later `!` pattern.
        assert_eq!(apps.app_of(&root.join("mono/services/legacy/x.ts")), NO_APP);
    }

    #[test]
    fn pnpm_workspace_members() {
        let dir = tempfile::tempdir().unwrap();
        let root = normalize(&dir.path().canonicalize().unwrap());
        std::fs::create_dir(root.join(".git")).unwrap();
        write(
            &root,
            "pnpm-workspace.yaml",
            "# the apps\npackages:\n  - 'apps/*'\n  - \"packages/*-svc\" # services\ncatalog:\n  - not/a/member\n",
        );
        write(&root, "packages/auth-svc/package.json", "{}");
        write(&root, "packages/shared/package.json", "{}");
        write(&root, "not/a/member/package.json", "{}");
        let mut apps = Apps::new(std::slice::from_ref(&root), &root);
        assert_eq!(
            app_folder(&mut apps, &root, "packages/auth-svc/src/a.ts"),
            Some(PathBuf::from("packages/auth-svc"))
        );
        assert_eq!(apps.app_of(&root.join("packages/shared/a.ts")), NO_APP);
        assert_eq!(apps.app_of(&root.join("not/a/member/a.ts")), NO_APP);
        assert_eq!(pnpm_packages("packages: ['a/*', \"b\"]\n"), ["a/*", "b"]);
    }

    #[test]
    fn globs() {
        assert!(glob_one("*-svc", "auth-svc"));
        assert!(!glob_one("*-svc", "svc"));
        assert!(glob_one("a*b*c", "aXbYc"));
        assert!(!glob_one("a*b*c", "ac"));
        assert!(glob_segments(&["**"], &["x", "y"]));
        assert!(!glob_segments(&["x"], &["x", "y"]));
    }
}

//! What one run is asked to do: the CLI's choices (`Config`) and the project's
//! `jwtlint.toml` (`Settings`): rule levels and options, include/exclude globs and
//! per-path overrides.

use crate::catalog::{OptionKind, RuleMeta, RuleOptions};
use crate::duration;
use crate::finding::Level;
use crate::paths::normalize;
use crate::source::DEFAULT_MAX_FILE_SIZE;
// Kept here too: callers name it `config::escape_control`.
pub use crate::text::escape_control;
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

pub const CONFIG_FILE: &str = "jwtlint.toml";

/// Progress events for a caller that wants to show them (the CLI on a terminal).
pub type ProgressHook = Arc<dyn Fn(Progress) + Send + Sync>;

#[derive(Debug, Clone, Copy)]
pub enum Progress {
    /// This many files will be read.
    Start(usize),
    /// One more file read.
    File,
    Done,
}

#[derive(Clone)]
pub struct Config {
    /// Files and folders to lint.
    pub paths: Vec<PathBuf>,
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// Files above this many bytes are skipped with a note.
    pub max_file_size: u64,
    /// Do not honour .gitignore / .ignore / .jwtlintignore or the built-in excludes.
    pub no_ignore: bool,
    /// Also lint test files and folders (skipped by default).
    pub include_tests: bool,
    /// Skip parsing files that mention no trigger word (see `prefilter`).
    pub prefilter: bool,
    /// When non-empty, only these rules run (ids).
    pub only_rules: Vec<String>,
    /// Rules turned off (ids).
    pub disabled_rules: Vec<String>,
    /// The project's `jwtlint.toml`, if any.
    pub settings: Settings,
    pub progress: Option<ProgressHook>,
    /// Lint this text (standard input) as if it were the file at this path, instead of walking.
    pub stdin: Option<(PathBuf, String)>,
    /// Report findings that a baseline holds? No: drop them (CI fails on new ones only).
    pub baseline: Option<crate::baseline::Baseline>,
    /// Report `jwtlint-disable` comments that suppress nothing.
    pub report_unused_disables: bool,
    /// Time and memory one file's parse may take.
    pub parse_limits: crate::parse::Limits,
    /// Analyse named files (and standard input) in their project's context: the project
    /// around them is read, only they are reported on (DESIGN.md §5). Off (the library's
    /// default: nothing is read but what is named), a named file is analysed by itself;
    /// the command line turns it on.
    pub project_context: bool,
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("paths", &self.paths)
            .field("threads", &self.threads)
            .field("settings", &self.settings.file)
            .finish_non_exhaustive()
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            paths: vec![PathBuf::from(".")],
            threads: 0,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            no_ignore: false,
            include_tests: false,
            prefilter: true,
            only_rules: Vec::new(),
            disabled_rules: Vec::new(),
            settings: Settings::default(),
            progress: None,
            stdin: None,
            baseline: None,
            report_unused_disables: false,
            parse_limits: crate::parse::Limits::default(),
            project_context: false,
        }
    }
}

impl Config {
    pub fn report_progress(&self, p: Progress) {
        if let Some(hook) = &self.progress {
            hook(p);
        }
    }
}

/// A rule's level as configured: a level, or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Off,
    On(Level),
}

impl Severity {
    /// `"off"`, `"note"`, `"warning"` (or `"warn"`), `"error"` (or `"err"`).
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "off" => Some(Severity::Off),
            "note" => Some(Severity::On(Level::Note)),
            "warning" | "warn" => Some(Severity::On(Level::Warning)),
            "error" | "err" => Some(Severity::On(Level::Error)),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct RuleSetting {
    pub severity: Option<Severity>,
    pub options: BTreeMap<String, toml::Value>,
}

#[derive(Debug, Clone)]
pub struct Override {
    pub files: Globs,
    pub rules: BTreeMap<String, Severity>,
}

/// The contents of a `jwtlint.toml`, validated.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The file read, if any; globs are relative to its folder.
    pub file: Option<PathBuf>,
    pub dir: PathBuf,
    pub rules: BTreeMap<String, RuleSetting>,
    pub exclude: Option<Globs>,
    pub include: Option<Globs>,
    pub include_tests: Option<bool>,
    /// `parse-timeout`: how long a file may take to parse, per 256 KiB.
    pub parse_timeout: Option<std::time::Duration>,
    pub overrides: Vec<Override>,
}

/// A list of globs with `.gitignore` semantics, relative to the configuration's folder:
/// `src/*.ts` does not cross a `/`, a name without a slash (`legacy`, `*.gen.ts`) matches
/// at any depth, a leading `/` anchors to the folder, a trailing `/` matches folders only,
/// `!` re-includes what an earlier glob matched, and a folder that matches covers
/// everything below it.
#[derive(Debug, Clone)]
pub struct Globs {
    matcher: Gitignore,
    /// For pruning folders: the literal leading path components of every positive glob,
    /// or `None` when some glob can match at any depth.
    prefixes: Option<Vec<Vec<String>>>,
}

impl Globs {
    /// Compiles globs; an error names the glob that does not compile, with its span.
    fn new(
        dir: &Path,
        list: &[Spanned<String>],
    ) -> Result<Globs, (std::ops::Range<usize>, String)> {
        let mut b = GitignoreBuilder::new(dir);
        b.allow_unclosed_class(false);
        let mut prefixes = Some(Vec::new());
        for g in list {
            let text = g.get_ref();
            let shown = escape_control(text);
            let body = text.strip_prefix('!').unwrap_or(text);
            if body.trim_matches('/').trim().is_empty() {
                return Err((g.span(), format!("the glob `{shown}` matches nothing")));
            }
            if text.starts_with('#') {
                return Err((
                    g.span(),
                    format!(
                        "the glob `{shown}` would be a comment in .gitignore syntax; write `\\{shown}` for a name that starts with `#`"
                    ),
                ));
            }
            b.add_line(None, text).map_err(|e| {
                let why = match &e {
                    ignore::Error::Glob { err, .. } => err.clone(),
                    other => other.to_string(),
                };
                (
                    g.span(),
                    format!("invalid glob `{shown}`: {}", escape_control(&why)),
                )
            })?;
            if !text.starts_with('!') {
                prefixes = prefixes.and_then(|mut all| {
                    all.push(literal_prefix(text)?);
                    Some(all)
                });
            }
        }
        let matcher = b
            .build()
            .map_err(|e| (0..0, escape_control(&e.to_string())))?;
        Ok(Globs { matcher, prefixes })
    }

    /// Whether a path relative to the configuration's folder matches (itself or a folder
    /// above it). Paths outside that folder never match.
    pub fn matches(&self, rel: &Path, is_dir: bool) -> bool {
        if rel.has_root() || rel.as_os_str().is_empty() {
            return false;
        }
        self.matcher
            .matched_path_or_any_parents(rel, is_dir)
            .is_ignore()
    }

    /// Whether a folder may hold a path that matches (so the walker must go into it).
    fn may_match_below(&self, rel_dir: &Path) -> bool {
        let Some(prefixes) = &self.prefixes else {
            return true;
        };
        if rel_dir.has_root() {
            return true;
        }
        let dir: Vec<String> = rel_dir
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        prefixes.iter().any(|p| {
            let n = dir.len().min(p.len());
            dir[..n] == p[..n]
        })
    }
}

/// The literal path components an anchored glob starts with (`src/app/*.ts` → `[src, app]`,
/// `/server.ts` → `[server.ts]`); `None` when the glob can match at any depth (`legacy`,
/// `*.ts`, `**/x`, `*/x.ts`). A folder that neither is a prefix of these nor lies below
/// them cannot hold a match.
fn literal_prefix(glob: &str) -> Option<Vec<String>> {
    let anchored = glob.starts_with('/') || glob.trim_end_matches('/').contains('/');
    if !anchored {
        return None;
    }
    let literal: Vec<String> = glob
        .trim_start_matches('/')
        .trim_end_matches('/')
        .split('/')
        .take_while(|c| !c.is_empty() && !c.contains(['*', '?', '[', '{', '\\']))
        .map(str::to_string)
        .collect();
    (!literal.is_empty()).then_some(literal)
}

/// A configuration error: the file, where in it (1-based line and column), and what is
/// wrong. `Display` gives `path:line:col: message`; [`ConfigError::render`] adds the
/// offending line with a caret under the spot (miette).
#[derive(Debug, Clone)]
pub struct ConfigError {
    /// The file, as shown: relative to the working directory (`../jwtlint.toml` for one
    /// in a folder above).
    pub path: String,
    /// 1-based line and column, when the error has a place in the file.
    pub position: Option<(usize, usize)>,
    pub message: String,
    /// What to draw under the message (boxed: errors travel in `Result`s).
    snippet: Option<Box<Snippet>>,
}

/// The file's text (control characters replaced), the byte span to point at and the
/// label under the caret.
#[derive(Debug, Clone)]
struct Snippet {
    text: String,
    span: std::ops::Range<usize>,
    label: String,
}

impl ConfigError {
    fn whole_file(path: &Path, message: String) -> ConfigError {
        ConfigError {
            path: shown_path(path),
            position: None,
            message,
            snippet: None,
        }
    }

    fn at(
        path: &Path,
        text: &str,
        span: std::ops::Range<usize>,
        message: String,
        label: &str,
    ) -> ConfigError {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let mut end = floor_char_boundary(text, span.end.clamp(start, text.len()));
        if end == start {
            // Point at one character (not past the end of the line) so the caret shows.
            end = text[start..]
                .chars()
                .next()
                .filter(|c| *c != '\n' && *c != '\r')
                .map_or(start, |c| start + c.len_utf8());
        }
        ConfigError {
            path: shown_path(path),
            position: Some(line_col(text, start)),
            message,
            snippet: Some(Box::new(Snippet {
                text: for_terminal(text),
                span: start..end,
                label: label.to_string(),
            })),
        }
    }

    /// The error with the offending line and a caret under the spot, as miette draws it:
    ///
    /// ```text
    /// jwtlint.toml:2:1: unknown rule `hardcoded-secrets`; did you mean `hardcoded-secret`?
    ///    ╭─[jwtlint.toml:2:1]
    ///  1 │ [rules]
    ///  2 │ hardcoded-secrets = "error"
    ///    · ────────┬────────
    ///    ·         ╰── not a rule
    ///    ╰────
    /// ```
    pub fn render(&self, color: bool) -> String {
        let head = self.to_string();
        let Some(snippet) = &self.snippet else {
            return head;
        };
        let theme = if color {
            miette::GraphicalTheme::unicode()
        } else {
            miette::GraphicalTheme::unicode_nocolor()
        };
        let span = &snippet.span;
        let diag = Drawn {
            message: &self.message,
            source: miette::NamedSource::new(&self.path, snippet.text.clone()),
            label: miette::LabeledSpan::new_primary_with_span(
                Some(snippet.label.clone()).filter(|l| !l.is_empty()),
                (span.start, span.end - span.start),
            ),
        };
        let mut out = String::new();
        let handler = miette::GraphicalReportHandler::new_themed(theme)
            .with_width(usize::MAX / 4)
            .with_context_lines(1);
        if handler.render_report(&mut out, &diag).is_err() {
            return head;
        }
        // miette's first line repeats the message (`  × ...`); ours has the position too.
        let body = out.split_once('\n').map_or("", |(_, rest)| rest);
        format!("{head}\n{}", body.trim_end())
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((l, c)) => write!(f, "{}:{l}:{c}: {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// What miette draws: the message, the file and one labelled span.
#[derive(Debug)]
struct Drawn<'a> {
    message: &'a str,
    source: miette::NamedSource<String>,
    label: miette::LabeledSpan,
}

impl fmt::Display for Drawn<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)
    }
}

impl std::error::Error for Drawn<'_> {}

impl miette::Diagnostic for Drawn<'_> {
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(self.label.clone())))
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Control characters (other than line breaks and tabs) replaced byte for byte, so spans
/// still fit and the file cannot drive the terminal.
fn for_terminal(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\t' | '\r' => c.to_string(),
            c if c.is_control() => "?".repeat(c.len_utf8()),
            c => c.to_string(),
        })
        .collect()
}

/// A path as shown in messages: relative to the working directory (`../jwtlint.toml`
/// for one found in a folder above), absolute only when they share no folder but the root.
fn shown_path(path: &Path) -> String {
    let rel = std::env::current_dir()
        .ok()
        .and_then(|cwd| relative_to(path, &cwd))
        .unwrap_or_else(|| path.to_path_buf());
    escape_control(&rel.to_string_lossy().replace('\\', "/"))
}

fn relative_to(path: &Path, cwd: &Path) -> Option<PathBuf> {
    use std::path::Component;
    let abs = normalize(&std::path::absolute(path).ok()?);
    let cwd = normalize(cwd);
    let a: Vec<Component> = abs.components().collect();
    let b: Vec<Component> = cwd.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let shares_a_folder = a[..common]
        .iter()
        .any(|c| matches!(c, Component::Normal(_)));
    if !shares_a_folder || common == a.len() {
        return None;
    }
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &a[common..] {
        out.push(c.as_os_str());
    }
    Some(out)
}

/// The closest of `candidates` to a misspelt `word`, if one is close enough to suggest.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// `; did you mean `x`?` or nothing.
fn suggestion<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    did_you_mean(word, candidates)
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_default()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawFile {
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    include: Vec<Spanned<String>>,
    include_tests: Option<bool>,
    parse_timeout: Option<Spanned<toml::Value>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<RawRule>>,
    #[serde(default)]
    overrides: Vec<Spanned<RawOverride>>,
}

/// A rule's entry: `"warning"`, or a table with `level` and options. A hand-written
/// visitor, not `#[serde(untagged)]`, so the key spans survive for error messages.
enum RawRule {
    Level(String),
    Table(Vec<(Spanned<String>, Spanned<toml::Value>)>),
}

impl<'de> Deserialize<'de> for RawRule {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = RawRule;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a level (\"off\", \"note\", \"warning\", \"error\") or a table of options",
                )
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawRule, E> {
                Ok(RawRule::Level(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<RawRule, A::Error> {
                let mut out = Vec::new();
                while let Some(k) = map.next_key::<Spanned<String>>()? {
                    out.push((k, map.next_value::<Spanned<toml::Value>>()?));
                }
                Ok(RawRule::Table(out))
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    files: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<RawRule>>,
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..floor_char_boundary(text, offset.min(text.len()))];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The nearest `jwtlint.toml` in `start` or a folder above it.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let abs = std::path::absolute(start).ok()?;
    let dir = if abs.is_dir() {
        abs.as_path()
    } else {
        abs.parent()?
    };
    dir.ancestors()
        .map(|d| d.join(CONFIG_FILE))
        .find(|p| p.is_file())
}

/// The root of the project a file belongs to, as an absolute path: the nearest folder
/// upward holding a `jwtlint.toml` or `.git` (a folder, or a file in a worktree or
/// submodule), else the nearest holding a `package.json`. `None` outside any project.
///
/// `jwtlint.toml` and `.git` come first because in a monorepo the nearest `package.json`
/// is one app's or package's, while the configuration and the repository span what a
/// full scan sees: secrets shared between `apps/` and `packages/` are only found there.
pub fn project_root(file: &Path) -> Option<PathBuf> {
    let abs = normalize(&std::path::absolute(file).ok()?);
    let dir = abs.parent()?;
    let has = |d: &Path, name: &str| d.join(name).exists();
    dir.ancestors()
        .find(|d| d.join(CONFIG_FILE).is_file() || has(d, ".git"))
        .or_else(|| dir.ancestors().find(|d| d.join("package.json").is_file()))
        .map(Path::to_path_buf)
}

/// The largest configuration file read: a `jwtlint.toml` is a few hundred bytes; a larger
/// one is a mistake (a renamed log or build artefact), refused before it is read whole.
pub const MAX_CONFIG_SIZE: u64 = 1024 * 1024;

/// Rewrites serde's "unknown field `x`, expected one of `a`, `b`" as a message about a key,
/// with a suggestion.
fn unknown_key_message(msg: &str) -> Option<String> {
    let rest = msg.strip_prefix("unknown field `")?;
    let (name, expected) = rest.split_once("`, expected ")?;
    // The expected names are the odd pieces between backticks.
    let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    if known.is_empty() {
        return None;
    }
    Some(format!(
        "unknown key `{}` (expected one of: {}){}",
        escape_control(name),
        known.join(", "),
        suggestion(name, known.iter().copied())
    ))
}

impl Settings {
    /// Reads and validates a configuration file: at most [`MAX_CONFIG_SIZE`] bytes of
    /// UTF-8 text without NUL bytes. `catalog`: the rules it may configure (`Settings::load`
    /// in lib.rs passes every rule).
    pub fn load_with(path: &Path, catalog: &[&'static RuleMeta]) -> Result<Settings, ConfigError> {
        let cannot = |e: std::io::Error| {
            ConfigError::whole_file(path, format!("cannot read the configuration: {e}"))
        };
        let too_big = |size: String| {
            ConfigError::whole_file(
                path,
                format!(
                    "the configuration is {size}; a jwtlint.toml may be at most 1 MiB (is this the right file?)"
                ),
            )
        };
        let file = std::fs::File::open(path).map_err(cannot)?;
        if let Ok(meta) = file.metadata() {
            if meta.len() > MAX_CONFIG_SIZE {
                return Err(too_big(format!(
                    "{:.1} MiB",
                    meta.len() as f64 / (1024.0 * 1024.0)
                )));
            }
        }
        // Read one byte more than allowed, in case the file grows or is not a regular file.
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(file, MAX_CONFIG_SIZE + 1),
            &mut bytes,
        )
        .map_err(cannot)?;
        if bytes.len() as u64 > MAX_CONFIG_SIZE {
            return Err(too_big("over 1 MiB".into()));
        }
        let text = Settings::decode(path, &bytes)?;
        Settings::parse_with(path, &text, catalog)
    }

    /// The text of a configuration file's bytes; binary or non-UTF-8 content is an error
    /// that says where.
    pub fn decode(path: &Path, bytes: &[u8]) -> Result<String, ConfigError> {
        let at_byte = |offset: usize, message: String| {
            let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
            let (l, c) = line_col(valid, valid.len());
            ConfigError {
                position: Some((l, c)),
                ..ConfigError::whole_file(path, message)
            }
        };
        let first_bad = match std::str::from_utf8(bytes) {
            Ok(_) => None,
            Err(e) => Some(e.valid_up_to()),
        };
        if let Some(nul) = bytes.iter().position(|b| *b == 0) {
            if first_bad.is_none_or(|bad| nul < bad) {
                return Err(at_byte(
                    nul,
                    "the configuration holds a NUL byte: it is a binary file, not TOML".into(),
                ));
            }
        }
        match first_bad {
            Some(bad) => Err(at_byte(
                bad,
                "the configuration is not valid UTF-8 text (save it as UTF-8)".into(),
            )),
            None => Ok(String::from_utf8_lossy(bytes).into_owned()),
        }
    }

    /// Validates a configuration's text; `path` is the file it came from (globs are
    /// relative to its folder, errors name it); `catalog`: the rules it may configure.
    pub fn parse_with(
        path: &Path,
        text: &str,
        catalog: &[&'static RuleMeta],
    ) -> Result<Settings, ConfigError> {
        let at = |span: std::ops::Range<usize>, msg: String, label: &str| {
            ConfigError::at(path, text, span, msg, label)
        };
        if text.contains('\0') {
            Settings::decode(path, text.as_bytes())?;
        }
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            let mut raw = e.message().trim().replace('\n', "; ");
            if raw.is_empty() {
                // Some TOML errors (a control character in a comment, `a =` at the end of
                // the file) come without a message.
                raw = "this is not valid TOML (a missing value, or a control character)".into();
            }
            let (msg, label) = match unknown_key_message(&raw) {
                Some(m) => (m, "unknown key"),
                None => (escape_control(&raw), "here"),
            };
            match e.span() {
                Some(span) => at(span, msg, label),
                None => ConfigError::whole_file(path, msg),
            }
        })?;
        let dir = std::path::absolute(path)
            .ok()
            .map(|p| normalize(&p))
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .unwrap_or_default();
        let globs = |list: &[Spanned<String>]| -> Result<Option<Globs>, ConfigError> {
            if list.is_empty() {
                return Ok(None);
            }
            Globs::new(&dir, list)
                .map(Some)
                .map_err(|(span, msg)| at(span, msg, "this glob"))
        };
        let rule_ids = || catalog.iter().map(|m| m.id);
        let rule_table = |rules: BTreeMap<Spanned<String>, Spanned<RawRule>>,
                          allow_options: bool|
         -> Result<BTreeMap<String, RuleSetting>, ConfigError> {
            let mut out = BTreeMap::new();
            for (id, value) in rules {
                let Some(rule) = catalog.iter().find(|m| m.id == id.get_ref()) else {
                    let hint = match did_you_mean(id.get_ref(), rule_ids()) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => "see `jwtlint rules` for the list".into(),
                    };
                    return Err(at(
                        id.span(),
                        format!("unknown rule `{}`; {hint}", escape_control(id.get_ref())),
                        "not a rule",
                    ));
                };
                let span = value.span();
                let mut setting = RuleSetting::default();
                let level_of = |s: &str, span: std::ops::Range<usize>| {
                    Severity::parse(s).ok_or_else(|| {
                        at(
                            span,
                            format!(
                                "expected \"off\", \"note\", \"warning\" or \"error\", found `{}`{}",
                                escape_control(s),
                                suggestion(s, ["off", "note", "warning", "error"])
                            ),
                            "not a level",
                        )
                    })
                };
                match value.into_inner() {
                    RawRule::Level(l) => setting.severity = Some(level_of(&l, span)?),
                    RawRule::Table(t) => {
                        for (k, v) in t {
                            if k.get_ref() == "level" {
                                let Some(s) = v.get_ref().as_str() else {
                                    return Err(at(
                                        v.span(),
                                        "`level` must be a string: \"off\", \"note\", \"warning\" or \"error\"".into(),
                                        "not a string",
                                    ));
                                };
                                setting.severity = Some(level_of(s, v.span())?);
                                continue;
                            }
                            let spec = rule.options.iter().find(|o| o.name == k.get_ref());
                            let Some(spec) = spec.filter(|_| allow_options) else {
                                let known: Vec<&str> =
                                    rule.options.iter().map(|o| o.name).collect();
                                let hint = if !allow_options {
                                    "overrides set levels only".to_string()
                                } else if known.is_empty() {
                                    "it has no options".to_string()
                                } else {
                                    format!("expected one of: level, {}", known.join(", "))
                                };
                                let mean = if allow_options {
                                    suggestion(k.get_ref(), known.iter().copied().chain(["level"]))
                                } else {
                                    suggestion(k.get_ref(), ["level"])
                                };
                                return Err(at(
                                    k.span(),
                                    format!(
                                        "unknown option `{}` for rule `{}` ({hint}){mean}",
                                        escape_control(k.get_ref()),
                                        rule.id
                                    ),
                                    "unknown option",
                                ));
                            };
                            if spec.kind == OptionKind::Duration {
                                duration::configured_seconds(v.get_ref()).map_err(|e| {
                                    at(
                                        v.span(),
                                        format!("`{}`: {e}", spec.name),
                                        "not a valid duration",
                                    )
                                })?;
                            }
                            spec.check(v.get_ref())
                                .map_err(|e| at(v.span(), escape_control(&e), "wrong type"))?;
                            setting.options.insert(k.into_inner(), v.into_inner());
                        }
                    }
                }
                out.insert(rule.id.to_string(), setting);
            }
            Ok(out)
        };
        let mut overrides = Vec::new();
        for o in raw.overrides {
            let o_span = o.span();
            let o = o.into_inner();
            let files = match &o.files {
                None => {
                    return Err(at(
                        o_span,
                        "an override needs `files`, the globs it applies to".into(),
                        "no `files`",
                    ))
                }
                Some(f) if f.get_ref().is_empty() => {
                    return Err(at(
                        f.span(),
                        "an override's `files` is empty: list the globs it applies to".into(),
                        "empty",
                    ))
                }
                Some(f) => match globs(f.get_ref())? {
                    Some(g) => g,
                    None => unreachable!("`files` is not empty"),
                },
            };
            let rules = rule_table(o.rules, false)?
                .into_iter()
                .filter_map(|(id, s)| s.severity.map(|sev| (id, sev)))
                .collect();
            overrides.push(Override { files, rules });
        }
        let parse_timeout = match &raw.parse_timeout {
            None => None,
            Some(v) => {
                let secs = duration::configured_seconds(v.get_ref())
                    .map_err(|m| at(v.span(), m, "this duration"))?;
                if secs < 0.001 {
                    return Err(at(
                        v.span(),
                        "a parse timeout must be at least 1 ms".into(),
                        "this duration",
                    ));
                }
                Some(std::time::Duration::from_secs_f64(secs))
            }
        };
        Ok(Settings {
            parse_timeout,
            file: Some(path.to_path_buf()),
            rules: rule_table(raw.rules, true)?,
            exclude: globs(&raw.exclude)?,
            include: globs(&raw.include)?,
            dir,
            include_tests: raw.include_tests,
            overrides,
        })
    }

    /// A path relative to the configuration's folder, for glob matching (absolute when it
    /// is outside that folder).
    pub fn relative(&self, path: &Path) -> PathBuf {
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let abs = normalize(&abs);
        abs.strip_prefix(&self.dir)
            .map(Path::to_path_buf)
            .unwrap_or(abs)
    }

    /// Whether the walker should skip a file (or folder) by `exclude`/`include`: excluded
    /// when it (or a folder above it) matches `exclude`; with `include`, a file is linted
    /// only when it (or a folder above it) matches, and a folder is entered when an
    /// `include` glob could match below it.
    pub fn excludes(&self, path: &Path, is_dir: bool) -> bool {
        if self.file.is_none() {
            return false;
        }
        let rel = self.relative(path);
        if let Some(ex) = &self.exclude {
            if ex.matches(&rel, is_dir) {
                return true;
            }
        }
        match &self.include {
            Some(inc) if is_dir => !inc.matches(&rel, true) && !inc.may_match_below(&rel),
            Some(inc) => !inc.matches(&rel, false),
            None => false,
        }
    }

    /// The severity of a rule at a path: overrides (last match wins), then the rule's
    /// setting, then its documented default.
    pub fn severity(&self, rule: &RuleMeta, path: &Path) -> Severity {
        if !self.overrides.is_empty() {
            let rel = self.relative(path);
            for o in self.overrides.iter().rev() {
                if let Some(s) = o.rules.get(rule.id) {
                    if o.files.matches(&rel, false) {
                        return *s;
                    }
                }
            }
        }
        self.base_severity(rule)
    }

    pub fn base_severity(&self, rule: &RuleMeta) -> Severity {
        match self.rules.get(rule.id).and_then(|s| s.severity) {
            Some(s) => s,
            None if rule.header().enabled => Severity::On(rule.level()),
            None => Severity::Off,
        }
    }

    /// Whether a rule is on anywhere (by default, in `[rules]` or in an override).
    pub fn maybe_on(&self, rule: &RuleMeta) -> bool {
        self.base_severity(rule) != Severity::Off
            || self
                .overrides
                .iter()
                .any(|o| matches!(o.rules.get(rule.id), Some(Severity::On(_))))
    }

    /// A rule option's value as configured, if it is.
    pub fn option(&self, rule: &str, name: &str) -> Option<&toml::Value> {
        self.rules.get(rule)?.options.get(name)
    }

    /// A rule's options as configured, for its `RuleCtx`.
    pub fn rule_options(&self, rule: &'static RuleMeta) -> RuleOptions<'_> {
        RuleOptions::new(rule, self.rules.get(rule.id).map(|s| &s.options))
    }
}

/// A commented configuration for `jwtlint init`, listing the rules of `catalog`.
pub fn template(catalog: &[&'static RuleMeta]) -> String {
    let mut s = String::from(
        "# jwtlint configuration. Paths and globs are relative to this file.\n\
         # Docs: `jwtlint explain <rule>`; every rule: `jwtlint rules`.\n\n\
         # Globs work like .gitignore lines: `legacy` matches that folder at any depth,\n\
         # `src/*.ts` does not cross a `/`, a leading `/` anchors here, `!` re-includes.\n\n\
         # Files never to lint (in addition to .gitignore, node_modules, build output).\n\
         # exclude = [\"legacy\", \"*.generated.ts\"]\n\n\
         # Lint only these files.\n\
         # include = [\"src/**\"]\n\n\
         # Tests (test/, __tests__/, *.spec.ts, ...) are skipped unless this is true.\n\
         # include-tests = false\n\n\
         # How long a file may take to parse, per 256 KiB of source; a parse over it is\n\
         # abandoned with a note (a few broken inputs make the parser run away).\n\
         # parse-timeout = \"2s\"\n\n\
         # Rule levels: \"off\", \"note\", \"warning\" (or \"warn\") or \"error\" (or \"err\").\n\
         [rules]\n",
    );
    for m in catalog {
        let default = if m.header().enabled {
            m.level().as_str()
        } else {
            "off"
        };
        s.push_str(&format!(
            "# {} = \"{}\"  # {}\n",
            m.id,
            default,
            m.summary()
        ));
    }
    s.push_str(
        "\n# Per-path changes; the last matching override wins.\n\
         # [[overrides]]\n\
         # files = [\"scripts\", \"*.stories.tsx\"]\n\
         # rules = { hardcoded-secret = \"off\" }\n",
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Settings, ConfigError> {
        Settings::parse(Path::new("jwtlint.toml"), text)
    }

    fn err(text: &str) -> String {
        parse(text).unwrap_err().to_string()
    }

    #[test]
    fn valid_configuration() {
        let s = parse(
            "exclude = [\"legacy/**\"]\n[rules]\nmissing-expiration = \"error\"\n\
             [rules.hardcoded-secret]\nlevel = \"off\"\n\
             [[overrides]]\nfiles = [\"scripts/**\"]\nrules = { missing-algorithms = \"warning\" }\n",
        )
        .unwrap();
        assert_eq!(
            s.rules["missing-expiration"].severity,
            Some(Severity::On(Level::Error))
        );
        assert_eq!(s.rules["hardcoded-secret"].severity, Some(Severity::Off));
        assert_eq!(s.overrides.len(), 1);
        assert!(s.excludes(&s.dir.join("legacy/a.js"), false));
        assert!(!s.excludes(&s.dir.join("src/a.js"), false));
    }

    #[test]
    fn levels_accept_short_forms() {
        let s = parse(
            "[rules]\nmissing-expiration = \"warn\"\nhardcoded-secret = \"err\"\n\
             weak-secret = \"warning\"\n[rules.shared-secret]\nlevel = \"err\"\n",
        )
        .unwrap();
        let level = |id: &str| s.rules[id].severity;
        assert_eq!(
            level("missing-expiration"),
            Some(Severity::On(Level::Warning))
        );
        assert_eq!(level("hardcoded-secret"), Some(Severity::On(Level::Error)));
        assert_eq!(level("weak-secret"), Some(Severity::On(Level::Warning)));
        assert_eq!(level("shared-secret"), Some(Severity::On(Level::Error)));
    }

    #[test]
    fn toml_errors_without_a_message_still_say_what() {
        // Fuzz finds: the TOML parser gives these no message.
        for text in ["#\u{11}", "a ="] {
            let e = err(text);
            let (_, what) = e.split_once(": ").unwrap_or(("", ""));
            assert!(what.contains("not valid TOML"), "{text:?}: {e}");
        }
    }

    #[test]
    fn errors_say_where_and_what() {
        let e = err("[rules]\nno-such-rule = \"error\"\n");
        assert!(
            e.contains("jwtlint.toml:2:1: unknown rule `no-such-rule`"),
            "{e}"
        );
        let e = err("[rules]\nhardcoded-secret = \"loud\"\n");
        assert!(
            e.contains(":2:20: expected \"off\", \"note\", \"warning\" or \"error\", found `loud`"),
            "{e}"
        );
        let e = err("[rules.hardcoded-secret]\nmax-length = 3\n");
        assert!(
            e.contains(
                ":2:1: unknown option `max-length` for rule `hardcoded-secret` (it has no options)"
            ),
            "{e}"
        );
        let e = err("colour = true\n");
        assert!(
            e.contains(":1:1:") && e.contains("unknown key `colour`"),
            "{e}"
        );
        let e = err("exclude = [\"a[\"]\n");
        assert!(e.contains(":1:12: invalid glob `a[`"), "{e}");
        let e = err("[rules\n");
        assert!(e.contains("jwtlint.toml:1:"), "{e}");
    }

    #[test]
    fn did_you_mean_for_rules_options_levels_and_keys() {
        let e = err("[rules]\nhardcoded-secrets = \"error\"\n");
        assert!(e.contains("did you mean `hardcoded-secret`?"), "{e}");
        let e = err("[rules.long-lived-token]\nmax-acess-lifetime = \"1h\"\n");
        assert!(e.contains("did you mean `max-access-lifetime`?"), "{e}");
        let e = err("[rules]\nweak-secret = \"eror\"\n");
        assert!(e.contains("did you mean `error`?"), "{e}");
        let e = err("exlude = [\"a\"]\n");
        assert!(
            e.contains(":1:1: unknown key `exlude`") && e.contains("did you mean `exclude`?"),
            "{e}"
        );
        let e = err("[[overrides]]\nfile = [\"a\"]\n");
        assert!(e.contains("did you mean `files`?"), "{e}");
        // Nothing close: no suggestion.
        let e = err("[rules]\nzzzz = \"error\"\n");
        assert!(!e.contains("did you mean"), "{e}");
        assert!(e.contains("see `jwtlint rules`"), "{e}");
    }

    #[test]
    fn every_error_has_a_position() {
        for (text, want) in [
            (
                "[[overrides]]\nfiles = []\n",
                ":2:9: an override's `files` is empty",
            ),
            (
                "[[overrides]]\nrules = { hardcoded-secret = \"off\" }\n",
                "an override needs `files`",
            ),
            (
                "[rules.long-lived-token]\nmax-access-lifetime = \"-5m\"\n",
                ":2:23: `max-access-lifetime`: \"-5m\" is negative",
            ),
            (
                "[rules.long-lived-token]\nmax-access-lifetime = -5\n",
                ":2:23: `max-access-lifetime`: -5 is negative",
            ),
            ("exclude = [\"\"]\n", ":1:12: the glob `` matches nothing"),
        ] {
            let e = err(text);
            assert!(e.contains(want), "{text:?}: {e}");
            assert!(parse(text).unwrap_err().position.is_some(), "{text:?}");
        }
        let huge = format!(
            "[rules.long-lived-token]\nmax-access-lifetime = \"{}d\"\n",
            "9".repeat(400)
        );
        let e = err(&huge);
        assert!(e.contains(":2:23:") && e.contains("too long"), "{e}");
        assert!(e.len() < 300, "the 400 digits are not echoed: {e}");
    }

    #[test]
    fn control_characters_are_escaped() {
        let e = err("[rules]\n\"no\\u001b[31mrule\" = \"error\"\n");
        assert!(!e.contains('\u{1b}'), "{e:?}");
        assert!(e.contains("no\\u{1b}[31mrule"), "{e}");
        let e = err("[rules]\nweak-secret = \"\\u001b[2J\"\n");
        assert!(!e.contains('\u{1b}'), "{e:?}");
        // A raw escape in the file (TOML rejects it) is not drawn either.
        let e = parse("[rules]\nweak-secret = \"a\u{1b}[31mb\"\n").unwrap_err();
        let r = e.render(false);
        assert!(!r.contains('\u{1b}'), "{r:?}");
    }

    #[test]
    fn binary_and_non_utf8_files_are_refused() {
        let e = Settings::decode(Path::new("jwtlint.toml"), b"[rules]\nx\0y").unwrap_err();
        assert_eq!(e.position, Some((2, 2)));
        assert!(e.to_string().contains("NUL byte"), "{e}");
        let e = Settings::decode(Path::new("jwtlint.toml"), b"a = 1\nb = \"\xff\"\n").unwrap_err();
        assert_eq!(e.position, Some((2, 6)));
        assert!(e.to_string().contains("not valid UTF-8"), "{e}");
        assert!(parse("a\0").is_err());
    }

    #[test]
    fn oversized_files_are_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("jwtlint.toml");
        let f = std::fs::File::create(&p).unwrap();
        f.set_len(50 * 1024 * 1024).unwrap();
        let e = Settings::load(&p).unwrap_err().to_string();
        assert!(e.contains("50.0 MiB") && e.contains("at most 1 MiB"), "{e}");
    }

    #[test]
    fn render_shows_the_line_and_a_caret() {
        let e = parse("[rules]\nhardcoded-secrets = \"error\"\n").unwrap_err();
        let r = e.render(false);
        let lines: Vec<&str> = r.lines().collect();
        assert!(
            lines[0].starts_with("jwtlint.toml:2:1: unknown rule"),
            "{r}"
        );
        assert!(r.contains("hardcoded-secrets = \"error\""), "{r}");
        let caret = lines
            .iter()
            .find(|l| l.contains('┬'))
            .unwrap_or_else(|| panic!("no caret: {r}"));
        let code = lines
            .iter()
            .find(|l| l.contains("hardcoded-secrets ="))
            .unwrap();
        // The underline starts under the key.
        let col = |s: &str, c: char| s.chars().position(|x| x == c).unwrap();
        assert_eq!(col(caret, '─'), col(code, 'h'), "{r}");
        assert!(r.contains("not a rule"), "{r}");
        assert!(!r.contains('\u{1b}'), "no colour asked: {r:?}");
        assert!(e.render(true).contains('\u{1b}'));
    }

    #[test]
    fn globs_have_gitignore_semantics() {
        let s = parse(
            "exclude = [\"src/*.gen.ts\", \"legacy\", \"/top.ts\", \"vendor/\", \"!vendor/keep\"]\n",
        )
        .unwrap();
        let ex = |p: &str, dir: bool| s.excludes(&s.dir.join(p), dir);
        // `*` does not cross a slash.
        assert!(ex("src/a.gen.ts", false));
        assert!(!ex("src/a/b.gen.ts", false));
        // A bare name matches at any depth, and covers what is below.
        assert!(ex("legacy", true));
        assert!(ex("packages/x/legacy", true));
        assert!(ex("packages/x/legacy/a.ts", false));
        assert!(!ex("legacy-code/a.ts", false));
        // A leading slash anchors.
        assert!(ex("top.ts", false));
        assert!(!ex("lib/top.ts", false));
        // A trailing slash: folders only. `!` re-includes.
        assert!(ex("vendor", true));
        assert!(!ex("vendor", false));
        assert!(ex("vendor/a.ts", false));
        assert!(!ex("vendor/keep", true));
        // Outside the configuration's folder: never matched.
        assert!(!s.excludes(Path::new("/elsewhere/legacy/a.ts"), false));
    }

    #[test]
    fn include_keeps_matching_files_and_enters_folders_that_may_hold_them() {
        let s = parse("include = [\"src/*.ts\", \"apps/web/**\", \"!apps/web/old/**\"]\n").unwrap();
        let ex = |p: &str, dir: bool| s.excludes(&s.dir.join(p), dir);
        assert!(!ex("src/a.ts", false));
        assert!(ex("src/a/b.ts", false));
        assert!(ex("lib/a.ts", false));
        assert!(!ex("apps/web/x/y.ts", false));
        assert!(ex("apps/web/old/y.ts", false));
        // Folders: entered when a glob can match below them, pruned otherwise.
        assert!(!ex("src", true));
        assert!(!ex("apps", true));
        assert!(!ex("apps/web/x", true));
        assert!(ex("lib", true));
        assert!(ex("apps/api", true));
        // A glob without a slash can match anywhere: every folder is entered.
        let s = parse("include = [\"auth\"]\n").unwrap();
        assert!(!s.excludes(&s.dir.join("deep/down"), true));
        assert!(!s.excludes(&s.dir.join("deep/down/auth/a.ts"), false));
        assert!(s.excludes(&s.dir.join("deep/down/a.ts"), false));
    }

    #[test]
    fn overrides_match_with_gitignore_semantics() {
        let s =
            parse("[[overrides]]\nfiles = [\"scripts\"]\nrules = { hardcoded-secret = \"off\" }\n")
                .unwrap();
        let meta = crate::rules::find("hardcoded-secret").unwrap().meta();
        assert_eq!(
            s.severity(meta, &s.dir.join("tools/scripts/seed.js")),
            Severity::Off
        );
        assert_eq!(
            s.severity(meta, &s.dir.join("src/scripts.js")),
            Severity::On(Level::Error)
        );
    }

    #[test]
    fn literal_prefixes() {
        let p = |g: &str| literal_prefix(g);
        assert_eq!(p("src/*.ts"), Some(vec!["src".to_string()]));
        assert_eq!(p("/a/b/**"), Some(vec!["a".to_string(), "b".to_string()]));
        assert_eq!(p("legacy"), None);
        assert_eq!(p("**/x.ts"), None);
        assert_eq!(p("*/x.ts"), None);
        assert_eq!(p("/top.ts"), Some(vec!["top.ts".to_string()]));
        assert_eq!(p("/src/"), Some(vec!["src".to_string()]));
        assert_eq!(p("src/"), None);
    }

    #[test]
    fn paths_relative_to_the_working_directory() {
        let r = |p: &str, cwd: &str| relative_to(Path::new(p), Path::new(cwd));
        assert_eq!(r("/a/b/jwtlint.toml", "/a/b"), Some("jwtlint.toml".into()));
        assert_eq!(
            r("/a/jwtlint.toml", "/a/b/c"),
            Some("../../jwtlint.toml".into())
        );
        assert_eq!(
            r("/a/x/jwtlint.toml", "/a/b"),
            Some("../x/jwtlint.toml".into())
        );
        assert_eq!(r("/x/jwtlint.toml", "/a/b"), None);
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            did_you_mean(
                "missing-algorithm",
                ["missing-algorithms", "none-algorithm"]
            ),
            Some("missing-algorithms")
        );
        assert_eq!(did_you_mean("xyz", ["missing-algorithms"]), None);
    }

    #[test]
    fn template_parses() {
        parse(&template(crate::rules::catalog())).unwrap();
        // Uncommented, its examples are valid too.
        let uncommented: String = template(crate::rules::catalog())
            .lines()
            .map(|l| {
                l.strip_prefix("# ")
                    .filter(|l| l.contains(" = ") || l.starts_with('['))
                    .unwrap_or(l)
            })
            .map(|l| l.split("  # ").next().unwrap_or(l).to_string() + "\n")
            .collect();
        parse(&uncommented).unwrap_or_else(|e| panic!("{e}\n{uncommented}"));
    }

    #[test]
    fn no_prefix_of_a_configuration_panics() {
        let text = "exclude = [\"legacy\", \"!legacy/keep.ts\"]\ninclude = [\"src/**\"]\n\
                    [rules]\nweak-secret = \"warn\"\n[rules.long-lived-token]\n\
                    level = \"err\"\nmax-access-lifetime = \"15m\"\n\
                    [[overrides]]\nfiles = [\"scripts\"]\nrules = { weak-secret = \"off\" } # é ✓\n";
        for end in (0..=text.len()).filter(|i| text.is_char_boundary(*i)) {
            let prefix = &text[..end];
            if let Err(e) = parse(prefix) {
                assert!(e.position.is_some(), "{prefix:?}: {e}");
                let _ = e.render(true);
            }
        }
    }
}

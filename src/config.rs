//! What one run is asked to do: the CLI's choices (`Config`) and the project's
//! `jwtlint.toml` (`Settings`): rule levels and options, include/exclude globs and
//! per-path overrides.

use crate::finding::Level;
use crate::rules;
use crate::source::DEFAULT_MAX_FILE_SIZE;
use globset::{Glob, GlobSet, GlobSetBuilder};
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
    pub baseline: Option<crate::suppress::Baseline>,
    /// Report `jwtlint-disable` comments that suppress nothing.
    pub report_unused_disables: bool,
    /// Time and memory one file's parse may take.
    pub parse_limits: crate::parse::Limits,
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
    fn parse(s: &str) -> Option<Severity> {
        match s {
            "off" => Some(Severity::Off),
            other => Level::parse(other)
                .filter(|_| other != "warn")
                .map(Severity::On),
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
    pub files: GlobSet,
    pub rules: BTreeMap<String, Severity>,
}

/// The contents of a `jwtlint.toml`, validated.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The file read, if any; globs are relative to its folder.
    pub file: Option<PathBuf>,
    pub dir: PathBuf,
    pub rules: BTreeMap<String, RuleSetting>,
    pub exclude: Option<GlobSet>,
    pub include: Option<GlobSet>,
    pub include_tests: Option<bool>,
    pub overrides: Vec<Override>,
}

/// A configuration error: where, and what was expected.
#[derive(Debug)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawFile {
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    include: Vec<Spanned<String>>,
    include_tests: Option<bool>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<RawRule>>,
    #[serde(default)]
    overrides: Vec<RawOverride>,
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
    files: Vec<Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<RawRule>>,
}

/// 1-based line and column of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
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

impl Settings {
    /// Reads and validates a configuration file.
    pub fn load(path: &Path) -> Result<Settings, ConfigError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| ConfigError(format!("{}: cannot read: {e}", path.display())))?;
        Settings::parse(path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Settings, ConfigError> {
        let at = |span: std::ops::Range<usize>, msg: String| {
            let (l, c) = line_col(text, span.start);
            ConfigError(format!("{}:{l}:{c}: {msg}", path.display()))
        };
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            let msg = e.message().trim().to_string();
            match e.span() {
                Some(span) => at(span, msg),
                None => ConfigError(format!("{}: {msg}", path.display())),
            }
        })?;
        let dir = std::path::absolute(path)
            .ok()
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .unwrap_or_default();
        let globs = |list: &[Spanned<String>]| -> Result<Option<GlobSet>, ConfigError> {
            if list.is_empty() {
                return Ok(None);
            }
            let mut b = GlobSetBuilder::new();
            for g in list {
                let glob = Glob::new(g.get_ref())
                    .map_err(|e| at(g.span(), format!("invalid glob `{}`: {e}", g.get_ref())))?;
                b.add(glob);
            }
            b.build()
                .map(Some)
                .map_err(|e| ConfigError(format!("{}: {e}", path.display())))
        };
        let rule_table = |rules: BTreeMap<Spanned<String>, Spanned<RawRule>>,
                          allow_options: bool|
         -> Result<BTreeMap<String, RuleSetting>, ConfigError> {
            let mut out = BTreeMap::new();
            for (id, value) in rules {
                let Some(rule) = rules::find(id.get_ref()) else {
                    return Err(at(
                        id.span(),
                        format!("unknown rule `{}` (see `jwtlint rules`)", id.get_ref()),
                    ));
                };
                let span = value.span();
                let mut setting = RuleSetting::default();
                let level_of = |s: &str, span: std::ops::Range<usize>| {
                    Severity::parse(s).ok_or_else(|| {
                        at(
                            span,
                            format!(
                                "expected \"off\", \"note\", \"warning\" or \"error\", found `{s}`"
                            ),
                        )
                    })
                };
                match value.into_inner() {
                    RawRule::Level(l) => setting.severity = Some(level_of(&l, span)?),
                    RawRule::Table(t) => {
                        for (k, v) in t {
                            if k.get_ref() == "level" {
                                let Some(s) = v.get_ref().as_str() else {
                                    return Err(at(v.span(), "`level` must be a string".into()));
                                };
                                setting.severity = Some(level_of(s, v.span())?);
                                continue;
                            }
                            let spec = rule.meta().options.iter().find(|o| o.name == k.get_ref());
                            let Some(spec) = spec.filter(|_| allow_options) else {
                                let known: Vec<&str> =
                                    rule.meta().options.iter().map(|o| o.name).collect();
                                let hint = if !allow_options {
                                    "overrides set levels only".to_string()
                                } else if known.is_empty() {
                                    "it has no options".to_string()
                                } else {
                                    format!("expected one of: level, {}", known.join(", "))
                                };
                                return Err(at(
                                    k.span(),
                                    format!(
                                        "unknown option `{}` for rule `{}` ({hint})",
                                        k.get_ref(),
                                        rule.meta().id
                                    ),
                                ));
                            };
                            spec.check(v.get_ref()).map_err(|e| at(v.span(), e))?;
                            setting.options.insert(k.into_inner(), v.into_inner());
                        }
                    }
                }
                out.insert(rule.meta().id.to_string(), setting);
            }
            Ok(out)
        };
        let mut overrides = Vec::new();
        for o in raw.overrides {
            if o.files.is_empty() {
                return Err(ConfigError(format!(
                    "{}: an override needs `files`",
                    path.display()
                )));
            }
            let files = globs(&o.files)?.unwrap_or_else(GlobSet::empty);
            let rules = rule_table(o.rules, false)?
                .into_iter()
                .filter_map(|(id, s)| s.severity.map(|sev| (id, sev)))
                .collect();
            overrides.push(Override { files, rules });
        }
        Ok(Settings {
            file: Some(path.to_path_buf()),
            dir,
            rules: rule_table(raw.rules, true)?,
            exclude: globs(&raw.exclude)?,
            include: globs(&raw.include)?,
            include_tests: raw.include_tests,
            overrides,
        })
    }

    /// A path relative to the configuration's folder, for glob matching.
    pub fn relative(&self, path: &Path) -> PathBuf {
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let abs = crate::semantic::modules::normalize(&abs);
        abs.strip_prefix(&self.dir)
            .map(Path::to_path_buf)
            .unwrap_or(abs)
    }

    /// Whether the walker should skip a file (or folder) by `exclude`/`include`.
    pub fn excludes(&self, path: &Path, is_dir: bool) -> bool {
        if self.file.is_none() {
            return false;
        }
        let rel = self.relative(path);
        if let Some(ex) = &self.exclude {
            if ex.is_match(&rel) {
                return true;
            }
        }
        match &self.include {
            Some(inc) if !is_dir => !inc.is_match(&rel),
            _ => false,
        }
    }

    /// The severity of a rule at a path: overrides (last match wins), then the rule's
    /// setting, then its documented default.
    pub fn severity(&self, rule: &rules::RuleMeta, path: &Path) -> Severity {
        if !self.overrides.is_empty() {
            let rel = self.relative(path);
            for o in self.overrides.iter().rev() {
                if let Some(s) = o.rules.get(rule.id) {
                    if o.files.is_match(&rel) {
                        return *s;
                    }
                }
            }
        }
        self.base_severity(rule)
    }

    pub fn base_severity(&self, rule: &rules::RuleMeta) -> Severity {
        match self.rules.get(rule.id).and_then(|s| s.severity) {
            Some(s) => s,
            None if rule.header().enabled => Severity::On(rule.level()),
            None => Severity::Off,
        }
    }

    /// Whether a rule is on anywhere (by default, in `[rules]` or in an override).
    pub fn maybe_on(&self, rule: &rules::RuleMeta) -> bool {
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
}

/// A commented configuration for `jwtlint init`.
pub fn template() -> String {
    let mut s = String::from(
        "# jwtlint configuration. Paths and globs are relative to this file.\n\
         # Docs: `jwtlint explain <rule>`; every rule: `jwtlint rules`.\n\n\
         # Files never to lint (in addition to .gitignore, node_modules, build output).\n\
         # exclude = [\"legacy/**\", \"**/*.generated.ts\"]\n\n\
         # Lint only these files.\n\
         # include = [\"src/**\"]\n\n\
         # Tests (test/, __tests__/, *.spec.ts, ...) are skipped unless this is true.\n\
         # include-tests = false\n\n\
         # Rule levels: \"off\", \"note\", \"warning\" or \"error\".\n\
         [rules]\n",
    );
    for r in rules::ALL_RULES {
        let m = r.meta();
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
         # files = [\"scripts/**\", \"**/*.stories.tsx\"]\n\
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
    fn errors_say_where_and_what() {
        let e = parse("[rules]\nno-such-rule = \"error\"\n").unwrap_err().0;
        assert!(
            e.contains("jwtlint.toml:2:1: unknown rule `no-such-rule`"),
            "{e}"
        );
        let e = parse("[rules]\nhardcoded-secret = \"loud\"\n")
            .unwrap_err()
            .0;
        assert!(
            e.contains(":2:20: expected \"off\", \"note\", \"warning\" or \"error\", found `loud`"),
            "{e}"
        );
        let e = parse("[rules.hardcoded-secret]\nmax-length = 3\n")
            .unwrap_err()
            .0;
        assert!(
            e.contains(
                ":2:1: unknown option `max-length` for rule `hardcoded-secret` (it has no options)"
            ),
            "{e}"
        );
        let e = parse("colour = true\n").unwrap_err().0;
        assert!(
            e.contains(":1:1:") && e.contains("unknown field `colour`"),
            "{e}"
        );
        let e = parse("exclude = [\"a[\"]\n").unwrap_err().0;
        assert!(e.contains("invalid glob"), "{e}");
        let e = parse("[rules\n").unwrap_err().0;
        assert!(e.contains("jwtlint.toml:1:"), "{e}");
    }

    #[test]
    fn template_parses() {
        parse(&template()).unwrap();
    }
}

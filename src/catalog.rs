//! The rule catalog: each rule's identity, embedded documentation and typed options
//! (DESIGN.md §1, §3). It sits below config, rules and reports, which all read it, so none
//! of them needs to import another to learn about rules. The list of rules itself is
//! `rules::ALL_RULES`; `rules::catalog()` hands its metadata down.

use crate::duration;
use crate::finding::Level;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// A rule's identity, its documentation (embedded from `rules/<id>.md`) and the options
/// `jwtlint.toml` may set for it.
pub struct RuleMeta {
    pub id: &'static str,
    pub doc: &'static str,
    pub options: &'static [OptionSpec],
    parsed: OnceLock<Result<DocHeader, String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionKind {
    /// A lifetime: seconds as a number, or a string such as "15m" or "7d".
    Duration,
    Bool,
    Integer,
}

/// A typed rule option with its default, as written in TOML.
#[derive(Debug, Clone, Copy)]
pub struct OptionSpec {
    pub name: &'static str,
    pub kind: OptionKind,
    pub default: &'static str,
    pub help: &'static str,
}

impl OptionSpec {
    /// Checks a configured value's type.
    pub fn check(&self, v: &toml::Value) -> Result<(), String> {
        let ok = match self.kind {
            OptionKind::Duration => match v {
                toml::Value::Integer(n) => *n >= 0,
                toml::Value::String(s) => duration::parse_ms(s).is_some(),
                _ => false,
            },
            OptionKind::Bool => v.is_bool(),
            OptionKind::Integer => v.is_integer(),
        };
        if ok {
            Ok(())
        } else {
            Err(format!(
                "`{}` expects {}, found `{v}`",
                self.name,
                match self.kind {
                    OptionKind::Duration =>
                        "a duration such as \"15m\", \"7d\" or a number of seconds",
                    OptionKind::Bool => "true or false",
                    OptionKind::Integer => "a whole number",
                }
            ))
        }
    }
}

/// The TOML front matter of a rule doc.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocHeader {
    pub id: String,
    pub severity: String,
    #[serde(default)]
    pub cwe: Vec<u32>,
    #[serde(default)]
    pub libraries: Vec<String>,
    pub summary: String,
    pub security_severity: f64,
    #[serde(default = "default_true")]
    pub enabled: bool,
    #[serde(default = "default_precision")]
    pub precision: String,
}

fn default_true() -> bool {
    true
}

fn default_precision() -> String {
    "high".into()
}

/// A rule's `RuleMeta` with its doc embedded. Used in `src/rules/<id>.rs`: the doc path is
/// relative to that file.
#[macro_export]
macro_rules! rule_meta {
    ($id:literal) => {
        $crate::catalog::RuleMeta::new($id, include_str!(concat!("../../rules/", $id, ".md")))
    };
}

impl RuleMeta {
    pub const fn new(id: &'static str, doc: &'static str) -> RuleMeta {
        RuleMeta {
            id,
            doc,
            options: &[],
            parsed: OnceLock::new(),
        }
    }

    pub const fn with_options(mut self, options: &'static [OptionSpec]) -> RuleMeta {
        self.options = options;
        self
    }

    /// Splits `+++`-fenced front matter from the body.
    fn split(&self) -> Option<(&'static str, &'static str)> {
        let rest = self.doc.strip_prefix("+++\n")?;
        let end = rest.find("\n+++\n")?;
        Some((&rest[..end], &rest[end + 5..]))
    }

    /// The parsed front matter; `Err` only for a malformed embedded doc (a test checks all).
    pub fn header_checked(&self) -> &Result<DocHeader, String> {
        self.parsed.get_or_init(|| {
            let (front, _) = self
                .split()
                .ok_or_else(|| format!("rules/{}.md has no +++ front matter", self.id))?;
            toml::from_str::<DocHeader>(front).map_err(|e| format!("rules/{}.md: {e}", self.id))
        })
    }

    pub fn header(&self) -> &DocHeader {
        match self.header_checked() {
            Ok(h) => h,
            Err(e) => panic!("embedded rule doc is malformed: {e}"),
        }
    }

    /// The markdown body (without front matter).
    pub fn body(&self) -> &'static str {
        self.split().map_or(self.doc, |(_, body)| body.trim_start())
    }

    pub fn level(&self) -> Level {
        Level::parse(&self.header().severity).unwrap_or(Level::Warning)
    }

    pub fn summary(&self) -> &str {
        &self.header().summary
    }

    /// The fenced code block under a `## <heading>` section of the doc.
    pub fn section_code(&self, heading: &str) -> Option<(&'static str, &'static str)> {
        let body = self.body();
        let start = body.find(&format!("## {heading}\n"))?;
        let section = &body[start..];
        let section = match section[3..].find("\n## ") {
            Some(end) => &section[..end + 3],
            None => section,
        };
        let fence = section.find("```")?;
        let after = &section[fence + 3..];
        let nl = after.find('\n')?;
        let lang = after[..nl].trim();
        let code = &after[nl + 1..];
        let end = code.find("```")?;
        Some((lang, &code[..end]))
    }
}

/// One rule's options as configured (validated against its `OptionSpec`s when the
/// configuration was read), falling back to the documented defaults.
#[derive(Clone, Copy)]
pub struct RuleOptions<'a> {
    meta: &'static RuleMeta,
    configured: Option<&'a BTreeMap<String, toml::Value>>,
}

impl<'a> RuleOptions<'a> {
    pub fn new(
        meta: &'static RuleMeta,
        configured: Option<&'a BTreeMap<String, toml::Value>>,
    ) -> RuleOptions<'a> {
        RuleOptions { meta, configured }
    }

    /// Nothing configured: every option at its documented default.
    pub fn defaults(meta: &'static RuleMeta) -> RuleOptions<'static> {
        RuleOptions {
            meta,
            configured: None,
        }
    }

    fn configured(&self, name: &str) -> Option<&'a toml::Value> {
        self.configured?.get(name)
    }

    /// A duration option, in seconds: configured, else the documented default (infinite
    /// when neither parses, so a bound that cannot be read flags nothing).
    pub fn duration(&self, name: &str) -> f64 {
        let configured = self.configured(name).and_then(|v| match v {
            toml::Value::Integer(n) => Some(*n as f64),
            toml::Value::String(s) => duration::parse_ms(s).map(|ms| ms / 1000.0),
            _ => None,
        });
        configured
            .or_else(|| {
                let spec = self.meta.options.iter().find(|o| o.name == name)?;
                duration::parse_ms(spec.default).map(|ms| ms / 1000.0)
            })
            .unwrap_or(f64::INFINITY)
    }

    /// A boolean option: configured, else the documented default.
    pub fn bool(&self, name: &str) -> bool {
        match self.configured(name) {
            Some(toml::Value::Boolean(b)) => *b,
            _ => self
                .meta
                .options
                .iter()
                .any(|o| o.name == name && o.default == "true"),
        }
    }
}

//! The engine (DESIGN.md §1): runs the stages as named functions, one after the other.
//!
//! walk → read (+prefilter) → parse → extract  (per file, in parallel: `extract_stage`)
//!      → expand (files the facts need, parsed on demand: `expand_stage`)
//!      → link + interpret (export tables, call sites to operations: `link_stage`)
//!      → rules (`check_files`) → finish (levels, suppressions, fingerprints, baseline:
//!      `finish_stage`) → report (the caller picks a reporter).

use crate::config::{self, Config};
use crate::finding::{self, FileNote, Finding, NoteKind};
use crate::project::ProjectFacts;
use crate::report::{self, Report};
use crate::rules::{self, Rule};
use crate::semantic::ir::FileFacts;
use crate::semantic::modules::{self, ExportTable, FileSet};
use crate::source::{self, ReadOutcome, Source};
use crate::{panics, parse, prefilter, semantic, suppress, walk};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;
/// Why a run could not happen at all (exit code 2).
#[derive(Debug)]
pub enum Error {
    Usage(String),
    Io(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Usage(m) | Error::Io(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}

/// The rules a configuration turns on, in registry order.
pub fn active_rules(config: &Config) -> Result<Vec<&'static dyn Rule>, Error> {
    for id in config.only_rules.iter().chain(&config.disabled_rules) {
        if rules::find(id).is_none() {
            let ids = rules::ALL_RULES.iter().map(|r| r.meta().id);
            let hint = match config::did_you_mean(id, ids) {
                Some(s) => format!("did you mean `{s}`?"),
                None => "see `jwtlint rules` for the list".into(),
            };
            return Err(Error::Usage(format!(
                "unknown rule `{}`; {hint}",
                config::escape_control(id)
            )));
        }
    }
    Ok(rules::ALL_RULES
        .iter()
        .copied()
        .filter(|r| {
            let id = r.meta().id;
            let selected = if config.only_rules.is_empty() {
                config.settings.maybe_on(r.meta())
            } else {
                config.only_rules.iter().any(|o| o == id)
            } || (id == suppress::UNUSED_DISABLE && config.report_unused_disables);
            selected && !config.disabled_rules.iter().any(|d| d == id)
        })
        .collect())
}

/// Facts (if parsed), notes, bytes read, and, for a file the prefilter skipped, the
/// relative specifiers it imports.
pub(crate) type Analysed = (
    Option<FileFacts>,
    Vec<FileNote>,
    u64,
    Option<prefilter::SkippedIndex>,
);

/// Read, parse and extract one file. Problems become notes; nothing panics out.
/// `prefilter`: skip parsing a file that mentions no trigger word.
fn analyse_file(path: &Path, config: &Config, prefilter: bool, files: &FileSet) -> Analysed {
    let raw = match source::read_bytes(path, config.max_file_size) {
        Ok(raw) => raw,
        Err(note) => return (None, vec![note], 0, None),
    };
    // Files that cannot hold a finding are not decoded, indexed or parsed; what they import
    // is kept, in case they call a helper that makes a JWT call.
    if prefilter
        && !source::is_binary(&raw)
        && !source::is_utf16(&raw)
        && !prefilter::may_match_bytes(&raw)
    {
        let index = prefilter::SkippedIndex::of(&raw);
        return (None, Vec::new(), raw.len() as u64, index);
    }
    match source::from_bytes(path, raw) {
        ReadOutcome::Skipped(note) => (None, vec![note], 0, None),
        ReadOutcome::Ok(src, note) => {
            let bytes = src.text.len() as u64;
            let (facts, mut notes) = analyse_source(&src, files, config.parse_limits);
            notes.extend(note);
            (facts, notes, bytes, None)
        }
    }
}

/// Parse and extract an in-memory source (also used for standard input and doc examples).
pub fn analyse_source(
    src: &Source,
    files: &FileSet,
    limits: parse::Limits,
) -> (Option<FileFacts>, Vec<FileNote>) {
    let lang = parse::Lang::for_path(&src.path);
    let path = Arc::new(src.path.clone());
    let result = panics::catch(|| {
        panics::maybe_force(&src.path);
        let tree = parse::parse_within(lang, &src.text, limits).map_err(|e| e.to_string())?;
        let facts = semantic::extract(src, &tree, lang, path.clone(), files);
        let first_error = parse::first_error(&tree).map(|byte| src.pos(byte));
        Ok::<_, String>((facts, first_error))
    });
    let mut notes = Vec::new();
    let facts = match result {
        Ok(Ok((facts, first_error))) => {
            if let Some(pos) = first_error {
                notes.push(FileNote {
                    path: src.path.clone(),
                    kind: NoteKind::Warning,
                    message: format!(
                        "syntax error at {}:{}: analysed the recovered parts",
                        pos.line, pos.column
                    ),
                });
            }
            Some(facts)
        }
        Ok(Err(message)) => {
            notes.push(FileNote {
                path: src.path.clone(),
                kind: NoteKind::Skipped,
                message,
            });
            None
        }
        Err(text) => {
            notes.push(FileNote {
                path: src.path.clone(),
                kind: NoteKind::Internal,
                message: panics::note_message("analysing", &text),
            });
            None
        }
    };
    (facts, notes)
}

/// Runs the rules over a project's facts, with their options from `settings`; findings
/// come back sorted.
pub fn check(
    project: &ProjectFacts,
    rules: &[&'static dyn Rule],
    settings: &config::Settings,
) -> Vec<Finding> {
    check_files(project, rules, settings).0
}

/// Runs the rules file by file; a rule that panics on a file leaves that file's findings
/// out and becomes a note, and the other files are still checked.
pub fn check_files(
    project: &ProjectFacts,
    rules: &[&'static dyn Rule],
    settings: &config::Settings,
) -> (Vec<Finding>, Vec<FileNote>) {
    let options: Vec<rules::RuleOptions> = rules
        .iter()
        .map(|r| settings.rule_options(r.meta()))
        .collect();
    let results: Vec<Result<Vec<Finding>, FileNote>> = project
        .files
        .par_iter()
        .map(|file| {
            panics::catch(|| {
                let mut out = Vec::new();
                for (rule, options) in rules.iter().zip(&options) {
                    let cx = rules::RuleCtx {
                        project,
                        file,
                        options,
                    };
                    rule.check(&cx, &mut out);
                }
                out
            })
            .map_err(|text| FileNote {
                path: file.path.as_ref().clone(),
                kind: NoteKind::Internal,
                message: panics::note_message("checking", &text),
            })
        })
        .collect();
    let mut findings = Vec::new();
    let mut notes = Vec::new();
    for r in results {
        match r {
            Ok(f) => findings.extend(f),
            Err(n) => notes.push(n),
        }
    }
    findings.sort();
    findings.dedup();
    (findings, notes)
}

/// Path aliases from the TypeScript/JavaScript configurations met while walking, and from
/// the nearest one above each of `folders` (a scan of `src/` still sees `./tsconfig.json`).
fn load_aliases(
    folders: &[PathBuf],
    found: &[PathBuf],
    notes: &mut Vec<FileNote>,
) -> Vec<modules::Aliases> {
    let mut configs: Vec<PathBuf> = found.to_vec();
    for root in folders {
        let abs = std::fs::canonicalize(root).unwrap_or_else(|_| root.clone());
        let mut rel = root.clone();
        for dir in abs.ancestors().skip(1) {
            rel.push("..");
            let hit = ["tsconfig.json", "jsconfig.json"]
                .iter()
                .map(|n| dir.join(n))
                .find(|p| p.is_file());
            if let Some(hit) = hit {
                configs.push(modules::normalize(
                    &rel.join(hit.file_name().unwrap_or_default()),
                ));
                break;
            }
        }
    }
    configs.sort();
    configs.dedup();
    let mut out = Vec::new();
    for c in configs {
        match modules::read_aliases(&c) {
            Ok(a) => out.push(a),
            Err(e) => notes.push(FileNote {
                path: c,
                kind: NoteKind::Warning,
                message: format!("path aliases not read: {e}"),
            }),
        }
    }
    out
}

/// What a run walks and what it reports on (DESIGN.md §5: a file named alone is analysed
/// in its project's context).
pub(crate) struct Scope {
    /// Folders and files to walk: the folders named, the project roots of the files named,
    /// and the files named.
    pub(crate) walk: Vec<PathBuf>,
    /// Folders above which to look for a `tsconfig.json`.
    pub(crate) alias_folders: Vec<PathBuf>,
    /// The files named (standard input's name included), normalized as given, and their
    /// absolute forms.
    pub(crate) named: Vec<(PathBuf, PathBuf)>,
    /// The folders named, absolute: everything walked below them is reported.
    pub(crate) named_dirs: Vec<PathBuf>,
}

impl Scope {
    fn of(config: &Config) -> Scope {
        let cwd = std::env::current_dir().unwrap_or_default();
        let abs = |p: &Path| modules::normalize(&cwd.join(p));
        let (dirs, files): (Vec<PathBuf>, Vec<PathBuf>) = match &config.stdin {
            Some((name, _)) => (Vec::new(), vec![name.clone()]),
            None => config.paths.iter().cloned().partition(|p| p.is_dir()),
        };
        let named: Vec<(PathBuf, PathBuf)> = files
            .iter()
            .map(|p| (modules::normalize(p), abs(p)))
            .collect();
        let named_dirs: Vec<PathBuf> = dirs.iter().map(|d| abs(d)).collect();
        let mut roots: Vec<(PathBuf, PathBuf)> = Vec::new();
        let mut alias_folders = dirs.clone();
        for (given, abs_file) in &named {
            let root = config
                .project_context
                .then(|| config::project_root(abs_file))
                .flatten();
            match root {
                Some(root) => {
                    roots.push((root.clone(), as_given(&root, &cwd, given.is_absolute())));
                }
                // Outside any project the file is linted alone.
                None => alias_folders.push(
                    abs_file
                        .parent()
                        .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
                ),
            }
        }
        // A root inside another root or a named folder is walked with it.
        roots.sort();
        roots.dedup_by(|a, b| a.0 == b.0);
        let covering: Vec<PathBuf> = roots
            .iter()
            .map(|r| r.0.clone())
            .chain(named_dirs.clone())
            .collect();
        roots.retain(|(r, _)| !covering.iter().any(|c| c != r && r.starts_with(c)));
        let mut walk = dirs;
        for (_, given) in roots {
            alias_folders.push(given.clone());
            walk.push(given);
        }
        walk.extend(files);
        Scope {
            walk,
            alias_folders,
            named,
            named_dirs,
        }
    }

    /// Whether findings are limited to some files (a file was named, or standard input).
    fn limits(&self) -> bool {
        !self.named.is_empty()
    }

    /// Whether a walked file (absolute) is reported on.
    fn reports(&self, abs: &Path) -> bool {
        !self.limits()
            || self.named.iter().any(|(_, a)| a == abs)
            || self.named_dirs.iter().any(|d| abs.starts_with(d))
    }
}

/// An absolute folder as a path to walk: relative to the working directory when the file
/// it was found from was given relative (`.`, `..`, `../..`), so walked paths read like
/// the ones given.
fn as_given(root: &Path, cwd: &Path, absolute: bool) -> PathBuf {
    if absolute {
        return root.to_path_buf();
    }
    let cwd = modules::normalize(cwd);
    let a: Vec<_> = root.components().collect();
    let b: Vec<_> = cwd.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &a[common..] {
        out.push(c.as_os_str());
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    out
}

/// What the walk found, and what is reported on.
pub(crate) struct Walked {
    pub(crate) files: Vec<PathBuf>,
    /// Per file: findings in it are reported (not only read for context).
    pub(crate) reported: Vec<bool>,
    /// Per file: named on the command line (always parsed).
    pub(crate) named: Vec<bool>,
    /// Test files were left out (see `walk::Walked::skipped_tests`).
    pub(crate) skipped_tests: bool,
    pub(crate) notes: Vec<FileNote>,
    /// The project's files with module resolution (aliases, tsconfig paths, workspaces).
    pub(crate) fileset: FileSet,
    pub(crate) scope: Scope,
}

/// Reads, parses and extracts files; an in-memory text (standard input, an editor's
/// unsaved buffer) stands in for the file at its name. Overlays are keyed by absolute,
/// normalized path.
pub(crate) struct Reader<'a> {
    pub(crate) config: &'a Config,
    pub(crate) files: &'a FileSet,
    pub(crate) overlays: &'a HashMap<PathBuf, Source>,
    pub(crate) cwd: PathBuf,
}

impl Reader<'_> {
    fn abs(&self, p: &Path) -> PathBuf {
        modules::normalize(&self.cwd.join(p))
    }

    pub(crate) fn read(&self, p: &Path, prefilter: bool) -> Analysed {
        match self.overlays.get(&self.abs(p)) {
            Some(src) => {
                let (facts, notes) = analyse_source(src, self.files, self.config.parse_limits);
                (facts, notes, src.text.len() as u64, None)
            }
            None => analyse_file(p, self.config, prefilter, self.files),
        }
    }
}

/// The first stage's results: facts of the parsed files, and the files the prefilter
/// skipped (with what they import, found without parsing).
pub(crate) struct Extracted {
    pub(crate) facts: Vec<FileFacts>,
    pub(crate) bytes: u64,
    pub(crate) skipped: Vec<(usize, prefilter::SkippedIndex)>,
}

/// walk: the files to lint, and the project context of files named alone.
pub(crate) fn walk_stage(config: &Config) -> Walked {
    let scope = Scope::of(config);
    let walk_config = Config {
        paths: scope.walk.clone(),
        threads: config.threads,
        no_ignore: config.no_ignore,
        include_tests: config.include_tests,
        settings: config.settings.clone(),
        ..Config::default()
    };
    let mut walked = walk::walk(&walk_config);
    let cwd = std::env::current_dir().unwrap_or_default();
    let abs_of = |p: &Path| modules::normalize(&cwd.join(p));
    if scope.limits() {
        // A named file also met in its project's walk keeps the name it was given.
        walked.files.retain(|p| {
            let a = abs_of(p);
            scope
                .named
                .iter()
                .all(|(given, abs)| *abs != a || given == p)
        });
        for (given, _) in &scope.named {
            if !walked.files.contains(given) {
                walked.files.push(given.clone());
            }
        }
        walked.files.sort();
        walked.files.dedup();
    }
    let abs_files: Vec<PathBuf> = walked.files.iter().map(|p| abs_of(p)).collect();
    let reported: Vec<bool> = abs_files.iter().map(|a| scope.reports(a)).collect();
    let named: Vec<bool> = abs_files
        .iter()
        .map(|a| scope.named.iter().any(|(_, n)| n == a))
        .collect();
    let mut notes = walked.notes;
    let fileset = FileSet::new(&walked.files)
        .with_aliases(load_aliases(
            &scope.alias_folders,
            &walked.ts_configs,
            &mut notes,
        ))
        .with_resolver(&scope.alias_folders);
    Walked {
        files: walked.files,
        reported,
        named,
        skipped_tests: walked.skipped_tests,
        notes,
        fileset,
        scope,
    }
}

/// read → parse → extract, per file in parallel; the prefilter skips files without a
/// trigger word (files named on the command line are always parsed).
pub(crate) fn extract_stage(
    walked: &Walked,
    reader: &Reader<'_>,
    notes: &mut Vec<FileNote>,
) -> Extracted {
    let config = reader.config;
    config.report_progress(config::Progress::Start(walked.files.len()));
    let results: Vec<_> = walked
        .files
        .par_iter()
        .zip(&walked.named)
        .map(|(p, &named)| {
            let r = reader.read(p, config.prefilter && !named);
            config.report_progress(config::Progress::File);
            r
        })
        .collect();
    let mut out = Extracted {
        facts: Vec::new(),
        bytes: 0,
        skipped: Vec::new(),
    };
    for (i, (f, n, b, index)) in results.into_iter().enumerate() {
        out.facts.extend(f);
        notes.extend(n);
        if walked.reported[i] {
            out.bytes += b;
        }
        if let Some(index) = index {
            out.skipped.push((i, index));
        }
    }
    out
}

/// expand: files the facts need that were not parsed yet, parsed on demand: skipped
/// callers of helper functions and wrapper modules (and barrels on the way), then files
/// whose exports the facts' values refer to, transitively. No file is parsed twice.
pub(crate) fn expand_stage(walked: &Walked, reader: &Reader<'_>, extracted: &mut Extracted) {
    expand_helpers(walked, reader, extracted);
    expand_needs(reader, &mut extracted.facts);
}

/// Whether a file's functions are helpers a caller may pass secrets to: `None` when not,
/// `Some(None)` when any name it exports may be one (a default export, a module re-exporting
/// a JWT library), else the names of the helpers it exports.
fn helper_entry(f: &FileFacts) -> Option<Option<Vec<String>>> {
    // A module that re-exports a JWT library is like a helper whose every name is one:
    // the files importing it call the library through it.
    if wrapper_exports(&f.exports, &HashSet::new()) {
        return Some(None);
    }
    // The file's own library calls, interpreted ahead of linking only to learn which of its
    // functions are helpers (the link stage interprets them for real).
    let mut ops = Vec::new();
    for site in &f.calls {
        semantic::interpret::interpret(site, &HashMap::new(), &mut ops);
    }
    let locs: Vec<&finding::Loc> = ops
        .iter()
        .filter_map(|op| op.helper_function())
        .chain(f.stores.iter().filter_map(|s| s.helper_function()))
        .collect();
    if locs.is_empty() {
        return None;
    }
    let is_helper = |v: &semantic::value::Value| matches!(v, semantic::value::Value::Function { at } if locs.contains(&at));
    let names: Vec<String> = f
        .exports
        .named
        .iter()
        .filter(|(_, v)| is_helper(v))
        .map(|(n, _)| n.clone())
        .collect();
    let any_name = f.exports.default.as_ref().is_some_and(is_helper);
    (any_name || !names.is_empty()).then(|| (!any_name).then_some(names))
}

/// What of a file decides which skipped files the expand stage parses for it: its helper
/// entry and what it re-exports. A file edited without changing this needs no new callers
/// parsed (the language server's edits skip that part of the stage).
pub(crate) fn expansion_signature(f: &FileFacts) -> (Option<Option<Vec<String>>>, Vec<PathBuf>) {
    let mut reexports: Vec<PathBuf> = f.exports.star.iter().map(|p| p.as_ref().clone()).collect();
    reexports.extend(f.exports.named.iter().filter_map(|(_, v)| match v {
        semantic::value::Value::Module { file, .. } => Some(file.as_ref().clone()),
        _ => None,
    }));
    reexports.sort();
    reexports.dedup();
    (helper_entry(f), reexports)
}

/// Expand, first part: skipped files that call the project's helpers (or re-export them),
/// parsed.
pub(crate) fn expand_helpers(walked: &Walked, reader: &Reader<'_>, extracted: &mut Extracted) {
    let files = &walked.fileset;
    let skipped = &extracted.skipped;
    let facts: &mut Vec<FileFacts> = &mut extracted.facts;
    let read = |p: &Path, prefilter: bool| reader.read(p, prefilter);
    // Skipped files that call an exported helper (a function whose JWT call takes its
    // parameters) may pass it secrets: parse them too. A caller must import the helper's
    // file and mention its name (any name, for a default export).
    let mut helpers: HashMap<PathBuf, Option<Vec<String>>> = facts
        .iter()
        .filter_map(|f| Some((modules::normalize(&f.path), helper_entry(f)?)))
        .collect();
    // Parsed barrels re-exporting a helper's file are helper files too (skipped barrels are
    // found below): a file calling through them must be parsed. Until nothing new.
    loop {
        let barrels: Vec<(PathBuf, Option<Vec<String>>)> = facts
            .iter()
            .filter_map(|f| {
                let path = modules::normalize(&f.path);
                if helpers.contains_key(&path) {
                    return None;
                }
                let via = |file: &Arc<PathBuf>| helpers.get(&modules::normalize(file));
                let star = f.exports.star.iter().find_map(via);
                let named = f.exports.named.iter().find_map(|(_, v)| match v {
                    semantic::value::Value::Module { file, .. } => via(file),
                    _ => None,
                });
                star.or(named).map(|names| (path, names.clone()))
            })
            .collect();
        if barrels.is_empty() {
            break;
        }
        helpers.extend(barrels);
    }
    // Until nothing new: a skipped file importing a helper's file is parsed when it
    // mentions a helper name (a caller) or re-exports from somewhere (a barrel: its
    // importers are looked at in the next round).
    let mut taken: HashSet<usize> = HashSet::new();
    while !helpers.is_empty() {
        let found: Vec<(usize, &PathBuf, Option<Vec<String>>, bool)> = skipped
            .par_iter()
            .filter(|(i, _)| !taken.contains(i))
            .filter_map(|(i, index)| {
                let from = &walked.files[*i];
                let hit = |s: &String| files.resolve(from, s).and_then(|t| helpers.get(&t));
                let names = index.specs.iter().find_map(hit)?;
                // A caller calls a helper by name; a barrel re-exports the helper's file.
                let caller = names
                    .as_ref()
                    .is_none_or(|list| list.iter().any(|n| index.calls(n)));
                let barrel = index.reexports.iter().any(|s| hit(s).is_some());
                (caller || barrel).then(|| (*i, from, names.clone(), barrel))
            })
            .collect();
        if found.is_empty() {
            break;
        }
        for (i, p, names, barrel) in &found {
            taken.insert(*i);
            if *barrel {
                helpers.insert(modules::normalize(p), names.clone());
            }
        }
        let more: Vec<FileFacts> = found
            .par_iter()
            .filter_map(|(_, p, _, _)| read(p, false).0)
            .collect();
        facts.extend(more);
    }
}

/// Expand, second part: files whose exports JWT values need, and the files those exports
/// refer to, parsed on demand until nothing more is needed.
pub(crate) fn expand_needs(reader: &Reader<'_>, facts: &mut Vec<FileFacts>) {
    let read = |p: &Path, prefilter: bool| reader.read(p, prefilter);
    let mut parsed: HashSet<PathBuf> = facts.iter().map(|f| modules::normalize(&f.path)).collect();
    let mut requested: HashSet<PathBuf> = HashSet::new();
    let mut frontier: Vec<PathBuf> = facts
        .iter()
        .flat_map(|f| f.needs.iter())
        .map(|p| p.as_ref().clone())
        .collect();
    while !frontier.is_empty() {
        frontier.retain(|p| requested.insert(p.clone()));
        frontier.sort();
        let unparsed: Vec<PathBuf> = frontier
            .iter()
            .filter(|p| !parsed.contains(*p))
            .cloned()
            .collect();
        parsed.extend(unparsed.iter().cloned());
        let more: Vec<FileFacts> = unparsed
            .par_iter()
            .filter_map(|p| read(p, false).0)
            .collect();
        facts.extend(more);
        let wanted: HashSet<&PathBuf> = frontier.iter().collect();
        frontier = facts
            .iter()
            .filter(|f| wanted.contains(&modules::normalize(&f.path)))
            .flat_map(|f| f.export_refs.iter())
            .map(|p| p.as_ref().clone())
            .filter(|p| !requested.contains(p))
            .collect();
    }
}

/// link + interpret: the export table resolves values across files, and every call site
/// becomes JWT operations (DESIGN.md §1).
pub(crate) fn link_stage(facts: Vec<FileFacts>) -> ProjectFacts {
    let mut table = ExportTable::default();
    for f in &facts {
        table.insert(&f.path, f.exports.clone());
    }
    let mut project = ProjectFacts::new(facts);
    project.link(Some(&table));
    project
}

/// The stages up to linking, over the whole project (DESIGN.md §1, §7). When files are
/// named (or standard input stands for one), their projects are walked for context and the
/// named files are always parsed; the last element lists the files reported on (`None`:
/// all), and the counts are of those files only.
fn analyse_project(
    config: &Config,
) -> (
    ProjectFacts,
    Vec<FileNote>,
    usize,
    u64,
    Option<HashSet<PathBuf>>,
) {
    let mut walked = walk_stage(config);
    let cwd = std::env::current_dir().unwrap_or_default();
    let overlays: HashMap<PathBuf, Source> = config
        .stdin
        .iter()
        .map(|(name, text)| {
            let key = modules::normalize(name);
            (
                modules::normalize(&cwd.join(&key)),
                Source::new(key, text.clone()),
            )
        })
        .collect();
    let reader = Reader {
        config,
        files: &walked.fileset,
        overlays: &overlays,
        cwd,
    };
    let mut notes = std::mem::take(&mut walked.notes);
    let mut extracted = extract_stage(&walked, &reader, &mut notes);
    expand_stage(&walked, &reader, &mut extracted);
    let count = walked.reported.iter().filter(|&&r| r).count();
    let bytes = extracted.bytes;
    let mut project = link_stage(extracted.facts);
    project.assign_apps(&walked.scope.walk);
    project.tests_unread = walked.skipped_tests;
    let only = walked.scope.limits().then(|| {
        walked
            .files
            .iter()
            .zip(&walked.reported)
            .filter(|(_, &r)| r)
            .map(|(p, _)| p.clone())
            .collect::<HashSet<PathBuf>>()
    });
    if let Some(only) = &only {
        // Notes about files read only for context are not the user's concern here.
        notes.retain(|n| only.contains(&modules::normalize(&n.path)));
    }
    (project, notes, count, bytes, only)
}

/// Whether a module's exports hand out a JWT library (`module.exports = require('jsonwebtoken')`,
/// `export { verify } from 'jsonwebtoken'`, `export * from 'jose'`), or re-export a module
/// in `wrappers` that does.
fn wrapper_exports(ex: &modules::Exports, wrappers: &HashSet<PathBuf>) -> bool {
    use semantic::value::Value;
    let is_lib = |v: &Value| match v {
        Value::Import { module, .. } => semantic::libraries::for_module(module).is_some(),
        Value::Module { file, .. } => wrappers.contains(&modules::normalize(file)),
        Value::Object(o) => o.props.iter().any(|p| match &p.value {
            Value::Import { module, .. } => semantic::libraries::for_module(module).is_some(),
            _ => false,
        }),
        _ => false,
    };
    ex.named.iter().any(|(_, v)| is_lib(v))
        || ex.default.as_ref().is_some_and(is_lib)
        || ex
            .star_modules
            .iter()
            .any(|m| semantic::libraries::for_module(m).is_some())
        || ex
            .star
            .iter()
            .any(|f| wrappers.contains(&modules::normalize(f)))
}

/// Per-path levels from the configuration; `--rule` turns a rule on where it is off.
pub(crate) fn apply_levels(config: &Config, findings: &mut Vec<Finding>) {
    findings.retain_mut(|f| {
        let Some(rule) = rules::find(f.rule) else {
            return true;
        };
        match config.settings.severity(rule.meta(), &f.loc.path) {
            config::Severity::On(level) => {
                f.level = level;
                true
            }
            config::Severity::Off => config.only_rules.iter().any(|r| r == f.rule),
        }
    });
}

/// A path named on the command line must be there and readable: a run that cannot read
/// what it was asked to lint fails (exit 2) instead of passing with nothing checked.
fn check_named_path(p: &Path) -> Result<(), Error> {
    let shown = report::paths::escape_controls(&p.display().to_string());
    if std::fs::symlink_metadata(p).is_err() {
        return Err(Error::Io(format!("{shown}: no such file or folder")));
    }
    let meta = std::fs::metadata(p).map_err(|_| {
        Error::Io(format!(
            "{shown}: broken symbolic link (its target does not exist)"
        ))
    })?;
    if meta.is_dir() {
        return std::fs::read_dir(p)
            .map(|_| ())
            .map_err(|e| Error::Io(format!("{shown}: cannot read this folder: {e}")));
    }
    if !meta.is_file() {
        let why = source::not_a_file(&meta).trim_start_matches("skipped: ");
        return Err(Error::Io(format!("{shown}: {why}")));
    }
    std::fs::File::open(p)
        .map(|_| ())
        .map_err(|e| Error::Io(format!("{shown}: cannot read: {e}")))
}

/// finish: per-path levels, inline suppressions (and the unused ones), the files reported
/// on, fingerprints, and the baseline. Returns the findings, how many the baseline held,
/// and the in-memory sources (standard input) for snippets.
fn finish_stage(
    config: &Config,
    project: &ProjectFacts,
    rules: &[&'static dyn Rule],
    mut findings: Vec<Finding>,
    only: Option<&HashSet<PathBuf>>,
    paths: &report::paths::Paths,
) -> (Vec<Finding>, usize, Vec<Source>) {
    apply_levels(config, &mut findings);
    let unused = suppress::apply_directives(project, &mut findings);
    let mut unused = suppress::unused_findings(&unused, rules);
    suppress::unused_levels(config, &mut unused);
    if !unused.is_empty() {
        findings.extend(unused);
        findings.sort();
    }
    // Files named alone: their projects were read for context; only they are reported on.
    if let Some(only) = only {
        findings.retain(|f| only.contains(f.loc.path.as_ref()));
    }
    let mut cache = report::SourceCache::default();
    let sources: Vec<Source> = config
        .stdin
        .iter()
        .map(|(path, text)| Source::new(path.clone(), text.clone()))
        .collect();
    for s in &sources {
        cache.insert(Source::new(s.path.clone(), s.text.clone()));
    }
    suppress::fingerprint(&mut findings, paths, &mut cache);
    let baselined = match &config.baseline {
        Some(b) => b.filter(&mut findings, paths),
        None => 0,
    };
    (findings, baselined, sources)
}

/// A project analysed up to interpretation, without rules: what `jwtlint inventory` maps.
pub struct Analysis {
    /// The linked facts, with every file's app worked out.
    pub project: ProjectFacts,
    /// Per-file problems (read, parse), of the files reported on.
    pub notes: Vec<FileNote>,
    /// The files reported on when files were named alone (`None`: every file walked).
    pub only: Option<HashSet<PathBuf>>,
    /// The walked roots, which bound the search for apps (`apps::Apps::new`).
    pub roots: Vec<PathBuf>,
    pub paths: report::paths::Paths,
    pub files_scanned: usize,
}

/// The stages up to link and interpret over the configured paths (no rules, no finish).
pub fn analyse(config: &Config) -> Result<Analysis, Error> {
    for p in config.paths.iter().filter(|_| config.stdin.is_none()) {
        check_named_path(p)?;
    }
    let paths = report::paths::Paths::new(&config.paths);
    let (project, mut notes, files_scanned, _, only, roots) = rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads)
        .stack_size(8 * 1024 * 1024)
        .build_scoped(
            |thread| thread.run(),
            |pool| {
                pool.install(|| {
                    let (project, notes, count, bytes, only) = analyse_project(config);
                    // Recomputed here (cheap: no parsing) so `analyse_project` keeps its shape.
                    let roots = Scope::of(config).walk;
                    (project, notes, count, bytes, only, roots)
                })
            },
        )
        .map_err(|e| Error::Io(format!("cannot start worker threads: {e}")))?;
    notes.sort();
    Ok(Analysis {
        project,
        notes,
        only,
        roots,
        paths,
        files_scanned,
    })
}

/// Lints the configured paths: the stages in order (DESIGN.md §1).
pub fn run(config: &Config) -> Result<Report, Error> {
    let started = Instant::now();
    let rules = active_rules(config)?;
    for p in config.paths.iter().filter(|_| config.stdin.is_none()) {
        check_named_path(p)?;
    }
    let paths = match &config.stdin {
        Some((name, _)) => report::paths::Paths::new(std::slice::from_ref(name)),
        None => report::paths::Paths::new(&config.paths),
    };
    // A scoped pool: its threads (and the parsers they hold) are gone when `run` returns,
    // so a program that lints again and again (an editor, the fuzzer) does not pile them up.
    let ((project, mut notes, files_scanned, bytes, only), (findings, rule_notes)) =
        rayon::ThreadPoolBuilder::new()
            .num_threads(config.threads)
            .stack_size(8 * 1024 * 1024)
            .build_scoped(
                |thread| thread.run(),
                |pool| {
                    let (project, notes, files_scanned, bytes, only) =
                        pool.install(|| analyse_project(config));
                    let checked = pool.install(|| check_files(&project, &rules, &config.settings));
                    ((project, notes, files_scanned, bytes, only), checked)
                },
            )
            .map_err(|e| Error::Io(format!("cannot start worker threads: {e}")))?;
    notes.extend(rule_notes.into_iter().filter(|n| {
        only.as_ref()
            .is_none_or(|only| only.contains(&modules::normalize(&n.path)))
    }));
    let (findings, baselined, sources) =
        finish_stage(config, &project, &rules, findings, only.as_ref(), &paths);
    config.report_progress(config::Progress::Done);
    notes.sort();
    Ok(Report {
        findings,
        notes,
        files_scanned,
        bytes_scanned: bytes,
        elapsed: started.elapsed(),
        paths,
        baselined,
        hidden_by_quiet: 0,
        sources,
    })
}

/// Lints one in-memory source as if it were the whole project (doc examples, stdin).
pub fn lint_source(
    path: &Path,
    text: &str,
    rules: &[&'static dyn Rule],
) -> (Vec<Finding>, Vec<FileNote>) {
    let src = Source::new(path.to_path_buf(), text.to_string());
    let (facts, notes) = analyse_source(&src, &FileSet::default(), parse::Limits::default());
    let mut project = ProjectFacts::new(facts.into_iter().collect());
    project.link(None);
    let mut findings = check(&project, rules, &config::Settings::default());
    // Suppression comments apply, and `unused-disable` reports those that cover nothing.
    let unused = suppress::apply_directives(&project, &mut findings);
    findings.extend(suppress::unused_findings(&unused, rules));
    findings.sort();
    (findings, notes)
}

/// The facts of one in-memory source, its calls interpreted (tests and tooling look at
/// the IR directly).
pub fn facts_of(path: &Path, text: &str) -> Option<FileFacts> {
    let facts = analyse_source(
        &Source::new(path.to_path_buf(), text.to_string()),
        &FileSet::default(),
        parse::Limits::default(),
    )
    .0?;
    let mut project = ProjectFacts::new(vec![facts]);
    project.link(None);
    project.files.pop()
}

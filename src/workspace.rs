//! A project kept in memory between analyses, for the language server: every file is read
//! and extracted once; an edited buffer is extracted again from its unsaved text, and the
//! whole project is linked and checked again over the facts kept (linking and rules are
//! cheap next to parsing, and a change to one module can change findings in its importers).

use crate::config::{self, Config};
use crate::engine::{self, Error, Extracted, Reader, Walked};
use crate::finding::{FileNote, Finding};
use crate::rules::Rule;
use crate::semantic::ir::FileFacts;
use crate::semantic::modules;
use crate::source::Source;
use crate::suppress;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What one check of the workspace found.
pub struct Checked {
    /// Every finding, suppressed ones included (`Finding::suppressed`), sorted.
    pub findings: Vec<Finding>,
    /// Per-file problems: reading and parsing (kept from extraction) and rule panics.
    pub notes: Vec<FileNote>,
}

pub struct Workspace {
    config: Config,
    rules: Vec<&'static dyn Rule>,
    walked: Walked,
    /// Extracted, not yet linked facts of every parsed file (linking consumes a copy).
    facts: Vec<FileFacts>,
    /// Files the prefilter left unparsed (index into `walked.files`), with what they import.
    skipped: Vec<(usize, crate::prefilter::SkippedIndex)>,
    /// Read and parse notes, per file (absolute, normalized).
    notes: HashMap<PathBuf, Vec<FileNote>>,
    /// Unsaved texts, by absolute normalized path.
    overlays: HashMap<PathBuf, Source>,
    pool: rayon::ThreadPool,
}

impl Workspace {
    /// Walks and extracts the project at `config.paths` (absolute paths, so that findings
    /// carry absolute paths), with `overlays` (unsaved buffers) standing in for their files.
    pub fn new(config: Config, overlays: HashMap<PathBuf, String>) -> Result<Workspace, Error> {
        let rules = engine::active_rules(&config)?;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(config.threads)
            .stack_size(8 * 1024 * 1024)
            .build()
            .map_err(|e| Error::Io(format!("cannot start worker threads: {e}")))?;
        let overlays = overlays
            .into_iter()
            .map(|(p, text)| {
                let p = modules::normalize(&p);
                (p.clone(), Source::new(p, text))
            })
            .collect();
        let (walked, extracted, notes) = pool.install(|| {
            let mut walked = engine::walk_stage(&config);
            let mut notes = std::mem::take(&mut walked.notes);
            let reader = Reader {
                config: &config,
                files: &walked.fileset,
                overlays: &overlays,
                cwd: std::env::current_dir().unwrap_or_default(),
            };
            let mut extracted = engine::extract_stage(&walked, &reader, &mut notes);
            engine::expand_stage(&walked, &reader, &mut extracted);
            (walked, extracted, notes)
        });
        let mut notes_by_file: HashMap<PathBuf, Vec<FileNote>> = HashMap::new();
        for n in notes {
            notes_by_file
                .entry(modules::normalize(&n.path))
                .or_default()
                .push(n);
        }
        let mut ws = Workspace {
            config,
            rules,
            walked,
            facts: extracted.facts,
            skipped: extracted.skipped,
            notes: notes_by_file,
            overlays,
            pool,
        };
        ws.forget_parsed_skips();
        Ok(ws)
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Whether `path` (absolute) is one of the project's walked files.
    pub fn contains(&self, path: &Path) -> bool {
        let p = modules::normalize(path);
        self.walked.files.iter().any(|f| modules::normalize(f) == p)
    }

    /// Sets (`Some`) or drops (`None`: the file on disk counts again) the unsaved text of a
    /// file, and extracts the file again, with whatever it newly needs from other files.
    pub fn set_text(&mut self, path: &Path, text: Option<String>) {
        let path = modules::normalize(path);
        match text {
            Some(t) => {
                self.overlays
                    .insert(path.clone(), Source::new(path.clone(), t));
            }
            None => {
                self.overlays.remove(&path);
            }
        }
        self.reextract(&path);
    }

    /// The file changed on disk (and has no unsaved text): extract it again.
    pub fn reload(&mut self, path: &Path) {
        let path = modules::normalize(path);
        if !self.overlays.contains_key(&path) {
            self.reextract(&path);
        }
    }

    fn reextract(&mut self, path: &Path) {
        let Workspace {
            config,
            walked,
            facts,
            skipped,
            notes,
            overlays,
            pool,
            ..
        } = self;
        pool.install(|| {
            let reader = Reader {
                config,
                files: &walked.fileset,
                overlays,
                cwd: std::env::current_dir().unwrap_or_default(),
            };
            // An edited file is always parsed: its new text may mention a JWT library.
            let (new, new_notes, _, _) = reader.read(path, false);
            // A file not parsed before (skipped, or new) was no helper and re-exported
            // nothing the expand stage followed.
            let signature = |f: Option<&FileFacts>| {
                f.map(engine::expansion_signature)
                    .unwrap_or((None, Vec::new()))
            };
            let old_signature =
                signature(facts.iter().find(|f| modules::normalize(&f.path) == path));
            let new_signature = signature(new.as_ref());
            facts.retain(|f| modules::normalize(&f.path) != path);
            facts.extend(new);
            notes.insert(path.to_path_buf(), new_notes);
            if old_signature == new_signature {
                // No helper or re-export came or went: the skipped files that call helpers
                // are the ones parsed already; only what the new text needs is read.
                engine::expand_needs(&reader, facts);
            } else {
                let mut extracted = Extracted {
                    facts: std::mem::take(facts),
                    bytes: 0,
                    skipped: std::mem::take(skipped),
                };
                engine::expand_stage(walked, &reader, &mut extracted);
                *facts = extracted.facts;
                *skipped = extracted.skipped;
            }
        });
        self.forget_parsed_skips();
    }

    /// Skipped files parsed since (on demand, or edited) are skipped no more.
    fn forget_parsed_skips(&mut self) {
        let parsed: std::collections::HashSet<PathBuf> = self
            .facts
            .iter()
            .map(|f| modules::normalize(&f.path))
            .collect();
        let files = &self.walked.files;
        self.skipped
            .retain(|(i, _)| !parsed.contains(&modules::normalize(&files[*i])));
    }

    /// Links the facts kept and runs the rules: the findings of the whole project as its
    /// files (and unsaved buffers) read now, with levels and inline suppressions applied.
    pub fn check(&self) -> Checked {
        let facts = self.facts.clone();
        self.pool.install(|| {
            let mut project = engine::link_stage(facts);
            project.assign_apps(&self.walked.scope.walk);
            project.tests_unread = self.walked.skipped_tests;
            let (mut findings, rule_notes) =
                engine::check_files(&project, &self.rules, &self.config.settings);
            engine::apply_levels(&self.config, &mut findings);
            let unused = suppress::apply_directives(&project, &mut findings);
            let mut unused = suppress::unused_findings(&unused, &self.rules);
            suppress::unused_levels(&self.config, &mut unused);
            findings.extend(unused);
            findings.sort();
            let mut notes: Vec<FileNote> = self.notes.values().flatten().cloned().collect();
            notes.extend(rule_notes);
            notes.sort();
            Checked { findings, notes }
        })
    }

    /// The settings were edited: rules and levels change, facts stay.
    pub fn set_settings(&mut self, settings: config::Settings) -> Result<(), Error> {
        let config = Config {
            settings,
            ..self.config.clone()
        };
        self.rules = engine::active_rules(&config)?;
        self.config = config;
        Ok(())
    }
}

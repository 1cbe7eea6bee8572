//! The analysis thread: owns the workspaces (one per workspace folder, one per file opened
//! outside them), applies edits as they come, and sends back the findings of everything
//! after each batch. Edits that arrive while a check runs are applied together before the
//! next one, so a burst of keystrokes costs one check, not one per keystroke.

use crate::config::{self, Config, Settings};
use crate::finding::{FileNote, Finding};
use crate::semantic::modules;
use crate::workspace::Workspace;
use crossbeam_channel::{Receiver, Sender};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What the server asks of the analysis thread.
#[derive(Debug)]
pub enum Job {
    /// An open buffer's text (`Some`), or the buffer was closed (`None`: the disk counts).
    Text {
        path: PathBuf,
        text: Option<String>,
        version: Option<i32>,
    },
    /// A file changed, appeared or vanished on disk.
    Disk { path: PathBuf },
    /// A configuration file changed: read settings again and analyse again.
    Settings,
    /// Workspace folders were added or removed.
    Folders {
        added: Vec<PathBuf>,
        removed: Vec<PathBuf>,
    },
}

/// What the analysis thread reports.
pub enum Event {
    Checked(Outcome),
    /// A configuration that cannot be used (its text and position are in the error); the
    /// previous settings stay in force.
    BadConfig(PathBuf, config::ConfigError),
    /// A configuration that was bad is good again.
    ConfigOk(PathBuf),
    /// Something the user should know (a folder that cannot be read).
    Message(String),
}

/// The findings of every workspace after a batch of jobs.
pub struct Outcome {
    pub findings: Vec<Finding>,
    pub notes: Vec<FileNote>,
    /// The versions of the open buffers the findings were computed from.
    pub versions: HashMap<PathBuf, i32>,
    /// When the analysis started and ended, for the latency benchmark's log.
    pub elapsed: Duration,
}

/// One analysed folder, its configuration file, and its workspace.
struct Root {
    dir: PathBuf,
    config_file: Option<PathBuf>,
    ws: Option<Workspace>,
}

pub struct Worker {
    roots: Vec<Root>,
    /// Files opened outside every root, each linted in its own project's context.
    loose: HashMap<PathBuf, Workspace>,
    texts: HashMap<PathBuf, String>,
    versions: HashMap<PathBuf, i32>,
    /// Files we walked again for already (to tell a new file from an excluded one).
    rewalked: HashSet<PathBuf>,
    /// Configuration files known to be bad.
    bad_configs: HashSet<PathBuf>,
    events: Sender<Event>,
}

/// Starts the analysis thread over `folders` (absolute).
pub fn spawn(folders: Vec<PathBuf>, events: Sender<Event>) -> Sender<Job> {
    let (tx, rx) = crossbeam_channel::unbounded();
    std::thread::Builder::new()
        .name("jwtlint-analysis".into())
        .spawn(move || {
            let mut w = Worker {
                roots: folders
                    .into_iter()
                    .map(|dir| Root {
                        dir,
                        config_file: None,
                        ws: None,
                    })
                    .collect(),
                loose: HashMap::new(),
                texts: HashMap::new(),
                versions: HashMap::new(),
                rewalked: HashSet::new(),
                bad_configs: HashSet::new(),
                events,
            };
            w.run(rx);
        })
        .expect("cannot start the analysis thread");
    tx
}

impl Worker {
    fn run(&mut self, jobs: Receiver<Job>) {
        let started = std::time::Instant::now();
        for i in 0..self.roots.len() {
            self.open_root(i);
        }
        self.report(started);
        while let Ok(first) = jobs.recv() {
            let started = std::time::Instant::now();
            let mut batch = vec![first];
            batch.extend(jobs.try_iter());
            self.apply(batch);
            self.report(started);
        }
    }

    fn apply(&mut self, batch: Vec<Job>) {
        // The last text of each file wins; a settings change analyses everything again.
        let mut texts: Vec<(PathBuf, Option<String>)> = Vec::new();
        let mut disk: Vec<PathBuf> = Vec::new();
        let mut settings = false;
        for job in batch {
            match job {
                Job::Text {
                    path,
                    text,
                    version,
                } => {
                    match (&text, version) {
                        (Some(t), v) => {
                            self.texts.insert(path.clone(), t.clone());
                            if let Some(v) = v {
                                self.versions.insert(path.clone(), v);
                            }
                        }
                        (None, _) => {
                            self.texts.remove(&path);
                            self.versions.remove(&path);
                        }
                    }
                    texts.retain(|(p, _)| *p != path);
                    texts.push((path, text));
                }
                Job::Disk { path } => disk.push(path),
                Job::Settings => settings = true,
                Job::Folders { added, removed } => {
                    self.roots.retain(|r| !removed.contains(&r.dir));
                    for dir in added {
                        if !self.roots.iter().any(|r| r.dir == dir) {
                            self.roots.push(Root {
                                dir,
                                config_file: None,
                                ws: None,
                            });
                            let i = self.roots.len() - 1;
                            self.open_root(i);
                        }
                    }
                }
            }
        }
        if settings {
            for i in 0..self.roots.len() {
                self.open_root(i);
            }
            let loose: Vec<PathBuf> = self.loose.keys().cloned().collect();
            self.loose.clear();
            for p in loose {
                self.open_loose(&p);
            }
            return;
        }
        // Files created or deleted change the walk: walk again.
        let mut rewalk: HashSet<usize> = HashSet::new();
        for p in disk {
            match self.root_of(&p) {
                Some(i) => {
                    let known = self.roots[i].ws.as_ref().is_some_and(|ws| ws.contains(&p));
                    if known != p.is_file() {
                        rewalk.insert(i);
                    } else if let Some(ws) = &mut self.roots[i].ws {
                        ws.reload(&p);
                    }
                }
                None => {
                    if let Some(ws) = self.loose.get_mut(&p) {
                        ws.reload(&p);
                    }
                }
            }
        }
        for (path, text) in texts {
            match self.root_of(&path) {
                Some(i) if rewalk.contains(&i) => {}
                Some(i) => {
                    let known = self.roots[i]
                        .ws
                        .as_ref()
                        .is_some_and(|ws| ws.contains(&path));
                    if known {
                        if let Some(ws) = &mut self.roots[i].ws {
                            ws.set_text(&path, text);
                        }
                    } else if text.is_some()
                        && !self.roots[i].ws.as_ref().is_some_and(|ws| {
                            crate::walk::leaves_out(&self.roots[i].dir, &path, ws.config())
                        })
                        && self.rewalked.insert(path.clone())
                    {
                        // A file the walk did not see: new, or excluded (tests, ignored
                        // files, `exclude`). Walking again tells; an excluded file stays
                        // unreported, as on the command line.
                        rewalk.insert(i);
                    }
                }
                None => match text {
                    Some(_) if self.loose.contains_key(&path) => {
                        if let Some(ws) = self.loose.get_mut(&path) {
                            ws.set_text(&path, self.texts.get(&path).cloned());
                        }
                    }
                    Some(_) => self.open_loose(&path),
                    None => {
                        self.loose.remove(&path);
                    }
                },
            }
        }
        for i in rewalk {
            self.open_root(i);
        }
    }

    /// The root folder holding a path (the deepest, when folders nest).
    fn root_of(&self, path: &Path) -> Option<usize> {
        self.roots
            .iter()
            .enumerate()
            .filter(|(_, r)| path.starts_with(&r.dir))
            .max_by_key(|(_, r)| r.dir.as_os_str().len())
            .map(|(i, _)| i)
    }

    /// Reads a root's configuration and analyses it from scratch (with the open buffers).
    fn open_root(&mut self, i: usize) {
        let dir = self.roots[i].dir.clone();
        let config_file = config::discover(&dir);
        // A bad configuration keeps the settings in force (the defaults at start).
        let settings = self.settings(config_file.as_deref()).unwrap_or_else(|| {
            self.roots[i]
                .ws
                .as_ref()
                .map_or_else(Settings::default, |ws| ws.config().settings.clone())
        });
        let config = Config {
            paths: vec![dir.clone()],
            settings,
            ..Config::default()
        };
        let overlays = self
            .texts
            .iter()
            .filter(|(p, _)| p.starts_with(&dir))
            .map(|(p, t)| (p.clone(), t.clone()))
            .collect();
        self.roots[i].config_file = config_file;
        match Workspace::new(config, overlays) {
            Ok(ws) => self.roots[i].ws = Some(ws),
            Err(e) => {
                let _ = self
                    .events
                    .send(Event::Message(format!("{}: {e}", dir.display())));
                self.roots[i].ws = None;
            }
        }
    }

    /// A file opened outside every workspace folder: linted in its own project's context
    /// (the project is read, only the file is reported), as `jwtlint FILE` does.
    fn open_loose(&mut self, path: &Path) {
        let config_file = config::discover(path);
        let settings = self.settings(config_file.as_deref()).unwrap_or_default();
        let config = Config {
            paths: vec![path.to_path_buf()],
            settings,
            project_context: true,
            ..Config::default()
        };
        let overlays = self
            .texts
            .get(path)
            .map(|t| (path.to_path_buf(), t.clone()))
            .into_iter()
            .collect();
        match Workspace::new(config, overlays) {
            Ok(ws) => {
                self.loose.insert(path.to_path_buf(), ws);
            }
            Err(e) => {
                let _ = self.events.send(Event::Message(e.to_string()));
            }
        }
    }

    /// The settings of a configuration file; `None` (and an event) when it is bad.
    fn settings(&mut self, file: Option<&Path>) -> Option<Settings> {
        let Some(file) = file else {
            return Some(Settings::default());
        };
        match Settings::load(file) {
            Ok(s) => {
                if self.bad_configs.remove(file) {
                    let _ = self.events.send(Event::ConfigOk(file.to_path_buf()));
                }
                Some(s)
            }
            Err(e) => {
                self.bad_configs.insert(file.to_path_buf());
                let _ = self.events.send(Event::BadConfig(file.to_path_buf(), e));
                None
            }
        }
    }

    fn report(&mut self, started: std::time::Instant) {
        let mut findings = Vec::new();
        let mut notes = Vec::new();
        for ws in self.roots.iter().filter_map(|r| r.ws.as_ref()) {
            // A root's workspace walks its folder only: all of it is reported.
            let c = ws.check();
            findings.extend(c.findings);
            notes.extend(c.notes);
        }
        for (path, ws) in &self.loose {
            // A loose file's project is read for context; only the file is reported.
            let c = ws.check();
            let this = |p: &Path| modules::normalize(p) == *path;
            findings.extend(c.findings.into_iter().filter(|f| this(&f.loc.path)));
            notes.extend(c.notes.into_iter().filter(|n| this(&n.path)));
        }
        if self.roots.len() + self.loose.len() > 1 {
            findings.sort();
            findings.dedup();
        }
        let _ = self.events.send(Event::Checked(Outcome {
            findings,
            notes,
            versions: self.versions.clone(),
            elapsed: started.elapsed(),
        }));
    }
}

//! `jwtlint lsp`: a language server over standard input and output.
//!
//! Built on `lsp-server` (message types, the JSON-RPC shapes rust-analyzer uses) and
//! `lsp-types`: synchronous, no async runtime, the same pieces ruff's server started from.
//! The main thread speaks the protocol and keeps the open buffers; an analysis thread
//! (`worker`) keeps each workspace folder's project in memory, re-extracts edited buffers
//! and checks the project again, and the main thread publishes what changed.

pub mod actions;
pub mod convert;
pub mod transport;
pub mod worker;

use crate::finding::{FileNote, Finding};
use crate::fix::{self, Safety};
use crossbeam_channel::Sender;
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{self as lt, Diagnostic, Uri};
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use transport::Incoming;
use worker::{Event, Job};

/// The token of the first analysis's progress report.
const PROGRESS_TOKEN: &str = "jwtlint/analysis";

/// The code action kind of "fix everything jwtlint can fix safely in this file".
pub const FIX_ALL: &str = "source.fixAll.jwtlint";

/// Serves one client until `exit`; returns the process's exit status (0 after a
/// `shutdown`, 1 when the client exits or hangs up without one, as the protocol says).
pub fn serve(input: Box<dyn BufRead + Send>, output: Box<dyn Write>) -> i32 {
    let (in_tx, in_rx) = crossbeam_channel::unbounded();
    std::thread::Builder::new()
        .name("jwtlint-lsp-reader".into())
        .spawn(move || read_loop(input, in_tx))
        .expect("cannot start the reader thread");
    let (ev_tx, ev_rx) = crossbeam_channel::unbounded();
    let mut server = Server {
        out: output,
        phase: Phase::Uninitialized,
        folders: Vec::new(),
        watch: false,
        progress: false,
        progress_open: false,
        docs: HashMap::new(),
        jobs: None,
        events: ev_tx,
        event_rx: ev_rx.clone(),
        findings: HashMap::new(),
        notes: HashMap::new(),
        versions: HashMap::new(),
        published: HashMap::new(),
        bad_configs: HashSet::new(),
        next_id: 0,
    };
    loop {
        crossbeam_channel::select! {
            recv(in_rx) -> msg => match msg {
                Ok(Incoming::Message(m)) => {
                    if let Some(code) = server.handle(m) {
                        return code;
                    }
                }
                Ok(Incoming::Malformed { id, code, message }) => {
                    eprintln!("jwtlint lsp: malformed message: {message}");
                    server.send_raw_error(&id, code, &message);
                }
                // The client hung up without `exit`.
                Err(_) => return if server.phase == Phase::ShutDown { 0 } else { 1 },
            },
            recv(ev_rx) -> ev => {
                if let Ok(ev) = ev {
                    server.on_event(ev);
                }
            }
        }
    }
}

fn read_loop(mut input: Box<dyn BufRead + Send>, tx: Sender<Incoming>) {
    loop {
        match transport::read(&mut input) {
            Ok(Some(m)) => {
                if tx.send(m).is_err() {
                    return;
                }
            }
            Ok(None) => return,
            Err(e) => {
                eprintln!("jwtlint lsp: cannot read from the client: {e}");
                return;
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Uninitialized,
    Running,
    ShutDown,
}

/// An open buffer.
struct Doc {
    uri: Uri,
    version: i32,
    text: String,
}

struct Server {
    out: Box<dyn Write>,
    phase: Phase,
    folders: Vec<PathBuf>,
    /// The client lets us register file watchers.
    watch: bool,
    /// The client shows progress we report (`window/workDoneProgress/create`).
    progress: bool,
    /// A progress report is open until the next check arrives.
    progress_open: bool,
    docs: HashMap<PathBuf, Doc>,
    jobs: Option<Sender<Job>>,
    events: Sender<Event>,
    /// The analysis thread's reports (also read while a code action waits for a check).
    event_rx: crossbeam_channel::Receiver<Event>,
    /// Unsuppressed findings of the last check, per file.
    findings: HashMap<PathBuf, Vec<Finding>>,
    notes: HashMap<PathBuf, Vec<FileNote>>,
    /// The buffer versions the last check saw.
    versions: HashMap<PathBuf, i32>,
    /// What each file's diagnostics were when last published.
    published: HashMap<PathBuf, Vec<Diagnostic>>,
    /// Configuration files with an error shown on them.
    bad_configs: HashSet<PathBuf>,
    next_id: i32,
}

impl Server {
    /// Handles a message; `Some(status)` when the server is to exit.
    fn handle(&mut self, msg: Message) -> Option<i32> {
        match msg {
            Message::Request(req) => {
                let id = req.id.clone();
                let method = req.method.clone();
                match crate::panics::catch(|| self.on_request(req)) {
                    Ok(Ok(result)) => self.send(Response::new_ok(id, result).into()),
                    Ok(Err((code, message))) => {
                        self.send(Response::new_err(id, code as i32, message).into())
                    }
                    Err(text) => self.send(
                        Response::new_err(
                            id,
                            ErrorCode::InternalError as i32,
                            format!("jwtlint failed on `{method}`: {text}"),
                        )
                        .into(),
                    ),
                }
                None
            }
            Message::Notification(n) if n.method == lt::notification::Exit::METHOD => {
                Some(if self.phase == Phase::ShutDown { 0 } else { 1 })
            }
            Message::Notification(n) => {
                let method = n.method.clone();
                if let Err(text) = crate::panics::catch(|| self.on_notification(n)) {
                    eprintln!("jwtlint lsp: failed on `{method}`: {text}");
                }
                None
            }
            // Answers to our own requests (watcher registration): nothing to do.
            Message::Response(_) => None,
        }
    }

    fn on_request(&mut self, req: Request) -> Result<serde_json::Value, (ErrorCode, String)> {
        use lt::request::*;
        match (self.phase, req.method.as_str()) {
            (Phase::Uninitialized, Initialize::METHOD) => {
                let params: lt::InitializeParams = params(req)?;
                self.initialize(params)
            }
            (Phase::Uninitialized, _) => Err((
                ErrorCode::ServerNotInitialized,
                "the server is not initialized yet".into(),
            )),
            (Phase::ShutDown, _) => Err((
                ErrorCode::InvalidRequest,
                "the server is shutting down".into(),
            )),
            (Phase::Running, Initialize::METHOD) => Err((
                ErrorCode::InvalidRequest,
                "the server is already initialized".into(),
            )),
            (Phase::Running, Shutdown::METHOD) => {
                self.phase = Phase::ShutDown;
                // Dropping the job sender ends the analysis thread after its batch.
                self.jobs = None;
                Ok(serde_json::Value::Null)
            }
            (Phase::Running, CodeActionRequest::METHOD) => {
                let params: lt::CodeActionParams = params(req)?;
                if let Some(path) = convert::path_of(&params.text_document.uri) {
                    self.wait_for_check(&path);
                }
                Ok(serde_json::to_value(self.code_actions(params)).unwrap_or_default())
            }
            (Phase::Running, method) => Err((
                ErrorCode::MethodNotFound,
                format!("jwtlint does not handle `{method}`"),
            )),
        }
    }

    fn initialize(
        &mut self,
        params: lt::InitializeParams,
    ) -> Result<serde_json::Value, (ErrorCode, String)> {
        let mut folders: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| convert::path_of(&f.uri))
            .collect();
        if folders.is_empty() {
            #[allow(deprecated)]
            let root = params
                .root_uri
                .as_ref()
                .and_then(convert::path_of)
                .or_else(|| params.root_path.as_ref().map(PathBuf::from));
            folders.extend(root);
        }
        folders.sort();
        folders.dedup();
        self.folders = folders;
        self.watch = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        self.progress = params
            .capabilities
            .window
            .as_ref()
            .and_then(|w| w.work_done_progress)
            .unwrap_or(false);
        self.phase = Phase::Running;
        let capabilities = lt::ServerCapabilities {
            workspace: Some(lt::WorkspaceServerCapabilities {
                workspace_folders: Some(lt::WorkspaceFoldersServerCapabilities {
                    supported: Some(true),
                    change_notifications: Some(lt::OneOf::Left(true)),
                }),
                file_operations: None,
            }),
            position_encoding: Some(lt::PositionEncodingKind::UTF16),
            text_document_sync: Some(lt::TextDocumentSyncCapability::Options(
                lt::TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(lt::TextDocumentSyncKind::FULL),
                    save: Some(lt::TextDocumentSyncSaveOptions::Supported(true)),
                    ..Default::default()
                },
            )),
            code_action_provider: Some(lt::CodeActionProviderCapability::Options(
                lt::CodeActionOptions {
                    code_action_kinds: Some(vec![
                        lt::CodeActionKind::QUICKFIX,
                        lt::CodeActionKind::new(FIX_ALL),
                    ]),
                    resolve_provider: Some(false),
                    ..Default::default()
                },
            )),
            ..Default::default()
        };
        let result = lt::InitializeResult {
            capabilities,
            server_info: Some(lt::ServerInfo {
                name: "jwtlint".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        };
        Ok(serde_json::to_value(result).unwrap_or_default())
    }

    fn on_notification(&mut self, n: Notification) {
        use lt::notification::*;
        if self.phase != Phase::Running {
            return;
        }
        match n.method.as_str() {
            Initialized::METHOD => self.start(),
            DidOpenTextDocument::METHOD => {
                let Some(p) = note_params::<lt::DidOpenTextDocumentParams>(n) else {
                    return;
                };
                let doc = p.text_document;
                let Some(path) = convert::path_of(&doc.uri) else {
                    return;
                };
                self.docs.insert(
                    path.clone(),
                    Doc {
                        uri: doc.uri,
                        version: doc.version,
                        text: doc.text,
                    },
                );
                self.text_changed(&path);
            }
            DidChangeTextDocument::METHOD => {
                let Some(p) = note_params::<lt::DidChangeTextDocumentParams>(n) else {
                    return;
                };
                let Some(path) = convert::path_of(&p.text_document.uri) else {
                    return;
                };
                let Some(doc) = self.docs.get_mut(&path) else {
                    return;
                };
                for change in p.content_changes {
                    apply_change(&mut doc.text, &path, change);
                }
                doc.version = p.text_document.version;
                self.text_changed(&path);
            }
            DidCloseTextDocument::METHOD => {
                let Some(p) = note_params::<lt::DidCloseTextDocumentParams>(n) else {
                    return;
                };
                let Some(path) = convert::path_of(&p.text_document.uri) else {
                    return;
                };
                if self.docs.remove(&path).is_some() && is_source(&path) {
                    self.job(Job::Text {
                        path,
                        text: None,
                        version: None,
                    });
                }
            }
            DidSaveTextDocument::METHOD => {
                let Some(p) = note_params::<lt::DidSaveTextDocumentParams>(n) else {
                    return;
                };
                if let Some(path) = convert::path_of(&p.text_document.uri) {
                    if is_project_setting(&path) {
                        self.job(Job::Settings);
                    }
                }
            }
            DidChangeWorkspaceFolders::METHOD => {
                let Some(p) = note_params::<lt::DidChangeWorkspaceFoldersParams>(n) else {
                    return;
                };
                let paths = |list: &[lt::WorkspaceFolder]| -> Vec<PathBuf> {
                    list.iter()
                        .filter_map(|f| convert::path_of(&f.uri))
                        .collect()
                };
                let added = paths(&p.event.added);
                let removed = paths(&p.event.removed);
                self.folders.retain(|f| !removed.contains(f));
                self.folders.extend(added.iter().cloned());
                // Findings of removed folders go with them.
                let gone: Vec<PathBuf> = self
                    .published
                    .keys()
                    .filter(|p| removed.iter().any(|r| p.starts_with(r)))
                    .cloned()
                    .collect();
                for p in gone {
                    self.publish(&p, Vec::new());
                }
                self.job(Job::Folders { added, removed });
            }
            DidChangeWatchedFiles::METHOD => {
                let Some(p) = note_params::<lt::DidChangeWatchedFilesParams>(n) else {
                    return;
                };
                let mut settings = false;
                for change in p.changes {
                    let Some(path) = convert::path_of(&change.uri) else {
                        continue;
                    };
                    if is_project_setting(&path) {
                        settings = true;
                    } else if is_source(&path) && !self.docs.contains_key(&path) {
                        self.job(Job::Disk { path });
                    }
                }
                if settings {
                    self.job(Job::Settings);
                }
            }
            _ => {}
        }
    }

    /// After `initialized`: watch the files analysis depends on, analyse the folders.
    fn start(&mut self) {
        if self.jobs.is_some() {
            return;
        }
        if self.watch {
            let glob = |g: &str| lt::FileSystemWatcher {
                glob_pattern: lt::GlobPattern::String(g.into()),
                kind: None,
            };
            let exts = crate::parse::EXTENSIONS.join(",");
            let options = lt::DidChangeWatchedFilesRegistrationOptions {
                watchers: vec![
                    glob(&format!("**/*.{{{exts}}}")),
                    glob("**/{jwtlint.toml,package.json,tsconfig.json,jsconfig.json,pnpm-workspace.yaml,.gitignore,.jwtlintignore}"),
                ],
            };
            let params = lt::RegistrationParams {
                registrations: vec![lt::Registration {
                    id: "jwtlint-watch".into(),
                    method: lt::notification::DidChangeWatchedFiles::METHOD.into(),
                    register_options: serde_json::to_value(options).ok(),
                }],
            };
            self.next_id += 1;
            let req = Request::new(
                RequestId::from(format!("jwtlint-{}", self.next_id)),
                lt::request::RegisterCapability::METHOD.into(),
                params,
            );
            self.send(req.into());
        }
        if self.progress && !self.folders.is_empty() {
            // The first analysis reads the whole project: show that it runs.
            let token = lt::NumberOrString::String(PROGRESS_TOKEN.into());
            self.next_id += 1;
            let req = Request::new(
                RequestId::from(format!("jwtlint-{}", self.next_id)),
                lt::request::WorkDoneProgressCreate::METHOD.into(),
                lt::WorkDoneProgressCreateParams {
                    token: token.clone(),
                },
            );
            self.send(req.into());
            self.send_progress(lt::WorkDoneProgress::Begin(lt::WorkDoneProgressBegin {
                title: "jwtlint: analysing the project".into(),
                cancellable: Some(false),
                message: None,
                percentage: None,
            }));
            self.progress_open = true;
        }
        self.jobs = Some(worker::spawn(self.folders.clone(), self.events.clone()));
        // Buffers opened before `initialized` (some clients do).
        let open: Vec<PathBuf> = self.docs.keys().cloned().collect();
        for p in open {
            self.text_changed(&p);
        }
    }

    fn text_changed(&mut self, path: &Path) {
        if !is_source(path) {
            return;
        }
        let Some(doc) = self.docs.get(path) else {
            return;
        };
        let job = Job::Text {
            path: path.to_path_buf(),
            text: Some(doc.text.clone()),
            version: Some(doc.version),
        };
        self.job(job);
    }

    fn job(&mut self, job: Job) {
        if let Some(jobs) = &self.jobs {
            if jobs.send(job).is_err() {
                self.show(
                    lt::MessageType::ERROR,
                    "jwtlint: the analysis stopped; restart the server".into(),
                );
                self.jobs = None;
            }
        }
    }

    fn on_event(&mut self, ev: Event) {
        match ev {
            Event::Checked(outcome) => {
                if std::mem::take(&mut self.progress_open) {
                    self.send_progress(lt::WorkDoneProgress::End(lt::WorkDoneProgressEnd {
                        message: None,
                    }));
                }
                eprintln!(
                    "jwtlint lsp: checked in {:.1} ms",
                    outcome.elapsed.as_secs_f64() * 1000.0
                );
                let mut findings: HashMap<PathBuf, Vec<Finding>> = HashMap::new();
                for f in outcome
                    .findings
                    .into_iter()
                    .filter(|f| f.suppressed.is_none())
                {
                    match findings.get_mut(f.loc.path.as_path()) {
                        Some(list) => list.push(f),
                        None => {
                            findings.insert(f.loc.path.as_ref().clone(), vec![f]);
                        }
                    }
                }
                let mut notes: HashMap<PathBuf, Vec<FileNote>> = HashMap::new();
                for n in outcome.notes {
                    notes.entry(n.path.clone()).or_default().push(n);
                }
                // Only files whose findings or notes changed are converted and published.
                let mut changed: Vec<PathBuf> = findings
                    .keys()
                    .chain(self.findings.keys())
                    .chain(notes.keys())
                    .chain(self.notes.keys())
                    .filter(|p| {
                        findings.get(*p) != self.findings.get(*p)
                            || notes.get(*p) != self.notes.get(*p)
                    })
                    .cloned()
                    .collect();
                changed.sort();
                changed.dedup();
                self.findings = findings;
                self.notes = notes;
                self.versions = outcome.versions;
                self.publish_changed(changed);
            }
            Event::BadConfig(path, e) => {
                let pos = e.position.map_or(lt::Position::default(), |(l, c)| {
                    lt::Position::new(l.saturating_sub(1) as u32, c.saturating_sub(1) as u32)
                });
                let diag = Diagnostic {
                    range: lt::Range::new(pos, pos),
                    severity: Some(lt::DiagnosticSeverity::ERROR),
                    source: Some("jwtlint".into()),
                    message: e.message.clone(),
                    ..Default::default()
                };
                self.show(
                    lt::MessageType::ERROR,
                    format!(
                        "jwtlint: {} cannot be used ({}); the previous settings stay in force",
                        path.display(),
                        e.message
                    ),
                );
                self.bad_configs.insert(path.clone());
                self.publish(&path, vec![diag]);
            }
            Event::ConfigOk(path) => {
                if self.bad_configs.remove(&path) {
                    self.publish(&path, Vec::new());
                }
            }
            Event::Message(m) => self.show(lt::MessageType::WARNING, m),
        }
    }

    /// Publishes the diagnostics of `paths` (their findings changed since last time; an
    /// empty list clears a file).
    fn publish_changed(&mut self, paths: Vec<PathBuf>) {
        for p in paths {
            let mut diags: Vec<Diagnostic> = self
                .notes
                .get(&p)
                .into_iter()
                .flatten()
                .filter_map(convert::note_diagnostic)
                .collect();
            diags.extend(
                self.findings
                    .get(&p)
                    .into_iter()
                    .flatten()
                    .map(convert::diagnostic),
            );
            if self
                .published
                .get(&p)
                .map_or(diags.is_empty(), |old| *old == diags)
            {
                continue;
            }
            self.publish(&p, diags);
        }
    }

    fn publish(&mut self, path: &Path, diagnostics: Vec<Diagnostic>) {
        let Some(uri) = self
            .docs
            .get(path)
            .map(|d| d.uri.clone())
            .or_else(|| convert::uri_of(path))
        else {
            return;
        };
        // The version the findings were computed from, when the buffer is open.
        let version = self
            .docs
            .get(path)
            .and_then(|_| self.versions.get(path).copied());
        let params = lt::PublishDiagnosticsParams {
            uri,
            diagnostics: diagnostics.clone(),
            version,
        };
        if diagnostics.is_empty() {
            self.published.remove(path);
        } else {
            self.published.insert(path.to_path_buf(), diagnostics);
        }
        self.send(
            Notification::new(lt::notification::PublishDiagnostics::METHOD.into(), params).into(),
        );
    }

    /// Waits (a little) for the check of the buffer's current text, handling the analysis
    /// thread's reports meanwhile: actions computed from an older text would edit the
    /// wrong places.
    fn wait_for_check(&mut self, path: &Path) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while self.jobs.is_some()
            && self
                .docs
                .get(path)
                .is_some_and(|d| self.versions.get(path) != Some(&d.version))
        {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.event_rx.recv_timeout(left) {
                Ok(ev) => self.on_event(ev),
                Err(_) => return,
            }
        }
    }

    fn code_actions(&self, params: lt::CodeActionParams) -> Vec<lt::CodeActionOrCommand> {
        let Some(path) = convert::path_of(&params.text_document.uri) else {
            return Vec::new();
        };
        let Some(doc) = self.docs.get(&path) else {
            return Vec::new();
        };
        // Findings of another version of the buffer would put edits in the wrong place.
        if self.versions.get(&path) != Some(&doc.version) {
            return Vec::new();
        }
        let wants = |kind: &str| {
            params.context.only.as_ref().is_none_or(|only| {
                only.iter()
                    .any(|k| kind == k.as_str() || kind.starts_with(&format!("{}.", k.as_str())))
            })
        };
        let src = crate::source::Source::new(path.clone(), doc.text.clone());
        let mut out = Vec::new();
        let findings = self.findings.get(&path).map_or(&[][..], Vec::as_slice);
        if wants(lt::CodeActionKind::QUICKFIX.as_str()) {
            for f in findings {
                let range = convert::range(f.loc.span.start, f.loc.span.end);
                if !overlaps(range, params.range) {
                    continue;
                }
                let diag = convert::diagnostic(f);
                let action = |title: String, edit: lt::TextEdit, preferred: bool| {
                    lt::CodeActionOrCommand::CodeAction(lt::CodeAction {
                        title,
                        kind: Some(lt::CodeActionKind::QUICKFIX),
                        diagnostics: Some(vec![diag.clone()]),
                        edit: Some(workspace_edit(&doc.uri, vec![edit])),
                        is_preferred: preferred.then_some(true),
                        ..Default::default()
                    })
                };
                if let Some(edits) = fix_edits(&src, f) {
                    let safe = f.fix.as_ref().is_some_and(|x| x.safety == Safety::Safe);
                    let title = f.fix.as_ref().map_or_else(String::new, |x| match x.safety {
                        Safety::Safe => x.title.clone(),
                        Safety::Unsafe => format!("{} (unsafe fix)", x.title),
                    });
                    out.push(lt::CodeActionOrCommand::CodeAction(lt::CodeAction {
                        title,
                        kind: Some(lt::CodeActionKind::QUICKFIX),
                        diagnostics: Some(vec![diag.clone()]),
                        edit: Some(workspace_edit(&doc.uri, edits)),
                        is_preferred: safe.then_some(true),
                        ..Default::default()
                    }));
                }
                if let Some(edit) = actions::disable_line(&src, f) {
                    out.push(action(
                        format!("Disable {} for this line", f.rule),
                        edit,
                        false,
                    ));
                }
                out.push(action(
                    format!("Disable {} for this file", f.rule),
                    actions::disable_file(&src, f),
                    false,
                ));
            }
        }
        if wants(FIX_ALL) {
            if let Some(edits) = fix_all(&src, findings) {
                out.push(lt::CodeActionOrCommand::CodeAction(lt::CodeAction {
                    title: "Fix all safely fixable jwtlint problems".into(),
                    kind: Some(lt::CodeActionKind::new(FIX_ALL)),
                    edit: Some(workspace_edit(&doc.uri, edits)),
                    ..Default::default()
                }));
            }
        }
        out
    }

    fn send_progress(&mut self, value: lt::WorkDoneProgress) {
        let params = lt::ProgressParams {
            token: lt::NumberOrString::String(PROGRESS_TOKEN.into()),
            value: lt::ProgressParamsValue::WorkDone(value),
        };
        self.send(Notification::new(lt::notification::Progress::METHOD.into(), params).into());
    }

    fn send(&mut self, msg: Message) {
        if let Err(e) = transport::write(&mut self.out, &msg) {
            eprintln!("jwtlint lsp: cannot write to the client: {e}");
        }
    }

    fn send_raw_error(&mut self, id: &serde_json::Value, code: ErrorCode, message: &str) {
        if let Err(e) = transport::write_error(&mut self.out, id, code, message) {
            eprintln!("jwtlint lsp: cannot write to the client: {e}");
        }
    }

    fn show(&mut self, typ: lt::MessageType, message: String) {
        self.send(
            Notification::new(
                lt::notification::ShowMessage::METHOD.into(),
                lt::ShowMessageParams { typ, message },
            )
            .into(),
        );
    }
}

/// A finding's fix as edits on the buffer, when it renders on the text as it is and the
/// fixed text parses as well as before.
fn fix_edits(src: &crate::source::Source, f: &Finding) -> Option<Vec<lt::TextEdit>> {
    let edits = fix::render(f.fix.as_ref()?, &src.text)?;
    fix::apply_checked(&src.path, &src.text, &edits).ok()?;
    Some(protocol_edits(src, &edits))
}

/// Every safe fix of the file that does not overlap an earlier one (the rest wait for the
/// next "fix all", as `--fix` applies overlapping fixes in passes).
fn fix_all(src: &crate::source::Source, findings: &[Finding]) -> Option<Vec<lt::TextEdit>> {
    let mut all: Vec<fix::TextEdit> = Vec::new();
    for f in findings {
        let Some(x) = f.fix.as_ref().filter(|x| x.safety == Safety::Safe) else {
            continue;
        };
        let Some(edits) = fix::render(x, &src.text) else {
            continue;
        };
        let clashes = edits.iter().any(|e| {
            all.iter()
                .any(|a| e.start < a.end && a.start < e.end || e.start == a.start)
        });
        if !clashes && fix::apply_checked(&src.path, &src.text, &edits).is_ok() {
            all.extend(edits);
        }
    }
    all.sort_by_key(|e| (e.start, e.end));
    if all.is_empty() || fix::apply_checked(&src.path, &src.text, &all).is_err() {
        return None;
    }
    Some(protocol_edits(src, &all))
}

fn protocol_edits(src: &crate::source::Source, edits: &[fix::TextEdit]) -> Vec<lt::TextEdit> {
    edits
        .iter()
        .map(|e| lt::TextEdit {
            range: lt::Range::new(
                convert::position_at(src, e.start),
                convert::position_at(src, e.end),
            ),
            new_text: e.text.clone(),
        })
        .collect()
}

fn params<P: serde::de::DeserializeOwned>(req: Request) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(req.params).map_err(|e| {
        (
            ErrorCode::InvalidParams,
            format!("invalid parameters for `{}`: {e}", req.method),
        )
    })
}

fn note_params<P: serde::de::DeserializeOwned>(n: Notification) -> Option<P> {
    match serde_json::from_value(n.params) {
        Ok(p) => Some(p),
        Err(e) => {
            eprintln!("jwtlint lsp: invalid parameters for `{}`: {e}", n.method);
            None
        }
    }
}

pub(crate) fn workspace_edit(uri: &Uri, edits: Vec<lt::TextEdit>) -> lt::WorkspaceEdit {
    lt::WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..Default::default()
    }
}

/// Ranges that share a position (touching counts: a cursor at a diagnostic's end).
fn overlaps(a: lt::Range, b: lt::Range) -> bool {
    a.start <= b.end && b.start <= a.end
}

/// Applies one content change: a whole text, or a range replaced (clients may send ranges
/// even to a full-sync server).
fn apply_change(text: &mut String, path: &Path, change: lt::TextDocumentContentChangeEvent) {
    match change.range {
        None => *text = change.text,
        Some(r) => {
            let src = crate::source::Source::new(path.to_path_buf(), std::mem::take(text));
            let start = convert::offset(&src, r.start);
            let end = convert::offset(&src, r.end).max(start);
            let mut t = src.text;
            t.replace_range(start..end, &change.text);
            *text = t;
        }
    }
}

/// A JavaScript or TypeScript file the analysis reads.
fn is_source(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| crate::parse::EXTENSIONS.contains(&e))
}

/// A file whose change means walking and analysing again (configuration, ignore files,
/// workspace and module-resolution settings).
fn is_project_setting(path: &Path) -> bool {
    matches!(
        path.file_name().and_then(|n| n.to_str()),
        Some(
            "jwtlint.toml"
                | "package.json"
                | "tsconfig.json"
                | "jsconfig.json"
                | "pnpm-workspace.yaml"
                | ".gitignore"
                | ".jwtlintignore"
        )
    )
}

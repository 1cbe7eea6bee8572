//! Drives `jwtlint lsp` as an editor does: framed JSON-RPC over the process's standard input
//! and output, on a multi-file project in a temporary folder.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(60);

struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Messages read while waiting for something else.
    backlog: Vec<Value>,
}

fn uri(path: &Path) -> String {
    url::Url::from_file_path(path).unwrap().to_string()
}

impl Client {
    fn start(root: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_jwtlint"))
            .arg("lsp")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("jwtlint lsp starts");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = Some(v.parse::<usize>().unwrap());
                    }
                }
                let mut body = vec![0; len.expect("Content-Length")];
                r.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        let stdin = child.stdin.take();
        Client {
            child,
            stdin,
            incoming: rx,
            next_id: 0,
            backlog: Vec::new(),
        }
    }

    fn raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().unwrap();
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    fn send(&mut self, msg: Value) {
        let text = msg.to_string();
        self.raw(format!("Content-Length: {}\r\n\r\n{text}", text.len()).as_bytes());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.wait(|m| m["id"] == id && m.get("method").is_none())
    }

    /// The first message (read now or earlier) that `want` accepts.
    fn wait(&mut self, want: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&want) {
            return self.backlog.remove(i);
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.incoming.recv_timeout(left) {
                Ok(m) if want(&m) => return m,
                Ok(m) => {
                    // Server-to-client requests (watcher registration) get an answer.
                    if m.get("method").is_some() && m.get("id").is_some() {
                        let id = m["id"].clone();
                        self.send(json!({ "jsonrpc": "2.0", "id": id, "result": null }));
                    }
                    self.backlog.push(m)
                }
                Err(RecvTimeoutError::Timeout) => panic!(
                    "no such message within {TIMEOUT:?}; got: {:#?}",
                    self.backlog
                ),
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("the server hung up; got: {:#?}", self.backlog)
                }
            }
        }
    }

    /// The next diagnostics published for `uri` that `want` accepts.
    fn diagnostics(&mut self, uri: &str, want: impl Fn(&[Value]) -> bool) -> Value {
        self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && want(m["params"]["diagnostics"].as_array().unwrap())
        })
    }

    fn initialize(&mut self, root: &Path) -> Value {
        let r = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(root),
                "workspaceFolders": [{ "uri": uri(root), "name": "app" }],
                "capabilities": {
                    "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } }
                }
            }),
        );
        self.notify("initialized", json!({}));
        r
    }

    fn open(&mut self, path: &Path, version: i32) {
        let text = std::fs::read_to_string(path).unwrap();
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri(path), "languageId": "javascript", "version": version, "text": text
            }}),
        );
    }

    fn change(&mut self, path: &Path, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri(path), "version": version },
                "contentChanges": [{ "text": text }]
            }),
        );
    }

    /// `shutdown` then `exit`; the exit status.
    fn stop(mut self) -> i32 {
        let r = self.request("shutdown", Value::Null);
        assert_eq!(r["result"], Value::Null, "{r}");
        self.notify("exit", Value::Null);
        self.stdin = None;
        wait_exit(&mut self.child)
    }
}

fn wait_exit(child: &mut Child) -> i32 {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code().unwrap_or(-1);
        }
        assert!(Instant::now() < deadline, "the server did not exit");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Applies protocol text edits (0-based lines; these tests' texts are ASCII, so characters
/// are bytes) to a text, last first.
fn apply_edits(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let line = p["line"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        start + p["character"].as_u64().unwrap() as usize
    };
    let mut edits: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    edits.sort();
    let mut out = text.to_string();
    for (start, end, new) in edits.into_iter().rev() {
        out.replace_range(start..end, new);
    }
    out
}

fn codes(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

const AUTH: &str = "const jwt = require('jsonwebtoken');
const { secret } = require('./config');

function issue(user) {
  return jwt.sign({ sub: user.id }, secret, { expiresIn: '15m' });
}

function check(token) {
  return jwt.verify(token, secret);
}

module.exports = { issue, check };
";

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("package.json"), r#"{ "name": "app" }"#).unwrap();
    std::fs::create_dir(root.join("src")).unwrap();
    std::fs::write(
        root.join("src/config.js"),
        "module.exports = { secret: 'shhh-this-is-our-jwt-secret' };\n",
    )
    .unwrap();
    std::fs::write(root.join("src/auth.js"), AUTH).unwrap();
    dir
}

#[test]
fn an_editor_session() {
    let dir = project();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    let auth = root.join("src/auth.js");
    let config = root.join("src/config.js");
    let mut c = Client::start(&root);
    let init = c.initialize(&root);
    assert_eq!(init["result"]["serverInfo"]["name"], "jwtlint", "{init}");
    assert!(init["result"]["capabilities"]["codeActionProvider"].is_object());

    // The secret defined in another file is reported at the calls, related to its definition.
    c.open(&auth, 1);
    let published = c.diagnostics(&uri(&auth), |d| {
        codes(d).contains(&"hardcoded-secret".to_string())
            && codes(d).contains(&"missing-algorithms".to_string())
    });
    let diags = published["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .clone();
    let secret = diags
        .iter()
        .find(|d| d["code"] == "hardcoded-secret")
        .unwrap();
    assert_eq!(secret["source"], "jwtlint");
    assert_eq!(secret["severity"], 1, "{secret}");
    let related = &secret["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], uri(&config), "{secret}");
    assert_eq!(related["location"]["range"]["start"]["line"], 0);
    assert!(secret["codeDescription"]["href"]
        .as_str()
        .unwrap()
        .ends_with("rules/hardcoded-secret.md"));
    let missing = diags
        .iter()
        .find(|d| d["code"] == "missing-algorithms")
        .unwrap()
        .clone();
    assert_eq!(missing["range"]["start"]["line"], 8, "{missing}");

    // Code actions at the finding: suppression comments, indented like the line.
    let actions = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri(&auth) },
            "range": missing["range"],
            "context": { "diagnostics": [missing] }
        }),
    );
    let list = actions["result"].as_array().unwrap();
    let disable = list
        .iter()
        .find(|a| a["title"] == "Disable missing-algorithms for this line")
        .unwrap_or_else(|| panic!("{actions:#}"));
    let edit = &disable["edit"]["changes"][uri(&auth)][0];
    assert_eq!(
        edit["newText"],
        "  // jwtlint-disable-next-line missing-algorithms -- \n"
    );
    assert_eq!(edit["range"]["start"]["line"], 8);

    // The quick fix adds the algorithm this project signs the same key with.
    let quick = list
        .iter()
        .find(|a| a["title"] == "Add `algorithms: ['HS256']`")
        .unwrap_or_else(|| panic!("{actions:#}"));
    assert_eq!(quick["kind"], "quickfix");
    assert_eq!(quick["isPreferred"], true);
    let quick_edits = quick["edit"]["changes"][uri(&auth)]
        .as_array()
        .unwrap()
        .clone();
    let fixed = apply_edits(AUTH, &quick_edits);
    assert!(
        fixed.contains("jwt.verify(token, secret, { algorithms: ['HS256'] })"),
        "{fixed}"
    );
    // "Fix all" offers the same safe fix as a source action.
    let all = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri(&auth) },
            "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } },
            "context": { "diagnostics": [], "only": ["source.fixAll"] }
        }),
    );
    let all = all["result"].as_array().unwrap();
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0]["kind"], "source.fixAll.jwtlint");
    assert_eq!(
        apply_edits(
            AUTH,
            all[0]["edit"]["changes"][uri(&auth)].as_array().unwrap()
        ),
        fixed
    );

    // A garbage message gets an error response and the server goes on.
    c.raw(b"Content-Length: 9\r\n\r\n{not json");
    let err = c.wait(|m| m.get("error").is_some() && m["id"].is_null());
    assert_eq!(err["error"]["code"], -32700, "{err}");
    let unknown = c.request("jwtlint/noSuchThing", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    let bad = c.request("textDocument/codeAction", json!({ "textDocument": 3 }));
    assert_eq!(bad["error"]["code"], -32602, "{bad}");

    // The editor applies the fix to the unsaved buffer, which counts, not the disk: the
    // allowlist clears missing-algorithms.
    c.change(&auth, 2, &fixed);
    let after = c.diagnostics(&uri(&auth), |d| {
        !codes(d).contains(&"missing-algorithms".to_string())
    });
    assert_eq!(after["params"]["version"], 2, "{after}");
    assert!(codes(after["params"]["diagnostics"].as_array().unwrap())
        .contains(&"hardcoded-secret".to_string()));

    // An edit in another file's buffer changes this file's findings.
    c.open(&config, 1);
    c.change(
        &config,
        2,
        "module.exports = { secret: process.env.JWT_SECRET };\n",
    );
    c.diagnostics(&uri(&auth), |d| d.is_empty());

    assert_eq!(c.stop(), 0);
}

#[test]
fn exit_without_shutdown_is_status_1_and_requests_wait_for_initialize() {
    let dir = project();
    let mut c = Client::start(dir.path());
    let early = c.request("textDocument/codeAction", json!({}));
    assert_eq!(early["error"]["code"], -32002, "{early}");
    c.initialize(dir.path());
    c.notify("exit", Value::Null);
    c.stdin = None;
    assert_eq!(wait_exit(&mut c.child), 1);
}

#[test]
fn a_bad_configuration_is_shown_on_its_file_and_reread_when_saved() {
    let dir = project();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    let toml = root.join("jwtlint.toml");
    std::fs::write(&toml, "[rules]\nno-such-rule = \"error\"\n").unwrap();
    let mut c = Client::start(&root);
    c.initialize(&root);
    let shown = c.diagnostics(&uri(&toml), |d| !d.is_empty());
    let d = &shown["params"]["diagnostics"][0];
    assert!(
        d["message"].as_str().unwrap().contains("no-such-rule"),
        "{d}"
    );
    assert_eq!(d["range"]["start"]["line"], 1, "{d}");
    // Defaults stay in force meanwhile: the project is still checked.
    let auth = root.join("src/auth.js");
    c.open(&auth, 1);
    c.diagnostics(&uri(&auth), |d| !d.is_empty());
    // Fixed and saved: the error goes, and the settings apply (the rule is off now).
    std::fs::write(&toml, "[rules]\nmissing-algorithms = \"off\"\n").unwrap();
    c.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": uri(&toml) } }),
    );
    c.diagnostics(&uri(&toml), |d| d.is_empty());
    c.diagnostics(&uri(&auth), |d| {
        !d.is_empty() && !codes(d).contains(&"missing-algorithms".to_string())
    });
    assert_eq!(c.stop(), 0);
}

#[test]
fn folders_come_and_go_and_the_first_analysis_shows_progress() {
    let a = project();
    let b = project();
    let a_root = std::fs::canonicalize(a.path()).unwrap();
    let b_root = std::fs::canonicalize(b.path()).unwrap();
    let mut c = Client::start(&a_root);
    c.request(
        "initialize",
        json!({
            "processId": null,
            "workspaceFolders": [{ "uri": uri(&a_root), "name": "a" }],
            "capabilities": { "window": { "workDoneProgress": true } }
        }),
    );
    c.notify("initialized", json!({}));
    let create = c.wait(|m| m["method"] == "window/workDoneProgress/create");
    let token = create["params"]["token"].clone();
    c.wait(|m| {
        m["method"] == "$/progress"
            && m["params"]["token"] == token
            && m["params"]["value"]["kind"] == "begin"
    });
    // Files of the folder are published without being opened (the whole project is analysed).
    let a_auth = uri(&a_root.join("src/auth.js"));
    c.diagnostics(&a_auth, |d| !d.is_empty());
    c.wait(|m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end");

    c.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({ "event": {
            "added": [{ "uri": uri(&b_root), "name": "b" }],
            "removed": [{ "uri": uri(&a_root), "name": "a" }]
        }}),
    );
    c.diagnostics(&a_auth, |d| d.is_empty());
    c.diagnostics(&uri(&b_root.join("src/auth.js")), |d| !d.is_empty());
    assert_eq!(c.stop(), 0);
}

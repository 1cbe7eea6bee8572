//! Helpers the binary tests share (each test file is its own crate; not every one uses all).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The binary, run in `cwd`, without colour or CI settings from the environment.
pub fn bin(cwd: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_jwtlint"));
    c.current_dir(cwd);
    c.env_remove("NO_COLOR")
        .env_remove("FORCE_COLOR")
        .env_remove("CI");
    c
}

/// Runs jwtlint in `cwd`.
pub fn run_in(cwd: &Path, args: &[&str]) -> Output {
    bin(cwd).args(args).output().expect("binary runs")
}

/// Runs a command with `input` on its standard input, capturing both outputs.
pub fn run_with_input(mut cmd: Command, input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input)
        .expect("standard input written");
    child.wait_with_output().expect("binary ends")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

pub fn write(dir: &Path, rel: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, content).unwrap();
    p
}

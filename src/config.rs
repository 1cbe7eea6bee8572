//! What one run is asked to do. The CLI (and later the config file) fills it in.

use crate::source::DEFAULT_MAX_FILE_SIZE;
use std::path::PathBuf;

#[derive(Debug, Clone)]
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
        }
    }
}

//! The `jwtlint` command: parse arguments, run the engine, print, map to an exit code.

use clap::parser::ValueSource;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use jwtlint::config::{Config, Progress, ProgressHook, Settings};
use jwtlint::finding::{Level, NoteKind};
use jwtlint::report::{self, Format, SourceCache};
use jwtlint::rules::ALL_RULES;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "jwtlint",
    version,
    about = "Find JWT security mistakes in JavaScript and TypeScript projects",
    override_usage = "jwtlint [OPTIONS] [PATH]...\n       jwtlint [-q] [--color <COLOR>] <COMMAND>"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    lint: LintArgs,
}

#[derive(Subcommand)]
enum Command {
    /// List the rules with their level, whether they are on by default, and a summary.
    Rules {
        #[arg(long, value_enum, default_value = "human")]
        format: ListFormat,
    },
    /// Print a rule's documentation.
    Explain {
        /// Rule id, e.g. missing-algorithms.
        id: String,
    },
    /// Write a commented jwtlint.toml in the current folder.
    Init,
    /// Map where tokens are issued, verified, decoded, stored and set, with their keys,
    /// algorithms, lifetimes and services, and the flows between them.
    Inventory(InventoryArgs),
    /// Run a language server over standard input and output, for editors: findings as you
    /// type (unsaved buffers, linked with the rest of the project), quick fixes and
    /// suppression comments. See the README for VS Code, Neovim, Helix and Zed.
    Lsp,
}

#[derive(Args)]
struct InventoryArgs {
    /// Files and folders to map (default: the current folder).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// markdown (tables and a mermaid diagram), json (version 1, see the README) or mermaid.
    #[arg(short, long, value_enum, default_value = "markdown")]
    format: InventoryFormat,
    /// Write the map to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Configuration file (default: the nearest jwtlint.toml upward from the first path);
    /// its ignore globs apply.
    #[arg(short, long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Also map tests (`test/`, `*.spec.ts`, ...), skipped by default.
    #[arg(long)]
    include_tests: bool,
    /// Ignore .gitignore/.ignore/.jwtlintignore and the built-in excludes.
    #[arg(long)]
    no_ignore: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum InventoryFormat {
    Markdown,
    Json,
    Mermaid,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Human,
    Json,
}

/// `--format FORMAT[:FILE]`.
#[derive(Clone, Debug)]
struct FormatSpec {
    format: Format,
    file: Option<PathBuf>,
}

fn parse_format_spec(s: &str) -> Result<FormatSpec, String> {
    let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
    let (name, file) = match s.split_once(':') {
        Some((name, file)) => (name, Some(file)),
        None => (s, None),
    };
    let Some(format) = Format::parse(name) else {
        return Err(format!(
            "unknown format `{name}` (expected one of: {}; add `:FILE` to write it to a file)",
            names.join(", ")
        ));
    };
    if file == Some("") {
        return Err(format!("no file name after `{name}:`"));
    }
    Ok(FormatSpec {
        format,
        file: file.map(PathBuf::from),
    })
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Args)]
struct LintArgs {
    /// Files and folders to lint (default: the current folder).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format: human (default), json, sarif, github, gitlab or junit. Repeatable;
    /// FORMAT:FILE writes that format to FILE (`-f sarif:jwtlint.sarif -f github`).
    #[arg(short, long, value_name = "FORMAT[:FILE]", value_parser = parse_format_spec)]
    format: Vec<FormatSpec>,
    /// Write the report to FILE instead of standard output (for a format without `:FILE`).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Configuration file (default: the nearest jwtlint.toml upward from the first path).
    #[arg(short, long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Read the source to lint from standard input, as if it were the file NAME.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<PathBuf>,
    /// Leave out findings recorded in this baseline file (CI then fails on new ones only).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current findings in a baseline file, and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    write_baseline: Option<PathBuf>,
    /// Report jwtlint-disable comments that suppress nothing.
    #[arg(long)]
    report_unused_disables: bool,
    /// Run only this rule (repeatable).
    #[arg(long = "rule", value_name = "ID")]
    rules: Vec<String>,
    /// Turn this rule off (repeatable).
    #[arg(long = "disable", value_name = "ID")]
    disable: Vec<String>,
    /// Fail (exit 1) when there are more than N warnings.
    #[arg(long, value_name = "N")]
    max_warnings: Option<usize>,
    /// Report errors only (warnings still count for --max-warnings).
    #[arg(short, long, global = true)]
    quiet: bool,
    /// When to use colour in the human report (NO_COLOR and FORCE_COLOR are honoured).
    #[arg(long, value_enum, default_value = "auto", global = true)]
    color: ColorArg,
    /// Worker threads (0: one per core; at most twice the cores, or 64).
    #[arg(long, default_value_t = 0, value_name = "N")]
    threads: usize,
    /// Lint everything: ignore .gitignore/.ignore/.jwtlintignore and the built-in excludes.
    #[arg(long)]
    no_ignore: bool,
    /// Also lint tests (`test/`, `__tests__/`, `*.test.ts`, `*.spec.js`, ...), skipped by default.
    #[arg(long)]
    include_tests: bool,
    /// Parse every file, even those that mention no JWT library or browser storage
    /// (for checking the prefilter; findings are the same).
    #[arg(long, hide = true)]
    no_prefilter: bool,
    /// Milliseconds a file may take to parse, per 256 KiB of source (a parse over it is
    /// abandoned with a note; some broken inputs make the parser run away).
    /// [default: 2000, or `parse-timeout` in jwtlint.toml]
    #[arg(long, value_name = "MS")]
    parse_timeout: Option<u64>,
    /// Skip files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = jwtlint::source::DEFAULT_MAX_FILE_SIZE)]
    max_file_size: u64,
    /// Apply the safe fixes, then report what remains (standard input: print the fixed
    /// source on standard output, the report on standard error).
    #[arg(long)]
    fix: bool,
    /// With --fix or --diff, apply the unsafe fixes too (they may change what the code does).
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print the fixes as a unified diff and change nothing (exit 1 if there is one).
    #[arg(long)]
    diff: bool,
}

fn use_color(arg: ColorArg, to_file: bool) -> bool {
    match arg {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            if to_file || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
                false
            } else if std::env::var_os("FORCE_COLOR").is_some_and(|v| !v.is_empty() && v != "0") {
                true
            } else {
                std::io::stdout().is_terminal()
            }
        }
    }
}

/// Colour for messages on stderr: `--color`, then NO_COLOR / FORCE_COLOR, then whether
/// stderr is a terminal.
fn stderr_color(arg: ColorArg) -> bool {
    match arg {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
                false
            } else if std::env::var_os("FORCE_COLOR").is_some_and(|v| !v.is_empty() && v != "0") {
                true
            } else {
                std::io::stderr().is_terminal()
            }
        }
    }
}

/// Prints an error and gives exit code 2. The message can quote paths and rule ids from
/// the command line or the file system: control characters are escaped.
fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!(
        "jwtlint: error: {}",
        report::paths::escape_controls(&msg.to_string())
    );
    ExitCode::from(2)
}

fn write_out(text: &str, output: Option<&PathBuf>) -> Result<(), String> {
    match output {
        Some(p) => {
            std::fs::write(p, text).map_err(|e| format!("cannot write {}: {e}", p.display()))
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|_| out.flush())
                .or_else(|e| {
                    // A closed pipe (`jwtlint . | head`) is not an error worth reporting.
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        Ok(())
                    } else {
                        Err(e)
                    }
                })
                .map_err(|e| format!("cannot write the report: {e}"))
        }
    }
}

fn list_rules(format: ListFormat) -> ExitCode {
    let text = match format {
        ListFormat::Json => {
            let rules: Vec<serde_json::Value> = ALL_RULES
                .iter()
                .map(|r| {
                    let m = r.meta();
                    let h = m.header();
                    serde_json::json!({
                        "id": m.id,
                        "level": m.level(),
                        "enabled": h.enabled,
                        "summary": h.summary,
                        "cwe": h.cwe,
                        "libraries": h.libraries,
                        "fix": fix_safety(m.body()),
                    })
                })
                .collect();
            serde_json::to_string_pretty(&rules).unwrap_or_default() + "\n"
        }
        ListFormat::Human => {
            let width = ALL_RULES
                .iter()
                .map(|r| r.meta().id.len())
                .max()
                .unwrap_or(0);
            let mut s = String::new();
            for r in ALL_RULES {
                let m = r.meta();
                let on = if m.header().enabled { "on " } else { "off" };
                s.push_str(&format!(
                    "{:width$}  {:7}  {on}  {}\n",
                    m.id,
                    m.level().as_str(),
                    m.summary()
                ));
            }
            s
        }
    };
    match write_out(&text, None) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

/// Whether a rule has a fix, and how safe, as its documentation's "Fix" section says
/// ("Safe…" or "Unsafe…"); `None` for a rule without one.
fn fix_safety(doc: &str) -> Option<&'static str> {
    let (_, section) = doc.split_once("\n## Fix\n")?;
    match section.trim_start().split([' ', ',', '.']).next()? {
        "Safe" => Some("safe"),
        "Unsafe" => Some("unsafe"),
        _ => None,
    }
}

fn explain(id: &str) -> ExitCode {
    let Some(rule) = jwtlint::rules::find(id) else {
        let hint = match jwtlint::config::did_you_mean(id, ALL_RULES.iter().map(|r| r.meta().id)) {
            Some(s) => format!("did you mean `{s}`?"),
            None => "see `jwtlint rules`".into(),
        };
        return fail(format!("unknown rule `{id}` ({hint})"));
    };
    let m = rule.meta();
    let h = m.header();
    let cwe: Vec<String> = h.cwe.iter().map(|c| format!("CWE-{c}")).collect();
    let head = format!(
        "{} ({}, {} by default{}{})\n\n",
        m.id,
        m.level(),
        if h.enabled { "on" } else { "off" },
        if cwe.is_empty() { "" } else { ", " },
        cwe.join(", ")
    );
    match write_out(&(head + m.body()), None) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

fn inventory(args: InventoryArgs) -> ExitCode {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    let settings_file = match &args.config {
        Some(c) if !c.is_file() => {
            return fail(format!("{}: no such configuration file", c.display()))
        }
        Some(c) => Some(c.clone()),
        None => jwtlint::config::discover(&paths[0]),
    };
    let settings = match settings_file.map(|f| Settings::load(&f)) {
        Some(Ok(s)) => s,
        Some(Err(e)) => {
            eprintln!("jwtlint: error: {}", e.render(false));
            return ExitCode::from(2);
        }
        None => Settings::default(),
    };
    let parse_limits = jwtlint::parse::Limits {
        timeout: settings
            .parse_timeout
            .unwrap_or(jwtlint::parse::DEFAULT_TIMEOUT),
        ..Default::default()
    };
    let config = Config {
        paths,
        no_ignore: args.no_ignore,
        include_tests: args.include_tests,
        settings,
        project_context: true,
        parse_limits,
        ..Config::default()
    };
    let analysis = match jwtlint::engine::analyse(&config) {
        Ok(a) => a,
        Err(e) => return fail(e),
    };
    for n in analysis
        .notes
        .iter()
        .filter(|n| n.kind != NoteKind::Warning)
    {
        eprintln!(
            "jwtlint: skipped: {}: {}",
            analysis.paths.for_terminal(&n.path),
            report::human::sanitize(report::note_reason(n))
        );
    }
    let map = jwtlint::inventory::Inventory::of(
        &analysis.project,
        &analysis.roots,
        analysis.only.as_ref(),
        &analysis.paths,
    );
    let format = match args.format {
        InventoryFormat::Markdown => jwtlint::inventory::Format::Markdown,
        InventoryFormat::Json => jwtlint::inventory::Format::Json,
        InventoryFormat::Mermaid => jwtlint::inventory::Format::Mermaid,
    };
    match write_out(&map.render(format), args.output.as_ref()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

/// Per-file notes on stderr: every skipped file; warnings (partial parses, bad UTF-8) one by
/// one while they are few, else counted, since a large TSX code base can have hundreds.
fn print_notes(report: &jwtlint::Report) {
    let notes = &report.notes;
    const MAX_WARNINGS_LISTED: usize = 5;
    let warnings: Vec<_> = notes
        .iter()
        .filter(|n| n.kind == NoteKind::Warning)
        .collect();
    for n in notes {
        let what = match n.kind {
            NoteKind::Internal => "internal error",
            NoteKind::Skipped => "skipped",
            NoteKind::Warning if warnings.len() <= MAX_WARNINGS_LISTED => "warning",
            NoteKind::Warning => continue,
        };
        eprintln!(
            "jwtlint: {what}: {}: {}",
            report.paths.for_terminal(&n.path),
            report::human::sanitize(report::note_reason(n))
        );
    }
    if warnings.len() > MAX_WARNINGS_LISTED {
        eprintln!(
            "jwtlint: {} files were analysed only in part (syntax the parser does not know, or bad UTF-8), e.g. {}: {}; `--format json` lists them all",
            warnings.len(),
            report.paths.for_terminal(&warnings[0].path),
            report::human::sanitize(&warnings[0].message)
        );
    }
}

fn init(quiet: bool) -> ExitCode {
    let path = PathBuf::from(jwtlint::config::CONFIG_FILE);
    if path.exists() {
        return fail(format!(
            "{} already exists; not overwriting it",
            path.display()
        ));
    }
    match std::fs::write(&path, jwtlint::config::template(jwtlint::rules::catalog())) {
        Ok(()) => {
            if !quiet {
                eprintln!("Created {}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail(format!("cannot write {}: {e}", path.display())),
    }
}

/// A progress bar on stderr for scans that take more than a second, on a terminal only,
/// and only when standard output is not a machine-readable report.
fn progress_hook(stdout_format: Option<Format>) -> Option<ProgressHook> {
    let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false");
    let machine = stdout_format.is_some_and(|f| f != Format::Human);
    if machine || ci || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::hidden();
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} linting {pos}/{len} files {wide_bar} {eta}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let started = std::time::Instant::now();
    // How long a scan runs before the bar appears (an environment knob for tests).
    let delay_ms: u128 = std::env::var("JWTLINT_PROGRESS_DELAY_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let shown = std::sync::atomic::AtomicBool::new(false);
    Some(std::sync::Arc::new(move |p: Progress| match p {
        Progress::Start(n) => bar.set_length(n as u64),
        Progress::File => {
            bar.inc(1);
            if started.elapsed().as_millis() >= delay_ms
                && !shown.swap(true, std::sync::atomic::Ordering::Relaxed)
            {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
        }
        Progress::Done => bar.finish_and_clear(),
    }))
}

fn lint(args: LintArgs) -> ExitCode {
    limit_malloc_arenas(if args.threads == 0 {
        std::thread::available_parallelism().map_or(2, |n| n.get())
    } else {
        args.threads.min(1024)
    });
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let outputs = match outputs(&args) {
        Ok(o) => o,
        Err(e) => return fail(e),
    };
    let stdout_format = outputs.iter().find(|o| o.file.is_none()).map(|o| o.format);
    // Standard input, linted as the file it names.
    let stdin = match &args.stdin_filename {
        Some(name) => {
            let mut bytes = Vec::new();
            if let Err(e) = std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes) {
                return fail(format!("cannot read standard input: {e}"));
            }
            let text = String::from_utf8_lossy(&bytes).into_owned();
            Some((name.clone(), text))
        }
        None => None,
    };
    let config_start = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| paths[0].clone());
    let settings_file = match &args.config {
        Some(c) if !c.is_file() => {
            return fail(format!("{}: no such configuration file", c.display()))
        }
        Some(c) => Some(c.clone()),
        None => jwtlint::config::discover(&config_start),
    };
    let settings = match settings_file {
        Some(f) => match Settings::load(&f) {
            Ok(s) => s,
            Err(e) => {
                // The offending line with a caret under the spot (miette).
                eprintln!("jwtlint: error: {}", e.render(stderr_color(args.color)));
                return ExitCode::from(2);
            }
        },
        None => Settings::default(),
    };
    let baseline = match &args.baseline {
        Some(b) => match jwtlint::suppress::Baseline::read(b) {
            Ok(b) => Some(b),
            Err(e) => return fail(e),
        },
        None => None,
    };
    let configured_timeout = settings.parse_timeout;
    let config = Config {
        paths,
        threads: clamp_threads(args.threads),
        max_file_size: args.max_file_size,
        no_ignore: args.no_ignore,
        include_tests: args.include_tests,
        prefilter: !args.no_prefilter,
        only_rules: args.rules.clone(),
        disabled_rules: args.disable.clone(),
        settings,
        progress: progress_hook(stdout_format),
        stdin,
        baseline,
        report_unused_disables: args.report_unused_disables,
        project_context: true,
        parse_limits: jwtlint::parse::Limits {
            timeout: match args.parse_timeout {
                Some(ms) => std::time::Duration::from_millis(ms.max(1)),
                None => configured_timeout.unwrap_or(jwtlint::parse::DEFAULT_TIMEOUT),
            },
            ..Default::default()
        },
    };
    if args.unsafe_fixes && !(args.fix || args.diff) {
        return fail("--unsafe-fixes goes with --fix or --diff");
    }
    if (args.fix || args.diff) && args.write_baseline.is_some() {
        return fail("--write-baseline records findings; it does not go with --fix or --diff");
    }
    if args.diff && (!args.format.is_empty() || args.output.is_some()) {
        return fail(
            "--diff prints the fixes as a unified diff on standard output; it does not go with -f/--format or -o/--output (run once with --diff, once with the report options)",
        );
    }
    let mut config = config;
    let mut fixing = if args.fix || args.diff {
        match fix_files(&mut config, args.unsafe_fixes, args.diff) {
            Ok(f) => Some(f),
            Err(e) => return fail(e),
        }
    } else {
        None
    };
    if let Some(f) = &fixing {
        for note in &f.refused {
            eprintln!("jwtlint: warning: {}", report::human::sanitize(note));
        }
    }
    if args.diff {
        let Some(f) = fixing else {
            return ExitCode::from(2);
        };
        if let Err(e) = write_out(&f.diff, None) {
            return fail(e);
        }
        let word = if f.fixed == 1 { "fix" } else { "fixes" };
        if f.fixed == 0 {
            eprintln!("No fixes available");
        } else {
            eprintln!("Would apply {} {word}", f.fixed);
        }
        return if f.fixed > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        };
    }
    let mut report = match fixing.as_mut().and_then(|f| f.report.take()) {
        Some(r) => r,
        None => match jwtlint::run(&config) {
            Ok(r) => r,
            Err(e) => return fail(e),
        },
    };
    if let Some(f) = &fixing {
        let word = if f.fixed == 1 { "problem" } else { "problems" };
        eprintln!("Fixed {} {word}", f.fixed);
    }
    // A fix is offered (marked, counted, written in JSON and SARIF) only where it applies to
    // the text as it is now.
    drop_stale_fixes(&mut report, &config);
    // Warnings count for --max-warnings even when --quiet hides them.
    let all = report::counts(&report.findings);
    if args.quiet {
        let before = report::counts(&report.findings).total();
        report.findings.retain(|f| f.level == Level::Error);
        report.hidden_by_quiet = before - report::counts(&report.findings).total();
    }
    let fixed_stdin = fixing.and_then(|f| f.stdin);
    let mut cache = SourceCache::default();
    for s in &report.sources {
        cache.insert(jwtlint::source::Source::new(s.path.clone(), s.text.clone()));
    }
    let human = outputs.iter().any(|o| o.format == Format::Human);
    if human {
        print_notes(&report);
        eprintln!(
            "Checked {} ({:.1} KiB) in {:.2}s",
            report::plural(report.files_scanned, "file"),
            report.bytes_scanned as f64 / 1024.0,
            report.elapsed.as_secs_f64()
        );
    }
    if report.files_scanned == 0 && args.stdin_filename.is_none() {
        let given: Vec<String> = config
            .paths
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        eprintln!(
            "jwtlint: warning: no JavaScript or TypeScript file to lint in {} (tests, dependencies, build output and ignored files are skipped; see --include-tests and --no-ignore)",
            given.join(", ")
        );
    }
    for o in &outputs {
        let (color, width) = match (&o.file, o.format) {
            (None, Format::Human) => (
                use_color(args.color, false),
                terminal_width().unwrap_or(DEFAULT_WIDTH),
            ),
            (Some(_), Format::Human) => (use_color(args.color, true), DEFAULT_WIDTH),
            _ => (false, DEFAULT_WIDTH),
        };
        let text = report::render(
            &report,
            o.format,
            color,
            width,
            &mut cache,
            jwtlint::rules::catalog(),
        );
        // `--fix` on standard input: the fixed source owns standard output.
        if fixed_stdin.is_some() && o.file.is_none() {
            eprint!("{text}");
        } else if let Err(e) = write_out(&text, o.file.as_ref()) {
            return fail(e);
        }
    }
    if let Some(text) = &fixed_stdin {
        if let Err(e) = write_out(text, None) {
            return fail(e);
        }
    }
    if report.baselined > 0 && human {
        eprintln!(
            "{} recorded in the baseline {} left out",
            report::plural(report.baselined, "finding"),
            if report.baselined == 1 { "was" } else { "were" }
        );
    }
    if let Some(path) = &args.write_baseline {
        let b = jwtlint::suppress::Baseline::of(&report.findings, &report.paths);
        if let Err(e) = std::fs::write(path, b.to_json()) {
            return fail(format!("cannot write {}: {e}", path.display()));
        }
        eprintln!(
            "Wrote {} to the baseline {}",
            report::plural(b.findings.len(), "finding"),
            path.display()
        );
        return ExitCode::SUCCESS;
    }
    let too_many_warnings = args.max_warnings.filter(|&max| all.warnings > max);
    if let Some(max) = too_many_warnings {
        eprintln!(
            "jwtlint: failed: {}, more than --max-warnings {max}",
            report::plural(all.warnings, "warning")
        );
    }
    let internal = report
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::Internal)
        .count();
    if internal > 0 {
        // Findings were reported, but a file's analysis failed: the report is incomplete.
        eprintln!(
            "jwtlint: error: an internal error left {} out of the report (a bug in jwtlint; please report it)",
            report::plural(internal, "file")
        );
        ExitCode::from(2)
    } else if all.errors > 0 || too_many_warnings.is_some() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// What `--fix` and `--diff` did.
struct Fixing {
    /// Fixes applied (or, for `--diff`, that would be).
    fixed: usize,
    /// Fixes left out, and why.
    refused: Vec<String>,
    /// `--diff`: the fixes as a unified diff.
    diff: String,
    /// `--fix` on standard input: the fixed source.
    stdin: Option<String>,
    /// The report of the last analysis, when nothing changed after it.
    report: Option<jwtlint::Report>,
}

/// Passes of fixing at most: two fixes that edit the same place go in separate passes, with
/// an analysis between them.
const MAX_FIX_PASSES: usize = 8;

/// A file's text as analysed (a UTF-8 byte order mark apart), for fixing; `None` for text
/// analysed after decoding or repair (UTF-16, invalid UTF-8), which fixes do not touch.
fn fixable_text(
    config: &jwtlint::config::Config,
    path: &std::path::Path,
) -> Option<(&'static str, String)> {
    if let Some((_, text)) = &config.stdin {
        return Some(("", text.clone()));
    }
    let bytes = std::fs::read(path).ok()?;
    let (bom, rest) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => ("\u{feff}", rest.to_vec()),
        None => ("", bytes),
    };
    if jwtlint::source::is_utf16(&rest) {
        return None;
    }
    String::from_utf8(rest).ok().map(|t| (bom, t))
}

/// One file's fixes in a pass.
struct PlannedFile {
    path: PathBuf,
    /// The byte order mark the file starts with, kept.
    bom: &'static str,
    before: String,
    after: String,
    /// The rules of the findings fixed, one per fix.
    rules: Vec<&'static str>,
}

/// Unsuppressed findings by file and rule.
fn tally(report: &jwtlint::Report) -> std::collections::HashMap<(PathBuf, &'static str), usize> {
    let mut n = std::collections::HashMap::new();
    for f in report.findings.iter().filter(|f| f.suppressed.is_none()) {
        *n.entry((f.loc.path.to_path_buf(), f.rule)).or_insert(0) += 1;
    }
    n
}

/// The fixes of one analysis that can go in together, by file: rendered on the file's
/// current text, checked to parse, none touching another's place (those wait for the next
/// pass). Suppressed findings are not fixed; baselined ones are not in the report.
fn plan_fixes(
    report: &jwtlint::Report,
    config: &jwtlint::config::Config,
    unsafe_fixes: bool,
    stuck: &std::collections::HashSet<(PathBuf, &'static str)>,
    refused: &mut std::collections::BTreeSet<String>,
) -> Vec<PlannedFile> {
    use jwtlint::fix;
    let mut by_file: std::collections::BTreeMap<&std::path::Path, Vec<&jwtlint::finding::Finding>> =
        Default::default();
    for f in &report.findings {
        if f.suppressed.is_none()
            && f.fix.as_ref().is_some_and(|x| x.applies(unsafe_fixes))
            && !stuck.contains(&(f.loc.path.to_path_buf(), f.rule))
        {
            by_file.entry(f.loc.path.as_path()).or_default().push(f);
        }
    }
    let mut out = Vec::new();
    for (path, findings) in by_file {
        let shown = report.paths.for_terminal(path);
        let Some((bom, text)) = fixable_text(config, path) else {
            refused.insert(format!("{shown}: not fixed: the file is not UTF-8 text"));
            continue;
        };
        let mut edits: Vec<fix::TextEdit> = Vec::new();
        let mut rules = Vec::new();
        for f in findings {
            let Some(x) = &f.fix else { continue };
            let Some(mine) = fix::render(x, &text) else {
                continue;
            };
            // An edit inside another fix's, or at the same place: the next pass sees the
            // first fix's result. Edits that only touch end to start go together.
            let clash = mine.iter().any(|e| {
                edits
                    .iter()
                    .any(|t| e.start == t.start || (e.start < t.end && t.start < e.end))
            });
            if clash {
                continue;
            }
            if let Err(why) = fix::apply_checked(path, &text, &mine) {
                let line = f.loc.span.start.line;
                refused.insert(format!(
                    "{shown}:{line}: {} not fixed: {}",
                    f.rule,
                    why.reason()
                ));
                continue;
            }
            edits.extend(mine);
            edits.sort_by_key(|e| (e.start, e.end));
            rules.push(f.rule);
        }
        if rules.is_empty() {
            continue;
        }
        match fix::apply_checked(path, &text, &edits) {
            Ok(after) => out.push(PlannedFile {
                path: path.to_path_buf(),
                bom,
                before: text,
                after,
                rules,
            }),
            Err(why) => {
                refused.insert(format!("{shown}: not fixed: {}", why.reason()));
            }
        }
    }
    out
}

/// `--fix` and `--diff`: analyses, applies the fixes that can go together, and again until
/// nothing is left to fix (at most `MAX_FIX_PASSES`). `--diff` makes one pass and writes
/// nothing.
fn fix_files(
    config: &mut jwtlint::config::Config,
    unsafe_fixes: bool,
    diff_only: bool,
) -> Result<Fixing, String> {
    let mut refused = std::collections::BTreeSet::new();
    let mut fixing = Fixing {
        fixed: 0,
        refused: Vec::new(),
        diff: String::new(),
        stdin: None,
        report: None,
    };
    let stdin_name = config.stdin.as_ref().map(|(n, _)| n.clone());
    // A fix must take its finding away; one that does not (a bug) is not applied again.
    let mut stuck = std::collections::HashSet::new();
    let mut before_pass: std::collections::HashMap<(PathBuf, &'static str), usize> =
        Default::default();
    for pass in 0..=MAX_FIX_PASSES {
        let report = jwtlint::run(config).map_err(|e| e.to_string())?;
        let now = tally(&report);
        for (key, before) in before_pass.drain() {
            if now.get(&key).copied().unwrap_or(0) >= before {
                refused.insert(format!(
                    "{}: a fix for {} did not take its finding away; not applied again",
                    report.paths.for_terminal(&key.0),
                    key.1
                ));
                stuck.insert(key);
            }
        }
        let planned = if pass == MAX_FIX_PASSES {
            Vec::new()
        } else {
            plan_fixes(&report, config, unsafe_fixes, &stuck, &mut refused)
        };
        if planned.is_empty() {
            fixing.report = Some(report);
            break;
        }
        for file in planned {
            fixing.fixed += file.rules.len();
            for rule in &file.rules {
                let key = (file.path.clone(), *rule);
                let n = now.get(&key).copied().unwrap_or(0);
                before_pass.insert(key, n);
            }
            if diff_only {
                let name = report.paths.for_people(&file.path);
                let diff = similar::TextDiff::from_lines(&file.before, &file.after);
                fixing.diff.push_str(
                    &diff
                        .unified_diff()
                        .context_radius(3)
                        .header(&format!("a/{name}"), &format!("b/{name}"))
                        .to_string(),
                );
            } else if let Some((_, text)) = config.stdin.as_mut() {
                *text = file.after;
            } else {
                // Written in place: the same file (its permissions and links kept), only
                // the edited bytes changed.
                std::fs::write(&file.path, format!("{}{}", file.bom, file.after))
                    .map_err(|e| format!("cannot write {}: {e}", file.path.display()))?;
            }
        }
        if diff_only {
            break;
        }
    }
    if stdin_name.is_some() && !diff_only {
        fixing.stdin = config.stdin.as_ref().map(|(_, t)| t.clone());
    }
    fixing.refused = refused.into_iter().collect();
    Ok(fixing)
}

/// Leaves out the fixes that do not apply to the text as it is now (facts the text no
/// longer matches, a place the fix cannot read).
fn drop_stale_fixes(report: &mut jwtlint::Report, config: &jwtlint::config::Config) {
    let mut texts: std::collections::HashMap<PathBuf, Option<String>> = Default::default();
    for f in report.findings.iter_mut().filter(|f| f.fix.is_some()) {
        let text = texts
            .entry(f.loc.path.to_path_buf())
            .or_insert_with(|| fixable_text(config, &f.loc.path).map(|(_, t)| t));
        let renders = text.as_deref().is_some_and(|t| {
            f.fix
                .as_ref()
                .and_then(|x| jwtlint::fix::render(x, t))
                .is_some()
        });
        if !renders {
            f.fix = None;
        }
    }
}

/// Worker threads beyond twice the cores (and at least 64) only cost start-up time and
/// memory (each has an 8 MiB stack; 256 threads on 2 cores took seconds for one file), and
/// an absurd `--threads 100000` would abort the process.
fn clamp_threads(n: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    let max = (2 * cores).max(64);
    if n > max {
        eprintln!("jwtlint: warning: --threads {n} is more than {max} (twice the cores, at least 64); using {max}");
        max
    } else {
        n
    }
}

/// The human report's width off a terminal (and in files): fixed, so output is the same
/// bytes wherever it runs.
const DEFAULT_WIDTH: usize = 100;

/// Standard output's width when it is a terminal.
fn terminal_width() -> Option<usize> {
    let (terminal_size::Width(w), _) = terminal_size::terminal_size()?;
    Some((w as usize).max(40))
}

/// Where each report goes: `-f FORMAT:FILE` to FILE, the others to `-o FILE` or standard
/// output, at most one there.
fn outputs(args: &LintArgs) -> Result<Vec<FormatSpec>, String> {
    let mut outputs = args.format.clone();
    if outputs.is_empty() {
        outputs.push(FormatSpec {
            format: Format::Human,
            file: None,
        });
    }
    let unnamed: Vec<&str> = outputs
        .iter()
        .filter(|o| o.file.is_none())
        .map(|o| o.format.name())
        .collect();
    if unnamed.len() > 1 {
        let dest = match &args.output {
            Some(f) => format!("the file {}", f.display()),
            None => "standard output".to_string(),
        };
        return Err(format!(
            "the formats {} would all be written to {dest}; give each but one its own file, e.g. `-f {}:jwtlint-report.{}`",
            unnamed.join(", "),
            unnamed[1],
            extension(Format::parse(unnamed[1]).unwrap_or(Format::Json))
        ));
    }
    if args.output.is_some() && unnamed.is_empty() {
        return Err(
            "--output names a file, but every --format already has its own (FORMAT:FILE)".into(),
        );
    }
    for o in outputs.iter_mut() {
        if o.file.is_none() {
            o.file = args.output.clone();
        }
    }
    let mut files: Vec<&PathBuf> = outputs.iter().filter_map(|o| o.file.as_ref()).collect();
    files.sort();
    if let Some(w) = files.windows(2).find(|w| w[0] == w[1]) {
        return Err(format!(
            "two reports would be written to {}; give each format its own file",
            w[0].display()
        ));
    }
    Ok(outputs)
}

fn extension(format: Format) -> &'static str {
    match format {
        Format::Human => "txt",
        Format::Json | Format::Gitlab => "json",
        Format::Sarif => "sarif",
        Format::Github => "txt",
        Format::Junit => "xml",
    }
}

/// Options given before a subcommand: `-q` and `--color` apply to every command; the
/// linting options do not, and are an error rather than silently ignored.
fn lint_options_given(matches: &clap::ArgMatches) -> Vec<String> {
    let cmd = Cli::command();
    let mut given: Vec<String> = matches
        .ids()
        .filter(|id| !matches!(id.as_str(), "quiet" | "color"))
        .filter(|id| matches.value_source(id.as_str()) == Some(ValueSource::CommandLine))
        .filter_map(|id| {
            let arg = cmd.get_arguments().find(|a| a.get_id() == id)?;
            Some(match (arg.get_long(), arg.is_positional()) {
                (_, true) => format!("the path `{}`", id.as_str()),
                (Some(long), _) => format!("--{long}"),
                (None, _) => id.as_str().to_string(),
            })
        })
        .collect();
    given.sort();
    given
}

/// glibc gives a process up to eight malloc arenas per core, each keeping the memory its
/// threads freed; one per worker thread keeps peak RSS near the live heap (a 44,000-file
/// tree: 277 MB down to 188 MB, and no slower).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn limit_malloc_arenas(workers: usize) {
    use std::ffi::c_int;
    extern "C" {
        fn mallopt(param: c_int, value: c_int) -> c_int;
    }
    const M_ARENA_MAX: c_int = -8;
    let arenas = c_int::try_from(workers.max(1)).unwrap_or(c_int::MAX);
    // SAFETY: mallopt only sets a tuning parameter; called before the worker threads start.
    unsafe {
        mallopt(M_ARENA_MAX, arenas);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn limit_malloc_arenas(_workers: usize) {}

fn main() -> ExitCode {
    jwtlint::panics::install_quiet_hook();
    let matches = Cli::command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    if let Some((name, _)) = matches.subcommand() {
        let given = lint_options_given(&matches);
        if !given.is_empty() {
            return fail(format!(
                "{} {} for linting, not for `jwtlint {name}` (a command's own options go after it, see `jwtlint {name} --help`; to lint a folder called `{name}`, write `./{name}`)",
                given.join(", "),
                if given.len() == 1 { "is" } else { "are" }
            ));
        }
    }
    match cli.command {
        Some(Command::Rules { format }) => list_rules(format),
        Some(Command::Explain { id }) => explain(&id),
        Some(Command::Init) => init(cli.lint.quiet),
        Some(Command::Inventory(args)) => inventory(args),
        Some(Command::Lsp) => {
            let input = Box::new(std::io::BufReader::new(std::io::stdin()));
            let status = jwtlint::lsp::serve(input, Box::new(std::io::stdout()));
            ExitCode::from(status as u8)
        }
        None => lint(cli.lint),
    }
}

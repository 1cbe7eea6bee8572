//! Panics are bugs, but one file's bug must not end a run or hide the file: each file's
//! analysis is caught, and the panic becomes a per-file note (`NoteKind::Internal`).
//! The hook keeps panic text, which can quote source bytes, off the terminal.

use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};

thread_local! {
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Longest panic text kept in a note.
const MAX_MESSAGE: usize = 300;

/// Replaces the default panic hook (for the command-line tool): the text and place of a
/// panic are kept for the note instead of printed. `JWTLINT_SHOW_PANICS=1` prints them too.
pub fn install_quiet_hook() {
    let show = std::env::var_os("JWTLINT_SHOW_PANICS").is_some_and(|v| !v.is_empty());
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let text = payload_text(info.payload());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let _ = LAST.try_with(|l| *l.borrow_mut() = Some(format!("{text}{at}")));
        if show {
            default(info);
        }
    }));
}

fn payload_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic without a message".to_string()
    }
}

/// Runs `f`; a panic comes back as its (sanitised, shortened) text.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    let _ = LAST.try_with(|l| l.borrow_mut().take());
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let text = LAST
            .try_with(|l| l.borrow_mut().take())
            .ok()
            .flatten()
            .unwrap_or_else(|| payload_text(payload.as_ref()));
        clean(&text)
    })
}

/// The note for a file whose analysis panicked.
pub fn note_message(stage: &str, text: &str) -> String {
    format!(
        "internal error while {stage} this file, which was left out of the report: {text} (this is a bug in jwtlint; please report it, with the file if you can share it)"
    )
}

/// Control characters replaced, length capped at a character boundary.
fn clean(text: &str) -> String {
    let mut out: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if out.len() > MAX_MESSAGE {
        let cut = crate::source::prefix(&out, MAX_MESSAGE).len();
        out.truncate(cut);
        out.push('…');
    }
    out
}

/// Testing hook: analysis panics on files whose path ends with the value of
/// `JWTLINT_FORCE_PANIC`, so tests can check that a panic becomes a note.
pub fn maybe_force(path: &std::path::Path) {
    static FORCE: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    let force = FORCE.get_or_init(|| std::env::var("JWTLINT_FORCE_PANIC").ok());
    if let Some(suffix) = force.as_deref().filter(|s| !s.is_empty()) {
        if path.to_string_lossy().ends_with(suffix) {
            panic!(
                "forced by JWTLINT_FORCE_PANIC \u{1b}[31m for {}",
                path.display()
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_clean_text() {
        let r: Result<(), String> = catch(|| panic!("boom \u{1b}[2J {}", "é".repeat(400)));
        let text = r.unwrap_err();
        assert!(text.starts_with("boom"), "{text}");
        assert!(!text.contains('\u{1b}'));
        assert!(text.len() <= MAX_MESSAGE + '…'.len_utf8());
        assert_eq!(catch(|| 7), Ok(7));
    }
}

//! Between jwtlint's values and the protocol's: file URIs and paths, positions, findings
//! as diagnostics.

use crate::finding::{FileNote, Finding, Level, NoteKind, Pos};
use crate::report::sarif::INFORMATION_URI;
use crate::source::Source;
use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Position, Range, Uri,
};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The local path of a `file:` URI (percent-decoding and platform rules by the `url` crate).
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let url = url::Url::parse(uri.as_str()).ok()?;
    if url.scheme() != "file" {
        return None;
    }
    url.to_file_path()
        .ok()
        .map(|p| crate::semantic::modules::normalize(&p))
}

/// The `file:` URI of an absolute path.
pub fn uri_of(path: &Path) -> Option<Uri> {
    let url = url::Url::from_file_path(path).ok()?;
    Uri::from_str(url.as_str()).ok()
}

/// A jwtlint position (1-based line, 1-based UTF-16 column) in the protocol's terms
/// (0-based line, 0-based UTF-16 character).
pub fn position(p: Pos) -> Position {
    Position {
        line: p.line.saturating_sub(1),
        character: p.column.saturating_sub(1),
    }
}

pub fn range(start: Pos, end: Pos) -> Range {
    Range {
        start: position(start),
        end: position(end),
    }
}

/// The byte offset of a protocol position in a text (clamped to the line's end and the
/// text's end, as the protocol asks).
pub fn offset(src: &Source, p: Position) -> usize {
    let line = src.line_range(p.line + 1);
    if p.line >= src.line_count() {
        return src.text.len();
    }
    let mut units = 0u32;
    for (i, c) in src.text[line.clone()].char_indices() {
        if units >= p.character {
            return line.start + i;
        }
        units += c.len_utf16() as u32;
    }
    line.end
}

/// The protocol position of a byte offset.
pub fn position_at(src: &Source, byte: usize) -> Position {
    position(src.pos(byte))
}

/// Where a rule's documentation is read.
pub fn doc_url(rule: &str) -> String {
    format!("{INFORMATION_URI}/blob/main/rules/{rule}.md")
}

/// A finding as the editor shows it: the rule id as code (linked to its documentation),
/// the help on a line of its own, related places (the secret defined in another file).
pub fn diagnostic(f: &Finding) -> Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = f
        .related
        .iter()
        .filter_map(|r| {
            Some(DiagnosticRelatedInformation {
                location: Location {
                    uri: uri_of(&r.loc.path)?,
                    range: range(r.loc.span.start, r.loc.span.end),
                },
                message: r.message.clone(),
            })
        })
        .collect();
    let message = if f.help.is_empty() {
        f.message.clone()
    } else {
        format!("{}\nhelp: {}", f.message, f.help)
    };
    Diagnostic {
        range: range(f.loc.span.start, f.loc.span.end),
        severity: Some(severity(f.level)),
        code: Some(NumberOrString::String(f.rule.to_string())),
        code_description: Uri::from_str(&doc_url(f.rule))
            .ok()
            .map(|href| CodeDescription { href }),
        source: Some("jwtlint".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

pub fn severity(level: Level) -> DiagnosticSeverity {
    match level {
        Level::Error => DiagnosticSeverity::ERROR,
        Level::Warning => DiagnosticSeverity::WARNING,
        Level::Note => DiagnosticSeverity::INFORMATION,
    }
}

/// A file jwtlint could not analyse (too large, not text, a caught internal error): shown
/// at the top of the file, so that nothing is silently skipped. Syntax-error notes are
/// left to the editor's own language support.
pub fn note_diagnostic(n: &FileNote) -> Option<Diagnostic> {
    let severity = match n.kind {
        NoteKind::Skipped => DiagnosticSeverity::INFORMATION,
        NoteKind::Internal => DiagnosticSeverity::WARNING,
        NoteKind::Warning => return None,
    };
    Some(Diagnostic {
        range: Range::default(),
        severity: Some(severity),
        source: Some("jwtlint".into()),
        message: format!("jwtlint did not analyse this file: {}", n.message),
        ..Diagnostic::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_round_trip_with_spaces_and_unicode() {
        let p = PathBuf::from("/tmp/my project/ünï/a.ts");
        let uri = uri_of(&p).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/my%20project/%C3%BCn%C3%AF/a.ts");
        assert_eq!(path_of(&uri).unwrap(), p);
        assert!(path_of(&Uri::from_str("untitled:Untitled-1").unwrap()).is_none());
    }

    #[test]
    fn offsets_count_utf16_units() {
        let src = Source::new("a.js".into(), "ab\n😀x = 1\r\nlast".into());
        assert_eq!(offset(&src, Position::new(1, 2)), 7); // after the emoji (4 bytes)
        assert_eq!(offset(&src, Position::new(1, 3)), 8);
        assert_eq!(offset(&src, Position::new(1, 99)), 12); // clamped to the line's end
        assert_eq!(offset(&src, Position::new(9, 0)), src.text.len());
        assert_eq!(position_at(&src, 8), Position::new(1, 3));
    }
}

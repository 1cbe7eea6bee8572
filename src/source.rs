//! Reading one file: size cap, binary detection, lossy UTF-8, positions.

use crate::finding::{FileNote, NoteKind, Pos, Span};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Files larger than this are skipped with a note unless the CLI raises the cap.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 2 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    pub text: String,
    line_starts: Vec<usize>,
    /// UTF-16 units before every `BLOCK`-th byte, built on the first column asked for far
    /// from its line's start, so a column costs O(BLOCK) even on a one-line minified file.
    checkpoints: std::sync::OnceLock<Vec<usize>>,
}

const BLOCK: usize = 256;

/// UTF-16 units in a run of UTF-8 bytes, counted per byte so that runs add up across any
/// cut: a lead byte counts its character's units (two for a 4-byte one), the others none.
fn utf16_units(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

pub enum ReadOutcome {
    Ok(Source, Option<FileNote>),
    Skipped(FileNote),
}

fn note(path: &Path, kind: NoteKind, message: String) -> FileNote {
    FileNote {
        path: path.to_path_buf(),
        kind,
        message,
    }
}

/// Reads a file for analysis. Never panics; every reason not to analyse becomes a note.
pub fn read(path: &Path, max_size: u64) -> ReadOutcome {
    match read_bytes(path, max_size) {
        Ok(bytes) => from_bytes(path, bytes),
        Err(note) => ReadOutcome::Skipped(note),
    }
}

/// Whether bytes look binary (a NUL in the first 8 KiB).
pub fn is_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(8192)].contains(&0)
}

/// Reads a file's bytes within the size cap.
pub fn read_bytes(path: &Path, max_size: u64) -> Result<Vec<u8>, FileNote> {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return Err(note(path, NoteKind::Skipped, format!("cannot read: {e}"))),
    };
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > max_size {
        return Err(note(
            path,
            NoteKind::Skipped,
            format!("skipped: {len} bytes is over the {max_size}-byte size cap (--max-file-size)"),
        ));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    // Read one byte past the cap so a file that grew after stat is still caught.
    if let Err(e) = file.take(max_size + 1).read_to_end(&mut bytes) {
        return Err(note(path, NoteKind::Skipped, format!("cannot read: {e}")));
    }
    if bytes.len() as u64 > max_size {
        return Err(note(
            path,
            NoteKind::Skipped,
            format!("skipped: over the {max_size}-byte size cap (--max-file-size)"),
        ));
    }
    Ok(bytes)
}

/// Builds a source from bytes already in memory (files and standard input alike).
pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> ReadOutcome {
    if is_binary(&bytes) {
        return ReadOutcome::Skipped(note(
            path,
            NoteKind::Skipped,
            "skipped: binary file (contains NUL bytes)".to_string(),
        ));
    }
    let (text, warn) = match String::from_utf8(bytes) {
        Ok(t) => (t, None),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let t = String::from_utf8_lossy(e.as_bytes()).into_owned();
            (
                t,
                Some(note(
                    path,
                    NoteKind::Warning,
                    format!("not valid UTF-8 (first bad byte at offset {valid}); analysed with replacement characters"),
                )),
            )
        }
    };
    ReadOutcome::Ok(Source::new(path.to_path_buf(), text), warn)
}

/// At most the first `max` bytes of `text`, cut at a character boundary.
pub fn prefix(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

impl Source {
    pub fn new(path: PathBuf, text: String) -> Source {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Source {
            path,
            text,
            line_starts,
            checkpoints: std::sync::OnceLock::new(),
        }
    }

    /// Position of a byte offset: 1-based line, 1-based UTF-16 column.
    pub fn pos(&self, byte: usize) -> Pos {
        let byte = byte.min(self.text.len());
        let line = match self.line_starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let mut end = byte;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let column = if end - start <= BLOCK {
            utf16_units(&self.text.as_bytes()[start..end])
        } else {
            self.units_before(end) - self.units_before(start)
        };
        Pos {
            line: line as u32 + 1,
            column: column as u32 + 1,
        }
    }

    /// UTF-16 units in the text before a byte offset.
    fn units_before(&self, byte: usize) -> usize {
        let bytes = self.text.as_bytes();
        let checkpoints = self.checkpoints.get_or_init(|| {
            let mut total = 0;
            let mut out = Vec::with_capacity(bytes.len() / BLOCK + 1);
            for chunk in bytes.chunks(BLOCK) {
                out.push(total);
                total += utf16_units(chunk);
            }
            out
        });
        let block = byte / BLOCK;
        match checkpoints.get(block) {
            Some(&before) => before + utf16_units(&bytes[block * BLOCK..byte]),
            None => {
                checkpoints.last().copied().unwrap_or(0)
                    + utf16_units(&bytes[(checkpoints.len().saturating_sub(1)) * BLOCK..byte])
            }
        }
    }

    pub fn span(&self, start_byte: usize, end_byte: usize) -> Span {
        Span {
            start_byte,
            end_byte,
            start: self.pos(start_byte),
            end: self.pos(end_byte),
        }
    }

    /// The text of a 1-based line without its line break.
    pub fn line_text(&self, line: u32) -> &str {
        let i = (line as usize).saturating_sub(1);
        let Some(&start) = self.line_starts.get(i) else {
            return "";
        };
        let end = self
            .line_starts
            .get(i + 1)
            .copied()
            .unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_columns() {
        let s = Source::new("a.js".into(), "ab\n€x = 1\n😀y".to_string());
        assert_eq!(s.pos(0), Pos { line: 1, column: 1 });
        assert_eq!(s.pos(3), Pos { line: 2, column: 1 });
        // '€' is 3 bytes and one UTF-16 unit.
        assert_eq!(s.pos(6), Pos { line: 2, column: 2 });
        // '😀' is 4 bytes and two UTF-16 units.
        let y = s.text.find('y').unwrap();
        assert_eq!(s.pos(y), Pos { line: 3, column: 3 });
        assert_eq!(s.line_text(2), "€x = 1");
    }

    #[test]
    fn columns_on_long_lines_agree_with_counting_characters() {
        let line: String = (0..3000)
            .map(|i| match i % 7 {
                0 => "€",
                1 => "😀",
                _ => "ab",
            })
            .collect();
        let text = format!("x\n{line}\n{line}");
        let s = Source::new("a.js".into(), text.clone());
        for (byte, _) in text.char_indices().step_by(97) {
            let line_start = text[..byte].rfind('\n').map_or(0, |i| i + 1);
            let expected: usize = text[line_start..byte].chars().map(char::len_utf16).sum();
            assert_eq!(s.pos(byte).column as usize, expected + 1, "at byte {byte}");
        }
        assert_eq!(s.pos(text.len()).line, 3);
    }

    #[test]
    fn binary_and_invalid_utf8() {
        assert!(matches!(
            from_bytes(Path::new("b.js"), vec![b'a', 0, b'b']),
            ReadOutcome::Skipped(_)
        ));
        match from_bytes(Path::new("c.js"), vec![b'x', 0xff, b'y']) {
            ReadOutcome::Ok(src, Some(n)) => {
                assert_eq!(src.text, "x\u{fffd}y");
                assert!(n.message.contains("UTF-8"));
            }
            _ => panic!("invalid UTF-8 must be analysed with a note"),
        }
    }
}

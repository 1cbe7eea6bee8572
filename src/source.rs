//! Reading one file: size cap, binary detection, lossy UTF-8, positions.

use crate::finding::{FileNote, NoteKind, Pos, Span};
use std::collections::BTreeMap;
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

/// Whether bytes look binary, judged on the first 8 KiB: a NUL byte, and either bytes that
/// are not UTF-8 or more control characters than source text has (a JS string may hold a
/// NUL or two; executables, images, wasm and BOM-less UTF-16 hold many). UTF-16 with a
/// byte order mark is text.
pub fn is_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if utf16_order(sample).is_some() {
        return false;
    }
    if !sample.contains(&0) {
        return false;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0x1b))
        .count();
    let utf8 = match std::str::from_utf8(sample) {
        Ok(_) => true,
        // A character cut by the sample's end is still text.
        Err(e) => e.error_len().is_none(),
    };
    !utf8 || controls * 8 > sample.len() || controls > sample.len() / 64 + 4
}

/// Whether the bytes start with a UTF-16 byte order mark (text the byte prefilter cannot read).
pub fn is_utf16(bytes: &[u8]) -> bool {
    utf16_order(bytes).is_some()
}

/// `Some(true)` for a little-endian UTF-16 byte order mark, `Some(false)` for big-endian.
fn utf16_order(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(true),
        [0xFE, 0xFF, ..] => Some(false),
        _ => None,
    }
}

/// Source text from a file's bytes, the one way analysis and reports both read files:
/// a UTF-8 byte order mark is dropped, UTF-16 with a byte order mark is decoded, and
/// invalid UTF-8 is replaced. The second value says what was done, for a note.
pub fn decode(bytes: Vec<u8>) -> (String, Option<String>) {
    if let Some(little) = utf16_order(&bytes) {
        let units = bytes[2..].chunks_exact(2).map(|p| {
            if little {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        });
        let text: String = char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        let order = if little { "little" } else { "big" };
        return (
            text,
            Some(format!(
                "UTF-16 ({order}-endian) file: analysed after decoding; byte offsets are those of the decoded text"
            )),
        );
    }
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(t) => (t, None),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            (
                String::from_utf8_lossy(e.as_bytes()).into_owned(),
                Some(format!("not valid UTF-8 (first bad byte at offset {valid}); analysed with replacement characters")),
            )
        }
    }
}

/// Reads a file's bytes within the size cap.
pub fn read_bytes(path: &Path, max_size: u64) -> Result<Vec<u8>, FileNote> {
    // Opening a FIFO blocks until a writer comes, and a device may never end: look first.
    match std::fs::metadata(path) {
        Ok(m) if !m.is_file() => {
            return Err(note(path, NoteKind::Skipped, not_a_file(&m).to_string()));
        }
        Ok(_) => {}
        Err(e) => return Err(note(path, NoteKind::Skipped, format!("cannot read: {e}"))),
    }
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

/// Why a path that is not a regular file is not read.
pub fn not_a_file(m: &std::fs::Metadata) -> &'static str {
    if m.is_dir() {
        return "skipped: a folder, not a file";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        if t.is_fifo() {
            return "skipped: a named pipe (FIFO), not a regular file; not read";
        }
        if t.is_socket() {
            return "skipped: a socket, not a regular file; not read";
        }
        if t.is_block_device() || t.is_char_device() {
            return "skipped: a device, not a regular file; not read";
        }
    }
    "skipped: not a regular file; not read"
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
    let (text, what) = decode(bytes);
    let warn = what.map(|m| note(path, NoteKind::Warning, m));
    ReadOutcome::Ok(Source::new(path.to_path_buf(), text), warn)
}

/// Offsets of every CR and LF byte.
fn memchr_lines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'\n' || b == b'\r')
        .map(|(i, _)| i)
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
        // A line ends at LF, CRLF or a lone CR, as in editors, ESLint and the JS grammar.
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        line_starts.extend(
            memchr_lines(bytes)
                .filter(|&i| !(bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n')))
                .map(|i| i + 1),
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

    /// Byte range of a 1-based line without its line break (empty past the end).
    pub fn line_range(&self, line: u32) -> std::ops::Range<usize> {
        let i = (line as usize).saturating_sub(1);
        let Some(&start) = self.line_starts.get(i) else {
            return self.text.len()..self.text.len();
        };
        let end = self
            .line_starts
            .get(i + 1)
            .copied()
            .unwrap_or(self.text.len());
        let text = self.text[start..end].trim_end_matches(['\n', '\r']);
        start..start + text.len()
    }

    /// The number of lines.
    pub fn line_count(&self) -> u32 {
        self.line_starts.len() as u32
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

/// Lazily re-reads the files that have findings, for snippets and fingerprints.
/// Reading is lossy exactly like analysis was, so byte offsets agree.
#[derive(Default)]
pub struct SourceCache {
    files: BTreeMap<PathBuf, Option<Source>>,
}

impl SourceCache {
    pub fn get(&mut self, path: &Path) -> Option<&Source> {
        self.files
            .entry(path.to_path_buf())
            .or_insert_with(|| {
                let bytes = std::fs::read(path).ok()?;
                Some(Source::new(path.to_path_buf(), decode(bytes).0))
            })
            .as_ref()
    }

    /// Seeds the cache with a source held in memory (standard input).
    pub fn insert(&mut self, src: Source) {
        self.files.insert(src.path.clone(), Some(src));
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
    fn utf16_and_bom_files_are_decoded() {
        let text = "const jwt = 1;\n€";
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        for bytes in [le, be] {
            assert!(!is_binary(&bytes));
            let (decoded, note) = decode(bytes);
            assert_eq!(decoded, text);
            assert!(note.unwrap().contains("UTF-16"));
        }
        let (decoded, note) = decode(b"\xEF\xBB\xBFx".to_vec());
        assert_eq!((decoded.as_str(), note), ("x", None));
    }

    #[test]
    fn lone_cr_crlf_and_lf_all_end_lines() {
        let s = Source::new("a.js".into(), "a\rb\r\nc\nd".to_string());
        for (ch, line) in [('a', 1), ('b', 2), ('c', 3), ('d', 4)] {
            let at = s.text.find(ch).unwrap();
            assert_eq!(s.pos(at), Pos { line, column: 1 });
        }
        assert_eq!(s.line_text(2), "b");
    }

    #[test]
    fn fifos_are_never_opened() {
        #[cfg(unix)]
        {
            let dir = tempfile::tempdir().unwrap();
            let fifo = dir.path().join("pipe.js");
            let ok = std::process::Command::new("mkfifo").arg(&fifo).status();
            if ok.is_ok_and(|s| s.success()) {
                let err = read_bytes(&fifo, DEFAULT_MAX_FILE_SIZE).unwrap_err();
                assert!(err.message.contains("FIFO"), "{}", err.message);
            }
        }
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
        // Binary: NULs in bytes that are not UTF-8 (a PNG header), or many of them.
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10".to_vec();
        assert!(matches!(
            from_bytes(Path::new("b.js"), png),
            ReadOutcome::Skipped(_)
        ));
        assert!(is_binary(&[b'a', 0, 0, 0, 0, 0, b'b']));
        // Text: a JS string holding a NUL.
        match from_bytes(Path::new("n.js"), b"const s = 'a\0b';".to_vec()) {
            ReadOutcome::Ok(src, None) => assert!(src.text.contains('\0')),
            _ => panic!("a NUL in a string is still text"),
        }
        match from_bytes(Path::new("c.js"), vec![b'x', 0xff, b'y']) {
            ReadOutcome::Ok(src, Some(n)) => {
                assert_eq!(src.text, "x\u{fffd}y");
                assert!(n.message.contains("UTF-8"));
            }
            _ => panic!("invalid UTF-8 must be analysed with a note"),
        }
    }
}

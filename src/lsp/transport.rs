//! The wire: `Content-Length` framed JSON-RPC messages over a byte stream.
//!
//! `lsp-server` has a stdio transport, but its reader thread stops at the first malformed
//! frame or payload, which ends the server. An editor (or a broken plugin) sending one
//! bad message must get an error response and a server that goes on, so frames are read
//! here and parsed into `lsp-server`'s message types one by one.

use lsp_server::{ErrorCode, Message};
use serde_json::Value;
use std::io::{self, BufRead, Write};

/// A frame's payload may be this large; a larger one is read and dropped (a file's text
/// arrives in one message, and editors open files of tens of megabytes at most).
const MAX_PAYLOAD: usize = 256 * 1024 * 1024;

/// What the reader hands the server.
#[derive(Debug)]
pub enum Incoming {
    Message(Message),
    /// A frame that is not a JSON-RPC message: answered with an error (JSON-RPC: `id` is
    /// the request's when it can be read, else null).
    Malformed {
        id: Value,
        code: ErrorCode,
        message: String,
    },
}

/// Reads one frame. `Ok(None)`: the stream ended.
pub fn read<R: BufRead>(input: &mut R) -> io::Result<Option<Incoming>> {
    let mut length: Option<usize> = None;
    let mut bad_header: Option<String> = None;
    let mut line = String::new();
    loop {
        line.clear();
        // Header lines are short; a stream of bytes without a line break is not one.
        let n = io::Read::take(&mut *input, 8 * 1024).read_line(&mut line);
        let n = match n {
            Ok(n) => n,
            // Not UTF-8: remember and keep reading to the blank line.
            Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                bad_header = Some("a header line is not text".into());
                skip_line(input)?;
                continue;
            }
            Err(e) => return Err(e),
        };
        if n == 0 {
            return Ok(None);
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            if length.is_some() || bad_header.is_some() {
                break;
            }
            // Blank lines between frames are tolerated.
            continue;
        }
        match header.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => bad_header = Some(format!("bad Content-Length `{}`", value.trim())),
                }
            }
            Some(_) => {}
            None => bad_header = Some(format!("malformed header line `{}`", clip(header))),
        }
    }
    let Some(length) = length else {
        return Ok(Some(malformed(
            Value::Null,
            ErrorCode::ParseError,
            bad_header.unwrap_or_else(|| "no Content-Length header".into()),
        )));
    };
    if length > MAX_PAYLOAD {
        io::copy(
            &mut io::Read::take(&mut *input, length as u64),
            &mut io::sink(),
        )?;
        return Ok(Some(malformed(
            Value::Null,
            ErrorCode::InvalidRequest,
            format!("message of {length} bytes is too large"),
        )));
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    Ok(Some(parse(&body)))
}

/// One payload as a message, or why not.
pub fn parse(body: &[u8]) -> Incoming {
    let value: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => return malformed(Value::Null, ErrorCode::ParseError, format!("not JSON: {e}")),
    };
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    match serde_json::from_value::<Message>(value) {
        Ok(m) => Incoming::Message(m),
        Err(_) => malformed(
            id,
            ErrorCode::InvalidRequest,
            "not a JSON-RPC request, response or notification".into(),
        ),
    }
}

/// Writes one message.
pub fn write(output: &mut dyn Write, msg: &Message) -> io::Result<()> {
    let mut w = output;
    msg.write(&mut w)
}

/// Writes an error response whose id may be null (which `lsp_server::Response` cannot hold).
pub fn write_error(
    output: &mut dyn Write,
    id: &Value,
    code: ErrorCode,
    message: &str,
) -> io::Result<()> {
    let text = serde_json::json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": { "code": code as i32, "message": message },
    })
    .to_string();
    write!(output, "Content-Length: {}\r\n\r\n{text}", text.len())?;
    output.flush()
}

fn malformed(id: Value, code: ErrorCode, message: String) -> Incoming {
    Incoming::Malformed { id, code, message }
}

fn skip_line<R: BufRead>(input: &mut R) -> io::Result<()> {
    let mut sink = Vec::new();
    input.read_until(b'\n', &mut sink).map(|_| ())
}

fn clip(s: &str) -> String {
    crate::text::escape_control(&s.chars().take(80).collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(s: &[u8]) -> Vec<Incoming> {
        let mut input = io::BufReader::new(s);
        let mut out = Vec::new();
        while let Some(m) = read(&mut input).unwrap() {
            out.push(m);
        }
        out
    }

    #[test]
    fn reads_messages_and_survives_garbage() {
        let ok = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let input = format!(
            "Content-Length: 5\r\n\r\n{{oops\
             Content-Length: {}\r\n\r\n{ok}\
             X-Nothing\r\n\r\n\
             Content-Length: 14\r\n\r\n{{\"id\":7,\"x\":1}}\
             Content-Length: {}\r\n\r\n{ok}",
            ok.len(),
            ok.len()
        );
        let got = frames(input.as_bytes());
        assert_eq!(got.len(), 5, "{got:?}");
        assert!(matches!(
            &got[0],
            Incoming::Malformed {
                code: ErrorCode::ParseError,
                ..
            }
        ));
        assert!(
            matches!(&got[1], Incoming::Message(Message::Notification(n)) if n.method == "initialized")
        );
        assert!(matches!(
            &got[2],
            Incoming::Malformed {
                code: ErrorCode::ParseError,
                ..
            }
        ));
        assert!(
            matches!(&got[3], Incoming::Malformed { id, code: ErrorCode::InvalidRequest, .. } if id == 7)
        );
        assert!(matches!(&got[4], Incoming::Message(_)));
    }

    #[test]
    fn bad_length_and_lf_only_headers() {
        let got = frames(b"Content-Length: abc\r\n\r\nContent-Length: 2\n\n{}");
        assert!(matches!(
            &got[0],
            Incoming::Malformed {
                code: ErrorCode::ParseError,
                ..
            }
        ));
        assert!(matches!(
            &got[1],
            Incoming::Malformed {
                code: ErrorCode::InvalidRequest,
                ..
            }
        ));
    }

    #[test]
    fn error_with_null_id_is_framed() {
        let mut out = Vec::new();
        write_error(&mut out, &Value::Null, ErrorCode::ParseError, "x").unwrap();
        let text = String::from_utf8(out).unwrap();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        assert_eq!(head, format!("Content-Length: {}", body.len()));
        assert!(body.contains(r#""id":null"#) && body.contains("-32700"));
    }
}

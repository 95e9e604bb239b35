//! A small HTTP client for loopback servers: keep-alive requests through `ureq`, and raw
//! requests over a fresh TCP connection for targets `ureq` would refuse to send (longer than
//! 64 kB, raw non-ASCII bytes, spaces).

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// A keep-alive client; one per thread.
pub struct Client {
    agent: ureq::Agent,
}

impl Client {
    /// A client whose every request is bounded by `timeout`.
    pub fn new(timeout: Duration) -> Client {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .proxy(None)
            .max_redirects(0)
            .timeout_global(Some(timeout))
            .build()
            .into();
        Client { agent }
    }

    /// `GET base + path` (path already encoded): status and body, or the transport error.
    pub fn get(&self, base: &str, path: &str) -> Result<(u16, String), String> {
        let url = format!("{base}{path}");
        let mut resp = self.agent.get(&url).call().map_err(|e| format!("GET {}: {e}", short(&url)))?;
        let status = resp.status().as_u16();
        let body = resp
            .body_mut()
            .with_config()
            .limit(64 << 20)
            .read_to_string()
            .map_err(|e| format!("GET {}: reading body: {e}", short(&url)))?;
        Ok((status, body))
    }
}

/// `url` cut to 200 bytes for messages.
pub fn short(url: &str) -> String {
    let end = url.floor_char_boundary(200);
    if end < url.len() { format!("{}...({} bytes)", &url[..end], url.len()) } else { url.to_owned() }
}

/// Sends `GET <target> HTTP/1.1` with the target's bytes as they are, on a new connection
/// (`Connection: close`), and reads the whole answer: status and body.
pub fn raw_get(addr: SocketAddr, target: &[u8], timeout: Duration) -> Result<(u16, Vec<u8>), String> {
    let mut s = TcpStream::connect_timeout(&addr, timeout).map_err(|e| format!("connect {addr}: {e}"))?;
    s.set_read_timeout(Some(timeout)).map_err(|e| e.to_string())?;
    s.set_write_timeout(Some(timeout)).map_err(|e| e.to_string())?;
    let mut req = Vec::with_capacity(target.len() + 100);
    req.extend_from_slice(b"GET ");
    req.extend_from_slice(target);
    req.extend_from_slice(b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    s.write_all(&req).map_err(|e| format!("write: {e}"))?;
    let mut buf = Vec::new();
    match s.read_to_end(&mut buf) {
        Ok(_) => {}
        // A server that answers before reading the whole request may reset the connection
        // after its answer; keep what arrived.
        Err(e) if !buf.is_empty() && e.kind() == std::io::ErrorKind::ConnectionReset => {}
        Err(e) => return Err(format!("read: {e}")),
    }
    parse_response(&buf)
}

/// Status and (de-chunked) body of one HTTP/1.1 answer.
fn parse_response(buf: &[u8]) -> Result<(u16, Vec<u8>), String> {
    let head_end = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| format!("no header end in {} bytes", buf.len()))?;
    let head = String::from_utf8_lossy(&buf[..head_end]);
    let status: u16 = head
        .lines()
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("bad status line in {:?}", head.lines().next()))?;
    let body = &buf[head_end + 4..];
    let chunked = head.lines().any(|l| {
        let l = l.to_ascii_lowercase();
        l.starts_with("transfer-encoding:") && l.contains("chunked")
    });
    if !chunked {
        return Ok((status, body.to_vec()));
    }
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(eol) = rest.windows(2).position(|w| w == b"\r\n") {
        let size_text = String::from_utf8_lossy(&rest[..eol]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .map_err(|_| format!("bad chunk size {size_text:?}"))?;
        rest = &rest[eol + 2..];
        if size == 0 || rest.len() < size {
            break;
        }
        out.extend_from_slice(&rest[..size]);
        rest = rest.get(size + 2..).unwrap_or(&[]);
    }
    Ok((status, out))
}

/// `s` encoded for a query string (`application/x-www-form-urlencoded`).
pub fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// `/api/search?q=...` for a query.
pub fn search_path(q: &str) -> String {
    format!("/api/search?q={}", enc(q))
}

/// The `total` of a search answer.
pub fn total_of(body: &str) -> Option<u64> {
    serde_json::from_str::<serde_json::Value>(body).ok()?["total"].as_u64()
}

/// The `documents` of a `/healthz` answer.
pub fn documents_of(body: &str) -> Option<u64> {
    serde_json::from_str::<serde_json::Value>(body).ok()?["documents"].as_u64()
}

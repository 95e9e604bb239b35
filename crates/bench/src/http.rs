//! A minimal HTTP/1.1 client over one kept-alive `TcpStream`: GET only, no TLS, no
//! compression; enough to load a loopback server without measuring a client library.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// One keep-alive connection (re-opened when the server closes it).
pub struct Client {
    addr: SocketAddr,
    conn: Option<BufReader<TcpStream>>,
    body: Vec<u8>,
    line: String,
    /// Connections opened so far.
    pub connects: usize,
}

/// A response: status and body size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Response {
    /// HTTP status code.
    pub status: u16,
    /// Body bytes.
    pub bytes: usize,
}

impl Client {
    /// A client for `addr`; connects on the first request.
    pub fn new(addr: SocketAddr) -> Client {
        Client { addr, conn: None, body: Vec::new(), line: String::new(), connects: 0 }
    }

    /// The body of the last response.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// `GET path`. A request on a reused connection that fails before any answer (the
    /// server closed it while idle) is retried once on a new connection.
    pub fn get(&mut self, path: &str) -> io::Result<Response> {
        let reused = self.conn.is_some();
        match self.try_get(path) {
            Ok(r) => Ok(r),
            Err(_) if reused => {
                self.conn = None;
                self.try_get(path).inspect_err(|_| self.conn = None)
            }
            Err(e) => {
                self.conn = None;
                Err(e)
            }
        }
    }

    fn try_get(&mut self, path: &str) -> io::Result<Response> {
        if self.conn.is_none() {
            let stream = TcpStream::connect(self.addr)?;
            stream.set_nodelay(true)?;
            stream.set_read_timeout(Some(Duration::from_secs(60)))?;
            stream.set_write_timeout(Some(Duration::from_secs(60)))?;
            self.conn = Some(BufReader::with_capacity(64 << 10, stream));
            self.connects += 1;
        }
        let Some(conn) = self.conn.as_mut() else { return Err(io::Error::other("no connection")) };
        let request =
            format!("GET {path} HTTP/1.1\r\nHost: {}\r\nUser-Agent: annals-bench\r\n\r\n", self.addr);
        conn.get_mut().write_all(request.as_bytes())?;

        self.line.clear();
        if conn.read_line(&mut self.line)? == 0 {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "connection closed"));
        }
        let status: u16 =
            self.line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).ok_or_else(|| {
                io::Error::new(io::ErrorKind::InvalidData, format!("bad status line {:?}", self.line))
            })?;
        let mut length: Option<usize> = None;
        let mut chunked = false;
        let mut close = false;
        loop {
            self.line.clear();
            if conn.read_line(&mut self.line)? == 0 {
                return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "connection closed in headers"));
            }
            let header = self.line.trim_end();
            if header.is_empty() {
                break;
            }
            let Some((name, value)) = header.split_once(':') else { continue };
            let value = value.trim();
            if name.eq_ignore_ascii_case("content-length") {
                length = value.parse().ok();
            } else if name.eq_ignore_ascii_case("transfer-encoding") {
                chunked = value.to_ascii_lowercase().contains("chunked");
            } else if name.eq_ignore_ascii_case("connection") {
                close = value.eq_ignore_ascii_case("close");
            }
        }
        self.body.clear();
        if chunked {
            loop {
                self.line.clear();
                conn.read_line(&mut self.line)?;
                let size_hex = self.line.trim().split(';').next().unwrap_or("");
                let size = usize::from_str_radix(size_hex, 16)
                    .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "bad chunk size"))?;
                if size == 0 {
                    // Trailers, then the blank line.
                    loop {
                        self.line.clear();
                        if conn.read_line(&mut self.line)? == 0 || self.line.trim_end().is_empty() {
                            break;
                        }
                    }
                    break;
                }
                let start = self.body.len();
                self.body.resize(start + size, 0);
                conn.read_exact(&mut self.body[start..])?;
                let mut crlf = [0u8; 2];
                conn.read_exact(&mut crlf)?;
            }
        } else if let Some(n) = length {
            self.body.resize(n, 0);
            conn.read_exact(&mut self.body)?;
        } else {
            conn.read_to_end(&mut self.body)?;
            close = true;
        }
        if close {
            self.conn = None;
        }
        Ok(Response { status, bytes: self.body.len() })
    }
}

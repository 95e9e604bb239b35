//! Origins allowed to call the API from their pages (`--allow-origin`, CORS).

use std::fmt;
use std::str::FromStr;

/// A web origin, `scheme://host[:port]` as browsers send it in `Origin`: lowercase, without
/// the scheme's default port, without a path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Origin(String);

/// Why a text is not an origin.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{given}` is not an origin: {reason}")]
pub struct InvalidOrigin {
    /// The text given.
    pub given: String,
    /// What is wrong, and what would do.
    pub reason: String,
}

impl Origin {
    /// The origin as browsers write it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Origin {
    type Err = InvalidOrigin;

    fn from_str(given: &str) -> Result<Origin, InvalidOrigin> {
        let bad = |reason: String| InvalidOrigin { given: given.to_owned(), reason };
        let form = "write it as scheme://host[:port], such as `https://example.org`";
        if given == "*" {
            return Err(bad(format!("every origin may read the API without CORS; name each site: {form}")));
        }
        let (scheme, rest) = given.split_once("://").ok_or_else(|| bad(form.to_owned()))?;
        let scheme = scheme.to_ascii_lowercase();
        let default_port = match scheme.as_str() {
            "https" => "443",
            "http" => "80",
            _ => return Err(bad(format!("the scheme must be `http` or `https`; {form}"))),
        };
        if let Some(cut) = rest.find(['/', '?', '#']) {
            let base = format!("{scheme}://{}", &rest[..cut]);
            return Err(bad(format!("an origin has no path; did you mean `{base}`?")));
        }
        if rest.contains('@') {
            return Err(bad(format!("an origin has no user name; {form}")));
        }
        let (host, port) = match rest.strip_prefix('[') {
            // An IPv6 address: `[::1]:8080`.
            Some(v6) => {
                let (addr, after) = v6.split_once(']').ok_or_else(|| bad(form.to_owned()))?;
                let ok =
                    !addr.is_empty() && addr.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.');
                if !ok {
                    return Err(bad(format!("`[{addr}]` is not an IPv6 address")));
                }
                let port = match after {
                    "" => None,
                    p => Some(p.strip_prefix(':').ok_or_else(|| bad(form.to_owned()))?),
                };
                (format!("[{}]", addr.to_ascii_lowercase()), port)
            }
            None => {
                let (host, port) = match rest.rsplit_once(':') {
                    Some((h, p)) => (h, Some(p)),
                    None => (rest, None),
                };
                let label_ok = |l: &str| {
                    !l.is_empty()
                        && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                        && !l.starts_with('-')
                };
                if !host.split('.').all(label_ok) {
                    return Err(bad(format!(
                        "`{host}` is not a host name (letters, digits and `-` between dots; IDNs in punycode)"
                    )));
                }
                (host.to_ascii_lowercase(), port)
            }
        };
        let port = match port {
            None => None,
            Some(p) => {
                let n: u16 = p
                    .parse()
                    .ok()
                    .filter(|n| *n > 0 && p.bytes().all(|b| b.is_ascii_digit()))
                    .ok_or_else(|| bad(format!("`{p}` is not a port (1 to 65535)")))?;
                (n.to_string() != default_port).then_some(n)
            }
        };
        Ok(Origin(match port {
            Some(p) => format!("{scheme}://{host}:{p}"),
            None => format!("{scheme}://{host}"),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin(s: &str) -> Result<String, String> {
        s.parse::<Origin>().map(|o| o.to_string()).map_err(|e| e.to_string())
    }

    #[test]
    fn origins_are_written_as_browsers_send_them() {
        assert_eq!(origin("https://example.org"), Ok("https://example.org".into()));
        assert_eq!(origin("HTTPS://WWW.Example.org"), Ok("https://www.example.org".into()));
        assert_eq!(origin("https://example.org:443"), Ok("https://example.org".into()));
        assert_eq!(origin("http://127.0.0.1:8080"), Ok("http://127.0.0.1:8080".into()));
        assert_eq!(origin("http://[::1]:9"), Ok("http://[::1]:9".into()));
        assert_eq!(origin("http://xn--80ak6aa92e.com"), Ok("http://xn--80ak6aa92e.com".into()));
    }

    #[test]
    fn anything_else_is_an_error_naming_it() {
        for (given, says) in [
            ("https://example.org/", "did you mean `https://example.org`?"),
            ("https://example.org/search?q=1", "did you mean `https://example.org`?"),
            ("example.org", "scheme://host[:port]"),
            ("ftp://example.org", "`http` or `https`"),
            ("*", "name each site"),
            ("https://", "is not a host name"),
            ("https://exa mple.org", "is not a host name"),
            ("https://example..org", "is not a host name"),
            ("https://example.org:0", "is not a port"),
            ("https://example.org:99999", "is not a port"),
            ("https://example.org:+80", "is not a port"),
            ("https://user@example.org", "no user name"),
            ("http://[zz]:1", "not an IPv6 address"),
        ] {
            let err = origin(given).expect_err(given);
            assert!(err.starts_with(&format!("`{given}` is not an origin")), "{err}");
            assert!(err.contains(says), "{given}: {err}");
        }
    }
}

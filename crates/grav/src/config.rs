//! A site's configuration, read from `config/system.yaml` as leniently as page headers.
//!
//! Only what matters for reading pages is kept (see [`SiteConfig`]). A missing or broken file
//! gives Grav's defaults; nothing here fails.

use std::path::Path;

use serde_norway::{Mapping, Value};

use crate::SiteConfig;
use crate::frontmatter;

/// Reads `<config_dir>/system.yaml`; `None` when it is missing or unreadable.
pub(crate) fn read_system(config_dir: &Path) -> Option<Mapping> {
    let bytes = std::fs::read(config_dir.join("system.yaml")).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    Some(frontmatter::parse_config(&text).unwrap_or_default())
}

/// The configuration a `system.yaml` mapping describes (`None`: no file, Grav's defaults).
pub(crate) fn site_config(system: Option<&Mapping>) -> SiteConfig {
    let empty = Mapping::new();
    let sys = system.unwrap_or(&empty);
    let languages_map = get(sys, "languages");
    let languages: Vec<String> = languages_map
        .and_then(|l| get_in(l, "supported"))
        .and_then(Value::as_sequence)
        .map(|seq| seq.iter().filter_map(scalar).filter(|s| !s.is_empty()).collect())
        .unwrap_or_default();
    let default_lang = languages_map
        .and_then(|l| get_in(l, "default_lang"))
        .and_then(scalar)
        .filter(|s| !s.is_empty())
        .or_else(|| languages.first().cloned());
    let include_default_lang =
        languages_map.and_then(|l| get_in(l, "include_default_lang")).and_then(boolean).unwrap_or(true);
    let timezone = get(sys, "timezone").and_then(scalar).filter(|s| !s.is_empty());
    let dateformat = get(sys, "pages")
        .and_then(|p| get_in(p, "dateformat"))
        .and_then(|d| get_in(d, "default"))
        .and_then(scalar)
        .filter(|s| !s.is_empty());
    let case_sensitive_urls = get(sys, "force_lowercase_urls").and_then(boolean).is_some_and(|lower| !lower);
    let home = get(sys, "home");
    let home_alias =
        home.and_then(|h| get_in(h, "alias")).and_then(scalar).filter(|s| !s.trim_matches('/').is_empty());
    let hide_home_in_urls = home.and_then(|h| get_in(h, "hide_in_urls")).and_then(boolean).unwrap_or(false);
    SiteConfig {
        languages,
        default_lang,
        include_default_lang,
        timezone,
        dateformat,
        case_sensitive_urls,
        home_alias,
        hide_home_in_urls,
    }
}

/// `map[key]` for a string key.
pub(crate) fn get<'a>(map: &'a Mapping, key: &str) -> Option<&'a Value> {
    map.iter().find(|(k, _)| k.as_str() == Some(key)).map(|(_, v)| untag(v))
}

fn get_in<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    match untag(v) {
        Value::Mapping(m) => get(m, key),
        _ => None,
    }
}

fn untag(v: &Value) -> &Value {
    match v {
        Value::Tagged(t) => untag(&t.value),
        other => other,
    }
}

/// A scalar as text (`kk`, `17`, `true`); `None` for null, sequences and mappings.
pub(crate) fn scalar(v: &Value) -> Option<String> {
    match untag(v) {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A boolean, also from `'true'`, `yes`, `1`, `off` and the like.
pub(crate) fn boolean(v: &Value) -> Option<bool> {
    match untag(v) {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => n.as_f64().map(|f| f != 0.0),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" | "y" | "on" | "1" => Some(true),
            "false" | "no" | "n" | "off" | "0" | "" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(yaml: Option<&str>, expected: SiteConfig) {
        let map = yaml.map(|y| frontmatter::parse_config(y).unwrap_or_default());
        assert_eq!(site_config(map.as_ref()), expected, "for {yaml:?}");
    }

    #[test]
    fn reads_system_yaml() {
        let grav_defaults = SiteConfig { include_default_lang: true, ..SiteConfig::default() };
        check(None, grav_defaults.clone());
        check(Some(""), grav_defaults.clone());
        check(Some("this is: [broken"), grav_defaults.clone());
        check(
            Some(
                "timezone: Asia/Almaty\nforce_lowercase_urls: true\nlanguages:\n  supported:\n    - kk\n    - ru\n    - en\n  default_lang: kk\n  include_default_lang: true\nhome:\n  alias: /home\n  hide_in_urls: false\npages:\n  dateformat:\n    default: null\n",
            ),
            SiteConfig {
                languages: vec!["kk".into(), "ru".into(), "en".into()],
                default_lang: Some("kk".into()),
                include_default_lang: true,
                timezone: Some("Asia/Almaty".into()),
                home_alias: Some("/home".into()),
                ..SiteConfig::default()
            },
        );
        // Versions as languages (grav-learn), no default: the first one.
        check(
            Some(
                "languages:\n  supported: [17, 16, 15]\n  include_default_lang: false\npages:\n  dateformat:\n    default: 'd.m.Y H:i'\nforce_lowercase_urls: false\ntimezone: ''",
            ),
            SiteConfig {
                languages: vec!["17".into(), "16".into(), "15".into()],
                default_lang: Some("17".into()),
                include_default_lang: false,
                dateformat: Some("d.m.Y H:i".into()),
                case_sensitive_urls: true,
                ..SiteConfig::default()
            },
        );
        check(
            Some("home:\n  alias: '/blog'\n  hide_in_urls: 'true'\nlanguages:\n  supported: null"),
            SiteConfig {
                home_alias: Some("/blog".into()),
                hide_home_in_urls: true,
                include_default_lang: true,
                ..SiteConfig::default()
            },
        );
    }

    #[test]
    fn booleans() {
        for (v, want) in [
            (Value::Bool(true), Some(true)),
            (Value::String("'no'".into()), None),
            (Value::String("Off".into()), Some(false)),
            (Value::Number(1.into()), Some(true)),
            (Value::Null, None),
        ] {
            assert_eq!(boolean(&v), want, "{v:?}");
        }
    }
}

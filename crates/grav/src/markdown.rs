//! A page body (Markdown with Grav's extras) turned into plain text for searching.
//!
//! Before Markdown is parsed, outside fenced code blocks:
//! - Twig (`{{ … }}`, `{% … %}`, `{# … #}`) is removed;
//! - Grav shortcodes (`[name attr=…]inner[/name]`, `[name … /]`) lose their tags and keep
//!   their inner text; a `title="…"` attribute (tab and accordion titles) is kept as text.
//!   An opening tag counts as a shortcode only when it closes itself (`/]`) or its closing tag
//!   follows, and never when it is followed by `(`, `[` or `:`, so Markdown links
//!   (`[text](url)`, `[text][ref]`, `[ref]: url`) and bracketed words are left alone.
//!
//! Then pulldown-cmark renders the Markdown as text: paragraphs, headings, code blocks and
//! tables are blocks separated by a blank line; list items and table rows are lines; table
//! cells are separated by ` | `. Images give their alt text and title (captions), with
//! identical consecutive captions (a gallery of photos with one title) given once. Raw HTML
//! loses its tags and keeps its text (and `<img>` alt and title), `<script>` and `<style>`
//! lose their content, and entities are decoded.
//!
//! A paragraph holding only `===` (Grav's summary delimiter) splits the summary from the rest;
//! without it the summary is the first paragraph.

use std::collections::HashMap;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The text of a page body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Text {
    /// All text, blocks separated by blank lines.
    pub body: String,
    /// Text before the `===` delimiter, or the first paragraph.
    pub summary: String,
    /// Text of the first heading, if any.
    pub first_heading: Option<String>,
}

/// Renders a Markdown body as plain text.
pub(crate) fn to_text(markdown: &str) -> Text {
    let cleaned = outside_fences(markdown, |chunk| strip_shortcodes(&strip_twig(chunk)));
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_DEFINITION_LIST;
    let mut r = Renderer::default();
    for event in Parser::new_ext(&cleaned, options) {
        r.event(event);
    }
    r.finish()
}

/// Applies `f` to the parts of `md` outside fenced code blocks (```` ``` ```` and `~~~`).
fn outside_fences(md: &str, f: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(md.len());
    let mut chunk_start = 0;
    let mut fence: Option<(char, usize)> = None;
    let mut pos = 0;
    for line in md.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let t = line.trim();
        let marker = t.chars().next().filter(|c| *c == '`' || *c == '~');
        let run = marker.map_or(0, |m| t.chars().take_while(|c| *c == m).count());
        match fence {
            None if indent <= 3 && run >= 3 => {
                out.push_str(&f(&md[chunk_start..pos]));
                chunk_start = pos;
                fence = marker.map(|m| (m, run));
            }
            Some((m, n)) if marker == Some(m) && run >= n && t.chars().all(|c| c == m) => {
                out.push_str(&md[chunk_start..pos + line.len()]);
                chunk_start = pos + line.len();
                fence = None;
            }
            _ => {}
        }
        pos += line.len();
    }
    if fence.is_some() {
        out.push_str(&md[chunk_start..]);
    } else {
        out.push_str(&f(&md[chunk_start..]));
    }
    out
}

/// Removes Twig tags, expressions and comments.
fn strip_twig(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = match after.as_bytes().first() {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            Some(b'#') => "#}",
            _ => {
                out.push_str(&rest[..open + 1]);
                rest = after;
                continue;
            }
        };
        match after[1..].find(close) {
            Some(end) => {
                out.push_str(&rest[..open]);
                rest = &after[1 + end + close.len()..];
            }
            None => {
                out.push_str(&rest[..open + 1]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A shortcode tag found in the text.
struct TagAt {
    start: usize,
    end: usize,
    name: String,
    closing: bool,
    self_closing: bool,
    title: Option<String>,
}

/// Parses a tag at `s[start..]` (which starts with `[`).
fn parse_tag(s: &str, start: usize) -> Option<TagAt> {
    let b = s.as_bytes();
    let mut i = start + 1;
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    if !b.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-' || b[i] == b'_') {
        i += 1;
    }
    let name = &s[name_start..i];
    let attrs_start = i;
    // Attributes until `]`, respecting quotes; a tag stays on a few lines at most.
    let mut quote: Option<u8> = None;
    let mut newlines = 0;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                b'"' | b'\'' => quote = Some(c),
                b']' => break,
                b'[' => return None,
                _ => {}
            },
        }
        if c == b'\n' {
            newlines += 1;
            if newlines > 3 {
                return None;
            }
        }
        i += 1;
        if i - start > 1000 {
            return None;
        }
    }
    if i >= b.len() {
        return None;
    }
    let attrs = &s[attrs_start..i];
    if closing && !attrs.trim().is_empty() {
        return None;
    }
    // After the name: nothing, a space or `=` (`[version=16]`), or `/`.
    if !(attrs.is_empty() || attrs.starts_with([' ', '=', '\t', '\n', '/'])) {
        return None;
    }
    let end = i + 1;
    // Markdown links and definitions: `[x](…)`, `[x][…]`, `[x]: …`.
    if !closing && matches!(b.get(end), Some(b'(') | Some(b'[') | Some(b':')) {
        return None;
    }
    let self_closing = attrs.trim_end().ends_with('/');
    Some(TagAt { start, end, name: name.to_owned(), closing, self_closing, title: title_attr(attrs) })
}

/// The value of a `title="…"` attribute.
fn title_attr(attrs: &str) -> Option<String> {
    let mut search = 0;
    while let Some(pos) = attrs[search..].find("title=") {
        let at = search + pos;
        let before_ok = at == 0 || attrs[..at].ends_with([' ', '\t', '\n']);
        let value = &attrs[at + 6..];
        if before_ok {
            let v = match value.chars().next() {
                Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or(""),
                _ => value.split([' ', '\t', '\n', '/']).next().unwrap_or(""),
            };
            let v = v.trim();
            return (!v.is_empty()).then(|| decode_entities(v));
        }
        search = at + 6;
    }
    None
}

/// Removes shortcode tags, keeping their inner text (see the module docs).
fn strip_shortcodes(s: &str) -> String {
    // All tag candidates, in order.
    let mut tags = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(pos) = s[i..].find('[') {
        let at = i + pos;
        let escaped = at > 0 && b[at - 1] == b'\\';
        match (!escaped).then(|| parse_tag(s, at)).flatten() {
            Some(t) => {
                i = t.end;
                tags.push(t);
            }
            None => i = at + 1,
        }
    }
    if tags.is_empty() {
        return s.to_owned();
    }
    // Last closing position per name, so an opening tag knows whether it is ever closed.
    let mut last_close: HashMap<&str, usize> = HashMap::new();
    for t in tags.iter().filter(|t| t.closing) {
        last_close.insert(t.name.as_str(), t.start);
    }
    let mut open_names: HashMap<&str, usize> = HashMap::new();
    let mut out = String::with_capacity(s.len());
    let mut copied = 0;
    for t in &tags {
        let remove = if t.closing {
            match open_names.get_mut(t.name.as_str()) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    true
                }
                _ => false,
            }
        } else if t.self_closing {
            true
        } else if last_close.get(t.name.as_str()).is_some_and(|&c| c > t.start) {
            *open_names.entry(t.name.as_str()).or_default() += 1;
            true
        } else {
            false
        };
        if remove {
            out.push_str(&s[copied..t.start]);
            if let Some(title) = &t.title {
                // A tag alone on its line: its title becomes a paragraph of its own.
                let line_start = t.start == 0 || b[t.start - 1] == b'\n';
                let line_end = matches!(b.get(t.end), None | Some(b'\n') | Some(b'\r'));
                if line_start && line_end {
                    out.push('\n');
                    out.push_str(title);
                    out.push_str("\n\n");
                } else {
                    out.push_str(title);
                }
            }
            copied = t.end;
        }
    }
    out.push_str(&s[copied..]);
    out
}

/// Decodes HTML character references (named ones in common use, and numeric ones).
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| e > 0 && e <= 10);
        let decoded = end.and_then(|e| entity(&after[..e]));
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "middot" => '·',
        "bull" => '•',
        "para" => '¶',
        "sect" => '§',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "shy" => '\u{ad}',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "zwnj" => '\u{200c}',
        "zwj" => '\u{200d}',
        "larr" => '←',
        "rarr" => '→',
        "uarr" => '↑',
        "darr" => '↓',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "sup2" => '²',
        "sup3" => '³',
        "micro" => 'µ',
        "iexcl" => '¡',
        "iquest" => '¿',
        "aacute" => 'á',
        "eacute" => 'é',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "agrave" => 'à',
        "egrave" => 'è',
        "ograve" => 'ò',
        "acirc" => 'â',
        "ecirc" => 'ê',
        "icirc" => 'î',
        "ocirc" => 'ô',
        "ucirc" => 'û',
        "auml" => 'ä',
        "euml" => 'ë',
        "iuml" => 'ï',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "szlig" => 'ß',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        "Eacute" => 'É',
        _ => return None,
    })
}

/// A piece of text produced by stripping HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
enum HtmlPiece {
    Text(String),
    /// A block-level tag: paragraph break.
    Block,
    /// A line-level tag (`<br>`, `<li>`, `<tr>`): line break.
    Line,
    /// A table cell: separator between cells.
    Cell,
    /// Alt text or title of an `<img>`.
    Caption(String),
}

/// Strips HTML fed to it in pieces (pulldown-cmark gives an HTML block line by line), so a
/// tag may span several pieces.
#[derive(Debug, Default)]
struct HtmlStripper {
    /// The tag (or comment) being read, from its `<`.
    partial: Option<String>,
    /// Inside `<script>` or `<style>`: the name of the element whose content is dropped.
    skipping: Option<&'static str>,
}

impl HtmlStripper {
    fn feed(&mut self, html: &str, out: &mut Vec<HtmlPiece>) {
        let mut text = String::new();
        let mut skip_to = 0;
        for (i, c) in html.char_indices() {
            if i < skip_to {
                continue;
            }
            if let Some(name) = self.skipping.filter(|_| self.partial.is_none()) {
                // Script and style content is not HTML: look for the end tag as text.
                let lower = html[i..].to_ascii_lowercase();
                match lower.find(&format!("</{name}")) {
                    Some(pos) => {
                        self.skipping = None;
                        let close = lower[pos..].find('>').map_or(lower.len(), |p| pos + p + 1);
                        skip_to = i + close;
                    }
                    None => skip_to = html.len(),
                }
                continue;
            }
            if let Some(tag) = &mut self.partial {
                tag.push(c);
                if tag_complete(tag) {
                    let tag = std::mem::take(tag);
                    self.partial = None;
                    self.tag(&tag, &mut text, out);
                }
                continue;
            }
            if c == '<'
                && html[i + 1..].chars().next().is_some_and(|n| n.is_ascii_alphabetic() || "/!?".contains(n))
            {
                self.partial = Some(String::from("<"));
                continue;
            }
            if self.skipping.is_none() {
                text.push(c);
            }
        }
        flush_text(&mut text, out);
    }

    fn tag(&mut self, tag: &str, text: &mut String, out: &mut Vec<HtmlPiece>) {
        if tag.starts_with("<!") || tag.starts_with("<?") {
            return;
        }
        let closing = tag.starts_with("</");
        let name: String = tag
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(skip) = self.skipping {
            if closing && name == skip {
                self.skipping = None;
            }
            return;
        }
        match name.as_str() {
            "script" | "style" if !closing && !tag.ends_with("/>") => {
                self.skipping = Some(if name == "script" { "script" } else { "style" });
            }
            "br" | "li" | "tr" | "dt" | "dd" | "option" => {
                flush_text(text, out);
                out.push(HtmlPiece::Line);
            }
            "td" | "th" if !closing => {
                flush_text(text, out);
                out.push(HtmlPiece::Cell);
            }
            "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol" | "dl" | "table"
            | "section" | "article" | "header" | "footer" | "aside" | "nav" | "blockquote" | "pre" | "hr"
            | "figure" | "figcaption" | "form" | "video" | "audio" | "details" | "summary" | "main" => {
                flush_text(text, out);
                out.push(HtmlPiece::Block);
            }
            // Captions: an image's alt text and title, an embedded video's title.
            "img" | "iframe" if !closing => {
                flush_text(text, out);
                let attrs: &[&str] = if name == "img" {
                    &["alt", "title"]
                } else {
                    out.push(HtmlPiece::Block);
                    &["title"]
                };
                for attr in attrs {
                    if let Some(v) = attr_value(tag, attr) {
                        out.push(HtmlPiece::Caption(v));
                    }
                }
            }
            _ => {}
        }
    }
}

fn flush_text(text: &mut String, out: &mut Vec<HtmlPiece>) {
    if !text.is_empty() {
        out.push(HtmlPiece::Text(decode_entities(text)));
        text.clear();
    }
}

/// Whether `tag` (from `<`) is complete: a comment up to `-->`, else `>` outside quotes.
fn tag_complete(tag: &str) -> bool {
    if tag.starts_with("<!--") {
        return tag.len() >= 7 && tag.ends_with("-->");
    }
    if !tag.ends_with('>') {
        return false;
    }
    if tag.starts_with("<!") || tag.starts_with("<?") {
        return true;
    }
    // Quotes must be balanced (attribute values may hold `>`).
    let mut quote: Option<char> = None;
    for c in tag.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None => {}
        }
    }
    quote.is_none() || tag.len() > 4000
}

/// The value of attribute `name` in a tag.
fn attr_value(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut search = 0;
    while let Some(pos) = lower[search..].find(name) {
        let at = search + pos;
        search = at + name.len();
        let before = lower[..at].chars().next_back();
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let rest = tag[search..].trim_start();
        let Some(rest) = rest.strip_prefix('=') else { continue };
        let rest = rest.trim_start();
        let value = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
            _ => rest.split(|c: char| c.is_whitespace() || c == '>').next().unwrap_or(""),
        };
        let value = decode_entities(value.trim());
        return (!value.is_empty()).then_some(value);
    }
    None
}

/// Pending separation before the next text.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    #[default]
    None,
    Space,
    Cell,
    Line,
    Block,
}

/// Walks pulldown-cmark events and writes text.
#[derive(Debug, Default)]
struct Renderer {
    out: String,
    gap: Gap,
    html: HtmlStripper,
    list_depth: usize,
    in_code: bool,
    table_cell: usize,
    /// Alt text being collected, with the image's title; nested images count in depth.
    image: Option<(String, String, usize)>,
    /// Last caption written and the length of `out` right after it.
    last_caption: Option<(String, usize)>,
    heading_start: Option<usize>,
    first_heading: Option<String>,
    /// Where the current paragraph started in `out`, and whether it holds only plain text.
    para: Option<(usize, bool, String)>,
    first_para: Option<String>,
    summary_end: Option<usize>,
}

impl Renderer {
    fn gap(&mut self, g: Gap) {
        self.gap = self.gap.max(g);
    }

    /// Writes text, collapsing whitespace and honouring the pending gap.
    fn text(&mut self, t: &str) {
        if let Some((alt, _, _)) = &mut self.image {
            alt.push_str(t);
            return;
        }
        if self.html.skipping.is_some() {
            return;
        }
        if let Some((_, _, raw)) = &mut self.para {
            raw.push_str(t);
        }
        // run by run of non-space characters
        let mut rest = t;
        loop {
            let word = rest.trim_start();
            if word.len() < rest.len() {
                self.gap(Gap::Space);
            }
            if word.is_empty() {
                break;
            }
            let end = word.find(char::is_whitespace).unwrap_or(word.len());
            if !self.out.is_empty() {
                match self.gap {
                    Gap::None => {}
                    Gap::Space => self.out.push(' '),
                    Gap::Cell => self.out.push_str(" | "),
                    Gap::Line => self.out.push('\n'),
                    Gap::Block => self.out.push_str("\n\n"),
                }
            }
            self.gap = Gap::None;
            self.out.push_str(&word[..end]);
            rest = &word[end..];
        }
    }

    fn caption(&mut self, c: &str) {
        let c = c.split_whitespace().collect::<Vec<_>>().join(" ");
        if c.is_empty() {
            return;
        }
        if let Some((last, len)) = &self.last_caption
            && *last == c
            && *len == self.out.len()
        {
            return;
        }
        self.gap(Gap::Space);
        self.text(&c);
        self.last_caption = Some((c, self.out.len()));
    }

    fn not_plain(&mut self) {
        if let Some((_, plain, _)) = &mut self.para {
            *plain = false;
        }
    }

    fn html(&mut self, html: &str) {
        self.not_plain();
        let mut pieces = Vec::new();
        self.html.feed(html, &mut pieces);
        for p in pieces {
            match p {
                HtmlPiece::Text(t) => self.text(&t),
                HtmlPiece::Block => self.gap(Gap::Block),
                HtmlPiece::Line => self.gap(Gap::Line),
                HtmlPiece::Cell => self.gap(Gap::Cell),
                HtmlPiece::Caption(c) => self.caption(&c),
            }
        }
    }

    fn block_or_line(&self) -> Gap {
        if self.list_depth > 0 { Gap::Line } else { Gap::Block }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => {
                if self.in_code {
                    for (i, line) in t.split('\n').enumerate() {
                        if i > 0 {
                            self.gap(Gap::Line);
                        }
                        self.text(line);
                    }
                } else {
                    self.text(&t);
                }
            }
            Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.not_plain();
                self.text(&t);
            }
            Event::Html(t) | Event::InlineHtml(t) => self.html(&t),
            Event::SoftBreak => {
                if let Some((alt, _, _)) = &mut self.image {
                    alt.push(' ');
                } else {
                    self.gap(Gap::Space);
                }
            }
            Event::HardBreak => self.gap(Gap::Line),
            Event::Rule => self.gap(Gap::Block),
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => self.not_plain(),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => {
                let g = self.block_or_line();
                self.gap(g);
                self.para = Some((self.out.len(), true, String::new()));
            }
            Tag::Heading { .. } => {
                self.gap(Gap::Block);
                self.heading_start = Some(self.out.len());
            }
            Tag::BlockQuote(_) | Tag::HtmlBlock | Tag::FootnoteDefinition(_) | Tag::DefinitionList => {
                let g = self.block_or_line();
                self.gap(g);
            }
            Tag::CodeBlock(_) => {
                let g = self.block_or_line();
                self.gap(g);
                self.in_code = true;
            }
            Tag::List(_) => {
                let g = self.block_or_line();
                self.gap(g);
                self.list_depth += 1;
            }
            Tag::Item
            | Tag::TableHead
            | Tag::TableRow
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => {
                self.gap(Gap::Line);
                self.table_cell = 0;
            }
            Tag::Table(_) => self.gap(Gap::Block),
            Tag::TableCell => {
                if self.table_cell > 0 {
                    self.gap(Gap::Cell);
                }
                self.table_cell += 1;
            }
            Tag::Image { title, .. } => {
                self.not_plain();
                match &mut self.image {
                    Some((_, _, depth)) => *depth += 1,
                    None => self.image = Some((String::new(), title.to_string(), 0)),
                }
            }
            Tag::Link { .. } => self.not_plain(),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => {
                if let Some((start, plain, raw)) = self.para.take() {
                    if plain && raw.trim() == "===" && self.summary_end.is_none() {
                        self.out.truncate(start);
                        self.summary_end = Some(start);
                    } else if self.first_para.is_none() {
                        let text = self.out[start..].trim();
                        if !text.is_empty() {
                            self.first_para = Some(text.to_owned());
                        }
                    }
                }
                let g = self.block_or_line();
                self.gap(g);
            }
            TagEnd::Heading(_) => {
                if let Some(start) = self.heading_start.take() {
                    let text = self.out[start..].trim();
                    if self.first_heading.is_none() && !text.is_empty() {
                        self.first_heading = Some(text.to_owned());
                    }
                }
                self.gap(Gap::Block);
            }
            TagEnd::CodeBlock => {
                self.in_code = false;
                let g = self.block_or_line();
                self.gap(g);
            }
            TagEnd::BlockQuote(_)
            | TagEnd::HtmlBlock
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::Table => {
                let g = self.block_or_line();
                self.gap(g);
            }
            TagEnd::List(_) => {
                self.list_depth = self.list_depth.saturating_sub(1);
                let g = self.block_or_line();
                self.gap(g);
            }
            TagEnd::Item | TagEnd::TableHead | TagEnd::TableRow => self.gap(Gap::Line),
            TagEnd::Image => match &mut self.image {
                Some((_, _, depth)) if *depth > 0 => *depth -= 1,
                Some(_) => {
                    if let Some((alt, title, _)) = self.image.take() {
                        self.caption(&alt);
                        self.caption(&title);
                    }
                }
                None => {}
            },
            _ => {}
        }
    }

    fn finish(self) -> Text {
        let body = tidy(&self.out);
        let summary = match self.summary_end {
            Some(end) => tidy(&self.out[..end]),
            None => self
                .first_para
                .map(|p| tidy(&p))
                .unwrap_or_else(|| body.split("\n\n").next().unwrap_or("").to_owned()),
        };
        Text { body, summary, first_heading: self.first_heading }
    }
}

/// Trims lines and the whole text; at most one blank line in a row.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, body: &str) {
        assert_eq!(to_text(input).body, body, "for {input:?}");
    }

    #[test]
    fn markdown_blocks() {
        let table: &[(&str, &str)] = &[
            ("Hello *world*.", "Hello world."),
            ("# Title\n\nFirst para\ncontinued.\n\nSecond.", "Title\n\nFirst para continued.\n\nSecond."),
            ("- one\n- two\n  - nested\n\nAfter", "one\ntwo\nnested\n\nAfter"),
            ("1. a\n\n2. b\n", "a\nb"),
            ("| A | B |\n|---|---|\n| 1 | 2 |\n", "A | B\n1 | 2"),
            ("```\ncode line 1\ncode line 2\n```\n\ntext", "code line 1\ncode line 2\n\ntext"),
            ("> quoted\n\nplain", "quoted\n\nplain"),
            ("Line one  \nline two", "Line one\nline two"),
            (
                "See [the link](https://example.com) and [ref][r].\n\n[r]: https://x.org",
                "See the link and ref.",
            ),
            ("Title\n=====\n\nText", "Title\n\nText"),
            ("a\n\n---\n\nb", "a\n\nb"),
            ("", ""),
        ];
        for (input, want) in table {
            check(input, want);
        }
    }

    #[test]
    fn shortcodes() {
        let table: &[(&str, &str)] = &[
            ("[notice]Be careful[/notice]", "Be careful"),
            ("[div class=\"box\"]\nInside **bold**\n[/div]", "Inside bold"),
            ("[ui-tabs]\n[ui-tab title=\"First tab\"]\nOne\n[/ui-tab]\n[/ui-tabs]", "First tab\n\nOne"),
            ("[fa=cog /] Settings", "Settings"),
            ("Text [size=20]big[/size] end", "Text big end"),
            ("[version=16]\nOld stuff\n[/version]", "Old stuff"),
            ("[prism classes=\"language-php\"]\necho 1;\n[/prism]", "echo 1;"),
            ("[owl-carousel items=1]\n![](a.jpg \"Photo\")\n![](b.jpg \"Photo\")\n[/owl-carousel]", "Photo"),
            // Not shortcodes: links, references, brackets without a closing tag.
            ("[notice](https://x.org) here", "notice here"),
            ("[TOC] and [x]", "[TOC] and [x]"),
            ("[text][ref]\n\n[ref]: /a", "text"),
            ("\\[b]x[/b]", "[b]x[/b]"),
            // Nested, same name.
            ("[div]a [div]b[/div] c[/div]", "a b c"),
        ];
        for (input, want) in table {
            check(input, want);
        }
    }

    #[test]
    fn images_and_html() {
        let table: &[(&str, &str)] = &[
            ("![Alt text](a.jpg?cropResize=300,300 \"The title\")", "Alt text The title"),
            ("![Same](a.jpg \"Same\")", "Same"),
            ("![](a.jpg)\n\n![](b.jpg)", ""),
            ("![Cap](a.jpg)\n\n![Cap](b.jpg)\n\n![Other](c.jpg)", "Cap\n\nOther"),
            ("<div class=\"x\">Hello &amp; <b>bye</b></div>", "Hello & bye"),
            ("<p>One</p><p>Two</p>", "One\n\nTwo"),
            ("Text <span style=\"color:red\">red</span> more", "Text red more"),
            ("<script>var x = '<p>no</p>';</script>\n\nVisible", "Visible"),
            ("<style>\n.a { color: red }\n</style>\n\nShown", "Shown"),
            ("<img src=\"a.jpg\" alt=\"Caption &laquo;x&raquo;\">", "Caption «x»"),
            ("<img\n  src=\"a.jpg\"\n  alt=\"Multi line\">", "Multi line"),
            ("<div><iframe src=\"x\" title=\"Webinar &amp; talk\"></iframe></div>", "Webinar & talk"),
            ("<!-- comment -->\nText", "Text"),
            ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>", "a | b\nc | d"),
            ("5 < 6 and 7 > 3", "5 < 6 and 7 > 3"),
            ("&copy; 2020 &#8212; &#x41;", "© 2020 — A"),
        ];
        for (input, want) in table {
            check(input, want);
        }
    }

    #[test]
    fn twig() {
        let table: &[(&str, &str)] = &[
            ("Hello {{ page.title }}!", "Hello !"),
            ("{% for p in page.collection %}\n- {{ p.title }}\n{% endfor %}\n\nEnd", "End"),
            ("{# comment #}Text", "Text"),
            ("Braces { alone } stay", "Braces { alone } stay"),
            ("Unclosed {{ twig", "Unclosed {{ twig"),
            ("```\n{{ kept in code }}\n```", "{{ kept in code }}"),
        ];
        for (input, want) in table {
            check(input, want);
        }
    }

    #[test]
    fn summary() {
        let t = to_text("Intro paragraph.\n\n===\n\nRest of the story.");
        assert_eq!(t.summary, "Intro paragraph.");
        assert_eq!(t.body, "Intro paragraph.\n\nRest of the story.");

        let t = to_text("# Head\n\nFirst one.\n\nSecond one.");
        assert_eq!(t.summary, "First one.");
        assert_eq!(t.first_heading.as_deref(), Some("Head"));

        let t = to_text("A\n\nB\n\n===\n\nC\n\n===\n\nD");
        assert_eq!(t.summary, "A\n\nB");
        assert_eq!(t.body, "A\n\nB\n\nC\n\n===\n\nD");

        let t = to_text("- only\n- a list");
        assert_eq!(t.summary, "only\na list");
        assert_eq!(t.first_heading, None);
    }

    #[test]
    fn fences_are_detected() {
        assert_eq!(outside_fences("a\n```\nb\n```\nc", |s| s.to_uppercase()), "A\n```\nb\n```\nC");
        assert_eq!(outside_fences("a\n~~~~\nb\n~~~\nc", |s| s.to_uppercase()), "A\n~~~~\nb\n~~~\nc");
    }

    // The property is that every input returns (any result) and nothing panics.
    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,200}") {
            let _ = to_text(&s);
        }

        #[test]
        fn never_panics_on_markup(s in "[\\[\\]{}%#<>/=\"'!()*_`~|a-zäöé€ \n-]{0,200}") {
            let _ = to_text(&s);
        }

        #[test]
        fn never_panics_on_html(s in "(<(p|div|script|style|img alt=\"[äa ]{0,5}\"|!--)>|</(p|div|script)>|[a-zäöé€ <>&;#\n]{0,8}){0,30}") {
            let _ = to_text(&s);
        }
    }
}

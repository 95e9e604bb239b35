//! A person's page (`/people/{key}`): the name in the reader's language and the other ways
//! it is written, the keys joined into it, the roles written next to it, a timeline of the
//! events of the posts naming the person, those posts (newest first, paged) and the people
//! most often named with them.

use maud::{Markup, html};

use super::i18n::{fill, lang_name};
use super::layout::{self, Ui};
use super::params::Params;
use super::parts;
use annals_engine::{PersonName, PersonPage};

/// The link from page `ui` to the page of person `key`, keeping the interface language.
pub fn href(ui: &Ui, key: &str) -> String {
    ui.link(&format!("people/{}", super::params::encode(key)), &ui.carried())
}

/// The person's page; `here` are its parameters (`page`, `lang`, `ui`), kept by the pager.
pub fn page(ui: &Ui, here: &Params, p: &PersonPage) -> Markup {
    let t = ui.t;
    let posts = &p.posts;
    let pages = posts.total.div_ceil(posts.per_page.max(1));
    let search = ui.search_link(&ui.carried().with("person", &p.key));
    let person = |n: &PersonName| (href(ui, &n.key), n.key == p.key);
    let main = html! {
        article.person-page {
            header.person-head {
                h1 { (p.name) }
                @if !p.names.is_empty() {
                    dl.person-names aria-label=(t.s("person_names")) {
                        @for (lang, name) in &p.names {
                            dt { (lang_name(lang)) } dd lang=(lang) { (name) }
                        }
                    }
                }
                @if !p.spellings.is_empty() {
                    p.spellings {
                        span.label { (t.s("also_written")) ": " }
                        @for (i, s) in p.spellings.iter().enumerate() {
                            @if i > 0 { ", " }
                            span.spelling { (s) }
                        }
                    }
                }
                @if !p.also_keys.is_empty() {
                    p.joined { (fill(t.s("joined_keys"), &[("keys", &p.also_keys.join(", "))])) }
                }
                p { a.search-person href=(search) { (t.s("search_person")) } }
            }
            @if !p.roles.is_empty() {
                section.roles aria-labelledby="roles-h" {
                    h2 #roles-h { (t.s("roles")) }
                    ul {
                        @for r in &p.roles {
                            li { span.role { (r.role) } " — " a href=(ui.post_url(&r.post.url)) { (r.post.title) } }
                        }
                    }
                }
            }
            @if !p.events.is_empty() {
                section.person-events aria-labelledby="events-h" {
                    h2 #events-h { (t.s("person_events")) }
                    ol.event-list {
                        @for e in &p.events {
                            li {
                                span.event-date { (parts::time(t, &e.date)) }
                                " "
                                a href=(ui.post_url(&e.post.url)) { (e.post.title) }
                            }
                        }
                    }
                }
            }
            section.person-posts aria-labelledby="posts-h" {
                h2 #posts-h { (t.s("person_posts")) " " span.count { "(" (t.plural("posts", posts.total)) ")" } }
                ol.hits {
                    @for hit in &posts.hits { (parts::hit(ui, hit, &person)) }
                }
                (parts::pager(t, posts.page, pages, &|n| ui.here_link(&here.page(n))))
            }
            @if !p.co_mentions.is_empty() {
                section.co-mentions aria-labelledby="co-h" {
                    h2 #co-h { (t.s("named_with")) }
                    ul {
                        @for c in &p.co_mentions {
                            li {
                                (parts::person_link(&c.name, ui.lang, &href(ui, &c.key), false))
                                " " span.count { "(" (t.plural("posts", c.count)) ")" }
                            }
                        }
                    }
                }
            }
        }
    };
    layout::page(ui, &p.name, main)
}

/// The page of a key the archive does not name.
pub fn not_found(ui: &Ui) -> Markup {
    let t = ui.t;
    let main = html! {
        h1 { (t.s("person_not_found")) }
        p { a href=(ui.search_link(&ui.carried())) { (t.s("search")) } }
    };
    layout::page(ui, t.s("person_not_found"), main)
}

/// The page when the person could not be read (`message` says why).
pub fn failed(ui: &Ui, message: &str) -> Markup {
    let main = html! { h1 { (ui.t.s("title")) } (parts::notice(message, true)) };
    layout::page(ui, ui.t.s("title"), main)
}

//! The pack's rich text as printable runs, and the sources a document cites.
//!
//! `[[source:…]]` prints as "[Author Year]" and adds the source to the document's Sources
//! list; a figure prints exactly as the app prints it (`format::figure`), followed by its
//! source and as-of date, and cites that source (and the population's, for rates); glossary
//! and other links print their words; `**bold**` prints bold.

use crate::content::Pack;
use crate::content::rich::{self, LinkKind, Span};

use super::layout::Run;

/// The sources a document cites, in the order first cited.
#[derive(Debug, Default, Clone)]
pub struct Cites {
    ids: Vec<String>,
}

impl Cites {
    pub fn add(&mut self, id: &str) {
        if !self.ids.iter().any(|i| i == id) {
            self.ids.push(id.to_string());
        }
    }
    pub fn ids(&self) -> &[String] {
        &self.ids
    }
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// Rich text as runs, citing what it cites.
pub fn runs(pack: &Pack, text: &str, cites: &mut Cites) -> Vec<Run> {
    let (spans, _) = rich::parse(text);
    let mut out: Vec<Run> = Vec::new();
    let mut push = |text: String, bold: bool| match out.last_mut() {
        Some(last) if last.bold == bold => last.text.push_str(&text),
        _ => out.push(Run { text, bold }),
    };
    for span in spans {
        match span {
            Span::Text(t) => push(t.to_string(), false),
            Span::Strong(t) => push(t.to_string(), true),
            Span::Link { kind: LinkKind::Source, target, .. } => {
                cites.add(target);
                push(format!("[{}]", pack.cite_label(target)), false);
            }
            Span::Link { text: Some(t), .. } => push(t.to_string(), false),
            Span::Link { kind, target, text: None } => push(link_name(pack, kind, target), false),
            Span::Figure(f) => match pack.figure(f) {
                Some(resolved) => {
                    let mut chip = Vec::new();
                    if let Some(source) = resolved.source {
                        cites.add(source);
                        chip.push(pack.cite_label(source));
                    }
                    chip.push(crate::format::date_short(resolved.point.as_of));
                    if f.per_million
                        && let Some(country) = resolved.population
                    {
                        cites.add(&country.population.source);
                        chip.push(format!("population: {}", pack.cite_label(&country.population.source)));
                    }
                    push(format!("{} [{}]", crate::format::figure(&resolved), chip.join(" · ")), false);
                }
                None => push(f.reference(), false),
            },
        }
    }
    out
}

/// Rich text as plain text (for headings and table cells), citing what it cites.
pub fn plain(pack: &Pack, text: &str, cites: &mut Cites) -> String {
    runs(pack, text, cites).into_iter().map(|r| r.text).collect()
}

/// What a link without its own words prints: the term, title or name it points at.
fn link_name(pack: &Pack, kind: LinkKind, target: &str) -> String {
    let name = match kind {
        LinkKind::Glossary => pack.glossary.get(target).map(|t| t.term.clone()),
        LinkKind::Event => pack.events.get(target).map(|e| e.title.clone()),
        LinkKind::Section => pack.sections.get(target).map(|s| s.title.clone()),
        LinkKind::Place => pack.places.get(target).map(|p| p.name.clone()),
        LinkKind::Country => pack.countries.get(target).map(|c| c.name.clone()),
        LinkKind::Source => None,
    };
    name.unwrap_or_else(|| target.to_string())
}

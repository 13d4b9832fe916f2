//! The pack's small rich-text markup.
//!
//! - `[[glossary:ID]]` or `[[glossary:ID|shown words]]` — a glossary term
//! - `[[source:ID]]` — a citation chip
//! - `[[event:ID|words]]`, `[[section:ID|words]]`, `[[place:ID|words]]`, `[[country:ISO3|words]]`
//! - `[[figure:DATASET/SERIES/KEY]]` or `[[figure:DATASET/SERIES/KEY|per-million,number]]` — a
//!   figure printed from its dataset (value or range, unit, as-of date and citation), so prose
//!   and charts cannot disagree
//! - `**words**` — emphasis
//!
//! Anything else is plain text. Parsing never fails on plain text; malformed links
//! are reported as [`MarkupError`]s so `check` can name them.

/// What a link points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkKind {
    Glossary,
    Source,
    Event,
    Section,
    Place,
    Country,
}

impl LinkKind {
    pub const ALL: [LinkKind; 6] =
        [LinkKind::Glossary, LinkKind::Source, LinkKind::Event, LinkKind::Section, LinkKind::Place, LinkKind::Country];

    pub fn name(self) -> &'static str {
        match self {
            LinkKind::Glossary => "glossary",
            LinkKind::Source => "source",
            LinkKind::Event => "event",
            LinkKind::Section => "section",
            LinkKind::Place => "place",
            LinkKind::Country => "country",
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        LinkKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// One piece of parsed rich text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span<'a> {
    Text(&'a str),
    Strong(&'a str),
    Link { kind: LinkKind, target: &'a str, text: Option<&'a str> },
    Figure(FigureRef<'a>),
}

/// A figure embedded in prose: `[[figure:DATASET/SERIES/KEY|options]]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FigureRef<'a> {
    pub dataset: &'a str,
    pub series: &'a str,
    /// The point's key for its dataset's dimension: ISO3, region, date as written, or category.
    pub key: &'a str,
    /// Divide by the country's population (country datasets): a rate per million people.
    pub per_million: bool,
    /// Print the number only, without its unit (the sentence names it).
    pub number_only: bool,
}

impl FigureRef<'_> {
    /// `DATASET/SERIES/KEY`, as written in the markup.
    pub fn reference(&self) -> String {
        format!("{}/{}/{}", self.dataset, self.series, self.key)
    }
}

/// The options a figure accepts after `|`.
pub const FIGURE_OPTIONS: [&str; 2] = ["per-million", "number"];

/// A malformed piece of markup, with its byte offset in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupError {
    pub offset: usize,
    pub message: String,
}

/// Parse rich text into spans. Malformed markup is kept as plain text and reported.
pub fn parse(text: &str) -> (Vec<Span<'_>>, Vec<MarkupError>) {
    let mut spans = Vec::new();
    let mut errors = Vec::new();
    let mut rest = text;
    let mut offset = 0;
    while !rest.is_empty() {
        let next_link = rest.find("[[");
        let next_strong = rest.find("**");
        let (at, is_link) = match (next_link, next_strong) {
            (Some(l), Some(s)) if s < l => (s, false),
            (Some(l), _) => (l, true),
            (None, Some(s)) => (s, false),
            (None, None) => {
                spans.push(Span::Text(rest));
                break;
            }
        };
        if at > 0 {
            spans.push(Span::Text(&rest[..at]));
        }
        let after = &rest[at + 2..];
        let close = if is_link { "]]" } else { "**" };
        match after.find(close) {
            None => {
                errors.push(MarkupError {
                    offset: offset + at,
                    message: format!("\"{}\" is never closed with \"{close}\"", &rest[at..at + 2]),
                });
                spans.push(Span::Text(&rest[at..]));
                break;
            }
            Some(end) => {
                let inner = &after[..end];
                if is_link {
                    match parse_link(inner) {
                        Ok(span) => spans.push(span),
                        Err(message) => {
                            errors.push(MarkupError { offset: offset + at, message });
                            spans.push(Span::Text(&rest[at..at + 4 + end]));
                        }
                    }
                } else if inner.is_empty() {
                    errors.push(MarkupError { offset: offset + at, message: "empty emphasis \"****\"".into() });
                } else {
                    spans.push(Span::Strong(inner));
                }
                let consumed = at + 2 + end + 2;
                offset += consumed;
                rest = &rest[consumed..];
            }
        }
    }
    (spans, errors)
}

fn parse_link(inner: &str) -> Result<Span<'_>, String> {
    let (head, text) = match inner.split_once('|') {
        Some((h, t)) => (h, Some(t)),
        None => (inner, None),
    };
    if let Some(reference) = head.trim_start().strip_prefix("figure:") {
        return parse_figure(inner, reference, text);
    }
    let Some((kind, target)) = head.split_once(':') else {
        return Err(format!(
            "link \"[[{inner}]]\" has no kind; expected [[KIND:ID]] with KIND one of glossary, source, event, section, place, country"
        ));
    };
    let Some(kind) = LinkKind::from_name(kind.trim()) else {
        return Err(format!(
            "link kind \"{kind}\" is unknown; expected one of glossary, source, event, section, place, country, figure"
        ));
    };
    let target = target.trim();
    if target.is_empty() {
        return Err(format!("link \"[[{inner}]]\" has an empty id"));
    }
    if let Some(t) = text
        && t.trim().is_empty()
    {
        return Err(format!("link \"[[{inner}]]\" has empty shown text after \"|\""));
    }
    Ok(Span::Link { kind, target, text })
}

fn parse_figure<'a>(inner: &str, reference: &'a str, options: Option<&'a str>) -> Result<Span<'a>, String> {
    let mut parts = reference.splitn(3, '/').map(str::trim);
    let (Some(dataset), Some(series), Some(key)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(format!(
            "figure \"[[{inner}]]\" needs three parts; expected [[figure:DATASET/SERIES/KEY]], e.g. [[figure:ds-ff-by-country/icsr-2015-01/BEL]]"
        ));
    };
    if dataset.is_empty() || series.is_empty() || key.is_empty() {
        return Err(format!("figure \"[[{inner}]]\" has an empty part; expected [[figure:DATASET/SERIES/KEY]]"));
    }
    let mut figure = FigureRef { dataset, series, key, per_million: false, number_only: false };
    for option in options.into_iter().flat_map(|o| o.split(',')).map(str::trim) {
        match option {
            "per-million" => figure.per_million = true,
            "number" => figure.number_only = true,
            other => {
                return Err(format!(
                    "figure option \"{other}\" is unknown; expected {}",
                    FIGURE_OPTIONS.map(|o| format!("\"{o}\"")).join(" or ")
                ));
            }
        }
    }
    Ok(Span::Figure(figure))
}

/// The source ids a text cites (`[[source:id]]`), in order.
pub fn cited_sources(text: &str) -> Vec<String> {
    parse(text)
        .0
        .into_iter()
        .filter_map(|s| match s {
            Span::Link { kind: LinkKind::Source, target, .. } => Some(target.to_string()),
            _ => None,
        })
        .collect()
}

/// The text with markup removed (links shown by their text or id), for search and plain rendering.
pub fn plain(text: &str) -> String {
    let (spans, _) = parse(text);
    let mut out = String::with_capacity(text.len());
    for span in spans {
        match span {
            Span::Text(t) | Span::Strong(t) => out.push_str(t),
            Span::Link { text: Some(t), .. } => out.push_str(t),
            Span::Link { kind: LinkKind::Source, .. } => {}
            Span::Link { target, .. } => out.push_str(target),
            Span::Figure(f) => out.push_str(&f.reference()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_links_and_emphasis() {
        let (spans, errors) = parse("A [[glossary:caliphate|caliphate]] was **declared** [[source:src-a]].");
        assert!(errors.is_empty());
        assert_eq!(
            spans,
            vec![
                Span::Text("A "),
                Span::Link { kind: LinkKind::Glossary, target: "caliphate", text: Some("caliphate") },
                Span::Text(" was "),
                Span::Strong("declared"),
                Span::Text(" "),
                Span::Link { kind: LinkKind::Source, target: "src-a", text: None },
                Span::Text("."),
            ]
        );
    }

    #[test]
    fn reports_broken_markup() {
        assert_eq!(parse("x [[glossary:a").1.len(), 1);
        assert!(parse("[[nope:a]]").1[0].message.contains("unknown"));
        assert!(parse("[[source:]]").1[0].message.contains("empty id"));
        assert!(parse("[[caliphate]]").1[0].message.contains("no kind"));
        assert_eq!(parse("bold **never closed").1.len(), 1);
    }

    #[test]
    fn parses_figures_and_their_options() {
        let (spans, errors) = parse("About [[figure:ds-ff/icsr/Western Europe|per-million, number]] people.");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            spans[1],
            Span::Figure(FigureRef {
                dataset: "ds-ff",
                series: "icsr",
                key: "Western Europe",
                per_million: true,
                number_only: true
            })
        );
        assert!(parse("[[figure:ds-ff/icsr]]").1[0].message.contains("three parts"));
        assert!(parse("[[figure:ds-ff//BEL]]").1[0].message.contains("empty part"));
        assert!(parse("[[figure:a/b/c|percent]]").1[0].message.contains("\"percent\" is unknown"));
        // A date key keeps its dashes; a key may not be split further.
        let (spans, _) = parse("[[figure:ds-area/ihs/2015-01]]");
        assert!(matches!(spans[0], Span::Figure(FigureRef { key: "2015-01", .. })));
    }

    #[test]
    fn plain_strips_markup() {
        assert_eq!(plain("The [[glossary:caliphate|caliphate]] fell [[source:src-x]]."), "The caliphate fell .");
    }
}

//! Figures embedded in prose (`[[figure:DATASET/SERIES/KEY]]`): finding the point a
//! reference names, and noticing numbers that were typed by hand although a dataset holds them.
//!
//! A number that lives in a dataset is printed from the dataset wherever it appears, so the
//! sentence and the chart can never disagree. The loader checks every reference; `check` warns
//! about a hand-typed number that equals a dataset figure.

use super::rich::FigureRef;
use super::schema::{Country, Dataset, Dimension, Point};

/// Whether `point` is the one `key` names in a dataset keyed by `dimension`.
pub fn point_matches(dimension: Dimension, point: &Point, key: &str) -> bool {
    match dimension {
        Dimension::Country => point.country.as_deref() == Some(key),
        Dimension::Region => point.region.as_deref() == Some(key),
        Dimension::Date => point.date.is_some_and(|d| d.iso() == key),
        Dimension::Category => point.category.as_deref() == Some(key),
    }
}

/// A figure reference resolved against the pack: the point, where it lives, and what it needs.
#[derive(Debug, Clone, Copy)]
pub struct Resolved<'p> {
    pub dataset: &'p Dataset,
    pub series_label: &'p str,
    pub point: &'p Point,
    /// The source of the point (its own, else its series').
    pub source: Option<&'p str>,
    /// The country whose population divides the figure (`per-million`).
    pub population: Option<&'p Country>,
    pub reference: FigureRef<'p>,
}

impl Resolved<'_> {
    /// The number the figure stands for after `per-million`: value, low and high.
    pub fn numbers(&self) -> (Option<f64>, Option<f64>, Option<f64>) {
        let scale = |v: Option<f64>| match self.population {
            Some(c) if self.reference.per_million => v.map(|v| per_million(v, c.population.value)),
            _ => v,
        };
        (scale(self.point.value), scale(self.point.low), scale(self.point.high))
    }
}

/// A count per million inhabitants, rounded to one decimal (as every view prints it).
pub fn per_million(count: f64, population: f64) -> f64 {
    if population > 0.0 { (count / population * 1e6 * 10.0).round() / 10.0 } else { f64::NAN }
}

/// Finds the point a reference names among the given datasets and countries.
///
/// Errors say what is wrong in the words `check` prints.
pub fn resolve<'p>(
    reference: FigureRef<'p>,
    datasets: impl IntoIterator<Item = &'p Dataset>,
    country: impl Fn(&str) -> Option<&'p Country>,
) -> Result<Resolved<'p>, String> {
    let shown = reference.reference();
    let Some(dataset) = datasets.into_iter().find(|d| d.id == reference.dataset) else {
        return Err(format!("figure [[figure:{shown}]] names no dataset \"{}\"", reference.dataset));
    };
    let Some(series) = dataset.series.iter().find(|s| s.id == reference.series) else {
        let known: Vec<&str> = dataset.series.iter().map(|s| s.id.as_str()).collect();
        return Err(format!(
            "figure [[figure:{shown}]]: dataset \"{}\" has no series \"{}\"; expected one of: {}",
            dataset.id,
            reference.series,
            known.join(", ")
        ));
    };
    let mut found = series.points.iter().filter(|p| point_matches(dataset.dimension, p, reference.key));
    let Some(point) = found.next() else {
        return Err(format!(
            "figure [[figure:{shown}]]: series \"{}\" has no point keyed \"{}\"; expected the point's {}",
            series.id,
            reference.key,
            dimension_key(dataset.dimension)
        ));
    };
    if found.next().is_some() {
        return Err(format!(
            "figure [[figure:{shown}]]: series \"{}\" has more than one point keyed \"{}\"",
            series.id, reference.key
        ));
    }
    let population = if reference.per_million {
        if dataset.dimension != Dimension::Country {
            return Err(format!(
                "figure [[figure:{shown}]] asks for \"per-million\", but dataset \"{}\" is not keyed by country",
                dataset.id
            ));
        }
        match country(reference.key) {
            Some(c) => Some(c),
            None => {
                return Err(format!(
                    "figure [[figure:{shown}]] asks for \"per-million\", but country \"{}\" has no population in the pack",
                    reference.key
                ));
            }
        }
    } else {
        None
    };
    Ok(Resolved {
        dataset,
        series_label: &series.label,
        point,
        source: point.source.as_deref().or(series.source.as_deref()),
        population,
        reference,
    })
}

fn dimension_key(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Country => "ISO3 country code (e.g. BEL)",
        Dimension::Region => "region label as written",
        Dimension::Date => "date as written (e.g. 2015-01 or 2016-07-04)",
        Dimension::Category => "category as written",
    }
}

// ---------------------------------------------------------------- hand-typed numbers

/// A number found in prose.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProseNumber {
    pub value: f64,
    /// Followed by `%` or "percent".
    pub percent: bool,
    /// Written with a decimal point or a thousands separator (so not a small round count).
    pub exact_looking: bool,
    /// Byte offset in the text.
    pub offset: usize,
    pub len: usize,
}

/// Numbers written in running text, with "million"/"billion" applied. Numbers glued to letters
/// or to `/` (document codes such as `A/HRC/32`), and years (plain integers 1900–2100), are skipped.
pub fn prose_numbers(text: &str) -> Vec<ProseNumber> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let glued_before = start > 0 && {
            let b = bytes[start - 1];
            b.is_ascii_alphabetic() || matches!(b, b'/' | b'_' | b'-' | b'.' | b'#' | b'@' | b':')
        };
        let mut end = i;
        let mut has_comma = false;
        let mut has_point = false;
        while end < bytes.len() {
            let b = bytes[end];
            if b.is_ascii_digit() {
                end += 1;
            } else if b == b','
                && end + 3 < bytes.len()
                && bytes[end + 1..=end + 3].iter().all(u8::is_ascii_digit)
                && bytes.get(end + 4).is_none_or(|b| !b.is_ascii_digit())
            {
                has_comma = true;
                end += 4;
            } else if b == b'.' && !has_point && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
                has_point = true;
                end += 1;
            } else {
                break;
            }
        }
        let glued_after = bytes.get(end).is_some_and(|b| b.is_ascii_alphabetic() || matches!(*b, b'/' | b'_'));
        let token: String = text[start..end].chars().filter(|c| *c != ',').collect();
        i = end;
        if glued_before || glued_after {
            continue;
        }
        let Ok(mut value) = token.parse::<f64>() else { continue };
        let rest = &text[end..];
        let rest_trim = rest.trim_start();
        let mut percent =
            rest.starts_with('%') || rest_trim.starts_with("percent") || rest_trim.starts_with("per cent");
        if rest.starts_with("\u{a0}%") {
            percent = true;
        }
        if rest_trim.starts_with("million") {
            value *= 1e6;
        } else if rest_trim.starts_with("billion") {
            value *= 1e9;
        }
        let is_year = !has_comma && !has_point && (1900.0..=2100.0).contains(&value) && token.len() == 4;
        if is_year {
            continue;
        }
        out.push(ProseNumber {
            value,
            percent,
            exact_looking: has_comma || has_point,
            offset: start,
            len: end - start,
        });
    }
    out
}

/// Where a dataset holds a figure: `DATASET/SERIES/KEY`, whether it is a rate per million,
/// and the source it is cited to (the point's, else its series').
#[derive(Debug, Clone, PartialEq)]
pub struct KnownFigure {
    pub value: f64,
    pub reference: String,
    pub per_million: bool,
    pub percent: bool,
    pub source: Option<String>,
}

/// Every figure (value, low, high, and per-million rates of country figures) the datasets hold.
pub fn known_figures<'p>(
    datasets: impl IntoIterator<Item = (&'p Dataset, &'p super::schema::Series, &'p Point)>,
    population: impl Fn(&str) -> Option<f64>,
) -> Vec<KnownFigure> {
    let mut out = Vec::new();
    for (d, s, p) in datasets {
        let key = match d.dimension {
            Dimension::Country => p.country.clone(),
            Dimension::Region => p.region.clone(),
            Dimension::Date => p.date.map(|d| d.iso()),
            Dimension::Category => p.category.clone(),
        };
        let Some(key) = key else { continue };
        let reference = format!("{}/{}/{key}", d.id, s.id);
        let percent = matches!(d.unit.trim(), "percent" | "%");
        let source = p.source.clone().or_else(|| s.source.clone());
        for v in [p.value, p.low, p.high].into_iter().flatten() {
            let figure = KnownFigure {
                value: v,
                reference: reference.clone(),
                per_million: false,
                percent,
                source: source.clone(),
            };
            let rate = (d.dimension == Dimension::Country).then(|| population(&key)).flatten().map(|pop| KnownFigure {
                value: per_million(v, pop),
                per_million: true,
                percent: false,
                ..figure.clone()
            });
            out.push(figure);
            out.extend(rate);
        }
    }
    out
}

/// The dataset figure a hand-typed number repeats, if any. `cited` are the sources the
/// same rich text cites: when it cites any, only a figure from one of them matches (a
/// number cited to another source is another quantity that happens to be equal).
///
/// Small counts (under 10) never match. Numbers 10–99 written without a decimal point match only
/// percentages (followed by `%`), because small round numbers ("24 hours", "50 countries") are
/// everywhere in prose; from 100 up, or with a decimal point, a number matches any figure.
pub fn typed_figure<'k>(n: &ProseNumber, known: &'k [KnownFigure], cited: &[&str]) -> Option<&'k KnownFigure> {
    if n.value < 10.0 {
        return None;
    }
    let small_round = n.value < 100.0 && !n.exact_looking;
    known.iter().find(|k| {
        let same = (k.value - n.value).abs() < 1e-9;
        let same_source = cited.is_empty() || k.source.as_deref().is_some_and(|s| cited.contains(&s));
        same && same_source && if n.percent { k.percent } else { !small_round && !k.percent }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<f64> {
        prose_numbers(text).into_iter().map(|n| n.value).collect()
    }

    #[test]
    fn finds_numbers_in_prose() {
        assert_eq!(values("about 36,200 km² by June 2017"), vec![36_200.0]);
        assert_eq!(values("9.5 per million and 52.57% of items"), vec![9.5, 52.57]);
        assert_eq!(values("about 6 million people"), vec![6e6]);
        assert_eq!(values("report A/HRC/32/CRP.2 of 2016"), Vec::<f64>::new());
        assert_eq!(values("the G20, 4chan and 1,000,000 runs"), vec![1e6]);
        let n = &prose_numbers("52.57% of them")[0];
        assert!(n.percent && n.exact_looking);
        assert_eq!(&"52.57% of them"[n.offset..n.offset + n.len], "52.57");
    }

    fn known(value: f64, reference: &str, percent: bool) -> KnownFigure {
        let source = Some(format!("src-{}", reference.split('/').next().unwrap_or_default()));
        KnownFigure { value, reference: reference.into(), per_million: false, percent, source }
    }

    #[test]
    fn matches_only_plausible_retypes() {
        let known =
            vec![known(50.0, "a/b/AFG", false), known(36_200.0, "a/b/2017", false), known(52.57, "w/x/utopia", true)];
        let first = |t: &str| prose_numbers(t).into_iter().find_map(|n| typed_figure(&n, &known, &[]).cloned());
        assert!(first("fines of 50 countries").is_none(), "small round numbers are not figures");
        assert_eq!(first("it held 36,200 km²").map(|k| k.reference), Some("a/b/2017".into()));
        assert_eq!(first("utopia made up 52.57% of it").map(|k| k.reference), Some("w/x/utopia".into()));
        assert!(first("it held 36,201 km²").is_none());
    }

    #[test]
    fn a_number_cited_to_another_source_is_another_quantity() {
        let known = vec![known(36_200.0, "a/b/2017", false)];
        let n = prose_numbers("it held 36,200 km²")[0];
        assert!(typed_figure(&n, &known, &[]).is_some(), "no citation: it repeats the figure");
        assert!(typed_figure(&n, &known, &["src-a"]).is_some(), "cited to the figure's source: it repeats it");
        assert!(typed_figure(&n, &known, &["src-other"]).is_none(), "cited to another source: another quantity");
        assert!(typed_figure(&n, &known, &["src-other", "src-a"]).is_some(), "one of the citations is the figure's");
    }

    #[test]
    fn per_million_has_one_decimal() {
        assert_eq!(per_million(470.0, 11_274_196.0), 41.7);
    }
}

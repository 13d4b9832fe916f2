//! The numbers behind the charts, with no drawing: pages, rows, per-million rates, CSV.
//!
//! Everything here reads the pack only; the chart code draws what these functions return,
//! and the data table and the CSV export show the same rows.

use crate::content::date::day_to_decimal_year;
use crate::content::schema::{Dataset, Dimension, Point};
use crate::content::{Pack, PackDate};
use crate::format;

/// One entry of the chart picker: a dataset, or a group of datasets shown together.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartPage {
    pub title: String,
    /// Indices into `pack.datasets.items`.
    pub datasets: Vec<usize>,
    /// Timeline track whose events are marked on the page's time charts (from the pack's chart groups).
    pub events_track: Option<String>,
}

impl ChartPage {
    /// The dataset id that selects this page (`Action::ShowChart`).
    pub fn id<'a>(&self, pack: &'a Pack) -> &'a str {
        &pack.datasets.items[self.datasets[0]].id
    }

    pub fn contains(&self, pack: &Pack, dataset_id: &str) -> bool {
        self.datasets.iter().any(|&i| pack.datasets.items[i].id == dataset_id)
    }
}

/// All chart pages of a pack: one per dataset, except the pack's chart groups, which share
/// a page when at least two of their datasets exist. Pages of the pack's `chart_order`
/// come first, in that order.
pub fn pages(pack: &Pack) -> Vec<ChartPage> {
    let views = pack.views();
    let mut pages: Vec<ChartPage> = Vec::new();
    let mut used = vec![false; pack.datasets.len()];
    for (i, ds) in pack.datasets.iter().enumerate() {
        if used[i] {
            continue;
        }
        if let Some(group) = views.chart_groups.iter().find(|g| g.datasets.contains(&ds.id)) {
            let members: Vec<usize> = group.datasets.iter().filter_map(|id| pack.datasets.position(id)).collect();
            if members.len() >= 2 {
                for &m in &members {
                    used[m] = true;
                }
                let track = group.events_track.as_ref().and_then(|t| pack.tracks.get(t)).map(|t| t.id.clone());
                pages.push(ChartPage { title: group.title.clone(), datasets: members, events_track: track });
                continue;
            }
        }
        used[i] = true;
        pages.push(ChartPage { title: ds.title.clone(), datasets: vec![i], events_track: None });
    }
    let rank = |p: &ChartPage| {
        p.datasets
            .iter()
            .filter_map(|&i| views.chart_order.iter().position(|id| *id == pack.datasets.items[i].id))
            .min()
    };
    pages.sort_by_key(|p| rank(p).unwrap_or(usize::MAX));
    pages
}

/// A figure: a value, a low–high range, or both.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
}

impl Figure {
    pub fn of(p: &Point) -> Self {
        Figure { value: p.value, low: p.low, high: p.high }
    }

    pub fn scaled(self, k: f64) -> Self {
        Figure { value: self.value.map(|v| v * k), low: self.low.map(|v| v * k), high: self.high.map(|v| v * k) }
    }

    /// Where a bar ends: the value, or else the low end of the range ("at least").
    pub fn bar_end(&self) -> Option<f64> {
        self.value.or(self.low).or(self.high)
    }

    /// The low–high range, when there is a real one.
    pub fn range(&self) -> Option<(f64, f64)> {
        match (self.low, self.high) {
            (Some(l), Some(h)) if h > l => Some((l, h)),
            _ => None,
        }
    }

    /// The largest number the figure mentions (for axis bounds).
    pub fn top(&self) -> f64 {
        [self.value, self.low, self.high].into_iter().flatten().fold(0.0, f64::max)
    }

    /// Sorting key: the value, or the middle of the range.
    pub fn sort_key(&self) -> f64 {
        match (self.value, self.range()) {
            (Some(v), _) => v,
            (None, Some((l, h))) => (l + h) / 2.0,
            (None, None) => self.bar_end().unwrap_or(0.0),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.value.is_none() && self.low.is_none() && self.high.is_none()
    }

    /// "1,500" or "100–250".
    pub fn text(&self) -> String {
        format::figure_numbers(self.value, self.low, self.high)
    }

    /// "100–250 (range)" for ranges, the plain value otherwise.
    pub fn text_with_kind(&self) -> String {
        match (self.value, self.range()) {
            (None, Some(_)) => format!("{} (range)", self.text()),
            (Some(_), Some((l, h))) => {
                format!("{} (range {}–{})", self.text_value(), format::number(l), format::number(h))
            }
            _ => self.text(),
        }
    }

    fn text_value(&self) -> String {
        self.value.map(format::number).unwrap_or_else(|| self.text())
    }
}

/// A count per million inhabitants.
pub fn per_million(count: f64, population: f64) -> Option<f64> {
    (population > 0.0).then(|| count / population * 1_000_000.0)
}

/// Absolute numbers or a rate per million inhabitants (country datasets only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Measure {
    #[default]
    Absolute,
    PerMillion,
}

/// What the chart currently shows; the table and the CSV follow it.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub measure: Measure,
    /// Only countries of this region (country datasets only).
    pub region: Option<String>,
    /// Show at most this many rows (country datasets only).
    pub top_n: Option<usize>,
}

impl Default for Options {
    fn default() -> Self {
        Options { measure: Measure::Absolute, region: None, top_n: Some(15) }
    }
}

/// The source of a point: its own, or its series' default.
pub fn point_source<'a>(ds: &'a Dataset, series: usize, p: &'a Point) -> Option<&'a str> {
    p.source.as_deref().or(ds.series[series].source.as_deref())
}

/// One figure of a category chart.
#[derive(Debug, Clone)]
pub struct Cell<'a> {
    pub figure: Figure,
    pub point: &'a Point,
    pub source: Option<&'a str>,
}

/// One bar group: a country, region or category, with one cell per series.
#[derive(Debug, Clone)]
pub struct CategoryRow<'a> {
    /// ISO3 code (country datasets) or the label itself.
    pub key: String,
    pub label: String,
    pub cells: Vec<Option<Cell<'a>>>,
}

pub fn point_key(dimension: Dimension, p: &Point) -> Option<&str> {
    match dimension {
        Dimension::Country => p.country.as_deref(),
        Dimension::Region => p.region.as_deref(),
        Dimension::Category => p.category.as_deref(),
        Dimension::Date => None,
    }
}

/// Name of the dimension for axis labels and table headers.
pub fn dimension_label(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Country => "Country",
        Dimension::Region => "Region",
        Dimension::Category => "Category",
        Dimension::Date => "Date",
    }
}

/// Regions of the countries a dataset mentions, sorted.
pub fn regions(pack: &Pack, ds: &Dataset) -> Vec<String> {
    let mut out: Vec<String> = ds
        .series
        .iter()
        .flat_map(|s| &s.points)
        .filter_map(|p| p.country.as_deref().and_then(|c| pack.countries.get(c)))
        .map(|c| c.region.clone())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The unit shown on the value axis.
pub fn unit_label(ds: &Dataset, options: &Options) -> String {
    match (ds.dimension, options.measure) {
        (Dimension::Country, Measure::PerMillion) => format!("{} per million inhabitants", ds.unit),
        _ => ds.unit.clone(),
    }
}

/// Rows of a category chart, largest first, filtered and cut to `top_n` as the options say.
/// Returns the rows and how many there were before the cut.
pub fn category_rows<'a>(pack: &'a Pack, ds: &'a Dataset, options: &Options) -> (Vec<CategoryRow<'a>>, usize) {
    let rows = row_index(pack, ds, options);
    let total = rows.len();
    (materialize(ds, &rows, shown_rows(ds, options, total)), total)
}

/// How many rows the options show out of `total`.
fn shown_rows(ds: &Dataset, options: &Options, total: usize) -> usize {
    match (ds.dimension, options.top_n) {
        (Dimension::Country, Some(n)) => n.max(1).min(total),
        _ => total,
    }
}

impl CategoryRow<'_> {
    /// The largest figure of the row (rows are sorted by it, largest first).
    pub fn sort_key(&self) -> f64 {
        self.cells.iter().flatten().map(|c| c.figure.sort_key()).fold(f64::MIN, f64::max)
    }
}

/// A category row by point indices, so it can be kept between frames.
#[derive(Debug, Clone)]
struct RowIndex {
    key: String,
    label: String,
    /// Per series: the index of the point in the series, and its figure as shown.
    cells: Vec<Option<(usize, Figure)>>,
}

/// All rows of a category chart (no cut), largest first.
fn row_index(pack: &Pack, ds: &Dataset, options: &Options) -> Vec<RowIndex> {
    let is_country = ds.dimension == Dimension::Country;
    let mut rows: Vec<RowIndex> = Vec::new();
    let mut by_key: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (si, series) in ds.series.iter().enumerate() {
        for (pi, p) in series.points.iter().enumerate() {
            let Some(key) = point_key(ds.dimension, p) else { continue };
            let country = if is_country { pack.countries.get(key) } else { None };
            if is_country
                && let Some(region) = &options.region
                && country.is_none_or(|c| &c.region != region)
            {
                continue;
            }
            let mut figure = Figure::of(p);
            if is_country && options.measure == Measure::PerMillion {
                let Some(k) = country.and_then(|c| per_million(1.0, c.population.value)) else { continue };
                figure = figure.scaled(k);
            }
            if figure.is_empty() {
                continue;
            }
            let i = *by_key.entry(key).or_insert_with(|| {
                let label = country.map_or_else(|| key.to_string(), |c| c.name.clone());
                rows.push(RowIndex { key: key.to_string(), label, cells: vec![None; ds.series.len()] });
                rows.len() - 1
            });
            let row = &mut rows[i];
            if row.cells[si].is_none() {
                row.cells[si] = Some((pi, figure));
            }
        }
    }
    let sort_key = |r: &RowIndex| r.cells.iter().flatten().map(|(_, f)| f.sort_key()).fold(f64::MIN, f64::max);
    let mut keyed: Vec<(f64, RowIndex)> = rows.into_iter().map(|r| (sort_key(&r), r)).collect();
    keyed.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.label.cmp(&b.1.label)));
    keyed.into_iter().map(|(_, r)| r).collect()
}

/// The first `n` rows, borrowing their points from the dataset.
fn materialize<'a>(ds: &'a Dataset, rows: &[RowIndex], n: usize) -> Vec<CategoryRow<'a>> {
    rows.iter()
        .take(n)
        .map(|r| CategoryRow {
            key: r.key.clone(),
            label: r.label.clone(),
            cells: r
                .cells
                .iter()
                .enumerate()
                .map(|(si, c)| {
                    c.map(|(pi, figure)| {
                        let point = &ds.series[si].points[pi];
                        Cell { figure, point, source: point_source(ds, si, point) }
                    })
                })
                .collect(),
        })
        .collect()
}

/// Category rows and regions kept between frames: sorting, per-million rates and grouping
/// are redone only when the dataset or the measure or region changes, not every frame.
#[derive(Default)]
pub struct RowsCache {
    entries: std::collections::HashMap<String, CachedRows>,
}

struct CachedRows {
    /// The pack's datasets these rows were computed from (address).
    pack: usize,
    measure: Measure,
    region: Option<String>,
    rows: Vec<RowIndex>,
    regions: Option<Vec<String>>,
    population_sources: Option<Vec<String>>,
}

impl RowsCache {
    fn entry(&mut self, pack: &Pack, ds: &Dataset, options: &Options) -> &mut CachedRows {
        let pack_key = pack.datasets.items.as_ptr() as usize;
        let fresh = |e: &CachedRows| e.pack == pack_key && e.measure == options.measure && e.region == options.region;
        let stale = self.entries.get(&ds.id).is_none_or(|e| !fresh(e));
        if stale {
            let regions = self.entries.remove(&ds.id).filter(|e| e.pack == pack_key).and_then(|e| e.regions);
            let all = Options { top_n: None, ..options.clone() };
            self.entries.insert(
                ds.id.clone(),
                CachedRows {
                    pack: pack_key,
                    measure: options.measure,
                    region: options.region.clone(),
                    rows: row_index(pack, ds, &all),
                    regions,
                    population_sources: None,
                },
            );
        }
        self.entries.get_mut(&ds.id).expect("just inserted")
    }

    /// Same as [`category_rows`], from the cache.
    pub fn rows<'a>(&mut self, pack: &Pack, ds: &'a Dataset, options: &Options) -> (Vec<CategoryRow<'a>>, usize) {
        let entry = self.entry(pack, ds, options);
        let total = entry.rows.len();
        (materialize(ds, &entry.rows, shown_rows(ds, options, total)), total)
    }

    /// Same as [`population_sources`] of all rows (no cut), from the cache.
    pub fn population_sources(&mut self, pack: &Pack, ds: &Dataset, options: &Options) -> Vec<String> {
        let entry = self.entry(pack, ds, options);
        let rows = &entry.rows;
        entry
            .population_sources
            .get_or_insert_with(|| population_sources(pack, rows.iter().map(|r| r.key.as_str())))
            .clone()
    }

    /// Same as [`regions`], from the cache.
    pub fn regions(&mut self, pack: &Pack, ds: &Dataset, options: &Options) -> Vec<String> {
        let entry = self.entry(pack, ds, options);
        entry.regions.get_or_insert_with(|| regions(pack, ds)).clone()
    }
}

/// One figure of a time chart.
#[derive(Debug, Clone)]
pub struct TimeMark<'a> {
    pub series: usize,
    pub point: &'a Point,
    pub figure: Figure,
    /// Where the point sits (the middle of the period its date covers).
    pub x: f64,
    /// Start and end of a period figure (`date` to `end`).
    pub span: Option<(f64, f64)>,
    pub source: Option<&'a str>,
}

/// Figures of a dated dataset, in series order then date order.
pub fn time_marks(ds: &Dataset) -> Vec<TimeMark<'_>> {
    let mut marks = Vec::new();
    for (si, series) in ds.series.iter().enumerate() {
        let mut points: Vec<&Point> = series.points.iter().filter(|p| p.date.is_some()).collect();
        points.sort_by_key(|p| p.date);
        for p in points {
            let Some(date) = p.date else { continue };
            let figure = Figure::of(p);
            if figure.is_empty() {
                continue;
            }
            let span = p.end.map(|end| (date.decimal_year(), day_to_decimal_year(end.end_day() + 1)));
            let x = span.map_or_else(|| date.mid_decimal_year(), |(a, b)| (a + b) / 2.0);
            marks.push(TimeMark { series: si, point: p, figure, x, span, source: point_source(ds, si, p) });
        }
    }
    marks
}

/// "June 2014" or "August 2015 to June 2016".
pub fn date_text(p: &Point) -> String {
    match (p.date, p.end) {
        (Some(d), Some(e)) => format!("{d} to {e}"),
        (Some(d), None) => d.to_string(),
        _ => String::new(),
    }
}

/// Every source a dataset cites, in order of first use.
pub fn dataset_sources(ds: &Dataset) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for (si, s) in ds.series.iter().enumerate() {
        for p in &s.points {
            if let Some(src) = point_source(ds, si, p)
                && !ids.iter().any(|i| i == src)
            {
                ids.push(src.to_string());
            }
        }
    }
    ids
}

/// Population sources used by a per-million view of a country dataset (rows by their key).
pub fn population_sources<'k>(pack: &Pack, keys: impl IntoIterator<Item = &'k str>) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for key in keys {
        if let Some(c) = pack.countries.get(key)
            && !ids.contains(&c.population.source)
        {
            ids.push(c.population.source.clone());
        }
    }
    ids
}

/// The time range covered by a set of marks, padded a little.
pub fn time_bounds(marks: &[TimeMark<'_>]) -> Option<(f64, f64)> {
    let mut lo = f64::MAX;
    let mut hi = f64::MIN;
    for m in marks {
        let (a, b) = m.span.unwrap_or((m.x, m.x));
        lo = lo.min(a);
        hi = hi.max(b);
    }
    (lo <= hi).then(|| {
        let pad = ((hi - lo) * 0.05).max(0.25);
        (lo - pad, hi + pad)
    })
}

/// Whether a date falls inside a time range.
pub fn date_in(date: PackDate, bounds: (f64, f64)) -> bool {
    let x = date.mid_decimal_year();
    x >= bounds.0 && x <= bounds.1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack() -> Pack {
        crate::content::load_builtin().pack
    }

    #[test]
    fn per_million_divides_by_population() {
        assert_eq!(per_million(500.0, 10_000_000.0), Some(50.0));
        assert_eq!(per_million(1.0, 0.0), None);
        let pack = pack();
        let ds = pack.datasets.get("ds-ff-by-country").expect("dataset");
        let options = Options { measure: Measure::PerMillion, region: None, top_n: None };
        let (rows, _) = category_rows(&pack, ds, &options);
        let absolute = Options { top_n: None, ..Options::default() };
        let (abs_rows, _) = category_rows(&pack, ds, &absolute);
        let row = rows.iter().find(|r| r.key == "BEL").expect("Belgium per million");
        let abs = abs_rows.iter().find(|r| r.key == "BEL").expect("Belgium absolute");
        let population = pack.countries.get("BEL").expect("country").population.value;
        for (a, b) in row.cells.iter().zip(&abs.cells) {
            if let (Some(a), Some(b)) = (a, b) {
                let expected = b.figure.sort_key() / population * 1e6;
                assert!((a.figure.sort_key() - expected).abs() < 1e-9, "{} vs {expected}", a.figure.sort_key());
            }
        }
        assert!(row.cells.iter().flatten().count() >= 1);
    }

    #[test]
    fn ranges_draw_to_the_low_end_and_sort_by_the_middle() {
        let range = Figure { value: None, low: Some(100.0), high: Some(250.0) };
        assert_eq!(range.bar_end(), Some(100.0));
        assert_eq!(range.range(), Some((100.0, 250.0)));
        assert_eq!(range.sort_key(), 175.0);
        assert_eq!(range.top(), 250.0);
        assert_eq!(range.text_with_kind(), "100–250 (range)");
        let value = Figure { value: Some(5.0), low: None, high: None };
        assert_eq!(value.range(), None);
        assert_eq!(value.bar_end(), Some(5.0));
        let both = Figure { value: Some(200.0), low: Some(100.0), high: Some(250.0) };
        assert_eq!(both.bar_end(), Some(200.0));
        assert_eq!(both.text_with_kind(), "200 (range 100–250)");
        let degenerate = Figure { value: None, low: Some(7.0), high: Some(7.0) };
        assert_eq!(degenerate.range(), None);
        assert_eq!(range.scaled(2.0), Figure { value: None, low: Some(200.0), high: Some(500.0) });
    }

    #[test]
    fn rows_are_sorted_filtered_and_cut() {
        let pack = pack();
        let ds = pack.datasets.get("ds-ff-by-country").expect("dataset");
        let (rows, total) = category_rows(&pack, ds, &Options { top_n: Some(5), ..Options::default() });
        assert_eq!(rows.len(), 5);
        assert!(total > 5);
        let keys: Vec<f64> = rows.iter().map(CategoryRow::sort_key).collect();
        assert!(keys.windows(2).all(|w| w[0] >= w[1]), "{keys:?}");
        let region = regions(&pack, ds).into_iter().next().expect("a region");
        let options = Options { region: Some(region.clone()), top_n: None, ..Options::default() };
        let (rows, _) = category_rows(&pack, ds, &options);
        assert!(!rows.is_empty());
        assert!(rows.iter().all(|r| pack.countries.get(&r.key).is_some_and(|c| c.region == region)));
    }

    #[test]
    fn cached_rows_follow_every_change_of_options() {
        let pack = pack();
        let mut cache = RowsCache::default();
        let region = regions(&pack, pack.datasets.get("ds-ff-by-country").expect("dataset"))
            .into_iter()
            .next()
            .expect("a region");
        let choices = [
            Options::default(),
            Options { measure: Measure::PerMillion, ..Options::default() },
            Options { region: Some(region), top_n: None, ..Options::default() },
            Options { top_n: Some(3), ..Options::default() },
            Options::default(),
        ];
        let label = |rows: &[CategoryRow<'_>]| -> Vec<(String, Vec<Option<Figure>>)> {
            rows.iter()
                .map(|r| (r.key.clone(), r.cells.iter().map(|c| c.as_ref().map(|c| c.figure)).collect()))
                .collect()
        };
        for ds in pack.datasets.iter().filter(|d| d.dimension != Dimension::Date) {
            for options in &choices {
                let (direct, total) = category_rows(&pack, ds, options);
                let (cached, cached_total) = cache.rows(&pack, ds, options);
                assert_eq!(total, cached_total, "{} {options:?}", ds.id);
                assert_eq!(label(&direct), label(&cached), "{} {options:?}", ds.id);
                let all = category_rows(&pack, ds, &Options { top_n: None, ..options.clone() }).0;
                assert_eq!(
                    cache.population_sources(&pack, ds, options),
                    population_sources(&pack, all.iter().map(|r| r.key.as_str()))
                );
                assert_eq!(cache.regions(&pack, ds, options), regions(&pack, ds));
            }
        }
    }

    #[test]
    fn pages_group_datasets_and_cover_every_dataset() {
        let pack = pack();
        let pages = pages(&pack);
        let mut covered: Vec<usize> = pages.iter().flat_map(|p| p.datasets.clone()).collect();
        covered.sort();
        assert_eq!(covered, (0..pack.datasets.len()).collect::<Vec<_>>());
        assert_eq!(pages[0].id(&pack), "ds-ff-by-country");
        let platforms = pages.iter().find(|p| p.contains(&pack, "ds-meta-actioned")).expect("platform page");
        assert!(platforms.datasets.len() >= 2);
    }

    #[test]
    fn period_marks_span_their_dates() {
        let pack = pack();
        let ds = pack.datasets.get("ds-twitter-suspensions").expect("dataset");
        let marks = time_marks(ds);
        let period = marks.iter().find(|m| m.span.is_some()).expect("a period");
        let (a, b) = period.span.expect("span");
        assert!(a < b && period.x > a && period.x < b);
        assert!(time_bounds(&marks).is_some());
    }
}

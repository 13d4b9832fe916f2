//! Exports of a chart: its figures as CSV (with a column naming each figure's source) and
//! the chart as an image, the file names they get, and the row of buttons that asks for
//! them with the folder they go to. Writing is an effect
//! ([`crate::action::Effect::WriteFile`]), carried out by the platform.

use egui::Ui;

use super::model::{Figure, Measure, Options, category_rows, dimension_label, time_marks, unit_label};
use crate::action::{Action, BrowseFor, ExportKind};
use crate::content::Pack;
use crate::content::schema::Dimension;
use crate::content::schema::{Dataset, Point};
use crate::state::AppState;

/// The export buttons and the export-folder field. A click on "Export chart as image" puts
/// the file name in `image_asked` (the view takes the picture once the chart is in view);
/// `folder_text` is the field's text while it is edited.
pub fn export_row(
    ui: &mut Ui,
    pack: &Pack,
    state: &AppState,
    ds: &Dataset,
    options: &Options,
    image_asked: &mut Option<String>,
    folder_text: &mut Option<String>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let csv_name = export_file_name(ds, options);
    // In a browser, exports are downloads: the browser decides where they go.
    let web = cfg!(target_arch = "wasm32");
    let where_to = if web { "as a download" } else { "in the export folder below" };
    ui.horizontal(|ui| {
        let png_name = csv_name.replace(".csv", ".png");
        let r = ui
            .button("Export chart as image")
            .on_hover_text(format!("Saves {png_name} (takeaway, chart, legend and sources) {where_to}"));
        if r.clicked() {
            *image_asked = Some(png_name);
        }
        let r = ui
            .button("Export data as CSV")
            .on_hover_text(format!("Saves {csv_name} {where_to}, with a column naming each figure's source"));
        if r.clicked() {
            let bytes = csv(pack, ds, options).into_bytes();
            actions.push(Action::ExportFile { file_name: csv_name.clone(), bytes, kind: ExportKind::ChartData });
        }
    });
    if web {
        ui.label("Exports download through your browser, into its downloads folder.");
        return actions;
    }
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Save exports in:");
        let buffer = folder_text.get_or_insert_with(|| state.settings.export_dir.clone());
        let field = egui::TextEdit::singleline(buffer).hint_text(state.export_hint.as_str()).desired_width(420.0);
        let field = ui.add(field).labelled_by(label.id);
        crate::widgets::name_control(&field, "Save exports in:", egui::Role::TextInput, buffer);
        if field.lost_focus() && *buffer != state.settings.export_dir {
            actions.push(Action::SetExportDir(buffer.trim().to_string()));
        }
        let browse = ui.button("Choose folder…").on_hover_text("Pick the export folder with the system's file dialog");
        if browse.clicked() {
            actions.push(Action::Browse(BrowseFor::ExportFolder));
            *folder_text = None;
        }
    });
    actions
}

/// A file name for the export, from the dataset title: `foreign-fighters-by-country.csv`.
pub fn export_file_name(ds: &Dataset, options: &Options) -> String {
    let mut slug = String::new();
    for ch in ds.title.chars() {
        if ch.is_ascii_alphanumeric() {
            slug.push(ch.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 60 {
            break;
        }
    }
    let mut slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        slug = ds.id.clone();
    }
    if ds.dimension == Dimension::Country && options.measure == Measure::PerMillion {
        slug.push_str("-per-million");
    }
    format!("{slug}.csv")
}

/// The chart's numbers as CSV: a header, one row per figure, and a sources column with full citations.
pub fn csv(pack: &Pack, ds: &Dataset, options: &Options) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let unit = unit_label(ds, options);
    let per_million = ds.dimension == Dimension::Country && options.measure == Measure::PerMillion;
    let mut header: Vec<String> = vec!["dataset".into(), "series".into()];
    match ds.dimension {
        Dimension::Country => header.extend(["country_iso3".into(), "country".into()]),
        Dimension::Date => header.extend(["date".into(), "end".into()]),
        d => header.push(dimension_label(d).to_lowercase()),
    }
    header.extend(["value", "low", "high", "unit", "as_of", "note"].map(String::from));
    if per_million {
        header.extend(["population", "population_as_of"].map(String::from));
    }
    header.push("sources".into());
    // A Vec<u8> writer cannot fail; errors would only come from inconsistent row lengths.
    let _ = w.write_record(&header);
    let mut write = |series: usize, keys: Vec<String>, figure: Figure, p: &Point, source: Option<&str>| {
        let mut record = vec![ds.id.clone(), ds.series[series].label.clone()];
        record.extend(keys);
        record.extend([number(figure.value), number(figure.low), number(figure.high)]);
        record.extend([unit.clone(), p.as_of.iso(), p.note.clone()]);
        let mut sources: Vec<String> = source.map(|s| citation(pack, s)).into_iter().collect();
        if per_million {
            let country = p.country.as_deref().and_then(|c| pack.countries.get(c));
            record.push(country.map(|c| number(Some(c.population.value))).unwrap_or_default());
            record.push(country.map(|c| c.population.as_of.iso()).unwrap_or_default());
            if let Some(c) = country {
                sources.push(format!("Population: {}", citation(pack, &c.population.source)));
            }
        }
        record.push(sources.join("; "));
        let _ = w.write_record(&record);
    };
    if ds.dimension == Dimension::Date {
        for m in time_marks(ds) {
            let keys = vec![
                m.point.date.map(|d| d.iso()).unwrap_or_default(),
                m.point.end.map(|d| d.iso()).unwrap_or_default(),
            ];
            write(m.series, keys, m.figure, m.point, m.source);
        }
    } else {
        let (rows, _) = category_rows(pack, ds, options);
        for row in &rows {
            for (si, cell) in row.cells.iter().enumerate() {
                let Some(cell) = cell else { continue };
                let keys = if ds.dimension == Dimension::Country {
                    vec![row.key.clone(), row.label.clone()]
                } else {
                    vec![row.label.clone()]
                };
                write(si, keys, cell.figure, cell.point, cell.source);
            }
        }
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn citation(pack: &Pack, id: &str) -> String {
    pack.sources.get(id).map_or_else(|| id.to_string(), |s| pack.citation(s))
}

fn number(v: Option<f64>) -> String {
    match v {
        Some(v) if v.fract().abs() < 1e-9 => format!("{v:.0}"),
        Some(v) => format!("{v:.2}"),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack() -> Pack {
        crate::content::load_builtin().pack
    }

    #[test]
    fn csv_has_header_rows_and_sources() {
        let pack = pack();
        let ds = pack.datasets.get("ds-ff-by-country").expect("dataset");
        let options = Options { top_n: None, ..Options::default() };
        let text = csv(&pack, ds, &options);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader.headers().expect("header").iter().map(String::from).collect();
        assert_eq!(header[..4], ["dataset", "series", "country_iso3", "country"]);
        assert_eq!(header.last().map(String::as_str), Some("sources"));
        let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
        let figures: usize = ds.series.iter().map(|s| s.points.len()).sum();
        assert_eq!(records.len(), figures);
        let col = |name: &str| header.iter().position(|h| h == name).expect(name);
        // A range-only figure keeps both ends and leaves the value empty.
        let (series, point) = ds
            .series
            .iter()
            .find_map(|s| s.points.iter().find(|p| p.value.is_none() && p.low.is_some()).map(|p| (s, p)))
            .expect("a range figure in the pack");
        let iso = point.country.as_deref().expect("country");
        let row = records
            .iter()
            .find(|r| &r[col("country_iso3")] == iso && r[col("series")] == series.label)
            .expect("range row exported");
        assert_eq!(&row[col("value")], "");
        assert_eq!(row[col("low")].parse::<f64>().ok(), point.low);
        assert_eq!(row[col("high")].parse::<f64>().ok(), point.high);
        let source = pack.sources.get(series.source.as_deref().expect("series source")).expect("source");
        assert!(row[col("sources")].contains(&source.title), "{}", &row[col("sources")]);
        // Per million adds the population and its source.
        let pm = csv(&pack, ds, &Options { measure: Measure::PerMillion, ..options });
        assert!(pm.lines().next().is_some_and(|h| h.contains("population")));
        assert!(pm.contains("Population: "));
        assert_eq!(export_file_name(ds, &Options::default()).rsplit('.').next(), Some("csv"));
    }

    #[test]
    fn csv_of_a_time_dataset_lists_periods() {
        let pack = pack();
        let ds = pack.datasets.get("ds-twitter-suspensions").expect("dataset");
        let text = csv(&pack, ds, &Options::default());
        assert!(text.starts_with("dataset,series,date,end,value,low,high,unit,as_of,note,sources"));
        let periods = ds.series.iter().flat_map(|s| &s.points).filter(|p| p.end.is_some()).count();
        let rows_with_end = csv::Reader::from_reader(text.as_bytes())
            .records()
            .filter(|r| r.as_ref().is_ok_and(|r| !r[3].is_empty()))
            .count();
        assert_eq!(rows_with_end, periods);
    }
}

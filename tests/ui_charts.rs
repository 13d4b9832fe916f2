//! UI tests of the Charts view: every chart opens from the picker with its title and source
//! line, the data table shows the pack's rows, and `--focus DATASET --view charts` picks a chart.

mod common;

use decoded::action::Action;
use decoded::app::StartOptions;
use decoded::route::Route;
use decoded::views::charts::model;
use egui_kittest::kittest::Queryable;

fn charts() -> egui_kittest::Harness<'static, decoded::app::DecodedApp> {
    let mut harness = common::home();
    harness.get_all_by_label("Charts").next().expect("navigation entry").click();
    harness.run();
    assert_eq!(harness.state().state.route, Route::Charts);
    harness
}

#[test]
fn every_chart_opens_from_the_picker_with_title_takeaway_and_source_line() {
    let mut harness = charts();
    let pack = harness.state().pack.clone();
    let pages = model::pages(&pack);
    assert!(pages.len() >= 6, "only {} chart pages", pages.len());
    for page in pages.iter().rev() {
        // The picker button comes before the page heading of the same name.
        harness.get_all_by_label(&page.title).next().expect("picker button").click();
        harness.run();
        assert_eq!(harness.state().state.chart.as_deref(), Some(page.id(&pack)), "page {}", page.title);
        assert!(harness.get_all_by_label(&page.title).count() >= 2, "title of {} not shown", page.title);
        for &i in &page.datasets {
            let ds = &pack.datasets.items[i];
            assert!(common::shows(&harness, &ds.takeaway), "takeaway of {} not shown", ds.id);
            let first_source = model::dataset_sources(ds).into_iter().next().expect("a source");
            let cite = pack.cite_label(&first_source);
            assert!(common::shows(&harness, &cite), "source {cite} of {} not shown", ds.id);
        }
        assert!(common::shows(&harness, "Source"));
    }
}

#[test]
fn source_line_opens_the_sources_page() {
    // A short chart, so the source line is on screen without scrolling.
    let options = StartOptions {
        start: Route::from_cli(Some("charts"), Some("ds-winter-themes")).expect("cli"),
        ..Default::default()
    };
    let mut harness = common::app(options);
    let pack = harness.state().pack.clone();
    let ds = pack.datasets.get("ds-winter-themes").expect("dataset");
    let id = model::dataset_sources(ds).into_iter().next().expect("source");
    let cite = pack.cite_label(&id);
    // The chart's source line (the explanatory panel has "Source: …" chips of its own).
    harness.get_all_by_label(&cite).next().expect("source link").click();
    harness.run();
    assert_eq!(harness.state().state.route, Route::Sources);
    assert_eq!(harness.state().state.focus.as_ref().map(|f| f.id.clone()), Some(id));
}

#[test]
fn data_table_shows_the_countries_of_the_chart() {
    let mut harness = charts();
    let pack = harness.state().pack.clone();
    let ds = pack.datasets.get("ds-ff-by-country").expect("dataset");
    let (rows, _) = model::category_rows(&pack, ds, &model::Options::default());
    let country = rows[0].label.clone();
    assert!(pack.countries.iter().any(|c| c.name == country), "{country} is a pack country");
    // Axis labels are painted, not text nodes: the name appears only once the table is shown.
    assert_eq!(harness.query_all_by_label(&country).count(), 0, "{country} shown before the table");
    harness.get_by_label("Show data table").click();
    harness.run();
    assert!(harness.query_all_by_label(&country).count() >= 1, "{country} not in the data table");
    // Clicking the country in the table focuses it in the explanatory panel.
    harness.get_all_by_label(&country).next().expect("country link").scroll_to_me();
    harness.run();
    harness.get_all_by_label(&country).next().expect("country link").click();
    harness.run();
    let focus = harness.state().state.focus.clone().expect("focus");
    assert_eq!(focus.id, rows[0].key);
}

#[test]
fn per_million_switch_names_the_population_source() {
    let mut harness = charts();
    assert!(!common::shows(&harness, "Population figures:"));
    harness.get_by_label("Per million inhabitants").click();
    harness.run();
    assert!(common::shows(&harness, "Population figures:"));
    harness.get_by_label("Show data table").click();
    harness.run();
    assert!(common::shows(&harness, "Data table (people per million inhabitants)"));
}

#[test]
fn focus_option_and_show_chart_choose_the_chart() {
    let options = StartOptions {
        start: Route::from_cli(Some("charts"), Some("ds-winter-themes")).expect("cli"),
        ..Default::default()
    };
    let mut harness = common::app(options);
    assert_eq!(harness.state().state.route, Route::Charts);
    assert_eq!(harness.state().state.chart.as_deref(), Some("ds-winter-themes"));
    let title = harness.state().pack.datasets.get("ds-winter-themes").expect("dataset").title.clone();
    assert!(harness.get_all_by_label(&title).count() >= 2);
    harness.state_mut().apply(Action::ShowChart("ds-territory-population".into()));
    harness.run();
    assert!(common::shows(&harness, "Territory under control"));
    let area = harness.state().pack.datasets.get("ds-territory-area").expect("dataset").title.clone();
    assert!(common::shows(&harness, &area));
}

#[test]
fn the_area_chart_page_shows_the_model_against_the_published_figures_with_a_table() {
    let options = StartOptions {
        start: Route::from_cli(Some("charts"), Some("ds-territory-area")).expect("cli"),
        ..Default::default()
    };
    let mut harness = common::app(options);
    assert!(common::shows(&harness, "Modelled area against published figures"));
    assert!(harness.query_by_label("Model: held").is_some(), "the model's held line in the legend");
    assert!(harness.query_by_label("Model: held + desert").is_some());
    assert!(common::shows(&harness, "Sources (published figures, then the model's dated towns):"));
    assert!(!common::shows(&harness, "Published figures beside the model (table)"));
    harness.get_by_label("Show data table").click_accesskit();
    harness.run();
    assert!(common::shows(&harness, "Published figures beside the model (table)"));
    assert!(common::shows(&harness, "Every month of the model (table)"));
}

#[test]
fn at_1280_px_nothing_in_a_chart_page_runs_under_the_explanations_panel() {
    use egui_kittest::kittest::NodeT as _;
    let loaded = decoded::app::load_content(None);
    let start = Route::from_cli(Some("charts"), None).expect("charts");
    let app =
        decoded::app::DecodedApp::from_parts(loaded, &StartOptions { start, ..Default::default() }, Default::default());
    let mut harness =
        egui_kittest::Harness::builder().with_size(egui::vec2(1280.0, 800.0)).build_eframe(move |_cc| app);
    harness.run();
    let pack = harness.state().pack.clone();
    let panel_left = harness.get_by_label("Explanations").rect().left();
    let mut over = Vec::new();
    for page in model::pages(&pack) {
        harness.get_all_by_label(&page.title).next().expect("picker button").click();
        harness.run();
        over.extend(
            harness
                .root()
                .children_recursive()
                .filter(|n| !n.accesskit_node().is_hidden() && n.accesskit_node().bounding_box().is_some())
                .map(|n| (n.accesskit_node().label().unwrap_or_default(), n.rect()))
                .filter(|(label, r)| r.left() < panel_left - 20.0 && r.right() > panel_left + 1.0 && !label.is_empty())
                .map(|(label, r)| format!("{}: {label:?} {r:?}", page.title)),
        );
    }
    assert!(over.is_empty(), "the Explanations panel starts at {panel_left}; these run under it:\n{}", over.join("\n"));
}

/// "Export chart as image" photographs the window, so the chart must be in view and nothing
/// around it may be kept. Scrolled to (as a screen reader does), the export button is in view
/// but the chart's top (its takeaway) is not: the export scrolls the chart up and keeps its
/// takeaway, legend, chart and source line, and nothing of the top bar or the Explanations
/// panel. At 1280×720 the chart is taller than the view, so it is taken in parts while it
/// scrolls, each part starting where the last one ended; in a tall window, in one part.
#[test]
fn an_image_export_keeps_the_whole_chart_and_nothing_around_it() {
    let export = |height: f32| {
        let start = Route::from_cli(Some("charts"), None).expect("view");
        let mut harness = common::app(StartOptions { start, ..Default::default() });
        harness.set_size(egui::vec2(1280.0, height));
        harness.run();
        harness.get_all_by_label("Export chart as image").next().expect("export button").scroll_to_me();
        harness.run();
        let pack = harness.state().pack.clone();
        let ds = pack.datasets.items[model::pages(&pack)[0].datasets[0]].clone();
        let takeaway = |h: &egui_kittest::Harness<'static, decoded::app::DecodedApp>| {
            h.get_all_by_label(&ds.takeaway).next().expect("takeaway").rect()
        };
        let before = takeaway(&harness).top();
        harness.get_all_by_label("Export chart as image").next().expect("export button").click();
        harness.run_steps(200);
        assert!(!harness.state().search_open());
        let parts = harness.state().last_image().to_vec();
        // The chart as laid out now: from its takeaway to the end of its source line.
        let chart = egui::Rect::from_min_max(
            takeaway(&harness).left_top(),
            egui::pos2(
                takeaway(&harness).right(),
                harness.get_all_by_label("Sources:").next().expect("source").rect().bottom(),
            ),
        );
        let panel = harness.get_by_label("Explanations").rect().left();
        (before, parts, chart, panel)
    };
    for height in [720.0, 1600.0] {
        let (before, parts, chart, panel) = export(height);
        assert!(!parts.is_empty(), "{height}: nothing was exported");
        let whole = parts[0].1.whole;
        // (The source line may wrap onto a second line below its "Sources:" label.)
        let fits = whole.y >= chart.height() - 1.0 && whole.y <= chart.height() + 60.0;
        assert!(fits, "{height}: the image holds the chart, takeaway to source line: {whole:?}, chart {chart:?}");
        let mut next = 0.0;
        for (i, (rect, part)) in parts.iter().enumerate() {
            assert!((part.top - next).abs() < 0.5, "{height}: part {i} starts at {} not {next}", part.top);
            assert_eq!(part.last, i + 1 == parts.len(), "{height}: only the last part is last");
            assert!(rect.top() >= 100.0, "{height}: part {i} is below the top bar: {rect:?}");
            assert!(rect.bottom() <= height, "{height}: part {i} is inside the window: {rect:?}");
            assert!(rect.right() <= panel, "{height}: part {i} keeps nothing of the Explanations panel: {rect:?}");
            next += rect.height();
        }
        assert!((next - whole.y).abs() < 1.0, "{height}: the parts add up to the image ({next} of {})", whole.y);
        if height < 1000.0 {
            assert!(before < 0.0, "the takeaway was out of view before the export (top at {before})");
            assert!(parts.len() >= 2, "a chart taller than the view is taken in parts ({})", parts.len());
        } else {
            assert_eq!(parts.len(), 1, "a chart that fits is taken at once");
        }
    }
}

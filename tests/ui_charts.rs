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

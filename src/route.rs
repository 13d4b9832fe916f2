//! Where the user is: the views of the app, the item in focus, and the map's layers.
//!
//! This is the vocabulary the command line, saved settings, lesson steps, the pack
//! validator and the navigation share, so it lives in one table, [`VIEWS`]: a view has
//! one name everywhere. It imports nothing from the rest of the crate, so the content
//! format (a lesson step names a view and map layers) and the app can both use it
//! without an import circle.
//!
//! Adding a view: a [`Route`] variant, one row in [`VIEWS`], its module under
//! `views/`, and the arm the compiler then asks for in `views::Views::ui`.

use std::mem::discriminant;

/// The views of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    /// A topic page, by section id.
    Section(String),
    Timeline,
    Glossary,
    Sources,
    Help,
    /// Charts of the pack's datasets (the chosen chart is `AppState::chart`).
    Charts,
    /// The map of territory, places and foreign-fighter flows.
    Map,
    /// The lessons, with "Start presenting" and presenter settings.
    Lessons,
    /// Quiz questions, one at a time (the section is `AppState::quiz_section`).
    Quiz,
    /// "Spot the technique": invented posts to judge.
    Practice,
    /// "For teachers": the guide to teaching the pack safely (the page is `AppState::guide_page`).
    Teachers,
    /// Before-and-after checks and this computer's results (the check is `AppState::check`).
    Checks,
    /// One lesson's plan, read before class (the lesson is `AppState::plan_lesson`).
    Plan,
    /// The pack's licences and credits (its `notice` page).
    Credits,
}

/// Where a view is listed in the navigation panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NavGroup {
    /// Above the groups (Home).
    Top,
    /// "Explore": the timeline, charts, map and the learning views.
    Explore,
    /// "Reference": glossary, sources, help.
    Reference,
}

/// One view: its name, the route it opens, and where the navigation lists it.
#[derive(Debug)]
pub struct ViewInfo {
    /// The name `--view`, lesson steps (`show.view`) and saved settings use.
    pub name: &'static str,
    /// The route the name opens; `Section`'s id comes from `--focus` (or the step's focus).
    pub route: Route,
    /// Where the navigation lists it, and with which label; `None` for sections, which
    /// are listed one by one.
    pub nav: Option<(NavGroup, &'static str)>,
    /// What `--focus` does with this view (for `--help`); empty if it only focuses an item.
    pub focus_help: &'static str,
}

/// Every view, in the order `--help` and error messages list them.
pub static VIEWS: [ViewInfo; 15] = [
    ViewInfo { name: "home", route: Route::Home, nav: Some((NavGroup::Top, "Home")), focus_help: "" },
    ViewInfo {
        name: "section",
        route: Route::Section(String::new()),
        nav: None,
        focus_help: "with --focus SECTION_ID",
    },
    ViewInfo { name: "timeline", route: Route::Timeline, nav: Some((NavGroup::Explore, "Timeline")), focus_help: "" },
    ViewInfo { name: "charts", route: Route::Charts, nav: Some((NavGroup::Explore, "Charts")), focus_help: "" },
    ViewInfo { name: "map", route: Route::Map, nav: Some((NavGroup::Explore, "Map")), focus_help: "" },
    ViewInfo {
        name: "lessons",
        route: Route::Lessons,
        nav: Some((NavGroup::Explore, "Lessons")),
        focus_help: "with --focus LESSON_ID: start presenting it",
    },
    ViewInfo { name: "quiz", route: Route::Quiz, nav: Some((NavGroup::Explore, "Quiz")), focus_help: "" },
    ViewInfo {
        name: "practice",
        route: Route::Practice,
        nav: Some((NavGroup::Explore, "Spot the technique")),
        focus_help: "",
    },
    ViewInfo {
        name: "checks",
        route: Route::Checks,
        nav: Some((NavGroup::Explore, "Before and after checks")),
        focus_help: "with --focus CHECK_ID: start that check",
    },
    ViewInfo { name: "plan", route: Route::Plan, nav: None, focus_help: "with --focus LESSON_ID: that lesson's plan" },
    ViewInfo { name: "glossary", route: Route::Glossary, nav: Some((NavGroup::Reference, "Glossary")), focus_help: "" },
    ViewInfo { name: "sources", route: Route::Sources, nav: Some((NavGroup::Reference, "Sources")), focus_help: "" },
    ViewInfo {
        name: "help",
        route: Route::Help,
        nav: Some((NavGroup::Reference, "Where to get help")),
        focus_help: "",
    },
    ViewInfo {
        name: "teachers",
        route: Route::Teachers,
        nav: Some((NavGroup::Reference, "For teachers")),
        focus_help: "with --focus PAGE_ID: that page of the guide",
    },
    ViewInfo {
        name: "credits",
        route: Route::Credits,
        nav: Some((NavGroup::Reference, "Licences and credits")),
        focus_help: "",
    },
];

/// The names of every view, in table order.
pub fn view_names() -> impl Iterator<Item = &'static str> {
    VIEWS.iter().map(|v| v.name)
}

/// "home, section, timeline, …": the valid names, for error messages.
pub fn view_list() -> String {
    view_names().collect::<Vec<_>>().join(", ")
}

/// The `--view` help text, from the table.
pub fn cli_help() -> String {
    let names: Vec<String> = VIEWS
        .iter()
        .map(|v| if v.focus_help.is_empty() { v.name.to_string() } else { format!("{} ({})", v.name, v.focus_help) })
        .collect();
    format!("Open straight at a view: {}", names.join(", "))
}

impl Route {
    /// The row of [`VIEWS`] for this route.
    pub fn info(&self) -> &'static ViewInfo {
        let kind = discriminant(self);
        // Every variant has a row (checked by a test), so the fallback is never used.
        VIEWS.iter().find(|v| discriminant(&v.route) == kind).unwrap_or(&VIEWS[0])
    }

    /// The lower-case name `--view`, lessons and saved settings use.
    pub fn name(&self) -> &'static str {
        self.info().name
    }

    /// The route a view name stands for; `section` needs the section id.
    pub fn from_name(name: &str, section: Option<&str>) -> Result<Route, String> {
        let Some(view) = VIEWS.iter().find(|v| v.name == name) else {
            return Err(format!("unknown view \"{name}\"; valid views are: {}", view_list()));
        };
        match (&view.route, section) {
            (Route::Section(_), Some(id)) => Ok(Route::Section(id.to_string())),
            (Route::Section(_), None) => {
                Err("--view section needs --focus SECTION_ID (for example --focus sec-narratives)".into())
            }
            (route, _) => Ok(route.clone()),
        }
    }

    /// Parses `--view NAME [--focus ID]`.
    pub fn from_cli(view: Option<&str>, focus: Option<&str>) -> Result<StartRoute, String> {
        let route = view.map(|name| Route::from_name(name, focus)).transpose()?;
        Ok(StartRoute { route, focus: focus.map(str::to_string) })
    }

    /// A stable string for saving (`section:sec-x`).
    pub fn to_saved(&self) -> String {
        match self {
            Route::Section(id) => format!("section:{id}"),
            other => other.name().to_string(),
        }
    }

    pub fn from_saved(s: &str) -> Option<Route> {
        match s.split_once(':') {
            Some(("section", id)) => Some(Route::Section(id.to_string())),
            _ => Route::from_name(s, None).ok(),
        }
    }
}

/// Where the app should open, from the command line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StartRoute {
    pub route: Option<Route>,
    pub focus: Option<String>,
}

/// Kinds of item the explanatory panel can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FocusKind {
    Section,
    Event,
    Place,
    Country,
    Term,
    Source,
    Dataset,
}

/// The focused item: what the explanatory panel explains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Focus {
    pub kind: FocusKind,
    pub id: String,
}

impl Focus {
    pub fn new(kind: FocusKind, id: impl Into<String>) -> Self {
        Focus { kind, id: id.into() }
    }
}

/// A layer of the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapLayer {
    /// The modelled area held at the date cursor.
    Territory,
    /// Places held or retaken.
    Places,
    /// Foreign-fighter flows.
    Flows,
}

impl MapLayer {
    pub const ALL: [MapLayer; 3] = [MapLayer::Territory, MapLayer::Places, MapLayer::Flows];

    /// The name lesson steps use (`show.layers`).
    pub fn name(self) -> &'static str {
        match self {
            MapLayer::Territory => "territory",
            MapLayer::Places => "places",
            MapLayer::Flows => "flows",
        }
    }

    pub fn from_name(name: &str) -> Option<MapLayer> {
        MapLayer::ALL.into_iter().find(|l| l.name() == name)
    }

    /// The label of the layer's checkbox.
    pub fn label(self) -> &'static str {
        match self {
            MapLayer::Territory => "Territory",
            MapLayer::Places => "Places",
            MapLayer::Flows => "Foreign-fighter flows",
        }
    }
}

/// Which map layers are on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MapLayers {
    territory: bool,
    places: bool,
    flows: bool,
}

impl Default for MapLayers {
    /// Territory and places; flows when asked for.
    fn default() -> Self {
        MapLayers { territory: true, places: true, flows: false }
    }
}

impl MapLayers {
    /// No layer on.
    pub const NONE: MapLayers = MapLayers { territory: false, places: false, flows: false };

    /// Exactly these layers.
    pub fn only(layers: impl IntoIterator<Item = MapLayer>) -> Self {
        let mut out = MapLayers::NONE;
        for layer in layers {
            *out.flag_mut(layer) = true;
        }
        out
    }

    pub fn contains(self, layer: MapLayer) -> bool {
        match layer {
            MapLayer::Territory => self.territory,
            MapLayer::Places => self.places,
            MapLayer::Flows => self.flows,
        }
    }

    /// The switch of one layer (for a checkbox).
    pub fn flag_mut(&mut self, layer: MapLayer) -> &mut bool {
        match layer {
            MapLayer::Territory => &mut self.territory,
            MapLayer::Places => &mut self.places,
            MapLayer::Flows => &mut self.flows,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_has_one_row_and_names_round_trip() {
        let routes = [
            Route::Home,
            Route::Section("sec-a".into()),
            Route::Timeline,
            Route::Glossary,
            Route::Sources,
            Route::Help,
            Route::Charts,
            Route::Map,
            Route::Lessons,
            Route::Quiz,
            Route::Practice,
            Route::Teachers,
            Route::Checks,
            Route::Plan,
            Route::Credits,
        ];
        assert_eq!(routes.len(), VIEWS.len());
        for r in routes {
            assert_eq!(VIEWS.iter().filter(|v| discriminant(&v.route) == discriminant(&r)).count(), 1, "{r:?}");
            assert_eq!(Route::from_saved(&r.to_saved()), Some(r.clone()));
            assert_eq!(Route::from_name(r.name(), Some("sec-a")), Ok(r));
        }
    }

    #[test]
    fn cli_views_parse_and_unknown_lists_valid() {
        assert_eq!(Route::from_cli(Some("glossary"), None).map(|s| s.route), Ok(Some(Route::Glossary)));
        assert_eq!(Route::from_cli(Some("help"), None).map(|s| s.route), Ok(Some(Route::Help)));
        let err = Route::from_cli(Some("nope"), None).err().unwrap_or_default();
        assert!(err.contains("home") && err.contains("sources") && err.contains("help"), "{err}");
        assert!(Route::from_cli(Some("section"), None).is_err());
        assert!(cli_help().contains("section (with --focus SECTION_ID)"));
    }

    #[test]
    fn map_layers_by_name() {
        for layer in MapLayer::ALL {
            assert_eq!(MapLayer::from_name(layer.name()), Some(layer));
        }
        assert_eq!(MapLayer::from_name("roads"), None);
        let flows = MapLayers::only([MapLayer::Flows]);
        assert!(flows.contains(MapLayer::Flows) && !flows.contains(MapLayer::Places));
    }
}

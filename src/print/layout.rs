//! A small page-layout engine on top of krilla: blocks (headings, paragraphs, list items,
//! tick boxes, answer lines, tables, cut-out cards) flow into pages of A4 or US Letter,
//! wrapped with the fonts' real advance widths; headings keep with what follows, a paragraph
//! never leaves one line alone at the foot of a page; every page gets a header and a footer
//! "PART · page i of n" numbered within its part.
//!
//! Layout first places everything as [`Op`]s per page (so page counts are known), then
//! [`render`] draws the ops with krilla. Nothing here reads files or knows about packs.
//!
//! Why one file of about 740 lines (and its tests): every kind of block is placed on one
//! `Flow` (the page geometry) with one line breaker ([`wrap`]), and [`render`] draws the
//! `Op`s they make; together, the layout reads from the first block to the last page.

use krilla::color::rgb;
use krilla::geom::{Path, PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};

use super::fonts::{FaceId, Fonts};

/// Body text size, points.
pub const BODY: f32 = 10.5;
/// Small print (notes, labels, citations), points.
pub const SMALL: f32 = 9.0;
const LEADING: f32 = 1.38;
const MARGIN_X: f32 = 56.0;
const MARGIN_TOP: f32 = 62.0;
const MARGIN_BOTTOM: f32 = 58.0;
const INDENT: f32 = 16.0;
const CARD_GAP: f32 = 22.0;

/// Paper sizes teachers print on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    pub const ALL: [Paper; 2] = [Paper::A4, Paper::Letter];

    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }

    /// `a4` or `letter`, as on the command line and in file names.
    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "US Letter",
        }
    }
}

/// A piece of text in one weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Run {
        Run { text: text.into(), bold: false }
    }
    pub fn bold(text: impl Into<String>) -> Run {
        Run { text: text.into(), bold: true }
    }
}

/// Grey levels used for text and lines (0 = black).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Ink,
    Muted,
    Faint,
}

impl Tone {
    fn gray(self) -> u8 {
        match self {
            Tone::Ink => 0x10,
            Tone::Muted => 0x55,
            Tone::Faint => 0xa8,
        }
    }
}

/// One thing in the flow of a part.
#[derive(Debug, Clone)]
pub enum Block {
    /// Level 1 (part title), 2 or 3; kept with the next block.
    Heading { level: u8, text: String },
    /// Wrapped text.
    Para { runs: Vec<Run>, size: f32, indent: f32, tone: Tone },
    /// A bullet or numbered item: the marker hangs left of the wrapped text.
    Item { marker: String, runs: Vec<Run>, depth: u8 },
    /// A choice with an empty tick box in front.
    Choice { runs: Vec<Run> },
    /// Ruled lines to write an answer on.
    Lines(u32),
    /// A table: column widths as shares of the text width, a bold header row, rows of cells.
    Table { widths: Vec<f32>, header: Vec<String>, rows: Vec<Vec<Vec<Run>>> },
    /// A card in a box with a dashed cut line under it: a label, then blocks of text.
    Card { label: String, runs: Vec<Vec<Run>>, answer_lines: u32, per_page: u32 },
    /// Vertical space, points.
    Space(f32),
    /// Go on at the top of the next page.
    PageBreak,
    /// Blocks kept on one page (a question with its choices, a prompt with its answer
    /// lines), unless together they are taller than a page.
    Keep(Vec<Block>),
}

impl Block {
    pub fn heading(level: u8, text: impl Into<String>) -> Block {
        Block::Heading { level, text: text.into() }
    }
    pub fn para(runs: Vec<Run>) -> Block {
        Block::Para { runs, size: BODY, indent: 0.0, tone: Tone::Ink }
    }
    pub fn text(text: impl Into<String>) -> Block {
        Block::para(vec![Run::plain(text)])
    }
    pub fn small(runs: Vec<Run>) -> Block {
        Block::Para { runs, size: SMALL, indent: 0.0, tone: Tone::Muted }
    }
    pub fn bullet(runs: Vec<Run>) -> Block {
        Block::Item { marker: "•".into(), runs, depth: 0 }
    }
    pub fn numbered(n: usize, runs: Vec<Run>) -> Block {
        Block::Item { marker: format!("{n}."), runs, depth: 0 }
    }
}

/// A run of pages numbered on their own ("Lesson 1 plan · page 2 of 4"); starts on a new page.
#[derive(Debug, Clone)]
pub struct Part {
    pub title: String,
    pub blocks: Vec<Block>,
}

/// A whole PDF: its title (header and metadata), the pack's title, and its parts.
#[derive(Debug, Clone)]
pub struct DocSpec {
    pub title: String,
    pub pack_title: String,
    pub language: String,
    pub parts: Vec<Part>,
}

#[derive(Debug, Clone)]
enum Op {
    Text { x: f32, y: f32, size: f32, face: FaceId, text: String, tone: Tone },
    Line { x1: f32, y1: f32, x2: f32, y2: f32, width: f32, dashed: bool, tone: Tone },
    Rect { x: f32, y: f32, w: f32, h: f32, fill: u8 },
}

/// The pages of a laid-out document, before drawing.
pub struct Laid {
    pages: Vec<(usize, Vec<Op>)>,
    part_pages: Vec<usize>,
}

impl Laid {
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }
}

/// Lays out and draws a document: the PDF's bytes and its page count.
pub fn pdf(spec: &DocSpec, paper: Paper) -> Result<(Vec<u8>, usize), String> {
    let fonts = Fonts::load()?;
    let laid = lay_out(spec, paper, &fonts);
    let count = laid.page_count();
    Ok((render(spec, paper, &fonts, &laid)?, count))
}

struct Flow<'f> {
    fonts: &'f Fonts,
    width: f32,
    height: f32,
    y: f32,
    part: usize,
    pages: Vec<(usize, Vec<Op>)>,
}

impl Flow<'_> {
    fn left(&self) -> f32 {
        MARGIN_X
    }
    fn text_width(&self) -> f32 {
        self.width - 2.0 * MARGIN_X
    }
    fn bottom(&self) -> f32 {
        self.height - MARGIN_BOTTOM
    }
    fn room(&self) -> f32 {
        self.bottom() - self.y
    }
    fn at_top(&self) -> bool {
        self.y <= MARGIN_TOP + 0.5
    }
    fn new_page(&mut self) {
        self.pages.push((self.part, Vec::new()));
        self.y = MARGIN_TOP;
    }
    /// Starts a new page unless `h` points still fit (or the page is empty).
    fn ensure(&mut self, h: f32) {
        if h > self.room() && !self.at_top() {
            self.new_page();
        }
    }
    fn push(&mut self, op: Op) {
        if let Some((_, ops)) = self.pages.last_mut() {
            ops.push(op);
        }
    }
    fn draw_line_of_text(&mut self, x: f32, baseline: f32, pieces: &[(String, bool)], size: f32, tone: Tone) {
        let mut x = x;
        for (text, bold) in pieces {
            for (face, segment) in self.fonts.segments(text, *bold) {
                let w: f32 = segment.chars().map(|c| self.fonts.advance(face, c, size)).sum();
                self.push(Op::Text { x, y: baseline, size, face, text: segment, tone });
                x += w;
            }
        }
    }
}

/// A wrapped line: pieces of text with their weight.
type Line = Vec<(String, bool)>;

/// Breaks runs into lines no wider than `width` at `size` points, at spaces (a word longer
/// than a line, such as a URL, is cut where it must be).
pub fn wrap(fonts: &Fonts, runs: &[Run], size: f32, width: f32) -> Vec<Line> {
    struct Word {
        pieces: Line,
        space_before: bool,
    }
    let mut words: Vec<Word> = Vec::new();
    let mut current: Option<Word> = None;
    let mut pending_space = false;
    for run in runs {
        for c in run.text.chars() {
            if c.is_whitespace() {
                if let Some(w) = current.take() {
                    words.push(w);
                }
                pending_space = true;
                continue;
            }
            let word = current.get_or_insert_with(|| Word { pieces: Vec::new(), space_before: pending_space });
            pending_space = false;
            match word.pieces.last_mut() {
                Some((text, bold)) if *bold == run.bold => text.push(c),
                _ => word.pieces.push((c.to_string(), run.bold)),
            }
        }
    }
    words.extend(current);

    let space = fonts.width(" ", false, size);
    let measure = |pieces: &Line| -> f32 { pieces.iter().map(|(t, b)| fonts.width(t, *b, size)).sum() };
    let mut lines: Vec<Line> = Vec::new();
    let mut line: Line = Vec::new();
    let mut line_w = 0.0;
    for word in words {
        let mut pieces = word.pieces;
        let mut word_w = measure(&pieces);
        let mut gap = if word.space_before && !line.is_empty() { space } else { 0.0 };
        if !line.is_empty() && line_w + gap + word_w > width {
            lines.push(std::mem::take(&mut line));
            line_w = 0.0;
            gap = 0.0;
        }
        // A word wider than a whole line: cut it into pieces that fit.
        while word_w > width && line.is_empty() {
            let (head, tail) = cut_word(fonts, &pieces, size, width);
            lines.push(head);
            pieces = tail;
            word_w = measure(&pieces);
        }
        if gap > 0.0 {
            let bold = pieces.first().is_some_and(|p| p.1) && line.last().is_some_and(|p| p.1);
            line.push((" ".into(), bold));
        }
        line_w += gap + word_w;
        line.extend(pieces);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn cut_word(fonts: &Fonts, pieces: &Line, size: f32, width: f32) -> (Line, Line) {
    let mut head: Line = Vec::new();
    let mut tail: Line = Vec::new();
    let mut w = 0.0;
    let mut full = false;
    for (text, bold) in pieces {
        for c in text.chars() {
            let cw = fonts.width(&c.to_string(), *bold, size);
            let target = if full || (w + cw > width && !head.is_empty()) {
                full = true;
                &mut tail
            } else {
                w += cw;
                &mut head
            };
            match target.last_mut() {
                Some((t, b)) if b == bold => t.push(c),
                _ => target.push((c.to_string(), *bold)),
            }
        }
    }
    // Never end a cut line with a hyphen: a reader (and text extraction) would take it for a
    // word broken by hyphenation and drop it. Carry it to the next line.
    let pieces = head.len();
    if let Some((text, bold)) = head.last_mut()
        && text.ends_with('-')
        && (text.len() > 1 || pieces > 1)
    {
        let bold = *bold;
        text.pop();
        if text.is_empty() {
            head.pop();
        }
        match tail.first_mut() {
            Some((t, b)) if *b == bold => t.insert(0, '-'),
            _ => tail.insert(0, ("-".to_string(), bold)),
        }
    }
    (head, tail)
}

fn heading_size(level: u8) -> f32 {
    match level {
        1 => 17.0,
        2 => 13.0,
        _ => 11.0,
    }
}

/// Places every block of every part on pages.
pub fn lay_out(spec: &DocSpec, paper: Paper, fonts: &Fonts) -> Laid {
    let (width, height) = paper.size();
    let mut flow = Flow { fonts, width, height, y: MARGIN_TOP, part: 0, pages: Vec::new() };
    let mut part_pages = Vec::new();
    for (i, part) in spec.parts.iter().enumerate() {
        flow.part = i;
        let before = flow.pages.len();
        flow.new_page();
        for (b, block) in part.blocks.iter().enumerate() {
            place(&mut flow, block, part.blocks.get(b + 1));
        }
        part_pages.push(flow.pages.len() - before);
    }
    Laid { pages: flow.pages, part_pages }
}

/// About how tall the start of `block` is, so a heading is never left alone at a page's foot.
fn lead_height(flow: &Flow<'_>, block: Option<&Block>) -> f32 {
    match block {
        Some(Block::Heading { level, .. }) => heading_size(*level) * 2.2,
        Some(Block::Table { .. }) => BODY * LEADING * 3.5,
        Some(Block::Card { .. }) => flow.room() + 1.0,
        Some(Block::Lines(n)) => 22.0 * (*n).min(2) as f32,
        Some(Block::Keep(blocks)) => height(flow, blocks),
        Some(Block::Para { size, .. }) => size * LEADING * 2.0,
        Some(_) => BODY * LEADING * 2.0,
        None => 0.0,
    }
}

fn place(flow: &mut Flow<'_>, block: &Block, next: Option<&Block>) {
    match block {
        Block::Heading { level, text } => {
            let size = heading_size(*level);
            let before = if flow.at_top() { 0.0 } else { size * 0.8 };
            let width = flow.text_width();
            let lines = wrap(flow.fonts, &[Run::bold(text.clone())], size, width);
            let h = before + lines.len() as f32 * size * 1.25 + size * 0.45;
            let lead = match next {
                Some(Block::Card { .. }) => 0.0,
                other => lead_height(flow, other),
            };
            flow.ensure(h + lead);
            flow.y += if flow.at_top() { 0.0 } else { before };
            for line in lines {
                flow.y += size * 1.05;
                let left = flow.left();
                flow.draw_line_of_text(left, flow.y, &line, size, Tone::Ink);
                flow.y += size * 0.2;
            }
            if *level == 1 {
                flow.y += 4.0;
                let (l, r, y) = (flow.left(), flow.width - MARGIN_X, flow.y);
                flow.push(Op::Line { x1: l, y1: y, x2: r, y2: y, width: 0.8, dashed: false, tone: Tone::Muted });
            }
            flow.y += size * 0.45;
        }
        Block::Para { runs, size, indent, tone } => {
            let left = flow.left() + indent;
            paragraph(flow, runs, *size, left, None, *tone);
            flow.y += size * 0.5;
        }
        Block::Item { marker, runs, depth } => {
            let left = flow.left() + INDENT * f32::from(*depth);
            let hang = INDENT.max(flow.fonts.width(marker, false, BODY) + 5.0);
            paragraph(flow, runs, BODY, left + hang, Some((left, marker.clone())), Tone::Ink);
            flow.y += BODY * 0.3;
        }
        Block::Choice { runs } => {
            let left = flow.left() + INDENT;
            paragraph(flow, runs, BODY, left + 18.0, Some((left, "\u{0}box".into())), Tone::Ink);
            flow.y += BODY * 0.35;
        }
        Block::Lines(n) => {
            for _ in 0..*n {
                flow.ensure(22.0);
                flow.y += 22.0;
                let (l, r, y) = (flow.left(), flow.width - MARGIN_X, flow.y);
                flow.push(Op::Line { x1: l, y1: y, x2: r, y2: y, width: 0.5, dashed: false, tone: Tone::Faint });
            }
            flow.y += 8.0;
        }
        Block::Table { widths, header, rows } => table(flow, widths, header, rows),
        Block::Card { label, runs, answer_lines, per_page } => card(flow, label, runs, *answer_lines, *per_page),
        Block::Space(h) => {
            if !flow.at_top() {
                flow.y = (flow.y + h).min(flow.bottom());
            }
        }
        Block::PageBreak => {
            if !flow.at_top() {
                flow.new_page();
            }
        }
        Block::Keep(blocks) => {
            let h = height(flow, blocks);
            if h <= flow.bottom() - MARGIN_TOP {
                flow.ensure(h);
            }
            for (i, b) in blocks.iter().enumerate() {
                place(flow, b, blocks.get(i + 1).or(next));
            }
        }
    }
}

/// How tall `blocks` are when placed in the middle of a page (a dry run on an endless page).
fn height(flow: &Flow<'_>, blocks: &[Block]) -> f32 {
    let start = MARGIN_TOP + 1.0;
    let mut scratch =
        Flow { fonts: flow.fonts, width: flow.width, height: 1.0e7, y: start, part: 0, pages: vec![(0, Vec::new())] };
    for (i, b) in blocks.iter().enumerate() {
        place(&mut scratch, b, blocks.get(i + 1));
    }
    scratch.y - start
}

/// Wrapped text from `left`, with an optional hanging marker (a bullet, a number or a tick
/// box); breaks across pages between lines, never leaving a single line behind.
fn paragraph(flow: &mut Flow<'_>, runs: &[Run], size: f32, left: f32, marker: Option<(f32, String)>, tone: Tone) {
    let width = flow.width - MARGIN_X - left;
    let lines = wrap(flow.fonts, runs, size, width);
    let lh = size * LEADING;
    let mut i = 0;
    let mut first = true;
    while i < lines.len() {
        let left_over = lines.len() - i;
        let fits = (flow.room() / lh).floor().max(0.0) as usize;
        let mut take = left_over.min(fits);
        if take < left_over {
            if take < 2 || (left_over - take == 1 && take < 3) {
                take = 0;
            } else if left_over - take == 1 {
                take -= 1;
            }
        }
        if take == 0 {
            if flow.at_top() {
                take = left_over.min(fits.max(1));
            } else {
                flow.new_page();
                continue;
            }
        }
        for line in &lines[i..i + take] {
            flow.y += lh;
            let baseline = flow.y - lh * 0.25;
            if first && let Some((mx, text)) = &marker {
                if text == "\u{0}box" {
                    let s = size * 0.85;
                    flow.push(Op::Rect { x: *mx, y: baseline - s + 0.5, w: s, h: s, fill: 0xff });
                } else {
                    flow.draw_line_of_text(*mx, baseline, &[(text.clone(), false)], size, tone);
                }
            }
            first = false;
            flow.draw_line_of_text(left, baseline, line, size, tone);
        }
        i += take;
    }
}

fn table(flow: &mut Flow<'_>, widths: &[f32], header: &[String], rows: &[Vec<Vec<Run>>]) {
    let total: f32 = widths.iter().sum::<f32>().max(f32::EPSILON);
    let cols: Vec<f32> = widths.iter().map(|w| w / total * flow.text_width()).collect();
    let pad = 4.0;
    let size = SMALL + 0.5;
    let lh = size * LEADING;
    let lay_row = |flow: &Flow<'_>, cells: &[Vec<Run>]| -> Vec<Vec<Line>> {
        cells.iter().zip(&cols).map(|(runs, w)| wrap(flow.fonts, runs, size, w - 2.0 * pad)).collect()
    };
    let header_cells: Vec<Vec<Run>> = header.iter().map(|h| vec![Run::bold(h.clone())]).collect();
    let draw_row = |flow: &mut Flow<'_>, cells: &[Vec<Line>], shade: bool| {
        let n = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let h = n as f32 * lh + 2.0 * pad;
        flow.ensure(h);
        let top = flow.y;
        if shade {
            flow.push(Op::Rect { x: flow.left(), y: top, w: flow.text_width(), h, fill: 0xe8 });
        }
        let mut x = flow.left();
        for (lines, w) in cells.iter().zip(&cols) {
            for (k, line) in lines.iter().enumerate() {
                let baseline = top + pad + (k as f32 + 1.0) * lh - lh * 0.25;
                flow.draw_line_of_text(x + pad, baseline, line, size, Tone::Ink);
            }
            x += w;
        }
        flow.y = top + h;
        let (l, r, y) = (flow.left(), flow.width - MARGIN_X, flow.y);
        flow.push(Op::Line { x1: l, y1: y, x2: r, y2: y, width: 0.4, dashed: false, tone: Tone::Faint });
    };
    let header_lines = lay_row(flow, &header_cells);
    draw_row(flow, &header_lines, true);
    for row in rows {
        let cells = lay_row(flow, row);
        let n = cells.iter().map(Vec::len).max().unwrap_or(1) as f32;
        // A row that starts a new page repeats the header above it.
        if n * lh + 2.0 * pad > flow.room() && !flow.at_top() {
            flow.new_page();
            draw_row(flow, &header_lines, true);
        }
        draw_row(flow, &cells, false);
    }
    flow.y += BODY * 0.8;
}

fn card(flow: &mut Flow<'_>, label: &str, paragraphs: &[Vec<Run>], answer_lines: u32, per_page: u32) {
    let pad = 12.0;
    let width = flow.text_width() - 2.0 * pad;
    let size = BODY + 0.5;
    let lh = size * LEADING;
    let laid: Vec<Vec<Line>> = paragraphs.iter().map(|runs| wrap(flow.fonts, runs, size, width)).collect();
    let text_h: f32 = laid.iter().map(|l| l.len() as f32 * lh + size * 0.4).sum();
    let content_h = pad + SMALL * 1.6 + text_h + answer_lines as f32 * 20.0 + pad;
    // Room for a title on the first page, so every page holds `per_page` cards.
    let slot = (flow.bottom() - MARGIN_TOP - 56.0 - CARD_GAP * per_page.max(1) as f32) / per_page.max(1) as f32;
    let h = content_h.max(slot);
    flow.ensure(h);
    let top = flow.y;
    let (x, w) = (flow.left(), flow.text_width());
    for (x1, y1, x2, y2) in
        [(x, top, x + w, top), (x, top + h, x + w, top + h), (x, top, x, top + h), (x + w, top, x + w, top + h)]
    {
        flow.push(Op::Line { x1, y1, x2, y2, width: 0.8, dashed: false, tone: Tone::Muted });
    }
    let mut y = top + pad + SMALL;
    flow.draw_line_of_text(x + pad, y, &[(label.to_uppercase(), true)], SMALL, Tone::Muted);
    y += SMALL * 0.6;
    for lines in &laid {
        for line in lines {
            y += lh;
            flow.draw_line_of_text(x + pad, y - lh * 0.25, line, size, Tone::Ink);
        }
        y += size * 0.4;
    }
    for _ in 0..answer_lines {
        y += 20.0;
        flow.push(Op::Line {
            x1: x + pad,
            y1: y,
            x2: x + w - pad,
            y2: y,
            width: 0.5,
            dashed: false,
            tone: Tone::Faint,
        });
    }
    flow.y = top + h + CARD_GAP / 2.0;
    // The cut line between cards (not after the last one on a page).
    if flow.room() > CARD_GAP {
        let y = flow.y;
        flow.push(Op::Line {
            x1: 20.0,
            y1: y,
            x2: flow.width - 20.0,
            y2: y,
            width: 0.6,
            dashed: true,
            tone: Tone::Muted,
        });
    }
    flow.y += CARD_GAP / 2.0;
}

fn set_gray_fill(surface: &mut krilla::surface::Surface<'_>, gray: u8) {
    surface.set_fill(Some(Fill {
        paint: rgb::Color::new(gray, gray, gray).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }));
}

fn line_path(x1: f32, y1: f32, x2: f32, y2: f32) -> Option<Path> {
    let mut pb = PathBuilder::new();
    pb.move_to(x1, y1);
    pb.line_to(x2, y2);
    pb.finish()
}

fn rect_path(x: f32, y: f32, w: f32, h: f32) -> Option<Path> {
    let mut pb = PathBuilder::new();
    pb.move_to(x, y);
    pb.line_to(x + w, y);
    pb.line_to(x + w, y + h);
    pb.line_to(x, y + h);
    pb.close();
    pb.finish()
}

/// Draws laid-out pages with krilla, adding each page's header and footer.
pub fn render(spec: &DocSpec, paper: Paper, fonts: &Fonts, laid: &Laid) -> Result<Vec<u8>, String> {
    let (width, height) = paper.size();
    let mut document = krilla::Document::new();
    document.set_metadata(
        Metadata::new()
            .title(spec.title.clone())
            .language(spec.language.clone())
            .creator(format!("Propaganda Decoded {}", env!("CARGO_PKG_VERSION"))),
    );
    let mut index_in_part = 0;
    let mut last_part = usize::MAX;
    for (part, ops) in &laid.pages {
        if *part != last_part {
            index_in_part = 0;
            last_part = *part;
        }
        index_in_part += 1;
        let settings = PageSettings::from_wh(width, height).ok_or("bad paper size")?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        let part_title = spec.parts.get(*part).map(|p| p.title.as_str()).unwrap_or_default();
        let footer = format!("{part_title} · page {index_in_part} of {}", laid.part_pages.get(*part).unwrap_or(&1));
        // One header line, "Pack · Document", so text extraction reads it as one line.
        let mut chrome = vec![Op::Line {
            x1: MARGIN_X,
            y1: 40.0,
            x2: width - MARGIN_X,
            y2: 40.0,
            width: 0.4,
            dashed: false,
            tone: Tone::Faint,
        }];
        let header = format!("{} · {}", spec.pack_title, spec.title);
        let mut hx = MARGIN_X;
        for (face, text) in fonts.segments(&header, false) {
            let w: f32 = text.chars().map(|c| fonts.advance(face, c, 8.0)).sum();
            chrome.push(Op::Text { x: hx, y: 34.0, size: 8.0, face, text, tone: Tone::Muted });
            hx += w;
        }
        let footer_w = fonts.width(&footer, false, 8.5);
        let mut fx = (width - footer_w) / 2.0;
        for (face, text) in fonts.segments(&footer, false) {
            let w: f32 = text.chars().map(|c| fonts.advance(face, c, 8.5)).sum();
            chrome.push(Op::Text { x: fx, y: height - 30.0, size: 8.5, face, text, tone: Tone::Muted });
            fx += w;
        }
        for op in chrome.iter().chain(ops) {
            draw(&mut surface, fonts, op);
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| format!("could not write the PDF: {e:?}"))
}

fn draw(surface: &mut krilla::surface::Surface<'_>, fonts: &Fonts, op: &Op) {
    match op {
        Op::Text { x, y, size, face, text, tone } => {
            surface.set_stroke(None);
            set_gray_fill(surface, tone.gray());
            surface.draw_glyphs(
                Point::from_xy(*x, *y),
                &fonts.glyphs(*face, text),
                fonts.font(*face),
                text,
                *size,
                false,
            );
        }
        Op::Line { x1, y1, x2, y2, width, dashed, tone } => {
            let g = tone.gray();
            surface.set_fill(None);
            surface.set_stroke(Some(Stroke {
                paint: rgb::Color::new(g, g, g).into(),
                width: *width,
                dash: dashed.then(|| StrokeDash { array: vec![4.0, 3.0], offset: 0.0 }),
                ..Default::default()
            }));
            if let Some(path) = line_path(*x1, *y1, *x2, *y2) {
                surface.draw_path(&path);
            }
        }
        Op::Rect { x, y, w, h, fill } => {
            set_gray_fill(surface, *fill);
            surface.set_stroke(Some(Stroke { width: 0.7, ..Default::default() }));
            if *fill != 0xff {
                surface.set_stroke(None);
            }
            if let Some(path) = rect_path(*x, *y, *w, *h) {
                surface.draw_path(&path);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn squeeze(s: &str) -> String {
        s.chars().filter(|c| !c.is_whitespace()).collect()
    }

    #[test]
    fn wrapped_lines_fit_and_keep_every_character() {
        let fonts = Fonts::load().unwrap();
        let runs = vec![
            Run::plain("The group’s media office released "),
            Run::bold("thousands"),
            Run::plain(
                " of items [Winter 2015]. https://www.example.org/a/very/long/address/that/cannot/fit/on/one/line",
            ),
            Run::plain(" https://icct.nl/ICCT-Ingram-Islamic-State-English-Language-Magazines-March2018-1-a-b-c-d.pdf"),
        ];
        let lines = wrap(&fonts, &runs, BODY, 150.0);
        assert!(lines.len() > 3);
        for line in &lines {
            let w: f32 = line.iter().map(|(t, b)| fonts.width(t, *b, BODY)).sum();
            assert!(w <= 150.01, "{line:?} is {w} wide");
            assert!(!line.last().is_some_and(|(t, _)| t.ends_with('-')), "{line:?} ends with a hyphen");
        }
        let printed: String = lines.iter().flatten().map(|(t, _)| t.as_str()).collect();
        let written: String = runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(squeeze(&printed), squeeze(&written));
        assert!(lines.iter().flatten().any(|(t, b)| *b && t == "thousands"));
    }

    #[test]
    fn parts_number_their_own_pages_and_paper_sizes_differ() {
        let fonts = Fonts::load().unwrap();
        let long: Vec<Block> = (0..120).map(|i| Block::text(format!("Paragraph {i} of a long part."))).collect();
        let spec = DocSpec {
            title: "Test".into(),
            pack_title: "Pack".into(),
            language: "en".into(),
            parts: vec![
                Part { title: "Long".into(), blocks: long },
                Part { title: "Short".into(), blocks: vec![Block::heading(1, "Short"), Block::Lines(3)] },
            ],
        };
        let a4 = lay_out(&spec, Paper::A4, &fonts);
        let letter = lay_out(&spec, Paper::Letter, &fonts);
        assert_eq!(a4.part_pages.len(), 2);
        assert!(a4.part_pages[0] >= 3, "{:?}", a4.part_pages);
        assert_eq!(a4.part_pages[1], 1);
        assert!(letter.page_count() >= a4.page_count());
        let (bytes, pages) = pdf(&spec, Paper::Letter).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        assert_eq!(pages, letter.page_count());
    }
}

//! A mesh kept in zoom-0 units and placed on screen for each view, in pieces with bounds so
//! that a view takes only the pieces it can see.
//!
//! The base map holds every country of the world, but the map shows a few: drawing only the
//! pieces in view keeps the frame's vertex count (which egui copies and tessellates every
//! frame) to what is on screen. Pieces are whole polygons for fills and runs of
//! [`SEGMENTS_PER_PIECE`] segments for outlines. While the view is unchanged (scale, origin,
//! colour and the visible area), [`ScreenMesh::update_in`] hands out the same mesh again.

use std::ops::Range;
use std::sync::Arc;

use egui::epaint::{Vertex, WHITE_UV};
use egui::{Color32, Mesh, Pos2, Rect, TextureId, Vec2};

/// Segments of an outline or of hatching per piece.
pub const SEGMENTS_PER_PIECE: usize = 64;

/// Part of a [`ScreenMesh`] that is shown or left out as a whole.
#[derive(Debug)]
struct Piece {
    /// Bounding box of its zoom-0 points (outline widths not included).
    bounds: Rect,
    /// Its vertices in `zoom0` and `offsets`.
    vertices: Range<u32>,
    /// Its triangles in `indices` (indices into `zoom0`).
    indices: Range<usize>,
}

/// What a mesh was last placed for: scale, origin, colour, and the visible zoom-0 area.
type View = (f32, Vec2, Color32, Rect);

/// A segment the same whichever way round: its two ends' bits, the lower end first.
type SegmentKey = [u32; 4];

/// The [`SegmentKey`] of the segment from `a` to `b`.
fn segment_key(a: Pos2, b: Pos2) -> SegmentKey {
    let (ka, kb) = ([a.x.to_bits(), a.y.to_bits()], [b.x.to_bits(), b.y.to_bits()]);
    let (lo, hi) = if ka <= kb { (ka, kb) } else { (kb, ka) };
    [lo[0], lo[1], hi[0], hi[1]]
}

/// What a segment of a set of closed rings is: on one ring only (for countries, coast), or
/// shared by several (a border), in which case the first in ring order is the one drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum SegmentKind {
    /// No other ring has this segment, either way round.
    Alone = 0,
    /// Shared, and the first copy in ring order: drawn here.
    Shared = 1,
    /// Shared, and drawn already by an earlier copy.
    Repeat = 2,
}

impl SegmentKind {
    /// The kind a byte of [`SegmentKind`] `as u8` stands for.
    pub fn from_u8(byte: u8) -> Option<SegmentKind> {
        [SegmentKind::Alone, SegmentKind::Shared, SegmentKind::Repeat].get(usize::from(byte)).copied()
    }
}

/// The kind of every segment of closed `rings`, in ring order (ring by ring, segment `i`
/// from point `i` to the next).
pub fn segment_kinds<'a>(rings: impl IntoIterator<Item = &'a [Pos2]>) -> Vec<SegmentKind> {
    // Each segment's two ends, the lower first, and its place in ring order: sorted, the
    // copies of a shared segment lie side by side, the first in ring order first. (A set of
    // the segments seen did this for the borders alone: 5.1 ms for the world's, this
    // 3.7–4.4 ms for borders and coast together.)
    let mut order: Vec<(SegmentKey, u32)> = Vec::new();
    for ring in rings {
        for (i, &a) in ring.iter().enumerate() {
            order.push((segment_key(a, ring[(i + 1) % ring.len()]), order.len() as u32));
        }
    }
    order.sort_unstable();
    let mut kinds = vec![SegmentKind::Alone; order.len()];
    for copies in order.chunk_by(|x, y| x.0 == y.0).filter(|copies| copies.len() > 1) {
        kinds[copies[0].1 as usize] = SegmentKind::Shared;
        for copy in &copies[1..] {
            kinds[copy.1 as usize] = SegmentKind::Repeat;
        }
    }
    kinds
}

/// What a [`ScreenMesh`] places: its zoom-0 points, offsets, triangles and pieces. Built
/// once and shared: the base map's land and borders are built with it on the loader thread
/// ([`super::basemap::BaseMap`]), so the first frame of the map only places them.
#[derive(Debug, Default)]
pub struct Geometry {
    zoom0: Vec<Pos2>,
    /// Screen-space offsets added after scaling (half line widths for outlines; zero for fills).
    offsets: Vec<Vec2>,
    /// Triangles, as indices into `zoom0`.
    indices: Vec<u32>,
    pieces: Vec<Piece>,
}

/// A mesh kept in zoom-0 units and re-positioned for each view (see the module docs).
///
/// The egui `Mesh` lives in an `Arc`; once the previous frame's shapes are dropped the `Arc` is
/// unique again, so a new view rewrites vertices in place without allocating.
pub struct ScreenMesh {
    geometry: Arc<Geometry>,
    mesh: Arc<Mesh>,
    last: Option<View>,
    /// The pieces in `mesh`, in order.
    shown: Vec<u32>,
}

/// A 1×1 white texture: a mesh drawn with it looks exactly as with egui's own white texel,
/// but egui starts a new mesh for it and for what follows it, instead of appending the next
/// shapes to it. For the base map's large meshes this saves copying them again (into a larger
/// buffer) every frame as the shapes after them are added; see [`ScreenMesh::textured`].
pub fn white_texture(ctx: &egui::Context) -> egui::TextureHandle {
    let white = egui::ColorImage::filled([1, 1], Color32::WHITE);
    ctx.load_texture("map-white", white, egui::TextureOptions::NEAREST)
}

impl Geometry {
    /// How many triangles it holds.
    #[cfg(test)]
    pub fn triangles(&self) -> usize {
        self.indices.len() / 3
    }

    /// Filled meshes, each (points, triangles as indices into its points) one piece.
    pub fn fills<'a>(pieces: impl IntoIterator<Item = (&'a [Pos2], &'a [u32])> + Clone) -> Self {
        let (vertices, indices) = pieces.clone().into_iter().fold((0, 0), |(v, i), (p, t)| (v + p.len(), i + t.len()));
        let mut out = Geometry::with_capacity(vertices, indices);
        for (points, triangles) in pieces {
            let base = out.zoom0.len() as u32;
            out.zoom0.extend_from_slice(points);
            out.offsets.resize(out.zoom0.len(), Vec2::ZERO);
            out.indices.extend(triangles.chunks_exact(3).flatten().map(|i| i + base));
            out.close_piece();
        }
        out
    }

    fn with_capacity(vertices: usize, indices: usize) -> Self {
        Geometry {
            zoom0: Vec::with_capacity(vertices),
            offsets: Vec::with_capacity(vertices),
            indices: Vec::with_capacity(indices),
            pieces: Vec::new(),
        }
    }

    /// Closed outlines `width` screen points wide, one quad per segment.
    pub fn outlines<'a>(rings: impl IntoIterator<Item = &'a [Pos2]>, width: f32) -> Self {
        let mut out = Geometry::default();
        for ring in rings {
            let n = ring.len();
            for i in 0..n {
                out.push_segment(ring[i], ring[(i + 1) % n], width / 2.0, 0.5);
            }
            out.close_piece();
        }
        out
    }

    /// Closed outlines like [`Geometry::outlines`] without the segments `kinds` (one per
    /// segment, in ring order, as [`segment_kinds`] gives) marks [`SegmentKind::Repeat`]: a
    /// border between two countries is drawn once. Its quad is the same either way round, so
    /// in an opaque colour this draws exactly the same pixels with fewer vertices.
    pub fn outlines_once<'a>(rings: impl IntoIterator<Item = &'a [Pos2]>, kinds: &[SegmentKind], width: f32) -> Self {
        // Sized once: grown as it went, copying and first-touching its ~3 MB took about a
        // third of the time (the world's borders, on the loader thread at start-up).
        let drawn = kinds.iter().filter(|k| **k != SegmentKind::Repeat).count();
        let mut out = Geometry::with_capacity(4 * drawn, 6 * drawn);
        let mut kinds = kinds.iter();
        for ring in rings {
            let n = ring.len();
            for i in 0..n {
                if kinds.next() != Some(&SegmentKind::Repeat) {
                    out.push_segment(ring[i], ring[(i + 1) % n], width / 2.0, 0.5);
                }
            }
            out.close_piece();
        }
        out
    }

    /// A quad from `a` to `b`, `half` screen points either side, extended by `extend × half`
    /// at both ends (so the segments of a ring join without gaps). A piece ends every
    /// [`SEGMENTS_PER_PIECE`] segments.
    fn push_segment(&mut self, a: Pos2, b: Pos2, half: f32, extend: f32) {
        let d = b - a;
        if d.length_sq() == 0.0 {
            return;
        }
        let normal = d.normalized().rot90() * half;
        let along = d.normalized() * half * extend;
        let base = self.zoom0.len() as u32;
        self.zoom0.extend_from_slice(&[a, a, b, b]);
        self.offsets.extend_from_slice(&[normal - along, -normal - along, normal + along, -normal + along]);
        self.indices.extend_from_slice(&[base, base + 1, base + 2, base + 1, base + 3, base + 2]);
        let start = self.pieces.last().map_or(0, |p| p.vertices.end);
        if (self.zoom0.len() as u32 - start) as usize >= 4 * SEGMENTS_PER_PIECE {
            self.close_piece();
        }
    }

    /// Ends the current piece: the vertices and triangles added since the last one.
    fn close_piece(&mut self) {
        let (v0, i0) = self.pieces.last().map_or((0, 0), |p| (p.vertices.end, p.indices.end));
        let (v1, i1) = (self.zoom0.len() as u32, self.indices.len());
        if i1 == i0 {
            return;
        }
        let bounds =
            self.zoom0[v0 as usize..v1 as usize].iter().fold(Rect::NOTHING, |r, p| r.union(Rect::from_min_max(*p, *p)));
        self.pieces.push(Piece { bounds, vertices: v0..v1, indices: i0..i1 });
    }
}

impl ScreenMesh {
    /// Places `geometry` (shared, e.g. the base map's).
    pub fn new(geometry: Arc<Geometry>) -> Self {
        ScreenMesh { geometry, mesh: Arc::new(Mesh::default()), last: None, shown: Vec::new() }
    }

    /// A filled mesh from points and triangle indices, as one piece.
    pub fn fill(points: &[Pos2], triangles: &[u32]) -> Self {
        ScreenMesh::new(Arc::new(Geometry::fills([(points, triangles)])))
    }

    /// Closed outlines `width` screen points wide, one quad per segment ([`Geometry::outlines`]).
    pub fn outlines<'a>(rings: impl IntoIterator<Item = &'a [Pos2]>, width: f32) -> Self {
        ScreenMesh::new(Arc::new(Geometry::outlines(rings, width)))
    }

    /// Separate line segments `width` screen points wide (hatching), one quad each.
    pub fn segments(segments: impl IntoIterator<Item = (Pos2, Pos2)>, width: f32) -> Self {
        let mut out = Geometry::default();
        for (a, b) in segments {
            out.push_segment(a, b, width / 2.0, 0.0);
        }
        out.close_piece();
        ScreenMesh::new(Arc::new(out))
    }
    /// The same mesh, drawn with this texture (its texels at [`WHITE_UV`] must be white,
    /// as in [`white_texture`]).
    pub fn textured(mut self, texture: TextureId) -> Self {
        Arc::make_mut(&mut self.mesh).texture_id = texture;
        self
    }

    /// Places the whole mesh for a view: `screen = origin + zoom0 * scale + offset`.
    pub fn update(&mut self, scale: f32, origin: Vec2, color: Color32) -> Arc<Mesh> {
        self.update_in(scale, origin, color, Rect::EVERYTHING)
    }

    /// Places the pieces that meet `visible` (zoom-0 units; widen it by the outlines' width)
    /// for a view: `screen = origin + zoom0 * scale + offset`.
    pub fn update_in(&mut self, scale: f32, origin: Vec2, color: Color32, visible: Rect) -> Arc<Mesh> {
        let view = (scale, origin, color, visible);
        if self.last == Some(view) {
            return Arc::clone(&self.mesh);
        }
        let g = &*self.geometry;
        let shown: Vec<u32> =
            (0..g.pieces.len() as u32).filter(|i| g.pieces[*i as usize].bounds.intersects(visible)).collect();
        let place = |i: u32| (origin + g.zoom0[i as usize].to_vec2() * scale + g.offsets[i as usize]).to_pos2();
        if shown == self.shown {
            let mesh = Arc::make_mut(&mut self.mesh);
            let all = shown.iter().flat_map(|p| g.pieces[*p as usize].vertices.clone());
            for (v, i) in mesh.vertices.iter_mut().zip(all) {
                v.pos = place(i);
                v.color = color;
            }
        } else {
            if Arc::get_mut(&mut self.mesh).is_none() {
                self.mesh = Arc::new(Mesh::with_texture(self.mesh.texture_id));
            }
            let mesh = Arc::get_mut(&mut self.mesh).expect("unique: just checked");
            mesh.indices.clear();
            mesh.vertices.clear();
            for piece in shown.iter().map(|p| &g.pieces[*p as usize]) {
                let (from, to) = (piece.vertices.start, mesh.vertices.len() as u32);
                mesh.indices.extend(g.indices[piece.indices.clone()].iter().map(|i| i - from + to));
                let vertices = piece.vertices.clone().map(|i| Vertex { pos: place(i), uv: WHITE_UV, color });
                mesh.vertices.extend(vertices);
            }
            self.shown = shown;
        }
        self.last = Some(view);
        Arc::clone(&self.mesh)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screen_mesh_only_moves_vertices() {
        let points = [Pos2::new(0.0, 0.0), Pos2::new(1.0, 0.0), Pos2::new(0.0, 1.0)];
        let mut m = ScreenMesh::fill(&points, &[0, 1, 2]);
        let a = m.update(2.0, Vec2::new(10.0, 20.0), Color32::RED);
        assert_eq!(a.vertices[1].pos, Pos2::new(12.0, 20.0));
        drop(a);
        let b = m.update(4.0, Vec2::ZERO, Color32::RED);
        assert_eq!(b.vertices[2].pos, Pos2::new(0.0, 4.0));
        assert_eq!(b.indices, vec![0, 1, 2]);
    }

    #[test]
    fn only_pieces_in_view_are_placed() {
        let left = [Pos2::new(0.0, 0.0), Pos2::new(1.0, 0.0), Pos2::new(0.0, 1.0)];
        let right = [Pos2::new(10.0, 0.0), Pos2::new(11.0, 0.0), Pos2::new(10.0, 1.0)];
        let mut m =
            ScreenMesh::new(Arc::new(Geometry::fills([(&left[..], &[0, 1, 2][..]), (&right[..], &[0, 2, 1][..])])));
        let all = m.update(1.0, Vec2::ZERO, Color32::RED);
        assert_eq!((all.vertices.len(), all.indices.clone()), (6, vec![0, 1, 2, 3, 5, 4]));
        drop(all);
        let visible = Rect::from_min_max(Pos2::new(9.0, -1.0), Pos2::new(12.0, 2.0));
        let right_only = m.update_in(2.0, Vec2::new(1.0, 0.0), Color32::BLUE, visible);
        assert_eq!(right_only.indices, vec![0, 2, 1]);
        assert_eq!(right_only.vertices[1].pos, Pos2::new(23.0, 0.0));
        assert!(right_only.vertices.iter().all(|v| v.color == Color32::BLUE));
        // The same view again is the same mesh, even while the last frame still holds it.
        assert!(Arc::ptr_eq(&right_only, &m.update_in(2.0, Vec2::new(1.0, 0.0), Color32::BLUE, visible)));
    }

    #[test]
    fn shared_segments_are_drawn_once() {
        let (a, b, c, d) = (Pos2::new(0.0, 0.0), Pos2::new(1.0, 0.0), Pos2::new(1.0, 1.0), Pos2::new(0.0, 1.0));
        // Two squares side by side share the edge b–c (walked c→b by the second).
        let (e, f) = (Pos2::new(2.0, 0.0), Pos2::new(2.0, 1.0));
        let rings = [vec![a, b, c, d], vec![b, e, f, c]];
        let kinds = segment_kinds(rings.iter().map(|r| &r[..]));
        use SegmentKind::{Alone, Repeat, Shared};
        assert_eq!(kinds, [Alone, Shared, Alone, Alone, Alone, Alone, Alone, Repeat]);
        let once = Geometry::outlines_once(rings.iter().map(|r| &r[..]), &kinds, 1.0);
        let twice = Geometry::outlines(rings.iter().map(|r| &r[..]), 1.0);
        assert_eq!((once.indices.len() / 6, twice.indices.len() / 6), (7, 8));
        // The quad left out is the one already there, corner for corner.
        let corners = |m: &Geometry, seg: usize| {
            let mut v: Vec<[u32; 2]> = (0..4)
                .map(|k| {
                    let p = m.zoom0[seg * 4 + k] + m.offsets[seg * 4 + k];
                    [p.x.to_bits(), p.y.to_bits()]
                })
                .collect();
            v.sort_unstable();
            v
        };
        assert_eq!(corners(&twice, 1), corners(&twice, 7), "b→c and c→b");
    }

    #[test]
    fn long_outlines_are_cut_into_pieces() {
        let ring: Vec<Pos2> = (0..200).map(|i| Pos2::new(i as f32, (i % 2) as f32)).collect();
        let m = Geometry::outlines([&ring[..]], 1.0);
        assert_eq!(m.pieces.len(), 200_usize.div_ceil(SEGMENTS_PER_PIECE));
        assert_eq!(m.indices.len(), 200 * 6);
        assert_eq!(m.pieces.last().map(|p| p.indices.end), Some(m.indices.len()));
    }
}

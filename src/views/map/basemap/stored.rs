//! The base map as [`BaseMap::from_json`] makes it, stored so that the desktop app reads it
//! instead of making it at start-up.
//!
//! Projecting, triangulating and classifying the world's 40,000 border points took ~28 ms of
//! the loader thread's time on the 2-core build machine when the app opened at the map, beside
//! the ~40 ms the window takes to open, and the two compete for the cores. Reading the stored
//! form takes under a millisecond. `assets/countries.bin` is made from `assets/countries.json`
//! by this crate's own code: after the shapes change, `DECODED_BLESS=1 cargo test --lib
//! stored_base_map` writes it again, and without that the test fails. It is compiled into the
//! desktop binary only; the browser build downloads the smaller JSON and makes the map itself.
//!
//! The format, all numbers little-endian:
//! - [`MAGIC`];
//! - the number of countries (`u32`), then each country: its ISO code (a `u8` length and
//!   UTF-8 bytes), its name (a `u16` length and bytes), its points (a `u32` count and an `f32`
//!   pair each), where each ring ends and where each polygon's rings end (a `u32` count and a
//!   `u32` each), its triangles (a `u32` count of corners and a `u16` index each), its bounds
//!   (four `f32`), where its label goes (two `f32`) and the label's width (`f32`);
//! - the number of ring segments (`u32`) and a byte each: its [`SegmentKind`].

use egui::{Pos2, Rect};

use super::{BaseMap, CountryShape};
use crate::views::map::screen_mesh::SegmentKind;

/// The stored base map (see the module docs). Not in the browser build, which makes the
/// map from the JSON instead.
#[cfg(not(target_arch = "wasm32"))]
pub const STORED: &[u8] = include_bytes!("../../../../assets/countries.bin");

/// The first bytes of the format, with its version.
const MAGIC: &[u8; 8] = b"PDMAP\x001\n";

/// Why a stored base map could not be read (the compiled-in one always can: a test reads it).
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum StoredError {
    #[error("not a stored base map (no \"PDMAP\" header of version 1)")]
    Magic,
    #[error("it ends early, at byte {0}")]
    Truncated(usize),
    #[error("{0} at byte {1}")]
    Invalid(&'static str, usize),
}

/// Reads a stored base map and builds its land, borders and coast.
pub fn decode(bytes: &[u8]) -> Result<BaseMap, StoredError> {
    let rest = bytes.strip_prefix(MAGIC).ok_or(StoredError::Magic)?;
    let mut r = Reader { bytes: rest, at: MAGIC.len() };
    let count = r.u32()?;
    let mut countries = Vec::new();
    let mut ring_segments = 0;
    for _ in 0..count {
        let country = r.country()?;
        ring_segments += country.points.len();
        countries.push(country);
    }
    let n = r.len(1)?;
    if n != ring_segments {
        return Err(StoredError::Invalid("the segment count is not the rings' points", r.at));
    }
    let segments = r.take(n)?.iter().map(|b| SegmentKind::from_u8(*b)).collect::<Option<Vec<_>>>();
    let segments = segments.ok_or(StoredError::Invalid("a segment kind is not 0, 1 or 2", r.at))?;
    if !r.bytes.is_empty() {
        return Err(StoredError::Invalid("bytes after the end", r.at));
    }
    Ok(BaseMap::new(countries, segments))
}

/// Writes a base map in the stored form ([`decode`] reads it back).
pub fn encode(map: &BaseMap) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    let u32_of = |n: usize| u32::try_from(n).expect("the base map's counts fit in 32 bits");
    let push_u32 = |out: &mut Vec<u8>, n: usize| out.extend_from_slice(&u32_of(n).to_le_bytes());
    let push_f32 = |out: &mut Vec<u8>, x: f32| out.extend_from_slice(&x.to_le_bytes());
    push_u32(&mut out, map.countries.len());
    for c in &map.countries {
        out.push(u8::try_from(c.iso3.len()).expect("an ISO code is short"));
        out.extend_from_slice(c.iso3.as_bytes());
        out.extend_from_slice(&u16::try_from(c.name.len()).expect("a country name is short").to_le_bytes());
        out.extend_from_slice(c.name.as_bytes());
        push_u32(&mut out, c.points.len());
        for p in &c.points {
            push_f32(&mut out, p.x);
            push_f32(&mut out, p.y);
        }
        push_u32(&mut out, c.rings.len());
        for ring in &c.rings {
            push_u32(&mut out, ring.end);
        }
        push_u32(&mut out, c.polygons.len());
        for polygon in &c.polygons {
            push_u32(&mut out, polygon.end);
        }
        push_u32(&mut out, c.triangles.len());
        for &i in &c.triangles {
            out.extend_from_slice(&u16::try_from(i).expect("a country has under 65,536 points").to_le_bytes());
        }
        for x in [c.bounds.min.x, c.bounds.min.y, c.bounds.max.x, c.bounds.max.y, c.label_at.x, c.label_at.y] {
            push_f32(&mut out, x);
        }
        push_f32(&mut out, c.label_width);
    }
    push_u32(&mut out, map.segments.len());
    out.extend(map.segments.iter().map(|k| *k as u8));
    out
}

/// Reads the format from the front, checking every count against what is left.
struct Reader<'a> {
    bytes: &'a [u8],
    /// Where `bytes` starts in the whole (for messages).
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], StoredError> {
        if n > self.bytes.len() {
            return Err(StoredError::Truncated(self.at + self.bytes.len()));
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        self.at += n;
        Ok(head)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], StoredError> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, StoredError> {
        self.array().map(u32::from_le_bytes)
    }

    fn f32(&mut self) -> Result<f32, StoredError> {
        self.array().map(f32::from_le_bytes)
    }

    /// A count of items `size` bytes each, which must fit in what is left.
    fn len(&mut self, size: usize) -> Result<usize, StoredError> {
        let n = self.u32()? as usize;
        if n.saturating_mul(size.max(1)) > self.bytes.len() {
            return Err(StoredError::Truncated(self.at + self.bytes.len()));
        }
        Ok(n)
    }

    fn text(&mut self, len: usize) -> Result<String, StoredError> {
        let at = self.at;
        String::from_utf8(self.take(len)?.to_vec()).map_err(|_| StoredError::Invalid("a name is not UTF-8", at))
    }

    /// Ends (each a `u32`, rising, the last `total`) made into ranges from 0.
    fn ranges(&mut self, total: usize) -> Result<Vec<std::ops::Range<usize>>, StoredError> {
        let n = self.len(4)?;
        let mut ranges = Vec::with_capacity(n);
        let mut start = 0;
        for _ in 0..n {
            let end = self.u32()? as usize;
            if end <= start || end > total {
                return Err(StoredError::Invalid("a ring or polygon ends out of order", self.at));
            }
            ranges.push(start..end);
            start = end;
        }
        if start != total {
            return Err(StoredError::Invalid("the rings or polygons do not cover all they should", self.at));
        }
        Ok(ranges)
    }

    fn country(&mut self) -> Result<CountryShape, StoredError> {
        let iso_len = self.array::<1>()?[0];
        let iso3 = self.text(usize::from(iso_len))?;
        let name_len = u16::from_le_bytes(self.array()?);
        let name = self.text(usize::from(name_len))?;
        let n = self.len(8)?;
        let mut points = Vec::with_capacity(n);
        for _ in 0..n {
            points.push(Pos2::new(self.f32()?, self.f32()?));
        }
        if points.iter().any(|p| !p.x.is_finite() || !p.y.is_finite()) {
            return Err(StoredError::Invalid("a point is not a finite number", self.at));
        }
        let rings = self.ranges(points.len())?;
        let polygons = self.ranges(rings.len())?;
        let corners = self.len(2)?;
        if corners % 3 != 0 {
            return Err(StoredError::Invalid("the triangle corners are not a multiple of 3", self.at));
        }
        let mut triangles = Vec::with_capacity(corners);
        for _ in 0..corners {
            let i = u16::from_le_bytes(self.array()?);
            if usize::from(i) >= points.len() {
                return Err(StoredError::Invalid("a triangle corner is not one of the points", self.at));
            }
            triangles.push(u32::from(i));
        }
        let mut floats = [0.0; 7];
        for f in &mut floats {
            *f = self.f32()?;
        }
        let [x0, y0, x1, y1, lx, ly, label_width] = floats;
        Ok(CountryShape {
            iso3,
            name,
            points,
            rings,
            polygons,
            triangles,
            bounds: Rect::from_min_max(Pos2::new(x0, y0), Pos2::new(x1, y1)),
            label_at: Pos2::new(lx, ly),
            label_width,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::map::basemap::COUNTRIES_JSON;

    /// `assets/countries.bin` is what the code makes of `assets/countries.json` today: shapes,
    /// triangles and segment kinds, byte for byte. `DECODED_BLESS=1` writes it again.
    #[test]
    fn the_stored_base_map_is_what_the_shapes_make() {
        let made = BaseMap::from_json(COUNTRIES_JSON).expect("the shapes parse");
        let bytes = encode(&made);
        if std::env::var_os("DECODED_BLESS").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/countries.bin");
            std::fs::write(path, &bytes).expect("assets/countries.bin written");
            return;
        }
        assert!(
            bytes == STORED,
            "assets/countries.bin is not what assets/countries.json makes ({} bytes against {}): \
             run `DECODED_BLESS=1 cargo test --lib stored_base_map` and commit it",
            STORED.len(),
            bytes.len()
        );
        let read = decode(STORED).expect("the stored map reads");
        assert!(read.countries == made.countries, "the countries read back as they were made");
        assert_eq!(read.segments, made.segments);
        assert_eq!(read.coast, made.coast);
        assert_eq!(
            (read.land.triangles(), read.borders.triangles()),
            (made.land.triangles(), made.borders.triangles())
        );
    }

    #[test]
    fn a_damaged_stored_map_is_an_error_not_a_crash() {
        assert_eq!(decode(b"PDMAP\x002\n").err(), Some(StoredError::Magic));
        // Cut short anywhere (every 101st length) or with bytes after the end.
        for len in (0..STORED.len()).step_by(101) {
            assert!(decode(&STORED[..len]).is_err(), "cut at {len}");
        }
        let mut longer = STORED.to_vec();
        longer.push(0);
        assert!(matches!(decode(&longer), Err(StoredError::Invalid("bytes after the end", _))));
        // A segment kind that is not one: the last byte is the last segment's.
        let mut bad = STORED.to_vec();
        *bad.last_mut().expect("not empty") = 7;
        assert!(matches!(decode(&bad), Err(StoredError::Invalid(msg, _)) if msg.contains("segment kind")));
        // A count far larger than the file.
        let mut huge = STORED.to_vec();
        huge[MAGIC.len()..MAGIC.len() + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(decode(&huge).is_err());
        // Every single byte flipped in the first country (its header, points and counts).
        for i in MAGIC.len()..MAGIC.len() + 400 {
            let mut flipped = STORED.to_vec();
            flipped[i] ^= 0xff;
            let _ = decode(&flipped);
        }
    }
}

//! The fonts printed documents embed, and their metrics for line breaking.
//!
//! Printouts use the app's own family (`crate::fonts`): Ubuntu Regular for
//! text and Ubuntu Bold for headings and `**bold**` (both under `assets/fonts/`, Ubuntu Font
//! Licence 1.0, which allows embedding). A character neither has falls back to Hack, the
//! other font egui bundles; one no font has prints as `?` rather than as an empty box.
//! Widths come from each font's own advance table (`ttf-parser`), so wrapping matches what
//! krilla draws; krilla embeds only the glyphs used (subsetting), as real text.

use krilla::text::{Font, GlyphId, KrillaGlyph};
use ttf_parser::Face as Metrics;

use crate::fonts::{HACK_REGULAR, UBUNTU_BOLD, UBUNTU_REGULAR};

/// Which embedded font draws a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaceId {
    Regular,
    Bold,
    /// Hack, for characters Ubuntu lacks.
    Fallback,
}

struct Loaded {
    metrics: Metrics<'static>,
    font: Font,
}

/// The three fonts, parsed once per document.
pub struct Fonts {
    faces: [Loaded; 3],
}

impl Fonts {
    pub fn load() -> Result<Fonts, String> {
        let load = |bytes: &'static [u8], name: &str| -> Result<Loaded, String> {
            let metrics = Metrics::parse(bytes, 0).map_err(|e| format!("font {name}: {e}"))?;
            let font = Font::new(bytes.into(), 0).ok_or_else(|| format!("font {name}: krilla cannot read it"))?;
            Ok(Loaded { metrics, font })
        };
        Ok(Fonts {
            faces: [
                load(UBUNTU_REGULAR, "Ubuntu-Regular")?,
                load(UBUNTU_BOLD, "Ubuntu-Bold")?,
                load(HACK_REGULAR, "Hack-Regular")?,
            ],
        })
    }

    fn loaded(&self, face: FaceId) -> &Loaded {
        match face {
            FaceId::Regular => &self.faces[0],
            FaceId::Bold => &self.faces[1],
            FaceId::Fallback => &self.faces[2],
        }
    }

    /// The krilla font for a face.
    pub fn font(&self, face: FaceId) -> Font {
        self.loaded(face).font.clone()
    }

    /// The face that draws `c` (bold or regular Ubuntu, else Hack), and the character to
    /// draw: `c` itself, or `?` when no embedded font has it.
    pub fn pick(&self, c: char, bold: bool) -> (FaceId, char) {
        let first = if bold { FaceId::Bold } else { FaceId::Regular };
        if c == ' ' || self.loaded(first).metrics.glyph_index(c).is_some() {
            (first, c)
        } else if self.loaded(FaceId::Fallback).metrics.glyph_index(c).is_some() {
            (FaceId::Fallback, c)
        } else {
            (first, '?')
        }
    }

    /// How wide one character is at `size` points in `face`.
    pub fn advance(&self, face: FaceId, c: char, size: f32) -> f32 {
        let m = &self.loaded(face).metrics;
        let units = m.glyph_index(c).and_then(|g| m.glyph_hor_advance(g)).unwrap_or(0);
        f32::from(units) * size / f32::from(m.units_per_em())
    }

    /// How wide `text` is at `size` points.
    pub fn width(&self, text: &str, bold: bool, size: f32) -> f32 {
        text.chars()
            .map(|c| {
                let (face, c) = self.pick(c, bold);
                self.advance(face, c, size)
            })
            .sum()
    }

    /// The glyphs that draw `text` (one of [`Fonts::segments`]' pieces) in `face`: one per
    /// character, advanced by the same table [`Fonts::advance`] measures with, so a line is
    /// drawn exactly as wide as it was laid out. Each glyph keeps its character's byte range,
    /// which is what lets a reader copy or extract the text. (No shaping engine: Ubuntu and
    /// Hack need none for the scripts the packs use, and leaving one out keeps the web
    /// download smaller.)
    pub fn glyphs(&self, face: FaceId, text: &str) -> Vec<KrillaGlyph> {
        let m = &self.loaded(face).metrics;
        let upem = f32::from(m.units_per_em());
        text.char_indices()
            .map(|(at, c)| {
                let id = m.glyph_index(c).unwrap_or_default();
                let advance = f32::from(m.glyph_hor_advance(id).unwrap_or(0)) / upem;
                KrillaGlyph::new(GlyphId::new(u32::from(id.0)), advance, 0.0, 0.0, 0.0, at..at + c.len_utf8(), None)
            })
            .collect()
    }

    /// `text` cut into pieces that one face each draws (with unsupported characters replaced).
    pub fn segments(&self, text: &str, bold: bool) -> Vec<(FaceId, String)> {
        let mut out: Vec<(FaceId, String)> = Vec::new();
        for c in text.chars() {
            let (face, c) = self.pick(c, bold);
            match out.last_mut() {
                Some((f, s)) if *f == face => s.push(c),
                _ => out.push((face, c.to_string())),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ubuntu_draws_the_packs_typography_and_hack_the_rest() {
        let fonts = Fonts::load().unwrap();
        for c in ['–', '—', '‘', '’', '“', '”', '…', '²', '£', 'é', 'ę', '−', '·'] {
            assert_eq!(fonts.pick(c, false).0, FaceId::Regular, "{c}");
            assert_eq!(fonts.pick(c, true).0, FaceId::Bold, "{c}");
        }
        // A box-drawing character Ubuntu lacks comes from Hack, never as an empty box.
        assert_eq!(fonts.pick('┼', false), (FaceId::Fallback, '┼'));
        // Nothing has this one: it prints as a question mark.
        assert_eq!(fonts.pick('\u{10FFFD}', false), (FaceId::Regular, '?'));
        assert!(fonts.width("Mosul", true, 12.0) > fonts.width("Mosul", false, 10.0));
        assert_eq!(fonts.segments("a┼b", false).len(), 3);
        // A run's glyphs advance as far as the line was measured, and cover the text's bytes.
        let glyphs = fonts.glyphs(FaceId::Regular, "Raqqa – 2014");
        let drawn: f32 = glyphs.iter().map(|g| g.x_advance * 10.0).sum();
        assert!((drawn - fonts.width("Raqqa – 2014", false, 10.0)).abs() < 1e-3);
        assert_eq!(glyphs[6].text_range, 6..9);
        assert!(glyphs.iter().all(|g| g.glyph_id.to_u32() != 0));
    }
}

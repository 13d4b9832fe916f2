//! The fonts printed documents embed, and their metrics for line breaking.
//!
//! The app draws with egui's Ubuntu; printouts use the same family: Ubuntu Regular for
//! text and Ubuntu Bold for headings and `**bold**` (both under `assets/fonts/`, Ubuntu Font
//! Licence 1.0, which allows embedding). A character neither has falls back to Hack, the
//! other font egui bundles; one no font has prints as `?` rather than as an empty box.
//! Widths come from each font's own advance table (`ttf-parser`), so wrapping matches what
//! krilla draws; krilla embeds only the glyphs used (subsetting), as real text.

use krilla::text::Font;
use ttf_parser::Face as Metrics;

static UBUNTU_REGULAR: &[u8] = include_bytes!("../../assets/fonts/Ubuntu-Regular.ttf");
static UBUNTU_BOLD: &[u8] = include_bytes!("../../assets/fonts/Ubuntu-Bold.ttf");

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
                load(epaint_default_fonts::HACK_REGULAR, "Hack-Regular")?,
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
    }
}

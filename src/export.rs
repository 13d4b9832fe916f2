//! Export helpers that need no platform: a chart cut out of one or more screenshots, as PNG.
//!
//! Writing the file is an [`crate::action::Effect::WriteFile`], carried out by
//! [`crate::platform`] (natively into the export folder; in a browser, a download).

/// An image put together from parts of several screenshots (a chart taller than the window
/// is photographed while it scrolls), in physical pixels.
pub struct Stitch {
    image: image::RgbaImage,
}

impl Stitch {
    /// An empty (transparent) image of `size` pixels.
    pub fn new(size: egui::Vec2) -> Self {
        let (w, h) = (size.x.round().max(1.0) as u32, size.y.round().max(1.0) as u32);
        Stitch { image: image::RgbaImage::new(w, h) }
    }

    /// Copies `rect` of a screenshot into the image, its top at row `top` (both in pixels);
    /// what falls outside the image is left out.
    pub fn paste(&mut self, shot: &egui::ColorImage, rect: egui::Rect, top: f32) -> Result<(), String> {
        let [w, h] = shot.size;
        let x0 = rect.min.x.max(0.0).floor() as usize;
        let y0 = rect.min.y.max(0.0).floor() as usize;
        let x1 = (rect.max.x.ceil() as usize).min(w);
        let y1 = (rect.max.y.ceil() as usize).min(h);
        if x1 <= x0 || y1 <= y0 {
            return Err("the chart is not on screen".into());
        }
        let top = top.round().max(0.0) as u32;
        for (row, y) in (y0..y1).enumerate() {
            let to_y = top + row as u32;
            if to_y >= self.image.height() {
                break;
            }
            for (col, px) in shot.pixels[y * w + x0..y * w + x1].iter().enumerate() {
                if (col as u32) < self.image.width() {
                    self.image.put_pixel(col as u32, to_y, image::Rgba(px.to_srgba_unmultiplied()));
                }
            }
        }
        Ok(())
    }

    /// The image as PNG.
    pub fn png(self) -> Result<Vec<u8>, String> {
        let mut out = std::io::Cursor::new(Vec::new());
        self.image.write_to(&mut out, image::ImageFormat::Png).map_err(|e| e.to_string())?;
        Ok(out.into_inner())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn parts_of_two_screenshots_make_one_image() {
        let mut first = egui::ColorImage::filled([40, 30], egui::Color32::WHITE);
        first.pixels[5 * 40 + 12] = egui::Color32::RED; // row 5 of the shot: row 0 of the image
        let mut second = egui::ColorImage::filled([40, 30], egui::Color32::WHITE);
        second.pixels[25 * 40 + 13] = egui::Color32::BLUE; // row 25 of the shot: row 35 of the image
        let mut stitch = super::Stitch::new(egui::vec2(20.0, 40.0));
        let cut = |y0: f32, y1: f32| egui::Rect::from_min_max(egui::pos2(10.0, y0), egui::pos2(30.0, y1));
        stitch.paste(&first, cut(5.0, 30.0), 0.0).unwrap();
        stitch.paste(&second, cut(15.0, 30.0), 25.0).unwrap();
        let png = stitch.png().unwrap();
        let decoded = image::load_from_memory(&png).unwrap().to_rgba8();
        assert_eq!(decoded.dimensions(), (20, 40));
        assert_eq!(decoded.get_pixel(2, 0).0, [255, 0, 0, 255]);
        assert_eq!(decoded.get_pixel(3, 35).0, [0, 0, 255, 255]);
        assert_eq!(decoded.get_pixel(3, 39).0, [255, 255, 255, 255], "the second part fills the bottom");
    }

    #[test]
    fn one_part_is_a_crop_and_a_part_off_screen_is_an_error() {
        let mut img = egui::ColorImage::filled([40, 30], egui::Color32::WHITE);
        img.pixels[10 * 40 + 12] = egui::Color32::RED;
        let rect = egui::Rect::from_min_max(egui::pos2(10.0, 5.0), egui::pos2(30.0, 25.0));
        let mut stitch = super::Stitch::new(rect.size());
        stitch.paste(&img, rect, 0.0).unwrap();
        let decoded = image::load_from_memory(&stitch.png().unwrap()).unwrap().to_rgba8();
        assert_eq!(decoded.dimensions(), (20, 20));
        assert_eq!(decoded.get_pixel(2, 5).0, [255, 0, 0, 255]);
        assert_eq!(decoded.get_pixel(0, 0).0, [255, 255, 255, 255]);
        let off = egui::Rect::from_min_max(egui::pos2(50.0, 50.0), egui::pos2(60.0, 60.0));
        assert!(super::Stitch::new(off.size()).paste(&img, off, 0.0).is_err());
    }
}

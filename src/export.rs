//! Export helpers that need no platform: cutting a chart out of a screenshot as PNG.
//!
//! Writing the file is an [`crate::action::Effect::WriteFile`], carried out by
//! [`crate::platform`] (natively into the export folder; a web build would download it).

/// Cuts `rect` (in physical pixels) out of a screenshot and encodes it as PNG.
pub fn crop_png(image: &egui::ColorImage, rect: egui::Rect) -> Result<Vec<u8>, String> {
    let [w, h] = image.size;
    let x0 = rect.min.x.max(0.0).floor() as usize;
    let y0 = rect.min.y.max(0.0).floor() as usize;
    let x1 = (rect.max.x.ceil() as usize).min(w);
    let y1 = (rect.max.y.ceil() as usize).min(h);
    if x1 <= x0 || y1 <= y0 {
        return Err("the chart is not on screen".into());
    }
    let mut rgba = Vec::with_capacity((x1 - x0) * (y1 - y0) * 4);
    for y in y0..y1 {
        for px in &image.pixels[y * w + x0..y * w + x1] {
            rgba.extend_from_slice(&px.to_srgba_unmultiplied());
        }
    }
    let buffer = image::RgbaImage::from_raw((x1 - x0) as u32, (y1 - y0) as u32, rgba).ok_or("bad image size")?;
    let mut out = std::io::Cursor::new(Vec::new());
    buffer.write_to(&mut out, image::ImageFormat::Png).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    #[test]
    fn crops_and_encodes_png() {
        let mut img = egui::ColorImage::filled([40, 30], egui::Color32::WHITE);
        img.pixels[10 * 40 + 12] = egui::Color32::RED;
        let png =
            super::crop_png(&img, egui::Rect::from_min_max(egui::pos2(10.0, 5.0), egui::pos2(30.0, 25.0))).unwrap();
        let decoded = image::load_from_memory(&png).unwrap().to_rgba8();
        assert_eq!(decoded.dimensions(), (20, 20));
        assert_eq!(decoded.get_pixel(2, 5).0, [255, 0, 0, 255]);
        assert_eq!(decoded.get_pixel(0, 0).0, [255, 255, 255, 255]);
        assert!(
            super::crop_png(&img, egui::Rect::from_min_max(egui::pos2(50.0, 50.0), egui::pos2(60.0, 60.0))).is_err()
        );
    }
}

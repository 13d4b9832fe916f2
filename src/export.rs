//! Writing exported files (chart data as CSV) — the one place the desktop app writes user files.
//!
//! There is no save dialog yet: files go to the user's Downloads folder (or home folder), under a
//! descriptive name that never overwrites an existing file, and the app shows the path.

use std::path::{Path, PathBuf};

/// Where exports go: `$XDG_DOWNLOAD_DIR`, else `~/Downloads` if it exists, else home, else the current folder.
pub fn export_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("XDG_DOWNLOAD_DIR").map(PathBuf::from).filter(|d| d.is_dir()) {
        return dir;
    }
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE")).map(PathBuf::from);
    match home {
        Some(home) if home.join("Downloads").is_dir() => home.join("Downloads"),
        Some(home) if home.is_dir() => home,
        _ => PathBuf::from("."),
    }
}

/// The folder exports go to: the one the user chose (if it exists), else [`export_dir`].
pub fn folder(chosen: &str) -> PathBuf {
    let chosen = chosen.trim();
    if !chosen.is_empty() {
        let path = PathBuf::from(chosen);
        if path.is_dir() {
            return path;
        }
    }
    export_dir()
}

/// Writes `contents` to `dir/file_name`, or `name-2.ext`, `name-3.ext`… if that exists. Returns the path.
pub fn save_in(dir: &Path, file_name: &str, contents: &str) -> std::io::Result<PathBuf> {
    save_bytes_in(dir, file_name, contents.as_bytes())
}

/// Like [`save_in`], for any bytes (PNG images).
pub fn save_bytes_in(dir: &Path, file_name: &str, contents: &[u8]) -> std::io::Result<PathBuf> {
    let file_name = Path::new(file_name).file_name().map(PathBuf::from).unwrap_or_else(|| "export.csv".into());
    let stem = file_name.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let ext = file_name.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    for n in 1..1000 {
        let name = if n == 1 { format!("{stem}{ext}") } else { format!("{stem}-{n}{ext}") };
        let path = dir.join(name);
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                use std::io::Write;
                file.write_all(contents)?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("too many files with this name"))
}

/// Saves an export in [`export_dir`] and returns a message for the user.
pub fn save(file_name: &str, contents: &str, chosen: &str) -> String {
    let dir = folder(chosen);
    match save_in(&dir, file_name, contents) {
        Ok(path) => format!("Saved the chart's data to {}", path.display()),
        Err(e) => format!("Could not save {file_name} in {}: {e}", dir.display()),
    }
}

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

/// Saves PNG bytes in [`export_dir`] and returns a message for the user.
pub fn save_png(file_name: &str, png: &[u8], chosen: &str) -> String {
    let dir = folder(chosen);
    match save_bytes_in(&dir, file_name, png) {
        Ok(path) => format!("Saved the chart as an image: {}", path.display()),
        Err(e) => format!("Could not save {file_name} in {}: {e}", dir.display()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_chosen_folder_is_used_only_if_it_exists() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert_eq!(super::folder(&dir.path().display().to_string()), dir.path());
        assert_eq!(super::folder("/no/such/folder/anywhere"), super::export_dir());
        assert_eq!(super::folder("   "), super::export_dir());
    }

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

    use super::*;

    #[test]
    fn saves_without_overwriting() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = save_in(dir.path(), "figures.csv", "a,b\n1,2\n").expect("first");
        let b = save_in(dir.path(), "figures.csv", "x\n").expect("second");
        assert_eq!(a.file_name().and_then(|n| n.to_str()), Some("figures.csv"));
        assert_eq!(b.file_name().and_then(|n| n.to_str()), Some("figures-2.csv"));
        assert_eq!(std::fs::read_to_string(a).expect("read"), "a,b\n1,2\n");
        let c = save_in(dir.path(), "../escape.csv", "y").expect("third");
        assert_eq!(c.parent(), Some(dir.path()));
    }
}

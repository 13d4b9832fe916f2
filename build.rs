// The built-in pack is compiled into the binary: rebuild when it changes.
// For Windows targets, the app icon and version details are embedded in decoded.exe
// (winresource: windres from mingw-w64 when cross-compiling, rc.exe with MSVC).
fn main() {
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icons/propaganda-decoded.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        let mut res = winresource::WindowsResource::new();
        res.set_icon("assets/icons/propaganda-decoded.ico")
            .set("ProductName", "Propaganda Decoded")
            .set("FileDescription", "Propaganda Decoded")
            .set("OriginalFilename", "decoded.exe")
            .set("LegalCopyright", "Code: MIT OR Apache-2.0. Pack text: CC BY 4.0. See NOTICE.md.");
        if let Err(e) = res.compile() {
            panic!("could not embed the Windows icon (is mingw-w64's windres installed?): {e}");
        }
    }
}

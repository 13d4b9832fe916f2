//! `decoded-web`: the browser build's entry point (`web/build.sh` builds it for wasm32).
//! It starts the app on the page's canvas; everything else is in [`decoded::web`].

#[cfg(target_arch = "wasm32")]
fn main() {
    decoded::web::main();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("decoded-web runs in a browser: build it with web/build.sh");
}

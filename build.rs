// The built-in pack is compiled into the binary: rebuild when it changes.
fn main() {
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=build.rs");
}

//! `cargo run --example try_extract -- TEXT…`: the entities of each snippet.
fn main() {
    for s in std::env::args().skip(1) {
        println!("{s}");
        for e in gongwen::entity::extract(&s) {
            println!("  {}", serde_json::to_string(&e).unwrap());
        }
    }
}

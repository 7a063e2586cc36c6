//! The `gongwen` command-line tool.
fn main() {}

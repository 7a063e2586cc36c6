//! `parse` on arbitrary UTF-8: never panics, the tree satisfies every invariant.
#![no_main]

use libfuzzer_sys::{Corpus, fuzz_target};

mod common;

fuzz_target!(|data: &[u8]| -> Corpus {
    let Ok(src) = std::str::from_utf8(data) else {
        return Corpus::Reject;
    };
    let doc = gongwen::parse(src);
    common::check(&doc);
    Corpus::Keep
});

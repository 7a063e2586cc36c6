//! The `extract` contract (SPEC §8): entities serialize to JSON, the JSON
//! parses back, and each entity's `text` is exactly the input bytes of its
//! `span`.
#![no_main]

use libfuzzer_sys::{Corpus, fuzz_target};

mod common;

fuzz_target!(|data: &[u8]| -> Corpus {
    let Ok(src) = std::str::from_utf8(data) else {
        return Corpus::Reject;
    };
    let doc = gongwen::parse(src);
    common::check(&doc);
    let entities = doc.entities();
    let json = serde_json::to_string(&entities).expect("entities should serialize");
    let back: serde_json::Value = serde_json::from_str(&json).expect("JSON should parse back");
    let arr = back.as_array().expect("an array");
    assert_eq!(arr.len(), entities.len());
    for (v, e) in arr.iter().zip(&entities) {
        let kind = v["kind"].as_str().expect("kind is a string");
        assert!(!kind.is_empty());
        let start = v["span"]["start"].as_u64().expect("span.start") as usize;
        let end = v["span"]["end"].as_u64().expect("span.end") as usize;
        let text = v["text"].as_str().expect("text is a string");
        assert_eq!(Some(text), src.get(start..end), "text should be the span's bytes");
        assert_eq!(text, e.text);
    }
    // The whole document serializes too.
    let whole = serde_json::to_string(&doc).expect("document should serialize");
    let _: serde_json::Value = serde_json::from_str(&whole).expect("document JSON parses");
    Corpus::Keep
});

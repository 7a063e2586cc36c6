//! `parse_bytes` on arbitrary bytes: Ok validates; Err is `InvalidUtf8` at
//! exactly the offset `std::str::from_utf8` reports.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let expected = std::str::from_utf8(data).map_err(|e| e.valid_up_to());
    match (gongwen::parse_bytes(data), expected) {
        (Ok(doc), Ok(_)) => common::check(&doc),
        (Err(gongwen::Error::InvalidUtf8 { offset }), Err(at)) => {
            assert_eq!(offset, at, "InvalidUtf8 offset should be valid_up_to");
        }
        (Ok(_), Err(at)) => panic!("invalid UTF-8 at {at} accepted"),
        (Err(e), Ok(_)) => panic!("valid UTF-8 rejected: {e}"),
        (Err(e), Err(at)) => panic!("invalid UTF-8 at {at} gave the wrong error: {e}"),
    }
});

//! `parse_with` with arbitrary options: every error is the one the options
//! call for, and every document satisfies the invariants and the options.
#![no_main]

use arbitrary::Arbitrary;
use gongwen::{Error, Options, Severity};
use libfuzzer_sys::fuzz_target;

mod common;

#[derive(Debug, Arbitrary)]
struct Input {
    options: Options,
    text: String,
}

fuzz_target!(|input: Input| {
    let Input { options, text } = input;
    let limit = options.max_input_bytes.min(u32::MAX as usize);
    match gongwen::parse_with(&text, &options) {
        Ok(doc) => {
            common::check(&doc);
            assert!(text.len() <= limit, "input over the size limit accepted");
            let depth = common::depth(&doc);
            assert!(
                depth <= options.max_depth,
                "tree of depth {depth} over max_depth {} accepted",
                options.max_depth
            );
            // The cap, plus the first error kept past it, plus the summary.
            assert!(
                doc.diagnostics.len() <= options.max_diagnostics.saturating_add(2),
                "{} diagnostics over max_diagnostics {}",
                doc.diagnostics.len(),
                options.max_diagnostics
            );
            if options.strict {
                assert!(
                    doc.diagnostics.iter().all(|d| d.severity != Severity::Error),
                    "strict mode returned a document with an error diagnostic"
                );
            }
            if !options.entities {
                assert!(doc.entities().is_empty(), "entities off but entities found");
            }
            if !options.sentences {
                assert!(
                    doc.paragraphs().iter().all(|p| p.sentences.is_empty()),
                    "sentences off but sentences found"
                );
            }
        }
        Err(Error::InputTooLarge { size, limit: l }) => {
            assert_eq!(size, text.len());
            assert_eq!(l, limit);
            assert!(size > limit, "InputTooLarge under the limit");
        }
        Err(Error::TooDeep { depth, limit: l }) => {
            assert_eq!(l, options.max_depth, "TooDeep should report the configured limit");
            assert!(depth > l, "TooDeep at depth {depth} within the limit {l}");
        }
        Err(Error::Strict { span, .. }) => {
            assert!(options.strict, "Strict error without strict mode");
            assert!(span.end() <= text.len() && span.start <= span.end);
        }
        Err(e) => panic!("unexpected error for a &str: {e}"),
    }
});

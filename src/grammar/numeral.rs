//! Numerals (placeholder; see the numerals work item).

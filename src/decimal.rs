//! Exact decimal numbers (placeholder; see the numerals work item).

/// An exact decimal value: `mantissa × 10^-scale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Decimal {
    mantissa: i128,
    scale: u32,
}

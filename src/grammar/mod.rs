//! The grammar: one function per production of `grammars/document.ebnf`,
//! each quoting its rule. nom parses lines and inline tokens; nesting is a
//! plain stack in [`crate::tree`]. Everything here is `pub(crate)`: nom's
//! types never reach the public API.

pub(crate) mod classify;
pub(crate) mod date;
pub(crate) mod date_text;
pub(crate) mod figure;
pub(crate) mod fold;
pub(crate) mod heading;
pub(crate) mod metadata;
pub(crate) mod numeral;
pub(crate) mod quantity;
pub(crate) mod reference;
pub(crate) mod trivia;
pub(crate) mod unit;

/// The error type of every grammar function. Private: callers see only
/// "matched" or "did not match".
pub(crate) type GrammarError<'a> = nom::error::Error<&'a str>;

/// The result type of every grammar function.
pub(crate) type PResult<'a, O> = nom::IResult<&'a str, O, GrammarError<'a>>;

/// Every `'static` string an entity may carry: the unit lexicon's written
/// and canonical forms, the change verbs, and the measure words of ranks
/// and numbered things. The packed entity store numbers them.
pub(crate) fn static_entity_strings() -> impl Iterator<Item = &'static str> {
    unit::all_strings().chain(quantity::change_verbs()).chain([
        "百分点",
        "号",
        "號",
        "强",
        "名",
        "位",
    ])
}

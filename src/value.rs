//! Typed values shared by several parts of the tree: calendar dates.

use serde::Serialize;

/// A calendar date or date-time as written: any part may be absent
/// (`2023年` has only a year, `8月份` only a month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Date {
    /// Year (e.g. 2022).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// Month, 1–12.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    /// Day of month, 1–31.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
    /// Hour, 0–23.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hour: Option<u8>,
    /// Minute, 0–59.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minute: Option<u8>,
    /// Second, 0–59.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub second: Option<u8>,
}

impl Date {
    /// A year-month-day date.
    pub fn ymd(year: u16, month: u8, day: u8) -> Self {
        Date {
            year: Some(year),
            month: Some(month),
            day: Some(day),
            ..Date::default()
        }
    }

    /// True when the parts present form a possible date (month 1–12, day
    /// within the month, time parts in range).
    pub fn is_valid(&self) -> bool {
        if let Some(m) = self.month {
            if !(1..=12).contains(&m) {
                return false;
            }
        }
        if let Some(d) = self.day {
            let max = match self.month {
                Some(2) => match self.year {
                    Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
                    _ => 29,
                },
                Some(4 | 6 | 9 | 11) => 30,
                _ => 31,
            };
            if d == 0 || d > max {
                return false;
            }
        }
        self.hour.is_none_or(|h| h < 24)
            && self.minute.is_none_or(|m| m < 60)
            && self.second.is_none_or(|s| s < 60)
    }
}

impl std::fmt::Display for Date {
    /// ISO-8601 style: `2022-01-28`, `2023-12`, `2023`, `2024-01-24T14:37`,
    /// `---15` (a day of the month alone).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut wrote = false;
        if let Some(y) = self.year {
            write!(f, "{y:04}")?;
            wrote = true;
        }
        if let Some(m) = self.month {
            if wrote {
                f.write_str("-")?;
            } else {
                f.write_str("--")?;
            }
            write!(f, "{m:02}")?;
            wrote = true;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        } else if let Some(d) = self.day {
            // A day of the month alone (每月15日): ISO-8601 `---15`.
            write!(f, "---{d:02}")?;
            wrote = true;
        }
        if let Some(h) = self.hour {
            if wrote {
                f.write_str("T")?;
            }
            write!(f, "{h:02}:{:02}", self.minute.unwrap_or(0))?;
            if let Some(s) = self.second {
                write!(f, ":{s:02}")?;
            }
        }
        Ok(())
    }
}

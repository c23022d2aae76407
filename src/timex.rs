//! Resolved temporal values: what a German expression means once anchored. The TIMEX3 string
//! (`2021-10`, `2022-01-12TAF`, `P30M`, `PRESENT_REF`) is only the `Display` of a [`Value`].

use std::fmt;

use serde::Serialize;

/// A calendar date known to some precision. A missing part is unknown (`X` in TIMEX3), never guessed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// The year, if known.
    pub year: Option<i32>,
    /// The month 1..=12, if known.
    pub month: Option<u32>,
    /// The day of the month, if known.
    pub day: Option<u32>,
}

impl PartialDate {
    /// A date known to the day.
    pub fn ymd(year: i32, month: u32, day: u32) -> PartialDate {
        PartialDate {
            year: Some(year),
            month: Some(month),
            day: Some(day),
        }
    }

    /// A full date of the calendar.
    pub fn from_naive(d: chrono::NaiveDate) -> PartialDate {
        use chrono::Datelike;
        PartialDate::ymd(d.year(), d.month(), d.day())
    }

    /// A date known to the month.
    pub fn ym(year: i32, month: u32) -> PartialDate {
        PartialDate {
            year: Some(year),
            month: Some(month),
            day: None,
        }
    }

    /// A date known to the year.
    pub fn y(year: i32) -> PartialDate {
        PartialDate {
            year: Some(year),
            month: None,
            day: None,
        }
    }

    /// Nothing known.
    pub fn unknown() -> PartialDate {
        PartialDate::default()
    }

    /// The full date, if year, month and day are all known and form a real date.
    pub fn naive(&self) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::from_ymd_opt(self.year?, self.month?, self.day?)
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the date exists.
    pub fn parse(s: &str) -> Option<PartialDate> {
        let s = s.trim();
        let mut parts = s.split('-');
        let y = parts.next()?;
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        let month = match parts.next() {
            None => return Some(PartialDate::y(year)),
            Some(m) if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => {
                let m: u32 = m.parse().ok()?;
                (1..=12).contains(&m).then_some(m)?
            }
            Some(_) => return None,
        };
        let day = match parts.next() {
            None => return Some(PartialDate::ym(year, month)),
            Some(d) if d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit()) => d.parse().ok()?,
            Some(_) => return None,
        };
        if parts.next().is_some() {
            return None;
        }
        chrono::NaiveDate::from_ymd_opt(year, month, day)?;
        Some(PartialDate::ymd(year, month, day))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(y) => write!(f, "{y:04}")?,
            None => f.write_str("XXXX")?,
        }
        if self.month.is_none() && self.day.is_none() {
            return Ok(());
        }
        match self.month {
            Some(m) => write!(f, "-{m:02}")?,
            None => f.write_str("-XX")?,
        }
        match self.day {
            Some(d) => write!(f, "-{d:02}"),
            None if self.year.is_some() && self.month.is_some() => Ok(()),
            None => f.write_str("-XX"),
        }
    }
}

/// TIMEX3 `type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date, week, month, season, year, decade or reference (`PRESENT_REF`).
    Date,
    /// A clock time or a part of a day.
    Time,
    /// A length of time (`P30M`).
    Duration,
    /// A recurrence (`P1M`, `XXXX-WXX-2`).
    Set,
}

impl fmt::Display for TimexType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        })
    }
}

/// TIMEX3 `mod`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Mod {
    Before,
    After,
    OnOrBefore,
    OnOrAfter,
    LessThan,
    MoreThan,
    EqualOrLess,
    EqualOrMore,
    Start,
    Mid,
    End,
    Approx,
}

impl fmt::Display for Mod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Mod::Before => "BEFORE",
            Mod::After => "AFTER",
            Mod::OnOrBefore => "ON_OR_BEFORE",
            Mod::OnOrAfter => "ON_OR_AFTER",
            Mod::LessThan => "LESS_THAN",
            Mod::MoreThan => "MORE_THAN",
            Mod::EqualOrLess => "EQUAL_OR_LESS",
            Mod::EqualOrMore => "EQUAL_OR_MORE",
            Mod::Start => "START",
            Mod::Mid => "MID",
            Mod::End => "END",
            Mod::Approx => "APPROX",
        })
    }
}

/// What a leading preposition said about the expression, kept although it is not in the span.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Signal {
    /// "seit": from then on, until now.
    Since,
    /// "bis": up to then.
    Until,
    /// "ab": from then on.
    From,
    /// "vor dem": before then.
    Before,
    /// "nach dem": after then.
    After,
}

/// A part of the day (TIMEX3 `MO`, `MI`, `AF`, `EV`, `NI`, `DT`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DayPart {
    Morning,
    Midday,
    Afternoon,
    Evening,
    Night,
    Daytime,
}

impl DayPart {
    /// The TIMEX3 code.
    pub fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Midday => "MI",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
            DayPart::Daytime => "DT",
        }
    }
}

/// A season (TIMEX3 `SP`, `SU`, `FA`, `WI`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    /// The TIMEX3 code.
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
}

/// A unit of a duration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The ISO 8601 / TIMEX3 letter(s) and whether the unit sits after the `T`.
    fn code(self) -> (&'static str, bool) {
        match self {
            Unit::Second => ("S", true),
            Unit::Minute => ("M", true),
            Unit::Hour => ("H", true),
            Unit::Day => ("D", false),
            Unit::Week => ("W", false),
            Unit::Month => ("M", false),
            Unit::Quarter => ("Q", false),
            Unit::Year => ("Y", false),
            Unit::Decade => ("DE", false),
            Unit::Century => ("CE", false),
        }
    }

    /// The next smaller unit that a fraction of this one is a whole number of, with the factor.
    pub fn smaller(self) -> Option<(Unit, u32)> {
        match self {
            Unit::Minute => Some((Unit::Second, 60)),
            Unit::Hour => Some((Unit::Minute, 60)),
            Unit::Day => Some((Unit::Hour, 24)),
            Unit::Week => Some((Unit::Day, 7)),
            Unit::Year => Some((Unit::Month, 12)),
            Unit::Quarter => Some((Unit::Month, 3)),
            Unit::Decade => Some((Unit::Year, 10)),
            Unit::Century => Some((Unit::Year, 100)),
            Unit::Second | Unit::Month => None,
        }
    }
}

/// A length of time: an amount (or an unknown one, `X`) of a unit.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Duration {
    /// The amount, `None` when the text gives none ("seit Tagen" is `PXD`).
    pub amount: Option<f64>,
    /// The unit.
    pub unit: Unit,
}

impl Duration {
    /// A duration of `amount` units, with fractions moved to a smaller unit where that is exact
    /// (2.5 years is `P30M`, 1.5 hours `PT90M`).
    pub fn new(amount: f64, unit: Unit) -> Duration {
        let mut d = Duration {
            amount: Some(amount),
            unit,
        };
        while let (Some(a), Some((smaller, factor))) = (d.amount, d.unit.smaller()) {
            if a.fract() == 0.0 {
                break;
            }
            d = Duration {
                amount: Some(a * f64::from(factor)),
                unit: smaller,
            };
        }
        d
    }

    /// A duration of an unknown number of units (`PXD`).
    pub fn unknown(unit: Unit) -> Duration {
        Duration { amount: None, unit }
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (code, time) = self.unit.code();
        f.write_str(if time { "PT" } else { "P" })?;
        match self.amount {
            None => f.write_str("X")?,
            Some(a) if a.fract() == 0.0 => write!(f, "{}", a as i64)?,
            Some(a) => write!(f, "{a}")?,
        }
        f.write_str(code)
    }
}

/// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reference {
    Present,
    Past,
    Future,
}

/// A resolved (or visibly unresolved) temporal value. Its `Display` is the TIMEX3 value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A date to year, month or day precision: `2014`, `2021-10`, `2022-01-12`, `XXXX-10`.
    Date(PartialDate),
    /// A date with a clock time: `2022-01-12T09:51`, with seconds when given.
    DateTime {
        date: PartialDate,
        hour: u32,
        minute: u32,
        second: Option<u32>,
    },
    /// A part of a day: `2022-01-12TAF`.
    PartOfDay { date: PartialDate, part: DayPart },
    /// A weekday whose week is not known: `XXXX-WXX-3`, with a part of day `XXXX-WXX-3TAF`.
    Weekday { weekday: u32, part: Option<DayPart> },
    /// A weekend whose week is not known: `XXXX-WXX-WE`, the value of "jedes Wochenende".
    Weekend,
    /// A clock time on a weekday whose week is not known: `XXXX-WXX-3T16:00`, the value of a
    /// set "jeden Mittwoch um 16 Uhr". (A daily set "jeden Tag um 19:13 Uhr" is a `DateTime`
    /// on an unknown day: `XXXX-XX-XXT19:13`, as "jeden Abend" is `XXXX-XX-XXTEV`.)
    WeekdayClock {
        weekday: u32,
        hour: u32,
        minute: u32,
    },
    /// An ISO week or its weekend: `2021-W46`, `2021-W44-WE`.
    Week { year: i32, week: u32, weekend: bool },
    /// A season: `2024-FA`.
    Season { year: Option<i32>, season: Season },
    /// A quarter: `2022-Q2`.
    Quarter { year: Option<i32>, quarter: u32 },
    /// A half year: `2022-H1`.
    Half { year: Option<i32>, half: u32 },
    /// A decade, written as its first three digits: `199`.
    Decade(i32),
    /// A century, written as its first two digits: `18` for the 19th century.
    Century(i32),
    /// A length of time: `P30M`, `PT4H`, `PXD`.
    Duration(Duration),
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Ref(Reference),
    /// A day, week or month that needs an anchor the document does not give: `XXXX-XX-XX`.
    Unknown(Unit),
}

impl Value {
    /// The TIMEX3 type that goes with this value.
    pub fn timex_type(&self) -> TimexType {
        match self {
            Value::DateTime { .. } | Value::PartOfDay { .. } | Value::WeekdayClock { .. } => {
                TimexType::Time
            }
            Value::Weekday { part: Some(_), .. } => TimexType::Time,
            Value::Duration(_) => TimexType::Duration,
            _ => TimexType::Date,
        }
    }

    /// Whether every part of the value is known (no `X`).
    pub fn is_resolved(&self) -> bool {
        match self {
            Value::Date(d) | Value::DateTime { date: d, .. } | Value::PartOfDay { date: d, .. } => {
                d.year.is_some() && (d.month.is_some() || d.day.is_none())
            }
            Value::Weekday { .. }
            | Value::Weekend
            | Value::WeekdayClock { .. }
            | Value::Unknown(_) => false,
            Value::Season { year, .. } | Value::Quarter { year, .. } | Value::Half { year, .. } => {
                year.is_some()
            }
            Value::Duration(d) => d.amount.is_some(),
            _ => true,
        }
    }
}

fn write_year(f: &mut fmt::Formatter<'_>, year: Option<i32>) -> fmt::Result {
    match year {
        Some(y) => write!(f, "{y:04}"),
        None => f.write_str("XXXX"),
    }
}

/// A date written out to the day, unknown parts as `X` (for values with a time part).
fn write_full_date(f: &mut fmt::Formatter<'_>, d: &PartialDate) -> fmt::Result {
    write_year(f, d.year)?;
    match d.month {
        Some(m) => write!(f, "-{m:02}")?,
        None => f.write_str("-XX")?,
    }
    match d.day {
        Some(day) => write!(f, "-{day:02}"),
        None => f.write_str("-XX"),
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Date(d) => write!(f, "{d}"),
            Value::DateTime {
                date,
                hour,
                minute,
                second,
            } => {
                write_full_date(f, date)?;
                write!(f, "T{hour:02}:{minute:02}")?;
                match second {
                    Some(s) => write!(f, ":{s:02}"),
                    None => Ok(()),
                }
            }
            Value::PartOfDay { date, part } => {
                write_full_date(f, date)?;
                write!(f, "T{}", part.code())
            }
            Value::Weekday { weekday, part } => {
                write!(f, "XXXX-WXX-{weekday}")?;
                match part {
                    Some(p) => write!(f, "T{}", p.code()),
                    None => Ok(()),
                }
            }
            Value::Weekend => f.write_str("XXXX-WXX-WE"),
            Value::WeekdayClock {
                weekday,
                hour,
                minute,
            } => write!(f, "XXXX-WXX-{weekday}T{hour:02}:{minute:02}"),
            Value::Week {
                year,
                week,
                weekend,
            } => {
                write!(f, "{year:04}-W{week:02}")?;
                if *weekend {
                    f.write_str("-WE")?;
                }
                Ok(())
            }
            Value::Season { year, season } => {
                write_year(f, *year)?;
                write!(f, "-{}", season.code())
            }
            Value::Quarter { year, quarter } => {
                write_year(f, *year)?;
                write!(f, "-Q{quarter}")
            }
            Value::Half { year, half } => {
                write_year(f, *year)?;
                write!(f, "-H{half}")
            }
            Value::Decade(d) => write!(f, "{d:03}"),
            Value::Century(c) => write!(f, "{c:02}"),
            Value::Duration(d) => write!(f, "{d}"),
            Value::Ref(Reference::Present) => f.write_str("PRESENT_REF"),
            Value::Ref(Reference::Past) => f.write_str("PAST_REF"),
            Value::Ref(Reference::Future) => f.write_str("FUTURE_REF"),
            Value::Unknown(unit) => f.write_str(match unit {
                Unit::Second | Unit::Minute | Unit::Hour => "XXXX-XX-XXTXX:XX",
                Unit::Day => "XXXX-XX-XX",
                Unit::Week => "XXXX-WXX",
                Unit::Month => "XXXX-XX",
                Unit::Quarter => "XXXX-QX",
                _ => "XXXX",
            }),
        }
    }
}

/// Which date a value was anchored to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnchorKind {
    /// Nothing: the expression is absolute ("12. Januar 2022", "2014").
    None,
    /// The document creation time.
    Document,
    /// The last date mentioned before it in the text.
    LastMentioned,
}

/// Which way an underspecified expression was resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Not needed: the expression says where it is.
    Fixed,
    /// Back from the anchor (a past-tense sentence, "vergangene").
    Past,
    /// Ahead of the anchor (a future-tense sentence, "nächste").
    Future,
    /// The one nearest the anchor, either way.
    Nearest,
}

/// A temporal expression found in a text and resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Timex {
    /// The expression as written: `text[start..end]`.
    pub text: String,
    /// UTF-8 byte offset of the first byte.
    pub start: usize,
    /// UTF-8 byte offset one past the last byte.
    pub end: usize,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value.
    pub value: Value,
    /// TIMEX3 mod, where the text gives one.
    pub modifier: Option<Mod>,
    /// For a range ("von 2011 bis 2018"), the value of its end; `value` is its start.
    pub range_end: Option<Value>,
    /// For a range, the byte spans of its two ends ("2011" and "2018"), as TimeML tags them.
    pub range_parts: Option<[(usize, usize); 2]>,
    /// For a set, TIMEX3 `quant` ("EACH") and `freq` ("2X").
    pub quant: Option<&'static str>,
    /// For a set, how often per period.
    pub freq: Option<u32>,
    /// What the preposition in front said ("seit", "bis", ...), though it is not in the span.
    pub signal: Option<Signal>,
    /// The name of the grammar rule that matched.
    pub rule: &'static str,
    /// What the value was anchored to.
    pub anchor: AnchorKind,
    /// The anchor date itself, where one was used.
    pub anchor_value: Option<String>,
    /// Which way it was resolved.
    pub direction: Direction,
}

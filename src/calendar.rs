//! Time arithmetic on chrono: shifting by units, ISO weeks, Easter. Small and pure.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// German month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// Easter Sunday of `year` (Gregorian, anonymous algorithm), `None` outside chrono's range.
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// `date` moved by `n` days.
pub fn add_days(date: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        date.checked_add_days(Days::new(n as u64))
    } else {
        date.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// `date` moved by `n` months, the day clamped to the month's end.
pub fn add_months(date: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = u32::try_from(n.unsigned_abs()).ok()?;
    if n >= 0 {
        date.checked_add_months(Months::new(m))
    } else {
        date.checked_sub_months(Months::new(m))
    }
}

/// (year, month) moved by `n` months.
pub fn shift_month(year: i32, month: u32, n: i64) -> Option<(i32, u32)> {
    let total = i64::from(year) * 12 + i64::from(month) - 1 + n;
    let y = i32::try_from(total.div_euclid(12)).ok()?;
    Some((y, (total.rem_euclid(12) + 1) as u32))
}

/// ISO year and week of `date`.
pub fn iso_week(date: NaiveDate) -> (i32, u32) {
    let w = date.iso_week();
    (w.year(), w.week())
}

/// The date of ISO weekday `weekday` (1 = Monday) in the ISO week of `date`.
pub fn weekday_in_week(date: NaiveDate, weekday: u32) -> Option<NaiveDate> {
    let from_monday = i64::from(date.weekday().num_days_from_monday());
    add_days(date, i64::from(weekday) - 1 - from_monday)
}

/// ISO weekday number, 1 = Monday.
pub fn weekday_number(date: NaiveDate) -> u32 {
    date.weekday().number_from_monday()
}

/// The weekday from its ISO number.
pub fn weekday_from(n: u32) -> Option<Weekday> {
    Weekday::try_from(u8::try_from(n.checked_sub(1)?).ok()?).ok()
}

/// The first Sunday of Advent: the fourth Sunday before Christmas Day.
pub fn first_advent(year: i32) -> Option<NaiveDate> {
    let christmas = NaiveDate::from_ymd_opt(year, 12, 25)?;
    let back = i64::from(christmas.weekday().num_days_from_sunday());
    let last_sunday = add_days(christmas, if back == 0 { -7 } else { -back })?;
    add_days(last_sunday, -21)
}

/// The `n`-th (1-based; -1 = last) ISO weekday `weekday` (1 = Monday) of a month.
pub fn nth_weekday(year: i32, month: u32, weekday: u32, n: i32) -> Option<NaiveDate> {
    let wd = weekday_from(weekday)?;
    if n > 0 {
        NaiveDate::from_weekday_of_month_opt(year, month, wd, u8::try_from(n).ok()?)
    } else {
        let (ny, nm) = shift_month(year, month, 1)?;
        let mut d = NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()?;
        while d.weekday() != wd {
            d = d.pred_opt()?;
        }
        Some(d)
    }
}

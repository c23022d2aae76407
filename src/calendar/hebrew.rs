//! The Hebrew calendar, computed exactly: the molad (mean new moon) of Tishrei and the
//! postponements (dehiyyot) give the new year, the year's length gives the months.
//!
//! Months are numbered from Nisan as in the Bible and in Reingold & Dershowitz,
//! *Calendrical Calculations*: Nisan 1, Iyar 2, Sivan 3, Tammuz 4, Av 5, Elul 6, Tishrei 7,
//! Marheshvan 8, Kislev 9, Tevet 10, Shevat 11, Adar (Adar I in a leap year) 12, Adar II 13.
//! The year begins with Tishrei. Days are civil days: a Hebrew date here is the daytime of that
//! date (Yom Kippur 5779 is 2018-09-19), not the evening before on which it begins.

use chrono::NaiveDate;

pub const NISAN: u32 = 1;
pub const IYAR: u32 = 2;
pub const SIVAN: u32 = 3;
pub const AV: u32 = 5;
pub const TISHREI: u32 = 7;
pub const KISLEV: u32 = 9;
pub const SHEVAT: u32 = 11;
/// Adar; in a leap year the Adar of Purim is Adar II.
pub const ADAR: u32 = 12;
pub const ADAR_II: u32 = 13;

/// Days from 0001-01-01 (day 1, proleptic Gregorian) to 1 Tishrei AM 1 (Julian 7 October
/// 3761 BCE): day number −1373427 in that count.
const EPOCH: i64 = -1_373_427;

/// Whether Hebrew year `year` has thirteen months (years 3, 6, 8, 11, 14, 17, 19 of the cycle).
pub fn is_leap(year: i64) -> bool {
    (7 * year + 1).rem_euclid(19) < 7
}

/// Days from the epoch to the day of the molad of Tishrei of `year`, moved a day when that
/// would put Rosh Hashanah on a Sunday, Wednesday or Friday (lo ADU rosh; with the half-day
/// rule folded in).
fn elapsed_days(year: i64) -> i64 {
    let months = (235 * year - 234).div_euclid(19);
    // Parts (1/1080 hour) of the molad: the epoch's molad BaHaRaD is 5 h 204 parts into its day
    // (12084 parts counted from noon), a month is 29 d 12 h 793 parts.
    let parts = 12084 + 13753 * months;
    let days = 29 * months + parts.div_euclid(25920);
    if (3 * (days + 1)).rem_euclid(7) < 3 {
        days + 1
    } else {
        days
    }
}

/// The further postponements that keep every year 353–355 or 383–385 days long
/// (GaTaRaD and BeTU'TaKPaT).
fn year_length_correction(year: i64) -> i64 {
    let ny0 = elapsed_days(year - 1);
    let ny1 = elapsed_days(year);
    let ny2 = elapsed_days(year + 1);
    if ny2 - ny1 == 356 {
        2
    } else if ny1 - ny0 == 382 {
        1
    } else {
        0
    }
}

/// Day number (0001-01-01 is 1) of 1 Tishrei of `year`.
fn new_year_day(year: i64) -> i64 {
    EPOCH + elapsed_days(year) + year_length_correction(year)
}

fn days_in_year(year: i64) -> i64 {
    new_year_day(year + 1) - new_year_day(year)
}

/// Days of `month` in `year`.
pub fn month_length(year: i64, month: u32) -> i64 {
    let len = days_in_year(year);
    match month {
        2 | 4 | 6 | 10 | 13 => 29,
        12 if !is_leap(year) => 29,
        // Marheshvan is long in a complete year (355 or 385 days).
        8 if len % 10 != 5 => 29,
        // Kislev is short in a deficient year (353 or 383 days).
        9 if len % 10 == 3 => 29,
        _ => 30,
    }
}

/// The Gregorian date of day `day` of `month` in Hebrew year `year` (Adar II only in a leap
/// year; day up to the month's length).
pub fn to_gregorian(year: i64, month: u32, day: u32) -> Option<NaiveDate> {
    if !(1..=13).contains(&month) || (month == ADAR_II && !is_leap(year)) || day == 0 {
        return None;
    }
    if i64::from(day) > month_length(year, month) {
        return None;
    }
    let last = if is_leap(year) { 13 } else { 12 };
    let order = (TISHREI..=last).chain(1..TISHREI);
    let mut n = new_year_day(year);
    for m in order {
        if m == month {
            break;
        }
        n += month_length(year, m);
    }
    n += i64::from(day) - 1;
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(n).ok()?)
}

/// The Hebrew year in which Tishrei falls in Gregorian year `year`.
pub fn year_of_autumn(year: i32) -> i64 {
    i64::from(year) + 3761
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::tests::d;

    #[test]
    fn rosh_hashanah() {
        // Published Jewish calendars (e.g. hebcal.com) for these years.
        assert_eq!(to_gregorian(5779, TISHREI, 1), Some(d(2018, 9, 10)));
        assert_eq!(to_gregorian(5784, TISHREI, 1), Some(d(2023, 9, 16)));
        assert_eq!(to_gregorian(5785, TISHREI, 1), Some(d(2024, 10, 3)));
        assert_eq!(to_gregorian(5760, TISHREI, 1), Some(d(1999, 9, 11)));
        assert_eq!(to_gregorian(5761, TISHREI, 1), Some(d(2000, 9, 30)));
    }

    #[test]
    fn festivals() {
        assert_eq!(to_gregorian(5779, TISHREI, 10), Some(d(2018, 9, 19)));
        assert_eq!(to_gregorian(5779, KISLEV, 25), Some(d(2018, 12, 3)));
        assert_eq!(to_gregorian(5778, NISAN, 15), Some(d(2018, 3, 31)));
        assert_eq!(to_gregorian(5784, NISAN, 15), Some(d(2024, 4, 23)));
        // 5784 is a leap year: Purim is in Adar II.
        assert!(is_leap(5784));
        assert_eq!(to_gregorian(5784, ADAR_II, 14), Some(d(2024, 3, 24)));
        assert_eq!(to_gregorian(5773, ADAR, 14), Some(d(2013, 2, 24)));
        assert_eq!(to_gregorian(5778, SIVAN, 6), Some(d(2018, 5, 20)));
        assert_eq!(to_gregorian(5778, SHEVAT, 15), Some(d(2018, 1, 31)));
        assert_eq!(to_gregorian(5778, AV, 9), Some(d(2018, 7, 21)));
        assert_eq!(to_gregorian(5778, ADAR_II, 1), None);
    }

    #[test]
    fn year_lengths_are_lawful() {
        for y in 5600..5900 {
            let len = days_in_year(y);
            assert!([353, 354, 355, 383, 384, 385].contains(&len), "{y}: {len}");
            assert_eq!(len > 360, is_leap(y), "{y}");
        }
    }
}

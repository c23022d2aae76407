//! Time arithmetic on chrono: shifting by units, ISO weeks, Easter (Western and Orthodox), and
//! the Hebrew, Islamic, Chinese and Iranian calendars for their holidays. Small and pure.

pub mod astro;
pub mod chinese;
pub mod hebrew;
pub mod hindu;
pub mod islamic;
pub mod persian;

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

/// Orthodox Easter Sunday of `year`: the Julian computus, converted to the Gregorian date.
pub fn orthodox_easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(4);
    let b = year.rem_euclid(7);
    let c = year.rem_euclid(19);
    let d = (19 * c + 15).rem_euclid(30);
    let e = (2 * a + 4 * b - d + 34).rem_euclid(7);
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    // The Julian calendar runs behind by the century leap days the Gregorian one drops (13 days
    // from March 1900 to February 2100); Easter is always after the end of February.
    let lag = year.div_euclid(100) - year.div_euclid(400) - 2;
    let julian_as_gregorian = NaiveDate::from_ymd_opt(year, month as u32, day as u32)?;
    add_days(julian_as_gregorian, i64::from(lag))
}

/// The Gregorian date of a Julian calendar date after February (a Julian year's leap day
/// is the last one the two calendars' offset can change at).
pub fn julian_to_gregorian(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    if month < 3 {
        return None;
    }
    let lag = year.div_euclid(100) - year.div_euclid(400) - 2;
    add_days(NaiveDate::from_ymd_opt(year, month, day)?, i64::from(lag))
}

/// The Gregorian date in `year` of day `day` of Hebrew `month` (12 is the Adar of Purim: Adar
/// II in a leap year), or `None` if that date falls in no Hebrew year overlapping `year` there.
pub fn hebrew_date_in(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let hy_autumn = hebrew::year_of_autumn(year);
    [hy_autumn - 1, hy_autumn].into_iter().find_map(|hy| {
        let m = if month == hebrew::ADAR && hebrew::is_leap(hy) {
            hebrew::ADAR_II
        } else {
            month
        };
        hebrew::to_gregorian(hy, m, day).filter(|d| d.year() == year)
    })
}

/// An Israeli memorial or holiday whose date moves off the Sabbath and its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HebrewObserved {
    /// Yom HaShoah, 27 Nisan: a Friday moves to Thursday, a Sunday to Monday.
    YomHaShoah,
    /// Yom Ha'atzmaut, 5 Iyar: a Friday or Saturday moves to the Thursday before, a Monday to
    /// Tuesday (the rule since 2004).
    YomHaatzmaut,
    /// Tisha B'Av, 9 Av: a Saturday moves to Sunday.
    TishaBeAv,
}

/// The day in `year` an Israeli memorial or holiday is observed.
pub fn hebrew_observed_in(year: i32, which: HebrewObserved) -> Option<NaiveDate> {
    let (month, day) = match which {
        HebrewObserved::YomHaShoah => (hebrew::NISAN, 27),
        HebrewObserved::YomHaatzmaut => (hebrew::IYAR, 5),
        HebrewObserved::TishaBeAv => (hebrew::AV, 9),
    };
    let date = hebrew_date_in(year, month, day)?;
    let shift = match (which, date.weekday()) {
        (HebrewObserved::YomHaShoah, Weekday::Fri) => -1,
        (HebrewObserved::YomHaShoah, Weekday::Sun) => 1,
        (HebrewObserved::YomHaatzmaut, Weekday::Fri) => -1,
        (HebrewObserved::YomHaatzmaut, Weekday::Sat) => -2,
        (HebrewObserved::YomHaatzmaut, Weekday::Mon) => 1,
        (HebrewObserved::TishaBeAv, Weekday::Sat) => 1,
        _ => 0,
    };
    add_days(date, shift)
}

/// The Gregorian dates in `year` of day `day` of Islamic `month` (the Umm al-Qura rule): one,
/// or two when the Islamic year is short enough to fit twice, earliest first.
pub fn islamic_dates_in(year: i32, month: u32, day: u32) -> Vec<NaiveDate> {
    islamic::years_in(year)
        .filter_map(|ah| islamic::umm_al_qura(ah, month, day))
        .filter(|d| d.year() == year)
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A date for tests, here and in the calendar modules below.
    pub(super) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn orthodox_easter_dates() {
        // Orthodox Easter as published by the Orthodox churches.
        assert_eq!(orthodox_easter(2018), Some(d(2018, 4, 8)));
        assert_eq!(orthodox_easter(2021), Some(d(2021, 5, 2)));
        assert_eq!(orthodox_easter(2023), Some(d(2023, 4, 16)));
        assert_eq!(orthodox_easter(2024), Some(d(2024, 5, 5)));
        // Same day as Western Easter in 2017 and 2025.
        assert_eq!(orthodox_easter(2017), easter(2017));
        assert_eq!(orthodox_easter(2025), Some(d(2025, 4, 20)));
        assert_eq!(easter(2025), Some(d(2025, 4, 20)));
    }

    #[test]
    fn julian_dates() {
        // Orthodox Christmas (Julian 25 December) is 7 January from 1901 to 2100.
        assert_eq!(julian_to_gregorian(2021, 12, 25), Some(d(2022, 1, 7)));
        assert_eq!(julian_to_gregorian(2100, 12, 25), Some(d(2101, 1, 8)));
        // The October Revolution: Julian 25 October 1917 is 7 November.
        assert_eq!(julian_to_gregorian(1917, 10, 25), Some(d(1917, 11, 7)));
    }

    #[test]
    fn hebrew_dates_in_a_gregorian_year() {
        // Purim 2013 (Adar, common year) and 2024 (Adar II, leap year); Hanukkah 2018.
        assert_eq!(hebrew_date_in(2013, hebrew::ADAR, 14), Some(d(2013, 2, 24)));
        assert_eq!(hebrew_date_in(2024, hebrew::ADAR, 14), Some(d(2024, 3, 24)));
        assert_eq!(
            hebrew_date_in(2018, hebrew::KISLEV, 25),
            Some(d(2018, 12, 3))
        );
        assert_eq!(
            hebrew_date_in(2018, hebrew::TISHREI, 1),
            Some(d(2018, 9, 10))
        );
    }

    #[test]
    fn israeli_days_move_off_the_sabbath() {
        // Yom HaShoah 2018: 27 Nisan was a Thursday (12 April); 2021: 27 Nisan was a Friday,
        // observed Thursday 8 April.
        let shoah = HebrewObserved::YomHaShoah;
        assert_eq!(hebrew_observed_in(2018, shoah), Some(d(2018, 4, 12)));
        assert_eq!(hebrew_observed_in(2021, shoah), Some(d(2021, 4, 8)));
        // Yom Ha'atzmaut 2018: 5 Iyar was a Friday, observed Thursday 19 April.
        let atzmaut = HebrewObserved::YomHaatzmaut;
        assert_eq!(hebrew_observed_in(2018, atzmaut), Some(d(2018, 4, 19)));
        // Tisha B'Av 2018: 9 Av was a Saturday, the fast was on Sunday 22 July.
        let av = HebrewObserved::TishaBeAv;
        assert_eq!(hebrew_observed_in(2018, av), Some(d(2018, 7, 22)));
        assert_eq!(hebrew_observed_in(2024, av), Some(d(2024, 8, 13)));
    }

    #[test]
    fn islamic_dates_in_a_gregorian_year() {
        // 2000 had two Eid al-Fitr (8 January and 27 December).
        let fitr = islamic_dates_in(2000, islamic::SHAWWAL, 1);
        assert_eq!(fitr.len(), 2);
        assert!((fitr[0] - d(2000, 1, 8)).num_days().abs() <= 1);
        assert!((fitr[1] - d(2000, 12, 27)).num_days().abs() <= 1);
        assert_eq!(
            islamic_dates_in(2018, islamic::SHAWWAL, 1),
            vec![d(2018, 6, 15)]
        );
    }
}

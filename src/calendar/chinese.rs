//! Chinese New Year from astronomy (`super::astro`), on the civil days of China Standard Time
//! (UTC+8).
//!
//! Month 11 is the month that holds the winter solstice. When thirteen new moons follow from one
//! month 11 to the next, the first month without a major solar term (the Sun entering a multiple
//! of 30° of longitude) is the leap month; New Year's Day is the second new moon after the start
//! of month 11, or the third when the leap month is the 11th or 12th (as in 2033/34).

use chrono::NaiveDate;

use super::astro::{
    delta_t, new_moon, sun_at_longitude, sun_longitude, JD_DAY0, LUNATION0, SYNODIC,
};

/// Day number (0001-01-01 is 1) in China Standard Time of Julian Ephemeris Day `jde`.
fn cst_day(jde: f64, year: i32) -> i64 {
    (jde - delta_t(year) + 8.0 / 24.0 - JD_DAY0).floor() as i64
}

/// Julian Ephemeris Day of the start (00:00 China Standard Time) of day number `day`.
fn cst_midnight(day: i64, year: i32) -> f64 {
    day as f64 + JD_DAY0 - 8.0 / 24.0 + delta_t(year)
}

/// Day number (China Standard Time) of the December solstice of `year`.
fn winter_solstice(year: i32) -> Option<i64> {
    let dec21 = NaiveDate::from_ymd_opt(year, 12, 21)?;
    let guess = f64::from(chrono::Datelike::num_days_from_ce(&dec21)) + JD_DAY0;
    Some(cst_day(sun_at_longitude(guess, 270.0), year))
}

/// The number of the last new moon that falls on or before day `day` (China Standard Time).
fn new_moon_on_or_before(day: i64, year: i32) -> i64 {
    let mut k = ((cst_midnight(day, year) - LUNATION0) / SYNODIC).round() as i64 + 1;
    while cst_day(new_moon(k), year) > day {
        k -= 1;
    }
    k
}

/// Chinese New Year's Day (the first day of the first month) in Gregorian year `year`.
pub fn new_year(year: i32) -> Option<NaiveDate> {
    let k11 = new_moon_on_or_before(winter_solstice(year - 1)?, year);
    let k11_next = new_moon_on_or_before(winter_solstice(year)?, year);
    let mut first_month = 2;
    if k11_next - k11 == 13 {
        // The first month after month 11 without a major solar term is the leap month.
        let leap = (1..=12).find(|&i| {
            let start = cst_midnight(cst_day(new_moon(k11 + i), year), year);
            let end = cst_midnight(cst_day(new_moon(k11 + i + 1), year), year);
            (sun_longitude(start) / 30.0).floor() == (sun_longitude(end) / 30.0).floor()
        });
        if leap.is_some_and(|i| i <= 2) {
            first_month = 3;
        }
    }
    let day = cst_day(new_moon(k11 + first_month), year);
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(day).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_new_year_dates() {
        // Published Chinese New Year dates, including 2034 after the leap 11th month of 2033.
        for (y, m, d) in [
            (1950, 2, 17),
            (1985, 2, 20),
            (2000, 2, 5),
            (2001, 1, 24),
            (2013, 2, 10),
            (2014, 1, 31),
            (2015, 2, 19),
            (2017, 1, 28),
            (2018, 2, 16),
            (2020, 1, 25),
            (2021, 2, 12),
            (2022, 2, 1),
            (2023, 1, 22),
            (2024, 2, 10),
            (2025, 1, 29),
            (2026, 2, 17),
            (2033, 1, 31),
            (2034, 2, 19),
        ] {
            assert_eq!(new_year(y), NaiveDate::from_ymd_opt(y, m, d), "{y}");
        }
    }
}

//! Nowruz, the Iranian New Year: 1 Farvardin is the day of the March equinox when the equinox
//! comes before true noon in Tehran (the 52.5° E meridian of Iran Standard Time), else the day
//! after.
//!
//! The Parsi New Year (Jamshedi Navroz of the Shahenshahi calendar) is 1 Farvardin of the
//! Zoroastrian year of Yazdegerd III: 365 days without leap days from 16 June 632 (Julian), with
//! one month of 30 days intercalated once since then, so that it moves a day earlier every four
//! years (17 August in 2018, 15 August in 2024).

use chrono::NaiveDate;

use super::astro::{delta_t, sun_at_longitude, JD_DAY0};

/// Nowruz (1 Farvardin) of Gregorian year `year`.
pub fn nowruz(year: i32) -> Option<NaiveDate> {
    let mar20 = NaiveDate::from_ymd_opt(year, 3, 20)?;
    let guess = f64::from(chrono::Datelike::num_days_from_ce(&mar20)) + JD_DAY0;
    // Universal Time, then the mean solar time of the 52.5° E meridian (UTC+3:30).
    let local = sun_at_longitude(guess, 0.0) - delta_t(year) + 3.5 / 24.0;
    let day = (local - JD_DAY0).floor();
    // True noon there is about eight minutes after mean noon around the equinox (equation of
    // time, Spencer's approximation).
    let b = (360.0_f64 * (79.0 - 81.0) / 365.0).to_radians();
    let equation_minutes = 9.87 * (2.0 * b).sin() - 7.53 * b.cos() - 1.5 * b.sin();
    let noon = 0.5 - equation_minutes / 1440.0;
    let first = if local - JD_DAY0 - day < noon {
        day
    } else {
        day + 1.0
    };
    NaiveDate::from_num_days_from_ce_opt(first as i32)
}

/// Day number (0001-01-01 is 1) of 16 June 632 (Julian), the epoch of the Yazdegerdi era.
const YAZDEGERD_EPOCH: i64 = 230_638;

/// The Parsi New Year (1 Farvardin, Shahenshahi) in Gregorian year `year`.
pub fn parsi_new_year(year: i32) -> Option<NaiveDate> {
    let jan1 = i64::from(chrono::Datelike::num_days_from_ce(
        &NaiveDate::from_ymd_opt(year, 1, 1)?,
    ));
    let first = YAZDEGERD_EPOCH + 30;
    let n = (jan1 - first).div_euclid(365) + 1;
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(first + 365 * n).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nowruz_dates() {
        // 1 Farvardin 1395..1405 as in the Iranian calendar; 2020 and 2024 had the equinox in
        // the morning, 2021 and 2025 shortly after noon in Tehran.
        for (y, d) in [
            (2016, 20),
            (2017, 21),
            (2018, 21),
            (2020, 20),
            (2021, 21),
            (2024, 20),
            (2025, 21),
            (2026, 21),
        ] {
            assert_eq!(nowruz(y), NaiveDate::from_ymd_opt(y, 3, d), "{y}");
        }
    }

    #[test]
    fn parsi_new_year_moves_a_day_in_four_years() {
        use crate::calendar::tests::d;
        assert_eq!(parsi_new_year(2018), Some(d(2018, 8, 17)));
        assert_eq!(parsi_new_year(2019), Some(d(2019, 8, 17)));
        assert_eq!(parsi_new_year(2020), Some(d(2020, 8, 16)));
        assert_eq!(parsi_new_year(2024), Some(d(2024, 8, 15)));
    }
}

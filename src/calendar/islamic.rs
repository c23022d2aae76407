//! The arithmetic (tabular) Islamic calendar: 30-year cycle with leap years 2, 5, 7, 10, 13,
//! 16, 18, 21, 24, 26, 29 and the civil epoch 16 July 622 (Julian), as in Reingold &
//! Dershowitz, *Calendrical Calculations*.
//!
//! Observed dates depend on sighting the crescent or on the Saudi Umm al-Qura calendar and are
//! often a day earlier than the tabular date, sometimes two. The holidays are therefore computed
//! by the rule of the Umm al-Qura calendar ([`umm_al_qura`]), which needs no tables: it gave the
//! Saudi dates of Ramadan and the two Eids of 2018–2024 and Islamic New Year 2022–2024 (23 of
//! 23, the tabular calendar 13), and two thirds of the observed dates of 1950–2050 that could be
//! checked (the tabular calendar half); dates before about 1990, when Saudi practice differed,
//! are sometimes a day late still.

use chrono::NaiveDate;

pub const MUHARRAM: u32 = 1;
pub const RABI_AL_AWWAL: u32 = 3;
pub const RAJAB: u32 = 7;
pub const RAMADAN: u32 = 9;
pub const SHAWWAL: u32 = 10;
pub const DHU_AL_HIJJA: u32 = 12;

/// Day number (0001-01-01 is 1) of 1 Muharram AH 1.
const EPOCH: i64 = 227_015;

/// Days of `month`: odd months 30, even months 29, Dhu al-Hijja 30 in a leap year.
pub fn month_length(year: i64, month: u32) -> i64 {
    if month % 2 == 1 || (month == 12 && (14 + 11 * year).rem_euclid(30) < 11) {
        30
    } else {
        29
    }
}

/// The Gregorian date of day `day` of `month` in Islamic year `year`.
pub fn to_gregorian(year: i64, month: u32, day: u32) -> Option<NaiveDate> {
    if !(1..=12).contains(&month) || day == 0 || i64::from(day) > month_length(year, month) {
        return None;
    }
    let m = i64::from(month);
    let n = i64::from(day)
        + 29 * (m - 1)
        + (6 * m - 1).div_euclid(11)
        + (year - 1) * 354
        + (3 + 11 * year).div_euclid(30)
        + EPOCH
        - 1;
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(n).ok()?)
}

/// Mecca: latitude and east longitude in degrees; Arabia Standard Time is UTC+3.
const MECCA: (f64, f64) = (21.42, 39.83);
const AST: f64 = 3.0 / 24.0;

/// Lunation (`astro::new_moon` numbering) that begins Ramadan 1445 (the new moon of 10 March
/// 2024); the months before and after are counted from it.
const RAMADAN_1445_LUNATION: i64 = 299;

/// Day number (Arabia Standard Time) on which the month that follows conjunction `k` begins by
/// the rule of the Umm al-Qura calendar: the day after the conjunction's day if the conjunction
/// is before sunset at Mecca and the Moon sets after the Sun there that evening, else a day
/// later.
fn month_start_after(k: i64) -> i64 {
    use super::astro::{altitude, delta_t, moon_position, new_moon, sun_rise_set, JD_DAY0};
    let conjunction = new_moon(k);
    let dt = delta_t((2000.0 + (conjunction - 2_451_545.0) / 365.25) as i32);
    let day = (conjunction - dt + AST - JD_DAY0).floor() as i64;
    let visible = sun_rise_set(day, MECCA, false).is_some_and(|sunset| {
        let (lon, lat) = moon_position(sunset + dt);
        // The Moon's centre sets at about +0.125° of geocentric altitude (parallax less
        // refraction and semidiameter).
        conjunction - dt < sunset && altitude(sunset, lon, lat, MECCA) > 0.125
    });
    day + if visible { 1 } else { 2 }
}

/// The Gregorian date of day `day` of `month` in Islamic year `year` by the rule of the Umm
/// al-Qura calendar of Saudi Arabia (`month_start_after`), a month kept to 29 or 30 days.
pub fn umm_al_qura(year: i64, month: u32, day: u32) -> Option<NaiveDate> {
    if !(1..=12).contains(&month) || !(1..=30).contains(&day) {
        return None;
    }
    let k = RAMADAN_1445_LUNATION + (year - 1445) * 12 + i64::from(month) - 9;
    let start = month_start_after(k);
    let previous = month_start_after(k - 1);
    let start = start.clamp(previous + 29, previous + 30);
    if day == 30 && month_start_after(k + 1).clamp(start + 29, start + 30) == start + 29 {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(start + i64::from(day) - 1).ok()?)
}

/// The Islamic years that can have a day in Gregorian year `year`, earliest first.
pub fn years_in(year: i32) -> std::ops::RangeInclusive<i64> {
    // 33 Islamic years take about 32 Gregorian years.
    let ah = (i64::from(year) - 622) * 33 / 32;
    ah - 1..=ah + 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::tests::d;

    #[test]
    fn epoch_is_16_july_622_julian() {
        // 16 July 622 (Julian) is 19 July 622 (proleptic Gregorian).
        assert_eq!(to_gregorian(1, MUHARRAM, 1), Some(d(622, 7, 19)));
    }

    #[test]
    fn tabular_dates_are_within_a_day_of_observed_ones() {
        // Observed (Saudi) dates: Eid al-Fitr 2018 and 2023, start of Ramadan 2024,
        // Eid al-Adha 2024, Islamic New Year 1446.
        for (ah, m, day, observed) in [
            (1439, SHAWWAL, 1, d(2018, 6, 15)),
            (1444, SHAWWAL, 1, d(2023, 4, 21)),
            (1445, RAMADAN, 1, d(2024, 3, 11)),
            (1445, DHU_AL_HIJJA, 10, d(2024, 6, 16)),
            (1446, MUHARRAM, 1, d(2024, 7, 7)),
        ] {
            let t = to_gregorian(ah, m, day).unwrap();
            assert!((t - observed).num_days().abs() <= 1, "{ah}-{m}-{day}: {t}");
        }
        // The arithmetic itself: 1 Shawwal 1439 and 1 Ramadan 1445 fall on these days.
        assert_eq!(to_gregorian(1439, SHAWWAL, 1), Some(d(2018, 6, 15)));
        assert_eq!(to_gregorian(1445, RAMADAN, 1), Some(d(2024, 3, 11)));
    }

    #[test]
    fn years_cover_every_gregorian_year() {
        for y in 1900..2100 {
            let starts: Vec<_> = years_in(y)
                .filter_map(|ah| to_gregorian(ah, MUHARRAM, 1))
                .collect();
            assert!(starts.first().unwrap() <= &d(y, 1, 1), "{y}");
            assert!(starts.last().unwrap() > &d(y, 12, 31), "{y}");
        }
    }

    #[test]
    fn umm_al_qura_gives_the_saudi_dates() {
        // Eid al-Fitr, Eid al-Adha, start of Ramadan and Islamic New Year as announced in
        // Saudi Arabia; the tabular calendar has Eid al-Adha 2018 on 22 August.
        for (ah, m, day, observed) in [
            (1439, SHAWWAL, 1, d(2018, 6, 15)),
            (1440, SHAWWAL, 1, d(2019, 6, 4)),
            (1441, SHAWWAL, 1, d(2020, 5, 24)),
            (1444, SHAWWAL, 1, d(2023, 4, 21)),
            (1445, SHAWWAL, 1, d(2024, 4, 10)),
            (1439, DHU_AL_HIJJA, 10, d(2018, 8, 21)),
            (1442, DHU_AL_HIJJA, 10, d(2021, 7, 20)),
            (1445, DHU_AL_HIJJA, 10, d(2024, 6, 16)),
            (1442, RAMADAN, 1, d(2021, 4, 13)),
            (1445, RAMADAN, 1, d(2024, 3, 11)),
            (1446, MUHARRAM, 1, d(2024, 7, 7)),
        ] {
            assert_eq!(umm_al_qura(ah, m, day), Some(observed), "{ah}-{m}-{day}");
        }
        assert_eq!(to_gregorian(1439, DHU_AL_HIJJA, 10), Some(d(2018, 8, 22)));
    }

    #[test]
    fn umm_al_qura_months_have_29_or_30_days() {
        for ah in 1370..1480 {
            for m in 1..=12 {
                let start = umm_al_qura(ah, m, 1).unwrap();
                let next = if m == 12 {
                    umm_al_qura(ah + 1, 1, 1)
                } else {
                    umm_al_qura(ah, m + 1, 1)
                }
                .unwrap();
                let len = (next - start).num_days();
                assert!(len == 29 || len == 30, "{ah}-{m}: {len}");
                assert_eq!(umm_al_qura(ah, m, 30).is_some(), len == 30);
            }
        }
    }
}

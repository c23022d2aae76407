//! The arithmetic (tabular) Islamic calendar: 30-year cycle with leap years 2, 5, 7, 10, 13,
//! 16, 18, 21, 24, 26, 29 and the civil epoch 16 July 622 (Julian), as in Reingold &
//! Dershowitz, *Calendrical Calculations*.
//!
//! Observed dates depend on sighting the crescent or on the Saudi Umm al-Qura calendar and are
//! often a day earlier than the tabular date, sometimes two. The holidays are therefore computed
//! by the Umm al-Qura calendar ([`umm_al_qura`]). For AH 1365–1500 (December 1945 to November
//! 2077) that is the calendar as published ([`TABLE`]); outside it, its rule, which needs no
//! tables: before the table was used, the rule gave the
//! Saudi dates of Ramadan and the two Eids of 2018–2024 and Islamic New Year 2022–2024 (23 of
//! 23, the tabular calendar 13), and two thirds of the observed dates of 1950–2050 that could be
//! checked (the tabular calendar half); dates before about 1990, when Saudi practice differed,
//! were sometimes a day late.

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

/// First Islamic year of [`TABLE`].
const TABLE_FIRST_YEAR: i64 = 1365;

/// Day number of 1 Muharram 1365 (5 December 1945) in the Umm al-Qura calendar.
const TABLE_FIRST_DAY: i64 = 710_370;

/// The months of 30 days of the published Umm al-Qura calendar, AH 1365 to 1500: bit `m - 1`
/// of a year's word is set when month `m` has 30 days, else it has 29. Made from the month
/// starts of the calendar as the Saudi authorities published it (the table of the MIT-licensed
/// `hijridate` package); the years before 1365 in that table have months of 28 and 31 days
/// and are left to the rule.
const TABLE: [u16; 136] = [
    0xd55, 0x555, 0x555, 0xd55, 0x6d5, 0x555, 0xea5, 0xd2a, 0xaaa, 0xcd5, 0x655, 0x572, 0xda9,
    0x555, 0xaaa, 0x555, 0x52d, 0xa6d, 0x55a, 0x555, 0x74d, 0xd53, 0xd54, 0x556, 0xd55, 0x2d5,
    0xd55, 0xd54, 0xd45, 0x655, 0x52d, 0xa5d, 0x55a, 0xad5, 0x6aa, 0xd4b, 0x52a, 0xa57, 0x4ae,
    0x976, 0x56c, 0xb55, 0xaaa, 0xa55, 0x4ad, 0x95d, 0x2da, 0x5d9, 0xdb2, 0xba4, 0xb4a, 0xa55,
    0x2b5, 0x575, 0xb6a, 0xbd2, 0xbc4, 0xb89, 0xa95, 0x52d, 0x5ad, 0xb6a, 0x6d4, 0xdc9, 0xd92,
    0xaa6, 0x956, 0x2ae, 0x56d, 0x36a, 0xb55, 0xaaa, 0x94d, 0x49d, 0x95d, 0x2ba, 0x5b5, 0x5aa,
    0xd55, 0xa9a, 0x92e, 0x26e, 0x55d, 0xada, 0x6d4, 0x6a5, 0x54b, 0xa97, 0x54e, 0xaae, 0x5ac,
    0xba9, 0xd92, 0xb25, 0x64b, 0xcab, 0x55a, 0xb55, 0x6d2, 0xea5, 0xe4a, 0xa95, 0x52d, 0xaad,
    0x36c, 0x759, 0x6d2, 0x695, 0x52d, 0xa5b, 0x4ba, 0x9ba, 0x3b4, 0xb69, 0xb52, 0xaa6, 0x4b6,
    0x96d, 0x2ec, 0x6d9, 0xeb2, 0xd54, 0xd2a, 0xa56, 0x4ae, 0x96d, 0xd6a, 0xb54, 0xb29, 0xa93,
    0x52b, 0xa57, 0x536, 0xab5, 0x6aa, 0xe93,
];

/// The day number on which `month` of `year` begins and its length, from [`TABLE`]: a year
/// has 348 days and one more for each month of 30.
fn table_month(year: i64, month: u32) -> Option<(i64, i64)> {
    let index = usize::try_from(year - TABLE_FIRST_YEAR).ok()?;
    let word = *TABLE.get(index)?;
    let years: i64 = TABLE[..index]
        .iter()
        .map(|w| 348 + i64::from(w.count_ones()))
        .sum();
    let months =
        29 * i64::from(month - 1) + i64::from((word & ((1 << (month - 1)) - 1)).count_ones());
    let length = 29 + i64::from(word >> (month - 1) & 1);
    Some((TABLE_FIRST_DAY + years + months, length))
}

/// The Gregorian date of day `day` of `month` in Islamic year `year` in the Umm al-Qura
/// calendar of Saudi Arabia: from the published calendar ([`TABLE`]) where it has the year,
/// else by its rule (`month_start_after`), a month kept to 29 or 30 days.
pub fn umm_al_qura(year: i64, month: u32, day: u32) -> Option<NaiveDate> {
    if !(1..=12).contains(&month) || !(1..=30).contains(&day) {
        return None;
    }
    let k = RAMADAN_1445_LUNATION + (year - 1445) * 12 + i64::from(month) - 9;
    let (start, next) = match table_month(year, month) {
        Some((start, length)) => (start, start + length),
        None => {
            let previous = start_of(k - 1);
            let start = month_start_after(k).clamp(previous + 29, previous + 30);
            let next = table_start(k + 1)
                .unwrap_or_else(|| month_start_after(k + 1).clamp(start + 29, start + 30));
            (start, next)
        }
    };
    if start + i64::from(day) > next {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(start + i64::from(day) - 1).ok()?)
}

/// The year and month of lunation `k` (numbered as in `month_start_after`).
fn year_month(k: i64) -> (i64, u32) {
    let from_muharram_1445 = k - RAMADAN_1445_LUNATION + 8;
    let month = from_muharram_1445.rem_euclid(12) as u32 + 1;
    (1445 + from_muharram_1445.div_euclid(12), month)
}

/// The day the month of lunation `k` begins in [`TABLE`], if it has the month.
fn table_start(k: i64) -> Option<i64> {
    let (year, month) = year_month(k);
    table_month(year, month).map(|(start, _)| start)
}

/// The day the month of lunation `k` begins: from [`TABLE`] where it has it, else by the rule.
/// Where the rule meets the table (AH 1364/1365 and 1500/1501) a month can have 28 or 31 days.
fn start_of(k: i64) -> i64 {
    table_start(k).unwrap_or_else(|| month_start_after(k))
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
    fn the_table_gives_the_published_dates() {
        // Start of Ramadan 1369 and 1397, Eid al-Fitr 1408, Eid al-Adha 1393: the rule puts
        // each a day later; the first day of the table; the last day of the table and the
        // rule's first year after it.
        for (ah, m, day, published) in [
            (1369, RAMADAN, 1, d(1950, 6, 17)),
            (1397, RAMADAN, 1, d(1977, 8, 15)),
            (1408, SHAWWAL, 1, d(1988, 5, 16)),
            (1393, DHU_AL_HIJJA, 10, d(1974, 1, 3)),
            (1365, MUHARRAM, 1, d(1945, 12, 5)),
            (1439, SHAWWAL, 1, d(2018, 6, 15)),
        ] {
            assert_eq!(umm_al_qura(ah, m, day), Some(published), "{ah}-{m}-{day}");
        }
        let last = umm_al_qura(1500, DHU_AL_HIJJA, 29).unwrap();
        let first_after = umm_al_qura(1501, MUHARRAM, 1).unwrap();
        assert!(
            (1..=2).contains(&(first_after - last).num_days()),
            "{last} {first_after}"
        );
    }

    #[test]
    fn umm_al_qura_months_have_29_or_30_days() {
        for ah in 1340..1520 {
            for m in 1..=12 {
                let start = umm_al_qura(ah, m, 1).unwrap();
                let next = if m == 12 {
                    umm_al_qura(ah + 1, 1, 1)
                } else {
                    umm_al_qura(ah, m + 1, 1)
                }
                .unwrap();
                let len = (next - start).num_days();
                let junction = m == 12 && (ah == 1364 || ah == 1500);
                assert!(len == 29 || len == 30 || junction, "{ah}-{m}: {len}");
                assert_eq!(umm_al_qura(ah, m, 30).is_some(), len == 30);
            }
        }
    }
}

//! The arithmetic (tabular) Islamic calendar: 30-year cycle with leap years 2, 5, 7, 10, 13,
//! 16, 18, 21, 24, 26, 29 and the civil epoch 16 July 622 (Julian), as in Reingold &
//! Dershowitz, *Calendrical Calculations*.
//!
//! Observed dates depend on sighting the crescent or on the Saudi Umm al-Qura calendar and are
//! often a day earlier than the tabular date, sometimes two; the tabular calendar is the one
//! that holds for any year without tables.

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
}

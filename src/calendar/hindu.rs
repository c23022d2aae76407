//! Sankranti, the Sun entering a sign of the sidereal zodiac (Lahiri ayanamsa), as a civil day
//! of India Standard Time: Makar Sankranti (Capricorn, 270°) and Mesha Sankranti (Aries, 0°,
//! Vaisakhi).
//!
//! The day is the one the ingress falls on; an ingress into Capricorn after sunset (at Ujjain,
//! the meridian of Indian astronomy) is kept the next day, as the Dharmasindhu rule has it
//! (Makar Sankranti 2019 and 2023 were on 15 January). The lunisolar festivals (Diwali, Holi,
//! Navaratri) need lunar days (tithis) at local sunrise and are not computed.

use chrono::NaiveDate;

use super::astro::{delta_t, sun_at_longitude, sun_longitude, JD_DAY0};

/// Lahiri ayanamsa in degrees at Julian Day `jd`: 23°51'11" at J2000, precessing 50.29" a year.
fn ayanamsa(jd: f64) -> f64 {
    23.853 + 0.013_969_1 * (jd - 2_451_545.0) / 365.25
}

/// India Standard Time is UTC+5:30.
const IST: f64 = 5.5 / 24.0;
/// Ujjain: latitude and longitude in degrees.
const UJJAIN: (f64, f64) = (23.18, 75.78);

/// Julian Ephemeris Day at which the Sun's sidereal longitude reaches `target`, near `jd`.
fn sidereal_ingress(mut jd: f64, target: f64) -> f64 {
    for _ in 0..5 {
        jd = sun_at_longitude(jd, (target + ayanamsa(jd)).rem_euclid(360.0));
    }
    jd
}

/// Sunset at Ujjain on day number `day` (0001-01-01 is 1), as a fraction of the IST day.
fn sunset_ist(day: i64, year: i32) -> f64 {
    let noon_ut = day as f64 + JD_DAY0 + 0.5 - UJJAIN.1 / 360.0;
    let lambda = sun_longitude(noon_ut + delta_t(year)).to_radians();
    let declination = (23.44_f64.to_radians().sin() * lambda.sin()).asin();
    let lat = UJJAIN.0.to_radians();
    let cos_h = ((-0.833_f64).to_radians().sin() - lat.sin() * declination.sin())
        / (lat.cos() * declination.cos());
    let hour_angle = cos_h.clamp(-1.0, 1.0).acos().to_degrees();
    // Equation of time (Spencer), minutes.
    let b = (360.0 * ((day as f64 + JD_DAY0 - 2_451_544.5).rem_euclid(365.2422) - 81.0) / 365.0)
        .to_radians();
    let eot = 9.87 * (2.0 * b).sin() - 7.53 * b.cos() - 1.5 * b.sin();
    0.5 - UJJAIN.1 / 360.0 - eot / 1440.0 + hour_angle / 360.0 + IST
}

/// The day of the Sun's ingress into sidereal sign `sign` (0 = Aries .. 9 = Capricorn) in
/// Gregorian year `year`.
pub fn sankranti(year: i32, sign: u32) -> Option<NaiveDate> {
    let target = f64::from(sign % 12) * 30.0;
    // The sidereal signs begin about 23–24 days after the tropical ones.
    let start = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let tropical_days = (target + 24.0 - 280.0).rem_euclid(360.0) * 365.25 / 360.0;
    let guess = f64::from(chrono::Datelike::num_days_from_ce(&start)) + JD_DAY0 + tropical_days;
    let local = sidereal_ingress(guess, target) - delta_t(year) + IST - JD_DAY0;
    let mut day = local.floor() as i64;
    if sign == 9 && local - day as f64 > sunset_ist(day, year) {
        day += 1;
    }
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(day).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::tests::d;

    #[test]
    fn makar_sankranti() {
        // 2019 and 2023: the ingress came in the evening of 14 January; 2020 and 2024 after
        // midnight.
        assert_eq!(sankranti(2018, 9), Some(d(2018, 1, 14)));
        assert_eq!(sankranti(2019, 9), Some(d(2019, 1, 15)));
        assert_eq!(sankranti(2020, 9), Some(d(2020, 1, 15)));
        assert_eq!(sankranti(2021, 9), Some(d(2021, 1, 14)));
        assert_eq!(sankranti(2022, 9), Some(d(2022, 1, 14)));
        assert_eq!(sankranti(2023, 9), Some(d(2023, 1, 15)));
        assert_eq!(sankranti(2024, 9), Some(d(2024, 1, 15)));
    }

    #[test]
    fn mesha_sankranti() {
        // Vaisakhi; in 2024 the ingress was in the night of 13 April.
        assert_eq!(sankranti(2018, 0), Some(d(2018, 4, 14)));
        assert_eq!(sankranti(2019, 0), Some(d(2019, 4, 14)));
        assert_eq!(sankranti(2024, 0), Some(d(2024, 4, 13)));
    }

    #[test]
    fn sunset_at_ujjain_in_january() {
        // About 18:00 IST in mid-January.
        let day = i64::from(chrono::Datelike::num_days_from_ce(&d(2019, 1, 14)));
        let hours = sunset_ist(day, 2019) * 24.0;
        assert!((17.7..18.3).contains(&hours), "{hours}");
    }
}

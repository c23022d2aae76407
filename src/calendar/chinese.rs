//! Chinese New Year from astronomy: mean-to-true new moons (Meeus, *Astronomical Algorithms*,
//! ch. 49, with the planetary corrections) and the Sun's apparent longitude (ch. 25, low
//! accuracy, about 0.01°), on the civil days of China Standard Time (UTC+8).
//!
//! Month 11 is the month that holds the winter solstice. When thirteen new moons follow from one
//! month 11 to the next, the first month without a major solar term (the Sun entering a multiple
//! of 30° of longitude) is the leap month; New Year's Day is the second new moon after the start
//! of month 11, or the third when the leap month is the 11th or 12th (as in 2033/34).

use chrono::NaiveDate;

/// Julian Day of 0000-12-31 00:00 UT: a day number (0001-01-01 is 1) plus this is the Julian Day
/// of that day's midnight.
const JD_DAY0: f64 = 1_721_424.5;
/// A mean synodic month in days.
const SYNODIC: f64 = 29.530_588_861;
/// Julian Ephemeris Day of the mean new moon of 6 January 2000 (lunation 0).
const LUNATION0: f64 = 2_451_550.097_66;

fn sin_deg(d: f64) -> f64 {
    d.to_radians().sin()
}

/// Julian Ephemeris Day of true new moon number `k` (0: January 2000).
pub fn new_moon(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85;
    let (t2, t3, t4) = (t * t, t * t * t, t * t * t * t);
    let jde =
        LUNATION0 + SYNODIC * k + 0.000_154_37 * t2 - 0.000_000_150 * t3 + 0.000_000_000_73 * t4;
    let e = 1.0 - 0.002_516 * t - 0.000_007_4 * t2;
    let m = 2.5534 + 29.105_356_70 * k - 0.000_001_4 * t2 - 0.000_000_11 * t3;
    let mp =
        201.5643 + 385.816_935_28 * k + 0.010_758_2 * t2 + 0.000_012_38 * t3 - 0.000_000_058 * t4;
    let f =
        160.7108 + 390.670_502_84 * k - 0.001_611_8 * t2 - 0.000_002_27 * t3 + 0.000_000_011 * t4;
    let om = 124.7746 - 1.563_755_88 * k + 0.002_067_2 * t2 + 0.000_002_15 * t3;
    let s = sin_deg;
    let periodic = -0.40720 * s(mp)
        + 0.17241 * e * s(m)
        + 0.01608 * s(2.0 * mp)
        + 0.01039 * s(2.0 * f)
        + 0.00739 * e * s(mp - m)
        - 0.00514 * e * s(mp + m)
        + 0.00208 * e * e * s(2.0 * m)
        - 0.00111 * s(mp - 2.0 * f)
        - 0.00057 * s(mp + 2.0 * f)
        + 0.00056 * e * s(2.0 * mp + m)
        - 0.00042 * s(3.0 * mp)
        + 0.00042 * e * s(m + 2.0 * f)
        + 0.00038 * e * s(m - 2.0 * f)
        - 0.00024 * e * s(2.0 * mp - m)
        - 0.00017 * s(om)
        - 0.00007 * s(mp + 2.0 * m)
        + 0.00004 * s(2.0 * mp - 2.0 * f)
        + 0.00004 * s(3.0 * m)
        + 0.00003 * s(mp + m - 2.0 * f)
        + 0.00003 * s(2.0 * mp + 2.0 * f)
        - 0.00003 * s(mp + m + 2.0 * f)
        + 0.00003 * s(mp - m + 2.0 * f)
        - 0.00002 * s(mp - m - 2.0 * f)
        - 0.00002 * s(3.0 * mp + m)
        + 0.00002 * s(4.0 * mp);
    // Planetary arguments: (base, rate per lunation, coefficient in days).
    const PLANETARY: [(f64, f64, f64); 14] = [
        (299.77, 0.107_408, 0.000_325),
        (251.88, 0.016_321, 0.000_165),
        (251.83, 26.651_886, 0.000_164),
        (349.42, 36.412_478, 0.000_126),
        (84.66, 18.206_239, 0.000_110),
        (141.74, 53.303_771, 0.000_062),
        (207.14, 2.453_732, 0.000_060),
        (154.84, 7.306_860, 0.000_056),
        (34.52, 27.261_239, 0.000_047),
        (207.19, 0.121_824, 0.000_042),
        (291.34, 1.844_379, 0.000_040),
        (161.72, 24.198_154, 0.000_037),
        (239.56, 25.513_099, 0.000_035),
        (331.55, 3.592_518, 0.000_023),
    ];
    let planetary: f64 = PLANETARY
        .iter()
        .enumerate()
        .map(|(i, &(base, rate, coef))| {
            let extra = if i == 0 { -0.009_173 * t2 } else { 0.0 };
            coef * s(base + rate * k + extra)
        })
        .sum();
    jde + periodic + planetary
}

/// The Sun's apparent longitude in degrees (0..360) at Julian (Ephemeris) Day `jd`.
pub fn sun_longitude(jd: f64) -> f64 {
    let t = (jd - 2_451_545.0) / 36525.0;
    let l0 = 280.46646 + 36000.76983 * t + 0.000_303_2 * t * t;
    let m = 357.52911 + 35999.05029 * t - 0.000_153_7 * t * t;
    let c = (1.914_602 - 0.004_817 * t - 0.000_014 * t * t) * sin_deg(m)
        + (0.019_993 - 0.000_101 * t) * sin_deg(2.0 * m)
        + 0.000_289 * sin_deg(3.0 * m);
    let om = 125.04 - 1934.136 * t;
    (l0 + c - 0.00569 - 0.00478 * sin_deg(om)).rem_euclid(360.0)
}

/// ΔT = TT − UT in days, from the NASA polynomials (Espenak & Meeus) around `year`.
fn delta_t(year: i32) -> f64 {
    let y = f64::from(year);
    let t = y - 2000.0;
    let seconds = match year {
        2005..=2050 => 62.92 + 0.32217 * t + 0.005589 * t * t,
        1986..=2004 => {
            63.86 + 0.3345 * t - 0.060374 * t.powi(2)
                + 0.0017275 * t.powi(3)
                + 0.000651814 * t.powi(4)
                + 0.00002373599 * t.powi(5)
        }
        1961..=1985 => {
            let u = y - 1975.0;
            45.45 + 1.067 * u - u * u / 260.0 - u.powi(3) / 718.0
        }
        1941..=1960 => {
            let u = y - 1950.0;
            29.07 + 0.407 * u - u * u / 233.0 + u.powi(3) / 2547.0
        }
        _ => {
            let u = (y - 1820.0) / 100.0;
            -20.0 + 32.0 * u * u
        }
    };
    seconds / 86400.0
}

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
    let mut jd = f64::from(chrono::Datelike::num_days_from_ce(&dec21)) + JD_DAY0;
    for _ in 0..50 {
        let diff = (270.0 - sun_longitude(jd) + 180.0).rem_euclid(360.0) - 180.0;
        jd += diff * 365.25 / 360.0;
        if diff.abs() < 1e-7 {
            break;
        }
    }
    Some(cst_day(jd, year))
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
    fn new_moon_of_february_2018() {
        // 15 February 2018, 21:05 UT (a partial solar eclipse).
        let k = ((2_458_165.4 - LUNATION0) / SYNODIC).round() as i64;
        let ut = new_moon(k) - delta_t(2018);
        assert!((ut - 2_458_165.378_5).abs() < 0.002, "{ut}");
    }

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

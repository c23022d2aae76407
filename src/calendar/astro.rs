//! Astronomy for the lunisolar and solar calendars: true new moons (Meeus, *Astronomical
//! Algorithms*, ch. 49, with the planetary corrections), the Sun's apparent longitude (ch. 25,
//! low accuracy, about 0.01°), the Moon's longitude and latitude (ch. 47, the terms above
//! 0.0003°: some 10" off, a lunar day's end within a minute or two), altitudes above a place
//! for sunrise and sunset (ch. 15), and ΔT.

/// Julian Day of 0000-12-31 00:00 UT: a day number (0001-01-01 is 1) plus this is the Julian Day
/// of that day's midnight.
pub const JD_DAY0: f64 = 1_721_424.5;
/// A mean synodic month in days.
pub const SYNODIC: f64 = 29.530_588_861;
/// Julian Ephemeris Day of the mean new moon of 6 January 2000 (lunation 0).
pub const LUNATION0: f64 = 2_451_550.097_66;

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
pub fn delta_t(year: i32) -> f64 {
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

/// Julian Ephemeris Day near `jd` at which the Sun's apparent longitude is `target` degrees.
pub fn sun_at_longitude(mut jd: f64, target: f64) -> f64 {
    for _ in 0..50 {
        let diff = (target - sun_longitude(jd) + 180.0).rem_euclid(360.0) - 180.0;
        jd += diff * 365.25 / 360.0;
        if diff.abs() < 1e-7 {
            break;
        }
    }
    jd
}

/// Periodic terms of the Moon's longitude (Meeus table 47.A, the largest): multiples of D, M,
/// M', F and the coefficient in 0.000001°.
const MOON_LON: [(i8, i8, i8, i8, i32); 59] = [
    (0, 0, 1, 0, 6_288_774),
    (2, 0, -1, 0, 1_274_027),
    (2, 0, 0, 0, 658_314),
    (0, 0, 2, 0, 213_618),
    (0, 1, 0, 0, -185_116),
    (0, 0, 0, 2, -114_332),
    (2, 0, -2, 0, 58_793),
    (2, -1, -1, 0, 57_066),
    (2, 0, 1, 0, 53_322),
    (2, -1, 0, 0, 45_758),
    (0, 1, -1, 0, -40_923),
    (1, 0, 0, 0, -34_720),
    (0, 1, 1, 0, -30_383),
    (2, 0, 0, -2, 15_327),
    (0, 0, 1, 2, -12_528),
    (0, 0, 1, -2, 10_980),
    (4, 0, -1, 0, 10_675),
    (0, 0, 3, 0, 10_034),
    (4, 0, -2, 0, 8_548),
    (2, 1, -1, 0, -7_888),
    (2, 1, 0, 0, -6_766),
    (1, 0, -1, 0, -5_163),
    (1, 1, 0, 0, 4_987),
    (2, -1, 1, 0, 4_036),
    (2, 0, 2, 0, 3_994),
    (4, 0, 0, 0, 3_861),
    (2, 0, -3, 0, 3_665),
    (0, 1, -2, 0, -2_689),
    (2, 0, -1, 2, -2_602),
    (2, -1, -2, 0, 2_390),
    (1, 0, 1, 0, -2_348),
    (2, -2, 0, 0, 2_236),
    (0, 1, 2, 0, -2_120),
    (0, 2, 0, 0, -2_069),
    (2, -2, -1, 0, 2_048),
    (2, 0, 1, -2, -1_773),
    (2, 0, 0, 2, -1_595),
    (4, -1, -1, 0, 1_215),
    (0, 0, 2, 2, -1_110),
    (3, 0, -1, 0, -892),
    (2, 1, 1, 0, -810),
    (4, -1, -2, 0, 759),
    (0, 2, -1, 0, -713),
    (2, 2, -1, 0, -700),
    (2, 1, -2, 0, 691),
    (2, -1, 0, -2, 596),
    (4, 0, 1, 0, 549),
    (0, 0, 4, 0, 537),
    (4, -1, 0, 0, 520),
    (1, 0, -2, 0, -487),
    (2, 1, 0, -2, -399),
    (0, 0, 2, -2, -381),
    (1, 1, 1, 0, 351),
    (3, 0, -2, 0, -340),
    (4, 0, -3, 0, 330),
    (2, -1, 2, 0, 327),
    (0, 2, 1, 0, -323),
    (1, 1, -1, 0, 299),
    (2, 0, 3, 0, 294),
];

/// Periodic terms of the Moon's latitude (Meeus table 47.B, the largest).
const MOON_LAT: [(i8, i8, i8, i8, i32); 28] = [
    (0, 0, 0, 1, 5_128_122),
    (0, 0, 1, 1, 280_602),
    (0, 0, 1, -1, 277_693),
    (2, 0, 0, -1, 173_237),
    (2, 0, -1, 1, 55_413),
    (2, 0, -1, -1, 46_271),
    (2, 0, 0, 1, 32_573),
    (0, 0, 2, 1, 17_198),
    (2, 0, 1, -1, 9_266),
    (0, 0, 2, -1, 8_822),
    (2, -1, 0, -1, 8_216),
    (2, 0, -2, -1, 4_324),
    (2, 0, 1, 1, 4_200),
    (2, 1, 0, -1, -3_359),
    (2, -1, -1, 1, 2_463),
    (2, -1, 0, 1, 2_211),
    (2, -1, -1, -1, 2_065),
    (0, 1, -1, -1, -1_870),
    (4, 0, -1, -1, 1_828),
    (0, 1, 0, 1, -1_794),
    (0, 0, 0, 3, -1_749),
    (0, 1, -1, 1, -1_565),
    (1, 0, 0, 1, -1_491),
    (0, 1, 1, 1, -1_475),
    (0, 1, 1, -1, -1_410),
    (0, 1, 0, -1, -1_344),
    (1, 0, 0, -1, -1_335),
    (0, 0, 3, 1, 1_107),
];

/// The Moon's apparent longitude and its latitude in degrees at Julian Ephemeris Day `jd`.
pub fn moon_position(jd: f64) -> (f64, f64) {
    let t = (jd - 2_451_545.0) / 36525.0;
    let (t2, t3, t4) = (t * t, t * t * t, t * t * t * t);
    let lp = 218.316_447_7 + 481_267.881_234_21 * t - 0.001_578_6 * t2 + t3 / 538_841.0
        - t4 / 65_194_000.0;
    let d = 297.850_192_1 + 445_267.111_403_4 * t - 0.001_881_9 * t2 + t3 / 545_868.0
        - t4 / 113_065_000.0;
    let m = 357.529_109_2 + 35_999.050_290_9 * t - 0.000_153_6 * t2 + t3 / 24_490_000.0;
    let mp = 134.963_396_4 + 477_198.867_505_5 * t + 0.008_741_4 * t2 + t3 / 69_699.0
        - t4 / 14_712_000.0;
    let f = 93.272_095 + 483_202.017_523_3 * t - 0.003_653_9 * t2 - t3 / 3_526_000.0
        + t4 / 863_310_000.0;
    let e = 1.0 - 0.002_516 * t - 0.000_007_4 * t2;
    let sum = |table: &[(i8, i8, i8, i8, i32)], sine_of: fn(f64) -> f64| -> f64 {
        table
            .iter()
            .map(|&(cd, cm, cmp, cf, coef)| {
                let arg =
                    f64::from(cd) * d + f64::from(cm) * m + f64::from(cmp) * mp + f64::from(cf) * f;
                f64::from(coef) * e.powi(i32::from(cm.unsigned_abs())) * sine_of(arg)
            })
            .sum()
    };
    let a1 = 119.75 + 131.849 * t;
    let a2 = 53.09 + 479_264.29 * t;
    let a3 = 313.45 + 481_266.484 * t;
    let sl = sum(&MOON_LON, sin_deg)
        + 3958.0 * sin_deg(a1)
        + 1962.0 * sin_deg(lp - f)
        + 318.0 * sin_deg(a2);
    let sb = sum(&MOON_LAT, sin_deg) - 2235.0 * sin_deg(lp)
        + 382.0 * sin_deg(a3)
        + 175.0 * sin_deg(a1 - f)
        + 175.0 * sin_deg(a1 + f)
        + 127.0 * sin_deg(lp - mp)
        - 115.0 * sin_deg(lp + mp);
    // Nutation in longitude, as in `sun_longitude`.
    let om = 125.04 - 1934.136 * t;
    let lon = lp + sl / 1e6 - 0.00478 * sin_deg(om);
    (lon.rem_euclid(360.0), sb / 1e6)
}

/// The Moon's elongation from the Sun, apparent longitude minus apparent longitude, in degrees
/// (0..360) at Julian Ephemeris Day `jd`: 12° make a lunar day (tithi).
pub fn elongation(jd: f64) -> f64 {
    (moon_position(jd).0 - sun_longitude(jd)).rem_euclid(360.0)
}

/// Julian Ephemeris Day near `jd` (within a few days) at which the elongation is `target`.
pub fn elongation_at(mut jd: f64, target: f64) -> f64 {
    for _ in 0..20 {
        let diff = (target - elongation(jd) + 180.0).rem_euclid(360.0) - 180.0;
        // About 12.2° a day.
        jd += diff / 12.19;
        if diff.abs() < 1e-6 {
            break;
        }
    }
    jd
}

/// Altitude in degrees above the horizon of a body at ecliptic longitude `lon` and latitude
/// `lat_ecl` (degrees) seen from geographic `place` (latitude, east longitude) at Julian Day
/// `jd_ut` (Universal Time).
pub fn altitude(jd_ut: f64, lon: f64, lat_ecl: f64, place: (f64, f64)) -> f64 {
    let t = (jd_ut - 2_451_545.0) / 36525.0;
    let eps = (23.439_291 - 0.013_004 * t).to_radians();
    let (l, b) = (lon.to_radians(), lat_ecl.to_radians());
    let ra = (l.sin() * eps.cos() - b.tan() * eps.sin()).atan2(l.cos());
    let dec = (b.sin() * eps.cos() + b.cos() * eps.sin() * l.sin()).asin();
    let gmst = 280.460_618_37 + 360.985_647_366_29 * (jd_ut - 2_451_545.0);
    let hour = (gmst + place.1).to_radians() - ra;
    let phi = place.0.to_radians();
    (phi.sin() * dec.sin() + phi.cos() * dec.cos() * hour.cos())
        .asin()
        .to_degrees()
}

/// Julian Day (UT) of sunrise (`rising`) or sunset at `place` (latitude, east longitude) on
/// day number `day` (0001-01-01 is 1) of local mean solar time: the upper limb on the horizon
/// with refraction (−0.833°); `None` in polar day or night.
pub fn sun_rise_set(day: i64, place: (f64, f64), rising: bool) -> Option<f64> {
    let noon = day as f64 + JD_DAY0 + 0.5 - place.1 / 360.0;
    let dt = delta_t((2000.0 + (noon - 2_451_545.0) / 365.25) as i32);
    let sidereal_rate = 360.985_647;
    let phi = place.0.to_radians();
    let mut event = noon;
    for _ in 0..3 {
        let t = (event - 2_451_545.0) / 36525.0;
        let eps = (23.439_291 - 0.013_004 * t).to_radians();
        let l = sun_longitude(event + dt).to_radians();
        let ra = (l.sin() * eps.cos()).atan2(l.cos()).to_degrees();
        let dec = (eps.sin() * l.sin()).asin();
        let cos_h =
            ((-0.833_f64).to_radians().sin() - phi.sin() * dec.sin()) / (phi.cos() * dec.cos());
        if !(-1.0..=1.0).contains(&cos_h) {
            return None;
        }
        let half_arc = cos_h.acos().to_degrees();
        // The hour angle at `event`; the transit is where it is zero.
        let gmst = 280.460_618_37 + 360.985_647_366_29 * (event - 2_451_545.0);
        let hour = (gmst + place.1 - ra + 180.0).rem_euclid(360.0) - 180.0;
        let transit = event - hour / sidereal_rate;
        event = if rising {
            transit - half_arc / sidereal_rate
        } else {
            transit + half_arc / sidereal_rate
        };
    }
    Some(event)
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
    fn march_equinox_of_2024() {
        // 20 March 2024, 03:06 UT.
        let ut = sun_at_longitude(2_460_390.0, 0.0) - delta_t(2024);
        assert!((ut - 2_460_389.629).abs() < 0.01, "{ut}");
    }

    #[test]
    fn moon_and_sun_meet_at_new_moon() {
        // The elongation from `moon_position` vanishes within a minute of `new_moon`.
        for k in [-600, 0, 230, 300, 900] {
            let e = (elongation(new_moon(k)) + 180.0).rem_euclid(360.0) - 180.0;
            assert!(e.abs() < 0.01, "{k}: {e}");
        }
    }

    #[test]
    fn sunrise_at_new_delhi() {
        // 27 October 2019: 06:30 and 17:41 IST (day number 737_359).
        let ist = |jd: f64| (jd + 5.5 / 24.0 - JD_DAY0).fract() * 24.0;
        let rise = ist(sun_rise_set(737_359, (28.61, 77.21), true).unwrap());
        let set = ist(sun_rise_set(737_359, (28.61, 77.21), false).unwrap());
        assert!((rise - 6.5).abs() < 0.05, "{rise}");
        assert!((set - 17.68).abs() < 0.05, "{set}");
    }
}

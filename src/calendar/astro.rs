//! Astronomy for the lunisolar and solar calendars: true new moons (Meeus, *Astronomical
//! Algorithms*, ch. 49, with the planetary corrections), the Sun's apparent longitude (ch. 25,
//! low accuracy, about 0.01°) and ΔT.

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
}

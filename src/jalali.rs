//! Gregorian → Jalali (Solar Hijri) dates, written the way Persian news sites do: «۱ مرداد ۱۳۹۹».
//!
//! The conversion follows Kazimierz Borkowski's algorithm as used by jalaali-js: the 33-year
//! arithmetic cycle corrected by a table of break years, which matches the official calendar for
//! Jalali years -61 … 3177. Plain integer arithmetic, so it is tested natively and in wasm alike.

/// A day of the Jalali calendar; `month` is 1 (فروردین) … 12 (اسفند).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JalaliDate {
    pub year: i64,
    pub month: u32,
    pub day: u32,
}

const MONTHS: [&str; 12] = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
];

/// Years at which the leap pattern of the 33-year cycle shifts (jalaali-js `breaks`).
const BREAKS: [i64; 20] = [
    -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324,
    2394, 2456, 3178,
];

impl JalaliDate {
    /// Converts a Gregorian date (`month` 1–12). `None` outside the supported range or for an
    /// impossible month.
    pub fn from_gregorian(year: i64, month: u32, day: u32) -> Option<JalaliDate> {
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        let jdn = gregorian_to_jdn(year, i64::from(month), i64::from(day));
        jdn_to_jalali(jdn)
    }

    /// «۱ مرداد ۱۳۹۹».
    pub fn to_persian(self) -> String {
        let day = crate::fa::num(self.day.into());
        let year = crate::fa::num(self.year.unsigned_abs());
        let sign = if self.year < 0 { "-" } else { "" };
        let month = MONTHS[(self.month as usize - 1) % 12];
        [day.as_str(), " ", month, " ", sign, &year].concat()
    }
}

/// Julian day number of a Gregorian date.
fn gregorian_to_jdn(gy: i64, gm: i64, gd: i64) -> i64 {
    let d = (gy + (gm - 8) / 6 + 100_100) * 1461 / 4 + (153 * ((gm + 9) % 12) + 2) / 5 + gd
        - 34_840_408;
    d - (gy + 100_100 + (gm - 8) / 6) / 100 * 3 / 4 + 752
}

/// Gregorian year of a Julian day number.
fn jdn_to_gregorian_year(jdn: i64) -> i64 {
    let mut j = 4 * jdn + 139_361_631;
    j += (4 * jdn + 183_187_720) / 146_097 * 3 / 4 * 4 - 3908;
    let i = (j % 1461) / 4 * 5 + 308;
    let gm = (i / 153) % 12 + 1;
    j / 1461 - 100_100 + (8 - gm) / 6
}

/// For Jalali year `jy`: whether it is a leap year (0 = leap, as in jalaali-js) and the day of
/// March on which it starts.
fn jal_cal(jy: i64) -> Option<(i64, i64)> {
    if jy < BREAKS[0] || jy >= BREAKS[BREAKS.len() - 1] {
        return None;
    }
    let gy = jy + 621;
    let mut leap_j = -14;
    let mut jp = BREAKS[0];
    let mut jump = 0;
    for &jm in &BREAKS[1..] {
        jump = jm - jp;
        if jy < jm {
            break;
        }
        leap_j += jump / 33 * 8 + (jump % 33) / 4;
        jp = jm;
    }
    let mut n = jy - jp;
    leap_j += n / 33 * 8 + ((n % 33) + 3) / 4;
    if jump % 33 == 4 && jump - n == 4 {
        leap_j += 1;
    }
    let leap_g = gy / 4 - (gy / 100 + 1) * 3 / 4 - 150;
    let march = 20 + leap_j - leap_g;
    if jump - n < 6 {
        n = n - jump + (jump + 4) / 33 * 33;
    }
    let mut leap = (((n + 1) % 33) - 1) % 4;
    if leap == -1 {
        leap = 4;
    }
    Some((leap, march))
}

fn jdn_to_jalali(jdn: i64) -> Option<JalaliDate> {
    let gy = jdn_to_gregorian_year(jdn);
    let mut jy = gy - 621;
    let (leap, march) = jal_cal(jy)?;
    let mut k = jdn - gregorian_to_jdn(gy, 3, march);
    if k >= 0 {
        if k <= 185 {
            return Some(JalaliDate {
                year: jy,
                month: (1 + k / 31) as u32,
                day: (k % 31 + 1) as u32,
            });
        }
        k -= 186;
    } else {
        jy -= 1;
        k += 179;
        if leap == 1 {
            k += 1;
        }
    }
    Some(JalaliDate {
        year: jy,
        month: (7 + k / 30) as u32,
        day: (k % 30 + 1) as u32,
    })
}

/// The Gregorian calendar date of an RFC 3339 timestamp (`2020-07-22T08:30:00Z`), read as
/// written (the caller decides the time zone). `None` when the text does not start with a date.
pub fn parse_ymd(timestamp: &str) -> Option<(i64, u32, u32)> {
    let date = timestamp.get(..10)?;
    let mut parts = date.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    Some((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn j(y: i64, m: u32, d: u32) -> (i64, u32, u32) {
        let date = JalaliDate::from_gregorian(y, m, d).expect("in range");
        (date.year, date.month, date.day)
    }

    #[wasm_bindgen_test]
    fn known_dates_convert() {
        assert_eq!(j(2020, 7, 22), (1399, 5, 1));
        assert_eq!(j(2021, 3, 21), (1400, 1, 1));
        assert_eq!(j(2021, 3, 20), (1399, 12, 30), "1399 is a leap year");
        assert_eq!(j(2025, 3, 20), (1403, 12, 30), "1403 is a leap year");
        assert_eq!(j(2025, 3, 21), (1404, 1, 1));
        assert_eq!(j(1979, 2, 11), (1357, 11, 22));
        assert_eq!(j(2000, 1, 1), (1378, 10, 11));
        assert_eq!(j(2026, 11, 22), (1405, 9, 1));
    }

    #[wasm_bindgen_test]
    fn formats_like_the_seed_page() {
        assert_eq!(
            JalaliDate::from_gregorian(2020, 7, 22)
                .unwrap()
                .to_persian(),
            "۱ مرداد ۱۳۹۹"
        );
        assert_eq!(
            JalaliDate::from_gregorian(2021, 3, 21)
                .unwrap()
                .to_persian(),
            "۱ فروردین ۱۴۰۰"
        );
    }

    #[wasm_bindgen_test]
    fn rejects_what_is_not_a_date() {
        assert_eq!(JalaliDate::from_gregorian(2020, 13, 1), None);
        assert_eq!(JalaliDate::from_gregorian(9000, 1, 1), None);
        assert_eq!(parse_ymd("2020-07-22T08:30:00Z"), Some((2020, 7, 22)));
        assert_eq!(parse_ymd("yesterday"), None);
    }
}

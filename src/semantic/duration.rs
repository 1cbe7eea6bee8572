//! Token lifetimes as written in options: `3600`, `'15m'`, `'7d'`, `60 * 60 * 24`.

use super::value::Value;

/// Seconds in a lifetime value, following the `ms` package that jsonwebtoken uses:
/// numbers are seconds, strings carry a unit (a bare numeric string is milliseconds).
pub fn seconds(v: &Value) -> Option<f64> {
    match v {
        Value::Num(n) => Some(*n),
        Value::Str { value, .. } => parse_ms(value).map(|ms| ms / 1000.0),
        _ => None,
    }
}

/// Parses the `ms` format ("2 days", "10h", "1.5y", "100") into milliseconds.
pub fn parse_ms(s: &str) -> Option<f64> {
    let s = s.trim();
    let split = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let n: f64 = num.parse().ok()?;
    let unit = unit.trim().to_ascii_lowercase();
    let factor = match unit.as_str() {
        "" | "ms" | "msec" | "msecs" | "millisecond" | "milliseconds" => 1.0,
        "s" | "sec" | "secs" | "second" | "seconds" => 1000.0,
        "m" | "min" | "mins" | "minute" | "minutes" => 60_000.0,
        "h" | "hr" | "hrs" | "hour" | "hours" => 3_600_000.0,
        "d" | "day" | "days" => 86_400_000.0,
        "w" | "week" | "weeks" => 604_800_000.0,
        "y" | "yr" | "yrs" | "year" | "years" => 31_557_600_000.0,
        _ => return None,
    };
    Some(n * factor)
}

/// A human form of a number of seconds ("7 days", "15 minutes").
pub fn describe(secs: f64) -> String {
    let units = [
        (86_400.0, "day"),
        (3_600.0, "hour"),
        (60.0, "minute"),
        (1.0, "second"),
    ];
    for (size, name) in units {
        if secs >= size && (secs / size).fract() == 0.0 {
            let n = secs / size;
            return format!("{} {}{}", n, name, if n == 1.0 { "" } else { "s" });
        }
    }
    format!("{secs} seconds")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ms_format() {
        assert_eq!(parse_ms("15m"), Some(900_000.0));
        assert_eq!(parse_ms("7d"), Some(604_800_000.0));
        assert_eq!(parse_ms("2 days"), Some(172_800_000.0));
        assert_eq!(parse_ms("1h"), Some(3_600_000.0));
        assert_eq!(parse_ms("100"), Some(100.0));
        assert_eq!(parse_ms("soon"), None);
        assert_eq!(describe(604_800.0), "7 days");
        assert_eq!(describe(900.0), "15 minutes");
    }
}

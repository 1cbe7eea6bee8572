//! Durations as people write them (`'15m'`, `'7d'`, `3600`): in source code (through
//! `semantic::duration`) and in `jwtlint.toml`. A leaf: config and the rule catalog use it
//! without depending on the semantic layer.

use crate::text::escape_control;

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

/// The longest lifetime a configuration may set: 100 years, in seconds.
pub const MAX_CONFIGURED_SECONDS: f64 = 100.0 * 31_557_600.0;

/// Checks a lifetime written in `jwtlint.toml` (a number of seconds, or an `ms`-style
/// string such as "15m"), and gives it in seconds. Unlike source code, where jwtlint reads
/// whatever is written, a configured bound must be a real duration: not negative, not
/// beyond 100 years (so a 400-digit number is an error, not infinity).
pub fn configured_seconds(v: &toml::Value) -> Result<f64, String> {
    let secs = match v {
        toml::Value::Integer(n) => *n as f64,
        toml::Value::Float(f) => *f,
        toml::Value::String(s) => match parse_ms(s) {
            Some(ms) => ms / 1000.0,
            None => {
                return Err(format!(
                    "`{}` is not a duration: write a number of seconds or a number with a unit, such as \"15m\", \"12h\" or \"7d\"",
                    escape_control(&shorten(s))
                ))
            }
        },
        _ => {
            return Err(
                "expected a duration such as \"15m\", \"7d\" or a number of seconds".into(),
            )
        }
    };
    let shown = || escape_control(&shorten(&v.to_string()));
    if secs.is_nan() || secs < 0.0 || (secs == 0.0 && secs.is_sign_negative()) {
        return Err(format!(
            "{} is negative: a duration must be zero or more",
            shown()
        ));
    }
    if !secs.is_finite() || secs > MAX_CONFIGURED_SECONDS {
        return Err(format!(
            "{} is too long: a duration may be at most 100 years",
            shown()
        ));
    }
    Ok(secs)
}

/// At most 40 characters of a value, for an error message.
fn shorten(s: &str) -> String {
    if s.chars().count() <= 40 {
        s.to_string()
    } else {
        s.chars().take(37).collect::<String>() + "..."
    }
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

    #[test]
    fn configured_durations_are_real_durations() {
        let v = |s: &str| toml::Value::String(s.into());
        assert_eq!(configured_seconds(&v("15m")), Ok(900.0));
        assert_eq!(configured_seconds(&toml::Value::Integer(3600)), Ok(3600.0));
        assert_eq!(configured_seconds(&v("0s")), Ok(0.0));
        let e = configured_seconds(&v("-5m")).unwrap_err();
        assert!(e.contains("negative"), "{e}");
        let e = configured_seconds(&toml::Value::Integer(-1)).unwrap_err();
        assert!(e.contains("negative"), "{e}");
        let e = configured_seconds(&v("-0")).unwrap_err();
        assert!(e.contains("negative"), "{e}");
        let huge = "9".repeat(400) + "d";
        let e = configured_seconds(&v(&huge)).unwrap_err();
        assert!(e.contains("too long") && e.len() < 200, "{e}");
        assert!(configured_seconds(&v("101y")).is_err());
        assert!(configured_seconds(&v("100y")).is_ok());
        let e = configured_seconds(&v("soon\u{1b}[31m")).unwrap_err();
        assert!(!e.contains('\u{1b}') && e.contains("\\u{1b}"), "{e}");
    }
}

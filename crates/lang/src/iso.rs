//! ISO date values, as `annals-extract` writes them and the index stores them: a day
//! `2019-07-20`, a month `2019-07`, a year `2019`, or a range `A/B` of two of them.

/// First and last day of an ISO value: `2019-07-20`, `2019-07`, `2019`, or `A/B`.
pub fn value_range(value: &str) -> Option<(jiff::civil::Date, jiff::civil::Date)> {
    match value.split_once('/') {
        Some((a, b)) => {
            let (first, _) = value_range(a)?;
            let (_, last) = value_range(b)?;
            (first <= last).then_some((first, last))
        }
        None => {
            let mut parts = value.split('-');
            let year: i16 = parts.next()?.parse().ok()?;
            match (parts.next(), parts.next()) {
                (None, _) => {
                    Some((jiff::civil::date(year, 1, 1), jiff::civil::Date::new(year, 12, 31).ok()?))
                }
                (Some(m), None) => {
                    let first = jiff::civil::Date::new(year, m.parse().ok()?, 1).ok()?;
                    Some((first, first.last_of_month()))
                }
                (Some(m), Some(d)) => {
                    let day = jiff::civil::Date::new(year, m.parse().ok()?, d.parse().ok()?).ok()?;
                    Some((day, day))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::value_range;
    use jiff::civil::date;

    #[test]
    fn iso_values_give_day_ranges() {
        assert_eq!(value_range("2019-07-20"), Some((date(2019, 7, 20), date(2019, 7, 20))));
        assert_eq!(value_range("2019-02"), Some((date(2019, 2, 1), date(2019, 2, 28))));
        assert_eq!(value_range("2019"), Some((date(2019, 1, 1), date(2019, 12, 31))));
        assert_eq!(value_range("2019-07-20/2019-07-21"), Some((date(2019, 7, 20), date(2019, 7, 21))));
        assert_eq!(value_range("2019-07-22/2019-07-21"), None);
        assert_eq!(value_range("2019-13"), None);
        assert_eq!(value_range("nonsense"), None);
    }
}

//! Percentiles of one run's latencies, and the median and spread of a figure over several runs.

use std::time::Duration;

/// Latency percentiles of one measured phase, in milliseconds.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Latency {
    /// Median.
    pub p50_ms: f64,
    /// 90th percentile.
    pub p90_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
    /// 99.9th percentile.
    pub p999_ms: f64,
    /// Largest.
    pub max_ms: f64,
}

impl Latency {
    /// Percentiles (nearest rank) of `samples`, which are sorted in place.
    pub fn from_samples(samples: &mut [Duration]) -> Self {
        samples.sort_unstable();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        Self {
            p50_ms: ms(percentile(samples, 50.0)),
            p90_ms: ms(percentile(samples, 90.0)),
            p99_ms: ms(percentile(samples, 99.0)),
            p999_ms: ms(percentile(samples, 99.9)),
            max_ms: ms(samples.last().copied().unwrap_or_default()),
        }
    }
}

/// Nearest-rank percentile of sorted `samples` (zero when there are none).
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    // The epsilon keeps 99.9 % of 1000 at rank 999 despite floating-point rounding.
    let rank = (p * sorted.len() as f64 / 100.0 - 1e-9).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// A figure over several runs: the median, the range, and the spread `±(max − min) / 2` as a
/// percentage of the median.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Spread {
    /// Median of the runs (the mean of the middle two for an even count).
    pub median: f64,
    /// Smallest run.
    pub min: f64,
    /// Largest run.
    pub max: f64,
    /// Half the range, as a percentage of the median.
    pub plus_minus_percent: f64,
}

impl Spread {
    /// Summarises `values` (empty gives zeros).
    pub fn of(values: impl IntoIterator<Item = f64>) -> Self {
        let mut values: Vec<f64> = values.into_iter().filter(|v| v.is_finite()).collect();
        if values.is_empty() {
            return Self::default();
        }
        values.sort_by(f64::total_cmp);
        let n = values.len();
        let median = if n % 2 == 1 {
            values[n / 2]
        } else {
            (values[n / 2 - 1] + values[n / 2]) / 2.0
        };
        let (min, max) = (values[0], values[n - 1]);
        let plus_minus_percent = if median > 0.0 {
            (max - min) / 2.0 / median * 100.0
        } else {
            0.0
        };
        Self {
            median,
            min,
            max,
            plus_minus_percent,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let mut samples: Vec<Duration> = (1..=1000).map(Duration::from_micros).collect();
        samples.reverse();
        let latency = Latency::from_samples(&mut samples);
        let close = |a: f64, b: f64| assert!((a - b).abs() < 1e-12, "{a} != {b}");
        close(latency.p50_ms, 0.5);
        close(latency.p90_ms, 0.9);
        close(latency.p99_ms, 0.99);
        close(latency.p999_ms, 0.999);
        close(latency.max_ms, 1.0);
        assert_eq!(percentile(&[], 50.0), Duration::ZERO);
        assert_eq!(
            percentile(&[Duration::from_millis(3)], 99.9),
            Duration::from_millis(3)
        );
    }

    #[test]
    fn spread_is_half_the_range_over_the_median() {
        let s = Spread::of([90.0, 100.0, 110.0, 100.0, 95.0]);
        assert_eq!(s.median, 100.0);
        assert_eq!((s.min, s.max), (90.0, 110.0));
        assert!((s.plus_minus_percent - 10.0).abs() < 1e-9);
        assert_eq!(Spread::of([1.0, 3.0]).median, 2.0);
        assert_eq!(Spread::of([]), Spread::default());
    }
}

//! Consumer metrics on their way out: buffered, then written in one go — to the local metrics
//! table, or to CloudWatch (namespace `orderctl/Consumers`, dimension `FunctionName`, §5.1).

use std::cell::RefCell;
use std::time::{Duration, Instant};

use orders_core::clock;

use crate::backend::{AwsTarget, LocalTarget, TResult};

/// The namespace consumer metrics go to (`AWS/` namespaces are reserved).
pub const NAMESPACE: &str = "orderctl/Consumers";

/// The datapoints one invocation produces: (metric, value, unit).
pub fn invocation_metrics(
    iterator_age_ms: i64,
    failed: bool,
    filtered: u64,
    dropped: u64,
    on_failure: u64,
) -> Vec<(&'static str, i64, &'static str)> {
    let mut points = vec![
        ("IteratorAge", iterator_age_ms, "Milliseconds"),
        ("Invocations", 1, "Count"),
    ];
    if failed {
        points.push(("Errors", 1, "Count"));
    }
    for (name, n) in [
        ("FilteredOutEventCount", filtered),
        ("DroppedEventCount", dropped),
        ("OnFailureDestinationDeliveredEventCount", on_failure),
    ] {
        if n > 0 {
            points.push((name, i64::try_from(n).unwrap_or(i64::MAX), "Count"));
        }
    }
    points
}

/// A datapoint: function, metric, value, unit, time (epoch ms).
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// FunctionName dimension.
    pub function: String,
    /// Metric name.
    pub name: &'static str,
    /// Value.
    pub value: i64,
    /// Unit.
    pub unit: &'static str,
    /// When.
    pub ts_ms: i64,
}

/// Where consumer metrics go.
pub enum Telemetry<'a> {
    /// The local metrics table.
    Local(&'a LocalTarget, Buffer),
    /// CloudWatch.
    Aws(&'a AwsTarget, Buffer),
    /// Nowhere.
    Off,
}

impl std::fmt::Debug for Telemetry<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Telemetry::Local(..) => "Telemetry::Local",
            Telemetry::Aws(..) => "Telemetry::Aws",
            Telemetry::Off => "Telemetry::Off",
        })
    }
}

/// Points waiting to be written.
#[derive(Debug)]
pub struct Buffer {
    points: RefCell<Vec<Point>>,
    last_flush: RefCell<Instant>,
}

impl Default for Buffer {
    fn default() -> Self {
        Buffer {
            points: RefCell::new(Vec::new()),
            last_flush: RefCell::new(Instant::now()),
        }
    }
}

/// Write at least this often while consuming.
const FLUSH_EVERY: Duration = Duration::from_secs(1);

impl super::Target {
    /// Where `consume` writes its metrics on this backend.
    pub fn telemetry(&self) -> Telemetry<'_> {
        match self {
            super::Target::Local(local) => Telemetry::Local(local, Buffer::default()),
            super::Target::Aws(aws) => Telemetry::Aws(aws, Buffer::default()),
        }
    }
}

impl Telemetry<'_> {
    fn buffer(&self) -> Option<&Buffer> {
        match self {
            Telemetry::Local(_, b) | Telemetry::Aws(_, b) => Some(b),
            Telemetry::Off => None,
        }
    }

    fn push(&self, function: &str, points: Vec<(&'static str, i64, &'static str)>) {
        if let Some(b) = self.buffer() {
            let ts_ms = clock::now_ms();
            b.points
                .borrow_mut()
                .extend(points.into_iter().map(|(name, value, unit)| Point {
                    function: function.to_owned(),
                    name,
                    value,
                    unit,
                    ts_ms,
                }));
        }
    }

    /// One invocation: its iterator age, whether it failed, and the records it filtered,
    /// dropped and sent to the destination.
    pub fn invocation(
        &self,
        function: &str,
        age_ms: i64,
        failed: bool,
        filtered: u64,
        dropped: u64,
        on_failure: u64,
    ) {
        self.push(
            function,
            invocation_metrics(age_ms, failed, filtered, dropped, on_failure),
        );
    }

    /// Records filtered out without an invocation.
    pub fn filtered(&self, function: &str, n: u64) {
        if n > 0 {
            self.push(
                function,
                vec![(
                    "FilteredOutEventCount",
                    i64::try_from(n).unwrap_or(i64::MAX),
                    "Count",
                )],
            );
        }
    }

    /// Records given up without an invocation (record age).
    pub fn dropped(&self, function: &str, n: u64, on_failure: u64) {
        let mut points = vec![(
            "DroppedEventCount",
            i64::try_from(n).unwrap_or(i64::MAX),
            "Count",
        )];
        if on_failure > 0 {
            points.push((
                "OnFailureDestinationDeliveredEventCount",
                i64::try_from(on_failure).unwrap_or(i64::MAX),
                "Count",
            ));
        }
        self.push(function, points);
    }

    /// Write the buffer if it is due (or `force`).
    pub async fn flush(&self, force: bool) -> TResult<()> {
        let Some(buffer) = self.buffer() else {
            return Ok(());
        };
        if !force && buffer.last_flush.borrow().elapsed() < FLUSH_EVERY {
            return Ok(());
        }
        *buffer.last_flush.borrow_mut() = Instant::now();
        let points = std::mem::take(&mut *buffer.points.borrow_mut());
        if points.is_empty() {
            return Ok(());
        }
        match self {
            Telemetry::Local(target, _) => target.write_consumer_metrics(NAMESPACE, &points),
            Telemetry::Aws(target, _) => target.put_consumer_metrics(NAMESPACE, &points).await,
            Telemetry::Off => Ok(()),
        }
    }
}

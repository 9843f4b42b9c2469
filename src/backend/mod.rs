//! The two targets behind one set of capabilities. Commands talk to `Target`, a closed enum
//! over the local (SQLite) and AWS (SDK) implementations, chosen once at start-up; errors
//! reach commands only as `TargetError`, never as SQLite or SDK types.

pub mod aws;
pub mod checkpoint_file;
pub mod checkpoints;
pub mod consumers;
pub mod datapoints;
pub mod effects;
mod error;
pub mod feed;
pub mod inspect;
pub mod local;
pub mod local_only;
pub mod metric_reads;
pub mod position;
pub mod queue;
pub mod remote;
pub mod stack;
mod stores;
mod target;
pub mod telemetry;
pub mod trace;

pub use aws::AwsTarget;
pub use datapoints::Point;
pub use error::{TResult, TargetError};
pub use feed::{ChangeFeed, FeedPace, IteratorKind, RecordsPage, ShardDesc, StreamPage};
pub use local::LocalTarget;
pub use local_only::local_only;
pub use stores::{
    InventoryStore, MISCONFIGURED, OrderQuery, OrderStore, ResourceReport, StatusChange, StockItem,
};
pub use target::Target;

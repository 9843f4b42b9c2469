//! The one integration test binary: the CLI on the local target in temporary data dirs, and
//! (with `ORDERCTL_TEST_ENDPOINT`) the AWS target against the moto server `scripts/test` runs.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed step is a failed test

mod support;

mod aws_consume;
mod aws_credentials;
mod aws_deploy;
mod aws_dlq;
mod aws_dlq_redrive;
mod aws_faults;
mod aws_kill;
mod aws_lag;
mod aws_lost_writes;
mod aws_moto;
mod aws_orders;
mod aws_replay_batches;
mod aws_replay_faults;
mod aws_tail;
mod aws_throttling;
mod aws_trace;
mod build;
mod completions;
mod fuzz;
mod help;
mod layers;
mod local_consume;
mod local_dlq;
mod local_doctor;
mod local_errors;
mod local_functions;
mod local_lag;
mod local_limits;
mod local_orders;
mod local_output;
mod local_signals;
mod local_stream;
mod local_tail;
mod local_time;
mod local_trace;
mod sim;
mod terminal;

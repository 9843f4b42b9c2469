//! `orderctl deploy`: the bundled functions, their subscriptions and alarms as one
//! CloudFormation stack (issue 14). This module is the target-free part — the settings under
//! `[deploy]`, the template generated from them and from `[functions.NAME]`, the Lambda zips'
//! content hashes — so `deploy --template` needs no account; the AWS calls live in
//! `backend/aws/stack.rs`.

pub mod artifacts;
pub mod config;
pub mod template;
pub mod yaml;

pub use config::{Architecture, DeploySettings};

//! The one place flags, `ORDERCTL_*` variables and `orderctl.toml` are read. Precedence:
//! flag > env (clap reads both) > `orderctl.toml` > defaults, resolved once into `Settings`;
//! commands never look at the environment or files themselves.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::Deserialize;

/// The config file looked for in the working directory.
pub const CONFIG_FILE: &str = "orderctl.toml";
/// The database file inside the data dir.
pub const DB_FILE: &str = "orderctl.db";

/// Everything a command may know about its environment.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Which target the command runs against.
    pub target: TargetKind,
    /// Local target: the data directory.
    pub data_dir: PathBuf,
    /// The config file that was read, if any.
    pub config_file: Option<PathBuf>,
    /// AWS target settings.
    pub aws: AwsSettings,
    /// Table and queue names.
    pub resources: Resources,
    /// Local target tuning.
    pub local: LocalSettings,
    /// The bundled functions' subscriptions.
    pub functions: crate::functions::Subscriptions,
    /// `[deploy]`: the CloudFormation stack `orderctl deploy` manages.
    pub deploy: crate::deploy::DeploySettings,
    /// stdout format.
    pub output: OutputFormat,
    /// `-q`.
    pub quiet: bool,
    /// `-v` count.
    pub verbose: u8,
    /// Colour on stdout.
    pub color_stdout: bool,
    /// Colour on stderr.
    pub color_stderr: bool,
    /// stderr is a terminal (progress bars, prompts).
    pub stderr_tty: bool,
    /// stdout is a terminal (screen redraws).
    pub stdout_tty: bool,
}

/// AWS target settings; `None` means "let the SDK's default chain decide".
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AwsSettings {
    /// Named profile.
    pub profile: Option<String>,
    /// Region.
    pub region: Option<String>,
    /// Endpoint override for every service.
    pub endpoint_url: Option<String>,
    /// Verified SES sender for the notification function.
    pub sender: Option<String>,
}

/// Where the pipeline lives.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize, serde::Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum TargetKind {
    /// An embedded SQLite database in the data dir: tables, stream, queue, metrics.
    Local,
    /// AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust.
    Aws,
}

/// How results are printed on stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    /// Human-readable tables and lines.
    Table,
    /// One JSON document.
    Json,
    /// One JSON object per line.
    Jsonl,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColorChoice {
    /// When the stream is a terminal and NO_COLOR is unset.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// What the command line asked for (flags, and the `ORDERCTL_*` variables clap merged in):
/// every value optional; [`Settings::resolve`] adds the config file and the defaults.
#[derive(Debug, Clone, Default)]
pub struct Flags {
    /// `--target`.
    pub target: Option<TargetKind>,
    /// `--data-dir`.
    pub data_dir: Option<PathBuf>,
    /// `--config`.
    pub config: Option<PathBuf>,
    /// `--profile`.
    pub profile: Option<String>,
    /// `--region`.
    pub region: Option<String>,
    /// `--endpoint-url`.
    pub endpoint_url: Option<String>,
    /// `--output`.
    pub output: Option<OutputFormat>,
    /// `--quiet`.
    pub quiet: bool,
    /// `-v` count.
    pub verbose: u8,
    /// `--color`.
    pub color: Option<ColorChoice>,
    /// `--orders-table`.
    pub orders_table: Option<String>,
    /// `--inventory-table`.
    pub inventory_table: Option<String>,
    /// `--processed-events-table`.
    pub processed_events_table: Option<String>,
    /// `--dlq-queue`.
    pub dlq_queue: Option<String>,
}

/// Names of the pipeline's resources.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Resources {
    /// The orders table (stream on).
    pub orders_table: String,
    /// Stock per product.
    pub inventory_table: String,
    /// Idempotency guard of the consumer functions.
    pub processed_events_table: String,
    /// The on-failure / dead-letter queue.
    pub dlq: String,
}

impl Default for Resources {
    fn default() -> Self {
        Resources {
            orders_table: orders_core::names::ORDERS_TABLE.into(),
            inventory_table: orders_core::names::INVENTORY_TABLE.into(),
            processed_events_table: orders_core::names::PROCESSED_EVENTS_TABLE.into(),
            dlq: orders_core::names::DLQ_QUEUE.into(),
        }
    }
}

/// How the local stream behaves.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LocalSettings {
    /// Open shards; records are spread over them by partition-key hash. Fixed when the
    /// database is created.
    pub shards: u32,
    /// A shard closes and hands over to a child after this many records.
    pub shard_rollover_records: u64,
    /// A shard also rolls over after this many seconds (AWS: about 4 h).
    pub shard_rollover_seconds: u64,
    /// The first sequence number of a new database (for testing digit-length changes).
    pub sequence_start: Option<String>,
}

impl Default for LocalSettings {
    fn default() -> Self {
        LocalSettings {
            shards: 2,
            shard_rollover_records: 10_000,
            shard_rollover_seconds: 4 * 3600,
            sequence_start: None,
        }
    }
}

/// The shape of `orderctl.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct ConfigFile {
    target: Option<TargetKind>,
    data_dir: Option<PathBuf>,
    resources: Resources,
    local: LocalSettings,
    aws: AwsSettings,
    functions: std::collections::BTreeMap<String, toml::Value>,
    deploy: crate::deploy::DeploySettings,
}

/// What the process environment says, captured once so resolution is testable.
#[derive(Debug, Clone)]
pub struct Environment {
    /// The working directory.
    pub cwd: PathBuf,
    /// `NO_COLOR` set and non-empty.
    pub no_color: bool,
    /// stdout is a terminal.
    pub stdout_tty: bool,
    /// stderr is a terminal.
    pub stderr_tty: bool,
    /// The platform data dir (`~/.local/share` on Linux).
    pub platform_data_dir: Option<PathBuf>,
}

impl Environment {
    /// Read the real environment.
    pub fn capture() -> Environment {
        Environment {
            cwd: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            stdout_tty: std::io::stdout().is_terminal(),
            stderr_tty: std::io::stderr().is_terminal(),
            platform_data_dir: dirs::data_dir(),
        }
    }
}

impl Settings {
    /// Resolve flags and env (already merged by clap), the config file and defaults.
    pub fn resolve(args: &Flags, env: &Environment) -> anyhow::Result<Settings> {
        let (file, config_file) = match &args.config {
            Some(path) => (read_config(path)?, Some(path.clone())),
            None => {
                let path = env.cwd.join(CONFIG_FILE);
                if path.is_file() {
                    (read_config(&path)?, Some(path))
                } else {
                    (ConfigFile::default(), None)
                }
            }
        };
        let data_dir = match (&args.data_dir, &file.data_dir, &env.platform_data_dir) {
            (Some(dir), _, _) => dir.clone(),
            (None, Some(dir), _) => dir.clone(),
            (None, None, Some(base)) => base.join("orderctl"),
            (None, None, None) => bail!(
                "cannot find a data directory for this platform; set --data-dir or ORDERCTL_DATA_DIR"
            ),
        };
        let mut resources = file.resources;
        override_with(&mut resources.orders_table, &args.orders_table);
        override_with(&mut resources.inventory_table, &args.inventory_table);
        override_with(
            &mut resources.processed_events_table,
            &args.processed_events_table,
        );
        override_with(&mut resources.dlq, &args.dlq_queue);
        validate_local(&file.local)?;
        let mut functions =
            crate::functions::resolve(&file.functions).map_err(anyhow::Error::msg)?;
        for (f, sub) in functions.iter_mut() {
            // On-failure records go to the pipeline's one dead-letter queue (its name may be
            // overridden); a different queue would be shown but never used, so it is refused.
            if sub.on_failure == f.defaults().on_failure {
                sub.on_failure = resources.dlq.clone();
            } else if !sub.on_failure.is_empty() && sub.on_failure != resources.dlq {
                anyhow::bail!(
                    "[functions.{}] on_failure = {:?}: it can be \"\" (none) or the dead-letter queue {:?}",
                    f.name(),
                    sub.on_failure,
                    resources.dlq
                );
            }
        }
        file.deploy.validate().map_err(anyhow::Error::msg)?;
        let aws = AwsSettings {
            profile: args.profile.clone().or(file.aws.profile),
            region: args.region.clone().or(file.aws.region),
            endpoint_url: args.endpoint_url.clone().or(file.aws.endpoint_url),
            sender: file.aws.sender,
        };
        let color = |tty: bool| match args.color.unwrap_or(ColorChoice::Auto) {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => tty && !env.no_color,
        };
        Ok(Settings {
            target: args.target.or(file.target).unwrap_or(TargetKind::Local),
            data_dir,
            config_file,
            aws,
            resources,
            local: file.local,
            functions,
            deploy: file.deploy,
            output: args.output.unwrap_or(OutputFormat::Table),
            quiet: args.quiet,
            verbose: args.verbose,
            color_stdout: color(env.stdout_tty),
            color_stderr: color(env.stderr_tty),
            stderr_tty: env.stderr_tty,
            stdout_tty: env.stdout_tty,
        })
    }

    /// Defaults for the local target in `data_dir` (tests, the demo, tools).
    pub fn local(data_dir: PathBuf) -> Settings {
        Settings {
            target: TargetKind::Local,
            data_dir,
            config_file: None,
            aws: AwsSettings::default(),
            resources: Resources::default(),
            local: LocalSettings::default(),
            functions: crate::functions::Function::ALL
                .into_iter()
                .map(|f| (f, f.defaults()))
                .collect(),
            deploy: crate::deploy::DeploySettings::default(),
            output: OutputFormat::Table,
            quiet: false,
            verbose: 0,
            color_stdout: false,
            color_stderr: false,
            stderr_tty: false,
            stdout_tty: false,
        }
    }

    /// The notification function's sender.
    pub fn sender(&self) -> &str {
        self.aws.sender.as_deref().unwrap_or("orders@example.com")
    }

    /// These settings on the local target in `data_dir` (the demo's own pipeline).
    pub fn local_at(&self, data_dir: &Path) -> Settings {
        Settings {
            target: TargetKind::Local,
            data_dir: data_dir.to_owned(),
            ..self.clone()
        }
    }

    /// The local database file.
    pub fn db_path(&self) -> PathBuf {
        self.data_dir.join(DB_FILE)
    }
}

fn override_with(slot: &mut String, value: &Option<String>) {
    if let Some(v) = value {
        slot.clone_from(v);
    }
}

fn validate_local(local: &LocalSettings) -> anyhow::Result<()> {
    if !(1..=64).contains(&local.shards) {
        bail!(
            "orderctl.toml: local.shards must be between 1 and 64, got {}",
            local.shards
        );
    }
    if local.shard_rollover_records == 0 {
        bail!("orderctl.toml: local.shard_rollover_records must be at least 1");
    }
    if let Some(start) = &local.sequence_start {
        orders_core::SequenceNumber::parse(start)
            .map_err(|e| anyhow::anyhow!("orderctl.toml: local.sequence_start: {e}"))?;
    }
    Ok(())
}

fn read_config(path: &Path) -> anyhow::Result<ConfigFile> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read config file {}", path.display()))?;
    toml::from_str(&text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1)
            .unwrap_or(1);
        anyhow::anyhow!("{}: line {line}: {}", path.display(), e.message().trim())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(dir: &Path) -> Environment {
        Environment {
            cwd: dir.to_owned(),
            no_color: false,
            stdout_tty: true,
            stderr_tty: false,
            platform_data_dir: Some(dir.join("platform")),
        }
    }

    fn args() -> Flags {
        Flags::default()
    }

    #[test]
    fn defaults_without_a_config_file() {
        let dir = tempfile::tempdir().unwrap();
        let s = Settings::resolve(&args(), &env(dir.path())).unwrap();
        assert_eq!(s.target, TargetKind::Local);
        assert_eq!(s.resources, Resources::default());
        assert_eq!(s.data_dir, dir.path().join("platform/orderctl"));
        assert!(s.color_stdout && !s.color_stderr);
        assert_eq!(s.local.shards, 2);
    }

    #[test]
    fn flag_beats_file_beats_default() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(CONFIG_FILE),
            "target = \"aws\"\n[resources]\norders_table = \"FromFile\"\ndlq = \"q-file\"\n[local]\nshards = 4\n",
        )
        .unwrap();
        let s = Settings::resolve(
            &Flags {
                orders_table: Some("FromFlag".into()),
                ..args()
            },
            &env(dir.path()),
        )
        .unwrap();
        assert_eq!(s.target, TargetKind::Aws);
        assert_eq!(s.resources.orders_table, "FromFlag");
        assert_eq!(s.resources.dlq, "q-file");
        assert_eq!(s.resources.inventory_table, "Inventory");
        assert_eq!(s.local.shards, 4);
        let s = Settings::resolve(
            &Flags {
                target: Some(TargetKind::Local),
                ..args()
            },
            &env(dir.path()),
        )
        .unwrap();
        assert_eq!(s.target, TargetKind::Local);
    }

    #[test]
    fn config_errors_name_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(CONFIG_FILE),
            "[local]\nshards = 2\nshardz = 3\n",
        )
        .unwrap();
        let err = Settings::resolve(&args(), &env(dir.path()))
            .unwrap_err()
            .to_string();
        assert!(err.contains("orderctl.toml: line 3"), "{err}");
        assert!(err.contains("shardz"), "{err}");
        assert!(!err.contains('\n'), "one line: {err}");
    }

    #[test]
    fn on_failure_follows_the_dead_letter_queue_and_refuses_another() {
        use crate::functions::Function;
        let dir = tempfile::tempdir().unwrap();
        let renamed = Settings::resolve(
            &Flags {
                dlq_queue: Some("dlq-7".into()),
                ..args()
            },
            &env(dir.path()),
        )
        .unwrap();
        assert_eq!(renamed.functions[&Function::Inventory].on_failure, "dlq-7");
        std::fs::write(
            dir.path().join(CONFIG_FILE),
            "[functions.inventory]\non_failure = \"other-q\"\n[functions.analytics]\non_failure = \"\"\n",
        )
        .unwrap();
        let err = Settings::resolve(&args(), &env(dir.path()))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("other-q") && err.contains("orders-dlq"),
            "{err}"
        );
        std::fs::write(
            dir.path().join(CONFIG_FILE),
            "[functions.analytics]\non_failure = \"\"\n",
        )
        .unwrap();
        let none = Settings::resolve(&args(), &env(dir.path())).unwrap();
        assert_eq!(none.functions[&Function::Analytics].on_failure, "");
    }

    #[test]
    fn no_color_and_color_flag() {
        let dir = tempfile::tempdir().unwrap();
        let mut e = env(dir.path());
        e.no_color = true;
        assert!(!Settings::resolve(&args(), &e).unwrap().color_stdout);
        assert!(
            Settings::resolve(
                &Flags {
                    color: Some(ColorChoice::Always),
                    ..args()
                },
                &e
            )
            .unwrap()
            .color_stdout
        );
    }

    #[test]
    fn example_config_in_the_repo_parses() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(CONFIG_FILE);
        let dir = tempfile::tempdir().unwrap();
        let s = Settings::resolve(
            &Flags {
                config: Some(path),
                ..args()
            },
            &env(dir.path()),
        )
        .unwrap();
        assert_eq!(s.resources, Resources::default());
    }
}

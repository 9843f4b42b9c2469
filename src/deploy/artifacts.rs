//! The functions' code as `orderctl build` leaves it: one zip per function under
//! `<target dir>/lambda/`, named in S3 by its SHA-256, so an unchanged build is never uploaded
//! again and never changes the stack.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use sha2::{Digest, Sha256};

use crate::functions::Function;

/// Where `orderctl build` writes the zips, relative to the working directory.
pub const DEFAULT_DIR: &str = "target/lambda";

/// One function's zip, read and hashed.
#[derive(Debug, Clone)]
pub struct Artifact {
    /// The function.
    pub function: Function,
    /// The file it was read from.
    pub path: PathBuf,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// The S3 key: `orderctl/<function>/<sha256>.zip`.
    pub key: String,
}

/// Read each function's zip from `dir`; a missing one is one line saying to build first.
pub fn read(dir: &Path, functions: &[Function]) -> anyhow::Result<Vec<Artifact>> {
    functions
        .iter()
        .map(|&function| {
            let path = dir.join(format!("{}.zip", function.name()));
            let bytes = match std::fs::read(&path) {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => anyhow::bail!(
                    "no build of the {} function at {}: run `orderctl build` first",
                    function.name(),
                    path.display()
                ),
                Err(e) => {
                    return Err(e).with_context(|| format!("cannot read {}", path.display()));
                }
            };
            let key = key_for(function, &bytes);
            Ok(Artifact {
                function,
                path,
                bytes,
                key,
            })
        })
        .collect()
}

/// The content-addressed S3 key of a function's zip.
pub fn key_for(function: Function, bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("orderctl/{}/{hex}.zip", function.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_follow_content_and_a_missing_zip_says_to_build() {
        let a = key_for(Function::Inventory, b"one");
        assert_eq!(a, key_for(Function::Inventory, b"one"));
        assert_ne!(a, key_for(Function::Inventory, b"two"));
        assert!(a.starts_with("orderctl/inventory/") && a.ends_with(".zip"));
        let dir = tempfile::tempdir().unwrap();
        let err = read(dir.path(), &[Function::Analytics])
            .unwrap_err()
            .to_string();
        assert!(err.contains("run `orderctl build` first"), "{err}");
        std::fs::write(dir.path().join("analytics.zip"), b"zip").unwrap();
        let got = read(dir.path(), &[Function::Analytics]).unwrap();
        assert_eq!(got[0].key, key_for(Function::Analytics, b"zip"));
    }
}

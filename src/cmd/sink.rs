//! Where stream records go: stdout as readable lines, JSON lines or one JSON array (streamed,
//! so memory stays bounded), optionally a Lambda-event file, optionally with emails masked.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use orders_core::attr::{AttributeValue, Item};
use orders_core::{EventRecord, TextRecord};

use super::render;
use crate::output::Printer;
use crate::settings::OutputFormat;

/// A Lambda event being written: `{"Records":[` … `]}`, renamed into place when complete.
struct SaveFile {
    path: PathBuf,
    tmp: PathBuf,
    w: BufWriter<File>,
    count: u64,
}

/// Writes records in the chosen format.
pub struct Sink {
    out: Printer,
    redact: bool,
    save: Option<SaveFile>,
    emitted: u64,
}

impl Sink {
    /// A sink on `out`, also saving to `save` when given.
    pub fn new(out: Printer, redact: bool, save: Option<&Path>) -> anyhow::Result<Sink> {
        let save = save
            .map(|path| -> anyhow::Result<SaveFile> {
                let tmp = path.with_extension(format!("partial.{}", std::process::id()));
                let mut w = BufWriter::new(
                    // Named as the user gave it: the temporary name is ours, not theirs.
                    File::create(&tmp)
                        .with_context(|| format!("--save: cannot write {}", path.display()))?,
                );
                w.write_all(b"{\"Records\":[")?;
                Ok(SaveFile {
                    path: path.to_owned(),
                    tmp,
                    w,
                    count: 0,
                })
            })
            .transpose()?;
        if out.format() == OutputFormat::Json {
            out.with_out(|w| w.write_all(b"["))?;
        }
        Ok(Sink {
            out,
            redact,
            save,
            emitted: 0,
        })
    }

    /// Records written so far.
    pub fn emitted(&self) -> u64 {
        self.emitted
    }

    /// Write one record read from `shard`.
    pub fn record(&mut self, shard: &str, record: &TextRecord) -> anyhow::Result<()> {
        let typed = if self.redact || self.out.format() == OutputFormat::Table {
            let mut t = record.typed().context("cannot decode a stream record")?;
            if self.redact {
                redact_record(&mut t);
            }
            Some(t)
        } else {
            None
        };
        let json = if self.out.format() == OutputFormat::Table && self.save.is_none() {
            Vec::new()
        } else if let Some(t) = &typed {
            serde_json::to_vec(t)?
        } else {
            // Validate the images here, on the output thread, as they are printed.
            let raw = record.map_images(|t| serde_json::value::RawValue::from_string(t.0.clone()));
            serde_json::to_vec(&raw.context("a stream image is not valid JSON")?)?
        };
        match self.out.format() {
            OutputFormat::Table => {
                if let Some(t) = &typed {
                    self.out.line(render::line(&self.out, shard, t))?;
                }
            }
            OutputFormat::Jsonl => self.out.with_out(|w| {
                w.write_all(&json)?;
                w.write_all(b"\n")
            })?,
            OutputFormat::Json => {
                let sep: &[u8] = if self.emitted == 0 { b"\n" } else { b",\n" };
                self.out.with_out(|w| {
                    w.write_all(sep)?;
                    w.write_all(&json)
                })?;
            }
        }
        if let Some(save) = &mut self.save {
            if save.count > 0 {
                save.w.write_all(b",")?;
            }
            save.w.write_all(b"\n")?;
            save.w.write_all(&json)?;
            save.count += 1;
        }
        self.emitted += 1;
        Ok(())
    }

    /// Flush stdout (after each batch, so a follower sees records promptly).
    pub fn flush(&mut self) -> anyhow::Result<()> {
        self.out.flush()?;
        Ok(())
    }

    /// Close the JSON array and the saved event.
    pub fn finish(mut self) -> anyhow::Result<()> {
        if self.out.format() == OutputFormat::Json {
            let end: &[u8] = if self.emitted == 0 { b"]\n" } else { b"\n]\n" };
            self.out.with_out(|w| w.write_all(end))?;
        }
        self.out.flush()?;
        if let Some(mut save) = self.save.take() {
            save.w.write_all(b"\n]}\n")?;
            save.w.flush()?;
            drop(save.w);
            std::fs::rename(&save.tmp, &save.path)
                .with_context(|| format!("cannot write {}", save.path.display()))?;
            self.out.note(format!(
                "saved {} records to {}",
                save.count,
                save.path.display()
            ));
        }
        Ok(())
    }
}

/// Mask email addresses in a record's images: `customerEmail` and any string that looks like
/// an address become `a***@example.com`.
pub fn redact_record(record: &mut EventRecord) {
    let d = &mut record.dynamodb;
    for image in [
        Some(&mut d.keys),
        d.new_image.as_mut(),
        d.old_image.as_mut(),
    ]
    .into_iter()
    .flatten()
    {
        redact_item(image);
    }
}

fn redact_item(item: &mut Item) {
    for value in item.values_mut() {
        redact_value(value);
    }
}

fn redact_value(value: &mut AttributeValue) {
    match value {
        AttributeValue::S(s) if s.contains('@') => *s = mask_text(s),
        AttributeValue::SS(v) => v.iter_mut().for_each(|s| *s = mask_text(s)),
        AttributeValue::M(m) => redact_item(m),
        AttributeValue::L(l) => l.iter_mut().for_each(redact_value),
        _ => {}
    }
}

/// Mask every whitespace-separated word of `text` that looks like an email address.
fn mask_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (word, tail) = rest.split_at(word_end);
        if looks_like_email(word) {
            out.push_str(&mask(word));
        } else {
            out.push_str(word);
        }
        let space_end = tail
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(tail.len());
        out.push_str(&tail[..space_end]);
        rest = &tail[space_end..];
    }
    out
}

fn looks_like_email(s: &str) -> bool {
    s.split_once('@')
        .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
}

fn mask(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_masked_everywhere_in_images() {
        let mut item = Item::from([
            (
                "customerEmail".to_owned(),
                AttributeValue::S("alice@example.com".into()),
            ),
            (
                "note".to_owned(),
                AttributeValue::L(vec![AttributeValue::S("cc bob@example.org".into())]),
            ),
            (
                "other".to_owned(),
                AttributeValue::M(Item::from([(
                    "e".to_owned(),
                    AttributeValue::S("x@y.io".into()),
                )])),
            ),
            ("status".to_owned(), AttributeValue::S("PENDING".into())),
        ]);
        redact_item(&mut item);
        assert_eq!(
            item["customerEmail"],
            AttributeValue::S("a***@example.com".into())
        );
        assert_eq!(
            item["other"].as_m().unwrap()["e"],
            AttributeValue::S("x***@y.io".into())
        );
        assert_eq!(
            item["note"].as_l().unwrap()[0],
            AttributeValue::S("cc b***@example.org".into())
        );
        assert_eq!(item["status"], AttributeValue::S("PENDING".into()));
    }
}

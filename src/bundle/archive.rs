//! The deployment zip, written so that the same `bootstrap` always gives the same bytes (and
//! so the same SHA-256, which is how a deploy knows a function is unchanged): one entry named
//! `bootstrap` at the root, deflated, dated 1980-01-01 00:00 (the zip epoch), Unix mode 0755.
//!
//! Written by hand rather than with the `zip` crate: one entry needs a local header, the data,
//! one central-directory record and the end record, and flate2 (deflate and CRC-32) is already
//! in the build through the AWS SDK, so this adds no crate.

use std::io::Write;

use flate2::Crc;
use flate2::write::DeflateEncoder;

/// The entry name Lambda's custom runtimes execute.
pub const ENTRY: &str = "bootstrap";
/// 1980-01-01 in MS-DOS date format: (year - 1980) << 9 | month << 5 | day.
pub const DOS_DATE: u16 = (1 << 5) | 1;
/// 00:00:00 in MS-DOS time format.
pub const DOS_TIME: u16 = 0;
/// A regular file (`S_IFREG`), rwxr-xr-x: Lambda must be able to execute it.
pub const UNIX_MODE: u32 = 0o100_755;

const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_OF_CENTRAL_DIRECTORY: u32 = 0x0605_4b50;
/// Version 2.0 of the format (deflate), the oldest every reader understands.
const VERSION_NEEDED: u16 = 20;
/// Made by Unix (3, in the high byte), so readers take the mode from the external attributes.
const VERSION_MADE_BY: u16 = (3 << 8) | 20;
const DEFLATE: u16 = 8;

/// Why a zip could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// Past the 4 GiB a zip without ZIP64 can hold (Lambda's own limit is 250 MB unzipped).
    #[error("bootstrap is {0} bytes, too large for a Lambda zip")]
    TooLarge(usize),
    /// Compression failed (it writes to memory, so this is not expected).
    #[error("compressing bootstrap: {0}")]
    Deflate(#[from] std::io::Error),
}

/// A zip holding `binary` as `bootstrap`, byte-for-byte the same for the same `binary`.
pub fn bootstrap_zip(binary: &[u8]) -> Result<Vec<u8>, ArchiveError> {
    let too_large = || ArchiveError::TooLarge(binary.len());
    let size = u32::try_from(binary.len()).map_err(|_| too_large())?;
    let mut crc = Crc::new();
    crc.update(binary);
    let crc = crc.sum();
    let mut encoder = DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(binary)?;
    let data = encoder.finish()?;
    let compressed = u32::try_from(data.len()).map_err(|_| too_large())?;
    let name = ENTRY.as_bytes();
    let name_len = name.len() as u16;

    let mut zip = Vec::with_capacity(data.len() + 128);
    // Local file header.
    put32(&mut zip, LOCAL_HEADER);
    put_entry(&mut zip, crc, compressed, size, name_len);
    put16(&mut zip, 0); // no extra field (it would carry timestamps)
    zip.extend_from_slice(name);
    zip.extend_from_slice(&data);

    let central_start = u32::try_from(zip.len()).map_err(|_| too_large())?;
    put32(&mut zip, CENTRAL_HEADER);
    put16(&mut zip, VERSION_MADE_BY);
    put_entry(&mut zip, crc, compressed, size, name_len);
    put16(&mut zip, 0); // extra field
    put16(&mut zip, 0); // comment
    put16(&mut zip, 0); // disk number
    put16(&mut zip, 0); // internal attributes
    put32(&mut zip, UNIX_MODE << 16); // external attributes: the Unix mode in the high half
    put32(&mut zip, 0); // the local header's offset
    zip.extend_from_slice(name);
    let central_size = u32::try_from(zip.len()).map_err(|_| too_large())? - central_start;

    put32(&mut zip, END_OF_CENTRAL_DIRECTORY);
    put16(&mut zip, 0); // this disk
    put16(&mut zip, 0); // the disk the central directory starts on
    put16(&mut zip, 1); // entries on this disk
    put16(&mut zip, 1); // entries in all
    put32(&mut zip, central_size);
    put32(&mut zip, central_start);
    put16(&mut zip, 0); // comment length
    Ok(zip)
}

/// The fields the local and the central header share, in the order both hold them: version
/// needed, flags (none: sizes are in the header, no data descriptor), method, the fixed time
/// and date, CRC, sizes and the name's length.
fn put_entry(zip: &mut Vec<u8>, crc: u32, compressed: u32, size: u32, name_len: u16) {
    put16(zip, VERSION_NEEDED);
    put16(zip, 0);
    put16(zip, DEFLATE);
    put16(zip, DOS_TIME);
    put16(zip, DOS_DATE);
    put32(zip, crc);
    put32(zip, compressed);
    put32(zip, size);
    put16(zip, name_len);
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// The one entry of a zip as [`bootstrap_zip`] writes it, read back from its central directory
/// (for tests, and for anyone checking a zip found on disk).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its path in the archive.
    pub name: String,
    /// Unix mode bits, file type included (`0o100755`).
    pub unix_mode: u32,
    /// MS-DOS date.
    pub dos_date: u16,
    /// MS-DOS time.
    pub dos_time: u16,
    /// The uncompressed contents.
    pub contents: Vec<u8>,
}

/// Read every entry of a zip written by [`bootstrap_zip`] (stored or deflated entries, no
/// ZIP64); `None` when it is not such a zip or its CRC does not match.
pub fn read_entries(zip: &[u8]) -> Option<Vec<Entry>> {
    let u16_at = |at: usize| Some(u16::from_le_bytes(zip.get(at..at + 2)?.try_into().ok()?));
    let u32_at = |at: usize| Some(u32::from_le_bytes(zip.get(at..at + 4)?.try_into().ok()?));
    let end = zip.len().checked_sub(22)?;
    if u32_at(end)? != END_OF_CENTRAL_DIRECTORY {
        return None;
    }
    let count = u16_at(end + 10)?;
    let mut at = u32_at(end + 16)? as usize;
    let mut entries = Vec::new();
    for _ in 0..count {
        if u32_at(at)? != CENTRAL_HEADER {
            return None;
        }
        let method = u16_at(at + 10)?;
        let (dos_time, dos_date) = (u16_at(at + 12)?, u16_at(at + 14)?);
        let crc = u32_at(at + 16)?;
        let compressed = u32_at(at + 20)? as usize;
        let name_len = u16_at(at + 28)? as usize;
        let extra_len = u16_at(at + 30)? as usize;
        let comment_len = u16_at(at + 32)? as usize;
        let unix_mode = u32_at(at + 38)? >> 16;
        let local = u32_at(at + 42)? as usize;
        let name = String::from_utf8(zip.get(at + 46..at + 46 + name_len)?.to_vec()).ok()?;
        if u32_at(local)? != LOCAL_HEADER {
            return None;
        }
        let data_at = local + 30 + u16_at(local + 26)? as usize + u16_at(local + 28)? as usize;
        let data = zip.get(data_at..data_at + compressed)?;
        let contents = match method {
            0 => data.to_vec(),
            DEFLATE => {
                let mut out = Vec::new();
                std::io::copy(&mut flate2::read::DeflateDecoder::new(data), &mut out).ok()?;
                out
            }
            _ => return None,
        };
        let mut check = Crc::new();
        check.update(&contents);
        if check.sum() != crc {
            return None;
        }
        entries.push(Entry {
            name,
            unix_mode,
            dos_date,
            dos_time,
            contents,
        });
        at += 46 + name_len + extra_len + comment_len;
    }
    Some(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn binary() -> Vec<u8> {
        // Compressible and not: a header-like run, then pseudo-random bytes.
        let mut b = b"\x7fELF".repeat(1000);
        let mut x = 0x2545_f491_u32;
        for _ in 0..50_000 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            b.push(x as u8);
        }
        b
    }

    #[test]
    fn the_same_binary_gives_the_same_bytes() {
        let a = bootstrap_zip(&binary()).unwrap();
        let b = bootstrap_zip(&binary()).unwrap();
        assert_eq!(a, b);
        let mut other = binary();
        other[10] ^= 1;
        assert_ne!(bootstrap_zip(&other).unwrap(), a);
    }

    #[test]
    fn one_executable_bootstrap_at_the_root_dated_1980() {
        let zip = bootstrap_zip(&binary()).unwrap();
        let entries = read_entries(&zip).unwrap();
        assert_eq!(entries.len(), 1);
        let entry = &entries[0];
        assert_eq!(entry.name, "bootstrap");
        assert_eq!(entry.unix_mode, 0o100_755);
        assert_eq!(entry.unix_mode & 0o777, 0o755);
        assert_eq!((entry.dos_date, entry.dos_time), (0x0021, 0));
        assert_eq!(entry.contents, binary());
        // Deflated: smaller than what it holds.
        assert!(zip.len() < binary().len());
    }

    #[test]
    fn an_empty_binary_still_makes_a_valid_zip() {
        let zip = bootstrap_zip(b"").unwrap();
        assert_eq!(read_entries(&zip).unwrap()[0].contents, b"");
    }

    #[test]
    fn a_damaged_zip_is_not_read() {
        let mut zip = bootstrap_zip(&binary()).unwrap();
        assert!(read_entries(&zip[..zip.len() - 1]).is_none());
        // Flip a byte inside the compressed data: the CRC (or the inflate) catches it.
        zip[200] ^= 0xff;
        assert!(read_entries(&zip).is_none());
    }
}

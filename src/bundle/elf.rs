//! Just enough of ELF to answer one question before a binary ships to Lambda: which glibc does
//! it need? Lambda's `provided.al2023` has glibc 2.34, and a binary needing a newer symbol
//! version fails at start-up with "version `GLIBC_2.xx' not found", after the deploy. The
//! answer is in the version-needs section (`.gnu.version_r`, `SHT_GNU_verneed`), whose entries
//! name versions in the string table it links to (`.dynstr`). Little-endian ELF64 only: the
//! two Lambda architectures (x86_64, aarch64) and nothing else.

use std::fmt;

/// A glibc symbol version, `2.34` or `2.2.5`; ordered as numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct GlibcVersion(pub u32, pub u32, pub u32);

impl GlibcVersion {
    /// The glibc of Lambda's `provided.al2023` runtime (Amazon Linux 2023).
    pub const AL2023: GlibcVersion = GlibcVersion(2, 34, 0);

    /// `GLIBC_2.34` → 2.34. `GLIBC_PRIVATE` is no version; `GLIBC_ABI_DT_RELR` (packed
    /// relative relocations) first appeared in glibc 2.36, so it stands for that.
    pub fn from_symbol_version(name: &str) -> Option<GlibcVersion> {
        if name == "GLIBC_ABI_DT_RELR" {
            return Some(GlibcVersion(2, 36, 0));
        }
        let mut parts = name.strip_prefix("GLIBC_")?.split('.');
        let major = parts.next()?.parse().ok()?;
        let minor = parts.next().map_or(Some(0), |p| p.parse().ok())?;
        let patch = parts.next().map_or(Some(0), |p| p.parse().ok())?;
        parts
            .next()
            .is_none()
            .then_some(GlibcVersion(major, minor, patch))
    }
}

impl fmt::Display for GlibcVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GlibcVersion(major, minor, 0) => write!(f, "{major}.{minor}"),
            GlibcVersion(major, minor, patch) => write!(f, "{major}.{minor}.{patch}"),
        }
    }
}

/// The machine an ELF file is built for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Machine {
    /// `EM_X86_64`.
    X86_64,
    /// `EM_AARCH64`.
    Aarch64,
    /// Anything else, by its `e_machine` number.
    Other(u16),
}

/// What `build` needs to know about a binary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElfInfo {
    /// The machine it runs on.
    pub machine: Machine,
    /// The newest glibc version any of its symbols needs; `None` when it needs no glibc
    /// (statically linked, or no version needs at all).
    pub max_glibc: Option<GlibcVersion>,
}

/// Why a file could not be read as ELF.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ElfError {
    /// Not an ELF file at all.
    #[error("not an ELF file")]
    NotElf,
    /// ELF, but not the little-endian 64-bit kind Lambda runs.
    #[error("not a little-endian 64-bit ELF file")]
    Unsupported,
    /// A header or table points past the end of the file.
    #[error("truncated or corrupt ELF file ({0})")]
    Corrupt(&'static str),
}

const SHT_GNU_VERNEED: u32 = 0x6fff_fffe;
const SECTION_HEADER_SIZE: usize = 64;
const VERNEED_SIZE: usize = 16;
const VERNAUX_SIZE: usize = 16;

/// Read the machine and the newest glibc version needed from an ELF file's bytes.
pub fn inspect(bytes: &[u8]) -> Result<ElfInfo, ElfError> {
    if bytes.get(..4) != Some(b"\x7fELF") {
        return Err(ElfError::NotElf);
    }
    // EI_CLASS 2 = 64-bit, EI_DATA 1 = little-endian.
    if bytes.get(4..6) != Some(&[2, 1]) {
        return Err(ElfError::Unsupported);
    }
    let machine = match u16_at(bytes, 0x12, "header")? {
        62 => Machine::X86_64,
        183 => Machine::Aarch64,
        other => Machine::Other(other),
    };
    let max_glibc = version_needs(bytes)?
        .iter()
        .filter_map(|name| GlibcVersion::from_symbol_version(name))
        .max();
    Ok(ElfInfo { machine, max_glibc })
}

/// Every version name in the version-needs section (`GLIBC_2.34`, `GCC_3.0`, …).
pub fn version_needs(bytes: &[u8]) -> Result<Vec<String>, ElfError> {
    let sections = section_headers(bytes)?;
    let Some(verneed) = sections.iter().find(|s| s.kind == SHT_GNU_VERNEED) else {
        return Ok(Vec::new());
    };
    let strings = sections
        .get(verneed.link as usize)
        .ok_or(ElfError::Corrupt("version needs link to no string table"))?;
    let strtab = slice(bytes, strings.offset, strings.size, "string table")?;
    let table = slice(bytes, verneed.offset, verneed.size, "version needs")?;

    let mut names = Vec::new();
    let mut entry = 0usize;
    // sh_info holds the number of entries; each links to the next by a relative offset.
    for _ in 0..verneed.info {
        let count = u16_at(table, entry + 2, "version need")?;
        let mut aux = entry + u32_at(table, entry + 8, "version need")? as usize;
        for _ in 0..count {
            let name = u32_at(table, aux + 8, "version aux")? as usize;
            names.push(c_string(strtab, name)?);
            let next = u32_at(table, aux + 12, "version aux")? as usize;
            if next == 0 {
                break;
            }
            aux = aux
                .checked_add(next)
                .ok_or(ElfError::Corrupt("version aux"))?;
            check_room(table, aux, VERNAUX_SIZE, "version aux")?;
        }
        let next = u32_at(table, entry + 12, "version need")? as usize;
        if next == 0 {
            break;
        }
        entry = entry
            .checked_add(next)
            .ok_or(ElfError::Corrupt("version need"))?;
        check_room(table, entry, VERNEED_SIZE, "version need")?;
    }
    Ok(names)
}

/// The fields of a section header this reader uses.
#[derive(Debug)]
struct Section {
    kind: u32,
    offset: u64,
    size: u64,
    link: u32,
    info: u32,
}

fn section_headers(bytes: &[u8]) -> Result<Vec<Section>, ElfError> {
    let shoff = u64_at(bytes, 0x28, "header")?;
    let shentsize = u16_at(bytes, 0x3a, "header")? as usize;
    let shnum = u16_at(bytes, 0x3c, "header")? as usize;
    if shnum == 0 {
        return Ok(Vec::new());
    }
    if shentsize < SECTION_HEADER_SIZE {
        return Err(ElfError::Corrupt("section header size"));
    }
    let table = slice(
        bytes,
        shoff,
        (shentsize as u64) * (shnum as u64),
        "section headers",
    )?;
    (0..shnum)
        .map(|i| {
            let at = i * shentsize;
            Ok(Section {
                kind: u32_at(table, at + 4, "section header")?,
                offset: u64_at(table, at + 24, "section header")?,
                size: u64_at(table, at + 32, "section header")?,
                link: u32_at(table, at + 40, "section header")?,
                info: u32_at(table, at + 44, "section header")?,
            })
        })
        .collect()
}

fn slice<'a>(
    bytes: &'a [u8],
    offset: u64,
    size: u64,
    what: &'static str,
) -> Result<&'a [u8], ElfError> {
    let start = usize::try_from(offset).map_err(|_| ElfError::Corrupt(what))?;
    let len = usize::try_from(size).map_err(|_| ElfError::Corrupt(what))?;
    let end = start.checked_add(len).ok_or(ElfError::Corrupt(what))?;
    bytes.get(start..end).ok_or(ElfError::Corrupt(what))
}

fn check_room(bytes: &[u8], at: usize, len: usize, what: &'static str) -> Result<(), ElfError> {
    at.checked_add(len)
        .filter(|end| *end <= bytes.len())
        .map(|_| ())
        .ok_or(ElfError::Corrupt(what))
}

fn array<const N: usize>(bytes: &[u8], at: usize, what: &'static str) -> Result<[u8; N], ElfError> {
    at.checked_add(N)
        .and_then(|end| bytes.get(at..end))
        .and_then(|b| b.try_into().ok())
        .ok_or(ElfError::Corrupt(what))
}

fn u16_at(bytes: &[u8], at: usize, what: &'static str) -> Result<u16, ElfError> {
    array(bytes, at, what).map(u16::from_le_bytes)
}

fn u32_at(bytes: &[u8], at: usize, what: &'static str) -> Result<u32, ElfError> {
    array(bytes, at, what).map(u32::from_le_bytes)
}

fn u64_at(bytes: &[u8], at: usize, what: &'static str) -> Result<u64, ElfError> {
    array(bytes, at, what).map(u64::from_le_bytes)
}

/// The NUL-terminated string at `at` in a string table.
fn c_string(strtab: &[u8], at: usize) -> Result<String, ElfError> {
    let rest = strtab.get(at..).ok_or(ElfError::Corrupt("string table"))?;
    let end = rest
        .iter()
        .position(|b| *b == 0)
        .ok_or(ElfError::Corrupt("string table"))?;
    Ok(String::from_utf8_lossy(&rest[..end]).into_owned())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A minimal little-endian ELF64 file: header, a string table, a version-needs section
    /// naming `versions` (all under one needed file, `libc.so.6`), and the section headers.
    pub(crate) fn crafted(machine: u16, versions: &[&str]) -> Vec<u8> {
        let mut strtab = b"\0libc.so.6\0".to_vec();
        let mut name_at = Vec::new();
        for v in versions {
            name_at.push(strtab.len() as u32);
            strtab.extend_from_slice(v.as_bytes());
            strtab.push(0);
        }
        let mut verneed = Vec::new();
        // Elf64_Verneed: version, count, file, aux, next.
        verneed.extend_from_slice(&1u16.to_le_bytes());
        verneed.extend_from_slice(&(versions.len() as u16).to_le_bytes());
        verneed.extend_from_slice(&1u32.to_le_bytes());
        verneed.extend_from_slice(&16u32.to_le_bytes());
        verneed.extend_from_slice(&0u32.to_le_bytes());
        for (i, at) in name_at.iter().enumerate() {
            // Elf64_Vernaux: hash, flags, other, name, next.
            verneed.extend_from_slice(&0u32.to_le_bytes());
            verneed.extend_from_slice(&0u16.to_le_bytes());
            verneed.extend_from_slice(&(i as u16 + 2).to_le_bytes());
            verneed.extend_from_slice(&at.to_le_bytes());
            let next: u32 = if i + 1 == name_at.len() { 0 } else { 16 };
            verneed.extend_from_slice(&next.to_le_bytes());
        }

        let strtab_off = 64u64;
        let verneed_off = strtab_off + strtab.len() as u64;
        let shoff = verneed_off + verneed.len() as u64;
        let mut elf = vec![0u8; 64];
        elf[..6].copy_from_slice(&[0x7f, b'E', b'L', b'F', 2, 1]);
        elf[6] = 1;
        elf[0x12..0x14].copy_from_slice(&machine.to_le_bytes());
        elf[0x28..0x30].copy_from_slice(&shoff.to_le_bytes());
        elf[0x3a..0x3c].copy_from_slice(&64u16.to_le_bytes());
        elf[0x3c..0x3e].copy_from_slice(&3u16.to_le_bytes());
        elf.extend_from_slice(&strtab);
        elf.extend_from_slice(&verneed);
        let header = |kind: u32, offset: u64, size: u64, link: u32, info: u32| {
            let mut h = vec![0u8; 64];
            h[4..8].copy_from_slice(&kind.to_le_bytes());
            h[24..32].copy_from_slice(&offset.to_le_bytes());
            h[32..40].copy_from_slice(&size.to_le_bytes());
            h[40..44].copy_from_slice(&link.to_le_bytes());
            h[44..48].copy_from_slice(&info.to_le_bytes());
            h
        };
        elf.extend(header(0, 0, 0, 0, 0));
        elf.extend(header(3, strtab_off, strtab.len() as u64, 0, 0));
        elf.extend(header(
            SHT_GNU_VERNEED,
            verneed_off,
            verneed.len() as u64,
            1,
            1,
        ));
        elf
    }

    #[test]
    fn the_newest_glibc_version_needed_is_found() {
        let elf = crafted(
            62,
            &["GLIBC_2.2.5", "GLIBC_2.34", "GLIBC_2.17", "GLIBC_PRIVATE"],
        );
        assert_eq!(
            version_needs(&elf).unwrap(),
            ["GLIBC_2.2.5", "GLIBC_2.34", "GLIBC_2.17", "GLIBC_PRIVATE"]
        );
        let info = inspect(&elf).unwrap();
        assert_eq!(info.machine, Machine::X86_64);
        assert_eq!(info.max_glibc, Some(GlibcVersion(2, 34, 0)));
        assert!(info.max_glibc <= Some(GlibcVersion::AL2023));
    }

    #[test]
    fn a_binary_needing_a_newer_glibc_than_al2023_is_seen() {
        let info = inspect(&crafted(183, &["GLIBC_2.17", "GLIBC_2.38"])).unwrap();
        assert_eq!(info.machine, Machine::Aarch64);
        assert_eq!(info.max_glibc, Some(GlibcVersion(2, 38, 0)));
        assert!(info.max_glibc > Some(GlibcVersion::AL2023));
        // Packed relative relocations need glibc 2.36's loader.
        let relr = inspect(&crafted(62, &["GLIBC_2.17", "GLIBC_ABI_DT_RELR"])).unwrap();
        assert_eq!(relr.max_glibc, Some(GlibcVersion(2, 36, 0)));
    }

    #[test]
    fn no_version_needs_means_no_glibc() {
        let info = inspect(&crafted(62, &[])).unwrap();
        assert_eq!(info.max_glibc, None);
    }

    #[test]
    fn versions_compare_as_numbers() {
        let v = |s| GlibcVersion::from_symbol_version(s).unwrap();
        assert!(v("GLIBC_2.9") < v("GLIBC_2.10"));
        assert!(v("GLIBC_2.2.5") < v("GLIBC_2.3"));
        assert_eq!(v("GLIBC_2.34").to_string(), "2.34");
        assert_eq!(v("GLIBC_2.2.5").to_string(), "2.2.5");
        assert_eq!(GlibcVersion::from_symbol_version("GLIBC_PRIVATE"), None);
        assert_eq!(GlibcVersion::from_symbol_version("GCC_3.0"), None);
    }

    #[test]
    fn damaged_files_are_errors_not_panics() {
        assert_eq!(inspect(b"#!/bin/sh\n"), Err(ElfError::NotElf));
        let elf = crafted(62, &["GLIBC_2.34"]);
        let mut class32 = elf.clone();
        class32[4] = 1;
        assert_eq!(inspect(&class32), Err(ElfError::Unsupported));
        // Every truncation is an error (or, cut inside nothing this reader uses, fine).
        for len in 0..elf.len() {
            let _ = inspect(&elf[..len]);
        }
        assert!(matches!(
            inspect(&elf[..elf.len() - 1]),
            Err(ElfError::Corrupt(_))
        ));
        // A name offset past the string table.
        let mut bad = elf.clone();
        let at = 64 + 11 + 11 + 16 + 8;
        bad[at..at + 4].copy_from_slice(&999u32.to_le_bytes());
        assert!(matches!(inspect(&bad), Err(ElfError::Corrupt(_))));
    }

    /// The test binary is a real glibc-linked x86_64 or aarch64 executable.
    #[test]
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn reads_this_test_binary() {
        let path = std::env::current_exe().unwrap();
        let bytes = std::fs::read(path).unwrap();
        let info = inspect(&bytes).unwrap();
        let expected = if cfg!(target_arch = "x86_64") {
            Machine::X86_64
        } else {
            Machine::Aarch64
        };
        assert_eq!(info.machine, expected);
        let names = version_needs(&bytes).unwrap();
        assert!(names.iter().any(|n| n.starts_with("GLIBC_2.")), "{names:?}");
        assert!(info.max_glibc >= Some(GlibcVersion(2, 2, 5)), "{info:?}");
    }
}

//! A small, strict reader of `.zip` archives (stored and deflated entries), for packs a
//! browser hands over as one file. It reads the central directory, never trusts a size it
//! cannot check, and refuses what it does not understand with a message for the user.

use std::collections::BTreeMap;

/// The most a pack may unpack to (the built-in pack is about 4 MB).
pub const MAX_UNPACKED_BYTES: usize = 64 * 1024 * 1024;

const END_OF_DIRECTORY: u32 = 0x0605_4b50;
const DIRECTORY_ENTRY: u32 = 0x0201_4b50;
const LOCAL_HEADER: u32 = 0x0403_4b50;

fn u16_at(b: &[u8], at: usize) -> Result<u16, String> {
    b.get(at..at + 2).map(|s| u16::from_le_bytes([s[0], s[1]])).ok_or_else(truncated)
}

fn u32_at(b: &[u8], at: usize) -> Result<u32, String> {
    b.get(at..at + 4).map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]])).ok_or_else(truncated)
}

fn truncated() -> String {
    "the .zip file is cut short or damaged".into()
}

/// Unpacks every file of the archive: path inside the archive → bytes. Folders are skipped.
pub fn unzip(bytes: &[u8]) -> Result<BTreeMap<String, Vec<u8>>, String> {
    // The end-of-directory record is in the last 22 + 65535 bytes (after it, a comment).
    let earliest = bytes.len().saturating_sub(22 + 65_535);
    let end = (earliest..bytes.len().saturating_sub(21))
        .rev()
        .find(|&i| u32_at(bytes, i) == Ok(END_OF_DIRECTORY))
        .ok_or_else(|| "this is not a .zip file (no zip directory found)".to_string())?;
    let count = usize::from(u16_at(bytes, end + 10)?);
    let mut at = u32_at(bytes, end + 16)? as usize;
    let mut files = BTreeMap::new();
    let mut total = 0usize;
    for _ in 0..count {
        if u32_at(bytes, at)? != DIRECTORY_ENTRY {
            return Err(truncated());
        }
        let flags = u16_at(bytes, at + 8)?;
        let method = u16_at(bytes, at + 10)?;
        let packed = u32_at(bytes, at + 20)? as usize;
        let size = u32_at(bytes, at + 24)? as usize;
        let name_len = usize::from(u16_at(bytes, at + 28)?);
        let extra_len = usize::from(u16_at(bytes, at + 30)?);
        let comment_len = usize::from(u16_at(bytes, at + 32)?);
        let local = u32_at(bytes, at + 42)? as usize;
        let name_bytes = bytes.get(at + 46..at + 46 + name_len).ok_or_else(truncated)?;
        let name = String::from_utf8_lossy(name_bytes).replace('\\', "/");
        at += 46 + name_len + extra_len + comment_len;
        if name.ends_with('/') {
            continue;
        }
        if flags & 1 != 0 {
            return Err(format!("{name} is encrypted; packs must not have a password"));
        }
        total = total.saturating_add(size);
        if total > MAX_UNPACKED_BYTES {
            return Err(format!("the pack unpacks to more than {} MB", MAX_UNPACKED_BYTES / 1_048_576));
        }
        if u32_at(bytes, local)? != LOCAL_HEADER {
            return Err(truncated());
        }
        let start = local + 30 + usize::from(u16_at(bytes, local + 26)?) + usize::from(u16_at(bytes, local + 28)?);
        let data = bytes.get(start..start.saturating_add(packed)).ok_or_else(truncated)?;
        let content = match method {
            0 => data.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, size)
                .map_err(|e| format!("{name} could not be unpacked ({:?})", e.status))?,
            other => return Err(format!("{name} uses a compression this app cannot read (method {other})")),
        };
        if content.len() != size {
            return Err(format!("{name} is damaged (its size does not match)"));
        }
        files.insert(name, content);
    }
    Ok(files)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Builds a zip archive (each entry deflated when `deflate`), for tests.
    pub(crate) fn make_zip(entries: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let mut directory = Vec::new();
        for (name, content) in entries {
            let data = if deflate { miniz_oxide::deflate::compress_to_vec(content, 6) } else { content.to_vec() };
            let method: u16 = if deflate { 8 } else { 0 };
            let offset = out.len() as u32;
            let header = |sig: u32, central: bool| {
                let mut h = sig.to_le_bytes().to_vec();
                if central {
                    h.extend(20u16.to_le_bytes());
                }
                h.extend(20u16.to_le_bytes());
                h.extend(0u16.to_le_bytes());
                h.extend(method.to_le_bytes());
                h.extend([0u8; 4]); // time, date
                h.extend(0u32.to_le_bytes()); // crc (not checked)
                h.extend((data.len() as u32).to_le_bytes());
                h.extend((content.len() as u32).to_le_bytes());
                h.extend((name.len() as u16).to_le_bytes());
                h.extend(0u16.to_le_bytes());
                if central {
                    h.extend([0u8; 6]); // comment length, disk, internal attributes
                    h.extend(0u32.to_le_bytes());
                    h.extend(offset.to_le_bytes());
                }
                h.extend(name.as_bytes());
                h
            };
            let local = header(LOCAL_HEADER, false);
            directory.extend(header(DIRECTORY_ENTRY, true));
            out.extend(local);
            out.extend(&data);
        }
        let dir_at = out.len() as u32;
        out.extend(&directory);
        out.extend(END_OF_DIRECTORY.to_le_bytes());
        out.extend([0u8; 4]);
        out.extend((entries.len() as u16).to_le_bytes());
        out.extend((entries.len() as u16).to_le_bytes());
        out.extend((directory.len() as u32).to_le_bytes());
        out.extend(dir_at.to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out
    }

    #[test]
    fn reads_stored_and_deflated_entries() {
        for deflate in [false, true] {
            let zip = make_zip(&[("pack/pack.json", b"{\"a\": 1}"), ("pack/x/y.csv", b"a,b\n1,2\n")], deflate);
            let files = unzip(&zip).expect("unzips");
            assert_eq!(files.get("pack/pack.json").map(Vec::as_slice), Some(&b"{\"a\": 1}"[..]));
            assert_eq!(files.get("pack/x/y.csv").map(Vec::as_slice), Some(&b"a,b\n1,2\n"[..]));
        }
    }

    #[test]
    fn damaged_archives_are_refused_with_a_message_never_a_panic() {
        assert!(unzip(b"not a zip at all").expect_err("not a zip").contains("not a .zip"));
        let zip = make_zip(&[("pack.json", b"{}")], true);
        for cut in 0..zip.len() {
            let _ = unzip(&zip[..cut]);
        }
        let mut bad = zip.clone();
        bad[35] ^= 0xFF; // inside the deflated data
        let _ = unzip(&bad);
    }
}

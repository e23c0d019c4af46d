//! Turning a file's bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030/GBK,
//! which Chinese offices still save by default. Anything else is refused with the line where it goes wrong.

use encoding_rs::{DecoderResult, Encoding, GB18030, UTF_16BE, UTF_16LE};

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// A byte sequence that is valid in none of the encodings we read.
    Malformed {
        /// 1-based line of the first bad bytes.
        line: usize,
        /// The encoding the file most looks like.
        encoding: &'static str,
    },
    /// The file ends in the middle of a UTF-8 character: it was cut off.
    TruncatedCharacter {
        /// 1-based line of the last, incomplete character.
        line: usize,
    },
    /// Control characters (NUL and the like) that no text file has: a binary file.
    Binary {
        /// 1-based line of the first one.
        line: usize,
    },
}

/// The text and the name of the encoding it was read in.
#[derive(Debug)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// 「UTF-8」, 「UTF-16」 or 「GB18030」.
    pub encoding: &'static str,
}

/// Decodes a whole file. Linear in its length.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let decoded = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        // The BOM holds no newline, so lines counted after it are the file's lines.
        utf8(rest)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, UTF_16LE)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, UTF_16BE)?
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => Decoded {
                text: text.to_owned(),
                encoding: "UTF-8",
            },
            Err(first) => not_utf8(bytes, first)?,
        }
    };
    if let Some(line) = first_control_line(&decoded.text) {
        return Err(DecodeError::Binary { line });
    }
    Ok(decoded)
}

fn utf8(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_owned(),
            encoding: "UTF-8",
        }),
        Err(e) => Err(utf8_error(bytes, e)),
    }
}

fn utf8_error(bytes: &[u8], e: std::str::Utf8Error) -> DecodeError {
    let line = line_at(bytes, e.valid_up_to());
    match e.error_len() {
        None => DecodeError::TruncatedCharacter { line },
        Some(_) => DecodeError::Malformed {
            line,
            encoding: "UTF-8",
        },
    }
}

fn utf16(bytes: &[u8], encoding: &'static Encoding) -> Result<Decoded, DecodeError> {
    match encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok(Decoded {
            text: text.into_owned(),
            encoding: "UTF-16",
        }),
        None => {
            // Find the line of the first bad unit in the lossy decoding.
            let (lossy, _) = encoding.decode_without_bom_handling(bytes);
            let at = lossy.find('\u{FFFD}').unwrap_or(lossy.len());
            Err(DecodeError::Malformed {
                line: lossy[..at].matches('\n').count() + 1,
                encoding: "UTF-16",
            })
        }
    }
}

/// Not valid UTF-8: either GB18030/GBK text, or UTF-8 that was damaged, or not text at all.
fn not_utf8(bytes: &[u8], first: std::str::Utf8Error) -> Result<Decoded, DecodeError> {
    // A file cut off inside its last character is truncated UTF-8, not GBK.
    if first.error_len().is_none() && has_multibyte_utf8(&bytes[..first.valid_up_to()]) {
        return Err(utf8_error(bytes, first));
    }
    if looks_like_damaged_utf8(bytes) {
        return Err(utf8_error(bytes, first));
    }
    let mut decoder = GB18030.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() * 3 / 2 + 16);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        DecoderResult::InputEmpty => Ok(Decoded {
            text,
            encoding: "GB18030",
        }),
        DecoderResult::Malformed(bad, after) => {
            let start = read.saturating_sub(bad as usize + after as usize);
            Err(DecodeError::Malformed {
                line: line_at(bytes, start),
                encoding: "GB18030",
            })
        }
        // The string was sized for the worst case (2 bytes may give 3 of UTF-8); cannot happen.
        DecoderResult::OutputFull => Err(DecodeError::Malformed {
            line: line_at(bytes, read),
            encoding: "GB18030",
        }),
    }
}

fn has_multibyte_utf8(valid: &[u8]) -> bool {
    valid.iter().any(|&b| b >= 0x80)
}

/// Mostly well-formed UTF-8 with a few bad bytes: GBK text almost never forms more than the odd
/// valid UTF-8 sequence by chance, so many good sequences against few errors means damaged UTF-8.
fn looks_like_damaged_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                good += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let valid = &rest[..e.valid_up_to()];
                good += std::str::from_utf8(valid)
                    .map(|s| s.chars().filter(|c| !c.is_ascii()).count())
                    .unwrap_or(0);
                bad += 1;
                let skip = e.valid_up_to() + e.error_len().unwrap_or(rest.len() - e.valid_up_to());
                rest = &rest[skip.min(rest.len())..];
                if rest.is_empty() {
                    break;
                }
            }
        }
    }
    good >= 8 && good >= bad * 20
}

/// 1-based line of a byte offset; files with only CR line ends count CRs.
fn line_at(bytes: &[u8], offset: usize) -> usize {
    let before = &bytes[..offset.min(bytes.len())];
    let lf = before.iter().filter(|&&b| b == b'\n').count();
    if lf == 0 && !bytes.contains(&b'\n') {
        before.iter().filter(|&&b| b == b'\r').count() + 1
    } else {
        lf + 1
    }
}

/// The line of the first control character that no text has (tab, line ends and form feed are fine).
fn first_control_line(text: &str) -> Option<usize> {
    let at = text.find(|c: char| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c'))
            || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    })?;
    Some(text[..at].matches('\n').count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("温州科协信息\n第 4 期".as_bytes()).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("温州科协信息\n第 4 期", "UTF-8")
        );
        let d = decode(b"\xEF\xBB\xBFabc").unwrap();
        assert_eq!(d.text, "abc");
    }

    #[test]
    fn gbk_is_read() {
        let (bytes, _, _) = GB18030.encode("温州科协信息\n第 4 期\n（叶贤挺）");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "温州科协信息\n第 4 期\n（叶贤挺）");
        assert_eq!(d.encoding, "GB18030");
    }

    #[test]
    fn utf16_with_bom_is_read() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "简讯\n4月7日".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "简讯\n4月7日");
        let mut be = vec![0xFE, 0xFF];
        for u in "简讯".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be).unwrap().text, "简讯");
        // An unpaired surrogate on line 2.
        let mut bad = vec![0xFF, 0xFE, b'a', 0, b'\n', 0, 0x00, 0xD8, b'b', 0];
        bad.extend_from_slice(&[b'\n', 0]);
        assert_eq!(
            decode(&bad).unwrap_err(),
            DecodeError::Malformed {
                line: 2,
                encoding: "UTF-16"
            }
        );
    }

    #[test]
    fn utf8_cut_inside_a_character_is_truncated() {
        let text = "第一行\n第二行温州";
        let bytes = &text.as_bytes()[..text.len() - 1];
        assert_eq!(
            decode(bytes).unwrap_err(),
            DecodeError::TruncatedCharacter { line: 2 }
        );
    }

    #[test]
    fn damaged_utf8_names_the_line() {
        let mut bytes = "温州科协信息第四期一二三四五六七八九十\n第二行\n"
            .as_bytes()
            .to_vec();
        bytes.extend_from_slice(b"bad \xFF byte\n");
        assert_eq!(
            decode(&bytes).unwrap_err(),
            DecodeError::Malformed {
                line: 3,
                encoding: "UTF-8"
            }
        );
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(
            decode(b"abc\n\x00\x01\x02").unwrap_err(),
            DecodeError::Binary { line: 2 }
        );
        // 0xFF is not a GB18030 lead byte.
        assert!(matches!(
            decode(b"\x81\x40ok\n\xFF\xFF").unwrap_err(),
            DecodeError::Malformed {
                line: 2,
                encoding: "GB18030"
            }
        ));
    }
}

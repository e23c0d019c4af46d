//! Deflating a large stream (the body face's font program) on both cores.
//!
//! A zlib stream (RFC 1950) is a header, raw deflate blocks (RFC 1951) and the Adler-32 of the
//! data. Deflate blocks compressed independently can follow one another when every part but
//! the last ends on a sync flush (an empty stored block, byte-aligned) and only the last sets
//! BFINAL, so each half is compressed on its own thread and the halves are joined. The split
//! point is fixed (the middle), so the output is deterministic; the second half loses only
//! the first 32 KB of back-references it could have had.

use flate2::Compression;

/// Below this, one thread is faster than two.
const PARALLEL_FROM: usize = 64 * 1024;

/// Compresses `data` into a zlib stream at `level` (0–9).
pub(crate) fn zlib(data: &[u8], level: u32) -> Vec<u8> {
    let level = Compression::new(level);
    let parts: Vec<Vec<u8>> = if data.len() < PARALLEL_FROM {
        vec![raw(data, level, true)]
    } else {
        let (a, b) = data.split_at(data.len() / 2);
        std::thread::scope(|scope| {
            let first = scope.spawn(|| raw(a, level, false));
            let second = raw(b, level, true);
            vec![first.join().expect("deflate thread panicked"), second]
        })
    };
    let mut out = Vec::with_capacity(2 + parts.iter().map(Vec::len).sum::<usize>() + 4);
    // CMF 0x78: deflate, 32 KB window; FLG 0x01 makes the header a multiple of 31, no dictionary.
    out.extend_from_slice(&[0x78, 0x01]);
    for p in &parts {
        out.extend_from_slice(p);
    }
    out.extend_from_slice(&adler32(data).to_be_bytes());
    out
}

/// Raw deflate of `data`, ending with BFINAL when `last`, else with a sync flush.
fn raw(data: &[u8], level: Compression, last: bool) -> Vec<u8> {
    use std::io::Write as _;
    let mut z = flate2::write::DeflateEncoder::new(Vec::with_capacity(data.len()), level);
    z.write_all(data)
        .expect("deflating into memory cannot fail");
    if last {
        return z.finish().expect("deflating into memory cannot fail");
    }
    // `flush` on flate2's writer is a sync flush; what the encoder writes when dropped
    // afterwards goes to the emptied buffer and is discarded.
    z.flush().expect("deflating into memory cannot fail");
    std::mem::take(z.get_mut())
}

/// Adler-32 (RFC 1950 §8.2).
fn adler32(data: &[u8]) -> u32 {
    const MOD: u32 = 65_521;
    // 5552 is the most bytes that can be summed before b may overflow 32 bits.
    let (mut a, mut b) = (1u32, 0u32);
    for chunk in data.chunks(5552) {
        for &byte in chunk {
            a += u32::from(byte);
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    (b << 16) | a
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read as _;

    fn inflate(z: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::ZlibDecoder::new(z)
            .read_to_end(&mut out)
            .expect("a valid zlib stream");
        out
    }

    /// Pseudo-random but compressible bytes, like a font program.
    fn data(len: usize) -> Vec<u8> {
        let mut x = 0x2545_f491_u32;
        (0..len)
            .map(|i| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                if i % 3 == 0 {
                    (x % 16) as u8
                } else {
                    (i % 251) as u8
                }
            })
            .collect()
    }

    #[test]
    fn joined_halves_inflate_to_the_input_with_its_checksum() {
        for len in [0, 1, 1000, PARALLEL_FROM - 1, PARALLEL_FROM, 400_001] {
            let d = data(len);
            let z = zlib(&d, 2);
            // The standard decoder checks the Adler-32 at the end.
            assert_eq!(inflate(&z), d, "length {len}");
            assert!(len < 1000 || z.len() < d.len(), "length {len} compresses");
        }
    }

    #[test]
    fn adler32_matches_known_values() {
        assert_eq!(adler32(b""), 1);
        // RFC 1950's example value for "Wikipedia" as given in most references.
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
        let d = data(100_000);
        let mut z = flate2::Compress::new(Compression::new(1), true);
        let mut out = Vec::with_capacity(200_000);
        z.compress_vec(&d, &mut out, flate2::FlushCompress::Finish)
            .unwrap();
        let tail = u32::from_be_bytes(out[out.len() - 4..].try_into().unwrap());
        assert_eq!(adler32(&d), tail, "same as zlib's own checksum");
    }

    #[test]
    fn output_is_deterministic() {
        let d = data(300_000);
        assert_eq!(zlib(&d, 2), zlib(&d, 2));
    }
}
